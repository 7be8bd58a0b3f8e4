"""The shop switcher at the top of the main window, and what the window knows of the shops.

Owns `DeskShops` (what the window is handed: every shop of the desk, each with its own
database and its own sync process, which the startup code `app/running_shops.py` runs;
the window never opens a database or starts a sync itself), the shops' names as a person
reads them (`shop_label`: the platform's name and the shop's, "抖店 · 小林的生活好物店") and
`ShopSwitcher`, the combo box listing them, each with how many of its refund requests
and shipments are due soon, so a deadline of a shop not on screen still shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QComboBox, QWidget
from sqlalchemy.orm import Session, sessionmaker

from app.core.translation import QT_TRANSLATE_NOOP
from app.services.setup.connection_test import ConnectionTest, ShopKeys
from app.shop_entries import DOUYIN, TIKTOK, ShopEntry

PLATFORM_NAMES = {
    DOUYIN: QT_TRANSLATE_NOOP("ShopSwitcher", "Douyin"),
    TIKTOK: QT_TRANSLATE_NOOP("ShopSwitcher", "TikTok Shop"),
}


class DeskShop(Protocol):
    """One shop of the desk, open: its settings entry, its database, its sync (a QObject
    with `status_changed`, `data_changed`, `sync_now`, `last_status`), None before it runs."""

    entry: ShopEntry
    sessions: sessionmaker[Session]
    sync: QObject | None


class DeskShops(Protocol):
    """Every shop of the desk, in the settings' order; `add` opens one more and starts its
    sync (None: it runs already, or could not be opened), `remove` stops one and closes it;
    `test_connection` is the wizard's
    connection test through the shop's platform (blocks on the network)."""

    def shops(self) -> Sequence[DeskShop]: ...

    def shop(self, key: str) -> DeskShop | None: ...

    def add(self, entry: ShopEntry) -> DeskShop | None: ...

    def remove(self, key: str) -> None: ...

    def test_connection(self, keys: ShopKeys) -> ConnectionTest: ...


def platform_name(platform: str) -> str:
    words = PLATFORM_NAMES.get(platform)
    return QCoreApplication.translate("ShopSwitcher", words) if words else platform


def shop_label(entry: ShopEntry) -> str:
    """ "抖店 · 小林的生活好物店"; a shop without a name yet reads by its id, a demo shop as such."""
    if entry.name:
        name = entry.name
    elif entry.demo:
        name = QCoreApplication.translate("ShopSwitcher", "Demo shop")
    else:
        name = QCoreApplication.translate("ShopSwitcher", "Shop {shop_id}").format(shop_id=entry.shop_id)
    return QCoreApplication.translate("ShopSwitcher", "{platform} · {shop}").format(
        platform=platform_name(entry.platform), shop=name
    )


class ShopSwitcher(QComboBox):
    """The shops of the desk; choosing one asks the window to switch (`shop_chosen`)."""

    shop_chosen = Signal(str)  # the key of the shop the person chose

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shopSwitcher")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._entries: list[ShopEntry] = []
        self._due: dict[str, int] = {}
        self.activated.connect(self._on_activated)  # the person's choice only, never set_current

    def set_shops(self, entries: Sequence[ShopEntry], current: str) -> None:
        self._entries = list(entries)
        self.blockSignals(True)
        self.clear()
        for entry in self._entries:
            self.addItem("", entry.key)
        self.blockSignals(False)
        self.set_current(current)
        self.retranslate_ui()

    def set_current(self, key: str) -> None:
        index = self.findData(key)
        if index >= 0 and index != self.currentIndex():
            self.blockSignals(True)
            self.setCurrentIndex(index)
            self.blockSignals(False)

    def current_key(self) -> str:
        return str(self.currentData() or "")

    def set_due_counts(self, counts: Mapping[str, int]) -> None:
        """How many items of each shop are due soon (-1: its database could not be read)."""
        self._due = dict(counts)
        self.retranslate_ui()

    def due_count(self, key: str) -> int:
        return self._due.get(key, 0)

    def item_text(self, key: str) -> str:
        index = self.findData(key)
        return self.itemText(index) if index >= 0 else ""

    def retranslate_ui(self) -> None:
        self.setToolTip(
            self.tr(
                "The shop on screen; every shop keeps syncing. The number is what is due within 24 hours."
            )
        )
        for index, entry in enumerate(self._entries):
            text = shop_label(entry)
            due = self._due.get(entry.key, 0)
            if due > 0:
                text = self.tr("{shop} ({count} due)").format(shop=text, count=due)
            elif due < 0:
                text = self.tr("{shop} (not readable)").format(shop=text)
            self.setItemText(index, text)
            self.setItemData(index, text, Qt.ItemDataRole.ToolTipRole)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot(int)
    def _on_activated(self, index: int) -> None:
        key = self.itemData(index)
        if isinstance(key, str):
            self.shop_chosen.emit(key)
