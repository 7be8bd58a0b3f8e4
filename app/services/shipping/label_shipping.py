"""Print and ship: a TikTok Shipping order's label fetched, printed, and the order shipped.

Owns the steps of the scanner's "print and ship" mode off the GUI thread, and what a
screen is handed for labels (`LabelDesk`, built by the desk in app/shop_labels.py with the
shop's adapter). The platform's carrier carries the parcel, so the platform, not the
warehouse, gives the tracking number: the label is asked for first (a seller-shipped
package has none: refused in the platform's words before anything is sent); where the
platform gives it only once the order is handed to its carrier (TikTok Shipping), the
order is handed over (`hand_over`) and the label asked again; the provider and tracking
number are then read from the platform's order. Once the label is printed, the shipment
is recorded as any other (`shipments.ship_order`: audited, one outbox operation), with
that provider and number — the push finds the package shipped already and takes it as
done, so the platform ships it once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import OutboxOperation
from app.services.people.permissions import Actor
from app.services.shipping.labels import Label, LabelRefused, ShopLabels
from app.services.shipping.shipments import QueuedShipment, check_shipment, ship_order


@dataclass(frozen=True, slots=True)
class ArrangedShipment:
    """Who carries the order's parcel under which number, as the platform lists them."""

    order_id: str
    carrier_code: str
    carrier_name: str
    tracking_no: str


class LabelDesk(Protocol):
    """A shop's labels for the screens: the kept copies, and the live hand-over."""

    @property
    def labels(self) -> ShopLabels: ...

    def hand_over(self, order_id: str) -> None: ...

    def shipment_of(self, order_id: str) -> ArrangedShipment: ...

    def needs_arranging(self, error: LabelRefused) -> bool: ...


@dataclass(frozen=True, slots=True)
class ReadyToPrint:
    label: Label
    shipment: ArrangedShipment


# Stand-ins for what the platform will give: the carrier is not in the bundled formats, so
# only the order's own checks apply (in the local copy, waiting, nothing queued, no refund
# request waiting, the person's permission) — `check_shipment`'s, before anything is sent.
_PLATFORM_CARRIER, _PLATFORM_NUMBER = "platform-carrier", "PLATFORM-LABEL"


def precheck(session: Session, actor: Actor, order_id: str, *, now: int) -> None:
    """Raise ShipmentRefused (or PermissionDenied) where shipping this order would be
    refused here anyway: checked before the order is handed to the platform's carrier."""
    check_shipment(session, actor, order_id, _PLATFORM_CARRIER, _PLATFORM_NUMBER, now=now)


def prepare(desk: LabelDesk, order_id: str) -> ReadyToPrint:
    """The order's label and its shipment, the order handed to the platform's carrier if
    it must be for the label; raises LabelUnavailable in plain words. Blocks on the network."""
    try:
        label = desk.labels.label(order_id, fresh=True)
    except LabelRefused as refused:
        if not desk.needs_arranging(refused):
            raise
        desk.hand_over(order_id)
        label = desk.labels.label(order_id, fresh=True)
    return ReadyToPrint(label, desk.shipment_of(order_id))


def record(session: Session, actor: Actor, shipment: ArrangedShipment, *, now: int) -> QueuedShipment:
    """The printed order shipped as any other (audit, outbox), in the caller's transaction.
    The platform has the shipment already (handed over for the label): the push re-reads
    the order before sending and, finding it shipped with this number, takes it as done
    instead of calling a package shipped already a conflict."""
    queued = ship_order(
        session, actor, shipment.order_id, shipment.carrier_code, shipment.tracking_no, now=now
    )
    operation = session.scalars(select(OutboxOperation).where(OutboxOperation.op_id == queued.op_id)).one()
    operation.verify_before_send = True
    return queued
