"""Approving many requests at once: what it will do before anything is sent, then what it did.

Owns `BulkApproveDialog`. It opens on the `BulkSummary` the service computed for the
selected requests — how many refunds will be approved and the total that leaves the
shop, how many returns agreed (to the return address chosen here, once for all), and
each request that will be skipped with the reason in plain words, a clerk's limits
included — and only its confirm button asks the queue screen to run `bulk_approve`. The `BulkResult` then
replaces the summary (approved, and each refusal, for instance a clerk's daily limit
reached part-way), and the dialog's one button closes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.refusal import Refusal
from app.services.refunds.bulk import BulkResult, BulkSummary
from app.views.common import formatting
from app.views.common.people_words import refusal_text, service_words


class BulkApproveDialog(QDialog):
    """The summary, then the result; `submitted` when the person confirms."""

    submitted = Signal()

    def __init__(
        self,
        summary: BulkSummary,
        parent: QWidget | None = None,
        *,
        addresses: Sequence[tuple[str, str]] = (),
        names_address: bool = True,
    ) -> None:
        """`names_address`: agreeing names the return address (Douyin); TikTok Shop names its own."""
        super().__init__(parent)
        self._names_address = names_address
        self.setObjectName("bulkApproveDialog")
        self.summary = summary
        self.result_: BulkResult | None = None
        self.headline = QLabel(self)
        self.headline.setObjectName("bulkHeadline")
        self.headline.setWordWrap(True)
        self.list_caption = QLabel(self)
        self.details = QListWidget(self)
        self.details.setObjectName("bulkDetails")
        # Each reason read whole: wrapped to the dialog's width, never cut off at the edge.
        self.details.setWordWrap(True)
        self.details.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.address_box = QComboBox(self)
        self.address_box.setObjectName("returnAddress")
        for address_id, text in addresses:
            self.address_box.addItem(text, address_id)
            self.address_box.setItemData(self.address_box.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        self.address_caption = QLabel(self)
        self.address_caption.setBuddy(self.address_box)
        address_form = QFormLayout()
        address_form.addRow(self.address_caption, self.address_box)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        self.confirm_button().setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addLayout(address_form)
        layout.addWidget(self.list_caption)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumSize(560, 360)
        self.retranslate_ui()

    def confirm_button(self):  # noqa: ANN201 - QPushButton
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def return_address_id(self) -> str:
        return str(self.address_box.currentData() or "")

    def headline_text(self) -> str:
        return self.headline.text()

    def detail_lines(self) -> list[str]:
        return [self.details.item(i).text() for i in range(self.details.count())]

    def show_result(self, result: BulkResult) -> None:
        """The bulk approval ran: say what happened; the one button now closes."""
        self.result_ = result
        self.error_label.clear()
        self.buttons.clear()
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.accept)
        self.retranslate_ui()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        button = self.confirm_button()
        if button is not None:
            button.setEnabled(not busy and self.summary.decisions > 0)

    @Slot()
    def _on_ok(self) -> None:
        if (
            self.result_ is None
            and self.summary.returns
            and self._names_address
            and not self.return_address_id()
        ):
            self.error_label.setText(self.tr("Choose where the buyers send the goods."))
            return
        if self.result_ is None and self.summary.decisions:
            self.set_busy(True)
            self.submitted.emit()

    def retranslate_ui(self) -> None:
        returns = self.summary.returns > 0
        self.setWindowTitle(self.tr("Approve requests") if returns else self.tr("Approve refunds"))
        self.address_caption.setText(self.tr("&Return address:"))
        returns_shown = self.result_ is None and self.summary.returns > 0 and self._names_address
        self.address_caption.setVisible(returns_shown)
        self.address_box.setVisible(returns_shown)
        self.details.clear()
        if self.result_ is None:
            self._show_summary()
        else:
            self._show_result()

    def _show_summary(self) -> None:
        summary = self.summary
        total = formatting.money(summary.total_fen, summary.currency)
        if summary.count and summary.returns:
            text = self.tr(
                "Refunds to approve: {count} ({total} in all). Returns to agree: {returns}. "
                "Nothing is sent until you confirm."
            )
            self.headline.setText(text.format(count=summary.count, total=total, returns=summary.returns))
        elif summary.count:
            text = self.tr("Approve {count} refunds, {total} in all? Nothing is sent until you confirm.")
            self.headline.setText(text.format(count=summary.count, total=total))
        elif summary.returns and not self._names_address:
            text = self.tr(
                "Agree to {count} returns? The buyers send the goods back to the return address the "
                "platform gives. Nothing is sent until you confirm."
            )
        elif summary.returns:
            text = self.tr(
                "Agree to {count} returns? The buyers send the goods back to the address below. "
                "Nothing is sent until you confirm."
            )
            self.headline.setText(text.format(count=summary.returns))
        else:
            self.headline.setText(self.tr("None of the selected requests can be approved together."))
        self.list_caption.setText(
            self.tr("Skipped ({count}):").format(count=len(summary.skipped)) if summary.skipped else ""
        )
        for aftersale_id, reason in summary.skipped:
            words = refusal_text(reason) if isinstance(reason, Refusal) else service_words("refunds", reason)
            self.details.addItem(f"{aftersale_id} — {words}")
        self.details.setVisible(bool(summary.skipped))
        button = self.confirm_button()
        if button is not None:
            if summary.returns and summary.count:
                button.setText(self.tr("Approve {count} requests").format(count=summary.decisions))
            elif summary.returns:
                button.setText(self.tr("Agree to {count} returns").format(count=summary.returns))
            else:
                button.setText(self.tr("Approve {count} refunds").format(count=summary.count))
            button.setEnabled(summary.decisions > 0)

    def _show_result(self) -> None:
        result = self.result_
        assert result is not None
        if self.summary.returns and self.summary.count:
            done = self.tr("{approved} requests approved; they are sent to the platform now.")
        elif self.summary.returns:
            done = self.tr("{approved} returns agreed; they are sent to the platform now.")
        else:
            done = self.tr("{approved} refunds approved; they are sent to the platform now.")
        self.headline.setText(done.format(approved=len(result.approved)))
        self.list_caption.setText(
            self.tr("Not approved ({count}):").format(count=len(result.refused)) if result.refused else ""
        )
        for aftersale_id, reason in result.refused:
            self.details.addItem(f"{aftersale_id} — {refusal_text(reason)}")
        self.details.setVisible(bool(result.refused))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
