"""The shipping-deadline board: which orders will be late next, and shipping them fast.

Owns `ShippingBoardView`, the warehouse's screen: the scanner bar on top (two scans
and Enter ship an order, `ScanBar` + `ShippingFlow`), filters by product and carrier,
the lanes of orders to ship with their countdowns, what to pick and what lateness
would cost (`ShippingBoardModel`), a second tab of parcels the carrier has not
scanned 24 h on with the time left before the platform refunds them, and the buttons
for paper and files (`BoardPaper`, in `shipping_board_paper.py`). New paid orders
appear as sync commits them; an order crossing into "due within 2 hours" raises one
tray notification. Every query runs on the database lane; the board shows what was
last read while a new answer is on its way.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from app.services import outbox
from app.services.people.permissions import Action, Actor, allowed
from app.services.rule_history.shop_sets import shop_rules_in_force
from app.services.shipping import carriers as carrier_service
from app.services.shipping.board import BoardOrder, PickupOverdue, list_board, pickup_overdue
from app.services.shipping.carriers import Carrier
from app.services.shipping.deadlines import LANE_LATER, LANE_TOMORROW, PROMISE_LABELS, crosses_into_urgent
from app.services.shipping.label_shipping import LabelDesk
from app.services.shipping.scanned_order import MSG_SCANNED_WAITING, not_waiting_reason
from app.services.shipping.shipments import QueuedShipment
from app.services.sync_status import SyncStatus
from app.views.common import formatting
from app.views.common.background import BackgroundTasks
from app.views.common.big_table import size_columns
from app.views.common.formatting import Urgency
from app.views.common.people_words import refusal_text
from app.views.common.urgency_mark import UrgencyMarkDelegate
from app.views.shell.offline_banner import OfflineBanner
from app.views.shell.tray_alarm import TrayAlarm
from app.views.shipping.board_model import (
    COL_AT_STAKE,
    COL_DUE,
    COL_ITEMS,
    COL_NOTE,
    COL_ORDER,
    COL_OUT_OF_STOCK,
    COL_PIECES,
    COL_PROMISE,
    COL_STATE,
    URGENCY_COLOURS,
    ShippingBoardModel,
)
from app.views.shipping.board_paper import BoardPaper
from app.views.shipping.label_actions import LabelActions
from app.views.shipping.pickup_overdue_table import PickupOverdueTable
from app.views.shipping.scan_bar import ScanBar
from app.views.shipping.ship_flow import ShippingFlow

TICK_MS = 30_000
SEARCH_DEBOUNCE_MS = 250


@dataclass(frozen=True, slots=True)
class _Answer:
    rows: list[BoardOrder]
    overdue_pickups: list[PickupOverdue]
    carriers: list[Carrier]
    waiting: int  # actions of this workstation not yet confirmed by the platform
    seconds: float


class ShippingBoardView(BoardPaper, QWidget):
    board_loaded = Signal()
    shipped = Signal(object)  # QueuedShipment: the window refreshes its "waiting" badge
    notice = Signal(str)  # for the status bar where there is no system tray
    printed = Signal(str)  # a pick list or slips went to the printer ("") or to this PDF

    def __init__(
        self,
        tasks: BackgroundTasks,
        sessions: sessionmaker[Session],
        actor: Actor | None,
        *,
        sync_worker: QObject | None = None,
        clock: Callable[[], float] = time.time,
        platform: str | None = None,
        labels: LabelDesk | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`platform`: the shop's ("douyin", "tiktok"; None: Douyin), whose rule set gives the
        shop's days, the lanes and what shipping late costs. `labels`: the shop's labels
        (app/shop_labels.py), for "Print label" and print-and-ship (label_actions.py)."""
        super().__init__(parent)
        self._tasks, self._sessions, self._actor, self._clock = tasks, sessions, actor, clock
        # In force now with the shop's own sets on top; each order takes its payment day's.
        self._rules = shop_rules_in_force(sessions, platform, int(clock()))
        self._last_alarm_check: int | None = None
        self.last_query_seconds: float | None = None
        # Money at stake is the owner's (permissions.py "Who sees what"); the service sends none.
        self.model = ShippingBoardModel(
            self,
            clock=clock,
            rules=self._rules,
            sees_money=actor is None or allowed(actor, Action.VIEW_MONEY),
        )
        self.banner = OfflineBanner(self)
        self.scan_bar = ScanBar(self._describe_order, self)
        self.flow = ShippingFlow(
            tasks, sessions, actor, self, find_order=self.model.find, sync_worker=sync_worker, clock=clock
        )
        self._alarm = TrayAlarm(self)
        self._alarm.notice.connect(self.notice)

        self._product = QLineEdit(self)
        self._product.setObjectName("boardProductFilter")
        self._product.setClearButtonEnabled(True)
        self._carrier = QComboBox(self)
        self._carrier.setObjectName("boardCarrierFilter")
        self._pick_button = QPushButton(self)
        self._slips_button = QPushButton(self)
        self._import_button = QPushButton(self)
        filters = QHBoxLayout()
        filters.addWidget(self._product, 3)
        filters.addWidget(self._carrier, 1)
        filters.addStretch(1)
        for button in (self._pick_button, self._slips_button, self._import_button):
            filters.addWidget(button)

        self.tree = QTreeView(self)
        self.tree.setObjectName("shippingBoard")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)  # 10k rows: Qt never measures them
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setStretchLastSection(False)
        costs = self.model.late_costs_money  # TikTok Shop's: no promise band, nothing owed per order
        for column in (COL_AT_STAKE, COL_OUT_OF_STOCK):
            self.tree.setColumnHidden(column, not (self.model.sees_money and costs))
        self.tree.setColumnHidden(COL_PROMISE, not costs)
        self.tree.setItemDelegateForColumn(
            COL_DUE, UrgencyMarkDelegate(URGENCY_COLOURS[Urgency.URGENT], self.tree)
        )
        self._sync_worker = sync_worker
        self.labels = LabelActions(
            self, self.tree, tasks, sessions, actor, labels, platform=platform,
            selected=lambda: [order.order_id for order in self.selected_orders()],
        )  # fmt: skip
        filters.addWidget(self.labels.button)
        self.labels.attach(self.scan_bar, self._label_shipped)
        self.pickups = PickupOverdueTable(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.tree, "")
        self.tabs.addTab(self.pickups, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addWidget(self.banner)
        layout.addWidget(self.scan_bar)
        layout.addLayout(filters)
        layout.addWidget(self.tabs, 1)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self._product.textChanged.connect(lambda _text: self._debounce.start())
        self._carrier.currentIndexChanged.connect(self.refresh)
        self.scan_bar.ship_requested.connect(self._ship)
        self.flow.shipped.connect(self._on_shipped)
        self.flow.refused.connect(self.scan_bar.show_problem)
        self.scan_bar.order_not_waiting.connect(self._explain_not_waiting)
        self.flow.no_longer_waiting.connect(self._explain_not_waiting)
        self._pick_button.clicked.connect(self.print_pick_list)
        self._slips_button.clicked.connect(self.print_packing_slips)
        self._import_button.clicked.connect(self.import_file)
        self._import_button.setVisible(actor is None or allowed(actor, Action.SHIP_ORDER))
        self._ticker = QTimer(self, interval=TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.refresh)
        QShortcut(QKeySequence("Ctrl+L"), self, self.scan_bar.start)
        self.retranslate_ui()
        self.refresh()

    # --- what the window calls -----------------------------------------------------------
    def screen_title(self) -> str:
        return self.tr("Shipping")

    def on_data_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {"orders", "after_sales", "outbox", "platform_lists"}:
            self.refresh()

    def set_sync_status(self, status: SyncStatus) -> None:
        """The board works the same online or not; offline, the banner says work is kept."""
        self.banner.set_status(status)

    def refresh(self) -> None:
        product, carrier, now = (
            self._product.text().strip(),
            self._carrier.currentData() or "",
            int(self._clock()),
        )

        def query(session: Session) -> _Answer:
            started = time.perf_counter()
            rows = list_board(
                session, now=now, product=product, carrier=carrier, rules=self._rules, viewer=self._actor
            )
            pickups = pickup_overdue(session, now=now, carrier=carrier, rules=self._rules)
            carriers, waiting = carrier_service.available(session), outbox.waiting_count(session)
            return _Answer(rows, pickups, carriers, waiting, time.perf_counter() - started)

        self._tasks.read("board.list", self._sessions, query, self._on_board)

    def selected_orders(self) -> list[BoardOrder]:
        found = (self.model.order_at(index) for index in self.tree.selectionModel().selectedRows())
        return [order for order in found if order is not None]

    def select_order(self, order_id: str) -> bool:
        index = self.model.index_of(order_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        return index.isValid()

    def notified_ids(self) -> frozenset[str]:
        return self._alarm.told()

    # --- answers ---------------------------------------------------------------------------
    def _on_board(self, answer: _Answer) -> None:
        current = self.model.order_at(self.tree.currentIndex())
        self.last_query_seconds = answer.seconds
        self.model.set_rows(answer.rows)
        self._expand_lanes()
        if current is not None:
            self.select_order(current.order_id)
        self.pickups.show_rows(answer.overdue_pickups, self.model.now(), self._rules.shipping.tz)
        self.banner.set_state(waiting=answer.waiting)
        self.scan_bar.set_carriers(answer.carriers)
        self._update_carrier_filter(answer.carriers)
        self._update_tab_titles()
        self._raise_alarms()
        self.board_loaded.emit()

    def _expand_lanes(self) -> None:
        for lane_row, (name, _, _) in enumerate(self.model.lanes()):
            self.tree.setExpanded(self.model.index(lane_row, 0), name not in (LANE_TOMORROW, LANE_LATER))
            self.tree.setFirstColumnSpanned(lane_row, self.tree.rootIndex(), True)

    def _update_carrier_filter(self, carriers: list[Carrier]) -> None:
        chosen = self._carrier.currentData() or ""
        codes = [self._carrier.itemData(i) for i in range(1, self._carrier.count())]
        if codes == [c.code for c in carriers]:
            return
        self._carrier.blockSignals(True)
        self._carrier.clear()
        self._carrier.addItem(self.tr("All carriers"), "")
        for carrier in carriers:
            self._carrier.addItem(carrier.name, carrier.code)
        self._carrier.setCurrentIndex(max(0, self._carrier.findData(chosen)))
        self._carrier.blockSignals(False)

    # --- shipping --------------------------------------------------------------------------
    def _describe_order(self, order_id: str) -> str | None:
        order = self.model.find(order_id)
        if order is None or order.pending_tracking:  # shipped from here already: the bar asks why
            return None
        self.select_order(order_id)
        what = self.tr("{pieces} pcs: {items}").format(pieces=order.item_count, items=order.items)
        if order.refund_request:  # said before the parcel is labelled, not only after Enter
            what += " · " + self.tr("the buyer asked for a refund: shipping refuses it")
        return what

    def _explain_not_waiting(self, order_id: str) -> None:
        """Say in the scan bar what became of an order that is not waiting to ship."""
        filtered = bool(self._product.text().strip() or self._carrier.currentData())
        rules = self._rules

        def answer(reason: object) -> None:
            self.scan_bar.explain(order_id, refusal_text(reason))
            if getattr(reason, "message", "") == MSG_SCANNED_WAITING:
                self.refresh()  # the board was behind the database

        self._tasks.read(
            f"board.why.{order_id}",
            self._sessions,
            lambda session: not_waiting_reason(session, order_id, filtered=filtered, rules=rules),
            answer,
        )

    def _ship(self, order_id: str, carrier_code: str, tracking_no: str) -> None:
        self.flow.ship(order_id, carrier_code, tracking_no)

    def _on_shipped(self, queued: QueuedShipment) -> None:
        self.model.mark_pending(queued.order_id, queued.tracking_no, queued.company_code)
        name = self.scan_bar.carrier_name(queued.company_code)
        self.scan_bar.show_shipped(queued.order_id, name, queued.tracking_no, queued.note)
        self.shipped.emit(queued)

    def _label_shipped(self, queued: QueuedShipment, carrier_name: str) -> None:
        """A print-and-ship went through: as a scanned shipment, named by the platform's carrier."""
        self.model.mark_pending(queued.order_id, queued.tracking_no, queued.company_code)
        self.scan_bar.show_shipped(queued.order_id, carrier_name, queued.tracking_no, queued.note)
        self.shipped.emit(queued)
        if self._sync_worker is not None:
            self._sync_worker.sync_now()  # type: ignore[attr-defined]

    # --- the clock ---------------------------------------------------------------------------
    def _tick(self) -> None:
        if self.model.tick():
            self._expand_lanes()
            self._update_tab_titles()
        self._raise_alarms()

    def _raise_alarms(self) -> None:
        """One notification per order crossing into "due within 2 hours"."""
        now, since = self.model.now(), self._last_alarm_check
        self._last_alarm_check = now
        for row in self.model.rows():
            if row.ship_by - now > self._rules.shipping.urgent_notice_hours * 3600:
                break  # sorted by ship-by: nothing further is due that soon
            if row.pending_tracking or not crosses_into_urgent(row.ship_by, now, self._rules, since):
                continue
            self._alarm.raise_once(
                row.order_id,
                self.tr("Order due to ship within 2 hours"),
                self.tr("{order}: {items} — ship by {time}").format(
                    order=row.order_id,
                    items=row.items,
                    time=formatting.shop_time(row.ship_by, tz=self._rules.shipping.tz),
                ),
            )

    # --- language ------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self._product.setPlaceholderText(self.tr("Filter by product or spec"))
        if self._carrier.count():
            self._carrier.setItemText(0, self.tr("All carriers"))
        self._pick_button.setText(self.tr("Pick list…"))
        self._slips_button.setText(self.tr("Packing slips…"))
        self._import_button.setText(self.tr("Ship from a file…"))
        if hasattr(self, "labels"):  # built after the first call
            self.labels.retranslate_ui()
        self.model.retranslate()
        self._update_tab_titles()
        self._size_columns()

    def _size_columns(self) -> None:
        """Widths from the font and this language's words, never from 10k rows."""
        header, metrics = self.tree.header(), self.tree.fontMetrics()
        now = int(self._clock())
        samples = {
            COL_DUE: [
                formatting.countdown(now - 23 * 3600 - 59 * 60, now),
                formatting.countdown(now - 9 * 86400 - 23 * 3600, now),
            ],
            COL_ORDER: ["6917958690000000000"],
            COL_PROMISE: [
                *(QCoreApplication.translate("shipping", label) for label in PROMISE_LABELS.values()),
                self.model.after_cutoff_label(),
            ],
            COL_PIECES: ["999"],
            COL_NOTE: ["周末请放快递柜"],  # longer notes show whole in the tooltip
            COL_AT_STAKE: ["¥50.00"],
            COL_OUT_OF_STOCK: ["¥50.00"],
            COL_STATE: [self.model.sending_text("SF0000000000000")],
        }
        bold_font = QFont(self.tree.font())
        bold_font.setBold(True)  # urgent countdowns are bold, and indented under their lane
        due = {COL_DUE: samples.pop(COL_DUE)}
        # A row sits under its lane: the root's branch mark and the lane's indent both
        # take room from the first column.
        size_columns(header, due, QFontMetrics(bold_font), padding=24 + 2 * self.tree.indentation())
        size_columns(header, samples, metrics)
        header.setSectionResizeMode(COL_ITEMS, QHeaderView.ResizeMode.Stretch)

    def _update_tab_titles(self) -> None:
        self.tabs.setTabText(0, self.tr("To ship · {count}").format(count=len(self.model.rows())))
        self.tabs.setTabText(1, self.tr("No pickup scan · {count}").format(count=self.pickups.rowCount()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
