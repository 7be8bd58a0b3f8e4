"""Putting decisions into the outbox, and what people see of it.

Owns the service side of the outbox: `enqueue_decision()` and `enqueue_shipment()`, which
a decision service calls inside the same transaction as its local change and its audit
event, so a decision is either wholly recorded or not at all; the counts and lists the
screens show (what waits, what needs attention); and a person's choices for an operation
the platform would not take (discard it, or send it again). The push engine
(`app/sync/push.py`) does the sending, through the shop's platform adapter.

An operation is kept in the app's words, whatever the platform: an action ("decide" on
an after-sale request, "ship" an order), for a decision its `Decision`, the details the
person gave (`DECISION_DETAILS`, `SHIPMENT_DETAILS`) and the states it expects to find
and to lead to (RequestState / OrderState words). The adapter turns it into the
platform's own call when it is sent.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.vocabulary import Decision, OrderState, RequestState
from app.models import OutboxOperation
from app.models import outbox as state
from app.services import outbox_states
from app.services.people import audit, permissions
from app.services.people.permissions import DISCARD_NEEDS, Action, Actor

# What an operation does, and the entity it does it to.
DECIDE, SHIP = "decide", "ship"
REQUEST, ORDER = "after_sale", "order"
# The details a decision may carry (the platform port's DecisionToSend has the same
# names): a refusal's reason code and words, remark and evidence pictures; an agreed
# return's address; fields of the platform's own, passed as given; the request's kind
# (a RequestKind: a platform may send a decision differently by kind); and the carrier and
# tracking number of goods the shop sends out (an exchange's new goods, a resend, a repair).
DECISION_DETAILS = (
    "reason_code",
    "reason",
    "remark",
    "evidence",
    "return_address_id",
    "extra",
    "kind",
    "carrier_code",
    "tracking_no",
)
# The details of a shipment (the port's ShipmentToSend): with `refuse_refund` the
# shipment also refuses the buyer's waiting refund-before-shipment request.
SHIPMENT_DETAILS = ("carrier_code", "tracking_no", "refuse_refund")


@dataclass(frozen=True)
class OutboxRow:
    seq: int
    op_id: str
    action: str  # DECIDE or SHIP
    decision: str  # a Decision for DECIDE, "" for SHIP
    entity_type: str
    entity_id: str
    details: dict[str, Any]
    state: str
    attempts: int
    created_at: int
    problem: str
    platform_message: str
    platform_state: str


# Kept in an operation's `platform_state` (JSON) when the platform refused a shipment
# because the buyer's refund request before shipment waits for the shop.
REFUND_REQUEST_WAITING = "refund_request_waiting"


def refused_while_refund_waits(op: OutboxOperation) -> bool:
    """Whether the platform refused this shipment because a refund request was waiting."""
    try:
        shown = json.loads(op.platform_state or "{}")
    except ValueError:
        return False
    return isinstance(shown, dict) and shown.get(REFUND_REQUEST_WAITING) is True


def decision_of(op: OutboxOperation | OutboxRow) -> Decision | None:
    """The decision an operation carries; None for a shipment (or a word this app does not know)."""
    try:
        return Decision(op.decision)
    except ValueError:
        return None


def details_of(op: OutboxOperation) -> dict[str, Any]:
    """The operation's details (`DECISION_DETAILS` or `SHIPMENT_DETAILS`) as a dict."""
    details = json.loads(op.details or "{}")
    return details if isinstance(details, dict) else {}


def enqueue_decision(
    session: Session,
    *,
    request_id: str,
    decision: Decision,
    details: Mapping[str, Any],
    based_on_update_time: int | None,
    expected_from: RequestState | None,
    expected_to: RequestState | None,
    actor: Actor | None,
    now: int,
    audit_event_id: int | None = None,
) -> str:
    """Append a decision on one after-sale request; returns the operation's id. Does not commit."""
    unknown = set(details) - set(DECISION_DETAILS)
    if unknown:
        raise ValueError(f"a decision has no details {sorted(unknown)}")
    return _append(
        session,
        action=DECIDE,
        entity_type=REQUEST,
        entity_id=request_id,
        decision=Decision(decision),
        details=details,
        based_on_update_time=based_on_update_time,
        expected=(expected_from, expected_to),
        actor=actor,
        now=now,
        audit_event_id=audit_event_id,
    )


