"""Storing the rows a platform's parser made into the local mirror.

Owns the guarded upserts that store a page of orders (`OrderPage`: orders, lines,
parcels) and of after-sale requests, as row dicts of the mirror's tables in the app's
words with the platform's codes beside them. The rows come from the shop's platform
adapter (`app.platforms.<name>.parse`); nothing here knows a platform's codes. Row
dicts, not ORM objects: a page of 100 orders with their lines goes to the database as
three executemany statements.

The pull stores its pages through `page_store.py`, which sets aside, record by record,
what cannot be stored; the outbox's re-reads (`push.py`) use the functions here directly.

Storing after-sales also appends to `after_sale_status_changes` a row for every
request whose status differs from the mirror's (and one, from nothing, for a request
first seen), with its state in the app's words beside the platform's codes, set-based:
one SELECT of the stored statuses for the page, one INSERT.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.orm import Session

from app.db import upsert
from app.models import AfterSale, AfterSaleStatusChange, Order, OrderLine, OrderLogistics
from app.models.orders import OrderPage


def store_orders(connection: Connection | Session, page: OrderPage) -> None:
    """Upsert one page; each table guarded by the order version its rows came from."""
    upsert(connection, Order.__table__, page.orders, ["order_id"], "update_time")
    upsert(connection, OrderLine.__table__, page.lines, ["sku_order_id"], "order_update_time")
    upsert(
        connection, OrderLogistics.__table__, page.parcels, ["order_id", "tracking_no"], "order_update_time"
    )


def store_after_sales(connection: Connection | Session, rows: Sequence[dict[str, Any]]) -> None:
    """Upsert a page of requests, guarded by `update_time`, and record their status changes."""
    if not rows:
        return
    changes = status_changes(connection, rows)
    upsert(connection, AfterSale.__table__, rows, ["aftersale_id"], "update_time")
    record_status_changes(connection, changes)


def record_status_changes(connection: Connection | Session, changes: Sequence[dict[str, Any]]) -> None:
    """Append `status_change` rows (the one way they are written: this ingest, and the
    history backfill's replay of a request's past, app/sync/history_backfill.py)."""
    if changes:
        connection.execute(insert(AfterSaleStatusChange.__table__), list(changes))


def status_change(
    aftersale_id: str,
    from_status: int | None,
    to_status: int | None,
    from_state: str | None,
    to_state: str | None,
    at: int,
    from_deadline: int | None,
    seen_at: int,
) -> dict[str, Any]:
    """One `after_sale_status_changes` row (see `AfterSaleStatusChange`)."""
    return {
        "aftersale_id": aftersale_id,
        "from_status": from_status,
        "to_status": to_status,
        "from_state": from_state,
        "to_state": to_state,
        "at": at,
        "from_deadline": from_deadline,
        "seen_at": seen_at,
    }


def status_changes(connection: Connection | Session, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The `after_sale_status_changes` rows storing `rows` adds: for each request the
    upsert will write (not older than the stored version, as its guard says) whose status
    differs from the stored one, the change at the record's `update_time`; for a request
    not stored yet, one change from None. A request twice in one page is compared with
    its earlier version in the page."""
    table = AfterSale.__table__
    ids = list({row["aftersale_id"] for row in rows})
    stored: dict[str, tuple[int, int, int | None, str | None, str]] = {
        aftersale_id: (status, update_time, deadline, state, status_code or "")
        for aftersale_id, status, update_time, deadline, state, status_code in connection.execute(
            select(
                table.c.aftersale_id,
                table.c.status,
                table.c.update_time,
                table.c.status_deadline,
                table.c.state,
                table.c.status_code,
            ).where(table.c.aftersale_id.in_(ids))
        )
    }
    changes = []
    for row in rows:
        aftersale_id, status, update_time = row["aftersale_id"], row["status"], row["update_time"]
        # A platform whose codes are text (TikTok Shop) has 0 in `status` and its code here.
        status_code = row.get("status_code", "")
        before = stored.get(aftersale_id)
        if before is not None and update_time < before[1]:
            continue  # an older version from an overlap window: the upsert keeps the newer one
        if before is None or before[0] != status or before[4] != status_code:
            changes.append(
                status_change(
                    aftersale_id,
                    None if before is None else before[0],
                    status,
                    None if before is None else before[3],
                    row["state"],
                    update_time,
                    None if before is None else before[2],
                    row["synced_at"],
                )
            )
        stored[aftersale_id] = (status, update_time, row["status_deadline"], row["state"], status_code)
    return changes
