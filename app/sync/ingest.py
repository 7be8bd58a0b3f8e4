"""Turning the platform's records into rows of the local mirror, and storing the rows.

Owns: the validation of each record the platform sends (`MalformedRecord` names what
is wrong with one, `MalformedAnswer` an answer whose list is not a list), the mapping
of `shop_order_list[]` and `afterSale.List items[]` to row dicts, and the guarded
upserts that store them. Row dicts, not ORM objects: a page of 100 orders with their
lines goes to the database as three executemany statements.

The pull stores its pages through `page_store.py`, which sets aside, record by record,
what cannot be stored; the outbox's re-reads (`push.py`) use the functions here directly.

Storing after-sales also appends to `after_sale_status_changes` a row for every
request whose status differs from the mirror's (and one, from nothing, for a request
first seen), set-based: one SELECT of the stored statuses for the page, one INSERT.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.orm import Session

from app.db import upsert
from app.models import AfterSale, AfterSaleStatusChange, Order, OrderLine, OrderLogistics
from app.sync import quarantine


class MalformedAnswer(Exception):
    """A platform answer whose shape is not what the dialect promises."""


class MalformedRecord(MalformedAnswer):
    """One record of an answer whose shape is not what the dialect promises.

    `problem` says what is wrong, for the plain words shown (`quarantine.MALFORMED_REASONS`):
    NOT_A_RECORD, NO_ID, NO_UPDATE_TIME, BAD_UPDATE_TIME, or "" (anything else)."""

    def __init__(self, message: str, problem: str = "") -> None:
        super().__init__(message)
        self.problem = problem


NOT_A_RECORD = "not_a_record"
NO_ID = "no_id"
NO_UPDATE_TIME = "no_update_time"
BAD_UPDATE_TIME = "bad_update_time"


@dataclass
class OrderPage:
    orders: list[dict[str, Any]] = field(default_factory=list)
    lines: list[dict[str, Any]] = field(default_factory=list)
    parcels: list[dict[str, Any]] = field(default_factory=list)

    @property
    def max_update_time(self) -> int:
        return max((row["update_time"] for row in self.orders), default=0)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _merchant_code(line: dict[str, Any]) -> str:
    """The merchant's own SKU code: `code` (商家编码), else `out_sku_id`, which the
    platform sends as "0" when the shop set none; cut to what the column holds."""
    for key in ("code", "out_sku_id"):
        text = _text(line.get(key)).strip()
        if text and text != "0":
            return text[:64]
    return ""


def _int(record: dict[str, Any], key: str, where: str, *, required: bool = False) -> int | None:
    value = record.get(key)
    if value is None or value == "":
        if required:
            raise MalformedRecord(f"{where}: '{key}' is missing")
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise MalformedRecord(f"{where}: '{key}' is not a number ({quarantine.shown(value)})")
    try:
        return int(value)
    except ValueError as error:
        raise MalformedRecord(f"{where}: '{key}' is not a number ({quarantine.shown(value)})") from error


def _update_time(record: dict[str, Any], where: str) -> int:
    """The record's own update_time, which places it in the list the platform sorts by it."""
    try:
        return _int(record, "update_time", where, required=True)  # type: ignore[return-value]
    except MalformedRecord as error:
        missing = record.get("update_time") in (None, "")
        raise MalformedRecord(str(error), NO_UPDATE_TIME if missing else BAD_UPDATE_TIME) from None


def _required_id(record: dict[str, Any], key: str, where: str, problem: str = "") -> str:
    value = record.get(key)
    if value is None or isinstance(value, bool | dict | list) or str(value) == "":
        shown = "" if value is None else f" ({quarantine.shown(value)})"
        raise MalformedRecord(f"{where}: '{key}' is missing or not an id{shown}", problem)
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


