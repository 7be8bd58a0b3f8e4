"""The seller's hand in the TikTok sandbox shop: what a desk's calls change.

Owns applying the seller's operations to the store — approve or reject a return (by its
`decision`; a partial refund offer too), approve or reject a cancellation, ship a package
(TikTok Shipping's carrier, or the seller's own provider and tracking number) — and the
lists a seller picks from (reasons to reject, shipping providers). Each refuses in plain
kinds (`Refused`: not_found, status, invalid, tracking_in_use) that the routes turn into the
dialect's errors; each success stamps `update_time`, writes the return's SELLER record and
one ledger entry carrying the call's idempotency key. Call inside `store.transaction()` (the
routes do).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from app.sandbox.evidence import EVIDENCE_PATH
from app.sandbox.tiktok import cancellations as cx
from app.sandbox.tiktok import catalogue as cat
from app.sandbox.tiktok import lifecycle as lc
from app.sandbox.tiktok import replacements
from app.sandbox.tiktok.buyers import cents
from app.sandbox.tiktok.codes import (
    APPROVALS,
    CANCEL_REJECT_REASONS,
    HANDOVER_METHODS,
    RECEIVED_PACKAGE_REJECT_REASONS,
    REFUND_REJECT_REASONS,
    REJECTIONS,
    RETURN_REJECT_REASONS,
    CancelStatus,
    OrderStatus,
    ReturnStatus,
    Role,
    ShippingType,
)
from app.sandbox.tiktok.store import Store

ACTOR = "seller"


class Refused(Exception):
    """The shop refuses the operation; `kind` says why (not_found, status, invalid, tracking_in_use)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind, self.message = kind, message


def _picture_name(image: dict[str, Any]) -> str:
    """An uploaded image's id (a URI such as `tos-maliva-i-…-us/abc`) as a name the sandbox serves."""
    return re.sub(r"[^A-Za-z0-9_.-]", "-", str(image.get("image_id", "")))[:60]


def _seed(store: Store) -> int:
    return int(store.meta("seed", 1))


def _return(store: Store, return_id: str) -> lc.Return:
    ret = store.ret(return_id)
    if ret is None:
        raise Refused("not_found", f"Return {return_id} does not exist.")
    return ret


def _reasons_for(ret: lc.Return) -> tuple[tuple[str, str], ...]:
    if ret.status == ReturnStatus.BUYER_SHIPPED_ITEM:
        return RECEIVED_PACKAGE_REJECT_REASONS
    return REFUND_REJECT_REASONS if ret.type == "REFUND" else RETURN_REJECT_REASONS


def reject_reasons(store: Store, return_or_cancel_id: str) -> list[dict[str, str]]:
    """The reasons a seller may reject this return or cancellation with, `{name, text}` each."""
    ret = store.ret(return_or_cancel_id)
    if ret is not None:
        return [{"name": name, "text": text} for name, text in _reasons_for(ret)]
    if store.cancellation(return_or_cancel_id) is not None:
        return [{"name": name, "text": text} for name, text in CANCEL_REJECT_REASONS]
    raise Refused("not_found", f"Return or cancellation {return_or_cancel_id} does not exist.")


