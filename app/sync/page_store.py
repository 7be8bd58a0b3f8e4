"""Storing one page of the pull so that no single record stops it.

Owns what the engine calls to store a page (`store_order_records`,
`store_after_sale_records`) and what it learns from it (`PageResult`): each record is
read by the shop's platform adapter (`read`: the port's `read_order`/`read_request`)
and checked before the insert, the good ones are stored with ingest.py's upserts, and
the rest are set aside raw in `quarantined_records` (`quarantine.keep`) with the reason
in plain words. Nothing here knows a platform's record shapes.

Set aside are: a record of the wrong shape (a required field missing or not a number,
an object where an id belongs, something that is not a record at all:
`MalformedRecord`), one the database cannot hold (`quarantine.unstorable`), and
one dated later than the platform's clock can mean. Only an answer whose list itself
is not a list (`MalformedAnswer`) stops the page. Should the database still
refuse the page, it is stored again one record at a time, each in a SAVEPOINT, and
only the records it refuses are set aside. A set-aside record's time, when it can be
read, still moves the cursor on, unless it lies in the future: a cursor there would
skip every later change (how the engine moves on past records whose time cannot be
read: `pull.StreamPull.pull`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from app.db import begin_before_savepoints
from app.models import AfterSale, Order, OrderLine, OrderLogistics
from app.models.orders import OrderPage
from app.platforms.records import MalformedAnswer, MalformedRecord
from app.sync import quarantine
from app.sync.ingest import store_after_sales, store_orders
from app.sync.quarantine import REASON_DATABASE_REFUSED, REASON_FUTURE, SetAside

log = logging.getLogger(__name__)

# What a database says when it cannot hold a value (a driver raises the Python errors
# before the statement is sent). Anything else — a lost connection, a full disk — is
# the database's trouble, not the record's, and stops the page as before.
DATABASE_REFUSALS = (DataError, IntegrityError, OverflowError, UnicodeError)


def _answer_list(value: Any, where: str) -> list[Any]:
    """An answer's list of records, each still to be read on its own."""
    if not isinstance(value, list):
        raise MalformedAnswer(f"{where} is not a list")
    return value


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


# How a platform's adapter reads one record (#index of its page, synced at): its rows, or
# MalformedRecord. The port's `read_order` and `read_request` are these.
ReadOrder = Callable[[Any, int, int], OrderPage]
ReadRequest = Callable[[Any, int, int], dict[str, Any]]


def store_order_records(
    session: Session, records: Any, synced_at: int, latest_possible: int, read: ReadOrder
) -> PageResult:
    """Store a page of orders read by `read`, setting aside what cannot be stored (see module)."""
    parsed, malformed = [], []
    for index, record in enumerate(_answer_list(records, "shop_order_list")):
        try:
            page = read(record, index, synced_at)
        except MalformedRecord as error:
            malformed.append(_malformed("orders", record, error))
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
    session: Session, items: Any, synced_at: int, latest_possible: int, read: ReadRequest
) -> PageResult:
    """Store a page of after-sale requests read by `read`, setting aside what cannot be
    stored (see module)."""
    parsed, malformed = [], []
    for index, item in enumerate(_answer_list(items, "items")):
        try:
            row = read(item, index, synced_at)
        except MalformedRecord as error:
            malformed.append(_malformed("after_sales", item, error))
            continue
        parsed.append(_Record(item, row["aftersale_id"], row["update_time"], {AfterSale.__table__: [row]}))

    def store(rows: list[_Record]) -> None:
        store_after_sales(session, [row for record in rows for row in record.rows[AfterSale.__table__]])

    return _store_records(session, "after_sales", parsed, malformed, store, synced_at, latest_possible)


def _malformed(stream: str, raw: Any, error: MalformedRecord) -> SetAside:
    """A record of the wrong shape, set aside with what of its id and time the parser read."""
    reason = quarantine.malformed_reason(stream, error.problem)
    return SetAside(raw, error.record_id, error.update_time, reason, str(error))


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
