"""The one shape of a dialog that is a form with OK and Cancel, whose OK a service carries out.

Owns `FormDialog`: a form of labelled fields (`add_row`, each caption re-read when the
language changes), a line for what is wrong, and OK/Cancel. OK first checks what can
be checked here (`local_problem`, "" when nothing) and then emits `submitted` and waits
(`set_busy`); the screen runs the service off the GUI thread with `values()` and either
closes the dialog or puts the service's refusal in it (`show_error`), so a refused
change keeps everything typed and nothing is half-saved. The users screen's dialogs and
the refund queue's decision dialogs are kinds of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class FormDialog(QDialog):
    """A form whose OK asks the screen to carry it out; `values()` is what was filled in."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None, *, minimum_width: int = 500) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.error_label = QLabel(self)
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        self.main_layout = QVBoxLayout(self)
        self.main_layout.addLayout(self.form)
        self.main_layout.addWidget(self.error_label)
        self.main_layout.addStretch(1)
        self.main_layout.addWidget(self.buttons)
        self.setMinimumWidth(minimum_width)
        self._captions: list[tuple[QLabel, Callable[[], str]]] = []

    def confirm_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def add_row(self, widget: QWidget, label: Callable[[], str]) -> None:
        """A labelled field; `label` is called again whenever the language changes."""
        caption = QLabel(self)
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)
        self._captions.append((caption, label))

    # --- what the subclass says -------------------------------------------------------------
    def local_problem(self) -> str:
        """What is wrong before asking the service (translated), "" if nothing."""
        return ""

    def values(self) -> dict[str, Any]:
        """What was filled in, as the service's keywords."""
        return {}

    # --- what the screen says back ------------------------------------------------------------
    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.set_busy(False)

    def error_text(self) -> str:
        return self.error_label.text()

    def set_busy(self, busy: bool) -> None:
        self.confirm_button().setEnabled(not busy)

    @Slot()
    def recheck(self) -> None:
        """The person changed the form: an error shown stays only while it still holds
        (a picture added clears "needs a picture"; what is still missing is said)."""
        if self.error_label.text():
            self.error_label.setText(self.local_problem())

    @Slot()
    def _on_ok(self) -> None:
        problem = self.local_problem()
        self.error_label.setText(problem)
        if not problem:
            self.set_busy(True)
            self.submitted.emit()

    # --- language ------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        for caption, label in self._captions:
            caption.setText(label())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
