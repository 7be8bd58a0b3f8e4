"""The refund queue's "Confirm receipt and send the new goods" for an exchange whose goods came
back (app/views/refunds/exchange_dialogs.py), over the real decision service: the carrier is
recognised from the number as a scanner types it, a number that is not the chosen carrier's
is refused in words before anything is queued and what was typed is kept, and Enter sends
the decision with the carrier and the number as the platform gets them."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select, update

from app.core.vocabulary import Decision, RequestKind, RequestState
from app.models import AfterSale, OutboxOperation
from app.models import outbox as state
from app.platforms.douyin.codes import AfterSaleStatus, AfterSaleType
from app.services.refunds import decisions as refund_decisions
from app.views.refunds.exchange_dialogs import SendGoodsDialog
from tests.builders import NOW
from tests.refund_shop import RETURNED, outbox_size, seed_queue, written
from tests.test_needs_attention_view import make_view as attention_view
from tests.test_needs_attention_view import row as attention_row
from tests.test_refund_queue_view import confirm, make_view, open_dialog


def an_exchange_whose_goods_came_back(session_factory) -> None:
    """The queue's returned parcel, as an exchange's (type 3) instead of a return's."""
    seed_queue(session_factory)
    with session_factory.begin() as session:
        request = session.get(AfterSale, RETURNED)
        request.type, request.kind = int(AfterSaleType.EXCHANGE), RequestKind.EXCHANGE


def test_the_new_goods_go_out_with_a_carrier_and_a_number_that_fits_it(
    qtbot, english, tasks, session_factory, owner
) -> None:
    an_exchange_whose_goods_came_back(session_factory)
    view = make_view(qtbot, tasks, session_factory, owner)
    dialog = open_dialog(qtbot, view, Qt.Key.Key_A, RETURNED)
    assert isinstance(dialog, SendGoodsDialog)
    assert dialog.windowTitle() == "Confirm receipt and send the new goods"

    qtbot.keyClicks(dialog.tracking_edit, "SF1234")  # half a label: no carrier's shape
    assert dialog.recognised.text() == "No carrier recognised"
    qtbot.keyClick(dialog.tracking_edit, Qt.Key.Key_Return)
    assert (
        dialog.error_text()
        == "No carrier's numbers look like this one. Check the number, or choose the carrier."
    )

    dialog.carrier_combo.setCurrentIndex(dialog.carrier_combo.findData("zhongtong"))
    dialog.tracking_edit.clear()
    qtbot.keyClicks(dialog.tracking_edit, "SF1420356870125")  # a 顺丰 label, 中通 chosen
    assert dialog.recognised.text() == "Not a 中通快递 number"
    qtbot.keyClick(dialog.tracking_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error_text() != "", timeout=5_000)
    assert dialog.error_text() == (
        "This tracking number does not look like a 中通快递 number (for example 75812039475601)."
    )  # the decision service's words, as the shipping board says them
    assert dialog.tracking_edit.text() == "SF1420356870125" and outbox_size(session_factory) == 0

    dialog.carrier_combo.setCurrentIndex(0)  # recognise from the number
    dialog.tracking_edit.clear()
    dialog.tracking_edit.insert("７５８１ ２０３９ ４７５６ ０１")  # full-width, from an input method
    # 14 digits are a 中通 shape and also one of 圆通's: both are named, none is picked.
    assert dialog.recognised.text() == "Could be 中通快递 / 圆通速递"
    qtbot.keyClick(dialog.tracking_edit, Qt.Key.Key_Return)
    assert dialog.error_text() == "Choose the carrier: this number fits 中通快递, 圆通速递."
    assert outbox_size(session_factory) == 0
    dialog.carrier_combo.setCurrentIndex(dialog.carrier_combo.findData("zhongtong"))
    assert dialog.recognised.text() == "Fits 中通快递"
    confirm(qtbot, view, dialog)  # Enter, as the scanner presses it
    assert written(session_factory, RETURNED) == (["exchange.send"], ["pending"])
    with session_factory() as session:
        op = session.scalars(select(OutboxOperation)).one()
    assert op.decision == Decision.CONFIRM_EXCHANGE_RECEIPT
    assert json.loads(op.details) == {
        "carrier_code": "zhongtong",
        "tracking_no": "75812039475601",
        "kind": "exchange",
    }


def test_a_resend_waiting_for_the_shops_parcel_is_sent_not_refused(
    qtbot, english, tasks, session_factory, owner
) -> None:
    seed_queue(session_factory)
    with session_factory.begin() as session:  # agreed (501): the shop must send the goods (status 8)
        request = session.get(AfterSale, RETURNED)
        request.type, request.kind = int(AfterSaleType.RESEND), RequestKind.RESEND
        request.status, request.state = (
            int(AfterSaleStatus.AWAITING_MERCHANT_SHIPMENT),
            RequestState.AWAITING_SHOP_SHIPMENT,
        )
    view = make_view(qtbot, tasks, session_factory, owner)
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):  # the status filter's "To send": this one alone
        view.filters.status_box.setCurrentIndex(view.filters.status_box.findText("To send"))
    assert [view.model.row_at(i).aftersale_id for i in range(view.model.rowCount())] == [RETURNED]
    box = open_dialog(qtbot, view, Qt.Key.Key_R, RETURNED)
    assert isinstance(box, QMessageBox) and "the platform takes no refusal now" in box.text()
    box.reject()
    qtbot.waitUntil(lambda: view.flow.dialog is None, timeout=5_000)
    dialog = open_dialog(qtbot, view, Qt.Key.Key_A, RETURNED)
    assert isinstance(dialog, SendGoodsDialog) and dialog.windowTitle() == "Send the resend"
    qtbot.keyClicks(dialog.tracking_edit, "SF142035687012")
    assert dialog.recognised.text() == "Recognised: 顺丰速运"
    confirm(qtbot, view, dialog)
    with session_factory() as session:
        op = session.scalars(select(OutboxOperation)).one()
    assert (
        op.decision == Decision.SHIP_REPLACEMENT
        and op.expected_to_state == RequestState.REPLACEMENT_IN_PROGRESS
    )
    assert json.loads(op.details) == {
        "carrier_code": "shunfeng",
        "tracking_no": "SF142035687012",
        "kind": "resend",
    }


def test_goods_sent_that_the_platform_turned_down_show_which_parcel_in_needs_attention(
    qtbot, english, tasks, session_factory, owner
) -> None:
    an_exchange_whose_goods_came_back(session_factory)
    with session_factory.begin() as session:
        refund_decisions.approve_exchange(
            session, owner, RETURNED, carrier_code="zhongtong", tracking_no="75812039475601", now=NOW
        )
        session.execute(
            update(OutboxOperation).values(state=state.REJECTED, platform_message="物流信息校验失败")
        )
    view = attention_view(qtbot, tasks, session_factory, owner, 1)
    assert attention_row(view)[1].startswith(
        "Confirm the exchanged goods arrived\nShip with 中通快递, tracking 75812039475601\nmade "
    )
