"""Setting a workstation up for a shop: the first owner, and the shop's connection.

Owns what the first-run wizard's answers turn into, written in an order that never
leaves half a set-up behind: the app secret goes to the OS keyring (or, with the
owner's consent, the protected file) before the settings name the shop, and the owner
account and its audit events are one transaction in that shop's own database. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app import config, secrets
from app.core.translation import QT_TRANSLATE_NOOP
from app.db import open_database
from app.demo_shop import DEMO_SHOP_ID
from app.models import User
from app.services.people import accounts, audit, permissions
from app.services.people.permissions import Action, Actor

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
    app_secret: str = ""
    shop_id: str = ""
    allow_plain_file_secret: bool = False


def save_shop_choice(settings: config.Settings, choice: ShopChoice) -> str:
    """Store the connection; returns where the secret went ("keyring", "file", or "" for the demo)."""
    if choice.use_demo:
        settings.shop = None
        settings.save()
        return ""
    where = secrets.save_app_secret(
        choice.app_key, choice.app_secret, allow_plain_file=choice.allow_plain_file_secret
    )
    settings.shop = config.ShopConnection(
        gateway=choice.gateway, app_key=choice.app_key, shop_id=choice.shop_id
    )
    settings.save()
    return where


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
    if choice.use_demo:
        return config.shop_database_url(DEMO_SHOP_ID, demo=True)
    return config.shop_database_url(choice.shop_id, demo=False)


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
