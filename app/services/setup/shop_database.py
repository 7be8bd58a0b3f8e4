"""A shared shop database (PostgreSQL): whether it answers, and what went wrong in words.

Owns `check_database()`, which connects, reads the schema revision and says in plain
words how it went (the settings dialog's "Test connection", and the desktop's message
when a database cannot be opened at start); `classify_error()` for any database error,
and `sync_problem()` for one that stops the desktop's sync mid-run, told in the words of
`SYNC_PROBLEMS`; and reading a PostgreSQL address (`shown_url()` for a log line, with
the password as ***). The fields a person fills in and where the address and its
password are kept are `shop_connection_settings.py`. No Qt.
"""

from __future__ import annotations

import errno
import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import NullPool

from app.core.translation import QT_TRANSLATE_NOOP
from app.db import MSG_NEWER_SCHEMA, DatabaseTooNew, current_revision, head_revision, is_known_revision

DRIVER = "postgresql+psycopg"
# How a URL may start; "postgres://" is what many hosting providers hand out.
POSTGRES_SCHEMES = ("postgresql", "postgresql+psycopg", "postgres")


class DatabaseStatus(StrEnum):
    OK_EMPTY = "ok_empty"  # reachable, nothing in it yet: set up at the next start
    OK_CURRENT = "ok_current"
    OK_OLDER = "ok_older"  # an older schema: upgraded at the next start
    NEWER_SCHEMA = "newer_schema"
    NOT_OURS = "not_ours"  # tables, but none of AfterSales Desk's
    UNREACHABLE = "unreachable"
    WRONG_PASSWORD = "wrong_password"
    NO_SUCH_DATABASE = "no_such_database"
    NOT_ALLOWED = "not_allowed"  # the server's pg_hba.conf has no line for this computer
    NO_PERMISSION = "no_permission"  # signed in, but the user may not set up or use the tables
    BAD_URL = "bad_url"
    DAMAGED = "damaged"  # a file that is not, or no longer, a readable SQLite database
    DISK_FULL = "disk_full"  # this computer's disk, or the database server's
    OTHER = "other"


USABLE = frozenset({DatabaseStatus.OK_EMPTY, DatabaseStatus.OK_CURRENT, DatabaseStatus.OK_OLDER})

MESSAGES: Mapping[DatabaseStatus, str] = {
    DatabaseStatus.OK_EMPTY: QT_TRANSLATE_NOOP(
        "settings", "Connected. The database is empty; AfterSales Desk will set it up when it starts."
    ),
    DatabaseStatus.OK_CURRENT: QT_TRANSLATE_NOOP(
        "settings", "Connected. This database is ready for AfterSales Desk."
    ),
    DatabaseStatus.OK_OLDER: QT_TRANSLATE_NOOP(
        "settings",
        "Connected. The database was set up by an older version; "
        "AfterSales Desk will upgrade it when it starts.",
    ),
    DatabaseStatus.NEWER_SCHEMA: MSG_NEWER_SCHEMA,
    DatabaseStatus.NOT_OURS: QT_TRANSLATE_NOOP(
        "settings",
        "Connected, but this database already holds other data, not AfterSales Desk's. "
        "Choose an empty database, or the one the shop's other computers use.",
    ),
    DatabaseStatus.UNREACHABLE: QT_TRANSLATE_NOOP(
        "settings",
        "The database server did not answer. Check the server address and port, "
        "that the server is running, and that no firewall is in the way.",
    ),
    DatabaseStatus.WRONG_PASSWORD: QT_TRANSLATE_NOOP(
        "settings",
        "The database server did not accept this user and password. Check both, "
        "and that this user may sign in.",
    ),
    DatabaseStatus.NO_SUCH_DATABASE: QT_TRANSLATE_NOOP(
        "settings", "The server has no database with this name. Check the database name."
    ),
    DatabaseStatus.NOT_ALLOWED: QT_TRANSLATE_NOOP(
        "settings",
        "The database server does not let this computer in. Whoever looks after the server "
        "must allow this computer's address (in pg_hba.conf).",
    ),
    DatabaseStatus.NO_PERMISSION: QT_TRANSLATE_NOOP(
        "settings",
        "Connected, but this user may not set up or use AfterSales Desk's tables in this database. "
        "Use the database's owner, or ask whoever looks after the server to give this user the rights.",
    ),
    DatabaseStatus.BAD_URL: QT_TRANSLATE_NOOP(
        "settings",
        "This is not a database address AfterSales Desk understands. "
        "It should look like postgresql://user@server:5432/database.",
    ),
    DatabaseStatus.DAMAGED: QT_TRANSLATE_NOOP(
        "settings",
        "The shop's database file is damaged and cannot be read. It was left as it is: keep a copy "
        "(decisions not yet sent may be in it), then restore a backup or move the file aside, and "
        "AfterSales Desk starts a new one and syncs the shop again.",
    ),
    DatabaseStatus.DISK_FULL: QT_TRANSLATE_NOOP(
        "settings",
        "The disk is full, so nothing more can be stored and the sync stopped. Nothing was lost: "
        "what is stored stays, and the rest follows once there is room. Free some space on the disk "
        "(or ask whoever looks after the database server), then start again.",
    ),
    DatabaseStatus.OTHER: QT_TRANSLATE_NOOP("settings", "The database could not be used: {detail}"),
}
# The same problems met by the desktop's sync in the middle of a run (context "sync", as
# the status bar speaks): it tries again by itself, so these never say "start again".
SYNC_PROBLEMS: Mapping[DatabaseStatus, str] = {
    DatabaseStatus.DISK_FULL: QT_TRANSLATE_NOOP(
        "sync",
        "The disk is full, so nothing more can be stored. Nothing has been lost: free some space on "
        "the disk (or ask whoever looks after the database server) and the sync carries on by itself.",
    ),
    DatabaseStatus.DAMAGED: QT_TRANSLATE_NOOP(
        "sync",
        "The shop's database file is damaged and cannot be read; it was left as it is. Keep a copy "
        "(decisions not yet sent may be in it), then restore a backup or move the file aside and "
        "start AfterSales Desk again.",
    ),
    DatabaseStatus.UNREACHABLE: QT_TRANSLATE_NOOP(
        "sync",
        "The shop's database server is not answering. Nothing has been lost; the sync tries again by itself.",
    ),
}

