"""Shipments reach the platform exactly once, whatever goes wrong, and every refusal ends in
"needs attention" in plain words.

The real sandbox over HTTP, the real PushEngine and SyncEngine, real databases (SQLite
and PostgreSQL). The sandbox's ledger is the proof of what the platform applied.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
import requests
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import OrderState
from app.db import open_database
from app.models import AfterSale, Order, OrderLogistics, OutboxOperation
from app.models import outbox as state
from app.platforms.douyin.client import PROBLEM_NETWORK
from app.platforms.douyin.codes import (
    LOGISTICS_REFUSAL_PROBLEMS,
    AfterSaleStatus,
    AfterSaleType,
    LogisticsRefusal,
    OperateType,
    OrderStatus,
)
from app.sandbox.faults import AFTER_KINDS, BEFORE_KINDS
from app.services import outbox
from app.services.attention import needs_attention
from app.services.people.permissions import Actor, Role
from app.services.shipping import shipments as shipping
from app.sync.engine import SyncEngine
from tests.builders import order_row, seed
from tests.people import seed_people
from tests.sandbox_control import control, demo_client, demo_platform, inject

OWNER = Actor(1, "boss", "Boss", Role.OWNER, None, None)
WAREHOUSE = Actor(3, "wu", "Wu", Role.WAREHOUSE, None, None)
R = LogisticsRefusal


class MovableClock:
    """Real time, plus whatever a test skips ahead to make a back-off delay pass."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


@dataclass
class Shop:
    url: str
    sessions: sessionmaker[Session]
    engine: SyncEngine
    clock: MovableClock

    def orders(self, *conditions: Any) -> list[str]:
        with self.sessions() as session:
            return list(session.scalars(select(Order.order_id).where(*conditions).order_by(Order.order_id)))

    def to_ship(self, how_many: int) -> list[str]:
        found = self.orders(Order.status == OrderStatus.AWAITING_SHIPMENT)
        assert len(found) >= how_many, "the sandbox shop should have orders waiting to be shipped"
        return found[:how_many]

    def ship(self, order_id: str, tracking_no: str, carrier: str = "shunfeng", **options: Any) -> int:
        """What the shipping board does for a person: ship_order in one transaction."""
        actor = options.pop("actor", WAREHOUSE)
        with self.sessions.begin() as session:
            queued = shipping.ship_order(session, actor, order_id, carrier, tracking_no, now=now(), **options)
        return self.seq(queued.op_id)

    def seq(self, op_id: str) -> int:
        with self.sessions() as session:
            return session.scalar(select(OutboxOperation.seq).where(OutboxOperation.op_id == op_id))

    def operation(self, seq: int) -> OutboxOperation:
        with self.sessions() as session:
            op = session.get(OutboxOperation, seq)
            assert op is not None
            return op

    def push_until_settled(self, engine: SyncEngine | None = None, rounds: int = 8) -> None:
        """Run the engine until nothing is open, skipping each back-off delay."""
        for _ in range(rounds):
            (engine or self.engine).run_once()
            with self.sessions() as session:
                waiting = session.scalars(
                    select(OutboxOperation.next_attempt_at).where(
                        OutboxOperation.state.in_(state.OPEN_STATES)
                    )
                ).all()
            if not waiting:
                return
            self.clock.offset += max(0.0, max(waiting) - self.clock() + 1)
        raise AssertionError("operations still open after every retry")


def now() -> int:
    return int(time.time())


def open_shop(url: str, database_url: str) -> Shop:
    """New buyers' orders, paid (or cancelled unpaid) half an hour later, mirrored locally."""
    control(url, "tick", {"new_orders": 12})
    control(url, "clock", {"advance_s": 1900})
    _, sessions = open_database(database_url)
    seed_people(sessions, OWNER, WAREHOUSE)
    clock = MovableClock()
    engine = SyncEngine(demo_platform(url), sessions, clock=clock)
    assert engine.run_once().outcome.value == "done"
    return Shop(url, sessions, engine, clock)


