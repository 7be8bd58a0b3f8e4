"""The shared database's two roles: the owner, who sets it up, and the desks, who work in it.

Owns `set_up_desk_role()`. The audit trail is append-only because triggers refuse every
UPDATE, DELETE and TRUNCATE of `audit_events` (migration 0002); but whoever owns the
table may disable or drop those triggers, and so may a superuser. A desk that signs in
to PostgreSQL as the database's owner could therefore rewrite the trail. So the owner
role (the one that created the database, or an administrator) only runs the set-up:
the migrations, then a login role for the desks that owns nothing and may not create,
alter or drop anything. The desks connect as that role (Settings → Shop database): it
may read and write the shop's tables, but of the trail only read and append, and it
can neither disable nor drop a trigger, nor switch triggers off for its session
(`session_replication_role` needs a superuser).

Run again after an update of AfterSales Desk (`python main.py shared-database-setup`):
the desks cannot migrate (they own no table), so the owner brings the schema up to date
and the desk role's rights with it. Tables added later are granted to the desk role as
they are created (ALTER DEFAULT PRIVILEGES), and again by every set-up. No Qt.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from app.core.refusal import Refusal
from app.core.translation import QT_TRANSLATE_NOOP
from app.db import open_database

AUDIT_TABLE = "audit_events"
MIGRATIONS_TABLE = "alembic_version"

MSG_DESK_IS_OWNER = QT_TRANSLATE_NOOP(
    "settings",
    "The desks' database user must be another user than the one that sets the database up.",
)
MSG_DESK_TOO_POWERFUL = QT_TRANSLATE_NOOP(
    "settings",
    "The database user {user} may change any table, so the audit trail would not be safe with it. "
    "Choose a new user name for the desks.",
)


class DeskRoleRefused(Refusal):
    """The set-up cannot make a safe desk role, in plain words."""

    context = "settings"


def _ident(connection: Connection, name: str) -> str:
    return connection.dialect.identifier_preparer.quote_identifier(name)


def _literal(value: str) -> str:
    # Role passwords cannot be bound parameters in DDL; standard_conforming_strings is on.
    return "'" + value.replace("'", "''") + "'"


def set_up_desk_role(owner_url: str, desk_user: str, desk_password: str) -> None:
    """As the owner of the database at `owner_url`: bring the schema up to date, and
    create (or update) the login role `desk_user` the desks connect as, with exactly
    the rights described in the module docstring. Raises DeskRoleRefused for a desk
    user that would not be safe (the owner itself, or a superuser)."""
    engine, _ = open_database(owner_url)  # migrations run as the owner, here only
    try:
        with engine.begin() as connection:
            owner = connection.execute(text("SELECT current_user")).scalar_one()
            if owner == desk_user:
                raise DeskRoleRefused(MSG_DESK_IS_OWNER)
            found = connection.execute(
                text("SELECT rolsuper OR rolbypassrls OR rolcreaterole FROM pg_roles WHERE rolname = :n"),
                {"n": desk_user},
            ).first()
            if found is not None and found[0]:
                raise DeskRoleRefused(MSG_DESK_TOO_POWERFUL, {"user": desk_user})
            desk = _ident(connection, desk_user)
            verb = "ALTER" if found is not None else "CREATE"
            connection.execute(
                text(
                    f"{verb} ROLE {desk} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                    f"NOBYPASSRLS PASSWORD {_literal(desk_password)}"
                )
            )
            grant_desk_rights(connection, desk_user)
    finally:
        engine.dispose()


def grant_desk_rights(connection: Connection, desk_user: str) -> None:
    """What the desk role may do in the current database and schema (see the module
    docstring); run by the owner, in its transaction."""
    desk = _ident(connection, desk_user)
    database = _ident(connection, connection.execute(text("SELECT current_database()")).scalar_one())
    schema = _ident(connection, connection.execute(text("SELECT current_schema()")).scalar_one())
    for statement in (
        f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {desk}",
        f"GRANT USAGE ON SCHEMA {schema} TO {desk}",
        f"REVOKE CREATE ON SCHEMA {schema} FROM {desk}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {desk}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO {desk}",
        # The trail: read and append only (the triggers refuse the rest even to the owner).
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {AUDIT_TABLE} FROM {desk}",
        # The schema's version is the owner's to move.
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {MIGRATIONS_TABLE} FROM {desk}",
        # Tables and sequences a later migration creates (run by the owner) are the desks' too.
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES "
        f"TO {desk}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {desk}",
    ):
        connection.execute(text(statement))
