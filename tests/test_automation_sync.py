"""Automatic decisions in the sync process, against the real sandbox store and databases.

The sandbox's ledger is the proof of what reached the platform: a rule's decision waits
out its undo window (the push sends nothing before it), an undo inside the window sends
nothing at all, and two workstations on one PostgreSQL database decide each request once.
"""

from __future__ import annotations

import threading

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import RequestKind
from app.db import open_database
from app.models import AfterSale, AutomationEvaluation, OutboxOperation
from app.models import outbox as state
from app.platforms.douyin.adapter import DouyinPlatform
from app.services.automation import evaluation, pending
from app.services.automation.conditions import Conditions, RuleAction, RuleForm
from app.services.refunds import decisions
from app.sync.engine import SyncEngine
from tests.automation_shop import CLERK, owner_rule, requests_waiting
from tests.builders import NOW
from tests.fixtures_db import _reset_postgres_schema
from tests.sandbox_control import applied_by_client, demo_client, demo_platform, new_refunds_after_shipment
from tests.test_outbox_push import MovableClock
from tests.test_outbox_state_machine import UNREACHABLE

REFUNDS_AFTER_SHIPMENT = RuleForm(
    name="refunds after shipment",
    conditions=Conditions(kinds=(RequestKind.REFUND_AFTER_SHIPMENT,)),
    action=RuleAction.APPROVE_REFUND,
    delay_s=600,
    daily_cap_fen=10**9,
)


def test_a_rule_decision_waits_its_window_and_an_undo_inside_it_sends_nothing(
    sandbox_url: str, database_url: str
) -> None:
    new_refunds_after_shipment(sandbox_url, 4)
    _, sessions = open_database(database_url)
    clock = MovableClock()
    engine = SyncEngine(demo_platform(sandbox_url), sessions, clock=clock)
    engine.run_once()
    owner_rule(sessions, REFUNDS_AFTER_SHIPMENT, now=int(clock()))
    assert engine.run_once().automatic.get(evaluation.QUEUED, 0) >= 2
    with sessions() as session:
        ops = session.scalars(select(OutboxOperation).order_by(OutboxOperation.seq)).all()
        decided = [op.entity_id for op in ops]
    assert all(applied_by_client(sandbox_url, aftersale_id) == 0 for aftersale_id in decided)

    undone, kept = decided[0], decided[1:]
    with sessions.begin() as session:
        pending.undo(session, CLERK, undone, now=int(clock()))
    clock.offset += 601  # the window has passed
    engine.run_once()
    assert applied_by_client(sandbox_url, undone) == 0
    assert [applied_by_client(sandbox_url, aftersale_id) for aftersale_id in kept] == [1] * len(kept)
    with sessions() as session:
        states = dict(session.execute(select(OutboxOperation.entity_id, OutboxOperation.state)).all())
    assert states[undone] == state.DISCARDED
    assert {states[aftersale_id] for aftersale_id in kept} == {state.DONE}


