"""The refund queue's "no" to a refund requested before shipment: ship the order.

Owns `RefuseByShippingDialog`. The platform takes no refusal of a refund requested
before the order shipped; the only way to refuse it is to ship the order with the
refund-reject flag (`services/shipping/refuse_by_shipping.py`). So the dialog says
plainly what refusing means here — the parcel goes out, the buyer's request closes as
refused — and asks for what a shipment needs, as the shipping board asks for it and with
the same parts (`SendGoodsDialog`: the board's carriers, the number cleaned up as a
scanner or a Chinese input method delivers it, the carrier recognised from its shape,
Enter confirms). Whether the number fits, and who may, is the service's check; its
words come back into the dialog, keeping what was typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from app.core.vocabulary import Decision
from app.services.refunds.queue import QueueRow
from app.services.shipping.carriers import Carrier
from app.views.refunds.exchange_dialogs import SendGoodsDialog

WARNING_STYLE = "background: #fff8c5; border: 1px solid #d4a72c; border-radius: 4px; padding: 8px;"


class RefuseByShippingDialog(SendGoodsDialog):
    """Refuse `row` (a refund before shipment waiting for the shop) by shipping its order."""

    def __init__(self, row: QueueRow, offered: Sequence[Carrier], parent: QWidget | None = None) -> None:
        super().__init__(row, Decision.REFUSE_REFUND, offered, parent)
        self.setObjectName("refuseByShippingDialog")
        self.intro.setStyleSheet(WARNING_STYLE)
        self.retranslate_ui()

    def _texts(self) -> tuple[str, str, str]:
        return (
            self.tr("Refuse by shipping"),
            self.tr(
                "The buyer asked for this refund before order {order} shipped. The platform takes no "
                "refusal for such a request: the only way to refuse it is to ship the order.\n\n"
                "Shipping sends the parcel out and closes the request as refused. Do it only if the "
                "buyer should receive the parcel."
            ).format(order=self.row.order_id),
            self.tr("Ship and refuse the refund"),
        )

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        # A top-level dialog does not grow for its wrapped sentence by itself: make room for it.
        margins = self.main_layout.contentsMargins()
        width = self.minimumWidth() - margins.left() - margins.right()
        self.intro.setMinimumHeight(self.intro.heightForWidth(width) + 24)  # 24: the frame's padding
        self.adjustSize()
