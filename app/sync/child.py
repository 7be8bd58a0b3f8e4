"""The desktop's sync, in a process of its own: `main.py sync-child` (or `python -m app.sync.child`).

Owns the child side of `app/sync/sync_process.py`. Why a process: the sync parses
pages and writes rows in Python, and every repaint of a big table enters Python once
per cell; sharing one interpreter lock, each of those hundreds of entries waited for
the sync, and a repaint during a first sync took 30–60 ms instead of 6 (measured,
tests/benchmarks/gui_block.py). In a process of its own the sync never holds the
window's lock.

It runs the very same sync loop as ever (`SyncWorker`, with the sync lease and, on a
shared database, the change feed) and speaks JSON lines:

    stdin, first line   {"database_url": …, "credentials": {…}, "interval_s": …}
    stdin, then         "sync" (sync now) · "stop" or end of input (stop cleanly)
    stdout              {"status": {…SyncStatus…}} · {"changed": ["orders", …]}

The first line carries the app secret and the database password, which is why they
never appear on the command line (other users of the computer can list those).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import sys
import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from app.core import problem_words
from app.core.translation import QT_TRANSLATE_NOOP
from app.db import DatabaseTooNew, make_engine, make_session_factory, refuse_other_schema
from app.logging_setup import setup_logging
from app.platforms.registry import DOUYIN
from app.services.sync_status import SyncState, SyncStatus
from app.shop import credentials_from_json, real_shop
from app.sync.change_feed import ChangeFeed, listens
from app.sync.worker import SyncWorker

log = logging.getLogger(__name__)

LOG_FILE = "sync.log"

PROBLEM_DATABASE_NEWER = QT_TRANSLATE_NOOP(
    "sync",
    "AfterSales Desk {made_by} has set this shop's database up; this desk, version {ours}, is older "
    "and does not sync it. Install AfterSales Desk {made_by} or newer.",
)
PROBLEM_DATABASE_NEWER_UNNAMED = QT_TRANSLATE_NOOP(
    "sync",
    "A newer AfterSales Desk has set this shop's database up; this desk, version {ours}, is older "
    "and does not sync it. Install the newest AfterSales Desk.",
)


def status_to_json(status: SyncStatus) -> dict[str, Any]:
    fields = dataclasses.asdict(status)
    fields["state"] = status.state.value
    fields["kinds_changed"] = sorted(status.kinds_changed)
    return fields


class _Commands(QObject):
    """Lines read from stdin on a plain thread, handed to the event loop's thread."""

    sync_now = Signal()
    stop = Signal()

    def read(self) -> None:
        for line in sys.stdin:
            if line.strip() == "sync":
                self.sync_now.emit()
            elif line.strip() == "stop":
                break
        self.stop.emit()  # "stop", or the desktop went away: either way, stop cleanly


_stdout_lock = threading.Lock()  # the change feed speaks from a thread of its own


def _say(message: dict[str, Any]) -> None:
    with _stdout_lock:
        sys.stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
        sys.stdout.flush()


def _refuse(refused: DatabaseTooNew) -> int:
    """Say why nothing is synced, then wait to be stopped: exiting would have the desk start
    this process again and again, and a newer desk's database is never written."""
    log.error("not syncing: %s", refused)
    ours = str(refused.params["ours"])
    if refused.made_by:
        problem = problem_words.with_values(PROBLEM_DATABASE_NEWER, made_by=refused.made_by, ours=ours)
    else:
        problem = problem_words.with_values(PROBLEM_DATABASE_NEWER_UNNAMED, ours=ours)
    _say({"status": status_to_json(SyncStatus(SyncState.NEEDS_ATTENTION, last_error=problem))})
    for line in sys.stdin:
        if line.strip() == "stop":
            break
    return 0


def main() -> int:
    setup_logging(file_name=LOG_FILE)
    first_line = sys.stdin.readline()
    if not first_line.lstrip().startswith("{"):
        return 0  # stopped (or the desktop went away) before there was a shop to sync
    config = json.loads(first_line)
    app = QCoreApplication([])
    # The desktop migrated the database before starting this process; skipping Alembic
    # here brings the first sync 0.3 s sooner.
    sessions = make_session_factory(make_engine(config["database_url"]))
    if config.get("schema"):
        try:
            refuse_other_schema(sessions.kw["bind"], config["schema"])
        except DatabaseTooNew as refused:
            return _refuse(refused)
    credentials = credentials_from_json(config.get("platform", DOUYIN), config["credentials"])
    database = sessions.kw["bind"]
    shop = dataclasses.replace(
        real_shop(credentials, database_url=config["database_url"]), platform=config.get("platform", DOUYIN)
    )
    worker = SyncWorker(
        shop.engine_factory(sessions),
        interval_s=float(config["interval_s"]),
        change_feed=ChangeFeed(database) if listens(database) else None,
    )
    worker.status_changed.connect(lambda status: _say({"status": status_to_json(status)}))
    worker.data_changed.connect(lambda kinds: _say({"changed": sorted(kinds)}))
    commands = _Commands()
    commands.sync_now.connect(worker.sync_now)

    @Slot()
    def stop() -> None:
        worker.stop()  # waits for the step under way: no transaction is cut
        app.quit()

    commands.stop.connect(stop)
    threading.Thread(target=commands.read, name="commands", daemon=True).start()
    worker.start()
    log.info("sync process started for shop %s", credentials.shop_id)
    app.exec()
    log.info("sync process stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
