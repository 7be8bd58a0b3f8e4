"""Several workstations on one PostgreSQL database: one sync at a time, each decision sent once.

ARCHITECTURE.md "Scale". Each "workstation" here is a SyncEngine with its own database
engine (its own connections, as a separate process has), on the real PostgreSQL server
and the real sandbox over HTTP. The sandbox's ledger and request counts are the proof
that no operation reached the platform twice.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, select

from app.db import open_database
from app.models import OutboxOperation
from app.models import outbox as state
from app.platforms.douyin.codes import AfterSaleType
from app.services.sync_status import PROBLEM_ANOTHER_WORKSTATION_SYNCING
from app.sync.engine import RunReport, SyncEngine
from app.sync.lease import OutboxClaim, SyncLease
from app.sync.push import PushReport
from tests.fixtures_db import end_the_lease_connection
from tests.sandbox_control import applied_by_client, control, demo_platform, inject
from tests.test_outbox_push import MovableClock, approve, open_refund_requests, synced_engine

ON_POSTGRESQL = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
REPO = Path(__file__).resolve().parents[1]


def workstation(sandbox_url: str, database_url: str, clock: MovableClock | None = None) -> SyncEngine:
    """A workstation on the shared database, wired as the desktop and the service are:
    connections of its own, and the sync lease."""
    _, sessions = open_database(database_url)
    lease = SyncLease(sessions.kw["bind"])
    return SyncEngine(demo_platform(sandbox_url), sessions, clock=clock or MovableClock(), lease=lease)


def first_workstation(sandbox_url: str, database_url: str) -> SyncEngine:
    """The workstation that synced first (and so holds the lease), with refund requests
    waiting in its mirror."""
    control(
        sandbox_url,
        "tick",
        {"new_after_sales": 4, "after_sale_type": int(AfterSaleType.REFUND_AFTER_SHIPMENT)},
    )
    engine = workstation(sandbox_url, database_url)
    report = engine.run_once()
    assert report.outcome.value == "done" and not report.standing_by
    return engine


def open_operations(engine: SyncEngine) -> list[OutboxOperation]:
    with engine._sessions() as session:
        return list(
            session.scalars(select(OutboxOperation).where(OutboxOperation.state.in_(state.OPEN_STATES)))
        )


def operate_requests(sandbox_url: str) -> int:
    stats = requests.get(f"{sandbox_url}/_sandbox/stats", timeout=30).json()
    return stats["requests_served"].get("afterSale.operate", 0)


def wait_until(condition, timeout_s: float = 15.0) -> bool:  # noqa: ANN001 - any callable
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
    return False


@ON_POSTGRESQL
def test_only_the_lease_holder_syncs_and_the_other_workstation_stands_by(
    sandbox_url: str, database_url: str
) -> None:
    first = first_workstation(sandbox_url, database_url)
    second = workstation(sandbox_url, database_url)
    request = open_refund_requests(first, 1)[0]
    seq = approve(second, request)  # a clerk on the second workstation decides

    standing_by = second.run_once()
    assert standing_by.standing_by and standing_by.problem == PROBLEM_ANOTHER_WORKSTATION_SYNCING
    assert standing_by.pulled == {} and standing_by.pushed == {}
    # It can still say when the shop was last synced: by the holder, in the shared database.
    assert standing_by.holder_last_success_at is not None
    assert [op.seq for op in open_operations(second)] == [seq]  # left for the holder
    assert applied_by_client(sandbox_url, request.aftersale_id) == 0

    report = first.run_once()  # the holder sends everyone's decisions
    assert not report.standing_by and report.pushed == {state.DONE: 1}
    assert applied_by_client(sandbox_url, request.aftersale_id) == 1
    first.close()
    second.close()


@ON_POSTGRESQL
def test_a_holder_whose_connection_died_is_replaced_at_the_next_try(
    sandbox_url: str, database_url: str
) -> None:
    first = first_workstation(sandbox_url, database_url)
    second = workstation(sandbox_url, database_url)
    assert second.run_once().standing_by
    # The holder's connection ends as when its computer loses the network: the server
    # ends it, and the holder is not told.
    end_the_lease_connection(first._sessions.kw["bind"].url)

    taken_over = second.run_once()
    assert not taken_over.standing_by and taken_over.outcome.value == "done"
    assert not first.lease.holds()
    assert first.run_once().standing_by  # the old holder now stands by in turn
    first.close()
    second.close()


@ON_POSTGRESQL
def test_a_killed_sync_process_hands_the_lease_over_and_a_stopped_one_at_once(database_url: str) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from app.db import make_engine\n"
            "from app.sync.lease import SyncLease\n"
            "print(SyncLease(make_engine(sys.argv[1])).acquire(), flush=True)\n"
            "time.sleep(600)\n",
            database_url,
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "True"
        _, sessions = open_database(database_url)
        lease = SyncLease(sessions.kw["bind"])
        assert not lease.acquire()
        holder.kill()
        holder.wait(timeout=10)
        assert wait_until(lease.acquire), "the lease was not free after its holder was killed"
        assert lease.holds()

        successor = SyncLease(sessions.kw["bind"])
        assert not successor.acquire()
        lease.release()  # a clean stop (the worker's finish, the service's SIGTERM)
        assert successor.acquire() and not lease.holds()
        successor.release()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(timeout=10)


def pusher(sandbox_url: str, database_url: str, clock: MovableClock) -> SyncEngine:
    """A second process's engine on the same database, with no lease: it pushes regardless."""
    _, sessions = open_database(database_url)
    return SyncEngine(demo_platform(sandbox_url), sessions, clock=clock)


