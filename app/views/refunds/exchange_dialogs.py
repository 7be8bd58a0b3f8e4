"""The refund queue's dialog for goods the shop sends out: an exchange's, a resend's, a repair's.

Owns `SendGoodsDialog`: confirming that an exchange's (or repair's) returned goods
arrived and sending the new (or repaired) ones, or sending a resend's goods, asks for
the parcel's carrier and tracking number, as the shipping board does and with its
parts: the carriers the board offers (`services/shipping/carriers.available`, read off
the GUI thread by the flow), the number cleaned up as a scanner or a Chinese input
method delivers it (`normalise_tracking`) and the carrier recognised from the number's
shape while it is typed (`recognised`, else the candidates `carriers_fitting` names: a
number several carriers share is never given to one). A keyboard-wedge scanner types the
number and presses Enter, which confirms. Whether the number fits the carrier is the
decision service's check (`decisions.goods_sent`), made before anything is queued; its
words come back into the dialog, keeping what was typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.core.vocabulary import Decision, RequestKind
from app.services.refunds.queue import QueueRow
from app.services.shipping.carriers import Carrier, carriers_fitting, normalise_tracking, recognised
from app.views.refunds.dialogs import DecisionDialog, request_sentence
from app.views.shipping.carrier_hint import AUTO, carrier_hint, show_carrier_hint


class SendGoodsDialog(DecisionDialog):
    """The carrier and tracking number of goods the shop sends out, for `decision`
    (CONFIRM_EXCHANGE_RECEIPT or SHIP_REPLACEMENT) on `row`."""

    def __init__(
        self, row: QueueRow, decision: Decision, offered: Sequence[Carrier], parent: QWidget | None = None
    ) -> None:
        super().__init__(row, parent)
        self.setObjectName("sendGoodsDialog")
        self.decision = decision
        self._carriers = list(offered)
        self.carrier_combo = QComboBox(self)
        self.carrier_combo.setObjectName("goodsCarrier")
        self.carrier_combo.addItem("", AUTO)
        for carrier in self._carriers:
            self.carrier_combo.addItem(carrier.name, carrier.code)
        self.tracking_edit = QLineEdit(self)
        self.tracking_edit.setObjectName("goodsTracking")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.35)  # read across a packing table, as on the board
        self.tracking_edit.setFont(big)
        self.recognised = QLabel(self)
        self.recognised.setObjectName("goodsRecognised")
        tracking_row = QWidget(self)
        line = QHBoxLayout(tracking_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.tracking_edit, 3)
        line.addWidget(self.recognised, 2)
        self.add_row(tracking_row, lambda: self.tr("&Tracking number:"))
        self.add_row(self.carrier_combo, lambda: self.tr("&Carrier:"))
        self.tracking_edit.textChanged.connect(self._show_recognised)
        self.tracking_edit.textChanged.connect(self.recheck)
        self.carrier_combo.currentIndexChanged.connect(self._show_recognised)
        self.retranslate_ui()
        self.tracking_edit.setFocus()

    # --- what the flow reads ---------------------------------------------------------------
    def carrier_code(self) -> str:
        """The chosen carrier, else the one carrier the number's shape names, else ""."""
        chosen = self.carrier_combo.currentData()
        if chosen not in (AUTO, None):
            return str(chosen)
        found = recognised(self.tracking_edit.text(), self._carriers or None)
        return found.code if found is not None else ""

    def local_problem(self) -> str:
        number = normalise_tracking(self.tracking_edit.text())
        if not number:
            return self.tr("Enter or scan the tracking number of the parcel you send.")
        if self.carrier_code():
            return ""
        fitting = carriers_fitting(number, self._carriers or None)
        if fitting:
            return self.tr("Choose the carrier: this number fits {carriers}.").format(
                carriers=", ".join(c.name for c in fitting)
            )
        return self.tr("No carrier's numbers look like this one. Check the number, or choose the carrier.")

    def values(self) -> dict[str, Any]:
        number = normalise_tracking(self.tracking_edit.text())
        return {"carrier_code": self.carrier_code(), "tracking_no": number}

    # --- as the number is typed or scanned ------------------------------------------------
    def _show_recognised(self) -> None:
        hint = carrier_hint(
            self.tracking_edit.text(),
            self.carrier_combo.currentData(),
            self.carrier_combo.currentText(),
            self._carriers,
        )
        show_carrier_hint(self.recognised, *hint)

    # --- words -----------------------------------------------------------------------------
    def _texts(self) -> tuple[str, str, str]:
        """(title, sentence, button) for this decision on this kind of request."""
        repair = self.row.kind == RequestKind.REPAIR
        if self.decision is Decision.CONFIRM_EXCHANGE_RECEIPT and repair:
            return (
                self.tr("Confirm receipt and send the repaired goods"),
                self.tr(
                    "The buyer's goods arrived. Send them back repaired and enter the parcel's carrier and "
                    "tracking number: the platform passes them to the buyer."
                ),
                self.tr("Confirm and send"),
            )
        if self.decision is Decision.CONFIRM_EXCHANGE_RECEIPT:
            return (
                self.tr("Confirm receipt and send the new goods"),
                self.tr(
                    "The goods the buyer sent back arrived. Send the new goods and enter the parcel's "
                    "carrier and tracking number: the platform passes them to the buyer."
                ),
                self.tr("Confirm and send"),
            )
        if repair:
            return (
                self.tr("Send the repaired goods"),
                self.tr("Enter the carrier and tracking number of the parcel with the repaired goods."),
                self.tr("Send"),
            )
        return (
            self.tr("Send the resend"),
            self.tr(
                "Send the missing or replacement items and enter the parcel's carrier and tracking number."
            ),
            self.tr("Send"),
        )

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        title, sentence, button = self._texts()
        self.setWindowTitle(title)
        self.intro.setText(request_sentence(self.row) + "\n\n" + sentence)
        self.confirm_button().setText(button)
        self.carrier_combo.setItemText(0, self.tr("Recognise from the number"))
        self.tracking_edit.setPlaceholderText(self.tr("Scan the parcel label"))
        self._show_recognised()
