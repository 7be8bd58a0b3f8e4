"""The self-test's checks of a running desk: store, window, sync, one decision sent once.

Owns what `--self-test` (app/self_test.py) checks once the desk is starting: one step at a
time, each polled on the GUI thread until it holds (a step that fails says why in plain
words), in the order a person meets them:

  the main window is open → the demo shop's store answers → the first sync filled the
  mirror → the orders screen shows the orders → one refund approved through the refund
  services lands in the outbox → the sync process pushes it and the platform applies it →
  after one more sync the store's ledger holds that approval exactly once.

Every part used is the desk's own (the store process, the sync process, the window, the
services); the store's control surface (`/_sandbox/…`, loopback) is read only to count what
it has and to read its ledger. Any dialog the desk opens meanwhile is a failure with its words.
"""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy import func, select

from app import config
from app.core import problem_words
from app.core.refusal import Refusal
from app.core.vocabulary import Decision
from app.models import AfterSale, Order
from app.models import outbox as outbox_states
from app.self_test import Report
from app.services import outbox
from app.services.refunds import decisions as refund_decisions
from app.services.refunds.available_decisions import decisions_for
from app.services.refunds.queue import list_queue
from app.services.sync_status import SyncState, SyncStatus
from app.views.shell.main_window import MainWindow

POLL_MS = 100
HTTP_TIMEOUT_S = 10.0
CLIENT = "client"  # the store's ledger: what the shop's app asked, apart from the platform's own acts


class Failed(Exception):
    """A check that cannot pass; its words are what the person reads."""


