"""The pane below the audit trail: the selected event told in words, and its record.

Owns `AuditEventPane`: the event's sentence-by-sentence account (`AuditTableModel.details`)
and, folded away behind a "Technical details" expander, the record as stored (its
before/after JSON, `AuditTableModel.technical`) for whoever needs the fields themselves.
Its words keep the audit screen's translation context, "AuditView". Which event is
selected, and the trail itself, are `audit_view.py`'s.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QToolButton, QVBoxLayout, QWidget

from app.services.people.audit import AuditRow
from app.views.people.audit_table_model import AuditTableModel


class AuditEventPane(QWidget):
    """One audit event in words, with its stored record behind an expander."""

    def __init__(self, model: AuditTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("auditDetails")
        self.details.setReadOnly(True)
        # The record as stored, for whoever needs the fields themselves: folded away.
        self.technical_button = QToolButton(self)
        self.technical_button.setObjectName("auditTechnical")
        self.technical_button.setCheckable(True)
        self.technical_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.technical_button.setArrowType(Qt.ArrowType.RightArrow)
        self.technical_button.setAutoRaise(True)
        self.technical_button.toggled.connect(self._show_technical)
        self.technical = QPlainTextEdit(self)
        self.technical.setObjectName("auditTechnicalText")
        self.technical.setReadOnly(True)
        self.technical.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.technical.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.technical_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.technical, 2)

    def show_row(self, row: AuditRow | None) -> None:
        """Tell `row` (None: nothing selected, the pane is empty)."""
        self.details.setPlainText(self._model.details(row) if row is not None else "")
        self.technical.setPlainText(self._model.technical(row) if row is not None else "")

    @Slot(bool)
    def _show_technical(self, shown: bool) -> None:
        self.technical.setVisible(shown)
        self.technical_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def retranslate_ui(self) -> None:
        self.details.setPlaceholderText(
            QCoreApplication.translate("AuditView", "Choose an event to see everything it changed.")
        )
        self.technical_button.setText(QCoreApplication.translate("AuditView", "Technical details"))
        self.technical_button.setToolTip(
            QCoreApplication.translate("AuditView", "The record as the desk keeps it, field by field")
        )
