"""The refund queue's decision dialogs: their shared shape, and the two that say yes.

Owns `DecisionDialog`, the shape every decision dialog shares (the desk's one form
dialog, `views/common/form_dialog.py`, under a sentence about the request, with a
confirm button that Enter presses), and its two kinds that say yes: approve a refund,
agree a return. A dialog only collects the
decision: its confirm button checks what can be checked here and emits `submitted`;
the queue screen runs the service off the GUI thread and either closes the dialog or
puts the service's refusal in it, in plain words, so a refused decision keeps
everything typed and writes nothing. The dialogs that can say no (refuse, inspect)
live in `refusal_dialogs.py`, the bulk approval dialog in `bulk_dialog.py`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from app.config import Settings
from app.core.vocabulary import REQUEST_KIND_LABELS
from app.services.refunds.queue import QueueRow
from app.views.common import formatting
from app.views.common.form_dialog import FormDialog

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
    kind = formatting.word_label(REQUEST_KIND_LABELS, row.kind)
    return QCoreApplication.translate("DecisionDialog", "{kind} {id} · {product} · refund {amount}").format(
        kind=kind,
        id=row.aftersale_id,
        product=row.product_name,
        amount=formatting.money(row.refund_amount, row.currency),
    )


class DecisionDialog(FormDialog):
    """A decision's form (`FormDialog`) under a sentence about the request; `submitted`
    when confirmed, `values()` the service's keywords; Enter confirms."""

    def __init__(self, row: QueueRow, parent: QWidget | None = None) -> None:
        super().__init__(parent, minimum_width=520)
        self.row = row
        self.intro = QLabel(self)
        self.intro.setObjectName("decisionIntro")
        self.intro.setWordWrap(True)
        self.main_layout.insertWidget(0, self.intro)
        self.error_label.setStyleSheet("color: #c62828;")
        self.confirm_button().setDefault(True)  # Enter confirms


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
            ).format(amount=formatting.money(self.row.refund_amount, self.row.currency))
        )
        self.confirm_button().setText(
            self.tr("Approve refund {amount}").format(
                amount=formatting.money(self.row.refund_amount, self.row.currency)
            )
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
