"""Delivery is the platform's, never a guess; the receiver's address reads as text (issue 15
items 8 and 9).

Order lines carry `logistics_receipt_time` (物流收货时间) and `confirm_receipt_time` (用户确认
收货时间) (SDK zsmhub/doudian-sdk at b020c05, `SkuOrderListItem` in order_searchList and
order_orderDetail); `mask_post_addr` is an object of named regions and a masked detail
(`MaskPostAddr`). The parser reads both from the documented answers; the sandbox delivers a
scanned parcel and later confirms it, and the desk's mirror, the quality-return rate's
delivered orders and the 7-day no-reason window follow the platform's times, on SQLite and
PostgreSQL, after a real sync over HTTP.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.core import shop_time
from app.db import open_database
from app.models import Order, OrderLine
from app.platforms.douyin.client import Outcome
from app.platforms.douyin.codes import OrderStatus
from app.platforms.douyin.parse import address_text, parse_orders, receipt_time
from app.sandbox.douyin import lifecycle
from app.sandbox.server import SandboxServer
from app.services.metrics.queries import Scope, delivered_orders
from app.services.refunds.after_sale_rules import Facts, assess
from app.services.rules import HOUR_S, load_rules
from app.sync.engine import SyncEngine
from tests.sandbox_control import control, demo_client, demo_platform

CONTRACT = Path(__file__).parent / "contract" / "douyin"
RULES = load_rules()


def documented(name: str) -> dict[str, Any]:
    return json.loads((CONTRACT / f"{name}.answer.json").read_text(encoding="utf-8"))


# --- the documented answers --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("method", "record"),
    [
        ("order.searchList", lambda data: data["shop_order_list"][0]),
        ("order.orderDetail", lambda data: data["shop_order_detail"]),
    ],
)
def test_the_documented_order_gives_its_receipt_times_and_its_address(method: str, record: Any) -> None:
    order = record(documented(method)["data"])
    page = parse_orders([order], 1_796_000_000)
    [row], [line] = page.orders, page.lines
    documented_line = order["sku_order_list"][0]
    assert line["logistics_receipt_time"] == documented_line["logistics_receipt_time"] == 1795947730
    assert line["confirm_receipt_time"] is None  # 0 on the wire: the buyer has not confirmed
    assert row["receipt_time"] == 1795947730
    assert row["receiver_address"] == "浙江省杭州市西湖区西溪街道文****号"


ADDRESSES = [
    (
        "the documented object",
        {
            "province": {"name": "浙江省", "id": "33"},
            "city": {"name": "杭州市", "id": "330100"},
            "town": {"name": "西湖区", "id": "330106"},
            "street": {"name": "西溪街道", "id": "330106001"},
            "detail": "文****号",
        },
        "浙江省杭州市西湖区西溪街道文****号",
    ),
    (
        "no street",
        {
            "province": {"name": "北京市"},
            "city": {"name": "北京市"},
            "town": {"name": "朝阳区"},
            "detail": "****",
        },
        "北京市北京市朝阳区****",
    ),
    ("a nil pointer", None, ""),
    ("a region that is not an object", {"province": "浙江省", "detail": "****"}, "****"),
    ("text, as an older answer sends it", "浙江省杭州市西湖区****", "浙江省杭州市西湖区****"),
]


@pytest.mark.parametrize(("case", "value", "text"), ADDRESSES, ids=[a[0] for a in ADDRESSES])
def test_the_masked_address_reads_as_one_line_of_text(case: str, value: Any, text: str) -> None:
    assert address_text(value) == text
    assert "{" not in address_text(value)  # never Python's dict text


RECEIPTS = [
    ("carrier receipt", [(100, None)], 100),
    ("confirmed without a carrier receipt", [(None, 300)], 300),
    ("carrier receipt before the confirmation", [(100, 300)], 100),
    ("two lines, the later one counts", [(100, None), (200, 250)], 200),
    ("one line received, one not", [(None, None), (150, None)], 150),
    ("nothing received", [(None, None)], None),
]


@pytest.mark.parametrize(("case", "lines", "received"), RECEIPTS, ids=[r[0] for r in RECEIPTS])
def test_the_orders_receipt_time_comes_from_its_lines(case: str, lines: list, received: int | None) -> None:
    rows = [{"logistics_receipt_time": got, "confirm_receipt_time": confirmed} for got, confirmed in lines]
    assert receipt_time(rows) == received


# --- the sandbox, end to end ----------------------------------------------------------------------
def order_to_ship(sandbox: SandboxServer) -> str:
    """An order awaiting shipment, with no request on it, whose carrier will come."""
    for _ in range(20):
        for order_id in sandbox.store.ids(
            "SELECT order_id FROM orders WHERE status = ? AND has_after_sale = 0 ORDER BY order_id",
            (int(OrderStatus.AWAITING_SHIPMENT),),
        ):
            if lifecycle.pickup_delay(sandbox.seed, order_id) is not None:
                return order_id
        control(sandbox.url, "tick", {"new_orders": 50, "new_after_sales": 0, "top_up": False})
        control(sandbox.url, "clock", {"advance_s": 31 * 60})
    raise AssertionError("no order whose carrier comes among a thousand")


def pulled(engine: SyncEngine) -> None:
    assert engine.run_once().outcome is Outcome.DONE


def mirrored(engine: SyncEngine, order_id: str) -> tuple[Order, OrderLine]:
    with engine._sessions() as session:
        order = session.get(Order, order_id)
        line = session.scalars(select(OrderLine).where(OrderLine.order_id == order_id)).first()
        assert order is not None and line is not None
        return order, line


def delivered_ids(engine: SyncEngine, start: int, end: int, now: int) -> set[str]:
    with engine._sessions() as session:
        return {row.order_id for row in session.execute(delivered_orders(Scope(start, end, now, RULES)))}


@pytest.fixture
def engine(sandbox: SandboxServer, database_url: str) -> SyncEngine:
    _, sessions = open_database(database_url)
    return SyncEngine(demo_platform(sandbox.url), sessions)


def test_a_parcel_is_delivered_when_the_platform_says_so_and_the_window_counts_from_then(
    sandbox: SandboxServer, engine: SyncEngine
) -> None:
    pulled(engine)
    order_id = order_to_ship(sandbox)
    client = demo_client(sandbox.url)
    try:
        shipped = client.call(
            "order.logisticsAdd",
            {"order_id": order_id, "company_code": "shunfeng", "logistics_code": f"SF{order_id[-12:]}"},
        )
    finally:
        client.close()
    assert shipped.ok
    plan = sandbox.store.order(order_id).sim  # the platform's own schedule for the parcel
    deliver_at, complete_at = plan["deliver_at"], plan["complete_at"]
    ship_time = sandbox.store.order(order_id).data["ship_time"]

    # Long after the old guess (ship time + 72 h) and still not received: not delivered.
    control(sandbox.url, "clock", {"advance_s": deliver_at - 60 - ship_time})
    pulled(engine)
    order, line = mirrored(engine, order_id)
    assert order.ship_time == ship_time and order.receipt_time is None and line.logistics_receipt_time is None
    assert order_id not in delivered_ids(engine, ship_time, deliver_at, deliver_at)
    waiting = Facts(
        kind="return_and_refund", state="awaiting_shop", reason_text="七天无理由退货",
        product_name=line.product_name, apply_time=deliver_at - 120, has_tracking=True,
        ship_time=order.ship_time, receipt_time=order.receipt_time,
    )  # fmt: skip
    assert (assess(waiting, deliver_at).rule_key, assess(waiting, deliver_at).window_open) in {
        ("no_reason_7d", None),
        ("fresh_no_reason", False),  # a fresh product has no no-reason return at all
    }

    # The carrier hands it over: the line's 物流收货时间, the order's receipt time, delivered.
    control(sandbox.url, "clock", {"advance_s": 120})
    pulled(engine)
    order, line = mirrored(engine, order_id)
    assert line.logistics_receipt_time == order.receipt_time == deliver_at
    assert line.confirm_receipt_time is None and order.status == OrderStatus.SHIPPED
    assert order_id in delivered_ids(engine, deliver_at, deliver_at + 1, deliver_at + 120)
    received = Facts(
        kind="return_and_refund", state="awaiting_shop", reason_text="七天无理由退货",
        product_name="纯棉宽松短袖T恤", apply_time=deliver_at + 3600, has_tracking=True,
        ship_time=order.ship_time, receipt_time=order.receipt_time,
    )  # fmt: skip
    assessment = assess(received, deliver_at + 3600)
    _, next_midnight = shop_time.day_bounds(deliver_at)
    assert (assessment.rule_key, assessment.window_open) == ("no_reason_7d", True)
    assert assessment.window_ends_at == next_midnight + 168 * HOUR_S

    # The buyer confirms: 用户确认收货时间 and completion; delivery stays the carrier's.
    control(sandbox.url, "clock", {"advance_s": complete_at - deliver_at})
    pulled(engine)
    order, line = mirrored(engine, order_id)
    assert (
        order.status == OrderStatus.COMPLETED
        and line.confirm_receipt_time == order.finish_time == complete_at
    )
    assert order.receipt_time == line.logistics_receipt_time == deliver_at < complete_at


def test_the_demo_shops_history_is_delivered_before_it_completes(
    sandbox: SandboxServer, engine: SyncEngine
) -> None:
    pulled(engine)
    with engine._sessions() as session:
        orders = session.scalars(select(Order).where(Order.ship_time.is_not(None))).all()
        completed = [o for o in orders if o.status == OrderStatus.COMPLETED]
        on_the_way = [o for o in orders if o.status == OrderStatus.SHIPPED and o.receipt_time is None]
        addresses = session.scalars(select(Order.receiver_address)).all()
    assert completed and all(o.ship_time < o.receipt_time < o.finish_time for o in completed)
    assert on_the_way  # shipped, not yet received: no delivery time, no guess
    assert addresses and not [a for a in addresses if "{" in a or not a.endswith("号")]
