"""Automatic decisions: the owner's rules decide, wait out their undo window, stop at their cap,
and a dry run says beforehand exactly what they will do (issue 18 part 2)."""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import Decision, RequestKind
from app.db import open_database
from app.models import AuditEvent, AutomationEvaluation, AutomationRule, OutboxOperation, User
from app.models import outbox as state
from app.services import outbox_states
from app.services.automation import dry_run as dry_runs
from app.services.automation import evaluation, pending, rule_book
from app.services.automation.conditions import Conditions, RuleAction, RuleForm, RuleRefused
from app.services.people.permissions import PermissionDenied
from tests.automation_shop import CLERK, OWNER, owner_rule, requests_waiting
from tests.builders import HOUR, NOW

SMALL_UNSHIPPED = RuleForm(
    name="small unshipped refunds",
    conditions=Conditions(
        kinds=(RequestKind.REFUND_BEFORE_SHIPMENT,), max_amount_fen=5_000, unshipped_only=True
    ),
    action=RuleAction.APPROVE_REFUND,
    delay_s=600,
    daily_cap_fen=1_000_000,
)


def evaluate(sessions: sessionmaker[Session], now: int = NOW) -> evaluation.EvaluationReport:
    return evaluation.evaluate_open_requests(sessions, now=now, platform="douyin")


def test_a_rule_is_the_owners_and_every_edit_is_a_new_version_kept_for_the_audit(database_url: str) -> None:
    _, sessions = open_database(database_url)
    rule_id = owner_rule(sessions, SMALL_UNSHIPPED, switch_on=False)
    bigger = RuleForm(**{**SMALL_UNSHIPPED.__dict__, "conditions": Conditions(max_amount_fen=9_000)})
    with sessions.begin() as session:
        assert rule_book.edit_rule(session, OWNER, rule_id, bigger, now=NOW + 1) == 2
        with pytest.raises(PermissionDenied):
            rule_book.edit_rule(session, CLERK, rule_id, bigger, now=NOW + 2)
        with pytest.raises(RuleRefused):  # money rules need a daily cap
            rule_book.create_rule(session, OWNER, RuleForm("x", action=RuleAction.APPROVE_REFUND), now=NOW)
    with sessions() as session:
        versions = rule_book.rule_versions(session, OWNER, rule_id)
        assert [(v.version, v.form.conditions.max_amount_fen) for v in versions] == [(1, 5_000), (2, 9_000)]
        [row] = rule_book.list_rules(session, OWNER)
        assert (row.version, row.enabled) == (2, False)
        actions = list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))
        assert actions == [rule_book.RULE_CREATE, rule_book.RULE_EDIT]


def test_a_matching_request_is_approved_after_the_undo_window_marked_with_its_rule(database_url: str) -> None:
    _, sessions = open_database(database_url)
    waiting = requests_waiting(sessions, 30)
    rule_id = owner_rule(sessions, SMALL_UNSHIPPED)
    report = evaluate(sessions)
    assert report.acted.get(evaluation.QUEUED, 0) > 0
    with sessions() as session:
        ops = session.scalars(select(OutboxOperation)).all()
        found = pending.pending_for(session, waiting)
        assert {op.entity_id for op in ops} == set(found)
        for op in ops:
            assert op.decision == Decision.APPROVE_REFUND and op.created_by == OWNER.user_id
            waited = found[op.entity_id].not_before
            assert op.next_attempt_at == waited and NOW < waited <= NOW + 600
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "refund.approve")).first()
        assert event is not None
        assert json.loads(event.after)["automation"] == {
            "rule_id": rule_id,
            "rule": "small unshipped refunds",
            "version": 1,
        }
        words, params = pending.describe(next(iter(found.values())))
        assert words.format(**params).endswith("by rule 'small unshipped refunds' v1")
    assert evaluate(sessions).acted == {}  # each request version is decided once


def test_the_undo_window_never_runs_past_the_platforms_deadline_minus_the_margin() -> None:
    assert evaluation.not_before(NOW, 600, NOW + 8 * HOUR) == NOW + 600
    assert evaluation.not_before(NOW, 3 * HOUR, NOW + HOUR) == NOW + HOUR - evaluation.DEADLINE_MARGIN_S
    assert evaluation.not_before(NOW, 600, NOW + 60) == NOW  # already inside the margin: at once


