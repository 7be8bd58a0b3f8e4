"""What a person can do with a decision the platform would not take: apply it again.

Owns `reapply()`: an operation in "conflict" (the request changed on the platform
before the decision arrived, e.g. the buyer edited it) whose decision still makes
sense for the request as it is now. It is replaced by a fresh operation based on the
current mirrored version, the old one is closed as discarded, and both facts are one
audit event ("outbox.reapply"), all in the caller's transaction. Dropping a decision
is `outbox.discard()`, for shipments too.

A shipment comes back only when the platform refused it because the buyer asked for a
refund before shipment: sent again, it refuses that refund (`shipping.ship_order` with
`refuse_refund`, so only a person allowed to refuse it may). Every other shipment
refusal (wrong number, cancelled order, …) says in its problem words what to do, which
is to discard it and, where the parcel still goes, ship again with the right details.

Also `set_aside_records()`: the platform's records the sync could not keep (kept raw
by `app/sync/quarantine.py`), still open — each leaves the list on its own once the
platform sends a good version, or when the owner dismisses it (`dismiss_set_aside()`,
`DISMISS_SET_ASIDE_RECORD`, audited), having dealt with it in the platform's own back
office. A dismissed record stays kept, raw, with who dismissed it and when.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.core.refusal import Refusal
from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import ORDER_STATES_TO_SHIP
from app.models import AfterSale, Order, OutboxOperation, QuarantinedRecord
from app.models import outbox as state
from app.services import outbox, outbox_states
from app.services.people import audit, permissions
from app.services.people.permissions import Action, Actor
from app.services.refunds import outcomes
from app.services.refunds.decision_steps import (
    ENTITY,
    MSG_PENDING,
    MSG_UNKNOWN,
    DecisionRefused,
    authorise_decision,
    has_open_operation,
    queue_decision,
)
from app.services.shipping import shipments as shipping

OUTBOX_REAPPLY = "outbox.reapply"
SET_ASIDE_DISMISS = "set_aside.dismiss"
MSG_SET_ASIDE_GONE = QT_TRANSLATE_NOOP(
    "sync", "This record is no longer in the list: the platform sent it corrected, or someone dismissed it."
)
MSG_NOT_CONFLICT = QT_TRANSLATE_NOOP(
    "refunds", "Only a decision that met a changed request can be applied again."
)
MSG_NO_LONGER_APPLIES = QT_TRANSLATE_NOOP(
    "refunds", "The request has moved on and this decision no longer applies to it. Discard it instead."
)
MSG_SHIPMENT_NOT_AGAIN = QT_TRANSLATE_NOOP(
    "shipping",
    "Only a shipment the platform stopped for a pending refund request can be applied again, refusing "
    "that refund, while the order still waits to be shipped. Discard this one instead.",
)


def _shipment_can_go_again(session: Session, op: OutboxOperation) -> bool:
    """A shipment refused for a waiting refund request that the mirror still shows waiting."""
    order = session.get(Order, op.entity_id)
    return (
        op.state == state.REJECTED
        and op.action == outbox.SHIP
        and outbox.refused_while_refund_waits(op)
        and order is not None
        and order.state in ORDER_STATES_TO_SHIP
        and bool(shipping.refund_requests_waiting(session, op.entity_id))
    )


def _reapply_shipment(session: Session, actor: Actor, op: OutboxOperation, *, now: int) -> str:
    if not _shipment_can_go_again(session, op):
        raise shipping.ShipmentRefused(MSG_SHIPMENT_NOT_AGAIN)
    details = outbox.details_of(op)
    queued = shipping.ship_order(
        session,
        actor,
        op.entity_id,
        str(details["carrier_code"]),
        str(details["tracking_no"]),
        now=now,
        refuse_refund=True,
    )
    outbox_states.discard(op, now=now)
    audit.record(
        session,
        actor,
        OUTBOX_REAPPLY,
        entity_type=op.entity_type,
        entity_id=op.entity_id,
        order_id=op.entity_id,
        before={"state": state.REJECTED, "operation": op.op_id},
        after={"replaces_operation": op.op_id, "operation": queued.op_id, "is_refund_reject": True},
        refers_to=op.audit_event_id,
        now=now,
    )
    return queued.op_id


def can_reapply(session: Session, seq: int, platform: str | None = None) -> bool:
    """Whether `reapply` would accept this operation now (for enabling a button), in a shop
    on `platform` (None: Douyin), whose moves say where a decision leads (outcomes.py)."""
    op = session.get(OutboxOperation, seq)
    if op is not None and op.entity_type == shipping.ENTITY:
        return _shipment_can_go_again(session, op)
    if op is None or op.state != state.CONFLICT or op.entity_type != ENTITY:
        return False
    request = session.get(AfterSale, op.entity_id)
    decision = outbox.decision_of(op)
    return (
        request is not None
        and decision is not None
        and outcomes.allows(decision, request.kind, request.state, platform=platform)
    )


def reapply(session: Session, actor: Actor, seq: int, *, now: int, platform: str | None = None) -> str:
    """Send a conflicting decision again, based on the request as it is now; returns the new op id.

    A shipment refused for a waiting refund request is sent again refusing that refund
    (raises shipping.ShipmentRefused or PermissionDenied when that is not possible)."""
    op = session.get(OutboxOperation, seq)
    if op is not None and op.entity_type == shipping.ENTITY:
        return _reapply_shipment(session, actor, op, now=now)
    if op is None or op.state != state.CONFLICT or op.entity_type != ENTITY:
        raise DecisionRefused(MSG_NOT_CONFLICT)
    request = session.get(AfterSale, op.entity_id)
    if request is None:
        raise DecisionRefused(MSG_UNKNOWN)
    decision = outbox.decision_of(op)
    # Sent again, an approval spends the money today: checked against today's limit like
    # a new one (an approval first made today is not counted twice).
    authorise_decision(
        session,
        actor,
        request,
        now=now,
        moves_money=decision in permissions.PAYING_DECISIONS,
        replacing=op.audit_event_id,
    )
    target = (
        outcomes.outcome(decision, request.kind, request.state, platform=platform)
        if decision is not None
        else None
    )
    if decision is None or target is None:
        raise DecisionRefused(MSG_NO_LONGER_APPLIES)
    if has_open_operation(session, request.aftersale_id):
        raise DecisionRefused(MSG_PENDING)
    # The same decision with the same details, on the request's current version.
    outbox_states.discard(op, now=now)
    return queue_decision(
        session,
        actor,
        request,
        decision,
        target,
        action=OUTBOX_REAPPLY,
        now=now,
        details=outbox.details_of(op),
        after={"replaces_operation": op.op_id, "conflicted_with_update_time": op.based_on_update_time},
        refers_to=op.audit_event_id,
    ).op_id


@dataclass(frozen=True, slots=True)
class SetAsideRecord:
    """A record from the platform the sync could not keep, as "needs attention" lists it."""

    id: int
    stream: str  # "orders" or "after_sales"
    record_id: str  # "" when it could not be read
    reason: str  # plain words, English source (context "sync")
    detail: str  # which field, which value: for the platform's support
    update_time: int | None  # the record's own, as it claims
    first_seen_at: int
    last_seen_at: int
    raw: str  # the record's JSON as received


def set_aside_records(session: Session) -> list[SetAsideRecord]:
    """Every open set-aside record, the first seen first."""
    table = QuarantinedRecord
    rows = session.execute(
        select(
            table.id,
            table.stream,
            table.record_id,
            table.reason,
            table.detail,
            table.update_time,
            table.first_seen_at,
            table.last_seen_at,
            table.raw,
        )
        .where(table.resolved_at.is_(None), table.dismissed_at.is_(None))
        .order_by(table.first_seen_at, table.id)
    )
    return [SetAsideRecord(*row) for row in rows]


class SetAsideGone(Refusal):
    """The set-aside record left the list before the person's choice arrived."""

    context = "sync"


