"""Decisions on a TikTok shop reach it exactly once through the app's own push engine, whatever
goes wrong on the way: the outbox operation's id is the `idempotency_key` TikTok applies
once, and a lost answer is settled by re-reading the request. Real TikTok sandbox over HTTP,
real SQLite mirror; the sandbox's ledger is the proof."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.vocabulary import Decision, OrderState, RequestKind, RequestState
from app.db import open_database
from app.models import AfterSale, Order, OutboxOperation
from app.models import outbox as state
from app.platforms.tiktok import authorise
from app.platforms.tiktok.adapter import TikTokPlatform
from app.platforms.tiktok.client import TikTokClient
from app.sandbox.server import SandboxServer
from app.services import outbox
from app.sync.engine import SyncEngine
from tests.sandbox_control import queue_decision

APPROVE_PATH = "/return_refund/202309/returns/{return_id}/approve"
RECORDS_PATH = "/return_refund/202309/returns/{return_id}/records"
SHIP_PATH = "/fulfillment/202309/packages/{package_id}/ship"
# Every fault kind that can meet a decision on its way (app/sandbox/faults.py), as TikTok's
# gateway words it: refused before applying, or applied and then the answer delayed, cut,
# spoilt, nested past any parser or lost. (A person's kinds stop the push for a person;
# plant_record only meets lists; the review kinds only picture uploads.)
FAULTS = [
    "http_5xx",
    "service_error",
    "rate_limit",
    "token_expired",
    "clock_skew",
    "latency",
    "truncated",
    "malformed",
    "drop_response",
    "deep_nesting",
]
REFUND_KIND = 0  # the sandbox's tick: 0 REFUND (a returnless refund after shipment)


class MovableClock:
    """Real time, plus whatever a test skips ahead to make a back-off delay pass."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    path: Path = tmp_path_factory.mktemp("tiktok-push") / "sandbox.sqlite"
    server = SandboxServer(path, port=0, seed=13, live=False, history_orders=300, dialect="tiktok")
    server.start()
    # Buyers ask for returnless refunds: one request waiting for the shop per test below.
    server.platform.tick(new_after_sales=len(FAULTS) + 2, after_sale_type=REFUND_KIND)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def engine(
    sandbox: SandboxServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[SyncEngine, MovableClock]]:
    credentials, _ = authorise(sandbox.url, sandbox.app_key, sandbox.app_secret, sandbox.auth_code)
    platform = TikTokPlatform(TikTokClient(credentials))
    _, sessions = open_database(
        f"sqlite:///{tmp_path_factory.mktemp('tiktok-push-mirror') / 'mirror.sqlite'}"
    )
    clock = MovableClock()
    sync = SyncEngine(platform, sessions, clock=clock)
    assert sync.run_once().outcome.value == "done"
    yield sync, clock
    platform.close()


@pytest.fixture(autouse=True)
def no_faults_left(sandbox: SandboxServer) -> Iterator[None]:
    yield
    sandbox.faults.clear()


def a_waiting_refund(sync: SyncEngine) -> AfterSale:
    """A returnless refund waiting for the shop that no operation has touched yet."""
    with sync._sessions() as session:
        touched = set(session.scalars(select(OutboxOperation.entity_id)))
        found = session.scalars(
            select(AfterSale).where(
                AfterSale.state == RequestState.AWAITING_SHOP,
                AfterSale.kind == RequestKind.REFUND_AFTER_SHIPMENT,
            )
        ).all()
    untouched = [request for request in found if request.aftersale_id not in touched]
    assert untouched, "the sandbox's tick made a refund request for every test"
    return untouched[0]


def approve(sync: SyncEngine, request: AfterSale) -> int:
    with sync._sessions.begin() as session:
        return queue_decision(session, request, Decision.APPROVE_REFUND, RequestState.REFUNDED)


def push_until_settled(sync: SyncEngine, clock: MovableClock, rounds: int = 8) -> None:
    """Run the engine until nothing is open, skipping each back-off delay."""
    for _ in range(rounds):
        sync.run_once()
        with sync._sessions() as session:
            waiting = session.scalars(
                select(OutboxOperation).where(OutboxOperation.state.in_(state.OPEN_STATES))
            ).all()
        if not waiting:
            return
        clock.offset += max(op.next_attempt_at for op in waiting) - clock() + 1
    raise AssertionError("operations still open after every retry")


