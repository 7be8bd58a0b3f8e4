"""The banner that says the platform cannot be reached and that work is kept.

Owns `OfflineBanner`, shown at the top of the screens where people act (refunds,
shipping) while the sync is offline: what they do is saved here and sent when the
connection returns, with how many actions wait. Hidden otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from app.sync.status import SyncState

STYLE = "background: #fff1c2; color: #5c4400; padding: 8px; border-radius: 4px;"


class OfflineBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        self.setWordWrap(True)
        self.setStyleSheet(STYLE)
        self._offline = False
        self._waiting = 0
        self.hide()

    def set_state(self, state: SyncState | None = None, waiting: int | None = None) -> None:
        if state is not None:
            self._offline = state == SyncState.OFFLINE
        if waiting is not None:
            self._waiting = waiting
        self._update()

    def text_shown(self) -> str | None:
        return self.text() if not self.isHidden() else None

    def _update(self) -> None:
        if self._offline:
            text = self.tr("Offline — your work is saved here and will be sent when the connection returns.")
            if self._waiting:
                text += " " + self.tr("{count} waiting to be sent.").format(count=self._waiting)
            self.setText(text)
        self.setVisible(self._offline)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update()
        super().changeEvent(event)