def shipments_applied(url: str, order_id: str) -> list[str]:
    """The tracking numbers the platform's ledger shows added to `order_id`."""
    entries = requests.get(f"{url}/_sandbox/ledger", params={"since": 0}, timeout=30).json()["entries"]
    return [
        entry["params"]["logistics_code"]
        for entry in entries
        if entry["method"] == "order.logisticsAdd" and entry["entity_id"] == order_id
    ]


def tracking(n: int, carrier_prefix: str = "SF") -> str:
    return f"{carrier_prefix}{700_000_000_000 + n:012d}"


def closed_port_url() -> str:
    """An address where nothing listens: the platform as seen with the internet gone."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def shipped_in_mirror(shop: Shop, order_id: str) -> tuple[int, list[str]]:
    with shop.sessions() as session:
        order = session.get(Order, order_id)
        parcels = session.scalars(
            select(OrderLogistics.tracking_no).where(OrderLogistics.order_id == order_id)
        )
        return order.status, list(parcels)


# --- offline, faults: exactly once ------------------------------------------------------------
def test_a_shipment_made_offline_reaches_the_platform_once_after_reconnecting(
    sandbox_url: str, database_url: str
) -> None:
    shop = open_shop(sandbox_url, database_url)
    order_id = shop.to_ship(1)[0]
    offline = SyncEngine(demo_platform(closed_port_url()), shop.sessions, clock=shop.clock)
    seq = shop.ship(order_id, tracking(1))
    assert offline.run_once().outcome.value != "done"
    with shop.sessions() as session:
        pending = shipping.pending_shipments(session, [order_id])[order_id]
    assert (pending.seq, pending.state, pending.problem) == (seq, state.PENDING, PROBLEM_NETWORK)
    assert shipments_applied(sandbox_url, order_id) == []

    shop.push_until_settled()  # the internet is back
    assert shop.operation(seq).state == state.DONE
    assert shipments_applied(sandbox_url, order_id) == [tracking(1)]
    shop.engine.run_once()
    assert shipped_in_mirror(shop, order_id) == (OrderStatus.SHIPPED, [tracking(1)])
    with shop.sessions() as session:
        assert shipping.pending_shipments(session, [order_id]) == {}


# `plant_record` adds a record to a list answer; a shipment's answer has no list to spoil.
# The platform's trouble and the network's, before or after applying: errors a person must
# act on stop the push and keep the queue (tests/test_errors_a_person_acts_on.py), and a
# picture review concerns uploads only (tests/test_evidence_review.py).
OPERATION_FAULTS = [kind for kind in (*BEFORE_KINDS, *AFTER_KINDS) if kind != "plant_record"]


@pytest.mark.parametrize("fault", OPERATION_FAULTS)
def test_every_fault_during_a_shipment_push_ends_applied_exactly_once(
    sandbox_url: str, database_url: str, fault: str
) -> None:
    shop = open_shop(sandbox_url, database_url)
    order_id = shop.to_ship(1)[0]
    seq = shop.ship(order_id, tracking(2))
    inject(sandbox_url, fault, method="order.logisticsAdd", ms=300)
    shop.push_until_settled()
    assert shop.operation(seq).state == state.DONE
    assert shipments_applied(sandbox_url, order_id) == [tracking(2)]
    shop.engine.run_once()
    assert shipped_in_mirror(shop, order_id) == (OrderStatus.SHIPPED, [tracking(2)])


# --- every refusal of the platform: needs attention, in plain words ---------------------------------
def queue_behind_the_checks(shop: Shop, order_id: str, carrier: str, tracking_no: str) -> int:
    """A shipment in the outbox exactly as ship_order writes it, for the cases its local
    checks would stop first (the mirror disagreeing with the platform, a carrier format
    the platform changed): the push must still end in needs attention."""
    with shop.sessions.begin() as session:
        order = session.get(Order, order_id)
        op_id = outbox.enqueue_shipment(
            session,
            order_id=order_id,
            carrier_code=carrier,
            tracking_no=tracking_no,
            refuse_refund=False,
            based_on_update_time=order.update_time if order else None,
            expected_from=OrderState(order.state) if order and order.state else None,
            actor=WAREHOUSE,
            now=now(),
        )
    return shop.seq(op_id)


def refund_before_shipment(shop: Shop, *, pending: bool) -> str:
    """A buyer asks for a refund before shipment on the platform (the mirror does not know
    yet); the order id. `pending`: the request still waits for the merchant; otherwise the
    buyer is refunded and the order closed (every line refunded)."""
    client = demo_client(shop.url)
    kind = int(AfterSaleType.REFUND_BEFORE_SHIPMENT)
    for _ in range(12):  # most such requests are fast-refunded at once, some orders have more lines
        made = control(shop.url, "tick", {"new_after_sales": 1, "after_sale_type": kind})
        assert made["after_sales"], "the sandbox should have orders waiting to be shipped"
        detail = client.call("afterSale.Detail", {"after_sale_id": made["after_sales"][0]}).data
        info, order_id = detail["process_info"]["after_sale_info"], str(detail["order_info"]["shop_order_id"])
        waiting = info["after_sale_status"] == AfterSaleStatus.AWAITING_MERCHANT
        if pending and waiting:
            return order_id
        if not pending:
            if waiting:  # the shop agrees from the platform's own pages
                items = [{"aftersale_id": str(info["after_sale_id"]), "update_time": info["update_time"]}]
                agree = {"type": int(OperateType.AGREE_REFUND_BEFORE_SHIPMENT), "items": items}
                assert client.call("afterSale.operate", agree).ok
            order = client.call("order.orderDetail", {"shop_order_id": order_id}).data["shop_order_detail"]
            if order["order_status"] == OrderStatus.CANCELLED:
                return order_id
    raise AssertionError("the sandbox never produced the refund request wanted")


def shipped_elsewhere(shop: Shop, order_id: str, tracking_no: str) -> None:
    """Someone ships the order from the platform's own pages (not through this app)."""
    params = {"order_id": order_id, "company_code": "shunfeng", "logistics_code": tracking_no}
    assert demo_client(shop.url).call("order.logisticsAdd", params).ok


