"""The orders screen: find any synced order and see everything about it.

Owns `OrdersView`: the sortable orders table and the detail pane beside it (the
debounced search box, the status filter and the count above them are `OrderFilters`,
in `orders_filters.py`), the sentence shown when the table is empty (and why),
and keeping the selection and scroll position when new data arrives. Every database
read goes through `BackgroundTasks`; the live countdown column is repainted by one
timer, for the visible rows only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from app.services.orders.queries import (
    OrderDetail,
    OrderRow,
    count_orders,
    list_order_ids,
    order_detail,
    order_rows,
)
from app.services.rule_history.shop_sets import shop_rules_in_force
from app.services.sync_status import SyncState, SyncStatus
from app.views.common import formatting
from app.views.common.background import BackgroundTasks
from app.views.common.big_table import configure_big_table
from app.views.common.paged_rows import PAGE_ROWS
from app.views.orders.detail_pane import OrderDetailPane
from app.views.orders.empty_state import OrdersEmptyState
from app.views.orders.filters import SEARCH_DEBOUNCE_MS, OrderFilters
from app.views.orders.table_model import COL_ITEMS, COL_RECEIVER, SORT_KEY_COLUMNS, OrderTableModel

COUNTDOWN_REFRESH_MS = 30_000


@dataclass(frozen=True, slots=True)
class _Request:
    search: str
    statuses: tuple[str, ...]  # OrderStates
    sort: str
    descending: bool


@dataclass(frozen=True, slots=True)
class _Answer:
    request: _Request
    order_ids: list[str]  # every match, sorted
    rows: list[OrderRow]  # the pages on screen, read ahead
    total: int  # orders in the mirror


class OrdersView(OrderFilters, QWidget):
    """The orders screen; give it `on_data_changed` and `set_sync_status` from the worker."""

    # A list answer was shown (after a refresh, a search, a filter change).
    rows_loaded = Signal()

    def __init__(
        self,
        tasks: BackgroundTasks,
        session_factory: sessionmaker[Session],
        parent: QWidget | None = None,
        *,
        clock: Callable[[], int] = formatting.now_utc,
        platform: str | None = None,
    ) -> None:
        """`platform`: the shop's ("douyin", "tiktok"; None: Douyin), whose rule set gives the
        default ship-by promise and the clock every time is shown on."""
        super().__init__(parent)
        # The set in force now, with the shop's own on top and the sets before it: each
        # order's promise is its payment day's (RuleSet.at).
        self._rules = shop_rules_in_force(session_factory, platform, clock())
        self._tasks = tasks
        self._session_factory = session_factory
        self._sync_state: SyncState | None = None
        self._total: int | None = None  # orders in the mirror; None until the first answer
        self._shown_request: _Request | None = None

        self._build_filters()

        self.model = OrderTableModel(
            self, clock=clock, fetch_rows=self._read_rows, tz=self._rules.shipping.tz
        )
        self._table = QTableView(self)
        self._table.setObjectName("ordersTable")
        self._table.setModel(self.model)
        self._configure_table()

        self._empty = OrdersEmptyState(self)
        self._empty.show_all_requested.connect(self.clear_filters)
        self._pages = QStackedWidget(self)
        self._pages.addWidget(self._table)
        self._pages.addWidget(self._empty)

        self.detail_pane = OrderDetailPane(self, clock=clock, tz=self._rules.shipping.tz)
        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.setObjectName("ordersSplitter")
        self._splitter.addWidget(self._pages)
        self._splitter.addWidget(self.detail_pane)
        # The table is what people scan all day; the pane only needs a line's width.
        self._splitter.setStretchFactor(0, 5)
        self._splitter.setStretchFactor(1, 2)
        self._splitter.setChildrenCollapsible(False)
        self._splitter.setSizes([1000, 300])  # at 1366 px the items still show a few words

        bar = QHBoxLayout()
        bar.addWidget(self._search, 3)
        bar.addWidget(self._status_filter, 1)
        bar.addStretch(0)
        bar.addWidget(self._count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(bar)
        layout.addWidget(self._splitter, 1)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        # Through a method: Qt would match textChanged(str) to QTimer.start(int).
        self._search.textChanged.connect(self._restart_debounce)
        self._status_filter.currentIndexChanged.connect(self.refresh)
        self.model.sort_changed.connect(lambda _key, _descending: self.refresh())  # SQL sorts
        self._search.returnPressed.connect(self._focus_table)
        self._table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._countdown = QTimer(self, interval=COUNTDOWN_REFRESH_MS)
        self._countdown.timeout.connect(self._tick)
        self._countdown.start()
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.refresh)

        self.retranslate_ui()
        self._set_empty_text(self.tr("Loading orders…"), show_reset=False)
        self.refresh()

    def _configure_table(self) -> None:
        table = self._table
        configure_big_table(table)
        header = table.horizontalHeader()
        header.setSortIndicator(SORT_KEY_COLUMNS["create_time"], Qt.SortOrder.DescendingOrder)
        metrics = table.fontMetrics()
        # Widths from the font, never from the data: measuring 100k rows would stall.
        # Each column's widest text in either language (the language can change later).
        samples = [
            ("6900000000000000001",),
            ("11-22 23:59",),
            ("Awaiting shipment", "部分发货"),
            ("¥12,345.00",),
            ("overdue 23h 59m", "已超时 23小时59分"),
        ]
        icon_room = 22  # the buyer's-note mark in the order column
        for column, texts in enumerate(samples):
            width = max(metrics.horizontalAdvance(text) for text in texts) + 18
            header.resizeSection(column, width + (icon_room if column == 0 else 0))
        header.resizeSection(COL_RECEIVER, metrics.horizontalAdvance("Receiver  ") + 28)
        # The items column takes what is left, so no horizontal scroll bar at any width.
        header.setSectionResizeMode(COL_ITEMS, QHeaderView.ResizeMode.Stretch)

    # --- what other parts of the app call ----------------------------------------------
    def screen_title(self) -> str:
        return self.tr("Orders")

    @Slot(object)
    def on_data_changed(self, kinds: frozenset[str]) -> None:
        """The sync engine committed changes of these kinds ("orders", "after_sales")."""
        if "orders" in kinds:
            self.refresh()
        elif "after_sales" in kinds:
            self._request_detail()

    @Slot(object)
    def set_sync_status(self, status: SyncStatus) -> None:
        self._sync_state = status.state
        if self._total == 0:
            self._update_empty_state()

    @Slot()
    def refresh(self) -> None:
        self._debounce.stop()
        sort, descending = self.model.sort_spec
        request = _Request(self._search.text().strip(), self._current_statuses(), sort, descending)

        top = self.model.order_at(self._table.rowAt(0)) if self._table.verticalScrollBar().value() else None
        anchor, selected = (top.order_id if top else None), self.selected_order_id()

        rules = self._rules

        def query(session: Session) -> _Answer:
            ids = list_order_ids(
                session,
                search=request.search,
                states=request.statuses,
                sort=sort,
                descending=descending,
                rules=rules,
            )
            # Read ahead what the person will see: two pages from the row at the top (it
            # stays there, see _on_rows), and the selected order.
            position = ids.index(anchor) if anchor in ids else 0
            first = position - position % PAGE_ROWS
            wanted = ids[first : first + 2 * PAGE_ROWS] + ([selected] if selected else [])
            return _Answer(request, ids, order_rows(session, wanted, rules=rules), count_orders(session))

        self._tasks.read("orders.list", self._session_factory, query, self._on_rows)

    def table(self) -> QTableView:
        return self._table

    def empty_text(self) -> str | None:
        """The empty-state sentence, or None while the table shows rows."""
        return self._empty.label.text() if self._pages.currentIndex() == 1 else None

    def selected_order_id(self) -> str | None:
        row = self.model.order_at(self._table.currentIndex().row())
        return row.order_id if row else None

    def select_order(self, order_id: str) -> bool:
        row = self.model.row_of(order_id)
        if row is None:
            return False
        self._table.setCurrentIndex(self.model.index(row, 0))
        return True

    def save_state(self) -> dict[str, Any]:
        return {
            "splitter": bytes(self._splitter.saveState().toBase64()).decode("ascii"),
            "header": bytes(self._table.horizontalHeader().saveState().toBase64()).decode("ascii"),
        }

    def restore_state(self, state: dict[str, Any]) -> None:
        if splitter := state.get("splitter"):
            self._splitter.restoreState(QByteArray.fromBase64(str(splitter).encode("ascii")))
        if header := state.get("header"):
            self._table.horizontalHeader().restoreState(QByteArray.fromBase64(str(header).encode("ascii")))
            # The header's indicator is the model's sort; a restored indicator re-sorts it.
            hh = self._table.horizontalHeader()
            self.model.sort(hh.sortIndicatorSection(), hh.sortIndicatorOrder())

    # --- language ----------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self._retranslate_filters()
        self.model.retranslate()
        if self._total is not None:
            self._update_count()
            self._update_empty_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _read_rows(self, order_ids: list[str]) -> list[OrderRow]:
        """A page of rows, read as the person scrolls to it (a primary-key read of 100
        rows, a few milliseconds: paging is what keeps 100k orders cheap)."""
        with self._session_factory() as session:
            return order_rows(session, order_ids, rules=self._rules)

    # --- answers from the background ------------------------------------------------------
    def _on_rows(self, answer: _Answer) -> None:
        request, total = answer.request, answer.total
        selected = self.selected_order_id()
        scroll = self._table.verticalScrollBar().value()
        anchor = self.model.order_at(self._table.rowAt(0)) if scroll else None
        self._shown_request = request
        self._total = total
        self.model.set_order_ids(answer.order_ids, answer.rows)
        if selected is not None and self.select_order(selected):
            self._request_detail()  # the order itself may be what changed
        elif selected is not None:
            self.detail_pane.show_placeholder(self.tr("The selected order is not in this list any more."))
        # Keep the rows the person was looking at in place, even if new orders came above.
        anchor_row = self.model.row_of(anchor.order_id) if anchor else None
        if anchor_row is not None:
            self._table.scrollTo(self.model.index(anchor_row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        else:
            self._table.verticalScrollBar().setValue(scroll)
        self._update_count()
        self._update_empty_state()
        self.rows_loaded.emit()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.order_at(current.row())
        detail = self.detail_pane.detail()
        if row is not None and (detail is None or detail.row.order_id != row.order_id):
            self._request_detail()

    def _request_detail(self) -> None:
        order_id = self.selected_order_id()
        if order_id is None:
            return
        self._tasks.read(
            "orders.detail",
            self._session_factory,
            lambda s: order_detail(s, order_id, rules=self._rules),
            self._on_detail,
        )

    def _on_detail(self, detail: OrderDetail | None) -> None:
        if detail is None:
            self.detail_pane.show_placeholder(self.tr("This order is no longer in the local copy."))
        elif detail.row.order_id == self.selected_order_id():
            self.detail_pane.show_detail(detail)

    # --- small helpers -------------------------------------------------------------------------
    def _focus_table(self) -> None:
        if self.model.rowCount() == 0:
            return
        self._table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self._table.currentIndex().isValid():
            self._table.setCurrentIndex(self.model.index(0, 0))

    def _tick(self) -> None:
        first = max(0, self._table.rowAt(0))
        last = self._table.rowAt(self._table.viewport().height() - 1)
        self.model.tick(first, last if last >= 0 else None)
        self.detail_pane.refresh_countdown()

    def _update_empty_state(self) -> None:
        if self.model.rowCount():
            self._pages.setCurrentIndex(0)
            return
        request = self._shown_request
        status = self._status_filter.currentText() if request and request.statuses else None
        search = request.search if request else ""
        self._empty.say_why(total=self._total or 0, sync_state=self._sync_state, search=search, status=status)
        self._show_empty()

    def _set_empty_text(self, text: str, *, show_reset: bool) -> None:
        self._empty.say(text, show_reset=show_reset)
        self._show_empty()

    def _show_empty(self) -> None:
        self._pages.setCurrentIndex(1)
        self.detail_pane.show_placeholder(None)
