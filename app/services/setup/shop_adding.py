"""Adding a shop to a desk that runs, and taking one off: the owner's "Add a shop…" and
"Remove this shop…".

Owns `add_chosen_shop`: what the shop page of the wizard chose (`ShopChoice`, the same
answers as the first run's and "Change shop…"'s) becomes one more entry of the desk, never
in the place of another. Who may do it is checked first (`MANAGE_SHOP_CONNECTION`, on the
owner's record as it is now), then a TikTok shop's tokens are kept (its authorization
code is spent: they are the one way back to the shop), then `shop_list.add_shop` keeps the
app secret, names the shop in the settings, creates its own database and carries the
owner's account into it. The desk then starts the shop's sync (app/running_shops.py).

`take_shop_off_desk` is the way back: refused while a decision or a shipment made there
has not reached the platform yet (it would never be sent: nothing syncs a shop off the
desk), else the settings no longer name it and its trail says who took it off. Its
database, its secrets and its data stay on the computer: adding it again finds them. No Qt.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app import config, secrets
from app.core.refusal import Refusal
from app.core.translation import QT_TRANSLATE_NOOP
from app.services import outbox
from app.services.people import permissions
from app.services.people.permissions import Action, Actor
from app.services.setup.connection_test import TIKTOK
from app.services.setup.settings_audit import record_setting_change
from app.services.setup.shop_list import add_shop, remove_shop
from app.services.setup.shop_setup import ShopChoice, entry_for
from app.shop_entries import ShopEntry

MSG_STILL_SENDING = QT_TRANSLATE_NOOP(
    "accounts",
    "{count} decisions or shipments made in this shop have not reached the platform yet. "
    "Remove the shop once they have (the status bar counts them).",
)
MSG_LAST_SHOP = QT_TRANSLATE_NOOP("accounts", "The desk's only shop cannot be removed.")


class ShopNotRemoved(Refusal):
    context = "accounts"


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


def take_shop_off_desk(
    settings: config.Settings,
    key: str,
    owner: Actor,
    shop_sessions: sessionmaker[Session],
    *,
    now: int,
    settings_path: Path | None = None,
) -> None:
    """Take the shop `key` off the desk (`shop_sessions`: its database, where `owner` is the
    owner too). Raises PermissionDenied or ShopNotRemoved, with nothing changed."""
    if len(settings.shops) <= 1:
        raise ShopNotRemoved(MSG_LAST_SHOP)
    with shop_sessions.begin() as session:
        permissions.authorise(session, owner, Action.MANAGE_SHOP_CONNECTION)
        waiting = outbox.waiting_count(session)
    if waiting:
        raise ShopNotRemoved(MSG_STILL_SENDING, {"count": waiting})
    before = [entry.key for entry in settings.shops]
    remove_shop(settings, key, settings_path=settings_path)
    after = [entry.key for entry in settings.shops]
    record_setting_change(shop_sessions, owner, "shops", before, after, now=now)
