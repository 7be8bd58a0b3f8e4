"""The desktop's sync in a process of its own: same signals as ever, and it survives dying.

Real parts: the sandbox store over HTTP, a real SQLite file, a real child process
(`main.py sync-child`, app/core/own_program.py) driven through QProcess.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator

import psycopg
import pytest
from pytestqt.qtbot import QtBot

from app.db import open_database
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID
from app.platforms.douyin.client import ShopCredentials
from app.services.sync_status import SyncState, SyncStatus
from app.sync.change_feed import conninfo_of
from app.sync.status import ShopNotReachable
from app.sync.sync_process import PROBLEM_SYNC_PROCESS_ENDED, SyncProcess
from tests.sandbox_control import mirrored_orders, platform_orders

FIRST_SYNC_MS = 60_000
ON_POSTGRESQL = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)


@pytest.fixture
def syncing(sandbox_url: str, sqlite_url: str) -> Iterator[SyncProcess]:
    open_database(sqlite_url)  # the desktop opens (and migrates) the database first
    credentials = ShopCredentials(sandbox_url, DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID)
    process = SyncProcess(lambda: credentials, sqlite_url, interval_s=3600)
    yield process
    process.stop()


def online(statuses: list[SyncStatus]) -> bool:
    return any(status.state is SyncState.ONLINE for status in statuses)


def test_the_sync_process_pulls_the_shop_and_says_so_like_the_worker(
    qtbot: QtBot, syncing: SyncProcess, sandbox_url: str, sqlite_url: str
) -> None:
    statuses: list[SyncStatus] = []
    changed: list[frozenset[str]] = []
    syncing.status_changed.connect(statuses.append)
    syncing.data_changed.connect(changed.append)
    syncing.start()
    qtbot.waitUntil(lambda: online(statuses), timeout=FIRST_SYNC_MS)

    _, sessions = open_database(sqlite_url)
    assert mirrored_orders(sessions) == platform_orders(sandbox_url)
    done = next(status for status in statuses if status.state is SyncState.ONLINE)
    assert done.orders_pulled > 0 and done.last_success_at is not None
    assert any("orders" in kinds for kinds in changed)

    statuses.clear()
    syncing.sync_now()
    qtbot.waitUntil(lambda: online(statuses), timeout=FIRST_SYNC_MS)


def test_sync_now_while_the_shop_is_still_starting_changes_nothing(
    qtbot: QtBot, sandbox_url: str, sqlite_url: str
) -> None:
    open_database(sqlite_url)
    shop_up = threading.Event()
    credentials = ShopCredentials(sandbox_url, DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID)
    syncing = SyncProcess(lambda: (shop_up.wait(30), credentials)[1], sqlite_url, interval_s=3600)
    statuses: list[SyncStatus] = []
    syncing.status_changed.connect(statuses.append)
    syncing.start()
    try:
        qtbot.waitUntil(syncing.is_running)
        syncing.sync_now()  # the person presses "Sync now" while the demo shop starts
        shop_up.set()
        qtbot.waitUntil(lambda: online(statuses), timeout=FIRST_SYNC_MS)
        assert not [status for status in statuses if status.last_error == PROBLEM_SYNC_PROCESS_ENDED]
    finally:
        syncing.stop()


def test_a_killed_sync_process_is_reported_and_started_again(qtbot: QtBot, syncing: SyncProcess) -> None:
    statuses: list[SyncStatus] = []
    syncing.status_changed.connect(statuses.append)
    syncing.start()
    qtbot.waitUntil(lambda: online(statuses), timeout=FIRST_SYNC_MS)
    first = syncing.process_id()
    assert first is not None

    statuses.clear()
    os.kill(first, signal.SIGKILL)
    qtbot.waitUntil(lambda: any(s.last_error == PROBLEM_SYNC_PROCESS_ENDED for s in statuses), timeout=10_000)
    ended = next(s for s in statuses if s.last_error == PROBLEM_SYNC_PROCESS_ENDED)
    assert ended.state is SyncState.STARTING and ended.last_success_at is not None
    qtbot.waitUntil(lambda: online(statuses), timeout=FIRST_SYNC_MS)
    assert syncing.process_id() not in (None, first)


def test_stopping_ends_the_process_cleanly(qtbot: QtBot, syncing: SyncProcess) -> None:
    statuses: list[SyncStatus] = []
    syncing.status_changed.connect(statuses.append)
    syncing.start()
    qtbot.waitUntil(lambda: online(statuses), timeout=FIRST_SYNC_MS)
    process = syncing._process
    assert process is not None
    syncing.stop()
    assert not syncing.is_running()
    assert process.exitCode() == 0 and process.exitStatus().name == "NormalExit"


def test_a_shop_that_cannot_be_reached_needs_a_person_and_starts_no_process(
    qtbot: QtBot, sqlite_url: str
) -> None:
    def no_secret() -> ShopCredentials:
        raise ShopNotReachable("The shop's app secret is not on this computer.")

    syncing = SyncProcess(no_secret, sqlite_url)
    with qtbot.waitSignal(syncing.status_changed) as told:
        syncing.start()
    assert told.args[0].state is SyncState.NEEDS_ATTENTION
    assert not syncing.is_running()


@ON_POSTGRESQL
def test_on_a_shared_database_other_workstations_changes_reach_the_window_through_the_process(
    qtbot: QtBot, sandbox_url: str, database_url: str
) -> None:
    _, sessions = open_database(database_url)
    credentials = ShopCredentials(sandbox_url, DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID)
    syncing = SyncProcess(lambda: credentials, database_url, interval_s=3600)
    statuses: list[SyncStatus] = []
    changed: list[frozenset[str]] = []
    syncing.status_changed.connect(statuses.append)
    syncing.data_changed.connect(changed.append)
    syncing.start()
    try:
        qtbot.waitUntil(lambda: online(statuses), timeout=FIRST_SYNC_MS)
        with psycopg.connect(conninfo_of(sessions.kw["bind"]), autocommit=True) as another_workstation:

            def heard() -> bool:
                another_workstation.execute("UPDATE outbox_operations SET state = state")
                return frozenset({"outbox"}) in changed

            qtbot.waitUntil(heard, timeout=15_000)
    finally:
        syncing.stop()
