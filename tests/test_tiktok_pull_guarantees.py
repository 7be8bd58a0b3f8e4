"""The pull's guarantees for a TikTok shop, as for a Douyin shop (tests/test_sync_pull.py,
tests/test_sync_malformed_records.py): paged by `page_token` while the shop's records
change between pages, or while a fault of any kind hits a page, no record is skipped and
none is kept at an older version; a record that cannot be read is set aside for a person
without stopping its page or the pages after it.

The app's real sync engine through TikTokPlatform, the TikTok sandbox over real HTTP, a real
SQLite mirror; the sandbox's own tables are the truth.
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db import open_database
from app.models import AfterSale, Order, QuarantinedRecord, SyncCursor
from app.platforms.port import Outcome
from app.platforms.tiktok import authorise
from app.platforms.tiktok.adapter import TikTokPlatform
from app.platforms.tiktok.client import TikTokClient
from app.platforms.tiktok.credentials import TikTokCredentials
from app.sandbox.server import SandboxServer
from app.services.attention import needs_attention
from app.sync import quarantine
from app.sync.engine import SyncEngine
from app.sync.pull import ORDERS

ORDERS_SEARCH = "/order/202309/orders/search"
RETURNS_SEARCH = "/return_refund/202309/returns/search"
DAY = 86_400
PLANTED_ID = "576999900000000001"  # an order the platform never had
SMALL_PAGE = 20  # the shop's 300 orders then fill many pages


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    path = tmp_path_factory.mktemp("tiktok-pull") / "sandbox.sqlite"
    server = SandboxServer(path, port=0, seed=9, live=False, history_orders=300, dialect="tiktok")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def credentials(sandbox: SandboxServer) -> TikTokCredentials:
    return authorise(sandbox.url, sandbox.app_key, sandbox.app_secret, sandbox.auth_code)[0]


@pytest.fixture(scope="module")
def empty_mirror(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A mirror migrated once; each test pulls into a copy of it from scratch."""
    path = tmp_path_factory.mktemp("tiktok-pull-mirror") / "empty.sqlite"
    open_database(f"sqlite:///{path}")[0].dispose()
    return path


@pytest.fixture(autouse=True)
def no_faults_left(sandbox: SandboxServer) -> Iterator[None]:
    yield
    sandbox.faults.clear()


@pytest.fixture
def make_engine(
    credentials: TikTokCredentials, empty_mirror: Path, tmp_path: Path
) -> Iterator[Callable[..., Any]]:
    """Engines over one fresh mirror of this test (`page_size`, `on_page`, … as given)."""
    mirror = tmp_path / "mirror.sqlite"
    shutil.copyfile(empty_mirror, mirror)
    _, sessions = open_database(f"sqlite:///{mirror}")
    platforms: list[TikTokPlatform] = []

    def make(**options: Any) -> SyncEngine:
        platforms.append(TikTokPlatform(TikTokClient(credentials)))
        return SyncEngine(platforms[-1], sessions, **options)

    yield make
    for platform in platforms:
        platform.close()


def platform_truth(sandbox: SandboxServer) -> tuple[dict[str, int], dict[str, int]]:
    """Every order and request the sync reads (updated in the last 89 days: the window's
    edge moving on while a test runs makes no difference), id -> update_time."""
    since = sandbox.clock.now() - 89 * DAY
    db = sandbox.store.db
    orders = dict(db.execute("SELECT id, update_time FROM orders WHERE update_time >= ?", (since,)))
    requests = dict(db.execute("SELECT id, update_time FROM returns WHERE update_time >= ?", (since,)))
    requests.update(db.execute("SELECT id, update_time FROM cancellations WHERE update_time >= ?", (since,)))
    return orders, requests


def assert_mirror_matches_platform(sessions: sessionmaker[Session], sandbox: SandboxServer) -> None:
    """Every record the platform has is mirrored once, at its newest version; the mirror
    has no record the platform never had."""
    truth_orders, truth_requests = platform_truth(sandbox)
    with sessions() as session:
        orders = dict(session.execute(select(Order.order_id, Order.update_time)).all())
        requests = dict(session.execute(select(AfterSale.aftersale_id, AfterSale.update_time)).all())
    assert {key: orders.get(key) for key in truth_orders} == truth_orders
    assert {key: requests.get(key) for key in truth_requests} == truth_requests
    db = sandbox.store.db
    assert set(orders) <= {row[0] for row in db.execute("SELECT id FROM orders")}
    assert set(requests) <= {
        row[0] for row in db.execute("SELECT id FROM returns UNION SELECT id FROM cancellations")
    }


