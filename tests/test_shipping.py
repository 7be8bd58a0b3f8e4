"""Shipping an order: checked, audited and queued in one transaction, refused in plain words
with nothing written otherwise; a refused shipment in needs attention.

Real databases (SQLite and PostgreSQL) seeded through the sync engine's upsert; what
reaches the platform is proven against the sandbox in test_shipping_push.py.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import Decision, OrderState
from app.db import open_database
from app.models import AuditEvent, Order, OutboxOperation
from app.models import outbox as state
from app.platforms.douyin.codes import AfterSaleStatus, AfterSaleType, LogisticsRefusal, OrderStatus
from app.services import outbox
from app.services.attention import needs_attention
from app.services.people.permissions import MSG_OVER_SINGLE, MSG_ROLE, Actor, PermissionDenied, Role
from app.services.shipping import carriers
from app.services.shipping import shipments as shipping
from app.services.shipping.shipments import ShipmentRefused
from tests.builders import HOUR, NOW, after_sale_row, order_row, parcel_row, seed
from tests.people import seed_people

OWNER = Actor(1, "boss", "Boss", Role.OWNER, None, None)
CLERK = Actor(2, "li", "Li", Role.CLERK, 10_000, 15_000)  # ¥100 a refund, ¥150 a day
WAREHOUSE = Actor(3, "wu", "Wu", Role.WAREHOUSE, None, None)

TO_SHIP = "6800000000000000001"
ALSO_TO_SHIP = "6800000000000000002"
SHIPPED = "6800000000000000003"  # left with SHIPPED_PARCEL
CANCELLED = "6800000000000000004"
COMPLETED = "6800000000000000005"
UNPAID = "6800000000000000006"
BIG_REFUND_WAITING = "6800000000000000007"  # the buyer asked for ¥159 back before shipment
SMALL_REFUND_WAITING = "6800000000000000008"  # … and here for ¥50
BIG_REQUEST, SMALL_REQUEST = "7200000000000000071", "7200000000000000081"
SHIPPED_PARCEL = "SF100000000003"
GOOD = {carrier.code: carrier.example for carrier in carriers.bundled()}


def shop(database_url: str) -> sessionmaker[Session]:
    """A few orders in every state a shipment meets, two with refund requests waiting."""
    _, sessions = open_database(database_url)
    seed_people(sessions, OWNER, CLERK, WAREHOUSE)
    statuses = {
        TO_SHIP: OrderStatus.AWAITING_SHIPMENT,
        ALSO_TO_SHIP: OrderStatus.PAID,
        SHIPPED: OrderStatus.SHIPPED,
        CANCELLED: OrderStatus.CANCELLED,
        COMPLETED: OrderStatus.COMPLETED,
        UNPAID: OrderStatus.UNPAID,
        BIG_REFUND_WAITING: OrderStatus.AWAITING_SHIPMENT,
        SMALL_REFUND_WAITING: OrderStatus.AWAITING_SHIPMENT,
    }
    orders = {order_id: order_row(order_id=order_id, status=int(s)) for order_id, s in statuses.items()}
    orders[BIG_REFUND_WAITING].update(pay_amount=15_900, order_amount=15_900)
    orders[SMALL_REFUND_WAITING].update(pay_amount=5_000, order_amount=5_000)
    requests = [
        after_sale_row(orders[order_id], aftersale_id=request, refund_amount=orders[order_id]["pay_amount"])
        for order_id, request in ((BIG_REFUND_WAITING, BIG_REQUEST), (SMALL_REFUND_WAITING, SMALL_REQUEST))
    ]
    parcels = [parcel_row(orders[SHIPPED], tracking_no=SHIPPED_PARCEL)]
    seed(sessions, orders.values(), (), parcels, requests)
    return sessions


def written(sessions: sessionmaker[Session]) -> tuple[int, int]:
    """How many audit events and outbox operations there are."""
    with sessions() as session:
        events = session.scalar(select(func.count()).select_from(AuditEvent)) or 0
        ops = session.scalar(select(func.count()).select_from(OutboxOperation)) or 0
    return events, ops


def refused(
    sessions: sessionmaker[Session], actor: Actor, order_id: str, number: str, **options: bool
) -> str:
    """The plain words a refused shipment gives (English), after checking it wrote nothing."""
    before = written(sessions)
    with sessions.begin() as session, pytest.raises(ShipmentRefused) as refusal:
        shipping.ship_order(session, actor, order_id, "shunfeng", number, now=NOW, **options)
    assert written(sessions) == before
    return str(refusal.value)


def set_state(
    sessions: sessionmaker[Session],
    seq: int,
    new_state: str,
    platform_code: str = "",
    platform_state: str = "",
) -> None:
    """As the push engine leaves an operation after the platform's answer."""
    with sessions.begin() as session:
        session.execute(
            update(OutboxOperation)
            .where(OutboxOperation.seq == seq)
            .values(state=new_state, platform_code=platform_code, platform_state=platform_state)
        )


