"""Refunds requested before shipment, as the public record has them (issue 15;
docs/platforms/douyin.md "afterSale.operate" and "order.logisticsAdd").

Agreeing such a request is `afterSale.operate` type 401, not 201; the platform takes no
refusal of it by an operate: it is refused only by shipping the order with
`is_refund_reject`. The desk agrees it with 401, and refuses it by shipping — from the
refund queue ("Refuse by shipping": carrier and tracking number) and from the shipping
board (ship, then confirm that shipping refuses the refund) — one shipment carrying the
flag, sent exactly once, offline or after a lost answer. Real HTTP to the sandbox store,
real SQLite and PostgreSQL, real widgets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from app.core.vocabulary import Decision, OrderState, RequestKind, RequestState
from app.models import AfterSale, Order, OutboxOperation
from app.models import outbox as state
from app.platforms.douyin import mapping
from app.platforms.douyin.adapter import PROBLEM_REFUSE_BY_SHIPPING
from app.platforms.douyin.client import PROBLEM_NETWORK
from app.platforms.douyin.codes import (
    AfterSaleStatus,
    AfterSaleType,
    LogisticsRefusal,
    OperateType,
    OrderStatus,
)
from app.sandbox.server import SandboxServer
from app.services.people.permissions import Actor, PermissionDenied, Role
from app.services.refunds import decisions as refund_decisions
from app.services.refunds.decisions import DecisionRefused
from app.services.shipping.refuse_by_shipping import refuse_by_shipping
from app.sync.engine import SyncEngine
from app.views.refunds.dialogs import ApproveRefundDialog
from app.views.refunds.queue_view import RefundQueueView
from app.views.refunds.refuse_by_shipping_dialog import RefuseByShippingDialog
from app.views.shipping.board_view import ShippingBoardView
from tests.people import seed_people
from tests.sandbox_control import control, demo_client, demo_platform, inject, queue_refund_refusal
from tests.test_shipping_push import (
    OWNER,
    WAREHOUSE,
    Shop,
    closed_port_url,
    now,
    open_shop,
    shipped_in_mirror,
    tracking,
)

CLERK = Actor(2, "li", "Li", Role.CLERK, 500_00, 2_000_00)  # within the single limit for most requests
HISTORY_MOMENT = 1_796_601_600  # 2026-12-07 08:00 Shanghai
K, D, Op = RequestKind, Decision, OperateType


# --- the operate types, by the request's kind and the decision -------------------------------
NOT_OPERATED = (
    None  # Douyin takes this decision by other means (refusing a refund before shipment: by shipping)
)
OPERATE_TYPES = [
    (K.REFUND_BEFORE_SHIPMENT, D.APPROVE_REFUND, Op.AGREE_REFUND_BEFORE_SHIPMENT),  # 401
    (K.REFUND_BEFORE_SHIPMENT, D.REFUSE_REFUND, NOT_OPERATED),
    (K.REFUND_AFTER_SHIPMENT, D.APPROVE_REFUND, Op.AGREE_REFUND),  # 201
    (K.REFUND_AFTER_SHIPMENT, D.REFUSE_REFUND, Op.REFUSE_REFUND),  # 202
    (K.RETURN_AND_REFUND, D.AGREE_RETURN, Op.AGREE_RETURN),  # 101
    (K.RETURN_AND_REFUND, D.REFUSE_RETURN, Op.REFUSE_RETURN),  # 102
    (K.RETURN_AND_REFUND, D.ACCEPT_RETURNED_GOODS, Op.CONFIRM_RETURN_AND_REFUND),  # 111
    (K.RETURN_AND_REFUND, D.REFUSE_RETURNED_GOODS, Op.REFUSE_RETURNED_GOODS),  # 112
]


@pytest.mark.parametrize(("kind", "decision", "expected"), OPERATE_TYPES)
def test_the_operate_type_follows_the_requests_kind_as_well_as_the_decision(
    kind: RequestKind, decision: Decision, expected: OperateType | None
) -> None:
    if expected is NOT_OPERATED:
        with pytest.raises(KeyError):
            mapping.operate_type(decision, kind)
    else:
        assert mapping.operate_type(decision, kind) is expected
        assert mapping.decision_of(expected) is decision


# --- a buyer asks for a refund before the order ships ------------------------------------------
def ledger(url: str, method: str, entity_id: str) -> list[dict[str, Any]]:
    """What the platform's ledger shows this desk applied with `method` to `entity_id`."""
    entries = requests.get(f"{url}/_sandbox/ledger", params={"since": 0}, timeout=30).json()["entries"]
    return [
        entry
        for entry in entries
        if entry["actor"] == "client" and entry["method"] == method and entry["entity_id"] == entity_id
    ]


