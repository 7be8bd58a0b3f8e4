"""Approving a selection of after-sale requests at once, on the refund queue.

Owns what a shared "yes" means for a selection: each request is sorted into agreeing a
refund (money leaves) or agreeing a return (the buyer sends the goods back; the money
waits for the inspection), or skipped with the reason in plain words. `bulk_approve_summary`
says what approving would do before anything is written, checking a clerk's limits as
`bulk_approve` will; `bulk_approve` then makes each decision on its own through the
single decisions of `refund_decisions`, in the caller's transaction, each audit event
keeping the rule set and suggestion the queue showed for that request (`Seen`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.core.money import CNY
from app.core.refusal import Refusal
from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import Decision, RequestKind
from app.models import AfterSale
from app.services.people import permissions
from app.services.people.permissions import Action, Actor
from app.services.refunds import outcomes
from app.services.refunds.decision_steps import (
    MSG_PENDING,
    MSG_UNKNOWN,
    MSG_WRONG_STATE,
    DecisionRefused,
    Seen,
    has_open_operation,
)
from app.services.refunds.decisions import approve_refund, approve_return
from app.services.refunds.queue_rows import queue_rows
from app.services.rule_history import rules_in_force
from app.services.rule_history.shop_sets import shop_rule_sets

MSG_NOT_REFUND = QT_TRANSLATE_NOOP("refunds", "Not a refund request; decide it on its own.")
MSG_INSPECT_ALONE = QT_TRANSLATE_NOOP(
    "refunds", "Returned goods are inspected one request at a time; open this one on its own."
)


@dataclass(frozen=True, slots=True)
class BulkSummary:
    count: int  # refunds to approve
    total_fen: int  # what they pay out
    # (aftersale_id, why): a "refunds" message, or a Refusal with its params (a clerk's limit)
    skipped: tuple[tuple[str, str | Refusal], ...]
    returns: int = 0  # returns to agree (the buyer sends the goods back; no money yet)
    currency: str = CNY  # of `total_fen` (one shop's requests: one currency)

    @property
    def decisions(self) -> int:
        return self.count + self.returns


@dataclass(frozen=True, slots=True)
class BulkResult:
    approved: tuple[str, ...]
    # (aftersale_id, why): DecisionRefused or PermissionDenied, put in words by the screen
    refused: tuple[tuple[str, Exception], ...]


# The "yes" a selection can share: agree a refund (money leaves), or agree a return (the
# buyer sends the goods back to one address; the money waits for the inspection).
BULK_REFUND, BULK_RETURN = "refund", "return"
# Requests for money back, with or without the goods: a selection may approve them.
_MONEY_KINDS = (
    RequestKind.REFUND_AFTER_SHIPMENT,
    RequestKind.REFUND_BEFORE_SHIPMENT,
    RequestKind.RETURN_AND_REFUND,
)


def _bulk_kind(session: Session, request: AfterSale | None) -> str:
    """BULK_REFUND or BULK_RETURN; DecisionRefused when the request cannot be approved so."""
    if request is None:
        raise DecisionRefused(MSG_UNKNOWN)
    if outcomes.allows(Decision.APPROVE_REFUND, request.kind, request.state):
        kind = BULK_REFUND
    elif outcomes.allows(Decision.AGREE_RETURN, request.kind, request.state):
        kind = BULK_RETURN
    elif outcomes.allows(Decision.ACCEPT_RETURNED_GOODS, request.kind, request.state):
        raise DecisionRefused(MSG_INSPECT_ALONE)
    else:
        raise DecisionRefused(MSG_WRONG_STATE if request.kind in _MONEY_KINDS else MSG_NOT_REFUND)
    if has_open_operation(session, request.aftersale_id):
        raise DecisionRefused(MSG_PENDING)
    return kind


def bulk_approve_summary(
    session: Session, ids: Sequence[str], *, actor: Actor | None = None, now: int | None = None
) -> BulkSummary:
    """What approving these would do, nothing written: how many refunds and how much, how
    many returns, and what is skipped and why. With `actor` (and `now`), a clerk's limits
    are checked as `bulk_approve` will: each refund against the single limit and the day's
    running total, each return against the single limit."""
    count = total = returns = 0
    currency = CNY
    skipped: list[tuple[str, str | Refusal]] = []
    spent = 0
    if actor is not None and now is not None:
        spent = permissions.refunds_approved_today(session, actor, now)
    for aftersale_id in dict.fromkeys(ids):
        request = session.get(AfterSale, aftersale_id)
        try:
            kind = _bulk_kind(session, request)
            assert request is not None
            if actor is not None:
                money = kind == BULK_REFUND
                permissions.check(
                    actor, Action.DECIDE_REFUND, amount_fen=request.refund_amount,
                    spent_today_fen=spent + total if money else 0, currency=request.currency,
                )  # fmt: skip
        except DecisionRefused as refused:
            skipped.append((aftersale_id, refused.message))
            continue
        except permissions.PermissionDenied as denied:
            skipped.append((aftersale_id, denied))
            continue
        if kind == BULK_REFUND:
            count += 1
            total += request.refund_amount
            currency = request.currency
        else:
            returns += 1
    return BulkSummary(count, total, tuple(skipped), returns, currency)


def bulk_approve(
    session: Session,
    actor: Actor,
    ids: Sequence[str],
    *,
    now: int,
    return_address_id: str = "",
    platform: str | None = None,
) -> BulkResult:
    """Approve each request on its own through its single decision (a refund, or a return
    to `return_address_id`), each within the person's limits: the daily limit counts the
    refunds approved before it. `platform`: the shop's (None: Douyin), whose returns name the
    address or not (`available_decisions.names_return_address`)."""
    approved, refused = [], []
    wanted = list(dict.fromkeys(ids))
    # What the queue showed beside each request: its rows, with the shop's rules of the day.
    rules = rules_in_force(platform, now, shop_rule_sets(session))
    shown = {
        row.aftersale_id: Seen(row.rule_set, row.rule_key, row.suggestion)
        for row in queue_rows(session, wanted, now=now, rules=rules)
    }
    for aftersale_id in wanted:
        seen = shown.get(aftersale_id)
        try:
            if _bulk_kind(session, session.get(AfterSale, aftersale_id)) == BULK_RETURN:
                approve_return(
                    session,
                    actor,
                    aftersale_id,
                    return_address_id=return_address_id,
                    now=now,
                    platform=platform,
                    seen=seen,
                )
            else:
                approve_refund(session, actor, aftersale_id, now=now, seen=seen)
        except (DecisionRefused, permissions.PermissionDenied) as error:
            refused.append((aftersale_id, error))
        else:
            approved.append(aftersale_id)
    return BulkResult(tuple(approved), tuple(refused))
