"""Other workstations' changes reach this one as they commit (PostgreSQL LISTEN/NOTIFY).

ARCHITECTURE.md "Scale". "Another workstation" here is a connection this process did
not open through `app.db` (a plain psycopg connection), which is what another process
is to the server: the feed must hear it, and must not echo this process's own writes.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import text

from app.db import open_database
from app.services.sync_status import PROBLEM_ANOTHER_WORKSTATION_SYNCING, SyncState, SyncStatus
from app.sync.change_feed import EVERY_KIND, ChangeFeed, conninfo_of, listens
from app.sync.worker import SyncWorker
from app.views.shell.sync_status_bar import SyncStatusBar
from tests.builders import after_sale_row, order_row, seed

ON_POSTGRESQL = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
WAIT_S = 10.0


class Listening:
    """A feed running on its own thread, its deliveries in a queue."""

    def __init__(self, feed: ChangeFeed) -> None:
        self.deliveries: queue.Queue[frozenset[str]] = queue.Queue()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=feed.listen, args=(self.deliveries.put, self.stop), daemon=True)

    def next(self) -> frozenset[str]:
        return self.deliveries.get(timeout=WAIT_S)


@pytest.fixture
def shared(database_url: str) -> Iterator[tuple[object, Listening]]:
    _engine, sessions = open_database(database_url)
    listening = Listening(ChangeFeed(sessions.kw["bind"]))
    listening.thread.start()
    yield sessions, listening
    listening.stop.set()
    listening.thread.join(WAIT_S)
    assert not listening.thread.is_alive(), "the feed did not stop when asked"
    sessions.kw["bind"].dispose()


def another_workstation(sessions: object) -> psycopg.Connection:
    return psycopg.connect(conninfo_of(sessions.kw["bind"]), autocommit=True)  # type: ignore[attr-defined]


def wait_until_listening(sessions: object, listening: Listening) -> None:
    """The feed's LISTEN is in place once a probe notice from elsewhere comes through."""
    with another_workstation(sessions) as connection:
        while True:
            connection.execute("SELECT pg_notify('aftersales_desk_changes', 'probe')")
            try:
                if "probe" in listening.deliveries.get(timeout=0.2):
                    return
            except queue.Empty:
                continue


@ON_POSTGRESQL
def test_another_workstations_decision_arrives_as_the_kinds_it_changed(shared) -> None:  # noqa: ANN001
    sessions, listening = shared
    order = order_row()
    seed(sessions, orders=[order], after_sales=[after_sale_row(order, aftersale_id="7001")])
    wait_until_listening(sessions, listening)

    with another_workstation(sessions) as connection, connection.transaction():
        # A decision touches the request and the audit trail in one transaction.
        connection.execute("UPDATE after_sales SET status = status WHERE aftersale_id = '7001'")
        connection.execute(
            "INSERT INTO audit_events"
            " (at, actor_name, action, entity_type, entity_id, order_id, before, after, note)"
            " VALUES (1, 'clerk', 'probe', 'after_sale', '7001', '', '{}', '{}', '')"
        )

    assert listening.next() == frozenset({"after_sales", "audit"})


@ON_POSTGRESQL
def test_this_processs_own_writes_are_not_echoed(shared) -> None:  # noqa: ANN001
    sessions, listening = shared
    wait_until_listening(sessions, listening)
    order = order_row()
    seed(sessions, orders=[order])  # this process: its screens already know
    with another_workstation(sessions) as connection:
        connection.execute(f"UPDATE orders SET status = status WHERE order_id = '{order['order_id']}'")
    # The first thing heard is the other workstation's change, not the seed before it.
    assert listening.next() == frozenset({"orders"})


@ON_POSTGRESQL
def test_after_losing_its_connection_the_feed_listens_again_and_reports_everything_once(
    shared,  # noqa: ANN001
) -> None:
    sessions, listening = shared
    wait_until_listening(sessions, listening)
    with sessions() as session:  # type: ignore[operator]
        ended = session.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE query LIKE 'LISTEN aftersales_desk_changes%' AND pid <> pg_backend_pid()"
                " AND datname = current_database()"  # not another test worker's feed
            )
        ).all()
    assert ended == [(True,)]
    # Anything may have changed while it was not listening.
    assert listening.next() == EVERY_KIND
    with another_workstation(sessions) as connection:
        connection.execute("UPDATE orders SET status = status")
    assert listening.next() == frozenset({"orders"})


def test_a_workstation_on_sqlite_has_nobody_to_listen_to(sqlite_url: str) -> None:
    _engine, sessions = open_database(sqlite_url)
    assert not listens(sessions.kw["bind"])


@ON_POSTGRESQL
def test_the_sync_worker_passes_other_workstations_changes_to_the_screens(qtbot, database_url: str) -> None:  # noqa: ANN001
    _engine, sessions = open_database(database_url)

    def no_engine(_on_page):  # noqa: ANN001, ANN202 - this workstation never gets the lease here
        raise RuntimeError("not syncing in this test")

    worker = SyncWorker(no_engine, interval_s=3600, change_feed=ChangeFeed(sessions.kw["bind"]))
    heard: list[frozenset[str]] = []
    worker.data_changed.connect(heard.append)
    worker.start()
    try:
        with another_workstation(sessions) as connection:

            def heard_it() -> bool:
                connection.execute("UPDATE outbox_operations SET state = state")
                return frozenset({"outbox"}) in heard

            qtbot.waitUntil(heard_it, timeout=int(WAIT_S * 1000))
    finally:
        worker.stop()


def test_the_status_bar_says_another_sync_is_running_wherever_it_runs(qtbot) -> None:  # noqa: ANN001
    # The other sync may be another workstation's, or on a SQLite file (one sync per file,
    # its lease a lock file) the headless `main.py sync` on this very computer.
    bar = SyncStatusBar(clock=lambda: 1_000_000.0)
    qtbot.addWidget(bar)
    bar.set_status(SyncStatus(SyncState.STANDING_BY, last_error=PROBLEM_ANOTHER_WORKSTATION_SYNCING))
    assert bar.text() == "Another sync is running"
    assert "workstation" not in bar.text() and "on this computer" in bar._text.toolTip()
    bar.set_status(SyncStatus(SyncState.STANDING_BY, last_success_at=1_000_000 - 120))
    assert bar.text().startswith("Another sync is running · last synced ")
