"""The orders table's Qt model.

Owns `OrderTableModel`: the columns of the orders screen, how each cell reads
(money as ¥12.34, times in the shop's zone, the live ship-by countdown coloured by
urgency) and sorts, and the custom roles that hand a view the backing `OrderRow`.
The model holds the sorted ids of every matching order and full `OrderRow`s only
for the pages Qt has asked about (`PagedRows`, reading through the screen's
`fetch_rows`), and formats cells only when Qt asks for them: 100k orders cost 100k
strings. Sorting is SQL's: a header click records the wish and emits `sort_changed`,
and the screen asks again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap, QPolygon

from app.platforms.douyin.codes import ORDER_STATUS_LABELS, OrderStatus
from app.services.orders.queries import OrderRow
from app.services.people.masking import mask_name
from app.views.common import formatting
from app.views.common.big_table import OneCallPerCell
from app.views.common.formatting import Urgency
from app.views.common.paged_rows import PagedRows

COL_ORDER_ID = 0
COL_CREATED = 1
COL_STATUS = 2
COL_AMOUNT = 3
COL_SHIP_BY = 4
COL_ITEMS = 5
COL_RECEIVER = 6
COLUMN_COUNT = 7

ORDER_ROW_ROLE = Qt.ItemDataRole.UserRole + 1

# The `list_orders` sort key behind each column.
COLUMN_SORT_KEYS = {
    COL_ORDER_ID: "order_id",
    COL_CREATED: "create_time",
    COL_STATUS: "status",
    COL_AMOUNT: "pay_amount",
    COL_SHIP_BY: "ship_by",
    COL_ITEMS: "items_summary",
    COL_RECEIVER: "receiver_name",
}
SORT_KEY_COLUMNS = {key: column for column, key in COLUMN_SORT_KEYS.items()}

URGENCY_COLOURS = {
    Urgency.OVERDUE: QColor("#c62828"),
    Urgency.URGENT: QColor("#d84315"),
    Urgency.SOON: QColor("#9a6700"),
}
MUTED = QColor("#8a8f98")
DONE = QColor("#1a7f37")  # completed: the buyer has the goods and the shop the money
_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _note_icon() -> QIcon:
    """A small speech bubble marking orders whose buyer left a note."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#1f6feb"))
    painter.drawRoundedRect(1, 2, 14, 10, 3, 3)
    painter.drawPolygon(QPolygon([QPoint(4, 11), QPoint(4, 15), QPoint(9, 11)]))
    painter.end()
    return QIcon(pixmap)


