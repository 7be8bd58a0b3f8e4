"""The "needs attention" screen over real services: refund decisions and shipments the
platform would not take, side by side with the platform's state and words, Discard and
Apply again for the people allowed to, each audited; and the count in the navigation.

Refused shipments come from the real sandbox over HTTP (the buyer asks for a refund
before shipment on the platform while the warehouse ships), pushed and pulled by the
real SyncEngine into this test's SQLite file. Refund decisions are turned down in the
database as the push engine leaves them.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QTranslator
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from app.models import AfterSale, AuditEvent, OutboxOperation
from app.models import outbox as state
from app.platforms.douyin.codes import (
    LOGISTICS_REFUSAL_PROBLEMS,
    AfterSaleStatus,
    AfterSaleType,
    LogisticsRefusal,
)
from app.services.attention import needs_attention
from app.services.attention.needs_attention import MSG_SHIPMENT_NOT_AGAIN
from app.services.people.permissions import MSG_OVER_SINGLE, MSG_ROLE, Action, Actor, PermissionDenied, Role
from app.services.refunds import decisions as refund_decisions
from app.services.refunds.decisions import MSG_PENDING, DecisionRefused
from app.services.shipping import shipments as shipping
from app.services.shipping.shipments import ShipmentRefused
from app.sync import quarantine
from app.sync.engine import SyncEngine
from app.sync.push import PROBLEM_CONFLICT
from app.sync.quarantine import REASON_FUTURE, SetAside
from app.views.attention.view import NeedsAttentionView
from app.views.common.formatting import money
from app.views.common.people_words import refusal_text
from app.views.shell.i18n import install_language
from app.views.shell.main_window import MainWindow
from tests.builders import NOW
from tests.fixtures_views import actor_of, add_person
from tests.refund_shop import SOON, URGENT, seed_queue, written
from tests.sandbox_control import control, demo_client, demo_platform

TRACKING = "SF700000000003"  # a 顺丰速运 number


# --- a refund decision and a shipment the platform turned down --------------------------------
def decided_then_turned_down(session_factory, owner) -> None:
    """Two approvals the push engine could not deliver: one refused, one met a changed request."""
    with session_factory.begin() as session:
        refund_decisions.approve_refund(session, owner, URGENT, now=NOW)
        refund_decisions.approve_refund(session, owner, SOON, now=NOW)
        session.execute(
            update(OutboxOperation)
            .where(OutboxOperation.entity_id == URGENT)
            .values(state=state.REJECTED, platform_message="售后单状态已变更，无法操作", problem="")
        )
        session.execute(
            update(OutboxOperation)
            .where(OutboxOperation.entity_id == SOON)
            .values(state=state.CONFLICT, problem=PROBLEM_CONFLICT, platform_message="版本已更新")
        )
        # The buyer edited the request on the platform: a newer version, still awaiting the merchant.
        session.execute(update(AfterSale).where(AfterSale.aftersale_id == SOON).values(update_time=NOW + 60))


def buyer_asks_for_a_refund_before_shipment(url: str) -> str:
    """On the platform only (the mirror does not know yet); the order's id."""
    client, kind = demo_client(url), int(AfterSaleType.REFUND_BEFORE_SHIPMENT)
    for _ in range(12):  # most such requests are fast-refunded at once; one waits for the merchant
        made = control(url, "tick", {"new_after_sales": 1, "after_sale_type": kind})
        detail = client.call("afterSale.Detail", {"after_sale_id": made["after_sales"][0]}).data
        info = detail["process_info"]["after_sale_info"]
        if info["after_sale_status"] == AfterSaleStatus.AWAITING_MERCHANT:
            return str(detail["order_info"]["shop_order_id"])  # an int64 in the Detail
    raise AssertionError("the sandbox never left a refund request waiting for the merchant")


def shipment_stopped_by_a_refund_request(url: str, sessions: sessionmaker[Session], shipper: Actor) -> str:
    """The sandbox shop mirrored, a shipment made while the buyer asked for a refund, pushed
    (refused, 60040) and the buyer's request pulled; the order's id."""
    control(url, "tick", {"new_orders": 12})
    control(url, "clock", {"advance_s": 1900})  # paid half an hour later: waiting to be shipped
    engine = SyncEngine(demo_platform(url), sessions)
    assert engine.run_once().outcome.value == "done"
    order_id = buyer_asks_for_a_refund_before_shipment(url)
    with sessions.begin() as session:
        shipping.ship_order(session, shipper, order_id, "shunfeng", TRACKING, now=NOW)
    assert engine.run_once().outcome.value == "done"
    op = shipment(sessions, order_id)
    assert (op.state, op.platform_code) == (
        state.REJECTED,
        f"isv.business-failed:{LogisticsRefusal.REFUND_PENDING}",
    )
    return order_id


