"""Reading Douyin's order and after-sale records into rows of the local mirror.

Owns the validation of each record Douyin sends (`MalformedRecord`, from
`app.platforms.records`, names what is wrong with one; `MalformedAnswer` an answer whose
list is not a list) and the mapping of `shop_order_list[]` and `afterSale.List items[]`
to row dicts of the mirror's tables, in the app's words: the request's kind and state
and the order's state come from `mapping.py`, beside Douyin's own codes, and the
amounts are in fen of CNY. A code `mapping.py` does not know leaves the word None, as
the mirror stores it: kept, not guessed, and decided on by nobody.

Row dicts, not ORM objects: a page of 100 orders with their lines goes to the database
as three executemany statements (`app/sync/ingest.py` stores them).
"""

from __future__ import annotations

from typing import Any

from app.models.base import DEFAULT_CURRENCY
from app.models.orders import OrderPage
from app.platforms import records
from app.platforms.douyin import arbitration, mapping
from app.platforms.records import (
    NO_ID,
    NOT_A_RECORD,
    MalformedRecord,
    read_int,
    shown,
)

# Every Douyin shop sells in yuan; amounts arrive in fen.
CURRENCY = DEFAULT_CURRENCY


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _object(value: Any) -> dict[str, Any]:
    """`value` when it is a JSON object, else an empty one: an optional part left out."""
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    """`value` when it is a JSON array, else an empty one: an optional part left out."""
    return value if isinstance(value, list) else []


def _merchant_code(line: dict[str, Any]) -> str:
    """The merchant's own SKU code: `code` (商家编码), else `out_sku_id`, which the
    platform sends as "0" when the shop set none; cut to what the column holds."""
    for key in ("code", "out_sku_id"):
        text = _text(line.get(key)).strip()
        if text and text != "0":
            return text[:64]
    return ""


def address_text(value: Any) -> str:
    """The masked address as one line of text: `mask_post_addr` is an object
    `{province{name,id}, city{…}, town{…}, street{…}, detail}` (SDK `MaskPostAddr`), read
    as province, city, town, street and detail run together as Chinese addresses are
    written; a plain string (an older or simpler answer) is taken as it is."""
    if isinstance(value, str):
        return value
    parts = _object(value)
    names = [_text(_object(parts.get(key)).get("name")) for key in ("province", "city", "town", "street")]
    return "".join(names) + _text(parts.get("detail"))


def receipt_time(lines: list[dict[str, Any]]) -> int | None:
    """When the buyer had the order's goods: the latest of its lines' receipt times (each
    line's carrier receipt, else the buyer's confirmation, which is never before it); None
    when no line has one. The latest, so a window counted from it never closes early."""
    times = [line["logistics_receipt_time"] or line["confirm_receipt_time"] for line in lines]
    return max((at for at in times if at), default=None)


def _update_time(record: dict[str, Any], where: str) -> int:
    return records.update_time(record, where)


def _required_id(record: dict[str, Any], key: str, where: str, problem: str = "") -> str:
    value = record.get(key)
    if value is None or isinstance(value, bool | dict | list) or str(value) == "":
        detail = "" if value is None else f" ({shown(value)})"
        raise MalformedRecord(f"{where}: '{key}' is missing or not an id{detail}", problem)
    return str(value)


