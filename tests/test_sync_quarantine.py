"""A record the mirror cannot hold is set aside, never a stopped sync.

The sandbox store plants one raw record in a list answer (fault `plant_record`), over
real HTTP, into real SQLite and PostgreSQL mirrors. A record with a number beyond what
the database holds, a character it cannot store in an id, or an id longer than its
column is kept raw in `quarantined_records` and listed in "needs attention"; the rest
of the page is stored and the cursor moves on. Free text is cleaned instead (the order
still ships). A record dated in the platform's future never moves the cursor there.
A later good version of a set-aside record takes it off the list.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from sqlalchemy import select

from app.db import open_database
from app.models import AfterSale, Order, OrderLine, SyncCursor
from app.platforms.douyin.client import Outcome
from app.platforms.douyin.parse import parse_order
from app.services.attention import needs_attention
from app.sync import page_store, quarantine
from app.sync.pull import AFTER_SALES, ORDERS
from tests.sandbox_control import (
    DAY,
    assert_mirror_matches_platform,
    control,
    demo_client,
    inject,
    make_engine,
    mirrored_orders,
    platform_orders,
    sandbox_now,
    set_aside,
)

PLANTED_ID = "6999000000000000001"  # an order the platform does not otherwise have
YEAR_2100 = 4_102_444_800


def platform_record(url: str, method: str, key: str) -> dict[str, Any]:
    """One record as the platform sends it, to copy and spoil."""
    client = demo_client(url)
    now = sandbox_now(url)
    params = (
        {"update_time_start": now - 30 * DAY, "page": 0, "size": 100}
        if method == "order.searchList"
        else {"start_time": now - 90 * DAY, "end_time": now + DAY, "page": 0, "size": 100}
    )
    result = client.call(method, params)
    client.close()
    assert result.ok, result.describe()
    return next(r for r in result.data[key] if method != "order.searchList" or r["sku_order_list"])


def planted_order(url: str, **changes: Any) -> dict[str, Any]:
    """A copy of a real order under PLANTED_ID, with `changes` (the sandbox puts it in
    the answer where its update_time belongs)."""
    order = copy.deepcopy(platform_record(url, "order.searchList", "shop_order_list"))
    order.update({"order_id": PLANTED_ID, **changes})
    for line_number, line in enumerate(order["sku_order_list"]):
        line["order_id"] = f"6999000000000001{line_number:03d}"
    return order


def plant(url: str, record: dict[str, Any], method: str = "order.searchList") -> None:
    inject(url, "plant_record", method=method, record=record)


def first_line(order: dict[str, Any], **changes: Any) -> dict[str, Any]:
    order["sku_order_list"][0].update(changes)
    return order


SPOILT_ORDERS = {
    "a number beyond 64 bits": (lambda o: {**o, "pay_amount": 2**64}, quarantine.REASON_NUMBER_TOO_BIG),
    "a count beyond what the column holds": (
        lambda o: first_line(o, item_num=2**40),
        quarantine.REASON_NUMBER_TOO_BIG,
    ),
    "a lone surrogate in an id": (
        lambda o: first_line(o, sku_id="1760\ud800"),
        quarantine.REASON_BAD_CHARACTERS,
    ),
    "a NUL character in an id": (
        lambda o: {**o, "doudian_open_id": "buyer\x00one"},
        quarantine.REASON_BAD_CHARACTERS,
    ),
    "an id longer than its column": (
        lambda o: first_line(o, product_id="9" * 200),
        quarantine.REASON_TOO_LONG,
    ),
}


@pytest.mark.parametrize("spoilt", list(SPOILT_ORDERS))
def test_a_record_the_database_cannot_hold_is_set_aside_raw_and_the_rest_of_the_page_is_stored(
    sandbox_url: str, database_url: str, spoilt: str
) -> None:
    spoil, reason = SPOILT_ORDERS[spoilt]
    record = spoil(planted_order(sandbox_url))
    plant(sandbox_url, record)
    engine = make_engine(sandbox_url, database_url)
    report = engine.run_once()
    assert report.outcome is Outcome.DONE, report
    assert_mirror_matches_platform(engine, sandbox_url)  # every real order, and not the spoilt one
    (kept,) = set_aside(engine)
    assert (kept.stream, kept.record_id, kept.reason) == ("orders", PLANTED_ID, reason)
    assert json.loads(kept.raw) == record  # exactly as received
    assert kept.update_time == record["update_time"] and kept.resolved_at is None
    with engine._sessions() as session:
        assert session.get(SyncCursor, ORDERS.name).high_water >= record["update_time"]  # moved on
    control(sandbox_url, "tick", {"new_orders": 3})
    assert engine.run_once().outcome is Outcome.DONE  # the overlap meets it again: still one row
    assert_mirror_matches_platform(engine, sandbox_url)
    assert len(set_aside(engine)) == 1


def test_free_text_the_database_cannot_hold_is_cleaned_and_the_order_stored(
    sandbox_url: str, database_url: str
) -> None:
    record = planted_order(sandbox_url, buyer_words="请\x00发顺丰\ud83d", mask_post_receiver="张" * 100)
    plant(sandbox_url, record)
    engine = make_engine(sandbox_url, database_url)
    assert engine.run_once().outcome is Outcome.DONE
    with engine._sessions() as session:
        order = session.get(Order, PLANTED_ID)
    assert order is not None and order.buyer_words == "请发顺丰\ufffd"
    assert order.receiver_name == "张" * 64  # as much as the column holds
    assert set_aside(engine) == []


def test_an_after_sale_the_database_cannot_hold_is_set_aside_and_the_rest_stored(
    sandbox_url: str, database_url: str
) -> None:
    item = copy.deepcopy(platform_record(sandbox_url, "afterSale.List", "items"))
    item["aftersale_info"].update(aftersale_id="7999000000000000001", refund_amount=2**63)
    plant(sandbox_url, item, method="afterSale.List")
    engine = make_engine(sandbox_url, database_url)
    assert engine.run_once().outcome is Outcome.DONE
    assert_mirror_matches_platform(engine, sandbox_url)
    (kept,) = set_aside(engine)
    assert (kept.stream, kept.record_id, kept.reason) == (
        "after_sales",
        "7999000000000000001",
        quarantine.REASON_NUMBER_TOO_BIG,
    )
    assert "refund_amount" in kept.detail
    with engine._sessions() as session:
        assert session.get(AfterSale, "7999000000000000001") is None
        assert session.get(SyncCursor, AFTER_SALES.name).last_error == ""


def test_needs_attention_lists_a_set_aside_record_until_a_good_version_arrives(
    sandbox_url: str, database_url: str
) -> None:
    bad = planted_order(sandbox_url, pay_amount=2**64)
    plant(sandbox_url, bad)
    engine = make_engine(sandbox_url, database_url)
    engine.run_once()
    with engine._sessions() as session:
        (listed,) = needs_attention.set_aside_records(session)
    assert (listed.stream, listed.record_id) == ("orders", PLANTED_ID)
    assert listed.reason == quarantine.REASON_NUMBER_TOO_BIG
    assert "pay_amount" in listed.detail
    good = {**bad, "pay_amount": 11900, "update_time": bad["update_time"] + 30}
    plant(sandbox_url, good)  # the platform fixed it
    assert engine.run_once().outcome is Outcome.DONE
    with engine._sessions() as session:
        assert session.get(Order, PLANTED_ID).pay_amount == 11900
        assert needs_attention.set_aside_records(session) == []
    (kept,) = set_aside(engine)
    assert kept.resolved_at is not None  # still kept, raw, for the record


def test_what_the_database_still_refuses_is_isolated_record_by_record(
    sandbox_url: str, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without the checks before the insert, the database itself refuses the number:
    # the page is stored again one record at a time, and only that record is set aside.
    monkeypatch.setattr(quarantine, "unstorable", lambda rows: None)
    record = planted_order(sandbox_url, pay_amount=2**64)
    plant(sandbox_url, record)
    engine = make_engine(sandbox_url, database_url)
    assert engine.run_once().outcome is Outcome.DONE
    assert_mirror_matches_platform(engine, sandbox_url)
    (kept,) = set_aside(engine)
    assert (kept.record_id, kept.reason) == (PLANTED_ID, quarantine.REASON_DATABASE_REFUSED)
    with engine._sessions() as session:
        assert session.scalars(select(OrderLine).where(OrderLine.order_id == PLANTED_ID)).first() is None


def test_a_record_dated_in_the_platforms_future_never_moves_the_cursor_and_later_changes_arrive(
    sandbox_url: str, database_url: str
) -> None:
    future = planted_order(sandbox_url, update_time=YEAR_2100)
    plant(sandbox_url, future)
    engine = make_engine(sandbox_url, database_url)
    assert engine.run_once().outcome is Outcome.DONE
    with engine._sessions() as session:
        assert session.get(SyncCursor, ORDERS.name).high_water <= sandbox_now(sandbox_url)
        assert session.get(Order, PLANTED_ID) is None  # stored, it would hide every later version
        (listed,) = needs_attention.set_aside_records(session)
    assert (listed.record_id, listed.reason, listed.update_time) == (
        PLANTED_ID,
        quarantine.REASON_FUTURE,
        YEAR_2100,
    )
    control(sandbox_url, "tick", {"new_orders": 5})  # the shop goes on selling
    assert engine.run_once().outcome is Outcome.DONE
    assert_mirror_matches_platform(engine, sandbox_url)


def test_the_platforms_own_clock_in_its_answer_bounds_the_cursor_when_it_runs_ahead_of_ours(
    sandbox_url: str, sqlite_url: str
) -> None:
    # Two days pass on the platform (its answers' Date says so) while this engine's clock
    # stays put: what changed meanwhile is not "in the future", and all of it arrives.
    engine = make_engine(sandbox_url, sqlite_url)
    assert engine.run_once().outcome is Outcome.DONE
    control(sandbox_url, "clock", {"advance_s": 2 * DAY})
    control(sandbox_url, "tick", {"new_orders": 5})
    assert engine.run_once().outcome is Outcome.DONE
    assert set_aside(engine) == []
    truth = platform_orders(sandbox_url)
    assert {order_id: mirrored_orders(engine._sessions).get(order_id) for order_id in truth} == truth


def test_storing_a_page_is_part_of_the_callers_transaction_and_undone_with_it(database_url: str) -> None:
    # The engine stores a page and moves its cursor in one transaction; the SAVEPOINT
    # that isolates a refused record must not commit the page on its own (SQLite).
    _, sessions = open_database(database_url)
    order = {"order_id": PLANTED_ID, "order_status": 2, "create_time": 1_796_000_000}
    order["update_time"] = 1_796_000_100

    class CursorNotWritten(Exception):
        pass

    with pytest.raises(CursorNotWritten), sessions.begin() as session:
        session.execute(select(SyncCursor))  # a read first, as the engine's page does
        page = page_store.store_order_records(session, [order], 1_796_000_200, 1_796_000_700, parse_order)
        assert page.newest == 1_796_000_100 and page.set_aside == 0
        raise CursorNotWritten
    with sessions() as session:
        assert session.get(Order, PLANTED_ID) is None
