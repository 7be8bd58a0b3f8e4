"""The shipping board screen over a real SQLite file and the real services: lanes with
the most urgent first, the scanner flow driven by key events alone (order number,
tracking number, Enter), refusals that keep both numbers, an order whose buyer asked
for a refund, one alarm per order crossing into "due within 2 hours", and the pick
list on paper."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import OutboxOperation
from app.platforms.douyin.codes import AfterSaleStatus, AfterSaleType, OrderStatus
from app.services.people.permissions import Role
from app.services.shipping.board import list_board
from app.views.shipping.board_model import COL_AT_STAKE, COL_DUE, COL_PROMISE, COL_STATE, ShippingBoardModel
from app.views.shipping.board_view import ShippingBoardView
from tests.builders import (
    HOUR,
    NOW,
    after_sale_row,
    in_app_words,
    order_line_row,
    order_row,
    parcel_row,
    seed,
)
from tests.fixtures_views import FakeSyncWorker, actor_of, add_person

SF_NUMBER = "SF123456789012"


def board_shop(session_factory) -> dict[str, dict]:
    orders = {
        "late": order_row(exp_ship_time=NOW - HOUR, buyer_words="周末不在家"),
        "soon": order_row(exp_ship_time=NOW + 90 * 60),
        "later": order_row(exp_ship_time=NOW + 3 * 24 * HOUR),
        "blocked": order_row(exp_ship_time=NOW + 5 * HOUR),
    }
    lines = [order_line_row(o, product_name="加绒卫衣", spec="灰色 XL", item_num=2) for o in orders.values()]
    request = after_sale_row(
        orders["blocked"],
        type=int(AfterSaleType.REFUND_BEFORE_SHIPMENT),
        status=int(AfterSaleStatus.AWAITING_MERCHANT),
    )
    seed(session_factory, orders=list(orders.values()), lines=lines, after_sales=[request])
    return orders


def make_board(qtbot, tasks, session_factory, actor, worker=None) -> ShippingBoardView:
    view = ShippingBoardView(tasks, session_factory, actor, sync_worker=worker, clock=lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1400, 800)
    with qtbot.waitSignal(view.board_loaded, timeout=5_000):
        view.show()
    return view


def scan(qtbot, view: ShippingBoardView, order_id: str, tracking: str) -> None:
    bar = view.scan_bar
    bar.start()
    qtbot.keyClicks(bar.order_edit, order_id)
    qtbot.keyClick(bar.order_edit, Qt.Key.Key_Return)
    assert bar.tracking_edit.hasFocus()
    qtbot.keyClicks(bar.tracking_edit, tracking)
    qtbot.keyClick(bar.tracking_edit, Qt.Key.Key_Return)


def shipments(session_factory) -> list[dict]:
    with session_factory() as session:
        ops = session.scalars(select(OutboxOperation).where(OutboxOperation.action == "ship"))
        return [{"order_id": op.entity_id, **json.loads(op.details)} for op in ops]


def test_lanes_put_the_late_order_first_and_count_each_lane(
    qtbot, english, tasks, session_factory, owner
) -> None:
    orders = board_shop(session_factory)
    view = make_board(qtbot, tasks, session_factory, owner)
    counts = {name: end - start for name, start, end in view.model.lanes()}
    # NOW is 19:06 in Shanghai: five hours on is tomorrow already.
    assert counts == {"overdue": 1, "within_4h": 1, "today": 0, "tomorrow": 1, "later": 1}
    first = view.model.index(0, 0, view.model.index(0, 0))
    assert view.model.order_at(first).order_id == orders["late"]["order_id"]
    assert view.model.index(0, 0).data() == "Overdue · 1"
    assert first.data() == "overdue 1h 00m"
    assert view.tabs.tabText(0) == "To ship · 4"


def test_two_scans_and_enter_ship_an_order(qtbot, english, tasks, session_factory, owner) -> None:
    orders = board_shop(session_factory)
    worker = FakeSyncWorker()
    view = make_board(qtbot, tasks, session_factory, owner, worker)
    order_id = orders["soon"]["order_id"]
    with qtbot.waitSignal(view.shipped, timeout=5_000):
        scan(qtbot, view, order_id, "sf 1234 5678 9012")  # as a person might type it
    assert shipments(session_factory) == [
        {"order_id": order_id, "carrier_code": "shunfeng", "tracking_no": SF_NUMBER, "refuse_refund": False}
    ]
    assert view.scan_bar.message_kind() == "ok" and order_id in view.scan_bar.message_text()
    assert view.scan_bar.order_edit.text() == "" and view.scan_bar.order_edit.hasFocus()
    assert view.model.index_of(order_id).siblingAtColumn(COL_STATE).data() == f"Sending {SF_NUMBER}"
    assert worker.sync_now_calls == 1


def test_a_refused_shipment_keeps_both_numbers_and_says_why(
    qtbot, english, tasks, session_factory, owner
) -> None:
    orders = board_shop(session_factory)
    view = make_board(qtbot, tasks, session_factory, owner)
    order_id = orders["soon"]["order_id"]
    view.scan_bar.carrier_combo.setCurrentIndex(view.scan_bar.carrier_combo.findData("yuantong"))
    with qtbot.waitSignal(view.flow.refused, timeout=5_000):
        scan(qtbot, view, order_id, SF_NUMBER)
    assert view.scan_bar.message_kind() == "problem"
    assert "圆通" in view.scan_bar.message_text()
    assert view.scan_bar.order_edit.text() == order_id and view.scan_bar.tracking_edit.text() == SF_NUMBER
    assert shipments(session_factory) == []

    view.scan_bar.start()
    qtbot.keyClicks(view.scan_bar.order_edit, "6999999999999999999")
    qtbot.keyClick(view.scan_bar.order_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "6999999999999999999 is not among" in view.scan_bar.message_text())
    assert view.scan_bar.order_edit.hasFocus()  # ready for the right number


def test_after_a_number_no_carrier_fits_the_cursor_stays_in_the_tracking_field_so_a_rescan_ships(
    qtbot, english, tasks, session_factory, owner
) -> None:
    orders = board_shop(session_factory)
    view = make_board(qtbot, tasks, session_factory, owner)
    bar = view.scan_bar
    scan(qtbot, view, orders["soon"]["order_id"], "69012348")  # the product's EAN-8, not the label's
    assert bar.message_kind() == "problem" and "fits no carrier's format" in bar.message_text()
    assert shipments(session_factory) == []
    assert bar.tracking_edit.hasFocus() and bar.tracking_edit.selectedText() == "69012348"

    qtbot.keyClicks(bar.tracking_edit, SF_NUMBER)  # the right barcode, scanned over the wrong one
    assert bar.message_kind() == "hint" and "fits no carrier" not in bar.message_text()
    with qtbot.waitSignal(view.shipped, timeout=5_000):
        qtbot.keyClick(bar.tracking_edit, Qt.Key.Key_Return)
    assert shipments(session_factory) == [
        {
            "order_id": orders["soon"]["order_id"],
            "carrier_code": "shunfeng",
            "tracking_no": SF_NUMBER,
            "refuse_refund": False,
        }
    ]


def test_a_number_several_carriers_share_is_not_shipped_until_the_person_chooses_the_carrier(
    qtbot, english, tasks, session_factory, owner
) -> None:
    orders = board_shop(session_factory)
    view = make_board(qtbot, tasks, session_factory, owner)
    bar = view.scan_bar
    scan(qtbot, view, orders["soon"]["order_id"], "78812345678901")  # 中通's 14 digits, a 圆通 shape too
    assert bar.message_kind() == "problem"
    assert bar.message_text() == "Choose the carrier: this number fits 中通快递, 圆通速递."
    assert shipments(session_factory) == []  # no carrier was guessed
    assert bar.tracking_edit.text() == "78812345678901"  # the number is kept

    bar.carrier_combo.setCurrentIndex(bar.carrier_combo.findData("zhongtong"))
    with qtbot.waitSignal(view.shipped, timeout=5_000):
        qtbot.keyClick(bar.tracking_edit, Qt.Key.Key_Return)
    assert [(s["carrier_code"], s["tracking_no"]) for s in shipments(session_factory)] == [
        ("zhongtong", "78812345678901")
    ]


def test_the_carrier_the_number_shows_is_named_as_it_is_scanned_before_enter(
    qtbot, english, tasks, session_factory, owner
) -> None:
    board_shop(session_factory)
    view = make_board(qtbot, tasks, session_factory, owner)
    bar = view.scan_bar
    assert bar.recognised_text() == ""
    qtbot.keyClicks(bar.tracking_edit, "SF1234")
    assert bar.recognised_text() == "No carrier recognised"
    qtbot.keyClicks(bar.tracking_edit, "56789012")
    assert bar.recognised_text() == "Recognised: 顺丰速运" and bar.recognised.isVisible()
    bar.tracking_edit.setText("JT5402918376405")
    assert bar.recognised_text() == "Recognised: 极兔速递"
    bar.tracking_edit.setText("78812345678901")  # 14 digits: a 中通 shape, and one of 圆通's
    assert bar.recognised_text() == "Could be 中通快递 / 圆通速递"
    bar.carrier_combo.setCurrentIndex(bar.carrier_combo.findData("zhongtong"))  # the person's choice
    assert bar.recognised_text() == "Fits 中通快递"
    bar.tracking_edit.setText("JT5402918376405")
    bar.carrier_combo.setCurrentIndex(bar.carrier_combo.findData("yuantong"))
    assert bar.recognised_text() == "Not a 圆通速递 number"  # a J&T label, whatever 圆通's wider shape
    bar.tracking_edit.setText("YT6512083947261")
    assert bar.recognised_text() == "Fits 圆通速递"
    assert shipments(session_factory) == []  # nothing was sent: Enter was never pressed


def shop_clock(instant: int) -> str:
    return datetime.fromtimestamp(instant, ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d %H:%M")


def scan_order(qtbot, view: ShippingBoardView, order_id: str, words: str) -> str:
    """Scan an order number; the bar's message once it contains `words`."""
    bar = view.scan_bar
    bar.start()
    bar.order_edit.clear()
    qtbot.keyClicks(bar.order_edit, order_id)
    qtbot.keyClick(bar.order_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: words in bar.message_text(), timeout=5_000)
    assert bar.message_kind() == "problem" and bar.order_edit.hasFocus()
    return bar.message_text()