def _decide(
    store: Store,
    now: int,
    ret: lc.Return,
    decision: str,
    params: dict[str, Any],
    description: str,
    buyer_keep_item: bool = False,
    offer: dict[str, str] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    before = ret.status
    new = lc.decide_return(ret, decision, now, _seed(store), buyer_keep_item, offer)
    if new is None:
        raise Refused("status", f"Return {ret.id} is {before}: {decision} does not apply to it.")
    lc.record(ret, Role.SELLER, decision, now, description, **extra)
    replacement = replacements.issue_due(store, ret, now)
    store.save_return(ret)
    outcome: dict[str, Any] = {"from": before, "to": new}
    if replacement is not None:
        outcome["replacement_order_id"] = replacement
    store.ledger_append(now, ACTOR, f"return.{decision.lower()}", ret.id, params, outcome)
    return {"return_id": ret.id, "return_status": new}


def approve_return(
    store: Store,
    now: int,
    return_id: str,
    decision: str,
    buyer_keep_item: bool = False,
    idempotency_key: str = "",
    partial_refund: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Approve by `decision`; OFFER_PARTIAL_REFUND needs `partial_refund{currency, amount}`
    (an amount above zero and below the request's refund_total, in its currency)."""
    if decision not in APPROVALS:
        raise Refused("invalid", f"`decision` {decision!r} is not one of {', '.join(APPROVALS)}.")
    ret = _return(store, return_id)
    params = {"idempotency_key": idempotency_key, "decision": decision, "buyer_keep_item": buyer_keep_item}
    description = "Seller approved the request"
    if buyer_keep_item and decision == "APPROVE_RETURN":
        description = "Seller approved a refund; the buyer keeps the item"
    offer = None
    if decision == "OFFER_PARTIAL_REFUND":
        offer = _offer(ret, partial_refund)
        params["partial_refund"] = offer
        description = f"Seller offered a partial refund of {offer['amount']} {offer['currency']}"
    return _decide(store, now, ret, decision, params, description, buyer_keep_item, offer)


def _offer(ret: lc.Return, partial_refund: dict[str, Any] | None) -> dict[str, str]:
    """A partial refund offer checked against the request: {currency, amount} as the wire has it."""
    refund = ret.data["refund_amount"]
    given = partial_refund or {}
    currency, amount = str(given.get("currency") or refund["currency"]), str(given.get("amount") or "")
    if currency != refund["currency"]:
        raise Refused("invalid", f"`partial_refund.currency` must be {refund['currency']}.")
    if not re.fullmatch(r"\d{1,7}(\.\d{1,2})?", amount) or not 0 < cents(amount) < cents(
        refund["refund_total"]
    ):
        raise Refused(
            "invalid", f"`partial_refund.amount` must be above 0 and below {refund['refund_total']}."
        )
    return {"currency": currency, "amount": f"{cents(amount) / 100:.2f}"}


def reject_return(
    store: Store,
    now: int,
    return_id: str,
    decision: str,
    reject_reason: str,
    comment: str = "",
    images: Sequence[dict[str, Any]] = (),
    idempotency_key: str = "",
) -> dict[str, Any]:
    if decision not in REJECTIONS:
        raise Refused("invalid", f"`decision` {decision!r} is not one of {', '.join(REJECTIONS)}.")
    ret = _return(store, return_id)
    reasons = dict(_reasons_for(ret))
    if reject_reason not in reasons:
        raise Refused("invalid", f"`reject_reason` {reject_reason!r} is not a reason for return {return_id}.")
    params = {
        "idempotency_key": idempotency_key,
        "decision": decision,
        "reject_reason": reject_reason,
        "comment": comment,
        "images": len(images),
    }
    # The seller's pictures as the record shows them: the uploaded picture's link when the routes
    # give it (routes_images.py), else a picture the sandbox serves under the image id.
    shown = [
        {
            "url": image.get("url") or f"{EVIDENCE_PATH}seller-{_picture_name(image)}.png",
            "width": image.get("width") or 96,
            "height": image.get("height") or 96,
        }
        for image in images
    ]
    description = f"Seller rejected the request: {reasons[reject_reason]}"
    return _decide(
        store,
        now,
        ret,
        decision,
        params,
        description,
        reason_text=reasons[reject_reason],
        note=comment,
        images=shown,
    )


def _pending_cancellation(store: Store, cancel_id: str) -> tuple[cx.Cancellation, lc.Order]:
    cancel = store.cancellation(cancel_id)
    if cancel is None:
        raise Refused("not_found", f"Cancellation {cancel_id} does not exist.")
    if cancel.status != CancelStatus.PENDING:
        raise Refused("status", f"Cancellation {cancel_id} is {cancel.status}: it is no longer pending.")
    order = store.order(cancel.order_id)
    if order is None:
        raise Refused("not_found", f"Order {cancel.order_id} does not exist.")
    return cancel, order


def _settle_cancellation(
    store: Store, now: int, cancel: cx.Cancellation, order: lc.Order, method: str, params: dict[str, Any]
) -> dict[str, Any]:
    store.save_cancellation(cancel)
    store.save_order(order)
    outcome = {"from": CancelStatus.PENDING, "to": cancel.status, "order_status": order.status}
    store.ledger_append(now, ACTOR, method, cancel.id, params, outcome)
    return {"cancel_id": cancel.id, "cancel_status": cancel.status, "order_status": order.status}


def approve_cancellation(store: Store, now: int, cancel_id: str, idempotency_key: str = "") -> dict[str, Any]:
    cancel, order = _pending_cancellation(store, cancel_id)
    cx.decide_cancel(cancel, order, True, now)
    params = {"idempotency_key": idempotency_key}
    return _settle_cancellation(store, now, cancel, order, "cancellation.approve", params)


def reject_cancellation(
    store: Store,
    now: int,
    cancel_id: str,
    reject_reason: str,
    comment: str = "",
    images: Sequence[dict[str, Any]] = (),
    idempotency_key: str = "",
) -> dict[str, Any]:
    if reject_reason not in dict(CANCEL_REJECT_REASONS):
        raise Refused(
            "invalid", f"`reject_reason` {reject_reason!r} is not a reason for cancellation {cancel_id}."
        )
    cancel, order = _pending_cancellation(store, cancel_id)
    cx.decide_cancel(cancel, order, False, now)
    params: dict[str, Any] = {"idempotency_key": idempotency_key, "reject_reason": reject_reason}
    params.update(comment=comment, images=len(images))
    return _settle_cancellation(store, now, cancel, order, "cancellation.reject", params)


def shipping_providers() -> list[dict[str, str]]:
    """The providers a seller may ship with, `{id, name}` each."""
    return [{"id": provider.id, "name": provider.name} for provider in cat.PROVIDERS]


def ship_package(
    store: Store,
    now: int,
    package_id: str,
    tracking_number: str | None = None,
    shipping_provider_id: str | None = None,
    handover_method: str | None = None,
    idempotency_key: str = "",
) -> dict[str, Any]:
    """The seller ships a package: the order goes AWAITING_COLLECTION with a tracking number.

    A TikTok Shipping package (`shipping_type` TIKTOK) is handed over (PICKUP or DROP_OFF) and
    the platform gives provider and tracking number; a seller-shipped one (SELLER) needs the
    seller's own (`self_shipment`)."""
    package = store.package(package_id)
    if package is None:
        raise Refused("not_found", f"Package {package_id} does not exist.")
    order = store.order(package["order_id"])
    if order is None:
        raise Refused("not_found", f"Order {package['order_id']} does not exist.")
    rng = lc.entity_rng(_seed(store), order.id, "carrier")
    if package.get("shipping_type") == ShippingType.TIKTOK:
        if tracking_number or shipping_provider_id:
            raise Refused(
                "invalid", f"Package {package_id} ships with TikTok Shipping: give no self_shipment."
            )
        if handover_method not in (None, *HANDOVER_METHODS):
            raise Refused("invalid", f"`handover_method` must be one of {', '.join(HANDOVER_METHODS)}.")
        provider = cat.TIKTOK_SHIPPING_PROVIDERS[rng.randrange(len(cat.TIKTOK_SHIPPING_PROVIDERS))]
        tracking_number = cat.new_tracking_number(rng, provider)
    else:
        chosen = cat.PROVIDERS_BY_ID.get(shipping_provider_id or "")
        if chosen is None:
            raise Refused(
                "invalid", f"Shipping provider {shipping_provider_id} is not one this shop can use."
            )
        provider = chosen
        tracking_number = (tracking_number or "").strip()
        if not tracking_number or len(tracking_number) > 64:
            raise Refused("invalid", "`tracking_number` must be 1 to 64 characters.")
    owner = store.tracking_owner(tracking_number)
    if owner is not None and owner != package_id:
        raise Refused(
            "tracking_in_use", f"Tracking number {tracking_number} is already used by another package."
        )
    if order.status != OrderStatus.AWAITING_SHIPMENT:
        raise Refused(
            "status", f"Order {order.id} is {order.status}: only an order awaiting shipment can ship."
        )
    pending = [c for c in store.cancellations_of_order(order.id) if c.status == CancelStatus.PENDING]
    if pending:
        raise Refused(
            "status", f"Order {order.id} has a pending cancellation request {pending[0].id}: answer it first."
        )
    before = order.status
    lc.ship(order, now, provider, tracking_number, rng)
    store.save_order(order)
    params = {
        "idempotency_key": idempotency_key,
        "tracking_number": tracking_number,
        "shipping_provider_id": provider.id,
        "handover_method": handover_method,
        "order_id": order.id,
    }
    store.ledger_append(now, ACTOR, "package.ship", package_id, params, {"from": before, "to": order.status})
    return {
        "package_id": package_id,
        "order_id": order.id,
        "order_status": order.status,
        "tracking_number": tracking_number,
        "shipping_provider_id": provider.id,
    }
