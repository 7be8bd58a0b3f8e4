"""Migration 0019: requests mirrored before it get the words their codes already say — the
refund's progress for every request, and the kinds and states of the codes the mirror kept
with an empty word (status 8, 51, 53; types 4, 5, 6, 8) — while a word already there and
an unknown code stay as they were, and the arbitration is left unknown until the platform
sends the request again. On SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from alembic import command
from sqlalchemy import MetaData, insert, select
from sqlalchemy.orm import Session

from app.db import _alembic_config, make_engine, upgrade_to_head
from app.models import AfterSale

NOW = 1_795_000_000


def request(aftersale_id: str, type_: int, status: int, refund_status: int | None, **words: Any) -> dict:
    return {
        "aftersale_id": aftersale_id,
        "order_id": "o-" + aftersale_id,
        "related_id": "",
        "type": type_,
        "status": status,
        "kind": words.get("kind"),
        "state": words.get("state"),
        "refund_status": refund_status,
        "apply_time": NOW - 3600,
        "update_time": NOW,
        "status_deadline": 0,
        "refund_amount": 1000,
        "refund_post_amount": 0,
        "currency": "CNY",
        "reason_text": "",
        "got_pkg": 1,
        "return_tracking_no": "",
        "return_company_name": "",
        "evidence": "",
        "status_text": "",
        "type_text": "",
        "product_name": "",
        "item_num": 1,
        "synced_at": NOW,
    }


def test_requests_mirrored_before_get_the_words_their_codes_say(database_url: str) -> None:
    engine = make_engine(database_url)
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0018")
    tables = MetaData()
    tables.reflect(engine, only=["after_sales"])
    rows = [
        request("price", 6, 53, 3),  # a price protection the previous release had no words for
        request("repair", 8, 8, 0),
        request("cancel", 4, 51, 2),
        request("buyer", 5, 51, 5),
        request("refund", 1, 12, 3, kind="refund_after_shipment", state="refunded"),
        request("odd", 77, 99, 9),  # codes nobody knows: kept, no word
        request("none", 0, 6, None, kind="return_and_refund", state="awaiting_shop"),
    ]
    with engine.begin() as connection:
        connection.execute(insert(tables.tables["after_sales"]), rows)
    upgrade_to_head(engine)
    with Session(engine) as session:
        found = {
            r.aftersale_id: (
                r.type,
                r.status,
                r.kind,
                r.state,
                r.refund_status,
                r.refund_state,
                r.arbitration,
            )
            for r in session.scalars(select(AfterSale))
        }
    engine.dispose()
    assert found == {
        "price": (6, 53, "price_protection", "completed", 3, "succeeded", None),
        "repair": (8, 8, "repair", "awaiting_shop_shipment", 0, "none", None),
        "cancel": (4, 51, "cancelled_by_system", "order_cancelled", 2, "in_progress", None),
        "buyer": (5, 51, "cancelled_by_buyer", "order_cancelled", 5, "recovered", None),
        "refund": (1, 12, "refund_after_shipment", "refunded", 3, "succeeded", None),
        "odd": (77, 99, None, None, 9, None, None),
        "none": (0, 6, "return_and_refund", "awaiting_shop", None, None, None),
    }
