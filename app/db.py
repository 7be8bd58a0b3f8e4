"""The database: engine, sessions, migrations and the one upsert helper.

Owns everything that differs between SQLite and PostgreSQL, so that no other module
needs to know which one it runs on: SQLite's pragmas (WAL so readers never wait for
the sync writer, foreign keys, a busy timeout), the Alembic upgrade run at start,
and the dialect's `INSERT … ON CONFLICT DO UPDATE … WHERE` used by `upsert()`.
"""

from __future__ import annotations

import functools
import logging
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Select, Table, create_engine, event, inspect, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from app.core.refusal import Refusal
from app.core.translation import QT_TRANSLATE_NOOP
from app.version import VERSION

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000
PG_CONNECT_TIMEOUT_S = 10

MSG_NEWER_SCHEMA = QT_TRANSLATE_NOOP(
    "settings",
    "A newer version of AfterSales Desk has set this shop database up. "
    "Update AfterSales Desk on this computer first, then start it again.",
)


# What the desk, `main.py sync` and the sync process say when they find the database newer
# than themselves: which release made it (`schema_versions`, migration 0027), when known.
MSG_NEWER_DESK_NAMED = QT_TRANSLATE_NOOP(
    "settings",
    "AfterSales Desk {made_by} set this shop database up, and this desk is version {ours}, an older "
    "one that cannot use it. Nothing in the database was changed. Install AfterSales Desk {made_by} "
    "or newer on this computer, then start it again.",
)
MSG_NEWER_DESK_UNNAMED = QT_TRANSLATE_NOOP(
    "settings",
    "A newer AfterSales Desk than this one (version {ours}) set this shop database up, and this desk "
    "cannot use it. Nothing in the database was changed. Install the newest AfterSales Desk on this "
    "computer, then start it again.",
)


class DatabaseTooNew(Refusal):
    """The database's schema is from a newer app: migrating would mean guessing, so we refuse,
    before anything in the database is written. `made_by`: that app's version, when known."""

    context = "settings"

    def __init__(self, revision: str, made_by: str = "") -> None:
        if made_by:
            super().__init__(MSG_NEWER_DESK_NAMED, {"made_by": made_by, "ours": VERSION})
        else:
            super().__init__(MSG_NEWER_DESK_UNNAMED, {"ours": VERSION})
        self.revision, self.made_by = revision, made_by


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
    # libpq waits for an unreachable server for minutes by default; a URL may set its own.
    connect_args = {} if "connect_timeout=" in url else {"connect_timeout": PG_CONNECT_TIMEOUT_S}
    engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    event.listen(engine, "connect", _remember_backend_pid)
    event.listen(engine, "close", _forget_backend_pid)
    event.listen(engine, "close_detached", _forget_backend_pid)
    return engine


# The PostgreSQL server processes this process's connections talk to (keyed by the
# driver connection), so that change notices this process caused itself can be told
# apart (app/sync/change_feed.py).
_own_backend_pids: dict[int, int] = {}
_own_backend_pids_lock = threading.Lock()  # pools connect on any thread


def own_backend_pids() -> frozenset[int]:
    with _own_backend_pids_lock:
        return frozenset(_own_backend_pids.values())


def _remember_backend_pid(dbapi_connection: Any, _record: Any) -> None:
    with _own_backend_pids_lock:
        _own_backend_pids[id(dbapi_connection)] = dbapi_connection.info.backend_pid


def _forget_backend_pid(dbapi_connection: Any, *_record: Any) -> None:
    with _own_backend_pids_lock:
        _own_backend_pids.pop(id(dbapi_connection), None)


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


