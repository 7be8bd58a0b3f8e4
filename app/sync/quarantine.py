"""Records from the platform the mirror cannot hold: found before the insert, kept raw.

Owns what the local database can hold, checked from the models' own columns before a
page is stored (`unstorable()`): integers within the column's size, and ids and codes
(keys, and columns named `*_id`, `*_no`, `*_code`) exactly as sent, without NUL
characters or lone surrogates and within the column's length. A record that fails is
set aside rather than altered: a wrong id would ship or refund the wrong thing. Free
text is cleaned instead (`clean_words()`: NULs dropped, lone surrogates replaced by
U+FFFD, cut to the column's length), so an order with an odd buyer note still reaches
the shipping board. Both databases are held to PostgreSQL's limits, the stricter: a
shop may move from SQLite to a shared database and must not find rows it cannot copy.

Owns, too, the plain words for a record of the wrong shape (`malformed_reason()`, for
`app.platforms.records.MalformedRecord`): an order without its update time, an object
for an id, text for a status, something in the list that is not a record at all.

Also owns the `quarantined_records` rows (`keep()`, `resolve()`): each distinct bad
record once per stream (the overlap window meets it again every run), its JSON exactly
as received, the reason in plain words; closed when a good version of the same record
is stored. No Qt; the engine's page transaction is the caller's.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, Column, Integer, String, Table, insert, select, update
from sqlalchemy.orm import Session

from app.core.translation import QT_TRANSLATE_NOOP
from app.models import QuarantinedRecord
from app.models.quarantine import RECORD_ID_LENGTH
from app.platforms.records import shown

# Why a record was set aside (`quarantined_records.reason`): plain words for the shop,
# English source, translated in context "sync" where shown.
REASON_NUMBER_TOO_BIG = QT_TRANSLATE_NOOP("sync", "A number in it is too large to be stored.")
REASON_BAD_CHARACTERS = QT_TRANSLATE_NOOP(
    "sync", "An id or code in it contains characters that cannot be stored."
)
REASON_TOO_LONG = QT_TRANSLATE_NOOP("sync", "An id or code in it is longer than can be stored.")
REASON_FUTURE = QT_TRANSLATE_NOOP(
    "sync", "It is dated in the future, which the platform's clock cannot mean."
)
REASON_DATABASE_REFUSED = QT_TRANSLATE_NOOP("sync", "The database refused to store it.")
# A record of the wrong shape (`MalformedRecord`), by stream and what is wrong.
REASON_NOT_AN_ORDER = QT_TRANSLATE_NOOP(
    "sync", "The platform sent something in its list of orders that is not an order."
)
REASON_ORDER_NO_ID = QT_TRANSLATE_NOOP(
    "sync", "The platform sent this order without a readable order number."
)
REASON_ORDER_NO_UPDATE_TIME = QT_TRANSLATE_NOOP(
    "sync", "The platform sent this order without its update time."
)
REASON_ORDER_BAD_UPDATE_TIME = QT_TRANSLATE_NOOP(
    "sync", "The platform sent this order with an update time that is not a time."
)
REASON_ORDER_UNREADABLE = QT_TRANSLATE_NOOP(
    "sync", "The platform sent this order with a part missing or in a form that cannot be read."
)
REASON_NOT_AN_AFTER_SALE = QT_TRANSLATE_NOOP(
    "sync", "The platform sent something in its list of after-sale requests that is not a request."
)
REASON_AFTER_SALE_NO_ID = QT_TRANSLATE_NOOP(
    "sync", "The platform sent this after-sale request without a readable request number."
)
REASON_AFTER_SALE_NO_UPDATE_TIME = QT_TRANSLATE_NOOP(
    "sync", "The platform sent this after-sale request without its update time."
)
REASON_AFTER_SALE_BAD_UPDATE_TIME = QT_TRANSLATE_NOOP(
    "sync", "The platform sent this after-sale request with an update time that is not a time."
)
REASON_AFTER_SALE_UNREADABLE = QT_TRANSLATE_NOOP(
    "sync", "The platform sent this after-sale request with a part missing or in a form that cannot be read."
)

# Keyed by stream, then by `MalformedRecord.problem` ("" for anything else).
MALFORMED_REASONS = {
    "orders": {
        "not_a_record": REASON_NOT_AN_ORDER,
        "no_id": REASON_ORDER_NO_ID,
        "no_update_time": REASON_ORDER_NO_UPDATE_TIME,
        "bad_update_time": REASON_ORDER_BAD_UPDATE_TIME,
        "": REASON_ORDER_UNREADABLE,
    },
    "after_sales": {
        "not_a_record": REASON_NOT_AN_AFTER_SALE,
        "no_id": REASON_AFTER_SALE_NO_ID,
        "no_update_time": REASON_AFTER_SALE_NO_UPDATE_TIME,
        "bad_update_time": REASON_AFTER_SALE_BAD_UPDATE_TIME,
        "": REASON_AFTER_SALE_UNREADABLE,
    },
}

INT32 = (-(2**31), 2**31 - 1)  # PostgreSQL's INTEGER
INT64 = (-(2**63), 2**63 - 1)  # BIGINT, and any SQLite integer
_CANNOT_STORE = re.compile("[\x00\ud800-\udfff]")  # NUL (PostgreSQL), lone surrogates (UTF-8)

Rows = Mapping[Table, Sequence[Mapping[str, Any]]]


@dataclass(frozen=True, slots=True)
class SetAside:
    """One record not stored: as received, and why."""

    record: Any  # the JSON value the platform sent for this record
    record_id: str  # "" when it could not be read
    update_time: int | None
    reason: str
    detail: str  # which column, which value: for support, not translated


def _is_identifier(column: Column[Any]) -> bool:
    return column.primary_key or bool(column.foreign_keys) or column.name.endswith(("_id", "_no", "_code"))


def unstorable(rows: Rows) -> tuple[str, str] | None:
    """(reason, detail) for the first value of a record's rows the database cannot hold
    as it is, or None when every value fits."""
    for table, table_rows in rows.items():
        for row in table_rows:
            for name, value in row.items():
                column = table.c[name]
                where = f"{table.name}.{name}"
                if isinstance(value, int) and not isinstance(value, bool):
                    low, high = INT64 if isinstance(column.type, BigInteger) else INT32
                    if isinstance(column.type, Integer) and not low <= value <= high:
                        return REASON_NUMBER_TOO_BIG, f"{where} = {value}"
                elif isinstance(value, str) and _is_identifier(column):
                    if _CANNOT_STORE.search(value):
                        return REASON_BAD_CHARACTERS, f"{where} = {shown(value)}"
                    length = column.type.length if isinstance(column.type, String) else None
                    if length is not None and len(value) > length:
                        return REASON_TOO_LONG, f"{where} has {len(value)} characters, at most {length} fit"
    return None


def malformed_reason(stream: str, problem: str) -> str:
    """The plain words for a record of the wrong shape (`MalformedRecord.problem`)."""
    reasons = MALFORMED_REASONS[stream]
    return reasons.get(problem, reasons[""])


def storable_text(text: str, length: int | None = None) -> str:
    """`text` without NULs, lone surrogates replaced by U+FFFD, cut to `length`."""
    cleaned = _CANNOT_STORE.sub(lambda found: "" if found.group() == "\x00" else "\ufffd", text)
    return cleaned if length is None else cleaned[:length]


def clean_words(rows: Rows) -> bool:
    """Make the free text of a record's rows storable, in place; True if anything changed."""
    changed = False
    for table, table_rows in rows.items():
        for row in table_rows:
            for name, value in row.items():
                column = table.c[name]
                if not isinstance(value, str) or _is_identifier(column):
                    continue
                length = column.type.length if isinstance(column.type, String) else None
                cleaned = storable_text(value, length)
                if cleaned != value:
                    row[name] = cleaned  # type: ignore[index]
                    changed = True
    return changed


