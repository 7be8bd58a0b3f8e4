"""The refund queue's dialogs that can say no: refuse a request, inspect returned goods.

Owns `RefusalFields`, what every refusal needs (a reason from the platform's list, a
remark to the buyer, evidence pictures), and the two `DecisionDialog` kinds built on it:
`RefuseDialog`, and `InspectDialog`, which records how returned goods arrived and then
refunds or refuses them. Like every decision dialog, they only collect the decision
(see `refund_dialogs.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.services.platform_lists import RejectReason
from app.services.refunds.queue import QueueRow
from app.services.refunds.refusal_evidence import EarlierRefusal
from app.views.common import formatting
from app.views.refunds.dialogs import DecisionDialog, request_sentence

INSPECTION_OUTCOMES = ("good", "damaged", "missing_parts")


class RefusalFields(QWidget):
    """Reason code, remark and evidence pictures: what every refusal needs. No reason is
    chosen for the person (a refusal the buyer reads is theirs to word); the rule's
    suggestion, if any, is named in the empty box. `changed` when any of it changes."""

    changed = Signal()

    def __init__(
        self,
        reasons: Sequence[RejectReason],
        parent: QWidget | None = None,
        *,
        suggested: int | str | None = None,
    ) -> None:
        super().__init__(parent)
        self.reasons = list(reasons)
        self.suggested = next((r for r in self.reasons if r.code == suggested), None)
        self.reason_box = QComboBox(self)
        self.reason_box.setObjectName("rejectReason")
        for reason in self.reasons:
            self.reason_box.addItem(reason.reason, reason.code)
        self.reason_box.setCurrentIndex(-1)
        self.remark_edit = QPlainTextEdit(self)
        self.remark_edit.setObjectName("refusalRemark")
        self.remark_edit.setTabChangesFocus(True)
        self.remark_edit.setFixedHeight(self.fontMetrics().height() * 4)
        self.evidence_list = QListWidget(self)
        self.evidence_list.setObjectName("refusalEvidence")
        self.evidence_list.setFixedHeight(self.fontMetrics().height() * 4)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addEvidence")
        self.add_button.clicked.connect(self.pick_evidence)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self._remove_selected)
        self.evidence_hint = QLabel(self)
        self.evidence_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.reason_caption, self.remark_caption, self.evidence_caption = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.reason_caption, self.reason_box)
        self.form.addRow(self.remark_caption, self.remark_edit)
        self.form.addRow(self.evidence_caption, self.evidence_list)
        self.form.addRow("", buttons)
        self.form.addRow("", self.evidence_hint)
        self.reason_box.currentIndexChanged.connect(self._update_hint)
        self.reason_box.currentIndexChanged.connect(self.changed)
        self.remark_edit.textChanged.connect(self.changed)
        self.retranslate_ui()

    def fill_in(self, reason_code: int | str | None, remark: str) -> None:
        """The reason and remark of an earlier refusal of the same request."""
        self.reason_box.setCurrentIndex(self.reason_box.findData(reason_code))
        self.remark_edit.setPlainText(remark)

    def reason(self) -> RejectReason | None:
        index = self.reason_box.currentIndex()
        return self.reasons[index] if 0 <= index < len(self.reasons) else None

    def add_evidence_files(self, paths: Sequence[str]) -> None:
        # The decision service keeps these file:// pictures in the database and the push
        # uploads them to the platform (refusal_evidence, sync/evidence_upload).
        for path in paths:
            url = QUrl.fromLocalFile(path)
            item = QListWidgetItem(url.fileName())
            item.setToolTip(path)
            item.setData(Qt.ItemDataRole.UserRole, url.toString(QUrl.ComponentFormattingOption.FullyEncoded))
            self.evidence_list.addItem(item)
        self._update_hint()
        self.changed.emit()

    def evidence_urls(self) -> list[str]:
        items = (self.evidence_list.item(i) for i in range(self.evidence_list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items]

    @Slot()
    def pick_evidence(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Evidence images"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        self.add_evidence_files(paths)

    def problem(self) -> str:
        reason = self.reason()
        if not self.reasons:
            return self.tr("The platform's refusal reasons have not been fetched yet; connect once first.")
        if reason is None:
            return self.tr("Choose a refusal reason.")
        if not self.remark_edit.toPlainText().strip():
            return self.tr("Write a remark for the buyer explaining the refusal.")
        if reason.evidence_needed and not self.evidence_urls():
            return self.tr("This reason needs evidence images. Add at least one.")
        return ""

    def values(self) -> dict[str, Any]:
        reason = self.reason()
        return {
            "reject_reason_code": reason.code if reason else None,
            "remark": self.remark_edit.toPlainText().strip(),
            "evidence_urls": self.evidence_urls(),
        }

    def _remove_selected(self) -> None:
        for item in self.evidence_list.selectedItems():
            self.evidence_list.takeItem(self.evidence_list.row(item))
        self._update_hint()
        self.changed.emit()

    def _update_hint(self) -> None:
        reason = self.reason()
        needed = reason is not None and reason.evidence_needed
        self.evidence_hint.setText(
            self.tr("This reason needs at least one picture.")
            if needed
            else self.tr("Pictures are optional.")
        )

    def retranslate_ui(self) -> None:
        self.reason_caption.setText(self.tr("Reason:"))
        self.reason_box.setPlaceholderText(
            self.tr("Choose a reason (the rule suggests: {reason})").format(reason=self.suggested.reason)
            if self.suggested is not None
            else self.tr("Choose a reason")
        )
        self.remark_caption.setText(self.tr("Remark to the buyer:"))
        self.evidence_caption.setText(self.tr("Evidence:"))
        self.add_button.setText(self.tr("Add images…"))
        self.remove_button.setText(self.tr("Remove"))
        self._update_hint()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class RefuseDialog(DecisionDialog):
    """Refuse a request with a reason from the platform's list, a remark and evidence."""

    def __init__(
        self,
        row: QueueRow,
        reasons: Sequence[RejectReason],
        parent: QWidget | None = None,
        earlier: EarlierRefusal | None = None,
    ) -> None:
        super().__init__(row, parent)
        self.setObjectName("refuseDialog")
        self.refusal = RefusalFields(reasons, self, suggested=row.suggested_reject_code)
        if earlier is not None:  # refused before, stopped by a rejected picture: the same words again
            self.refusal.fill_in(earlier.reason_code, earlier.remark)
        self.refusal.changed.connect(self.recheck)
        self.form.addRow(self.refusal)
        self.retranslate_ui()

    def local_problem(self) -> str:
        return self.refusal.problem()

    def values(self) -> dict[str, Any]:
        return self.refusal.values()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Refuse request"))
        self.intro.setText(
            request_sentence(self.row)
            + "\n\n"
            + self.tr("The buyer sees the reason and your remark and may take it to the platform.")
        )
        self.confirm_button().setText(self.tr("Refuse"))