def shipment(sessions: sessionmaker[Session], order_id: str) -> OutboxOperation:
    """The order's latest shipment operation."""
    with sessions() as session:
        return session.scalars(
            select(OutboxOperation)
            .where(OutboxOperation.entity_id == order_id)
            .order_by(OutboxOperation.seq.desc())
            .limit(1)
        ).one()


def refund_asked(sessions: sessionmaker[Session], order_id: str) -> int:
    with sessions() as session:
        return sum(request.refund_amount for request in shipping.refund_requests_waiting(session, order_id))


NAMES = {Role.WAREHOUSE: ("wu", "吴师傅"), Role.CLERK: ("wang", "王姐")}


def person(sessions: sessionmaker[Session], owner: Actor, role: Role, **limits: int) -> Actor:
    """Someone of the shop besides the owner: the warehouse's 吴师傅 or the clerk 王姐."""
    username, display_name = NAMES[role]
    return actor_of(add_person(sessions, owner, username, display_name, role, **limits))


def make_view(qtbot, tasks, session_factory, actor, rows: int) -> NeedsAttentionView:
    view = NeedsAttentionView(tasks, session_factory, actor, clock=lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1200, 520)
    view.show()
    qtbot.waitUntil(lambda: len(view.items()) == rows, timeout=5_000)
    return view


def row(view: NeedsAttentionView, number: int = 0) -> list[str]:
    return [view.table.item(number, column).text() for column in range(4)]


# --- refund decisions --------------------------------------------------------------------------
def test_each_decision_shows_the_platforms_side_and_the_choices_that_fit(
    qtbot, english, tasks, session_factory, owner
) -> None:
    seed_queue(session_factory)
    decided_then_turned_down(session_factory, owner)
    view = make_view(qtbot, tasks, session_factory, owner, 2)
    assert view.screen_title() == "Needs attention (2)"
    first = row(view)
    assert first[1].startswith("Approve the refund")
    assert first[2] == "Awaiting merchant\n(refused)"
    assert "售后单状态已变更，无法操作" in first[3]
    view.select_row(0)
    assert view.discard_button.isEnabled() and not view.reapply_button.isEnabled()
    view.select_row(1)
    assert "The platform's state changed before this decision arrived" in view.words.text()
    assert view.reapply_button.isEnabled()


def test_discard_and_apply_again_are_audited_and_leave_the_list(
    qtbot, english, tasks, session_factory, owner
) -> None:
    seed_queue(session_factory)
    decided_then_turned_down(session_factory, owner)
    view = make_view(qtbot, tasks, session_factory, owner, 2)
    view.select_row(1)
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.reapply_button.click()
    assert written(session_factory, SOON) == (["refund.approve", "outbox.reapply"], ["discarded", "pending"])
    view.select_row(0)
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.discard_button.click()
    assert written(session_factory, URGENT) == (["refund.approve", "outbox.discard"], ["discarded"])
    assert view.items() == [] and view.screen_title() == "Needs attention"


# --- shipments -----------------------------------------------------------------------------------
def test_a_refused_shipment_shows_what_was_sent_in_words_beside_the_orders_state(
    qtbot, english, tasks, session_factory, owner, sandbox_url
) -> None:
    warehouse = person(session_factory, owner, Role.WAREHOUSE)
    order_id = shipment_stopped_by_a_refund_request(sandbox_url, session_factory, warehouse)
    view = make_view(qtbot, tasks, session_factory, warehouse, 1)
    subject, done, platform, words = row(view)
    assert subject.startswith(f"Order {order_id}\n")
    assert done.startswith(f"Ship with 顺丰速运, tracking {TRACKING}\nmade ")
    amount = money(refund_asked(session_factory, order_id))
    assert platform == f"Awaiting shipment\n(refused)\nThe buyer asks for a refund of {amount}"
    platform_words = shipment(session_factory, order_id).platform_message
    assert platform_words and f"The platform said: {platform_words}" in words
    assert LOGISTICS_REFUSAL_PROBLEMS[LogisticsRefusal.REFUND_PENDING] in words


