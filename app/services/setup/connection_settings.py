"""Where this workstation's shared shop database is kept: the address and its password.

Owns the address composed from, and taken apart into, the fields a person fills in
(`DatabaseFields`); and where the pieces are kept: the settings file gets the URL
without the password, the password goes to the OS password store (app/secrets.py), and
`url_for_opening()` puts it back in the one place a database URL is resolved for
opening (app/shop.py). Pointing the workstation at another database is the shop
connection's business (`MANAGE_SHOP_CONNECTION`): the person's current record is
checked before anything is written. Whether a database answers is `shop_database.py`.
No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from app import config, secrets
from app.core.translation import QT_TRANSLATE_NOOP
from app.services.people import permissions
from app.services.people.permissions import Action, Actor
from app.services.setup.shop_database import _parse, _parsed_as_given

DEFAULT_PORT = 5432

MSG_FIELDS_MISSING = QT_TRANSLATE_NOOP("settings", "Fill in the server, the database and the user.")


@dataclass(frozen=True)
class DatabaseFields:
    """What a person types for a shared database; the password never shows in a repr."""

    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""
    password: str = field(default="", repr=False)

    def missing(self) -> bool:
        return not (self.host.strip() and self.database.strip() and self.user.strip())


def compose_url(fields: DatabaseFields) -> str:
    """postgresql://user:password@host:port/database, every part escaped as URLs need."""
    url = URL.create(
        "postgresql",
        username=fields.user.strip() or None,
        password=fields.password or None,
        host=fields.host.strip() or None,
        port=fields.port,
        database=fields.database.strip() or None,
    )
    return url.render_as_string(hide_password=False)


def decompose_url(url: str) -> DatabaseFields:
    """The fields of a PostgreSQL URL (an empty form for "" or a URL of another kind)."""
    try:
        parsed = _parse(url)
    except ValueError:
        return DatabaseFields()
    return DatabaseFields(
        host=parsed.host or "",
        port=parsed.port or DEFAULT_PORT,
        database=parsed.database or "",
        user=parsed.username or "",
        password=parsed.password or "",
    )


def without_password(url: str) -> str:
    """`url` as kept in settings: no password (and the key of the kept password)."""
    parsed = _parsed_as_given(url)
    if parsed is None:
        return url
    # URL.set() skips None, so the URL is built again without its password.
    bare = URL.create(
        parsed.drivername, parsed.username, None, parsed.host, parsed.port, parsed.database, parsed.query
    )
    return bare.render_as_string(hide_password=False)


def url_for_opening(url: str) -> str:
    """`url` with the password kept for it on this computer put back (settings keep none)."""
    parsed = _parsed_as_given(url)
    if parsed is None or parsed.password:
        return url
    password = secrets.load_database_password(without_password(url))
    if not password:
        return url
    return parsed.set(password=password).render_as_string(hide_password=False)


def fill_saved_password(fields: DatabaseFields, saved_url: str) -> DatabaseFields:
    """`fields`, with the password kept for `saved_url` when none was typed (the dialog
    leaves the password box empty rather than reading a kept password back into it)."""
    if fields.password or not saved_url:
        return fields
    password = secrets.load_database_password(without_password(saved_url))
    return replace(fields, password=password) if password else fields


def _authorise(sessions: sessionmaker[Session], actor: Actor) -> None:
    """PermissionDenied unless `actor`, as their record is now, may change the shop connection."""
    with sessions.begin() as session:
        permissions.authorise(session, actor, Action.MANAGE_SHOP_CONNECTION)


def save_shared_database(
    sessions: sessionmaker[Session],
    actor: Actor,
    settings: config.Settings,
    fields: DatabaseFields,
    *,
    allow_plain_file: bool = False,
    path: Path | None = None,
) -> str:
    """Point this workstation at the database of `fields`, from its next start.

    Who asks is checked first (PermissionDenied writes nothing). The password goes to
    the password store first (`SecretStoreUnavailable` leaves everything as it was),
    then the settings name the database, without the password. Returns where the
    password went: "keyring", "file", or "" when there is none."""
    _authorise(sessions, actor)
    saved = without_password(compose_url(fields))
    where = ""
    if fields.password:
        where = secrets.save_database_password(saved, fields.password, allow_plain_file=allow_plain_file)
    else:
        secrets.delete_database_password(saved)
    forget_password_of(settings.database_url, keep=saved)
    settings.database_url = saved
    settings.save(path)
    return where


def use_this_computer(
    sessions: sessionmaker[Session], actor: Actor, settings: config.Settings, *, path: Path | None = None
) -> None:
    """Back to this computer's own database file per shop, from the next start (who asks
    is checked first)."""
    _authorise(sessions, actor)
    forget_password_of(settings.database_url)
    settings.database_url = ""
    settings.save(path)


def forget_password_of(url: str, *, keep: str = "") -> None:
    """No password left behind for a database this workstation no longer uses."""
    if _parsed_as_given(url) is not None and without_password(url) != keep:
        secrets.delete_database_password(without_password(url))
