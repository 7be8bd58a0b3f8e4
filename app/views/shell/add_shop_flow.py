"""The owner's "Add a shop…" and "Remove this shop…", without a restart.

Owns `add_shop_interactively`: the wizard's shop page alone (the same choices as the first
run: Douyin or TikTok Shop, the demo shop or a real one, with its connection test), then
`services.setup.shop_adding.add_chosen_shop` (permission first, TikTok's tokens, the app
secret, the settings, the shop's own database with the owner carried in), then the desk
starts the shop's sync (`DeskShops.add`). The person reads in plain words why a shop could
not be added; nothing is half kept. `remove_shop_interactively` asks first, switches to
another shop, then takes it off (`shop_adding.take_shop_off_desk`: refused while something
made there waits to be sent) and stops its sync.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from app.secrets import SecretStoreUnavailable
from app.services.people import accounts
from app.services.people.permissions import PermissionDenied
from app.services.setup.shop_adding import ShopNotRemoved, add_chosen_shop, take_shop_off_desk
from app.services.setup.shop_setup import ShopChoice
from app.views.common.people_words import refusal_text
from app.views.setup.first_run_wizard import FirstRunResult, FirstRunWizard
from app.views.shell.shop_switcher import DeskShops, shop_label

if TYPE_CHECKING:
    from app.views.shell.main_window import MainWindow

log = logging.getLogger(__name__)


def choice_of(result: FirstRunResult) -> ShopChoice:
    """The shop page's answers as the set-up service takes them."""
    return ShopChoice(
        use_demo=result.use_demo,
        gateway=result.gateway,
        app_key=result.app_key,
        app_secret=result.app_secret,
        shop_id=result.shop_id,
        allow_plain_file_secret=result.allow_plain_file_secret,
        platform=result.platform,
        shop_name=result.shop_name,
        kept=result.kept,
    )


def add_shop_interactively(window: MainWindow, shops: DeskShops) -> str | None:
    """Ask for the shop, add it and start its sync; its key, or None (closed or refused)."""
    owner = window.actor()
    if owner is None:
        return None
    wizard = FirstRunWizard(window.tasks, window, test_connection=shops.test_connection, shop_only=True)
    wizard.setObjectName("addShopWizard")
    if wizard.exec() != QDialog.DialogCode.Accepted:
        return None
    choice = choice_of(wizard.first_run_result())
    wizard.deleteLater()
    title = QCoreApplication.translate("AddShop", "The shop was not added")
    try:
        entry = add_chosen_shop(
            window.settings(), choice, owner, window.sessions(), now=int(time.time()),
            settings_path=window.settings_path(),
        )  # fmt: skip
    except (SecretStoreUnavailable, accounts.AccountError, PermissionDenied) as error:
        QMessageBox.warning(window, title, QCoreApplication.translate("accounts", error.message))
        return None
    shops.add(entry)  # None when it runs already: the same shop chosen again
    if shops.shop(entry.key) is None:
        log.warning("shop %s was added but could not be opened", entry.key)
        QMessageBox.warning(
            window,
            title,
            QCoreApplication.translate(
                "AddShop",
                "The shop was saved, but its database could not be opened on this computer. "
                "The details are in the log file in the data folder.",
            ),
        )
        return None
    return entry.key


def remove_shop_interactively(
    window: MainWindow, shops: DeskShops, key: str, switch_to: Callable[[str], bool]
) -> bool:
    """Take the shop `key` (the one on screen) off the desk after asking; True when it was.
    The window shows another shop first (`switch_to`); the person's account in the shop
    taken off is the one its removal is checked and recorded with."""
    owner, shop = window.actor(), shops.shop(key)
    others = [running.entry.key for running in shops.shops() if running.entry.key != key]
    if owner is None or shop is None or not others:
        return False
    title = QCoreApplication.translate("AddShop", "Remove this shop?")
    question = QCoreApplication.translate(
        "AddShop",
        "Take {shop} off this desk? It stops syncing here. Its data stays on this computer, and "
        "adding the shop again brings it back.",
    ).format(shop=shop_label(shop.entry))
    answer = QMessageBox.question(window, title, question)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    if not switch_to(others[0]):  # first away from it (the person's account there is asked)
        return False
    try:
        take_shop_off_desk(window.settings(), key, owner, shop.sessions, now=int(time.time()),
                           settings_path=window.settings_path())  # fmt: skip
    except (ShopNotRemoved, PermissionDenied) as error:
        QMessageBox.warning(window, QCoreApplication.translate("AddShop", "The shop was not removed"),
                            refusal_text(error))  # fmt: skip
        return False
    shops.remove(key)
    return True
