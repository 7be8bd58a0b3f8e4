"""The orders screen's queries: search, filter, sort and detail, on a real SQLite file."""

from __future__ import annotations

import pytest

from app.core.vocabulary import OrderState
from app.platforms.douyin.codes import OrderStatus
from app.services.orders.queries import (
    SORT_KEYS,
    count_orders,
    list_order_ids,
    list_orders,
    order_detail,
    order_rows,
)
from app.services.rules import load_rules
from app.views.orders.table_model import SORT_KEY_COLUMNS, OrderTableModel
from tests.builders import (
    HOUR,
    NOW,
    after_sale_row,
    order_line_row,
    order_row,
    parcel_row,
    realistic_shop,
    seed,
)


def ids(rows) -> list[str]:
    return [row.order_id for row in rows]


def test_search_looks_in_id_items_receiver_and_buyer_note_and_needs_every_word(session_factory) -> None:
    tee = order_row(items_summary="纯棉短袖T恤 ×1", receiver_name="王芳")
    cup = order_row(items_summary="保温杯 ×2", receiver_name="李强", buyer_words="麻烦发顺丰")
    seed(session_factory, [tee, cup])
    with session_factory() as session:
        assert ids(list_orders(session, search="T恤")) == [tee["order_id"]]
        assert ids(list_orders(session, search="李强")) == [cup["order_id"]]
        assert ids(list_orders(session, search="顺丰")) == [cup["order_id"]]
        assert ids(list_orders(session, search=cup["order_id"][-5:])) == [cup["order_id"]]
        assert ids(list_orders(session, search="t恤 王芳")) == [tee["order_id"]]  # case-insensitive
        assert list_orders(session, search="T恤 李强") == []


def test_search_wildcards_are_taken_literally(session_factory) -> None:
    seed(session_factory, [order_row(items_summary="折扣 50% 洗面奶"), order_row(items_summary="保温杯")])
    with session_factory() as session:
        assert len(list_orders(session, search="%")) == 1
        assert list_orders(session, search="_") == []


def test_state_filter_keeps_only_the_chosen_states(session_factory) -> None:
    rows = [
        order_row(status=s) for s in (OrderStatus.AWAITING_SHIPMENT, OrderStatus.SHIPPED, OrderStatus.UNPAID)
    ]
    seed(session_factory, rows)
    with session_factory() as session:
        found = list_orders(session, states=(OrderState.SHIPPED, OrderState.UNPAID))
        assert sorted(r.state for r in found) == sorted([OrderState.SHIPPED, OrderState.UNPAID])
        assert count_orders(session) == 3


def test_ship_by_is_the_platform_promise_else_payment_plus_the_rule_sets_default(session_factory) -> None:
    promised = order_row(create_time=NOW - HOUR, exp_ship_time=NOW + 5 * HOUR)
    default = order_row(create_time=NOW - HOUR)
    unpaid = order_row(status=int(OrderStatus.UNPAID))
    seed(session_factory, [promised, default, unpaid])
    hours = load_rules().default_ship_promise_hours
    assert (load_rules().rule_set, hours) == ("douyin-2026-12", 48)
    with session_factory() as session:
        by_id = {row.order_id: row for row in list_orders(session)}
    assert by_id[promised["order_id"]].ship_by == NOW + 5 * HOUR
    assert by_id[default["order_id"]].ship_by == default["pay_time"] + hours * HOUR
    assert by_id[unpaid["order_id"]].ship_by is None


def test_sorting_by_urgency_puts_orders_with_nothing_to_ship_last_both_ways(session_factory) -> None:
    soon = order_row(exp_ship_time=NOW + HOUR)
    later = order_row(exp_ship_time=NOW + 9 * HOUR)
    shipped = order_row(status=int(OrderStatus.SHIPPED), exp_ship_time=NOW)
    seed(session_factory, [later, shipped, soon])
    with session_factory() as session:
        assert ids(list_orders(session, sort="ship_by", descending=False)) == ids_of(soon, later, shipped)
        assert ids(list_orders(session, sort="ship_by", descending=True)) == ids_of(later, soon, shipped)


def ids_of(*rows) -> list[str]:
    return [row["order_id"] for row in rows]


@pytest.mark.parametrize("descending", [False, True])
def test_a_header_click_asks_sql_for_that_order(qapp, descending: bool) -> None:
    """The table never sorts 100k rows itself: each sortable header names a sort key
    `list_order_ids` knows, and a click hands it to the screen to ask again."""
    from PySide6.QtCore import Qt

    model = OrderTableModel()
    asked: list[tuple[str, bool]] = []
    model.sort_changed.connect(lambda key, desc: asked.append((key, desc)))
    order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
    for key, column in SORT_KEY_COLUMNS.items():
        model.sort(column, order)
        assert key in SORT_KEYS and asked[-1] == (key, descending) and model.sort_spec == (key, descending)


def test_ids_and_rows_read_apart_agree_with_the_whole_list(session_factory) -> None:
    shop = realistic_shop(300, with_children=False)
    seed(session_factory, shop["orders"])
    with session_factory() as session:
        for sort in SORT_KEYS:
            whole = list_orders(session, sort=sort, descending=False)
            order_ids = list_order_ids(session, sort=sort, descending=False)
            assert ids(whole) == order_ids and len(order_ids) == 300
        some = order_rows(session, [order_ids[7], "no-such-order", order_ids[3]])
    assert ids(some) == [order_ids[7], order_ids[3]]


def test_limit_and_unknown_sort_key(session_factory) -> None:
    seed(session_factory, [order_row() for _ in range(5)])
    with session_factory() as session:
        assert len(list_orders(session, limit=2)) == 2
        with pytest.raises(ValueError, match="unknown sort key"):
            list_orders(session, sort="pay_amount; DROP TABLE orders")


def test_order_detail_brings_lines_parcels_and_after_sales(session_factory) -> None:
    order = order_row(status=int(OrderStatus.SHIPPED), buyer_words="送人的，不要放发票")
    line = order_line_row(order, spec="颜色:黑色; 尺码:L", item_num=2)
    parcel = parcel_row(order, tracking_no="SF1234567890123")
    request = after_sale_row(order, reason_text="尺码不合适")
    seed(session_factory, [order], [line], [parcel], [request])
    with session_factory() as session:
        detail = order_detail(session, order["order_id"])
        assert order_detail(session, "no-such-order") is None
    assert detail is not None
    assert detail.row.order_id == order["order_id"]
    assert [(x.spec, x.item_num) for x in detail.lines] == [("颜色:黑色; 尺码:L", 2)]
    assert [p.tracking_no for p in detail.parcels] == ["SF1234567890123"]
    assert [a.reason_text for a in detail.after_sales] == ["尺码不合适"]
    assert detail.buyer_words == "送人的，不要放发票" and detail.row.has_buyer_words is True
    assert detail.rule_set == "douyin-2026-12"