def parse_order(record: dict[str, Any], index: int, synced_at: int) -> OrderPage:
    """The rows of one shop order (#`index` of its page); raises MalformedRecord."""
    page = OrderPage()
    where = f"order #{index + 1}"
    if not isinstance(record, dict):
        raise MalformedRecord(f"{where} is not a record ({quarantine.shown(record)})", NOT_A_RECORD)
    order_id = _required_id(record, "order_id", where, NO_ID)
    where = f"order {order_id}"
    update_time = _update_time(record, where)
    lines = _records(record.get("sku_order_list"), f"{where} sku_order_list")
    summary = []
    for line_index, line in enumerate(lines):
        line_where = f"{where} line #{line_index + 1}"
        after_sale = line.get("after_sale_info") if isinstance(line.get("after_sale_info"), dict) else {}
        spec = line.get("spec") if isinstance(line.get("spec"), list) else []
        item_num = _int(line, "item_num", line_where) or 1
        name = _text(line.get("product_name"))
        summary.append(f"{name} ×{item_num}" if item_num > 1 else name)
        page.lines.append(
            {
                "sku_order_id": _required_id(line, "order_id", line_where),
                "order_id": order_id,
                "product_id": _text(line.get("product_id")),
                "product_name": name,
                "sku_id": _text(line.get("sku_id")),
                "sku_code": _merchant_code(line),
                "spec": "; ".join(
                    f"{_text(s.get('name'))}:{_text(s.get('value'))}" for s in spec if isinstance(s, dict)
                ),
                "item_num": item_num,
                "origin_amount": _int(line, "origin_amount", line_where) or 0,
                "pay_amount": _int(line, "pay_amount", line_where) or 0,
                "status": _int(line, "order_status", line_where) or 0,
                "after_sale_status": _int(after_sale, "after_sale_status", line_where),
                "after_sale_type": _int(after_sale, "after_sale_type", line_where),
                "refund_status": _int(after_sale, "refund_status", line_where),
                "order_update_time": update_time,
            }
        )
    for parcel in _records(record.get("logistics_info"), f"{where} logistics_info"):
        page.parcels.append(
            {
                "order_id": order_id,
                "tracking_no": _required_id(parcel, "tracking_no", f"{where} parcel"),
                "company_code": _text(parcel.get("company")),
                "company_name": _text(parcel.get("company_name")),
                "ship_time": _int(parcel, "ship_time", f"{where} parcel"),
                # 0 (or absent, as from the real gateway) means no scan yet.
                "pickup_time": _int(parcel, "pickup_time", f"{where} parcel") or None,
                "order_update_time": update_time,
            }
        )
    page.orders.append(
        {
            "order_id": order_id,
            "status": _int(record, "order_status", where, required=True),
            "status_desc": _text(record.get("order_status_desc")),
            "create_time": _int(record, "create_time", where, required=True),
            "pay_time": _int(record, "pay_time", where),
            "update_time": update_time,
            "exp_ship_time": _int(record, "exp_ship_time", where),
            "ship_time": _int(record, "ship_time", where),
            "finish_time": _int(record, "finish_time", where),
            "pickup_time": min((p["pickup_time"] for p in page.parcels if p["pickup_time"]), default=None),
            "order_amount": _int(record, "order_amount", where) or 0,
            "pay_amount": _int(record, "pay_amount", where) or 0,
            "post_amount": _int(record, "post_amount", where) or 0,
            "promotion_amount": _int(record, "promotion_amount", where) or 0,
            "buyer_words": _text(record.get("buyer_words")),
            "seller_words": _text(record.get("seller_words")),
            "receiver_name": _text(record.get("mask_post_receiver")),
            "receiver_tel": _text(record.get("mask_post_tel")),
            "receiver_address": _text(record.get("mask_post_addr")),
            "items_summary": "; ".join(summary),
            "buyer_id": _text(record.get("doudian_open_id")),
            "synced_at": synced_at,
        }
    )
    return page


def store_orders(connection: Connection | Session, page: OrderPage) -> None:
    """Upsert one page; each table guarded by the order version its rows came from."""
    upsert(connection, Order.__table__, page.orders, ["order_id"], "update_time")
    upsert(connection, OrderLine.__table__, page.lines, ["sku_order_id"], "order_update_time")
    upsert(
        connection, OrderLogistics.__table__, page.parcels, ["order_id", "tracking_no"], "order_update_time"
    )


def parse_after_sales(items: Any, synced_at: int) -> list[dict[str, Any]]:
    """Rows for a page of `afterSale.List` items (or one `afterSale.Detail`)."""
    return [parse_after_sale(item, index, synced_at) for index, item in enumerate(_records(items, "items"))]