def seller_records(sync: SyncEngine, request_id: str) -> list[dict[str, object]]:
    """The request's history as the platform lists it (`GET …/returns/{id}/records`): the
    seller's own steps, read over HTTP as any client would."""
    client = sync.platform.client  # type: ignore[attr-defined]
    answer = client.call("GET", RECORDS_PATH.format(return_id=request_id))
    assert answer.ok, answer
    return [record for record in answer.data["records"] if record["role"] == "SELLER"]


def applied(sandbox: SandboxServer, request_id: str) -> list[dict[str, object]]:
    return [
        e for e in sandbox.store.ledger_since(0) if e["entity_id"] == request_id and e["actor"] == "seller"
    ]


def test_a_decision_goes_out_once_with_the_operations_id_as_its_key(
    sandbox: SandboxServer, engine: tuple[SyncEngine, MovableClock]
) -> None:
    sync, clock = engine
    request = a_waiting_refund(sync)
    seq = approve(sync, request)
    push_until_settled(sync, clock)
    with sync._sessions() as session:
        op = session.get(OutboxOperation, seq)
        assert op is not None and op.state == state.DONE
        key = op.op_id
    entries = applied(sandbox, request.aftersale_id)
    assert len(entries) == 1
    params = entries[0]["params"]
    assert isinstance(params, dict) and params["idempotency_key"] == key


@pytest.mark.parametrize("fault", FAULTS)
def test_every_fault_during_a_push_ends_applied_exactly_once(
    sandbox: SandboxServer, engine: tuple[SyncEngine, MovableClock], fault: str
) -> None:
    sync, clock = engine
    request = a_waiting_refund(sync)
    seq = approve(sync, request)
    sandbox.faults.add(fault, count=1, method=APPROVE_PATH, ms=300)
    push_until_settled(sync, clock)
    assert sandbox.faults.pending() == []  # the fault did meet the decision
    with sync._sessions() as session:
        op = session.get(OutboxOperation, seq)
        assert op is not None and op.state == state.DONE, (
            op.state if op else None,
            op.problem if op else None,
        )
    assert len(applied(sandbox, request.aftersale_id)) == 1  # the sandbox's ledger
    assert len(seller_records(sync, request.aftersale_id)) == 1  # the request's own history


@pytest.mark.parametrize("fault", ["drop_response", "http_5xx"])
def test_a_shipment_whose_answer_was_lost_is_found_shipped_on_re_read_not_shipped_twice(
    sandbox: SandboxServer, engine: tuple[SyncEngine, MovableClock], fault: str
) -> None:
    sync, clock = engine
    with sync._sessions() as session:
        shipping = set(session.scalars(select(OutboxOperation.entity_id)))
        waiting = session.scalars(
            select(Order).where(Order.state == OrderState.AWAITING_SHIPMENT).order_by(Order.order_id)
        ).all()
    seller_shipped = {
        str(row[0])
        for row in sandbox.store.db.execute(
            "SELECT id FROM orders WHERE json_extract(data, '$.shipping_type') = 'SELLER' AND id NOT IN "
            "(SELECT order_id FROM cancellations WHERE status = 'CANCELLATION_REQUEST_PENDING')"
        )
    }
    order = next(o for o in waiting if o.order_id in seller_shipped and o.order_id not in shipping)
    carrier = sync.platform.carriers()[0]
    tracking_no = f"94001118992231{len(shipping):08d}"
    with sync._sessions.begin() as session:
        outbox.enqueue_shipment(
            session,
            order_id=order.order_id,
            carrier_code=str(carrier.code),
            tracking_no=tracking_no,
            refuse_refund=False,
            based_on_update_time=order.update_time,
            expected_from=OrderState.AWAITING_SHIPMENT,
            actor=None,
            now=int(time.time()),
        )
    sandbox.faults.add(fault, count=1, method=SHIP_PATH)
    push_until_settled(sync, clock)
    with sync._sessions() as session:
        op = session.scalars(select(OutboxOperation).where(OutboxOperation.entity_id == order.order_id)).one()
        assert op.state == state.DONE, (op.state, op.problem)
    shipped = [e for e in sandbox.store.ledger_since(0) if tracking_no in json.dumps(e)]
    assert len(shipped) == 1
