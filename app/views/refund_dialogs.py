"""The refund queue's decision dialogs: approve, approve a return, refuse, inspect.

Owns `DecisionDialog`, the shape they share (a sentence about the request, a form, a
line for the refusal, a confirm button that Enter presses), and its four kinds. A
dialog only collects the decision: its confirm button checks what can be checked
here and emits `submitted`; the queue screen runs the service off the GUI thread and
either closes the dialog or puts the service's refusal in it, in plain words, so a
refused decision keeps everything typed and writes nothing. The bulk approval dialog
lives in `refund_bulk_dialog.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
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

from app.config import Settings
from app.services.platform_lists import RejectReason
from app.services.refund_queue import QueueRow
from app.sync.codes import AFTER_SALE_TYPE_LABELS
from app.views import formatting

RETURN_ADDRESSES_KEY = "return_addresses"  # in Settings.extra: [{"id": "1", "text": "…"}]
# One demo address until the owner can manage the shop's return addresses (issue 5).
DEFAULT_RETURN_ADDRESSES = [{"id": "1", "text": "浙江省杭州市余杭区仓前街道 文一西路 1001 号 售后仓"}]
INSPECTION_OUTCOMES = ("good", "damaged", "missing_parts")


def return_addresses(settings: Settings | None) -> list[tuple[str, str]]:
    """The shop's return addresses as (id, text); the demo one until some are kept."""
    stored = settings.extra.get(RETURN_ADDRESSES_KEY) if settings is not None else None
    if not isinstance(stored, list) or not stored:
        stored = DEFAULT_RETURN_ADDRESSES
        if settings is not None:
            settings.extra[RETURN_ADDRESSES_KEY] = [dict(a) for a in stored]
    return [(str(a.get("id", "")), str(a.get("text", ""))) for a in stored if isinstance(a, dict)]


def request_sentence(row: QueueRow) -> str:
    """One line naming the request, the same in every dialog."""
    kind = QCoreApplication.translate("codes", AFTER_SALE_TYPE_LABELS.get(row.type, str(row.type)))
    return QCoreApplication.translate("DecisionDialog", "{kind} {id} · {product} · refund {amount}").format(
        kind=kind, id=row.aftersale_id, product=row.product_name, amount=formatting.money(row.refund_amount)
    )


class DecisionDialog(QDialog):
    """A decision's form; `submitted` when confirmed, `values()` the service's keywords."""

    submitted = Signal()

    def __init__(self, row: QueueRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.intro = QLabel(self)
        self.intro.setObjectName("decisionIntro")
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.error_label = QLabel(self)
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.confirm_button().setDefault(True)  # Enter confirms
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._captions: list[tuple[QLabel, Callable[[], str]]] = []

    def confirm_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def add_row(self, widget: QWidget, label: Callable[[], str]) -> None:
        caption = QLabel(self)
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)
        self._captions.append((caption, label))

    def local_problem(self) -> str:
        """What is wrong before asking the service (translated), "" if nothing."""
        return ""

    def values(self) -> dict[str, Any]:
        return {}

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

    def retranslate_ui(self) -> None:
        for caption, label in self._captions:
            caption.setText(label())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class ApproveRefundDialog(DecisionDialog):
    """Agree a refund: the amount, once more, before money leaves the shop."""

    def __init__(self, row: QueueRow, parent: QWidget | None = None) -> None:
        super().__init__(row, parent)
        self.setObjectName("approveRefundDialog")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Approve refund"))
        self.intro.setText(
            request_sentence(self.row)
            + "\n\n"
            + self.tr(
                "Refund {amount} to the buyer? The money leaves the shop once the platform has it."
            ).format(amount=formatting.money(self.row.refund_amount))
        )
        self.confirm_button().setText(
            self.tr("Approve refund {amount}").format(amount=formatting.money(self.row.refund_amount))
        )


class ApproveReturnDialog(DecisionDialog):
    """Agree that the buyer sends the goods back, to one of the shop's return addresses."""

    def __init__(
        self, row: QueueRow, addresses: Sequence[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(row, parent)
        self.setObjectName("approveReturnDialog")
        self.address_box = QComboBox(self)
        self.address_box.setObjectName("returnAddress")
        for address_id, text in addresses:
            self.address_box.addItem(text, address_id)  # the platform's address id is the data, not words
        self.add_row(self.address_box, lambda: self.tr("&Return address:"))
        self.retranslate_ui()

    def local_problem(self) -> str:
        return "" if self.address_box.currentData() else self.tr("Choose where the buyer sends the goods.")

    def values(self) -> dict[str, Any]:
        return {"return_address_id": str(self.address_box.currentData() or "")}

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Agree to the return"))
        self.intro.setText(
            request_sentence(self.row)
            + "\n\n"
            + self.tr("The buyer sends the goods back to this address; you inspect them when they arrive.")
        )
        self.confirm_button().setText(self.tr("Agree to the return"))


class RefusalFields(QWidget):
    """Reason code, remark and evidence pictures: what every refusal needs. No reason is
    chosen for the person (a refusal the buyer reads is theirs to word); the rule's
    suggestion, if any, is named in the empty box. `changed` when any of it changes."""

    changed = Signal()

    def __init__(
        self, reasons: Sequence[RejectReason], parent: QWidget | None = None, *, suggested: int | None = None
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
            self, self.tr("Evidence images"), "", self.tr("Images (*.png *.jpg *.jpeg *.webp)")
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

    def __init__(self, row: QueueRow, reasons: Sequence[RejectReason], parent: QWidget | None = None) -> None:
        super().__init__(row, parent)
        self.setObjectName("refuseDialog")
        self.refusal = RefusalFields(reasons, self, suggested=row.suggested_reject_code)
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
        refund = formatting.money(self.row.refund_amount)
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
