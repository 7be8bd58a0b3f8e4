"""How an order moves: paid, cancelled, shipped, picked up, delivered, completed.

Owns the pure mutations of an order (payload dict + the simulator's private schedule):
its status and the words Douyin shows for it, the promised ship-by time, shipping and the
carrier's pickup scan (decided by the order alone, so history and live traffic agree),
the refund of a parcel never scanned, delivery and completion, and the platform's own
step for an order that is due (`run_order_due`). Every change stamps `update_time` with the
simulation now. After-sales, which touch the order when they change it, are
`lifecycle.py`'s, which also re-exports these names for the sandbox's callers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from app.sandbox.catalogue import PRODUCTS
from app.sandbox.clock import DAY, HOUR, promised_ship_by
from app.sandbox.douyin.codes import ORDER_STATUS_DESC_ZH, AfterSaleStatus, AfterSaleType, OrderStatus

S = AfterSaleStatus
T = AfterSaleType

UNPAID_CANCEL_S = 30 * 60
# (ours) when the carrier's first pickup scan comes after the merchant ships: most within
# PICKUP_HOURS, a few parcels never (the courier never came, the label was never used).
PICKUP_HOURS = (1, 20)
NEVER_PICKED_UP_SHARE = 0.03
# RULES.md "Shipping": no pickup scan this long after shipping and the buyer is refunded.
PICKUP_REFUND_S = 48 * HOUR
# (ours) how long a parcel travels from the carrier's first scan to the buyer's door; it is
# never delivered within a day of shipping, and always an hour before the order completes.
DELIVERY_HOURS = (18, 72)
EARLIEST_DELIVERY_S = 24 * HOUR

_PRODUCTS_BY_ID = {product.product_id: product for product in PRODUCTS}


@dataclass
class Order:
    data: dict[str, Any]  # exactly what the platform sends
    sim: dict[str, Any] = field(default_factory=dict)  # the simulator's private schedule

    @property
    def id(self) -> str:
        return self.data["order_id"]

    @property
    def status(self) -> int:
        return self.data["order_status"]

    def next_at(self) -> int | None:
        if self.status == OrderStatus.UNPAID:
            cancel_at = self.data["create_time"] + UNPAID_CANCEL_S
            return min(self.sim.get("pay_at") or cancel_at, cancel_at)
        if self.status == OrderStatus.SHIPPED:
            # The pickup scan, else the refund for a parcel never scanned, comes before completion.
            steps = [
                self.sim.get(key) for key in ("pickup_at", "pickup_refund_at", "deliver_at", "complete_at")
            ]
            return min((at for at in steps if at is not None), default=None)
        return None


def entity_rng(seed: int, entity_id: str, salt: str) -> random.Random:
    """A generator private to one entity and step, so outcomes do not depend on call order."""
    return random.Random(f"{seed}/{entity_id}/{salt}")


# --- orders ------------------------------------------------------------------------
def set_order_status(order: Order, status: int, now: int) -> None:
    data = order.data
    data["order_status"] = int(status)
    data["order_status_desc"] = ORDER_STATUS_DESC_ZH[OrderStatus(status)]
    data["update_time"] = now
    for line in data["sku_order_list"]:
        line["order_status"] = int(status)


def exp_ship_time(order: Order, pay_time: int) -> int:
    """The shortest promise among the order's lines applies (RULES.md)."""
    promises = []
    for line in order.data["sku_order_list"]:
        product = _PRODUCTS_BY_ID[str(line["product_id"])]  # the answer's int64, the catalogue's digits
        promises.append(promised_ship_by(product.promise, pay_time, product.presale_days))
    return min(promises)


def pay(order: Order, at: int, now: int) -> None:
    order.data["pay_time"] = at
    order.data["exp_ship_time"] = exp_ship_time(order, at)
    order.sim.pop("pay_at", None)
    set_order_status(order, OrderStatus.AWAITING_SHIPMENT, now)


def cancel(order: Order, at: int, now: int, *, refunded: bool = False) -> None:
    order.data["finish_time"] = at
    if refunded:
        order.sim["refunded"] = True
    set_order_status(order, OrderStatus.CANCELLED, now)


def ship(
    order: Order,
    company_code: str,
    company_name: str,
    tracking_no: str,
    at: int,
    now: int,
    rng: random.Random,
    seed: int,
) -> None:
    """The merchant ships at `at`; the carrier's pickup is decided by the order alone (seed, id)."""
    order.data["ship_time"] = at
    order.data["logistics_info"] = [
        {
            "tracking_no": tracking_no,
            "company": company_code,
            "company_name": company_name,
            "ship_time": at,
            "pickup_time": 0,  # (ours) the carrier's first scan; 0 until there is one
        }
    ]
    # The buyer confirms receipt (or the platform does) a few days after delivery.
    order.sim["complete_at"] = at + int(rng.uniform(2.5, 8) * DAY)
    schedule_pickup(order, at, pickup_delay(seed, order.id), seed)
    set_order_status(order, OrderStatus.SHIPPED, now)


