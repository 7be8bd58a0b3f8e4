"""A first sync's requests get their history, and the dashboard's figures then match the platform's.

Issue 15 "History lost on the first sync": a first sync sees each request only as it is
now, so every move before that (the platform agreeing at the deadline, the shop's
review) was lost to the dashboard. The history backfill (app/sync/history_backfill.py)
reads each request's history through the port and writes the changes it holds. These
tests run the real sync engine against the real sandbox over HTTP, compare the
dashboard's own figures (`compute_metrics`) with the sandbox's own history of the
requests (its store's operation records: the truth, read apart from the client), kill a
real sync process midway, and make the platform's Detail fail.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, literal, select
from sqlalchemy.orm import Session, sessionmaker

from app.core import shop_time
from app.db import open_database
from app.models import AfterSale, AfterSaleStatusChange, RequestHistory
from app.models.request_history import HISTORY_FAILED, HISTORY_NONE, HISTORY_READ
from app.platforms.port import Outcome
from app.sandbox.server import SandboxServer
from app.services.metrics import coverage
from app.services.metrics.coverage import history_coverage
from app.services.metrics.service_metrics import compute_metrics, window_for
from app.services.rules import RuleSet, load_rules
from app.sync.engine import SyncEngine
from app.sync.history_backfill import lacking_history
from app.sync.pull import STREAMS
from tests.sandbox_control import demo_platform, inject
from tests.test_sync_killed import wait_until

ROOT = Path(__file__).resolve().parents[1]
SHANGHAI = ZoneInfo("Asia/Shanghai")
AUTO_AGREED = "商家超时未处理，系统自动同意"  # the sandbox's words for the platform agreeing at the deadline
FAST_REFUND = "极速退款"
BUYER = 1  # the sandbox's role of the buyer's entries


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[SandboxServer]:
    """A shop big enough to have timeout approvals in its last 30 days (8 of them)."""
    server = SandboxServer(tmp_path / "sandbox.sqlite", port=0, seed=7, live=False, history_orders=2500)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def platform_truth(shop: SandboxServer, start: int, end: int) -> tuple[int, int]:
    """From the sandbox's own records of every request: the platform's agreements at a
    deadline in [start, end), and the reviews that ended there (the first move after the
    application that is not the buyer's, a fast refund being nobody's review)."""
    timeouts = reviews = 0
    for aftersale_id in shop.store.ids("SELECT aftersale_id FROM after_sales"):
        asale = shop.store.after_sale(aftersale_id)
        assert asale is not None
        entries = [
            (int(datetime.strptime(e["time"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=SHANGHAI).timestamp()), e)
            for e in asale.sim.get("record_logs", [])
        ]
        timeouts += sum(1 for at, e in entries if e["action"] == AUTO_AGREED and start <= at < end)
        review = next(((at, e) for at, e in entries[1:] if e["role"] != BUYER), None)
        if review is not None and review[1]["action"] != FAST_REFUND and start <= review[0] < end:
            reviews += 1
    return timeouts, reviews


def dashboard_figures(
    sessions: sessionmaker[Session], start: int, end: int, now: int, rules: RuleSet
) -> tuple[int, int]:
    """The dashboard's timeout approvals and review-time sample size over [start, end)."""
    with sessions() as session:
        report = compute_metrics(session, start=start, end=end, now=now, rules=rules)
    return int(report.metrics["timeout_approvals"].value or 0), report.metrics["review_time_h"].count


def first_sync_without_history(engine: SyncEngine) -> None:
    """A first sync's pulls alone, as the desk did before the backfill."""
    for stream in STREAMS:
        engine.pull(stream)


def backfill_all(engine: SyncEngine) -> int:
    """Rounds of the backfill until no request waits; returns how many rounds it took."""
    rounds = 0
    while True:
        done = engine.history.run_round()
        rounds += 1
        if not done.read and not done.missing and done.stopped is None:
            return rounds


