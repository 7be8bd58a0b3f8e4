"""The dashboard says which figures lack requests' histories, for which days, in plain words.

Issue 15: where the platform did not give a request's history (its Detail failed for
good, or had no records), the figures counted from state changes are incomplete on the
days from its application to the day the mirror first saw it; while the sync still reads
histories, they may change. The dashboard names the figures and the days above the
tiles, and the affected tiles say so too; the sync reads histories in its own process,
and the dashboard shows the figures as they stand meanwhile. Real SQLite files, the real
metrics services, real widgets (offscreen), the real sync process against the sandbox.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from app.db import open_database
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID
from app.models import RequestHistory
from app.models.request_history import HISTORY_FAILED
from app.platforms.douyin.client import ShopCredentials
from app.sandbox.server import SandboxServer
from app.services.metrics.coverage import HISTORY_METRICS
from app.services.sync_status import SyncState, SyncStatus
from app.sync.sync_process import SyncProcess
from app.views.dashboard.view import DashboardView
from tests.metric_shop import HOUR, S, a_request, an_order, at, moved, pull, seed_orders

NOW = at(20, 12)  # 20 November 2026, noon in Shanghai


def make_dashboard(qtbot: QtBot, tasks, sessions, clock=lambda: NOW) -> DashboardView:
    view = DashboardView(tasks, sessions, None, clock=clock)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    with qtbot.waitSignal(view.report_shown, timeout=10_000):
        view.show()
    return view


def first_seen_refunded(sessions: sessionmaker[Session], applied: int, refunded: int) -> str:
    """A request the mirror first saw already refunded (a first sync): its review is not in it."""
    order = an_order(paid=applied - 100 * HOUR, ship_by=applied - 70 * HOUR, shipped=applied - 72 * HOUR)
    seed_orders(sessions, [order])
    request = moved(a_request(order, applied=applied), S.REFUNDED, refunded)
    pull(sessions, request)
    return request["aftersale_id"]


def test_a_history_the_platform_did_not_give_is_named_with_its_figures_and_days(
    qtbot: QtBot, english, tasks, session_factory
) -> None:
    aftersale_id = first_seen_refunded(session_factory, applied=at(12, 10), refunded=at(14, 10))
    with session_factory.begin() as session:
        session.add(
            RequestHistory(aftersale_id=aftersale_id, outcome=HISTORY_FAILED, attempts=3, checked_at=NOW)
        )
    view = make_dashboard(qtbot, tasks, session_factory)

    note = view.history_note
    assert note.isVisible()
    assert note.text() == (
        "Incomplete on 2026-11-12 – 2026-11-14: Average review time, Refund duration, Timeout approvals, "
        "Rejection rate. The platform did not give the history of 1 of the requests behind them."
    )
    for tile in view.tiles.tiles():
        expected = "Incomplete on some days" if tile.key in HISTORY_METRICS else ""
        assert (tile.incomplete.text(), tile.incomplete.isVisible()) == (expected, bool(expected))


def test_a_history_still_to_be_read_says_the_figures_may_change_and_a_whole_one_says_nothing(
    qtbot: QtBot, english, tasks, session_factory
) -> None:
    aftersale_id = first_seen_refunded(session_factory, applied=at(18, 10), refunded=at(18, 20))
    view = make_dashboard(qtbot, tasks, session_factory)
    assert view.history_note.text().startswith(
        "Still reading requests' histories from the platform (1 to go):"
    )
    assert view.history_note.text().endswith("on 2026-11-18 may still change.")
    assert view.tiles.tile("timeout_approvals").incomplete.text() == "History still loading"

    with session_factory.begin() as session:  # the sync read it
        session.add(RequestHistory(aftersale_id=aftersale_id, outcome="read", attempts=0, checked_at=NOW))
    with qtbot.waitSignal(view.report_shown, timeout=10_000):
        view.on_data_changed(frozenset({"after_sales"}))
    assert not view.history_note.isVisible()
    assert not any(tile.incomplete.isVisible() for tile in view.tiles.tiles())


@pytest.fixture
def shop(tmp_path) -> Iterator[SandboxServer]:
    server = SandboxServer(tmp_path / "sandbox.sqlite", port=0, seed=7, live=False, history_orders=600)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_the_sync_process_reads_histories_while_the_dashboard_shows_the_figures_as_they_stand(
    qtbot: QtBot, english, tasks, sqlite_url: str, shop: SandboxServer
) -> None:
    _, sessions = open_database(sqlite_url)  # the desktop opens (and migrates) the database first
    credentials = ShopCredentials(shop.url, DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID)
    syncing = SyncProcess(lambda: credentials, sqlite_url, interval_s=3600)
    statuses: list[SyncStatus] = []
    syncing.status_changed.connect(statuses.append)
    view = make_dashboard(qtbot, tasks, sessions, clock=shop.clock.now)
    view.controls.restore_state({"range": 90})
    syncing.data_changed.connect(view.on_data_changed)
    try:
        syncing.start()  # one run: the pulls, then the first round of histories
        qtbot.waitUntil(lambda: any(s.state is SyncState.ONLINE for s in statuses), timeout=60_000)
        qtbot.waitUntil(lambda: view.history_note.coverage().pending_requests > 0, timeout=20_000)
        assert "may still change" in view.history_note.text()  # the figures are shown meanwhile

        for _ in range(20):  # "Sync now" until every history is read: a round each
            statuses.clear()
            syncing.sync_now()
            qtbot.waitUntil(lambda: any(s.state is SyncState.ONLINE for s in statuses), timeout=60_000)
            with qtbot.waitSignal(view.report_shown, timeout=10_000):
                view.refresh()
            if view.history_note.coverage().pending_requests == 0:
                break
        assert view.history_note.coverage().pending_requests == 0
    finally:
        syncing.stop()