def enqueue_shipment(
    session: Session,
    *,
    order_id: str,
    carrier_code: str,
    tracking_no: str,
    refuse_refund: bool,
    based_on_update_time: int | None,
    expected_from: OrderState | None,
    actor: Actor | None,
    now: int,
    audit_event_id: int | None = None,
) -> str:
    """Append the shipment of one order; returns the operation's id. Does not commit."""
    return _append(
        session,
        action=SHIP,
        entity_type=ORDER,
        entity_id=order_id,
        decision="",
        details={"carrier_code": carrier_code, "tracking_no": tracking_no, "refuse_refund": refuse_refund},
        based_on_update_time=based_on_update_time,
        expected=(expected_from, OrderState.SHIPPED),
        actor=actor,
        now=now,
        audit_event_id=audit_event_id,
    )


def _append(
    session: Session,
    *,
    action: str,
    entity_type: str,
    entity_id: str,
    decision: str,
    details: Mapping[str, Any],
    based_on_update_time: int | None,
    expected: tuple[str | None, str | None],
    actor: Actor | None,
    now: int,
    audit_event_id: int | None,
) -> str:
    op = OutboxOperation(
        op_id=uuid.uuid4().hex,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        decision=decision,
        details=json.dumps(dict(details), ensure_ascii=False, sort_keys=True),
        based_on_update_time=based_on_update_time,
        expected_from_state=expected[0],
        expected_to_state=expected[1],
        state=state.PENDING,
        attempts=0,
        verify_before_send=False,
        next_attempt_at=0,
        created_at=now,
        created_by=actor.user_id if actor else None,
        audit_event_id=audit_event_id,
    )
    session.add(op)
    session.flush()
    return op.op_id


def waiting_count(session: Session) -> int:
    """Operations not yet confirmed by the platform (the badge on the status bar)."""
    return (
        session.scalar(
            select(func.count())
            .select_from(OutboxOperation)
            .where(OutboxOperation.state.in_(state.OPEN_STATES))
        )
        or 0
    )


def _row(op: OutboxOperation) -> OutboxRow:
    return OutboxRow(
        op.seq,
        op.op_id,
        op.action,
        op.decision,
        op.entity_type,
        op.entity_id,
        details_of(op),
        op.state,
        op.attempts,
        op.created_at,
        op.problem,
        op.platform_message,
        op.platform_state,
    )


def open_for(session: Session, entity_ids: list[str]) -> dict[str, OutboxRow]:
    """The oldest open operation of each of these entities (rows show "pending")."""
    ops = session.scalars(
        select(OutboxOperation)
        .where(OutboxOperation.entity_id.in_(entity_ids), OutboxOperation.state.in_(state.OPEN_STATES))
        .order_by(OutboxOperation.seq)
    ).all()
    found: dict[str, OutboxRow] = {}
    for op in ops:
        found.setdefault(op.entity_id, _row(op))
    return found


def operations_for(session: Session, entity_id: str) -> list[OutboxRow]:
    """Every operation ever queued for one entity, oldest first (a request's history)."""
    ops = session.scalars(
        select(OutboxOperation).where(OutboxOperation.entity_id == entity_id).order_by(OutboxOperation.seq)
    ).all()
    return [_row(op) for op in ops]


def needing_attention(session: Session) -> list[OutboxRow]:
    """Rejected and conflicting operations, oldest first, until a person resolves them."""
    ops = session.scalars(
        select(OutboxOperation)
        .where(OutboxOperation.state.in_(state.ATTENTION_STATES))
        .order_by(OutboxOperation.seq)
    ).all()
    return [_row(op) for op in ops]


def discard(session: Session, actor: Actor, seq: int, *, now: int) -> None:
    """A person drops an operation the platform would not take (audited). It needs the
    permission the operation's kind needs (`permissions.DISCARD_NEEDS`): a refund decision
    is dropped by someone who may decide refunds, a shipment by someone who may ship."""
    op = session.get(OutboxOperation, seq)
    if op is None or op.state not in state.ATTENTION_STATES:
        raise ValueError(f"operation {seq} is not waiting for a person")
    permissions.authorise(session, actor, DISCARD_NEEDS.get(op.entity_type, Action.DECIDE_REFUND))
    before = op.state
    outbox_states.discard(op, now=now)
    audit.record(
        session,
        actor,
        "outbox.discard",
        entity_type=op.entity_type,
        entity_id=op.entity_id,
        before={"state": before},
        after={"state": state.DISCARDED, "operation": op.op_id},
        now=now,
    )