def settled(sessions: sessionmaker[Session], outcome: str) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).where(RequestHistory.outcome == outcome)) or 0


def test_the_backfill_brings_the_dashboard_to_the_platforms_own_history(
    shop: SandboxServer, tmp_path: Path
) -> None:
    _, sessions = open_database(f"sqlite:///{tmp_path / 'desk.sqlite'}")
    engine = SyncEngine(demo_platform(shop.url), sessions)
    rules = load_rules()
    now = shop.clock.now()
    start, end = window_for(30, now, rules)
    timeouts_truth, reviews_truth = platform_truth(shop, start, end)
    assert timeouts_truth > 0

    first_sync_without_history(engine)
    timeouts_before, reviews_before = dashboard_figures(sessions, start, end, now, rules)
    assert timeouts_before < timeouts_truth and reviews_before < reviews_truth  # the loss
    with sessions() as session:
        assert not history_coverage(session, start, end, rules).complete  # and the dashboard says so

    backfill_all(engine)
    timeouts_after, reviews_after = dashboard_figures(sessions, start, end, now, rules)
    assert timeouts_after == timeouts_truth
    with sessions() as session:
        covered = history_coverage(session, start, end, rules)
    # Every review the platform's records hold is counted, but for requests whose history
    # could not be replayed; those days are the ones the dashboard calls incomplete.
    assert reviews_truth - covered.missing_requests <= reviews_after <= reviews_truth
    assert covered.pending_requests == 0
    with sessions() as session:
        asked = session.scalar(select(func.count()).select_from(RequestHistory)) or 0
    assert settled(sessions, HISTORY_READ) >= 0.98 * asked > 0  # the rest: marked, see above


def test_a_history_read_twice_is_counted_once(shop: SandboxServer, database_url: str) -> None:
    _, sessions = open_database(database_url)  # SQLite and PostgreSQL
    engine = SyncEngine(demo_platform(shop.url), sessions)
    rules, now = load_rules(), shop.clock.now()
    start, end = window_for(30, now, rules)
    first_sync_without_history(engine)
    backfill_all(engine)
    once = dashboard_figures(sessions, start, end, now, rules)
    with sessions.begin() as session:  # forget that the histories are in: all are read again
        session.execute(RequestHistory.__table__.delete())
    backfill_all(engine)
    assert dashboard_figures(sessions, start, end, now, rules) == once
    assert duplicated_changes(sessions) == 0


def duplicated_changes(sessions: sessionmaker[Session]) -> int:
    """Changes of a request written more than once (the same move at the same second)."""
    change = AfterSaleStatusChange
    with sessions() as session:
        copies = (
            select(func.count().label("n"))
            .select_from(change)
            .group_by(change.aftersale_id, change.from_state, change.to_state, change.at)
            .having(func.count() > 1)
            .subquery()
        )
        return session.scalar(select(func.count()).select_from(copies)) or 0


