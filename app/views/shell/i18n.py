"""Which language the windows speak, and switching it while they are open.

Owns the Qt translators: ours (`resources/translations/aftersales_<lang>.qm`) and
Qt's own (`qtbase_<lang>.qm`, for the standard buttons, context menus and file
dialogs), and the few strings of Qt's file dialog that Qt's Chinese catalogue lacks,
which ours carries under Qt's own contexts (`QT_OWN_STRINGS`). English
is the source language and needs no file. "system" follows `QLocale.system()`: any
Chinese locale gets Simplified Chinese, everything else English. Installing a new
translator makes Qt send `QEvent.LanguageChange` to every widget, whose
`retranslate_ui()` then rewrites its texts; status-bar messages, written once, are
cleared.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMainWindow

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parents[3] / "resources" / "translations"
CATALOGUE = "aftersales"
SOURCE_LANGUAGE = "en"
TRANSLATED_LANGUAGES = ("zh_CN",)

# Qt's file dialog labels its boxes with these; qtbase_zh_CN.qm has them only without
# the "&" ("Look in:"), so a Chinese file dialog said "Look in:" and "Files of type:",
# and it lacks the kind the dialog's list shows for a drive.
# Qt asks the translators in turn, its own first, and takes ours when its own has none.
QT_OWN_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
)

_installed: list[QTranslator] = []  # kept referenced: Qt does not own installed translators
_current = SOURCE_LANGUAGE


def effective_language(choice: str, system_locale: QLocale | None = None) -> str:
    """The language actually shown for a settings choice ("system", "zh_CN", "en")."""
    if choice in TRANSLATED_LANGUAGES or choice == SOURCE_LANGUAGE:
        return choice
    locale = system_locale or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else SOURCE_LANGUAGE


def current_language() -> str:
    return _current


def install_language(choice: str) -> str:
    """Replace the installed translators with those for `choice`; returns the language
    now shown. Safe to call again at any time (the settings dialog does)."""
    global _current
    app = QCoreApplication.instance()
    language = effective_language(choice)
    if app is None:
        raise RuntimeError("install_language needs a QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != SOURCE_LANGUAGE:
        ours = QTranslator(app)
        if ours.load(f"{CATALOGUE}_{language}", str(TRANSLATIONS_DIR)):
            _installed.append(ours)
        else:
            log.warning("no %s translation in %s; showing English", language, TRANSLATIONS_DIR)
            language = SOURCE_LANGUAGE
        qt_own = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if language != SOURCE_LANGUAGE and qt_own.load(f"qtbase_{language}", qt_dir):
            _installed.append(qt_own)
    for translator in _installed:
        app.installTranslator(translator)
    _forget_messages_in_the_old_language()
    QLocale.setDefault(QLocale(language if language != SOURCE_LANGUAGE else "en_US"))
    _current = language
    log.info("language %s (chosen: %s)", language, choice)
    return language


def _forget_messages_in_the_old_language() -> None:
    """A status-bar message is a sentence already written, which LanguageChange cannot
    rewrite: it goes, rather than stay in the language just left."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow):
            widget.statusBar().clearMessage()
