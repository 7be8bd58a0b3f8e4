"""One alarm per thing that must not be missed, in the system tray.

Owns `TrayAlarm`: a tray notification the first time a key (a request due within the
hour, an order about to ship late) is raised, never again for the same key while the
app runs, so a countdown ticking every 30 seconds does not nag. Where the desktop has
no tray (some Linux sessions, tests) the same words go out through `notice` for the
status bar instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QSystemTrayIcon

SHOW_MS = 15_000


class TrayAlarm(QObject):
    notice = Signal(str)  # "title: text", when there is no system tray

    def __init__(self, parent: QObject | None = None, *, colour: str = "#c62828") -> None:
        super().__init__(parent)
        self._colour = colour
        self._tray: QSystemTrayIcon | None = None
        self._told: set[str] = set()

    def told(self) -> frozenset[str]:
        return frozenset(self._told)

    def was_told(self, key: str) -> bool:
        return key in self._told

    def raise_once(self, key: str, title: str, text: str) -> bool:
        """Notify about `key` unless it was already; True when this call notified."""
        if key in self._told:
            return False
        self._told.add(key)
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                pixmap = QPixmap(16, 16)
                pixmap.fill(QColor(self._colour))
                self._tray = QSystemTrayIcon(QIcon(pixmap), self)
                self._tray.show()
            self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, SHOW_MS)
        else:
            line = QCoreApplication.translate("TrayAlarm", "{title}: {text}")  # Chinese: a full-width colon
            self.notice.emit(line.format(title=title, text=text))
        return True
