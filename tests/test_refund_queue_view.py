"""The refund queue screen over a real SQLite file and the real services: the model
against Qt's contract, the most urgent request first and red, approving from the
keyboard (outbox row, audit event, "pending" at once, a push asked for), permission
refusals in plain words with nothing written, the offline banner, the expired flag,
one alarm per urgent request, the quit warning, and Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListWidget

from app.services.people.permissions import Role
from app.services.refunds.queue import list_queue
from app.services.sync_status import SyncState, SyncStatus
from app.views.refunds.dialogs import ApproveRefundDialog
from app.views.refunds.queue_columns import COL_DEADLINE, COL_PENDING, COL_TYPE, RED
from app.views.refunds.queue_model import QUEUE_ROW_ROLE, RefundQueueModel
from app.views.refunds.queue_view import RefundQueueView
from app.views.shell.i18n import install_language
from app.views.shell.main_window import MainWindow
from tests.builders import NOW
from tests.fixtures_views import actor_of, add_person
from tests.refund_shop import BIG, EXPIRED, SOON, URGENT, outbox_size, seed_queue, written


def make_view(qtbot, tasks, session_factory, actor, worker=None) -> RefundQueueView:
    view = RefundQueueView(tasks, session_factory, actor, sync_worker=worker, clock=lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1400, 700)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5_000)
    return view


def reload(qtbot, view: RefundQueueView) -> None:
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.refresh()


def open_dialog(qtbot, view: RefundQueueView, key: Qt.Key, aftersale_id: str):
    assert view.select_request(aftersale_id)
    view.table().setFocus()
    qtbot.keyClick(view.table(), key)
    qtbot.waitUntil(lambda: view.flow.dialog is not None, timeout=5_000)
    return view.flow.dialog


def confirm(qtbot, view: RefundQueueView, dialog) -> None:
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Enter confirms


def test_the_model_keeps_qts_contract(qtmodeltester, english, session_factory) -> None:
    seed_queue(session_factory)
    with session_factory() as session:
        rows = list_queue(session, now=NOW)
    model = RefundQueueModel(clock=lambda: NOW)
    model.set_rows(rows)
    qtmodeltester.check(model)


def test_the_request_due_within_the_hour_comes_first_in_red_bold(
    qtbot, english, tasks, session_factory, owner
) -> None:
    seed_queue(session_factory)
    view = make_view(qtbot, tasks, session_factory, owner)
    model = view.model
    # Deadline order: the expired one (deadline passed) sorts first, then the urgent one.
    ids = [model.row_at(row).aftersale_id for row in range(model.rowCount())]
    assert ids[:3] == [EXPIRED, URGENT, SOON]
    urgent = model.index(1, COL_DEADLINE)
    assert urgent.data() == "40m"
    assert urgent.data(Qt.ItemDataRole.ForegroundRole) == RED
    assert isinstance(urgent.data(Qt.ItemDataRole.FontRole), QFont)
    assert model.index(0, COL_DEADLINE).data() == "expired — probably decided by the platform"
    assert model.index(1, COL_TYPE).data() == "Refund before shipment"
    assert model.index(1, 0).data(QUEUE_ROW_ROLE).aftersale_id == URGENT


def test_one_alarm_per_urgent_request_even_across_refreshes(
    qtbot, english, tasks, session_factory, owner
) -> None:
    seed_queue(session_factory)
    notices: list[str] = []
    view = RefundQueueView(tasks, session_factory, owner, clock=lambda: NOW)
    qtbot.addWidget(view)
    view.notice.connect(notices.append)  # offscreen has no system tray: the status bar says it
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5_000)
    reload(qtbot, view)
    assert view.notified_ids() == {URGENT}
    assert len(notices) == 1 and URGENT in notices[0]


def test_approving_from_the_keyboard_queues_it_and_shows_pending_at_once(
    qtbot, english, tasks, session_factory, owner, fake_worker
) -> None:
    seed_queue(session_factory)
    view = make_view(qtbot, tasks, session_factory, owner, fake_worker)
    dialog = open_dialog(qtbot, view, Qt.Key.Key_A, URGENT)
    assert isinstance(dialog, ApproveRefundDialog)
    assert "¥45.80" in dialog.intro.text()
    confirm(qtbot, view, dialog)
    assert written(session_factory, URGENT) == (["refund.approve"], ["pending"])
    row = view.model.row_of(URGENT)
    assert view.model.index(row, COL_PENDING).data() == "pending"
    assert fake_worker.sync_now_calls == 1
    assert view.selected_ids() == [SOON]  # the next request waiting is current (test_refund_queue_keyboard)
    assert view.select_request(URGENT)
    assert not view.actions.approve_button.isEnabled()  # nothing more to decide until it is sent


def test_a_clerk_above_the_limit_sees_the_refusal_and_nothing_is_written(
    qtbot, english, tasks, session_factory, owner
) -> None:
    seed_queue(session_factory)
    clerk = actor_of(
        add_person(session_factory, owner, "xiaowang", "小王", Role.CLERK,
                   refund_limit_single_fen=20_000, refund_limit_daily_fen=50_000)
    )  # fmt: skip
    view = make_view(qtbot, tasks, session_factory, clerk)
    dialog = open_dialog(qtbot, view, Qt.Key.Key_A, BIG)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error_text() != "", timeout=5_000)
    assert dialog.error_text() == (
        "This refund (¥899.00) is above your limit of ¥200.00 for one refund. "
        "Ask the shop owner to decide it."
    )
    assert dialog.isVisible() and dialog.confirm_button().isEnabled()
    assert outbox_size(session_factory) == 0


def test_warehouse_staff_have_no_refunds_screen(qtbot, session_factory, settings, owner) -> None:
    packer = actor_of(add_person(session_factory, owner, "xiaozhou", "小周", Role.WAREHOUSE))
    window = MainWindow(session_factory, settings, actor=packer)
    qtbot.addWidget(window)
    assert "refunds" not in window.screen_keys() and "attention" in window.screen_keys()  # their shipments
    window.tasks.shutdown()


def test_the_offline_banner_counts_the_decisions_waiting(
    qtbot, english, tasks, session_factory, owner, fake_worker
) -> None:
    seed_queue(session_factory)
    view = make_view(qtbot, tasks, session_factory, owner, fake_worker)
    view.set_sync_status(SyncStatus(SyncState.OFFLINE))
    assert view.banner_text() == (
        "Offline — your work is saved here and will be sent when the connection returns."
    )
    confirm(qtbot, view, open_dialog(qtbot, view, Qt.Key.Key_A, URGENT))
    assert view.banner_text().endswith("1 waiting to be sent.")
    view.set_sync_status(SyncStatus(SyncState.ONLINE))
    assert view.banner_text() is None


def test_the_window_warns_before_quitting_with_unsent_decisions(
    qtbot, english, session_factory, settings, owner, fake_worker, monkeypatch
) -> None:
    seed_queue(session_factory)
    window = MainWindow(session_factory, settings, fake_worker, actor=owner)
    qtbot.addWidget(window)
    window.show()
    view = window.screen_named("refunds")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5_000)
    confirm(qtbot, view, open_dialog(qtbot, view, Qt.Key.Key_A, URGENT))
    qtbot.waitUntil(lambda: window.waiting_count() == 1, timeout=5_000)
    assert window.waiting_badge.text() == "1 waiting to be sent"
    asked: list[int] = []
    answer = {"quit": False}

    def fake_confirm(count: int) -> bool:
        asked.append(count)
        return answer["quit"]

    monkeypatch.setattr(window, "confirm_quit", fake_confirm)
    assert window.close() is False and window.isVisible()  # "Stay"
    answer["quit"] = True
    assert window.close() is True
    assert asked == [1, 1]
    assert written(session_factory, URGENT)[1] == ["pending"]  # kept for next time either way


def test_the_quit_question_says_it_in_plain_words(
    qtbot, english, session_factory, settings, monkeypatch
) -> None:
    window = MainWindow(session_factory, settings)
    qtbot.addWidget(window)
    shown: list[str] = []

    class Box:
        Icon = pytest.importorskip("PySide6.QtWidgets").QMessageBox.Icon
        ButtonRole = pytest.importorskip("PySide6.QtWidgets").QMessageBox.ButtonRole

        def __init__(self, _parent) -> None:
            self.buttons: list[str] = []

        def setIcon(self, _icon) -> None: ...
        def setWindowTitle(self, _title) -> None: ...
        def setText(self, text) -> None:
            shown.append(text)

        def addButton(self, text, _role) -> str:
            self.buttons.append(text)
            return text

        def setDefaultButton(self, _button) -> None: ...
        def exec(self) -> int:
            return 0

        def clickedButton(self) -> str: return "Stay"  # fmt: skip

    monkeypatch.setattr("app.views.shell.quit_warning.QMessageBox", Box)
    assert window.confirm_quit(3) is False
    assert shown == [
        "3 decisions have not reached the platform yet. "
        "They are kept and will be sent next time. Quit anyway?"
    ]
    window.tasks.shutdown()


def test_key_texts_in_chinese(qtbot, tasks, session_factory, owner, settings) -> None:
    seed_queue(session_factory)
    install_language("zh_CN")
    try:
        view = make_view(qtbot, tasks, session_factory, owner)
        assert view.screen_title() == "售后审核"
        assert view.model.index(0, COL_DEADLINE).data() == "已超时——平台可能已自动同意"
        view.set_sync_status(SyncStatus(SyncState.OFFLINE))
        assert view.banner_text().startswith("网络已断开")
        window = MainWindow(session_factory, settings, actor=owner)
        qtbot.addWidget(window)
        navigation = window.findChild(QListWidget, "navigation")
        assert [navigation.item(i).text() for i in range(navigation.count())][1:5] == [
            "售后审核",
            "发货",
            "数据看板",
            "待处理异常",
        ]
        window.tasks.shutdown()
    finally:
        install_language("en")


def test_a_selected_urgent_row_keeps_a_red_mark(qtbot, english, tasks, session_factory, owner) -> None:
    seed_queue(session_factory)
    view = make_view(qtbot, tasks, session_factory, owner)
    table = view.table()

    def right_edge_colour(aftersale_id: str):
        rect = table.visualRect(view.model.index(view.model.row_of(aftersale_id), COL_DEADLINE))
        image = table.viewport().grab().toImage()
        return image.pixelColor(rect.right() - 2, rect.center().y())

    assert view.select_request(URGENT)  # selected: painted in the selection colours...
    assert right_edge_colour(URGENT) == RED  # ...with the red bar of a deadline within the hour
    assert view.select_request(SOON)
    assert right_edge_colour(SOON) != RED  # due in 5 h: amber, no bar
