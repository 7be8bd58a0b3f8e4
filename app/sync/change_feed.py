"""Other workstations' changes, as they commit: LISTEN on the shared PostgreSQL database.

Owns the receiving end of migration 0008, whose triggers announce on one channel the
name of every table a transaction changed (ARCHITECTURE.md "Scale": everyone sees
everyone's actions at once). `ChangeFeed.listen()` holds a connection of its own,
waits for those notices, folds a burst of them into one set of data kinds (the words
the screens already use: "orders", "after_sales", "outbox", …) and hands it on.

Changes this process made itself are left out: its screens already heard of them
(the decision that was just made, the sync worker's own progress), and re-reading the
orders after every batch of this process's own sync was what paused the window.
PostgreSQL says which server process sent each notice, and `db.py` keeps the list of
server processes this process is connected to.

If the connection drops, the feed connects again with back-off and then reports every
kind once, since anything may have changed while it was not listening. SQLite has no
other workstations: there is nothing to listen to. No Qt here.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import psycopg
from sqlalchemy import Engine

from app.db import own_backend_pids
from app.sync.backoff import Backoff

log = logging.getLogger(__name__)

CHANNEL = "aftersales_desk_changes"  # the one migration 0008 announces on
KIND_OF_TABLE = {
    "orders": "orders",
    "order_lines": "orders",
    "order_logistics": "orders",
    "after_sales": "after_sales",
    "after_sale_status_changes": "after_sales",
    "outbox_operations": "outbox",
    "audit_events": "audit",
    "users": "people",
    "sync_cursors": "sync",
    "quarantined_records": "quarantine",  # migration 0010
    "owner_handovers": "after_sales",  # migration 0015: a request handed to the owner
}
EVERY_KIND = frozenset(KIND_OF_TABLE.values())
# Notices of one burst (a decision touches the request, the outbox and the audit trail
# in one transaction, a sync commits batch after batch) are folded into one delivery.
FOLD_WINDOW_S = 0.1
# How often the waiting loop looks at its stop flag.
WAKE_EVERY_S = 0.5


def listens(engine: Engine) -> bool:
    """Whether other processes can change this database (PostgreSQL)."""
    return engine.dialect.name == "postgresql"


def conninfo_of(engine: Engine) -> str:
    """The libpq connection string for the engine's database (password included)."""
    url = engine.url.set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


class ChangeFeed:
    def __init__(self, engine: Engine) -> None:
        self._conninfo = conninfo_of(engine)

    def listen(self, deliver: Callable[[frozenset[str]], None], stop: threading.Event) -> None:
        """Call `deliver(kinds)` for other processes' changes until `stop` is set.

        Blocks: run it on a thread of its own.
        """
        backoff = Backoff()
        missed_some = False
        while not stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    backoff.reset()
                    if missed_some:
                        deliver(EVERY_KIND)  # whatever happened while we were not listening
                    missed_some = True
                    log.info("listening for other workstations' changes")
                    self._wait_for_notices(connection, deliver, stop)
            except psycopg.Error as error:
                delay = backoff.next_delay()
                log.warning("change feed lost its connection (%s); again in %.0f s", error, delay)
                stop.wait(delay)

    def _wait_for_notices(
        self,
        connection: psycopg.Connection,
        deliver: Callable[[frozenset[str]], None],
        stop: threading.Event,
    ) -> None:
        while not stop.is_set():
            kinds = self._kinds_of(connection.notifies(timeout=WAKE_EVERY_S, stop_after=1))
            if not kinds:
                continue
            fold_until = time.monotonic() + FOLD_WINDOW_S
            while (left := fold_until - time.monotonic()) > 0:
                kinds |= self._kinds_of(connection.notifies(timeout=left))
            deliver(frozenset(kinds))

    @staticmethod
    def _kinds_of(notices: object) -> set[str]:
        own = own_backend_pids()
        return {
            KIND_OF_TABLE.get(notice.payload, notice.payload)
            for notice in notices  # type: ignore[attr-defined]
            if notice.pid not in own
        }
