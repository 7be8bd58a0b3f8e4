"""One sync per SQLite database, and no operation sent by two processes even without it.

Issue 12 item 8: two sync processes on one SQLite file both pushed the same outbox.
The sync lease on SQLite is an OS lock on a file beside the database, held for the
process's life (the operating system lets go when the process dies); and marking an
operation "sending" only takes a row still as the pusher found it, so a row another
process already marked is never sent again. Real SQLite files, the real sandbox over
HTTP (its ledger and request counts are the proof), real processes where the item is
about processes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from app.db import open_database
from app.models import OutboxOperation
from app.models import outbox as state
from app.platforms.douyin.codes import AfterSaleType
from app.sync.engine import SyncEngine
from app.sync.lease import OutboxClaim, SyncLease
from tests.sandbox_control import applied_by_client, control, demo_platform, inject
from tests.test_outbox_push import approve, open_refund_requests, synced_engine
from tests.test_sync_lease import operate_requests, pusher, race_to_settle

REPO = Path(__file__).resolve().parents[1]

# A sync process of its own: takes the lease, runs once (pushing the outbox), says what
# it did, then keeps the lease until it is killed.
HOLDER = """
import json, sys
from app.db import open_database
from app.sync.engine import SyncEngine
from app.sync.lease import SyncLease
from tests.sandbox_control import demo_platform
_, sessions = open_database(sys.argv[1])
engine = SyncEngine(demo_platform(sys.argv[2]), sessions, lease=SyncLease(sessions.kw["bind"]))
report = engine.run_once()
print(json.dumps({"standing_by": report.standing_by, "pushed": report.pushed}), flush=True)
sys.stdin.read()
"""


def leased_workstation(sandbox_url: str, database_url: str) -> SyncEngine:
    _, sessions = open_database(database_url)
    return SyncEngine(demo_platform(sandbox_url), sessions, lease=SyncLease(sessions.kw["bind"]))


def states(engine: SyncEngine, seqs: list[int]) -> list[str]:
    with engine._sessions() as session:
        return [session.get(OutboxOperation, seq).state for seq in seqs]


def test_a_second_sync_process_on_one_sqlite_file_stands_by_until_the_first_dies(
    sandbox_url: str, sqlite_url: str
) -> None:
    control(
        sandbox_url,
        "tick",
        {"new_after_sales": 4, "after_sale_type": int(AfterSaleType.REFUND_AFTER_SHIPMENT)},
    )
    here = leased_workstation(sandbox_url, sqlite_url)
    assert not here.run_once().standing_by  # alone, it syncs
    here.close()  # a clean stop gives the lease up at once
    # Four chosen now: the holder's own pull may leave no other request waiting.
    *requests_, decided_later = open_refund_requests(here, 4)
    seqs = [approve(here, request) for request in requests_]

    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, sqlite_url, sandbox_url],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        ran = json.loads(holder.stdout.readline())
        assert ran == {"standing_by": False, "pushed": {state.DONE: 3}}
        seqs.append(approve(here, decided_later))

        second = leased_workstation(sandbox_url, sqlite_url)
        standing_by = second.run_once()
        assert standing_by.standing_by and standing_by.pushed == {} and standing_by.pulled == {}
        assert states(second, seqs[3:]) == [state.PENDING]  # left for the process syncing

        holder.kill()  # no clean stop: the operating system lets go of the lease
        holder.wait(timeout=30)
        taken_over = second.run_once()
        assert not taken_over.standing_by and taken_over.pushed == {state.DONE: 1}
        second.close()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(timeout=30)
    assert states(here, seqs) == [state.DONE] * 4
    assert operate_requests(sandbox_url) == 4  # each sent once
    with here._sessions() as session:
        ids = [session.get(OutboxOperation, seq).entity_id for seq in seqs]
    assert [applied_by_client(sandbox_url, entity_id) for entity_id in ids] == [1, 1, 1, 1]


def test_two_leases_on_one_sqlite_file_in_one_process_exclude_each_other(sqlite_url: str) -> None:
    """The lock belongs to the lease, not to the process: two engines never both sync."""
    _, sessions = open_database(sqlite_url)
    first, second = SyncLease(sessions.kw["bind"]), SyncLease(sessions.kw["bind"])
    assert first.shared and first.acquire() and first.holds()
    assert not second.acquire() and not second.holds()
    first.release()
    assert not first.holds() and second.acquire()
    second.release()


@pytest.mark.parametrize("fault", ["latency", "drop_response"])
def test_two_pushers_without_the_lease_on_one_sqlite_file_send_each_operation_once(
    sandbox_url: str, sqlite_url: str, fault: str
) -> None:
    """Two pushers that both believe they may push (no lease), each with its own
    connections to one SQLite file, racing round after round over the same outbox."""
    first, clock = synced_engine(sandbox_url, sqlite_url)
    second = pusher(sandbox_url, sqlite_url, clock)
    requests_ = open_refund_requests(first, 4)
    seqs = [approve(first, request) for request in requests_]
    before = operate_requests(sandbox_url)
    # Slow answers keep each send in flight while the other pusher reaches it.
    inject(sandbox_url, fault, count=len(seqs), method="afterSale.operate", ms=300)

    race_to_settle([first, second], clock)

    assert states(first, seqs) == [state.DONE] * len(seqs)
    for request in requests_:
        assert applied_by_client(sandbox_url, request.aftersale_id) == 1
    if fault == "latency":  # every answer arrived: nothing needed a second send
        assert operate_requests(sandbox_url) - before == len(seqs)
    claims = Path(sqlite_url.removeprefix("sqlite:///") + ".outbox-claims")
    assert claims.is_dir() and not list(claims.iterdir())  # each claim's file went with it


def test_an_operation_another_sqlite_pusher_is_sending_is_not_sent_again(
    sandbox_url: str, sqlite_url: str
) -> None:
    """Another process marked it "sending" and is still sending it (it holds its claim):
    this pusher leaves it alone rather than re-read and send it a second time."""
    engine, _ = synced_engine(sandbox_url, sqlite_url)
    request = open_refund_requests(engine, 1)[0]
    seq = approve(engine, request)
    _, other_sessions = open_database(sqlite_url)
    with OutboxClaim(other_sessions.kw["bind"]).claim(seq) as claimed:
        assert claimed
        with other_sessions.begin() as session:
            marked = session.get(OutboxOperation, seq)
            marked.state, marked.attempts = state.SENDING, 1
        assert engine.push.push_once().counts == {"skipped": 1}
        assert applied_by_client(sandbox_url, request.aftersale_id) == 0
    # The other process died mid-send (its claim went with it): re-read, then sent once.
    assert engine.push.push_once().counts == {state.DONE: 1}
    assert applied_by_client(sandbox_url, request.aftersale_id) == 1
    with engine._sessions() as session:
        assert session.scalars(select(OutboxOperation.attempts)).one() == 2


def test_an_in_memory_database_has_no_file_to_share_and_its_lease_is_always_held() -> None:
    lease = SyncLease(create_engine("sqlite://"))
    assert not lease.shared and lease.acquire() and lease.holds()