def test_the_dry_run_says_exactly_what_the_live_rules_then_do(database_url: str) -> None:
    _, sessions = open_database(database_url)
    requests_waiting(sessions, 80, seed=3, answered=40)
    # Before it in the order: first requests of a buyer are left for a person.
    owner_rule(sessions, RuleForm("first-time buyers", Conditions(max_buyer_requests=0)))
    tried = RuleForm(
        name="cheap goods",
        conditions=Conditions(max_amount_fen=9_000, not_picked_up_only=True, min_hours_left=2),
        action=RuleAction.APPROVE_REFUND,
        daily_cap_fen=40_000,
    )
    rule_id = owner_rule(sessions, tried, switch_on=False)
    with sessions() as session:
        before = dry_runs.dry_run(session, OWNER, rule_id, days=90, now=NOW, platform="douyin")
    with sessions.begin() as session:
        rule_book.switch_on(session, OWNER, rule_id, now=NOW)
    evaluate(sessions)
    with sessions() as session:
        decided = session.scalars(
            select(AutomationEvaluation).where(
                AutomationEvaluation.rule_id == rule_id, AutomationEvaluation.outcome == evaluation.QUEUED
            )
        ).all()
        rule = session.get(AutomationRule, rule_id)
        assert rule is not None
    now_rows = [row for row in before.rows if row.at == NOW]
    assert sorted(row.aftersale_id for row in now_rows) == sorted(e.aftersale_id for e in decided)
    assert sum(row.amount_fen for row in now_rows) == sum(e.amount_fen for e in decided)
    assert before.matched > len(now_rows) > 0  # past requests were judged too
    assert (before.stopped_by_cap_at is not None) == (rule.stopped_reason == evaluation.STOP_CAP)


def test_the_daily_cap_stops_the_rule_and_tells_the_owner(database_url: str) -> None:
    _, sessions = open_database(database_url)
    requests_waiting(sessions, 40, seed=4)
    capped = RuleForm("everything", Conditions(), RuleAction.APPROVE_REFUND, daily_cap_fen=20_000)
    rule_id = owner_rule(sessions, capped)
    report = evaluate(sessions)
    assert report.stopped == [rule_id]
    with sessions() as session:
        rule = session.get(AutomationRule, rule_id)
        assert rule is not None and (rule.enabled, rule.stopped_reason) == (False, evaluation.STOP_CAP)
        assert evaluation.decided_today(session, rule_id, NOW) <= 20_000
        assert session.scalar(select(AuditEvent).where(AuditEvent.action == rule_book.RULE_STOPPED))
    assert evaluate(sessions).acted == {}  # stopped: nothing more until the owner switches it on


def test_a_rule_the_platform_refuses_stops_itself(database_url: str) -> None:
    _, sessions = open_database(database_url)
    requests_waiting(sessions, 10, seed=5)
    rule_id = owner_rule(
        sessions, RuleForm("all", Conditions(), RuleAction.APPROVE_REFUND, daily_cap_fen=10**9)
    )
    evaluate(sessions)
    with sessions.begin() as session:
        op = session.scalars(select(OutboxOperation)).first()
        assert op is not None
        outbox_states.finish(op, state.REJECTED, now=NOW + 700)
    report = evaluate(sessions, NOW + 800)
    assert report.stopped == [rule_id]


def test_an_undo_inside_the_window_withdraws_it_and_no_rule_takes_the_request_again(
    database_url: str,
) -> None:
    _, sessions = open_database(database_url)
    requests_waiting(sessions, 20, seed=6)
    owner_rule(sessions, SMALL_UNSHIPPED)
    evaluate(sessions)
    with sessions.begin() as session:
        aftersale_id = next(
            iter(
                pending.pending_for(
                    session, [op.entity_id for op in session.scalars(select(OutboxOperation))]
                )
            )
        )
        pending.undo(session, CLERK, aftersale_id, now=NOW + 60)
    with sessions.begin() as session:
        assert pending.pending_for(session, [aftersale_id]) == {}
        with pytest.raises(pending.TooLateToUndo):
            pending.undo(session, CLERK, aftersale_id, now=NOW + 61)
    assert evaluate(sessions, NOW + 120).acted == {}


