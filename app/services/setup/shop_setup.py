"""Setting a workstation up for a shop: the first owner, and the shop's connection.

Owns what the first-run wizard's answers turn into, written in an order that never
leaves half a set-up behind: the app secret — and for a TikTok shop the tokens its
single-use authorization code was exchanged for — go to the OS keyring (or, with the
owner's consent, the protected file) before the settings name the shop (through the
desk's shop list, `shop_list.add_shop`, in the place of the shop on screen), and the
owner account and its audit events are one transaction in that shop's own database. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app import config, secrets
from app.core.translation import QT_TRANSLATE_NOOP
from app.db import open_database
from app.demo_shop import DEMO_TIKTOK_SHOP_ID, DEMO_TIKTOK_SHOP_NAME
from app.models import User
from app.services.people import accounts, audit, permissions
from app.services.people.permissions import Action, Actor
from app.services.setup.connection_test import DOUYIN, TIKTOK
from app.services.setup.shop_list import add_shop, database_url_of
from app.shop_entries import ShopEntry, demo_entry, entry_key

MSG_SHARED_DATABASE = QT_TRANSLATE_NOOP(
    "accounts",
    "This workstation uses a shared shop database; point it at another database in Settings instead.",
)


@dataclass(frozen=True)
class ShopChoice:
    """The wizard's second page: the demo shop, or a real shop's credentials."""

    use_demo: bool
    gateway: str = ""
    app_key: str = ""
    app_secret: str = field(default="", repr=False)
    shop_id: str = ""
    allow_plain_file_secret: bool = False
    platform: str = DOUYIN  # "douyin" or "tiktok", the demo shop's too
    shop_name: str = ""  # as the connection test heard it
    # TikTok: the tokens the connection test exchanged the single-use code for (JSON).
    kept: str = field(default="", repr=False)


def entry_for(choice: ShopChoice) -> ShopEntry:
    """The desk's list entry for the chosen shop (never a secret)."""
    if choice.use_demo and choice.platform == TIKTOK:
        key = entry_key(TIKTOK, "", demo=True)
        return demo_entry(DEMO_TIKTOK_SHOP_NAME, platform=TIKTOK, key=key, shop_id=DEMO_TIKTOK_SHOP_ID)
    if choice.use_demo:
        return demo_entry()
    return ShopEntry(
        key=entry_key(choice.platform, choice.shop_id, demo=False),
        platform=choice.platform,
        name=choice.shop_name,
        shop_id=choice.shop_id,
        gateway=choice.gateway,
        app_key=choice.app_key,
    )


def save_shop_choice(settings: config.Settings, choice: ShopChoice) -> str:
    """Store the connection in the place of the shop on screen; returns where the secret went
    ("keyring", "file", or "" for a demo shop). A TikTok shop's tokens are kept first: they
    are the one way back to the shop (its code is spent), so nothing names a shop without them."""
    if choice.platform == TIKTOK and not choice.use_demo:
        secrets.save_shop_tokens(
            choice.app_key, choice.shop_id, choice.kept, allow_plain_file=choice.allow_plain_file_secret
        )
    return add_shop(
        settings,
        entry_for(choice),
        app_secret="" if choice.use_demo else choice.app_secret,
        allow_plain_file_secret=choice.allow_plain_file_secret,
        now=0,  # no owner given: nothing is audited here
        replacing=settings.current_entry().key if settings.shops else "",
    )


def create_first_owner(
    sessions: sessionmaker[Session],
    *,
    username: str,
    display_name: str,
    password: str,
    choice: ShopChoice,
    secret_location: str,
    now: int,
) -> Actor:
    """The owner account and the record of which shop was connected, in one transaction."""
    with sessions.begin() as session:
        owner = accounts.create_owner(session, username, display_name, password, now=now)
        audit.record(
            session,
            owner,
            "shop.connect",
            entity_type="shop",
            entity_id="demo" if choice.use_demo else choice.shop_id,
            after={
                "demo": choice.use_demo,
                "platform": choice.platform,
                "gateway": choice.gateway,
                "app_key": choice.app_key,
                "shop_id": choice.shop_id,
                "secret_stored_in": secret_location,  # where, never what
            },
            now=now,
        )
    return owner


def database_url_for(settings: config.Settings, choice: ShopChoice) -> str:
    """Where the chosen shop's data lives: each shop has its own database."""
    return database_url_of(entry_for(choice))


def switch_shop(
    settings: config.Settings,
    choice: ShopChoice,
    owner: Actor,
    current: sessionmaker[Session],
    *,
    now: int,
) -> str:
    """Point this workstation at another shop (the demo or a real one); returns its database URL.

    The owner's account is carried into the other shop's database (same password), and
    both databases record the switch. Data of the two shops never meet. Who may do it is
    checked first, on the person's record as it is now (PermissionDenied), and only then
    are the secret and the settings written.
    """
    with current.begin() as session:
        permissions.authorise(session, owner, Action.MANAGE_SHOP_CONNECTION)
    if settings.database_url:
        raise accounts.AccountError(MSG_SHARED_DATABASE)
    where = save_shop_choice(settings, choice)
    url = database_url_for(settings, choice)
    engine, target = open_database(url)
    try:
        with current.begin() as session:
            accounts.copy_owner_to(target, owner.user_id, session, now=now)
            details = {
                "demo": choice.use_demo,
                "platform": choice.platform,
                "shop_id": choice.shop_id,
                "gateway": choice.gateway,
                "secret_stored_in": where,
            }
            audit.record(
                session,
                owner,
                audit.SHOP_SWITCH,
                entity_type="shop",
                entity_id="demo" if choice.use_demo else choice.shop_id,
                after=details,
                now=now,
            )
        with target.begin() as session:
            audit.record(
                session,
                owner,
                audit.SHOP_SWITCH,
                entity_type="shop",
                entity_id="demo" if choice.use_demo else choice.shop_id,
                after=details,
                now=now,
            )
    finally:
        engine.dispose()
    return url


def actor_named(session: Session, username: str) -> Actor | None:
    """The active user `username` as an Actor (for a workstation that stays signed in)."""
    user = session.scalars(
        select(User).where(User.username_key == username.strip().lower(), User.active.is_(True))
    ).first()
    if user is None:
        return None
    return permissions.actor_for(user)
