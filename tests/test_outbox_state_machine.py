"""A property: whatever happens, each decision is applied at most once and none is lost.

A Hypothesis state machine drives the real engine against the real sandbox store over
HTTP: people decide refunds; the network goes and comes back; the platform acts alone
(deadlines expire into automatic agreement, new requests arrive); faults hit the push;
the app dies before or after sending; sync runs. Throughout, no after-sale is ever
operated on twice by us; at the end, with the network back, nothing is left pending,
every decision is either applied (once) or shown to a person as a conflict, and the
local mirror equals the platform.
"""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import requests
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from sqlalchemy import select

from app.db import open_database
from app.models import AfterSale, OutboxOperation
from app.models import outbox as state
from app.platforms.douyin.adapter import DouyinPlatform
from app.platforms.douyin.codes import AfterSaleStatus, AfterSaleType
from app.platforms.port import PlatformError
from app.sync.engine import SyncEngine
from app.sync.operation_to_send import OperationToSend
from tests.sandbox_control import (
    control,
    demo_client,
    inject,
    mirrored_after_sales,
    platform_after_sales,
    queue_refund_approval,
)

UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing listens there
PUSH_FAULTS = [
    "http_5xx",
    "rate_limit",
    "token_expired",
    "truncated",
    "malformed",
    "drop_response",
    "latency",
]


def client_operations(url: str) -> dict[str, int]:
    entries = requests.get(f"{url}/_sandbox/ledger", params={"since": 0}, timeout=30).json()["entries"]
    counts: dict[str, int] = {}
    for entry in entries:
        if entry["actor"] == "client":
            counts[entry["entity_id"]] = counts.get(entry["entity_id"], 0) + 1
    return counts


def test_decisions_survive_anything_applied_at_most_once_none_lost(sandbox_url: str, tmp_path: Path) -> None:
    databases = iter(range(10_000))

    class OutboxMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            control(sandbox_url, "clock", {"offset_s": 0})  # an earlier example moved it
            control(sandbox_url, "reset", {"seed": 5, "history_orders": 60, "live": False})
            control(sandbox_url, "faults", method="DELETE")
            control(
                sandbox_url,
                "tick",
                {"new_after_sales": 6, "after_sale_type": int(AfterSaleType.REFUND_AFTER_SHIPMENT)},
            )
            _, self.sessions = open_database(f"sqlite:///{tmp_path / f'm{next(databases)}.sqlite'}")
            self.skip_s = 0.0
            self.client = demo_client(sandbox_url)
            self.platform = DouyinPlatform(self.client)
            self.engine = SyncEngine(self.platform, self.sessions, clock=lambda: time.time() + self.skip_s)
            self.engine.run_once()

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
                requests_open = [
                    r
                    for r in session.scalars(
                        select(AfterSale)
                        .where(
                            AfterSale.status == AfterSaleStatus.AWAITING_MERCHANT,
                            AfterSale.type == AfterSaleType.REFUND_AFTER_SHIPMENT,
                        )
                        .order_by(AfterSale.aftersale_id)
                    )
                    if r.aftersale_id not in busy
                ]
                if not requests_open:
                    return
                request = requests_open[pick % len(requests_open)]
                queue_refund_approval(session, request)

        @rule()
        def go_offline(self) -> None:
            self.client.credentials.gateway = UNREACHABLE

        @rule()
        def go_online(self) -> None:
            self.client.credentials.gateway = sandbox_url

        @rule(hours=st.sampled_from([1, 30, 49]))
        def time_passes_and_the_platform_acts_alone(self, hours: int) -> None:
            control(sandbox_url, "clock", {"advance_s": hours * 3600})
            self.skip_s += hours * 3600  # the same hours pass for the workstation

        @rule()
        def buyers_ask_for_more_refunds(self) -> None:
            control(
                sandbox_url,
                "tick",
                {"new_after_sales": 2, "after_sale_type": int(AfterSaleType.REFUND_AFTER_SHIPMENT)},
            )

        @rule(kind=st.sampled_from(PUSH_FAULTS))
        def a_fault_hits_the_next_push(self, kind: str) -> None:
            inject(sandbox_url, kind, method="afterSale.operate", ms=50)

        @rule(sent=st.booleans())
        def the_app_dies_while_pushing(self, sent: bool) -> None:
            """The app marked the next operation "sending", maybe sent it, then died."""
            due = self.engine.push.due_operations()
            if not due:
                return
            with self.sessions.begin() as session:
                op = session.get(OutboxOperation, due[0])
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
        def no_request_is_operated_on_twice(self) -> None:
            assert all(count == 1 for count in client_operations(sandbox_url).values())

        def teardown(self) -> None:
            self.go_online()
            control(sandbox_url, "faults", method="DELETE")
            for _ in range(6):
                self.engine.run_once()
                self.skip_s += 400
            applied = client_operations(sandbox_url)
            with self.sessions() as session:
                operations = session.scalars(select(OutboxOperation)).all()
            assert not [op for op in operations if op.state in state.OPEN_STATES], (
                "a decision was left behind"
            )
            for op in operations:
                assert op.state in (state.DONE, state.CONFLICT), (op.op_id, op.state, op.problem)
                if op.state == state.CONFLICT:
                    assert applied.get(op.entity_id, 0) == 0
            # The mirror equals the platform (it may also keep requests that have since
            # aged out of the platform's 90-day window).
            truth, mirrored = platform_after_sales(sandbox_url), mirrored_after_sales(self.sessions)
            assert {key: mirrored.get(key) for key in truth} == truth

    run_state_machine_as_test(
        OutboxMachine,
        settings=settings(
            max_examples=30,
            stateful_step_count=20,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
