"""What a rule would have done over the shop's last 30 or 90 days, without doing it.

Owns `dry_run()`: the requests that came to wait for the shop in the period, each judged
as the live evaluation would have judged it — a request still waiting is judged now,
exactly as switching the rule on now would (the same candidates, the same order); one
answered since, at the moment it came to wait, against the deadline it had then (the
status changes keep both) — through the same `facts_for` and `first_match`, with the
rules before it in the owner's order taking their matches first and its daily cap
stopping it where the live rule would stop. It reports how many requests and how much
money it would have decided, which ones, and where that differs from what people (or
the platform) actually decided. Nothing is written and nothing is sent.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import shop_time
from app.core.money import CNY
from app.core.vocabulary import Decision, RequestKind, RequestState
from app.models import AfterSale, AfterSaleStatusChange, AuditEvent
from app.services.automation import rule_book
from app.services.automation.conditions import RuleAction, RuleForm
from app.services.automation.evaluation import candidates, decided_today, first_match
from app.services.automation.facts import Subject, facts_for, rows_of
from app.services.automation.rule_book import LiveRule
from app.services.people import permissions
from app.services.people.permissions import Action, Actor
from app.services.refunds import outcomes

PERIODS_DAYS = (30, 90)
DRAFT_ID = 0  # a form not yet kept as a rule
_CHUNK = 2_000
# What the dry run reads of a request (`_subject`, the report, what people decided).
_COLUMNS = (
    "aftersale_id", "order_id", "kind", "state", "reason_text", "refund_amount", "product_name",
    "apply_time", "status_deadline", "currency",
)  # fmt: skip
ACTION_DECISION = {
    RuleAction.APPROVE_REFUND: Decision.APPROVE_REFUND,
    RuleAction.AGREE_RETURN: Decision.AGREE_RETURN,
}
# What a request's state says was decided, where no decision of the shop's is in the trail.
_DECIDED_BY_STATE = {
    RequestState.REFUNDED: Decision.APPROVE_REFUND,
    RequestState.REFUSED: Decision.REFUSE_REFUND,
    RequestState.AWAITING_BUYER_RETURN: Decision.AGREE_RETURN,
    RequestState.RETURN_AWAITING_INSPECTION: Decision.AGREE_RETURN,
    RequestState.REFUSED_AFTER_RETURN: Decision.AGREE_RETURN,
}


@dataclass(frozen=True)
class DryRunRow:
    aftersale_id: str
    order_id: str
    amount_fen: int
    at: int  # the moment it was judged at
    action: RuleAction
    people_decided: str  # a Decision word, "" when nobody has decided (yet)
    disagrees: bool


@dataclass
class DryRunReport:
    days: int
    requests_looked_at: int = 0
    matched: int = 0
    money_fen: int = 0  # what the rule's approvals would have paid
    currency: str = CNY
    rows: list[DryRunRow] = field(default_factory=list)
    disagreements: int = 0
    stopped_by_cap_at: int | None = None  # when the daily cap would have stopped the rule


def _chunks(ids: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


def dry_run(
    session: Session,
    actor: Actor,
    rule: int | RuleForm,
    *,
    days: int,
    now: int,
    platform: str,
    rule_id: int | None = None,
) -> DryRunReport:
    """Run a kept rule (its id) or a form being edited over the last `days` days. A form
    with `rule_id` is an edit of that rule: it stands in for the rule at its place in the
    order (the rule's current version left out, what it decided today counted against the
    cap); a form without one is a new rule, after every other."""
    permissions.authorise(session, actor, Action.MANAGE_SETTINGS)
    live = rule_book.enabled_rules(session)
    if isinstance(rule, RuleForm) and rule_id is not None:
        kept = rule_book.live_rule(session, rule_id)
        tried = LiveRule(rule_id, kept.version + 1, kept.position, rule, kept.enabled_by, kept.enabled_at)
    elif isinstance(rule, RuleForm):
        tried = LiveRule(DRAFT_ID, 0, 1 + max((r.position for r in live), default=0), rule, None, None)
    else:
        tried = rule_book.live_rule(session, rule)
    rules = [r for r in live if r.position < tried.position and r.rule_id != tried.rule_id] + [tried]
    subjects, requests = _subjects(session, now - days * 86400, now)
    report = DryRunReport(days, requests_looked_at=len(subjects))
    facts = facts_for(session, subjects, platform)
    people = _people_decided(session, requests)
    wanted = ACTION_DECISION.get(tried.form.action)
    # Money decided per shop day, as the cap counts it; today starts from what the rule
    # (if it is on) has already decided, as the live rule's cap does.
    today, today_spent = shop_time.day_bounds(now), decided_today(session, tried.rule_id, now)
    day, spent = (0, 0), 0
    for subject, request_facts in zip(subjects, facts, strict=True):
        if first_match(rules, request_facts) is not tried:
            continue
        request = requests[subject.aftersale_id]
        if wanted is not None and not outcomes.allows(
            wanted, request.kind, RequestState.AWAITING_SHOP, platform=platform
        ):
            continue  # live, the decision would be refused and nothing done
        pays = tried.form.action is RuleAction.APPROVE_REFUND
        amount = subject.amount_fen if pays else 0
        bounds = shop_time.day_bounds(subject.moment)
        if bounds != day:
            day, spent = bounds, today_spent if bounds == today else 0
        cap = tried.form.daily_cap_fen
        if pays and cap is not None and spent + amount > cap:
            report.stopped_by_cap_at = subject.moment
            break
        spent += amount
        decided = people.get(subject.aftersale_id, "")
        disagrees = wanted is not None and decided != "" and decided != wanted
        report.rows.append(
            DryRunRow(
                subject.aftersale_id, request.order_id, subject.amount_fen, subject.moment,
                tried.form.action, decided, disagrees,
            )
        )  # fmt: skip
        report.matched += 1
        report.money_fen += amount
        report.disagreements += disagrees
        report.currency = request.currency
    return report


def _subjects(session: Session, since: int, now: int) -> tuple[list[Subject], dict[str, Any]]:
    """The requests of the period a rule would have looked at, in the order it would have,
    each with the moment and the deadline it would have been judged at."""
    # Every request waiting now, however old: switching the rule on would look at each.
    waiting = {r.aftersale_id: r for r in candidates(session)}
    # Columns, not mapped objects: ninety days are tens of thousands of requests.
    answered = {
        r.aftersale_id: r
        for r in rows_of(
            session,
            select(*(getattr(AfterSale, name) for name in _COLUMNS)).where(
                AfterSale.apply_time >= since, AfterSale.state != RequestState.AWAITING_SHOP
            ),
        )
    }
    arrived: dict[str, tuple[int, int | None]] = {}  # came to wait at, deadline then
    for chunk in _chunks(sorted(answered)):
        changes = rows_of(
            session,
            select(
                AfterSaleStatusChange.aftersale_id,
                AfterSaleStatusChange.from_state,
                AfterSaleStatusChange.to_state,
                AfterSaleStatusChange.at,
                AfterSaleStatusChange.from_deadline,
            )
            .where(AfterSaleStatusChange.aftersale_id.in_(chunk))
            .order_by(AfterSaleStatusChange.id),
        )
        for aftersale_id, from_state, to_state, at, from_deadline in changes:
            came, deadline = arrived.get(aftersale_id, (None, None))
            if to_state == RequestState.AWAITING_SHOP and came is None:
                arrived[aftersale_id] = (at, None)
            elif from_state == RequestState.AWAITING_SHOP and came is not None and deadline is None:
                arrived[aftersale_id] = (came, from_deadline)
    subjects = [
        _subject(answered[aftersale_id], max(came, answered[aftersale_id].apply_time), deadline)
        for aftersale_id, (came, deadline) in arrived.items()
    ]
    subjects.sort(key=lambda s: (s.moment, s.apply_time, s.aftersale_id))
    subjects += [_subject(r, now, r.status_deadline) for r in waiting.values()]  # already in live order
    return subjects, {**answered, **waiting}


def _subject(request: Any, moment: int, deadline: int | None) -> Subject:
    return Subject(
        request.aftersale_id, request.order_id, request.kind, request.reason_text, request.refund_amount,
        request.product_name, request.apply_time, moment, deadline,
    )  # fmt: skip


def _people_decided(session: Session, requests: dict[str, Any]) -> dict[str, str]:
    """What was decided on each request: the shop's first decision in the audit trail,
    else what its state says (the platform's own move at a deadline included)."""
    decided: dict[str, str] = {}
    order_ids = sorted({r.order_id for r in requests.values()})
    for chunk in _chunks(order_ids):
        events = rows_of(
            session,
            select(AuditEvent.entity_id, AuditEvent.after)
            .where(AuditEvent.order_id.in_(chunk), AuditEvent.entity_type == "after_sale")
            .order_by(AuditEvent.id),
        )
        for aftersale_id, after in events:
            if aftersale_id in decided or aftersale_id not in requests:
                continue
            try:
                word = json.loads(after or "{}").get("decision")
            except (ValueError, AttributeError):
                continue
            if word in Decision.__members__.values():
                decided[aftersale_id] = str(word)
    for aftersale_id, request in requests.items():
        if aftersale_id in decided or request.state is None:
            continue
        by_state = {str(k): v for k, v in _DECIDED_BY_STATE.items()}.get(request.state)
        if by_state is Decision.APPROVE_REFUND and request.kind == RequestKind.RETURN_AND_REFUND:
            by_state = Decision.AGREE_RETURN  # its first answer was agreeing to the return
        if by_state is not None:
            decided[aftersale_id] = str(by_state)
    return decided