# The server's and libpq's words, in English and as PostgreSQL's Chinese translation says
# them (a server with lc_messages=zh_CN answers a failed sign-in in Chinese). Connection
# failures carry no SQLSTATE in psycopg, so the words are all there is. First match wins:
# every server refusal also contains "connection to server at …", so UNREACHABLE is last.
_PATTERNS: tuple[tuple[DatabaseStatus, tuple[tuple[str, ...], ...]], ...] = (
    # SQLite's own words (never translated) and the operating system's, through PostgreSQL.
    (DatabaseStatus.DAMAGED, (("file is not a database",), ("database disk image is malformed",))),
    (
        DatabaseStatus.DISK_FULL,
        (
            ("database or disk is full",),
            ("no space left on device",),
            ("could not extend file",),
            ("设备上没有空间",),
            ("无法扩展文件",),
        ),
    ),
    (
        DatabaseStatus.WRONG_PASSWORD,
        (
            ("password authentication failed",),
            ("no password supplied",),
            ('role "', "does not exist"),
            ("is not permitted to log in",),
            ("密码认证失败",),
            ("角色", "不存在"),
            ("不允许角色",),
        ),
    ),
    (DatabaseStatus.NO_SUCH_DATABASE, (('database "', "does not exist"), ("数据库", "不存在"))),
    (DatabaseStatus.NOT_ALLOWED, (("no pg_hba.conf entry",), ("pg_hba.conf 条目",))),
    (
        DatabaseStatus.NO_PERMISSION,
        (("permission denied",), ("权限不足",), ("must be owner of",), ("必须是", "所有者")),
    ),
    (
        DatabaseStatus.UNREACHABLE,
        (
            ("connection refused",),
            ("timeout expired",),
            ("timed out",),
            ("could not translate host name",),
            ("failed to resolve host",),
            ("name or service not known",),
            ("no route to host",),
            ("network is unreachable",),
            ("server closed the connection unexpectedly",),
            # Something that is not PostgreSQL answers at that address and port.
            ("received invalid response to ssl negotiation",),
            ("expected authentication request from server",),
        ),
    ),
)


@dataclass(frozen=True)
class DatabaseCheck:
    """How a connection test went. `message` (context "settings", `{detail}` filled from
    `params`) is for people; `detail` keeps the driver's own words for the curious."""

    status: DatabaseStatus
    detail: str = ""
    revision: str | None = None
    context: ClassVar[str] = "settings"

    @property
    def ok(self) -> bool:
        return self.status in USABLE

    @property
    def message(self) -> str:
        return MESSAGES[self.status]

    @property
    def params(self) -> Mapping[str, object]:
        return {"detail": self.detail} if self.status is DatabaseStatus.OTHER else {}


