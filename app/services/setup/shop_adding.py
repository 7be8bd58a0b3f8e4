"""Adding a shop to a desk that runs: the owner's "Add a shop…", beside the shops it has.

Owns `add_chosen_shop`: what the shop page of the wizard chose (`ShopChoice`, the same
answers as the first run's and "Change shop…"'s) becomes one more entry of the desk, never
in the place of another. Who may do it is checked first (`MANAGE_SHOP_CONNECTION`, on the
owner's record as it is now), then a TikTok shop's tokens are kept (its authorization
code is spent: they are the one way back to the shop), then `shop_list.add_shop` keeps the
app secret, names the shop in the settings, creates its own database and carries the
owner's account into it. The desk then starts the shop's sync (app/running_shops.py). No Qt.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app import config, secrets
from app.services.people import permissions
from app.services.people.permissions import Action, Actor
from app.services.setup.connection_test import TIKTOK
from app.services.setup.shop_list import add_shop
from app.services.setup.shop_setup import ShopChoice, entry_for
from app.shop_entries import ShopEntry


def add_chosen_shop(
    settings: config.Settings,
    choice: ShopChoice,
    owner: Actor,
    owner_sessions: sessionmaker[Session],
    *,
    now: int,
    settings_path: Path | None = None,
) -> ShopEntry:
    """Add the chosen shop to the desk (the shop on screen stays on screen); returns its entry.
    Raises PermissionDenied, SecretStoreUnavailable or accounts.AccountError with plain words,
    before anything is kept."""
    with owner_sessions.begin() as session:
        permissions.authorise(session, owner, Action.MANAGE_SHOP_CONNECTION)
    if choice.platform == TIKTOK and not choice.use_demo:
        secrets.save_shop_tokens(
            choice.app_key, choice.shop_id, choice.kept, allow_plain_file=choice.allow_plain_file_secret
        )
    entry = entry_for(choice)
    add_shop(
        settings,
        entry,
        app_secret="" if choice.use_demo else choice.app_secret,
        allow_plain_file_secret=choice.allow_plain_file_secret,
        owner=owner,
        owner_sessions=owner_sessions,
        now=now,
        make_current=False,
        settings_path=settings_path,
    )
    return entry
