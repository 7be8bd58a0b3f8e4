"""Hand-built shops for the service-metric tests: shop-time clocks and row builders.

Times are written as shop wall-clock times in November 2026 (`at(18, 23, 30)` is
18 November 23:30 in Shanghai) so each test's numbers can be checked by hand. Orders
and parcels go in through the sync engine's upsert (`tests.builders.seed`), after-sales
through the sync's own ingest (`store_after_sales`), one call per pull, so their
status changes are recorded exactly as in the app. Rows carry the platform's codes, as
Douyin sends them, and the app's words for them (`kind`, `state`), as Douyin's parser
fills them (`tests.builders.in_app_words`): the metrics count with the words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from app.platforms.douyin.codes import AfterSaleStatus, AfterSaleType, OrderStatus
from app.services.metrics.definitions import MetricsReport
from app.services.metrics.service_metrics import compute_metrics
from app.sync.ingest import store_after_sales
from tests.builders import after_sale_row, in_app_words, order_line_row, order_row, parcel_row, seed

SHANGHAI = ZoneInfo("Asia/Shanghai")
HOUR = 3600
S, T = AfterSaleStatus, AfterSaleType
PRODUCT_A, PRODUCT_B = "3600000000000000001", "3600000000000000002"


def at(day: int, hour: int = 0, minute: int = 0) -> int:
    """UTC seconds of `day` November 2026, `hour`:`minute` shop time."""
    return int(datetime(2026, 11, day, hour, minute, tzinfo=SHANGHAI).timestamp())


START, END, NOW = at(10), at(20), at(20, 12)  # ten whole shop days, looked at on the 20th at noon


def report(
    sessions: sessionmaker[Session], start: int = START, end: int = END, now: int = NOW, **options: Any
) -> MetricsReport:
    with sessions() as session:
        return compute_metrics(session, start=start, end=end, now=now, **options)


def an_order(
    *,
    paid: int,
    ship_by: int | None = None,
    shipped: int | None = None,
    picked_up: int | None = None,
    finished: int | None = None,
    received: int | None = None,
    status: int | None = None,
    pay_amount: int = 11_900,
    product: str = PRODUCT_A,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """An order and its one line; the status follows the times unless given."""
    if status is None:
        status = (
            OrderStatus.COMPLETED
            if finished
            else OrderStatus.SHIPPED
            if shipped
            else OrderStatus.AWAITING_SHIPMENT
        )
    order = order_row(
        status=int(status),
        create_time=paid - 60,
        pay_time=paid,
        update_time=max(t for t in (paid, shipped, picked_up, finished) if t),
        exp_ship_time=ship_by,
        ship_time=shipped,
        pickup_time=picked_up,
        finish_time=finished,
        receipt_time=received,  # the platform's receipt (物流收货时间); None: not delivered
        pay_amount=pay_amount,
    )
    line = order_line_row(
        order, product_id=product, product_name=f"商品 {product[-1]}", logistics_receipt_time=received
    )
    return order, line


def seed_orders(
    sessions: sessionmaker[Session],
    orders: Iterable[tuple[dict[str, Any], dict[str, Any]]],
    parcels: Iterable[Mapping[str, Any]] = (),
) -> None:
    pairs = list(orders)
    seed(sessions, orders=[o for o, _ in pairs], lines=[line for _, line in pairs], parcels=parcels)


def a_parcel(order: Mapping[str, Any], *, shipped: int, picked_up: int | None) -> dict[str, Any]:
    return parcel_row(order, ship_time=shipped, pickup_time=picked_up)


def a_request(
    order_and_line: tuple[dict[str, Any], dict[str, Any]],
    *,
    applied: int,
    type_: int = T.REFUND_AFTER_SHIPMENT,
    reason: str = "不想要了",
    **overrides: Any,
) -> dict[str, Any]:
    """An after-sale on the order's line as first pulled: awaiting the merchant, due in 48 h."""
    order, line = order_and_line
    fields = {
        "related_id": line["sku_order_id"],
        "type": int(type_),
        "apply_time": applied,
        "update_time": applied,
        "status_deadline": applied + 48 * HOUR,
        "reason_text": reason,
    }
    return after_sale_row(order, **{**fields, **overrides})


def moved(request: Mapping[str, Any], status: int, when: int, deadline: int | None = 0) -> dict[str, Any]:
    """The request as the platform shows it after moving to `status` at `when` (and its
    state in the app's words)."""
    return in_app_words({**request, "status": int(status), "update_time": when, "status_deadline": deadline})


def pull(sessions: sessionmaker[Session], *versions: Mapping[str, Any]) -> None:
    """One page of `afterSale.List` stored by the sync's ingest."""
    with sessions.begin() as session:
        store_after_sales(session, [dict(v) for v in versions])