def waiting_request(shop: Shop) -> AfterSale:
    """A refund-before-shipment request waiting for the shop, mirrored with its order
    (most such requests the platform refunds at once: ask until one waits)."""
    kind = int(AfterSaleType.REFUND_BEFORE_SHIPMENT)
    for _ in range(20):
        made = requests.post(
            f"{shop.url}/_sandbox/tick", json={"new_after_sales": 1, "after_sale_type": kind}, timeout=60
        ).json()
        assert made["after_sales"], "the sandbox should have orders waiting to be shipped"
        shop.engine.run_once()
        with shop.sessions() as session:
            request = session.get(AfterSale, made["after_sales"][0])
            order = session.get(Order, request.order_id) if request is not None else None
            if (
                request is not None
                and order is not None
                and request.state == RequestState.AWAITING_SHOP
                and order.state == OrderState.AWAITING_SHIPMENT
            ):
                session.expunge(request)
                return request
    raise AssertionError("the sandbox never left a refund request before shipment waiting")


def states_in_mirror(shop: Shop, request: AfterSale) -> tuple[str | None, str | None]:
    with shop.sessions() as session:
        asale, order = session.get(AfterSale, request.aftersale_id), session.get(Order, request.order_id)
        return (asale.state if asale else None), (order.state if order else None)


def refusing_shipments(url: str, request: AfterSale) -> list[str]:
    """The tracking numbers of the shipments of the request's order the platform applied
    with the refund-reject flag."""
    return [
        entry["params"]["logistics_code"]
        for entry in ledger(url, "order.logisticsAdd", request.order_id)
        if entry["params"].get("is_refund_reject") is True
    ]


# --- the sandbox keeps the record's rules -------------------------------------------------------
def test_the_platform_agrees_a_refund_before_shipment_with_401_and_takes_no_201_or_202_for_it(
    sandbox_url: str, sqlite_url: str
) -> None:
    shop = open_shop(sandbox_url, sqlite_url)
    request = waiting_request(shop)
    client = demo_client(sandbox_url)
    item = {"aftersale_id": request.aftersale_id, "update_time": request.update_time}
    refusal = {**item, "reject_reason_code": 1, "reason": "商品已发出", "remark": "已发出"}
    for operate_type, sent in ((Op.AGREE_REFUND, item), (Op.REFUSE_REFUND, refusal)):
        answer = client.call("afterSale.operate", {"type": int(operate_type), "items": [sent]})
        assert (answer.code, answer.sub_code) == (50002, "isv.business-failed:20309541"), operate_type
        assert "type=401" in answer.platform_message and "is_refund_reject" in answer.platform_message
    agreed = client.call("afterSale.operate", {"type": 401, "items": [item]})
    assert agreed.ok, agreed.describe()
    shop.engine.run_once()
    assert states_in_mirror(shop, request)[0] == RequestState.REFUNDED
    assert [e["params"]["type"] for e in ledger(sandbox_url, "afterSale.operate", request.aftersale_id)] == [
        401
    ]


@pytest.mark.parametrize("flag", ["is_refund_reject", "is_reject_refund"])  # the SDK names both
def test_shipping_refuses_a_waiting_refund_only_when_told_to(
    sandbox_url: str, sqlite_url: str, flag: str
) -> None:
    shop = open_shop(sandbox_url, sqlite_url)
    request = waiting_request(shop)
    client = demo_client(sandbox_url)
    shipment = {"order_id": request.order_id, "company_code": "shunfeng", "logistics_code": tracking(40)}
    stopped = client.call("order.logisticsAdd", shipment)
    assert stopped.sub_code == f"isv.business-failed:{int(LogisticsRefusal.REFUND_PENDING)}"
    assert client.call("order.logisticsAdd", {**shipment, flag: True}).ok
    shop.engine.run_once()
    assert states_in_mirror(shop, request) == (RequestState.REFUSED, OrderState.SHIPPED)
    with shop.sessions() as session:
        assert session.get(AfterSale, request.aftersale_id).status == AfterSaleStatus.MERCHANT_REFUSED