def at_once(*workstations: sessionmaker[Session]) -> list[evaluation.EvaluationReport]:
    """Each workstation evaluates the waiting requests, all starting at the same moment."""
    start = threading.Barrier(len(workstations))
    reports: list[evaluation.EvaluationReport] = []

    def workstation(sessions: sessionmaker[Session]) -> None:
        start.wait()
        reports.append(evaluation.evaluate_open_requests(sessions, now=NOW, platform="douyin"))

    threads = [threading.Thread(target=workstation, args=(sessions,)) for sessions in workstations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(reports) == len(workstations)
    return reports


def test_two_workstations_on_one_postgresql_database_evaluate_each_request_once(
    postgres_database: str,
) -> None:
    _reset_postgres_schema(postgres_database)  # the session's database: empty it first
    _, first = open_database(postgres_database)
    _, second = open_database(postgres_database)  # a pool of its own: another workstation
    everything = RuleForm(
        "all refunds", Conditions(), RuleAction.APPROVE_REFUND, delay_s=0, daily_cap_fen=10**9
    )
    # First in the order: quality complaints are left for a person, big ones handed to the owner.
    owner_rule(first, RuleForm("quality", Conditions(reason_words=("质量",)), RuleAction.LEAVE_FOR_PERSON))
    big = Conditions(kinds=(RequestKind.RETURN_AND_REFUND,))
    owner_rule(first, RuleForm("returns to the owner", big, RuleAction.HAND_TO_OWNER))
    owner_rule(first, everything)
    waiting: list[str] = []
    for round_number in range(4):
        waiting += requests_waiting(first, 25, seed=100 + round_number)
        reports = at_once(first, second)
        assert sum(report.looked_at for report in reports) >= 25
    with first() as session:
        evaluated = dict(
            session.execute(
                select(AutomationEvaluation.aftersale_id, func.count()).group_by(
                    AutomationEvaluation.aftersale_id
                )
            ).all()
        )
        outcomes = session.execute(
            select(AutomationEvaluation.aftersale_id, AutomationEvaluation.outcome)
        ).all()
        operations = dict(
            session.execute(
                select(OutboxOperation.entity_id, func.count()).group_by(OutboxOperation.entity_id)
            ).all()
        )
    assert evaluated and set(evaluated.values()) == {1}
    assert operations == {key: 1 for key, _ in outcomes if key in operations}
    assert {outcome for _, outcome in outcomes} == {evaluation.QUEUED, evaluation.LEFT, evaluation.HANDED}
    assert set(evaluated) <= set(waiting)


def test_a_person_and_a_rule_deciding_one_request_at_once_on_postgresql_decide_it_once(
    postgres_database: str,
) -> None:
    _reset_postgres_schema(postgres_database)
    _, desk = open_database(postgres_database)
    _, sync = open_database(postgres_database)
    everything = RuleForm(
        "all refunds", Conditions(), RuleAction.APPROVE_REFUND, delay_s=0, daily_cap_fen=10**9
    )
    owner_rule(desk, everything)
    waiting = requests_waiting(desk, 12, seed=7)
    with desk() as session:  # a refund the clerk may approve alone (within ¥100)
        aftersale_id = next(
            r.aftersale_id
            for r in session.scalars(select(AfterSale).where(AfterSale.aftersale_id.in_(waiting)))
            if r.kind == RequestKind.REFUND_BEFORE_SHIPMENT and r.refund_amount <= 100_00
        )
    report: list[evaluation.EvaluationReport] = []
    with desk.begin() as session:  # the clerk's decision, not yet committed
        decisions.approve_refund(session, CLERK, aftersale_id, now=NOW)
        rules = threading.Thread(
            target=lambda: report.append(evaluation.evaluate_open_requests(sync, now=NOW, platform="douyin"))
        )
        rules.start()
        with desk() as watcher:  # the rule's transaction now waits for the request's row
            while rules.is_alive() and not watcher.scalar(
                text("SELECT count(*) FROM pg_locks WHERE NOT granted")
            ):
                watcher.rollback()
    rules.join()
    with desk() as session:
        operations = session.scalars(
            select(OutboxOperation).where(OutboxOperation.entity_id == aftersale_id)
        ).all()
    assert [op.created_by for op in operations] == [CLERK.user_id]
    assert report[0].acted  # the rule decided the others


def test_rules_decide_offline_and_the_outbox_pushes_when_the_network_is_back(
    sandbox_url: str, sqlite_url: str
) -> None:
    new_refunds_after_shipment(sandbox_url, 3)
    _, sessions = open_database(sqlite_url)
    clock = MovableClock()
    client = demo_client(sandbox_url)
    engine = SyncEngine(DouyinPlatform(client), sessions, clock=clock)
    engine.run_once()
    client.credentials.gateway = UNREACHABLE  # the shop's network goes
    owner_rule(sessions, REFUNDS_AFTER_SHIPMENT, now=int(clock()))
    offline = engine.run_once()
    assert offline.outcome.value != "done" and offline.automatic.get(evaluation.QUEUED, 0) >= 2
    with sessions() as session:
        decided = list(session.scalars(select(OutboxOperation.entity_id)))
    client.credentials.gateway = sandbox_url
    clock.offset += 601
    assert engine.run_once().outcome.value == "done"
    assert [applied_by_client(sandbox_url, aftersale_id) for aftersale_id in decided] == [1] * len(decided)
