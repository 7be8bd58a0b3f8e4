"""The carrier's first pickup scan: the sandbox decides it, acts on it, and the desk mirrors it.

`pickup_time` in `logistics_info[]` is a sandbox extension (docs/sandbox.md). When the
merchant ships, the platform decides from the seed and the order id alone when the
carrier scans (1–20 h, about 3% never); the scan bumps the order's `update_time`, and
48 h without one the platform refunds the buyer and cancels the order (RULES.md
"Shipping"). The end-to-end tests ship through the app's own client, move the sandbox
clock, pull with the sync engine and read the local database, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import requests
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db import open_database
from app.models import Order, OrderLogistics
from app.platforms.douyin.client import Outcome
from app.platforms.douyin.codes import AfterSaleType as T
from app.platforms.douyin.codes import LogisticsRefusal, OrderStatus
from app.platforms.douyin.parse import parse_orders
from app.sandbox.douyin import generator, lifecycle
from app.sandbox.server import SandboxServer
from app.sync.engine import SyncEngine
from app.sync.ingest import store_orders
from tests.sandbox_control import control, demo_client, demo_platform, sandbox_now

HOUR = 3600
DAY = 86400
NOW = 1795320000  # 2026-11-21 09:20 Shanghai
FIRST_SCAN_BY_S = lifecycle.PICKUP_HOURS[1] * HOUR


# --- helpers -------------------------------------------------------------------------------
def order_to_ship(sandbox: SandboxServer, carrier_comes: Callable[[int | None], bool]) -> str:
    """An order awaiting shipment, with no request on it, whose carrier (as the platform
    will decide once it is shipped) comes as `carrier_comes` wants; buyers place more
    orders until there is one."""
    for _ in range(20):
        for order_id in sandbox.store.ids(
            "SELECT order_id FROM orders WHERE status = ? AND has_after_sale = 0 ORDER BY order_id",
            (int(OrderStatus.AWAITING_SHIPMENT),),
        ):
            if carrier_comes(lifecycle.pickup_delay(sandbox.seed, order_id)):
                return order_id
        control(sandbox.url, "tick", {"new_orders": 50, "new_after_sales": 0, "top_up": False})
        control(sandbox.url, "clock", {"advance_s": 31 * 60})  # they are paid (or given up)
    raise AssertionError("no order with such a carrier among a thousand")


def ship(url: str, order_id: str) -> Any:
    client = demo_client(url)
    try:
        return client.call(
            "order.logisticsAdd",
            {"order_id": order_id, "company_code": "shunfeng", "logistics_code": f"SF{order_id[-12:]}"},
        )
    finally:
        client.close()


def advance(url: str, seconds: int) -> None:
    control(url, "clock", {"advance_s": seconds})


def mirrored(sessions: sessionmaker[Session], order_id: str) -> tuple[Order, OrderLogistics]:
    with sessions() as session:
        order = session.get(Order, order_id)
        parcel = session.scalars(select(OrderLogistics).where(OrderLogistics.order_id == order_id)).one()
    return order, parcel


def platform_steps_since_shipping(url: str, order_id: str) -> list[str]:
    """What the platform's ledger shows it did to the order after the merchant shipped it."""
    entries = requests.get(f"{url}/_sandbox/ledger", params={"since": 0}, timeout=30).json()["entries"]
    mine = [e for e in entries if e["entity_id"] == order_id]
    shipped = next(i for i, e in enumerate(mine) if e["method"] == "order.logisticsAdd")
    return [e["method"] for e in mine[shipped + 1 :] if e["actor"] == "platform"]


def pulled(engine: SyncEngine) -> None:
    report = engine.run_once()
    assert report.outcome is Outcome.DONE, report


@pytest.fixture
def engine(sandbox: SandboxServer, database_url: str) -> SyncEngine:
    _, sessions = open_database(database_url)
    return SyncEngine(demo_platform(sandbox.url), sessions)


# --- end to end: ship, let time pass, pull ------------------------------------------------------
def test_a_shipped_parcel_is_scanned_within_twenty_hours_and_the_pull_brings_the_scan(
    sandbox: SandboxServer, engine: SyncEngine
) -> None:
    pulled(engine)  # the desk is in sync before the clock moves (the 90-day window follows it)
    order_id = order_to_ship(sandbox, lambda delay: delay is not None)
    assert ship(sandbox.url, order_id).ok
    pulled(engine)
    shipped, parcel = mirrored(engine._sessions, order_id)
    assert shipped.status == OrderStatus.SHIPPED and parcel.ship_time is not None
    assert parcel.pickup_time is None  # 0 on the wire: no scan yet

    advance(sandbox.url, FIRST_SCAN_BY_S + 60)
    pulled(engine)
    scanned, parcel = mirrored(engine._sessions, order_id)
    assert parcel.ship_time + HOUR <= parcel.pickup_time <= parcel.ship_time + FIRST_SCAN_BY_S
    assert scanned.status == OrderStatus.SHIPPED and scanned.update_time > shipped.update_time
    assert platform_steps_since_shipping(sandbox.url, order_id) == ["platform.pickup_scanned"]


