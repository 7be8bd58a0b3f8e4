"""Migration 0018: operations queued in Douyin's words by an earlier release are kept,
and read from then on in the app's words, on SQLite and PostgreSQL alike.

A mirror is built at revision 0017 with operations exactly as the previous release's
services queued them (a refusal with evidence, an agreed return, an accepted return,
shipments with and without refusing a refund), then upgraded to head.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import MetaData, insert, select
from sqlalchemy.orm import Session

from app.db import _alembic_config, make_engine, upgrade_to_head
from app.models import OutboxOperation
from app.services import outbox

NOW = 1_795_000_000
REFUSAL_ITEM = {
    "aftersale_id": "a1",
    "update_time": NOW - 60,
    "reject_reason_code": 3,
    "reason": "商品已发出",
    "remark": "包裹已在路上",
    "evidence": ["local-evidence:" + "a" * 64 + ".png", "https://p3.example/evidence.png"],
}
# (method, entity, params, from status, to status, state) as the previous release queued them.
QUEUED = [
    ("afterSale.operate", "a1", {"type": 202, "items": [REFUSAL_ITEM]}, 6, 27, "pending"),
    (
        "afterSale.operate",
        "a2",
        {
            "type": 101,
            "items": [
                {"aftersale_id": "a2", "update_time": NOW, "logistics": {"receiver_address_id": "addr-7"}}
            ],
        },
        6,
        7,
        "conflict",
    ),
    (
        "afterSale.operate",
        "a3",
        {"type": 111, "items": [{"aftersale_id": "a3", "update_time": NOW}]},
        11,
        12,
        "done",
    ),
    (
        "order.logisticsAdd",
        "o1",
        {"order_id": "o1", "company_code": "zhongtong", "logistics_code": "ZT1", "is_refund_reject": True},
        2,
        3,
        "sending",
    ),
    (
        "order.logisticsAdd",
        "o2",
        {"order_id": "o2", "company_code": "yuantong", "logistics_code": "YT2"},
        105,
        3,
        "rejected",
    ),
    (
        "order.logisticsAdd",
        "o3",
        {"order_id": "o3", "company_code": "yuantong", "logistics_code": "YT3"},
        2,
        3,
        "rejected",
    ),
]
# Why the platform refused the two shipments: o2 because the buyer's refund request before
# shipment was waiting (Douyin's 60040: it may go again, refusing the refund), o3 for an
# unknown carrier (60018: it may only be discarded).
REFUSED_WITH = {"o2": "isv.business-failed:60040", "o3": "isv.business-failed:60018"}


def old_row(
    seq: int, method: str, entity_id: str, params: dict[str, Any], before: int, after: int, state: str
):
    return {
        "seq": seq,
        "op_id": f"{seq:032x}",
        "method": method,
        "entity_type": "after_sale" if method == "afterSale.operate" else "order",
        "entity_id": entity_id,
        "params": json.dumps(params, ensure_ascii=False, sort_keys=True),
        "based_on_update_time": NOW - 60,
        "expected_from_status": before,
        "expected_to_status": after,
        "state": state,
        "attempts": 1,
        "verify_before_send": False,
        "next_attempt_at": 0,
        "created_at": NOW,
        "created_by": None,
        "audit_event_id": None,
        "finished_at": None,
        "problem": "",
        "platform_code": "",
        "platform_message": "",
        "platform_state": "",
    }


def test_operations_queued_in_douyins_words_are_read_in_the_apps_words_and_kept(database_url: str) -> None:
    from alembic import command

    engine = make_engine(database_url)
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0017")
    tables = MetaData()
    tables.reflect(engine, only=["outbox_operations"])
    rows = [old_row(seq, *queued) for seq, queued in enumerate(QUEUED, start=1)]
    for row in rows:
        row["platform_code"] = REFUSED_WITH.get(row["entity_id"], "")
    with engine.begin() as connection:
        connection.execute(insert(tables.tables["outbox_operations"]), rows)
    upgrade_to_head(engine)

    with Session(engine) as session:
        ops = {
            op.entity_id: op for op in session.scalars(select(OutboxOperation).order_by(OutboxOperation.seq))
        }
        found = {
            entity_id: (
                op.action,
                op.decision,
                json.loads(op.details),
                op.expected_from_state,
                op.expected_to_state,
            )
            for entity_id, op in ops.items()
        }
        may_go_again_refusing_the_refund = {
            entity_id for entity_id, op in ops.items() if outbox.refused_while_refund_waits(op)
        }
        kept = [
            (
                op.seq,
                op.op_id,
                op.state,
                op.douyin_method,
                json.loads(op.douyin_params),
                op.douyin_from_status,
            )
            for op in ops.values()
        ]
    engine.dispose()
    refusal = {
        "reason_code": 3,
        "reason": "商品已发出",
        "remark": "包裹已在路上",
        "evidence": REFUSAL_ITEM["evidence"],
    }
    assert found == {
        "a1": ("decide", "refuse_refund", refusal, "awaiting_shop", "refused"),
        "a2": (
            "decide",
            "agree_return",
            {"return_address_id": "addr-7"},
            "awaiting_shop",
            "awaiting_buyer_return",
        ),
        "a3": ("decide", "accept_returned_goods", {}, "return_awaiting_inspection", "refunded"),
        "o1": (
            "ship",
            "",
            {"carrier_code": "zhongtong", "tracking_no": "ZT1", "refuse_refund": True},
            "awaiting_shipment",
            "shipped",
        ),
        "o2": (
            "ship",
            "",
            {"carrier_code": "yuantong", "tracking_no": "YT2", "refuse_refund": False},
            "awaiting_shipment",
            "shipped",
        ),
        "o3": (
            "ship",
            "",
            {"carrier_code": "yuantong", "tracking_no": "YT3", "refuse_refund": False},
            "awaiting_shipment",
            "shipped",
        ),
    }
    assert may_go_again_refusing_the_refund == {"o2"}
    # Nothing of what the previous release wrote is lost: same rows, states and old words.
    assert kept == [
        (
            row["seq"],
            row["op_id"],
            row["state"],
            row["method"],
            json.loads(row["params"]),
            row["expected_from_status"],
        )
        for row in rows
    ]
