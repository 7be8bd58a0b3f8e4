"""Shipping an order: a carrier and tracking number checked, audited and queued for the platform.

Owns turning "this parcel leaves with carrier C under number N" into what
ARCHITECTURE.md "Act" asks for, inside the caller's transaction (`with
sessions.begin()`), with the same guarantees as refund decisions: the permission check
on the person's record as it is now,
the validation (the order is in the local copy and waiting to be shipped, nothing is
queued for it yet, no refund request before shipment is waiting for the merchant
unless the person may refuse it and says so, the number fits the carrier, and no other
order of the shop has it), then one audit event and one outbox shipment (the carrier,
the number, whether it refuses a waiting refund), based on the order version the person
saw. A refused shipment writes nothing.

`check_shipment()` is the validation alone, for batch imports; `pending_shipments()`
is what the shipping board shows as "pending". The mirrored order is not touched: the
pull owns it.

Shipping over a refund request (`refuse_refund`) refuses the buyer's refund, a
money decision: it needs `REFUSE_REFUND_AND_SHIP` (the owner, or a clerk within the
single limit for that request's amount) instead of `SHIP_ORDER`, and the refusal is
audited on the request too ("refund.refuse", referring to the "order.ship" event).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.refusal import Refusal
from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import ORDER_STATES_TO_SHIP, OrderState, RequestKind, RequestState
from app.models import AfterSale, Order, OrderLogistics, OutboxOperation
from app.models import outbox as outbox_state
from app.services import outbox
from app.services.people import audit, permissions
from app.services.people.permissions import Action, Actor
from app.services.refunds.decision_steps import has_open_operation
from app.services.shipping import carriers

ENTITY = outbox.ORDER
# Operations whose tracking number is taken: on its way, or applied by the platform.
HOLDING_STATES = (*outbox_state.OPEN_STATES, outbox_state.DONE)

MSG_UNKNOWN_ORDER = QT_TRANSLATE_NOOP("shipping", "This order is not in the local copy; sync and try again.")
MSG_NOT_TO_SHIP: dict[str, str] = {
    OrderState.SHIPPED: QT_TRANSLATE_NOOP("shipping", "This order has already been shipped."),
    OrderState.CANCELLED: QT_TRANSLATE_NOOP("shipping", "This order was cancelled. Do not send the parcel."),
    OrderState.COMPLETED: QT_TRANSLATE_NOOP("shipping", "This order is already completed."),
    OrderState.UNPAID: QT_TRANSLATE_NOOP("shipping", "This order has not been paid yet. Do not send it."),
}
MSG_CANNOT_SHIP = QT_TRANSLATE_NOOP(
    "shipping", "This order cannot be shipped in its current state. Refresh the board."
)
MSG_PENDING = QT_TRANSLATE_NOOP(
    "shipping", "A shipment of this order is already waiting to be sent to the platform."
)
MSG_SHIPPED_HERE = QT_TRANSLATE_NOOP(
    "shipping",
    "This order was already shipped from here with tracking number {tracking}; the next sync shows it.",
)
MSG_REFUND_PENDING = QT_TRANSLATE_NOOP(
    "shipping",
    "The buyer asked for a refund before shipment (request {request}, {amount}). Do not send the parcel "
    "yet: decide the request first, or, if you may refuse refunds, ship and refuse the refund.",
)
# The same, for someone who may not decide refunds (the warehouse): a request's amount
# is for those who decide it (permissions.py "Who sees what").
MSG_REFUND_PENDING_NO_AMOUNT = QT_TRANSLATE_NOOP(
    "shipping",
    "The buyer asked for a refund before shipment (request {request}). Do not send the parcel yet: ask "
    "the owner or customer service to decide the request first.",
)
MSG_REFUND_DECISION_PENDING = QT_TRANSLATE_NOOP(
    "shipping",
    "A decision on the buyer's refund request {request} is waiting to be sent to the platform. "
    "Ship once it has gone through.",
)
MSG_TRACKING_USED = QT_TRANSLATE_NOOP(
    "shipping", "Tracking number {tracking} is already used for order {order}."
)
MSG_TRACKING_REPEATED = QT_TRANSLATE_NOOP(
    "shipping", "Tracking number {tracking} is used more than once in this batch."
)


class ShipmentRefused(Refusal):
    """A shipment that cannot be made, in plain words."""

    context = "shipping"


@dataclass(frozen=True, slots=True)
class QueuedShipment:
    """What a shipment put in the outbox."""

    order_id: str
    op_id: str
    company_code: str
    tracking_no: str  # cleaned up (carriers.normalise_tracking), exactly as it is sent
    refused_requests: tuple[str, ...]  # after-sale ids refused by shipping (`refuse_refund`)
    audit_event_id: int
    note: str  # carriers.MSG_NOT_CHECKED when the number's format could not be checked, else ""


@dataclass(frozen=True, slots=True)
class PendingShipment:
    """A shipment not yet confirmed by the platform (a "pending" row on the board)."""

    order_id: str
    seq: int
    op_id: str
    company_code: str
    tracking_no: str
    state: str  # "pending" or "sending"
    attempts: int
    created_at: int
    problem: str  # why the last attempt did not get through (context "sync"), or ""


@dataclass(frozen=True, slots=True)
class _Plan:
    order: Order
    company_code: str
    tracking_no: str
    refused: tuple[AfterSale, ...]


# --- looking things up --------------------------------------------------------------------
def refund_requests_waiting(session: Session, order_id: str) -> list[AfterSale]:
    """The buyer's refund-before-shipment requests on this order that wait for the shop."""
    return list(
        session.scalars(
            select(AfterSale)
            .where(
                AfterSale.order_id == order_id,
                AfterSale.kind == RequestKind.REFUND_BEFORE_SHIPMENT,
                AfterSale.state == RequestState.AWAITING_SHOP,
            )
            .order_by(AfterSale.apply_time, AfterSale.aftersale_id)
        )
    )


