"""A shop of several computers on one PostgreSQL database, as real processes.

Issue 7's proofs: two workstations and the headless sync service on one database,
with the sandbox faulting, push every decision exactly once (the sandbox's ledger
counts what reached the platform); the lease holder killed mid-send is replaced and
nothing is lost or sent twice; each workstation hears of the other's decisions through
the change feed alone. How fast is measured by the `shared_db` benchmark, not here.
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from app.db import open_database
from app.models import OutboxOperation
from app.models import outbox as state
from app.platforms.douyin.codes import AfterSaleType
from tests.sandbox_control import applied_by_client, control, inject
from tests.shared_workstation import Running, start_sync_service, start_workstation

ON_POSTGRESQL = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
SETTLE_TIMEOUT_S = 120.0


def new_refund_requests(sandbox_url: str, count: int) -> None:
    control(
        sandbox_url,
        "tick",
        {"new_after_sales": count, "after_sale_type": int(AfterSaleType.REFUND_AFTER_SHIPMENT)},
    )


def operations(database_url: str) -> list[OutboxOperation]:
    engine, sessions = open_database(database_url)
    try:
        with sessions() as session:
            return list(session.scalars(select(OutboxOperation)))
    finally:
        engine.dispose()


def wait_until_settled(database_url: str, expected: int) -> list[OutboxOperation]:
    """Every one of `expected` operations has reached a final state."""
    checked = threading.Event()
    for _ in range(int(SETTLE_TIMEOUT_S / 0.1)):
        found = operations(database_url)
        if len(found) == expected and all(op.state not in state.OPEN_STATES for op in found):
            return found
        checked.wait(0.1)
    raise AssertionError(f"not settled: {[(op.entity_id, op.state) for op in operations(database_url)]}")


def assert_applied_exactly_once(sandbox_url: str, settled: list[OutboxOperation]) -> None:
    for op in settled:
        expected = 1 if op.state == state.DONE else 0  # a conflict: the platform acted first
        assert applied_by_client(sandbox_url, op.entity_id) == expected, (op.entity_id, op.state)
    assert sum(op.state == state.DONE for op in settled) >= len(settled) - 2


@ON_POSTGRESQL
@pytest.mark.parametrize("fault", ["drop_response", "http_5xx", "latency"])
def test_two_workstations_and_the_service_push_every_decision_exactly_once(
    sandbox_url: str, database_url: str, fault: str
) -> None:
    new_refund_requests(sandbox_url, 24)  # each clerk's share (a hash of the ids) holds 4 or more
    service = start_sync_service(database_url, sandbox_url)
    first = second = None
    try:
        service.wait_until_held()
        first = start_workstation(database_url, sandbox_url, "front desk", share="0/2", decide=4)
        second = start_workstation(database_url, sandbox_url, "back office", share="1/2", decide=4)
        inject(sandbox_url, fault, count=3, method="afterSale.operate", ms=1500)
        first.go()
        second.go()
        for clerk in (first, second):
            clerk.wait_count("decided", 4)
        settled = wait_until_settled(database_url, expected=8)
        assert_applied_exactly_once(sandbox_url, settled)
        # The workstations stood by: only the service spoke to the platform.
        assert not first.has_held_the_lease() and not second.has_held_the_lease()
        # Each heard of the other's decisions through the change feed, without polling.
        for clerk, other in ((first, second), (second, first)):
            decided = {event["aftersale_id"] for event in other.of("decided")}
            for aftersale_id in decided:
                clerk.wait_for(
                    lambda event, i=aftersale_id: event["event"] == "seen" and event["aftersale_id"] == i
                )
    finally:
        for running in (first, second, service):
            if running is not None:
                running.stop()


@ON_POSTGRESQL
def test_a_lease_holder_killed_mid_send_is_replaced_and_nothing_is_lost_or_sent_twice(
    sandbox_url: str, database_url: str
) -> None:
    new_refund_requests(sandbox_url, 8)
    holder = start_workstation(database_url, sandbox_url, "front desk", share="0/1", decide=0)
    others: list[Running] = []
    try:
        holder.wait_until_held()
        others = [
            start_workstation(database_url, sandbox_url, "back office", share="0/1", decide=3),
            start_sync_service(database_url, sandbox_url),
        ]
        # The platform applies the first decision, then takes its time to answer: the
        # holder dies while it waits, between sending and recording the answer.
        inject(sandbox_url, "latency", count=1, method="afterSale.operate", ms=8000)
        others[0].go()
        sending = threading.Event()
        for _ in range(int(SETTLE_TIMEOUT_S / 0.1)):
            if any(op.state == state.SENDING for op in operations(database_url)):
                break
            sending.wait(0.1)
        else:
            raise AssertionError("the holder never started sending")
        holder.kill()

        settled = wait_until_settled(database_url, expected=3)
        assert_applied_exactly_once(sandbox_url, settled)
        waiting = threading.Event()
        for _ in range(int(SETTLE_TIMEOUT_S / 0.1)):  # the new holder reports after its push
            if any(running.has_held_the_lease() for running in others):
                break
            waiting.wait(0.1)
        assert sum(running.has_held_the_lease() for running in others) == 1, "one took over, not both"
    finally:
        for running in (*others, holder):
            if running.process.poll() is None:
                running.stop()
