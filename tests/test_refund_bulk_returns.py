"""Agreeing to several returns at once, over a real SQLite file, the real decision
service and outbox, through the queue screen's bulk dialog: the summary first (how
many returns, how many refunds, what is skipped and why — a clerk's limits included,
before anything is sent), the return address chosen once, then one audit event and
one outbox operation per request, each checked on its own."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.core.vocabulary import Decision
from app.models import OutboxOperation
from app.platforms.douyin.codes import AfterSaleStatus, AfterSaleType, OrderStatus
from app.services.people.permissions import Role
from app.views.refunds.bulk_dialog import BulkApproveDialog
from tests.builders import HOUR, NOW, after_sale_row, order_line_row, order_row, seed
from tests.fixtures_views import actor_of, add_person
from tests.refund_shop import BIG, RETURN, RETURNED, URGENT, outbox_size, seed_queue, written
from tests.test_refund_queue_view import make_view

SECOND_RETURN = "7200000000000000007"


def seed_second_return(session_factory) -> None:
    order = order_row(
        status=int(OrderStatus.COMPLETED), pay_amount=8_800, order_amount=8_800,
        create_time=NOW - 96 * HOUR, update_time=NOW - 72 * HOUR, items_summary="纯棉短袖T恤 ×1",
    )  # fmt: skip
    line = order_line_row(order, product_name="纯棉短袖T恤")
    request = after_sale_row(
        order, aftersale_id=SECOND_RETURN, related_id=line["sku_order_id"],
        type=int(AfterSaleType.RETURN_AND_REFUND), status=int(AfterSaleStatus.AWAITING_MERCHANT),
        apply_time=NOW - 8 * HOUR, update_time=NOW - 8 * HOUR, status_deadline=NOW + 40 * HOUR,
        refund_amount=8_800, reason_text="尺码偏小", product_name="纯棉短袖T恤",
    )  # fmt: skip
    seed(session_factory, [order], [line], [], [request])


def open_bulk(qtbot, view, ids) -> BulkApproveDialog:
    view.table().clearSelection()
    for aftersale_id in ids:
        view.table().selectRow(view.model.row_of(aftersale_id))
    assert set(view.selected_ids()) == set(ids)
    assert view.actions.bulk_button.isEnabled()
    view.actions.bulk_button.click()
    qtbot.waitUntil(lambda: isinstance(view.flow.dialog, BulkApproveDialog), timeout=5_000)
    return view.flow.dialog


def test_a_selection_of_return_requests_is_agreed_in_one_go(
    qtbot, english, tasks, session_factory, owner, fake_worker
) -> None:
    seed_queue(session_factory)
    seed_second_return(session_factory)
    view = make_view(qtbot, tasks, session_factory, owner, fake_worker)
    view.table().setSelectionMode(view.table().selectionMode().MultiSelection)
    dialog = open_bulk(qtbot, view, [RETURN, SECOND_RETURN])
    assert dialog.headline_text() == (
        "Agree to 2 returns? The buyers send the goods back to the address below. "
        "Nothing is sent until you confirm."
    )
    assert dialog.address_box.isVisible() and dialog.address_box.currentData() == "1"
    assert dialog.confirm_button().isEnabled()
    assert outbox_size(session_factory) == 0  # the summary sent nothing
    with qtbot.waitSignal(view.flow.decided, timeout=5_000):
        dialog.confirm_button().click()
    assert dialog.headline_text() == "2 returns agreed; they are sent to the platform now."
    for aftersale_id in (RETURN, SECOND_RETURN):
        assert written(session_factory, aftersale_id) == (["return.approve"], ["pending"])
    with session_factory() as session:
        ops = [(op.decision, json.loads(op.details)) for op in session.scalars(select(OutboxOperation))]
    # The address as the platform numbers it (an int64), the kind the decision goes out by.
    assert ops == [(Decision.AGREE_RETURN, {"return_address_id": 1, "kind": "return_and_refund"})] * 2


def test_a_clerk_sees_in_the_summary_what_is_beyond_their_limits_before_anything_is_sent(
    qtbot, english, tasks, session_factory, owner, fake_worker
) -> None:
    seed_queue(session_factory)
    clerk = actor_of(
        add_person(session_factory, owner, "xiaowang", "小王", Role.CLERK,
                   refund_limit_single_fen=20_000, refund_limit_daily_fen=50_000)
    )  # fmt: skip
    view = make_view(qtbot, tasks, session_factory, clerk, fake_worker)
    view.table().setSelectionMode(view.table().selectionMode().MultiSelection)
    dialog = open_bulk(qtbot, view, [RETURN, URGENT, BIG, RETURNED])
    assert dialog.headline_text() == (
        "Refunds to approve: 1 (¥45.80 in all). Returns to agree: 1. Nothing is sent until you confirm."
    )
    lines = dialog.detail_lines()
    assert len(lines) == 2
    assert any(BIG in line and "above your limit of ¥200.00" in line for line in lines)
    assert any(RETURNED in line for line in lines)
    with qtbot.waitSignal(view.flow.decided, timeout=5_000):
        dialog.confirm_button().click()
    assert written(session_factory, RETURN) == (["return.approve"], ["pending"])
    assert written(session_factory, URGENT) == (["refund.approve"], ["pending"])
    assert written(session_factory, BIG) == ([], [])
