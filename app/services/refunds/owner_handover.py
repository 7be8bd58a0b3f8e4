"""Handing a request to the owner: a clerk's "this one is yours", and the owner's answer.

Owns the hand-over of an after-sale request (the `owner_handovers` table). A clerk
hands a request waiting for the shop to the owner — typically one beyond the clerk's
refund limits (`beyond_limits` says which, before any dialog opens) — with a reason
the owner reads; the request then waits in the owner's queue marked with who handed
it and why (the queue's "handed to the owner" filter). It stops waiting when a
decision on it is queued (`refund_decisions.queue_decision` clears it) or when the
owner hands it back with a note. Who may do either is the permission table's
(`HAND_TO_OWNER` for clerks, `HAND_BACK_TO_CLERK` for the owner), checked on the
person's record as it is now; each step is one audit event, in the caller's
transaction.
"""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.orm import Session

from app.core.money import CNY
from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import STATES_AWAITING_SHOP, RequestKind, RequestState
from app.models import AfterSale, OwnerHandover
from app.services.people import audit, permissions
from app.services.people.permissions import Action, Actor, PermissionDenied
from app.services.refunds.decision_steps import (
    ENTITY,
    MSG_PENDING,
    MSG_UNKNOWN,
    DecisionRefused,
    has_open_operation,
)

HAND_TO_OWNER = "request.hand_to_owner"
HAND_BACK = "request.hand_back"
REASON_LENGTH = 500

MSG_NO_REASON = QT_TRANSLATE_NOOP("refunds", "Say in a few words why the owner should decide this request.")
MSG_NOT_WAITING = QT_TRANSLATE_NOOP(
    "refunds", "This request no longer waits for the shop; refresh the queue."
)
MSG_ALREADY_HANDED = QT_TRANSLATE_NOOP("refunds", "This request is already waiting for the owner.")
MSG_NOT_HANDED = QT_TRANSLATE_NOOP("refunds", "This request is not waiting for the owner.")

# Decisions that pay the buyer at once: agree a refund-only request, or refund returned goods.
_REFUND_KINDS = (RequestKind.REFUND_AFTER_SHIPMENT, RequestKind.REFUND_BEFORE_SHIPMENT)


def moves_money(kind: str, state: str) -> bool:
    """Whether the request's "yes" pays the buyer now (so the daily limit counts it)."""
    return kind in _REFUND_KINDS or (
        kind == RequestKind.RETURN_AND_REFUND and state == RequestState.RETURN_AWAITING_INSPECTION
    )


def beyond_limits(
    actor: Actor, kind: str, state: str, amount_fen: int, spent_today_fen: int, currency: str = CNY
) -> PermissionDenied | None:
    """Why `actor` could not approve this request (their limits, today's total included),
    or None: the queue marks such requests before any dialog opens. The decision
    service checks again, on the person's record as it is then."""
    spent = spent_today_fen if moves_money(kind, state) else 0
    try:
        permissions.check(
            actor, Action.DECIDE_REFUND, amount_fen=amount_fen, spent_today_fen=spent, currency=currency
        )
    except PermissionDenied as denied:
        return denied
    return None


def hand_to_owner(session: Session, actor: Actor, aftersale_id: str, *, reason: str, now: int) -> int:
    """A clerk hands a request waiting for the shop to the owner; returns the audit event."""
    current = permissions.authorise(session, actor, Action.HAND_TO_OWNER)
    request = session.get(AfterSale, aftersale_id)
    if request is None:
        raise DecisionRefused(MSG_UNKNOWN)
    if request.state not in STATES_AWAITING_SHOP:
        raise DecisionRefused(MSG_NOT_WAITING)
    if has_open_operation(session, aftersale_id):
        raise DecisionRefused(MSG_PENDING)
    if session.get(OwnerHandover, aftersale_id) is not None:
        raise DecisionRefused(MSG_ALREADY_HANDED)
    words = reason.strip()[:REASON_LENGTH]
    if not words:
        raise DecisionRefused(MSG_NO_REASON)
    session.add(
        OwnerHandover(aftersale_id=aftersale_id, handed_by=current.user_id, reason=words, handed_at=now)
    )
    return audit.record(
        session, current, HAND_TO_OWNER, entity_type=ENTITY, entity_id=aftersale_id,
        order_id=request.order_id, after={"reason": words, "refund_amount": request.refund_amount},
        note=words, now=now,
    )  # fmt: skip


def hand_back(session: Session, actor: Actor, aftersale_id: str, *, note: str = "", now: int) -> int:
    """The owner hands a request back undecided (with a note for the clerk); returns the audit event."""
    current = permissions.authorise(session, actor, Action.HAND_BACK_TO_CLERK)
    handed = session.get(OwnerHandover, aftersale_id)
    if handed is None:
        raise DecisionRefused(MSG_NOT_HANDED)
    request = session.get(AfterSale, aftersale_id)
    before = {"handed_by": handed.handed_by, "reason": handed.reason}
    session.execute(delete(OwnerHandover).where(OwnerHandover.aftersale_id == aftersale_id))
    return audit.record(
        session, current, HAND_BACK, entity_type=ENTITY, entity_id=aftersale_id,
        order_id=request.order_id if request is not None else "", before=before,
        note=note.strip()[:REASON_LENGTH], now=now,
    )  # fmt: skip
