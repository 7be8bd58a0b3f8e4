"""The scanner bar on top of the shipping board: ship an order in two scans.

Owns `ScanBar`. A keyboard-wedge barcode scanner types what it reads and presses
Enter, so the flow is all keyboard: scan (or type) the order number from the packing
slip — the bar checks it is on the board and says what to pack; an order that is not
asks the board why (`order_not_waiting`: shipped when and with which number,
cancelled…) —, scan the tracking number — the carrier is recognised from the
number's shape when only one carrier's format fits, and shown beside the field as the
number arrives, else the one chosen in the list is used —, and Enter ships. The
outcome shows as a large coloured line (no sound: warehouses are loud and shared),
and the order field is ready for the next parcel. A refusal keeps both numbers, the
tracking number selected so the next scan replaces it; Escape clears the bar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.services.shipping.carriers import Carrier, carriers_fitting, normalise_tracking, recognised
from app.views.shipping.carrier_hint import AUTO, carrier_hint, show_carrier_hint

STYLES = {
    "ok": "background: #dafbe1; color: #116329; border: 1px solid #4ac26b;",
    "problem": "background: #ffebe9; color: #a40e26; border: 1px solid #ff8182;",
    "hint": "background: #f6f8fa; color: #24292f; border: 1px solid #d0d7de;",
}

# What the board answers about a scanned order number: None when it is not on the
# board, else a line saying what to pack ("2 items: 加绒卫衣 ×2").
OrderLookup = Callable[[str], str | None]


class ScanBar(QFrame):
    ship_requested = Signal(str, str, str)  # order id, carrier code, tracking number
    order_not_waiting = Signal(str)  # a scanned order not on the board: the board says why (explain)
    # Print-and-ship mode (TikTok Shipping): the order scanned, its label printed and the
    # order shipped with the platform's number (label_actions.py); no tracking scan.
    print_and_ship_requested = Signal(str)

    def __init__(self, lookup: OrderLookup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanBar")
        self._lookup = lookup
        self._carriers: list[Carrier] = []
        self.order_edit = QLineEdit(self)
        self.order_edit.setObjectName("scanOrder")
        self.tracking_edit = QLineEdit(self)
        self.tracking_edit.setObjectName("scanTracking")
        self.carrier_combo = QComboBox(self)
        self.carrier_combo.setObjectName("scanCarrier")
        self.ship_button = QPushButton(self)
        self.print_and_ship = QCheckBox(self)
        self.print_and_ship.setObjectName("scanPrintAndShip")
        self.print_and_ship.setVisible(False)  # shown for a shop whose platform prints labels
        # The carrier the tracking number shows, as it is typed or scanned (before Enter).
        self.recognised = QLabel(self)
        self.recognised.setObjectName("scanRecognised")
        self.message = QLabel(self)
        self.message.setObjectName("scanMessage")
        self.message.setWordWrap(True)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.35)
        for edit in (self.order_edit, self.tracking_edit):
            edit.setFont(big)
            edit.installEventFilter(self)
        self.message.setFont(big)
        self._order_label, self._tracking_label, self._carrier_label = (
            QLabel(self),
            QLabel(self),
            QLabel(self),
        )
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._order_label, 0, 0)
        tracking_head = QHBoxLayout()  # "Tracking number   Recognised: 顺丰速运"
        tracking_head.setSpacing(16)
        tracking_head.addWidget(self._tracking_label)
        tracking_head.addWidget(self.recognised, 1)
        layout.addLayout(tracking_head, 0, 1)
        layout.addWidget(self._carrier_label, 0, 2)
        layout.addWidget(self.order_edit, 1, 0)
        layout.addWidget(self.tracking_edit, 1, 1)
        layout.addWidget(self.carrier_combo, 1, 2)
        layout.addWidget(self.ship_button, 1, 3)
        layout.addWidget(self.print_and_ship, 0, 3)
        layout.addWidget(self.message, 2, 0, 1, 4)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 3)
        layout.setColumnStretch(2, 2)
        self.order_edit.returnPressed.connect(self._order_entered)
        self.tracking_edit.returnPressed.connect(self._ship)
        self.tracking_edit.textChanged.connect(self._show_recognised)
        self.tracking_edit.textEdited.connect(self._number_changed)
        self.carrier_combo.currentIndexChanged.connect(self._show_recognised)
        self.ship_button.clicked.connect(self._ship)
        # Print and ship: the platform gives the number, so nothing to scan but the order.
        self.print_and_ship.toggled.connect(
            lambda on: [
                w.setEnabled(not on) for w in (self.tracking_edit, self.carrier_combo, self.ship_button)
            ]
        )
        self._state = ("hint", "")
        self.retranslate_ui()

    # --- what the board calls ------------------------------------------------------------
    def set_carriers(self, carriers: Sequence[Carrier]) -> None:
        chosen = self.carrier_combo.currentData()
        self._carriers = list(carriers)
        self.carrier_combo.clear()
        self.carrier_combo.addItem(self.tr("Recognise from the number"), AUTO)
        for carrier in self._carriers:
            self.carrier_combo.addItem(carrier.name, carrier.code)
        index = self.carrier_combo.findData(chosen)
        self.carrier_combo.setCurrentIndex(max(0, index))
        self._show_recognised()

    def start(self) -> None:
        """Ready for the next parcel: the cursor in the order field."""
        self.order_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.order_edit.selectAll()

    def show_shipped(self, order_id: str, carrier_name: str, tracking_no: str, note: str = "") -> None:
        text = self.tr("✓ {order} shipped with {carrier}, {tracking}. Scan the next order.").format(
            order=order_id, carrier=carrier_name, tracking=tracking_no
        )
        self._show("ok", f"{text} {note}".strip())
        self.order_edit.clear()
        self.tracking_edit.clear()
        self.start()

    def show_problem(self, text: str) -> None:
        """The shipment was not made: say why, keep both numbers, ready to rescan the label."""
        self._show("problem", text)
        self.tracking_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.tracking_edit.selectAll()

    def explain(self, order_id: str, text: str) -> None:
        """Why `order_id` is not waiting to ship (the board's answer to
        `order_not_waiting`), if that order is still the one in the bar; the cursor goes
        back to the order field, ready for the next slip."""
        if self.order_edit.text().strip() != order_id:
            return  # the person has moved on to another parcel
        self._show("problem", text)
        self.order_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.order_edit.selectAll()

    def show_order_problem(self, order_id: str, text: str) -> None:
        """Why a print-and-ship of `order_id` did not go through: said even when the bar has
        moved on to another parcel (named then), the order field ready to scan again."""
        if self.order_edit.text().strip() != order_id:
            text = f"{order_id}: {text}"
        self._show("problem", text)
        self.order_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.order_edit.selectAll()

    def recognised_text(self) -> str:
        return self.recognised.text()

    def message_text(self) -> str:
        return self.message.text()

    def message_kind(self) -> str:
        return self._state[0]

    # --- the flow -----------------------------------------------------------------------
    def _order_entered(self) -> None:
        order_id = self.order_edit.text().strip()
        if not order_id:
            return
        what = self._lookup(order_id)
        if what is None:
            self._show(
                "problem", self.tr("{order} is not waiting to ship. Check the number.").format(order=order_id)
            )
            self.order_edit.selectAll()
            self.order_not_waiting.emit(order_id)  # the board's answer says exactly why
            return
        if not self.print_and_ship.isHidden() and self.print_and_ship.isChecked():
            self._show(
                "hint", self.tr("{order}: {what} — printing its label…").format(order=order_id, what=what)
            )
            self.print_and_ship_requested.emit(order_id)
            return
        self._show(
            "hint", self.tr("{order}: {what} — scan the tracking number.").format(order=order_id, what=what)
        )
        self.tracking_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.tracking_edit.selectAll()

    def _ship(self) -> None:
        order_id = self.order_edit.text().strip()
        tracking = normalise_tracking(self.tracking_edit.text())
        if not order_id:
            self._show("problem", self.tr("Scan the order number first."))
            self.start()
            return
        if self._lookup(order_id) is None:
            self._order_entered()
            return
        if not tracking:
            self._show("hint", self.tr("Scan the tracking number."))
            self.tracking_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        carrier = self.carrier_combo.currentData()
        if carrier == AUTO:
            found = recognised(tracking, self._carriers or None)
            if found is None:
                fitting = carriers_fitting(tracking, self._carriers or None)
                # The cursor stays in the tracking field, the number selected: most often
                # the scanner read the wrong barcode, and the next scan replaces it.
                self.show_problem(
                    self.tr(
                        "This number fits no carrier's format. Scan the parcel label's tracking barcode "
                        "again, or choose the carrier."
                    )
                    if not fitting
                    else self.tr("Choose the carrier: this number fits {carriers}.").format(
                        carriers=", ".join(c.name for c in fitting)
                    )
                )
                return
            carrier = found.code
        self._show("hint", self.tr("Shipping {order}…").format(order=order_id))
        self.ship_requested.emit(order_id, carrier, tracking)

    def _number_changed(self) -> None:
        """A new number over a refused one: the refusal was about the old number."""
        order_id = self.order_edit.text().strip()
        if self._state[0] == "problem" and order_id:
            self._show("hint", self.tr("Press Enter to ship {order}.").format(order=order_id))

    def _show_recognised(self) -> None:
        """What the number typed so far says about its carrier, before Enter."""
        chosen = self.carrier_combo.currentData()
        hint = carrier_hint(self.tracking_edit.text(), chosen, self.carrier_name(chosen), self._carriers)
        show_carrier_hint(self.recognised, *hint)

    def carrier_name(self, code: str) -> str:
        return next((c.name for c in self._carriers if c.code == code), code)

    def _show(self, kind: str, text: str) -> None:
        self._state = (kind, text)
        self.message.setText(text)
        self.message.setStyleSheet(f"QLabel {{ {STYLES[kind]} border-radius: 4px; padding: 8px; }}")

    # --- language and keys ------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self._order_label.setText(self.tr("Order number"))
        self._tracking_label.setText(self.tr("Tracking number"))
        self._carrier_label.setText(self.tr("Carrier"))
        self.order_edit.setPlaceholderText(self.tr("Scan the packing slip's barcode"))
        self.tracking_edit.setPlaceholderText(self.tr("Scan the parcel label"))
        self.ship_button.setText(self.tr("Ship (Enter)"))
        self.print_and_ship.setText(self.tr("Print label and ship"))
        self.print_and_ship.setToolTip(
            self.tr("TikTok Shipping: scan the order, its label prints and the order ships with its number.")
        )
        if self.carrier_combo.count():
            self.carrier_combo.setItemText(0, self.tr("Recognise from the number"))
        if self._state == ("hint", ""):
            self._show("hint", self.tr("Scan an order number to start."))
        self._show_recognised()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:  # type: ignore[attr-defined]
            self.order_edit.clear()
            self.tracking_edit.clear()
            self._show("hint", self.tr("Scan an order number to start."))
            self.start()
            return True
        return super().eventFilter(watched, event)
