"""Reading TikTok Shop's order, return and cancellation records into rows of the local mirror.

Owns the validation of each record TikTok sends (`MalformedRecord`, from
`app.platforms.records`, names what is wrong with one) and the mapping of
`orders/search` `data.orders[]`, `returns/search` `data.return_orders[]` and
`cancellations/search` `data.cancellations[]` records to row dicts of the mirror's tables,
with the same keys as Douyin's parser makes, in the app's words (`mapping.py`). A request's
records (its history) are read by `history.py`; `read_reread` joins the two for the port's
re-read of one request.

Where TikTok's codes go in a mirror made for Douyin's integers (ours, see migration 0026):
- The integer `type` and `status` columns hold Douyin's numbers; TikTok sends strings, and no
  number is invented for them: a TikTok row has 0 there. Its codes are kept verbatim in the
  text columns `type_code`, `status_code` and `arbitration_code` of `after_sales` (added for
  them: '' on Douyin's rows), and the sync tells a status change by `status_code` as well as
  `status`. An order's code goes in `status_desc` (the order's "own code and words"); its
  lines keep no code. Everything that decides reads `kind`, `state`, `refund_state`,
  `arbitration`: the app's words.
- Money is a decimal string with a currency (`"21.3"`, `payment.currency`): read exactly into
  the currency's minor units (`app.core.money.minor_units`, never a float), the currency in
  the row's `currency`. An amount that is not a decimal, finer than a cent, or in another
  currency than its record's is a malformed record.
- Ship-by (`exp_ship_time`) is the order's `rts_sla_time`, "The latest shipping time
  specified by the platform" (PC GetOrderDetail.ts): the dispatch deadline the late-dispatch
  rate judges. `shipping_due_time` and `collection_due_time` are later: the auto-cancellation
  deadlines. `ship_time` is `rts_time` (the seller shipped), `pickup_time` `collection_time`
  (status became IN_TRANSIT: the carrier's scan), `receipt_time` `delivery_time`.
- The seller's deadline (`status_deadline`) is the earliest `seller_next_action_response[]
  .deadline`; none when the shop has nothing to do.
- A line item has no quantity in 202309 (PC): each line is one unit (ours; docs' notes).

Row dicts, not ORM objects: `app/sync/ingest.py` stores them with executemany.
"""

from __future__ import annotations

import json
from typing import Any

from app.core.vocabulary import CancelFault
from app.models.orders import OrderPage
from app.platforms.port import RereadRequest
from app.platforms.records import NO_ID, NOT_A_RECORD, MalformedAnswer, MalformedRecord, shown
from app.platforms.tiktok import fields, history, mapping
from app.platforms.tiktok.codes import OrderStatus, Role, role_of

# --- orders --------------------------------------------------------------------------------
# Whose fault a cancellation was, by the words of its reason (an order's `cancel_reason` is
# the reason's text): the record's US cancel reasons (PC cancel-reasons, lazykern/
# ecommerce-api-docs@eba059e …/return-and-refund/cancel-reasons.json; tests/contract/tiktok/
# reasons.us.json). Which are the seller's is ours, after the seller-fault cancellation rate's
# "canceled due to the seller's fault": the shop's own cancellation but for the buyer's
# asking or not paying; the buyer's for a shipment not on time; the platform's for a missed
# collection or an untraceable tracking number. Any other reason goes by who cancelled.
BUYERS_WHEN_THE_SELLER_CANCELS = frozenset({"buyer did not pay on time", "buyer requested cancellation"})
SELLERS_WHEN_THE_BUYER_CANCELS = frozenset({"item wasn't shipped on time"})
SELLERS_WHEN_THE_PLATFORM_CANCELS = frozenset(
    {
        "automatically cancelled due to collection time out",
        "automatically cancelled due to untraceable tracking number",
    }
)
BUYERS_WHEN_THE_PLATFORM_CANCELS = frozenset(
    {
        "buyer payment overdue",
        "buyer hasn't paid",
        "this order has been automatically canceled as you didn't provide your delivery address.",
    }
)