def test_the_warehouse_discards_a_refused_shipment_and_it_is_audited(
    qtbot, english, tasks, session_factory, owner, sandbox_url
) -> None:
    warehouse = person(session_factory, owner, Role.WAREHOUSE)
    order_id = shipment_stopped_by_a_refund_request(sandbox_url, session_factory, warehouse)
    view = make_view(qtbot, tasks, session_factory, warehouse, 1)
    view.select_row(0)
    # Sending it again would refuse the buyer's refund, which the warehouse may not do.
    assert view.discard_button.isEnabled() and not view.reapply_button.isEnabled()
    assert view.error_label.text() == MSG_ROLE
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.discard_button.click()
    assert shipment(session_factory, order_id).state == state.DISCARDED
    with session_factory() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "outbox.discard")).one()
    assert (event.actor_id, event.entity_id) == (warehouse.user_id, order_id)
    assert view.items() == [] and view.screen_title() == "Needs attention"


def test_the_owner_ships_again_refusing_the_refund_and_the_platform_takes_it(
    qtbot, english, tasks, session_factory, owner, sandbox_url
) -> None:
    warehouse = person(session_factory, owner, Role.WAREHOUSE)
    order_id = shipment_stopped_by_a_refund_request(sandbox_url, session_factory, warehouse)
    view = make_view(qtbot, tasks, session_factory, owner, 1)
    view.select_row(0)
    assert view.reapply_button.isEnabled() and view.error_label.text() == ""
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.reapply_button.click()
    again = shipment(session_factory, order_id)
    details = json.loads(again.details)
    assert details == {"carrier_code": "shunfeng", "tracking_no": TRACKING, "refuse_refund": True}
    with session_factory() as session:
        actions = session.scalars(select(AuditEvent.action).where(AuditEvent.actor_id == owner.user_id)).all()
    assert {"refund.refuse", "outbox.reapply"} <= set(actions) and view.items() == []
    SyncEngine(demo_platform(sandbox_url), session_factory).run_once()
    assert shipment(session_factory, order_id).state == state.DONE


def test_a_clerk_over_the_limit_is_refused_in_plain_words_and_nothing_changes(
    qtbot, english, tasks, session_factory, owner, sandbox_url
) -> None:
    clerk = person(
        session_factory, owner, Role.CLERK, refund_limit_single_fen=100, refund_limit_daily_fen=10_000
    )
    order_id = shipment_stopped_by_a_refund_request(sandbox_url, session_factory, owner)
    view = make_view(qtbot, tasks, session_factory, clerk, 1)
    view.select_row(0)
    # A clerk may refuse refunds, within the single limit: the service checks the amount.
    assert view.reapply_button.isEnabled() and not view.discard_button.isEnabled()
    view.reapply_button.click()
    amount = money(refund_asked(session_factory, order_id))
    expected = MSG_OVER_SINGLE.format(amount=amount, limit="¥1.00")
    qtbot.waitUntil(lambda: view.error_label.text() == expected, timeout=5_000)
    assert shipment(session_factory, order_id).state == state.REJECTED


