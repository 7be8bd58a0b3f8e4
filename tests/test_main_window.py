"""The main window: navigation, the sync status line, language switching and
remembering its layout, driven by a stand-in worker with the real signals; and the
signed-in person: the screens each role sees, the person's name, "Switch user…"."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton

from app.config import Settings, data_dir
from app.services.people.permissions import Action, Role
from app.services.sync_status import SyncState, SyncStatus
from app.sync.sync_process import PROBLEM_SYNC_PROCESS_ENDED
from app.views.common.people_words import role_label
from app.views.orders.view import OrdersView
from app.views.setup.settings_dialog import SettingsDialog
from app.views.shell.app import build_application
from app.views.shell.i18n import current_language, effective_language, install_language
from app.views.shell.main_window import MainWindow
from app.views.shell.sync_status_bar import SyncStatusBar
from tests.builders import NOW, order_row, seed
from tests.fixtures_views import actor_of, add_person


def make_window(qtbot, session_factory, settings, worker=None) -> MainWindow:
    window = MainWindow(session_factory, settings, worker)
    qtbot.addWidget(window)
    window.show()
    orders = window.screen_named("orders")
    qtbot.waitUntil(lambda: orders.count_text() != "", timeout=5_000)
    return window


def navigation_texts(window: MainWindow) -> list[str]:
    navigation = window.findChild(QListWidget, "navigation")
    return [navigation.item(row).text() for row in range(navigation.count())]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (SyncStatus(SyncState.STARTING), "Connecting to the shop…"),
        (
            SyncStatus(SyncState.STARTING, last_error=PROBLEM_SYNC_PROCESS_ENDED),
            "The sync stopped unexpectedly and is starting again…",
        ),
        (SyncStatus(SyncState.STANDING_BY), "Another sync is running"),
        (SyncStatus(SyncState.SYNCING), "Syncing…"),
        (SyncStatus(SyncState.ONLINE, last_success_at=NOW - 125), "Online · last synced 2 min ago"),
        (SyncStatus(SyncState.ONLINE, last_success_at=NOW - 5), "Online · last synced just now"),
        (SyncStatus(SyncState.OFFLINE, next_attempt_in_s=30), "Offline · next try in 30 s"),
        (SyncStatus(SyncState.OFFLINE), "Offline · will try again by itself"),
        (
            SyncStatus(SyncState.NEEDS_ATTENTION, last_error="the shop's access token has expired"),
            "Needs attention: the shop's access token has expired",
        ),
    ],
    ids=lambda value: value.state.value if isinstance(value, SyncStatus) else None,
)
def test_the_status_line_says_each_sync_state_in_plain_words(qtbot, english, status, expected) -> None:
    bar = SyncStatusBar(clock=lambda: NOW, monotonic=lambda: 100.0)
    qtbot.addWidget(bar)
    bar.set_status(status)
    assert bar.text() == expected


def test_the_retry_countdown_counts_down(qtbot, english) -> None:
    monotonic = [100.0]
    bar = SyncStatusBar(clock=lambda: NOW, monotonic=lambda: monotonic[0])
    qtbot.addWidget(bar)
    bar.set_status(SyncStatus(SyncState.OFFLINE, next_attempt_in_s=30))
    monotonic[0] += 12
    bar._refresh()
    assert bar.text() == "Offline · next try in 18 s"


def test_the_worker_drives_the_status_line_and_the_screens(
    qtbot, session_factory, settings, fake_worker, english
) -> None:
    window = make_window(qtbot, session_factory, settings, fake_worker)
    orders: OrdersView = window.screen_named("orders")  # type: ignore[assignment]
    assert navigation_texts(window) == ["Orders"]
    assert orders.empty_text() == "No orders yet — the first sync is running."

    fake_worker.status_changed.emit(SyncStatus(SyncState.SYNCING))
    assert window.sync_status.text() == "Syncing…"
    seed(session_factory, [order_row(items_summary="保温杯 ×1")])
    with qtbot.waitSignal(orders.rows_loaded, timeout=5_000):
        fake_worker.data_changed.emit(frozenset({"orders"}))
    assert orders.model.rowCount() == 1

    fake_worker.status_changed.emit(SyncStatus(SyncState.ONLINE, last_success_at=NOW))
    qtbot.mouseClick(
        window.sync_status.findChild(type(window._settings_button), "syncNowButton"), Qt.LeftButton
    )
    assert fake_worker.sync_now_calls == 1


def test_without_a_worker_sync_now_is_disabled(qtbot, session_factory, settings, english) -> None:
    window = make_window(qtbot, session_factory, settings)
    button = window.sync_status.findChild(type(window._settings_button), "syncNowButton")
    assert not button.isEnabled()


def test_switching_language_changes_visible_texts_at_once_and_is_saved(
    qtbot, session_factory, settings, fake_worker, english
) -> None:
    window = make_window(qtbot, session_factory, settings, fake_worker)
    orders: OrdersView = window.screen_named("orders")  # type: ignore[assignment]
    dialog = SettingsDialog(settings, window)
    qtbot.addWidget(dialog)

    dialog.language_box.setCurrentIndex(dialog.language_box.findData("zh_CN"))
    assert current_language() == "zh_CN"
    # Qt posts LanguageChange to every window: the texts change on the next event loop turn.
    qtbot.waitUntil(lambda: navigation_texts(window) == ["订单"], timeout=2_000)
    assert window.windowTitle() == "售后工作台"
    assert orders.model.headerData(0, Qt.Orientation.Horizontal) == "订单号"
    assert orders.empty_text() == "还没有订单 —— 正在进行首次同步。"
    assert window.sync_status.text() == "正在连接店铺…"
    assert dialog.language_box.itemText(0) == "跟随系统"
    assert json.loads((data_dir() / "settings.json").read_text(encoding="utf-8"))["language"] == "zh_CN"

    dialog.language_box.setCurrentIndex(dialog.language_box.findData("en"))
    qtbot.waitUntil(lambda: navigation_texts(window) == ["Orders"], timeout=2_000)
    assert orders.model.headerData(0, Qt.Orientation.Horizontal) == "Order"
    assert Settings.load().language == "en"


def test_system_language_follows_the_locale() -> None:
    from PySide6.QtCore import QLocale

    assert effective_language("system", QLocale("zh_CN")) == "zh_CN"
    assert effective_language("system", QLocale("zh_TW")) == "zh_CN"
    assert effective_language("system", QLocale("de_DE")) == "en"
    assert effective_language("en", QLocale("zh_CN")) == "en"


def test_geometry_and_splitter_are_remembered(qtbot, session_factory, settings, english) -> None:
    window = make_window(qtbot, session_factory, settings)
    window.resize(760, 540)  # the offscreen screen is 800x600
    splitter = window.findChild(type(window.screen_named("orders")._splitter), "ordersSplitter")
    splitter.setSizes([600, 300])
    sizes = splitter.sizes()
    window.close()

    again = make_window(qtbot, session_factory, Settings.load())
    assert (again.width(), again.height()) == (760, 540)
    assert again.findChild(type(splitter), "ordersSplitter").sizes() == sizes


def test_build_application_reuses_the_app_and_applies_the_style(qapp, english) -> None:
    app = build_application([], Settings(language="en"))
    assert app is qapp
    assert "Microsoft YaHei" in app.styleSheet()
    assert app.applicationName() == "AfterSalesDesk"
    app.setStyleSheet("")  # keep other tests' widgets unstyled


# --- who is signed in --------------------------------------------------------------------
def make_window_for(qtbot, session_factory, settings, actor) -> MainWindow:
    window = MainWindow(session_factory, settings, actor=actor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.screen_named("orders").count_text() != "", timeout=5_000)
    return window


@pytest.mark.parametrize(
    ("role", "screens", "may_change_settings"),
    [
        (
            Role.OWNER,
            [
                "Orders",
                "Refunds",
                "Shipping",
                "Dashboard",
                "Needs attention",
                "Users",
                "Audit log",
                "Rules",
                "Automatic decisions",
            ],
            True,
        ),
        (Role.CLERK, ["Orders", "Refunds", "Dashboard", "Needs attention"], False),
        (Role.WAREHOUSE, ["Orders", "Shipping", "Dashboard", "Needs attention"], False),
    ],
    ids=["owner", "clerk", "warehouse"],
)
def test_each_role_sees_only_its_screens(
    qtbot, session_factory, settings, owner, english, role, screens, may_change_settings
) -> None:
    actor = (
        owner if role == Role.OWNER else actor_of(add_person(session_factory, owner, "wang", "王姐", role))
    )
    window = make_window_for(qtbot, session_factory, settings, actor)
    assert navigation_texts(window) == screens
    assert window.findChild(QPushButton, "settingsButton").isVisible() == may_change_settings
    person = window.findChild(QLabel, "signedInPerson")
    assert person.isVisible()
    assert person.text() == f"{actor.display_name}\n{role_label(role)}"


def test_without_an_actor_everything_is_shown_and_no_one_can_switch(
    qtbot, session_factory, settings, english
) -> None:
    window = make_window(qtbot, session_factory, settings)
    assert window.findChild(QPushButton, "settingsButton").isVisible()
    assert not window.findChild(QPushButton, "switchUserButton").isVisible()


def test_a_screen_the_person_may_not_see_is_never_built(
    qtbot, session_factory, settings, owner, english
) -> None:
    clerk = actor_of(add_person(session_factory, owner, "wang", "王姐", Role.CLERK))
    window = make_window_for(qtbot, session_factory, settings, clerk)
    built = []
    assert not window.add_screen("secret", lambda: built.append(1), requires=Action.VIEW_AUDIT)
    assert built == [] and window.screen_keys() == ["orders", "refunds", "dashboard", "attention"]


def test_switch_user_from_the_button_and_the_shortcut(
    qtbot, session_factory, settings, owner, english
) -> None:
    window = make_window_for(qtbot, session_factory, settings, owner)
    button = window.findChild(QPushButton, "switchUserButton")
    assert button.text() == "Switch user…"
    with qtbot.waitSignal(window.switch_user_requested, timeout=1_000):
        qtbot.mouseClick(button, Qt.LeftButton)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2_000)
    with qtbot.waitSignal(window.switch_user_requested, timeout=1_000):
        qtbot.keyClick(window, Qt.Key_L, Qt.ControlModifier | Qt.ShiftModifier)


def test_the_people_screens_in_chinese(qtbot, session_factory, settings, owner, english) -> None:
    window = make_window_for(qtbot, session_factory, settings, owner)
    install_language("zh_CN")
    expected = ["订单", "售后审核", "发货", "数据看板", "待处理异常", "用户", "操作记录", "规则", "自动审核"]
    qtbot.waitUntil(lambda: navigation_texts(window) == expected, timeout=2_000)
    assert window.findChild(QPushButton, "switchUserButton").text() == "切换用户…"
    assert window.findChild(QLabel, "signedInPerson").text() == "小林\n店主"


class Listening(QLabel):
    """A screen that records the news it hears."""

    def __init__(self) -> None:
        super().__init__("listening")
        self.heard: list[frozenset[str]] = []

    def screen_title(self) -> str:
        return "Listening"

    def on_data_changed(self, kinds: frozenset[str]) -> None:
        self.heard.append(kinds)


def test_the_screen_in_view_hears_of_new_data_at_once_hidden_ones_later(
    qtbot, session_factory, settings, english
) -> None:
    window = make_window(qtbot, session_factory, settings)
    hidden = Listening()
    window.add_screen("listening", hidden)
    window.show_screen("orders")
    with qtbot.waitSignal(window.screen_named("orders").rows_loaded, timeout=5_000):
        window.on_data_changed({"orders"})  # the orders screen re-reads at once
    window.on_data_changed({"after_sales"})
    assert hidden.heard == []
    window.show_screen("listening")  # shown: it hears everything it missed, once
    assert hidden.heard == [frozenset({"orders", "after_sales"})]
    window.show_screen("orders")
    window.on_data_changed({"outbox"})
    window.screen_updates.deliver_pending()  # what the 30-second timer does
    assert hidden.heard[-1] == frozenset({"outbox"})


def test_the_dashboard_is_built_only_when_first_shown(
    qtbot, session_factory, settings, owner, english
) -> None:
    """pyqtgraph and six charts cost the start-up nothing until the owner opens them."""
    window = make_window_for(qtbot, session_factory, settings, owner)
    assert "Dashboard" in navigation_texts(window)
    assert not window.is_built("dashboard")
    window.show_screen("dashboard")
    assert window.is_built("dashboard")
    assert window.current_screen_key() == "dashboard"
    assert window.screen_named("dashboard").screen_title() == "Dashboard"