def cancel_fault(record: dict[str, Any]) -> CancelFault | None:
    """Whose fault a cancelled order was (see the tables above); None when it is not cancelled
    or the platform does not say who cancelled it (`cancellation_initiator`)."""
    if record.get("status") != OrderStatus.CANCELLED:
        return None
    initiator = role_of(record.get("cancellation_initiator"))
    reason = fields.text_of(record.get("cancel_reason")).strip().casefold()
    if initiator is Role.SELLER:
        return CancelFault.BUYER if reason in BUYERS_WHEN_THE_SELLER_CANCELS else CancelFault.SELLER
    if initiator is Role.BUYER:
        return CancelFault.SELLER if reason in SELLERS_WHEN_THE_BUYER_CANCELS else CancelFault.BUYER
    if initiator in (Role.SYSTEM, Role.OPERATOR):
        if reason in SELLERS_WHEN_THE_PLATFORM_CANCELS:
            return CancelFault.SELLER
        return CancelFault.BUYER if reason in BUYERS_WHEN_THE_PLATFORM_CANCELS else CancelFault.PLATFORM
    return None


def parse_orders(records: Any, synced_at: int) -> OrderPage:
    """Rows for a list of orders (`data.orders`); raises MalformedRecord naming the bad one."""
    page = OrderPage()
    for index, record in enumerate(fields.list_of(records, "orders")):
        one = parse_order(record, index, synced_at)
        page.orders += one.orders
        page.lines += one.lines
        page.parcels += one.parcels
    return page


def parse_order(record: Any, index: int, synced_at: int) -> OrderPage:
    """The rows of one order (#`index` of its page); raises MalformedRecord, with what of the
    order's id and update time could be read."""
    try:
        return _order_rows(record, index, synced_at)
    except MalformedRecord as error:
        raise fields.identified(error, record, "id") from None


def _order_rows(record: Any, index: int, synced_at: int) -> OrderPage:
    where = f"order #{index + 1}"
    if not isinstance(record, dict):
        raise MalformedRecord(f"{where} is not a record ({shown(record)})", NOT_A_RECORD)
    order_id = fields.required_id(record, "id", where, NO_ID)
    where = f"order {order_id}"
    update_time = fields.update_time(record, where)
    status = fields.text_of(record.get("status"))
    if not status:
        raise MalformedRecord(f"{where}: 'status' is missing")
    payment = fields.object_of(record.get("payment"))
    lines = fields.list_of(record.get("line_items"), f"{where} line_items")
    sent = payment.get("currency") or next(
        (line.get("currency") for line in lines if line.get("currency")), None
    )
    currency = fields.currency_of(sent, where)
    paid = fields.Amounts(payment, currency, f"{where} payment")
    shipped = fields.read_time(record, "rts_time", where)
    collected = fields.read_time(record, "collection_time", where)
    page = OrderPage()
    page.lines = [
        _line_row(line, f"{where} line #{number + 1}", order_id, update_time, currency)
        for number, line in enumerate(lines)
    ]
    page.parcels = _parcel_rows(record, lines, where, order_id, update_time)
    address = fields.object_of(record.get("recipient_address"))
    state = mapping.order_state(status)
    fault = cancel_fault(record)
    page.orders.append(
        {
            "order_id": order_id,
            "status": 0,  # Douyin's number column; TikTok's code is in status_desc
            "status_desc": status[:32],
            "state": state.value if state is not None else None,
            "create_time": fields.read_time(record, "create_time", where, required=True),
            "pay_time": fields.read_time(record, "paid_time", where),
            "update_time": update_time,
            "exp_ship_time": fields.read_time(record, "rts_sla_time", where),
            "ship_time": shipped,
            "finish_time": None,  # TikTok sends no completion time
            "pickup_time": collected,
            "receipt_time": fields.read_time(record, "delivery_time", where),
            # Goods and shipping before discounts, every discount, and what the buyer paid
            # (with the tax, which the US adds on top: order − promotion + tax = pay).
            "order_amount": paid("original_total_product_price", "original_shipping_fee"),
            "pay_amount": paid("total_amount"),
            "post_amount": paid("original_shipping_fee"),
            "promotion_amount": paid(
                "seller_discount",
                "platform_discount",
                "shipping_fee_seller_discount",
                "shipping_fee_platform_discount",
                "shipping_fee_cofunded_discount",
            ),
            "currency": currency,
            "buyer_words": fields.text_of(record.get("buyer_message")),
            "seller_words": fields.text_of(record.get("seller_note")),
            "receiver_name": fields.text_of(address.get("name"))[:64],
            "receiver_tel": fields.text_of(address.get("phone_number"))[:32],
            "receiver_address": fields.text_of(address.get("full_address")),
            "items_summary": _summary(page.lines),
            "buyer_id": fields.text_of(record.get("user_id"))[:64],
            "cancel_fault": fault.value if fault is not None else None,
            "synced_at": synced_at,
        }
    )
    return page


