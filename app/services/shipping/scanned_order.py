"""What a scanned order number that is not on the shipping board is, in plain words.

Owns `not_waiting_reason`: for an order the warehouse scanned (or a file named) that
is not waiting on the board, a `ShipmentRefused` saying what became of it — shipped
when and with which carrier and number, shipped from this desk and on its way to the
platform, completed, cancelled, unpaid, unknown here, or waiting but hidden by the
board's filter — and its messages (context "shipping"), so nobody sends a second
parcel.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import ORDER_STATES_TO_SHIP, OrderState
from app.models import Order, OrderLogistics
from app.services.rule_history import rules_in_force
from app.services.rules import RuleSet
from app.services.shipping import carriers
from app.services.shipping.deadlines import shop_time
from app.services.shipping.shipments import ShipmentRefused, pending_shipments

# What a scanned order number that is not on the board is, context "shipping".
MSG_SCANNED_UNKNOWN = QT_TRANSLATE_NOOP(
    "shipping", "{order} is not among this shop's orders here. Check the number, or sync and scan it again."
)
MSG_SCANNED_SHIPPED = QT_TRANSLATE_NOOP(
    "shipping", "{order} was already shipped on {time} with {carrier} {tracking}. Do not send another parcel."
)
MSG_SCANNED_SHIPPED_NO_PARCEL = QT_TRANSLATE_NOOP(
    "shipping", "{order} was already shipped on {time}. Do not send another parcel."
)
MSG_SCANNED_SENDING = QT_TRANSLATE_NOOP(
    "shipping",
    "{order} was already shipped from this desk on {time} with {carrier} {tracking}; the shipment is on its "
    "way to the platform. Do not send another parcel.",
)
MSG_SCANNED_COMPLETED = QT_TRANSLATE_NOOP(
    "shipping", "{order} is already completed: it was shipped on {time} with {carrier} {tracking}."
)
MSG_SCANNED_CANCELLED = QT_TRANSLATE_NOOP("shipping", "{order} was cancelled. Do not send the parcel.")
MSG_SCANNED_UNPAID = QT_TRANSLATE_NOOP("shipping", "{order} has not been paid yet. Do not send it.")
MSG_SCANNED_HIDDEN = QT_TRANSLATE_NOOP(
    "shipping",
    "{order} is waiting to ship, but the board's filter hides it. Clear the filter and scan it again.",
)
MSG_SCANNED_WAITING = QT_TRANSLATE_NOOP(
    "shipping", "{order} is waiting to ship; the board has just been brought up to date. Scan it again."
)


def not_waiting_reason(
    session: Session, order_id: str, *, filtered: bool, rules: RuleSet | None = None
) -> ShipmentRefused:
    """Why a scanned order is not (or not shown) on the board, in plain words: shipped
    when and with which number, shipped from this desk and on its way, cancelled,
    unpaid, unknown here, or hidden by the board's filter (`filtered`)."""
    rules = rules or rules_in_force(None)

    def when(instant: int | None) -> str:
        return shop_time(instant, rules).strftime("%Y-%m-%d %H:%M") if instant else "?"

    order = session.get(Order, order_id)
    if order is None:
        return ShipmentRefused(MSG_SCANNED_UNKNOWN, {"order": order_id})
    sending = pending_shipments(session, [order_id]).get(order_id)
    if sending is not None:
        carrier = carriers.known(sending.company_code)
        return ShipmentRefused(
            MSG_SCANNED_SENDING,
            {
                "order": order_id,
                "time": when(sending.created_at),
                "carrier": carrier.name if carrier else sending.company_code,
                "tracking": sending.tracking_no,
            },
        )
    if order.state == OrderState.CANCELLED:
        return ShipmentRefused(MSG_SCANNED_CANCELLED, {"order": order_id})
    if order.state == OrderState.UNPAID or order.pay_time is None:
        return ShipmentRefused(MSG_SCANNED_UNPAID, {"order": order_id})
    if order.state in ORDER_STATES_TO_SHIP:
        return ShipmentRefused(MSG_SCANNED_HIDDEN if filtered else MSG_SCANNED_WAITING, {"order": order_id})
    parcels = list(
        session.scalars(
            select(OrderLogistics)
            .where(OrderLogistics.order_id == order_id)
            .order_by(OrderLogistics.ship_time, OrderLogistics.id)
        )
    )
    if not parcels:
        shipped = {"order": order_id, "time": when(order.ship_time)}
        return ShipmentRefused(MSG_SCANNED_SHIPPED_NO_PARCEL, shipped)
    first = parcels[0]
    params = {
        "order": order_id,
        "time": when(first.ship_time or order.ship_time),
        "carrier": first.company_name or first.company_code,
        "tracking": ", ".join(parcel.tracking_no for parcel in parcels),
    }
    completed = order.state == OrderState.COMPLETED
    return ShipmentRefused(MSG_SCANNED_COMPLETED if completed else MSG_SCANNED_SHIPPED, params)
