"""The TikTok sandbox's shop: a believable US shop, the same every time.

The shop's data (orders, returns, cancellations, records) is stored in the public API's
wire shape, so these tests check it against the documented fixtures of tests/contract/tiktok/.
Its life (the platform's own hand, the seller's calls, labels): test_tiktok_sandbox_life.py.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.sandbox.clock import DAY, HOUR
from app.sandbox.tiktok import generator
from app.sandbox.tiktok.store import Store
from tests.tiktok_shop import NOW, new_store, rows

CONTRACT = Path(__file__).parent / "contract" / "tiktok"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    shop = new_store(tmp_path / "tiktok.sqlite")
    yield shop
    shop.close()


def field_names(record: Any, prefix: str = "") -> set[str]:
    """Every field path of a JSON record (`payment.total_amount`, `line_items[].sku_id`)."""
    names: set[str] = set()
    for key, value in record.items():
        names.add(prefix + key)
        if isinstance(value, dict):
            names |= field_names(value, f"{prefix}{key}.")
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    names |= field_names(item, f"{prefix}{key}[].")
    return names


def documented(fixture: str, *path: str) -> set[str]:
    data = json.loads((CONTRACT / fixture).read_text())["data"]
    for key in path:
        data = data[key]
    return set().union(*(field_names(record) for record in data))


# --- the shop's data --------------------------------------------------------------------------
def test_the_same_seed_and_moment_make_the_same_shop() -> None:
    def snapshot(seed: int) -> tuple[list[Any], list[Any], list[Any]]:
        shop, _ = generator.history(seed, NOW, 300)
        return (
            [order.data for order in shop.orders.values()],
            [(ret.data, ret.records) for ret in shop.returns.values()],
            [cancel.data for cancel in shop.cancellations.values()],
        )

    assert snapshot(5) == snapshot(5)
    assert snapshot(5)[0] != snapshot(6)[0]


def test_ninety_days_hold_the_mix_a_desk_meets() -> None:
    shop, _ = generator.history(3, NOW, 3000)
    orders = Counter(order.status for order in shop.orders.values())
    assert orders["COMPLETED"] > 0.6 * len(shop.orders)
    for status in ("CANCELLED", "AWAITING_SHIPMENT", "AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED"):
        assert orders[status] > 0, status
    assert {order.data["shipping_type"] for order in shop.orders.values()} == {"TIKTOK", "SELLER"}
    returns = Counter((ret.type, ret.status) for ret in shop.returns.values())
    assert {kind for kind, _ in returns} == {"REFUND", "RETURN_AND_REFUND", "REPLACEMENT"}
    statuses = {status for _, status in returns}
    assert {"RETURN_OR_REFUND_REQUEST_COMPLETE", "REFUND_OR_RETURN_REQUEST_REJECT"} <= statuses
    assert {"REPLACEMENT_REQUEST_COMPLETE", "RETURN_OR_REFUND_REQUEST_PENDING"} <= statuses
    cancels = Counter(cancel.status for cancel in shop.cancellations.values())
    assert cancels["CANCELLATION_REQUEST_COMPLETE"] and cancels["CANCELLATION_REQUEST_CANCEL"]
    roles = Counter(record["role"] for ret in shop.returns.values() for record in ret.records)
    assert roles["BUYER"] and roles["SELLER"] and roles["SYSTEM"]
    # Some sellers answered too late: the platform approved for them, as it does at 48 h.
    assert any(r["event"] == "SYSTEM_AUTO_APPROVED" for ret in shop.returns.values() for r in ret.records)


def test_a_default_shop_sells_about_105_orders_a_day_most_on_black_friday() -> None:
    times = generator.order_times(random.Random(1), NOW - 90 * DAY, NOW, None)
    assert len(times) == 105 * 90
    by_day = Counter(generator.local(at).date().isoformat() for at in times)
    ordinary = sorted(by_day.values())[len(by_day) // 2]
    assert by_day["2026-11-27"] > 2.2 * ordinary  # Black Friday, the day after Thanksgiving
    by_hour = Counter(generator.local(at).hour for at in times)
    assert by_hour[21] > 5 * by_hour[4]  # evenings sell, small hours sleep


def test_a_history_is_lived_up_to_its_moment() -> None:
    shop, _ = generator.history(2, NOW, 300)
    entities: list[Any] = [*shop.orders.values(), *shop.returns.values(), *shop.cancellations.values()]
    assert all((entity.next_at() or NOW + 1) > NOW for entity in entities)  # nothing overdue
    assert max(entity.data["update_time"] for entity in entities) <= NOW
    # While ON_HOLD or UNPAID the seller sees no address (the record: address fields empty).
    assert all(
        ("recipient_address" in order.data) == (order.status not in ("UNPAID", "ON_HOLD"))
        for order in shop.orders.values()
        if not (order.status == "CANCELLED" and "recipient_address" not in order.data)
    )


def test_urgent_work_is_always_on_the_desk(store: Store) -> None:
    ship_soon = [
        o
        for o in rows(store, "orders", "status = 'AWAITING_SHIPMENT'")
        if NOW < o["rts_sla_time"] <= NOW + 4 * HOUR
    ]
    assert len(ship_soon) >= 3
    answer_soon = [
        r
        for r in rows(store, "returns")
        for step in r["seller_next_action_response"]
        if NOW < step["deadline"] <= NOW + HOUR
    ]
    assert len(answer_soon) >= 2
    assert {r["return_type"] for r in answer_soon} >= {"REFUND", "RETURN_AND_REFUND"}
    assert any(c["cancel_status"] == "CANCELLATION_REQUEST_PENDING" for c in rows(store, "cancellations"))
    # Every decision the seller can take has a request waiting for it.
    waiting = {(r["return_type"], r["return_status"]) for r in rows(store, "returns")}
    assert {
        ("REFUND", "RETURN_OR_REFUND_REQUEST_PENDING"),
        ("RETURN_AND_REFUND", "RETURN_OR_REFUND_REQUEST_PENDING"),
        ("RETURN_AND_REFUND", "BUYER_SHIPPED_ITEM"),
        ("REPLACEMENT", "REPLACEMENT_REQUEST_PENDING"),
    } <= waiting


def test_records_carry_only_the_documented_fields(store: Store) -> None:
    # `replaced_order_id` (of a replacement order) is in Partner Center's order response, not in the sample.
    orders = documented("orders.search.answer.json", "orders") | {"replaced_order_id"}
    assert set().union(*map(field_names, rows(store, "orders"))) <= orders
    # `arbitration_status` is in Partner Center's SearchReturns response though not in the sample.
    assert set().union(*map(field_names, rows(store, "returns"))) <= documented(
        "returns.search.answer.json", "return_orders"
    ) | {"arbitration_status"}
    assert set().union(*map(field_names, rows(store, "cancellations"))) <= documented(
        "cancellations.search.answer.json", "cancellations"
    )
    history = [
        record
        for r in rows(store, "returns")
        for record in json.loads(store.records_json(r["return_id"]) or "[]")
    ]
    assert set().union(*map(field_names, history)) <= documented("returns.records.answer.json", "records")


def test_money_is_a_decimal_string_in_its_currency(store: Store) -> None:
    for order in rows(store, "orders"):
        pay = order["payment"]
        assert pay["currency"] == "USD"
        parts = ("sub_total", "shipping_fee", "tax", "retail_delivery_fee")
        assert Decimal(pay["total_amount"]) == sum(Decimal(pay[part]) for part in parts)
        assert all(
            line["currency"] == "USD" and Decimal(line["sale_price"]) > 0 for line in order["line_items"]
        )
    for ret in rows(store, "returns"):
        assert ret["refund_amount"]["currency"] == "USD" and Decimal(ret["refund_amount"]["refund_total"]) > 0


def test_searches_by_update_time_page_without_skipping_or_repeating(store: Store) -> None:
    window: dict[str, Any] = {"update_ge": NOW - 30 * DAY, "update_lt": NOW + 1}
    total, first = store.search_orders(**window, sort_field="update_time", sort_order="ASC", limit=7)
    seen = [json.loads(row) for row in first]
    while len(seen) < total:
        last = seen[-1]
        _, page = store.search_orders(
            **window,
            sort_field="update_time",
            sort_order="ASC",
            limit=7,
            after=(last["update_time"], last["id"]),
        )
        assert page
        seen += [json.loads(row) for row in page]
    expected = store.ids(
        "SELECT id FROM orders WHERE update_time >= ? AND update_time < ? ORDER BY id",
        (NOW - 30 * DAY, NOW + 1),
    )
    assert sorted(order["id"] for order in seen) == expected
    count, pending = store.search_returns(
        statuses=["RETURN_OR_REFUND_REQUEST_PENDING"], types=["REFUND"], limit=50
    )
    assert count == len(pending) >= 1
    assert all(json.loads(row)["return_type"] == "REFUND" for row in pending)


def test_searches_take_every_documented_filter(store: Store) -> None:
    total, tiktok = store.search_orders(shipping_type="TIKTOK", limit=500)
    assert total == len(tiktok) > 0 and {json.loads(o)["shipping_type"] for o in tiktok} == {"TIKTOK"}
    _, asking = store.search_orders(is_buyer_request_cancel=True, limit=500)
    assert asking and all(json.loads(o)["is_buyer_request_cancel"] for o in asking)
    assert store.search_orders(warehouse_ids=["no-such-warehouse"])[0] == 0
    ret = rows(store, "returns")[0]
    buyer = rows(store, "orders", "id = ?", (ret["order_id"],))[0]["user_id"]
    assert store.search_orders(buyer_user_id=buyer)[0] >= 1
    _, theirs = store.search_returns(buyer_user_ids=[buyer], limit=50)
    assert ret["return_id"] in {json.loads(r)["return_id"] for r in theirs}
    assert store.search_cancellations(buyer_user_ids=[])[0] == 0