def _shipments(
    session: Session, order_ids: Sequence[str] | None, states: Sequence[str]
) -> list[OutboxOperation]:
    statement = select(OutboxOperation).where(
        OutboxOperation.action == outbox.SHIP,
        OutboxOperation.entity_type == ENTITY,
        OutboxOperation.state.in_(states),
    )
    if order_ids is not None:
        statement = statement.where(OutboxOperation.entity_id.in_(order_ids))
    return list(session.scalars(statement.order_by(OutboxOperation.seq)))


def _order_using(session: Session, tracking_no: str, order_id: str) -> str | None:
    """Another order of this shop that has this number: on a mirrored parcel, or in a
    shipment queued or applied from this shop's desks."""
    parcel_owner = session.scalar(
        select(OrderLogistics.order_id)
        .where(OrderLogistics.tracking_no == tracking_no, OrderLogistics.order_id != order_id)
        .limit(1)
    )
    if parcel_owner is not None:
        return parcel_owner
    # The details are JSON text: find candidates by the quoted number, then read them.
    candidates = session.scalars(
        select(OutboxOperation).where(
            OutboxOperation.action == outbox.SHIP,
            OutboxOperation.state.in_(HOLDING_STATES),
            OutboxOperation.entity_id != order_id,
            OutboxOperation.details.contains(json.dumps(tracking_no, ensure_ascii=False), autoescape=True),
        )
    )
    for op in candidates:
        if outbox.details_of(op).get("tracking_no") == tracking_no:
            return op.entity_id
    return None


# --- the checks ------------------------------------------------------------------------------
def _plan(
    session: Session,
    actor: Actor,
    order_id: str,
    carrier_code: str,
    tracking_no: str,
    *,
    refuse_refund: bool,
    also_used: Collection[str],
) -> _Plan:
    order = session.get(Order, order_id)
    if order is None:
        raise ShipmentRefused(MSG_UNKNOWN_ORDER)
    waiting = refund_requests_waiting(session, order_id)
    refusing = refuse_refund and bool(waiting)
    if refusing:
        for request in waiting:  # refusing spends nothing: only the single limit applies
            # Both: the refusal is a refund decision, and the shipment that carries it is one
            # the permission table lets a refund decider make (shipping/refuse_by_shipping.py).
            amount, currency = request.refund_amount, request.currency
            for action in (Action.REFUSE_REFUND_AND_SHIP, Action.DECIDE_REFUND):
                permissions.authorise(session, actor, action, amount_fen=amount, currency=currency)
    else:
        permissions.authorise(session, actor, Action.SHIP_ORDER)  # the person as they are now
    if order.state not in ORDER_STATES_TO_SHIP:
        raise ShipmentRefused(MSG_NOT_TO_SHIP.get(order.state or "", MSG_CANNOT_SHIP))
    for earlier in _shipments(session, [order_id], HOLDING_STATES):
        if earlier.state in outbox_state.OPEN_STATES:
            raise ShipmentRefused(MSG_PENDING)
        # Applied, but the pull has not brought the shipped order yet.
        sent = outbox.details_of(earlier).get("tracking_no")
        raise ShipmentRefused(MSG_SHIPPED_HERE, {"tracking": sent})
    for request in waiting:
        if has_open_operation(session, request.aftersale_id):
            raise ShipmentRefused(MSG_REFUND_DECISION_PENDING, {"request": request.aftersale_id})
    if waiting and not refuse_refund:
        first = waiting[0]
        if not permissions.allowed(actor, Action.DECIDE_REFUND):
            raise ShipmentRefused(MSG_REFUND_PENDING_NO_AMOUNT, {"request": first.aftersale_id})
        raise ShipmentRefused(
            MSG_REFUND_PENDING,
            {"request": first.aftersale_id, "amount": permissions.yuan(first.refund_amount)},
        )
    problem = carriers.tracking_problem(carrier_code, tracking_no)
    if problem is not None:
        raise ShipmentRefused(problem.message, problem.params)
    number = carriers.normalise_tracking(tracking_no)
    if number in {carriers.normalise_tracking(used) for used in also_used}:
        raise ShipmentRefused(MSG_TRACKING_REPEATED, {"tracking": number})
    other = _order_using(session, number, order_id)
    if other is not None:
        raise ShipmentRefused(MSG_TRACKING_USED, {"tracking": number, "order": other})
    return _Plan(order, carrier_code.strip(), number, tuple(waiting) if refusing else ())


