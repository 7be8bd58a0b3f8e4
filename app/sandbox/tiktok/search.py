"""The TikTok sandbox store's searches: the filters of the three search paths, and paging.

Owns turning a search's filters (ids, statuses, types, arbitration status, the half-open
create/update time windows) into SQL over the store's indexed columns, ordering by the
asked sort field with ties broken by id, and keyset paging: `after=(sort value, id)` gives
the rows strictly after the last one a page gave, so a record whose time moves between
pages is never skipped by an offset sliding under it. Answers are the stored wire JSON.
A mixin of `store.Store`, which holds the connection and its lock.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from typing import Any

TABLES = ("orders", "returns", "cancellations")
SORT_FIELDS = ("create_time", "update_time")
Page = tuple[int, list[str]]  # (total matching the filters, one page of wire JSON)


def _in(column: str, values: Sequence[Any] | None, where: list[str], args: list[Any]) -> None:
    if values is not None:
        where.append(f"{column} IN ({','.join('?' * len(values))})" if values else "0")
        args.extend(values)


def _window(where: list[str], args: list[Any], **bounds: int | None) -> None:
    """`create_ge=…, update_lt=…` -> the documented windows: `_ge` inclusive, `_lt` exclusive."""
    for name, value in bounds.items():
        if value is not None:
            column, op = name.rsplit("_", 1)
            where.append(f"{column}_time {'>=' if op == 'ge' else '<'} ?")
            args.append(int(value))


def _field(name: str) -> str:
    """A field of the stored wire JSON, for the filters no column carries (fixed names only)."""
    return f"json_extract(data, '$.{name}')"


def _buyers(user_ids: Sequence[str] | None, where: list[str], args: list[Any]) -> None:
    """`buyer_user_ids[]` of the request searches: a request's buyer is its order's."""
    if user_ids is not None:
        marks = ",".join("?" * len(user_ids)) or "NULL"
        where.append(f"order_id IN (SELECT id FROM orders WHERE {_field('user_id')} IN ({marks}))")
        args.extend(user_ids)


class Searches:
    db: sqlite3.Connection
    lock: threading.RLock

    def _page(
        self,
        table: str,
        where: list[str],
        args: list[Any],
        sort: tuple[str, str],
        limit: int,
        offset: int,
        after: tuple[int, str] | None,
    ) -> Page:
        """Total (of the filters alone) and one page, after `after` when given, else from `offset`."""
        assert table in TABLES
        sort_field, sort_order = sort
        if sort_field not in SORT_FIELDS:
            raise ValueError(f"sort_field {sort_field!r}")
        descending = sort_order.upper() == "DESC"
        direction, beyond = ("DESC", "<") if descending else ("ASC", ">")
        clause = " AND ".join(where) or "1"
        page_clause, page_args = clause, list(args)
        if after is not None:
            page_clause += f" AND ({sort_field} {beyond} ? OR ({sort_field} = ? AND id {beyond} ?))"
            page_args += [int(after[0]), int(after[0]), str(after[1])]
            offset = 0
        with self.lock:
            total = self.db.execute(f"SELECT count(*) FROM {table} WHERE {clause}", args).fetchone()[0]  # noqa: S608
            rows = self.db.execute(
                f"SELECT data FROM {table} WHERE {page_clause} "  # noqa: S608
                f"ORDER BY {sort_field} {direction}, id {direction} LIMIT ? OFFSET ?",
                [*page_args, limit, offset],
            ).fetchall()
        return int(total), [row[0] for row in rows]

    def search_orders(
        self,
        *,
        status: str | None = None,
        create_ge: int | None = None,
        create_lt: int | None = None,
        update_ge: int | None = None,
        update_lt: int | None = None,
        sort_field: str = "create_time",
        sort_order: str = "DESC",
        limit: int = 20,
        offset: int = 0,
        after: tuple[int, str] | None = None,
        shipping_type: str | None = None,
        buyer_user_id: str | None = None,
        is_buyer_request_cancel: bool | None = None,
        warehouse_ids: Sequence[str] | None = None,
    ) -> Page:
        where: list[str] = []
        args: list[Any] = []
        _in("status", None if status is None else [status], where, args)
        # The body's other filters (PC get-order-list), read from the stored answer itself.
        _in(_field("shipping_type"), None if shipping_type is None else [shipping_type], where, args)
        _in(_field("user_id"), None if buyer_user_id is None else [buyer_user_id], where, args)
        if is_buyer_request_cancel is not None:
            where.append(f"{_field('is_buyer_request_cancel')} = ?")
            args.append(int(is_buyer_request_cancel))
        _in(_field("warehouse_id"), warehouse_ids, where, args)
        _window(
            where, args, create_ge=create_ge, create_lt=create_lt, update_ge=update_ge, update_lt=update_lt
        )
        return self._page("orders", where, args, (sort_field, sort_order), limit, offset, after)

    def search_returns(
        self,
        *,
        return_ids: Sequence[str] | None = None,
        order_ids: Sequence[str] | None = None,
        statuses: Sequence[str] | None = None,
        types: Sequence[str] | None = None,
        arbitration_statuses: Sequence[str] | None = None,
        create_ge: int | None = None,
        create_lt: int | None = None,
        update_ge: int | None = None,
        update_lt: int | None = None,
        sort_field: str = "create_time",
        sort_order: str = "ASC",
        limit: int = 10,
        offset: int = 0,
        after: tuple[int, str] | None = None,
        buyer_user_ids: Sequence[str] | None = None,
    ) -> Page:
        where: list[str] = []
        args: list[Any] = []
        _in("id", return_ids, where, args)
        _in("order_id", order_ids, where, args)
        _in("status", statuses, where, args)
        _in("type", types, where, args)
        _in("arbitration_status", arbitration_statuses, where, args)
        _buyers(buyer_user_ids, where, args)
        _window(
            where, args, create_ge=create_ge, create_lt=create_lt, update_ge=update_ge, update_lt=update_lt
        )
        return self._page("returns", where, args, (sort_field, sort_order), limit, offset, after)

    def search_cancellations(
        self,
        *,
        cancel_ids: Sequence[str] | None = None,
        order_ids: Sequence[str] | None = None,
        statuses: Sequence[str] | None = None,
        types: Sequence[str] | None = None,
        create_ge: int | None = None,
        create_lt: int | None = None,
        update_ge: int | None = None,
        update_lt: int | None = None,
        sort_field: str = "create_time",
        sort_order: str = "ASC",
        limit: int = 10,
        offset: int = 0,
        after: tuple[int, str] | None = None,
        buyer_user_ids: Sequence[str] | None = None,
    ) -> Page:
        where: list[str] = []
        args: list[Any] = []
        _in("id", cancel_ids, where, args)
        _buyers(buyer_user_ids, where, args)
        _in("order_id", order_ids, where, args)
        _in("status", statuses, where, args)
        _in("type", types, where, args)
        _window(
            where, args, create_ge=create_ge, create_lt=create_lt, update_ge=update_ge, update_lt=update_lt
        )
        return self._page("cancellations", where, args, (sort_field, sort_order), limit, offset, after)
