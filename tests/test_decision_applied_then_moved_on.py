"""A decision of ours whose answer was lost stays ours, however far the request has moved on since.

Issue 12 item 19, its reverse. A decision that reached the platform but whose answer
was lost is re-read before it may be sent again. By then the request may have moved
past the decision's target: the buyer sent the goods back, the platform agreed the
refund when the receipt deadline passed, or closed it when the goods never came. The
current status alone then says neither "applied" nor "not applied"; the request's own
history (`afterSale.Detail` → `process_info.record_logs_list`) says who moved it out of
the status the decision was made on: the merchant (this shop's decision, applied), the
platform on its own at the deadline, or someone else. Real sandbox over HTTP (its
ledger shows who applied what), real databases.
"""

from __future__ import annotations

import json
import time

from sqlalchemy import select

from app.core.vocabulary import Decision, RequestState
from app.db import open_database
from app.models import AfterSale, AuditEvent
from app.models import outbox as state
from app.platforms.douyin import mapping
from app.platforms.douyin.codes import (
    OPERATE_TRANSITIONS,
    AfterSaleStatus,
    AfterSaleType,
    RecordRole,
)
from app.platforms.douyin.detail import history_of
from app.services.refunds import outcomes
from app.sync import request_history
from app.sync.engine import SyncEngine
from app.sync.push import PROBLEM_CONFLICT, PROBLEM_PLATFORM_DECIDED
from tests.sandbox_control import (
    applied_by_client,
    control,
    demo_client,
    demo_platform,
    inject,
    queue_decision,
)
from tests.test_outbox_push import MovableClock, operation
from tests.test_shipping_push import (
    open_shop,
    shipments_applied,
    shipped_elsewhere,
    tracking,
)

HOUR, DAY = 3600, 86400
# Past every step of a return the merchant agreed to: the buyer's return (3–72 h), the
# receipt deadline (48 h after it), or the return window closing (7 days).
EVERYTHING_SETTLED_S = 10 * DAY


def a_shop_with_one_return_request(
    sandbox_url: str, database_url: str
) -> tuple[SyncEngine, MovableClock, AfterSale]:
    kind = int(AfterSaleType.RETURN_AND_REFUND)
    made = control(sandbox_url, "tick", {"new_after_sales": 1, "after_sale_type": kind})
    _, sessions = open_database(database_url)
    clock = MovableClock()
    engine = SyncEngine(demo_platform(sandbox_url), sessions, clock=clock)
    assert engine.run_once().outcome.value == "done"
    with sessions() as session:
        request = session.get(AfterSale, made["after_sales"][0])
    assert request is not None and request.status == AfterSaleStatus.AWAITING_MERCHANT
    return engine, clock, request


def agree_to_the_return(engine: SyncEngine, request: AfterSale) -> int:
    """Queue the merchant's agreement (6 → 7), as the refund decision service does; its seq."""
    with engine._sessions.begin() as session:
        queue_decision(  # to the shop's return address, as the platform numbers it (an int64)
            session,
            request,
            Decision.AGREE_RETURN,
            RequestState.AWAITING_BUYER_RETURN,
            return_address_id=71001,
        )
    return engine.push.due_operations()[0]


def days_pass_on_the_platform(sandbox_url: str, engine: SyncEngine, clock: MovableClock, seq: int) -> None:
    control(sandbox_url, "clock", {"advance_s": EVERYTHING_SETTLED_S})
    clock.offset += operation(engine, seq).next_attempt_at - clock() + 1  # the back-off has passed


def status_on_the_platform(sandbox_url: str, aftersale_id: str) -> int:
    detail = demo_client(sandbox_url).call("afterSale.Detail", {"after_sale_id": aftersale_id})
    assert detail.ok, detail.describe()
    return detail.data["process_info"]["after_sale_info"]["after_sale_status"]


def decided_by(engine: SyncEngine) -> str:
    with engine._sessions() as session:
        answer = session.scalars(select(AuditEvent).where(AuditEvent.action == "platform.answer")).one()
    return json.loads(answer.after)["decided_by"]


