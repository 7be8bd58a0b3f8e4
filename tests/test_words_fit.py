"""Words that fit, in both languages, at the smallest screen the desk is used on
(1366×768): the dashboard's boxes after a live language switch, its tiles' lines, its
export button beside its neighbours; the refund queue's order-and-logistics column; no
message left in the language just left."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel

from app.views.dashboard.view import DashboardView
from app.views.refunds.queue_columns import COL_ORDER
from app.views.refunds.queue_view import RefundQueueView
from app.views.shell.app import load_style_sheet
from app.views.shell.i18n import install_language
from app.views.shell.main_window import MainWindow
from tests.builders import NOW as QUEUE_NOW
from tests.dashboard_shop import seed_dashboard_shop
from tests.metric_shop import at
from tests.refund_shop import seed_queue

NOW = at(20, 12)  # 20 November 2026, noon in Shanghai
SMALL_SCREEN_DASHBOARD = (1366 - 172, 700)  # 1366×768 less the navigation and the status bar


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The app's style sheet, as build_application applies it (sizes depend on it)."""
    qapp.setStyleSheet(load_style_sheet())
    yield
    qapp.setStyleSheet("")
    install_language("en")


def dashboard(qtbot, tasks, session_factory, owner) -> DashboardView:
    seed_dashboard_shop(session_factory, NOW)
    view = DashboardView(tasks, session_factory, owner, clock=lambda: NOW)
    qtbot.addWidget(view)
    view.resize(*SMALL_SCREEN_DASHBOARD)
    with qtbot.waitSignal(view.report_shown, timeout=10_000):
        view.show()
    return view


def fresh_width(box: QComboBox) -> int:
    """The width a combo box asks for when built now, with the texts it holds now."""
    twin = QComboBox()
    twin.addItems([box.itemText(i) for i in range(box.count())])
    twin.ensurePolished()  # the style sheet's padding, as a shown box has it
    return twin.sizeHint().width()


def test_the_dashboards_boxes_fit_their_words_after_a_live_switch(
    qtbot, styled, tasks, session_factory, owner
) -> None:
    install_language("zh_CN")
    view = dashboard(qtbot, tasks, session_factory, owner)
    install_language("en")  # "近 30 天" becomes "Last 30 days", wider
    qtbot.waitUntil(lambda: view.controls.range_box.currentText() == "Last 30 days", timeout=5_000)
    boxes = (view.controls.range_box, view.controls.bucket_box)
    qtbot.waitUntil(lambda: all(box.width() >= fresh_width(box) for box in boxes), timeout=2_000)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_each_line_of_a_tile_fits_its_tile_at_1366_by_768(
    qtbot, styled, tasks, session_factory, owner, language: str
) -> None:
    install_language(language)
    view = dashboard(qtbot, tasks, session_factory, owner)
    QApplication.processEvents()
    broken: list[str] = []
    for tile in view.tiles.findChildren(QLabel):
        if not tile.isVisible() or not tile.wordWrap():
            continue
        room = tile.contentsRect().width()
        broken += [
            line for line in tile.text().split("\n") if tile.fontMetrics().horizontalAdvance(line) > room
        ]
    assert broken == []  # a line too long wraps wherever it must: "限值 48.0 小" / "时"


def test_the_export_button_looks_like_its_neighbours(qtbot, styled, tasks, session_factory, owner) -> None:
    install_language("zh_CN")
    view = dashboard(qtbot, tasks, session_factory, owner)
    QApplication.processEvents()
    pause = view.status.button
    assert view.export_button.height() == pause.height()
    assert view.export_button.font() == pause.font()
    assert isinstance(view.export_button, type(pause))  # styled by the same rules


def test_a_status_bar_message_in_the_language_just_left_goes_away(
    qtbot, session_factory, settings, owner
) -> None:
    install_language("zh_CN")
    window = MainWindow(session_factory, settings, actor=owner)
    qtbot.addWidget(window)
    window.show()
    window.statusBar().showMessage("延迟发货率超过平台限值：按今天的速度，今晚将达到 12.0%。")
    install_language("en")
    assert window.statusBar().currentMessage() == ""


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_refund_queues_order_and_logistics_column_shows_its_words_whole(
    qtbot, styled, tasks, session_factory, owner, language: str
) -> None:
    install_language(language)
    seed_queue(session_factory, now=QUEUE_NOW)  # one request with its return parcel's number
    view = RefundQueueView(tasks, session_factory, owner, clock=lambda: QUEUE_NOW)
    qtbot.addWidget(view)
    view.resize(1366 - 172, 700)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5_000)
    table = view.table()
    room = table.horizontalHeader().sectionSize(COL_ORDER) - 12  # the cell's own padding
    texts = [view.model.index(row, COL_ORDER).data() for row in range(view.model.rowCount())]
    assert [text for text in texts if table.fontMetrics().horizontalAdvance(text) > room] == []