def test_an_order_already_shipped_says_when_and_with_which_number_not_that_it_is_not_waiting(
    qtbot, english, tasks, session_factory, owner
) -> None:
    orders = board_shop(session_factory)
    shipped = order_row(status=int(OrderStatus.SHIPPED), ship_time=NOW - 3 * HOUR)
    cancelled = order_row(status=int(OrderStatus.CANCELLED))
    seed(
        session_factory,
        orders=[shipped, cancelled],
        parcels=[parcel_row(shipped, tracking_no="SF100000000777")],
    )
    view = make_board(qtbot, tasks, session_factory, owner)

    said = scan_order(qtbot, view, shipped["order_id"], "already shipped")
    assert said == (
        f"{shipped['order_id']} was already shipped on {shop_clock(NOW - 3 * HOUR)} with 顺丰速运 "
        "SF100000000777. Do not send another parcel."
    )
    assert "was cancelled" in scan_order(qtbot, view, cancelled["order_id"], "cancelled")
    assert "not among this shop's orders" in scan_order(qtbot, view, "6999999999999999999", "not among")

    # Shipped from this desk a moment ago: still on the board, on its way to the platform.
    soon = orders["soon"]["order_id"]
    with qtbot.waitSignal(view.shipped, timeout=5_000):
        scan(qtbot, view, soon, SF_NUMBER)
    said = scan_order(qtbot, view, soon, "from this desk")
    assert said.startswith(
        f"{soon} was already shipped from this desk on {shop_clock(NOW)} with 顺丰速运 {SF_NUMBER}"
    )


