"""The "Due soon" screen: the most urgent refund requests and shipments of every shop.

Owns `DueSoonView`: one table across the desk's shops, soonest deadline first (overdue
at the top), each line naming its shop, what is due (a refund request to decide, an
order to ship), its order, what it is about and the time left. It reads every shop's
database off the GUI thread (`services.due_soon`, which asks the refund queue's and the
shipping board's own queries with each shop's rules), again whenever any shop's sync
says something changed and every minute. A double-click asks the window to open the
item in its shop (`open_item`): the window switches shop if it must.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.core.translation import QT_TRANSLATE_NOOP
from app.services.due_soon.items import DUE_SOON_S, REFUND, DueItem, due_soon, shop_source
from app.services.rule_history import rules_in_force
from app.views.common.background import BackgroundTasks
from app.views.common.formatting import Urgency, countdown, now_utc, shop_time, urgency
from app.views.common.table_model import ALIGN_RIGHT, ROW_ROLE, Column, ColumnTableModel
from app.views.shell.shop_switcher import DeskShops, shop_label

REFRESH_MS = 60_000
# After a sync's news: one read of every shop after the burst, not one per batch.
REREAD_AFTER_CHANGE_MS = 2_000
KIND_WORDS = {
    REFUND: QT_TRANSLATE_NOOP("DueSoonView", "Refund request"),
    "shipment": QT_TRANSLATE_NOOP("DueSoonView", "Shipment"),
}
URGENCY_COLOURS = {Urgency.OVERDUE: QColor("#cf222e"), Urgency.URGENT: QColor("#9a6700")}


class DueSoonModel(ColumnTableModel):
    def __init__(self, shops: DeskShops, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shops = shops
        self._rows: list[DueItem] = []
        self.now = now_utc()
        self.columns = [
            Column(self._shop_name),
            Column(lambda item: self.tr(KIND_WORDS.get(item.kind, item.kind))),
            Column(lambda item: item.order_id),
            Column(lambda item: item.what),
            Column(self._due_time, tooltip=self._rule_set_words),
            Column(
                lambda item: countdown(item.due_at, self.now),
                align=ALIGN_RIGHT,
                foreground=lambda item: URGENCY_COLOURS.get(urgency(item.due_at - self.now)),
            ),
        ]

    def _due_time(self, item: DueItem) -> str:
        """On the item's shop's clock (its rule set's: a TikTok shop's is US Pacific)."""
        shop = self._shops.shop(item.shop_key)
        tz = rules_in_force(shop.entry.platform if shop is not None else None).shipping.tz
        return shop_time(item.due_at, with_year=False, tz=tz)

    def _rule_set_words(self, item: DueItem) -> str:
        return self.tr("Rule set: {name}").format(name=item.rule_set) if item.rule_set else ""

    def _shop_name(self, item: DueItem) -> str:
        shop = self._shops.shop(item.shop_key)
        return shop_label(shop.entry) if shop is not None else item.shop_key

    def set_rows(self, rows: list[DueItem], now: int) -> None:
        self.beginResetModel()
        self._rows, self.now = rows, now
        self.endResetModel()

    def row_count(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[DueItem]:
        return list(self._rows)


class DueSoonView(QWidget):
    # (shop key, kind, the request's or order's id, the order's id): open it in its shop
    open_item = Signal(str, str, str, str)
    loaded = Signal()

    def __init__(
        self,
        tasks: BackgroundTasks,
        shops: DeskShops,
        parent: QWidget | None = None,
        *,
        within_s: int = DUE_SOON_S,
    ) -> None:
        """`within_s`: how far ahead "soon" reaches (overdue items always show)."""
        super().__init__(parent)
        self.setObjectName("dueSoonView")
        self._tasks, self._shops, self._within_s = tasks, shops, within_s
        self.model = DueSoonModel(shops, self)
        self._summary = QLabel(self)
        self._summary.setObjectName("dueSoonSummary")
        self.table = QTableView(self)
        self.table.setObjectName("dueSoonTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line per item: "overdue 1d 04h" never breaks
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a few dozen rows
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._on_double_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self._summary)
        layout.addWidget(self.table, 1)
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self._reread = QTimer(self, singleShot=True, interval=REREAD_AFTER_CHANGE_MS)
        self._reread.timeout.connect(self.refresh)
        self._counts: dict[str, int] = {}
        self.retranslate_ui()
        self.refresh()

    def screen_title(self) -> str:
        return self.tr("Due soon")

    def on_data_changed(self, _kinds: frozenset[str]) -> None:
        if not self._reread.isActive():
            self._reread.start()

    @Slot()
    def refresh(self) -> None:
        """Read every shop again, off the GUI thread."""
        sources = [shop_source(s.entry.key, s.sessions, s.entry.platform) for s in self._shops.shops()]
        now = now_utc()
        within_s = self._within_s
        self._tasks.run(
            "due_soon.list", lambda: (now, *due_soon(sources, now=now, within_s=within_s)), self._on_read
        )

    def _on_read(self, answer: tuple[int, list[DueItem], dict[str, int]]) -> None:
        now, items, self._counts = answer
        self.model.set_rows(items, now)
        self._show_summary()
        self.loaded.emit()

    def _show_summary(self) -> None:
        unreadable = [key for key, count in self._counts.items() if count < 0]
        total = sum(count for count in self._counts.values() if count > 0)
        text = self.tr("{count} due within {hours} hours or overdue, across {shops} shops.").format(
            count=total, hours=self._within_s // 3600, shops=len(self._counts)
        )
        if self.model.row_count() < total:
            text += " " + self.tr("The {shown} soonest are listed.").format(shown=self.model.row_count())
        for key in unreadable:
            shop = self._shops.shop(key)
            name = shop_label(shop.entry) if shop is not None else key
            text += " " + self.tr("{shop} could not be read.").format(shop=name)
        self._summary.setText(text)

    def retranslate_ui(self) -> None:
        self.model.set_headers(
            [self.tr("Shop"), self.tr("What"), self.tr("Order"), self.tr("About"), self.tr("Due"),
             self.tr("Time left")]
        )  # fmt: skip
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        item = index.data(ROW_ROLE)
        if isinstance(item, DueItem):
            self.open_item.emit(item.shop_key, item.kind, item.entity_id, item.order_id)
