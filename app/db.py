"""The database: engine, sessions, migrations and the one upsert helper.

Owns everything that differs between SQLite and PostgreSQL, so that no other module
needs to know which one it runs on: SQLite's pragmas (WAL so readers never wait for
the sync writer, foreign keys, a busy timeout), the Alembic upgrade run at start,
and the dialect's `INSERT … ON CONFLICT DO UPDATE … WHERE` used by `upsert()`.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Select, Table, create_engine, event, inspect, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(url: str) -> Engine:
    """An engine for a database URL, with SQLite tuned for one writer and many readers."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # NORMAL is durable across application crashes in WAL mode; only a power cut can
    # lose the last transactions, which the next pull re-reads from the platform.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # Screens receive plain dataclasses, so objects need not reload after commit.
    return sessionmaker(engine, expire_on_commit=False)


def _alembic_config(connection: Connection) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(engine: Engine) -> None:
    """Run pending migrations; back the SQLite file up first if any are pending."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        head = ScriptDirectory.from_config(_alembic_config(connection)).get_current_head()
    if current == head:
        return
    if current is not None and engine.url.get_backend_name() == "sqlite" and engine.url.database:
        backup = Path(engine.url.database).with_suffix(f".before-{head}.sqlite")
        shutil.copyfile(engine.url.database, backup)
        log.info("backed up the database to %s before upgrading from %s", backup, current)
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")
    log.info("database upgraded from %s to %s", current, head)


def open_database(url: str) -> tuple[Engine, sessionmaker[Session]]:
    """Engine and session factory for `url`, migrated to the newest schema."""
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    upgrade_to_head(engine)
    return engine, make_session_factory(engine)


def has_table(engine: Engine, name: str) -> bool:
    return inspect(engine).has_table(name)


def upsert(
    connection: Connection | Session,
    table: Table,
    rows: Sequence[Mapping[str, Any]],
    key: Iterable[str],
    version_column: str | None = None,
) -> None:
    """Insert `rows`, or update the stored row with the same `key`.

    With `version_column`, a stored row is only replaced by one at least as new, so a
    page re-read from an older overlap window never undoes a newer change.
    """
    if not rows:
        return
    bind = connection.get_bind() if isinstance(connection, Session) else connection
    dialect_insert = postgresql.insert if bind.dialect.name == "postgresql" else sqlite.insert
    statement = dialect_insert(table)
    key_columns = list(key)
    updated = {
        name: statement.excluded[name]
        for name in rows[0]
        if name not in key_columns and not table.c[name].primary_key
    }
    where = None
    if version_column is not None:
        where = table.c[version_column] <= statement.excluded[version_column]
    statement = statement.on_conflict_do_update(index_elements=key_columns, set_=updated, where=where)
    connection.execute(statement, list(rows))


def refresh_statistics(sessions: sessionmaker[Session]) -> None:
    """Tell PostgreSQL's planner what a big load changed, now rather than at autovacuum's
    next round: without statistics it plans joins as if the tables were empty, and the
    refund queue takes seconds instead of milliseconds. SQLite plans from its indexes."""
    with sessions.begin() as session:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("ANALYZE"))


def for_reporting(session: Session) -> None:
    """Set PostgreSQL up, for the rest of this transaction, for a few grouped queries over
    many rows: no JIT (the queries run in tens of milliseconds, and cost estimates inflated
    by correlated probes make it compile for longer than they run), and room to sort in
    memory. SQLite needs nothing."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL jit = off"))
        session.execute(text("SET LOCAL work_mem = '32MB'"))


def computed_once(session: Session, statement: Select[Any]) -> Select[Any]:
    """`statement`, to be used as a subquery whose columns are computed once a row. SQLite
    flattens a subquery into the aggregate around it, copying each column's expression
    (and its probes) into every aggregate that reads it; a LIMIT no query reaches stops
    that. On PostgreSQL it would only keep the aggregate out of its parallel workers."""
    if session.get_bind().dialect.name == "sqlite":
        return statement.limit(2**62)
    return statement
