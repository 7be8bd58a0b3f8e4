"""The one way screens run work off the GUI thread (after Anki's `taskman`).

Owns `BackgroundTasks`: a callable runs on a thread pool lane and its result, or the
exception it raised, comes back to a callback on the GUI thread through a queued
signal. Database reads share a single-worker lane, so they never compete for
SQLite's connection and arrive in the order asked; network calls (a connection
test) have a lane of their own, so a slow platform never holds up a screen's work.
Every request carries a key ("orders.list"); a newer request with the same key
supersedes the older one, whose result is then dropped (a generation counter per
key), so a fast typist never sees the answer to an earlier search land after the
answer to the latest.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

T = TypeVar("T")
DB_LANE = "db"
WORK_LANE = "work"
NET_LANE = "net"


@dataclass(slots=True)
class _Outcome:
    key: str
    generation: int
    result: Any
    error: BaseException | None
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None


class _Job(QRunnable):
    def __init__(self, function: Callable[[], Any], deliver: Callable[[Any, BaseException | None], None]):
        super().__init__()
        self._function = function
        self._deliver = deliver

    def run(self) -> None:
        try:
            result = self._function()
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the asker
            self._deliver(None, error)
        else:
            self._deliver(result, None)


class BackgroundTasks(QObject):
    """Runs callables off the GUI thread; answers on the GUI thread, newest only."""

    _finished = Signal(object)
    # The number of requests still running changed; a screen may show a busy hint.
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, work_threads: int = 2) -> None:
        super().__init__(parent)
        db_pool = QThreadPool(self)
        db_pool.setMaxThreadCount(1)
        work_pool = QThreadPool(self)
        work_pool.setMaxThreadCount(work_threads)
        net_pool = QThreadPool(self)
        net_pool.setMaxThreadCount(2)
        self._lanes = {DB_LANE: db_pool, WORK_LANE: work_pool, NET_LANE: net_pool}
        self._generations: dict[str, int] = {}
        self._running = 0
        self._closed = False
        # Queued explicitly: the signal is emitted from pool threads.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(
        self,
        key: str,
        function: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        lane: str = DB_LANE,
    ) -> int:
        """Run `function()` on `lane`; call `on_done(result)` or `on_error(exception)`
        on the GUI thread unless a newer request with `key` came first. Returns the
        request's generation."""
        if self._closed:
            return -1
        generation = self._generations.get(key, 0) + 1
        self._generations[key] = generation

        def deliver(result: Any, error: BaseException | None) -> None:
            # The helper may have been deleted (its window closed) while this job ran: nobody to tell.
            with contextlib.suppress(RuntimeError):
                self._finished.emit(_Outcome(key, generation, result, error, on_done, on_error))

        self._set_running(+1)
        self._lanes[lane].start(_Job(function, deliver))
        return generation

    def read(
        self,
        key: str,
        session_factory: sessionmaker[Session],
        query: Callable[[Session], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> int:
        """Run `query(session)` in a fresh read-only session on the database lane."""

        def unit_of_work() -> T:
            with session_factory() as session:
                return query(session)

        return self.run(key, unit_of_work, on_done, on_error, lane=DB_LANE)

    def cancel(self, key: str) -> None:
        """Drop whatever answer to `key` is still on its way."""
        self._generations[key] = self._generations.get(key, 0) + 1

    def is_busy(self) -> bool:
        return self._running > 0

    def wait_for_idle(self, msecs: int = 5_000) -> bool:
        """Block until every lane is empty (shutdown and tests); answers still queued
        for the GUI thread are delivered by the next event loop turn."""
        return all(pool.waitForDone(msecs) for pool in self._lanes.values())

    def shutdown(self, msecs: int = 5_000) -> None:
        """Stop taking work, let running jobs finish, and drop their answers."""
        self._closed = True
        for pool in self._lanes.values():
            pool.clear()
        for key in list(self._generations):
            self.cancel(key)
        self.wait_for_idle(msecs)

    def _set_running(self, delta: int) -> None:
        was_busy = self._running > 0
        self._running += delta
        if was_busy != (self._running > 0):
            self.busy_changed.emit(self._running > 0)

    @Slot(object)
    def _deliver(self, outcome: _Outcome) -> None:
        self._set_running(-1)
        if self._closed or outcome.generation != self._generations.get(outcome.key):
            return  # superseded: a newer request with the same key is on its way
        if outcome.error is None:
            outcome.on_done(outcome.result)
        elif outcome.on_error is not None:
            outcome.on_error(outcome.error)
        else:
            log.error("background task %s failed", outcome.key, exc_info=outcome.error)
