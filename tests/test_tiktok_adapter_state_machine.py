"""A property, for a TikTok shop: whatever happens, each decision is applied at most once and
none is lost.

A Hypothesis state machine drives the app's real engine through TikTokPlatform against the
TikTok sandbox over HTTP: people approve refunds; the network goes and comes back; the
platform acts alone (48 hours without an answer approve a request, new requests arrive);
people ship orders with the shop's carrier; faults hit the push; the app dies before or
after sending; sync runs. Throughout, nothing is decided or shipped twice by the shop (the
sandbox's ledger); at the end, with the network back, nothing is left pending, every
decision and shipment is applied once or shown to a person as a conflict — a decision's
return lists one SELLER step in its own records (`GET …/returns/{id}/records`), a shipped
order is shipped on the platform — and the mirror equals the platform.
"""

from __future__ import annotations

import contextlib
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import select

from app.core.vocabulary import Decision, OrderState, RequestKind, RequestState
from app.db import open_database
from app.models import AfterSale, Order, OutboxOperation
from app.models import outbox as state
from app.platforms.port import PlatformError
from app.platforms.tiktok import authorise
from app.platforms.tiktok.adapter import TikTokPlatform
from app.platforms.tiktok.client import TikTokClient
from app.platforms.tiktok.credentials import TikTokCredentials
from app.sandbox.server import SandboxServer
from app.services import outbox
from app.sync.engine import SyncEngine
from app.sync.operation_to_send import OperationToSend
from tests.sandbox_control import queue_decision

UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing listens there
APPROVE_PATH = "/return_refund/202309/returns/{return_id}/approve"
SHIP_PATH = "/fulfillment/202309/packages/{package_id}/ship"
RECORDS_PATH = "/return_refund/202309/returns/{return_id}/records"
PUSH_FAULTS = [
    "http_5xx",
    "rate_limit",
    "token_expired",
    "truncated",
    "malformed",
    "drop_response",
    "latency",
]
REFUND_KIND = 0  # the sandbox's tick: a returnless refund after shipment


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    path: Path = tmp_path_factory.mktemp("tiktok-machine") / "sandbox.sqlite"
    server = SandboxServer(path, port=0, seed=5, live=False, history_orders=60, dialect="tiktok")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def credentials(sandbox: SandboxServer) -> TikTokCredentials:
    """The shop's credentials, renewed in place as the examples go (tokens survive a reset)."""
    return authorise(sandbox.url, sandbox.app_key, sandbox.app_secret, sandbox.auth_code)[0]


def shop_decisions(sandbox: SandboxServer) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in sandbox.store.ledger_since(0):
        if entry["actor"] == "seller":
            # A shipment's entry names its package; the order it ships is among its params.
            params = entry["params"]
            key = params.get("order_id") if isinstance(params, dict) else None
            key = str(key or entry["entity_id"])
            counts[key] = counts.get(key, 0) + 1
    return counts


def platform_requests(sandbox: SandboxServer) -> dict[str, int]:
    db = sandbox.store.db
    truth = dict(db.execute("SELECT id, update_time FROM returns").fetchall())
    truth.update(db.execute("SELECT id, update_time FROM cancellations").fetchall())
    return truth


def shippable(sandbox: SandboxServer) -> set[str]:
    """Orders the seller ships with its own carrier, no cancellation asked (the platform's own
    carrier's orders are handed over, not shipped with a tracking number)."""
    return {
        str(row[0])
        for row in sandbox.store.db.execute(
            "SELECT id FROM orders WHERE json_extract(data, '$.shipping_type') = 'SELLER' AND id NOT IN "
            "(SELECT order_id FROM cancellations WHERE status = 'CANCELLATION_REQUEST_PENDING')"
        )
    }