def _line_row(
    line: dict[str, Any], where: str, order_id: str, update_time: int, currency: str
) -> dict[str, Any]:
    """The row of one line item (`line_items[]`): one unit of one SKU."""
    price = fields.Amounts(line, currency, where)
    return {
        "sku_order_id": fields.required_id(line, "id", where),
        "order_id": order_id,
        "product_id": fields.text_of(line.get("product_id")),
        "product_name": fields.text_of(line.get("product_name")),
        "sku_id": fields.text_of(line.get("sku_id")),
        "sku_code": fields.text_of(line.get("seller_sku")).strip()[:64],
        "spec": fields.text_of(line.get("sku_name")),
        "item_num": 1,
        "origin_amount": price("original_price"),
        "pay_amount": price("sale_price"),
        "status": 0,  # TikTok's line `display_status` is text: no number is invented
        "after_sale_status": None,
        "after_sale_type": None,
        "refund_status": None,
        "logistics_receipt_time": None,
        "confirm_receipt_time": None,
        "order_update_time": update_time,
        "after_sale_state": None,
        "after_sale_kind": None,
    }


def _parcel_rows(
    record: dict[str, Any], lines: list[dict[str, Any]], where: str, order_id: str, update_time: int
) -> list[dict[str, Any]]:
    """One parcel per tracking number the order's lines (else the order itself) carry, with
    its carrier, when the seller shipped it (`rts_time`) and when the carrier collected it."""
    shipped = fields.read_time(record, "rts_time", where)
    collected = fields.read_time(record, "collection_time", where)
    parcels: dict[str, dict[str, Any]] = {}
    carriers = [(line, "shipping_provider_name") for line in lines] + [(record, "shipping_provider")]
    for part, name_key in carriers:
        tracking = fields.text_of(part.get("tracking_number")).strip()
        if tracking and tracking not in parcels:
            parcels[tracking] = {
                "order_id": order_id,
                "tracking_no": tracking,
                "company_code": fields.text_of(part.get("shipping_provider_id"))[:32],
                "company_name": fields.text_of(part.get(name_key))[:64],
                "ship_time": fields.read_time(part, "rts_time", where) or shipped,
                "pickup_time": collected,
                "order_update_time": update_time,
            }
    return list(parcels.values())


def _summary(lines: list[dict[str, Any]]) -> str:
    """ "name ×2; name": one entry per SKU, its units counted (a line item is one unit)."""
    counts: dict[tuple[str, str], int] = {}
    for line in lines:
        key = (line["sku_id"], line["product_name"])
        counts[key] = counts.get(key, 0) + 1
    return "; ".join(f"{name} ×{count}" if count > 1 else name for (_sku, name), count in counts.items())


# --- returns and cancellations ------------------------------------------------------------


def parse_requests(records: Any, synced_at: int) -> list[dict[str, Any]]:
    """Rows for a list of returns and/or cancellations."""
    return [
        parse_request(record, index, synced_at)
        for index, record in enumerate(fields.list_of(records, "requests"))
    ]


def parse_request(record: Any, index: int, synced_at: int) -> dict[str, Any]:
    """The row of one return (`return_id`) or cancellation (`cancel_id`), #`index` of its page;
    raises MalformedRecord, with what of its id and update time could be read."""
    found = fields.object_of(record)
    if "cancel_id" in found and "return_id" not in found:
        return parse_cancellation(record, index, synced_at)
    return parse_return(record, index, synced_at)


def parse_return(record: Any, index: int, synced_at: int) -> dict[str, Any]:
    """The row of one `returns/search` record."""
    try:
        return _request_row(record, index, synced_at, cancellation=False)
    except MalformedRecord as error:
        raise fields.identified(error, record, "return_id") from None


def parse_cancellation(record: Any, index: int, synced_at: int) -> dict[str, Any]:
    """The row of one `cancellations/search` record."""
    try:
        return _request_row(record, index, synced_at, cancellation=True)
    except MalformedRecord as error:
        raise fields.identified(error, record, "cancel_id") from None


def status_deadline(record: dict[str, Any], where: str) -> int | None:
    """The earliest `seller_next_action_response[].deadline`: by when the shop must act."""
    actions = fields.list_of(
        record.get("seller_next_action_response"), f"{where} seller_next_action_response"
    )
    deadlines = [
        fields.read_time(action, "deadline", f"{where} seller_next_action_response") for action in actions
    ]
    return min((at for at in deadlines if at), default=None)


