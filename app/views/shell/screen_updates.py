"""Handing the sync's news to the screens: at once to the one in view, later to the rest.

Owns `ScreenUpdates`. After each committed batch the sync worker says which kinds of
data changed; every screen re-reads what it shows. The screen in view does so at
once. Hidden screens collect the kinds and re-read at most every
`HIDDEN_REFRESH_MS` (so their alarms, such as a request due within the hour, still
fire) or as soon as they are shown. Re-reading 100k orders nobody is looking at,
twice a minute during a first sync, was what paused the window most.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

HIDDEN_REFRESH_MS = 30_000


class ScreenUpdates(QObject):
    def __init__(
        self,
        screens: Mapping[str, QWidget],
        current: Callable[[], str | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._screens, self._current = screens, current
        self._pending: dict[str, frozenset[str]] = {}
        self._timer = QTimer(self, singleShot=True, interval=HIDDEN_REFRESH_MS)
        self._timer.timeout.connect(self.deliver_pending)

    def changed(self, kinds: frozenset[str]) -> None:
        current = self._current()
        for key, screen in self._screens.items():
            if not hasattr(screen, "on_data_changed"):
                continue
            if key == current:
                screen.on_data_changed(kinds)
            else:
                self._pending[key] = self._pending.get(key, frozenset()) | kinds
        if self._pending and not self._timer.isActive():
            self._timer.start()

    def shown(self, key: str) -> None:
        """Screen `key` came into view: it hears what it missed now."""
        kinds = self._pending.pop(key, None)
        if kinds:
            self._screens[key].on_data_changed(kinds)  # type: ignore[attr-defined]

    def deliver_pending(self) -> None:
        pending, self._pending = self._pending, {}
        for key, kinds in pending.items():
            self._screens[key].on_data_changed(kinds)  # type: ignore[attr-defined]

    def forget(self) -> None:
        """The screens were built anew (another shop): what they missed is theirs no more."""
        self._pending.clear()
        self._timer.stop()

    def pending_for(self, key: str) -> frozenset[str]:
        return self._pending.get(key, frozenset())
