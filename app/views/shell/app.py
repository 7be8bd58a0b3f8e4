"""The QApplication, built the same way for the app, the screenshots and the tests.

Owns `build_application()`: names (which QSettings and the OS use), the high-DPI
rounding policy (pass-through, so 125 % and 150 % displays get crisp, unrounded
scaling), the Fusion style with our style sheet, and the translator for the chosen
language. main.py calls it once after loading the settings.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app.config import APP_NAME, Settings
from app.views.shell.i18n import install_language

log = logging.getLogger(__name__)

ORGANISATION = "AfterSalesDesk"
STYLE_SHEET = Path(__file__).resolve().parents[3] / "resources" / "style.qss"


def load_style_sheet(path: Path = STYLE_SHEET) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:  # a missing sheet makes the app plain, not broken
        log.warning("style sheet %s unreadable: %s", path, error)
        return ""


GIL_SWITCH_INTERVAL_S = 0.0005


def build_application(argv: Sequence[str], settings: Settings) -> QApplication:
    """The application object, styled and speaking the chosen language.

    Reuses a QApplication that already exists (pytest-qt creates one), so tests build
    windows exactly as the app does.
    """
    existing = QCoreApplication.instance()
    if existing is None:
        # Must be set before the application object exists.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(list(argv))
    else:
        assert isinstance(existing, QApplication), "build_application needs a widgets application"
        app = existing
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setStyle("Fusion")
    app.setStyleSheet(load_style_sheet())
    install_language(settings.language)
    # A busy worker thread keeps Python's lock for up to the switch interval (5 ms by
    # default) each time the GUI thread asks for it, and a repaint asks hundreds of
    # times; handing it over every 0.5 ms keeps the window responsive while a sync
    # parses pages. (Measured: worst stall 136 -> 97 ms during a 100k-order sync.)
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    return app
