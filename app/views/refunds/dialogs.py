"""The refund queue's decision dialogs: their shared shape, and the two that say yes.

Owns `DecisionDialog`, the shape every decision dialog shares (a sentence about the
request, a form, a line for the refusal, a confirm button that Enter presses), and its
two kinds that say yes: approve a refund, agree a return. A dialog only collects the
decision: its confirm button checks what can be checked here and emits `submitted`;
the queue screen runs the service off the GUI thread and either closes the dialog or
puts the service's refusal in it, in plain words, so a refused decision keeps
everything typed and writes nothing. The dialogs that can say no (refuse, inspect)
live in `refund_refusal_dialogs.py`, the bulk approval dialog in `refund_bulk_dialog.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.config import Settings
from app.platforms.douyin.codes import AFTER_SALE_TYPE_LABELS
from app.services.refunds.queue import QueueRow
from app.views.common import formatting

RETURN_ADDRESSES_KEY = "return_addresses"  # in Settings.extra: [{"id": "1", "text": "…"}]
# One demo address until the owner can manage the shop's return addresses (issue 5).
DEFAULT_RETURN_ADDRESSES = [{"id": "1", "text": "浙江省杭州市余杭区仓前街道 文一西路 1001 号 售后仓"}]


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
