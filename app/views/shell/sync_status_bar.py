"""The status bar's sync line: where the shop connection stands, in plain words.

Owns `SyncStatusBar`, the widget at the right of the main window's status bar: a
coloured dot, a sentence ("Online · last synced 2 min ago", "Syncing…", "The platform
is having trouble · next try in 30 s", "Needs attention: <reason>") and a "Sync now"
button. It shows the latest `SyncStatus` the sync worker published and keeps its
relative times and the retry countdown current with one slow timer. While a retry runs
the problem stays on the line ("… · trying again now…"): it is gone only when a run
succeeds.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import tzinfo

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.shop_time import SHOP_TZ
from app.core.translation import QT_TRANSLATE_NOOP
from app.services.setup.shop_database import SYNC_PROBLEMS
from app.services.sync_status import (
    CAUSE_NETWORK,
    CAUSE_NO_ANSWER,
    CAUSE_PLATFORM,
    CAUSE_RATE_LIMITED,
    CAUSE_UNEXPECTED,
    SyncState,
    SyncStatus,
)
from app.views.common import formatting
from app.views.common.elided_label import ElidedLabel

REFRESH_MS = 1_000
PROBLEMS = (SyncState.OFFLINE, SyncState.NEEDS_ATTENTION)
STATE_COLOURS = {
    SyncState.STARTING: "#8a8f98",
    SyncState.SYNCING: "#1f6feb",
    SyncState.ONLINE: "#2da44e",
    SyncState.OFFLINE: "#bf8700",
    SyncState.NEEDS_ATTENTION: "#cf222e",
    SyncState.STANDING_BY: "#2da44e",  # healthy: another sync works for everyone
}


class SyncStatusBar(QWidget):
    """Shows a `SyncStatus`; `sync_requested` when the person presses "Sync now"."""

    sync_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._monotonic = monotonic
        self._status = SyncStatus()
        self._tz: tzinfo = SHOP_TZ  # the clock of the shop on screen (set_zone)
        self._received_at = monotonic()
        self._can_sync = False

        self._dot = QLabel("●", self)
        self._dot.setObjectName("syncDot")
        # A problem's sentence can be long (the whitelist error names the address and where
        # to add it): cut short with "…" on a narrow window, whole in the tooltip.
        self._text = ElidedLabel(self)
        self._text.setObjectName("syncText")
        self._button = QPushButton(self)
        self._button.setObjectName("syncNowButton")
        self._button.clicked.connect(self.sync_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 4, 0)
        layout.setSpacing(6)
        layout.addWidget(self._dot)
        layout.addWidget(self._text)
        layout.addWidget(self._button)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh)
        self._timer.start()
        self.retranslate_ui()

    def set_sync_available(self, available: bool) -> None:
        """Whether a sync worker is there to ask (no worker: the button stays disabled)."""
        self._can_sync = available
        self._refresh()

    @Slot(object)
    def set_status(self, status: SyncStatus) -> None:
        if status.state is SyncState.SYNCING and self._status.state in PROBLEMS:
            # A run that starts after a problem (a restarted sync process starts afresh) is a
            # retry: the problem stays shown until a run succeeds.
            status = replace(self._status, retrying=True)
        self._status = status
        self._received_at = self._monotonic()
        self._refresh()

    def status(self) -> SyncStatus:
        return self._status

    def text(self) -> str:
        return self._text.full_text()

    def describe(self, status: SyncStatus) -> str:
        """The sentence for `status`, as of now."""
        now = int(self._clock())
        state = status.state
        if state == SyncState.STARTING:
            # A restart after the sync process ended says why (the log has the details).
            return self.problem_text(status) or self.tr("Connecting to the shop…")
        if state == SyncState.SYNCING:
            # A routine run every few seconds must not make the line flicker.
            if status.last_success_at is not None:
                return self.tr("Online · syncing…")
            return self.tr("Syncing…")
        if state == SyncState.ONLINE:
            if status.last_success_at is None:
                text = self.tr("Online")
            else:
                text = self.tr("Online · last synced {age}").format(
                    age=formatting.age(status.last_success_at, now, self._tz)
                )
            # What the last run did with decisions made here (offline ones drain on their own).
            if status.decisions_sent:
                text += " · " + self.tr("%n decision(s) reached the platform", "", status.decisions_sent)
            if status.decisions_refused:
                text += " · " + self.tr("%n decision(s) need attention", "", status.decisions_refused)
            return text
        if state == SyncState.STANDING_BY:
            # Another workstation's sync, or one on this computer (a SQLite file's): the
            # tooltip says which it may be.
            if status.last_success_at is None:
                return self.tr("Another sync is running")
            return self.tr("Another sync is running · last synced {age}").format(
                age=formatting.age(status.last_success_at, now, self._tz)
            )
        if state == SyncState.OFFLINE:
            # Why, in a few words (the tooltip has the whole sentence), and when the next try is.
            return self.cause_text(status.cause) + " · " + self._next_try(status)
        reason = self.problem_text(status) or self.tr("the shop connection needs a person")
        text = self.tr("Needs attention: {reason}").format(reason=reason)
        if status.retrying or (
            status.last_error in SYNC_PROBLEMS.values() and status.next_attempt_in_s is not None
        ):
            # The database's problems are tried again by themselves, backing off: say when.
            text += " · " + self._next_try(status)
        return text

    @staticmethod
    def cause_text(cause: str) -> str:
        """Why the platform was not reached, in a few words (OFFLINE: tried again by itself).
        Also the dashboard's words for it, so both say the same."""
        words = {
            CAUSE_NETWORK: QT_TRANSLATE_NOOP("SyncStatusBar", "Offline: the platform cannot be reached"),
            CAUSE_NO_ANSWER: QT_TRANSLATE_NOOP("SyncStatusBar", "The platform is not answering"),
            CAUSE_PLATFORM: QT_TRANSLATE_NOOP("SyncStatusBar", "The platform is having trouble"),
            CAUSE_RATE_LIMITED: QT_TRANSLATE_NOOP("SyncStatusBar", "The platform asked us to slow down"),
            CAUSE_UNEXPECTED: QT_TRANSLATE_NOOP("SyncStatusBar", "The sync failed unexpectedly"),
        }.get(cause, QT_TRANSLATE_NOOP("SyncStatusBar", "Offline"))
        return QCoreApplication.translate("SyncStatusBar", words)

    def _next_try(self, status: SyncStatus) -> str:
        """When the next try is ("next try in 25 s", counting down), or that it runs now."""
        if status.retrying:
            return self.tr("trying again now…")
        if status.next_attempt_in_s is None:
            return self.tr("will try again by itself")
        left = max(0, round(status.next_attempt_in_s - (self._monotonic() - self._received_at)))
        if left == 0:
            return self.tr("trying again now…")
        return self.tr("next try in {seconds} s").format(seconds=left)

    @staticmethod
    def problem_text(status: SyncStatus) -> str:
        """The sync's problem in the person's language (the engine speaks English, context "sync")."""
        return formatting.problem_text(status.last_error)

    def retranslate_ui(self) -> None:
        self._button.setText(self.tr("Sync now"))
        self._button.setToolTip(self.tr("Fetch new orders and after-sales from the shop now"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_zone(self, tz: tzinfo) -> None:
        """The clock of the shop on screen (its rule set's): the last sync's time is told on it."""
        self._tz = tz
        self._refresh()

    @Slot()
    def _refresh(self) -> None:
        status = self._status
        sentence = self.describe(status)
        self._text.set_full_text(sentence)
        # A problem's sentence, when long, is cut short on the line: whole here.
        details = [sentence] if status.state in PROBLEMS else []
        if status.last_success_at is not None:
            details.append(
                self.tr("Last successful sync: {time}").format(
                    time=formatting.shop_time(status.last_success_at, tz=self._tz)
                )
            )
        if status.last_error:
            details.append(self.problem_text(status))
        if status.error_detail:
            details.append(self.tr("The platform said: {words}").format(words=status.error_detail))
        self._text.setToolTip("\n".join(details))
        colour = STATE_COLOURS[status.state]
        if self._dot.property("colour") != colour:  # re-polishing every second would be waste
            self._dot.setProperty("colour", colour)
            self._dot.setStyleSheet(f"color: {colour};")
        self._button.setEnabled(self._can_sync and status.state != SyncState.SYNCING and not status.retrying)
