"""Running the switched-on rules over the requests waiting for the shop: the live side.

Owns `evaluate_open_requests()`, which the sync process calls once per run over every
waiting request (so decisions are made offline too, from the mirror; the outbox pushes
them later) and after each committed page of requests over what the run stored. Each
request waiting for the shop that no rule acted on in its current version, that nobody
decided or took back from a rule, and that waits for no one, goes through the rules in
the owner's order; the first that matches acts (`first_match`, on `facts.py`'s facts:
the dry run calls the same two).

Exactly once across workstations: acting begins by inserting the request's row in
`automation_evaluations`, keyed by (request, request version), with INSERT … ON
CONFLICT DO NOTHING. Of two workstations on one PostgreSQL database the second's insert
waits for the first's transaction and then finds the row: it does nothing. The row, the
decision, its audit event and its outbox operation are one transaction, so a crash
leaves either all of them or none (and the request is looked at again).

A decision waits in the outbox until its "not before": now + the rule's undo window,
never later than the platform's deadline minus `DEADLINE_MARGIN_S` (the push sends
nothing before an operation's `next_attempt_at`). It is made with the rights of the
owner who switched the rule on (`decision_steps.prepare`, which checks that record as
it is now) and marked in the audit trail with the rule and its version.

A rule stops itself (`rule_book.stop_rule`, and `stopped_rules` tells the owner) when a
decision would take the money it decided today past its daily cap, when the platform
refused one of its decisions since it was switched on, or when its owner may no longer
decide.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import exists, func, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from app.core import shop_time
from app.core.vocabulary import Decision, RequestState
from app.models import AfterSale, AutomationEvaluation, AutomationRule, OutboxOperation, OwnerHandover, User
from app.models import outbox as outbox_state
from app.services.automation import rule_book
from app.services.automation.conditions import Facts, RuleAction, matches
from app.services.automation.facts import facts_for, subject_now
from app.services.automation.rule_book import LiveRule
from app.services.people import audit
from app.services.people.permissions import PermissionDenied, actor_for
from app.services.refunds import decisions
from app.services.refunds.available_decisions import names_return_address
from app.services.refunds.decision_steps import DecisionRefused, prepare, queue_decision
from app.services.refunds.decisions import REFUND_APPROVE, RETURN_APPROVE

log = logging.getLogger(__name__)

DEADLINE_MARGIN_S = 30 * 60  # a decision goes out at least this long before the platform's deadline
AUTOMATIC_HAND_TO_OWNER = "automation.hand_to_owner"
# Outcomes kept in `automation_evaluations.outcome`.
QUEUED, UNDONE, HANDED, LEFT = "queued", "undone", "handed", "left"
STOP_CAP, STOP_REFUSED, STOP_RIGHTS = "cap", "refused", "rights"


@dataclass
class EvaluationReport:
    looked_at: int = 0
    acted: dict[str, int] = field(default_factory=dict)  # outcome -> how many
    taken_elsewhere: int = 0  # another workstation claimed the request first
    stopped: list[int] = field(default_factory=list)  # rules that stopped themselves


def first_match(rules: Sequence[LiveRule], facts: Facts) -> LiveRule | None:
    """The first rule, in the owner's order, whose conditions the request satisfies."""
    return next((rule for rule in rules if matches(rule.form.conditions, facts)), None)


def not_before(now: int, delay_s: int, deadline: int | None) -> int:
    """When an automatic decision may go: after the undo window, but never later than the
    platform's deadline minus the margin (and never before now)."""
    at = now + delay_s
    if deadline is not None:
        at = min(at, deadline - DEADLINE_MARGIN_S)
    return max(now, at)


def rule_marker(rule: LiveRule) -> dict[str, object]:
    """How the audit trail and the outbox's readers know a decision was a rule's."""
    return {"rule_id": rule.rule_id, "rule": rule.form.name, "version": rule.version}


def decided_today(session: Session, rule_id: int, now: int) -> int:
    """Money (minor units) the rule's decisions still standing pay out this shop day."""
    start, end = shop_time.day_bounds(now)
    return (
        session.scalar(
            select(func.coalesce(func.sum(AutomationEvaluation.amount_fen), 0)).where(
                AutomationEvaluation.rule_id == rule_id,
                AutomationEvaluation.outcome == QUEUED,
                AutomationEvaluation.evaluated_at >= start,
                AutomationEvaluation.evaluated_at < end,
            )
        )
        or 0
    )


