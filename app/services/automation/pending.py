"""Automatic decisions waiting out their undo window: what the queue says, and the undo.

Owns `pending_for()` — for the queue's rows, which requests have a rule's decision
waiting in the outbox, when it goes and which rule (and version) made it: "will be
approved at 14:32 by rule 'small unshipped refunds' v3" (`describe`) — and `undo()`,
which withdraws such a decision before it is sent (`outbox_states.withdraw_unsent`, a
compare-and-set against the push: either the push has it and the undo says so, or the
undo has it and nothing is ever sent). Undoing needs what deciding the request needs
(`DECIDE_REFUND`), is audited, and leaves the request to people: no rule looks at it again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import shop_time
from app.core.refusal import Refusal
from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import Decision
from app.models import AfterSale, AutomationEvaluation, AutomationRuleVersion, OutboxOperation
from app.models import outbox as outbox_state
from app.services import outbox_states
from app.services.automation.evaluation import QUEUED, UNDONE
from app.services.people import audit, permissions
from app.services.people.permissions import Action, Actor

UNDO = "automation.undo"

WILL_APPROVE = QT_TRANSLATE_NOOP("automation", "Will be approved at {time} by rule '{rule}' v{version}")
WILL_AGREE_RETURN = QT_TRANSLATE_NOOP(
    "automation", "Return will be agreed at {time} by rule '{rule}' v{version}"
)
MSG_ALREADY_SENT = QT_TRANSLATE_NOOP(
    "automation",
    "Too late to undo: the decision has already gone to the platform (or is going now). "
    "Its answer will show in the queue.",
)


@dataclass(frozen=True)
class PendingAutomatic:
    aftersale_id: str
    seq: int  # the outbox operation
    decision: Decision
    not_before: int  # UTC seconds: when the push may send it
    rule_id: int
    rule_name: str
    rule_version: int


def pending_for(session: Session, aftersale_ids: Sequence[str]) -> dict[str, PendingAutomatic]:
    """The rule decisions of these requests still waiting, unsent, in the outbox."""
    if not aftersale_ids:
        return {}
    rows = session.execute(
        select(AutomationEvaluation, OutboxOperation, AutomationRuleVersion.name)
        .join(OutboxOperation, OutboxOperation.op_id == AutomationEvaluation.op_id)
        .join(
            AutomationRuleVersion,
            (AutomationRuleVersion.rule_id == AutomationEvaluation.rule_id)
            & (AutomationRuleVersion.version == AutomationEvaluation.rule_version),
        )
        .where(
            AutomationEvaluation.aftersale_id.in_(list(aftersale_ids)),
            AutomationEvaluation.outcome == QUEUED,
            OutboxOperation.state == outbox_state.PENDING,
            OutboxOperation.attempts == 0,
        )
    ).all()
    return {
        evaluation.aftersale_id: PendingAutomatic(
            evaluation.aftersale_id,
            op.seq,
            Decision(op.decision),
            op.next_attempt_at,
            evaluation.rule_id,
            name,
            evaluation.rule_version,
        )
        for evaluation, op, name in rows
    }


def describe(pending: PendingAutomatic, tz: tzinfo = shop_time.SHOP_TZ) -> tuple[str, dict[str, object]]:
    """The queue's words for it (English source, context "automation") and their fields;
    the time on the shop's clock `tz` (its rule set's: a TikTok shop's is not Beijing's), as "14:32"."""
    template = WILL_APPROVE if pending.decision == Decision.APPROVE_REFUND else WILL_AGREE_RETURN
    time = shop_time.datetime_of(pending.not_before, tz).strftime("%H:%M")
    return template, {"time": time, "rule": pending.rule_name, "version": pending.rule_version}


class TooLateToUndo(Refusal):
    context = "automation"


def undo(session: Session, actor: Actor, aftersale_id: str, *, now: int) -> None:
    """Withdraw the request's automatic decision before it is sent; nothing goes to the
    platform. Raises `TooLateToUndo` when the push got to it first."""
    current = permissions.authorise(session, actor, Action.DECIDE_REFUND)
    pending = pending_for(session, [aftersale_id]).get(aftersale_id)
    if pending is None or not outbox_states.withdraw_unsent(session, pending.seq, now=now):
        raise TooLateToUndo(MSG_ALREADY_SENT)
    evaluation = session.scalar(
        select(AutomationEvaluation)
        .join(OutboxOperation, OutboxOperation.op_id == AutomationEvaluation.op_id)
        .where(OutboxOperation.seq == pending.seq)
    )
    assert evaluation is not None
    evaluation.outcome = UNDONE
    request = session.get(AfterSale, aftersale_id)
    audit.record(
        session, current, UNDO, entity_type="after_sale", entity_id=aftersale_id,
        order_id=request.order_id if request is not None else "",
        before={"state": outbox_state.PENDING, "decision": str(pending.decision),
                "not_before": pending.not_before},
        after={"state": outbox_state.DISCARDED, "automation": {
            "rule_id": pending.rule_id, "rule": pending.rule_name, "version": pending.rule_version}},
        now=now,
    )  # fmt: skip
