"""The refund queue's Qt model: the rows it holds, the live clock, the sort wish.

Owns `RefundQueueModel`. It holds the ordered `QueueKey`s of every request (id,
deadline, pending: 20k of them cost little) and full `QueueRow`s only for the pages
Qt has asked about (`PagedRows`, reading through the screen's `fetch_rows`), so
opening, filtering and sorting never build rows nobody sees; the clock the
countdown reads (`tick`), the person whose refund limits the rows are marked against
(`set_limits`), the headers and words in this language, and Qt's model API. How each
cell reads is `QueueColumns`, in `refund_queue_columns.py`. Sorting is the service's
(SQL): a header click only records the wish and emits `sort_changed`, and the screen
asks again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from app.services.people.permissions import Actor, PermissionDenied
from app.services.refunds.owner_handover import beyond_limits
from app.services.refunds.queue import QueueKey, QueueRow
from app.views.common import formatting
from app.views.common.big_table import OneCallPerCell
from app.views.common.paged_rows import PagedRows
from app.views.refunds.queue_columns import (
    ATTENTION_BG,
    COL_AMOUNT,
    COL_BUYER,
    COL_DEADLINE,
    COL_PENDING,
    COL_PRODUCT,
    COL_TYPE,
    COLUMN_COUNT,
    HANDED_BG,
    PENDING_BG,
    RED_WITHIN_S,
    QueueColumns,
)

QUEUE_ROW_ROLE = Qt.ItemDataRole.UserRole + 1
# Full rows for some ids, in any order (the screen's `queue_rows` on a short session).
RowSource = Callable[[list[str]], Sequence[QueueRow]]

# The `list_queue` sort key behind each sortable column; the others do not sort.
COLUMN_SORT_KEYS = {
    COL_DEADLINE: "deadline",
    COL_TYPE: "type",
    COL_AMOUNT: "refund_amount",
    COL_PRODUCT: "product_name",
    COL_BUYER: "buyer_requests",
}
SORT_KEY_COLUMNS = {key: column for column, key in COLUMN_SORT_KEYS.items()}

_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)


class RefundQueueModel(QueueColumns, OneCallPerCell, QAbstractTableModel):
    """Rows of `QueueRow`, in the order the service sorted them."""

    # The person clicked a sortable header: (list_queue sort key, descending).
    sort_changed = Signal(str, bool)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = formatting.now_utc,
        fetch_rows: RowSource | None = None,
    ):
        super().__init__(parent)
        self._keys: list[QueueKey] = []
        self._pages: PagedRows[QueueRow] = PagedRows(lambda row: row.aftersale_id, fetch_rows)
        self._clock = clock
        self._now = int(clock())
        self._sort_key = "deadline"
        self._descending = False
        self._headers: list[str] = []
        self._words: dict[str, str] = {}
        self._actor: Actor | None = None
        self._spent_today = 0
        self._bold = QFont()
        self._bold.setBold(True)
        self.retranslate()

    # --- contents ----------------------------------------------------------------
    def set_keys(self, keys: Sequence[QueueKey], rows: Sequence[QueueRow] = ()) -> None:
        """Replace every row: `keys` in the service's order, `rows` the ones already read."""
        self.beginResetModel()
        self._keys = keys if isinstance(keys, list) else list(keys)
        self._pages.reset([key.aftersale_id for key in self._keys], rows)
        self._now = int(self._clock())
        self.endResetModel()

    def set_rows(self, rows: Sequence[QueueRow]) -> None:
        """Replace every row with rows read in full (already sorted by the service)."""
        self.set_keys([QueueKey(r.aftersale_id, r.status_deadline, r.pending) for r in rows], rows)

    def set_limits(self, actor: Actor | None, spent_today_fen: int) -> None:
        """Whose limits the rows are marked against, and what they approved today."""
        self._actor, self._spent_today = actor, spent_today_fen

    def beyond_limits(self, row: QueueRow) -> PermissionDenied | None:
        """Why the person could not approve `row` (their limits), or None."""
        if self._actor is None or row.pending:
            return None
        return beyond_limits(self._actor, row.type, row.status, row.refund_amount, self._spent_today)

    def queue_keys(self) -> list[QueueKey]:
        return self._keys

    def row_at(self, row: int) -> QueueRow | None:
        """The full row at `row`, reading its page first if need be (None if gone)."""
        return self._pages.row_at(row)

    def loaded_count(self) -> int:
        return self._pages.loaded_count()

    def row_of(self, aftersale_id: str) -> int | None:
        return self._pages.position_of(aftersale_id)

    @property
    def sort_spec(self) -> tuple[str, bool]:
        return self._sort_key, self._descending

    def set_sort_spec(self, key: str, descending: bool) -> None:
        self._sort_key, self._descending = key, descending

    # --- the live countdown --------------------------------------------------------
    def tick(self, first_row: int = 0, last_row: int | None = None) -> None:
        """Move the clock on and repaint the countdown of rows `first_row..last_row`."""
        self._now = int(self._clock())
        if not self._keys:
            return
        last = len(self._keys) - 1 if last_row is None else min(last_row, len(self._keys) - 1)
        first = max(0, first_row)
        if first <= last:
            roles = [
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ForegroundRole,
                Qt.ItemDataRole.FontRole,
                Qt.ItemDataRole.ToolTipRole,
            ]
            self.dataChanged.emit(self.index(first, COL_DEADLINE), self.index(last, COL_DEADLINE), roles)

    def seconds_left(self, row: QueueRow | QueueKey) -> int:
        return row.status_deadline - self._now

    def is_expired(self, row: QueueRow) -> bool:
        return row.expired_while_offline or row.status_deadline <= self._now

    def is_red(self, row: QueueRow | QueueKey) -> bool:
        """Due within the hour and not yet decided here: the row nobody may miss."""
        return not row.pending and 0 < self.seconds_left(row) <= RED_WITHIN_S

    # --- language --------------------------------------------------------------------
    def retranslate(self) -> None:
        self._headers = [
            self.tr("Reply within"),
            self.tr("Sent"),
            self.tr("Type"),
            self.tr("Reason"),
            self.tr("Refund"),
            self.tr("Suggestion"),
            self.tr("Product"),
            self.tr("Order"),
            self.tr("Buyer"),
            self.tr("Rule"),
        ]
        self._words = {
            "expired": self.tr("expired — probably decided by the platform"),
            "pending": self.tr("pending"),
            "attention": self.tr("needs attention"),
            "handed": self.tr("with the owner"),
            "beyond": self.tr("owner decides"),
            "approve": self.tr("Approve"),
            "refuse": self.tr("Refuse"),
            "inspect": self.tr("Inspect"),
            "review": self.tr("Review"),
            "open": self.tr("window open"),
            "closed": self.tr("window closed"),
            "not_shipped": self.tr("not shipped"),
            "shipped": self.tr("tracking uploaded"),
            "first": self.tr("first request"),
        }
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._keys:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._keys) - 1, COLUMN_COUNT - 1))

    # --- QAbstractTableModel -------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

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
            return _ALIGN_RIGHT if section == COL_AMOUNT else _ALIGN_LEFT
        if role == Qt.ItemDataRole.ToolTipRole and section not in COLUMN_SORT_KEYS:
            return self.tr("This column does not sort")
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_PENDING:
            if row.pending:
                return PENDING_BG
            if row.needs_attention:
                return ATTENTION_BG
            return HANDED_BG if row.handed_by or row.handed_reason else None
        if role == Qt.ItemDataRole.FontRole and (
            (column == COL_DEADLINE and self.is_red(row)) or column == COL_PENDING
        ):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == COL_AMOUNT:
                return _ALIGN_RIGHT
            return _ALIGN_CENTER if column == COL_PENDING else _ALIGN_LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == QUEUE_ROW_ROLE:
            return row
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask for the rows in another order; the screen re-queries (the service sorts)."""
        key = COLUMN_SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending):
            return
        self._sort_key, self._descending = key, descending
        self.sort_changed.emit(key, descending)
