"""How after-sale requests move: the one place their state changes (orders': order_lifecycle.py).

Owns the pure mutations of a request (payload dict + the simulator's private schedule),
its history records and the platform's own step for a request that is due, used alike
by history generation, live traffic and the request handlers (the transition and timeout
tables they follow are the dialect's, in codes.py), so a history row and a live one can
never disagree on shape. The order moves it needs, and those its callers reach through
this module, come from order_lifecycle.py (re-exported).
Every change stamps `update_time` with the simulation now, and touches the order
when an after-sale changes it, so an incremental pull sees both.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.sandbox.catalogue import CARRIER_CUM_WEIGHTS, CARRIERS, new_tracking_no
from app.sandbox.clock import DAY, HOUR, SHANGHAI
from app.sandbox.douyin import arbitration
from app.sandbox.douyin.codes import (
    AFTER_SALE_STATUS_TEXT_ZH,
    OPERATE_TRANSITIONS,
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

# The orders' moves (order_lifecycle.py), re-exported: the sandbox's generator, buyers,
# handlers and tests reach both entities' moves through this module.
from app.sandbox.douyin.order_lifecycle import PICKUP_HOURS as PICKUP_HOURS
from app.sandbox.douyin.order_lifecycle import UNPAID_CANCEL_S as UNPAID_CANCEL_S
from app.sandbox.douyin.order_lifecycle import Order, cancel, entity_rng
from app.sandbox.douyin.order_lifecycle import pay as pay
from app.sandbox.douyin.order_lifecycle import (
    pending_refund_before_shipment as pending_refund_before_shipment,
)
from app.sandbox.douyin.order_lifecycle import picked_up as picked_up
from app.sandbox.douyin.order_lifecycle import pickup_delay as pickup_delay
from app.sandbox.douyin.order_lifecycle import run_order_due as run_order_due
from app.sandbox.douyin.order_lifecycle import scan_pickup as scan_pickup
from app.sandbox.douyin.order_lifecycle import schedule_pickup as schedule_pickup
from app.sandbox.douyin.order_lifecycle import ship as ship

S = AfterSaleStatus
T = AfterSaleType

# (ours) how long each waiting state lasts before the platform acts.
MERCHANT_REVIEW_S = 48 * HOUR
BUYER_RETURN_WINDOW_S = 7 * DAY
RECEIPT_REVIEW_S = 48 * HOUR
MERCHANT_SHIPMENT_S = 48 * HOUR  # a resend's or repair's goods: shipped within
FAST_REFUND_LIMIT_FEN = 800_000
REFUND_TYPES = (T.RETURN_AND_REFUND, T.REFUND_AFTER_SHIPMENT, T.REFUND_BEFORE_SHIPMENT)


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


# --- after-sales ---------------------------------------------------------------------
def set_after_sale_status(asale: AfterSale, order: Order, status: int, at: int, now: int, seed: int) -> None:
    """Enter `status` at logical time `at`; deadlines count from `at`, stamps use `now`."""
    info = asale.info
    rng: random.Random = entity_rng(seed, asale.id, f"{status}")
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
