"""Pulling one stream (orders, after-sales) from the platform into the local mirror.

Owns the pull of ARCHITECTURE.md "How data flows" for each stream: start at the
stream's cursor minus an overlap window, ask for records updated since then in
`update_time` order, and store every page together with the cursor it reaches in one
transaction, so a crash repeats a page and never skips one. `StreamPull` is the part of
`engine.SyncEngine` that does this; the engine's run loop (engine.py) calls its `pull`.

Paging is by time, not by offset: each query starts at the first page from the newest
`update_time` stored, so a window never holds more than one page and a platform's
paging limit (Douyin's 50,000 results, `page*size`) is never reached however large the
shop. Only when a full page shares one second does the pull narrow the slice to that
second and page through it with the platform's page cursor (app/platforms/port.py); a
full page whose times cannot be read at all has its window halved until it fits
(`_pull_unplaced`). Offset paging over a moving list would skip
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
from app.platforms.port import PROBLEM_UNREADABLE, PlatformError, PulledPage, RetryLater, ShopPlatform, Window
from app.platforms.records import MalformedAnswer
from app.sync.page_store import PageResult, store_after_sale_records, store_order_records

if TYPE_CHECKING:  # the engine's report, filled in as pages are stored
    from app.sync.engine import RunReport

log = logging.getLogger(__name__)

PAGE_SIZE = 100  # Douyin's maximum, and within TikTok Shop's
# Re-read this much before the cursor: equal update_times and the platform's own
# clock differences otherwise lose rows (PLATFORM-PROTOCOL.md §4).
OVERLAP_S = 300
HISTORY_DAYS = 90  # Douyin answers for the last 90 days only
HISTORY_MARGIN_S = 600  # stay clear of that edge so a slow first request is not refused
# How far past the answer's time a record may be dated: the platform's servers' own
# clocks differ a little from its gateway's (the overlap window's reason, too).
FUTURE_TOLERANCE_S = 600


@dataclass(frozen=True)
class Stream:
    """One kind of record pulled from the platform and where it lands."""

    name: str  # cursor key, and the kind of change announced to screens
    # Asks the platform for a page of the records changed in a window (the port's call).
    fetch: Callable[[ShopPlatform, Window, str | None, int], PulledPage]
    # Reads, with the platform's reader, and stores records (now, the latest update_time
    # possible), setting aside what cannot be stored.
    store: Callable[[ShopPlatform, Session, Any, int, int], PageResult]


ORDERS = Stream(
    name="orders",
    fetch=lambda platform, window, page, size: platform.changed_orders(window, page, size),
    store=lambda platform, session, records, now, latest: store_order_records(
        session, records, now, latest, platform.read_order
    ),
)
AFTER_SALES = Stream(
    name="after_sales",
    fetch=lambda platform, window, page, size: platform.changed_requests(window, page, size),
    store=lambda platform, session, records, now, latest: store_after_sale_records(
        session, records, now, latest, platform.read_request
    ),
)
STREAMS = (ORDERS, AFTER_SALES)


class _ReadAgain(Exception):
    """A page held a record of the wrong shape: undo storing it and ask once more."""


class SyncProblem(Exception):
    """A pull stopped; `error` says why and whether waiting will help."""

    def __init__(self, error: PlatformError, detail: str = "") -> None:
        super().__init__(detail or error.describe())
        self.error = error
        self.detail = detail or error.detail


class StreamPull:
    """Pulling a stream page by page; mixed into `engine.SyncEngine`, which sets these:"""

    platform: ShopPlatform
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
            fetched, page, latest_possible = self._fetch_page(stream, Window(start), None, report)
            records = fetched.records
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
                # A full page inside one second: narrow the slice to that second. The page
                # just read is that second's first page too (the window began at it), so a
                # positional cursor goes on from it; another platform's cursor starts again.
                go_on = fetched.next_page if self.platform.positional_pages else None
                pulled += self._pull_one_second(stream, start, report, first_page_read=go_on)
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
            fetched, page, _ = self._fetch_page(stream, Window(start, middle), None, report)
            pulled += len(fetched.records)
            if len(fetched.records) < self._page_size:
                return pulled, middle + 1
            if page.newest > start:
                return pulled, page.newest
            if page.newest == start:
                break
            high = middle
        return pulled + self._pull_one_second(stream, start, report), start + 1

    def _pull_one_second(
        self, stream: Stream, second: int, report: RunReport | None, first_page_read: str | None = None
    ) -> int:
        """Page through the window of one second with the platform's page cursor: from
        `first_page_read` (a positional cursor past the page already read, see
        `ShopPlatform.positional_pages`), else from the window's first page."""
        pulled, page = 0, first_page_read
        while True:
            fetched, _, _ = self._fetch_page(stream, Window(second, second), page, report)
            pulled += len(fetched.records)
            if len(fetched.records) < self._page_size:
                return pulled
            if fetched.next_page is None:  # the platform pages no further (Douyin: 50,000 results)
                break
            page = fetched.next_page
        log.error(
            "%s: more share the second %d than the platform pages through; the rest wait for the next run",
            stream.name,
            second,
        )
        return pulled

    def _fetch(self, stream: Stream, window: Window, page: str | None) -> tuple[PulledPage, int]:
        """A page of records, and the latest update_time the platform's clock can mean for it."""
        asked_at = int(self._clock())
        try:
            fetched = stream.fetch(self.platform, window, page, self._page_size)
        except PlatformError as error:
            raise SyncProblem(error) from error
        return fetched, max(asked_at, fetched.answered_at or 0) + FUTURE_TOLERANCE_S

    def _fetch_page(
        self, stream: Stream, window: Window, page: str | None, report: RunReport | None
    ) -> tuple[PulledPage, PageResult, int]:
        """Fetch a page and store it; one with a record of the wrong shape is asked for
        once more first, and the second answer stored whatever it holds. Returns the
        page, what storing it did, and the latest update_time the answer can mean."""
        for last_try in (False, True):
            fetched, latest_possible = self._fetch(stream, window, page)
            if not fetched.records:
                return fetched, PageResult(), latest_possible
            try:
                stored = self._store_page(stream, fetched.records, latest_possible, report, last_try)
                return fetched, stored, latest_possible
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
                page = stream.store(self.platform, session, records, now, latest_possible)
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
            raise SyncProblem(RetryLater(PROBLEM_UNREADABLE), str(error)) from error
        if report is not None and page.set_aside:
            report.set_aside[stream.name] = report.set_aside.get(stream.name, 0) + page.set_aside
        self._page_committed(stream.name)
        if self._on_page is not None:
            self._on_page(stream.name, len(records))
        return page

    def _page_committed(self, stream_name: str) -> None:
        """After a page is stored and committed (the engine runs the owner's rules here)."""

    def _record_success(self, stream: Stream) -> None:
        with self._sessions.begin() as session:
            cursor = session.get(SyncCursor, stream.name)
            if cursor is not None:
                cursor.last_success_at = int(self._clock())
                cursor.last_error = ""
