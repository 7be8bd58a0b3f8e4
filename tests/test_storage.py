"""The local mirror on SQLite and PostgreSQL: migrations, pragmas, and guarded upserts."""

from __future__ import annotations

from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select

from app.db import MIGRATIONS_DIR, open_database
from app.models import Base, Order
from app.platforms.douyin.parse import parse_after_sales, parse_orders
from app.platforms.records import MalformedAnswer
from app.sync.ingest import store_after_sales, store_orders


def platform_order(
    order_id: str = "6900000000000000001", update_time: int = 1_795_000_000, **over: Any
) -> dict:
    """One `shop_order_list[]` record as the platform sends it."""
    record = {
        "order_id": order_id,
        "order_status": 2,
        "order_status_desc": "待发货",
        "create_time": update_time - 600,
        "pay_time": update_time - 540,
        "update_time": update_time,
        "exp_ship_time": update_time + 48 * 3600,
        "order_amount": 12900,
        "pay_amount": 11900,
        "post_amount": 0,
        "buyer_words": "请发顺丰",
        "mask_post_receiver": "张**",
        "mask_post_tel": "138****5678",
        "mask_post_addr": "浙江省杭州市西湖区****",
        "logistics_info": [],
        "sku_order_list": [
            {
                "order_id": order_id + "1",
                "parent_order_id": order_id,
                "product_id": "3600000001",
                "product_name": "纯棉短袖T恤",
                "sku_id": "1700000001",
                "spec": [{"name": "颜色", "value": "黑色"}, {"name": "尺码", "value": "L"}],
                "item_num": 2,
                "origin_amount": 12900,
                "pay_amount": 11900,
                "order_status": 2,
                "after_sale_info": {"after_sale_status": 0, "after_sale_type": 0, "refund_status": 0},
            },
        ],
    }
    record.update(over)
    return record


def platform_after_sale(aftersale_id: str = "7300000000000000001", update_time: int = 1_795_000_000) -> dict:
    return {
        "aftersale_info": {
            "aftersale_id": aftersale_id,
            "aftersale_type": 2,
            "aftersale_status": 6,
            "related_id": "69000000000000000011",
            "apply_time": update_time - 60,
            "update_time": update_time,
            "status_deadline": update_time + 48 * 3600,
            "refund_amount": 11900,
            "refund_post_amount": 0,
            "refund_status": 1,
            "got_pkg": 0,
            "return_logistics_code": "",
            "evidence": ["http://127.0.0.1/e/1.png"],
        },
        "order_info": {
            "shop_order_id": "6900000000000000001",
            "related_order_info": [
                {
                    "sku_order_id": "69000000000000000011",
                    "product_name": "纯棉短袖T恤",
                    "item_num": 2,
                    "pay_amount": 11900,
                }
            ],
        },
        "text_part": {
            "aftersale_status_text": "待商家处理",
            "aftersale_type_text": "未发货仅退款",
            "reason_text": "不想要了",
        },
    }


def test_an_empty_database_migrated_to_head_matches_the_models(database_url: str) -> None:
    engine, _ = open_database(database_url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_migrating_twice_is_harmless(database_url: str) -> None:
    open_database(database_url)
    engine, _ = open_database(database_url)
    with engine.connect() as connection:
        assert (
            MigrationContext.configure(connection).get_current_revision()
            == ScriptDirectory(str(MIGRATIONS_DIR)).get_current_head()
        )


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_url: str) -> None:
    engine, _ = open_database(sqlite_url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_newer_version_replaces_the_stored_row_and_an_older_one_never_does(database_url: str) -> None:
    _, sessions = open_database(database_url)
    with sessions.begin() as session:
        store_orders(session, parse_orders([platform_order(update_time=2_000, order_status=2)], synced_at=1))
    with sessions.begin() as session:
        store_orders(session, parse_orders([platform_order(update_time=3_000, order_status=3)], synced_at=2))
    with sessions.begin() as session:  # an overlap window re-reads the old version
        store_orders(session, parse_orders([platform_order(update_time=2_000, order_status=2)], synced_at=3))
    with sessions() as session:
        order = session.scalars(select(Order)).one()
    assert (order.status, order.update_time) == (3, 3_000)


def test_storing_the_same_page_twice_leaves_one_copy_of_everything(database_url: str) -> None:
    _, sessions = open_database(database_url)
    parcel = [
        {"tracking_no": "SF1234567890123", "company": "shunfeng", "company_name": "顺丰速运", "ship_time": 5}
    ]
    page = [platform_order(logistics_info=parcel)]
    for _ in range(2):
        with sessions.begin() as session:
            store_orders(session, parse_orders(page, synced_at=1))
            store_after_sales(session, parse_after_sales([platform_after_sale()], synced_at=1))
    with sessions() as session:
        counts = [
            session.execute(select(table.c[0]).select_from(table)).all()
            for table in (
                Base.metadata.tables[name]
                for name in ("orders", "order_lines", "order_logistics", "after_sales")
            )
        ]
    assert [len(rows) for rows in counts] == [1, 1, 1, 1]


def test_an_order_is_mapped_with_fen_utc_seconds_string_ids_and_a_readable_summary() -> None:
    page = parse_orders([platform_order()], synced_at=7)
    order, line = page.orders[0], page.lines[0]
    assert order["order_id"] == "6900000000000000001" and order["pay_amount"] == 11900
    assert order["items_summary"] == "纯棉短袖T恤 ×2"
    assert line["spec"] == "颜色:黑色; 尺码:L" and line["order_id"] == order["order_id"]
    assert page.max_update_time == 1_795_000_000


@pytest.mark.parametrize(
    ("record", "named"),
    [
        ({"order_status": 2}, "order #2: 'order_id' is missing"),
        ({**platform_order(), "update_time": "yesterday"}, "'update_time' is not a number"),
        (platform_order(sku_order_list="none"), "sku_order_list is not a list"),
        (platform_order(order_status=None), "'order_status' is missing"),
    ],
)
def test_a_record_that_cannot_be_read_stops_the_page_and_says_which(record: dict, named: str) -> None:
    with pytest.raises(MalformedAnswer, match=named):
        parse_orders([platform_order("6900000000000000009"), record], synced_at=1)


def test_an_after_sale_without_its_info_is_refused() -> None:
    with pytest.raises(MalformedAnswer, match="aftersale_info"):
        parse_after_sales([{"order_info": {}}], synced_at=1)
