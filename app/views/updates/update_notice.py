"""The status bar's word about updates: one is ready, waits for the owner, or was installed.

Owns `UpdateNotice` and `attach_update_notice` (the desk puts it in a window's status bar
and starts the check of this run, in the background). Hidden while there is nothing to
say; "Update 1.1.0 ready — what changed?" for the owner (a click opens `UpdateDialog`
with the notes and "Install at next start"); "Update 1.1.0 waits for the owner" for
everyone else (a click shows what changed); "Update 1.1.0 is installed at the next start"
once agreed; "Updated to 1.1.0" after the start that installed it; and a problem (the
address not answering, a release refused) in plain words, its whole text in the tooltip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import QPushButton

from app.services.updates.agreement import may_agree
from app.views.updates.checker import Stage, UpdateChecker, UpdateState
from app.views.updates.update_dialog import UpdateDialog

if TYPE_CHECKING:
    from app.services.people.permissions import Actor
    from app.views.shell.main_window import MainWindow

LONGEST = 90  # characters of a problem shown in the status bar; the rest in the tooltip


class UpdateNotice(QPushButton):
    """A flat button in the status bar: the update's state, a click for what changed."""

    def __init__(self, checker: UpdateChecker, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("updateNotice")
        self.setFlat(True)
        self.setStyleSheet("color: #1a5fb4; padding: 0 8px;")
        self._checker, self._window = checker, window
        checker.changed.connect(self._show_state)
        self.clicked.connect(self.open_dialog)
        self.dialog: UpdateDialog | None = None
        self._show_state(checker.state())

    def _actor(self) -> Actor | None:  # the window's person now (after a switch of shop too)
        return self._window.actor()

    @Slot(object)
    def _show_state(self, state: UpdateState) -> None:
        if state.stage == Stage.CHECKING and hasattr(self, "_state"):
            return  # what it said stands until the answer: the status bar does not flicker
        self._state = state
        words = self._words(state)
        self.setText(words if len(words) <= LONGEST else words[: LONGEST - 1] + "…")
        self.setToolTip(words)
        self.setVisible(bool(words))
        self.setEnabled(state.pending is not None)

    def _words(self, state: UpdateState) -> str:
        pending = state.pending
        if state.stage == Stage.WAITING and pending is not None:
            if may_agree(self._actor()):
                return self.tr("Update {version} ready: what changed?").format(version=pending.version)
            return self.tr("Update {version} waits for the shop owner").format(version=pending.version)
        if state.stage == Stage.AGREED and pending is not None and pending.not_installed:
            return self.tr(
                "Update {version} could not be installed ({reason}); the desk tries again at its next start"
            ).format(version=pending.version, reason=pending.not_installed)
        if state.stage == Stage.AGREED and pending is not None:
            return self.tr("Update {version} is installed at the next start").format(version=pending.version)
        if state.stage == Stage.INSTALLED:
            return self.tr("Updated to {version}").format(version=state.installed_version)
        if state.stage == Stage.PROBLEM:
            return self.tr("Update check: {problem}").format(problem=state.problem)
        return ""

    @Slot()
    def open_dialog(self) -> None:
        pending = self._state.pending
        if pending is None:
            return
        self.dialog = UpdateDialog(
            self._checker, pending, self._window.sessions(), self._actor(), self._window
        )
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show_state(self._state)
        super().changeEvent(event)


def attach_update_notice(window: MainWindow, checker: UpdateChecker) -> UpdateNotice:
    """The notice in `window`'s status bar, and this run's check started (once per run)."""
    notice = UpdateNotice(checker, window)
    window.statusBar().addPermanentWidget(notice)
    checker.check_at_start()
    return notice