# --- the desk: approve with 401, refuse by shipping ---------------------------------------------
def test_approving_a_refund_before_shipment_sends_401_once(sandbox_url: str, database_url: str) -> None:
    shop = open_shop(sandbox_url, database_url)
    request = waiting_request(shop)
    with shop.sessions.begin() as session:
        queued = refund_decisions.approve_refund(session, OWNER, request.aftersale_id, now=now())
    shop.push_until_settled()
    assert shop.operation(shop.seq(queued.op_id)).state == state.DONE
    sent = ledger(sandbox_url, "afterSale.operate", request.aftersale_id)
    assert [entry["params"]["type"] for entry in sent] == [int(Op.AGREE_REFUND_BEFORE_SHIPMENT)]
    shop.engine.run_once()
    assert states_in_mirror(shop, request)[0] == RequestState.REFUNDED


def test_refusing_a_refund_before_shipment_is_never_a_decision(sandbox_url: str, sqlite_url: str) -> None:
    shop = open_shop(sandbox_url, sqlite_url)
    request = waiting_request(shop)
    with shop.sessions.begin() as session, pytest.raises(DecisionRefused):
        refund_decisions.refuse(
            session, OWNER, request.aftersale_id, reject_reason_code=1, remark="已发出", now=now()
        )
    with shop.sessions() as session:
        assert session.scalars(select(OutboxOperation)).all() == []
    # One queued by an older release, which sent such refusals as 202: never sent, and the
    # person is told in plain words what to do instead.
    with shop.sessions.begin() as session:
        seq = queue_refund_refusal(session, session.get(AfterSale, request.aftersale_id))
    shop.engine.push.push_once()
    kept = shop.operation(seq)
    assert (kept.state, kept.problem) == (state.REJECTED, PROBLEM_REFUSE_BY_SHIPPING)
    assert ledger(sandbox_url, "afterSale.operate", request.aftersale_id) == []


def test_refusing_by_shipping_queues_one_shipment_that_refuses_and_blocks_every_other_decision(
    sandbox_url: str, database_url: str
) -> None:
    shop = open_shop(sandbox_url, database_url)
    seed_people(shop.sessions, CLERK)
    request = waiting_request(shop)
    with shop.sessions.begin() as session, pytest.raises(PermissionDenied):
        # The warehouse ships, but refusing a buyer's refund is a refund decision.
        refuse_by_shipping(
            session,
            WAREHOUSE,
            request.aftersale_id,
            carrier_code="shunfeng",
            tracking_no=tracking(41),
            now=now(),
        )
    with shop.sessions.begin() as session:
        queued = refuse_by_shipping(
            session, CLERK, request.aftersale_id, carrier_code="shunfeng", tracking_no=tracking(41), now=now()
        )
    assert queued.refused_requests == (request.aftersale_id,)
    with shop.sessions.begin() as session, pytest.raises(DecisionRefused):
        refund_decisions.approve_refund(session, OWNER, request.aftersale_id, now=now())  # the "no" waits

    shop.push_until_settled()
    assert refusing_shipments(sandbox_url, request) == [tracking(41)]
    assert ledger(sandbox_url, "afterSale.operate", request.aftersale_id) == []
    shop.engine.run_once()
    assert states_in_mirror(shop, request) == (RequestState.REFUSED, OrderState.SHIPPED)


# `plant_record` spoils list answers only; review kinds are for picture uploads.
LOST_ANSWERS = ["drop_response", "truncated", "malformed", "http_5xx", "service_error"]


@pytest.mark.parametrize("fault", LOST_ANSWERS)
def test_a_lost_answer_sends_the_refusing_shipment_once(
    sandbox_url: str, sqlite_url: str, fault: str
) -> None:
    shop = open_shop(sandbox_url, sqlite_url)
    request = waiting_request(shop)
    with shop.sessions.begin() as session:
        queued = refuse_by_shipping(
            session, OWNER, request.aftersale_id, carrier_code="shunfeng", tracking_no=tracking(42), now=now()
        )
    inject(sandbox_url, fault, method="order.logisticsAdd")
    # Only the push: what the re-read found is in the mirror without a pull.
    report = shop.engine.push.push_once()
    while shop.operation(shop.seq(queued.op_id)).state in state.OPEN_STATES:
        shop.clock.offset += 3600  # the back-off delay passes
        report = shop.engine.push.push_once()
    assert report.stopped is None or fault in ("http_5xx", "service_error")
    assert shop.operation(shop.seq(queued.op_id)).state == state.DONE
    assert refusing_shipments(sandbox_url, request) == [tracking(42)]
    # Applied, its answer lost: the order re-read, and the requests the shipment refused.
    # (A malformed `data` under a success envelope is a success: nothing is re-read.)
    if fault in ("drop_response", "truncated"):
        assert states_in_mirror(shop, request) == (RequestState.REFUSED, OrderState.SHIPPED)