def parse_after_sale(item: dict[str, Any], index: int, synced_at: int) -> dict[str, Any]:
    """The row of one after-sale item (#`index` of its page); raises MalformedRecord."""
    where = f"after-sale #{index + 1}"
    if not isinstance(item, dict):
        raise MalformedRecord(f"{where} is not a record ({quarantine.shown(item)})", NOT_A_RECORD)
    info = item.get("aftersale_info")
    if not isinstance(info, dict):
        raise MalformedRecord(f"{where}: 'aftersale_info' is missing", NO_ID)
    aftersale_id = _required_id(info, "aftersale_id", where, NO_ID)
    where = f"after-sale {aftersale_id}"
    order_info = item.get("order_info") if isinstance(item.get("order_info"), dict) else {}
    text_part = item.get("text_part") if isinstance(item.get("text_part"), dict) else {}
    related = _records(order_info.get("related_order_info"), f"{where} related_order_info")
    evidence = info.get("evidence") if isinstance(info.get("evidence"), list) else []
    return {
        "aftersale_id": aftersale_id,
        "order_id": _required_id(order_info, "shop_order_id", where),
        "related_id": _text(info.get("related_id")),
        "type": _int(info, "aftersale_type", where, required=True),
        "status": _int(info, "aftersale_status", where, required=True),
        "refund_status": _int(info, "refund_status", where),
        "apply_time": _int(info, "apply_time", where, required=True),
        "update_time": _update_time(info, where),
        "status_deadline": _int(info, "status_deadline", where),
        "refund_amount": _int(info, "refund_amount", where) or 0,
        "refund_post_amount": _int(info, "refund_post_amount", where) or 0,
        "reason_text": _text(info.get("reason_text") or text_part.get("reason_text")),
        "got_pkg": _int(info, "got_pkg", where),
        "return_tracking_no": _text(info.get("return_logistics_code")),
        "return_company_name": _text(info.get("return_logistics_company_name")),
        "evidence": json.dumps([str(url) for url in evidence], ensure_ascii=False)
        if evidence
        else "",
        "status_text": _text(text_part.get("aftersale_status_text")),
        "type_text": _text(text_part.get("aftersale_type_text")),
        "product_name": "; ".join(_text(r.get("product_name")) for r in related),
        "item_num": sum(_int(r, "item_num", where) or 0 for r in related) or 1,
        "synced_at": synced_at,
    }


def store_after_sales(connection: Connection | Session, rows: Sequence[dict[str, Any]]) -> None:
    """Upsert a page of requests, guarded by `update_time`, and record their status changes."""
    if not rows:
        return
    changes = status_changes(connection, rows)
    upsert(connection, AfterSale.__table__, rows, ["aftersale_id"], "update_time")
    if changes:
        connection.execute(insert(AfterSaleStatusChange.__table__), changes)


def status_changes(connection: Connection | Session, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The `after_sale_status_changes` rows storing `rows` adds: for each request the
    upsert will write (not older than the stored version, as its guard says) whose status
    differs from the stored one, the change at the record's `update_time`; for a request
    not stored yet, one change from None. A request twice in one page is compared with
    its earlier version in the page."""
    table = AfterSale.__table__
    ids = list({row["aftersale_id"] for row in rows})
    stored: dict[str, tuple[int, int, int | None]] = {
        aftersale_id: (status, update_time, deadline)
        for aftersale_id, status, update_time, deadline in connection.execute(
            select(table.c.aftersale_id, table.c.status, table.c.update_time, table.c.status_deadline).where(
                table.c.aftersale_id.in_(ids)
            )
        )
    }
    changes = []
    for row in rows:
        aftersale_id, status, update_time = row["aftersale_id"], row["status"], row["update_time"]
        before = stored.get(aftersale_id)
        if before is not None and update_time < before[1]:
            continue  # an older version from an overlap window: the upsert keeps the newer one
        if before is None or before[0] != status:
            changes.append(
                {
                    "aftersale_id": aftersale_id,
                    "from_status": None if before is None else before[0],
                    "to_status": status,
                    "at": update_time,
                    "from_deadline": None if before is None else before[2],
                    "seen_at": row["synced_at"],
                }
            )
        stored[aftersale_id] = (status, update_time, row["status_deadline"])
    return changes