# --- the quarantined_records table ----------------------------------------------------------
def _storable_time(value: int | None) -> int | None:
    return value if value is not None and INT64[0] <= value <= INT64[1] else None


def raw_json(record: Any) -> str:
    """The record as JSON text, ASCII-escaped: any database holds it, and it reads back equal."""
    return json.dumps(record, ensure_ascii=True)


def keep(session: Session, stream: str, records: Sequence[SetAside], now: int) -> None:
    """Add each set-aside record once per stream; one seen again is only marked seen: one
    the owner dismissed stays dismissed (the overlap window meets it every run), but one
    closed by a good version is open again, should the platform send the very same bad
    version after it (a later bad version is a row of its own, open)."""
    if not records:
        return
    table = QuarantinedRecord.__table__
    found = {}
    for item in records:
        raw = raw_json(item.record)
        found[hashlib.sha256(raw.encode("ascii")).hexdigest()] = (raw, item)
    known = set(
        session.scalars(
            select(table.c.fingerprint).where(table.c.stream == stream, table.c.fingerprint.in_(list(found)))
        )
    )
    if known:
        seen_again = (table.c.stream == stream, table.c.fingerprint.in_(list(known)))
        session.execute(update(table).where(*seen_again).values(last_seen_at=now))
        session.execute(
            update(table)
            .where(*seen_again, table.c.resolved_at.is_not(None))
            .values(resolved_at=None, dismissed_at=None, dismissed_by=None)
        )
    new = [
        {
            "stream": stream,
            "record_id": storable_text(item.record_id, RECORD_ID_LENGTH),
            "fingerprint": fingerprint,
            "raw": raw,
            "reason": item.reason,
            "detail": storable_text(item.detail),
            "update_time": _storable_time(item.update_time),
            "first_seen_at": now,
            "last_seen_at": now,
            "resolved_at": None,
        }
        for fingerprint, (raw, item) in found.items()
        if fingerprint not in known
    ]
    if new:
        session.execute(insert(table), new)


def resolve(session: Session, stream: str, record_ids: Iterable[str], now: int) -> None:
    """Close the open set-aside records of `stream` with these ids: a good version is stored."""
    ids = list(set(record_ids))
    if not ids:
        return
    table = QuarantinedRecord.__table__
    session.execute(
        update(table)
        .where(table.c.stream == stream, table.c.record_id.in_(ids), table.c.resolved_at.is_(None))
        .values(resolved_at=now)
    )
