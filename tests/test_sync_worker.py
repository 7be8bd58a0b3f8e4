"""The sync worker runs the engine off the GUI thread and reports in signals.

Real worker thread, real sandbox over HTTP, real SQLite file; the tests wait on the
worker's signals.
"""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from app.db import open_database
from app.sandbox.server import SandboxServer
from app.sync.client import PROBLEM_NETWORK
from app.sync.engine import SyncEngine
from app.sync.status import SyncState, SyncStatus
from app.sync.worker import SyncWorker
from tests.sandbox_control import control, demo_client, mirrored_orders, platform_orders

WAIT_MS = 20_000


def engine_factory(url: str, database_url: str) -> Callable[[Callable[[str, int], None]], SyncEngine]:
    _, sessions = open_database(database_url)
    return lambda on_page: SyncEngine(demo_client(url), sessions, on_page=on_page)


def is_state(state: SyncState) -> Callable[[SyncStatus], bool]:
    return lambda status: status.state is state


def test_the_first_run_reports_online_and_announces_the_orders(
    qtbot: QtBot, sandbox_url: str, sqlite_url: str
) -> None:
    worker = SyncWorker(engine_factory(sandbox_url, sqlite_url), interval_s=3600)
    changes: list[frozenset[str]] = []
    worker.data_changed.connect(changes.append)
    with qtbot.waitSignal(
        worker.status_changed, timeout=WAIT_MS, check_params_cb=is_state(SyncState.ONLINE)
    ) as got:
        worker.start()
    worker.stop()
    status: SyncStatus = got.args[0]
    assert status.orders_pulled >= 300 and status.last_success_at is not None and not status.last_error
    assert any("orders" in kinds for kinds in changes)
    _, sessions = open_database(sqlite_url)
    assert mirrored_orders(sessions) == platform_orders(sandbox_url)


def test_sync_now_brings_new_orders_at_once(qtbot: QtBot, sandbox_url: str, sqlite_url: str) -> None:
    worker = SyncWorker(engine_factory(sandbox_url, sqlite_url), interval_s=3600)
    with qtbot.waitSignal(worker.status_changed, timeout=WAIT_MS, check_params_cb=is_state(SyncState.ONLINE)):
        worker.start()
    control(sandbox_url, "tick", {"new_orders": 4})
    with qtbot.waitSignal(
        worker.data_changed, timeout=WAIT_MS, check_params_cb=lambda kinds: "orders" in kinds
    ):
        worker.sync_now()
    worker.stop()
    _, sessions = open_database(sqlite_url)
    assert mirrored_orders(sessions) == platform_orders(sandbox_url)


def test_a_platform_that_went_away_shows_offline_with_the_next_attempt(
    qtbot: QtBot, sandbox: SandboxServer, sqlite_url: str
) -> None:
    worker = SyncWorker(engine_factory(sandbox.url, sqlite_url), interval_s=3600)
    with qtbot.waitSignal(worker.status_changed, timeout=WAIT_MS, check_params_cb=is_state(SyncState.ONLINE)):
        worker.start()
    sandbox.stop()
    with qtbot.waitSignal(
        worker.status_changed, timeout=WAIT_MS, check_params_cb=is_state(SyncState.OFFLINE)
    ) as got:
        worker.sync_now()
    worker.stop()
    status: SyncStatus = got.args[0]
    assert status.last_error == PROBLEM_NETWORK
    assert status.next_attempt_in_s is not None and status.next_attempt_in_s > 0
    assert status.last_success_at is not None  # the last good sync is still shown


def test_a_rejected_secret_needs_a_person(qtbot: QtBot, sandbox_url: str, sqlite_url: str) -> None:
    _, sessions = open_database(sqlite_url)

    def wrong_secret(on_page: Callable[[str, int], None]) -> SyncEngine:
        client = demo_client(sandbox_url)
        client.credentials.app_secret = "not-the-secret"
        return SyncEngine(client, sessions, on_page=on_page)

    worker = SyncWorker(wrong_secret, interval_s=3600)
    with qtbot.waitSignal(
        worker.status_changed, timeout=WAIT_MS, check_params_cb=is_state(SyncState.NEEDS_ATTENTION)
    ) as got:
        worker.start()
    worker.stop()
    assert "secret" in got.args[0].last_error
