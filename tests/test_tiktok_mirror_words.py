"""A TikTok shop's mirror, pulled by the app's own sync engine over real HTTP from the TikTok
sandbox (written apart from the client, from the public record), holds what the platform says
in the app's words: each amount exactly the decimal string it was sent as, in its currency; the
ship-by the order's rts_sla_time; the shop's deadline its seller_next_action_response; TikTok's
codes verbatim beside 0 in Douyin's number columns; and every change of a request's status the
platform makes afterwards (the 48 h auto-approval) recorded as the metrics read it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import RequestState
from app.db import open_database
from app.models import AfterSale, AfterSaleStatusChange, Order
from app.platforms.port import Outcome
from app.platforms.tiktok import authorise, mapping
from app.platforms.tiktok.adapter import TikTokPlatform
from app.platforms.tiktok.client import TikTokClient
from app.sandbox.clock import DAY
from app.sandbox.server import SandboxServer
from app.sync.engine import SyncEngine


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[SandboxServer]:
    server = SandboxServer(
        tmp_path / "sandbox.sqlite", port=0, seed=23, live=False, history_orders=300, dialect="tiktok"
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def engine(sandbox: SandboxServer, tmp_path: Path) -> Iterator[SyncEngine]:
    credentials, _ = authorise(sandbox.url, sandbox.app_key, sandbox.app_secret, sandbox.auth_code)
    platform = TikTokPlatform(TikTokClient(credentials))
    _, sessions = open_database(f"sqlite:///{tmp_path / 'mirror.sqlite'}")
    yield SyncEngine(platform, sessions, page_size=50)
    platform.close()


def sent(sandbox: SandboxServer, table: str) -> dict[str, dict[str, Any]]:
    """The records as the sandbox sends them, by id."""
    rows = sandbox.store.db.execute(f"SELECT id, data FROM {table}").fetchall()  # noqa: S608 (our names)
    return {record_id: json.loads(data) for record_id, data in rows}


def cents(amount: str | None) -> int:
    return int(Decimal(amount or "0") * 100)


def test_the_mirror_holds_what_the_platform_sent_in_the_app_s_words(
    sandbox: SandboxServer, engine: SyncEngine
) -> None:
    assert engine.run_once().outcome is Outcome.DONE
    orders, returns = sent(sandbox, "orders"), sent(sandbox, "returns")
    cancellations = sent(sandbox, "cancellations")
    sessions: sessionmaker[Session] = engine._sessions
    with sessions() as session:
        mirrored_orders = list(session.scalars(select(Order)))
        requests = list(session.scalars(select(AfterSale)))
    assert len(mirrored_orders) == len(orders) and len(requests) == len(returns) + len(cancellations)
    for order in mirrored_orders:
        record = orders[order.order_id]
        payment = record["payment"]
        assert (order.pay_amount, order.currency) == (cents(payment["total_amount"]), payment["currency"])
        assert order.exp_ship_time == (record.get("rts_sla_time") or None)
        assert (order.status, order.status_desc, order.state) == (
            0,
            record["status"],
            mapping.order_state(record["status"]),
        )
    for request in requests:
        record = returns.get(request.aftersale_id) or cancellations[request.aftersale_id]
        refund = record["refund_amount"]
        assert request.refund_amount + request.refund_post_amount == cents(refund["refund_total"])
        assert request.currency == refund["currency"] == "USD"
        deadlines = [action["deadline"] for action in record.get("seller_next_action_response") or []]
        assert request.status_deadline == min(deadlines, default=None)
        assert (request.type, request.status) == (0, 0)
        if request.aftersale_id in returns:
            assert (request.type_code, request.status_code) == (
                record["return_type"],
                record["return_status"],
            )
            assert request.kind == mapping.return_kind(record["return_type"])
            assert request.state == mapping.return_state(record["return_status"])
        else:
            assert (request.type_code, request.status_code) == (
                record["cancel_type"],
                record["cancel_status"],
            )
            assert request.kind == mapping.cancellation_kind(record["cancel_type"], record["role"])
    assert {r.state for r in requests} >= {RequestState.AWAITING_SHOP, RequestState.REFUNDED}


def test_the_platform_s_auto_approval_is_recorded_as_a_change_of_state(
    sandbox: SandboxServer, engine: SyncEngine
) -> None:
    sandbox.platform.tick(new_orders=0, new_after_sales=6)
    assert engine.run_once().outcome is Outcome.DONE
    with engine._sessions() as session:
        waiting = set(
            session.scalars(
                select(AfterSale.aftersale_id).where(AfterSale.state == RequestState.AWAITING_SHOP)
            )
        )
    assert waiting
    sandbox.clock.advance(3 * DAY)  # past every 48 h (and 24 h) deadline: the platform approves
    sandbox.platform.run_due()
    assert engine.run_once().outcome is Outcome.DONE
    with engine._sessions() as session:
        moved = {
            change.aftersale_id: (change.from_state, change.to_state)
            for change in session.scalars(
                select(AfterSaleStatusChange).where(
                    AfterSaleStatusChange.aftersale_id.in_(waiting),
                    AfterSaleStatusChange.from_state.is_not(None),
                )
            )
        }
        now = {
            r.aftersale_id: r.state
            for r in session.scalars(select(AfterSale).where(AfterSale.aftersale_id.in_(waiting)))
        }
    assert set(moved) == waiting  # every request the platform moved on has its change
    assert all(before == RequestState.AWAITING_SHOP for before, _after in moved.values())
    assert all(now[request_id] != RequestState.AWAITING_SHOP for request_id in waiting)
