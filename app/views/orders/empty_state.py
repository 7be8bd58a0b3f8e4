"""What the orders screen says when it has no rows to show, and why.

Owns `OrdersEmptyState`, the page shown instead of an empty table: one sentence that
tells "no orders yet" (with what the sync is doing) from "none match these filters"
(with the search and status named), and a "Show all orders" button for the latter.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.sync_status import SyncState


class OrdersEmptyState(QWidget):
    show_all_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setObjectName("emptyState")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self._show_all = QPushButton(self)
        self._show_all.setObjectName("showAllOrders")
        self._show_all.clicked.connect(self.show_all_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self._show_all, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.retranslate_ui()

    def say(self, text: str, *, show_reset: bool) -> None:
        self.label.setText(text)
        self._show_all.setVisible(show_reset)

    def say_why(self, *, total: int, sync_state: SyncState | None, search: str, status: str | None) -> None:
        """No rows: none in the mirror yet (`total` 0), or none matching `search` and the
        chosen `status` filter (its label; None for "all")."""
        if not total:
            sentences = {
                SyncState.STARTING: self.tr("No orders yet — the first sync is running."),
                SyncState.SYNCING: self.tr("No orders yet — the first sync is running."),
                SyncState.OFFLINE: self.tr(
                    "No orders yet — the shop can't be reached right now; sync will retry on its own."
                ),
                SyncState.NEEDS_ATTENTION: self.tr(
                    "No orders yet — sync needs attention (see the status bar)."
                ),
            }
            fallback = self.tr("No orders yet. New orders appear here as soon as they are synced.")
            self.say(sentences.get(sync_state, fallback) if sync_state else fallback, show_reset=False)
            return
        if search and status:
            text = self.tr("No “{status}” orders match “{search}”.").format(status=status, search=search)
        elif search:
            text = self.tr("No orders match “{search}”.").format(search=search)
        else:
            text = self.tr("No orders are “{status}” right now.").format(status=status or "")
        self.say(text, show_reset=True)

    def retranslate_ui(self) -> None:
        self._show_all.setText(self.tr("Show all orders"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