def test_a_refund_request_blocks_shipping_until_an_allowed_person_refuses_it(
    qtbot, english, tasks, session_factory, owner
) -> None:
    orders = board_shop(session_factory)
    warehouse = actor_of(add_person(session_factory, owner, "cangku", "仓库小王", Role.WAREHOUSE))
    order_id = orders["blocked"]["order_id"]

    view = make_board(qtbot, tasks, session_factory, warehouse)
    with qtbot.waitSignal(view.flow.refused, timeout=5_000):
        scan(qtbot, view, order_id, SF_NUMBER)
    assert view.flow.dialog is not None and not hasattr(view.flow.dialog, "refuse_button")
    view.flow.dialog.reject()
    assert shipments(session_factory) == []

    view = make_board(qtbot, tasks, session_factory, owner)
    with qtbot.waitSignal(view.flow.refused, timeout=5_000):
        scan(qtbot, view, order_id, SF_NUMBER)
    with qtbot.waitSignal(view.shipped, timeout=5_000):
        view.flow.dialog.refuse_button.click()
    assert shipments(session_factory)[0]["refuse_refund"] is True


def test_an_order_crossing_into_the_last_two_hours_raises_one_alarm(
    qtbot, english, tasks, session_factory, owner
) -> None:
    orders = board_shop(session_factory)
    view = make_board(qtbot, tasks, session_factory, owner)
    assert view.notified_ids() == {orders["soon"]["order_id"]}
    with qtbot.assertNotEmitted(view.notice):
        view.refresh()
        qtbot.waitSignal(view.board_loaded, timeout=5_000).wait()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils reads the PDF back")
