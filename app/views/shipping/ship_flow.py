"""Shipping an order from the board, and what happens when the platform's rules say no.

Owns `ShippingFlow`: it runs `shipping.ship_order` on the database lane (audit event
and outbox operation in one transaction, so the shipment is kept whether or not the
internet is up), reports the outcome in plain words, and asks the sync worker to push
at once. An order whose buyer has asked for a refund cannot ship silently: the flow
shows the request in `RefundBlockedDialog` and lets only a person allowed to decide
refunds refuse it and ship (`is_refund_reject`); anyone else is told who can.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session, sessionmaker

from app.services.people.permissions import Action, Actor, allowed
from app.services.shipping import shipments as shipping
from app.services.shipping.board import BoardOrder
from app.services.shipping.shipments import QueuedShipment, ShipmentRefused
from app.views.common import formatting
from app.views.common.background import BackgroundTasks
from app.views.common.people_words import refusal_text


class RefundBlockedDialog(QDialog):
    """The buyer asked for a refund: refuse it and ship, or leave the order for now."""

    def __init__(
        self, order: BoardOrder, may_refuse: bool, parent: QWidget | None = None, *, tracking_no: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("refundBlockedDialog")
        self.setWindowTitle(self.tr("Refund requested before shipment"))
        text = QLabel(self)
        text.setWordWrap(True)
        # Who may decide the request sees its amount (permissions.py "Who sees what").
        template = self.tr(
            "The buyer of order {order} asked for a refund of {amount} before shipment (request {request})."
        ) if may_refuse else self.tr(
            "The buyer of order {order} asked for a refund before shipment (request {request})."
        )  # fmt: skip
        words = template.format(
            order=order.order_id,
            amount=formatting.money(order.refund_amount, order.currency),
            request=order.refund_request,
        )
        # What shipping does here, plainly: the platform takes no other refusal (issue 15).
        words += "\n\n" + self.tr(
            "The platform refuses such a request only when the order ships: shipping now (tracking number "
            "{tracking}) refuses the refund, the order shows as shipped and the buyer's request closes as "
            "refused."
        ).format(tracking=tracking_no or "—")
        if may_refuse:
            words += "\n\n" + self.tr(
                "Ship only if the buyer should receive the parcel. To refund instead, cancel and approve "
                "the refund in Refunds."
            )
        else:
            words += "\n\n" + self.tr(
                "Refusing a refund is for the owner or customer service. Leave this order to them and put "
                "the parcel aside: they approve the refund, or refuse it by shipping with this tracking "
                "number."
            )
        text.setText(words)
        buttons = QDialogButtonBox(self)
        if may_refuse:
            self.refuse_button = buttons.addButton(
                self.tr("Ship and refuse the refund"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            self.leave_button = buttons.addButton(
                self.tr("Leave it to customer service"), QDialogButtonBox.ButtonRole.RejectRole
            )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        # A top-level dialog does not grow for its wrapped words by itself: make room for them.
        text.ensurePolished()  # the font it will be drawn in (the style's, the language's)
        margins = layout.contentsMargins()
        text.setMinimumHeight(
            text.heightForWidth(520 - margins.left() - margins.right()) + text.fontMetrics().height()
        )
        self.adjustSize()


class ShippingFlow(QObject):
    shipped = Signal(object)  # QueuedShipment, committed
    refused = Signal(str)  # the reason, in plain words
    # The order turned out not to be waiting to ship (shipped, cancelled… since the board
    # was read): the board says exactly what happened to it.
    no_longer_waiting = Signal(str)

    def __init__(
        self,
        tasks: BackgroundTasks,
        sessions: sessionmaker[Session],
        actor: Actor | None,
        parent: QWidget,
        *,
        find_order: Callable[[str], BoardOrder | None],
        sync_worker: QObject | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self._tasks, self._sessions, self._actor = tasks, sessions, actor
        self._find_order, self._sync_worker, self._clock = find_order, sync_worker, clock
        self._parent = parent
        self.dialog: RefundBlockedDialog | None = None
        self.last_started: float | None = None  # perf_counter at the last request (benchmark)

    def ship(
        self, order_id: str, carrier_code: str, tracking_no: str, *, refuse_refund: bool = False
    ) -> None:
        actor = self._actor
        if actor is None:
            self.refused.emit(self.tr("Sign in to ship orders."))
            return
        now = int(self._clock())
        self.last_started = time.perf_counter()

        def work() -> QueuedShipment:
            with self._sessions.begin() as session:
                return shipping.ship_order(
                    session, actor, order_id, carrier_code, tracking_no, now=now, refuse_refund=refuse_refund
                )

        def failed(error: BaseException) -> None:
            self._on_refused(error, order_id, carrier_code, tracking_no)

        self._tasks.run(f"board.ship.{order_id}", work, self._on_shipped, failed)

    def _on_shipped(self, queued: QueuedShipment) -> None:
        self.shipped.emit(queued)
        if self._sync_worker is not None:
            self._sync_worker.sync_now()  # type: ignore[attr-defined]

    def _on_refused(self, error: BaseException, order_id: str, carrier_code: str, tracking_no: str) -> None:
        order = self._find_order(order_id)
        blocked = (shipping.MSG_REFUND_PENDING, shipping.MSG_REFUND_PENDING_NO_AMOUNT)
        if isinstance(error, ShipmentRefused) and error.message in blocked and order:
            self._ask_about_refund(order, carrier_code, tracking_no)
        self.refused.emit(refusal_text(error))
        gone = (*shipping.MSG_NOT_TO_SHIP.values(), shipping.MSG_PENDING, shipping.MSG_SHIPPED_HERE)
        if isinstance(error, ShipmentRefused) and error.message in gone:
            self.no_longer_waiting.emit(order_id)

    def _ask_about_refund(self, order: BoardOrder, carrier_code: str, tracking_no: str) -> None:
        may_refuse = self._actor is not None and allowed(self._actor, Action.REFUSE_REFUND_AND_SHIP)
        dialog = RefundBlockedDialog(order, may_refuse, self._parent, tracking_no=tracking_no)
        self.dialog = dialog

        def finished(result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted and may_refuse:
                self.ship(order.order_id, carrier_code, tracking_no, refuse_refund=True)

        dialog.finished.connect(finished)
        dialog.open()
