"""What the main window remembers of its layout between runs.

Owns the "ui" entry of `Settings.extra`: the window's geometry, the screen last shown
and each screen's own state (splitters, column widths, sort), read back at the next
start. A first run, or geometry from a screen that is gone, gets a default size that
fits the screen in use.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QWidget

UI_STATE_KEY = "ui"  # in Settings.extra: {"geometry": base64, "screen": key, "screens": {key: {...}}}
DEFAULT_SIZE = QSize(1440, 900)


def first_run_size() -> QSize:
    """The default size, shrunk to 92% of a smaller screen's free area."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return DEFAULT_SIZE
    free = screen.availableGeometry().size()
    return DEFAULT_SIZE.boundedTo(QSize(int(free.width() * 0.92), int(free.height() * 0.92)))


def restore_layout(window: QMainWindow, state: Any, screens: Mapping[str, QWidget]) -> str | None:
    """Put the window and its screens back as `state` left them; returns the screen to show."""
    state = state if isinstance(state, dict) else {}
    geometry = state.get("geometry")
    if not (
        isinstance(geometry, str) and window.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
    ):
        window.resize(first_run_size())
    saved = state.get("screens") if isinstance(state.get("screens"), dict) else {}
    for key, screen in screens.items():
        if isinstance(saved.get(key), dict) and hasattr(screen, "restore_state"):
            screen.restore_state(saved[key])
    return state["screen"] if state.get("screen") in screens else None


def saved_screen_states(state: Any) -> dict[str, Any]:
    """Each screen's state as the last run left it (for screens built later)."""
    saved = state.get("screens") if isinstance(state, dict) else None
    return saved if isinstance(saved, dict) else {}


def layout_state(
    window: QMainWindow, current: str, screens: Mapping[str, QWidget], kept: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """What to remember; `kept` holds states of screens not built this run, kept as they were."""
    built = {key: screen.save_state() for key, screen in screens.items() if hasattr(screen, "save_state")}
    return {
        "geometry": bytes(window.saveGeometry().toBase64()).decode("ascii"),
        "screen": current,
        "screens": {**(kept or {}), **built},
    }
