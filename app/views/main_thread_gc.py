"""Python's garbage collector, run on the GUI thread only.

Owns `MainThreadGarbageCollector`. Automatic collection runs on whichever thread
happens to allocate; when it frees a widget (or any QObject with timers) that only a
reference cycle kept alive, and that thread is a background worker, Qt is left with a
timer registered to freed memory and the app crashes later. So automatic collection
is switched off and this object collects on the GUI thread, by the same thresholds the
automatic collector uses, a few times a second. Objects alive after start-up are
frozen out of the collector's way so that full collections stay short.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 250
# Young collections less often than Python's default (700): fewer, still short pauses.
THRESHOLDS = (20_000, 20, 20)


class MainThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        gc.disable()
        gc.set_threshold(*THRESHOLDS)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start()

    def freeze_start_up_objects(self) -> None:
        """Once the first window is up: what exists now lives as long as the app."""
        gc.collect()
        gc.freeze()

    def collect_if_due(self) -> None:
        counts = gc.get_count()
        generation = -1
        for level in range(3):
            if counts[level] > THRESHOLDS[level]:
                generation = level
        if generation >= 0:
            gc.collect(generation)

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()
