"""Nothing moves under the pointer when the connection comes and goes.

The real main window, signed in as the owner, its sync driven through the worker's
signals as the sync process drives it: while the offline banner comes, goes and comes
again (and the sync retries in between), the rows of the refund queue and of the
shipping board stay exactly where they were on the screen, so a click meant for one
request cannot land on the next.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractItemView, QApplication

from app.services.sync_status import CAUSE_NETWORK, CAUSE_PLATFORM, SyncState, SyncStatus
from app.views.shell.main_window import MainWindow
from tests.builders import NOW
from tests.refund_shop import seed_queue
from tests.test_shipping_board_view import board_shop

ONLINE = SyncStatus(SyncState.ONLINE, last_success_at=NOW)
SPELL = [
    SyncStatus(SyncState.SYNCING, last_success_at=NOW),
    SyncStatus(SyncState.OFFLINE, last_success_at=NOW, cause=CAUSE_NETWORK, next_attempt_in_s=4),
    SyncStatus(SyncState.OFFLINE, last_success_at=NOW, cause=CAUSE_NETWORK, retrying=True),
    SyncStatus(SyncState.OFFLINE, last_success_at=NOW, cause=CAUSE_PLATFORM, next_attempt_in_s=9),
    ONLINE,
    SyncStatus(SyncState.OFFLINE, last_success_at=NOW, cause=CAUSE_PLATFORM, next_attempt_in_s=2),
]


def first_row_on_screen(table: QAbstractItemView) -> int:
    """How far down the window the first row is: what a pointer resting on it is over. (Only
    the height: a column may still be sized to its contents as the screen fills.)"""
    rect = table.visualRect(table.model().index(0, 0))
    return table.viewport().mapTo(table.window(), rect.center()).y()


def settle() -> None:
    """Let the window lay itself out again after a change (layouts run from the event loop)."""
    for _ in range(3):
        QApplication.processEvents()


def rows_stay_put(qtbot, window: MainWindow, fake_worker, table: QAbstractItemView) -> None:
    fake_worker.status_changed.emit(ONLINE)
    settle()
    where = first_row_on_screen(table)
    screen = window.screen_named(window.current_screen_key())
    shown = []
    for status in SPELL:
        fake_worker.status_changed.emit(status)
        settle()
        shown.append(screen.banner.text_shown() is not None)
        assert first_row_on_screen(table) == where, f"the rows moved at {status.state.value}"
    assert shown == [False, True, True, True, False, True]  # the banner did come and go


def test_the_refund_queue_rows_keep_their_place_when_the_offline_banner_comes_and_goes(
    qtbot, english, session_factory, settings, owner, fake_worker
) -> None:
    seed_queue(session_factory)
    window = MainWindow(session_factory, settings, fake_worker, actor=owner)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_screen("refunds")
    refunds = window.screen_named("refunds")
    qtbot.waitUntil(lambda: refunds.model.rowCount() > 0, timeout=5_000)
    rows_stay_put(qtbot, window, fake_worker, refunds.table())


def test_the_shipping_board_rows_keep_their_place_when_the_offline_banner_comes_and_goes(
    qtbot, english, session_factory, settings, owner, fake_worker
) -> None:
    board_shop(session_factory)
    window = MainWindow(session_factory, settings, fake_worker, actor=owner)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_screen("shipping")
    board = window.screen_named("shipping")
    qtbot.waitUntil(lambda: board.model.rowCount() > 0, timeout=5_000)
    rows_stay_put(qtbot, window, fake_worker, board.tree)


def test_the_dashboard_keeps_its_figures_in_place_when_the_offline_banner_comes_and_goes(
    qtbot, english, session_factory, settings, owner, fake_worker
) -> None:
    window = MainWindow(session_factory, settings, fake_worker, actor=owner)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_screen("dashboard")
    dashboard = window.screen_named("dashboard")
    fake_worker.status_changed.emit(ONLINE)
    settle()
    where = dashboard.tiles.mapTo(window, QPoint(0, 0))
    shown = []
    for status in SPELL:
        fake_worker.status_changed.emit(status)
        settle()
        shown.append(dashboard.banner_text() is not None)
        assert dashboard.tiles.mapTo(window, QPoint(0, 0)) == where, (
            f"the figures moved at {status.state.value}"
        )
    assert shown == [False, True, True, True, False, True]
