"""The main window: navigation between screens, the sync status line, settings.

Owns `MainWindow`: a sidebar listing the screens and a stack showing the chosen one
(adding a screen is one `add_screen` line, naming the `Action` that shows it, so a
person sees only the screens their role allows), the signed-in person and "Switch
user…" at the foot of the sidebar, the status bar with the sync state, the settings
dialog, and remembering the window's geometry and each screen's layout in the
settings file. It wires the sync worker (any QObject with `status_changed`,
`data_changed` signals and a `sync_now` slot) to every screen that wants to hear.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.services.people import permissions
from app.services.people.permissions import Action, Actor, allowed
from app.services.setup.settings_audit import record_setting_change
from app.services.sync_status import SyncStatus
from app.views.attention.view import NeedsAttentionView
from app.views.common.background import BackgroundTasks
from app.views.common.people_words import refusal_text, role_label
from app.views.orders.view import OrdersView
from app.views.people.audit_view import AuditView
from app.views.people.users_view import UsersView
from app.views.refunds.queue_view import RefundQueueView
from app.views.setup.settings_dialog import SettingsDialog
from app.views.shell.quit_warning import another_main_window_stays, ask_to_quit
from app.views.shell.screen_updates import ScreenUpdates
from app.views.shell.screen_wiring import dashboard_screen, wire_screen, wire_screens
from app.views.shell.sync_status_bar import SyncStatusBar
from app.views.shell.waiting_badge import WaitingBadge
from app.views.shell.window_layout import UI_STATE_KEY, layout_state, restore_layout, saved_screen_states
from app.views.shipping.board_view import ShippingBoardView


class MainWindow(QMainWindow):
    """The window; `actor` is who signed in (None: everything shown, for tools and tests)."""

    # The person chose "Switch user…": the caller asks who is next and builds a new window.
    switch_user_requested = Signal()
    # The owner chose "Change shop…" in Settings; the startup code carries it out.
    shop_change_requested = Signal()
    # The owner saved another shop database and chose to restart now; the startup code restarts.
    restart_requested = Signal()
    # A screen's reading was refused: the person was switched off or changed meanwhile.
    account_refused = Signal(object)

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        settings: Settings,
        sync_worker: QObject | None = None,
        *,
        settings_path: Path | None = None,
        actor: Actor | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._settings = settings
        self._sessions = session_factory
        self._settings_path = settings_path
        self._sync_worker = sync_worker
        self._actor = actor
        self._screens: dict[str, QWidget] = {}
        self._unbuilt: dict[str, tuple[Callable[[], QWidget], Callable[[], str]]] = {}
        self._saved_states: dict[str, Any] = {}  # screens' states from the last run
        self.screen_updates = ScreenUpdates(
            self._screens, lambda: self.current_screen_key() if self._screens else None, self
        )
        self.tasks = BackgroundTasks(self)

        self._build_frame()
        self._build_status_bar()
        self._add_shortcuts()
        self._add_screens()
        wire_screens(self, self._update_titles)
        self._connect_sync_worker(sync_worker)
        self.retranslate_ui()
        self._restore_ui_state()
        self.refresh_waiting()

    # --- building the window -------------------------------------------------------------
    def _build_frame(self) -> None:
        """The sidebar (navigation, settings, switch user, who is signed in) beside the
        stack of screens."""
        self._navigation = QListWidget(self)
        self._navigation.setObjectName("navigation")
        self._navigation.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._navigation.currentRowChanged.connect(self._show_screen_at)
        self._settings_button = QPushButton(self)
        self._settings_button.setObjectName("settingsButton")
        self._settings_button.clicked.connect(self.open_settings)
        self._settings_button.setVisible(self.allows(Action.MANAGE_SETTINGS))
        self._switch_button = QPushButton(self)
        self._switch_button.setObjectName("switchUserButton")
        self._switch_button.clicked.connect(self.switch_user_requested)
        self.account_refused.connect(self._on_account_refused)
        self._switch_button.setVisible(self._actor is not None)
        self._person = QLabel(self)
        self._person.setObjectName("signedInPerson")
        self._person.setWordWrap(True)
        self._person.setVisible(self._actor is not None)
        sidebar = QWidget(self)
        sidebar.setObjectName("sidebar")
        side_layout = QVBoxLayout(sidebar)
        side_layout.setContentsMargins(0, 8, 0, 8)
        side_layout.addWidget(self._navigation, 1)
        side_layout.addWidget(self._settings_button)
        side_layout.addWidget(self._switch_button)
        side_layout.addWidget(self._person)
        # Room for the longest title with its count badge ("Needs attention (12)") in English.
        widest = self.fontMetrics().horizontalAdvance("Needs attention (99)") + 48
        sidebar.setFixedWidth(max(150, self.fontMetrics().horizontalAdvance("M") * 13, widest))
        self._stack = QStackedWidget(self)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(sidebar)
        layout.addWidget(self._stack, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        """The sync state and the count of decisions waiting to be sent."""
        self.sync_status = SyncStatusBar(self)
        self.waiting_badge = WaitingBadge(self.tasks, self._sessions, self)
        self.statusBar().addPermanentWidget(self.waiting_badge)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.statusBar().setSizeGripEnabled(True)

    def _add_shortcuts(self) -> None:
        """Settings and switch user from the keyboard (the screens get Ctrl+1… in add_screen)."""
        if self.allows(Action.MANAGE_SETTINGS):
            QShortcut(QKeySequence.StandardKey.Preferences, self, self.open_settings)
            QShortcut(QKeySequence("Ctrl+,"), self, self.open_settings)
        if self._actor is not None:
            QShortcut(QKeySequence("Ctrl+Shift+L"), self, self.switch_user_requested.emit)

    def _add_screens(self) -> None:
        """The screens, in navigation order: one line each.

        A screen reads through sessions that check, at every transaction, that the person
        (as their record is now) may see it: the permissions service enforces the reading."""
        reading, actor, settings = self._reading_sessions, self._actor, self._settings
        session_factory, sync_worker = self._sessions, self._sync_worker
        self.add_screen(
            "orders", OrdersView(self.tasks, reading(Action.VIEW_ORDERS)), requires=Action.VIEW_ORDERS
        )
        if actor is None:  # decisions and the people screens act in someone's name
            return
        self.add_screen(  # built only when allowed
            "refunds",
            lambda: RefundQueueView(
                self.tasks, reading(Action.VIEW_REFUND_QUEUE), actor, sync_worker=sync_worker,
                settings=settings,
            ),  # fmt: skip
            requires=Action.VIEW_REFUND_QUEUE,
        )
        self.add_screen(
            "shipping",
            lambda: ShippingBoardView(
                self.tasks, reading(Action.VIEW_SHIPPING_BOARD), actor, sync_worker=sync_worker
            ),
            requires=Action.VIEW_SHIPPING_BOARD,
        )
        self.add_screen(  # pyqtgraph and six charts: built when first shown
            "dashboard",
            lambda: dashboard_screen(self.tasks, reading(Action.VIEW_DASHBOARD), actor, settings=settings,
                                     settings_path=self._settings_path, sync_worker=sync_worker),
            requires=Action.VIEW_DASHBOARD,
            title=lambda: QCoreApplication.translate("DashboardView", "Dashboard"),
        )  # fmt: skip
        self.add_screen(  # refund decisions and shipments: each person sees their own kind
            "attention",
            lambda: NeedsAttentionView(self.tasks, session_factory, actor),
            requires=(Action.DECIDE_REFUND, Action.SHIP_ORDER),
        )
        self.add_screen(
            "users",
            lambda: UsersView(self.tasks, reading(Action.MANAGE_USERS), actor),
            requires=Action.MANAGE_USERS,
        )
        self.add_screen(
            "audit", lambda: AuditView(self.tasks, session_factory, actor), requires=Action.VIEW_AUDIT
        )

    # --- screens -----------------------------------------------------------------------
    def allows(self, action: Action) -> bool:
        """Whether the signed-in person may `action` (no actor: everything)."""
        return self._actor is None or allowed(self._actor, action)

    def actor(self) -> Actor | None:
        return self._actor

    def _reading_sessions(self, action: Action) -> sessionmaker[Session]:
        """The sessions a screen for `action` reads through (permissions.reading_sessions);
        a window without a signed-in person reads as it is."""
        if self._actor is None:
            return self._sessions
        return permissions.reading_sessions(
            self._sessions, self._actor, action, on_refused=self._tell_refused_from_any_thread
        )

    def _tell_refused_from_any_thread(self, refusal: permissions.PermissionDenied) -> None:
        with contextlib.suppress(RuntimeError):  # the window is already gone: nobody to tell
            self.account_refused.emit(refusal)  # queued to the GUI thread

    @Slot(object)
    def _on_account_refused(self, refusal: permissions.PermissionDenied) -> None:
        """Say in the status bar, until the person acts, why the screens stopped updating."""
        self.statusBar().showMessage(refusal_text(refusal))

    def add_screen(
        self,
        key: str,
        screen: QWidget | Callable[[], QWidget],
        requires: Action | tuple[Action, ...] = Action.VIEW_ORDERS,
        *,
        title: Callable[[], str] | None = None,
    ) -> bool:
        """Add a screen to the navigation if the signed-in person may `requires` (any one of
        several), else return False (a screen given as a factory is then never built). A
        screen has `screen_title()` and may have `on_data_changed(kinds)`,
        `set_sync_status(status)`, `save_state()` and `restore_state(state)`, which the
        window calls when it has something for them. A factory given with its `title` is
        built only when the screen is first shown or asked for: a heavy screen then costs
        the start-up nothing."""
        if not any(map(self.allows, requires if isinstance(requires, tuple) else (requires,))):
            if isinstance(screen, QWidget):
                screen.deleteLater()
            return False
        if not isinstance(screen, QWidget) and title is not None:
            self._unbuilt[key] = (screen, title)
            screen = QWidget(self)  # stands in the stack until the screen is built
        elif not isinstance(screen, QWidget):
            screen = screen()
        self._screens[key] = screen
        self._stack.addWidget(screen)
        item = QListWidgetItem(self._title_of(key))
        item.setData(Qt.ItemDataRole.UserRole, key)
        self._navigation.addItem(item)
        number = len(self._screens)
        if number <= 9:
            QShortcut(
                QKeySequence(f"Ctrl+{number}"),
                self,
                lambda row=number - 1: self._navigation.setCurrentRow(row),
            )
        if self._navigation.currentRow() < 0:
            self._navigation.setCurrentRow(0)
        return True

    def screen_keys(self) -> list[str]:
        return list(self._screens)

    def screen_named(self, key: str) -> QWidget:
        if key in self._unbuilt:
            self._build(key)
        return self._screens[key]

    def _build(self, key: str) -> None:
        factory, _title = self._unbuilt.pop(key)
        stand_in = self._screens[key]
        screen = factory()
        current = self._stack.currentWidget() is stand_in
        self._stack.insertWidget(self._stack.indexOf(stand_in), screen)
        self._screens[key] = screen
        if current:
            self._stack.setCurrentWidget(screen)
        self._stack.removeWidget(stand_in)
        stand_in.deleteLater()
        if isinstance(self._saved_states.get(key), dict) and hasattr(screen, "restore_state"):
            screen.restore_state(self._saved_states[key])
        if hasattr(screen, "set_sync_status"):
            screen.set_sync_status(self.sync_status.status())
        wire_screen(self, key, screen, self._update_titles)

    def is_built(self, key: str) -> bool:
        return key not in self._unbuilt

    def _title_of(self, key: str) -> str:
        if key in self._unbuilt:
            return self._unbuilt[key][1]()
        return self._screens[key].screen_title()  # type: ignore[attr-defined]

    def current_screen_key(self) -> str:
        return list(self._screens)[self._stack.currentIndex()]

    def show_screen(self, key: str) -> None:
        self._navigation.setCurrentRow(list(self._screens).index(key))

    @Slot(int)
    def _show_screen_at(self, row: int) -> None:
        if row >= 0:
            if (key := list(self._screens)[row]) in self._unbuilt:
                self._build(key)
            self._stack.setCurrentIndex(row)
            self.screen_updates.shown(self.current_screen_key())

    def _update_titles(self) -> None:
        for row, key in enumerate(self._screens):
            self._navigation.item(row).setText(self._title_of(key))

    # --- decisions waiting to be sent ----------------------------------------------------
    @Slot()
    def refresh_waiting(self, *_: object) -> None:
        """Count the decisions the platform has not confirmed (off the GUI thread)."""
        self.waiting_badge.refresh()

    def waiting_count(self) -> int:
        return self.waiting_badge.count()

    # --- the sync worker -----------------------------------------------------------------
    def _connect_sync_worker(self, worker: QObject | None) -> None:
        self.sync_status.set_sync_available(worker is not None)
        if worker is None:
            return
        worker.status_changed.connect(self.on_sync_status)  # type: ignore[attr-defined]
        worker.data_changed.connect(self.on_data_changed)  # type: ignore[attr-defined]
        self.sync_status.sync_requested.connect(worker.sync_now)  # type: ignore[attr-defined]
        # Where the sync stands (it may have run while someone signed in), else "starting".
        last_status = getattr(worker, "last_status", None)
        self.on_sync_status(last_status() if callable(last_status) else SyncStatus())

    @Slot(object)
    def on_sync_status(self, status: SyncStatus) -> None:
        self.sync_status.set_status(status)
        self.refresh_waiting()
        for screen in self._screens.values():
            if hasattr(screen, "set_sync_status"):
                screen.set_sync_status(status)

    @Slot(object)
    def on_data_changed(self, kinds: Any) -> None:
        self.refresh_waiting()
        self.screen_updates.changed(frozenset(kinds))

    # --- settings and language ----------------------------------------------------------------
    @Slot()
    def open_settings(self) -> None:
        if not self.allows(Action.MANAGE_SETTINGS):
            return
        dialog = SettingsDialog(
            self._settings,
            self,
            settings_path=self._settings_path,
            can_change_shop=self._actor is not None and self.allows(Action.MANAGE_SHOP_CONNECTION),
            tasks=self.tasks,
            waiting_count=self.waiting_count(),
            sessions=self._sessions,
            actor=self._actor,
        )
        dialog.change_shop_requested.connect(self.shop_change_requested)
        # The URLs carry no password: the settings file never holds one, nor does the trail.
        dialog.shop_database_changed.connect(
            lambda before, after: self._audit_setting("database_url", before, after)
        )
        restart: list[bool] = []
        dialog.restart_requested.connect(lambda: restart.append(True))
        language_before = self._settings.language
        dialog.exec()
        dialog.deleteLater()
        if self._actor is not None and self._settings.language != language_before:
            self._audit_setting("language", language_before, self._settings.language)
        if restart:
            self.tasks.wait_for_idle()  # the change is in the audit trail before the desk restarts
            self.restart_requested.emit()

    def _audit_setting(self, name: str, before: object, after: object) -> None:
        """Settings changes are part of the trail, like every other decision."""
        actor, sessions = self._actor, self._sessions

        def record() -> None:
            if actor is None:  # nobody signed in (a window without people): nothing to attribute
                return
            record_setting_change(sessions, actor, name, before, after, now=int(time.time()))

        self.tasks.run("settings.audit", record, lambda _none: None)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("AfterSales Desk"))
        self._settings_button.setText(self.tr("Settings"))
        self._settings_button.setToolTip(self.tr("Language and other choices for this computer (Ctrl+,)"))
        self._switch_button.setText(self.tr("Switch user…"))
        self._switch_button.setToolTip(self.tr("Sign out and let someone else sign in (Ctrl+Shift+L)"))
        if self._actor is not None:
            self._person.setText(
                self.tr("{name}\n{role}").format(
                    name=self._actor.display_name, role=role_label(self._actor.role)
                )
            )
        self._update_titles()
        self.waiting_badge.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- remembering the layout ----------------------------------------------------------------
    def _restore_ui_state(self) -> None:
        state = self._settings.extra.get(UI_STATE_KEY)
        try:
            self._saved_states = saved_screen_states(state)
            screen = restore_layout(self, state, self._screens)
        except (TypeError, ValueError):  # a layout edited by hand into nonsense: start afresh
            self._saved_states, screen = {}, None
        if screen is not None:
            self.show_screen(screen)

    def save_ui_state(self) -> None:
        kept = {key: self._saved_states[key] for key in self._unbuilt if key in self._saved_states}
        self._settings.extra[UI_STATE_KEY] = layout_state(
            self, self.current_screen_key(), self._screens, kept
        )
        self._settings.save(self._settings_path)

    def confirm_quit(self, count: int) -> bool:
        """Ask before quitting with decisions the platform has not got yet (they stay either way)."""
        return ask_to_quit(self, count)

    def closeEvent(self, event: QCloseEvent) -> None:
        waiting = self.waiting_count()
        if waiting and not another_main_window_stays(self) and not self.confirm_quit(waiting):
            event.ignore()
            return
        self.save_ui_state()
        self.tasks.shutdown()
        super().closeEvent(event)
