"""The sync worker runs the engine off the GUI thread and reports in signals.

Real worker thread, real sandbox over HTTP, real SQLite file; the tests wait on the
worker's signals.
"""

from __future__ import annotations

from collections.abc import Callable

import keyring
from keyring.backends import fail
from pytestqt.qtbot import QtBot

from app import config
from app.db import open_database
from app.platforms.douyin.adapter import DouyinPlatform
from app.platforms.douyin.client import PROBLEM_NETWORK
from app.sandbox.server import SandboxServer
from app.services.sync_status import SyncState, SyncStatus
from app.shop import PROBLEM_SECRET_MISSING, SECRET_ENV, configured_shop
from app.sync.engine import SyncEngine
from app.sync.worker import SyncWorker
from app.views.shell.sync_status_bar import SyncStatusBar
from tests.sandbox_control import (
    a_refund_after_shipment_to_decide,
    applied_by_client,
    control,
    demo_client,
    demo_platform,
    mirrored_orders,
    new_refunds_after_shipment,
    platform_orders,
    queue_refund_approval,
)

WAIT_MS = 20_000


def engine_factory(url: str, database_url: str) -> Callable[[Callable[[str, int], None]], SyncEngine]:
    _, sessions = open_database(database_url)
    return lambda on_page: SyncEngine(demo_platform(url), sessions, on_page=on_page)


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
        return SyncEngine(DouyinPlatform(client), sessions, on_page=on_page)

    worker = SyncWorker(wrong_secret, interval_s=3600)
    with qtbot.waitSignal(
        worker.status_changed, timeout=WAIT_MS, check_params_cb=is_state(SyncState.NEEDS_ATTENTION)
    ) as got:
        worker.start()
    worker.stop()
    assert "secret" in got.args[0].last_error


def test_decisions_made_offline_drain_on_reconnect_and_the_status_line_says_so(
    qtbot: QtBot, sandbox: SandboxServer, sqlite_url: str
) -> None:
    new_refunds_after_shipment(sandbox.url, 2)
    _, sessions = open_database(sqlite_url)
    client = demo_client(sandbox.url)
    platform = DouyinPlatform(client)
    worker = SyncWorker(lambda on_page: SyncEngine(platform, sessions, on_page=on_page), interval_s=3600)
    with qtbot.waitSignal(worker.status_changed, timeout=WAIT_MS, check_params_cb=is_state(SyncState.ONLINE)):
        worker.start()
    client.credentials.gateway = "http://127.0.0.1:9"  # the connection drops
    with qtbot.waitSignal(
        worker.status_changed, timeout=WAIT_MS, check_params_cb=is_state(SyncState.OFFLINE)
    ):
        worker.sync_now()
    with sessions.begin() as session:  # a clerk approves while offline
        request = a_refund_after_shipment_to_decide(session)
        queue_refund_approval(session, request)
    client.credentials.gateway = sandbox.url  # … and it comes back
    with qtbot.waitSignal(
        worker.status_changed,
        timeout=WAIT_MS,
        check_params_cb=lambda s: s.state is SyncState.ONLINE and s.decisions_sent == 1,
    ) as got:
        worker.sync_now()
    worker.stop()
    bar = SyncStatusBar()
    qtbot.addWidget(bar)
    bar.set_status(got.args[0])
    assert (
        "1 decision(s) reached the platform" in bar.text() or "1 decision reached the platform" in bar.text()
    )
    assert applied_by_client(sandbox.url, request.aftersale_id) == 1


def test_a_real_shop_without_its_secret_on_this_computer_asks_for_the_owner(
    qtbot: QtBot, sqlite_url: str, tmp_path: object, monkeypatch: object
) -> None:
    monkeypatch.setenv(config.HOME_ENV, str(tmp_path))  # type: ignore[attr-defined]
    monkeypatch.delenv(SECRET_ENV, raising=False)  # type: ignore[attr-defined]
    settings = config.Settings(shop=config.ShopConnection(app_key="7123456789012345678", shop_id="88001234"))
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())  # no secret anywhere
    try:
        target = configured_shop(settings, database_url=sqlite_url)
        _, sessions = open_database(sqlite_url)
        worker = SyncWorker(target.engine_factory(sessions), interval_s=3600)
        with qtbot.waitSignal(
            worker.status_changed, timeout=WAIT_MS, check_params_cb=is_state(SyncState.NEEDS_ATTENTION)
        ) as got:
            worker.start()
        worker.stop()
    finally:
        keyring.set_keyring(previous)
    assert got.args[0].last_error == PROBLEM_SECRET_MISSING
