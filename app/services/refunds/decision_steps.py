"""The steps every decision on an after-sale request shares, before and after its own checks.

Owns what `decisions.py` and its neighbours (bulk approvals, the owner's handover, refusing
a refund by shipping, the attention list) need to agree on: the refusal a decision raises
(`DecisionRefused`) and what a decision queued (`Queued`); finding the request and the
decision its kind and state allow (`outcomes.DECISION_OUTCOMES`); whether something is
already queued for it (an open outbox operation, or a shipment that refuses its refund);
the permission check on the person's record as it is now (money decisions against the
clerk's single and daily limits, the record locked so two desks cannot both spend the last
of a daily limit, and before it the request's own row, so two decisions on one request — two
desks', or a desk's and an automatic rule's — are made one after the other); and writing
the decision as one audit event plus one outbox operation in the caller's transaction
(`queue_decision`). The decisions themselves, and their own validation, are in `decisions.py`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.core.refusal import Refusal
from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import Decision, RequestKind, RequestState
from app.models import AfterSale, OutboxOperation, OwnerHandover
from app.models import outbox as outbox_state
from app.services import outbox
from app.services.people import audit, permissions
from app.services.people.permissions import Action, Actor
from app.services.refunds import outcomes

ENTITY = outbox.REQUEST

MSG_UNKNOWN = QT_TRANSLATE_NOOP("refunds", "This request is not in the local copy; sync and try again.")
MSG_WRONG_STATE = QT_TRANSLATE_NOOP(
    "refunds", "This request can no longer be decided this way; its state has changed. Refresh the queue."
)
MSG_PENDING = QT_TRANSLATE_NOOP(
    "refunds", "A decision on this request is already waiting to be sent to the platform."
)


class DecisionRefused(Refusal):
    """A decision that cannot be made, in plain words."""

    context = "refunds"


@dataclass(frozen=True, slots=True)
class Seen:
    """What the person saw beside the request when deciding (the queue's row): the rule set
    its suggestion came from (the one in force when the buyer applied), the rule and the
    suggestion. The decision's audit event keeps it, so a later rule set never hides why."""

    rule_set: str
    rule_key: str
    suggestion: str

    def as_audit(self) -> dict[str, str]:
        return {"rule_set": self.rule_set, "rule": self.rule_key, "suggestion": self.suggestion}


@dataclass(frozen=True, slots=True)
class Queued:
    """What a decision put in the outbox."""

    aftersale_id: str
    op_id: str
    decision: Decision
    expected_to_state: RequestState
    audit_event_id: int


# --- the shared steps ---------------------------------------------------------------------
def _request(session: Session, aftersale_id: str) -> AfterSale:
    """The request, its row locked until the caller's transaction ends (PostgreSQL; SQLite
    writes one at a time anyway): of two desks, or a desk and an owner's automatic rule,
    deciding it at once, the second waits and then finds the first's operation queued."""
    request = session.scalar(
        select(AfterSale).where(AfterSale.aftersale_id == aftersale_id).with_for_update()
    )
    if request is None:
        raise DecisionRefused(MSG_UNKNOWN)
    return request


def _target(
    request: AfterSale, decisions: Iterable[Decision], platform: str | None = None
) -> tuple[Decision, RequestState]:
    """The first of `decisions` the request's kind and state allow on the shop's `platform`
    (None: Douyin), and where it leads."""
    allowed = outcomes.first_allowed(decisions, request.kind, request.state, platform=platform)
    if allowed is None:
        raise DecisionRefused(MSG_WRONG_STATE)
    return allowed


def has_open_operation(session: Session, aftersale_id: str) -> bool:
    return (
        session.scalar(
            select(OutboxOperation.seq)
            .where(
                OutboxOperation.entity_type == ENTITY,
                OutboxOperation.entity_id == aftersale_id,
                OutboxOperation.state.in_(outbox_state.OPEN_STATES),
            )
            .limit(1)
        )
        is not None
    )


def orders_shipping_to_refuse(session: Session, order_ids: Collection[str] | None = None) -> set[str]:
    """The orders (of `order_ids`, or all) with a shipment queued that refuses their refund
    requests before shipment: those requests' "no", made by shipping the order
    (`shipping/refuse_by_shipping.py`), on its way."""
    statement = select(OutboxOperation).where(
        OutboxOperation.action == outbox.SHIP,
        OutboxOperation.entity_type == outbox.ORDER,
        OutboxOperation.state.in_(outbox_state.OPEN_STATES),
    )
    if order_ids is not None:
        statement = statement.where(OutboxOperation.entity_id.in_(list(order_ids)))
    return {op.entity_id for op in session.scalars(statement) if outbox.details_of(op).get("refuse_refund")}


def refusing_shipment_waits(session: Session, request: AfterSale) -> bool:
    """Whether a shipment that refuses this refund-before-shipment request is queued."""
    if request.kind != RequestKind.REFUND_BEFORE_SHIPMENT:
        return False
    return bool(orders_shipping_to_refuse(session, [request.order_id]))


def authorise_decision(
    session: Session,
    actor: Actor,
    request: AfterSale,
    *,
    now: int,
    moves_money: bool,
    replacing: int | None = None,
) -> Actor:
    """The permission check of a decision on `request`, against the person's record as it
    is now (permissions.authorise). A decision that pays the buyer locks that record
    first, so the daily total read here and the approval written after it are one step
    even when two desks approve for the same clerk at once; `replacing` is the audit
    event of an approval being applied again (its money is not counted twice)."""
    if not moves_money:
        return permissions.authorise(
            session, actor, Action.DECIDE_REFUND, amount_fen=request.refund_amount, currency=request.currency
        )
    current = permissions.authorise(session, actor, Action.DECIDE_REFUND, lock=True)
    spent = permissions.refunds_approved_today(session, current, now, replacing=replacing)
    permissions.check(
        current,
        Action.DECIDE_REFUND,
        amount_fen=request.refund_amount,
        spent_today_fen=spent,
        currency=request.currency,
    )
    return current


def queue_decision(
    session: Session,
    actor: Actor,
    request: AfterSale,
    decision: Decision,
    target: RequestState,
    *,
    action: str,
    now: int,
    details: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    note: str = "",
    refers_to: int | None = None,
    seen: Seen | None = None,
) -> Queued:
    """Audit the decision and append its operation, in the caller's transaction.

    The one place a refund decision becomes an audit event plus an outbox operation;
    the caller has checked permission and state. `details` are the decision's
    (`outbox.DECISION_DETAILS`), `after` what the audit event adds, `seen` the rule set and
    suggestion the person decided beside (kept in the event as "seen").
    """
    event_id = audit.record(
        session,
        actor,
        action,
        entity_type=ENTITY,
        entity_id=request.aftersale_id,
        order_id=request.order_id,
        # In the app's words (events before issue 14 carry Douyin's "operate_type" and "status").
        before={
            "state": request.state,
            "update_time": request.update_time,
            "refund_amount": request.refund_amount,
        },
        after={
            "decision": str(decision),
            "state": str(target),
            "refund_amount": request.refund_amount,
            "currency": request.currency,  # the amount's (a TikTok shop's: USD cents)
            **(after or {}),
            **({"seen": seen.as_audit()} if seen is not None else {}),
        },
        refers_to=refers_to,
        note=note,
        now=now,
    )
    op_id = outbox.enqueue_decision(
        session,
        request_id=request.aftersale_id,
        decision=decision,
        details={**(details or {}), "kind": request.kind},
        based_on_update_time=request.update_time,
        expected_from=RequestState(request.state) if request.state else None,
        expected_to=target,
        actor=actor,
        now=now,
        audit_event_id=event_id,
    )
    # Decided: a request handed to the owner waits for nobody any more (owner_handover).
    session.execute(delete(OwnerHandover).where(OwnerHandover.aftersale_id == request.aftersale_id))
    return Queued(request.aftersale_id, op_id, decision, target, event_id)


def prepare(
    session: Session,
    actor: Actor,
    aftersale_id: str,
    decisions: Sequence[Decision],
    *,
    now: int,
    moves_money: bool,
    platform: str | None = None,
) -> tuple[AfterSale, Decision, RequestState]:
    """The request, the first of `decisions` its kind and state allow and where it leads,
    once the person may decide it and nothing else is queued for it."""
    request = _request(session, aftersale_id)
    authorise_decision(session, actor, request, now=now, moves_money=moves_money)
    decision, target = _target(request, decisions, platform)
    if has_open_operation(session, aftersale_id) or refusing_shipment_waits(session, request):
        raise DecisionRefused(MSG_PENDING)
    return request, decision, target