def already_shipped(shop: Shop) -> tuple[str, int]:
    order_id = shop.to_ship(1)[0]
    shipped_elsewhere(shop, order_id, tracking(90))
    return order_id, shop.ship(order_id, tracking(3))


def cancelled(shop: Shop) -> tuple[str, int]:
    unpaid = (Order.pay_time.is_(None)) | (Order.pay_time == 0)  # not paid, so not refunded either
    found = shop.orders(Order.status == OrderStatus.CANCELLED, unpaid)
    assert found, "the sandbox shop should have orders cancelled unpaid"
    return found[0], queue_behind_the_checks(shop, found[0], "shunfeng", tracking(3))


def completed(shop: Shop) -> tuple[str, int]:
    order_id = shop.orders(Order.status == OrderStatus.COMPLETED)[0]
    return order_id, queue_behind_the_checks(shop, order_id, "shunfeng", tracking(3))


def refunded(shop: Shop) -> tuple[str, int]:
    order_id = refund_before_shipment(shop, pending=False)
    return order_id, shop.ship(order_id, tracking(3))


def refund_pending(shop: Shop) -> tuple[str, int]:
    order_id = refund_before_shipment(shop, pending=True)
    return order_id, shop.ship(order_id, tracking(3))


def unknown_carrier(shop: Shop) -> tuple[str, int]:
    order_id = shop.to_ship(1)[0]
    return order_id, shop.ship(order_id, "ZJS000000003", carrier="zhaijisong")


def tracking_does_not_fit(shop: Shop) -> tuple[str, int]:
    order_id = shop.to_ship(1)[0]
    return order_id, queue_behind_the_checks(shop, order_id, "shunfeng", "SF3")


def no_such_order(shop: Shop) -> tuple[str, int]:
    order = order_row(order_id="6899999999999999999", status=int(OrderStatus.AWAITING_SHIPMENT))
    seed(shop.sessions, [order])  # in the local copy only (another shop's data, a damaged mirror)
    return order["order_id"], shop.ship(order["order_id"], tracking(3))


