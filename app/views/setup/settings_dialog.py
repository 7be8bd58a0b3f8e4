"""The settings dialog: choices a person makes for this workstation.

Owns `SettingsDialog`: the language (follow the system, 中文, English) — a choice takes
effect at once (the translators are swapped and every open widget retranslates
itself) and is saved to the settings file straight away — and, for the owner, which
shop this workstation works for (抖店 or TikTok Shop), with "Change shop…" (the window
carries that out: the wizard, which offers either platform), and
which database it keeps the shop's data in (`ShopDatabaseSection`); and the desk's updates
(`UpdateSection`: the update address, "Check for updates", what changed).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from app.config import LANGUAGES, Settings
from app.services.people.permissions import Actor
from app.services.setup.connection_test import TIKTOK
from app.views.common.background import BackgroundTasks
from app.views.setup.shop_database_section import ShopDatabaseSection
from app.views.shell.i18n import install_language
from app.views.updates.checker import UpdateChecker
from app.views.updates.settings_section import UpdateSection


class SettingsDialog(QDialog):
    change_shop_requested = Signal()
    # The owner saved another shop database: before and after, URLs without a password.
    shop_database_changed = Signal(str, str)
    # The owner chose to restart now, so that the new shop database takes effect.
    restart_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        settings_path: Path | None = None,
        can_change_shop: bool = False,
        tasks: BackgroundTasks | None = None,
        waiting_count: int = 0,
        sessions: sessionmaker[Session] | None = None,
        actor: Actor | None = None,
        updates: UpdateChecker | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._settings = settings
        self._settings_path = settings_path
        self.language_box = QComboBox(self)
        self.language_box.setObjectName("languageBox")
        # Language names in their own language, so anyone can find theirs.
        self.language_box.addItem("", "system")
        self.language_box.addItem("中文（简体）", "zh_CN")
        self.language_box.addItem("English", "en")
        self.language_box.setCurrentIndex(LANGUAGES.index(settings.language))
        self.language_box.currentIndexChanged.connect(self._on_language_chosen)
        self._language_label = QLabel(self)
        self._language_label.setBuddy(self.language_box)
        self._hint = QLabel(self)
        self._hint.setObjectName("hint")
        self._hint.setWordWrap(True)
        self._shop_label = QLabel(self)
        self.shop_text = QLabel(self)
        self.shop_text.setObjectName("currentShop")
        self.shop_text.setWordWrap(True)  # a TikTok shop's name and its long id
        self.change_shop_button = QPushButton(self)
        self.change_shop_button.setObjectName("changeShopButton")
        self.change_shop_button.setVisible(can_change_shop)
        self.change_shop_button.clicked.connect(self._on_change_shop)
        shop_row = QHBoxLayout()
        shop_row.addWidget(self.shop_text, 1)
        shop_row.addWidget(self.change_shop_button)
        form = QFormLayout()
        form.addRow(self._language_label, self.language_box)
        form.addRow(self._shop_label, shop_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self._hint)
        # Where the shop's data lives is the shop connection's business: the owner's only.
        self.database_section: ShopDatabaseSection | None = None
        if can_change_shop:
            self.database_section = ShopDatabaseSection(
                settings,
                tasks or BackgroundTasks(self),
                self,
                settings_path=settings_path,
                waiting_count=waiting_count,
                sessions=sessions,
                actor=actor,
            )
            self.database_section.database_changed.connect(self.shop_database_changed)
            self.database_section.restart_requested.connect(self._on_restart)
            layout.addWidget(self.database_section)
        self.update_section: UpdateSection | None = None
        if updates is not None:
            self.update_section = UpdateSection(
                settings, updates, self, settings_path=settings_path, sessions=sessions, actor=actor
            )
            layout.addWidget(self.update_section)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(460 if can_change_shop else 380)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self._language_label.setText(self.tr("&Language:"))
        self.language_box.setItemText(0, self.tr("Follow the system"))
        self._hint.setText(self.tr("The new language applies at once and is remembered."))
        self._shop_label.setText(self.tr("Shop:"))
        self.change_shop_button.setText(self.tr("Change shop…"))
        shop = self._settings.current_entry() if self._settings.shops else None
        tiktok = shop is not None and shop.platform == TIKTOK
        if shop is None or shop.demo or not shop.app_key:
            self.shop_text.setText(
                self.tr("The demo TikTok shop on this computer")
                if tiktok
                else self.tr("The demo shop on this computer")
            )
        else:
            if tiktok:
                text = self.tr("TikTok Shop: {name} (shop id {shop_id})").format(
                    name=shop.name or shop.shop_id, shop_id=shop.shop_id
                )
            else:
                text = self.tr("Shop {shop_id}").format(shop_id=shop.shop_id)
            self.shop_text.setText(text)
            self.shop_text.setToolTip(shop.gateway)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot(int)
    def _on_language_chosen(self, index: int) -> None:
        choice = self.language_box.itemData(index)
        if choice == self._settings.language:
            return
        self._settings.language = choice
        install_language(choice)
        self._settings.save(self._settings_path)

    @Slot()
    def _on_change_shop(self) -> None:
        self.accept()
        self.change_shop_requested.emit()

    @Slot()
    def _on_restart(self) -> None:
        self.accept()
        self.restart_requested.emit()

    def done(self, result: int) -> None:
        if self.database_section is not None:
            self.database_section.cancel_test()  # its answer would find the dialog gone
        super().done(result)
