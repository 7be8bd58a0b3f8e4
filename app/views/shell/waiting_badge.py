"""The status bar's count of decisions made here that the platform has not confirmed yet.

Owns `WaitingBadge`: "3 waiting to be sent", hidden when there are none, counted off the
GUI thread (`outbox.waiting_count` on the database lane) whenever the window asks — after
a sync status, a data change, or a decision or shipment made here. The window asks it
before quitting, so nobody quits without knowing some decisions have not gone yet.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget
from sqlalchemy.orm import Session, sessionmaker

from app.services import outbox
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

    def refresh(self) -> None:
        """Count again, off the GUI thread."""
        self._tasks.read("window.waiting", self._sessions, outbox.waiting_count, self._on_count)

    def count(self) -> int:
        return self._count

    def _on_count(self, count: int) -> None:
        self._count = count
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        # The words keep the window's context: they were the window's before the badge was its own.
        words = QCoreApplication.translate("MainWindow", "{count} waiting to be sent")
        self.setText(words.format(count=self._count))
        self.setToolTip(
            QCoreApplication.translate(
                "MainWindow",
                "Decisions made here that the platform has not confirmed yet; they are kept until it does.",
            )
        )
        self.setVisible(self._count > 0)
