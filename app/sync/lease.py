"""The sync lease and outbox claims: one sync at a time per database, each operation pushed by one process.

Owns ARCHITECTURE.md "Scale": whichever workstation (or headless `sync` service) holds
the lease pulls and pushes; the others stand by and try again every run. The lease is
a PostgreSQL session-level advisory lock held on a connection of its own for as long
as this process syncs. PostgreSQL releases a session lock when its connection ends, so
when the holder dies or loses the network another process takes over at its next try.
The lease connection asks the server to probe it often (TCP keepalives), so a holder
that vanished without closing is noticed within seconds, not the operating system's
two hours.

Also owns the per-operation claim the push engine takes around sending one outbox
operation (`OutboxClaim`): the same kind of lock, keyed by the operation's sequence
number, held from the re-read through the send to the recorded answer.

On SQLite (one file, yet a desktop and a headless `sync` service, or two of either, may
open it at once) both are operating-system locks on files beside the database
(`file_lock.py`): the lease `<database>.sync-lease`, held for as long as this process
syncs, and a claim `<database>.outbox-claims/<seq>.lock` per operation being pushed.
The operating system lets go of both when the process dies. An in-memory database has
nobody to share with: its lease is always held and every claim granted.
No Qt here.
"""

from __future__ import annotations

import errno
import hashlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.pool import NullPool

from app.sync.file_lock import FileLock

log = logging.getLogger(__name__)