def seq_of(sessions: sessionmaker[Session], op_id: str) -> int:
    with sessions() as session:
        return session.scalar(select(OutboxOperation.seq).where(OutboxOperation.op_id == op_id))


# --- queuing a shipment -------------------------------------------------------------------------
def test_a_shipment_is_audited_and_queued_together_and_shows_as_pending(database_url: str) -> None:
    sessions = shop(database_url)
    with sessions.begin() as session:
        queued = shipping.ship_order(session, WAREHOUSE, TO_SHIP, "shunfeng", "sf 1420 3568 7012", now=NOW)
    assert (queued.order_id, queued.company_code, queued.tracking_no) == (
        TO_SHIP,
        "shunfeng",
        "SF142035687012",
    )
    assert queued.refused_requests == () and queued.note == ""
    with sessions() as session:
        op = session.scalars(select(OutboxOperation)).one()
        event = session.scalars(select(AuditEvent)).one()
        order = session.get(Order, TO_SHIP)
        assert (op.op_id, op.action, op.entity_type, op.entity_id) == (queued.op_id, "ship", "order", TO_SHIP)
        assert json.loads(op.details) == {
            "carrier_code": "shunfeng",
            "tracking_no": "SF142035687012",
            "refuse_refund": False,
        }
        assert (op.based_on_update_time, op.expected_from_state, op.expected_to_state) == (
            order.update_time,
            OrderState.AWAITING_SHIPMENT,
            OrderState.SHIPPED,
        )
        assert op.audit_event_id == event.id == queued.audit_event_id and op.created_by == WAREHOUSE.user_id
        assert (event.action, event.entity_id, event.order_id, event.actor_id) == (
            "order.ship",
            TO_SHIP,
            TO_SHIP,
            3,
        )
        assert json.loads(event.after)["tracking_no"] == "SF142035687012"
        assert order.status == OrderStatus.AWAITING_SHIPMENT  # the pull owns the mirror
        pending = shipping.pending_shipments(session, [TO_SHIP, ALSO_TO_SHIP])
    assert list(pending) == [TO_SHIP]
    assert (pending[TO_SHIP].tracking_no, pending[TO_SHIP].state) == ("SF142035687012", state.PENDING)


def test_a_transaction_rolled_back_after_shipping_keeps_neither_the_event_nor_the_operation(
    database_url: str,
) -> None:
    sessions = shop(database_url)
    with pytest.raises(RuntimeError), sessions.begin() as session:
        shipping.ship_order(session, OWNER, TO_SHIP, "shunfeng", GOOD["shunfeng"], now=NOW)
        raise RuntimeError("the computer lost power before the commit")
    assert written(sessions) == (0, 0)


def test_a_carrier_with_no_known_format_ships_with_a_note(database_url: str) -> None:
    sessions = shop(database_url)
    with sessions.begin() as session:
        queued = shipping.ship_order(session, OWNER, TO_SHIP, "zhaijisong", "zjs 0001 2345", now=NOW)
    assert queued.tracking_no == "ZJS00012345" and queued.note == carriers.MSG_NOT_CHECKED


def test_orders_not_waiting_to_be_shipped_are_refused_in_plain_words(database_url: str) -> None:
    sessions = shop(database_url)
    number = GOOD["shunfeng"]
    assert "not in the local copy" in refused(sessions, OWNER, "6899999999999999999", number)
    assert refused(sessions, OWNER, SHIPPED, number) == shipping.MSG_NOT_TO_SHIP[OrderState.SHIPPED]
    assert refused(sessions, OWNER, CANCELLED, number) == shipping.MSG_NOT_TO_SHIP[OrderState.CANCELLED]
    assert refused(sessions, OWNER, COMPLETED, number) == shipping.MSG_NOT_TO_SHIP[OrderState.COMPLETED]
    assert refused(sessions, OWNER, UNPAID, number) == shipping.MSG_NOT_TO_SHIP[OrderState.UNPAID]
    wrong = refused(sessions, OWNER, TO_SHIP, "SF12345")
    assert "does not look like a 顺丰速运 number (for example SF1420356870125)" in wrong
    assert written(sessions) == (0, 0)


def test_an_order_is_shipped_once_whether_its_shipment_waits_or_already_went_through(
    database_url: str,
) -> None:
    sessions = shop(database_url)
    with sessions.begin() as session:
        first = shipping.ship_order(session, WAREHOUSE, TO_SHIP, "shunfeng", "SF000000000001", now=NOW)
    assert "already waiting to be sent" in refused(sessions, WAREHOUSE, TO_SHIP, "SF000000000002")
    set_state(sessions, seq_of(sessions, first.op_id), state.DONE)  # applied; the pull has not run yet
    assert "already shipped from here with tracking number SF000000000001" in refused(
        sessions, WAREHOUSE, TO_SHIP, "SF000000000002"
    )