def candidates(session: Session, *, synced_since: int | None = None) -> list[AfterSale]:
    """Requests waiting for the shop's first answer that a rule may look at, oldest first
    (only those the sync stored at or after `synced_since`, when given)."""
    evaluated = exists().where(
        AutomationEvaluation.aftersale_id == AfterSale.aftersale_id,
        or_(
            AutomationEvaluation.update_time == AfterSale.update_time, AutomationEvaluation.outcome == UNDONE
        ),
    )
    # Decided by anyone already: an operation on its way or waiting for a person, or one
    # the platform took on this version of the request (the mirror has not caught up).
    decided = exists().where(
        OutboxOperation.entity_id == AfterSale.aftersale_id,
        OutboxOperation.state != outbox_state.DISCARDED,
        or_(
            OutboxOperation.state.in_(outbox_state.OPEN_STATES + outbox_state.ATTENTION_STATES),
            OutboxOperation.based_on_update_time >= AfterSale.update_time,
        ),
    )
    handed = exists().where(OwnerHandover.aftersale_id == AfterSale.aftersale_id)
    statement = select(AfterSale).where(
        AfterSale.state == RequestState.AWAITING_SHOP, ~evaluated, ~decided, ~handed
    )
    if synced_since is not None:
        statement = statement.where(AfterSale.synced_at >= synced_since)
    return list(session.scalars(statement.order_by(AfterSale.apply_time, AfterSale.aftersale_id)))


def evaluate_open_requests(
    sessions: sessionmaker[Session], *, now: int, platform: str, synced_since: int | None = None
) -> EvaluationReport:
    """Put every candidate request through the switched-on rules (or only those the sync
    stored since `synced_since`: after a page, what the page brought); see the module
    docstring. A request no rule matched is not recorded: it is looked at again at the
    next full pass, when time may have made a condition true (hours left) or the owner
    switched a rule on."""
    report = EvaluationReport()
    with sessions() as session:
        if not rule_book.enabled_rules(session):
            return report  # the common case: no rule is on, and nothing is written
    with sessions.begin() as session:
        report.stopped += stop_refused_rules(session, now=now)
    with sessions() as session:
        rules = rule_book.enabled_rules(session)
        waiting = candidates(session, synced_since=synced_since)
        facts = facts_for(session, [subject_now(r, now) for r in waiting], platform)
        seen = [(r.aftersale_id, r.update_time) for r in waiting]
    report.looked_at = len(seen)
    stopped: set[int] = set()
    for (aftersale_id, update_time), request_facts in zip(seen, facts, strict=True):
        rule = first_match([r for r in rules if r.rule_id not in stopped], request_facts)
        if rule is None:
            continue
        with sessions.begin() as session:
            outcome = _act(session, rule, aftersale_id, update_time, now=now, platform=platform)
        if outcome in (STOP_CAP, STOP_RIGHTS, "address"):
            stopped.add(rule.rule_id)
            report.stopped.append(rule.rule_id)
        elif outcome == "taken":
            report.taken_elsewhere += 1
        elif outcome:
            report.acted[outcome] = report.acted.get(outcome, 0) + 1
    return report


