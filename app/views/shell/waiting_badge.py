"""The status bar's count of decisions made here that the platform has not confirmed yet.

Owns `WaitingBadge`: "3 waiting to be sent", hidden when there are none, counted off the
GUI thread (`outbox.waiting_count` on the database lane, with the refusals held back while
the platform reviews their evidence pictures, `refusal_evidence.held_for_review`, red when
one is urgent) whenever the window asks — after a sync status, a data change, or a
decision or shipment made here. The window asks it before quitting, so nobody quits
without knowing some decisions have not gone yet.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget
from sqlalchemy.orm import Session, sessionmaker

from app.services import outbox
from app.services.refunds.refusal_evidence import (
    PROBLEM_REVIEW_URGENT,
    PROBLEM_REVIEW_WAITING,
    held_for_review,
)
from app.views.common.background import BackgroundTasks


class WaitingBadge(QLabel):
    def __init__(self, tasks: BackgroundTasks, sessions: sessionmaker[Session], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("waitingBadge")
        self.setStyleSheet("color: #9a6700; padding: 0 8px;")
        self.hide()
        self._tasks = tasks
        self._sessions = sessions
        self._count = 0  # as last counted
        self._held = self._urgent = 0  # of which refusals held for the platform's picture review

    def rebind(self, tasks: BackgroundTasks, sessions: sessionmaker[Session]) -> None:
        """Count in another shop's database from now on (the window switched shop)."""
        self._tasks, self._sessions = tasks, sessions
        self._count = self._held = self._urgent = 0
        self.retranslate_ui()

    def refresh(self) -> None:
        """Count again, off the GUI thread."""
        self._tasks.read("window.waiting", self._sessions, _counts, self._on_count)

    def count(self) -> int:
        return self._count

    def _on_count(self, counts: tuple[int, int, int]) -> None:
        self._count, self._held, self._urgent = counts
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        # The words keep the window's context: they were the window's before the badge was its own.
        words = QCoreApplication.translate("MainWindow", "{count} waiting to be sent")
        text = words.format(count=self._count)
        tip = QCoreApplication.translate(
            "MainWindow",
            "Decisions made here that the platform has not confirmed yet; they are kept until it does.",
        )
        if self._held:
            held = QCoreApplication.translate(
                "MainWindow", "{count} waiting for the platform to review pictures"
            )
            text += " · " + held.format(count=self._held)
            problem = PROBLEM_REVIEW_URGENT if self._urgent else PROBLEM_REVIEW_WAITING
            tip += "\n" + QCoreApplication.translate("sync", problem)  # the push's words
        self.setText(text)
        self.setToolTip(tip)
        self.setStyleSheet(f"color: {'#cf222e' if self._urgent else '#9a6700'}; padding: 0 8px;")
        self.setVisible(self._count > 0)


def _counts(session: Session) -> tuple[int, int, int]:
    """(waiting to be sent, of which held for the platform's picture review, of which urgent)."""
    return (outbox.waiting_count(session), *held_for_review(session))
