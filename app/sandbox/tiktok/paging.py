"""Paging of the TikTok dialect's searches: `page_size` and the opaque `page_token`.

Owns reading a search's paging and sorting parameters and making the next page's token.
The record pages every search by an opaque `next_page_token` (empty on the last page) with
`page_size`, `sort_field` and `sort_order` in the query (EcomPHP/tiktokshop-php
src/Resource.php `extractParams`; /work/shared/design/TIKTOK-PROTOCOL.md "Orders").

Ours: the token is base64url JSON naming the position after the last record given (its
sort value and id, and how many came before) and a fingerprint of the search's filters
and sort, so a token used with another search is refused instead of paging wrongly. The
next page starts strictly after that position (the store's keyset paging), never at an
offset that slides when an earlier record's time moves.
The store is asked for one record more than the page holds: whether another page follows
is known from that, never from a total that may have moved meanwhile.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from app.sandbox.tiktok import errors

SORT_FIELDS = ("create_time", "update_time")
SORT_ORDERS = ("ASC", "DESC")


@dataclass(frozen=True)
class Rules:
    """A search's paging rules (PC get-order-list, search-returns, search-cancellations)."""

    most: int  # the largest page_size
    default_size: int | None  # None: page_size is required
    default_order: str
    error_code: int  # the page's own code for an invalid parameter


# Orders: page_size required, 1-100, newest first. Returns and cancellations: page_size
# optional (10), at most 50, oldest first; returns' documented least is 10 (ours: any from 1).
ORDERS = Rules(most=100, default_size=None, default_order="DESC", error_code=errors.CODE_REFUSED)
REQUESTS = Rules(most=50, default_size=10, default_order="ASC", error_code=errors.CODE_INVALID_PARAMETER)


@dataclass(frozen=True)
class Page:
    size: int
    sort_field: str
    sort_order: str
    offset: int  # records given before this page
    after: tuple[int, str] | None  # (sort value, id) of the last record given, if any
    fingerprint: str


def fingerprint(template: str, filters: Any, sort_field: str, sort_order: str) -> str:
    text = json.dumps([template, filters, sort_field, sort_order], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def read_page(template: str, query: dict[str, str], filters: Any, rules: Rules) -> Page:
    def refused(detail: str) -> errors.ApiError:
        return errors.invalid(detail, rules.error_code)

    size_text = query.get("page_size", "")
    if not size_text and rules.default_size is None:
        raise refused("`page_size` is required.")
    size = int(size_text) if size_text.isdigit() else rules.default_size if not size_text else 0
    if size is None or not 1 <= size <= rules.most:
        raise refused(f"`page_size` must be between 1 and {rules.most}.")
    sort_field = query.get("sort_field") or "create_time"
    if sort_field not in SORT_FIELDS:
        raise refused(f"`sort_field` must be one of {', '.join(SORT_FIELDS)}.")
    sort_order = (query.get("sort_order") or rules.default_order).upper()
    if sort_order not in SORT_ORDERS:
        raise refused("`sort_order` must be ASC or DESC.")
    mark = fingerprint(template, filters, sort_field, sort_order)
    token = query.get("page_token", "")
    if not token:
        return Page(size, sort_field, sort_order, 0, None, mark)
    try:
        state = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        offset, after, given_mark = int(state["o"]), state["a"], str(state["f"])
        key = (int(after[0]), str(after[1])) if after is not None else None
    except (ValueError, KeyError, TypeError, IndexError):
        raise refused("`page_token` is invalid.") from None
    if given_mark != mark:
        raise refused("`page_token` belongs to another search (its filters or sort differ).")
    return Page(size, sort_field, sort_order, offset, key, mark)


def next_token(page: Page, given: int, last_key: tuple[int, str] | None, more: bool) -> str:
    """The token of the page after this one (which gave `given` records, the last keyed
    `last_key`); "" when there is none."""
    if not more or last_key is None:
        return ""
    state = {"o": page.offset + given, "a": list(last_key), "f": page.fingerprint}
    raw = json.dumps(state, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def key_of(record_json: str, id_field: str, sort_field: str) -> tuple[int, str] | None:
    """(sort value, id) of a stored record, read from its wire JSON."""
    try:
        record = json.loads(record_json)
        return int(record[sort_field]), str(record[id_field])
    except (ValueError, KeyError, TypeError):
        return None


def list_answer(key: str, rows: list[str], next_page_token: str, total: int) -> str:
    """A search's `data` as JSON text, the stored records spliced in unparsed."""
    token = json.dumps(next_page_token)
    return f'{{"{key}":[{",".join(rows)}],"next_page_token":{token},"total_count":{total}}}'


def search(search_fn: Any, page: Page, *, id_field: str, list_key: str, filters: dict[str, Any]) -> str:
    """One page of a store search (`Store.search_orders` and its kin) as the answer's `data`."""
    total, rows = search_fn(
        **filters,
        sort_field=page.sort_field,
        sort_order=page.sort_order,
        limit=page.size + 1,
        after=page.after,  # keyset: a record whose time moved meanwhile is neither skipped nor lost
    )
    more = len(rows) > page.size
    rows = rows[: page.size]
    last = key_of(rows[-1], id_field, page.sort_field) if rows else None
    return list_answer(list_key, rows, next_token(page, len(rows), last, more), total)