def _records(value: Any, where: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise MalformedRecord(f"{where} is not a list of records")
    return value


def parse_orders(records: Any, synced_at: int) -> OrderPage:
    """Rows for a page of `shop_order_list`; raises MalformedAnswer naming the bad record."""
    page = OrderPage()
    for index, record in enumerate(_records(records, "shop_order_list")):
        one = parse_order(record, index, synced_at)
        page.orders += one.orders
        page.lines += one.lines
        page.parcels += one.parcels
    return page


def _line_row(line: dict[str, Any], where: str, order_id: str, update_time: int) -> dict[str, Any]:
    """The row of one SKU line (`sku_order_list[]`)."""
    after_sale = _object(line.get("after_sale_info"))
    spec = _list(line.get("spec"))
    item_num = read_int(line, "item_num", where) or 1
    row: dict[str, Any] = {
        "sku_order_id": _required_id(line, "order_id", where),
        "order_id": order_id,
        "product_id": _text(line.get("product_id")),
        "product_name": _text(line.get("product_name")),
        "sku_id": _text(line.get("sku_id")),
        "sku_code": _merchant_code(line),
        "spec": "; ".join(
            f"{_text(s.get('name'))}:{_text(s.get('value'))}" for s in spec if isinstance(s, dict)
        ),
        "item_num": item_num,
        "origin_amount": read_int(line, "origin_amount", where) or 0,
        "pay_amount": read_int(line, "pay_amount", where) or 0,
        "status": read_int(line, "order_status", where) or 0,
        "after_sale_status": read_int(after_sale, "after_sale_status", where),
        "after_sale_type": read_int(after_sale, "after_sale_type", where),
        "refund_status": read_int(after_sale, "refund_status", where),
        # 0 (or absent) means not received yet.
        "logistics_receipt_time": read_int(line, "logistics_receipt_time", where) or None,
        "confirm_receipt_time": read_int(line, "confirm_receipt_time", where) or None,
        "order_update_time": update_time,
    }
    # A line without an after-sale says status 0 and type 0, and 0 is also the type "return
    # and refund": the line has a kind only when it has an after-sale.
    row["after_sale_state"] = mapping.request_state(row["after_sale_status"])
    row["after_sale_kind"] = (
        mapping.request_kind(row["after_sale_type"]) if row["after_sale_status"] else None
    )
    return row


def _identified(error: MalformedRecord, fields: Any, id_key: str) -> MalformedRecord:
    """`error` with what of the record's id and update time can be read from `fields`
    (the object holding them, when there is one)."""
    fields = _object(fields)
    record_id = fields.get(id_key)
    if isinstance(record_id, int | str) and not isinstance(record_id, bool):
        error.record_id = str(record_id)
    try:
        error.update_time = read_int(fields, "update_time", "")
    except MalformedRecord:
        error.update_time = None
    return error


def parse_order(record: Any, index: int, synced_at: int) -> OrderPage:
    """The rows of one shop order (#`index` of its page); raises MalformedRecord, with
    what of the order's id and update time could be read."""
    try:
        return _order_rows(record, index, synced_at)
    except MalformedRecord as error:
        raise _identified(error, record, "order_id") from None


def _order_rows(record: Any, index: int, synced_at: int) -> OrderPage:
    page = OrderPage()
    where = f"order #{index + 1}"
    if not isinstance(record, dict):
        raise MalformedRecord(f"{where} is not a record ({shown(record)})", NOT_A_RECORD)
    order_id = _required_id(record, "order_id", where, NO_ID)
    where = f"order {order_id}"
    update_time = _update_time(record, where)
    lines = _records(record.get("sku_order_list"), f"{where} sku_order_list")
    for line_index, line in enumerate(lines):
        page.lines.append(_line_row(line, f"{where} line #{line_index + 1}", order_id, update_time))
    summary = [
        f"{line['product_name']} ×{line['item_num']}" if line["item_num"] > 1 else line["product_name"]
        for line in page.lines
    ]
    for parcel in _records(record.get("logistics_info"), f"{where} logistics_info"):
        page.parcels.append(
            {
                "order_id": order_id,
                "tracking_no": _required_id(parcel, "tracking_no", f"{where} parcel"),
                "company_code": _text(parcel.get("company")),
                "company_name": _text(parcel.get("company_name")),
                "ship_time": read_int(parcel, "ship_time", f"{where} parcel"),
                # 0 (or absent, as from the real gateway) means no scan yet.
                "pickup_time": read_int(parcel, "pickup_time", f"{where} parcel") or None,
                "order_update_time": update_time,
            }
        )
    order: dict[str, Any] = {
        "order_id": order_id,
        "status": read_int(record, "order_status", where, required=True),
        "status_desc": _text(record.get("order_status_desc")),
        "create_time": read_int(record, "create_time", where, required=True),
        "pay_time": read_int(record, "pay_time", where),
        "update_time": update_time,
        "exp_ship_time": read_int(record, "exp_ship_time", where),
        "ship_time": read_int(record, "ship_time", where),
        "finish_time": read_int(record, "finish_time", where),
        "pickup_time": min((p["pickup_time"] for p in page.parcels if p["pickup_time"]), default=None),
        "receipt_time": receipt_time(page.lines),
        "order_amount": read_int(record, "order_amount", where) or 0,
        "pay_amount": read_int(record, "pay_amount", where) or 0,
        "post_amount": read_int(record, "post_amount", where) or 0,
        "promotion_amount": read_int(record, "promotion_amount", where) or 0,
        "currency": CURRENCY,
        "buyer_words": _text(record.get("buyer_words")),
        "seller_words": _text(record.get("seller_words")),
        "receiver_name": _text(record.get("mask_post_receiver")),
        "receiver_tel": _text(record.get("mask_post_tel")),
        "receiver_address": address_text(record.get("mask_post_addr")),
        "items_summary": "; ".join(summary),
        "buyer_id": _text(record.get("doudian_open_id")),
        "synced_at": synced_at,
    }
    order["state"] = mapping.order_state(order["status"])
    page.orders.append(order)
    return page


def parse_after_sales(items: Any, synced_at: int) -> list[dict[str, Any]]:
    """Rows for a page of `afterSale.List` items (the Detail is read by detail.py)."""
    return [parse_after_sale(item, index, synced_at) for index, item in enumerate(_records(items, "items"))]


def parse_after_sale(item: Any, index: int, synced_at: int) -> dict[str, Any]:
    """The row of one after-sale item (#`index` of its page); raises MalformedRecord, with
    what of the request's id and update time could be read."""
    try:
        return _after_sale_row(item, index, synced_at)
    except MalformedRecord as error:
        raise _identified(error, _object(item).get("aftersale_info"), "aftersale_id") from None


def _after_sale_row(item: Any, index: int, synced_at: int) -> dict[str, Any]:
    where = f"after-sale #{index + 1}"
    if not isinstance(item, dict):
        raise MalformedRecord(f"{where} is not a record ({shown(item)})", NOT_A_RECORD)
    info = item.get("aftersale_info")
    if not isinstance(info, dict):
        raise MalformedRecord(f"{where}: 'aftersale_info' is missing", NO_ID)
    aftersale_id = _required_id(info, "aftersale_id", where, NO_ID)
    where = f"after-sale {aftersale_id}"
    order_info = _object(item.get("order_info"))
    text_part = _object(item.get("text_part"))
    related = _records(order_info.get("related_order_info"), f"{where} related_order_info")
    row: dict[str, Any] = {
        "aftersale_id": aftersale_id,
        "order_id": _required_id(order_info, "shop_order_id", where),
        "related_id": _text(info.get("related_id")),
        "type": read_int(info, "aftersale_type", where, required=True),
        "status": read_int(info, "aftersale_status", where, required=True),
        "refund_status": read_int(info, "refund_status", where),
        "apply_time": read_int(info, "apply_time", where, required=True),
        "update_time": _update_time(info, where),
        "status_deadline": read_int(info, "status_deadline", where),
        "refund_amount": read_int(info, "refund_amount", where) or 0,
        "refund_post_amount": read_int(info, "refund_post_amount", where) or 0,
        "currency": CURRENCY,
        # The List's reason is its text part's (售后理由文案); `aftersale_info` has none.
        "reason_text": _text(text_part.get("reason_text")),
        "got_pkg": read_int(info, "got_pkg", where),
        "return_tracking_no": _text(info.get("return_logistics_code")),
        "return_company_name": _text(info.get("return_logistics_company_name")),
        "status_text": _text(text_part.get("aftersale_status_text")),
        "type_text": _text(text_part.get("aftersale_type_text")),
        "product_name": "; ".join(_text(r.get("product_name")) for r in related),
        "item_num": sum(read_int(r, "item_num", where) or 0 for r in related) or 1,
        "synced_at": synced_at,
    }
    row["kind"] = mapping.request_kind(row["type"])
    row["state"] = mapping.request_state(row["status"])
    row["refund_state"] = mapping.refund_state(row["refund_status"])
    # 退款方式: how the platform refunds, and whether that is its own fast refund (在途极速退).
    row["refund_type"] = read_int(info, "refund_type", where)
    row["fast_refund"] = mapping.fast_refund(row["refund_type"])
    row.update(arbitration.list_fields(info))
    # No "evidence": the List does not carry the buyer's pictures (only the Detail does,
    # detail.py), so a List row leaves the ones a Detail read stored as they are.
    return row