def test_an_agreement_applied_whose_answer_was_lost_is_ours_after_the_request_moved_on(
    sandbox_url: str, database_url: str
) -> None:
    engine, clock, request = a_shop_with_one_return_request(sandbox_url, database_url)
    seq = agree_to_the_return(engine, request)
    inject(sandbox_url, "drop_response", method="afterSale.operate")  # applied, the answer lost
    engine.push.push_once()
    assert operation(engine, seq).state == state.PENDING and operation(engine, seq).verify_before_send
    # Offline for days: the buyer sends the goods back and the receipt deadline agrees
    # the refund (or the buyer never does and the platform closes the request).
    days_pass_on_the_platform(sandbox_url, engine, clock, seq)
    moved_on = status_on_the_platform(sandbox_url, request.aftersale_id)
    assert moved_on in (AfterSaleStatus.REFUNDED, AfterSaleStatus.CLOSED)

    assert engine.push.push_once().counts == {state.DONE: 1}

    op = operation(engine, seq)
    assert (op.state, op.problem) == (state.DONE, "")
    assert applied_by_client(sandbox_url, request.aftersale_id) == 1  # applied once: ours
    assert decided_by(engine) == "shop"
    with engine._sessions() as session:  # the re-read is mirrored too
        assert session.get(AfterSale, request.aftersale_id).status == moved_on


def test_an_agreement_the_platform_made_on_its_own_is_the_platforms_after_the_request_moved_on(
    sandbox_url: str, database_url: str
) -> None:
    engine, clock, request = a_shop_with_one_return_request(sandbox_url, database_url)
    seq = agree_to_the_return(engine, request)
    inject(sandbox_url, "http_5xx", method="afterSale.operate")  # not applied, but who can tell
    engine.push.push_once()
    assert operation(engine, seq).verify_before_send
    # The merchant's deadline passes (the platform agrees on its own), then the return goes on.
    days_pass_on_the_platform(sandbox_url, engine, clock, seq)
    assert status_on_the_platform(sandbox_url, request.aftersale_id) not in (
        AfterSaleStatus.AWAITING_MERCHANT,
        AfterSaleStatus.AWAITING_BUYER_RETURN,
    )

    assert engine.push.push_once().counts == {state.CONFLICT: 1}

    op = operation(engine, seq)
    assert (op.state, op.problem) == (state.CONFLICT, PROBLEM_PLATFORM_DECIDED)
    assert applied_by_client(sandbox_url, request.aftersale_id) == 0
    assert decided_by(engine) == "platform"


def test_a_confirmation_applied_after_the_platform_moved_twice_in_one_second_is_ours(
    sandbox_url: str, database_url: str
) -> None:
    # Return requests nobody decided: one jump of the platform's clock makes it agree at
    # the deadline and take the buyer's parcel back in the same second, the version the
    # desk then decides on.
    kind = int(AfterSaleType.RETURN_AND_REFUND)
    control(sandbox_url, "tick", {"new_after_sales": 6, "after_sale_type": kind})
    _, sessions = open_database(database_url)
    clock = MovableClock()
    engine = SyncEngine(demo_platform(sandbox_url), sessions, clock=clock)
    assert engine.run_once().outcome.value == "done"
    control(sandbox_url, "clock", {"advance_s": 120 * HOUR + 1})
    assert engine.run_once().outcome.value == "done"
    with sessions() as session:
        back = session.scalars(
            select(AfterSale).where(
                AfterSale.type == kind, AfterSale.status == AfterSaleStatus.RETURN_AWAITING_RECEIPT
            )
        ).all()
    assert back, "some buyers should have sent their parcel back by now"
    request = back[0]
    with engine._sessions.begin() as session:
        queue_decision(session, request, Decision.ACCEPT_RETURNED_GOODS, RequestState.REFUNDED)
    seq = engine.push.due_operations()[0]
    inject(sandbox_url, "drop_response", method="afterSale.operate")  # applied, the answer lost
    engine.push.push_once()
    clock.offset += operation(engine, seq).next_attempt_at - clock() + 1

    assert engine.push.push_once().counts == {state.DONE: 1}
    assert applied_by_client(sandbox_url, request.aftersale_id) == 1


