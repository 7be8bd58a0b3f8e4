"""Changing the shop on screen without restarting the desk.

Owns `ShopSwitching`, which a main window holding several shops keeps: the shop switcher
in a toolbar at the top of the window, the alerts of every shop (`ShopAlerts`: the count
due soon beside each shop's name, the tray alarm for a shop not on screen) and the
switch itself. A switch finds the person's own account in the other shop's database
(people are kept per shop: the owner is carried into every shop added, others are added
in each shop by the owner), then has the window build every screen anew over the other
shop's database and sync (`MainWindow.install_shop`) and remembers the choice in the
settings. The syncs themselves never stop: each shop has its own, started with the desk.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QToolBar, QToolButton

from app.services.people.permissions import Action, Actor, allowed
from app.services.setup.shop_list import select_shop
from app.services.setup.shop_setup import actor_named
from app.views.shell.add_shop_flow import add_shop_interactively, remove_shop_interactively
from app.views.shell.shop_alerts import ShopAlerts
from app.views.shell.shop_switcher import DeskShops, ShopSwitcher, shop_label

if TYPE_CHECKING:
    from app.views.shell.main_window import MainWindow

log = logging.getLogger(__name__)
NOTICE_MS = 60_000
FIRST_COUNT_AFTER_MS = 3_000


class ShopSwitching(QObject):
    switched = Signal(str)  # the key of the shop now on screen

    def __init__(self, window: MainWindow, shops: DeskShops, current_key: str) -> None:
        super().__init__(window)
        self._window, self._shops, self._key = window, shops, current_key
        self.switcher = ShopSwitcher(window)
        self._label = QLabel(window)
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("shopToolBar")
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(self._label)
        self.toolbar.addWidget(self.switcher)
        self.add_button = QToolButton(window)
        self.add_button.setObjectName("addShopButton")
        self.add_button.clicked.connect(self.add_shop)
        self._add_action = self.toolbar.addWidget(self.add_button)  # a toolbar shows it by its action
        self.remove_button = QToolButton(window)
        self.remove_button.setObjectName("removeShopButton")
        self.remove_button.clicked.connect(self.remove_shop)
        self._remove_action = self.toolbar.addWidget(self.remove_button)
        self._show_add_button()
        window.addToolBar(self.toolbar)
        self.switcher.set_shops([shop.entry for shop in shops.shops()], current_key)
        self.switcher.shop_chosen.connect(self.switch_to)
        self.alerts = ShopAlerts(shops, self.current_key, self)
        self.alerts.counted.connect(self.switcher.set_due_counts)
        self.alerts.notice.connect(lambda text: window.statusBar().showMessage(text, NOTICE_MS))
        self.retranslate_ui()
        # The first count a moment after the window is up: it reads every shop's queue and
        # board, and the shop on screen's first screenful comes first.
        QTimer.singleShot(FIRST_COUNT_AFTER_MS, self.alerts, self.alerts.recount)

    def current_key(self) -> str:
        return self._key

    def shops(self) -> DeskShops:
        return self._shops

    def retranslate_ui(self) -> None:
        self._label.setText(QCoreApplication.translate("ShopSwitching", "Shop:") + " ")
        self.toolbar.setWindowTitle(QCoreApplication.translate("ShopSwitching", "Shops"))
        self.add_button.setText(QCoreApplication.translate("ShopSwitching", "Add a shop…"))
        self.remove_button.setText(QCoreApplication.translate("ShopSwitching", "Remove this shop…"))
        self.add_button.setToolTip(
            QCoreApplication.translate(
                "ShopSwitching",
                "Connect another Douyin or TikTok Shop shop to this desk; it syncs beside the others.",
            )
        )
        self.switcher.retranslate_ui()

    def _show_add_button(self) -> None:
        """Only the owner connects shops (the person's record in the shop on screen)."""
        actor = self._window.actor()
        owner = actor is not None and allowed(actor, Action.MANAGE_SHOP_CONNECTION)
        self._add_action.setVisible(owner)
        self._remove_action.setVisible(owner and len(self._shops.shops()) > 1)

    @Slot()
    def add_shop(self) -> None:
        """ "Add a shop…": the wizard's shop page, then the new shop on screen, syncing."""
        key = add_shop_interactively(self._window, self._shops)
        if key is None:
            return
        shop = self._shops.shop(key)
        if shop is not None:
            self.alerts.watch(shop.sync)
        self.switcher.set_shops([running.entry for running in self._shops.shops()], self._key)
        self.alerts.recount()
        self.switch_to(key)
        self._show_add_button()

    @Slot()
    def remove_shop(self) -> None:
        """ "Remove this shop…": the shop on screen off the desk, another shown instead."""
        if remove_shop_interactively(self._window, self._shops, self._key, self.switch_to):
            self.switcher.set_shops([running.entry for running in self._shops.shops()], self._key)
            self.alerts.recount()
        self._show_add_button()

    @Slot(str)
    def switch_to(self, key: str) -> bool:
        """Show the shop `key`; False (and the person told why) when it cannot be shown."""
        if key == self._key:
            return True
        shop = self._shops.shop(key)
        if shop is None:
            self.switcher.set_current(self._key)
            return False
        actor = self._window.actor()
        there: Actor | None = None
        if actor is not None:
            with shop.sessions() as session:  # one indexed row: quicker than a round trip off the thread
                there = actor_named(session, actor.username)
            if there is None:
                self.switcher.set_current(self._key)
                words = QCoreApplication.translate(
                    "ShopSwitching",
                    "{person} has no account in {shop}. The owner adds the people of each shop in its "
                    "Users screen.",
                )
                self._window.statusBar().showMessage(
                    words.format(person=actor.display_name, shop=shop_label(shop.entry)), NOTICE_MS
                )
                return False
        log.info("switching the desk to shop %s", key)
        self._key = key
        self._window.install_shop(shop.sessions, shop.sync, there)
        self.switcher.set_current(key)
        self._show_add_button()
        select_shop(self._window.settings(), key, settings_path=self._window.settings_path())
        self.switched.emit(key)
        return True

    def stop(self) -> None:
        self.alerts.stop()