def test_tiktok_decisions_survive_anything_applied_at_most_once_none_lost(
    sandbox: SandboxServer, credentials: TikTokCredentials, tmp_path: Path
) -> None:
    databases = iter(range(10_000))
    # One mirror migrated once, copied for each example (migrating each would take most of its time).
    template = tmp_path / "template.sqlite"
    open_database(f"sqlite:///{template}")[0].dispose()

    class OutboxMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            sandbox.move_clock(offset_s=0)  # an earlier example moved it
            sandbox.reset(seed=5, history_orders=60, live=False)
            sandbox.faults.clear()
            sandbox.platform.tick(new_after_sales=6, after_sale_type=REFUND_KIND)
            mirror = tmp_path / f"m{next(databases)}.sqlite"
            shutil.copyfile(template, mirror)
            _, self.sessions = open_database(f"sqlite:///{mirror}")
            self.skip_s = 0.0
            credentials.api_base = sandbox.url
            self.client = TikTokClient(credentials)
            self.platform = TikTokPlatform(self.client)
            self.engine = SyncEngine(self.platform, self.sessions, clock=lambda: time.time() + self.skip_s)
            self.engine.run_once()
            self.carrier = str(self.platform.carriers()[0].code)  # read while online
            self.tracking = iter(range(10_000))

        # --- what people, the network, the platform and crashes do ---------------------
        @rule(pick=st.integers(min_value=0, max_value=20))
        def decide(self, pick: int) -> None:
            with self.sessions.begin() as session:
                busy = {
                    op.entity_id
                    for op in session.scalars(
                        select(OutboxOperation).where(OutboxOperation.state.in_(state.OPEN_STATES))
                    )
                }
                waiting = [
                    r
                    for r in session.scalars(
                        select(AfterSale)
                        .where(
                            AfterSale.state == RequestState.AWAITING_SHOP,
                            AfterSale.kind == RequestKind.REFUND_AFTER_SHIPMENT,
                        )
                        .order_by(AfterSale.aftersale_id)
                    )
                    if r.aftersale_id not in busy
                ]
                if not waiting:
                    return
                queue_decision(
                    session, waiting[pick % len(waiting)], Decision.APPROVE_REFUND, RequestState.REFUNDED
                )

        @rule(pick=st.integers(min_value=0, max_value=20))
        def ship(self, pick: int) -> None:
            """A person ships an order waiting for it, with a tracking number of its own."""
            with self.sessions.begin() as session:
                touched = set(session.scalars(select(OutboxOperation.entity_id)))
                ours = shippable(sandbox)
                waiting = [
                    order
                    for order in session.scalars(
                        select(Order)
                        .where(Order.state == OrderState.AWAITING_SHIPMENT)
                        .order_by(Order.order_id)
                    )
                    if order.order_id in ours and order.order_id not in touched
                ]
                if not waiting:
                    return
                order = waiting[pick % len(waiting)]
                outbox.enqueue_shipment(
                    session,
                    order_id=order.order_id,
                    carrier_code=self.carrier,
                    tracking_no=f"9400111899223{next(self.tracking):09d}",
                    refuse_refund=False,
                    based_on_update_time=order.update_time,
                    expected_from=OrderState.AWAITING_SHIPMENT,
                    actor=None,
                    now=int(time.time()),
                )

        @rule()
        def go_offline(self) -> None:
            self.client.credentials.api_base = UNREACHABLE

        @rule()
        def go_online(self) -> None:
            self.client.credentials.api_base = sandbox.url

        @rule(hours=st.sampled_from([1, 30, 49]))
        def time_passes_and_the_platform_acts_alone(self, hours: int) -> None:
            sandbox.move_clock(advance_s=hours * 3600)
            self.skip_s += hours * 3600  # the same hours pass for the workstation

        @rule()
        def buyers_ask_for_more_refunds(self) -> None:
            sandbox.platform.tick(new_after_sales=2, after_sale_type=REFUND_KIND)

        @rule(kind=st.sampled_from(PUSH_FAULTS), path=st.sampled_from([APPROVE_PATH, SHIP_PATH]))
        def a_fault_hits_the_next_push(self, kind: str, path: str) -> None:
            sandbox.faults.add(kind, method=path, ms=50)

        @rule()
        def the_app_starts_again(self) -> None:
            """A new process over the same mirror: nothing but the database carries over."""
            self.platform.close()
            self.client = TikTokClient(credentials)
            self.platform = TikTokPlatform(self.client)
            self.engine = SyncEngine(self.platform, self.sessions, clock=lambda: time.time() + self.skip_s)

        @rule(sent=st.booleans())
        def the_app_dies_while_pushing(self, sent: bool) -> None:
            """The app marked the next operation "sending", maybe sent it, then died."""
            due = self.engine.push.due_operations()
            if not due:
                return
            with self.sessions.begin() as session:
                op = session.get(OutboxOperation, due[0])
                assert op is not None
                op.state, op.attempts = state.SENDING, op.attempts + 1
                operation = OperationToSend.of(op)
            if sent:
                with contextlib.suppress(PlatformError):  # its answer dies with the process
                    operation.send(self.platform)

        @rule()
        def sync(self) -> None:
            self.engine.run_once()
            self.skip_s += 400  # let every back-off delay pass before the next sync

        # --- what must always hold ---------------------------------------------------------
        @invariant()
        def no_request_is_decided_twice_by_the_shop(self) -> None:
            assert all(count == 1 for count in shop_decisions(sandbox).values())

        def teardown(self) -> None:
            self.go_online()
            sandbox.faults.clear()
            for _ in range(6):
                self.engine.run_once()
                self.skip_s += 400
            applied = shop_decisions(sandbox)
            with self.sessions() as session:
                operations = session.scalars(select(OutboxOperation)).all()
            assert not [op for op in operations if op.state in state.OPEN_STATES], (
                "a decision or shipment was left behind"
            )
            on_its_way = "SELECT id FROM orders WHERE status != 'AWAITING_SHIPMENT'"
            shipped = {str(row[0]) for row in sandbox.store.db.execute(on_its_way)}
            for op in operations:
                assert op.state in (state.DONE, state.CONFLICT), (op.op_id, op.state, op.problem)
                if op.state == state.CONFLICT:
                    assert applied.get(op.entity_id, 0) == 0
                elif op.action == outbox.SHIP:
                    assert op.entity_id in shipped
                else:  # the return's own history lists the shop's decision once
                    answer = self.client.call("GET", RECORDS_PATH.format(return_id=op.entity_id))
                    assert answer.ok, answer
                    steps = [r for r in answer.data["records"] if r["role"] == "SELLER"]
                    assert len(steps) == 1, (op.entity_id, steps)
            with self.sessions() as session:
                mirrored = dict(session.execute(select(AfterSale.aftersale_id, AfterSale.update_time)).all())
            truth = platform_requests(sandbox)
            assert {key: mirrored.get(key) for key in truth} == truth

    run_state_machine_as_test(
        OutboxMachine,
        settings=settings(
            max_examples=10,
            stateful_step_count=20,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
