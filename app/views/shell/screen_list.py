"""The main window's screens, in navigation order, for the shop on screen.

Owns `add_screens`: one `add_screen` line per screen, naming the `Action` that shows it,
so a person sees only the screens their role allows. Called when the window is built
and again when the person switches shop: every screen is then built anew over the other
shop's database (`window.sessions()`), its sync (`window.sync_worker()`) and the person's
account there (`window.actor()`), so nothing of one shop is left on a screen of another.

A screen reads through sessions that check, at every transaction, that the person (as
their record is now) may see it: the permissions service enforces the reading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.services.people.permissions import Action
from app.services.rule_history import rules_in_force
from app.views.attention.view import NeedsAttentionView
from app.views.automation.view import AutomationView
from app.views.due_soon.view import DueSoonView
from app.views.orders.view import OrdersView
from app.views.people.audit_view import AuditView
from app.views.people.users_view import UsersView
from app.views.refunds.queue_view import RefundQueueView
from app.views.rules.view import RulesView
from app.views.shell.screen_wiring import dashboard_screen, open_due_item
from app.views.shipping.board_view import ShippingBoardView

if TYPE_CHECKING:
    from app.views.shell.main_window import MainWindow


def add_screens(window: MainWindow) -> None:
    reading, actor, settings = window.reading_sessions, window.actor(), window.settings()
    session_factory, sync_worker, tasks = window.sessions(), window.sync_worker(), window.tasks
    window.sync_status.set_zone(
        rules_in_force(shop_options(window)["platform"]).shipping.tz
    )  # the shop's clock
    window.add_screen(
        "orders",
        OrdersView(tasks, reading(Action.VIEW_ORDERS), **shop_options(window)),
        requires=Action.VIEW_ORDERS,
    )
    if actor is None:  # decisions and the people screens act in someone's name
        return
    window.add_screen(  # built only when allowed
        "refunds",
        lambda: RefundQueueView(
            tasks,
            reading(Action.VIEW_REFUND_QUEUE),
            actor,
            sync_worker=sync_worker,
            settings=settings,
            **shop_options(window),
        ),  # fmt: skip
        requires=Action.VIEW_REFUND_QUEUE,
    )
    window.add_screen(
        "shipping",
        lambda: ShippingBoardView(
            tasks,
            reading(Action.VIEW_SHIPPING_BOARD),
            actor,
            sync_worker=sync_worker,
            labels=shop_labels(window),
            **shop_options(window),
        ),
        requires=Action.VIEW_SHIPPING_BOARD,
    )
    window.add_screen(  # pyqtgraph and six charts: built when first shown
        "dashboard",
        lambda: dashboard_screen(tasks, reading(Action.VIEW_DASHBOARD), actor, settings=settings,
                                 settings_path=window.settings_path(), sync_worker=sync_worker,
                                 **shop_options(window)),
        requires=Action.VIEW_DASHBOARD,
        title=lambda: QCoreApplication.translate("DashboardView", "Dashboard"),
    )  # fmt: skip
    window.add_screen(  # refund decisions and shipments: each person sees their own kind
        "attention",
        lambda: NeedsAttentionView(tasks, session_factory, actor, **shop_options(window)),
        requires=(Action.DECIDE_REFUND, Action.SHIP_ORDER),
    )
    if window.desk_shops() is not None:  # several shops: what is due in every one
        window.add_screen(
            "due_soon",
            lambda: due_soon_screen(window),
            requires=(Action.VIEW_REFUND_QUEUE, Action.VIEW_SHIPPING_BOARD),
        )
    window.add_screen(
        "users",
        lambda: UsersView(tasks, reading(Action.MANAGE_USERS), actor, **shop_options(window)),
        requires=Action.MANAGE_USERS,
    )
    window.add_screen(
        "audit",
        lambda: AuditView(tasks, session_factory, actor, **shop_options(window)),
        requires=Action.VIEW_AUDIT,
    )
    window.add_screen(  # the rule sets by date and the shop's own (issue 18): the owner's
        "rules",
        lambda: RulesView(tasks, session_factory, actor, **shop_options(window)),
        requires=Action.MANAGE_SETTINGS,
        title=lambda: QCoreApplication.translate("RulesView", "Rules"),  # built when first shown
    )
    window.add_screen(  # the owner's automatic decisions (issue 18 part 2), built when first shown
        "automation",
        lambda: AutomationView(tasks, session_factory, actor, **shop_options(window)),
        requires=Action.MANAGE_SETTINGS,
        title=lambda: QCoreApplication.translate("AutomationView", "Automatic decisions"),
    )


def shop_options(window: MainWindow) -> dict[str, Any]:
    """What the orders, the queue, the board and the dashboard must know of the shop on screen: its
    platform, whose rule set says its deadlines, its clock and the figures it is judged by.
    Fixed when a screen is built: a switch of shop builds every screen anew."""
    shops = window.desk_shops()
    shop = shops.shop(window.shop_key()) if shops is not None else None
    entry = shop.entry if shop is not None else window.settings().current_entry()
    return {"platform": entry.platform}


def shop_labels(window: MainWindow) -> Any:
    """The shipping labels of the shop on screen (app/shop_labels.py, built by the desk with
    its adapter), None where the window was given no desk of shops."""
    shops = window.desk_shops()
    shop = shops.shop(window.shop_key()) if shops is not None else None
    return getattr(shop, "labels", None)


def due_soon_screen(window: MainWindow) -> QWidget:
    """Every shop's due work; a double-click opens the item in its shop."""
    shops = window.desk_shops()
    assert shops is not None
    view = DueSoonView(window.tasks, shops)
    view.open_item.connect(lambda key, kind, entity, order: open_due_item(window, key, kind, entity, order))
    return view