class InspectDialog(DecisionDialog):
    """Record how the returned goods arrived, then refund or refuse them."""

    def __init__(self, row: QueueRow, reasons: Sequence[RejectReason], parent: QWidget | None = None) -> None:
        super().__init__(row, parent)
        self.setObjectName("inspectDialog")
        self.outcome_group = QButtonGroup(self)
        outcomes = QVBoxLayout()
        self.outcome_buttons: dict[str, QRadioButton] = {}
        for number, outcome in enumerate(INSPECTION_OUTCOMES):
            button = QRadioButton(self)
            button.setObjectName(f"outcome_{outcome}")
            self.outcome_group.addButton(button, number)
            self.outcome_buttons[outcome] = button
            outcomes.addWidget(button)
        self.outcome_buttons["good"].setChecked(True)
        holder = QWidget(self)
        holder.setLayout(outcomes)
        self.add_row(holder, lambda: self.tr("The goods arrived:"))
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setObjectName("inspectionNote")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.fontMetrics().height() * 3)
        self.add_row(self.note_edit, lambda: self.tr("Inspection note:"))
        self.refund_button = QRadioButton(self)
        self.refund_button.setObjectName("thenRefund")
        self.refuse_button = QRadioButton(self)
        self.refuse_button.setObjectName("thenRefuse")
        self.refund_button.setChecked(True)
        then = QHBoxLayout()
        then.addWidget(self.refund_button)
        then.addWidget(self.refuse_button)
        then.addStretch(1)
        then_holder = QWidget(self)
        then_holder.setLayout(then)
        self.add_row(then_holder, lambda: self.tr("Then:"))
        self.refusal = RefusalFields(reasons, self, suggested=row.suggested_reject_code)
        self.refusal.changed.connect(self.recheck)
        self.form.addRow(self.refusal)
        self.refuse_button.toggled.connect(self._update)
        self.retranslate_ui()
        self._update()

    def outcome(self) -> str:
        return INSPECTION_OUTCOMES[max(0, self.outcome_group.checkedId())]

    def local_problem(self) -> str:
        return self.refusal.problem() if self.refuse_button.isChecked() else ""

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "outcome": self.outcome(),
            "note": self.note_edit.toPlainText().strip(),
            "then": "refuse" if self.refuse_button.isChecked() else "refund",
        }
        if self.refuse_button.isChecked():
            values.update(self.refusal.values())
        return values

    def _update(self) -> None:
        self.refusal.setEnabled(self.refuse_button.isChecked())
        refund = formatting.money(self.row.refund_amount, self.row.currency)
        if self.refuse_button.isChecked():
            self.confirm_button().setText(self.tr("Refuse the returned goods"))
        else:
            self.confirm_button().setText(self.tr("Refund {amount}").format(amount=refund))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Inspect returned goods"))
        self.intro.setText(request_sentence(self.row))
        labels = {
            "good": self.tr("Good — as sent"),
            "damaged": self.tr("Damaged"),
            "missing_parts": self.tr("Missing parts"),
        }
        for outcome, button in self.outcome_buttons.items():
            button.setText(labels[outcome])
        self.refund_button.setText(self.tr("Refund the buyer"))
        self.refuse_button.setText(self.tr("Refuse, with a reason"))
        self._update()
