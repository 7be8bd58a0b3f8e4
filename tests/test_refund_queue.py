"""The refund queue's query on SQLite and PostgreSQL: what waits, filters, sort, history, pending."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import Decision, RequestKind, RequestState
from app.db import open_database, upsert
from app.models import AfterSale, Order, OrderLine, OrderLogistics
from app.services import outbox
from app.services.people import audit
from app.services.people.permissions import Actor, Role
from app.services.refunds.detail import queue_detail
from app.services.refunds.queue import list_queue
from tests.builders import in_app_words

NOW = 1_795_000_000
H = 3600
OWNER = Actor(1, "boss", "Boss", Role.OWNER, None, None)


def order(order_id: str, buyer: str, *, pay: int = 10_000, shipped: bool = True) -> dict[str, Any]:
    row = {
        "order_id": order_id,
        "status": 3 if shipped else 2,
        "create_time": NOW - 10 * 86400,
        "pay_time": NOW - 10 * 86400,
        "update_time": NOW - 9 * 86400,
        "ship_time": NOW - 9 * 86400 if shipped else None,
        "finish_time": None,
        "pay_amount": pay,
        "items_summary": "纯棉宽松短袖T恤",
        "buyer_id": buyer,
        "synced_at": NOW,
    }
    return in_app_words(row)


def request(aftersale_id: str, order_id: str, **over: Any) -> dict[str, Any]:
    row = {
        "aftersale_id": aftersale_id,
        "order_id": order_id,
        "related_id": order_id,
        "type": 1,
        "status": 6,
        "apply_time": NOW - 10 * H,
        "update_time": NOW - 10 * H,
        "status_deadline": NOW + 38 * H,
        "refund_amount": 5_000,
        "reason_text": "质量问题（开线/起球）",
        "product_name": "纯棉宽松短袖T恤",
        "item_num": 1,
        "evidence": json.dumps(["/e/1.png"]),
        "synced_at": NOW,
    }
    row.update(over)
    return in_app_words(row)


def shop(database_url: str) -> sessionmaker[Session]:
    _, sessions = open_database(database_url)
    orders = [order("o1", "buyer-a"), order("o2", "buyer-a"), order("o3", "buyer-b"), order("o4", "")]
    orders.append(order("o5", "buyer-a", shipped=False, pay=900_000))
    requests = [
        request("r1", "o1", status_deadline=NOW + 30 * 60, refund_amount=2_000),  # due within the hour
        request("r2", "o2", type=0, status=11, status_deadline=NOW + 20 * H, refund_amount=8_000),
        request("r3", "o3", status_deadline=NOW - H),  # passed while offline
        request("r4", "o4", status_deadline=0, apply_time=NOW - 47 * H, reason_text="七天无理由退货"),
        request("r5", "o5", type=2, refund_amount=900_000, status_deadline=NOW + 5 * H),
        request("done", "o1", status=12, status_deadline=0),  # decided: not in the queue
        request("old", "o2", status=28, apply_time=NOW - 100 * 86400, status_deadline=0),  # outside 90 days
    ]
    with sessions.begin() as session:
        upsert(session, Order.__table__, orders, ["order_id"])
        lines = [
            {
                "sku_order_id": o["order_id"],
                "order_id": o["order_id"],
                "pay_amount": o["pay_amount"],
                "order_update_time": 0,
            }
            for o in orders
        ]
        upsert(session, OrderLine.__table__, lines, ["sku_order_id"])
        parcels = [
            {"order_id": "o1", "tracking_no": "SF1", "company_name": "顺丰速运", "order_update_time": 0}
        ]
        upsert(session, OrderLogistics.__table__, parcels, ["order_id", "tracking_no"])
        upsert(session, AfterSale.__table__, requests, ["aftersale_id"])
    return sessions


def ids(rows: list) -> list[str]:
    return [row.aftersale_id for row in rows]


def test_the_queue_holds_what_waits_for_the_merchant_by_deadline(database_url: str) -> None:
    sessions = shop(database_url)
    with sessions() as session:
        rows = list_queue(session, now=NOW)
    assert ids(rows) == ["r3", "r1", "r4", "r5", "r2"]
    by_id = {row.aftersale_id: row for row in rows}
    assert by_id["r4"].status_deadline == NOW - 47 * H + 48 * H  # the rule set's fallback
    assert by_id["r3"].expired_while_offline and not by_id["r1"].expired_while_offline
    # buyer-a: r1, r2, r5 and "done" in 90 days; "old" is older. No buyer id, no history.
    assert [by_id[i].buyer_requests_90d for i in ("r1", "r3", "r4")] == [4, 1, 0]
    assert by_id["r1"].has_tracking and not by_id["r5"].has_tracking
    assert by_id["r5"].rule_key == "refund_before_shipment" and by_id["r2"].suggestion == "inspect"
    assert all(row.rule_set == "douyin-2026-12" for row in rows)


def test_filters_and_sorting_run_in_the_query(database_url: str) -> None:
    sessions = shop(database_url)
    with sessions() as session:
        assert ids(list_queue(session, now=NOW, kinds=(RequestKind.RETURN_AND_REFUND,))) == ["r2"]
        assert ids(list_queue(session, now=NOW, states=(RequestState.RETURN_AWAITING_INSPECTION,))) == ["r2"]
        assert ids(list_queue(session, now=NOW, min_amount=5_000, max_amount=8_000)) == ["r3", "r4", "r2"]
        assert ids(list_queue(session, now=NOW, search="无理由")) == ["r4"]
        assert ids(list_queue(session, now=NOW, search="o5")) == ["r5"]
        assert ids(list_queue(session, now=NOW, urgency="overdue")) == ["r3"]
        assert ids(list_queue(session, now=NOW, urgency="1h")) == ["r1", "r4"]
        assert ids(list_queue(session, now=NOW, urgency="6h")) == ["r1", "r4", "r5"]
        assert ids(list_queue(session, now=NOW, sort="refund_amount", descending=True)) == [
            "r5",
            "r2",
            "r4",
            "r3",
            "r1",
        ]
        assert ids(list_queue(session, now=NOW, sort="buyer_requests", descending=True, limit=2)) == [
            "r5",
            "r2",
        ]
        # Kinds sort in the vocabulary's order (before shipment, after shipment, return…),
        # ties by id: r5 is a refund before shipment, r2 a return, the others refunds only.
        assert ids(list_queue(session, now=NOW, sort="kind")) == ["r5", "r1", "r3", "r4", "r2"]


def test_an_open_operation_shows_the_request_as_pending(database_url: str) -> None:
    sessions = shop(database_url)
    with sessions.begin() as session:
        event = audit.record(
            session, OWNER, "refund.approve", entity_type="after_sale", entity_id="r1", now=NOW
        )
        outbox.enqueue_decision(
            session,
            request_id="r1",
            decision=Decision.APPROVE_REFUND,
            details={},
            based_on_update_time=NOW - 10 * H,
            expected_from=RequestState.AWAITING_SHOP,
            expected_to=RequestState.REFUNDED,
            actor=OWNER,
            now=NOW,
            audit_event_id=event,
        )
    with sessions() as session:
        rows = {row.aftersale_id: row for row in list_queue(session, now=NOW)}
        detail = queue_detail(session, "r1", now=NOW)
    assert (rows["r1"].pending, rows["r1"].pending_operation, rows["r1"].pending_decision) == (
        True,
        "decide",
        Decision.APPROVE_REFUND,
    )
    assert not rows["r2"].pending
    assert detail is not None
    assert [e.action for e in detail.audit_events] == ["refund.approve"]
    assert [op.decision for op in detail.operations] == [Decision.APPROVE_REFUND]
    assert detail.evidence_urls == ("/e/1.png",) and detail.buyer_words == "质量问题（开线/起球）"
    assert [p.tracking_no for p in detail.parcels] == ["SF1"] and len(detail.lines) == 1