def check_shipment(
    session: Session,
    actor: Actor,
    order_id: str,
    carrier_code: str,
    tracking_no: str,
    *,
    now: int,
    refuse_refund: bool = False,
    also_used: Collection[str] = frozenset(),
) -> None:
    """Raise ShipmentRefused (or PermissionDenied) unless `ship_order` would queue this
    shipment; writes nothing. `also_used` holds numbers taken by earlier rows of the
    same batch. `now` is the moment the person acts (kept for parity with ship_order)."""
    _plan(
        session,
        actor,
        order_id,
        carrier_code,
        tracking_no,
        refuse_refund=refuse_refund,
        also_used=also_used,
    )


# --- shipping ---------------------------------------------------------------------------------
def ship_order(
    session: Session,
    actor: Actor,
    order_id: str,
    carrier_code: str,
    tracking_no: str,
    *,
    now: int,
    refuse_refund: bool = False,
) -> QueuedShipment:
    """Queue the order's shipment, audited, in the caller's transaction.

    With `refuse_refund` a waiting refund-before-shipment request is refused by the same
    shipment; without it such a request stops the shipment.
    """
    plan = _plan(
        session, actor, order_id, carrier_code, tracking_no, refuse_refund=refuse_refund, also_used=()
    )
    order, refused_ids = plan.order, tuple(request.aftersale_id for request in plan.refused)
    event_id = audit.record(
        session,
        actor,
        audit.ORDER_SHIP,
        entity_type=ENTITY,
        entity_id=order_id,
        order_id=order_id,
        # In the app's words (events before issue 14 carry Douyin's "status" codes).
        before={"state": order.state, "update_time": order.update_time},
        after={
            "state": str(OrderState.SHIPPED),
            "company_code": plan.company_code,
            "tracking_no": plan.tracking_no,
            **({"refused_requests": list(refused_ids)} if refused_ids else {}),
        },
        now=now,
    )
    for request in plan.refused:
        audit.record(
            session,
            actor,
            audit.REFUND_REFUSE,
            entity_type="after_sale",
            entity_id=request.aftersale_id,
            order_id=order_id,
            before={
                "state": request.state,
                "update_time": request.update_time,
                "refund_amount": request.refund_amount,
            },
            after={
                "state": str(RequestState.REFUSED),
                "refund_amount": request.refund_amount,
                "shipped_with": plan.tracking_no,
            },
            refers_to=event_id,
            now=now,
        )
    op_id = outbox.enqueue_shipment(
        session,
        order_id=order_id,
        carrier_code=plan.company_code,
        tracking_no=plan.tracking_no,
        refuse_refund=bool(refused_ids),
        based_on_update_time=order.update_time,
        expected_from=OrderState(order.state) if order.state else None,
        actor=actor,
        now=now,
        audit_event_id=event_id,
    )
    note = carriers.unchecked_note(plan.company_code) or ""
    return QueuedShipment(order_id, op_id, plan.company_code, plan.tracking_no, refused_ids, event_id, note)


def pending_shipments(session: Session, order_ids: Sequence[str] | None = None) -> dict[str, PendingShipment]:
    """The shipment still on its way to the platform for each of these orders (every
    order when None) that has one."""
    found: dict[str, PendingShipment] = {}
    ids = None if order_ids is None else list(order_ids)
    for op in _shipments(session, ids, outbox_state.OPEN_STATES):
        details = outbox.details_of(op)
        found.setdefault(
            op.entity_id,
            PendingShipment(
                op.entity_id,
                op.seq,
                op.op_id,
                str(details.get("carrier_code", "")),
                str(details.get("tracking_no", "")),
                op.state,
                op.attempts,
                op.created_at,
                op.problem,
            ),
        )
    return found