def test_the_pick_list_of_what_is_due_today_goes_to_paper(
    qtbot, english, tasks, session_factory, owner, tmp_path
) -> None:
    board_shop(session_factory)
    view = make_board(qtbot, tasks, session_factory, owner)
    view.setProperty("pdf_folder", str(tmp_path))
    with qtbot.waitSignal(view.printed, timeout=10_000) as printed:
        view.print_pick_list()
    text = subprocess.run(
        ["pdftotext", printed.args[0], "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "加绒卫衣" in text and "4" in text  # two orders due today, two pieces each


def test_offline_the_board_still_ships_and_says_the_work_is_kept(
    qtbot, english, tasks, session_factory, owner
) -> None:
    from app.services.sync_status import SyncState, SyncStatus

    orders = board_shop(session_factory)
    view = make_board(qtbot, tasks, session_factory, owner)
    view.set_sync_status(SyncStatus(SyncState.OFFLINE))
    with qtbot.waitSignal(view.shipped, timeout=5_000):
        scan(qtbot, view, orders["soon"]["order_id"], SF_NUMBER)
    with qtbot.waitSignal(view.board_loaded, timeout=5_000):
        view.refresh()
    assert view.banner.text_shown() == (
        "Offline — your work is saved here and will be sent when the connection returns. "
        "1 waiting to be sent."
    )
    view.set_sync_status(SyncStatus(SyncState.ONLINE))
    assert view.banner.text_shown() is None


def test_an_order_the_platform_sent_no_promise_for_0_is_due_48_hours_after_payment_not_overdue_since_1970(
    qtbot, english, session_factory
) -> None:
    unsent = order_row(exp_ship_time=0)
    seed(session_factory, orders=[unsent])
    model = ShippingBoardModel(clock=lambda: NOW)
    with session_factory() as session:
        model.set_rows(list_board(session, now=NOW))
    counts = {name: end - start for name, start, end in model.lanes()}
    assert counts["overdue"] == 0 and counts["later"] == 1
    index = model.index_of(unsent["order_id"])
    assert index.siblingAtColumn(COL_DUE).data() == "1d 19h"  # 48 h after payment, 5 h ago
    assert index.siblingAtColumn(COL_PROMISE).data() == "Within 48 h"
    assert index.siblingAtColumn(COL_AT_STAKE).data() == "—"  # nothing owed: not late


def test_a_next_day_deadline_of_an_order_paid_after_the_cut_off_says_what_it_is_and_fits_its_column(
    qtbot, english, tasks, session_factory, owner
) -> None:
    shanghai = ZoneInfo("Asia/Shanghai")
    today = datetime.fromtimestamp(NOW, shanghai).date()

    def at(hour: int, minute: int, days: int = 0) -> int:
        moment = datetime(today.year, today.month, today.day, hour, minute, tzinfo=shanghai)
        return int(moment.timestamp()) + days * 24 * HOUR

    end_of_tomorrow = at(23, 59, days=1) + 59
    late = order_row(create_time=at(17, 9), exp_ship_time=end_of_tomorrow)  # paid 17:10, after 16:00
    early = order_row(create_time=at(9, 59), exp_ship_time=end_of_tomorrow)  # paid 10:00: a next-day promise
    seed(session_factory, orders=[late, early])
    view = make_board(qtbot, tasks, session_factory, owner)
    view.tree.expandAll()

    def promise(order: dict, role=Qt.ItemDataRole.DisplayRole) -> str:
        return view.model.index_of(order["order_id"]).siblingAtColumn(COL_PROMISE).data(role)

    assert promise(late) == "Tomorrow · paid after 16:00"
    assert promise(late, Qt.ItemDataRole.ToolTipRole) == (
        f"Paid {shop_clock(at(17, 10))}, after the 16:00 same-day cut-off: a same-day order paid then "
        f"ships by the end of the next day, {shop_clock(end_of_tomorrow)}. A next-day order paid then has "
        "the same deadline."
    )
    assert promise(early) == "Next day"
    assert "Next-day promise" in promise(early, Qt.ItemDataRole.ToolTipRole)
    width = view.tree.header().sectionSize(COL_PROMISE)
    assert view.tree.fontMetrics().horizontalAdvance(promise(late)) + 8 <= width  # not clipped


def test_an_order_shipped_elsewhere_since_the_board_was_read_says_when_and_with_which_number(
    qtbot, english, tasks, session_factory, owner
) -> None:
    orders = board_shop(session_factory)
    view = make_board(qtbot, tasks, session_factory, owner)
    shipped = dict(orders["soon"], status=int(OrderStatus.SHIPPED), ship_time=NOW - HOUR, update_time=NOW)
    soon = in_app_words(shipped)
    parcel = parcel_row(soon, tracking_no="YT6512083947261", company_code="yuantong", company_name="圆通速递")
    seed(session_factory, orders=[soon], parcels=[parcel])
    with qtbot.waitSignal(view.flow.refused, timeout=5_000):  # the board still shows it as waiting
        scan(qtbot, view, soon["order_id"], SF_NUMBER)
    bar = view.scan_bar
    qtbot.waitUntil(lambda: "already shipped on" in bar.message_text(), timeout=5_000)
    assert bar.message_text() == (
        f"{soon['order_id']} was already shipped on {shop_clock(NOW - HOUR)} with 圆通速递 YT6512083947261. "
        "Do not send another parcel."
    )
    assert bar.order_edit.hasFocus() and shipments(session_factory) == []


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_an_overdue_countdown_is_read_whole_under_its_lane(
    qtbot, tasks, session_factory, owner, language: str
) -> None:
    """The lane's indentation and the bold type of urgent rows are part of the width."""
    from PySide6.QtGui import QFont, QFontMetrics

    from app.views.shell.i18n import install_language

    install_language(language)
    try:
        late = order_row(exp_ship_time=NOW - 23 * HOUR - 59 * 60)
        very_late = order_row(exp_ship_time=NOW - 3 * 24 * HOUR - 23 * HOUR)
        seed(session_factory, orders=[late, very_late])
        view = make_board(qtbot, tasks, session_factory, owner)
        qtbot.waitUntil(lambda: view.model.index_of(very_late["order_id"]).isValid(), timeout=5_000)
        view.tree.expandAll()
        bold = QFont(view.tree.font())
        bold.setBold(True)
        for order in (late, very_late):
            index = view.model.index_of(order["order_id"]).siblingAtColumn(COL_DUE)
            text = index.data()
            assert text.startswith("已超时" if language == "zh_CN" else "overdue")
            room = view.tree.visualRect(index).width()
            assert QFontMetrics(bold).horizontalAdvance(text) + 8 <= room, f"{text!r} is cut in {room} px"
    finally:
        install_language("en")
