"""What the shipping board reads from the local mirror: every order waiting to ship,
soonest deadline first, cut into lanes that move with the clock; what to pick; a
shipment already waiting in the outbox; a refund request that blocks shipping;
parcels the carrier never scanned; the pick list summed by SKU; packing slips."""

from __future__ import annotations

import json

from app.db import open_database
from app.models import OutboxOperation
from app.platforms.douyin.codes import AfterSaleStatus, AfterSaleType, OrderStatus
from app.services.rules import load_rules
from app.services.shipping.board import board_lanes, list_board, packing_slips, pick_list, pickup_overdue
from app.services.shipping.deadlines import LANES, end_of_shop_day, ship_by
from tests.builders import HOUR, NOW, after_sale_row, order_line_row, order_row, parcel_row, seed

RULES = load_rules()


def waiting(ship_in_s: int, **overrides):
    """An order awaiting shipment whose platform promise is `ship_in_s` from NOW."""
    return order_row(exp_ship_time=NOW + ship_in_s, **overrides)


def ids(rows) -> list[str]:
    return [row.order_id for row in rows]


def test_orders_to_ship_come_soonest_deadline_first_and_nothing_else(database_url, session_factory) -> None:
    later, overdue, soon = waiting(30 * HOUR), waiting(-2 * HOUR), waiting(HOUR)
    partly = waiting(3 * HOUR, status=int(OrderStatus.PARTLY_SHIPPED))
    shipped = order_row(status=int(OrderStatus.SHIPPED))
    unpaid = order_row(status=int(OrderStatus.UNPAID))
    seed(session_factory, orders=[later, overdue, soon, partly, shipped, unpaid])
    with session_factory() as session:
        rows = list_board(session, now=NOW)
    assert ids(rows) == [overdue["order_id"], soon["order_id"], partly["order_id"], later["order_id"]]


def test_without_a_platform_promise_the_default_48_hours_apply(session_factory) -> None:
    order = order_row(exp_ship_time=None)
    seed(session_factory, orders=[order])
    with session_factory() as session:
        (row,) = list_board(session, now=NOW)
    assert row.ship_by == order["pay_time"] + 48 * HOUR
    assert row.exp_ship_time is None


def test_lanes_cut_the_sorted_board_and_move_with_the_clock(session_factory) -> None:
    end_of_today = end_of_shop_day(NOW, RULES)  # NOW is 19:06 in Shanghai
    orders = [
        waiting(-HOUR),
        waiting(2 * HOUR),
        waiting(end_of_today - NOW),  # 23:59:59 today: more than 4 h away
        waiting(end_of_today - NOW + 10 * HOUR),  # tomorrow morning
        waiting(3 * 24 * HOUR),
    ]
    seed(session_factory, orders=orders)
    with session_factory() as session:
        rows = list_board(session, now=NOW)
    lanes = board_lanes(rows, NOW - 4 * HOUR, RULES)  # at 15:06: nothing overdue yet
    assert [name for name, _, _ in lanes] == list(LANES)
    assert [(end - start) for _, start, end in lanes] == [0, 1, 2, 1, 1]
    now_lanes = board_lanes(rows, NOW, RULES)
    assert [(end - start) for _, start, end in now_lanes] == [1, 1, 1, 1, 1]


def test_a_row_says_what_to_pick_and_what_blocks_or_already_ships_it(session_factory) -> None:
    order = waiting(HOUR, buyer_words="请用纸箱包装")
    lines = [
        order_line_row(order, product_name="加绒卫衣", spec="颜色:灰色; 尺码:XL", item_num=2),
        order_line_row(order, product_name="棉袜", spec="5双装", item_num=1),
    ]
    blocked = waiting(2 * HOUR)
    request = after_sale_row(
        blocked, type=int(AfterSaleType.REFUND_BEFORE_SHIPMENT), status=int(AfterSaleStatus.AWAITING_MERCHANT)
    )
    sent = waiting(3 * HOUR)
    seed(session_factory, orders=[order, blocked, sent], lines=lines, after_sales=[request])
    with session_factory.begin() as session:
        session.add(
            OutboxOperation(
                op_id="op-1", action="ship", entity_type="order", entity_id=sent["order_id"],
                details=json.dumps({"carrier_code": "zhongtong", "tracking_no": "731234567890",
                                    "refuse_refund": False}),
                state="pending", attempts=0, verify_before_send=False, next_attempt_at=0, created_at=NOW,
            )
        )  # fmt: skip
    with session_factory() as session:
        rows = {row.order_id: row for row in list_board(session, now=NOW)}
        by_carrier = list_board(session, now=NOW, carrier="zhongtong")
        by_product = list_board(session, now=NOW, product="卫衣 灰色")
    first = rows[order["order_id"]]
    assert "加绒卫衣 颜色:灰色; 尺码:XL ×2" in first.items and "棉袜 5双装 ×1" in first.items
    assert first.item_count == 3 and first.buyer_words == "请用纸箱包装"
    assert rows[blocked["order_id"]].refund_request == request["aftersale_id"]
    assert rows[blocked["order_id"]].refund_amount == request["refund_amount"]
    assert rows[sent["order_id"]].pending_tracking == "731234567890"
    assert ids(by_carrier) == [sent["order_id"]]
    assert ids(by_product) == [order["order_id"]]