BACKFILL_PROCESS = """
import sys
from app.core import shop_time
from app.db import open_database
from app.sync.engine import SyncEngine
from tests.sandbox_control import demo_platform
_, sessions = open_database(sys.argv[1])
engine = SyncEngine(demo_platform(sys.argv[2]), sessions)
while True:
    engine.history.run_round(limit=5)
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_sync_process_killed_mid_backfill_resumes_without_counting_twice(
    shop: SandboxServer, tmp_path: Path
) -> None:
    database_url = f"sqlite:///{tmp_path / 'desk.sqlite'}"
    _, sessions = open_database(database_url)
    engine = SyncEngine(demo_platform(shop.url), sessions)
    rules, now = load_rules(), shop.clock.now()
    start, end = window_for(30, now, rules)
    timeouts_truth, _ = platform_truth(shop, start, end)
    first_sync_without_history(engine)
    with sessions() as session:
        waiting = len(lacking_history(session))
    inject(
        shop.url, "latency", count=100_000, method="afterSale.Detail", ms=40
    )  # a slow Detail: time to kill

    child = subprocess.Popen(
        [sys.executable, "-c", BACKFILL_PROCESS, database_url, shop.url],
        cwd=ROOT,
        env={**os.environ, "AFTERSALES_DESK_HOME": str(tmp_path / "home")},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until(lambda: settled(sessions, HISTORY_READ) >= waiting // 3, 120, "a third of the histories")
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    killed_at = settled(sessions, HISTORY_READ)
    assert 0 < killed_at < waiting  # killed midway

    shop.faults.clear()
    backfill_all(engine)  # the next sync goes on where the killed one stopped
    with sessions() as session:
        assert lacking_history(session) == []
    assert duplicated_changes(sessions) == 0
    assert dashboard_figures(sessions, start, end, now, rules)[0] == timeouts_truth


def test_a_detail_that_keeps_failing_marks_the_requests_days_incomplete(
    shop: SandboxServer, tmp_path: Path
) -> None:
    _, sessions = open_database(f"sqlite:///{tmp_path / 'desk.sqlite'}")
    engine = SyncEngine(demo_platform(shop.url), sessions)
    rules, now = load_rules(), shop.clock.now()
    start, end = window_for(30, now, rules)
    first_sync_without_history(engine)
    # Read the newest requests until the next one asked for is one first seen moved on.
    while not first_seen_moved_on(sessions, newest := next_asked(sessions)):
        engine.history.run_round(limit=1)
    inject(shop.url, "service_error", count=3, method="afterSale.Detail")

    for _ in range(3):  # each failure ends the round, as a pull's does: the worker backs off
        stopped = engine.history.run_round().stopped
        assert stopped is not None and stopped.outcome is Outcome.RETRY
    backfill_all(engine)  # the third failure gave the request up; every other one is read

    with sessions() as session:
        given_up = session.get(RequestHistory, newest)
        incomplete = history_coverage(session, start, end, rules)
    assert given_up is not None and given_up.outcome == HISTORY_FAILED
    assert incomplete.missing_requests == settled(sessions, HISTORY_FAILED) + settled(sessions, HISTORY_NONE)
    assert shop_day(given_up_applied(sessions, newest), rules) in incomplete.missing_days
    assert not incomplete.pending_days


def given_up_applied(sessions: sessionmaker[Session], aftersale_id: str) -> int:
    with sessions() as session:
        request = session.get(AfterSale, aftersale_id)
        assert request is not None
        return request.apply_time


def shop_day(t: int, rules: RuleSet) -> int:
    return shop_time.midnight(shop_time.date_of(t, rules.shipping.tz), rules.shipping.tz)


def next_asked(sessions: sessionmaker[Session]) -> str:
    with sessions() as session:
        return lacking_history(session, limit=1)[0]


def first_seen_moved_on(sessions: sessionmaker[Session], aftersale_id: str) -> bool:
    with sessions() as session:
        return bool(session.scalar(select(coverage.first_seen_moved_on(literal(aftersale_id)))))


def test_a_rate_limit_ends_the_round_and_the_run_says_so_without_counting_against_the_request(
    shop: SandboxServer, tmp_path: Path
) -> None:
    _, sessions = open_database(f"sqlite:///{tmp_path / 'desk.sqlite'}")
    engine = SyncEngine(demo_platform(shop.url), sessions)
    assert engine.run_once().outcome is Outcome.DONE  # the first sync, and its first round of histories
    asked_next = next_asked(sessions)
    inject(shop.url, "rate_limit", count=1, method="afterSale.Detail")

    report = engine.run_once()
    assert report.outcome is Outcome.RETRY and report.rate_limited  # the worker backs off, longer
    assert report.histories == 0  # the round's first read met the limit: the round ended there
    with sessions() as session:
        assert session.get(RequestHistory, asked_next) is None  # not the request's fault: no attempt
    assert engine.history.run_round().read > 0  # the next round goes on
    with sessions() as session:
        settled_next = session.get(RequestHistory, asked_next)
        assert settled_next is not None and settled_next.outcome == HISTORY_READ