def test_records_that_change_between_pages_are_neither_skipped_nor_kept_old(
    sandbox: SandboxServer, make_engine: Callable[..., Any]
) -> None:
    pages: list[str] = []

    def the_shop_moves_on(kind: str, count: int) -> None:
        """Between pages: an hour passes (orders ship, arrive, requests fall due) and buyers
        place orders and ask for refunds — records move in the very order being paged."""
        pages.append(kind)
        if len(pages) <= 6:
            sandbox.move_clock(advance_s=3600)
            sandbox.platform.tick(new_orders=3, new_after_sales=1)

    engine = make_engine(page_size=SMALL_PAGE, on_page=the_shop_moves_on)
    assert engine.run_once().outcome is Outcome.DONE
    assert len(pages) > 6  # the shop did move on between pages
    # What changed after this run's pages were read comes with the next run.
    assert engine.run_once().outcome is Outcome.DONE
    assert_mirror_matches_platform(engine._sessions, sandbox)


# Every fault kind a page of a search can meet (app/sandbox/faults.py), as TikTok's gateway
# words it.
PULL_FAULTS = [
    "http_5xx",
    "service_error",
    "rate_limit",
    "token_expired",
    "latency",
    "truncated",
    "malformed",
    "drop_response",
    "deep_nesting",
]


@pytest.mark.parametrize("fault", PULL_FAULTS)
def test_a_fault_in_the_middle_of_a_pull_leaves_no_gap_and_no_duplicate(
    sandbox: SandboxServer, make_engine: Callable[..., Any], fault: str
) -> None:
    pages: list[str] = []

    def after_page(kind: str, count: int) -> None:
        pages.append(kind)
        if len(pages) == 3:  # the fourth page request meets the fault
            sandbox.faults.add(fault, method=ORDERS_SEARCH, ms=100)

    engine = make_engine(page_size=SMALL_PAGE, on_page=after_page)
    interrupted = engine.run_once()
    assert sandbox.faults.pending() == []  # the fault met a page
    assert interrupted.outcome in (Outcome.DONE, Outcome.RETRY), interrupted
    if fault in ("token_expired", "latency"):  # renewed and sent again; slow, not wrong
        assert interrupted.outcome is Outcome.DONE, interrupted
    if interrupted.outcome is Outcome.RETRY:
        assert interrupted.problem  # said in plain words, kept for the status screen
        with engine._sessions() as session:
            cursor = session.get(SyncCursor, ORDERS.name)
            assert cursor is not None and cursor.last_error
        resumed = engine.run_once()
        assert resumed.outcome is Outcome.DONE, resumed
    else:
        assert interrupted.set_aside == {}, interrupted  # a page spoilt once is read again whole
    assert_mirror_matches_platform(engine._sessions, sandbox)


def an_order_on_the_platform(sandbox: SandboxServer) -> dict[str, Any]:
    """A recent order as the platform sends it, under an id the platform never had."""
    (data,) = sandbox.store.db.execute(
        "SELECT data FROM orders ORDER BY update_time DESC LIMIT 1 OFFSET 30"
    ).fetchone()
    return {**copy.deepcopy(json.loads(data)), "id": PLANTED_ID}


def without(record: dict[str, Any], key: str) -> dict[str, Any]:
    return {name: value for name, value in record.items() if name != key}


# How the platform spoils an order -> the id the set-aside row keeps.
MALFORMED_ORDERS: dict[str, tuple[Callable[[dict[str, Any]], Any], str]] = {
    "an order without its update time": (lambda o: without(o, "update_time"), PLANTED_ID),
    "an order whose update time is text": (lambda o: {**o, "update_time": "yesterday"}, PLANTED_ID),
    "an order whose id is an object": (lambda o: {**o, "id": {"id": PLANTED_ID}}, ""),
    "an order line that is not a record": (lambda o: {**o, "line_items": ["a line"]}, PLANTED_ID),
    "a list of orders holding a number": (lambda o: 42, ""),
}