def _lock_key(name: str, bits: int) -> int:
    """A stable signed integer for `name` (Python's hash() changes between runs)."""
    value = int.from_bytes(hashlib.sha256(name.encode()).digest()[: bits // 8], "big")
    return value - (1 << bits) if value >= 1 << (bits - 1) else value


# The one-bigint and the two-int4 advisory lock forms do not overlap in PostgreSQL, so
# the lease and the claims (namespace, seq) can never collide.
SYNC_LEASE_KEY = _lock_key("aftersales-desk: sync lease", 64)
OUTBOX_CLAIM_NAMESPACE = _lock_key("aftersales-desk: outbox claim", 32)
# Casts pick the bigint and (int, int) forms whatever size the driver sends a number as.
_TRY_LEASE = text("SELECT pg_try_advisory_lock(CAST(:key AS bigint))")
_UNLOCK_LEASE = text("SELECT pg_advisory_unlock(CAST(:key AS bigint))")
_TRY_CLAIM = text("SELECT pg_try_advisory_lock(CAST(:namespace AS integer), CAST(:seq AS integer))")
_UNLOCK_CLAIM = text("SELECT pg_advisory_unlock(CAST(:namespace AS integer), CAST(:seq AS integer))")

# libpq and server settings for the lease connection: a dead peer is noticed within
# about idle + interval * count seconds on both sides.
KEEPALIVE_IDLE_S, KEEPALIVE_INTERVAL_S, KEEPALIVE_COUNT = 5, 2, 3
CONNECT_TIMEOUT_S = 5
LEASE_CONNECT_ARGS = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "keepalives": 1,
    "keepalives_idle": KEEPALIVE_IDLE_S,
    "keepalives_interval": KEEPALIVE_INTERVAL_S,
    "keepalives_count": KEEPALIVE_COUNT,
    # A query on a connection whose network vanished fails after this, instead of hanging.
    "tcp_user_timeout": (KEEPALIVE_IDLE_S + KEEPALIVE_INTERVAL_S * KEEPALIVE_COUNT) * 1000,
}


def is_postgresql(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def sqlite_file(engine: Engine) -> Path | None:
    """The SQLite database's file, or None (PostgreSQL, or a database in memory)."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).resolve()


class SyncLease:
    """The right to sync for this process; `acquire()` every run, `release()` at stop."""

    def __init__(self, engine: Engine) -> None:
        database_file = sqlite_file(engine)
        # On SQLite: an OS lock beside the file, held until release or this process ends.
        self._file_lock = (
            FileLock(database_file.with_name(database_file.name + ".sync-lease"))
            if database_file is not None
            else None
        )
        self._shared = is_postgresql(engine) or self._file_lock is not None
        # A pool of its own without pooling: closing the lease connection really closes
        # it, so a released or abandoned lease never lingers on a pooled connection.
        self._lease_engine = (
            create_engine(
                engine.url,
                poolclass=NullPool,
                isolation_level="AUTOCOMMIT",  # never idle inside a transaction for hours
                connect_args=LEASE_CONNECT_ARGS,
            )
            if is_postgresql(engine)
            else None
        )
        self._connection: Connection | None = None

    @property
    def shared(self) -> bool:
        """Whether other processes may compete for the lease (PostgreSQL, a SQLite file)."""
        return self._shared

    def acquire(self) -> bool:
        """Take the lease if free, or confirm it is still ours; never waits for it.

        A database that cannot be reached (or a disk too full for the lease file) raises
        its error: that is no other workstation syncing, and the worker says what it is."""
        if not self._shared:
            return True
        if self.holds():
            return True
        if self._file_lock is not None:
            try:
                granted = self._file_lock.try_acquire()
            except OSError as error:  # the folder is read-only, or gone: nobody here can sync
                if error.errno in (errno.ENOSPC, errno.EDQUOT):
                    raise
                log.warning("could not take the sync lease file %s: %s", self._file_lock.path, error)
                return False
            if granted:
                log.info("took the sync lease (%s)", self._file_lock.path)
            return granted
        assert self._lease_engine is not None
        connection = self._lease_engine.connect()  # unreachable: raises, told as such
        try:
            for setting, value in (
                ("tcp_keepalives_idle", KEEPALIVE_IDLE_S),
                ("tcp_keepalives_interval", KEEPALIVE_INTERVAL_S),
                ("tcp_keepalives_count", KEEPALIVE_COUNT),
            ):
                connection.execute(text(f"SET {setting} = {int(value)}"))
            granted = connection.execute(_TRY_LEASE, {"key": SYNC_LEASE_KEY}).scalar_one()
        except Exception as error:
            log.warning("could not ask for the sync lease: %s", error)
            connection.close()
            return False
        if not granted:
            connection.close()
            return False
        self._connection = connection
        log.info("took the sync lease")
        return True

    def holds(self) -> bool:
        """Whether this process still holds the lease: its connection must be alive,
        because the server let go of the lock the moment that connection ended."""
        if not self._shared:
            return True
        if self._file_lock is not None:
            return self._file_lock.held  # only this process's end or release lets it go
        if self._connection is None:
            return False
        try:
            self._connection.execute(text("SELECT 1"))
        except Exception as error:
            log.warning("lost the sync lease: its connection ended (%s)", error)
            self._drop_connection()
            return False
        return True

    def release(self) -> None:
        """Give the lease up (at stop), so another process takes over at once."""
        if self._file_lock is not None and self._file_lock.held:
            self._file_lock.release()
            log.info("released the sync lease")
            return
        if self._connection is None:
            return
        try:
            self._connection.execute(_UNLOCK_LEASE, {"key": SYNC_LEASE_KEY})
        except Exception:
            log.info("the sync lease connection was already gone at release")
        self._drop_connection()
        log.info("released the sync lease")

    def _drop_connection(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                connection.close()  # closes the socket: the server drops any lock left
            except Exception:
                connection.invalidate()


class OutboxClaim:
    """Claims on outbox operations, so no operation is ever sent by two processes.

    A claim is a session-level advisory lock on (namespace, seq), held on a pooled
    connection from before the push engine reads the operation until its answer is
    recorded. It spans the send, which the row lock taken while marking the operation
    "sending" cannot: that transaction commits before the send so a crash leaves the
    mark behind. A process that dies mid-send loses its claim with its connection, and
    the next claimant finds "sending" and re-reads the platform before sending again.
    On a SQLite file the claim is an OS lock on a file of its own per operation, held
    and lost the same way.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine if is_postgresql(engine) else None
        database_file = sqlite_file(engine)
        self._claims_dir = (
            database_file.with_name(database_file.name + ".outbox-claims") if database_file else None
        )

    @contextmanager
    def claim(self, seq: int) -> Iterator[bool]:
        """Yields True when this process may push operation `seq` now, False when another
        process is pushing it (skip it this round)."""
        if self._claims_dir is not None:
            with self._file_claim(seq) as granted:
                yield granted
            return
        if self._engine is None:
            yield True
            return
        with self._engine.connect() as connection:
            connection = connection.execution_options(isolation_level="AUTOCOMMIT")
            granted = connection.execute(
                _TRY_CLAIM,
                {"namespace": OUTBOX_CLAIM_NAMESPACE, "seq": seq},
            ).scalar_one()
            try:
                yield bool(granted)
            finally:
                if granted:
                    try:
                        connection.execute(
                            _UNLOCK_CLAIM,
                            {"namespace": OUTBOX_CLAIM_NAMESPACE, "seq": seq},
                        )
                    except Exception:
                        # Unsure whether the lock went: never give a pooled connection
                        # back holding it.
                        connection.invalidate()

    @contextmanager
    def _file_claim(self, seq: int) -> Iterator[bool]:
        assert self._claims_dir is not None
        self._claims_dir.mkdir(exist_ok=True)
        lock = FileLock(self._claims_dir / f"{seq}.lock", remove=True)
        granted = lock.try_acquire()
        try:
            yield granted
        finally:
            lock.release()
