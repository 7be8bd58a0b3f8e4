"""Refusing a refund requested before shipment: the only way is to ship the order.

Owns `refuse_by_shipping()`, the "no" of a refund-before-shipment request that waits for
the shop, made from the refund queue. Douyin takes no refusal of such a request by
`afterSale.operate`; the order is shipped with the refund-reject flag instead
(`order.logisticsAdd` with `is_refund_reject`, docs/platforms/douyin.md
"order.logisticsAdd"). So the refusal is a shipment: the carrier and the tracking number
are checked as the shipping board checks them, and `shipments.ship_order(refuse_refund=True)`
writes one "order.ship" audit event, one "refund.refuse" event per request it refuses
(referring to the shipment) and one outbox shipment carrying the flag, in the caller's
transaction. Offline it waits in the outbox like any shipment; the push sends it once
(after a lost answer it re-reads the order, and the requests it refused).

Who may. Refusing a buyer's refund is a refund decision, and shipping an order is the
warehouse's work; a shop expects the refusal to be made by whoever may decide refunds, and
that person to be able to make it the only way the platform takes it. So the service
checks both: the refund decision (`DECIDE_REFUND`, within a clerk's single limit for the
request's amount: refusing spends nothing, the daily limit does not apply) and the
shipment that carries it (`REFUSE_REFUND_AND_SHIP`, the permission table's "ship to refuse
a refund", which a clerk holds and the warehouse does not: the warehouse ships every other
order and leaves these to customer service, `shipments.ship_order`).

The shipping board's own ship-and-refuse (`views/shipping/ship_flow.py`) goes through
`ship_order(refuse_refund=True)` and the same checks.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import AfterSale
from app.services.people.permissions import Actor
from app.services.refunds.available_decisions import refused_by_shipping
from app.services.refunds.decision_steps import MSG_UNKNOWN, MSG_WRONG_STATE, DecisionRefused
from app.services.shipping.shipments import QueuedShipment, ship_order


def refuse_by_shipping(
    session: Session,
    actor: Actor,
    aftersale_id: str,
    *,
    carrier_code: str,
    tracking_no: str,
    now: int,
) -> QueuedShipment:
    """Refuse the refund-before-shipment request `aftersale_id` by shipping its order with
    `carrier_code` under `tracking_no`; the queued shipment (its `refused_requests` names
    every request it refuses: all those waiting on the order). Raises DecisionRefused when
    the request is not one shipping refuses, ShipmentRefused for the shipment's checks,
    PermissionDenied for who may."""
    request = session.get(AfterSale, aftersale_id)
    if request is None:
        raise DecisionRefused(MSG_UNKNOWN)
    if not refused_by_shipping(request.kind, request.state):
        raise DecisionRefused(MSG_WRONG_STATE)
    return ship_order(
        session, actor, request.order_id, carrier_code, tracking_no, now=now, refuse_refund=True
    )