def test_offline_the_refusal_waits_and_goes_once_when_the_platform_is_back(
    sandbox_url: str, sqlite_url: str
) -> None:
    shop = open_shop(sandbox_url, sqlite_url)
    request = waiting_request(shop)
    offline = SyncEngine(demo_platform(closed_port_url()), shop.sessions, clock=shop.clock)
    with shop.sessions.begin() as session:
        queued = refuse_by_shipping(
            session, OWNER, request.aftersale_id, carrier_code="shunfeng", tracking_no=tracking(43), now=now()
        )
    assert offline.run_once().outcome.value != "done"
    kept = shop.operation(shop.seq(queued.op_id))
    assert (kept.state, kept.problem) == (state.PENDING, PROBLEM_NETWORK)
    assert refusing_shipments(sandbox_url, request) == []
    shop.push_until_settled()  # back online
    assert refusing_shipments(sandbox_url, request) == [tracking(43)]
    shop.engine.run_once()
    assert shipped_in_mirror(shop, request.order_id) == (OrderStatus.SHIPPED, [tracking(43)])


# --- the screens -------------------------------------------------------------------------------
def test_the_refund_queue_refuses_it_by_shipping_with_a_scanned_tracking_number(
    qtbot, english, tasks, sandbox_url: str, sqlite_url: str
) -> None:
    shop = open_shop(sandbox_url, sqlite_url)
    request = waiting_request(shop)
    view = RefundQueueView(tasks, shop.sessions, OWNER, clock=shop.clock)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    assert view.select_request(request.aftersale_id)
    assert view.actions.refuse_button.text() == "Refuse by shipping… (R)"
    view.table().setFocus()
    qtbot.keyClick(view.table(), Qt.Key.Key_R)
    qtbot.waitUntil(lambda: isinstance(view.flow.dialog, RefuseByShippingDialog), timeout=10_000)
    dialog = view.flow.dialog
    assert "the only way to refuse it is to ship the order" in dialog.intro.text()
    assert dialog.confirm_button().text() == "Ship and refuse the refund"
    qtbot.keyClicks(dialog.tracking_edit, tracking(44).lower())  # as a scanner types it
    assert dialog.recognised.text() == "Recognised: 顺丰速运"
    with qtbot.waitSignal(view.rows_loaded, timeout=10_000):
        qtbot.keyClick(dialog.tracking_edit, Qt.Key.Key_Return)  # the scanner's Enter confirms
    row = view.model.row_at(view.model.row_of(request.aftersale_id))
    assert row.pending and row.pending_decision == Decision.REFUSE_REFUND

    shop.push_until_settled()
    assert refusing_shipments(sandbox_url, request) == [tracking(44)]
    shop.engine.run_once()
    assert states_in_mirror(shop, request) == (RequestState.REFUSED, OrderState.SHIPPED)


def test_the_refund_queue_approves_it_with_401(
    qtbot, english, tasks, sandbox_url: str, sqlite_url: str
) -> None:
    shop = open_shop(sandbox_url, sqlite_url)
    request = waiting_request(shop)
    view = RefundQueueView(tasks, shop.sessions, OWNER, clock=shop.clock)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10_000)
    assert view.select_request(request.aftersale_id)
    view.table().setFocus()
    qtbot.keyClick(view.table(), Qt.Key.Key_A)
    qtbot.waitUntil(lambda: isinstance(view.flow.dialog, ApproveRefundDialog), timeout=10_000)
    with qtbot.waitSignal(view.rows_loaded, timeout=10_000):
        qtbot.keyClick(view.flow.dialog, Qt.Key.Key_Return)
    shop.push_until_settled()
    sent = ledger(sandbox_url, "afterSale.operate", request.aftersale_id)
    assert [entry["params"]["type"] for entry in sent] == [401]


