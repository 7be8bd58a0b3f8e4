"""A request the platform agreed on its own at its deadline is not recorded as the shop's decision.

Issue 12 item 19. A decision queued here whose send may have reached the platform is
checked by re-reading the request before it is sent again. When the re-read finds
the request already where the decision would have put it, the request's own history
(`afterSale.Detail` → `process_info.record_logs_list`, who acted) says whether an
earlier attempt of ours moved it or the platform did on its own because the deadline
passed. The outbox, the audit trail and the metrics record the truth. Real sandbox over
HTTP (its ledger shows who applied what), real databases.
"""

from __future__ import annotations

import json

from sqlalchemy import select

from app.db import open_database
from app.models import AuditEvent, OutboxOperation
from app.models import outbox as state
from app.platforms.douyin.codes import AfterSaleStatus, AfterSaleType, RecordRole
from app.services.metrics.drill_down import drill_down
from app.sync.engine import SyncEngine
from app.sync.push import PROBLEM_PLATFORM_DECIDED
from tests.sandbox_control import (
    applied_by_client,
    control,
    demo_client,
    demo_platform,
    inject,
    queue_refund_refusal,
    sandbox_now,
)
from tests.test_outbox_push import MovableClock, approve, open_refund_requests, operation

HOUR = 3600


def a_shop_with_one_refund_request(
    sandbox_url: str, database_url: str, how_many: int = 1
) -> tuple[SyncEngine, MovableClock]:
    """New refund requests waiting for the merchant (the history's own may all have been
    decided by now, depending on the hour the shop was generated at)."""
    control(
        sandbox_url,
        "tick",
        {"new_after_sales": how_many, "after_sale_type": int(AfterSaleType.REFUND_AFTER_SHIPMENT)},
    )
    _, sessions = open_database(database_url)
    clock = MovableClock()
    engine = SyncEngine(demo_platform(sandbox_url), sessions, clock=clock)
    assert engine.run_once().outcome.value == "done"
    return engine, clock


def history(sandbox_url: str, aftersale_id: str) -> list[dict]:
    asked = {"after_sale_id": aftersale_id, "need_operation_record": True}  # the history comes when asked
    detail = demo_client(sandbox_url).call("afterSale.Detail", asked)
    assert detail.ok, detail.describe()
    return detail.data["process_info"]["record_logs_list"]


def test_the_sandbox_says_who_acted_in_a_requests_history(sandbox_url: str, sqlite_url: str) -> None:
    engine, _ = a_shop_with_one_refund_request(sandbox_url, sqlite_url, how_many=2)
    mine, left_alone = open_refund_requests(engine, 2)
    approve(engine, mine)
    assert engine.run_once().pushed == {state.DONE: 1}
    control(sandbox_url, "clock", {"advance_s": 49 * HOUR})  # past every deadline of a request waiting
    assert history(sandbox_url, mine.aftersale_id)[-1]["role"] == RecordRole.MERCHANT
    assert history(sandbox_url, left_alone.aftersale_id)[-1]["role"] == RecordRole.PLATFORM


def test_a_decision_the_platform_made_on_its_own_at_the_deadline_is_recorded_as_the_platforms(
    sandbox_url: str, database_url: str
) -> None:
    engine, clock = a_shop_with_one_refund_request(sandbox_url, database_url)
    request = open_refund_requests(engine, 1)[0]
    seq = approve(engine, request)
    # The decision leaves and no answer comes back (the gateway failed before the
    # platform took it, but this desk cannot know): it must be re-read before going again.
    inject(sandbox_url, "http_5xx", method="afterSale.operate")
    engine.push.push_once()
    assert operation(engine, seq).state == state.PENDING and operation(engine, seq).verify_before_send
    # Two days offline: the deadline passes and the platform agrees on its own.
    control(sandbox_url, "clock", {"advance_s": 49 * HOUR})
    clock.offset += operation(engine, seq).next_attempt_at - clock() + 1

    report = engine.push.push_once()

    op = operation(engine, seq)
    assert report.counts == {state.CONFLICT: 1}
    assert (op.state, op.problem) == (state.CONFLICT, PROBLEM_PLATFORM_DECIDED)
    assert json.loads(op.platform_state)["status"] == AfterSaleStatus.REFUNDED
    assert applied_by_client(sandbox_url, request.aftersale_id) == 0  # nothing of ours applied
    with engine._sessions() as session:
        answer = session.scalars(select(AuditEvent).where(AuditEvent.action == "platform.answer")).one()
        assert json.loads(answer.after)["decided_by"] == "platform"
        assert "on its own" in answer.note
        now = sandbox_now(sandbox_url)
        timed_out = drill_down(session, "timeout_approvals", start=now - 4 * 24 * HOUR, end=now + 1, now=now)
        assert request.aftersale_id in {row.id for row in timed_out}
        assert session.scalars(select(OutboxOperation.state)).all() == [state.CONFLICT]


def test_a_decision_an_earlier_lost_attempt_applied_is_still_recorded_as_ours(
    sandbox_url: str, database_url: str
) -> None:
    engine, clock = a_shop_with_one_refund_request(sandbox_url, database_url)
    request = open_refund_requests(engine, 1)[0]
    seq = approve(engine, request)
    inject(sandbox_url, "drop_response", method="afterSale.operate")  # applied, the answer lost
    engine.push.push_once()
    control(sandbox_url, "clock", {"advance_s": 49 * HOUR})  # the deadline passes too
    clock.offset += operation(engine, seq).next_attempt_at - clock() + 1

    assert engine.push.push_once().counts == {state.DONE: 1}
    assert applied_by_client(sandbox_url, request.aftersale_id) == 1
    with engine._sessions() as session:
        answer = session.scalars(select(AuditEvent).where(AuditEvent.action == "platform.answer")).one()
        assert json.loads(answer.after)["decided_by"] == "shop"
        now = sandbox_now(sandbox_url)
        timed_out = drill_down(session, "timeout_approvals", start=now - 4 * 24 * HOUR, end=now + 1, now=now)
        assert request.aftersale_id not in {row.id for row in timed_out}


def test_a_refusal_that_arrives_after_the_platform_agreed_at_the_deadline_says_so(
    sandbox_url: str, sqlite_url: str
) -> None:
    engine, _ = a_shop_with_one_refund_request(sandbox_url, sqlite_url)
    request = open_refund_requests(engine, 1)[0]
    with engine._sessions.begin() as session:  # refused offline …
        queue_refund_refusal(session, request)
    control(sandbox_url, "clock", {"advance_s": 49 * HOUR})  # … and the platform agreed meanwhile

    assert engine.push.push_once().counts == {state.CONFLICT: 1}

    with engine._sessions() as session:
        op = session.scalars(select(OutboxOperation)).one()
    assert op.problem == PROBLEM_PLATFORM_DECIDED
    assert applied_by_client(sandbox_url, request.aftersale_id) == 0
