"""How long the GUI thread is ever blocked while a big sync runs (`gui_block_max_ms`).

Opens the real main window (offscreen) for a signed-in owner over a fresh database,
starts the sync as the app does (in a process of its own, app/sync/sync_process.py)
against a sandbox store full of orders, and while the first
full pull streams in — each committed page making the screens re-query — a 2 ms
QTimer on the GUI thread records the longest gap between its ticks. The figure is that
gap minus the timer's own interval: how long a click would have waited.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.config import Settings  # noqa: E402
from app.db import open_database  # noqa: E402
from app.services.people import accounts  # noqa: E402
from app.services.sync_status import SyncState
from app.sync.sync_process import SyncProcess  # noqa: E402
from app.views.shell.main_thread_gc import MainThreadGarbageCollector  # noqa: E402
from tests.sandbox_control import demo_client  # noqa: E402

TICK_MS = 2
SETTLE_S = 1.0  # let the window finish its first layout before measuring


def measure_gui_block(store_url: str, workdir: Path, *, limit_s: float = 240.0) -> tuple[float, int]:
    """Longest GUI stall in ms during the initial sync, and how many orders arrived."""
    from app.views.shell.app import build_application
    from app.views.shell.main_window import MainWindow

    settings = Settings(language="zh_CN")
    if QApplication.instance() is None:
        build_application([], settings)
    collector = MainThreadGarbageCollector()  # as the app does
    database_url = f"sqlite:///{workdir / 'gui-block.sqlite'}"
    _, sessions = open_database(database_url)
    with sessions.begin() as session:
        owner = accounts.create_owner(session, "owner", "店主", "bench-password-1", now=int(time.time()))
    credentials = demo_client(store_url).credentials
    # As the app does: the sync in a process of its own (app/sync/child.py).
    worker = SyncProcess(lambda: credentials, database_url, interval_s=3600)
    collector.watch(worker)  # as the app does
    window = MainWindow(sessions, settings, worker, actor=owner, settings_path=workdir / "settings.json")
    window.resize(1440, 900)
    window.show()
    collector.freeze_start_up_objects()  # as the app does once its window is up

    worst = {"gap": 0.0, "measuring": False, "orders": 0}
    clock = QElapsedTimer()
    clock.start()
    last = {"at": clock.elapsed()}

    def tick() -> None:
        now = clock.elapsed()
        if worst["measuring"]:
            worst["gap"] = max(worst["gap"], now - last["at"] - TICK_MS)
        last["at"] = now

    loop = QEventLoop()

    def on_status(status: object) -> None:
        if getattr(status, "state", None) in (SyncState.ONLINE, SyncState.OFFLINE, SyncState.NEEDS_ATTENTION):
            worst["orders"] = getattr(status, "orders_pulled", 0)
            QTimer.singleShot(500, loop.quit)  # the screens' last refresh lands too

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(int(SETTLE_S * 1000), loop.quit)
    loop.exec()  # the window's first layout and queries, not measured
    worker.status_changed.connect(on_status)
    last["at"] = clock.elapsed()
    worst["measuring"] = True
    worker.start()
    QTimer.singleShot(int(limit_s * 1000), loop.quit)
    loop.exec()
    worst["measuring"] = False
    timer.stop()
    worker.stop()
    window.close()
    collector.stop()
    return float(worst["gap"]), int(worst["orders"])