def test_a_tracking_number_another_order_has_is_refused(database_url: str) -> None:
    sessions = shop(database_url)
    assert f"already used for order {SHIPPED}" in refused(
        sessions, WAREHOUSE, TO_SHIP, SHIPPED_PARCEL.lower()
    )
    with sessions.begin() as session:
        queued = shipping.ship_order(session, WAREHOUSE, ALSO_TO_SHIP, "shunfeng", "SF000000000009", now=NOW)
    for holding in (state.PENDING, state.SENDING, state.DONE):
        set_state(sessions, seq_of(sessions, queued.op_id), holding)
        assert f"already used for order {ALSO_TO_SHIP}" in refused(
            sessions, WAREHOUSE, TO_SHIP, "SF000000000009"
        )
    # A number the platform refused, or a person dropped, is free again.
    for released in (state.REJECTED, state.CONFLICT, state.DISCARDED):
        set_state(sessions, seq_of(sessions, queued.op_id), released)
        with sessions() as session:
            shipping.check_shipment(session, WAREHOUSE, TO_SHIP, "shunfeng", "SF000000000009", now=NOW)


def test_a_batch_may_not_use_one_number_twice(database_url: str) -> None:
    sessions = shop(database_url)
    with sessions() as session:
        shipping.check_shipment(session, WAREHOUSE, TO_SHIP, "shunfeng", "SF000000000004", now=NOW)
        with pytest.raises(ShipmentRefused, match="more than once in this batch"):
            shipping.check_shipment(
                session,
                WAREHOUSE,
                TO_SHIP,
                "shunfeng",
                "SF 0000 0000 0004",
                now=NOW,
                also_used={"sf000000000004"},
            )
    assert written(sessions) == (0, 0)


# --- a refund request waiting before shipment ----------------------------------------------------
def test_a_refund_request_waiting_stops_the_shipment_and_is_named(database_url: str) -> None:
    sessions = shop(database_url)
    words = refused(sessions, OWNER, BIG_REFUND_WAITING, GOOD["shunfeng"])
    assert f"request {BIG_REQUEST}, ¥159.00" in words and "decide the request first" in words
    # The warehouse may not decide it: the request's amount is for those who do.
    words = refused(sessions, WAREHOUSE, BIG_REFUND_WAITING, GOOD["shunfeng"])
    assert f"request {BIG_REQUEST})" in words and "decide the request first" in words and "¥" not in words


def test_the_owner_may_ship_refusing_the_refund_and_both_are_audited(database_url: str) -> None:
    sessions = shop(database_url)
    with sessions.begin() as session:
        queued = shipping.ship_order(
            session, OWNER, BIG_REFUND_WAITING, "shunfeng", GOOD["shunfeng"], now=NOW, refuse_refund=True
        )
    assert queued.refused_requests == (BIG_REQUEST,)
    with sessions() as session:
        op = session.scalars(select(OutboxOperation)).one()
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert json.loads(op.details)["refuse_refund"] is True
    assert [(e.action, e.entity_id) for e in events] == [
        ("order.ship", BIG_REFUND_WAITING),
        ("refund.refuse", BIG_REQUEST),
    ]
    assert events[1].refers_to == events[0].id and json.loads(events[1].after)["refund_amount"] == 15_900


def test_refusing_a_refund_to_ship_needs_a_person_allowed_to_refuse_it(database_url: str) -> None:
    sessions = shop(database_url)
    for actor, order_id in ((WAREHOUSE, SMALL_REFUND_WAITING), (CLERK, BIG_REFUND_WAITING)):
        with sessions.begin() as session, pytest.raises(PermissionDenied) as denied:
            shipping.ship_order(
                session, actor, order_id, "shunfeng", GOOD["shunfeng"], now=NOW, refuse_refund=True
            )
        assert denied.value.message == (MSG_ROLE if actor is WAREHOUSE else MSG_OVER_SINGLE)
    assert written(sessions) == (0, 0)
    with sessions.begin() as session:  # ¥50 is within the clerk's single limit of ¥100
        queued = shipping.ship_order(
            session, CLERK, SMALL_REFUND_WAITING, "shunfeng", GOOD["shunfeng"], now=NOW, refuse_refund=True
        )
    assert queued.refused_requests == (SMALL_REQUEST,)


