"""The refund queue's Qt model.

Owns `RefundQueueModel`: the columns of the refund-approval queue and how each cell
reads — the live countdown to the request's `status_deadline` coloured by how close
it is (under an hour red and bold, under six hours amber; a deadline that passed while
the mirror still shows the request open reads "expired — probably decided by the
platform"), the request's type, reason, refund, product, the order's state and
parcels, the buyer's history, the rule that applies and its suggestion, and the
"pending" badge while a decision waits in the outbox; in the same column, a request
handed to the owner (who handed it and why in the tooltip) and, for a clerk, one
beyond their refund limits (`set_limits`), so they know before opening a dialog. The model holds the ordered
`QueueKey`s of every request (id, deadline, pending: 20k of them cost little) and
full `QueueRow`s only for the pages Qt has asked about (`PagedRows`, reading through
the screen's `fetch_rows`), so opening, filtering and sorting never build rows nobody
sees. Sorting is the service's (SQL):
a header click only records the wish and emits `sort_changed`, and the screen asks
again.
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
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from app.services.after_sale_rules import EVIDENCE_TIER_TEXTS
from app.services.owner_handover import beyond_limits
from app.services.permissions import Actor, PermissionDenied
from app.services.refund_queue import QueueKey, QueueRow
from app.sync.codes import AFTER_SALE_TYPE_LABELS, ORDER_STATUS_LABELS
from app.views import formatting
from app.views.big_table import OneCallPerCell
from app.views.formatting import HOUR, code_label, refunds_text
from app.views.paged_rows import PagedRows
from app.views.people_words import refusal_text

COL_DEADLINE = 0
COL_PENDING = 1
COL_TYPE = 2
COL_REASON = 3
COL_AMOUNT = 4
COL_SUGGESTION = 5  # before the wide columns: what to do next is what the clerk reads first
COL_PRODUCT = 6
COL_ORDER = 7
COL_BUYER = 8
COL_RULE = 9
COLUMN_COUNT = 10

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

RED_WITHIN_S = HOUR  # impossible to miss: top of the queue, red and bold
AMBER_WITHIN_S = 6 * HOUR
RED = QColor("#c62828")
AMBER = QColor("#9a6700")
MUTED = QColor("#8a8f98")
PENDING_BG = QColor("#fff1c2")
ATTENTION_BG = QColor("#ffd8d3")
HANDED_BG = QColor("#dbe9ff")
HANDED = QColor("#0550ae")
SUGGESTION_COLOURS = {"approve": QColor("#1a7f37"), "refuse": RED, "inspect": QColor("#0969da")}
REPEAT_BUYER = 3  # from this many requests in 90 days the history is worth a look
_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)


class RefundQueueModel(OneCallPerCell, QAbstractTableModel):
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

    def sample_texts(self) -> dict[int, list[str]]:
        """The widest texts each column shows in this language, for sizing without the data."""
        types = [code_label(AFTER_SALE_TYPE_LABELS, code) for code in AFTER_SALE_TYPE_LABELS]
        words = self._words
        return {
            COL_DEADLINE: [
                self._headers[COL_DEADLINE],
                formatting.duration(23 * HOUR + 59 * 60),
                words["expired"],
            ],
            COL_PENDING: [
                self._headers[COL_PENDING],
                *(words[key] for key in ("pending", "attention", "handed", "beyond")),
            ],
            COL_TYPE: [self._headers[COL_TYPE], *types],
            COL_REASON: ["质量问题，不出雾气了"],
            COL_AMOUNT: ["¥12,345.00"],
            COL_PRODUCT: ["家用静音加湿器 白色 ×1"],
            COL_ORDER: [self._headers[COL_ORDER], self._order_sample()],
            COL_BUYER: [words["first"], self.tr("{count} requests in 90 days").format(count=12)],
            COL_RULE: ["M" * 24],
            COL_SUGGESTION: [self._headers[COL_SUGGESTION], words["review"], words["inspect"]],
        }

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

    def _display(self, row: QueueRow, column: int) -> str:
        if column == COL_DEADLINE:
            if self.is_expired(row):
                return self._words["expired"]
            return formatting.duration(self.seconds_left(row))
        if column == COL_PENDING:
            if row.pending:
                return self._words["pending"]
            if row.needs_attention:
                return self._words["attention"]
            if row.handed_reason:
                return self._words["handed"]
            return self._words["beyond"] if self.beyond_limits(row) is not None else ""
        if column == COL_TYPE:
            return code_label(AFTER_SALE_TYPE_LABELS, row.type)
        if column == COL_REASON:
            return row.reason_text
        if column == COL_AMOUNT:
            return formatting.money(row.refund_amount)
        if column == COL_PRODUCT:
            return f"{row.product_name} ×{row.item_num}"
        if column == COL_ORDER:
            return self._order_text(row)
        if column == COL_BUYER:
            if row.buyer_requests_90d <= 1:
                return self._words["first"]
            return self.tr("{count} requests in 90 days").format(count=row.buyer_requests_90d)
        if column == COL_RULE:
            return self._rule_text(row)
        if column == COL_SUGGESTION:
            return self._words.get(row.suggestion, row.suggestion)
        return ""

    def _order_sample(self) -> str:
        """The longest order-and-logistics words: the longest order status, shipped or
        not, and a return parcel's number (what `_order_text` writes at its longest)."""
        status = max((code_label(ORDER_STATUS_LABELS, code) for code in ORDER_STATUS_LABELS), key=len)
        sent = max(self._words["shipped"], self._words["not_shipped"], key=len)
        back = self.tr("return {tracking}").format(tracking="SF1400000000001")
        return f"{status} · {sent} · {back}"

    def _order_text(self, row: QueueRow) -> str:
        parts = [code_label(ORDER_STATUS_LABELS, row.order_status) if row.order_status is not None else "—"]
        parts.append(self._words["shipped"] if row.has_tracking else self._words["not_shipped"])
        if row.return_tracking_no:
            parts.append(self.tr("return {tracking}").format(tracking=row.return_tracking_no))
        return " · ".join(parts)

    def _rule_text(self, row: QueueRow) -> str:
        parts = [refunds_text(row.rule_text_en, row.rule_params)]
        if row.window_open is not None:
            parts.append(self._words["open"] if row.window_open else self._words["closed"])
        if row.evidence_tier:
            tier = _evidence_words(row.evidence_tier)
            parts.append(self.tr("evidence: {tier}").format(tier=tier))
        return " · ".join(parts)

    def _foreground(self, row: QueueRow, column: int) -> QColor | None:
        if column == COL_DEADLINE:
            if self.is_expired(row):
                return MUTED
            left = self.seconds_left(row)
            if left <= RED_WITHIN_S:
                return RED
            return AMBER if left <= AMBER_WITHIN_S else None
        if column == COL_SUGGESTION:
            return SUGGESTION_COLOURS.get(row.suggestion)
        if column == COL_PENDING:
            if row.pending:
                return AMBER
            if row.needs_attention:
                return RED
            return HANDED if row.handed_reason else AMBER
        if column == COL_BUYER and row.buyer_requests_90d >= REPEAT_BUYER:
            return AMBER
        if column == COL_RULE and row.window_open is False:
            return RED
        return None

    def _tooltip(self, row: QueueRow, column: int) -> str | None:
        if column == COL_DEADLINE:
            text = self.tr("Reply by {time}").format(time=formatting.shop_time(row.status_deadline))
            if self.is_expired(row):
                text += "\n" + self.tr(
                    "The deadline passed while this copy still shows the request open; "
                    "the platform has probably agreed on the shop's behalf. Sync to be sure."
                )
            return text
        if column == COL_SUGGESTION:
            return refunds_text(row.suggestion_reason_en, row.rule_params)
        if column == COL_RULE:
            return self._rule_text(row) + "\n" + self.tr("Rule set: {name}").format(name=row.rule_set)
        if column in (COL_REASON, COL_PRODUCT, COL_ORDER):
            return self._display(row, column)
        if column == COL_PENDING and row.pending:
            return self.tr("A decision made here is waiting to be sent to the platform.")
        if column == COL_PENDING and row.needs_attention:
            return self.tr("The platform did not take a decision on this request; see Needs attention.")
        if column == COL_PENDING and row.handed_reason:
            return self.tr("Handed to the owner by {name}: {reason}").format(
                name=row.handed_by, reason=row.handed_reason
            )
        if column == COL_PENDING and (denied := self.beyond_limits(row)) is not None:
            return refusal_text(denied) + "\n" + self.tr("Hand it to the owner with H.")
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


def _evidence_words(tier: str) -> str:
    return QCoreApplication.translate("refunds", EVIDENCE_TIER_TEXTS.get(tier, tier))
