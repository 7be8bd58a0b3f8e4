"""The lists TikTok Shop publishes that the desk keeps a copy of: refusal reasons, carriers.

Owns asking for them and reading them into the port's `RefusalReason` and `Carrier`:

- TikTok lists the reasons a seller may refuse with per request
  (`GET /return_refund/202309/reject_reasons?return_or_cancel_id=…` → `data.reasons[]{name,
  text}`, PC get-reject-reasons-202309): the shop's list is the union of the lists of one
  request of each kind waiting for the shop (a refund, a return, a replacement, a buyer's
  cancellation), each reason kept with the kinds of request it was offered for. A reason's
  `name` is what a refusal sends as `reject_reason`; the record says nothing of evidence
  being required, so none is marked so.
- Carriers are the shipping providers of the shop's delivery options
  (`GET /logistics/202309/delivery_options/{id}/shipping_providers` →
  `data.shipping_providers[]{id, name}`, PC get-shipping-providers-202309); the delivery
  options are the ones the shop's recent orders name (`delivery_option_id`, PC order fields);
  one TikTok Shipping fulfils answers 21008117 and names none (skipped).
  A provider's `id` is what a shipment names it by (`self_shipment.shipping_provider_id`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import RequestKind
from app.platforms.port import PROBLEM_UNREADABLE, Carrier, RefusalReason, Refused, RetryLater
from app.platforms.tiktok import codes, mapping
from app.platforms.tiktok.answers import ApiResult
from app.platforms.tiktok.feed import CANCELLATIONS, ORDERS, RETURNS

REJECT_REASONS_PATH = "/return_refund/202309/reject_reasons"
PROVIDERS_PATH = "/logistics/202309/delivery_options/{id}/shipping_providers"
RECENT_ORDERS = 50  # orders looked at for the shop's delivery options
# "The delivery of the specified delivery_option_id is fulfilled by TikTok. No shipping provider
# will be returned." (PC get-shipping-providers error codes)
CODE_TIKTOK_DELIVERS = 21008117

PROBLEM_NO_REQUEST_WAITING = QT_TRANSLATE_NOOP(
    "sync",
    "TikTok Shop lists refusal reasons for one request at a time, and no request waits for the shop "
    "now. The list is fetched again later.",
)
PROBLEM_NO_CARRIERS = QT_TRANSLATE_NOOP(
    "sync",
    "TikTok Shop named no shipping provider for this shop's delivery options yet. The list is "
    "fetched again later.",
)

# (method, path, query, body) -> the answer, DONE (the adapter raises for anything else).
Call = Callable[..., ApiResult]


def waiting_requests(call: Call) -> list[tuple[str, RequestKind]]:
    """One request of each kind that waits for the shop: its id and its kind in the app's
    words (returns by `return_type`, a buyer's cancellation; mapping.py)."""
    query = {"page_size": str(RETURNS.max_page), "sort_field": "update_time", "sort_order": "DESC"}
    pending = [codes.ReturnStatus.REQUEST_PENDING.value, codes.ReturnStatus.REPLACEMENT_PENDING.value]
    found: dict[RequestKind, str] = {}
    data = call("POST", RETURNS.path, query=query, body={"return_status": pending}).data
    for record in _list(data, RETURNS.list_key):
        kind, request_id = mapping.return_kind(record.get("return_type")), record.get("return_id")
        if kind is not None and isinstance(request_id, str) and kind not in found:
            found[kind] = request_id
    query["page_size"] = "1"
    body = {"cancel_status": [codes.CancelStatus.PENDING.value]}
    cancellations = call("POST", CANCELLATIONS.path, query=query, body=body).data
    for record in _list(cancellations, CANCELLATIONS.list_key):
        kind = mapping.cancellation_kind(record.get("cancel_type"), record.get("role"))
        if kind is not None and isinstance(record.get("cancel_id"), str):
            found.setdefault(kind, record["cancel_id"])
    return [(request_id, kind) for kind, request_id in found.items()]


def reasons_for(call: Call, request_id: str) -> list[RefusalReason]:
    """The reasons a refusal of this one request may give."""
    data = call("GET", REJECT_REASONS_PATH, query={"return_or_cancel_id": request_id}).data
    return read_reasons(data)


def read_reasons(data: Any) -> list[RefusalReason]:
    """`data.reasons[]{name, text}`; unreadable items are left out."""
    reasons = []
    for item in _list(data, "reasons"):
        name, text = item.get("name"), item.get("text")
        if isinstance(name, str) and name.strip():
            reasons.append(RefusalReason(name.strip(), str(text or name).strip(), False))
    return reasons


def refusal_reasons(call: Call) -> list[RefusalReason]:
    """The reasons of one waiting request of each kind, each reason with the kinds it was
    offered for; RetryLater when none waits (the copy kept stays) or no list can be read."""
    waiting = waiting_requests(call)
    if not waiting:
        raise RetryLater(PROBLEM_NO_REQUEST_WAITING, detail="no return or cancellation waits for the shop")
    union: dict[str, RefusalReason] = {}
    for request_id, kind in waiting:
        for reason in reasons_for(call, request_id):
            known = union.get(str(reason.code), reason)
            union[str(reason.code)] = replace(known, kinds=(*known.kinds, kind))
    if not union:
        raise RetryLater(PROBLEM_UNREADABLE, detail="the reject reason lists have no readable item")
    return list(union.values())


def carriers(call: Call) -> list[Carrier]:
    """The providers of the delivery options the shop's recent orders name, each once."""
    query = {"page_size": str(RECENT_ORDERS), "sort_field": "update_time", "sort_order": "DESC"}
    options: list[str] = []
    for order in _list(call("POST", ORDERS.path, query=query, body={}).data, ORDERS.list_key):
        option = order.get("delivery_option_id")
        if isinstance(option, str) and option and option not in options:
            options.append(option)
    found: dict[str, Carrier] = {}
    for option in options:
        try:
            data = call("GET", PROVIDERS_PATH.format(id=option)).data
        except Refused as refused:
            if refused.platform_code == str(CODE_TIKTOK_DELIVERS):
                continue  # TikTok Shipping's option: its carrier is TikTok's, none to choose
            raise
        for carrier in read_providers(data):
            found.setdefault(str(carrier.id), carrier)
    if not found:
        raise RetryLater(PROBLEM_NO_CARRIERS, detail=f"no provider in {len(options)} delivery options")
    return list(found.values())


def read_providers(data: Any) -> list[Carrier]:
    """`data.shipping_providers[]{id, name}`: the id is what a shipment names the provider by."""
    carriers = []
    for item in _list(data, "shipping_providers"):
        provider_id, name = item.get("id"), item.get("name")
        if isinstance(provider_id, str) and provider_id.strip() and isinstance(name, str) and name.strip():
            carriers.append(Carrier(provider_id.strip(), name.strip(), provider_id.strip()))
    return carriers


def _list(data: Any, key: str) -> list[dict[str, Any]]:
    """The objects listed under `key` (TikTok may leave an empty list out altogether)."""
    if not isinstance(data, dict):
        raise RetryLater(PROBLEM_UNREADABLE, detail=f"the answer has no data object for '{key}'")
    items = data.get(key, [])
    if not isinstance(items, list):
        raise RetryLater(PROBLEM_UNREADABLE, detail=f"'{key}' is not a list")
    return [item for item in items if isinstance(item, dict)]