# --- reading the history: what is relied on --------------------------------------------------
T0 = 1_765_000_000  # 2025-12-06 13:46:40 in Shanghai


def entry(role: RecordRole, action: str, at: int) -> dict:
    """One history entry as the platform writes it: Shanghai wall time, to the second."""
    shanghai = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(at + 8 * HOUR))
    return {"operator": "", "time": shanghai, "text": action, "action": action, "role": int(role)}


def detail(*entries: dict) -> dict:
    return {"process_info": {"record_logs_list": list(entries)}}


def who_moved_it_on(answer: dict, since: int, *, refusing: bool) -> str | None:
    """request_history's question, asked of the history Douyin's adapter reads in `answer`."""
    return request_history.who_moved_it_on(history_of(answer), since, refusing=refusing)


def test_the_only_status_a_merchants_move_leads_to_and_a_decision_starts_from_is_told_to_the_reader() -> None:
    """What the history's reading relies on for moves within one second (request_history): a
    shop's entry in the second of the version a decision was made on came after the decision,
    but where the decision starts from a status a merchant's move leads to — 8, an agreed resend
    waiting for its goods — and the push tells the reader so (outcomes.STARTS_AFTER_SHOP_MOVE)."""
    sources = {start for moves in OPERATE_TRANSITIONS.values() for (_, start) in moves}
    targets = {end for moves in OPERATE_TRANSITIONS.values() for end in moves.values()}
    both = sources & (targets | {AfterSaleStatus.MERCHANT_REFUSED})
    assert both == {AfterSaleStatus.AWAITING_MERCHANT_SHIPMENT}
    assert {mapping.request_state(status) for status in both} == set(outcomes.STARTS_AFTER_SHOP_MOVE)


def test_a_shipment_decided_on_the_agreement_that_made_its_version_is_not_taken_for_applied() -> None:
    """A resend's goods (Decision.SHIP_REPLACEMENT) decided on the version the shop's agreement
    (501) made at T0: that agreement's entry, at T0, is not the shipment."""
    agreed = entry(RecordRole.MERCHANT, "商家同意", T0)
    shipped = entry(RecordRole.MERCHANT, "商家同意", T0 + 60)
    assert who_moved_it_on(detail(agreed), T0, refusing=False) == "shop"  # as read without being told
    alone = history_of(detail(agreed))
    told = request_history.who_moved_it_on(alone, T0, refusing=False, after_shop_move=True)
    assert told is None  # nothing since: the re-read's state decides
    both = history_of(detail(agreed, shipped))
    assert request_history.who_moved_it_on(both, T0, refusing=False, after_shop_move=True) == "shop"


