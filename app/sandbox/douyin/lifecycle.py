"""How orders and after-sale requests move: the one place their state changes.

Owns the pure mutations of the two entities (payload dict + the
simulator's private schedule) used alike by history generation, live traffic and
the request handlers (the transition and timeout tables they follow are the
dialect's, in codes.py), so a history row and a live one can never disagree on shape.
Every change stamps `update_time` with the simulation now, and touches the order
when an after-sale changes it, so an incremental pull sees both.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.sandbox.catalogue import CARRIER_CUM_WEIGHTS, CARRIERS, PRODUCTS, new_tracking_no
from app.sandbox.clock import DAY, HOUR, SHANGHAI, promised_ship_by
from app.sandbox.douyin import arbitration
from app.sandbox.douyin.codes import (
    AFTER_SALE_STATUS_TEXT_ZH,
    OPERATE_TRANSITIONS,
    ORDER_STATUS_DESC_ZH,
    PLATFORM_TIMEOUT,
    RECORD_ACTION_MERCHANT_AGREED,
    RECORD_ACTION_MERCHANT_REFUSED,
    RECORD_ACTION_MERCHANT_SHIPPED_REFUSING,
    AfterSaleStatus,
    AfterSaleType,
    OrderStatus,
    RecordRole,
    RefundStatus,
)

S = AfterSaleStatus
T = AfterSaleType

# (ours) how long each waiting state lasts before the platform acts.
MERCHANT_REVIEW_S = 48 * HOUR
BUYER_RETURN_WINDOW_S = 7 * DAY
RECEIPT_REVIEW_S = 48 * HOUR
MERCHANT_SHIPMENT_S = 48 * HOUR  # a resend's or repair's goods: shipped within
UNPAID_CANCEL_S = 30 * 60
FAST_REFUND_LIMIT_FEN = 800_000
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

REFUND_TYPES = (T.RETURN_AND_REFUND, T.REFUND_AFTER_SHIPMENT, T.REFUND_BEFORE_SHIPMENT)
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


@dataclass
class AfterSale:
    data: dict[str, Any]
    sim: dict[str, Any] = field(default_factory=dict)

    @property
    def info(self) -> dict[str, Any]:
        return self.data["aftersale_info"]

    @property
    def id(self) -> str:
        return self.info["aftersale_id"]

    @property
    def order_id(self) -> str:
        return self.data["order_info"]["shop_order_id"]

    @property
    def status(self) -> int:
        return self.info["aftersale_status"]

    @property
    def type(self) -> int:
        return self.info["aftersale_type"]

    def next_at(self) -> int | None:
        # The platform's arbitration (arbitration.py) moves only requests at rest: refused or refunded.
        arbitration_at = arbitration.next_at(self.sim)
        if arbitration_at is not None:
            return arbitration_at
        status = self.status
        if status in (S.AWAITING_MERCHANT, S.RETURN_AWAITING_RECEIPT):
            return self.info["status_deadline"]
        if status == S.AWAITING_BUYER_RETURN:
            return self.sim.get("buyer_return_at") or self.info["status_deadline"]
        if status == S.EXCHANGE_IN_PROGRESS:
            return self.sim.get("exchange_done_at")
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


# --- after-sales ---------------------------------------------------------------------
def set_after_sale_status(asale: AfterSale, order: Order, status: int, at: int, now: int, seed: int) -> None:
    """Enter `status` at logical time `at`; deadlines count from `at`, stamps use `now`."""
    info = asale.info
    rng = entity_rng(seed, asale.id, f"{status}")
    previous = (info["aftersale_status"], info.get("status_deadline") or 0)
    info["aftersale_status"] = int(status)
    info["update_time"] = now
    asale.data["text_part"]["aftersale_status_text"] = AFTER_SALE_STATUS_TEXT_ZH[AfterSaleStatus(status)]
    asale.sim.pop("buyer_return_at", None)
    asale.sim.pop("exchange_done_at", None)
    if status == S.AWAITING_MERCHANT:
        info["status_deadline"] = at + MERCHANT_REVIEW_S
    elif status == S.AWAITING_BUYER_RETURN:
        info["status_deadline"] = at + BUYER_RETURN_WINDOW_S
        if rng.random() < 0.92:  # some buyers never send the parcel back
            asale.sim["buyer_return_at"] = at + int(rng.uniform(3, 72) * HOUR)
    elif status == S.RETURN_AWAITING_RECEIPT:
        info["status_deadline"] = at + RECEIPT_REVIEW_S
        carrier = rng.choices(CARRIERS, cum_weights=CARRIER_CUM_WEIGHTS)[0]
        info["return_logistics_code"] = new_tracking_no(rng, carrier)
        info["return_logistics_company_name"] = carrier.name
    elif status == S.AWAITING_MERCHANT_SHIPMENT:  # a resend or repair: the shop must ship
        info["status_deadline"] = at + MERCHANT_SHIPMENT_S  # shown; the platform does not act (ours)
    elif status == S.EXCHANGE_IN_PROGRESS:
        info["status_deadline"] = 0
        asale.sim["exchange_done_at"] = at + int(rng.uniform(2, 5) * DAY)
    else:
        info["status_deadline"] = 0
    if asale.type in REFUND_TYPES:
        if status == S.REFUNDED:
            info["refund_status"] = RefundStatus.SUCCEEDED
        elif status in (S.MERCHANT_REFUSED, S.CLOSED, S.REFUSED_AFTER_RETURN):
            info["refund_status"] = RefundStatus.FAILED
        else:
            info["refund_status"] = RefundStatus.PENDING
    else:
        info["refund_status"] = RefundStatus.NONE
    _mirror_on_order(asale, order, at, now)
    arbitration.plan(info, asale.data["text_part"], asale.sim, previous, at, seed)


def _mirror_on_order(asale: AfterSale, order: Order, at: int, now: int) -> None:
    info = asale.info
    for line in order.data["sku_order_list"]:
        if line["order_id"] == info["related_id"]:
            line["after_sale_info"] = {
                "after_sale_status": info["aftersale_status"],
                "after_sale_type": info["aftersale_type"],
                "refund_status": info["refund_status"],
            }
    order.data["update_time"] = now
    # A refund before shipment of every line closes the order (Douyin shows it as cancelled).
    if asale.type == T.REFUND_BEFORE_SHIPMENT and order.status in (
        OrderStatus.AWAITING_SHIPMENT,
        OrderStatus.PAID,
        OrderStatus.PARTLY_SHIPPED,
    ):
        lines = order.data["sku_order_list"]
        if all(
            (line.get("after_sale_info") or {}).get("refund_status") == RefundStatus.SUCCEEDED
            for line in lines
        ):
            cancel(order, at, now, refunded=True)


# (ours) The words of a request's history entries, as the platform's back office shows them.
OPERATOR_NAMES = {RecordRole.BUYER: "买家", RecordRole.MERCHANT: "商家", RecordRole.PLATFORM: "系统"}
RECORD_ACTIONS = {
    "buyer_applied": "买家申请售后",
    "fast_refund": "极速退款",
    "buyer_returned_goods": "买家已退货",
    "closed_no_return": "买家超时未退货，售后关闭",
    "exchange_delivered": "换货已签收",
    "auto_agreed_on_timeout": "商家超时未处理，系统自动同意",
    "merchant_agreed": RECORD_ACTION_MERCHANT_AGREED,
    "merchant_refused": RECORD_ACTION_MERCHANT_REFUSED,
    "merchant_shipped_refusing": RECORD_ACTION_MERCHANT_SHIPPED_REFUSING,
    **arbitration.RECORD_ACTIONS,
}


def record(asale: AfterSale, role: RecordRole, what: str, at: int) -> None:
    """Append to the request's history who did what, and when: `afterSale.Detail` answers
    it as `process_info.record_logs_list` (kept in `sim`, so list answers stay as they are)."""
    action = RECORD_ACTIONS.get(what, what)
    asale.sim.setdefault("record_logs", []).append(
        {
            "operator": OPERATOR_NAMES[role],
            "time": datetime.fromtimestamp(at, SHANGHAI).strftime("%Y-%m-%d %H:%M:%S"),
            "text": action,
            "images": [],
            "desc_kvs": [],
            "action": action,
            "role": int(role),
            "all_evidence": [],
        }
    )


def run_after_sale_due(asale: AfterSale, order: Order, at: int, now: int, seed: int) -> str | None:
    """The platform's own step for a request due at `at`; returns what happened."""
    if arbitration.next_at(asale.sim) == at:
        what, decided = arbitration.run_due(asale, at, now, seed)
        if decided is not None:  # e.g. decided for the buyer: refunded
            set_after_sale_status(asale, order, decided, at, now, seed)
        arbitration.impose_refund(asale.info, asale.sim)
        return what
    status = asale.status
    if status == S.AWAITING_BUYER_RETURN:
        if asale.sim.get("buyer_return_at") and asale.sim["buyer_return_at"] <= asale.info["status_deadline"]:
            set_after_sale_status(
                asale, order, S.RETURN_AWAITING_RECEIPT, asale.sim["buyer_return_at"], now, seed
            )
            return "buyer_returned_goods"
        set_after_sale_status(asale, order, S.CLOSED, at, now, seed)
        return "closed_no_return"
    if status == S.EXCHANGE_IN_PROGRESS:
        set_after_sale_status(asale, order, S.EXCHANGE_DONE, at, now, seed)
        return "exchange_delivered"
    target = PLATFORM_TIMEOUT.get((asale.type, status))
    if target is None:
        return None
    set_after_sale_status(asale, order, target, at, now, seed)
    return "auto_agreed_on_timeout"


def operate_target(operate_type: int, asale: AfterSale) -> int | None:
    """The status `operate_type` moves this request to, or None when its state forbids it."""
    return OPERATE_TRANSITIONS.get(operate_type, {}).get((asale.type, asale.status))
