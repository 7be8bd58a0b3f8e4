"""The refund queue's Qt model: the rows it holds, the live clock, the sort wish.

Owns `RefundQueueModel`. It holds the ordered `QueueKey`s of every request (id,
deadline, pending: 20k of them cost little) and full `QueueRow`s only for the pages
Qt has asked about (`PagedRows`, reading through the screen's `fetch_rows`), so
opening, filtering and sorting never build rows nobody sees; the clock the
countdown reads (`tick`), the person whose refund limits the rows are marked against
(`set_limits`), the headers and words in this language; Qt's model API is the
shared `ColumnTableModel`'s. How each cell reads is `QueueColumns`, in
`queue_columns.py`. Sorting is the service's (SQL): a header click only records the
wish and emits `sort_changed`, and the screen asks again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import tzinfo

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont

from app.core.shop_time import SHOP_TZ
from app.services.automation.pending import PendingAutomatic
from app.services.people.permissions import Actor, PermissionDenied
from app.services.refunds.owner_handover import beyond_limits
from app.services.refunds.queue import QueueKey, QueueRow
from app.views.common import formatting
from app.views.common.big_table import OneCallPerCell
from app.views.common.paged_rows import PagedRows
from app.views.common.table_model import ROW_ROLE, ColumnTableModel
from app.views.refunds.queue_columns import (
    COL_DEADLINE,
    COLUMN_SORT_KEYS,
    RED_WITHIN_S,
    SORT_KEY_COLUMNS,
    QueueColumns,
)

__all__ = ["COLUMN_SORT_KEYS", "QUEUE_ROW_ROLE", "SORT_KEY_COLUMNS", "RefundQueueModel", "RowSource"]

QUEUE_ROW_ROLE = ROW_ROLE
# Full rows for some ids, in any order (the screen's `queue_rows` on a short session).
RowSource = Callable[[list[str]], Sequence[QueueRow]]


class RefundQueueModel(QueueColumns, OneCallPerCell, ColumnTableModel):
    """Rows of `QueueRow`, in the order the service sorted them. A click on a sortable
    header emits `sort_changed` (list_queue sort key, descending)."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = formatting.now_utc,
        fetch_rows: RowSource | None = None,
        tz: tzinfo = SHOP_TZ,
    ):
        """`tz`: the shop's clock (its rule set's), the deadlines are shown on."""
        super().__init__(parent, sort_key="deadline", descending=False)
        self._tz = tz
        self._keys: list[QueueKey] = []
        self._pages: PagedRows[QueueRow] = PagedRows(lambda row: row.aftersale_id, fetch_rows)
        self._clock = clock
        self._now = int(clock())
        self._words: dict[str, str] = {}
        # A rule's decision waiting out its undo window, by request (read with the rows).
        self.automatic: dict[str, PendingAutomatic] = {}
        self._actor: Actor | None = None
        self._spent_today = 0
        self._bold = QFont()
        self._bold.setBold(True)
        self.columns = self.column_map()
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
        return beyond_limits(
            self._actor, row.kind, row.state, row.refund_amount, self._spent_today, row.currency
        )

    def queue_keys(self) -> list[QueueKey]:
        return self._keys

    def row_count(self) -> int:
        return len(self._keys)

    def row_at(self, row: int) -> QueueRow | None:
        """The full row at `row`, reading its page first if need be (None if gone)."""
        return self._pages.row_at(row)

    def loaded_count(self) -> int:
        return self._pages.loaded_count()

    def row_of(self, aftersale_id: str) -> int | None:
        return self._pages.position_of(aftersale_id)

    # --- the live countdown --------------------------------------------------------
    def tick(self, first_row: int = 0, last_row: int | None = None) -> None:
        """Move the clock on and repaint the countdown of rows `first_row..last_row`."""
        self._now = int(self._clock())
        roles = [
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
            Qt.ItemDataRole.ToolTipRole,
        ]
        self.repaint_column(COL_DEADLINE, first_row, last_row, roles)

    def seconds_left(self, row: QueueRow | QueueKey) -> int:
        return row.status_deadline - self._now

    def is_expired(self, row: QueueRow) -> bool:
        return row.expired_while_offline or row.status_deadline <= self._now

    def is_red(self, row: QueueRow | QueueKey) -> bool:
        """Due within the hour and not yet decided here: the row nobody may miss."""
        return not row.pending and 0 < self.seconds_left(row) <= RED_WITHIN_S

    # --- language --------------------------------------------------------------------
    def retranslate(self) -> None:
        self._words = {
            "expired": self.tr("expired — probably decided by the platform"),
            "pending": self.tr("pending"),
            "automatic": self.tr("auto {time}"),
            "picture_review": self.tr("picture review"),
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
        self.set_headers(
            [
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
        )

    def header_tooltip(self, section: int) -> str | None:
        return None if section in COLUMN_SORT_KEYS else self.tr("This column does not sort")
