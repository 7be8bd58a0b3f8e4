"""Decisions in the outbox reach the platform exactly once, whatever goes wrong.

Real sandbox over HTTP, real databases (SQLite and PostgreSQL). The sandbox's ledger
is the proof: it lists every operation the platform applied.
"""

from __future__ import annotations

import time

import pytest
import requests
from sqlalchemy import select

from app.core.vocabulary import Decision, RequestState
from app.db import open_database
from app.models import AfterSale, AuditEvent, OutboxOperation
from app.models import outbox as state
from app.platforms.douyin.codes import AfterSaleStatus, AfterSaleType
from app.services import outbox
from app.sync.engine import SyncEngine
from tests.sandbox_control import applied_by_client, control, demo_platform, inject, queue_refund_approval

REFUND_TYPES = (AfterSaleType.REFUND_BEFORE_SHIPMENT, AfterSaleType.REFUND_AFTER_SHIPMENT)


class MovableClock:
    """Real time, plus whatever a test skips ahead to make a back-off delay pass."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


def synced_engine(url: str, database_url: str) -> tuple[SyncEngine, MovableClock]:
    # Buyers ask for refunds on shipped orders: requests that wait for the merchant.
    control(url, "tick", {"new_after_sales": 4, "after_sale_type": int(AfterSaleType.REFUND_AFTER_SHIPMENT)})
    _, sessions = open_database(database_url)
    clock = MovableClock()
    engine = SyncEngine(demo_platform(url), sessions, clock=clock)
    assert engine.run_once().outcome.value == "done"
    return engine, clock


def open_refund_requests(engine: SyncEngine, how_many: int) -> list[AfterSale]:
    with engine._sessions() as session:
        found = session.scalars(
            select(AfterSale)
            .where(AfterSale.status == AfterSaleStatus.AWAITING_MERCHANT, AfterSale.type.in_(REFUND_TYPES))
            .order_by(AfterSale.status_deadline.desc())
        ).all()
    assert len(found) >= how_many, "the sandbox shop should always have refund requests waiting"
    return list(found[:how_many])


def approve(engine: SyncEngine, request: AfterSale) -> int:
    """What the refund decision service will do: queue an agree-refund operation."""
    with engine._sessions.begin() as session:
        return queue_refund_approval(session, request)


def operation(engine: SyncEngine, seq: int) -> OutboxOperation:
    with engine._sessions() as session:
        op = session.get(OutboxOperation, seq)
        assert op is not None
        return op


def push_until_settled(engine: SyncEngine, clock: MovableClock, rounds: int = 8) -> None:
    """Run the engine until nothing is open, skipping each back-off delay."""
    for _ in range(rounds):
        engine.run_once()
        with engine._sessions() as session:
            waiting = session.scalars(
                select(OutboxOperation).where(OutboxOperation.state.in_(state.OPEN_STATES))
            ).all()
        if not waiting:
            return
        clock.offset += max(op.next_attempt_at for op in waiting) - clock() + 1
    raise AssertionError("operations still open after every retry")


def test_a_decision_is_applied_once_and_its_answer_audited(sandbox_url: str, database_url: str) -> None:
    engine, clock = synced_engine(sandbox_url, database_url)
    request = open_refund_requests(engine, 1)[0]
    seq = approve(engine, request)
    report = engine.run_once()
    assert report.pushed == {state.DONE: 1} and "outbox" in report.kinds_changed
    assert operation(engine, seq).state == state.DONE
    assert applied_by_client(sandbox_url, request.aftersale_id) == 1
    with engine._sessions() as session:
        assert session.get(AfterSale, request.aftersale_id).status == AfterSaleStatus.REFUNDED
        answers = session.scalars(select(AuditEvent).where(AuditEvent.action == "platform.answer")).all()
    assert [a.entity_id for a in answers] == [request.aftersale_id]


FAULTS = [
    "http_5xx",
    "service_error",
    "rate_limit",
    "token_expired",
    "truncated",
    "malformed",
    "drop_response",
    "latency",
]


@pytest.mark.parametrize("fault", FAULTS)
def test_every_fault_during_a_push_ends_applied_exactly_once(
    sandbox_url: str, database_url: str, fault: str
) -> None:
    engine, clock = synced_engine(sandbox_url, database_url)
    request = open_refund_requests(engine, 1)[0]
    seq = approve(engine, request)
    inject(sandbox_url, fault, method="afterSale.operate", ms=300)
    push_until_settled(engine, clock)
    assert operation(engine, seq).state == state.DONE
    assert applied_by_client(sandbox_url, request.aftersale_id) == 1


def test_a_lost_answer_is_checked_by_re_reading_before_anything_is_resent(
    sandbox_url: str, sqlite_url: str
) -> None:
    engine, clock = synced_engine(sandbox_url, sqlite_url)
    request = open_refund_requests(engine, 1)[0]
    seq = approve(engine, request)
    inject(sandbox_url, "drop_response", method="afterSale.operate")
    first = engine.run_once()
    op = operation(engine, seq)
    assert first.pushed == {state.PENDING: 1} and op.verify_before_send and op.attempts == 1
    push_until_settled(engine, clock)
    op = operation(engine, seq)
    assert op.state == state.DONE and op.attempts == 1  # found applied; never sent twice
    stats = requests.get(f"{sandbox_url}/_sandbox/stats", timeout=30).json()
    assert stats["requests_served"]["afterSale.operate"] == 1


def test_a_wrong_clock_stops_the_round_and_keeps_the_decision(sandbox_url: str, sqlite_url: str) -> None:
    engine, clock = synced_engine(sandbox_url, sqlite_url)
    request = open_refund_requests(engine, 1)[0]
    seq = approve(engine, request)
    inject(sandbox_url, "clock_skew", method="afterSale.operate")
    assert engine.run_once().outcome.value == "config_error"
    assert operation(engine, seq).state == state.PENDING
    push_until_settled(engine, clock)
    assert applied_by_client(sandbox_url, request.aftersale_id) == 1


def test_a_request_the_platform_decided_alone_meanwhile_is_a_conflict_for_a_person(
    sandbox_url: str, database_url: str
) -> None:
    engine, clock = synced_engine(sandbox_url, database_url)
    request = open_refund_requests(engine, 1)[0]
    seq = approve(engine, request)  # decided offline …
    control(sandbox_url, "clock", {"now": request.status_deadline + 60})  # … the deadline passed meanwhile
    engine.run_once()
    op = operation(engine, seq)
    assert op.state == state.CONFLICT and op.platform_state
    assert applied_by_client(sandbox_url, request.aftersale_id) == 0
    with engine._sessions() as session:
        attention = outbox.needing_attention(session)
    assert [row.entity_id for row in attention] == [request.aftersale_id]


def test_one_refused_decision_does_not_hold_up_the_others(sandbox_url: str, database_url: str) -> None:
    engine, clock = synced_engine(sandbox_url, database_url)
    refused_one, good_one = open_refund_requests(engine, 2)
    with engine._sessions.begin() as session:  # a refusal without a remark: the platform refuses it
        outbox.enqueue_decision(
            session,
            request_id=refused_one.aftersale_id,
            decision=Decision.REFUSE_REFUND,
            details={"reason_code": 1},
            based_on_update_time=refused_one.update_time,
            expected_from=RequestState.AWAITING_SHOP,
            expected_to=RequestState.REFUSED,
            actor=None,
            now=int(time.time()),
        )
    good_seq = approve(engine, good_one)
    report = engine.run_once()
    assert report.pushed == {state.REJECTED: 1, state.DONE: 1}
    assert operation(engine, good_seq).state == state.DONE
    with engine._sessions() as session:
        attention = outbox.needing_attention(session)
    assert attention[0].entity_id == refused_one.aftersale_id and attention[0].platform_message


def test_operations_on_one_entity_go_out_in_order(sandbox_url: str, sqlite_url: str) -> None:
    engine, clock = synced_engine(sandbox_url, sqlite_url)
    request = open_refund_requests(engine, 1)[0]
    first, second = approve(engine, request), approve(engine, request)
    assert engine.push.due_operations() == [first]
    engine.push.push_once()
    assert engine.push.due_operations() == [second]
