"""The rows behind a dashboard figure: which orders or requests make it what it is.

Owns `DrillRequest` (a metric, a window or one bucket of it, a product) and
`DrillDownDialog`, the small non-modal window listing `metric_drill_down.drill_down`'s
rows, newest first: when, the order or request, its order, and what happened in
plain words. Double-click or Enter on a row asks to open it in its own screen
(`open_row`); the dialog stays, so a person can go through the list one by one. The
rows are read on the database lane; one dialog serves every click, each new request
replacing the list.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from app.services.metrics.drill_down import ORDER, DrillRow, drill_down
from app.services.people.permissions import Actor
from app.services.rules import RuleSet
from app.views.common import formatting
from app.views.common.background import BackgroundTasks
from app.views.dashboard import metric_words as words

ROW_LIMIT = 500
COL_TIME, COL_ID, COL_ORDER, COL_DETAIL = range(4)


@dataclass(frozen=True, slots=True)
class DrillRequest:
    key: str
    start: int
    end: int
    bucket: str
    bucket_start: int | None  # None: the whole window
    product_id: str | None
    now: int


def detail_text(row: DrillRow) -> str:
    """The row's detail in the person's language (the services' context "metrics")."""
    words_ = QCoreApplication.translate("metrics", row.detail)
    try:
        return words_.format(**row.params)
    except (KeyError, IndexError, ValueError):
        return row.detail.format(**row.params)


class DrillDownDialog(QDialog):
    open_row = Signal(object)  # DrillRow
    rows_loaded = Signal()

    def __init__(
        self,
        tasks: BackgroundTasks,
        sessions: sessionmaker[Session],
        rules: RuleSet,
        parent: QWidget | None = None,
        *,
        viewer: Actor | None = None,
    ) -> None:
        """`viewer`: the person whose rows these are (the service refuses them money rows)."""
        super().__init__(parent)
        self._viewer = viewer
        self.setObjectName("drillDownDialog")
        self._tasks, self._sessions, self._rules = tasks, sessions, rules
        self._request: DrillRequest | None = None
        self._rows: list[DrillRow] = []
        self._loading = False
        self.heading = QLabel(self)
        self.heading.setObjectName("drillHeading")
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("drillRows")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setColumnCount(4)
        self.tree.header().setStretchLastSection(True)
        self.tree.itemActivated.connect(self._activated)  # double-click, and Enter on most styles
        self.tree.installEventFilter(self)  # … and Enter on every style
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        self.resize(820, 460)
        self.retranslate_ui()

    def show_rows_for(self, request: DrillRequest) -> None:
        """List the rows behind `request` (read off the GUI thread) and bring the dialog up."""
        self._request = request
        self._rows = []
        self.tree.clear()
        self._loading = True
        self._update_heading()
        self._update_hint()
        rules, viewer = self._rules, self._viewer

        def query(session: Session) -> list[DrillRow]:
            return drill_down(
                session, request.key, start=request.start, end=request.end, bucket=request.bucket,
                bucket_start=request.bucket_start, product_id=request.product_id, limit=ROW_LIMIT,
                rules=rules, now=request.now, viewer=viewer,
            )  # fmt: skip

        self._tasks.read("dashboard.drill", self._sessions, query, self._on_rows)
        self.show()
        self.raise_()
        self.activateWindow()

    def rows(self) -> list[DrillRow]:
        return list(self._rows)

    def order_of(self, aftersale_id: str) -> str | None:
        """The order of a request listed here (to open it when not in the queue)."""
        return next((row.order_id for row in self._rows if row.id == aftersale_id), None)

    def request(self) -> DrillRequest | None:
        return self._request

    def open_at(self, row: int) -> None:
        """Open row `row` in its screen, as a double-click would."""
        if 0 <= row < len(self._rows):
            self.open_row.emit(self._rows[row])

    def is_loading(self) -> bool:
        return self._loading

    def _on_rows(self, rows: list[DrillRow]) -> None:
        self._rows, self._loading = rows, False
        self.tree.clear()
        orders = bool(rows) and rows[0].kind == ORDER
        self.tree.setColumnHidden(COL_ORDER, orders)
        self._set_headers(orders)
        items = []
        for row in rows:
            when = formatting.shop_time(row.time, tz=self._rules.shipping.tz)
            item = QTreeWidgetItem([when, row.id, row.order_id, detail_text(row)])
            items.append(item)
        self.tree.addTopLevelItems(items)
        for column in (COL_TIME, COL_ID, COL_ORDER):
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, self.tree.columnWidth(column) + 16)  # room between columns
        if items:
            self.tree.setCurrentItem(items[0])
        self._update_hint()
        self.rows_loaded.emit()

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.open_at(self.tree.indexOfTopLevelItem(item))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_at(self.tree.indexOfTopLevelItem(self.tree.currentItem()))
            return True
        return super().eventFilter(watched, event)

    # --- words ---------------------------------------------------------------------------------
    def _set_headers(self, orders: bool) -> None:
        self.tree.setHeaderLabels(
            [
                self.tr("When"),
                self.tr("Order") if orders else self.tr("Request"),
                self.tr("Order"),
                self.tr("What happened"),
            ]
        )
        self.tree.header().setSectionResizeMode(COL_DETAIL, QHeaderView.ResizeMode.Stretch)

    def _update_heading(self) -> None:
        request = self._request
        if request is None:
            return
        period = (
            words.bucket_text(request.bucket_start, request.bucket, self._rules.shipping.tz)
            if request.bucket_start is not None
            else words.period_text(request.start, request.end, self._rules.shipping.tz)
        )
        title = self.tr("{metric} — {period}").format(metric=words.label(request.key), period=period)
        self.setWindowTitle(title)
        self.heading.setText(title)

    def _update_hint(self) -> None:
        if self._loading:
            self.hint.setText(self.tr("Loading…"))
        elif not self._rows:
            self.hint.setText(self.tr("Nothing behind this figure."))
        elif len(self._rows) >= ROW_LIMIT:
            self.hint.setText(
                self.tr(
                    "The newest {count} are listed. Double-click one, or press Enter, to open it."
                ).format(count=ROW_LIMIT)
            )
        else:
            self.hint.setText(self.tr("Double-click one, or press Enter, to open it in its screen."))

    def retranslate_ui(self) -> None:
        self._set_headers(bool(self._rows) and self._rows[0].kind == ORDER)
        self._update_heading()
        if self._request is not None:
            self._update_hint()
            for index, row in enumerate(self._rows):
                self.tree.topLevelItem(index).setText(COL_DETAIL, detail_text(row))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
