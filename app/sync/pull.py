"""Pulling one stream (orders, after-sales) from the platform into the local mirror.

Owns the pull of ARCHITECTURE.md "How data flows" for each stream: start at the
stream's cursor minus an overlap window, ask for records updated since then in
`update_time` order, and store every page together with the cursor it reaches in one
transaction, so a crash repeats a page and never skips one. `StreamPull` is the part of
`engine.SyncEngine` that does this; the engine's run loop (engine.py) calls its `pull`.

Paging is by time, not by offset: each query starts at page 0 from the newest
`update_time` stored, so a window never holds more than one page and the platform's
50,000-result limit (`page*size`) is never reached however large the shop. Only when
a full page shares one second does the pull narrow the slice to that second and
page through it by offset; a full page whose times cannot be read at all has its window
halved until it fits (`_pull_unplaced`). Offset paging over a moving list would skip
rows that change while it pages; time paging cannot.

A record that cannot be stored never stops the pull: it is set aside (page_store.py,
quarantine.py) and listed in "needs attention". A page with a record of the wrong
shape is read once more first: an answer spoilt in passing then arrives whole, and
only a record the platform keeps sending that way is set aside. Only an answer whose
list is missing stops the pull (`SyncProblem`). Nor does a record dated in the future
move the cursor: the cursor never passes what the platform's clock can mean when it
answered (its HTTP Date, or ours, whichever is later, plus FUTURE_TOLERANCE_S; an
answer was only given if our clock was within the platform's ten-minute skew).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session, sessionmaker

from app.models import SyncCursor
from app.platforms.douyin.client import PROBLEM_UNREADABLE, ApiResult, Outcome, PlatformClient
from app.platforms.records import MalformedAnswer
from app.sync.page_store import PageResult, store_after_sale_records, store_order_records

if TYPE_CHECKING:  # the engine's report, filled in as pages are stored
    from app.sync.engine import RunReport

log = logging.getLogger(__name__)

PAGE_SIZE = 100  # the platform's maximum
# Re-read this much before the cursor: equal update_times and the platform's own
# clock differences otherwise lose rows (PLATFORM-PROTOCOL.md §4).
OVERLAP_S = 300
HISTORY_DAYS = 90  # the platform answers for the last 90 days only
HISTORY_MARGIN_S = 600  # stay clear of that edge so a slow first request is not refused
MAX_OFFSET_RESULTS = 50_000  # page*size limit
# How far past the answer's time a record may be dated: the platform's servers' own
# clocks differ a little from its gateway's (the overlap window's reason, too).
FUTURE_TOLERANCE_S = 600


@dataclass(frozen=True)
class Stream:
    """One kind of record pulled from the platform and where it lands."""

    name: str  # cursor key, and the kind of change announced to screens
    method: str
    start_param: str
    end_param: str
    order_params: dict[str, Any]
    list_key: str  # where the records sit in `data`
    # Parses and stores records (now, the latest update_time possible), setting aside
    # what cannot be stored.
    store: Callable[[Session, Any, int, int], PageResult]


ORDERS = Stream(
    name="orders",
    method="order.searchList",
    start_param="update_time_start",
    end_param="update_time_end",
    order_params={"order_by": "update_time", "order_asc": True},
    list_key="shop_order_list",
    store=store_order_records,
)
AFTER_SALES = Stream(
    name="after_sales",
    method="afterSale.List",
    start_param="update_start_time",
    end_param="update_end_time",
    order_params={"order_by": ["update_time asc"]},
    list_key="items",
    store=store_after_sale_records,
)
STREAMS = (ORDERS, AFTER_SALES)


class _ReadAgain(Exception):
    """A page held a record of the wrong shape: undo storing it and ask once more."""


class SyncProblem(Exception):
    """A pull stopped; `result` says why and whether waiting will help."""

    def __init__(self, result: ApiResult, detail: str = "") -> None:
        super().__init__(detail or result.describe())
        self.result = result
        self.detail = detail or result.platform_message


class StreamPull:
    """Pulling a stream page by page; mixed into `engine.SyncEngine`, which sets these:"""

    client: PlatformClient
    _sessions: sessionmaker[Session]
    _clock: Callable[[], float]
    _overlap_s: int
    _page_size: int
    _on_page: Callable[[str, int], None] | None

    def pull(self, stream: Stream, report: RunReport | None = None) -> int:
        """Pull one stream from its cursor to now; returns how many records were stored."""
        now = int(self._clock())
        floor = now - HISTORY_DAYS * 86400 + HISTORY_MARGIN_S
        with self._sessions() as session:
            cursor = session.get(SyncCursor, stream.name)
            high_water = cursor.high_water if cursor else floor
        start = max(high_water - self._overlap_s, floor)
        pulled = 0
        # Where the pull moves on to rests on one fact: the platform lists records by
        # their true update_time, whatever it then sends of them. So every record dated
        # before the newest readable time of a page was on that page or an earlier one
        # (records sharing that second may go on: the next query starts at it,
        # inclusive), also when some on the page were set aside, and even when their own
        # time could not be read. A set-aside record's readable time therefore moves the
        # cursor as a stored one's does (page_store.py), and a page of records whose times
        # cannot be read moves nothing (`page.newest` is 0): the cursor stays, and only
        # this run's start moves on, past a window every record of which was read
        # (`_pull_unplaced`). Nothing is skipped; such records are read again next run.
        while True:
            records, page, latest_possible = self._fetch_page(
                stream, {stream.start_param: start, "page": 0}, report
            )
            if not records:
                break
            pulled += len(records)
            if report is not None:
                report.pulled[stream.name] = pulled
            if len(records) < self._page_size or page.beyond:
                break  # beyond: the rest of the list is dated later still
            if page.newest > start:
                start = page.newest
            elif page.newest == start:
                # A full page inside one second: narrow the slice to that second.
                pulled += self._pull_one_second(stream, start, report)
                start += 1
            else:
                # A full page without one readable time at or after the start.
                narrowed, start = self._pull_unplaced(stream, start, latest_possible, report)
                pulled += narrowed
        self._record_success(stream)
        return pulled

    def _pull_unplaced(
        self, stream: Stream, start: int, latest_possible: int, report: RunReport | None
    ) -> tuple[int, int]:
        """After a full page from `start` whose records' times could not be read: halve
        the window [start, `latest_possible`] until the platform answers it with less
        than a full page (every record in it was read: go on after it) or a page shows a
        readable time (go on from there); a single second still full is read by offset.
        Returns how many records were read and where the pull goes on."""
        log.warning("%s: a full page from %d without a readable time; narrowing", stream.name, start)
        pulled, high = 0, latest_possible
        while high > start:
            middle = (start + high) // 2
            params = {stream.start_param: start, stream.end_param: middle, "page": 0}
            records, page, _ = self._fetch_page(stream, params, report)
            pulled += len(records)
            if len(records) < self._page_size:
                return pulled, middle + 1
            if page.newest > start:
                return pulled, page.newest
            if page.newest == start:
                break
            high = middle
        return pulled + self._pull_one_second(stream, start, report), start + 1

    def _pull_one_second(self, stream: Stream, second: int, report: RunReport | None) -> int:
        pulled = 0
        page = 1  # page 0 of this second was the page that led here
        while (page + 1) * self._page_size <= MAX_OFFSET_RESULTS:
            records, _, _ = self._fetch_page(
                stream, {stream.start_param: second, stream.end_param: second, "page": page}, report
            )
            pulled += len(records)
            if len(records) < self._page_size:
                return pulled
            page += 1
        log.error(
            "more than %d %s share the second %d; the rest wait for the next run",
            MAX_OFFSET_RESULTS,
            stream.name,
            second,
        )
        return pulled

    def _fetch(self, stream: Stream, params: dict[str, Any]) -> tuple[list[Any], int]:
        """A page of records, and the latest update_time the platform's clock can mean for it."""
        asked_at = int(self._clock())
        result = self.client.call(stream.method, {**stream.order_params, "size": self._page_size, **params})
        if not result.ok:
            raise SyncProblem(result)
        data = result.data
        records = data.get(stream.list_key) if isinstance(data, dict) else None
        if not isinstance(records, list):
            raise SyncProblem(
                ApiResult(Outcome.RETRY, problem=PROBLEM_UNREADABLE, code=result.code, log_id=result.log_id),
                f"{stream.method}: '{stream.list_key}' is missing from the answer",
            )
        return records, max(asked_at, result.answered_at or 0) + FUTURE_TOLERANCE_S

    def _fetch_page(
        self, stream: Stream, params: dict[str, Any], report: RunReport | None
    ) -> tuple[list[Any], PageResult, int]:
        """Fetch a page and store it; one with a record of the wrong shape is asked for
        once more first, and the second answer stored whatever it holds. Returns the
        records, what storing them did, and the latest update_time the answer can mean."""
        for last_try in (False, True):
            records, latest_possible = self._fetch(stream, params)
            if not records:
                return records, PageResult(), latest_possible
            try:
                page = self._store_page(stream, records, latest_possible, report, last_try)
                return records, page, latest_possible
            except _ReadAgain:
                log.info("%s: a record of the wrong shape; reading the page again", stream.name)
        raise AssertionError("unreachable")  # the last try never reads again

    def _store_page(
        self,
        stream: Stream,
        records: list[Any],
        latest_possible: int,
        report: RunReport | None = None,
        keep_malformed: bool = True,
    ) -> PageResult:
        """Store a page and move the cursor in one transaction, never past `latest_possible`.
        Unless `keep_malformed`, a page with a record of the wrong shape is not stored
        (raises _ReadAgain)."""
        now = int(self._clock())
        try:
            with self._sessions.begin() as session:
                page = stream.store(session, records, now, latest_possible)
                if page.malformed and not keep_malformed:
                    raise _ReadAgain  # undoes the page, set-aside rows too
                newest = page.newest
                cursor = session.get(SyncCursor, stream.name)
                if cursor is None:
                    session.add(SyncCursor(stream=stream.name, high_water=newest, last_error=""))
                elif newest > cursor.high_water:
                    cursor.high_water = newest
        except MalformedAnswer as error:
            # The answer's list itself is not a list (a record of the wrong shape is set
            # aside instead): nothing of it can be placed, so the run stops.
            raise SyncProblem(ApiResult(Outcome.RETRY, problem=PROBLEM_UNREADABLE), str(error)) from error
        if report is not None and page.set_aside:
            report.set_aside[stream.name] = report.set_aside.get(stream.name, 0) + page.set_aside
        if self._on_page is not None:
            self._on_page(stream.name, len(records))
        return page

    def _record_success(self, stream: Stream) -> None:
        with self._sessions.begin() as session:
            cursor = session.get(SyncCursor, stream.name)
            if cursor is not None:
                cursor.last_success_at = int(self._clock())
                cursor.last_error = ""
