"""The main window: navigation between screens, the sync status line, settings.

Owns `MainWindow`: a sidebar listing the screens and a stack showing the chosen one
(adding a screen is one `add_screen` line, naming the `Action` that shows it, so a
person sees only the screens their role allows), the signed-in person and "Switch
user…" at the foot of the sidebar, the status bar with the sync state, the settings
dialog, and remembering the window's geometry and each screen's layout in the
settings file. It wires the sync worker (any QObject with `status_changed`,
`data_changed` signals and a `sync_now` slot) to every screen that wants to hear. A desk
of several shops shows a shop switcher above the screens (`shop_switching.py`); a switch
builds every screen anew over the other shop (`install_shop`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QListWidgetItem,
    QMainWindow,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.services.people import permissions
from app.services.people.permissions import Action, Actor, allowed
from app.services.sync_status import SyncStatus
from app.views.common.background import BackgroundTasks, retire
from app.views.common.people_words import refusal_text, role_label
from app.views.shell.quit_warning import another_main_window_stays, ask_to_quit
from app.views.shell.screen_list import add_screens
from app.views.shell.screen_updates import ScreenUpdates
from app.views.shell.screen_wiring import wire_screen, wire_screens
from app.views.shell.shop_switcher import DeskShops
from app.views.shell.shop_switching import ShopSwitching
from app.views.shell.sync_status_bar import SyncStatusBar
from app.views.shell.waiting_badge import WaitingBadge
from app.views.shell.window_frame import build_frame
from app.views.shell.window_layout import UI_STATE_KEY, layout_state, restore_layout, saved_screen_states
from app.views.shell.window_settings import open_settings


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
    # Another shop is on screen now (its key): the startup code signs in there on a switch of user.
    shop_switched = Signal(str)

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        settings: Settings,
        sync_worker: QObject | None = None,
        *,
        settings_path: Path | None = None,
        actor: Actor | None = None,
        shops: DeskShops | None = None,
        shop_key: str = "",
    ) -> None:
        """`shops`: every shop of the desk (the switcher shows them); `shop_key`: the one whose
        database and sync are `session_factory` and `sync_worker`."""
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
        self.shop_switching = ShopSwitching(self, shops, shop_key) if shops is not None else None
        if self.shop_switching is not None:
            self.shop_switching.switched.connect(self.shop_switched)
        self._shortcuts = 0  # Ctrl+1… made so far: one per row, whichever shop's screens fill it
        self._connected_worker: QObject | None = None

        self._build_frame()
        self._build_status_bar()
        add_screens(self)
        wire_screens(self, self._update_titles)
        self._connect_sync_worker(sync_worker)
        self.retranslate_ui()
        self._restore_ui_state()
        self.refresh_waiting()

    # --- building the window -------------------------------------------------------------
    def _build_frame(self) -> None:
        """The sidebar beside the stack of screens (window_frame.py lays them out)."""
        frame = build_frame(self)
        self._navigation, self._stack, self._person = frame.navigation, frame.stack, frame.person
        self._settings_button, self._switch_button = frame.settings_button, frame.switch_button
        self._navigation.currentRowChanged.connect(self._show_screen_at)
        self._settings_button.clicked.connect(self.open_settings)
        self._settings_button.setVisible(self.allows(Action.MANAGE_SETTINGS))
        self._switch_button.clicked.connect(self.switch_user_requested)
        self.account_refused.connect(self._on_account_refused)
        self._switch_button.setVisible(self._actor is not None)
        self._person.setVisible(self._actor is not None)
        # Settings and switch user from the keyboard (the screens get Ctrl+1… in add_screen).
        if self.allows(Action.MANAGE_SETTINGS):
            QShortcut(QKeySequence.StandardKey.Preferences, self, self.open_settings)
            QShortcut(QKeySequence("Ctrl+,"), self, self.open_settings)
        if self._actor is not None:
            QShortcut(QKeySequence("Ctrl+Shift+L"), self, self.switch_user_requested.emit)

    def _build_status_bar(self) -> None:
        """The sync state and the count of decisions waiting to be sent."""
        self.sync_status = SyncStatusBar(self)
        self.waiting_badge = WaitingBadge(self.tasks, self._sessions, self)
        self.statusBar().addPermanentWidget(self.waiting_badge)
        self.statusBar().addPermanentWidget(self.sync_status)
        self.statusBar().setSizeGripEnabled(True)

    # --- screens -----------------------------------------------------------------------
    def allows(self, action: Action) -> bool:
        """Whether the signed-in person may `action` (no actor: everything)."""
        return self._actor is None or allowed(self._actor, action)

    def actor(self) -> Actor | None:
        return self._actor

    def sessions(self) -> sessionmaker[Session]:  # the database of the shop on screen
        return self._sessions

    def sync_worker(self) -> QObject | None:
        return self._sync_worker

    def settings(self) -> Settings:
        return self._settings

    def settings_path(self) -> Path | None:
        return self._settings_path

    def desk_shops(self) -> DeskShops | None:  # every shop of the desk (None: only the one given)
        return self.shop_switching.shops() if self.shop_switching is not None else None

    def shop_key(self) -> str:
        return self.shop_switching.current_key() if self.shop_switching is not None else ""

    def install_shop(
        self, sessions: sessionmaker[Session], sync_worker: QObject | None, actor: Actor | None
    ) -> None:
        """Every screen anew over another shop (its database, its sync, the person's account there);
        a fresh `tasks`, so no answer still on its way lands on the other shop's screens."""
        current = self.current_screen_key() if self._screens else None
        for key, screen in self._screens.items():
            if key not in self._unbuilt and hasattr(screen, "save_state"):
                self._saved_states[key] = screen.save_state()
        self._connect_sync_worker(None)
        retire(self.tasks)
        self.tasks = BackgroundTasks(self)
        self.screen_updates.forget()
        with QSignalBlocker(self._navigation):
            self._navigation.clear()
        for screen in self._screens.values():
            self._stack.removeWidget(screen)
            screen.deleteLater()
        self._screens.clear()
        self._unbuilt.clear()
        self._sessions, self._sync_worker, self._actor = sessions, sync_worker, actor
        self.waiting_badge.rebind(self.tasks, sessions)
        add_screens(self)
        wire_screens(self, self._update_titles)
        for key, screen in self._screens.items():
            if key not in self._unbuilt and isinstance(self._saved_states.get(key), dict):
                screen.restore_state(self._saved_states[key])  # type: ignore[attr-defined]
        self._connect_sync_worker(sync_worker)
        if current in self._screens:
            self.show_screen(current)
        self.retranslate_ui()
        self.refresh_waiting()

    def reading_sessions(self, action: Action) -> sessionmaker[Session]:
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
        if self._shortcuts < number <= 9:
            self._shortcuts = number
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
        """Listen to `worker` (None: to no sync), no longer to the one before."""
        before, self._connected_worker = self._connected_worker, worker
        if before is not None:
            with contextlib.suppress(RuntimeError, TypeError):  # already gone
                before.status_changed.disconnect(self.on_sync_status)  # type: ignore[attr-defined]
                before.data_changed.disconnect(self.on_data_changed)  # type: ignore[attr-defined]
                self.sync_status.sync_requested.disconnect(before.sync_now)  # type: ignore[attr-defined]
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
        open_settings(self)

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
        if self.shop_switching is not None:
            self.shop_switching.stop()
        super().closeEvent(event)
