"""Pulling the shop into the local mirror over real HTTP from the sandbox store.

Each test runs on SQLite and on PostgreSQL. The platform's truth is read through the
dialect by creation time (tests/sandbox_control.py), a different path from the
engine's update-time pull, and the mirror must equal it: nothing missing, nothing
twice, every record at its newest version.
"""

from __future__ import annotations

import pytest

from app.models import SyncCursor
from app.platforms.douyin.adapter import DouyinPlatform
from app.platforms.douyin.client import PROBLEM_UNREADABLE, Outcome, PlatformClient, ShopCredentials
from app.platforms.douyin.errors import PROBLEM_CLOCK, PROBLEM_SIGNATURE
from app.sync.pull import ORDERS
from tests.sandbox_control import (
    assert_mirror_matches_platform,
    control,
    inject,
    make_engine,
)


def test_a_full_pull_mirrors_every_order_and_after_sale(sandbox_url: str, database_url: str) -> None:
    engine = make_engine(sandbox_url, database_url)
    report = engine.run_once()
    assert report.outcome is Outcome.DONE, report
    assert report.pulled["orders"] >= 300 and report.pulled["after_sales"] > 0
    assert_mirror_matches_platform(engine, sandbox_url)


def test_a_second_run_reads_only_the_overlap_and_what_changed(sandbox_url: str, database_url: str) -> None:
    engine = make_engine(sandbox_url, database_url)
    first = engine.run_once()
    control(sandbox_url, "tick", {"new_orders": 7, "new_after_sales": 2})
    second = engine.run_once()
    assert second.outcome is Outcome.DONE
    assert 7 <= second.pulled["orders"] < first.pulled["orders"] / 2
    assert_mirror_matches_platform(engine, sandbox_url)


def test_after_a_restart_the_pull_resumes_from_the_stored_cursor(sandbox_url: str, database_url: str) -> None:
    make_engine(sandbox_url, database_url).run_once()
    control(sandbox_url, "tick", {"new_orders": 5})
    restarted = make_engine(sandbox_url, database_url)  # new engine, client and connection pool
    with restarted._sessions() as session:
        cursor_before = session.get(SyncCursor, ORDERS.name).high_water
    report = restarted.run_once()
    assert report.outcome is Outcome.DONE
    assert report.pulled["orders"] < 100
    with restarted._sessions() as session:
        assert session.get(SyncCursor, ORDERS.name).high_water >= cursor_before
    assert_mirror_matches_platform(restarted, sandbox_url)


def test_records_changed_on_the_platform_arrive_at_their_newest_version(
    sandbox_url: str, database_url: str
) -> None:
    engine = make_engine(sandbox_url, database_url)
    engine.run_once()
    control(sandbox_url, "clock", {"advance_s": 3 * 86400})  # deadlines pass, parcels arrive
    assert engine.run_once().outcome is Outcome.DONE
    assert_mirror_matches_platform(engine, sandbox_url, keeps_older=True)


def test_many_records_in_one_second_are_paged_through_that_second(
    sandbox_url: str, database_url: str
) -> None:
    engine = make_engine(sandbox_url, database_url, page_size=10)
    engine.run_once()
    control(sandbox_url, "tick", {"new_orders": 35})  # all stamped with the same second
    assert engine.run_once().outcome is Outcome.DONE
    assert_mirror_matches_platform(engine, sandbox_url)


FAULTS = ["http_5xx", "service_error", "rate_limit", "truncated", "malformed", "drop_response"]


@pytest.mark.parametrize("fault", FAULTS)
def test_a_fault_in_the_middle_of_a_pull_leaves_no_gap_and_no_duplicate(
    sandbox_url: str, database_url: str, fault: str
) -> None:
    pages = []

    def after_page(kind: str, count: int) -> None:
        pages.append(kind)
        if len(pages) == 3:  # the fourth page request meets the fault
            inject(sandbox_url, fault, method="order.searchList")

    engine = make_engine(sandbox_url, database_url, page_size=20, on_page=after_page)
    interrupted = engine.run_once()
    if fault == "malformed":
        # Records of the wrong shape (here without their ids) are read again before any is
        # set aside: the page the platform spoilt once arrives whole, and the run goes on.
        assert interrupted.outcome is Outcome.DONE and interrupted.set_aside == {}, interrupted
        assert_mirror_matches_platform(engine, sandbox_url)
        return
    assert interrupted.outcome is Outcome.RETRY
    assert interrupted.problem and 0 < interrupted.pulled["orders"] < 300
    if fault in ("truncated", "malformed"):
        assert interrupted.problem == PROBLEM_UNREADABLE
    with engine._sessions() as session:
        assert session.get(SyncCursor, ORDERS.name).last_error  # kept for the status screen
    resumed = engine.run_once()
    assert resumed.outcome is Outcome.DONE, resumed
    assert_mirror_matches_platform(engine, sandbox_url)


def test_a_malformed_answer_is_reported_with_what_could_not_be_read(
    sandbox_url: str, sqlite_url: str
) -> None:
    # An answer whose list itself is not a list stops the run (a record of the wrong
    # shape is only set aside): the window after every order answers an empty list,
    # which the fault turns into text.
    engine = make_engine(sandbox_url, sqlite_url)
    assert engine.run_once().outcome is Outcome.DONE
    with engine._sessions.begin() as session:
        cursor = session.get(SyncCursor, ORDERS.name)
        cursor.high_water = int(control(sandbox_url, "clock", method="GET")["now"]) + 1
    inject(sandbox_url, "malformed", method="order.searchList")
    report = make_engine(sandbox_url, sqlite_url, overlap_s=0).run_once()
    assert report.outcome is Outcome.RETRY
    assert report.problem == PROBLEM_UNREADABLE and "shop_order_list" in report.detail
    assert report.pulled.get("orders", 0) == 0


def test_an_expired_token_is_renewed_without_the_pull_noticing(sandbox_url: str, database_url: str) -> None:
    engine = make_engine(sandbox_url, database_url)
    engine.platform.client.create_token()
    inject(sandbox_url, "token_expired", method="order.searchList")
    assert engine.run_once().outcome is Outcome.DONE
    assert_mirror_matches_platform(engine, sandbox_url)


def test_clock_skew_asks_a_person_to_fix_the_clock(sandbox_url: str, sqlite_url: str) -> None:
    inject(sandbox_url, "clock_skew", method="order.searchList")
    report = make_engine(sandbox_url, sqlite_url).run_once()
    assert report.outcome is Outcome.CONFIG_ERROR and report.problem == PROBLEM_CLOCK


def test_a_wrong_secret_is_a_configuration_error_in_plain_words(sandbox_url: str, sqlite_url: str) -> None:
    engine = make_engine(sandbox_url, sqlite_url)
    engine.platform = DouyinPlatform(
        PlatformClient(
            ShopCredentials(sandbox_url, engine.platform.client.credentials.app_key, "wrong", "1234567")
        )
    )
    report = engine.run_once()
    assert report.outcome is Outcome.CONFIG_ERROR and report.problem == PROBLEM_SIGNATURE


def test_an_unreachable_platform_is_retried_later(sqlite_url: str) -> None:
    engine = make_engine("http://127.0.0.1:9", sqlite_url)  # the discard port: nothing listens
    report = engine.run_once()
    assert report.outcome is Outcome.RETRY and "reached" in report.problem