@pytest.mark.parametrize("malformed", list(MALFORMED_ORDERS))
def test_an_order_that_cannot_be_read_is_set_aside_and_its_page_and_the_rest_arrive(
    sandbox: SandboxServer, make_engine: Callable[..., Any], malformed: str
) -> None:
    spoil, record_id = MALFORMED_ORDERS[malformed]
    record = spoil(an_order_on_the_platform(sandbox))
    # Sent in the next two answers it belongs in: a page with a record of the wrong shape is
    # read once more before the record is set aside.
    sandbox.faults.add("plant_record", count=2, method=ORDERS_SEARCH, record=record)
    engine = make_engine(page_size=SMALL_PAGE)
    report = engine.run_once()
    assert report.outcome is Outcome.DONE, report
    assert report.set_aside == {"orders": 1}, report  # the run says what it set aside
    # Every real order arrived, from the bad record's page and the pages after it.
    assert_mirror_matches_platform(engine._sessions, sandbox)
    with engine._sessions() as session:
        (kept,) = session.scalars(select(QuarantinedRecord)).all()
        assert (kept.stream, kept.record_id) == ("orders", record_id)
        assert json.loads(kept.raw) == record  # exactly as received
        assert kept.reason in quarantine.__dict__.values()  # in the app's plain words
        assert session.get(Order, PLANTED_ID) is None
        (listed,) = needs_attention.set_aside_records(session)  # a person hears of it
    assert listed.reason == kept.reason
    sandbox.platform.tick(new_orders=3)  # the stream goes on
    assert engine.run_once().outcome is Outcome.DONE
    assert_mirror_matches_platform(engine._sessions, sandbox)


def test_a_return_that_cannot_be_read_is_set_aside_and_the_rest_stored(
    sandbox: SandboxServer, make_engine: Callable[..., Any]
) -> None:
    (data,) = sandbox.store.db.execute(
        "SELECT data FROM returns ORDER BY update_time DESC LIMIT 1"
    ).fetchone()
    record = without({**json.loads(data), "return_id": "4017999900000000002"}, "update_time")
    sandbox.faults.add("plant_record", count=2, method=RETURNS_SEARCH, record=record)
    engine = make_engine(page_size=SMALL_PAGE)
    report = engine.run_once()
    assert report.outcome is Outcome.DONE, report
    assert report.set_aside == {"after_sales": 1}, report
    assert_mirror_matches_platform(engine._sessions, sandbox)  # returns and cancellations
    with engine._sessions() as session:
        (kept,) = session.scalars(select(QuarantinedRecord)).all()
        assert (kept.stream, kept.record_id) == ("after_sales", "4017999900000000002")
        assert session.get(AfterSale, "4017999900000000002") is None


def test_records_of_one_second_paged_by_page_token_while_they_change_are_neither_skipped_nor_kept_old(
    sandbox: SandboxServer, make_engine: Callable[..., Any]
) -> None:
    pages: list[str] = []
    cursors: list[str | None] = []
    armed = [False]  # only in the run that pages the second

    def buyers_pay_between_pages(kind: str, count: int) -> None:
        """Once the second is being paged: buyers pay (or the platform cancels) its orders,
        which leave the second for a later one — some read already, some not yet."""
        if armed[0] and kind == "orders" and cursors and cursors[-1] is not None:
            pages.append(kind)  # a page of the second read by page_token: the next one follows
            sandbox.move_clock(advance_s=1800)

    engine = make_engine(page_size=10, on_page=buyers_pay_between_pages)
    assert engine.run_once().outcome is Outcome.DONE
    sandbox.platform.tick(new_orders=45)  # stamped with one second: more than four pages of it
    (second,) = sandbox.store.db.execute("SELECT max(update_time) FROM orders").fetchone()
    paged_by = engine.platform.changed_orders

    def paging(window: Any, page: str | None, page_size: int) -> Any:
        cursors.append(page)
        return paged_by(window, page, page_size)

    engine.platform.changed_orders = paging  # type: ignore[method-assign]  # a spy: what the pull asked
    armed[0] = True
    assert engine.run_once().outcome is Outcome.DONE
    armed[0] = False
    assert pages  # the second was paged by page_token, its orders changing between its pages
    same_second = "SELECT count(*) FROM orders WHERE update_time = ?"
    (left,) = sandbox.store.db.execute(same_second, (second,)).fetchone()
    assert left < 45  # orders of the second did change while it was paged
    # What changed after this run's pages were read comes with the next run.
    assert engine.run_once().outcome is Outcome.DONE
    assert_mirror_matches_platform(engine._sessions, sandbox)
