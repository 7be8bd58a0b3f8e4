"""The sync worker: runs the engine on its own thread and reports what happens.

Owns the sync loop (ARCHITECTURE.md "Threads"): a QThread running the engine on a
timer and on demand, backing off while the platform cannot be reached, and publishing
`SyncStatus` and "what changed" as signals. The desktop runs it inside its sync
process (app/sync/child.py, driven by app/sync/sync_process.py), so that the sync
never holds the window's interpreter lock; tests and tools may run it in-process.

When the database itself fails mid-run (a full disk, a damaged file, a shared database
server that stopped answering) the status says which in plain words, read from the error
as the headless command reads it (`shop_database.sync_problem`), as needing a person;
and the loop keeps trying with back-off, carrying on by itself once the cause is gone
(space freed, the server back). Nothing is lost meanwhile: a page and its cursor, a
decision and its state, are each one transaction, which the failure rolled back whole.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TypedDict

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot

from app.core.translation import QT_TRANSLATE_NOOP
from app.models import outbox as outbox_state
from app.platforms.port import (
    PROBLEM_HTTP,
    PROBLEM_NETWORK,
    PROBLEM_PLATFORM_BUSY,
    PROBLEM_RATE_LIMITED,
    PROBLEM_TIMEOUT,
    PROBLEM_UNREADABLE,
    Outcome,
)
from app.services.setup.shop_database import SYNC_PROBLEMS, sync_problem
from app.services.sync_status import (
    CAUSE_NETWORK,
    CAUSE_NO_ANSWER,
    CAUSE_PLATFORM,
    CAUSE_RATE_LIMITED,
    CAUSE_UNEXPECTED,
    SyncState,
    SyncStatus,
)
from app.sync.backoff import Backoff
from app.sync.change_feed import ChangeFeed
from app.sync.engine import RunReport, SyncEngine
from app.sync.status import ShopNotReachable

log = logging.getLogger(__name__)

# Builds the engine on the worker thread (it may wait for the embedded sandbox to come
# up); the argument is the engine's per-page progress callback.
EngineFactory = Callable[[Callable[[str, int], None]], SyncEngine]

PROBLEM_UNEXPECTED = QT_TRANSLATE_NOOP(
    "sync", "Sync failed unexpectedly; it will try again. The log file has the details."
)
# Why the platform was not reached, from the client's words for it: the status line says
# "the platform is having trouble" for server errors, never "the network is down".
CAUSES = {
    PROBLEM_NETWORK: CAUSE_NETWORK,
    PROBLEM_TIMEOUT: CAUSE_NO_ANSWER,
    PROBLEM_HTTP: CAUSE_PLATFORM,
    PROBLEM_PLATFORM_BUSY: CAUSE_PLATFORM,
    PROBLEM_UNREADABLE: CAUSE_PLATFORM,
    PROBLEM_RATE_LIMITED: CAUSE_RATE_LIMITED,
    PROBLEM_UNEXPECTED: CAUSE_UNEXPECTED,
}
# While a big pull runs, let screens refresh this often, not on every page: each refresh
# re-reads what the screen shows, and while those reads and the sync's own parsing
# share the interpreter, every repaint waits for it (measured: the worst GUI stall of a
# 100k-order first sync fell from 97 to 64 ms going from 0.5 to 2 s).
PROGRESS_SIGNAL_INTERVAL_S = 2.0
STOP_WAIT_MS = 10_000
# While another workstation holds the sync lease, ask for it this often: the longest a
# shop goes unsynced after the holder stops (a holder that vanished without closing
# takes the lease keep-alives, about 11 s, to be noticed; app/sync/lease.py).
STANDBY_RETRY_S = 3.0
# The longest wait between tries while the database fails: a person freeing space on the
# disk, or restarting the database server, should see the sync carry on within a minute.
DATABASE_RETRY_MAX_S = 60.0


class _RunCounts(TypedDict):
    """What a run brought, as SyncStatus counts it."""

    orders_pulled: int
    after_sales_pulled: int
    decisions_sent: int
    decisions_refused: int


class _SyncLoop(QObject):
    """Lives on the worker thread; every slot here runs there."""

    status_changed = Signal(object)
    data_changed = Signal(object)

    def __init__(self, engine_factory: EngineFactory, interval_s: float) -> None:
        super().__init__()
        self._engine_factory = engine_factory
        self._engine: SyncEngine | None = None
        self._interval_s = interval_s
        self._backoff = Backoff()
        self._timer: QTimer | None = None
        self._status = SyncStatus()
        self._pending_kinds: set[str] = set()
        self._last_progress_signal = 0.0

    @Slot()
    def begin(self) -> None:
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.run)
        self.run()

    @Slot()
    def finish(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        if self._engine is not None:
            self._engine.close()  # also hands the sync lease to another workstation
        # Hand this object (and its timer) back to the GUI thread, which will destroy
        # it: Qt timers may only be stopped or freed by the thread they belong to.
        application = QCoreApplication.instance()
        assert application is not None, "the sync loop runs inside the desk's application"
        self.moveToThread(application.thread())

    @Slot()
    def run(self) -> None:
        assert self._timer is not None
        self._timer.stop()
        if self._status.state in (SyncState.OFFLINE, SyncState.NEEDS_ATTENTION):
            # A retry: the problem stands until a run succeeds. Saying "syncing" (or
            # "online") now would flip the status line and the banners at every try.
            self._publish(
                replace(self._status, retrying=True, next_attempt_in_s=0, kinds_changed=frozenset())
            )
        elif self._status.state is not SyncState.STANDING_BY:  # asking for the lease is no sync
            self._publish(SyncStatus(**{**self._status.__dict__, "state": SyncState.SYNCING}))
        try:
            if self._engine is None:
                self._engine = self._engine_factory(self._on_page)
            report = self._engine.run_once()
        except ShopNotReachable as error:
            report = RunReport(outcome=Outcome.CONFIG_ERROR, problem=error.problem, detail=error.detail)
        except Exception as error:  # the loop must survive anything and say so
            self._flush_changes(force=True)  # pages stored before the failure are there to see
            self._timer.start(int(self._after_failure(error) * 1000))
            return
        self._flush_changes(force=True)
        delay = self._schedule_after(report)
        self._timer.start(int(delay * 1000))

    def _schedule_after(self, report: RunReport) -> float:
        counts: _RunCounts = {
            "orders_pulled": report.pulled.get("orders", 0),
            "after_sales_pulled": report.pulled.get("after_sales", 0),
            "decisions_sent": report.pushed.get(outbox_state.DONE, 0),
            "decisions_refused": report.pushed.get(outbox_state.REJECTED, 0)
            + report.pushed.get(outbox_state.CONFLICT, 0),
        }
        if report.standing_by:
            # Another workstation keeps the shared database up to date; ask for the lease
            # again soon, so that one stopping leaves the shop unsynced for seconds only.
            self._backoff.reset()
            self._publish(
                SyncStatus(
                    SyncState.STANDING_BY,
                    report.holder_last_success_at,
                    **counts,
                    last_error=report.problem,
                    next_attempt_in_s=STANDBY_RETRY_S,
                    kinds_changed=report.kinds_changed,
                )
            )
            return STANDBY_RETRY_S
        if report.outcome is Outcome.DONE:
            self._backoff.reset()
            self._publish(
                SyncStatus(
                    SyncState.ONLINE,
                    int(time.time()),
                    **counts,
                    next_attempt_in_s=self._interval_s,
                    kinds_changed=report.kinds_changed,
                )
            )
            return self._interval_s
        if report.outcome is Outcome.RETRY:
            delay = self._backoff.next_delay(rate_limited=report.rate_limited)
            state = SyncState.OFFLINE
        else:
            # A person must act; keep trying slowly so the fix is noticed on its own.
            delay = max(self._interval_s, 60.0)
            state = SyncState.NEEDS_ATTENTION
        self._publish(
            SyncStatus(
                state,
                self._status.last_success_at,
                **counts,
                last_error=report.problem,
                error_detail=report.detail,
                next_attempt_in_s=delay,
                kinds_changed=report.kinds_changed,
                cause=CAUSES.get(report.problem, "") if state is SyncState.OFFLINE else "",
            )
        )
        return delay

    def _after_failure(self, error: Exception) -> float:
        """Say what stopped the run; returns the delay before the next try."""
        database = sync_problem(error)
        if database is None:
            log.exception("sync run failed")
            report = RunReport(outcome=Outcome.RETRY, problem=PROBLEM_UNEXPECTED, detail=str(error))
            return self._schedule_after(report)
        log.warning("the shop's database failed during the sync: %s", database.detail, exc_info=True)
        delay = min(self._backoff.next_delay(), DATABASE_RETRY_MAX_S)
        # A person must act (free space, rescue the file, bring the server back); the
        # driver's words are in the log, never shown as "the platform said".
        self._publish(
            SyncStatus(
                SyncState.NEEDS_ATTENTION,
                self._status.last_success_at,
                last_error=SYNC_PROBLEMS[database.status],
                next_attempt_in_s=delay,
            )
        )
        return delay

    def _on_page(self, kind: str, _count: int) -> None:
        self._pending_kinds.add(kind)
        self._flush_changes(force=False)

    def _flush_changes(self, *, force: bool) -> None:
        now = time.monotonic()
        if self._pending_kinds and (force or now - self._last_progress_signal >= PROGRESS_SIGNAL_INTERVAL_S):
            self.data_changed.emit(frozenset(self._pending_kinds))
            self._pending_kinds.clear()
            self._last_progress_signal = now

    def _publish(self, status: SyncStatus) -> None:
        self._status = status
        self.status_changed.emit(status)


class SyncWorker(QObject):
    """The GUI-side handle: start, stop, sync now; signals arrive on the GUI thread."""

    status_changed = Signal(object)  # SyncStatus
    data_changed = Signal(object)  # frozenset of "orders" / "after_sales"
    _begin = Signal()
    _run_now = Signal()

    def __init__(
        self,
        engine_factory: EngineFactory,
        interval_s: float = 15.0,
        parent: QObject | None = None,
        *,
        change_feed: ChangeFeed | None = None,
    ) -> None:
        super().__init__(parent)
        # On a shared database, other workstations' changes arrive as `data_changed` too.
        self._change_feed = change_feed
        self._feed_thread: threading.Thread | None = None
        self._feed_stop = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName("sync")
        self._loop = _SyncLoop(engine_factory, interval_s)
        self._loop.moveToThread(self._thread)
        self._begin.connect(self._loop.begin)
        self._run_now.connect(self._loop.run)
        # `finished` is emitted on the worker thread itself as its event loop ends, so a
        # direct connection runs the clean-up there, after the last step, every time.
        self._thread.finished.connect(self._loop.finish, Qt.ConnectionType.DirectConnection)
        self._loop.status_changed.connect(self.status_changed)
        self._loop.data_changed.connect(self.data_changed)

    def start(self) -> None:
        self._thread.start()
        self._begin.emit()
        if self._change_feed is not None:
            # A plain thread: it only waits on its socket. Signals emitted there reach
            # the GUI thread queued, like the sync thread's.
            self._feed_thread = threading.Thread(
                target=self._change_feed.listen,
                args=(self.data_changed.emit, self._feed_stop),
                name="change-feed",
                daemon=True,
            )
            self._feed_thread.start()

    @Slot()
    def sync_now(self) -> None:
        self._run_now.emit()

    def stop(self) -> None:
        """Stop after the current step; waits for it (bounded) so no transaction is cut."""
        self._feed_stop.set()
        if self._feed_thread is not None:
            self._feed_thread.join(STOP_WAIT_MS / 1000)
            self._feed_thread = None
        if not self._thread.isRunning():
            return
        self._thread.quit()
        if not self._thread.wait(STOP_WAIT_MS):
            log.warning("sync thread still busy after %d ms at stop", STOP_WAIT_MS)
