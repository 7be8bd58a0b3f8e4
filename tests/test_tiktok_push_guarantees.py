"""The push's guarantees for a TikTok shop, as for a Douyin shop (tests/test_outbox_push.py):
a lost answer is settled by re-reading before anything is sent again; a wrong clock stops
the round and keeps the decision; one decision the platform refuses holds up no other;
a request the platform decided alone meanwhile (TikTok approves at its 48 h deadline) is a
conflict for a person, never a second decision.

The app's real sync engine through TikTokPlatform, the TikTok sandbox over real HTTP, a real
SQLite mirror; the sandbox's ledger and the request's own records are the proof.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.vocabulary import Decision, OrderState, RequestState
from app.db import open_database
from app.models import AfterSale, Order, OutboxOperation
from app.models import outbox as state
from app.platforms.tiktok import authorise
from app.platforms.tiktok.adapter import TikTokPlatform
from app.platforms.tiktok.client import TikTokClient
from app.sandbox.server import SandboxServer
from app.services import outbox
from app.sync.engine import SyncEngine
from tests.test_tiktok_adapter_push import (
    APPROVE_PATH,
    REFUND_KIND,
    SHIP_PATH,
    MovableClock,
    a_waiting_refund,
    applied,
    approve,
    push_until_settled,
    seller_records,
)
from tests.test_tiktok_adapter_state_machine import shippable

Shop = tuple[SandboxServer, SyncEngine, MovableClock]


def operation(sync: SyncEngine, seq: int) -> OutboxOperation:
    with sync._sessions() as session:
        op = session.get(OutboxOperation, seq)
        assert op is not None
        return op


def start(tmp: Path, seed: int, refunds: int) -> SandboxServer:
    server = SandboxServer(
        tmp / "sandbox.sqlite", port=0, seed=seed, live=False, history_orders=60, dialect="tiktok"
    )
    server.start()
    server.platform.tick(new_after_sales=refunds, after_sale_type=REFUND_KIND)
    return server


def synced_engine(server: SandboxServer, tmp: Path) -> tuple[SyncEngine, MovableClock]:
    credentials, _ = authorise(server.url, server.app_key, server.app_secret, server.auth_code)
    _, sessions = open_database(f"sqlite:///{tmp / 'mirror.sqlite'}")
    clock = MovableClock()
    sync = SyncEngine(TikTokPlatform(TikTokClient(credentials)), sessions, clock=clock)
    assert sync.run_once().outcome.value == "done"
    return sync, clock


@pytest.fixture(scope="module")
def shop(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Shop]:
    """A small shop with buyers' refund requests waiting, and the app synced with it."""
    tmp = tmp_path_factory.mktemp("tiktok-push-guarantees")
    server = start(tmp, seed=17, refunds=6)
    sync, clock = synced_engine(server, tmp)
    try:
        yield server, sync, clock
    finally:
        sync.platform.close()
        server.stop()


@pytest.fixture(autouse=True)
def no_faults_left(shop: Shop) -> Iterator[None]:
    yield
    shop[0].faults.clear()


def test_a_lost_answer_is_checked_by_re_reading_before_anything_is_resent(
    shop: Shop,
) -> None:
    sandbox, sync, clock = shop
    request = a_waiting_refund(sync)
    seq = approve(sync, request)
    served = sandbox.stats()["requests_served"].get(APPROVE_PATH, 0)
    sandbox.faults.add("drop_response", method=APPROVE_PATH)
    first = sync.run_once()
    op = operation(sync, seq)
    assert first.pushed == {state.PENDING: 1} and op.verify_before_send and op.attempts == 1
    push_until_settled(sync, clock)
    op = operation(sync, seq)
    assert op.state == state.DONE and op.attempts == 1  # found applied; never sent twice
    assert sandbox.stats()["requests_served"][APPROVE_PATH] == served + 1
    assert len(applied(sandbox, request.aftersale_id)) == 1
    assert len(seller_records(sync, request.aftersale_id)) == 1


def test_a_wrong_clock_stops_the_round_and_keeps_the_decision(
    shop: Shop,
) -> None:
    sandbox, sync, clock = shop
    request = a_waiting_refund(sync)
    seq = approve(sync, request)
    sandbox.faults.add("clock_skew", method=APPROVE_PATH)
    assert sync.run_once().outcome.value == "config_error"  # a person sets the clock right
    assert operation(sync, seq).state == state.PENDING
    assert applied(sandbox, request.aftersale_id) == []
    push_until_settled(sync, clock)
    assert len(applied(sandbox, request.aftersale_id)) == 1


