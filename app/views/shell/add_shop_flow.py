"""The owner's "Add a shop…": one more shop on the desk, without a restart.

Owns `add_shop_interactively`: the wizard's shop page alone (the same choices as the first
run: Douyin or TikTok Shop, the demo shop or a real one, with its connection test), then
`services.setup.shop_adding.add_chosen_shop` (permission first, TikTok's tokens, the app
secret, the settings, the shop's own database with the owner carried in), then the desk
starts the shop's sync (`DeskShops.add`). The person reads in plain words why a shop could
not be added; nothing is half kept.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from app.secrets import SecretStoreUnavailable
from app.services.people import accounts
from app.services.people.permissions import PermissionDenied
from app.services.setup.shop_adding import add_chosen_shop
from app.services.setup.shop_setup import ShopChoice
from app.views.setup.first_run_wizard import FirstRunResult, FirstRunWizard
from app.views.shell.shop_switcher import DeskShops

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
