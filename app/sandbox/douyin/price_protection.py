"""Price protection (价保, after-sale type 6): the buyer is paid the difference when the price falls.

Owns the few price-protection requests of the sandbox shop's history: a buyer whose product
got cheaper within the protection period asks for the difference, the platform agrees at
once (售后成功, the money 退款中), pays it a few hours later (退款成功) and closes the reverse
transaction (逆向交易已完成, 53). The record names the type (zsmhub/doudian-sdk,
api/afterSale_Detail/response/afterSale_Detail_response.go, AfterSaleInfo.AfterSaleType
"6-价保"; the Detail has a `price_protection_detail`) but not its course: the course, the
shares and the amounts are ours. The merchant has nothing to decide.

Which orders get one is decided by a generator private to the order, and the request's id is
derived from the order's, so adding them changed no other draw of a seeded shop.
"""

from __future__ import annotations

import random

from app.sandbox.clock import DAY, HOUR
from app.sandbox.douyin import arbitration
from app.sandbox.douyin import lifecycle as lc
from app.sandbox.douyin.buyers import IdMint, open_after_sale
from app.sandbox.douyin.codes import AfterSaleStatus, AfterSaleType, OrderStatus, RecordRole, RefundStatus

S = AfterSaleStatus
SHARE = 0.004  # (ours) of paid orders: a few a week
PROTECTION_DAYS = (1, 14)  # (ours) when after payment the price fell and the buyer asked
DIFFERENCE = (0.05, 0.2)  # (ours) the share of the line's price paid back
PAID_AFTER_H = (1, 6)  # (ours) 退款中 -> 退款成功
REASON = "商品降价，申请价保"


class _OrderMint(IdMint):
    """The request's id: "73" and the order's own digits (an order has at most one)."""

    def __init__(self, order_id: str) -> None:
        super().__init__()
        self.order_id = order_id

    def after_sale_id(self, at: int) -> str:
        return "73" + self.order_id[2:]


def maybe_open(seed: int, order: lc.Order, paid_at: int, now: int) -> lc.AfterSale | None:
    """The order's price-protection request, lived up to `now`, or None (most orders)."""
    rng = random.Random(f"{seed}/{order.id}/price_protection")
    if rng.random() >= SHARE or order.status not in (OrderStatus.SHIPPED, OrderStatus.COMPLETED):
        return None
    applied = paid_at + int(rng.uniform(*PROTECTION_DAYS) * DAY)
    if applied > now:
        return None
    # The order's own steps were lived up to `now` first: its update_time never goes back.
    order_updated = order.data["update_time"]
    asale = open_after_sale(
        rng,
        _OrderMint(order.id),
        seed,
        order,
        applied,
        applied,
        before_shipment=False,
        kind=AfterSaleType.PRICE_PROTECTION,
    )
    line = next(line for line in order.data["sku_order_list"] if line["order_id"] == asale.info["related_id"])
    info, text_part = asale.info, asale.data["text_part"]
    info["refund_amount"] = max(1, round(line["pay_amount"] * rng.uniform(*DIFFERENCE)))
    text_part["reason_text"] = REASON
    if "reason_text" in info:
        info["reason_text"] = REASON
    if "evidence" in info:
        info["evidence"] = []
    lc.record(asale, RecordRole.BUYER, "buyer_applied", applied)
    # The platform agrees at once: the difference is on its way.
    lc.set_after_sale_status(asale, order, S.REFUNDED, applied, applied, seed)
    info["refund_status"] = int(RefundStatus.IN_PROGRESS)
    lc.record(asale, RecordRole.PLATFORM, "price_protection_agreed", applied)
    arbitration.refund_later(
        asale.sim, applied + int(rng.uniform(*PAID_AFTER_H) * HOUR), then=S.REVERSE_COMPLETED
    )
    while (due := asale.next_at()) is not None and due <= now:
        what = lc.run_after_sale_due(asale, order, due, due, seed)
        if what:
            lc.record(asale, RecordRole.PLATFORM, what, due)
    order.data["update_time"] = max(order_updated, order.data["update_time"])
    return asale