def test_one_refused_decision_does_not_hold_up_the_others(
    shop: Shop,
) -> None:
    sandbox, sync, _ = shop
    refused_one = a_waiting_refund(sync)
    with sync._sessions.begin() as session:  # a reason TikTok never offered: the platform refuses it
        outbox.enqueue_decision(
            session,
            request_id=refused_one.aftersale_id,
            decision=Decision.REFUSE_REFUND,
            details={"reason_code": "no_such_reason", "remark": "Not as described."},
            based_on_update_time=refused_one.update_time,
            expected_from=RequestState.AWAITING_SHOP,
            expected_to=RequestState.REFUSED,
            actor=None,
            now=int(time.time()),
        )
    good_seq = approve(sync, a_waiting_refund(sync))
    report = sync.run_once()
    assert report.pushed == {state.REJECTED: 1, state.DONE: 1}, report
    assert operation(sync, good_seq).state == state.DONE
    with sync._sessions() as session:
        attention = outbox.needing_attention(session)
    assert attention[0].entity_id == refused_one.aftersale_id and attention[0].platform_message
    assert applied(sandbox, refused_one.aftersale_id) == []


def test_a_request_the_platform_decided_alone_meanwhile_is_a_conflict_for_a_person(tmp_path: Path) -> None:
    sandbox = start(tmp_path, seed=19, refunds=1)
    try:
        sync, _ = synced_engine(sandbox, tmp_path)
        request = a_waiting_refund(sync)
        seq = approve(sync, request)  # decided offline …
        sandbox.move_clock(advance_s=49 * 3600)  # … and TikTok approved it alone at 48 h meanwhile
        sync.run_once()
        op = operation(sync, seq)
        assert op.state == state.CONFLICT and op.platform_state, (op.state, op.problem)
        assert applied(sandbox, request.aftersale_id) == []  # the shop never decided it
        assert seller_records(sync, request.aftersale_id) == []
        with sync._sessions() as session:
            attention = outbox.needing_attention(session)
            assert [row.entity_id for row in attention] == [request.aftersale_id]
            assert session.scalars(select(OutboxOperation)).one().seq == seq
        sync.platform.close()
    finally:
        sandbox.stop()


def truth(sandbox: SandboxServer) -> tuple[dict[str, int], dict[str, int]]:
    db = sandbox.store.db
    orders = dict(db.execute("SELECT id, update_time FROM orders").fetchall())
    requests = dict(db.execute("SELECT id, update_time FROM returns").fetchall())
    requests.update(db.execute("SELECT id, update_time FROM cancellations").fetchall())
    return orders, requests


def mirrored(sync: SyncEngine) -> tuple[dict[str, int], dict[str, int]]:
    with sync._sessions() as session:
        orders = dict(session.execute(select(Order.order_id, Order.update_time)).all())
        requests = dict(session.execute(select(AfterSale.aftersale_id, AfterSale.update_time)).all())
    return orders, requests


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # SQLite: the tests above
def test_a_tiktok_shop_on_postgresql_is_mirrored_whole_and_its_decision_and_shipment_applied_once(
    shop: Shop, database_url: str
) -> None:
    sandbox, first, _ = shop
    platform = TikTokPlatform(TikTokClient(first.platform.client.credentials))  # type: ignore[attr-defined]
    _, sessions = open_database(database_url)
    clock = MovableClock()
    sync = SyncEngine(platform, sessions, clock=clock, page_size=20)
    try:
        assert sync.run_once().outcome.value == "done"
        assert mirrored(sync) == truth(sandbox)
        request = a_waiting_refund(sync)
        approve(sync, request)
        with sync._sessions() as session:
            ours = shippable(sandbox)
            order = next(
                o
                for o in session.scalars(select(Order).where(Order.state == OrderState.AWAITING_SHIPMENT))
                if o.order_id in ours
            )
        tracking_no = "9400111899225500000001"
        with sync._sessions.begin() as session:
            outbox.enqueue_shipment(
                session,
                order_id=order.order_id,
                carrier_code=str(platform.carriers()[0].code),
                tracking_no=tracking_no,
                refuse_refund=False,
                based_on_update_time=order.update_time,
                expected_from=OrderState.AWAITING_SHIPMENT,
                actor=None,
                now=int(time.time()),
            )
        sandbox.faults.add("drop_response", method=APPROVE_PATH)  # both answers lost on the way
        sandbox.faults.add("drop_response", method=SHIP_PATH)
        push_until_settled(sync, clock)
        with sync._sessions() as session:
            assert {op.state for op in session.scalars(select(OutboxOperation))} == {state.DONE}
        assert len(applied(sandbox, request.aftersale_id)) == 1
        assert len(seller_records(sync, request.aftersale_id)) == 1
        assert len([e for e in sandbox.store.ledger_since(0) if tracking_no in json.dumps(e)]) == 1
        assert sync.run_once().outcome.value == "done"
        assert mirrored(sync) == truth(sandbox)
    finally:
        platform.close()
        sessions.kw["bind"].dispose()