def tracking_used_elsewhere(shop: Shop) -> tuple[str, int]:
    order_id, other = shop.to_ship(2)
    shipped_elsewhere(shop, other, tracking(3))
    return order_id, shop.ship(order_id, tracking(3))


REFUSALS: dict[R, tuple[Callable[[Shop], tuple[str, int]], str]] = {
    R.ALREADY_SHIPPED: (already_shipped, state.CONFLICT),
    R.CANCELLED: (cancelled, state.REJECTED),
    R.COMPLETED: (completed, state.REJECTED),
    R.REFUNDED: (refunded, state.REJECTED),
    R.REFUND_PENDING: (refund_pending, state.REJECTED),
    R.UNKNOWN_CARRIER: (unknown_carrier, state.REJECTED),
    R.TRACKING_DOES_NOT_FIT: (tracking_does_not_fit, state.REJECTED),
    R.NO_SUCH_ORDER: (no_such_order, state.REJECTED),
    R.TRACKING_USED_ELSEWHERE: (tracking_used_elsewhere, state.CONFLICT),
}


def test_the_refusal_table_covers_every_refusal_of_the_protocol() -> None:
    assert set(REFUSALS) == set(LogisticsRefusal) == set(LOGISTICS_REFUSAL_PROBLEMS)


@pytest.mark.parametrize("refusal", list(REFUSALS), ids=[r.name.lower() for r in REFUSALS])
def test_each_refusal_of_a_shipment_needs_attention_in_plain_words_and_can_be_discarded(
    sandbox_url: str, database_url: str, refusal: R
) -> None:
    shop = open_shop(sandbox_url, database_url)
    make, final = REFUSALS[refusal]
    order_id, seq = make(shop)
    shop.push_until_settled()
    op = shop.operation(seq)
    assert (op.state, op.platform_code.rsplit(":", 1)[-1]) == (final, str(int(refusal)))
    assert op.problem == LOGISTICS_REFUSAL_PROBLEMS[refusal] and op.platform_message  # theirs, kept beside
    assert json.loads(op.details)["tracking_no"] not in shipments_applied(sandbox_url, order_id)
    with shop.sessions.begin() as session:
        assert [row.seq for row in outbox.needing_attention(session)] == [seq]
        assert needs_attention.can_reapply(session, seq) is (refusal is R.REFUND_PENDING)
        outbox.discard(session, OWNER, seq, now=now())
    with shop.sessions() as session:
        assert outbox.needing_attention(session) == []


def test_a_shipment_stopped_for_a_refund_request_goes_again_refusing_it_once(
    sandbox_url: str, database_url: str
) -> None:
    shop = open_shop(sandbox_url, database_url)
    order_id, seq = refund_pending(shop)
    shop.push_until_settled()  # refused; the pull after the push brings the buyer's request
    with shop.sessions.begin() as session:
        request = session.scalars(select(AfterSale).where(AfterSale.order_id == order_id)).one()
        assert request.status == AfterSaleStatus.AWAITING_MERCHANT
        needs_attention.reapply(session, OWNER, seq, now=now())
    shop.push_until_settled()
    shop.engine.run_once()
    assert shipments_applied(sandbox_url, order_id) == [tracking(3)]
    assert shipped_in_mirror(shop, order_id) == (OrderStatus.SHIPPED, [tracking(3)])
    with shop.sessions() as session:
        assert session.get(AfterSale, request.aftersale_id).status == AfterSaleStatus.MERCHANT_REFUSED
        assert outbox.needing_attention(session) == []


def test_a_lost_answer_for_an_order_the_platform_does_not_have_ends_in_needs_attention(
    sandbox_url: str, database_url: str
) -> None:
    shop = open_shop(sandbox_url, database_url)
    order_id, seq = no_such_order(shop)
    inject(sandbox_url, "drop_response", method="order.logisticsAdd")
    shop.push_until_settled()  # the re-read finds no such order: no endless re-reading
    op = shop.operation(seq)
    assert (op.state, op.problem) == (state.REJECTED, LOGISTICS_REFUSAL_PROBLEMS[R.NO_SUCH_ORDER])
    assert shipments_applied(sandbox_url, order_id) == []