def is_postgres_url(url: str) -> bool:
    return url.split(":", 1)[0].lower() in POSTGRES_SCHEMES


def _parse(url: str) -> URL:
    """`url` as a PostgreSQL URL for psycopg; ValueError for anything else."""
    parsed = _parsed_as_given(url)
    if parsed is None:
        raise ValueError("not a PostgreSQL URL")
    return parsed.set(drivername=DRIVER)


def _parsed_as_given(url: str) -> URL | None:
    """`url` parsed with its scheme kept; None for "", another kind, or an unreadable one."""
    if not is_postgres_url(url.strip()):
        return None
    try:
        return make_url(url.strip())
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        return None


def shown_url(url: str) -> str:
    """`url` fit for a log line or a message: the password as ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "<unreadable database URL>"


def check_database(url: str, timeout_s: float = 5) -> DatabaseCheck:
    """Connect to `url` and say whether AfterSales Desk can work in it. Blocks for up to
    about `timeout_s` (libpq counts whole seconds, at least 2): call off the GUI thread."""
    try:
        parsed = _parse(url)
    except ValueError:
        return DatabaseCheck(DatabaseStatus.BAD_URL)
    try:
        engine = create_engine(
            parsed, poolclass=NullPool, connect_args={"connect_timeout": max(2, math.ceil(timeout_s))}
        )
    except (ArgumentError, NoSuchModuleError, ValueError, TypeError):
        return DatabaseCheck(DatabaseStatus.BAD_URL)
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
            has_tables = bool(inspect(connection).get_table_names())
            # Without a schema it may create tables in, the set-up at start would fail.
            may_create = connection.execute(
                text("SELECT coalesce(has_schema_privilege(current_schema(), 'CREATE'), false)")
            ).scalar()
    except Exception as error:  # every failure is told in words; none may escape to the screen
        return classify_error(error)
    finally:
        engine.dispose()
    if revision is None and has_tables:
        return DatabaseCheck(DatabaseStatus.NOT_OURS)
    if revision is None:
        return DatabaseCheck(DatabaseStatus.OK_EMPTY if may_create else DatabaseStatus.NO_PERMISSION)
    if revision == head_revision():
        return DatabaseCheck(DatabaseStatus.OK_CURRENT, revision=revision)
    if is_known_revision(revision):
        return DatabaseCheck(DatabaseStatus.OK_OLDER, revision=revision)
    return DatabaseCheck(DatabaseStatus.NEWER_SCHEMA, revision=revision)


def classify_error(error: BaseException) -> DatabaseCheck:
    """Plain words for why a database could not be reached or opened."""
    if isinstance(error, DatabaseTooNew):
        return DatabaseCheck(DatabaseStatus.NEWER_SCHEMA, revision=error.revision)
    if isinstance(error, ArgumentError | NoSuchModuleError):
        return DatabaseCheck(DatabaseStatus.BAD_URL)
    original = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    words = " ".join(str(original).split())  # libpq's messages come with tabs and newlines
    lowered = words.lower()
    for status, patterns in _PATTERNS:
        if any(all(part in lowered for part in pattern) for pattern in patterns):
            return DatabaseCheck(status, detail=words)
    if isinstance(original, TimeoutError | ConnectionError):
        return DatabaseCheck(DatabaseStatus.UNREACHABLE, detail=words)
    return DatabaseCheck(DatabaseStatus.OTHER, detail=words or type(original).__name__)


def sync_problem(error: BaseException) -> DatabaseCheck | None:
    """What `classify_error` makes of a database failing in the middle of a sync run, when
    it is one of `SYNC_PROBLEMS`; None for anything else (a bug is no database problem).

    The whole chain of the exception counts: a full disk makes SQLite roll the whole
    transaction back, and the savepoint released after it then fails with words of its own.
    """
    seen: set[int] = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        # Only the database's errors and the disk's own: never, say, the network to the platform.
        if isinstance(cause, SQLAlchemyError) or (
            isinstance(cause, OSError) and cause.errno in (errno.ENOSPC, errno.EDQUOT)
        ):
            check = classify_error(cause)
            if check.status in SYNC_PROBLEMS:
                return check
        cause = cause.__cause__ or cause.__context__
    return None
