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
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap, QPolygon

from app.core.shop_time import SHOP_TZ
from app.core.vocabulary import ORDER_STATE_LABELS, OrderState
from app.services.orders.queries import OrderRow
from app.services.people.masking import mask_name
from app.views.common import formatting
from app.views.common.big_table import OneCallPerCell
from app.views.common.formatting import Urgency
from app.views.common.paged_rows import PagedRows
from app.views.common.table_model import ALIGN_LEFT, ALIGN_RIGHT, ROW_ROLE, Column, ColumnTableModel

COL_ORDER_ID = 0
COL_CREATED = 1
COL_STATUS = 2
COL_AMOUNT = 3
COL_SHIP_BY = 4
COL_ITEMS = 5
COL_RECEIVER = 6
COLUMN_COUNT = 7

ORDER_ROW_ROLE = ROW_ROLE

# The `list_orders` sort key behind each column.
COLUMN_SORT_KEYS = {
    COL_ORDER_ID: "order_id",
    COL_CREATED: "create_time",
    COL_STATUS: "state",
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


class OrderTableModel(OneCallPerCell, ColumnTableModel):
    """Rows of `OrderRow`, sorted by `sort_key` (a `list_orders` key). A header click
    emits `sort_changed` (sort key, descending); refreshes ask SQL for the same."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], int] = formatting.now_utc,
        fetch_rows: Callable[[list[str]], Sequence[OrderRow]] | None = None,
        tz: tzinfo = SHOP_TZ,
    ):
        """`tz`: the shop's clock (its rule set's), the times are shown on."""
        super().__init__(parent, sort_key="create_time", descending=True)
        self._tz = tz
        self._pages: PagedRows[OrderRow] = PagedRows(lambda row: row.order_id, fetch_rows)
        self._clock = clock
        self._now = clock()
        self._state_labels: dict[str, str] = {}
        self._note_icon: QIcon | None = None
        self._struck: QFont | None = None  # a cancelled order's amount
        self.columns = self._column_map()
        self.retranslate()

    def _column_map(self) -> list[Column]:
        """Every column sorts, and its header is aligned as its cells."""

        def cell(
            text: Callable[[OrderRow], str], number: int, align: int = ALIGN_LEFT, **readers: Any
        ) -> Column:
            return Column(text, align, align, COLUMN_SORT_KEYS[number], **readers)

        return [
            cell(lambda row: row.order_id, COL_ORDER_ID, tooltip=self._order_id_tooltip,
                 decoration=self._note_decoration),
            cell(lambda row: formatting.shop_time(row.create_time, with_year=False, tz=self._tz), COL_CREATED,
                 tooltip=lambda row: formatting.shop_time(row.create_time, tz=self._tz)),
            cell(lambda row: self.state_label(row.state), COL_STATUS, foreground=self._status_colour),
            cell(lambda row: formatting.money(row.pay_amount, row.currency), COL_AMOUNT, ALIGN_RIGHT,
                 foreground=self._amount_colour, font=self._amount_font),
            cell(self._ship_by_text, COL_SHIP_BY, ALIGN_RIGHT, tooltip=self._ship_by_tooltip,
                 foreground=self._ship_by_colour),
            cell(lambda row: row.items_summary, COL_ITEMS, tooltip=lambda row: row.items_summary),
            cell(lambda row: mask_name(row.receiver_name), COL_RECEIVER),
        ]  # fmt: skip

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

    def row_count(self) -> int:
        return len(self._pages)

    def row_at(self, row: int) -> OrderRow | None:
        return self._pages.row_at(row)

    def loaded_count(self) -> int:
        return self._pages.loaded_count()

    def page_ids(self, row: int, pages: int = 1) -> list[str]:
        return self._pages.page_range(row, pages)

    # --- the live countdown --------------------------------------------------------
    def tick(self, first_row: int = 0, last_row: int | None = None) -> None:
        """Move the clock on and repaint the ship-by column of rows `first_row..last_row`."""
        self._now = self._clock()
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole]
        self.repaint_column(COL_SHIP_BY, first_row, last_row, roles)

    def countdown_urgency(self, row: OrderRow) -> Urgency | None:
        if not row.to_ship or row.ship_by is None:
            return None
        return formatting.urgency(row.ship_by - self._now)

    # --- language --------------------------------------------------------------------
    def retranslate(self) -> None:
        self._state_labels = {
            str(state): QCoreApplication.translate("vocabulary", label)
            for state, label in ORDER_STATE_LABELS.items()
        }
        self.set_headers(
            [
                self.tr("Order"),
                self.tr("Created"),
                self.tr("Status"),
                self.tr("Paid"),
                self.tr("Ship by"),
                self.tr("Items"),
                self.tr("Receiver"),
            ]
        )

    def state_label(self, state: str | None) -> str:
        return self._state_labels.get(state or "") or "—"  # no word: a code the app does not know

    # --- how the cells read (the column map's readers) ---------------------------------------
    def _status_colour(self, row: OrderRow) -> QColor | None:
        if row.state == OrderState.CANCELLED:
            return MUTED
        return DONE if row.state == OrderState.COMPLETED else None

    def _amount_colour(self, row: OrderRow) -> QColor | None:
        return MUTED if row.state == OrderState.CANCELLED else None

    def _amount_font(self, row: OrderRow) -> QFont | None:
        if row.state != OrderState.CANCELLED:
            return None
        if self._struck is None:
            self._struck = QFont()
            self._struck.setStrikeOut(True)
        return self._struck  # money never received

    def _ship_by_text(self, row: OrderRow) -> str:
        if not row.to_ship or row.ship_by is None:
            return ""
        return formatting.countdown(row.ship_by, self._now)

    def _ship_by_colour(self, row: OrderRow) -> QColor | None:
        level = self.countdown_urgency(row)
        return URGENCY_COLOURS.get(level) if level is not None else None

    def _ship_by_tooltip(self, row: OrderRow) -> str | None:
        if not row.to_ship or row.ship_by is None:
            return None
        text = self.tr("Ship by {time}").format(time=formatting.shop_time(row.ship_by, tz=self._tz))
        if row.exp_ship_time is None:
            text += "\n" + self.tr("No promise from the platform: default promise after payment")
        return text

    def _order_id_tooltip(self, row: OrderRow) -> str | None:
        return self.tr("The buyer left a note") if row.has_buyer_words else None

    def _note_decoration(self, row: OrderRow) -> QIcon | None:
        if not row.has_buyer_words:
            return None
        if self._note_icon is None:
            self._note_icon = _note_icon()
        return self._note_icon
