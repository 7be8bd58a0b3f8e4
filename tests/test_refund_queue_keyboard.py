"""The refund queue keeps pace with the keyboard, over a real SQLite file and the real
services: after a decision the next request waiting is the current one (no extra ↓,
no "not in this list any more"), Space ticks and unticks the current row while the
arrows move on and the other ticks stay, and the refusal dialog neither chooses a
reason for the person nor keeps an error the person has since put right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from sqlalchemy import update

from app.core.vocabulary import RequestState
from app.models import AfterSale
from app.platforms.douyin.codes import AfterSaleStatus
from app.views.refunds.refusal_dialogs import RefuseDialog
from tests.builders import NOW
from tests.refund_shop import EXPIRED, RETURN, SOON, URGENT, seed_queue, written
from tests.test_refund_queue_view import confirm, make_view, open_dialog, reload


def test_after_a_decision_the_next_request_waiting_is_current(
    qtbot, english, tasks, session_factory, owner, fake_worker
) -> None:
    seed_queue(session_factory)
    view = make_view(qtbot, tasks, session_factory, owner, fake_worker)
    dialog = open_dialog(qtbot, view, Qt.Key.Key_A, URGENT)
    confirm(qtbot, view, dialog)
    assert written(session_factory, URGENT) == (["refund.approve"], ["pending"])
    assert view.current_row().aftersale_id == SOON  # the row below, no ↓ needed
    assert view.selected_ids() == [SOON]
    assert view.actions.approve_button.isEnabled()
    # A pressed straight away decides the next one.
    qtbot.keyClick(view.table(), Qt.Key.Key_A)
    qtbot.waitUntil(lambda: view.flow.dialog is not None and view.flow.dialog.row.aftersale_id == SOON)


def test_a_request_that_leaves_the_list_hands_its_place_to_the_next(
    qtbot, english, tasks, session_factory, owner
) -> None:
    seed_queue(session_factory)
    view = make_view(qtbot, tasks, session_factory, owner)
    assert view.select_request(URGENT)
    with session_factory.begin() as session:  # decided on the platform meanwhile; the sync saw it
        session.execute(
            update(AfterSale)
            .where(AfterSale.aftersale_id == URGENT)
            .values(status=int(AfterSaleStatus.REFUNDED), state=RequestState.REFUNDED)
        )
    reload(qtbot, view)
    assert view.current_row().aftersale_id == SOON
    qtbot.waitUntil(lambda: view.detail_pane.detail() is not None
                    and view.detail_pane.detail().row.aftersale_id == SOON)  # fmt: skip


def test_space_ticks_the_current_row_and_the_arrows_keep_the_ticks(
    qtbot, english, tasks, session_factory, owner
) -> None:
    seed_queue(session_factory)
    view = make_view(qtbot, tasks, session_factory, owner)
    table = view.table()
    assert view.select_request(EXPIRED)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert view.selected_ids() == [EXPIRED]  # ticked, not unticked
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert view.current_row().aftersale_id == URGENT
    assert view.selected_ids() == [EXPIRED]  # moving on keeps the tick
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert set(view.selected_ids()) == {EXPIRED, SOON}
    assert view.actions.bulk_button.isEnabled()
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert view.selected_ids() == [EXPIRED]  # Space again unticks the current row only
    assert view.current_row().aftersale_id == SOON


def _picture(tmp_path: Path) -> str:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("#c62828"))
    path = tmp_path / "torn.png"
    assert image.save(str(path))
    return str(path)


def test_the_refusal_dialog_chooses_no_reason_for_the_person(
    qtbot, english, tasks, session_factory, owner
) -> None:
    seed_queue(session_factory)
    view = make_view(qtbot, tasks, session_factory, owner)
    dialog = open_dialog(qtbot, view, Qt.Key.Key_R, RETURN)
    assert isinstance(dialog, RefuseDialog)
    assert dialog.refusal.reason() is None
    assert dialog.refusal.reason_box.currentIndex() == -1
    dialog.refusal.remark_edit.setPlainText("已与买家沟通")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.error_text() == "Choose a refusal reason."
    assert dialog.isVisible()


def test_the_needs_a_picture_error_clears_once_a_picture_is_added(
    qtbot, english, tasks, session_factory, owner, tmp_path
) -> None:
    seed_queue(session_factory)
    view = make_view(qtbot, tasks, session_factory, owner)
    dialog = open_dialog(qtbot, view, Qt.Key.Key_R, RETURN)
    reasons = dialog.refusal.reasons
    needing = next(i for i, reason in enumerate(reasons) if reason.evidence_needed)
    dialog.refusal.reason_box.setCurrentIndex(needing)
    dialog.refusal.remark_edit.setPlainText("商品已影响二次销售")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.error_text() == "This reason needs evidence images. Add at least one."
    dialog.refusal.add_evidence_files([_picture(tmp_path)])
    assert dialog.error_text() == ""
    assert NOW  # the queue's clock: nothing else changed
