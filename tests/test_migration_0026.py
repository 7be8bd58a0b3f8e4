"""Migration 0026: a request's codes as text, for a platform that sends them as text (TikTok
Shop). Requests mirrored before it keep their numbers and get '' as text codes; TikTok's rows,
with 0 in the number columns, are stored with their codes verbatim, and the ingest records each
change of a TikTok request's status as it does a Douyin one's. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from alembic import command
from sqlalchemy import MetaData, insert, select
from sqlalchemy.orm import Session

from app.db import _alembic_config, make_engine, upgrade_to_head
from app.models import AfterSale, AfterSaleStatusChange
from app.platforms.tiktok import parse
from app.sync.ingest import store_after_sales

NOW = 1_796_600_000
FIXTURES = Path(__file__).parent / "contract" / "tiktok"


def douyin_request(aftersale_id: str) -> dict[str, Any]:
    return {
        "aftersale_id": aftersale_id,
        "order_id": "o-" + aftersale_id,
        "related_id": "",
        "type": 1,
        "status": 6,
        "kind": "refund_after_shipment",
        "state": "awaiting_shop",
        "refund_status": 1,
        "apply_time": NOW - 3600,
        "update_time": NOW,
        "status_deadline": NOW + 3600,
        "refund_amount": 1000,
        "refund_post_amount": 0,
        "currency": "CNY",
        "reason_text": "",
        "got_pkg": 1,
        "return_tracking_no": "",
        "return_company_name": "",
        "evidence": "",
        "status_text": "待商家处理",
        "type_text": "仅退款",
        "product_name": "",
        "item_num": 1,
        "synced_at": NOW,
    }


def tiktok_return() -> dict[str, Any]:
    answer = json.loads((FIXTURES / "returns.search.answer.json").read_text(encoding="utf-8"))
    return answer["data"]["return_orders"][0]


def test_requests_mirrored_before_keep_their_codes_and_tiktok_codes_are_kept_as_text(
    database_url: str,
) -> None:
    engine = make_engine(database_url)
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0025")
    tables = MetaData()
    tables.reflect(engine, only=["after_sales"])
    with engine.begin() as connection:
        connection.execute(insert(tables.tables["after_sales"]), [douyin_request("d1")])
    upgrade_to_head(engine)

    record = tiktok_return()
    with Session(engine) as session, session.begin():
        store_after_sales(session, [parse.parse_request(record, 0, NOW)])
    # The buyer's refund is approved: the status code changes, the numbers stay 0.
    record = {**record, "return_status": "RETURN_OR_REFUND_REQUEST_SUCCESS", "update_time": NOW + 60}
    record["seller_next_action_response"] = []
    with Session(engine) as session, session.begin():
        store_after_sales(session, [parse.parse_request(record, 0, NOW + 60)])

    with Session(engine) as session:
        rows = {r.aftersale_id: r for r in session.scalars(select(AfterSale))}
        changes = [
            (c.aftersale_id, c.from_status, c.to_status, c.from_state, c.to_state, c.at)
            for c in session.scalars(select(AfterSaleStatusChange).order_by(AfterSaleStatusChange.id))
        ]
    engine.dispose()
    douyin, tiktok = rows["d1"], rows["4036701234567890001"]
    assert (douyin.type, douyin.status, douyin.type_code, douyin.status_code, douyin.arbitration_code) == (
        1,
        6,
        "",
        "",
        "",
    )
    assert (tiktok.type, tiktok.status, tiktok.type_code, tiktok.status_code) == (
        0,
        0,
        "REFUND",
        "RETURN_OR_REFUND_REQUEST_SUCCESS",
    )
    assert (tiktok.kind, tiktok.state, tiktok.refund_state, tiktok.status_deadline) == (
        "refund_after_shipment",
        "refunded",
        "in_progress",
        None,
    )
    first_seen = ("4036701234567890001", None, 0, None, "awaiting_shop", 1_796_461_960)
    approved = ("4036701234567890001", 0, 0, "awaiting_shop", "refunded", NOW + 60)
    assert changes == [first_seen, approved]
