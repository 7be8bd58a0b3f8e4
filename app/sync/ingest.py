"""Turning the platform's records into rows of the local mirror, and storing them.

Owns: the validation of each record the platform sends, the mapping of
`shop_order_list[]` and `afterSale.List items[]` to row dicts, and the guarded
upserts that store a page. Row dicts, not ORM objects: a page of 100 orders with
their lines goes to the database as three executemany statements.

No single record stops the page (`store_order_records`, `store_after_sale_records`):
one of the wrong shape (a required field missing or not a number, an object where an
id belongs, something that is not a record at all: `MalformedRecord`), one the
database cannot hold (`quarantine.unstorable`), or one dated later than the
platform's clock can mean, is set aside raw in `quarantined_records` with the reason
in plain words, and the rest is stored. Only an answer whose list itself is not a
list (`MalformedAnswer`) stops the page. Should the database still refuse the
page, it is stored again one record at a time, each in a SAVEPOINT, and only the
records it refuses are set aside. A set-aside record's time, when it can be read,
still moves the cursor on, unless it lies in the future: a cursor there would skip
every later change (how the engine moves on past records whose time cannot be read:
`engine.SyncEngine.pull`).

Storing after-sales also appends to `after_sale_status_changes` a row for every
request whose status differs from the mirror's (and one, from nothing, for a request
first seen), set-based: one SELECT of the stored statuses for the page, one INSERT.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, insert, select
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from app.db import begin_before_savepoints, upsert
from app.models import AfterSale, AfterSaleStatusChange, Order, OrderLine, OrderLogistics
from app.sync import quarantine
from app.sync.quarantine import REASON_DATABASE_REFUSED, REASON_FUTURE, SetAside

log = logging.getLogger(__name__)

# What a database says when it cannot hold a value (a driver raises the Python errors
# before the statement is sent). Anything else — a lost connection, a full disk — is
# the database's trouble, not the record's, and stops the page as before.
DATABASE_REFUSALS = (DataError, IntegrityError, OverflowError, UnicodeError)


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


def _answer_list(value: Any, where: str) -> list[Any]:
    """An answer's list of records, each still to be read on its own."""
    if not isinstance(value, list):
        raise MalformedAnswer(f"{where} is not a list")
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


# --- storing a page, setting aside what cannot be stored -------------------------------------
@dataclass(frozen=True, slots=True)
class PageResult:
    """What storing a page did, for the engine's cursor and paging."""

    newest: int = 0  # the newest readable update_time stored or set aside, not past the bound (0: none)
    beyond: bool = False  # a record was dated past the bound: what follows it is later still
    set_aside: int = 0
    malformed: int = 0  # of those set aside, records of the wrong shape


@dataclass(slots=True)
class _Record:
    raw: Any  # as received
    record_id: str
    update_time: int
    rows: dict[Table, list[dict[str, Any]]]


def store_order_records(session: Session, records: Any, synced_at: int, latest_possible: int) -> PageResult:
    """Store a page of `shop_order_list`, setting aside what cannot be stored (see module)."""
    parsed, malformed = [], []
    for index, record in enumerate(_answer_list(records, "shop_order_list")):
        try:
            page = parse_order(record, index, synced_at)
        except MalformedRecord as error:
            malformed.append(_malformed("orders", record, record, "order_id", error))
            continue
        tables = {Order.__table__: page.orders, OrderLine.__table__: page.lines}
        tables[OrderLogistics.__table__] = page.parcels
        order = page.orders[0]
        parsed.append(_Record(record, order["order_id"], order["update_time"], tables))

    def store(rows: list[_Record]) -> None:
        page = OrderPage()
        for record in rows:
            page.orders += record.rows[Order.__table__]
            page.lines += record.rows[OrderLine.__table__]
            page.parcels += record.rows[OrderLogistics.__table__]
        store_orders(session, page)

    return _store_records(session, "orders", parsed, malformed, store, synced_at, latest_possible)