def test_a_clerk_ships_only_by_refusing_a_refund(database_url: str) -> None:
    sessions = shop(database_url)
    for refuse_refund in (False, True):  # with no request to refuse, this is plain shipping
        with sessions.begin() as session, pytest.raises(PermissionDenied):
            shipping.ship_order(
                session, CLERK, TO_SHIP, "shunfeng", GOOD["shunfeng"], now=NOW, refuse_refund=refuse_refund
            )
    with sessions.begin() as session:
        queued = shipping.ship_order(
            session, OWNER, TO_SHIP, "shunfeng", GOOD["shunfeng"], now=NOW, refuse_refund=True
        )
    assert queued.refused_requests == ()
    with sessions() as session:
        assert json.loads(session.scalars(select(OutboxOperation)).one().details)["refuse_refund"] is False


def test_a_decision_on_the_refund_request_waiting_to_be_sent_holds_the_shipment(database_url: str) -> None:
    sessions = shop(database_url)
    with sessions.begin() as session:
        outbox.enqueue_decision(
            session,
            request_id=SMALL_REQUEST,
            decision=Decision.REFUSE_REFUND,
            details={},
            based_on_update_time=None,
            expected_from=None,
            expected_to=None,
            actor=CLERK,
            now=NOW,
        )
    words = refused(sessions, OWNER, SMALL_REFUND_WAITING, GOOD["shunfeng"], refuse_refund=True)
    assert f"refund request {SMALL_REQUEST} is waiting to be sent" in words


# --- in needs attention ---------------------------------------------------------------------------
def test_a_shipment_stopped_for_a_refund_request_can_go_again_refusing_it(database_url: str) -> None:
    sessions = shop(database_url)
    with sessions.begin() as session:
        queued = shipping.ship_order(session, OWNER, TO_SHIP, "shunfeng", GOOD["shunfeng"], now=NOW)
    # Meanwhile the buyer asked for a refund, and the platform refused the shipment for it.
    seed(
        sessions,
        after_sales=[after_sale_row(order_row(order_id=TO_SHIP), aftersale_id="7200000000000000011")],
    )
    seq = seq_of(sessions, queued.op_id)
    set_state(
        sessions,
        seq,
        state.REJECTED,
        f"isv.business-failed:{LogisticsRefusal.REFUND_PENDING}",
        platform_state=json.dumps({outbox.REFUND_REQUEST_WAITING: True}),
    )
    with sessions.begin() as session:
        assert needs_attention.can_reapply(session, seq)
        with pytest.raises(PermissionDenied):
            needs_attention.reapply(session, WAREHOUSE, seq, now=NOW + HOUR)
    with sessions.begin() as session:
        new_op_id = needs_attention.reapply(session, OWNER, seq, now=NOW + HOUR)
    with sessions() as session:
        ops = session.scalars(select(OutboxOperation).order_by(OutboxOperation.seq)).all()
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert [o.state for o in ops] == [state.DISCARDED, state.PENDING] and ops[1].op_id == new_op_id
    assert json.loads(ops[1].details) == {
        "carrier_code": "shunfeng",
        "tracking_no": GOOD["shunfeng"],
        "refuse_refund": True,
    }
    assert actions == ["order.ship", "order.ship", "refund.refuse", "outbox.reapply"]


def test_other_refused_shipments_can_only_be_discarded(database_url: str) -> None:
    sessions = shop(database_url)
    with sessions.begin() as session:
        queued = shipping.ship_order(session, WAREHOUSE, TO_SHIP, "shunfeng", GOOD["shunfeng"], now=NOW)
    seq = seq_of(sessions, queued.op_id)
    set_state(
        sessions, seq, state.REJECTED, f"isv.parameter-invalid:{LogisticsRefusal.TRACKING_DOES_NOT_FIT}"
    )
    with sessions.begin() as session:
        assert not needs_attention.can_reapply(session, seq)
        with pytest.raises(ShipmentRefused, match="Discard this one instead"):
            needs_attention.reapply(session, OWNER, seq, now=NOW)
    with sessions.begin() as session:
        outbox.discard(session, WAREHOUSE, seq, now=NOW + 60)
    with sessions() as session:
        assert (
            outbox.needing_attention(session) == [] and shipping.pending_shipments(session, [TO_SHIP]) == {}
        )
        shipping.check_shipment(session, WAREHOUSE, TO_SHIP, "shunfeng", GOOD["shunfeng"], now=NOW)


def test_refund_statuses_other_than_waiting_do_not_stop_a_shipment(database_url: str) -> None:
    sessions = shop(database_url)
    order = order_row(order_id=TO_SHIP)
    seed(
        sessions,
        after_sales=[
            after_sale_row(
                order, aftersale_id="7200000000000000021", status=int(AfterSaleStatus.MERCHANT_REFUSED)
            ),
            after_sale_row(
                order, aftersale_id="7200000000000000022", type=int(AfterSaleType.REFUND_AFTER_SHIPMENT)
            ),
        ],
    )
    with sessions() as session:
        shipping.check_shipment(session, WAREHOUSE, TO_SHIP, "shunfeng", GOOD["shunfeng"], now=NOW)
