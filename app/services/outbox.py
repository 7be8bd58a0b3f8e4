"""Putting decisions into the outbox, and what people see of it.

Owns the service side of the outbox: `enqueue()`, which a decision service calls inside
the same transaction as its local change and its audit event, so a decision is either
wholly recorded or not at all; the counts and lists the screens show (what waits, what
needs attention); and a person's choices for an operation the platform would not take
(discard it, or send it again). The push engine (`app/sync/push.py`) does the sending.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import OutboxOperation
from app.models import outbox as state
from app.services import outbox_states
from app.services.people import audit, permissions
from app.services.people.permissions import DISCARD_NEEDS, Action, Actor


@dataclass(frozen=True)
class OutboxRow:
    seq: int
    op_id: str
    method: str
    entity_type: str
    entity_id: str
    params: dict[str, Any]
    state: str
    attempts: int
    created_at: int
    problem: str
    platform_message: str
    platform_state: str


def enqueue(
    session: Session,
    *,
    method: str,
    entity_type: str,
    entity_id: str,
    params: dict[str, Any],
    actor: Actor | None,
    now: int,
    based_on_update_time: int | None = None,
    expected_from_status: int | None = None,
    expected_to_status: int | None = None,
    audit_event_id: int | None = None,
) -> str:
    """Append one operation; returns its client-generated id. Does not commit."""
    op = OutboxOperation(
        op_id=uuid.uuid4().hex,
        method=method,
        entity_type=entity_type,
        entity_id=entity_id,
        params=json.dumps(params, ensure_ascii=False, sort_keys=True),
        based_on_update_time=based_on_update_time,
        expected_from_status=expected_from_status,
        expected_to_status=expected_to_status,
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
        op.method,
        op.entity_type,
        op.entity_id,
        json.loads(op.params),
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
