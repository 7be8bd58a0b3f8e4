"""The desktop's handle on its sync process: start, sync now, stop, and what it reports.

Owns `SyncProcess`, which the window uses exactly as it would the in-process
`SyncWorker` (the same `status_changed` and `data_changed` signals, `sync_now`,
`start`, `stop`) while the sync itself runs in `main.py sync-child` (app/sync/child.py), so that it
never competes with the window for Python's interpreter lock (see app/sync/child.py
for why). Waiting for the shop's credentials (the demo shop's sandbox may still be
starting) happens on a plain thread; everything else happens on the GUI thread
through QProcess's signals, so the window never waits on the sync.

If the sync process dies (killed, crashed), the status bar says so in plain words and
a new one starts after a back-off; what it was doing is safe in the database (a page
and its cursor commit together; an operation marked "sending" is re-read before it is
sent again).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QProcess, QTimer, Signal, Slot

from app.core import own_program
from app.core.translation import QT_TRANSLATE_NOOP
from app.db import head_revision
from app.platforms.registry import DOUYIN
from app.services.sync_status import SyncState, SyncStatus
from app.shop import Credentials, credentials_to_json
from app.sync.backoff import Backoff
from app.sync.status import ShopNotReachable

log = logging.getLogger(__name__)

STOP_WAIT_MS = 15_000  # the child finishes the step under way before it exits

PROBLEM_SYNC_PROCESS_ENDED = QT_TRANSLATE_NOOP("sync", "The sync stopped unexpectedly and is starting again…")


def status_from_json(fields: dict[str, Any]) -> SyncStatus:
    known = {field.name for field in dataclasses.fields(SyncStatus)}
    values = {name: value for name, value in fields.items() if name in known}
    values["state"] = SyncState(values.get("state", SyncState.STARTING.value))
    values["kinds_changed"] = frozenset(values.get("kinds_changed", ()))
    return SyncStatus(**values)


class SyncProcess(QObject):
    status_changed = Signal(object)  # SyncStatus
    data_changed = Signal(object)  # frozenset of data kinds ("orders", "after_sales", …)
    _credentials_ready = Signal(object)  # Credentials, or the ShopNotReachable why not

    def __init__(
        self,
        credentials: Callable[[], Credentials],
        database_url: str,
        interval_s: float = 15.0,
        parent: QObject | None = None,
        platform: str = DOUYIN,
    ) -> None:
        super().__init__(parent)
        self._wait_credentials = credentials
        self._platform = platform  # the shop's platform, which chooses its adapter in the child
        self._database_url = database_url
        self._interval_s = interval_s
        self._credentials: Credentials | None = None
        self._process: QProcess | None = None
        self._stopping = False
        self._backoff = Backoff()
        self._last_success_at: int | None = None
        self._restart = QTimer(self, singleShot=True)
        self._restart.timeout.connect(self._spawn)
        self._credentials_ready.connect(self._on_credentials)
        # The sync starts before sign-in; the window that opens later shows where it stands.
        self._last_status = SyncStatus()
        self.status_changed.connect(self._remember_status)

    # --- what the window calls ----------------------------------------------------------
    def start(self) -> None:
        # The child starts at once and loads its code while the demo shop may still be
        # starting; it waits for its first line, sent when the credentials are known.
        self._spawn()

        def wait() -> None:
            try:
                self._credentials_ready.emit(self._wait_credentials())
            except ShopNotReachable as why_not:
                self._credentials_ready.emit(why_not)

        threading.Thread(target=wait, name="sync-credentials", daemon=True).start()

    @Slot()
    def sync_now(self) -> None:
        # Before the credentials are known the child waits for its first line, and the
        # first run starts as soon as they are: there is nothing to hurry yet.
        if self.is_running() and self._credentials is not None:
            assert self._process is not None
            self._process.write(b"sync\n")

    def stop(self) -> None:
        """Ask the sync process to stop after the step under way, and wait for it (bounded)."""
        self._stopping = True
        self._restart.stop()
        process, self._process = self._process, None
        if process is None or process.state() == QProcess.ProcessState.NotRunning:
            return
        process.write(b"stop\n")
        process.closeWriteChannel()
        if not process.waitForFinished(STOP_WAIT_MS):
            log.warning("the sync process did not stop within %d ms; ending it", STOP_WAIT_MS)
            process.kill()
            process.waitForFinished(2_000)

    def last_status(self) -> SyncStatus:
        """The latest status told, for a window opened after the sync started."""
        return self._last_status

    @Slot(object)
    def _remember_status(self, status: SyncStatus) -> None:
        self._last_status = status

    def is_running(self) -> bool:
        return self._process is not None and self._process.state() == QProcess.ProcessState.Running

    def process_id(self) -> int | None:
        return int(self._process.processId()) if self.is_running() else None  # type: ignore[union-attr]

    # --- the child -------------------------------------------------------------------------
    @Slot(object)
    def _on_credentials(self, found: Credentials | ShopNotReachable) -> None:
        if self._stopping:
            return
        if isinstance(found, ShopNotReachable):
            self.stop()  # nothing to sync until a person acts; no process waits for nothing
            self._stopping = False
            self.status_changed.emit(
                SyncStatus(SyncState.NEEDS_ATTENTION, last_error=found.problem, error_detail=found.detail)
            )
            return
        self._credentials = found
        self._send_first_line()

    @Slot()
    def _spawn(self) -> None:
        if self._stopping:
            return
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._on_finished)
        program, *arguments = own_program.command(own_program.SYNC_CHILD)
        process.start(program, arguments)
        self._process = process
        if self._credentials is not None:  # a restart: they are known already
            self._send_first_line()

    def _send_first_line(self) -> None:
        if self._process is None or self._credentials is None:
            return
        first_line = {
            "database_url": self._database_url,
            "credentials": credentials_to_json(self._credentials),
            "platform": self._platform,
            "interval_s": self._interval_s,
            # The schema this desk migrated the database to: the child refuses any other (a
            # newer desk's) without loading Alembic itself.
            "schema": head_revision(),
        }
        # The secrets go down a pipe: never on a command line, which others can list.
        self._process.write((json.dumps(first_line) + "\n").encode())

    @Slot()
    def _read(self) -> None:
        process = self.sender()
        if not isinstance(process, QProcess):
            return
        while process.canReadLine():
            line = bytes(process.readLine().data()).decode("utf-8", errors="replace").strip()
            try:
                message = json.loads(line)
            except ValueError:
                log.warning("the sync process said something unreadable: %r", line[:200])
                continue
            if "status" in message:
                status = status_from_json(message["status"])
                if status.state is SyncState.ONLINE:
                    self._backoff.reset()
                self._last_success_at = status.last_success_at or self._last_success_at
                self.status_changed.emit(status)
            elif "changed" in message:
                self.data_changed.emit(frozenset(message["changed"]))

    @Slot(int, QProcess.ExitStatus)
    def _on_finished(self, exit_code: int, exit_status: QProcess.ExitStatus) -> None:
        process = self.sender()
        if isinstance(process, QProcess):
            process.deleteLater()
        if self._stopping or process is not self._process:
            return
        self._process = None
        delay = self._backoff.next_delay()
        log.warning("the sync process ended (%s, code %s); again in %.0f s", exit_status, exit_code, delay)
        # Not "offline": the platform may well be reachable; the sync is starting anew.
        self.status_changed.emit(
            SyncStatus(
                SyncState.STARTING,
                self._last_success_at,
                last_error=PROBLEM_SYNC_PROCESS_ENDED,
                next_attempt_in_s=delay,
            )
        )
        self._restart.start(int(delay * 1000))
