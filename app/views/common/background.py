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
import itertools
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
class _Request:
    """What the GUI thread keeps of a request until its answer arrives.

    Only the GUI thread ever holds the callables: if a worker thread dropped the last
    reference to a closure over a widget, Python would free the widget there, and Qt,
    whose timers belong to the GUI thread, would later fire one into freed memory.
    """

    key: str
    generation: int
    function: Callable[[], Any]
    on_done: Callable[[Any], None]
    on_error: Callable[[BaseException], None] | None


@dataclass(slots=True)
class _Answer:
    request_id: int
    result: Any
    error: BaseException | None


class _Job(QRunnable):
    """Runs one request on a pool thread; holds nothing of the GUI's but while it runs."""

    def __init__(self, request_id: int, requests: dict[int, _Request], finished: Any) -> None:
        super().__init__()
        self._request_id = request_id
        self._requests = requests  # the GUI thread's registry; only read here
        self._finished = finished  # the helper's signal instance

    def run(self) -> None:
        request = self._requests.get(self._request_id)
        if request is None:
            return
        function = request.function
        del request  # the registry keeps the request; this thread lets go before answering
        try:
            answer = _Answer(self._request_id, function(), None)
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the asker
            answer = _Answer(self._request_id, None, error)
        del function
        # The helper may have been deleted (its window closed) while this job ran: nobody to tell.
        with contextlib.suppress(RuntimeError):
            self._finished.emit(answer)


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
        self._requests: dict[int, _Request] = {}
        self._request_ids = itertools.count(1)
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
        request_id = next(self._request_ids)
        self._requests[request_id] = _Request(key, generation, function, on_done, on_error)
        self._set_running(+1)
        self._lanes[lane].start(_Job(request_id, self._requests, self._finished))
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
        self._requests.clear()  # on the GUI thread, which is where closures over widgets must die

    def _set_running(self, delta: int) -> None:
        was_busy = self._running > 0
        self._running += delta
        if was_busy != (self._running > 0):
            self.busy_changed.emit(self._running > 0)

    @Slot(object)
    def _deliver(self, answer: _Answer) -> None:
        self._set_running(-1)
        request = self._requests.pop(answer.request_id, None)
        if request is None or self._closed or request.generation != self._generations.get(request.key):
            return  # superseded: a newer request with the same key is on its way
        if answer.error is None:
            request.on_done(answer.result)
        elif request.on_error is not None:
            request.on_error(answer.error)
        else:
            log.error("background task %s failed", request.key, exc_info=answer.error)


def retire(tasks: BackgroundTasks) -> None:
    """Let `tasks` go without waiting: it takes no more work and drops every answer still
    on its way; a job under way finishes on its pool thread, and the helper is deleted
    once idle (its pools must not be destroyed under a running job). For a window that
    builds its screens anew over another shop: the old screens' answers go nowhere."""
    tasks.shutdown(msecs=0)
    if not tasks.is_busy():
        tasks.deleteLater()
        return
    tasks.busy_changed.connect(lambda busy: busy or tasks.deleteLater())