def _claim(session: Session, rule: LiveRule, request: AfterSale, outcome: str, now: int) -> int | None:
    """Insert the request version's evaluation row; its id, or None when another
    workstation (or an earlier run) already holds it."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    inserted = session.execute(
        dialect.insert(AutomationEvaluation)
        .values(
            aftersale_id=request.aftersale_id,
            update_time=request.update_time,
            evaluated_at=now,
            rule_id=rule.rule_id,
            rule_version=rule.version,
            action=str(rule.form.action),
            outcome=outcome,
            op_id="",
            amount_fen=0,
            currency=request.currency,
        )
        .on_conflict_do_nothing(index_elements=["aftersale_id", "update_time"])
        .returning(AutomationEvaluation.id)
    )
    return inserted.scalar()


def _act(
    session: Session, rule: LiveRule, aftersale_id: str, update_time: int, *, now: int, platform: str
) -> str:
    """Carry out `rule` on the request in the caller's transaction; the outcome, "" when
    nothing was done (the request moved on), "taken" when it was claimed elsewhere, or the
    reason the rule stopped itself."""
    request = session.get(AfterSale, aftersale_id)
    if request is None or request.update_time != update_time or request.state != RequestState.AWAITING_SHOP:
        return ""
    action = rule.form.action
    if action is RuleAction.LEAVE_FOR_PERSON:
        return LEFT if _claim(session, rule, request, LEFT, now) is not None else "taken"
    # One rule decides at a time: its row locked, its daily total read and added to as one step.
    session.scalar(select(AutomationRule.id).where(AutomationRule.id == rule.rule_id).with_for_update())
    owner_record = session.get(User, rule.enabled_by) if rule.enabled_by is not None else None
    if owner_record is None:
        rule_book.stop_rule(session, rule.rule_id, STOP_RIGHTS, now=now)
        return STOP_RIGHTS
    owner = actor_for(owner_record)
    if action is RuleAction.HAND_TO_OWNER:
        return _hand_to_owner(session, rule, request, owner.user_id, now=now)
    pays = action is RuleAction.APPROVE_REFUND
    amount = request.refund_amount if pays else 0
    cap = rule.form.daily_cap_fen
    if pays and cap is not None and decided_today(session, rule.rule_id, now) + amount > cap:
        rule_book.stop_rule(session, rule.rule_id, STOP_CAP, now=now, cap_fen=cap, aftersale_id=aftersale_id)
        return STOP_CAP
    wanted = Decision.APPROVE_REFUND if pays else Decision.AGREE_RETURN
    try:
        request, decision, target = prepare(
            session, owner, aftersale_id, (wanted,), now=now, moves_money=pays, platform=platform
        )
        details: dict[str, object] = {}
        if not pays and names_return_address(platform):
            details["return_address_id"] = decisions.return_address(rule.form.return_address_id)
    except PermissionDenied:
        rule_book.stop_rule(session, rule.rule_id, STOP_RIGHTS, now=now)
        return STOP_RIGHTS
    except DecisionRefused as refused:
        if refused.message in (decisions.MSG_NO_ADDRESS, decisions.MSG_BAD_ADDRESS):
            rule_book.stop_rule(session, rule.rule_id, "address", now=now)
            return "address"
        return ""  # the request's kind or state does not allow it, or something waits already
    evaluation_id = _claim(session, rule, request, QUEUED, now)
    if evaluation_id is None:
        return "taken"
    queued = queue_decision(
        session, owner, request, decision, target,
        action=REFUND_APPROVE if pays else RETURN_APPROVE, now=now, details=details,
        after={"automation": rule_marker(rule)},  # the screens name the rule from it, in words
    )  # fmt: skip
    at = not_before(now, rule.form.delay_s, request.status_deadline)
    op = session.scalar(select(OutboxOperation).where(OutboxOperation.op_id == queued.op_id))
    assert op is not None
    op.next_attempt_at = at
    evaluation = session.get(AutomationEvaluation, evaluation_id)
    assert evaluation is not None
    evaluation.op_id, evaluation.not_before, evaluation.amount_fen = queued.op_id, at, amount
    return QUEUED


def _hand_to_owner(session: Session, rule: LiveRule, request: AfterSale, owner_id: int, *, now: int) -> str:
    if _claim(session, rule, request, HANDED, now) is None:
        return "taken"
    words = f"{rule.form.name} (v{rule.version})"  # the reason the owner sees: the rule, in no one language
    session.add(
        OwnerHandover(aftersale_id=request.aftersale_id, handed_by=owner_id, reason=words, handed_at=now)
    )
    audit.record(
        session, None, AUTOMATIC_HAND_TO_OWNER, entity_type="after_sale", entity_id=request.aftersale_id,
        order_id=request.order_id, now=now,
        after={"automation": rule_marker(rule), "refund_amount": request.refund_amount},
    )  # fmt: skip
    return HANDED


def stop_refused_rules(session: Session, *, now: int) -> list[int]:
    """Stop each switched-on rule the platform refused a decision of since it was switched on."""
    refused = session.execute(
        select(AutomationRule.id, OutboxOperation.entity_id)
        .join(AutomationEvaluation, AutomationEvaluation.rule_id == AutomationRule.id)
        .join(OutboxOperation, OutboxOperation.op_id == AutomationEvaluation.op_id)
        .where(
            AutomationRule.enabled.is_(True),
            AutomationEvaluation.op_id != "",
            OutboxOperation.state == outbox_state.REJECTED,
            OutboxOperation.finished_at >= func.coalesce(AutomationRule.enabled_at, 0),
        )
    ).all()
    stopped: list[int] = []
    for rule_id, aftersale_id in refused:
        if rule_id not in stopped:
            rule_book.stop_rule(session, rule_id, STOP_REFUSED, now=now, aftersale_id=aftersale_id)
            stopped.append(rule_id)
    return stopped
