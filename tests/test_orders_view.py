"""The orders screen: its model against Qt's contract, search, sort, filter, detail
pane, empty states and refreshes, on real widgets over a real SQLite file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.core.vocabulary import OrderState
from app.platforms.douyin.codes import OrderStatus
from app.services.orders.queries import OrderRow
from app.services.sync_status import SyncState, SyncStatus
from app.views.common.background import BackgroundTasks
from app.views.orders.table_model import (
    COL_AMOUNT,
    COL_CREATED,
    COL_SHIP_BY,
    COL_STATUS,
    ORDER_ROW_ROLE,
    URGENCY_COLOURS,
    OrderTableModel,
)
from app.views.orders.view import OrdersView
from tests.builders import HOUR, NOW, after_sale_row, order_line_row, order_row, parcel_row, seed


def make_row(**overrides) -> OrderRow:
    values = dict(
        order_id="6900000000000000001",
        state=OrderState.AWAITING_SHIPMENT,
        pay_amount=123_456,
        create_time=NOW - HOUR,
        pay_time=NOW - HOUR,
        exp_ship_time=None,
        ship_by=NOW + 2 * HOUR + 13 * 60,
        items_summary="纯棉短袖T恤 ×1",
        receiver_name="张小明",
        has_buyer_words=True,
        update_time=NOW,
    )
    values.update(overrides)
    return OrderRow(**values)


def make_view(qtbot, tasks, session_factory) -> OrdersView:
    view = OrdersView(tasks, session_factory, clock=lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    return view


def load(qtbot, view: OrdersView, action=None) -> None:
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        if action:
            action()


def test_the_model_keeps_qts_contract(qtmodeltester, english) -> None:
    model = OrderTableModel(clock=lambda: NOW)
    model.set_rows([make_row(order_id=f"69{i:017d}", pay_amount=i * 100) for i in range(20)])
    qtmodeltester.check(model)


def test_cells_read_as_money_shop_time_and_countdown(english) -> None:
    model = OrderTableModel(clock=lambda: NOW)
    # NOW is 2026-11-18 19:06:40 in Asia/Shanghai; an hour earlier reads 18:06.
    model.set_rows([make_row()])
    assert model.index(0, COL_AMOUNT).data() == "¥1,234.56"
    assert model.index(0, COL_CREATED).data() == "11-18 18:06"
    assert model.index(0, COL_STATUS).data() == "Awaiting shipment"
    assert model.index(0, COL_SHIP_BY).data() == "2h 13m"
    assert model.index(0, 0).data(ORDER_ROW_ROLE).order_id == "6900000000000000001"


def countdown_of(ship_by: int | None, state: str = OrderState.AWAITING_SHIPMENT) -> tuple[str, QColor | None]:
    model = OrderTableModel(clock=lambda: NOW)
    model.set_rows([make_row(ship_by=ship_by, state=state)])
    index = model.index(0, COL_SHIP_BY)
    return index.data(), index.data(Qt.ItemDataRole.ForegroundRole)


def test_countdown_for_overdue_soon_and_later_orders(english) -> None:
    text, colour = countdown_of(NOW - (HOUR + 5 * 60))
    assert (text, colour) == ("overdue 1h 05m", URGENCY_COLOURS[3])
    text, colour = countdown_of(NOW + 40 * 60)
    assert (text, colour.name()) == ("40m", URGENCY_COLOURS[2].name())
    text, colour = countdown_of(NOW + 6 * HOUR)
    assert (text, colour.name()) == ("6h 00m", URGENCY_COLOURS[1].name())
    assert countdown_of(NOW + 30 * HOUR + 7 * 60) == ("1d 06h", None)
    assert countdown_of(NOW - HOUR, state=OrderState.SHIPPED) == ("", None)  # nothing left to ship


def test_the_countdown_moves_with_one_targeted_data_change(qtbot, english) -> None:
    now = [NOW]
    model = OrderTableModel(clock=lambda: now[0])
    model.set_rows([make_row(ship_by=NOW + 10 * 60), make_row(order_id="2", ship_by=NOW + HOUR)])
    now[0] += 11 * 60
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.tick()
    top_left, bottom_right = changed.args[:2]
    assert (top_left.column(), bottom_right.column(), bottom_right.row()) == (COL_SHIP_BY, COL_SHIP_BY, 1)
    assert model.index(0, COL_SHIP_BY).data() == "overdue 1m"


def test_search_filter_and_sort_on_the_screen(qtbot, tasks, session_factory, english) -> None:
    tee = order_row(items_summary="纯棉短袖T恤 ×1", pay_amount=5_990)
    cup = order_row(items_summary="保温杯 ×2", pay_amount=9_980, status=int(OrderStatus.SHIPPED))
    pomegranate = order_row(items_summary="蒙自石榴 5斤装 ×1", pay_amount=3_980)
    seed(session_factory, [tee, cup, pomegranate])
    view = make_view(qtbot, tasks, session_factory)
    load(qtbot, view)
    assert view.model.rowCount() == 3 and view.count_text() == "3 orders"

    load(qtbot, view, lambda: view.set_search_text("石榴"))
    assert [r.order_id for r in view.model.rows()] == [pomegranate["order_id"]]
    assert view.count_text() == "Showing 1 of 3"

    load(qtbot, view, lambda: view.set_search_text(""))
    load(qtbot, view, lambda: view.set_status_filter((OrderState.SHIPPED,)))
    assert [r.order_id for r in view.model.rows()] == [cup["order_id"]]

    load(qtbot, view, view.clear_filters)
    load(
        qtbot,
        view,
        lambda: view.table().horizontalHeader().setSortIndicator(COL_AMOUNT, Qt.SortOrder.AscendingOrder),
    )
    assert [r.pay_amount for r in view.model.rows()] == [3_980, 5_990, 9_980]
    load(qtbot, view, view.refresh)  # a refresh asks SQL for the same order
    assert [r.pay_amount for r in view.model.rows()] == [3_980, 5_990, 9_980]


def test_empty_states_say_why(qtbot, tasks, session_factory, english) -> None:
    view = make_view(qtbot, tasks, session_factory)
    view.set_sync_status(SyncStatus(SyncState.SYNCING))
    load(qtbot, view)
    assert view.empty_text() == "No orders yet — the first sync is running."
    view.set_sync_status(SyncStatus(SyncState.OFFLINE))
    assert "can't be reached" in view.empty_text()

    seed(session_factory, [order_row(items_summary="保温杯 ×1")])
    load(qtbot, view, lambda: view.on_data_changed(frozenset({"orders"})))
    assert view.empty_text() is None
    load(qtbot, view, lambda: view.set_search_text("xyz"))
    assert view.empty_text() == "No orders match “xyz”."
    load(qtbot, view, lambda: view.set_status_filter((OrderState.CANCELLED,)))
    assert view.empty_text() == "No “Cancelled” orders match “xyz”."


def test_the_detail_pane_shows_everything_about_the_selected_order(
    qtbot, tasks, session_factory, english
) -> None:
    order = order_row(
        status=int(OrderStatus.SHIPPED),
        buyer_words="送人的，不要放发票",
        receiver_name="张小明",
        receiver_tel="13812345678",
    )
    line = order_line_row(order, product_name="纯棉短袖T恤", spec="颜色:黑色; 尺码:L", item_num=2)
    parcel = parcel_row(order, tracking_no="SF1234567890123", company_name="顺丰速运")
    request = after_sale_row(order, reason_text="尺码不合适")
    seed(session_factory, [order], [line], [parcel], [request])
    view = make_view(qtbot, tasks, session_factory)
    load(qtbot, view)
    view.select_order(order["order_id"])
    qtbot.waitUntil(lambda: view.detail_pane.detail() is not None, timeout=5_000)
    text = view.detail_pane.text()
    for expected in (
        "颜色:黑色; 尺码:L",
        "×2",
        "SF1234567890123",
        "顺丰速运",
        "尺码不合适",
        "送人的，不要放发票",
    ):
        assert expected in text
    assert "张**" in text and "138****5678" in text and "13812345678" not in text


def test_a_refresh_keeps_the_selection_and_the_rows_in_view(qtbot, tasks, session_factory, english) -> None:
    rows = [order_row(create_time=NOW - i * 60) for i in range(200)]
    seed(session_factory, rows)
    view = make_view(qtbot, tasks, session_factory)
    load(qtbot, view)
    chosen = rows[120]["order_id"]
    view.select_order(chosen)
    view.table().scrollTo(view.model.index(100, 0), view.table().ScrollHint.PositionAtTop)
    top_before = view.model.order_at(view.table().rowAt(0)).order_id
    seed(session_factory, [order_row(create_time=NOW + i) for i in range(5)])  # new orders on top
    load(qtbot, view, lambda: view.on_data_changed(frozenset({"orders"})))
    assert view.model.rowCount() == 205
    assert view.selected_order_id() == chosen
    assert view.model.order_at(view.table().rowAt(0)).order_id == top_before


def test_down_arrow_from_the_search_box_enters_the_table(qtbot, tasks, session_factory, english) -> None:
    seed(session_factory, [order_row(), order_row()])
    view = make_view(qtbot, tasks, session_factory)
    load(qtbot, view)
    view.focus_search()
    qtbot.keyClick(view.findChild(type(view._search), "orderSearch"), Qt.Key.Key_Down)
    assert view.selected_order_id() == view.model.order_at(0).order_id


def test_a_superseded_answer_is_dropped_and_errors_reach_the_asker(qtbot, tasks: BackgroundTasks) -> None:
    answers: list[str] = []
    errors: list[BaseException] = []
    tasks.run("k", lambda: "first", answers.append)
    tasks.run("k", lambda: "second", answers.append)
    tasks.run("boom", lambda: 1 / 0, answers.append, errors.append)
    qtbot.waitUntil(lambda: not tasks.is_busy(), timeout=5_000)
    assert answers == ["second"]
    assert isinstance(errors[0], ZeroDivisionError)


def test_a_completed_order_does_not_look_like_a_cancelled_one(english) -> None:
    model = OrderTableModel(clock=lambda: NOW)
    model.set_rows(
        [
            make_row(order_id="1", state=OrderState.COMPLETED, ship_by=None),
            make_row(order_id="2", state=OrderState.CANCELLED, ship_by=None),
        ]
    )

    def look(row: int, column: int) -> tuple[object, bool]:
        index = model.index(row, column)
        colour = index.data(Qt.ItemDataRole.ForegroundRole)
        font = index.data(Qt.ItemDataRole.FontRole)
        return (colour.name() if colour else None), bool(font and font.strikeOut())

    assert look(0, COL_STATUS) != look(1, COL_STATUS)
    assert look(0, COL_AMOUNT) == (None, False)  # the money was received: an ordinary amount
    assert look(1, COL_AMOUNT)[1]  # a cancelled order's amount is struck through: never received


def test_the_detail_pane_marks_completed_and_cancelled_orders_apart(
    qtbot, tasks, session_factory, english
) -> None:
    done = order_row(status=int(OrderStatus.COMPLETED))
    gone = order_row(status=int(OrderStatus.CANCELLED))
    seed(session_factory, [done, gone], [], [], [])
    view = make_view(qtbot, tasks, session_factory)
    load(qtbot, view)
    chips = []
    for order in (done, gone):
        view.select_order(order["order_id"])
        qtbot.waitUntil(
            lambda o=order: (d := view.detail_pane.detail()) is not None and d.row.order_id == o["order_id"]
        )
        chips.append(view.detail_pane.status_class())
    assert chips == ["chip done", "chip gone"]
