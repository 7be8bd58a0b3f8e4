"""The sync engine: one run of the sync, push then pull, for the worker and the CLI.

Owns the run (`SyncEngine.run_once`): push the outbox (`push.py`), then pull every
stream (`pull.py`, which owns the paging and the cursor), then refresh the platform
lists the app keeps a copy of, then a round of the history backfill
(`history_backfill.py`); and what the run reports (`RunReport`). The owner's automatic
decision rules (`services/automation/evaluation.py`) run at the start of each run (so they
decide offline too, from the mirror) and after each committed page of requests. The first
problem stops the run and is recorded on the stream's cursor for the status screen.

Given a sync lease (`lease.SyncLease`, ARCHITECTURE.md "Scale"), only its holder runs:
on a shared PostgreSQL database the other workstations stand by, retrying the lease
every run, and take over once the holder is gone; on a SQLite file too (a desktop and a
headless service on one file), the lease being a lock file beside it.

No Qt here: the worker (`worker.py`) runs `run_once()` on its thread.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.db import refresh_statistics
from app.models import SyncCursor
from app.platforms.port import Outcome, PlatformError, ShopPlatform
from app.services import platform_lists
from app.services.automation.evaluation import evaluate_open_requests
from app.services.platform_lists import LogisticsCompany, RejectReason
from app.services.sync_status import PROBLEM_ANOTHER_WORKSTATION_SYNCING
from app.sync.arbitration_deadlines import ArbitrationDeadlines
from app.sync.history_backfill import HistoryBackfill
from app.sync.lease import SyncLease
from app.sync.pull import AFTER_SALES, OVERLAP_S, PAGE_SIZE, STREAMS, Stream, StreamPull, SyncProblem
from app.sync.push import PushEngine

log = logging.getLogger(__name__)

BIG_LOAD_ROWS = 5_000  # after a pull this large, the database's planner statistics are refreshed


@dataclass
class RunReport:
    outcome: Outcome = Outcome.DONE
    pulled: dict[str, int] = field(default_factory=dict)
    pushed: dict[str, int] = field(default_factory=dict)  # final outbox state -> count
    problem: str = ""  # plain words (English source, context "sync")
    detail: str = ""  # the platform's words or what could not be read
    rate_limited: bool = False
    lists_refreshed: list[str] = field(default_factory=list)  # platform lists fetched anew
    arbitrations: int = 0  # requests whose arbitration deadline was read (arbitration_deadlines.py)
    histories: int = 0  # requests whose history the backfill settled (history_backfill.py)
    automatic: dict[str, int] = field(default_factory=dict)  # what the owner's rules did, by outcome
    set_aside: dict[str, int] = field(default_factory=dict)  # stream -> records set aside
    standing_by: bool = False  # another process holds the sync lease; nothing was done
    # While standing by: when the lease holder last pulled successfully, if ever.
    holder_last_success_at: int | None = None

    @property
    def kinds_changed(self) -> frozenset[str]:
        kinds = {kind for kind, count in self.pulled.items() if count}
        if any(self.set_aside.values()):
            kinds.add("quarantine")
        if self.lists_refreshed:
            kinds.add("platform_lists")
        if self.arbitrations:
            kinds.add("after_sales")
        if self.histories:
            kinds.add("after_sales")
        if any(self.pushed.values()) or any(self.automatic.values()):
            kinds.add("outbox")
        return frozenset(kinds)


# The copies keep each reason's code as the platform names it (Douyin a number, TikTok Shop
# a text name: platform_lists.reason_code); carriers' ids are numbers on both (TikTok's are
# digits).
def _reject_reasons(platform: ShopPlatform) -> Callable[[Session, int], None]:
    reasons = [
        RejectReason(code, r.reason, r.evidence_needed, tuple(str(kind) for kind in r.kinds))
        for r in platform.refusal_reasons()
        if (code := platform_lists.reason_code(r.code)) is not None
    ]
    return lambda session, now: platform_lists.store_reject_reasons(session, reasons, now)


def _carriers(platform: ShopPlatform) -> Callable[[Session, int], None]:
    companies = [LogisticsCompany(int(c.id), c.name, c.code) for c in platform.carriers()]
    return lambda session, now: platform_lists.store_logistics_companies(session, companies, now)


# The lists the engine keeps a copy of: each asks the platform (raising PlatformError for
# an answer it cannot use, so a bad answer never replaces a good copy) and gives what keeps it.
KEPT_LISTS: dict[str, Callable[[ShopPlatform], Callable[[Session, int], None]]] = {
    platform_lists.REJECT_REASONS_LIST: _reject_reasons,
    platform_lists.LOGISTICS_COMPANIES_LIST: _carriers,
}


def _standing_by(report: RunReport | None = None) -> RunReport:
    report = report if report is not None else RunReport()
    report.standing_by, report.problem = True, PROBLEM_ANOTHER_WORKSTATION_SYNCING
    return report


class SyncEngine(StreamPull):
    def __init__(
        self,
        platform: ShopPlatform,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], float] = time.time,
        overlap_s: int = OVERLAP_S,
        page_size: int = PAGE_SIZE,
        on_page: Callable[[str, int], None] | None = None,
        lease: SyncLease | None = None,
    ) -> None:
        self.platform = platform  # the shop's platform, through the port (app/platforms/port.py)
        self._sessions = sessions
        self._clock = clock
        self._overlap_s = overlap_s
        self._page_size = page_size
        self._on_page = on_page
        # The desktop and the headless service pass a lease (app/shop.py, cli.py); an
        # engine built without one (tests, tools) syncs unconditionally. Even then no
        # operation is sent twice: the push engine claims each one. Given the lease, the
        # push engine checks it before each send.
        self.lease = lease
        self.push = PushEngine(platform, sessions, clock=clock, lease=lease)
        self.arbitration_deadlines = ArbitrationDeadlines(platform, sessions, clock)
        self.history = HistoryBackfill(platform, sessions, clock)
        self._report: RunReport | None = None  # the run under way, for what the rules did per page
        self._run_started = 0  # when it began: a page's rules look at what the run stored

    def close(self) -> None:
        """Give up the sync lease (so another workstation takes over at once) and the connection."""
        if self.lease is not None:
            self.lease.release()
        self.platform.close()

    def run_once(self) -> RunReport:
        """Push the outbox, then pull every stream; stops at the first problem and reports it.

        Push runs first so that a pull never shows a state older than a decision the
        person already made here. Without the sync lease nothing runs: the report says
        another workstation is syncing, and the next run asks for the lease again.
        """
        if self.lease is not None and not self.lease.acquire():
            report = _standing_by()
            report.holder_last_success_at = self._last_success_at()
            return report
        report = self._report = RunReport()
        self._run_started = int(self._clock())
        self._run_rules(report)
        pushed = self.push.push_once()
        report.pushed = pushed.counts
        if pushed.stopped is not None:
            report.outcome = pushed.stopped.outcome
            report.problem = pushed.stopped.problem
            report.detail = pushed.stopped.platform_message
            report.rate_limited = pushed.stopped.rate_limited
            return report
        if self.lease is not None and not self.lease.holds():  # lost while pushing: the new holder pulls
            return _standing_by(report)
        for stream in STREAMS:
            try:
                report.pulled[stream.name] = self.pull(stream, report)
            except SyncProblem as problem:
                self._record_error(stream, problem)
                report.outcome = problem.error.outcome
                report.problem = problem.error.problem
                report.detail = problem.detail
                report.rate_limited = problem.error.rate_limited
                log.warning(
                    "pull of %s stopped: %s %s", stream.name, problem.error.describe(), problem.detail
                )
                return report
        if sum(report.pulled.values()) >= BIG_LOAD_ROWS:
            refresh_statistics(self._sessions)
        report.lists_refreshed = self.refresh_lists()
        # When the platform wants the shop's evidence: only a request's detail says.
        if self.lease is None or self.lease.holds():
            report.arbitrations = self.arbitration_deadlines.run()
        if self.lease is None or self.lease.holds():
            self._backfill_history(report)
        return report

    def _page_committed(self, stream_name: str) -> None:
        if stream_name == AFTER_SALES.name:  # what this run has stored so far
            self._run_rules(self._report, synced_since=self._run_started)

    def _run_rules(self, report: RunReport | None, synced_since: int | None = None) -> None:
        """The owner's rules over the requests waiting for the shop (all of them, or those
        stored since `synced_since`), in this process, off the window's thread; only the
        lease holder runs them (and each request version is claimed once in the database,
        whoever runs them). Never fails the run."""
        if self.lease is not None and not self.lease.holds():
            return
        try:
            done = evaluate_open_requests(
                self._sessions, now=int(self._clock()), platform=self.platform.name, synced_since=synced_since
            )
        except Exception:  # a rule's trouble must not stop the sync; it is tried again next page
            log.exception("the automatic decision rules could not run")
            return
        if report is not None:
            for outcome, count in done.acted.items():
                report.automatic[outcome] = report.automatic.get(outcome, 0) + count
            if done.stopped:  # a rule stopped itself: the owner's "needs attention" reads again
                report.automatic["stopped"] = report.automatic.get("stopped", 0) + len(done.stopped)

    def _backfill_history(self, report: RunReport) -> None:
        """A round of the history backfill, after the fresh work (history_backfill.py); an
        answer failing for now ends the run as a pull's would, so the worker backs off."""
        backfill = self.history.run_round()
        report.histories = backfill.read + backfill.missing
        if backfill.stopped is not None:
            error = backfill.stopped
            report.outcome, report.problem = error.outcome, error.problem
            report.detail, report.rate_limited = error.detail, error.rate_limited
            log.warning("history backfill stopped: %s", error.describe())

    def refresh_lists(self) -> list[str]:
        """Fetch each platform list the app keeps a copy of (`platform_lists`: reject
        reasons, carriers) when missing or a day old; returns the names fetched anew.

        The copies let refusals and shipping work offline. A failure here (the platform's
        answer unusable too: the adapter says so) is logged and left for the next run: the
        old copy stays usable, and the run (whose pulls succeeded) is not failed for it.
        """
        now = int(self._clock())
        return [name for name in KEPT_LISTS if self._refresh_list(name, now)]

    def _refresh_list(self, name: str, now: int) -> bool:
        try:
            with self._sessions() as session:
                if not platform_lists.is_stale(session, name, now):
                    return False
            try:
                keep = KEPT_LISTS[name](self.platform)
            except PlatformError as error:
                log.warning("could not refresh %s: %s", name, error.describe())
                return False
            with self._sessions.begin() as session:
                keep(session, now)
        except Exception:  # a list refresh must never fail a run whose pulls succeeded
            log.exception("refreshing %s failed", name)
            return False
        return True

    def _last_success_at(self) -> int | None:
        """When any stream last pulled successfully, whoever pulled it (shared database)."""
        try:
            with self._sessions() as session:
                return session.scalar(select(func.max(SyncCursor.last_success_at)))
        except Exception:  # the database itself is unreachable: there is no answer
            log.warning("could not read when the shop was last synced", exc_info=True)
            return None

    def _record_error(self, stream: Stream, problem: SyncProblem) -> None:
        with self._sessions.begin() as session:
            cursor = session.get(SyncCursor, stream.name)
            if cursor is not None:
                cursor.last_error = f"{problem.error.problem} {problem.detail}".strip()
