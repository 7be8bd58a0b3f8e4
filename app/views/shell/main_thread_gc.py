"""Python's garbage collector, run on the GUI thread only, in small steps.

Owns `MainThreadGarbageCollector`. Automatic collection runs on whichever thread
happens to allocate; when it frees a widget (or any QObject with timers) that only a
reference cycle kept alive, and that thread is a background worker, Qt is left with a
timer registered to freed memory and the app crashes later. So automatic collection
is switched off and this object collects on the GUI thread instead.

A collection holds the interpreter lock, so whichever thread runs it, the window
waits. The young generations are therefore collected often (every 50 ms when due),
which keeps each pause to a few milliseconds; a full collection, which traces every
object the app holds (over 100 ms with a large mirror open), waits while a sync is
running — up to a bound, so cyclic garbage cannot pile up without end — and runs
once the sync is done. Objects alive after start-up are frozen out of its way.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from app.services.sync_status import SyncState, SyncStatus

CHECK_INTERVAL_MS = 50
# Young (net new objects), middle (young collections) and old (middle collections).
THRESHOLDS = (10_000, 10, 10)
# While a sync runs, a full collection waits for up to this many middle collections
# (several minutes of syncing) before it goes ahead anyway.
FULL_DEFERRED_UP_TO = 400


class MainThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        gc.set_threshold(*THRESHOLDS)
        self._syncing = False
        self._running: set[int] = set()  # the watched workers syncing now (a desk of several shops)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    def freeze_start_up_objects(self) -> None:
        """Once the first window is up: what exists now lives as long as the app."""
        gc.collect()
        gc.freeze()

    def watch(self, sync_worker: QObject) -> None:
        """Defer full collections while this worker syncs (its `status_changed`); several
        workers (one per shop of the desk): while any of them syncs."""
        key = id(sync_worker)
        sync_worker.status_changed.connect(  # type: ignore[attr-defined]
            lambda status: self._on_sync_status(status, key)
        )

    def _on_sync_status(self, status: SyncStatus, worker: int = 0) -> None:
        if status.state == SyncState.SYNCING or status.retrying:  # a retry is a run too
            self._running.add(worker)
        else:
            self._running.discard(worker)
        self._syncing = bool(self._running)

    def collect_if_due(self) -> int | None:
        """Collect the oldest generation that is due; returns it (None: nothing due)."""
        young, middle, old = gc.get_count()
        if old > THRESHOLDS[2] and (not self._syncing or old > FULL_DEFERRED_UP_TO):
            generation = 2
        elif middle > THRESHOLDS[1]:
            generation = 1
        elif young > THRESHOLDS[0]:
            generation = 0
        else:
            return None
        gc.collect(generation)
        return generation

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