def pickup_delay(seed: int, order_id: str) -> int | None:
    """Seconds from shipping to the carrier's first scan, or None when the carrier never comes.

    The order's own generator decides, so shipping it now or later, live or in history,
    never changes whether and how soon its carrier comes.
    """
    rng = entity_rng(seed, order_id, "pickup")
    if rng.random() < NEVER_PICKED_UP_SHARE:
        return None
    return int(rng.uniform(*PICKUP_HOURS) * HOUR)


def schedule_pickup(order: Order, shipped_at: int, delay_s: int | None, seed: int = 0) -> None:
    """Plan the scan `delay_s` after shipping (None: never), and the refund that a missing scan
    brings; a parcel that is scanned is delivered later (a parcel never scanned never is)."""
    order.sim["pickup_refund_at"] = shipped_at + PICKUP_REFUND_S
    if delay_s is None:
        order.sim.pop("pickup_at", None)
        order.sim.pop("deliver_at", None)
    else:
        order.sim["pickup_at"] = shipped_at + delay_s
        travel = int(entity_rng(seed, order.id, "delivery").uniform(*DELIVERY_HOURS) * HOUR)
        deliver_at = max(shipped_at + delay_s + travel, shipped_at + EARLIEST_DELIVERY_S)
        complete_at = order.sim.get("complete_at")
        if complete_at is not None:
            deliver_at = max(min(deliver_at, complete_at - HOUR), shipped_at + delay_s)
        order.sim["deliver_at"] = deliver_at


def picked_up(order: Order) -> bool:
    return any(parcel.get("pickup_time") for parcel in order.data["logistics_info"])


def scan_pickup(order: Order, at: int, now: int) -> None:
    """The carrier's first scan at `at`; stamped `now` so an incremental pull sees it."""
    for parcel in order.data["logistics_info"]:
        parcel["pickup_time"] = at
    order.sim.pop("pickup_at", None)
    order.sim.pop("pickup_refund_at", None)
    order.data["update_time"] = now


def refund_without_pickup(order: Order, at: int, now: int) -> None:
    """No scan 48 h after shipping: the platform refunds the buyer and closes the order alone."""
    order.sim.pop("pickup_refund_at", None)
    order.sim.pop("deliver_at", None)
    order.sim.pop("complete_at", None)
    # Not `refunded` (that means before shipment, and shipping again answers 60068).
    order.sim["refunded_without_pickup"] = order.data["pay_amount"]
    cancel(order, at, now)


def deliver(order: Order, at: int, now: int) -> None:
    """The carrier hands the parcel to the buyer at `at`: every line's `logistics_receipt_time`
    (物流收货时间, SDK `SkuOrderListItem`); the order stays shipped (Douyin has no delivered
    status) until the buyer confirms. Stamped `now` so an incremental pull sees it."""
    for line in order.data["sku_order_list"]:
        line["logistics_receipt_time"] = at
    order.sim.pop("deliver_at", None)
    order.data["update_time"] = now


def complete(order: Order, at: int, now: int) -> None:
    """The buyer confirms receipt (or the platform does for them, ours: the same field):
    every line's `confirm_receipt_time` (用户确认收货时间), and the order is finished."""
    order.data["finish_time"] = at
    for line in order.data["sku_order_list"]:
        line["confirm_receipt_time"] = at
    order.sim.pop("deliver_at", None)
    order.sim.pop("complete_at", None)
    set_order_status(order, OrderStatus.COMPLETED, now)


def pending_refund_before_shipment(order: Order) -> bool:
    return any(
        (line.get("after_sale_info") or {}).get("after_sale_type") == T.REFUND_BEFORE_SHIPMENT
        and line["after_sale_info"].get("after_sale_status") == S.AWAITING_MERCHANT
        for line in order.data["sku_order_list"]
    )


def run_order_due(order: Order, at: int, now: int) -> str | None:
    """The platform's own step for an order due at `at`; returns what happened."""
    if order.status == OrderStatus.UNPAID:
        pay_at = order.sim.get("pay_at")
        if pay_at and pay_at <= order.data["create_time"] + UNPAID_CANCEL_S:
            pay(order, pay_at, now)
            return "paid"
        cancel(order, at, now)
        return "cancelled_unpaid"
    if order.status == OrderStatus.SHIPPED:
        if at == order.sim.get("pickup_at"):
            scan_pickup(order, at, now)
            return "pickup_scanned"
        if at == order.sim.get("pickup_refund_at"):
            refund_without_pickup(order, at, now)
            return "refunded_without_pickup"
        if at == order.sim.get("deliver_at"):
            deliver(order, at, now)
            return "delivered"
        complete(order, at, now)
        return "completed"
    return None
