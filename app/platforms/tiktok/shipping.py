"""Shipping on TikTok Shop: an order's package, shipping it, and its label.

Owns what the port's `ship` and `shipping_label` mean on TikTok Shop, which ships
packages, not orders:
- the order's package is read from the order itself (`GET /order/202309/orders?ids=` →
  `orders[].packages[]{id}`, and each line item's `package_id` and `package_status`, PC
  get-order-detail): the first package with a line item still to ship, else the first;
- shipping it is `POST /fulfillment/202309/packages/{package_id}/ship` (PC
  ship-package-202309; EcomPHP src/Resources/Fulfillment.php `shipPackage`): for an order
  the seller ships (`shipping_type` SELLER) with `self_shipment{tracking_number,
  shipping_provider_id}`, the seller's own carrier and tracking number; for one TikTok
  Shipping carries (`shipping_type` TIKTOK) without it — the platform's carrier gives the
  tracking number, and the handover (`handover_method`) is left to the shop's default;
- its label is `GET /fulfillment/202309/packages/{package_id}/shipping_documents
  ?document_type=SHIPPING_LABEL` → `data{doc_url, tracking_number}`, the PDF then fetched
  from `doc_url` (valid 24 hours; only for packages shipped with TikTok Shipping, PC
  get-package-shipping-document-202309).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from app.core.translation import QT_TRANSLATE_NOOP
from app.platforms.port import PROBLEM_UNREADABLE, RefusalReason, Refused, RetryLater
from app.platforms.tiktok.answers import ApiResult

ORDERS_PATH = "/order/202309/orders"
SHIP_PATH = "/fulfillment/202309/packages/{id}/ship"
LABEL_PATH = "/fulfillment/202309/packages/{id}/shipping_documents"
LABEL_DOCUMENT = "SHIPPING_LABEL"
# A line item's package still to ship (PC order line item `package_status`).
TO_SHIP = ("TO_FULFILL", "PROCESSING")
TIKTOK_SHIPPING = "TIKTOK"  # an order's `shipping_type`: TIKTOK or SELLER (PC order fields)

PROBLEM_NO_SUCH_ORDER = QT_TRANSLATE_NOOP("sync", "TikTok Shop has no such order.")
PROBLEM_NO_PACKAGE = QT_TRANSLATE_NOOP(
    "sync",
    "TikTok Shop has no package for this order yet, so it cannot be shipped or its label printed. "
    "It makes one once the order awaits shipment.",
)
PROBLEM_NO_LABEL = QT_TRANSLATE_NOOP(
    "sync",
    "TikTok Shop gave no label for this order's package. It gives labels only for packages shipped "
    "with TikTok Shipping.",
)

PROBLEM_LABEL_AFTER_SHIPPING = QT_TRANSLATE_NOOP(
    "sync",
    "TikTok Shop gives this package's label once the order is shipped (handed to TikTok Shipping). "
    "Ship the order first, then print its label.",
)
# The label's refusals by code (PC get-package-shipping-document's error codes, as the
# sandbox-http engineer read them): seller shipping has no label; not shipped yet.
LABEL_REFUSALS = {11034002: PROBLEM_NO_LABEL, 21023035: PROBLEM_LABEL_AFTER_SHIPPING}

Call = Callable[..., ApiResult]


def order_record(call: Call, order_id: str) -> dict[str, Any]:
    """The order as TikTok lists it (Refused when it has no such order)."""
    data = call("GET", ORDERS_PATH, query={"ids": order_id}).data
    orders = data.get("orders", []) if isinstance(data, dict) else None
    if not isinstance(orders, list):
        raise RetryLater(PROBLEM_UNREADABLE, detail="the order detail has no 'orders' list")
    for order in orders:
        if isinstance(order, dict) and str(order.get("id")) == order_id:
            return order
    raise Refused(PROBLEM_NO_SUCH_ORDER, detail=f"order {order_id} not in the answer")


def package_of(order: dict[str, Any]) -> str:
    """The id of the order's package to ship: one holding a line item still to ship, else
    the first package; Refused when the order has none yet."""
    packages = [str(p["id"]) for p in order.get("packages") or [] if isinstance(p, dict) and p.get("id")]
    for line in order.get("line_items") or []:
        if (
            isinstance(line, dict)
            and line.get("package_status") in TO_SHIP
            and str(line.get("package_id")) in packages
        ):
            return str(line["package_id"])
    if packages:
        return packages[0]
    raise Refused(PROBLEM_NO_PACKAGE, detail=f"order {order.get('id')} has no package")


def ship_body(order: dict[str, Any], tracking_no: str, carrier_code: str) -> dict[str, Any]:
    """The ship call's body for this order: the seller's own carrier and tracking number,
    unless TikTok Shipping carries it (then the platform's carrier names both)."""
    if order.get("shipping_type") == TIKTOK_SHIPPING:
        return {}
    return {"self_shipment": {"tracking_number": tracking_no, "shipping_provider_id": carrier_code}}


def label_url(call: Call, package_id: str) -> str:
    """The label's `doc_url`; `call` words a refusal by its code (LABEL_REFUSALS)."""
    path = LABEL_PATH.format(id=package_id)
    data = call("GET", path, query={"document_type": LABEL_DOCUMENT}, problems=LABEL_REFUSALS).data
    url = data.get("doc_url") if isinstance(data, dict) else None
    if not isinstance(url, str) or not url.strip():
        raise Refused(PROBLEM_NO_LABEL, detail=f"no doc_url for package {package_id}")
    return url.strip()


# A cancellation refused by shipping names the reason that says so (ours: the first offered
# whose name has one of these, in this order — the US list has "seller_reject_apply_product_
# has_been_packed" and "…_reject_reason_delivered", tests/contract/tiktok/reasons.us.json).
SHIPPING_REASON_WORDS = ("packed", "shipped", "delivered")


def reason_for_shipping(reasons: Sequence[RefusalReason]) -> str | None:
    """The name of the reason a refusal by shipping gives, from the cancellation's own list;
    None when it offers none."""
    for word in SHIPPING_REASON_WORDS:
        for reason in reasons:
            if word in str(reason.code):
                return str(reason.code)
    return str(reasons[0].code) if reasons else None


def is_pdf(content: bytes) -> bool:
    return content.lstrip()[:5] == b"%PDF-"
