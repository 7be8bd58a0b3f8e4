"""The shipping board's Qt model: orders to ship, grouped in lanes by urgency.

Owns `ShippingBoardModel`, a two-level tree: the five lanes (overdue, due within 4 h,
today, tomorrow, later) with their counts, and under each the orders of that lane,
soonest ship-by first. The model holds the service's sorted list of `BoardOrder`s
and the lane boundaries (`board_lanes`: a few binary searches), so regrouping as the
clock moves is cheap; cells are formatted only when Qt asks, and what shipping late
would cost (`at_stake_if_late`) is worked out per row on first display and kept.
A shipment just made on this workstation shows "sending" at once (`mark_pending`),
before the outbox round trip and the next refresh. For someone who may not see money
(`sees_money` False: the warehouse, permissions.py "Who sees what") the service sends
no amounts; the view hides the two amount columns and the tooltips name none.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from app.services.rule_history import rules_in_force
from app.services.rules import RuleSet
from app.services.shipping.board import BoardOrder, board_lanes
from app.services.shipping.deadlines import (
    LANE_LABELS,
    LANE_OVERDUE,
    LANES,
    PROMISE_48H,
    PROMISE_LABELS,
    PROMISE_NEXT_DAY,
    PROMISE_PRESALE,
    PROMISE_SAME_DAY,
    AtStake,
    at_stake_if_late,
    compensation_fen,
    late_costs_money,
    paid_after_cutoff,
    promise_kind,
)
from app.views.common import formatting
from app.views.common.big_table import OneCallPerCell
from app.views.common.formatting import Urgency
from app.views.common.table_model import ALIGN_RIGHT, ROW_ROLE, Column, ColumnCells

COL_DUE = 0
COL_ORDER = 1
COL_PROMISE = 2
COL_ITEMS = 3
COL_PIECES = 4
COL_NOTE = 5
COL_AT_STAKE = 6  # shipped late (up to 48 h): what the buyer gets
COL_OUT_OF_STOCK = 7  # not shipped 48 h past the deadline
COL_STATE = 8
COLUMN_COUNT = 9

ORDER_ROLE = ROW_ROLE
LANE_ROLE = Qt.ItemDataRole.UserRole + 2
_LANE_NODE = 0  # internal id of a lane row; an order row's is its lane's index + 1
URGENCY_COLOURS = {
    Urgency.OVERDUE: QColor("#c62828"),
    Urgency.URGENT: QColor("#c62828"),
    Urgency.SOON: QColor("#9a6700"),
}
PENDING_COLOUR = QColor("#0969da")
BLOCKED_COLOUR = QColor("#c62828")


class ShippingBoardModel(ColumnCells, OneCallPerCell, QAbstractItemModel):
    """The lanes, and under each its orders; an order's cells read by the column map."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = formatting.now_utc,
        rules: RuleSet | None = None,
        sees_money: bool = True,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.sees_money = sees_money
        self._rules = rules or rules_in_force(None)
        self._tz = self._rules.shipping.tz  # the shop's clock: every time is shown on it
        self._now = int(clock())
        self._rows: list[BoardOrder] = []
        self._lanes: list[tuple[str, int, int]] = [(name, 0, 0) for name in LANES]
        self._position: dict[str, int] | None = None
        self._stakes: dict[str, AtStake] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self.columns = self._column_map()
        self.retranslate()

    def _column_map(self) -> list[Column]:
        """The orders' columns; the numbers of pieces and the amounts are right-aligned."""

        def said(text: str) -> str | None:  # a cell cut short shows its words whole
            return text or None

        return [
            Column(lambda row: formatting.countdown(row.ship_by, self._now), tooltip=self._due_tooltip,
                   foreground=lambda row: URGENCY_COLOURS.get(formatting.urgency(row.ship_by - self._now)),
                   font=lambda row: self._bold if row.ship_by - self._now <= 4 * 3600 else None),
            Column(lambda row: row.order_id),
            Column(self._promise_text, tooltip=self._promise_tooltip),
            Column(lambda row: row.items, tooltip=lambda row: said(row.items)),
            Column(lambda row: str(row.item_count), ALIGN_RIGHT),
            Column(lambda row: row.buyer_words, tooltip=lambda row: said(row.buyer_words)),
            Column(self._late_text, ALIGN_RIGHT, tooltip=self._stake_tooltip),
            Column(lambda row: formatting.money(self.at_stake(row).out_of_stock_fen, row.currency),
                   ALIGN_RIGHT, tooltip=self._stake_tooltip),
            Column(self._state_text, tooltip=self._state_tooltip,
                   foreground=lambda row: PENDING_COLOUR if row.pending_tracking else BLOCKED_COLOUR),
        ]  # fmt: skip

    # --- contents ------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[BoardOrder]) -> None:
        """Replace the board (rows sorted by ship-by, as `list_board` answers)."""
        self.beginResetModel()
        self._rows = rows if isinstance(rows, list) else list(rows)
        self._now = int(self._clock())
        self._lanes = board_lanes(self._rows, self._now, self._rules)
        self._position = None
        self._stakes = {}
        self.endResetModel()

    def tick(self) -> bool:
        """Move the clock on: regroup if an order changed lane (True), else repaint the
        countdowns."""
        self._now = int(self._clock())
        lanes = board_lanes(self._rows, self._now, self._rules)
        if lanes != self._lanes:
            self.beginResetModel()
            self._lanes = lanes
            self.endResetModel()
            return True
        for lane_row, (_, start, end) in enumerate(self._lanes):
            if end > start:
                parent = self.index(lane_row, 0)
                self.dataChanged.emit(
                    self.index(0, COL_DUE, parent), self.index(end - start - 1, COL_OUT_OF_STOCK, parent)
                )
        return False

    def mark_pending(self, order_id: str, tracking_no: str, carrier_code: str) -> None:
        """Show a shipment made here as "sending" at once."""
        position = self.position_of(order_id)
        if position is None:
            return
        row = self._rows[position]
        self._rows[position] = row._replace(pending_tracking=tracking_no, pending_carrier=carrier_code)
        index = self.index_of(order_id)
        self.dataChanged.emit(index.siblingAtColumn(0), index.siblingAtColumn(COLUMN_COUNT - 1))

    def rows(self) -> list[BoardOrder]:
        return self._rows

    def lanes(self) -> list[tuple[str, int, int]]:
        return self._lanes

    def now(self) -> int:
        return self._now

    def position_of(self, order_id: str) -> int | None:
        if self._position is None:
            self._position = {row.order_id: i for i, row in enumerate(self._rows)}
        return self._position.get(order_id)

    def find(self, order_id: str) -> BoardOrder | None:
        position = self.position_of(order_id)
        return None if position is None else self._rows[position]

    def index_of(self, order_id: str) -> QModelIndex:
        position = self.position_of(order_id)
        if position is None:
            return QModelIndex()
        for lane_row, (_, start, end) in enumerate(self._lanes):
            if start <= position < end:
                return self.index(position - start, 0, self.index(lane_row, 0))
        return QModelIndex()

    def order_at(self, index: QModelIndex | QPersistentModelIndex) -> BoardOrder | None:
        if not index.isValid() or index.internalId() == _LANE_NODE:
            return None
        _, start, _ = self._lanes[index.internalId() - 1]
        return self._rows[start + index.row()]

    @property
    def late_costs_money(self) -> bool:
        """Whether the shop's rule set makes late shipping cost money per order (Douyin's), so
        the promise band and the sums at stake mean something (not TikTok Shop's)."""
        return late_costs_money(self._rules)

    def at_stake(self, row: BoardOrder) -> AtStake:
        stake = self._stakes.get(row.order_id)
        if stake is None:
            stake = at_stake_if_late(row.pay_amount, row.pay_time, row.ship_by, self._rules)
            self._stakes[row.order_id] = stake
        return stake

    # --- language --------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.headers = [
            self.tr("Ship within"),
            self.tr("Order"),
            self.tr("Promise"),
            self.tr("To pick"),
            self.tr("Pieces"),
            self.tr("Buyer's note"),
            self.tr("If late"),
            self.tr("If not shipped"),
            self.tr("State"),
        ]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)

    def sending_text(self, tracking_no: str) -> str:
        return self.tr("Sending {tracking}").format(tracking=tracking_no)

    def lane_title(self, lane: str) -> str:
        words = QCoreApplication.translate("shipping", LANE_LABELS[lane])
        return words.format(hours=self._rules.shipping.lane_within_4h_hours)

    # --- QAbstractItemModel ------------------------------------------------------------------
    def index(
        self,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _LANE_NODE)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _LANE_NODE:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _LANE_NODE)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(LANES)
        if parent.internalId() != _LANE_NODE or parent.column() != 0:
            return 0
        _, start, end = self._lanes[parent.row()]
        return end - start

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return self.header_data(section, orientation, role)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _LANE_NODE:
            return self._lane_data(index.row(), index.column(), role)
        row = self.order_at(index)
        if row is None:
            return None
        if role == ORDER_ROLE:
            return row
        return self.cell_data(row, index.column(), role)

    def _lane_data(self, lane_row: int, column: int, role: int) -> Any:
        name, start, end = self._lanes[lane_row]
        if role == Qt.ItemDataRole.DisplayRole and column == 0:
            return self.tr("{lane} · {count}").format(lane=self.lane_title(name), count=end - start)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and name == LANE_OVERDUE and end > start:
            return URGENCY_COLOURS[Urgency.OVERDUE]
        if role == LANE_ROLE:
            return name
        return None

    # --- how the cells read (the column map's readers) -------------------------------------------
    def _due_tooltip(self, row: BoardOrder) -> str:
        return self.tr("Ship by {time}").format(time=formatting.shop_time(row.ship_by, tz=self._tz))

    def _promise_text(self, row: BoardOrder) -> str:
        kind = promise_kind(row.pay_time, row.exp_ship_time, self._rules)
        if kind == PROMISE_NEXT_DAY and paid_after_cutoff(row.pay_time, self._rules):
            return self.after_cutoff_label()
        return QCoreApplication.translate("shipping", PROMISE_LABELS[kind])

    def _late_text(self, row: BoardOrder) -> str:
        late, rules = self.at_stake(row).late_fen, self._rules
        if row.ship_by < self._now:  # already late: what it costs now
            owed = compensation_fen(row.pay_amount, row.pay_time, row.ship_by, None, self._now, rules)
            late = owed.amount_fen
        return formatting.money(late, row.currency) if late else "—"

    def _state_text(self, row: BoardOrder) -> str:
        if row.pending_tracking:
            return self.sending_text(row.pending_tracking)
        if row.refund_request:
            # What it means and what shipping will do, in the cell itself (issue 15).
            return self.tr("Refund asked · shipping refuses it")
        return ""

    def after_cutoff_label(self) -> str:
        """A next-day deadline of an order paid after the same-day cut-off: a same-day
        order paid then (or a next-day one), due by the end of tomorrow."""
        return self.tr("Tomorrow · paid after {hour}:00").format(
            hour=self._rules.shipping.same_day_cutoff_hour
        )

    def _promise_tooltip(self, row: BoardOrder) -> str:
        kind = promise_kind(row.pay_time, row.exp_ship_time, self._rules)
        words = {
            "deadline": formatting.shop_time(row.ship_by, tz=self._tz),
            "paid": formatting.shop_time(row.pay_time, tz=self._tz),
            "hour": self._rules.shipping.same_day_cutoff_hour,
        }
        if kind == PROMISE_NEXT_DAY and paid_after_cutoff(row.pay_time, self._rules):
            text = self.tr(
                "Paid {paid}, after the {hour}:00 same-day cut-off: a same-day order paid then ships by the "
                "end of the next day, {deadline}. A next-day order paid then has the same deadline."
            )
        elif kind == PROMISE_SAME_DAY:
            text = self.tr("Same-day promise: paid {paid}, before {hour}:00, so it ships by {deadline}.")
        elif kind == PROMISE_NEXT_DAY:
            text = self.tr("Next-day promise: paid {paid}, it ships by the end of the next day, {deadline}.")
        elif kind == PROMISE_48H:
            text = self.tr("Ships within 48 hours of payment ({paid}), by {deadline}.")
        elif kind == PROMISE_PRESALE:
            text = self.tr("Presale: ships by {deadline}, the date the product page promised.")
        else:
            text = self.tr("The platform's ship-by time: {deadline}.")
        return text.format(**words)

    def _stake_tooltip(self, row: BoardOrder) -> str | None:
        if not self.sees_money:
            return None
        stake = self.at_stake(row)
        return self.tr(
            "Shipped late (up to 48 h): {late} to the buyer. Not shipped 48 h after the deadline: "
            "{out_of_stock}, counted as out of stock. Rule set: {rule_set}"
        ).format(
            late=formatting.money(stake.late_fen, row.currency),
            out_of_stock=formatting.money(stake.out_of_stock_fen, row.currency),
            rule_set=stake.rule_set,
        )

    def _state_tooltip(self, row: BoardOrder) -> str | None:
        if not row.refund_request:
            return None
        # The warehouse is not told the amount (permissions.py "Who sees what").
        asked = (
            self.tr("The buyer asked for a refund of {amount} before shipment (request {request}).")
            if self.sees_money
            else self.tr("The buyer asked for a refund before shipment (request {request}).")
        ).format(amount=formatting.money(row.refund_amount, row.currency), request=row.refund_request)
        return (
            asked
            + "\n"
            + self.tr(
                "The platform takes no other refusal: shipping this order refuses the refund, the parcel "
                "goes out and the request closes as refused. Ship it only if the buyer should receive it; "
                "otherwise leave it to customer service, who may approve the refund instead."
            )
        )