def test_the_history_names_who_moved_a_request_on_after_the_decision_was_made() -> None:
    applied = entry(RecordRole.BUYER, "买家申请售后", T0 - DAY)
    agreed = entry(RecordRole.MERCHANT, "商家同意", T0 + 60)
    returned = entry(RecordRole.BUYER, "买家已退货", T0 + 3 * DAY)
    timed_out = entry(RecordRole.PLATFORM, "商家超时未处理，系统自动同意", T0 + 2 * DAY)
    refused_there = entry(RecordRole.MERCHANT, "商家拒绝", T0 + 60)
    # Ours: the merchant's agreement after the version the decision was made on, whatever followed.
    assert who_moved_it_on(detail(applied, agreed, returned, timed_out), T0, refusing=False) == "shop"
    # In the same second as that version (a decision made and applied at once) it is still ours.
    same_second = entry(RecordRole.MERCHANT, "商家同意", T0)
    assert who_moved_it_on(detail(applied, same_second), T0, refusing=False) == "shop"
    # The platform on its own, at the deadline, before any merchant's move.
    assert who_moved_it_on(detail(applied, timed_out, returned), T0, refusing=False) == "platform"
    # A refusal made in the platform's own pages is not our agreement.
    assert who_moved_it_on(detail(applied, refused_there), T0, refusing=False) == "someone else"
    assert who_moved_it_on(detail(applied, returned), T0, refusing=False) == "someone else"
    # Nor is a refund refused by a shipment our refusal: it never carried our reasons.
    shipped = entry(RecordRole.MERCHANT, "商家已发货，拒绝退款", T0 + 60)
    assert who_moved_it_on(detail(applied, shipped), T0, refusing=True) == "someone else"
    assert who_moved_it_on(detail(applied, refused_there), T0, refusing=True) == "shop"
    # The platform's moves in the very second of that version may be what made it (here:
    # agreeing at the deadline, then the buyer's parcel arriving): the merchant's later
    # confirmation is still ours; with nothing after them, the status alone decides.
    deadline, parcel_back = (
        entry(RecordRole.PLATFORM, "商家超时未处理，系统自动同意", T0),
        entry(RecordRole.BUYER, "买家已退货", T0),
    )
    confirmed = entry(RecordRole.MERCHANT, "商家同意", T0 + HOUR)
    assert who_moved_it_on(detail(applied, deadline, parcel_back, confirmed), T0, refusing=False) == "shop"
    assert who_moved_it_on(detail(applied, deadline, parcel_back), T0, refusing=False) is None
    # A merchant's move in that second came after the decision: no decision starts where one leads.
    assert (
        who_moved_it_on(
            detail(applied, entry(RecordRole.MERCHANT, "商家已发货，拒绝退款", T0)), T0, refusing=True
        )
        == "someone else"
    )
    # Nobody has moved it since, or there is no history to ask: the status alone decides.
    assert who_moved_it_on(detail(applied), T0, refusing=False) is None
    assert who_moved_it_on({"aftersale_info": {}}, T0, refusing=False) is None
    assert who_moved_it_on(detail(applied, {"role": 2, "time": "yesterday"}), T0, refusing=False) is None


# --- shipments: a parcel is ours by its tracking number -------------------------------------
def test_a_shipment_whose_answer_was_lost_is_ours_by_its_tracking_number_after_the_order_moved_on(
    sandbox_url: str, database_url: str
) -> None:
    shop = open_shop(sandbox_url, database_url)
    order_id = shop.to_ship(1)[0]
    seq = shop.ship(order_id, tracking(11))
    inject(sandbox_url, "drop_response", method="order.logisticsAdd")  # shipped, the answer lost
    shop.engine.push.push_once()
    assert shop.operation(seq).verify_before_send
    control(sandbox_url, "clock", {"advance_s": EVERYTHING_SETTLED_S})  # picked up, delivered, completed
    shop.clock.offset += shop.operation(seq).next_attempt_at - shop.clock() + 1

    assert shop.engine.push.push_once().counts == {state.DONE: 1}
    assert shipments_applied(sandbox_url, order_id) == [tracking(11)]


def test_a_parcel_shipped_in_the_platforms_own_pages_with_another_number_is_not_ours(
    sandbox_url: str, database_url: str
) -> None:
    shop = open_shop(sandbox_url, database_url)
    order_id = shop.to_ship(1)[0]
    seq = shop.ship(order_id, tracking(12))
    inject(sandbox_url, "http_5xx", method="order.logisticsAdd")  # not shipped, but who can tell
    shop.engine.push.push_once()
    assert shop.operation(seq).verify_before_send
    shipped_elsewhere(shop, order_id, tracking(13))
    shop.clock.offset += shop.operation(seq).next_attempt_at - shop.clock() + 1

    assert shop.engine.push.push_once().counts == {state.CONFLICT: 1}
    assert shop.operation(seq).problem == PROBLEM_CONFLICT
    assert shipments_applied(sandbox_url, order_id) == [tracking(13)]


# A refund before shipment is refused only by shipping (issue 15): its "refusal overtaken by a
# shipment from the platform's pages" is tests/test_preshipment_refunds.py
# test_a_refusing_shipment_overtaken_by_one_from_the_platforms_pages_is_a_conflict.
