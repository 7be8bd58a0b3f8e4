"""Refund decisions: checked, audited and queued in one transaction; applied once by the platform.

The end-to-end test drives the real sandbox over HTTP (sync, decide, push, pull); the
others build the mirror with upserts and look at what was (not) written.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import Decision, RequestKind, RequestState
from app.db import open_database, upsert
from app.models import AfterSale, AuditEvent, OutboxOperation
from app.models import outbox as state
from app.platforms.douyin.codes import AfterSaleStatus, AfterSaleType
from app.sandbox.douyin.codes import REJECT_REASONS
from app.sandbox.evidence import evidence_png
from app.services import outbox
from app.services.attention import needs_attention
from app.services.people.permissions import Actor, PermissionDenied, Role
from app.services.platform_lists import REJECT_REASONS_LIST, reject_reasons, store_list
from app.services.refunds import bulk as refund_bulk
from app.services.refunds import decisions as refund_decisions
from app.services.refunds.decisions import DecisionRefused
from app.services.refunds.queue import list_queue
from app.sync.engine import SyncEngine
from tests.builders import in_app_words
from tests.people import seed_people
from tests.sandbox_control import applied_by_client, control, demo_platform

NOW = 1_795_000_000
OWNER = Actor(1, "boss", "Boss", Role.OWNER, None, None)
CLERK = Actor(2, "li", "Li", Role.CLERK, 10_000, 15_000)  # ¥100 a refund, ¥150 a day
WAREHOUSE = Actor(3, "wu", "Wu", Role.WAREHOUSE, None, None)
S, T = AfterSaleStatus, AfterSaleType


def mirror(database_url: str, amounts: dict[str, int], **over: int) -> sessionmaker[Session]:
    _, sessions = open_database(database_url)
    seed_people(sessions, OWNER, CLERK, WAREHOUSE)
    rows = [
        in_app_words(
            {
                "aftersale_id": aftersale_id,
                "order_id": "o" + aftersale_id,
                "type": over.get("type", T.REFUND_AFTER_SHIPMENT),
                "status": over.get("status", S.AWAITING_MERCHANT),
                "apply_time": NOW - 3600,
                "update_time": NOW - 3600,
                "status_deadline": NOW + 40 * 3600,
                "refund_amount": amount,
                "synced_at": NOW,
            }
        )
        for aftersale_id, amount in amounts.items()
    ]
    reasons = {
        "items": [{"reject_reason_code": c, "reason": r, "evidence_need": n} for c, r, n in REJECT_REASONS]
    }
    with sessions.begin() as session:
        upsert(session, AfterSale.__table__, rows, ["aftersale_id"])
        store_list(session, REJECT_REASONS_LIST, reasons, NOW)
    return sessions


def written(sessions: sessionmaker[Session]) -> tuple[int, int]:
    with sessions() as session:
        events = session.scalar(select(func.count()).select_from(AuditEvent)) or 0
        ops = session.scalar(select(func.count()).select_from(OutboxOperation)) or 0
    return events, ops


def test_a_refusal_of_permission_writes_nothing(sqlite_url: str) -> None:
    sessions = mirror(sqlite_url, {"small": 5_000, "big": 10_001})
    with sessions.begin() as session:
        with pytest.raises(PermissionDenied):
            refund_decisions.approve_refund(session, WAREHOUSE, "small", now=NOW)
        with pytest.raises(PermissionDenied):
            refund_decisions.refuse(session, WAREHOUSE, "small", reject_reason_code=1, remark="x", now=NOW)
        with pytest.raises(PermissionDenied, match="above your limit"):
            refund_decisions.approve_refund(session, CLERK, "big", now=NOW)
    assert written(sessions) == (0, 0)


def test_the_daily_limit_counts_what_the_clerk_approved_today(sqlite_url: str) -> None:
    sessions = mirror(sqlite_url, {"a": 9_000, "b": 7_000})
    with sessions.begin() as session:
        refund_decisions.approve_refund(session, CLERK, "a", now=NOW)
    with sessions.begin() as session, pytest.raises(PermissionDenied, match="daily limit"):
        refund_decisions.approve_refund(session, CLERK, "b", now=NOW + 60)
    assert written(sessions) == (1, 1)


def test_a_refusal_needs_a_listed_reason_a_remark_and_evidence_where_the_reason_wants_it(
    sqlite_url: str, app_home: Path, tmp_path: Path
) -> None:
    sessions = mirror(sqlite_url, {"r": 5_000})
    photo = tmp_path / "签收照片.png"
    photo.write_bytes(evidence_png("signed"))
    needs_evidence = next(r.code for r in reject_reasons(sessions()) if r.evidence_needed)
    with sessions.begin() as session:
        for code, remark, evidence in ((99, "remark", ()), (1, "  ", ()), (needs_evidence, "remark", ())):
            with pytest.raises(DecisionRefused):
                refund_decisions.refuse(
                    session,
                    CLERK,
                    "r",
                    reject_reason_code=code,
                    remark=remark,
                    evidence_urls=evidence,
                    now=NOW,
                )
    assert written(sessions) == (0, 0)
    with sessions.begin() as session:
        queued = refund_decisions.refuse(
            session,
            CLERK,
            "r",
            reject_reason_code=needs_evidence,
            remark="已签收",
            evidence_urls=[photo.as_uri()],
            now=NOW,
        )
    assert queued.decision == Decision.REFUSE_REFUND and queued.expected_to_state == RequestState.REFUSED
    with sessions() as session:
        op = session.scalars(select(OutboxOperation)).one()
        assert (op.action, op.entity_id, op.decision) == ("decide", "r", Decision.REFUSE_REFUND)
        assert json.loads(op.details) == {
            "kind": RequestKind.REFUND_AFTER_SHIPMENT,
            "reason_code": needs_evidence,
            "reason": dict((c, r) for c, r, _ in REJECT_REASONS)[needs_evidence],
            "remark": "已签收",
            # a copy in the database (refusal_evidence), uploaded by the push
            "evidence": [f"local-evidence:{hashlib.sha256(photo.read_bytes()).hexdigest()}.png"],
        }
        assert (op.based_on_update_time, op.expected_from_state, op.expected_to_state) == (
            NOW - 3600,
            RequestState.AWAITING_SHOP,
            RequestState.REFUSED,
        )
        assert session.get(AfterSale, "r").status == S.AWAITING_MERCHANT  # the pull owns the mirror
    with sessions.begin() as session, pytest.raises(DecisionRefused, match="already waiting"):
        refund_decisions.approve_refund(session, OWNER, "r", now=NOW)


def test_bulk_approval_checks_each_request_against_the_running_daily_total(sqlite_url: str) -> None:
    sessions = mirror(sqlite_url, {"a": 6_000, "b": 6_000, "c": 6_000, "d": 20_000})
    with sessions() as session:
        summary = refund_bulk.bulk_approve_summary(session, ["a", "b", "c", "d", "nope"])
    assert (summary.count, summary.total_fen, [i for i, _ in summary.skipped]) == (4, 38_000, ["nope"])
    with sessions.begin() as session:
        result = refund_bulk.bulk_approve(session, CLERK, ["a", "b", "c", "d"], now=NOW)
    assert result.approved == ("a", "b")
    assert [(i, "daily limit" in str(why) or "limit of" in str(why)) for i, why in result.refused] == [
        ("c", True),
        ("d", True),
    ]
    assert written(sessions) == (2, 2)


def test_a_conflicting_decision_can_be_applied_again_on_the_current_version(sqlite_url: str) -> None:
    sessions = mirror(sqlite_url, {"r": 5_000})
    with sessions.begin() as session:
        refund_decisions.approve_refund(session, OWNER, "r", now=NOW)
        op = session.scalars(select(OutboxOperation)).one()
        op.state = state.CONFLICT  # as the push engine marks it when the buyer changed the request
        session.get(AfterSale, "r").update_time = NOW + 5
    with sessions.begin() as session:
        assert needs_attention.can_reapply(session, op.seq)
        needs_attention.reapply(session, OWNER, op.seq, now=NOW + 10)
    with sessions() as session:
        ops = session.scalars(select(OutboxOperation).order_by(OutboxOperation.seq)).all()
        assert [o.state for o in ops] == [state.DISCARDED, state.PENDING]
        assert ops[1].based_on_update_time == NOW + 5
        # The request's kind goes with the decision: Douyin's operate type depends on it.
        assert (ops[1].decision, json.loads(ops[1].details)) == (
            Decision.APPROVE_REFUND,
            {"kind": RequestKind.REFUND_AFTER_SHIPMENT},
        )
        assert {e.action for e in session.scalars(select(AuditEvent))} == {"refund.approve", "outbox.reapply"}
        assert outbox.open_for(session, ["r"])["r"].seq == ops[1].seq


# --- end to end, against the sandbox ------------------------------------------------------------
def pushed_and_pulled(engine: SyncEngine) -> None:
    report = engine.run_once()
    assert report.outcome.value == "done", report.problem
    assert not report.pushed.get(state.REJECTED) and not report.pushed.get(state.CONFLICT), report.pushed
    engine.run_once()  # the pull after the push sees the platform's new state


def status(sessions: sessionmaker[Session], aftersale_id: str) -> int:
    with sessions() as session:
        return session.get(AfterSale, aftersale_id).status


def test_every_kind_of_decision_reaches_the_platform_once(sandbox_url: str, database_url: str) -> None:
    for kind, count in ((T.REFUND_AFTER_SHIPMENT, 2), (T.RETURN_AND_REFUND, 3), (T.EXCHANGE, 1)):
        control(sandbox_url, "tick", {"new_after_sales": count, "after_sale_type": int(kind)})
    _, sessions = open_database(database_url)
    seed_people(sessions, OWNER, CLERK, WAREHOUSE)
    engine = SyncEngine(demo_platform(sandbox_url), sessions)
    report = engine.run_once()
    assert report.outcome.value == "done" and REJECT_REASONS_LIST in report.lists_refreshed
    now = int(time.time())
    with sessions() as session:
        rows = list_queue(session, now=now, states=(RequestState.AWAITING_SHOP,))
    by_kind: dict[str, list[str]] = {}
    for row in sorted(rows, key=lambda r: -r.status_deadline):  # furthest from the deadline first
        by_kind.setdefault(row.kind, []).append(row.aftersale_id)
    refund, refused = by_kind[RequestKind.REFUND_AFTER_SHIPMENT][:2]
    returns, exchange = by_kind[RequestKind.RETURN_AND_REFUND][:3], by_kind[RequestKind.EXCHANGE][0]
    code = next(r.code for r in reject_reasons(sessions()) if not r.evidence_needed)
    with sessions.begin() as session:
        refund_decisions.approve_refund(session, OWNER, refund, now=now)
        refund_decisions.refuse(session, OWNER, refused, reject_reason_code=code, remark="已发出", now=now)
        for aftersale_id in returns:
            refund_decisions.approve_return(session, OWNER, aftersale_id, return_address_id="71001", now=now)
        refund_decisions.approve_exchange(session, OWNER, exchange, return_address_id="71001", now=now)
    pushed_and_pulled(engine)
    assert status(sessions, refund) == S.REFUNDED and status(sessions, refused) == S.MERCHANT_REFUSED
    assert status(sessions, exchange) == S.AWAITING_BUYER_RETURN
    assert all(status(sessions, r) == S.AWAITING_BUYER_RETURN for r in returns)
    for aftersale_id in (refund, refused, exchange, *returns):
        assert applied_by_client(sandbox_url, aftersale_id) == 1

    # Buyers send the goods back over the next days (most do); a day at a time, so a
    # parcel that arrived is still waiting for the merchant (48 h) when we look.
    arrived: list[str] = []
    for _day in range(6):
        control(sandbox_url, "clock", {"advance_s": 24 * 3600})
        engine.run_once()
        arrived = [r for r in returns if status(sessions, r) == S.RETURN_AWAITING_RECEIPT]
        if arrived:
            break
    assert arrived, "at least one of three buyers returns the goods within six days"
    with sessions.begin() as session:
        refund_decisions.inspect_return(
            session, OWNER, arrived[0], outcome="good", note="完好", then="refund", now=int(time.time())
        )
    pushed_and_pulled(engine)
    assert status(sessions, arrived[0]) == S.REFUNDED
    assert applied_by_client(sandbox_url, arrived[0]) == 2  # agree return, then confirm and refund
    with sessions() as session:
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity_id == arrived[0]).order_by(AuditEvent.id)
        ).all()
    assert (
        actions[:3] == ["return.approve", "platform.answer", "return.inspect"] and "refund.approve" in actions
    )