def test_a_parcel_never_scanned_is_refunded_by_the_platform_48_hours_after_shipping(
    sandbox: SandboxServer, engine: SyncEngine
) -> None:
    pulled(engine)  # the desk is in sync before the clock moves (the 90-day window follows it)
    order_id = order_to_ship(sandbox, lambda delay: delay is None)
    assert ship(sandbox.url, order_id).ok
    pulled(engine)
    advance(sandbox.url, 47 * HOUR)  # a pickup timeout for a day already, not yet refunded
    pulled(engine)
    waiting, parcel = mirrored(engine._sessions, order_id)
    assert waiting.status == OrderStatus.SHIPPED and parcel.pickup_time is None

    advance(sandbox.url, HOUR + 60)
    pulled(engine)
    refunded, parcel = mirrored(engine._sessions, order_id)
    assert refunded.status == OrderStatus.CANCELLED and parcel.pickup_time is None
    assert refunded.finish_time == parcel.ship_time + 48 * HOUR
    assert platform_steps_since_shipping(sandbox.url, order_id) == ["platform.refunded_without_pickup"]
    again = ship(sandbox.url, order_id)
    assert again.outcome is Outcome.REJECTED
    assert again.sub_code == f"isv.business-failed:{int(LogisticsRefusal.CANCELLED)}"


def test_the_demo_shop_has_parcels_with_no_pickup_scan_a_day_after_shipping(
    sandbox: SandboxServer, engine: SyncEngine
) -> None:
    pulled(engine)
    now = sandbox_now(sandbox.url)
    with engine._sessions() as session:
        overdue = session.scalars(
            select(Order.order_id)
            .join(OrderLogistics, OrderLogistics.order_id == Order.order_id)
            .where(
                Order.status == OrderStatus.SHIPPED,
                OrderLogistics.pickup_time.is_(None),
                OrderLogistics.ship_time <= now - DAY,
            )
        ).all()
        scanned = session.scalar(
            select(OrderLogistics.order_id).where(OrderLogistics.pickup_time.is_not(None)).limit(1)
        )
    assert overdue and scanned


# --- the platform's decisions ------------------------------------------------------------------------
def test_the_carrier_decision_belongs_to_the_order_alone() -> None:
    """Whether and when the carrier comes depends on the seed and the order id, not on call order."""
    ids = [f"69{n:017d}" for n in range(2000)]
    first = [lifecycle.pickup_delay(7, order_id) for order_id in ids]
    assert [lifecycle.pickup_delay(7, order_id) for order_id in reversed(ids)] == first[::-1]
    assert first != [lifecycle.pickup_delay(8, order_id) for order_id in ids]
    never = first.count(None) / len(first)
    assert 0.015 <= never <= 0.05
    assert all(HOUR <= delay <= FIRST_SCAN_BY_S for delay in first if delay is not None)


def test_the_history_scans_most_parcels_within_a_day_and_refunds_the_few_never_scanned() -> None:
    shop, _ = generator.history(1, NOW)
    parcels = [o for o in shop.orders.values() if o.data["logistics_info"]]
    scanned = [o.data for o in parcels if lifecycle.picked_up(o)]
    scans = [data["logistics_info"][0]["pickup_time"] - data["ship_time"] for data in scanned]
    refunded = [o for o in parcels if "refunded_without_pickup" in o.sim]
    assert all(HOUR <= delay <= FIRST_SCAN_BY_S for delay in scans)
    assert 0.015 <= len(refunded) / len(parcels) <= 0.05
    assert all(
        o.status == OrderStatus.CANCELLED and o.data["finish_time"] == o.data["ship_time"] + 48 * HOUR
        for o in refunded
    )
    # Buyers ask about goods that moved: no after-shipment request on a parcel never taken.
    unscanned = {o.id for o in parcels if not lifecycle.picked_up(o)}
    after_shipment = {a.order_id for a in shop.after_sales.values() if a.type != T.REFUND_BEFORE_SHIPMENT}
    assert unscanned and not unscanned & after_shipment


def test_buyers_open_after_shipment_requests_only_on_parcels_the_carrier_has_scanned(
    sandbox: SandboxServer,
) -> None:
    unscanned = set(
        sandbox.store.ids(
            "SELECT order_id FROM orders WHERE status = 3 "
            "AND json_extract(data, '$.logistics_info[0].pickup_time') = 0"
        )
    )
    asked_for = 500  # more than the shop has shipped in 20 days: every candidate is taken
    made = control(sandbox.url, "tick", {"new_after_sales": asked_for, "after_sale_type": 1})["after_sales"]
    orders_asked_about = {sandbox.store.after_sale(aftersale_id).order_id for aftersale_id in made}
    assert unscanned and 0 < len(made) < asked_for
    assert not orders_asked_about & unscanned


# --- the mirror keeps the scan -------------------------------------------------------------------------
def parcel_record(update_time: int, pickup_time: int | None) -> dict[str, Any]:
    parcel = {"tracking_no": "SF123456789012", "company": "shunfeng", "company_name": "顺丰速运"}
    parcel["ship_time"] = NOW
    if pickup_time is not None:
        parcel["pickup_time"] = pickup_time
    return {
        "order_id": "6900000000000000001",
        "order_status": 3,
        "create_time": NOW - DAY,
        "update_time": update_time,
        "logistics_info": [parcel],
        "sku_order_list": [],
    }


def test_a_scan_is_stored_and_an_older_version_read_again_never_erases_it(database_url: str) -> None:
    _, sessions = open_database(database_url)
    for update_time, pickup_time in ((NOW, 0), (NOW + 5 * HOUR, NOW + 5 * HOUR), (NOW, 0)):
        with sessions.begin() as session:
            store_orders(session, parse_orders([parcel_record(update_time, pickup_time)], synced_at=NOW))
    with sessions() as session:
        assert session.scalars(select(OrderLogistics.pickup_time)).one() == NOW + 5 * HOUR


def test_a_platform_that_sends_no_pickup_field_leaves_it_unknown() -> None:
    """The real gateway has no such field; 0 and absent both mean no scan known."""
    for pickup_time in (None, 0):
        page = parse_orders([parcel_record(NOW, pickup_time)], synced_at=NOW)
        assert page.parcels[0]["pickup_time"] is None
