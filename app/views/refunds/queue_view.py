"""The refund-approval queue: every request waiting for the shop, most urgent first.

Owns `RefundQueueView`: the filters (type, status, urgency, refund range, a debounced
search), the sortable multi-selection table (`RefundQueueModel`; sorting is the
service's SQL, asked again on a header click; its keys, ticked rows and which row is
current are `QueueSelection`, in `refund_queue_selection.py`), the detail pane, the
action buttons (enabled by state and permission; the services still decide), the
offline banner with the number of decisions waiting to be sent, and the one
notification per request whose deadline is within the hour. Every query and decision
goes through `BackgroundTasks`; a refresh keeps selection and scroll.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QTableView, QVBoxLayout, QWidget
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.services import outbox
from app.services.automation.pending import PendingAutomatic, pending_for
from app.services.people import permissions
from app.services.people.permissions import Action, Actor, allowed
from app.services.refunds.queue import QueueKey, QueueRow, list_queue_keys, queue_rows
from app.services.rule_history.shop_sets import shop_rules_in_force
from app.services.rules import RuleSet
from app.services.sync_status import SyncStatus
from app.views.common import formatting
from app.views.common.background import BackgroundTasks
from app.views.common.big_table import configure_big_table, select_rows, size_columns
from app.views.common.paged_rows import PAGE_ROWS
from app.views.common.people_words import refusal_text
from app.views.common.urgency_mark import UrgencyMarkDelegate
from app.views.refunds.decision_flow import DecisionFlow
from app.views.refunds.detail_pane import RefundDetailPane
from app.views.refunds.queue_bars import ActionBar, FilterBar, QueueFilters
from app.views.refunds.queue_columns import COL_DEADLINE, COL_ORDER, COLUMN_COUNT, RED
from app.views.refunds.queue_model import SORT_KEY_COLUMNS, RefundQueueModel
from app.views.refunds.queue_selection import QueueSelection
from app.views.shell.offline_banner import OfflineBanner
from app.views.shell.tray_alarm import TrayAlarm

COUNTDOWN_REFRESH_MS = 30_000
SORTS_BY_COLUMN = {column: key for key, column in SORT_KEY_COLUMNS.items()}


@dataclass(frozen=True, slots=True)
class _Answer:
    filters: QueueFilters
    keys: list[QueueKey]
    rows: list[QueueRow]  # the pages on screen and the current request, read ahead
    waiting: int
    spent_today: int  # what the person approved today, for the marks of their limits
    seconds: float  # how long the query took on the database lane
    # Of those rows, the owner's rules' decisions waiting out their undo window.
    automatic: dict[str, PendingAutomatic]


class RefundQueueView(QueueSelection, QWidget):
    """The refunds screen; the main window feeds it `on_data_changed` and `set_sync_status`."""

    rows_loaded = Signal()  # a list answer was shown
    detail_loaded = Signal()
    decided = Signal(object)  # a decision committed (ids); the window refreshes its badges
    notice = Signal(str)  # a message for the status bar (when there is no system tray)

    def __init__(
        self,
        tasks: BackgroundTasks,
        sessions: sessionmaker[Session],
        actor: Actor | None,
        *,
        sync_worker: QObject | None = None,
        clock: Callable[[], float] = time.time,
        settings: Settings | None = None,
        platform: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`platform`: the shop's ("douyin", "tiktok"; None: Douyin), whose rule set the
        deadlines and suggestions follow."""
        super().__init__(parent)
        self._tasks, self._sessions, self._actor = tasks, sessions, actor
        # In force now with the shop's own sets on top; each request takes its application day's.
        self._rules = shop_rules_in_force(sessions, platform, int(clock()))
        self._tz = self._rules.shipping.tz  # the shop's clock: every time is shown on it
        self._sync_worker, self._clock = sync_worker, clock
        self._alarm = TrayAlarm(self)
        self._alarm.notice.connect(self.notice)
        self._loaded = False
        self._ticking = False  # Space ticked rows: the arrows move on without dropping them
        self._advance_from: str | None = None  # decided just now: the next request becomes current
        self.last_query_seconds: float | None = None

        self.banner = OfflineBanner(self)
        self.filters = FilterBar(self)
        self.actions = ActionBar(self)
        self.model = RefundQueueModel(self, clock=clock, fetch_rows=self._read_rows, tz=self._tz)
        self._table = QTableView(self)
        self._table.setObjectName("refundQueueTable")
        self._table.setModel(self.model)
        self._configure_table()
        self._empty = QLabel(self)
        self._empty.setObjectName("emptyState")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._pages = QStackedWidget(self)
        self._pages.addWidget(self._table)
        self._pages.addWidget(self._empty)
        self.detail_pane = RefundDetailPane(
            tasks, sessions, self, clock=clock, rules=self._rules, actor=actor
        )
        self.detail_pane.loaded.connect(self.detail_loaded)
        self.detail_pane.undone.connect(lambda _id: self.refresh())  # a rule's decision withdrawn
        self._splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._splitter.setObjectName("refundsSplitter")
        self._splitter.addWidget(self._pages)
        self._splitter.addWidget(self.detail_pane)
        self._splitter.setStretchFactor(0, 5)
        self._splitter.setStretchFactor(1, 2)
        self._splitter.setChildrenCollapsible(False)
        self._splitter.setSizes([1000, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addWidget(self.banner)
        layout.addWidget(self.filters)
        layout.addWidget(self.actions)
        layout.addWidget(self._splitter, 1)

        self.flow = DecisionFlow(
            tasks, sessions, actor, self, clock=clock, settings=settings, platform=platform
        )
        self.flow.decided.connect(self._on_decided)
        self.filters.changed.connect(self.refresh)
        self.filters.leave_down.connect(self._focus_table)
        self.model.sort_changed.connect(lambda _key, _descending: self.refresh())
        self._table.horizontalHeader().sortIndicatorChanged.connect(self._keep_indicator_sortable)
        self._table.selectionModel().selectionChanged.connect(self._update_actions)
        self._table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.actions.approve_button.clicked.connect(self.approve_current)
        self.actions.refuse_button.clicked.connect(self.refuse_current)
        self.actions.bulk_button.clicked.connect(self.bulk_approve_selected)
        self.actions.hand_button.clicked.connect(self.hand_current)
        self._countdown = QTimer(self, interval=COUNTDOWN_REFRESH_MS)
        self._countdown.timeout.connect(self._tick)
        self._countdown.start()
        QShortcut(QKeySequence.StandardKey.Find, self, self.filters.focus_search)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.refresh)
        self.retranslate_ui()
        self.refresh()

    def _configure_table(self) -> None:
        configure_big_table(self._table, multi_select=True)
        self._table.setItemDelegateForColumn(COL_DEADLINE, UrgencyMarkDelegate(RED, self._table))
        self._install_keys()
        self._table.horizontalHeader().setSortIndicator(
            SORT_KEY_COLUMNS["deadline"], Qt.SortOrder.AscendingOrder
        )

    def _size_columns(self) -> None:
        """Widths from the font and this language's words, never from the data (20k rows)."""
        header, metrics = self._table.horizontalHeader(), self._table.fontMetrics()
        if header.property("sized_for") == self.model.headerData(0, Qt.Orientation.Horizontal):
            return  # the person's own widths stay until the language changes
        header.setProperty("sized_for", self.model.headerData(0, Qt.Orientation.Horizontal))
        # The countdown's longest words ("expired — probably decided by the platform")
        # elide, with the whole text in the tooltip, rather than push the amounts away.
        em = metrics.horizontalAdvance("M")
        caps = {column: em * (14 if column == COL_DEADLINE else 24) for column in range(COLUMN_COUNT)}
        caps[COL_ORDER] = em * 40  # order, shipping and the return parcel's number: read whole
        size_columns(header, self.model.sample_texts(), metrics, caps=caps)

    # --- what other parts of the app call ----------------------------------------------
    def screen_title(self) -> str:
        return self.tr("Refunds")

    def on_data_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {"after_sales", "orders", "outbox"}:
            self.refresh()

    def set_sync_status(self, status: SyncStatus) -> None:
        self.banner.set_status(status)

    def refresh(self) -> None:
        filters = self.filters.current()
        sort, descending = self.model.sort_spec
        now = int(self._clock())

        first = max(0, self._table.rowAt(0))
        first -= first % PAGE_ROWS
        current = self.current_row()
        keep = current.aftersale_id if current else None
        actor, rules = self._actor, self._rules

        def query(session: Session) -> _Answer:
            started = time.perf_counter()
            keys = list_queue_keys(
                session, now=now, search=filters.search, kinds=filters.types, states=filters.statuses,
                urgency=filters.urgency, min_amount=filters.min_amount, max_amount=filters.max_amount,
                handed=filters.handed, sort=sort, descending=descending, rules=rules,
            )  # fmt: skip
            # The page the person looks at (it stays in place), the next, and the current row.
            ids = [key.aftersale_id for key in keys[first : first + 2 * PAGE_ROWS]]
            rows = queue_rows(
                session, [*ids, keep] if keep and keep not in ids else ids, now=now, rules=rules
            )
            spent = permissions.refunds_approved_today(session, actor, now) if actor is not None else 0
            automatic = pending_for(session, [row.aftersale_id for row in rows if row.pending])
            seconds = time.perf_counter() - started
            return _Answer(filters, keys, rows, outbox.waiting_count(session), spent, seconds, automatic)

        self._tasks.read("refunds.list", self._sessions, query, self._on_rows)

    def table(self) -> QTableView:
        return self._table

    def empty_text(self) -> str | None:
        return self._empty.text() if self._pages.currentIndex() == 1 else None

    def banner_text(self) -> str | None:
        return self.banner.text_shown()

    def notified_ids(self) -> frozenset[str]:
        return self._alarm.told()

    def current_row(self) -> QueueRow | None:
        return self.model.row_at(self._table.currentIndex().row())

    def may_decide(self) -> bool:
        return self._actor is not None and allowed(self._actor, Action.DECIDE_REFUND)

    def approve_current(self) -> None:
        if (row := self.current_row()) is not None and self.may_decide():
            self.flow.approve(row)

    def refuse_current(self) -> None:
        if (row := self.current_row()) is not None and self.may_decide():
            self.flow.refuse(row)

    def open_current(self) -> None:
        if (row := self.current_row()) is not None and self.may_decide():
            self.flow.open_suggested(row)

    def hand_current(self) -> None:
        """A clerk hands the current request to the owner; the owner hands it back."""
        if (row := self.current_row()) is None or row.pending or self._actor is None:
            return
        if allowed(self._actor, Action.HAND_BACK_TO_CLERK) and row.handed_reason:
            self.flow.hand_back(row)
        elif allowed(self._actor, Action.HAND_TO_OWNER) and not row.handed_reason:
            denied = self.model.beyond_limits(row)
            self.flow.hand_to_owner(row, refusal_text(denied) if denied is not None else "")

    def bulk_approve_selected(self) -> None:
        if (ids := self.selected_ids()) and self.may_decide():
            self.flow.bulk_approve(ids)

    def save_state(self) -> dict[str, Any]:
        return {
            "splitter": bytes(self._splitter.saveState().toBase64()).decode("ascii"),
            "header": bytes(self._table.horizontalHeader().saveState().toBase64()).decode("ascii"),
        }

    def restore_state(self, state: dict[str, Any]) -> None:
        if splitter := state.get("splitter"):
            self._splitter.restoreState(QByteArray.fromBase64(str(splitter).encode("ascii")))
        if header := state.get("header"):
            hh = self._table.horizontalHeader()
            hh.restoreState(QByteArray.fromBase64(str(header).encode("ascii")))
            self.model.sort(hh.sortIndicatorSection(), hh.sortIndicatorOrder())

    # --- language ----------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.model.retranslate()
        self._size_columns()
        self._update_actions()
        if self._loaded:
            self._update_empty_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- answers from the background ------------------------------------------------------
    def _on_rows(self, answer: _Answer) -> None:
        selected = set(self.selected_ids())
        current = self.current_row()
        before = self.model.queue_keys()
        scroll = self._table.verticalScrollBar().value()
        self.last_query_seconds = answer.seconds
        self.banner.set_state(waiting=answer.waiting)
        self._loaded = True
        self.model.set_limits(self._actor, answer.spent_today)
        self.model.automatic = answer.automatic
        self.model.set_keys(answer.keys, answer.rows)
        self.filters.set_currency(answer.rows[0].currency if answer.rows else None)  # the shop's
        current_id = current.aftersale_id if current else None
        decided = current_id is not None and current_id == self._advance_from
        if current_id is not None and (decided or self.model.row_of(current_id) is None):
            # Decided just now, or gone from the list: the person goes on with the next one.
            following = self._following(before, current_id, skip_pending=decided)
            if following is not None:
                if not self._ticking:
                    selected = {following}
                current_id = following
        self._advance_from = None
        self._restore_selection(selected, current_id)
        self._table.verticalScrollBar().setValue(scroll)
        self._update_actions()
        self._update_empty_state()
        self._notify_urgent()
        self.rows_loaded.emit()

    def _restore_selection(self, selected: set[str], current: str | None) -> None:
        selection = self._table.selectionModel()
        if current is not None and (row := self.model.row_of(current)) is not None:
            selection.setCurrentIndex(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
            self._request_detail()
        elif current is not None:
            self.detail_pane.show_placeholder(self.tr("The selected request is not in this list any more."))
        select_rows(self._table, (row for i in selected if (row := self.model.row_of(i)) is not None))

    def _on_current_changed(self, *_: object) -> None:
        row = self.current_row()
        detail = self.detail_pane.detail()
        if row is not None and (detail is None or detail.row.aftersale_id != row.aftersale_id):
            self._request_detail()
        self._update_actions()

    def _request_detail(self) -> None:
        if (row := self.current_row()) is not None:
            self.detail_pane.load(row.aftersale_id)

    def _on_decided(self, ids: object) -> None:
        decided = list(ids) if isinstance(ids, tuple | list) else []
        current = self.current_row()
        if len(decided) == 1 and current is not None and current.aftersale_id == decided[0]:
            self._advance_from = decided[0]
        self.refresh()  # the decision's transaction has committed: the row reads "pending"
        if self._sync_worker is not None:
            self._sync_worker.sync_now()  # type: ignore[attr-defined]
        self.decided.emit(ids)

    # --- small helpers -------------------------------------------------------------------------
    def _keep_indicator_sortable(self, column: int, _order: Qt.SortOrder) -> None:
        if column not in SORTS_BY_COLUMN:  # the service cannot sort by it: put the arrow back
            key, descending = self.model.sort_spec
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            QTimer.singleShot(0, lambda: self._table.horizontalHeader().setSortIndicator(
                SORT_KEY_COLUMNS[key], order))  # fmt: skip

    def _tick(self) -> None:
        first = max(0, self._table.rowAt(0))
        last = self._table.rowAt(self._table.viewport().height() - 1)
        self.model.tick(first, last if last >= 0 else None)
        self.detail_pane.refresh_countdown()
        self._notify_urgent()

    def _notify_urgent(self) -> None:
        for key in self.model.queue_keys():
            if self.model.is_red(key) and not self._alarm.was_told(key.aftersale_id):
                row = self.model.row_at(self.model.row_of(key.aftersale_id) or 0)
                if row is None:
                    continue
                # The deadline itself, not "within 51m": the status bar keeps the words a minute.
                text = self.tr("{id}: {product}, {amount} — reply by {time}").format(
                    id=row.aftersale_id, product=row.product_name,
                    amount=formatting.money(row.refund_amount, row.currency),
                    time=formatting.shop_time(row.status_deadline, with_year=False, tz=self._tz),
                )  # fmt: skip
                self._alarm.raise_once(row.aftersale_id, self.tr("Refund request due within the hour"), text)

    def rules(self) -> RuleSet:
        """The rule set the queue's deadlines and suggestions follow (the shop's platform's)."""
        return self._rules

    def _read_rows(self, aftersale_ids: list[str]) -> list[QueueRow]:
        """A page of full rows, read as the person scrolls to it (a primary-key read of
        100 rows, a few milliseconds: paging lazily is what keeps 20k rows cheap)."""
        with self._sessions() as session:
            rows = queue_rows(session, aftersale_ids, now=int(self._clock()), rules=self._rules)
            self.model.automatic.update(
                pending_for(session, [row.aftersale_id for row in rows if row.pending])
            )
            return rows

    def _update_actions(self) -> None:
        self.actions.update_for(self.current_row(), len(self.selected_ids()), self.may_decide(), self._actor)

    def _update_empty_state(self) -> None:
        if self.model.rowCount():
            self._pages.setCurrentIndex(0)
            return
        if self.filters.current().is_default():
            self._empty.setText(
                self.tr("Nothing waits for a decision. New requests appear here as they sync.")
            )
        else:
            self._empty.setText(self.tr("No requests match these filters."))
        self._pages.setCurrentIndex(1)
        self.detail_pane.show_placeholder(None)