class OrderTableModel(OneCallPerCell, QAbstractTableModel):
    """Rows of `OrderRow`, sorted by `sort_key` (a `list_orders` key)."""

    # The person sorted by a header: (sort key, descending). Refreshes ask SQL for the same.
    sort_changed = Signal(str, bool)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], int] = formatting.now_utc,
        fetch_rows: Callable[[list[str]], Sequence[OrderRow]] | None = None,
    ):
        super().__init__(parent)
        self._pages: PagedRows[OrderRow] = PagedRows(lambda row: row.order_id, fetch_rows)
        self._clock = clock
        self._now = clock()
        self._sort_key = "create_time"
        self._descending = True
        self._status_labels: dict[int, str] = {}
        self._headers: list[str] = []
        self._note_icon: QIcon | None = None
        self._struck: QFont | None = None  # a cancelled order's amount
        self.retranslate()

    # --- contents ----------------------------------------------------------------
    def set_order_ids(self, order_ids: Sequence[str], rows: Sequence[OrderRow] = ()) -> None:
        """Replace every row: ids as SQL sorted them, `rows` those already read."""
        self.beginResetModel()
        self._pages.reset(order_ids, rows)
        self._now = self._clock()
        self.endResetModel()

    def set_rows(self, rows: Sequence[OrderRow]) -> None:
        """Replace every row with rows read in full (already sorted)."""
        self.set_order_ids([row.order_id for row in rows], rows)

    def rows(self) -> list[OrderRow]:
        """Every row, reading each page not read yet: for small lists and tests."""
        found = (self._pages.row_at(position) for position in range(len(self._pages)))
        return [row for row in found if row is not None]

    def row_of(self, order_id: str) -> int | None:
        return self._pages.position_of(order_id)

    def order_at(self, row: int) -> OrderRow | None:
        return self._pages.row_at(row)

    def loaded_count(self) -> int:
        return self._pages.loaded_count()

    def page_ids(self, row: int, pages: int = 1) -> list[str]:
        return self._pages.page_range(row, pages)

    @property
    def sort_spec(self) -> tuple[str, bool]:
        return self._sort_key, self._descending

    # --- the live countdown --------------------------------------------------------
    def tick(self, first_row: int = 0, last_row: int | None = None) -> None:
        """Move the clock on and repaint the ship-by column of rows `first_row..last_row`."""
        self._now = self._clock()
        count = len(self._pages)
        if not count:
            return
        last = count - 1 if last_row is None else min(last_row, count - 1)
        first = max(0, first_row)
        if first > last:
            return
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole]
        self.dataChanged.emit(self.index(first, COL_SHIP_BY), self.index(last, COL_SHIP_BY), roles)

    def countdown_urgency(self, row: OrderRow) -> Urgency | None:
        if not row.to_ship or row.ship_by is None:
            return None
        return formatting.urgency(row.ship_by - self._now)

    # --- language --------------------------------------------------------------------
    def retranslate(self) -> None:
        self._status_labels = {
            int(code): QCoreApplication.translate("codes", label)
            for code, label in ORDER_STATUS_LABELS.items()
        }
        self._headers = [
            self.tr("Order"),
            self.tr("Created"),
            self.tr("Status"),
            self.tr("Paid"),
            self.tr("Ship by"),
            self.tr("Items"),
            self.tr("Receiver"),
        ]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if len(self._pages):
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._pages) - 1, COLUMN_COUNT - 1))

    def status_label(self, status: int) -> str:
        return self._status_labels.get(status) or self.tr("Status {code}").format(code=status)

    # --- QAbstractTableModel -------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pages)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_RIGHT if section in (COL_AMOUNT, COL_SHIP_BY) else _ALIGN_LEFT
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self._pages.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_SHIP_BY:
                level = self.countdown_urgency(row)
                return URGENCY_COLOURS.get(level) if level is not None else None
            if row.status == OrderStatus.CANCELLED and column in (COL_STATUS, COL_AMOUNT):
                return MUTED
            if row.status == OrderStatus.COMPLETED and column == COL_STATUS:
                return DONE
            return None
        if role == Qt.ItemDataRole.FontRole and column == COL_AMOUNT and row.status == OrderStatus.CANCELLED:
            if self._struck is None:
                self._struck = QFont()
                self._struck.setStrikeOut(True)
            return self._struck  # money never received
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_RIGHT if column in (COL_AMOUNT, COL_SHIP_BY) else _ALIGN_LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_ORDER_ID and row.has_buyer_words:
            if self._note_icon is None:
                self._note_icon = _note_icon()
            return self._note_icon
        if role == ORDER_ROW_ROLE:
            return row
        return None

    def _display(self, row: OrderRow, column: int) -> str:
        if column == COL_ORDER_ID:
            return row.order_id
        if column == COL_CREATED:
            return formatting.shop_time(row.create_time, with_year=False)
        if column == COL_STATUS:
            return self.status_label(row.status)
        if column == COL_AMOUNT:
            return formatting.money(row.pay_amount)
        if column == COL_SHIP_BY:
            if not row.to_ship or row.ship_by is None:
                return ""
            return formatting.countdown(row.ship_by, self._now)
        if column == COL_ITEMS:
            return row.items_summary
        if column == COL_RECEIVER:
            return mask_name(row.receiver_name)
        return ""

    def _tooltip(self, row: OrderRow, column: int) -> str | None:
        if column == COL_SHIP_BY and row.to_ship and row.ship_by is not None:
            text = self.tr("Ship by {time}").format(time=formatting.shop_time(row.ship_by))
            if row.exp_ship_time is None:
                text += "\n" + self.tr("No promise from the platform: default promise after payment")
            return text
        if column == COL_CREATED:
            return formatting.shop_time(row.create_time)
        if column == COL_ITEMS:
            return row.items_summary
        if column == COL_ORDER_ID and row.has_buyer_words:
            return self.tr("The buyer left a note")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMN_SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending):
            return
        self._sort_key, self._descending = key, descending
        self.sort_changed.emit(key, descending)