class DeskChecks(QObject):
    """Polls the current step until it holds, then moves on; quits the desk when done."""

    def __init__(self, app: QApplication, report: Report) -> None:
        super().__init__(app)
        self._app, self._report = app, report
        self.done = False
        self.finished_at = 0.0  # monotonic: when the checks asked the desk to stop
        self._steps: list[tuple[str, Callable[[], bool]]] = [
            ("the main window to open", self._window_open),
            ("the demo shop's store to answer", self._store_answers),
            ("the first sync", self._first_sync),
            ("the orders screen to show the orders", self._orders_shown),
            ("a refund request to approve", self._queue_decision),
            ("the decision to be pushed", self._decision_pushed),
            ("one more sync after the push", self._one_more_sync),
            ("the store's ledger", self._sent_once),
        ]
        self._step_started = time.monotonic()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._poll)
        self._store_url = ""
        self.store_port = 0  # the demo store's, for the check that it ends with the desk
        self._window: MainWindow | None = None
        # A whole sync run after the push was seen done: started (SYNCING) and ended online.
        self._later_run_started = self._later_run_ended = False
        self._aftersale_id = ""

    def start(self) -> None:
        self._report.waiting_for = self._steps[0][0]
        self._timer.start(POLL_MS)

    # --- the loop ------------------------------------------------------------------------------
    def _poll(self) -> None:
        try:
            self._refuse_dialogs()
            if self._steps[0][1]():
                self._steps.pop(0)
                self._step_started = time.monotonic()
                if not self._steps:
                    self._finish(0)
                    return
                self._report.waiting_for = self._steps[0][0]
        except Failed as failed:
            self._report.fail(str(failed))
            self._finish(1)
        except Exception as error:  # a bug in a check or the desk: said, never a hang
            self._report.fail(f"while waiting for {self._steps[0][0]}: {type(error).__name__}: {error}")
            self._finish(1)

    def _finish(self, code: int) -> None:
        self._timer.stop()
        self.done, self.finished_at = not code, time.monotonic()
        for widget in QApplication.topLevelWidgets():  # a dialog's own loop would hold exit back
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        self._app.exit(code)

    def _since_step(self) -> float:
        return time.monotonic() - self._step_started

    def _refuse_dialogs(self) -> None:
        """A dialog is the desk telling a person something went wrong: the test fails with it."""
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            return
        words = dialog.windowTitle()
        if isinstance(dialog, QMessageBox):
            words = f"{dialog.windowTitle()}: {dialog.text()} {dialog.informativeText()}".strip()
        raise Failed(f"the desk showed a dialog instead of carrying on — {' '.join(words.split())}")

    # --- the steps -----------------------------------------------------------------------------
    def _store_answers(self) -> bool:
        self._refuse_needs_attention()  # the desk's own words when its store did not start
        # The store writes the port it listens on beside its file (app/demo_shop.py): the desk
        # started it, and this is how its address is known from outside the desk.
        port_file = config.sandbox_store_path().with_name(config.sandbox_store_path().name + ".port")
        if not port_file.exists():
            return False
        self.store_port = int(port_file.read_text(encoding="utf-8").strip())
        self._store_url = f"http://127.0.0.1:{self.store_port}"
        stats = self._store_get("stats")
        self._report.check(
            f"the demo shop's store answers at {self._store_url} with {stats.get('orders', '?')} orders "
            f"({self._report.seconds():.1f} s after the start)"
        )
        return True

    def _window_open(self) -> bool:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not found:
            return False
        window = self._window = found[0]
        actor = window.actor()
        worker = window.sync_worker()
        if actor is None or worker is None:
            raise Failed("the main window opened without a signed-in person or without its sync")
        worker.status_changed.connect(self._watch_runs)  # type: ignore[attr-defined]
        self._report.check(
            f"the main window is open, signed in as {actor.username} "
            f"({self._report.seconds():.1f} s after the start)"
        )
        return True

    def _watch_runs(self, status: SyncStatus) -> None:
        if status.state is SyncState.SYNCING:
            self._later_run_started = True
        elif status.state is SyncState.ONLINE and self._later_run_started:
            self._later_run_ended = True

    def _status(self) -> SyncStatus:
        assert self._window is not None
        return self._window.sync_worker().last_status()  # type: ignore[union-attr]

    def _refuse_needs_attention(self) -> None:
        status = self._status()
        if status.state is SyncState.NEEDS_ATTENTION:
            problem = problem_words.words(status.last_error, lambda source: source)
            raise Failed(f"the sync needs a person: {problem} {status.error_detail}".strip())

    def _first_sync(self) -> bool:
        self._refuse_needs_attention()
        status = self._status()
        if status.state is not SyncState.ONLINE:
            self._report.waiting_for = "the first sync" + (
                f" (it last said: {status.last_error} {status.error_detail})" if status.last_error else ""
            )
            return False
        assert self._window is not None
        with self._window.sessions()() as session:
            orders = session.scalar(select(func.count()).select_from(Order)) or 0
            requests = session.scalar(select(func.count()).select_from(AfterSale)) or 0
        if not orders or not requests:
            raise Failed(
                f"the first sync ended online but the mirror holds {orders} orders, {requests} requests"
            )
        self._report.check(
            f"the first sync brought {orders} orders and {requests} after-sale requests into the mirror "
            f"in {self._since_step():.1f} s"
        )
        return True

    def _orders_shown(self) -> bool:
        assert self._window is not None
        rows = self._window.screen_named("orders").model.rowCount()  # type: ignore[attr-defined]
        if not rows:
            return False
        self._report.check(f"the orders screen shows {rows} orders")
        return True

    def _queue_decision(self) -> bool:
        assert self._window is not None
        actor = self._window.actor()
        assert actor is not None
        now = int(time.time())
        with self._window.sessions().begin() as session:
            rows = [
                row
                for row in list_queue(session, now=now)
                if row.pending_operation is None
                and decisions_for(row.kind, row.state).yes is Decision.APPROVE_REFUND
            ]
            # The latest deadline first: the demo platform acts on its own near a deadline,
            # and the test wants the shop's decision to be the one that counts.
            for row in sorted(rows, key=lambda row: row.status_deadline, reverse=True):
                try:
                    queued = refund_decisions.approve_refund(session, actor, row.aftersale_id, now=now)
                except Refusal:
                    continue  # no longer waiting, or not this person's to decide
                self._aftersale_id = queued.aftersale_id
                amount = f"{row.refund_amount / 100:.2f}"
                break
            else:
                raise Failed(f"none of the {len(rows)} refund requests waiting could be approved")
        self._report.check(
            f"approved the refund of request {self._aftersale_id} ({amount}) through the refund "
            "services: one decision waits in the outbox"
        )
        self._window.sync_worker().sync_now()  # type: ignore[union-attr]  # the window's "Sync now"
        return True

    def _decision_pushed(self) -> bool:
        assert self._window is not None
        with self._window.sessions()() as session:
            operations = outbox.operations_for(session, self._aftersale_id)
        if len(operations) != 1:
            raise Failed(f"the outbox holds {len(operations)} operations for {self._aftersale_id}, not 1")
        operation = operations[0]
        if operation.state in outbox_states.ATTENTION_STATES:
            raise Failed(
                f"the platform did not apply the decision ({operation.state}): "
                f"{operation.problem} {operation.platform_message}".strip()
            )
        if operation.state != outbox_states.DONE:
            return False
        self._report.check(
            f"the sync pushed the decision and the platform applied it in {self._since_step():.1f} s"
        )
        self._later_run_started = self._later_run_ended = False
        self._window.sync_worker().sync_now()  # type: ignore[union-attr]
        return True

    def _one_more_sync(self) -> bool:
        # A decision sent twice would show after a later run: wait for a whole one.
        return self._later_run_ended

    def _sent_once(self) -> bool:
        entries: list[dict[str, Any]] = []
        since = 0
        while True:
            page = self._store_get(f"ledger?since={since}&limit=5000")["entries"]
            if not page:
                break
            entries += [e for e in page if e["entity_id"] == self._aftersale_id and e["actor"] == CLIENT]
            since = page[-1]["seq"]
        if len(entries) != 1:
            raise Failed(
                f"the store applied the decision on {self._aftersale_id} {len(entries)} times, not once"
            )
        self._report.check(
            f"the store's ledger holds the decision exactly once ({entries[0]['method']}), "
            "also after another sync"
        )
        return True

    def _store_get(self, path: str) -> dict[str, Any]:
        url = f"{self._store_url}/_sandbox/{path}"
        try:
            with urllib.request.urlopen(url, timeout=HTTP_TIMEOUT_S) as answer:  # noqa: S310 (loopback)
                data: dict[str, Any] = json.loads(answer.read().decode("utf-8"))
        except (OSError, ValueError) as error:
            raise Failed(f"the demo shop's store did not answer at {url}: {error}") from None
        return data