@functools.cache
def _scripts() -> Any:
    """This app's migration scripts, read once a process (reading them takes 0.2 s)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS_DIR))


def head_revision() -> str:
    """The newest schema this app knows (the Alembic head shipped with it)."""
    head = _scripts().get_current_head()
    assert head is not None, "the app ships its migrations"
    return str(head)


def is_known_revision(revision: str) -> bool:
    """Whether `revision` is one of this app's migrations; an unknown one is a newer app's."""
    return any(script.revision == revision for script in _scripts().walk_revisions())


def _made_by(connection: Connection, revision: str) -> str:
    """The desk version that upgraded the database to `revision` ("" when not recorded).
    Only ever before a refusal: a failed query may leave the connection's transaction
    unusable (PostgreSQL), and the caller gives it up anyway."""
    try:
        found = connection.execute(
            text("SELECT app_version FROM schema_versions WHERE revision = :revision"),
            {"revision": revision},
        ).scalar()
    except Exception:  # a release from before 0027, or a table of another shape: unnamed
        return ""
    return str(found or "")


def _refuse_newer_sqlite_file(path: Path) -> None:
    """Raises `DatabaseTooNew` for a SQLite file a newer app set up, read as it lies on disk:
    opening it as the app does would already set its journal mode. Read-only and immutable,
    so not even the side files of a connection appear. A newer desk writing it right now may
    hold its revision in its log still: `upgrade_to_head` checks again through the engine."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return  # the ordinary opening says in its words what is wrong
    try:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.Error:
            return  # not set up yet, or not ours: the ordinary opening decides
        if row is None or row[0] == head_revision() or is_known_revision(row[0]):
            return
        try:
            made = connection.execute(
                "SELECT app_version FROM schema_versions WHERE revision = ?", (row[0],)
            ).fetchone()
        except sqlite3.Error:
            made = None
    finally:
        connection.close()
    log.error("the database %s is at schema %s, newer than this app's %s", path, row[0], head_revision())
    raise DatabaseTooNew(row[0], str(made[0]) if made else "")


def refuse_other_schema(engine: Engine, expected: str) -> None:
    """For a process that never migrates (the sync process): raises `DatabaseTooNew` unless the
    database is at `expected`, the schema of the desk that started it (which migrated it
    first, so another schema is a newer desk's). One query, without Alembic's 0.7 s."""
    with engine.connect() as connection:
        found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if found != expected:
            raise DatabaseTooNew(str(found or ""), _made_by(connection, str(found or "")))


def current_revision(connection: Connection) -> str | None:
    """The schema revision stored in the database; None for a database never set up."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine) -> None:
    """Run pending migrations; back the SQLite file up first if any are pending.

    Raises `DatabaseTooNew` for a schema from a newer app, before anything is touched."""
    from alembic import command

    with engine.connect() as connection:
        current = current_revision(connection)
        head = head_revision()
        if current == head:
            return
        if current is not None and not is_known_revision(current):
            log.error("the database is at schema %s, newer than this app's %s", current, head)
            raise DatabaseTooNew(current, _made_by(connection, current))
    if current is not None and engine.url.get_backend_name() == "sqlite" and engine.url.database:
        backup = Path(engine.url.database).with_suffix(f".before-{head}.sqlite")
        shutil.copyfile(engine.url.database, backup)
        log.info("backed up the database to %s before upgrading from %s", backup, current)
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")
        # Which release did it: a desk older than this one names it when it refuses the database.
        connection.execute(
            text(
                "INSERT INTO schema_versions (revision, app_version, upgraded_at) "
                "VALUES (:revision, :version, :now) ON CONFLICT (revision) DO NOTHING"
            ),
            {"revision": head, "version": VERSION, "now": int(time.time())},
        )
    log.info("database upgraded from %s to %s", current, head)


def open_database(url: str) -> tuple[Engine, sessionmaker[Session]]:
    """Engine and session factory for `url`, migrated to the newest schema."""
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if path.is_file():
            _refuse_newer_sqlite_file(path)  # before the engine's first connection writes anything
        path.parent.mkdir(parents=True, exist_ok=True)
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


def begin_before_savepoints(session: Session) -> None:
    """Make sure the session's transaction has begun in the database before a SAVEPOINT.

    Python's sqlite3 starts SQLite's transaction only at the first write; a SAVEPOINT
    issued before it is a transaction of its own, committed when released, so the
    caller's rollback would not undo what was written inside it."""
    connection = session.connection()
    dbapi = connection.connection.dbapi_connection  # None only once the connection is closed
    if connection.dialect.name == "sqlite" and dbapi is not None and not dbapi.in_transaction:
        connection.exec_driver_sql("BEGIN")


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
