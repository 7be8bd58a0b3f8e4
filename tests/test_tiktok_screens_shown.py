"""A TikTok shop shown right on every screen (issue 16): its amounts in their own currency (cents
of US dollars as $12.99, never as ¥) and its times on its own clock (the rule set's US Pacific,
UTC-8, never Shanghai's), on real widgets offscreen over a real SQLite mirror holding the rows
as the TikTok adapter writes them; a Douyin shop's screens read ¥ and Beijing time as before.

NOW + 5 h, the TikTok order's ship-by, is 2026-11-18 08:06 on a TikTok US shop's clock and
2026-11-19 00:06 in Shanghai."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.services.people.permissions import Actor, Role
from app.services.refunds.owner_handover import beyond_limits
from app.services.rules import rules_for
from app.services.sync_status import SyncState, SyncStatus
from app.views.common.people_words import refusal_text
from app.views.orders.table_model import COL_AMOUNT as ORDER_AMOUNT
from app.views.orders.table_model import COL_SHIP_BY
from app.views.orders.view import OrdersView
from app.views.people.users_view import COL_SINGLE, UsersView
from app.views.refunds.queue_columns import COL_AMOUNT, COL_DEADLINE
from app.views.refunds.queue_view import RefundQueueView
from app.views.shell.sync_status_bar import SyncStatusBar
from app.views.shipping.board_model import COL_AT_STAKE, COL_DUE, COL_OUT_OF_STOCK, COL_PROMISE, COL_STATE
from app.views.shipping.board_view import ShippingBoardView
from tests.builders import NOW
from tests.fixtures_views import PEOPLE_NOW, add_person
from tests.refund_shop import SOON, seed_queue
from tests.test_shipping_board_view import board_shop, make_board
from tests.tiktok_rows import ORDER, REFUND, tiktok_shop

PACIFIC_SHIP_BY = "2026-11-18 08:06"  # NOW + 5 h at UTC-8
REFUND_REPLY_BY = "2026-11-19 23:08"  # the cancellation's deadline at UTC-8


def queue(qtbot, tasks, session_factory, owner, **options) -> RefundQueueView:
    view = RefundQueueView(tasks, session_factory, owner, clock=lambda: NOW, **options)
    qtbot.addWidget(view)
    view.resize(1400, 700)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5_000)
    return view


def test_the_queue_shows_a_tiktok_refund_in_dollars_due_on_the_shops_clock(
    qtbot, english, tasks, session_factory, owner
) -> None:
    tiktok_shop(session_factory)
    view = queue(qtbot, tasks, session_factory, owner, platform="tiktok")
    row = view.model.row_of(REFUND)
    assert row is not None
    assert view.model.index(row, COL_AMOUNT).data() == "$12.99"
    assert view.filters.min_edit.placeholderText() == "Min $"  # the refund range in dollars too
    view.filters.min_edit.setText("$10.50")
    assert view.filters.current().min_amount == 1_050
    view.filters.min_edit.clear()
    tooltip = view.model.index(row, COL_DEADLINE).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith(f"Reply by {REFUND_REPLY_BY}")
    assert view.select_request(REFUND)
    qtbot.waitUntil(lambda: REFUND in view.detail_pane.text(), timeout=5_000)
    pane = view.detail_pane.text()
    assert "$12.99" in pane and "¥" not in pane
    assert f"reply by {REFUND_REPLY_BY}" in pane


def test_a_douyin_shops_queue_still_reads_yuan(qtbot, english, tasks, session_factory, owner) -> None:
    seed_queue(session_factory)
    view = queue(qtbot, tasks, session_factory, owner)
    row = view.model.row_of(SOON)
    assert row is not None
    assert view.model.index(row, COL_AMOUNT).data() == "¥159.00"
    assert view.filters.min_edit.placeholderText() == "Min ¥"


def test_the_orders_screen_shows_a_tiktok_order_in_dollars_to_ship_by_pacific_time(
    qtbot, english, tasks, session_factory
) -> None:
    tiktok_shop(session_factory)
    view = OrdersView(tasks, session_factory, clock=lambda: NOW, platform="tiktok")
    qtbot.addWidget(view)
    view.resize(1200, 700)
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.show()
    index = view.model.index(0, ORDER_AMOUNT)
    assert index.data() == "$12.99"
    ship_by = index.siblingAtColumn(COL_SHIP_BY).data(Qt.ItemDataRole.ToolTipRole)
    assert ship_by == f"Ship by {PACIFIC_SHIP_BY}"
    view.select_order(ORDER)
    qtbot.waitUntil(lambda: view.detail_pane.detail() is not None, timeout=5_000)
    text = view.detail_pane.text()
    assert "¥" not in text
    assert "$12.99" in text and "$14.99" in text  # paid; the goods at list price
    assert PACIFIC_SHIP_BY in text


def test_the_board_shows_a_tiktok_order_due_on_the_shops_clock_and_its_refund_in_dollars(
    qtbot, english, tasks, session_factory, owner
) -> None:
    tiktok_shop(session_factory)
    view = ShippingBoardView(tasks, session_factory, owner, clock=lambda: NOW, platform="tiktok")
    qtbot.addWidget(view)
    view.resize(1400, 800)
    with qtbot.waitSignal(view.board_loaded, timeout=5_000):
        view.show()
    index = view.model.index_of(ORDER)
    assert index.siblingAtColumn(COL_DUE).data(Qt.ItemDataRole.ToolTipRole) == f"Ship by {PACIFIC_SHIP_BY}"
    refund = index.siblingAtColumn(COL_STATE).data(Qt.ItemDataRole.ToolTipRole)
    assert "a refund of $12.99 before shipment" in refund and "¥" not in refund
    # TikTok Shop pays buyers nothing per late order: no promise band, no sums at stake.
    assert all(view.tree.isColumnHidden(c) for c in (COL_PROMISE, COL_AT_STAKE, COL_OUT_OF_STOCK))


def test_a_douyin_board_keeps_its_promise_band_and_sums_at_stake(
    qtbot, english, tasks, session_factory, owner
) -> None:
    board_shop(session_factory)
    view = make_board(qtbot, tasks, session_factory, owner)
    assert not any(view.tree.isColumnHidden(c) for c in (COL_PROMISE, COL_AT_STAKE, COL_OUT_OF_STOCK))


def test_the_last_sync_of_a_tiktok_shop_is_told_on_its_clock(qtbot, english) -> None:
    bar = SyncStatusBar(clock=lambda: NOW + 5 * 3600 + 60)
    qtbot.addWidget(bar)
    bar.set_zone(rules_for("tiktok").shipping.tz)
    bar.set_status(SyncStatus(SyncState.ONLINE, last_success_at=NOW + 5 * 3600))
    assert bar.findChild(QLabel, "syncText").toolTip() == f"Last successful sync: {PACIFIC_SHIP_BY}"


def test_a_clerks_limit_in_a_tiktok_shop_is_told_in_dollars(english) -> None:
    clerk = Actor(7, "amy", "Amy", Role.CLERK, refund_limit_single_fen=1_000, refund_limit_daily_fen=5_000)
    refused = beyond_limits(clerk, "refund_after_shipment", "awaiting_shop", 1_299, 0, "USD")
    assert refused is not None
    assert refusal_text(refused) == (
        "This refund ($12.99) is above your limit of $10.00 for one refund. Ask the shop owner to decide it."
    )


def test_a_tiktok_shops_clerk_limits_read_and_are_typed_in_dollars(
    qtbot, english, tasks, session_factory, owner
) -> None:
    tiktok_shop(session_factory)
    add_person(
        session_factory,
        owner,
        "amy",
        "Amy",
        Role.CLERK,
        refund_limit_single_fen=5_000,
        refund_limit_daily_fen=20_000,
    )
    view = UsersView(tasks, session_factory, owner, clock=lambda: PEOPLE_NOW, platform="tiktok")
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.show()
    amy = next(row for row in range(view.model.rowCount()) if view.model.row_at(row).username == "amy")
    assert view.model.index(amy, COL_SINGLE).data() == "$50.00"
    view.table.selectRow(amy)
    view.edit_limits()
    dialog = view.dialog
    captions = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Refund limit, &one refund ($):" in captions
    dialog.limits.single_edit.setText("$60")
    assert dialog.limits.fen() == (6_000, 20_000)
    dialog.limits.single_edit.setText("sixty")
    assert dialog.local_problem() == "“sixty” is not an amount. Write it like 200 or 49.90."
