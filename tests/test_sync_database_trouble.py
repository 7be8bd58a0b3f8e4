"""The desktop's sync when the database itself fails mid-run: plain words, nothing lost, back on its own.

Real parts throughout: the sandbox store over HTTP, real SQLite files, the real
PostgreSQL server. A disk that fills up is SQLite's own limit on the file's pages
(`PRAGMA max_page_count`, which fails a write exactly as a full disk does), lifted again
to free the space, and, for the desktop's sync process, a small disk of its own that
really fills up (where the system allows a mount namespace). A damaged file has its
orders' pages overwritten with garbage. A shared database server that goes away is
reached through a loopback forwarder that is cut and restored
(tests/loopback_forwarder.py). The status checked is what the window receives: the
worker's signal, and the sync process's.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event, func, select
from sqlalchemy.engine import make_url

from app.db import make_engine, make_session_factory, open_database
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID
from app.models import Order, OutboxOperation, SyncCursor
from app.models import outbox as outbox_state
from app.platforms.douyin.client import ShopCredentials
from app.sandbox.server import SandboxServer
from app.services.sync_status import SyncState, SyncStatus
from app.sync.engine import SyncEngine
from app.sync.lease import SyncLease
from app.sync.sync_process import SyncProcess
from app.sync.worker import SyncWorker
from app.views.shell.sync_status_bar import SyncStatusBar
from tests.full_disk import ROOT, run_on_a_full_disk, small_disk_or_skip
from tests.loopback_forwarder import LoopbackForwarder, forwarding
from tests.sandbox_control import (
    a_refund_after_shipment_to_decide,
    applied_by_client,
    control,
    demo_platform,
    mirrored_orders,
    new_refunds_after_shipment,
    platform_orders,
    queue_refund_approval,
)

WAIT_MS = 30_000
ON_POSTGRESQL = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
# The desktop's words (app/services/setup/shop_database.py), as the status bar shows them.
DISK_FULL_WORDS = "The disk is full, so nothing more can be stored. Nothing has been lost"
DAMAGED_WORDS = "The shop's database file is damaged and cannot be read"
SERVER_WORDS = "The shop's database server is not answering. Nothing has been lost"
NO_ROOM_LEFT = 1  # max_page_count is never set below the file's size: no room beyond it
ALL_THE_ROOM = 2**31


class Statuses(list[SyncStatus]):
    """Every status the window received, and a way to wait for the end of the next run."""

    def after(self, start: int) -> list[SyncStatus]:
        return [
            status for status in self[start:] if status.state is not SyncState.SYNCING and not status.retrying
        ]


def next_outcome(qtbot: QtBot, statuses: Statuses, action: Callable[[], None] = lambda: None) -> SyncStatus:
    start = len(statuses)
    action()
    qtbot.waitUntil(lambda: bool(statuses.after(start)), timeout=WAIT_MS)
    return statuses.after(start)[0]


def watch(worker: SyncWorker | SyncProcess) -> Statuses:
    statuses = Statuses()
    worker.status_changed.connect(statuses.append)
    return statuses


def line_shown(qtbot: QtBot, status: SyncStatus) -> str:
    bar = SyncStatusBar()
    qtbot.addWidget(bar)
    bar.set_status(status)
    return bar.text()


@pytest.fixture
def worker_on(qtbot: QtBot) -> Iterator[Callable[..., SyncWorker]]:
    """A sync worker as the desktop's sync process runs one (with the sync lease)."""
    workers: list[SyncWorker] = []

    def start(sandbox_url: str, engine_and_sessions: tuple) -> SyncWorker:
        engine, sessions = engine_and_sessions
        worker = SyncWorker(
            lambda on_page: SyncEngine(
                demo_platform(sandbox_url), sessions, on_page=on_page, lease=SyncLease(engine)
            ),
            interval_s=3600,
        )
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()


# --- a full disk --------------------------------------------------------------------------