class ContextMarks(QTranslator):
    """Shows which translation context every string was looked up in: "[context] text"."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001, ANN201
        return f"[{context}] {source}"

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def test_service_refusals_are_translated_in_each_services_own_context(qapp, english) -> None:
    marks = ContextMarks()
    qapp.installTranslator(marks)
    try:
        assert refusal_text(ShipmentRefused(MSG_SHIPMENT_NOT_AGAIN)) == f"[shipping] {MSG_SHIPMENT_NOT_AGAIN}"
        assert refusal_text(DecisionRefused(MSG_PENDING)) == f"[refunds] {MSG_PENDING}"
        assert refusal_text(PermissionDenied(MSG_ROLE, Action.SHIP_ORDER)) == f"[accounts] {MSG_ROLE}"
    finally:
        qapp.removeTranslator(marks)


def test_applying_again_what_another_desk_resolved_is_refused_in_the_shipping_words(
    qtbot, english, tasks, session_factory, owner, sandbox_url, qapp
) -> None:
    order_id = shipment_stopped_by_a_refund_request(sandbox_url, session_factory, owner)
    view = make_view(qtbot, tasks, session_factory, owner, 1)
    view.select_row(0)
    with session_factory.begin() as session:  # another desk sends it again first
        needs_attention.reapply(session, owner, shipment(session_factory, order_id).seq, now=NOW)
    marks = ContextMarks()
    qapp.installTranslator(marks)
    try:
        view.reapply_button.click()
        qtbot.waitUntil(
            lambda: view.error_label.text() == f"[shipping] {MSG_SHIPMENT_NOT_AGAIN}", timeout=5_000
        )
    finally:
        qapp.removeTranslator(marks)


# --- who sees what -------------------------------------------------------------------------------
def test_each_person_sees_what_they_can_resolve_and_the_navigation_counts_it(
    qtbot, english, tasks, session_factory, settings, owner, sandbox_url
) -> None:
    warehouse = person(session_factory, owner, Role.WAREHOUSE)
    clerk = person(
        session_factory, owner, Role.CLERK, refund_limit_single_fen=100, refund_limit_daily_fen=10_000
    )
    shipment_stopped_by_a_refund_request(sandbox_url, session_factory, warehouse)
    seed_queue(session_factory)
    decided_then_turned_down(session_factory, owner)
    kinds = lambda view: sorted(item.is_shipment for item in view.items())  # noqa: E731
    assert kinds(make_view(qtbot, tasks, session_factory, owner, 3)) == [False, False, True]
    assert kinds(make_view(qtbot, tasks, session_factory, clerk, 3)) == [False, False, True]
    assert kinds(make_view(qtbot, tasks, session_factory, warehouse, 1)) == [True]
    window = MainWindow(session_factory, settings, actor=warehouse)
    qtbot.addWidget(window)
    titles = lambda: [window._navigation.item(i).text() for i in range(window._navigation.count())]  # noqa: E731
    qtbot.waitUntil(lambda: "Needs attention (1)" in titles(), timeout=5_000)
    assert "Refunds" not in titles()
    window.tasks.shutdown()


def test_the_navigation_shows_the_count(qtbot, english, session_factory, settings, owner) -> None:
    seed_queue(session_factory)
    decided_then_turned_down(session_factory, owner)
    window = MainWindow(session_factory, settings, actor=owner)
    qtbot.addWidget(window)
    titles = lambda: [window._navigation.item(i).text() for i in range(window._navigation.count())]  # noqa: E731
    qtbot.waitUntil(lambda: "Needs attention (2)" in titles(), timeout=5_000)
    assert titles()[:2] == ["Orders", "Refunds"]
    window.tasks.shutdown()


def test_a_shipment_row_speaks_chinese(qtbot, english, tasks, session_factory, owner, sandbox_url) -> None:
    warehouse = person(session_factory, owner, Role.WAREHOUSE)
    order_id = shipment_stopped_by_a_refund_request(sandbox_url, session_factory, warehouse)
    view = make_view(qtbot, tasks, session_factory, warehouse, 1)
    install_language("zh_CN")
    qtbot.waitUntil(lambda: view.discard_button.text() == "放弃", timeout=2_000)
    subject, done, platform, words = row(view)
    assert view.screen_title() == "待处理异常（1）"
    assert order_id in subject and "顺丰速运" in done and TRACKING in done
    assert platform.startswith("待发货\n(平台拒绝)")
    assert f"平台提示：{shipment(session_factory, order_id).platform_message}" in words


# --- records the sync set aside ----------------------------------------------------------------
def test_a_record_the_sync_set_aside_is_listed_in_plain_words_until_the_platform_corrects_it(
    qtbot, english, tasks, session_factory, owner
) -> None:
    record = {"order_id": "6999000000000000001", "update_time": 4_102_444_800, "pay_amount": 2**64}
    with session_factory.begin() as session:
        kept = SetAside(record, record["order_id"], 4_102_444_800, REASON_FUTURE, "update_time = 4102444800")
        quarantine.keep(session, "orders", [kept], NOW - 3600)
    view = make_view(qtbot, tasks, session_factory, owner, 0)
    qtbot.waitUntil(lambda: len(view.set_aside()) == 1, timeout=5_000)
    assert view.screen_title() == "Needs attention (1)"
    assert view.set_aside_table.isVisibleTo(view)
    subject, seen, wrong = view.set_aside_texts(0)
    assert subject == "Order 6999000000000000001\ndated 2100-01-01 08:00"
    assert wrong == "It is dated in the future, which the platform's clock cannot mean."
    assert "as received" in view.set_aside_intro.text()
    assert '"pay_amount": 18446744073709551616' in view.set_aside_table.item(0, 0).toolTip()
    with session_factory.begin() as session:  # the platform sent a good version, and it was stored
        quarantine.resolve(session, "orders", [record["order_id"]], NOW)
    with qtbot.waitSignal(view.set_aside_loaded, timeout=5_000):
        view.on_data_changed(frozenset({"quarantine"}))
    assert view.set_aside() == [] and view.screen_title() == "Needs attention"
    assert not view.set_aside_table.isVisibleTo(view)
