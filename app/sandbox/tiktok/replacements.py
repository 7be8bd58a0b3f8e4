"""Replacement orders: what an approved replacement request becomes on the shipping board.

Owns making the new order the platform creates when a replacement is approved (Partner
Center SearchReturns / the Return-refund overview: REPLACEMENT_REQUEST_COMPLETE "The seller
has approved the buyer's replacement request. The platform will generate a new order for
the seller to fulfill") — the returned lines again, to the same address, marked
`is_replacement_order` with `replaced_order_id`, awaiting shipment at once (no payment, no
remorse hour: ours) and free to the buyer (its payment all zero: ours) — for the history
(`issue`) and for the live shop (`issue_due`, which also stores it and writes the ledger).
"""

from __future__ import annotations

import copy
from typing import Any

from app.sandbox.tiktok import lifecycle as lc
from app.sandbox.tiktok.buyers import IdMint
from app.sandbox.tiktok.codes import LINE_TO_FULFILL, SHIP_WITHIN_S

# Fields of the original's shipping, cancellation and delivery that a new order does not have yet.
_NOT_YET = (
    "tracking_number",
    "shipping_provider",
    "shipping_provider_id",
    "rts_time",
    "collection_time",
    "delivery_time",
    "cancel_time",
    "cancel_reason",
    "cancellation_initiator",
    "request_cancel_time",
    "cancel_order_sla_time",
)
_LINE_NOT_YET = (
    "tracking_number",
    "shipping_provider_id",
    "shipping_provider_name",
    "rts_time",
    "cancel_user",
)


def issue(mint: IdMint, ret: lc.Return, original: lc.Order, at: int) -> lc.Order:
    """The replacement order for `ret` (approved at `at`), awaiting shipment."""
    wanted = {line["order_line_item_id"] for line in ret.data["return_line_items"]}
    data: dict[str, Any] = copy.deepcopy(original.data)
    order_id, package_id = mint.order_id(at), mint.package_id(at)
    for key in _NOT_YET:
        data.pop(key, None)
    lines = []
    for line in data["line_items"]:
        if line["id"] not in wanted:
            continue
        for key in _LINE_NOT_YET:
            line.pop(key, None)
        line.pop("cancel_reason", None)
        line.update(id=mint.line_id(at), package_id=package_id, package_status=LINE_TO_FULFILL)
        lines.append(line)
    payment = data["payment"]
    for key in payment:
        if key != "currency":
            payment[key] = "0.00"
    data.update(
        id=order_id,
        create_time=at,
        line_items=lines,
        packages=[{"id": package_id}],
        is_replacement_order=True,
        replaced_order_id=original.id,
        is_buyer_request_cancel=False,
        buyer_message="",
    )
    package = {
        "id": package_id,
        "order_id": order_id,
        "status": "PROCESSING",
        "tracking_number": "",
        "shipping_provider_id": "",
        "shipping_provider_name": "",
        "create_time": at,
        "update_time": at,
        "order_line_item_ids": [line["id"] for line in lines],
        "shipping_type": data["shipping_type"],
    }
    order = lc.Order(data, {"packages": [package], "recipient_address": data.pop("recipient_address")})
    lc.pay(order, at, SHIP_WITHIN_S)
    lc.release_hold(order, at)  # nothing to pay, nothing to regret: it awaits shipment at once
    return order


def issue_due(store: Any, ret: lc.Return, now: int) -> str | None:
    """In the live shop: make, store and ledger the replacement order `ret` is owed, if any;
    its id (kept in `ret.sim`), or None. Call in the transaction that saves `ret`."""
    at = ret.sim.pop("replacement_at", None)
    if at is None:
        return None
    original = store.order(ret.order_id)
    if original is None:
        return None
    mint = IdMint(int(store.meta("seq", 1)))
    order = issue(mint, ret, original, at)
    order.data["update_time"] = now  # new to the desk now, whenever the approval fell due
    store.set_meta("seq", mint.seq)
    store.save_order(order)
    ret.sim["replacement_order_id"] = order.id
    params = {"return_id": ret.id, "replaced_order_id": original.id}
    store.ledger_append(
        now, "platform", "platform.replacement_order_created", order.id, params, {"to": order.status}
    )
    return order.id
