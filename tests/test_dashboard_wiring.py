"""The main window opens what the dashboard lists in the screen that shows it: an order in
Orders, selected even when the search hid it; a request in Refunds when it waits in the
queue, else its order in Orders. The real window, signed in as the owner, over the shop
of tests/dashboard_shop.py dated around the real clock (the window's screens run on it)."""

from __future__ import annotations

import time

import pytest

from app.views.dashboard.view import DashboardView
from app.views.orders.view import OrdersView
from app.views.refunds.queue_view import RefundQueueView
from app.views.shell.main_window import MainWindow
from tests.dashboard_shop import order_id, request_id, seed_dashboard_shop


@pytest.fixture
def window(qtbot, session_factory, settings, owner, english, tmp_path):
    shop = seed_dashboard_shop(session_factory, int(time.time()))
    window = MainWindow(session_factory, settings, actor=owner, settings_path=tmp_path / "settings.json")
    qtbot.addWidget(window)
    window.show()
    orders: OrdersView = window.screen_named("orders")  # type: ignore[assignment]
    refunds: RefundQueueView = window.screen_named("refunds")  # type: ignore[assignment]
    dashboard: DashboardView = window.screen_named("dashboard")  # type: ignore[assignment]
    qtbot.waitUntil(
        lambda: (
            orders.model.rowCount() == 4 and refunds.model.rowCount() == 1 and dashboard.report() is not None
        ),
        timeout=10_000,
    )
    window.shop = shop  # type: ignore[attr-defined]
    return window


def drill_rows(qtbot, dashboard: DashboardView, key: str):
    dialog = dashboard.open_drill(key)
    qtbot.waitUntil(lambda: dialog.rows() != [], timeout=5_000)
    return dialog


def test_the_dashboard_comes_after_shipping(window) -> None:
    assert window.screen_keys()[:4] == ["orders", "refunds", "shipping", "dashboard"]


def test_an_order_opens_in_orders_selected_even_when_the_search_hid_it(qtbot, window) -> None:
    orders: OrdersView = window.screen_named("orders")
    with qtbot.waitSignal(orders.rows_loaded, timeout=5_000):
        orders.set_search_text("no such order")
        orders.refresh()
    assert orders.model.rowCount() == 0
    dashboard: DashboardView = window.screen_named("dashboard")
    window.show_screen("dashboard")
    dialog = drill_rows(qtbot, dashboard, "late_rate")
    late = order_id(window.shop, "late")
    dialog.open_at([row.id for row in dialog.rows()].index(late))
    assert window.current_screen_key() == "orders"
    qtbot.waitUntil(lambda: orders.selected_order_id() == late, timeout=5_000)
    assert orders.search_text() == "" and orders.model.rowCount() == 4


def test_a_request_in_the_queue_opens_in_refunds(qtbot, window) -> None:
    dashboard: DashboardView = window.screen_named("dashboard")
    dialog = drill_rows(qtbot, dashboard, "after_sales_by_type")
    waiting = request_id(window.shop, "open")
    dialog.open_at([row.id for row in dialog.rows()].index(waiting))
    refunds: RefundQueueView = window.screen_named("refunds")
    assert window.current_screen_key() == "refunds"
    assert refunds.current_row().aftersale_id == waiting


def test_a_request_no_longer_waiting_opens_its_order(qtbot, window) -> None:
    dashboard: DashboardView = window.screen_named("dashboard")
    dialog = drill_rows(qtbot, dashboard, "rejection_rate")
    assert [row.id for row in dialog.rows()] == [request_id(window.shop, "refused")]
    dialog.open_at(0)
    orders: OrdersView = window.screen_named("orders")
    assert window.current_screen_key() == "orders"
    assert orders.selected_order_id() == order_id(window.shop, "on_time")
