"""What a person can do with a decision the platform would not take: apply it again.

Owns `reapply()`: an operation in "conflict" (the request changed on the platform
before the decision arrived, e.g. the buyer edited it) whose decision still makes
sense for the request as it is now. It is replaced by a fresh operation based on the
current mirrored version, the old one is closed as discarded, and both facts are one
audit event ("outbox.reapply"), all in the caller's transaction. Dropping a decision
is `outbox.discard()`.
"""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from app.models import AfterSale, OutboxOperation
from app.models import outbox as state
from app.services import permissions
from app.services.permissions import Action, Actor
from app.services.refund_decisions import (
    ENTITY,
    MSG_PENDING,
    MSG_UNKNOWN,
    DecisionRefused,
    has_open_operation,
    queue_decision,
)
from app.sync.codes import OPERATE_TRANSITIONS, QT_TRANSLATE_NOOP

OUTBOX_REAPPLY = "outbox.reapply"
MSG_NOT_CONFLICT = QT_TRANSLATE_NOOP(
    "refunds", "Only a decision that met a changed request can be applied again."
)
MSG_NO_LONGER_APPLIES = QT_TRANSLATE_NOOP(
    "refunds", "The request has moved on and this decision no longer applies to it. Discard it instead."
)


def can_reapply(session: Session, seq: int) -> bool:
    """Whether `reapply` would accept this operation now (for enabling a button)."""
    op = session.get(OutboxOperation, seq)
    if op is None or op.state != state.CONFLICT or op.entity_type != ENTITY:
        return False
    request = session.get(AfterSale, op.entity_id)
    operate_type = json.loads(op.params).get("type")
    return request is not None and (request.type, request.status) in OPERATE_TRANSITIONS.get(operate_type, {})


def reapply(session: Session, actor: Actor, seq: int, *, now: int) -> str:
    """Send a conflicting decision again, based on the request as it is now; returns the new op id."""
    op = session.get(OutboxOperation, seq)
    if op is None or op.state != state.CONFLICT or op.entity_type != ENTITY:
        raise DecisionRefused(MSG_NOT_CONFLICT)
    request = session.get(AfterSale, op.entity_id)
    if request is None:
        raise DecisionRefused(MSG_UNKNOWN)
    # The approval was counted against today's limit when it was made; only the role
    # and the single limit (the amount may have changed) are checked again.
    permissions.check(actor, Action.DECIDE_REFUND, amount_fen=request.refund_amount, spent_today_fen=0)
    params = json.loads(op.params)
    operate_type = int(params["type"])
    target = OPERATE_TRANSITIONS.get(operate_type, {}).get((request.type, request.status))
    if target is None:
        raise DecisionRefused(MSG_NO_LONGER_APPLIES)
    if has_open_operation(session, request.aftersale_id):
        raise DecisionRefused(MSG_PENDING)
    # The same decision, on the request's current version (queue_decision sets the id
    # and update_time of the item).
    first_item = (params.get("items") or [{}])[0]
    item = {key: value for key, value in first_item.items() if key not in ("aftersale_id", "update_time")}
    op.state, op.finished_at = state.DISCARDED, now
    return queue_decision(
        session,
        actor,
        request,
        operate_type,
        target,
        action=OUTBOX_REAPPLY,
        now=now,
        item=item,
        after={"replaces_operation": op.op_id, "conflicted_with_update_time": op.based_on_update_time},
        refers_to=op.audit_event_id,
    ).op_id