def dismiss_set_aside(session: Session, actor: Actor, set_aside_id: int, *, now: int) -> None:
    """The owner takes a set-aside record (`SetAsideRecord.id`) off the list, in the
    caller's transaction (audited "set_aside.dismiss"); the raw record stays kept. Raises
    PermissionDenied for anyone else, SetAsideGone when it already left the list."""
    current = permissions.authorise(session, actor, Action.DISMISS_SET_ASIDE_RECORD)
    table = QuarantinedRecord.__table__
    # One statement decides: of two desks dismissing at once, the second is told it is gone.
    dismissed = session.execute(
        update(table)
        .where(table.c.id == set_aside_id, table.c.resolved_at.is_(None), table.c.dismissed_at.is_(None))
        .values(dismissed_at=now, dismissed_by=current.user_id)
        .returning(table.c.stream, table.c.record_id, table.c.reason, table.c.first_seen_at)
    ).first()
    if dismissed is None:
        raise SetAsideGone(MSG_SET_ASIDE_GONE)
    is_order = dismissed.stream == "orders"
    audit.record(
        session,
        current,
        SET_ASIDE_DISMISS,
        entity_type=shipping.ENTITY if is_order else ENTITY,
        entity_id=dismissed.record_id,
        order_id=dismissed.record_id if is_order else "",
        before={
            "set_aside": set_aside_id,
            "stream": dismissed.stream,
            "reason": dismissed.reason,
            "first_seen_at": dismissed.first_seen_at,
        },  # fmt: skip
        after={"dismissed": True},
        now=now,
    )
