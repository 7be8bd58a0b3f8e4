"""The question before quitting while decisions have not reached the platform.

Owns `ask_to_quit`: quitting is allowed either way (what waits stays in the local
outbox and is sent at the next start), but the person is told how many decisions
wait, and "Stay" is the default answer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget


def another_main_window_stays(window: QMainWindow) -> bool:
    """Switching user closes this window with the next one already up: not a quit."""
    return any(
        isinstance(widget, QMainWindow) and widget is not window and widget.isVisible()
        for widget in QApplication.topLevelWidgets()
    )


def ask_to_quit(parent: QWidget, count: int) -> bool:
    """True when the person chooses to quit with `count` decisions not sent yet."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("QuitWarning", "Decisions not sent yet"))
    if count == 1:  # English needs its singular; Chinese says both the same way
        text = QCoreApplication.translate(
            "QuitWarning",
            "1 decision has not reached the platform yet. It is kept and will be sent next time. "
            "Quit anyway?",
        )
    else:
        text = QCoreApplication.translate(
            "QuitWarning",
            "{count} decisions have not reached the platform yet. They are kept and will be sent "
            "next time. Quit anyway?",
        ).format(count=count)
    box.setText(text)
    quit_words = QCoreApplication.translate("QuitWarning", "Quit")
    stay_words = QCoreApplication.translate("QuitWarning", "Stay")
    quit_button = box.addButton(quit_words, QMessageBox.ButtonRole.AcceptRole)
    stay_button = box.addButton(stay_words, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay_button)
    box.exec()
    return box.clickedButton() is quit_button
