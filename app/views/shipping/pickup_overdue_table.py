"""The shipping board's second list: parcels the carrier has not scanned 24 h on.

Owns `PickupOverdueTable`: each shipped parcel with no pickup scan past the timeout,
oldest first, with its carrier and tracking number, when it was shipped and how long
until the platform lets the buyer's refund through on its own (RULES.md: 48 h without
a scan). A short list (tens of rows), so a plain table widget.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from app.core.shop_time import SHOP_TZ
from app.services.shipping.board import PickupOverdue
from app.views.common import formatting


class PickupOverdueTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("pickupOverdue")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self._rows: list[PickupOverdue] = []
        self._now = 0
        self._tz: tzinfo = SHOP_TZ
        self.retranslate_ui()

    def show_rows(self, rows: Sequence[PickupOverdue], now: int, tz: tzinfo | None = None) -> None:
        """`tz`: the shop's clock (its rule set's), the times are shown on (None: as before)."""
        self._rows, self._now, self._tz = list(rows), now, tz or self._tz
        self.setRowCount(len(rows))
        for number, row in enumerate(rows):
            refund_in = (
                self.tr("refund possible now")
                if row.refund_at <= now
                else formatting.duration(row.refund_at - now)
            )
            values = (
                row.order_id,
                f"{row.company_name} {row.tracking_no}",
                formatting.shop_time(row.ship_time, tz=self._tz),
                refund_in,
                row.items,
            )
            for column, value in enumerate(values):
                self.setItem(number, column, QTableWidgetItem(value))
        self.resizeColumnsToContents()

    def retranslate_ui(self) -> None:
        self.setHorizontalHeaderLabels(
            [self.tr("Order"), self.tr("Parcel"), self.tr("Shipped"), self.tr("Platform may refund in"),
             self.tr("Items")]
        )  # fmt: skip
        if self._rows:
            self.show_rows(self._rows, self._now)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
