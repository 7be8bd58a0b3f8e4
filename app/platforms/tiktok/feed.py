"""One page of records changed in a window, from one TikTok search or several merged.

Owns how the port's `changed_orders` and `changed_requests` page: the app's after-sale
requests are two TikTok streams — returns (`POST /return_refund/202309/returns/search`)
and cancellations (`…/cancellations/search`) — yet the pull (app/sync/pull.py) asks for
one list in update-time order and relies on one fact: every record dated before the
newest of a page was on that page or an earlier one, and a page shorter than asked means
the window holds no more. So each page asks every search for enough records from where
it stood (several of TikTok's pages if its page is smaller than the one asked: returns
take 10–50, cancellations 1–50, orders 1–100 — docs/platforms/tiktok.md), merges them by
`update_time` keeping each stream's own order, and hands back the first `page_size`.

The cursor (`next_page`) is opaque to the pull: JSON naming, per search, the TikTok
`page_token` of the page its next record is on and how many of that page were handed out
already (`null` once it has no more). Each query sorts by `update_time` ascending
(`sort_field=update_time&sort_order=ASC`, PC get-order-list / search-returns /
search-cancellations), filtered by `update_time_ge` and `update_time_lt`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from app.platforms.port import PROBLEM_UNREADABLE, PulledPage, RetryLater, Window


@dataclass(frozen=True)
class Search:
    name: str  # its key in the cursor
    path: str
    list_key: str  # where the answer's `data` lists the records
    min_page: int
    max_page: int


ORDERS = Search("o", "/order/202309/orders/search", "orders", 1, 100)
RETURNS = Search("r", "/return_refund/202309/returns/search", "return_orders", 10, 50)
CANCELLATIONS = Search("c", "/return_refund/202309/cancellations/search", "cancellations", 1, 50)


@dataclass(frozen=True)
class Answer:
    records: list[Any]
    next_token: str  # "" when the search has no more
    answered_at: int | None


# Asks one search for one of its pages: (search, its body, page_token, page_size) -> Answer.
Fetch = Callable[[Search, dict[str, Any], str, int], Answer]
Position = tuple[str, int] | None  # (page_token, records of that page already handed out)


def window_body(window: Window) -> dict[str, Any]:
    """The body's update-time filter: from `start` to `end` inclusive (TikTok's `_lt` excludes)."""
    body: dict[str, Any] = {"update_time_ge": window.start}
    if window.end is not None:
        body["update_time_lt"] = window.end + 1
    return body


def page(
    searches: Sequence[Search], fetch: Fetch, window: Window, cursor: str | None, page_size: int
) -> PulledPage:
    """The next `page_size` records of the window, merged in update-time order."""
    positions = _read_cursor(cursor, searches)
    body = window_body(window)
    taken: dict[str, list[tuple[Any, Position]]] = {}
    after: dict[str, Position] = {}
    answered: list[int] = []
    for search in searches:
        position = positions[search.name]
        taken[search.name], after[search.name] = _take(search, fetch, body, position, page_size, answered)
    merged: list[tuple[str, int]] = _merge(taken, page_size)
    used = {search.name: 0 for search in searches}
    records = []
    for name, index in merged:
        records.append(taken[name][index][0])
        used[name] += 1
    # A record whose time cannot be read, read beyond the page handed out (an answer longer
    # than asked for), goes out too: the pull moves on by the newest time it was handed, so
    # nothing would bring it back, and it can only be set aside for a person anyway.
    for search in searches:
        records.extend(
            record for record, _ in taken[search.name][used[search.name] :] if update_time(record) is None
        )
    next_positions: dict[str, Position] = {}
    for search in searches:
        mine = taken[search.name]
        count = used[search.name]
        next_positions[search.name] = mine[count][1] if count < len(mine) else after[search.name]
    more = any(position is not None for position in next_positions.values())
    next_page = json.dumps(next_positions, sort_keys=True, separators=(",", ":")) if more else None
    return PulledPage(records, next_page, max(answered) if answered else None)


def _take(
    search: Search, fetch: Fetch, body: dict[str, Any], position: Position, wanted: int, answered: list[int]
) -> tuple[list[tuple[Any, Position]], Position]:
    """Up to `wanted` records of one search from `position` (more when a page gives more),
    each with its own position; and the position after the last one read."""
    if position is None:
        return [], None
    token, skip = position
    size = min(max(wanted, search.min_page), search.max_page)
    taken: list[tuple[Any, Position]] = []
    while True:
        answer = fetch(search, body, token, size)
        if answer.answered_at is not None:
            answered.append(answer.answered_at)
        taken.extend((record, (token, index)) for index, record in enumerate(answer.records) if index >= skip)
        if not answer.next_token or not answer.records:
            return taken, None
        token, skip = answer.next_token, 0
        if len(taken) >= wanted:
            return taken, (token, 0)


def update_time(record: Any) -> int | None:
    value = record.get("update_time") if isinstance(record, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _merge(taken: dict[str, list[tuple[Any, Position]]], limit: int) -> list[tuple[str, int]]:
    """(search, index) of the first `limit` records, by update_time; a stream's own order is
    kept, and a record whose time cannot be read goes out as soon as it heads its stream
    (its place in the platform's order is before the ones after it)."""
    heads = {name: 0 for name in taken}
    out: list[tuple[str, int]] = []
    while len(out) < limit:
        best: tuple[int, str] | None = None
        for name, index in heads.items():
            if index >= len(taken[name]):
                continue
            at = update_time(taken[name][index][0])
            key = (at if at is not None else -1, name)
            if best is None or key < best:
                best = key
        if best is None:
            break
        name = best[1]
        out.append((name, heads[name]))
        heads[name] += 1
    return out


def _read_cursor(cursor: str | None, searches: Sequence[Search]) -> dict[str, Position]:
    if cursor is None:
        return {search.name: ("", 0) for search in searches}
    try:
        raw = json.loads(cursor)
        positions: dict[str, Position] = {}
        for search in searches:
            value = raw[search.name]
            if value is None:
                positions[search.name] = None
            else:
                token, skip = value
                if not isinstance(token, str) or not isinstance(skip, int) or skip < 0:
                    raise ValueError(value)
                positions[search.name] = (token, skip)
        return positions
    except (ValueError, KeyError, TypeError) as error:
        raise RetryLater(
            PROBLEM_UNREADABLE, detail=f"not a page cursor of this adapter: {cursor!r:.80}"
        ) from error