def race_to_settle(engines: list[SyncEngine], clock: MovableClock) -> list[PushReport]:
    """Every engine pushes the shared outbox on its own thread, at the same moment and
    round after round, bypassing the lease (as two processes that both believed they held
    it would), until nothing is open; back-off delays are skipped on the shared clock."""
    start = threading.Barrier(len(engines))
    reports: list[PushReport] = []
    failures: list[BaseException] = []

    def push_until_settled(engine: SyncEngine) -> None:
        try:
            start.wait(timeout=30)
            for _ in range(30):
                reports.append(engine.push.push_once())
                waiting = open_operations(engine)
                if not waiting:
                    return
                due_at = min(op.next_attempt_at for op in waiting)
                if due_at > clock():
                    clock.offset += due_at - clock() + 1
            raise AssertionError("operations still open after every round")
        except BaseException as error:  # reported on the test's thread
            failures.append(error)

    threads = [threading.Thread(target=push_until_settled, args=(engine,)) for engine in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures
    return reports


@ON_POSTGRESQL
def test_two_pushers_racing_over_one_outbox_send_each_operation_once(
    sandbox_url: str, database_url: str
) -> None:
    first, clock = synced_engine(sandbox_url, database_url)
    second = pusher(sandbox_url, database_url, clock)
    requests_ = open_refund_requests(first, 4)
    seqs = [approve(first, request) for request in requests_]
    before = operate_requests(sandbox_url)
    # Slow answers keep each send in flight while the other pusher reaches it.
    inject(sandbox_url, "latency", count=len(seqs), method="afterSale.operate", ms=300)

    reports = race_to_settle([first, second], clock)

    assert sum(r.counts.get(state.DONE, 0) for r in reports) == len(seqs)
    assert sum(r.counts.get("skipped", 0) for r in reports) >= 1  # they really met
    assert operate_requests(sandbox_url) - before == len(seqs)  # nothing was sent twice
    for request in requests_:
        assert applied_by_client(sandbox_url, request.aftersale_id) == 1


@ON_POSTGRESQL
@pytest.mark.parametrize("fault", ["drop_response", "http_5xx", "latency"])
def test_racing_pushers_through_faults_apply_every_operation_exactly_once(
    sandbox_url: str, database_url: str, fault: str
) -> None:
    first, clock = synced_engine(sandbox_url, database_url)
    second = pusher(sandbox_url, database_url, clock)
    requests_ = open_refund_requests(first, 4)
    seqs = [approve(first, request) for request in requests_]
    inject(sandbox_url, fault, count=2, method="afterSale.operate", ms=300)

    race_to_settle([first, second], clock)

    with first._sessions() as session:
        assert {session.get(OutboxOperation, seq).state for seq in seqs} == {state.DONE}
    for request in requests_:
        assert applied_by_client(sandbox_url, request.aftersale_id) == 1


@ON_POSTGRESQL
def test_an_operation_claimed_or_row_locked_elsewhere_is_skipped_this_round(
    sandbox_url: str, database_url: str
) -> None:
    engine, _ = synced_engine(sandbox_url, database_url)
    request = open_refund_requests(engine, 1)[0]
    seq = approve(engine, request)
    other_process = create_engine(engine._sessions.kw["bind"].url)

    with OutboxClaim(other_process).claim(seq) as claimed:  # another pusher is on it
        assert claimed
        assert engine.push.push_once().counts == {"skipped": 1}
    with other_process.begin() as connection:  # another process is marking it "sending"
        connection.execute(
            select(OutboxOperation.seq).where(OutboxOperation.seq == seq).with_for_update()
        ).one()
        assert engine.push.push_once().counts == {"skipped": 1}
    assert applied_by_client(sandbox_url, request.aftersale_id) == 0
    assert [op.state for op in open_operations(engine)] == [state.PENDING]

    assert engine.push.push_once().counts == {state.DONE: 1}  # free again: sent once
    assert applied_by_client(sandbox_url, request.aftersale_id) == 1
    other_process.dispose()
    engine.close()


def test_on_a_sqlite_file_too_the_second_workstation_stands_by(sandbox_url: str, sqlite_url: str) -> None:
    """A desktop and a headless service (or two of either) may open one SQLite file: one
    syncs (tests/test_one_sync_per_database.py has the processes and the outbox)."""
    first = first_workstation(sandbox_url, sqlite_url)
    second = workstation(sandbox_url, sqlite_url)
    assert first.lease is not None and second.lease is not None and first.lease.shared
    report: RunReport = second.run_once()
    assert report.standing_by and report.problem == PROBLEM_ANOTHER_WORKSTATION_SYNCING
    first.close()  # a clean stop hands the lease over at once
    assert not second.run_once().standing_by
    second.close()