def test_a_dry_run_of_an_edit_stands_in_for_the_rule_at_its_place(database_url: str) -> None:
    _, sessions = open_database(database_url)
    requests_waiting(sessions, 40, seed=8)
    rule_id = owner_rule(sessions, SMALL_UNSHIPPED)
    owner_rule(sessions, RuleForm("after it", Conditions(), RuleAction.LEAVE_FOR_PERSON))
    wider = RuleForm(**{**SMALL_UNSHIPPED.__dict__, "conditions": Conditions(max_amount_fen=50_000)})
    with sessions() as session:
        as_kept = dry_runs.dry_run(session, OWNER, rule_id, days=30, now=NOW, platform="douyin")
        edited = dry_runs.dry_run(session, OWNER, wider, days=30, now=NOW, platform="douyin", rule_id=rule_id)
        as_new = dry_runs.dry_run(session, OWNER, wider, days=30, now=NOW, platform="douyin")
    assert edited.matched > as_kept.matched > 0
    assert as_new.matched == 0  # a new rule comes last: "after it" takes everything first


def test_a_return_is_agreed_to_the_rules_return_address_and_a_rule_without_one_stops(
    database_url: str,
) -> None:
    _, sessions = open_database(database_url)
    requests_waiting(sessions, 30, seed=10)
    returns = Conditions(kinds=(RequestKind.RETURN_AND_REFUND,))
    rule_id = owner_rule(
        sessions, RuleForm("returns", returns, RuleAction.AGREE_RETURN, return_address_id="4321")
    )
    assert evaluate(sessions).acted.get(evaluation.QUEUED, 0) > 0
    with sessions() as session:
        ops = session.scalars(select(OutboxOperation)).all()
        assert {op.decision for op in ops} == {Decision.AGREE_RETURN}
        assert {json.loads(op.details)["return_address_id"] for op in ops} == {4321}
        assert evaluation.decided_today(session, rule_id, NOW) == 0  # agreeing to a return pays nothing yet

    # New returns come in; the owner replaces the rule by one that names no address.
    requests_waiting(sessions, 30, seed=12)
    with sessions.begin() as session:
        rule_book.switch_off(session, OWNER, rule_id, now=NOW)
    no_address = owner_rule(sessions, RuleForm("returns, no address", returns, RuleAction.AGREE_RETURN))
    assert evaluate(sessions).stopped == [no_address]


def test_a_rule_whose_owner_was_switched_off_stops_instead_of_deciding(database_url: str) -> None:
    _, sessions = open_database(database_url)
    requests_waiting(sessions, 20, seed=11)
    rule_id = owner_rule(sessions, SMALL_UNSHIPPED)
    with sessions.begin() as session:
        session.execute(update(User).where(User.id == OWNER.user_id).values(active=False))
    assert evaluate(sessions).stopped == [rule_id]
    with sessions() as session:
        assert session.scalars(select(OutboxOperation)).all() == []
        rule = session.get(AutomationRule, rule_id)
        assert rule is not None and rule.stopped_reason == evaluation.STOP_RIGHTS


@pytest.mark.parametrize(
    ("zone", "shown"),
    [("Asia/Shanghai", "22:10"), ("Etc/GMT+8", "06:10")],  # a Douyin shop's clock; a TikTok Shop US one's
)
def test_the_time_a_rules_decision_goes_is_told_on_the_shops_own_clock(zone: str, shown: str) -> None:
    goes_at = 1_796_652_600  # 2026-12-07 14:10 UTC
    waiting = pending.PendingAutomatic("7001", 1, Decision.APPROVE_REFUND, goes_at, 3, "small refunds", 2)
    words, params = pending.describe(waiting, ZoneInfo(zone))
    assert words.format(**params) == f"Will be approved at {shown} by rule 'small refunds' v2"