def _request_row(record: Any, index: int, synced_at: int, *, cancellation: bool) -> dict[str, Any]:
    noun, id_key = ("cancellation", "cancel_id") if cancellation else ("return", "return_id")
    where = f"{noun} #{index + 1}"
    if not isinstance(record, dict):
        raise MalformedRecord(f"{where} is not a record ({shown(record)})", NOT_A_RECORD)
    request_id = fields.required_id(record, id_key, where, NO_ID)
    where = f"{noun} {request_id}"
    update_time = fields.update_time(record, where)
    type_key, status_key = (
        ("cancel_type", "cancel_status") if cancellation else ("return_type", "return_status")
    )
    type_code, status_code = fields.text_of(record.get(type_key)), fields.text_of(record.get(status_key))
    if not type_code or not status_code:
        raise MalformedRecord(f"{where}: '{type_key}' or '{status_key}' is missing")
    refund = fields.object_of(record.get("refund_amount"))
    lines = fields.list_of(
        record.get("cancel_line_items" if cancellation else "return_line_items"), f"{where} lines"
    )
    sent = refund.get("currency") or next(
        (
            fields.object_of(line.get("refund_amount")).get("currency")
            for line in lines
            if line.get("refund_amount")
        ),
        None,
    )
    # Every request's `refund_amount` names its currency (PC SearchReturns.ts and
    # SearchCancellations.ts); one without any is malformed rather than given a guessed one.
    currency = fields.currency_of(sent, where)
    amounts = fields.Amounts(refund, currency, f"{where} refund_amount")
    total, shipping = amounts("refund_total"), amounts("refund_shipping_fee")
    if cancellation:
        kind = mapping.cancellation_kind(type_code, fields.text_of(record.get("role")))
        state = mapping.cancellation_state(status_code, kind)
        refund_state = mapping.cancellation_refund(status_code)
        arbitration_code, arbitration = "", mapping.arbitration("")
        reason = record.get("cancel_reason_text") or record.get("cancel_reason")
    else:
        kind = mapping.return_kind(type_code)
        state = mapping.return_state(status_code)
        refund_state = mapping.return_refund(status_code, kind)
        arbitration_code = fields.text_of(record.get("arbitration_status"))
        arbitration = mapping.arbitration(arbitration_code)
        reason = record.get("return_reason_text") or record.get("return_reason")
    order_id = fields.required_id(record, "order_id", where)
    return {
        "aftersale_id": request_id,
        "order_id": order_id,
        "related_id": fields.text_of(lines[0].get("order_line_item_id")) if lines else "",
        "type": 0,  # Douyin's number columns: TikTok's codes are in type_code / status_code
        "status": 0,
        "type_code": type_code[:64],
        "status_code": status_code[:64],
        "refund_status": None,
        "apply_time": fields.read_time(record, "create_time", where, required=True),
        "update_time": update_time,
        "status_deadline": status_deadline(record, where),
        # The refund without the shipping fee refunded, and that fee (as Douyin's columns).
        "refund_amount": max(total - shipping, 0),
        "refund_post_amount": shipping,
        "currency": currency,
        "reason_text": fields.text_of(reason),
        "got_pkg": None,
        "return_tracking_no": fields.text_of(record.get("return_tracking_number"))[:64],
        "return_company_name": fields.text_of(record.get("return_provider_name"))[:64],
        "status_text": "",
        "type_text": "",
        "product_name": "; ".join(fields.text_of(line.get("product_name")) for line in lines),
        "item_num": len(lines) or 1,  # a line is one unit, as on the order
        "synced_at": synced_at,
        "kind": kind.value if kind is not None else None,
        "state": state.value if state is not None else None,
        "refund_state": refund_state.value if refund_state is not None else None,
        "refund_type": None,
        "fast_refund": None,
        "arbitrate_status": None,
        "arbitration_code": arbitration_code[:64],
        "arbitration": arbitration.value if arbitration is not None else None,
    }


def read_reread(record: Any, records: Any, request_id: str, synced_at: int) -> RereadRequest:
    """The request as the mirror's row with its history: `record` is the one return or
    cancellation the search by id answered, `records` the return's records' answer (None for
    a cancellation). Raises MalformedAnswer when `record` is not a readable record of
    `request_id` (nothing found is the adapter's to say)."""
    try:
        row = parse_request(record, 0, synced_at)
    except MalformedRecord as error:
        raise MalformedAnswer(f"request {request_id}: {error}") from None
    if row["aftersale_id"] != str(request_id):
        raise MalformedAnswer(
            f"request {request_id}: the answer is about request {shown(row['aftersale_id'])}"
        )
    if records is not None:
        pictures = history.buyer_pictures(records)
        row["evidence"] = json.dumps(pictures, ensure_ascii=False) if pictures else ""
    return RereadRequest(row, history.history_of(records))
