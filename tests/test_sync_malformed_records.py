"""A record of the wrong shape is set aside, never a stopped stream.

The sandbox store plants one raw record in a list answer (fault `plant_record`), over
real HTTP, into real SQLite and PostgreSQL mirrors: an order without its update time,
with an object for its id, with text for its status, or something that is not a record
at all. It is kept raw in `quarantined_records` with the reason in plain words; the
good records of the same page and of the pages after it arrive, the run ends well and
says what it set aside, and the next run goes on. Only an answer whose list itself is
missing stops the run, as before. A full page of records whose times cannot be read
still lets the pull move on.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from app.models import AfterSale, Order, SyncCursor
from app.platforms.douyin.client import Outcome
from app.services.attention import needs_attention
from app.sync import quarantine
from app.sync.pull import AFTER_SALES, ORDERS
from tests.sandbox_control import (
    control,
    inject,
    make_engine,
    mirrored_after_sales,
    mirrored_orders,
    platform_after_sales,
    platform_orders,
    sandbox_now,
    set_aside,
)
from tests.test_sync_quarantine import PLANTED_ID, planted_order, platform_record

SMALL_PAGE = 40  # the demo shop's orders then fill several pages


def keeps_sending(url: str, record: Any, method: str = "order.searchList") -> None:
    """The platform sends `record` in the next two answers it belongs in: a page with a
    record of the wrong shape is read once more before the record is set aside."""
    inject(url, "plant_record", count=2, method=method, record=record)


def without(record: dict[str, Any], key: str) -> dict[str, Any]:
    return {name: value for name, value in record.items() if name != key}


# How the platform spoils an order -> (the reason shown, the id the row keeps).
MALFORMED_ORDERS: dict[str, tuple[Callable[[dict[str, Any]], Any], str, str]] = {
    "an order without its update time": (
        lambda o: without(o, "update_time"),
        quarantine.REASON_ORDER_NO_UPDATE_TIME,
        PLANTED_ID,
    ),
    "an order whose update time is text": (
        lambda o: {**o, "update_time": "yesterday"},
        quarantine.REASON_ORDER_BAD_UPDATE_TIME,
        PLANTED_ID,
    ),
    "an order whose id is an object": (
        lambda o: {**o, "order_id": {"id": PLANTED_ID}},
        quarantine.REASON_ORDER_NO_ID,
        "",
    ),
    "an order whose status is text": (
        lambda o: {**o, "order_status": "paid"},
        quarantine.REASON_ORDER_UNREADABLE,
        PLANTED_ID,
    ),
    "an order line that is not a record": (
        lambda o: {**o, "sku_order_list": ["a line"]},
        quarantine.REASON_ORDER_UNREADABLE,
        PLANTED_ID,
    ),
    "a list of orders holding a number": (lambda o: 42, quarantine.REASON_NOT_AN_ORDER, ""),
    "a list of orders holding a list": (lambda o: [o], quarantine.REASON_NOT_AN_ORDER, ""),
}


@pytest.mark.parametrize("malformed", list(MALFORMED_ORDERS))
def test_a_malformed_order_is_set_aside_in_plain_words_and_the_rest_of_the_stream_arrives(
    sandbox_url: str, database_url: str, malformed: str
) -> None:
    spoil, reason, record_id = MALFORMED_ORDERS[malformed]
    record = spoil(planted_order(sandbox_url))
    keeps_sending(sandbox_url, record)
    engine = make_engine(sandbox_url, database_url, page_size=SMALL_PAGE)
    report = engine.run_once()
    assert report.outcome is Outcome.DONE, report
    assert report.set_aside == {"orders": 1}  # the run says what it set aside
    assert "quarantine" in report.kinds_changed  # needs attention hears of it
    # Every real order arrived, from the bad record's page and the pages after it.
    assert mirrored_orders(engine._sessions) == platform_orders(sandbox_url)
    assert mirrored_after_sales(engine._sessions) == platform_after_sales(sandbox_url)
    (kept,) = set_aside(engine)
    assert (kept.stream, kept.record_id, kept.reason) == ("orders", record_id, reason)
    assert json.loads(kept.raw) == record  # exactly as received
    with engine._sessions() as session:
        assert session.get(SyncCursor, ORDERS.name).last_error == ""
        (listed,) = needs_attention.set_aside_records(session)
    assert listed.reason == reason and listed.detail
    control(sandbox_url, "tick", {"new_orders": 3})  # the stream goes on
    again = engine.run_once()
    assert again.outcome is Outcome.DONE
    assert mirrored_orders(engine._sessions) == platform_orders(sandbox_url)
    assert len(set_aside(engine)) == 1


def test_a_malformed_after_sale_is_set_aside_and_the_rest_stored(sandbox_url: str, database_url: str) -> None:
    item = copy.deepcopy(platform_record(sandbox_url, "afterSale.List", "items"))
    item["aftersale_info"] = {
        **without(item["aftersale_info"], "update_time"),
        "aftersale_id": "7999000000000000002",
    }
    keeps_sending(sandbox_url, item, method="afterSale.List")
    engine = make_engine(sandbox_url, database_url)
    report = engine.run_once()
    assert report.outcome is Outcome.DONE, report
    assert report.set_aside == {"after_sales": 1}
    assert mirrored_after_sales(engine._sessions) == platform_after_sales(sandbox_url)
    (kept,) = set_aside(engine)
    assert (kept.stream, kept.record_id, kept.reason) == (
        "after_sales",
        "7999000000000000002",
        quarantine.REASON_AFTER_SALE_NO_UPDATE_TIME,
    )
    assert kept.update_time is None
    with engine._sessions() as session:
        assert session.get(AfterSale, "7999000000000000002") is None
        assert session.get(SyncCursor, AFTER_SALES.name).last_error == ""


def test_a_corrected_version_of_a_malformed_order_takes_it_off_the_list(
    sandbox_url: str, sqlite_url: str
) -> None:
    good = planted_order(sandbox_url)
    keeps_sending(sandbox_url, {**good, "order_status": "paid"})
    engine = make_engine(sandbox_url, sqlite_url)
    engine.run_once()
    keeps_sending(sandbox_url, {**good, "update_time": good["update_time"] + 30})
    assert engine.run_once().outcome is Outcome.DONE
    with engine._sessions() as session:
        assert session.get(Order, PLANTED_ID) is not None
        assert needs_attention.set_aside_records(session) == []


def test_a_full_page_of_records_whose_time_cannot_be_read_does_not_hold_the_pull_back(
    sandbox_url: str, database_url: str
) -> None:
    # Page size 1 and nothing on the platform after the cursor: the only record of the
    # first page has no readable time, so it says nothing about where the pull stands.
    engine = make_engine(sandbox_url, database_url)
    assert engine.run_once().outcome is Outcome.DONE
    now = sandbox_now(sandbox_url)
    with engine._sessions.begin() as session:
        session.get(SyncCursor, ORDERS.name).high_water = now + 1
    one_by_one = make_engine(sandbox_url, database_url, page_size=1, overlap_s=0)
    keeps_sending(sandbox_url, without(planted_order(sandbox_url), "update_time"))
    report = one_by_one.run_once()
    assert report.outcome is Outcome.DONE, report
    assert report.set_aside == {"orders": 1}
    with engine._sessions() as session:
        assert session.get(SyncCursor, ORDERS.name).high_water == now + 1  # no time was read
    control(sandbox_url, "clock", {"advance_s": 60})
    control(sandbox_url, "tick", {"new_orders": 3})
    assert one_by_one.run_once().outcome is Outcome.DONE
    assert mirrored_orders(engine._sessions) == platform_orders(sandbox_url)
    assert len(set_aside(engine)) == 1


def test_a_record_of_the_wrong_shape_sent_once_is_read_again_and_nothing_is_set_aside(
    sandbox_url: str, sqlite_url: str
) -> None:
    # A spoilt answer that the platform does not repeat: the page read again is whole.
    inject(sandbox_url, "plant_record", method="order.searchList", record=42)
    engine = make_engine(sandbox_url, sqlite_url, page_size=SMALL_PAGE)
    report = engine.run_once()
    assert report.outcome is Outcome.DONE and report.set_aside == {}
    assert set_aside(engine) == []
    assert mirrored_orders(engine._sessions) == platform_orders(sandbox_url)
