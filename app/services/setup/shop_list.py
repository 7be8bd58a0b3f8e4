"""The shops one desk holds: adding, removing and choosing the one on screen.

Owns what happens when the owner adds a shop to the desk (the wizard's "add a shop", the
Settings' shop list): the app secret goes to the OS keyring first (keyed by the app, as
ever; a TikTok shop's tokens are the wizard's `secrets.save_shop_tokens`, keyed per
shop), then the settings name the shop, then the shop's own database is created and the
owner's account carried into it (same password, as "Change shop" does), so the owner
can switch to it at once. Each shop keeps its own database: `database_url_of`. No Qt.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app import config, secrets
from app.db import open_database
from app.demo_shop import DEMO_SHOP_ID
from app.services.people import accounts, audit, permissions
from app.services.people.permissions import Action, Actor
from app.shop_entries import DOUYIN, ShopEntry


def database_url_of(entry: ShopEntry) -> str:
    """The shop's own SQLite file in the data folder. A Douyin shop keeps the name it always
    had (`demo-<id>.sqlite`, `shop-<id>.sqlite`: a desk of the previous release finds its
    data); another platform's shop is named with its platform, so equal ids never meet."""
    shop_id = entry.shop_id or DEMO_SHOP_ID
    if entry.platform == DOUYIN:
        return config.shop_database_url(shop_id, demo=entry.demo)
    return config.shop_database_url(f"{entry.platform}-{shop_id}", demo=entry.demo)


def find(settings: config.Settings, key: str) -> ShopEntry | None:
    return next((entry for entry in settings.shops if entry.key == key), None)


def add_shop(
    settings: config.Settings,
    entry: ShopEntry,
    *,
    app_secret: str = "",
    allow_plain_file_secret: bool = False,
    owner: Actor | None = None,
    owner_sessions: sessionmaker[Session] | None = None,
    now: int,
    make_current: bool = True,
    replacing: str = "",
    settings_path: Path | None = None,
) -> str:
    """Add `entry` (or replace the entry of the same key) and save the settings; returns
    where the secret went ("keyring", "file", or "" when none was given).

    With `owner` and the database they signed in to (`owner_sessions`), who may do it is
    checked first (`MANAGE_SHOP_CONNECTION`), and the owner's account is carried into the
    new shop's database, both databases recording the addition. Raises
    SecretStoreUnavailable (nothing saved), PermissionDenied or accounts.AccountError.
    `replacing`: the key of the shop this one takes the place of (the first run replaces
    the demo shop a new desk starts with; "Change shop…" the shop on screen).
    """
    if owner is not None and owner_sessions is not None:
        with owner_sessions.begin() as session:
            permissions.authorise(session, owner, Action.MANAGE_SHOP_CONNECTION)
    where = ""
    if app_secret:
        where = secrets.save_app_secret(entry.app_key, app_secret, allow_plain_file=allow_plain_file_secret)
    gone = {entry.key, replacing}  # in its place in the list, or last when it is new
    place = next((n for n, kept in enumerate(settings.shops) if kept.key in gone), len(settings.shops))
    settings.shops = [
        *(kept for kept in settings.shops[:place] if kept.key not in gone),
        entry,
        *(kept for kept in settings.shops[place:] if kept.key not in gone),
    ]
    if make_current:
        settings.current_shop = entry.key
    settings.save(settings_path)
    engine, target = open_database(database_url_of(entry))  # created and migrated now, not at the switch
    try:
        if owner is not None and owner_sessions is not None:
            details = {  # the words of the first connection (audit.SHOP_CONNECT), and the platform
                "demo": entry.demo,
                "gateway": entry.gateway,
                "app_key": entry.app_key,
                "shop_id": entry.shop_id,
                "platform": entry.platform,
                "secret_stored_in": where,  # where, never what
            }
            with owner_sessions.begin() as session:
                accounts.copy_owner_to(target, owner.user_id, session, now=now)
                audit.record(session, owner, audit.SHOP_CONNECT, entity_type="shop", entity_id=entry.key,
                             after=details, now=now)  # fmt: skip
            with target.begin() as session:
                audit.record(session, owner, audit.SHOP_CONNECT, entity_type="shop", entity_id=entry.key,
                             after=details, now=now)  # fmt: skip
    finally:
        engine.dispose()
    return where


def remove_shop(settings: config.Settings, key: str, *, settings_path: Path | None = None) -> None:
    """Take the shop off this desk (its database file and secrets stay on the computer).
    The last shop stays: a desk always has one."""
    kept = [entry for entry in settings.shops if entry.key != key]
    if not kept:
        return
    settings.shops = kept
    settings.current_shop = settings.current_entry().key
    settings.save(settings_path)


def select_shop(settings: config.Settings, key: str, *, settings_path: Path | None = None) -> bool:
    """Remember `key` as the shop on screen; False when the desk has no such shop."""
    if find(settings, key) is None:
        return False
    if settings.current_shop != key:
        settings.current_shop = key
        settings.save(settings_path)
    return True