def store_after_sale_records(
    session: Session, items: Any, synced_at: int, latest_possible: int
) -> PageResult:
    """Store a page of `afterSale.List` items, setting aside what cannot be stored (see module)."""
    parsed, malformed = [], []
    for index, item in enumerate(_answer_list(items, "items")):
        try:
            row = parse_after_sale(item, index, synced_at)
        except MalformedRecord as error:
            info = item.get("aftersale_info") if isinstance(item, dict) else None
            malformed.append(_malformed("after_sales", item, info, "aftersale_id", error))
            continue
        parsed.append(_Record(item, row["aftersale_id"], row["update_time"], {AfterSale.__table__: [row]}))

    def store(rows: list[_Record]) -> None:
        store_after_sales(session, [row for record in rows for row in record.rows[AfterSale.__table__]])

    return _store_records(session, "after_sales", parsed, malformed, store, synced_at, latest_possible)


def _malformed(stream: str, raw: Any, fields: Any, id_key: str, error: MalformedRecord) -> SetAside:
    """A record of the wrong shape, set aside with what of its id and time can be read
    (`fields`: the object holding them, when there is one)."""
    fields = fields if isinstance(fields, dict) else {}
    record_id = fields.get(id_key)
    readable_id = isinstance(record_id, int | str) and not isinstance(record_id, bool)
    try:
        update_time = _int(fields, "update_time", "")
    except MalformedRecord:
        update_time = None
    reason = quarantine.malformed_reason(stream, error.problem)
    return SetAside(raw, str(record_id) if readable_id else "", update_time, reason, str(error))


def _store_records(
    session: Session,
    stream: str,
    records: list[_Record],
    malformed: list[SetAside],
    store: Callable[[list[_Record]], None],
    synced_at: int,
    latest_possible: int,
) -> PageResult:
    newest, beyond = 0, False
    good: list[_Record] = []
    aside: list[SetAside] = list(malformed)
    for item in malformed:  # a readable time still places the record in the sorted list
        if item.update_time is not None and item.update_time <= latest_possible:
            newest = max(newest, item.update_time)
        elif item.update_time is not None:
            beyond = True
    for record in records:
        if record.update_time <= latest_possible:
            newest = max(newest, record.update_time)
        else:
            beyond = True
        problem = quarantine.unstorable(record.rows)
        if problem is None and record.update_time > latest_possible:
            problem = (REASON_FUTURE, f"update_time = {record.update_time}, later than {latest_possible}")
        if problem is not None:
            aside.append(SetAside(record.raw, record.record_id, record.update_time, *problem))
        else:
            if quarantine.clean_words(record.rows):
                log.warning("%s %s: text the database cannot hold was cleaned", stream, record.record_id)
            good.append(record)
    stored = _store_isolated(session, good, store, aside)
    # Resolve first: a record set aside on this page must stay open.
    quarantine.resolve(session, stream, (record.record_id for record in stored), synced_at)
    quarantine.keep(session, stream, aside, synced_at)
    for item in aside:
        log.warning("%s %s set aside: %s (%s)", stream, item.record_id, item.reason, item.detail)
    return PageResult(newest, beyond, len(aside), len(malformed))


def _store_isolated(
    session: Session, records: list[_Record], store: Callable[[list[_Record]], None], aside: list[SetAside]
) -> list[_Record]:
    """Store `records` in one go; if the database refuses, again one by one, each in a
    SAVEPOINT, adding the ones it refuses to `aside`. Returns the records stored."""
    if not records:
        return []
    begin_before_savepoints(session)
    try:
        with session.begin_nested():
            store(records)
        return records
    except DATABASE_REFUSALS:
        log.warning("the database refused a page; storing it one record at a time", exc_info=True)
    stored = []
    for record in records:
        try:
            with session.begin_nested():
                store([record])
        except DATABASE_REFUSALS as refusal:
            words = str(refusal).split("\n", 1)[0]  # the database's words, not the statement
            aside.append(
                SetAside(record.raw, record.record_id, record.update_time, REASON_DATABASE_REFUSED, words)
            )
        else:
            stored.append(record)
    return stored