def test_the_shipping_board_says_what_shipping_does_and_ships_refusing_after_a_clear_confirmation(
    qtbot, english, tasks, sandbox_url: str, sqlite_url: str
) -> None:
    shop = open_shop(sandbox_url, sqlite_url)
    request = waiting_request(shop)

    def board(actor: Actor) -> ShippingBoardView:
        view = ShippingBoardView(tasks, shop.sessions, actor, clock=shop.clock)
        qtbot.addWidget(view)
        view.resize(1366, 768)
        with qtbot.waitSignal(view.board_loaded, timeout=10_000):
            view.show()
        return view

    def scan(view: ShippingBoardView) -> None:
        bar = view.scan_bar
        bar.start()
        qtbot.keyClicks(bar.order_edit, request.order_id)
        qtbot.keyClick(bar.order_edit, Qt.Key.Key_Return)
        assert "the buyer asked for a refund: shipping refuses it" in bar.message_text()
        qtbot.keyClicks(bar.tracking_edit, tracking(45))
        with qtbot.waitSignal(view.flow.refused, timeout=10_000):
            qtbot.keyClick(bar.tracking_edit, Qt.Key.Key_Return)

    warehouse = board(WAREHOUSE)
    order = warehouse.model.find(request.order_id)
    assert order is not None and order.refund_request == request.aftersale_id
    scan(warehouse)
    dialog = warehouse.flow.dialog
    assert dialog is not None and not hasattr(dialog, "refuse_button")  # left to customer service
    said = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Refusing a refund is for the owner or customer service" in said
    dialog.leave_button.click()
    assert refusing_shipments(sandbox_url, request) == []

    owner = board(OWNER)
    scan(owner)
    dialog = owner.flow.dialog
    said = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "shipping now (tracking number " + tracking(45) + ") refuses the refund" in said
    with qtbot.waitSignal(owner.shipped, timeout=10_000):
        dialog.refuse_button.click()
    shop.push_until_settled()
    assert refusing_shipments(sandbox_url, request) == [tracking(45)]
    shop.engine.run_once()
    assert states_in_mirror(shop, request) == (RequestState.REFUSED, OrderState.SHIPPED)


def test_a_refusing_shipment_overtaken_by_one_from_the_platforms_pages_is_a_conflict(
    sandbox_url: str, database_url: str
) -> None:
    shop = open_shop(sandbox_url, database_url)
    request = waiting_request(shop)
    with shop.sessions.begin() as session:  # the refund refused at this desk, by shipping …
        queued = refuse_by_shipping(
            session, OWNER, request.aftersale_id, carrier_code="shunfeng", tracking_no=tracking(46), now=now()
        )
    seq = shop.seq(queued.op_id)
    inject(sandbox_url, "http_5xx", method="order.logisticsAdd")  # not applied, but who can tell
    shop.engine.push.push_once()
    assert shop.operation(seq).verify_before_send
    # … while the parcel left from the platform's own pages, refusing the refund with it.
    shipment = {"order_id": request.order_id, "company_code": "shunfeng", "logistics_code": tracking(47)}
    assert demo_client(sandbox_url).call("order.logisticsAdd", {**shipment, "is_refund_reject": True}).ok
    shop.clock.offset += shop.operation(seq).next_attempt_at - shop.clock() + 1

    assert shop.engine.push.push_once().counts == {state.CONFLICT: 1}
    assert refusing_shipments(sandbox_url, request) == [tracking(47)]  # the platform's pages' only
    assert states_in_mirror(shop, request) == (RequestState.REFUSED, OrderState.SHIPPED)


def test_the_shops_history_refused_refunds_before_shipment_only_by_shipping(tmp_path: Path) -> None:
    """The sandbox's 90 days: a refund before shipment the merchant refused was refused by
    the order's shipment (is_refund_reject), at that very second, never alone."""
    server = SandboxServer(tmp_path / "history.sqlite", port=0, seed=7, live=False, history_orders=50)
    server.start()
    try:
        # 90 days up to a fixed moment: a shop of 1,000 orders refuses a refund before
        # shipment about once, so some moments' histories hold none; this one holds one.
        control(server.url, "reset", {"seed": 7, "history_orders": 1000, "now": HISTORY_MOMENT})
        client, refused, page = demo_client(server.url), [], 0
        while True:
            answer = client.call("afterSale.List", {"page": page, "size": 100}).data
            refused += [
                (item["order_info"]["shop_order_id"], item["aftersale_info"]["update_time"])
                for item in answer["items"]
                if (item["aftersale_info"]["aftersale_type"], item["aftersale_info"]["aftersale_status"])
                == (AfterSaleType.REFUND_BEFORE_SHIPMENT, AfterSaleStatus.MERCHANT_REFUSED)
            ]
            if not answer["has_more"]:
                break
            page += 1
        assert refused, "the history should hold a refund before shipment the merchant refused"
        for order_id, refused_at in refused:
            order = client.call("order.orderDetail", {"shop_order_id": order_id}).data["shop_order_detail"]
            assert order["order_status"] in (OrderStatus.SHIPPED, OrderStatus.COMPLETED)
            assert order["logistics_info"] and order["ship_time"] == refused_at
    finally:
        server.stop()
