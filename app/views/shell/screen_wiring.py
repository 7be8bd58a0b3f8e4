"""How the main window's screens talk to the window and to each other.

Owns `wire_screens`, called once the window has its screens (and `wire_screen` for a
screen built later, when first shown): decisions and shipments
move the window's "waiting to be sent" badge, the needs-attention count moves its
title, notices go to the status bar; and what the dashboard lists under a figure
opens in the screen that shows it (`show_order`, `show_request`): an order in Orders,
selected (the search and status filter are cleared first when they hide it); a
request in Refunds when it is in the queue, else its order in Orders.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.services.due_soon.items import REFUND
from app.views.attention.view import NeedsAttentionView
from app.views.orders.view import OrdersView
from app.views.refunds.queue_view import RefundQueueView
from app.views.shipping.board_view import ShippingBoardView

if TYPE_CHECKING:
    from app.views.shell.main_window import MainWindow

NOTICE_MS = 60_000


def _screen(window: MainWindow, key: str) -> object | None:
    return window.screen_named(key) if key in window.screen_keys() else None


def wire_screens(window: MainWindow, update_titles: Callable[[], None]) -> None:
    """Connect the screens the window has built; `update_titles` rereads every title.
    A screen built later, when first shown, is connected then (`wire_screen`)."""
    for key in window.screen_keys():
        if window.is_built(key):
            wire_screen(window, key, window.screen_named(key), update_titles)


def wire_screen(window: MainWindow, key: str, screen: object, update_titles: Callable[[], None]) -> None:
    def notice(text: str) -> None:
        window.statusBar().showMessage(text, NOTICE_MS)

    if isinstance(screen, RefundQueueView):
        screen.decided.connect(window.refresh_waiting)
        screen.notice.connect(notice)
    elif isinstance(screen, ShippingBoardView):
        screen.shipped.connect(window.refresh_waiting)
        screen.notice.connect(notice)
    elif isinstance(screen, NeedsAttentionView):
        screen.title_changed.connect(update_titles)
        screen.resolved.connect(window.refresh_waiting)
    elif key == "dashboard":
        dashboard: Any = screen
        dashboard.notice.connect(notice)
        dashboard.open_order.connect(lambda order_id: show_order(window, order_id))
        dashboard.open_request.connect(
            lambda aftersale_id: show_request(window, aftersale_id, dashboard.order_for_request(aftersale_id))
        )


def dashboard_screen(*args: Any, **options: Any) -> QWidget:
    """The dashboard, imported only when it is built (pyqtgraph takes 0.4 s to import)."""
    from app.views.dashboard.view import DashboardView

    return DashboardView(*args, **options)


def show_order(window: MainWindow, order_id: str) -> bool:
    """Show Orders with `order_id` selected; True when it was selected at once, False when
    the list first has to be reread without its filters (it is selected when it arrives)."""
    orders = _screen(window, "orders")
    if not isinstance(orders, OrdersView):
        return False
    window.show_screen("orders")
    if orders.select_order(order_id):
        return True

    def select_when_listed() -> None:
        orders.rows_loaded.disconnect(select_when_listed)
        if not orders.select_order(order_id):
            window.statusBar().showMessage(
                QCoreApplication.translate("ScreenWiring", "Order {order} is not in the local copy.").format(
                    order=order_id
                ),
                NOTICE_MS,
            )

    # Hidden by the search or the status filter, or newer than the list: every order, then it.
    orders.rows_loaded.connect(select_when_listed)
    orders.clear_filters()
    return False


def show_request(window: MainWindow, aftersale_id: str, order_id: str | None) -> None:
    """Show the request in Refunds if the queue lists it, else its order in Orders."""
    refunds = _screen(window, "refunds")
    if isinstance(refunds, RefundQueueView) and refunds.select_request(aftersale_id):
        window.show_screen("refunds")
        return
    if order_id:
        show_order(window, order_id)


def open_due_item(window: MainWindow, shop_key: str, kind: str, entity_id: str, order_id: str) -> None:
    """An item of the "Due soon" screen, in its shop: switch to the shop if it is not on
    screen, then the request in Refunds (else its order) or the order in Orders. After a
    switch the queue is new and still reading: the request is looked for once it has read."""
    switching = window.shop_switching
    switched = shop_key != window.shop_key()
    if switched and (switching is None or not switching.switch_to(shop_key)):
        return
    if kind != REFUND:
        show_order(window, order_id)
        return
    refunds = _screen(window, "refunds")
    if not switched or not isinstance(refunds, RefundQueueView):
        show_request(window, entity_id, order_id)
        return
    window.show_screen("refunds")

    def when_listed() -> None:
        refunds.rows_loaded.disconnect(when_listed)
        show_request(window, entity_id, order_id)

    refunds.rows_loaded.connect(when_listed)