def test_parcels_never_scanned_after_24_hours_are_listed_with_the_refund_countdown(session_factory) -> None:
    stuck = order_row(status=int(OrderStatus.SHIPPED), ship_time=NOW - 30 * HOUR)
    fresh = order_row(status=int(OrderStatus.SHIPPED), ship_time=NOW - 10 * HOUR)
    scanned = order_row(status=int(OrderStatus.SHIPPED), ship_time=NOW - 30 * HOUR)
    done = order_row(status=int(OrderStatus.COMPLETED), ship_time=NOW - 30 * HOUR)
    parcels = [
        parcel_row(stuck, ship_time=NOW - 30 * HOUR),
        parcel_row(fresh, ship_time=NOW - 10 * HOUR),
        parcel_row(scanned, ship_time=NOW - 30 * HOUR, pickup_time=NOW - 29 * HOUR),
        parcel_row(done, ship_time=NOW - 30 * HOUR),
    ]
    seed(session_factory, orders=[stuck, fresh, scanned, done], parcels=parcels)
    with session_factory() as session:
        (row,) = pickup_overdue(session, now=NOW)
        assert pickup_overdue(session, now=NOW, carrier="yunda") == []
    assert row.order_id == stuck["order_id"]
    assert row.refund_at == NOW - 30 * HOUR + 48 * HOUR


def test_the_pick_list_sums_pieces_by_sku_and_slips_carry_each_orders_lines(session_factory) -> None:
    a, b = waiting(HOUR, buyer_words="不要放发票"), waiting(2 * HOUR)
    lines = [
        order_line_row(a, sku_id="sku-white-L", item_num=2),
        order_line_row(b, sku_id="sku-white-L", item_num=1),
        order_line_row(b, sku_id="sku-socks", product_name="棉袜", spec="5双装", item_num=4),
    ]
    seed(session_factory, orders=[a, b], lines=lines)
    with session_factory() as session:
        picks = pick_list(session, [a["order_id"], b["order_id"]])
        slips = packing_slips(session, [b["order_id"], "unknown", a["order_id"]])
    assert [(p.sku_key, p.quantity, p.order_count) for p in picks] == [
        ("sku-socks", 4, 1),
        ("sku-white-L", 3, 2),
    ]
    assert [s.order_id for s in slips] == [b["order_id"], a["order_id"]]
    assert (
        slips[1].items == (("纯棉短袖T恤", "颜色:白色; 尺码:L", 2),) and slips[1].buyer_words == "不要放发票"
    )
    assert slips[1].ship_by == a["exp_ship_time"]


def test_an_exp_ship_time_of_0_is_the_platforms_not_sent_so_payment_and_the_default_promise_apply(
    database_url,
) -> None:
    # The platform sends 0 for "no promise": the board must not read it as 1970.
    _, sessions = open_database(database_url)
    unsent = order_row(exp_ship_time=0)
    promised = waiting(30 * HOUR)
    seed(sessions, orders=[unsent, promised])
    with sessions() as session:
        rows = list_board(session, now=NOW)
        (slip,) = packing_slips(session, [unsent["order_id"]])
    assert ids(rows) == [promised["order_id"], unsent["order_id"]]  # due in 30 h, then in 43 h
    row = rows[1]
    assert row.ship_by == ship_by(unsent["pay_time"], 0, RULES) == unsent["pay_time"] + 48 * HOUR
    assert row.exp_ship_time is None  # "the default promise was assumed"
    assert slip.ship_by == row.ship_by
    lanes = {name: end - start for name, start, end in board_lanes(rows, NOW, RULES)}
    assert lanes["overdue"] == 0 and lanes["later"] == 2