def test_a_disk_that_fills_up_mid_sync_needs_a_person_keeps_every_decision_and_carries_on_by_itself(
    qtbot: QtBot, worker_on: Callable[..., SyncWorker], sandbox: SandboxServer, sqlite_url: str
) -> None:
    new_refunds_after_shipment(sandbox.url, 2)
    engine, sessions = open_database(sqlite_url)
    room = [ALL_THE_ROOM]

    @event.listens_for(engine, "checkout")
    def limit_the_disk(dbapi_connection: sqlite3.Connection, *_: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {room[0]}")

    worker = worker_on(sandbox.url, (engine, sessions))
    statuses = watch(worker)
    first = next_outcome(qtbot, statuses, worker.start)
    assert first.state is SyncState.ONLINE

    with sessions.begin() as session:  # a clerk approves a refund …
        request = a_refund_after_shipment_to_decide(session)
        seq = queue_refund_approval(session, request)
    control(sandbox.url, "tick", {"new_orders": 300})  # … while the shop gets busy
    room[0] = NO_ROOM_LEFT  # and the disk fills up

    full = next_outcome(qtbot, statuses, worker.sync_now)
    assert full.state is SyncState.NEEDS_ATTENTION, full
    assert full.last_error.startswith(DISK_FULL_WORDS)
    assert full.last_success_at == first.last_success_at  # the last good sync is still shown
    assert full.next_attempt_in_s is not None and 0 < full.next_attempt_in_s <= 60
    assert line_shown(qtbot, full).startswith("Needs attention: " + DISK_FULL_WORDS)

    # Nothing lost, nothing half-done: the page's transaction rolled back whole.
    database = make_url(sqlite_url).database
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as left:
        assert left.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with sessions() as session:
        cursor = session.get(SyncCursor, "orders")
        newest = session.scalar(select(func.max(Order.update_time)))
        decision = session.get(OutboxOperation, seq)
    assert cursor is not None and cursor.high_water <= newest
    assert len(mirrored_orders(sessions)) < len(platform_orders(sandbox.url))  # it did fill up
    assert decision is not None and decision.state in (
        outbox_state.PENDING,
        outbox_state.SENDING,
        outbox_state.DONE,
    )
    assert applied_by_client(sandbox.url, request.aftersale_id) <= 1

    # Space is freed: the next try, on its own, finishes the job.
    room[0] = ALL_THE_ROOM
    qtbot.waitUntil(lambda: statuses[-1].state is SyncState.ONLINE, timeout=WAIT_MS)
    assert mirrored_orders(sessions) == platform_orders(sandbox.url)
    with sessions() as session:
        assert session.get(OutboxOperation, seq).state == outbox_state.DONE
    assert applied_by_client(sandbox.url, request.aftersale_id) == 1


# A real full disk, for the desktop's sync process: a small tmpfs of its own (mount
# namespace), filled but for a little room. The script drives the sync process as the
# window does, frees the space when told the disk is full, and stops once back online.
DESKTOP_ON_A_FULL_DISK = """
import json, os, shutil, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID
from app.platforms.douyin.client import ShopCredentials
from app.services.sync_status import SyncState
from app.sync.sync_process import SyncProcess

disk, out = Path(os.environ["DISK"]), Path(os.environ["OUT"])
app = QCoreApplication([])
credentials = ShopCredentials(os.environ["STORE"], DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID)
syncing = SyncProcess(lambda: credentials, f"sqlite:///{disk}/mirror.sqlite", interval_s=3600)
told = []

def heard(status):
    if status.state in (SyncState.STARTING, SyncState.SYNCING) or status.retrying:
        return
    told.append({"state": status.state.value, "words": status.last_error, "next": status.next_attempt_in_s})
    if len(told) == 1 and status.state is SyncState.NEEDS_ATTENTION:
        (out / "as-left").mkdir()
        for kept in disk.glob("mirror.sqlite*"):
            shutil.copy(kept, out / "as-left")
        (disk / "filler").unlink()  # a person frees some space
    else:
        app.quit()

syncing.status_changed.connect(heard)
QTimer.singleShot(120_000, app.quit)  # never outlive the test
syncing.start()
app.exec()
syncing.stop()
(out / "told.json").write_text(json.dumps(told))
"""


@pytest.mark.slow
def test_the_desktop_sync_on_a_disk_that_really_fills_up_says_so_and_carries_on_once_space_is_freed(
    tmp_path: Path, sandbox_url: str, _migrated_template: Path
) -> None:
    disk, out = small_disk_or_skip(tmp_path)
    run_on_a_full_disk(
        disk,
        out,
        _migrated_template,
        tmp_path / "home",
        '"$PYTHON" -c "$SCRIPT"\n',
        PYTHONPATH=str(ROOT),
        STORE=sandbox_url,
        SCRIPT=DESKTOP_ON_A_FULL_DISK,
    )
    told = json.loads((out / "told.json").read_text())
    assert told[0]["state"] == SyncState.NEEDS_ATTENTION.value, told
    assert told[0]["words"].startswith(DISK_FULL_WORDS) and told[0]["next"] > 0
    with sqlite3.connect(out / "as-left" / "mirror.sqlite") as left:  # sound, the cursor never ahead
        assert left.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        cursor = left.execute("SELECT high_water FROM sync_cursors WHERE stream = 'orders'").fetchone()
        newest = left.execute("SELECT max(update_time) FROM orders").fetchone()[0]
        stored = left.execute("SELECT count(*) FROM orders").fetchone()[0]
    assert cursor is None or cursor[0] <= newest
    assert stored < len(platform_orders(sandbox_url))  # the disk did fill up mid-way
    assert told[1]["state"] == SyncState.ONLINE.value, told  # on its own, once there was room


# --- a damaged file -----------------------------------------------------------------------


def damage_the_orders(database: Path) -> bytes:
    """Overwrite the pages of the orders table and its indexes with garbage; returns the
    file as it was, the backup a person would restore."""
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        roots = [
            row[0]
            for row in connection.execute("SELECT rootpage FROM sqlite_master WHERE tbl_name = 'orders'")
        ]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    backup = database.read_bytes()
    with database.open("r+b") as file:
        for root in roots:
            if root:
                file.seek((root - 1) * page_size)
                file.write(bytes(range(256)) * (page_size // 256))
    return backup


def test_a_database_file_found_damaged_mid_sync_is_told_and_left_as_it_was(
    qtbot: QtBot, worker_on: Callable[..., SyncWorker], sandbox_url: str, sqlite_url: str
) -> None:
    engine, sessions = open_database(sqlite_url)
    SyncEngine(demo_platform(sandbox_url), sessions).run_once()  # an earlier day's sync
    engine.dispose()
    database = Path(make_url(sqlite_url).database or "")
    damage_the_orders(database)
    damaged = database.read_bytes()
    control(sandbox_url, "tick", {"new_orders": 30})

    worker = worker_on(sandbox_url, open_database(sqlite_url))  # the database opens: the damage is deeper
    statuses = watch(worker)
    told = next_outcome(qtbot, statuses, worker.start)
    assert told.state is SyncState.NEEDS_ATTENTION, told
    assert told.last_error.startswith(DAMAGED_WORDS)
    assert line_shown(qtbot, told).startswith("Needs attention: " + DAMAGED_WORDS)
    assert database.read_bytes() == damaged  # kept for whoever can rescue it


# --- a shared database server that goes away ---------------------------------------------


def through(forwarder: LoopbackForwarder, database_url: str) -> str:
    return make_url(database_url).set(port=forwarder.port).render_as_string(hide_password=False)


@ON_POSTGRESQL
def test_a_shared_database_server_that_stops_answering_is_told_and_retried_until_it_is_back(
    qtbot: QtBot, worker_on: Callable[..., SyncWorker], sandbox_url: str, database_url: str
) -> None:
    open_database(database_url)  # the desktop set the database up at start
    with forwarding() as server:
        engine = make_engine(through(server, database_url))
        worker = worker_on(sandbox_url, (engine, make_session_factory(engine)))
        statuses = watch(worker)
        first = next_outcome(qtbot, statuses, worker.start)
        assert first.state is SyncState.ONLINE

        server.cut()
        gone = next_outcome(qtbot, statuses, worker.sync_now)
        assert gone.state is SyncState.NEEDS_ATTENTION, gone  # not "another workstation syncs"
        assert gone.last_error.startswith(SERVER_WORDS)
        assert gone.last_success_at == first.last_success_at
        assert gone.next_attempt_in_s is not None and gone.next_attempt_in_s > 0
        shown = line_shown(qtbot, gone)
        assert shown.startswith("Needs attention: " + SERVER_WORDS)
        assert shown.endswith(f"next try in {round(gone.next_attempt_in_s)} s")

        again = next_outcome(qtbot, statuses)  # it keeps trying by itself, backing off
        assert again.state is SyncState.NEEDS_ATTENTION and again.last_error == gone.last_error
        assert again.next_attempt_in_s is not None and again.next_attempt_in_s >= gone.next_attempt_in_s

        server.restore()
        back = next_outcome(qtbot, statuses)
        assert back.state is SyncState.ONLINE and not back.last_error
        engine.dispose()


@ON_POSTGRESQL
def test_the_window_hears_from_the_sync_process_that_the_database_server_went_away_and_came_back(
    qtbot: QtBot, sandbox_url: str, database_url: str
) -> None:
    open_database(database_url)
    credentials = ShopCredentials(sandbox_url, DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID)
    with forwarding() as server:
        syncing = SyncProcess(lambda: credentials, through(server, database_url), interval_s=3600)
        statuses = watch(syncing)
        try:
            syncing.start()
            qtbot.waitUntil(lambda: any(s.state is SyncState.ONLINE for s in statuses), timeout=60_000)
            process_id = syncing.process_id()

            server.cut()
            gone = next_outcome(qtbot, statuses, syncing.sync_now)
            assert gone.state is SyncState.NEEDS_ATTENTION, gone
            assert gone.last_error.startswith(SERVER_WORDS)
            assert gone.next_attempt_in_s is not None and gone.next_attempt_in_s > 0

            server.restore()
            qtbot.waitUntil(lambda: statuses[-1].state is SyncState.ONLINE, timeout=WAIT_MS)
            assert syncing.process_id() == process_id  # the sync waited; it never had to start anew
        finally:
            syncing.stop()
