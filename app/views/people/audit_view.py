"""The audit screen: the owner reads who did what, when, and what it changed.

Owns `AuditView`: filters by person, action (the names in use), a date range picked
in the shop's days (Asia/Shanghai) and an order id; the trail newest first, each event
a sentence (`audit_words`), with the selected event told below it (`AuditEventPane`,
audit_event_pane.py); and
"Export CSV…", which writes the rows shown through `audit.export_csv` off the GUI
thread. Every read goes through `BackgroundTasks`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta, tzinfo
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from app.core import shop_time
from app.core.refusal import Refusal
from app.services.people import accounts, audit
from app.services.people.audit import AuditFilter, AuditRow
from app.services.people.audit_trail import AuditTrail, read_trail
from app.services.people.permissions import Actor
from app.services.rule_history import rules_in_force
from app.views.common import formatting
from app.views.common.background import WORK_LANE, BackgroundTasks
from app.views.common.people_words import refusal_text
from app.views.people.audit_event_pane import AuditEventPane
from app.views.people.audit_table_model import (
    ACTION_LABELS,
    COL_ACTION,
    COL_CHANGE,
    COL_ENTITY,
    COL_NOTE,
    COL_ORDER,
    COL_PERSON,
    COL_TIME,
    AuditTableModel,
    action_label,
)

ORDER_DEBOUNCE_MS = 300
DEFAULT_DAYS = 30
ROW_LIMIT = 5000


def day_bounds(first: date, last: date, tz: tzinfo = shop_time.SHOP_TZ) -> tuple[int, int]:
    """UTC seconds of 00:00 on `first` and of 00:00 after `last`, shop time (`tz`): the
    filter's `since` (inclusive) and `until` (exclusive) for whole days."""
    return shop_time.midnight(first, tz), shop_time.midnight(last + timedelta(days=1), tz)


def shop_today(now: int, tz: tzinfo = shop_time.SHOP_TZ) -> date:
    return shop_time.date_of(now, tz)


class AuditView(QWidget):
    """The owner's view of the audit trail."""

    rows_loaded = Signal()
    # An export finished; the argument is the file written (or "" when it failed).
    exported = Signal(str)

    def __init__(
        self,
        tasks: BackgroundTasks,
        sessions: sessionmaker[Session],
        actor: Actor,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], int] = formatting.now_utc,
        platform: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._tz = rules_in_force(platform).shipping.tz  # the shop's clock: its days and times
        self._tasks = tasks
        self._sessions = sessions
        self._actor = actor
        self._shown_filter: AuditFilter | None = None  # what the rows on screen were read with
        self._clock = clock
        self._stale = False

        self.person_box = QComboBox(self)
        self.person_box.setObjectName("auditPerson")
        self.person_box.addItem("", None)
        self.action_box = QComboBox(self)
        self.action_box.setObjectName("auditAction")
        self.action_box.addItem("", "")
        today = shop_today(clock(), self._tz)
        self.from_date = self._date_edit("auditFrom", today - timedelta(days=DEFAULT_DAYS))
        self.to_date = self._date_edit("auditTo", today)
        self.order_edit = QLineEdit(self)
        self.order_edit.setObjectName("auditOrder")
        self.order_edit.setClearButtonEnabled(True)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportCsv")
        self.export_button.clicked.connect(self.export_csv)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("orderCount")
        self._from_label, self._to_label = QLabel(self), QLabel(self)

        self.model = AuditTableModel(self, tz=self._tz)
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.table.fontMetrics()
        # Widths from the font; the sentence takes what is left (no sideways scrolling).
        # The person and action columns are fitted to their words in each language
        # (`_fit_columns`). What an event is about is named in its sentence, so that
        # column is hidden; the technical details and the CSV keep the raw name.
        header.resizeSection(COL_TIME, metrics.horizontalAdvance("2026-11-22 23:59") + 24)
        header.resizeSection(COL_ORDER, metrics.horizontalAdvance("6900000000000000001") + 24)
        self.table.setColumnHidden(COL_ENTITY, True)
        header.setSectionResizeMode(COL_CHANGE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(COL_NOTE, metrics.horizontalAdvance("M") * 12)
        self.event_pane = AuditEventPane(self.model, self)
        # The pane's widgets, by the names the audit screen has always had.
        self.details = self.event_pane.details
        self.technical_button = self.event_pane.technical_button
        self.technical = self.event_pane.technical
        # The details go below the table: audit rows are wide, the record is tall.
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("auditSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self.event_pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([600, 220])

        bar = QHBoxLayout()
        bar.addWidget(self.person_box, 2)
        bar.addWidget(self.action_box, 2)
        bar.addWidget(self._from_label)
        bar.addWidget(self.from_date)
        bar.addWidget(self._to_label)
        bar.addWidget(self.to_date)
        bar.addWidget(self.order_edit, 2)
        bar.addWidget(self.count_label)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self._debounce = QTimer(self, singleShot=True, interval=ORDER_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        # Through a method: Qt would match textChanged(str) to QTimer.start(int).
        self.order_edit.textChanged.connect(self._restart_debounce)
        for box in (self.person_box, self.action_box):
            box.currentIndexChanged.connect(self.refresh)
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        self.retranslate_ui()
        self.load_choices()
        self.refresh()

    def _date_edit(self, name: str, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    # --- what other parts of the app call ----------------------------------------------
    def screen_title(self) -> str:
        return self.tr("Audit log")

    def on_data_changed(self, kinds: frozenset[str]) -> None:
        """A sync step committed changes: platform answers may have joined the trail."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # read again when the owner next looks

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.load_choices()
            self.refresh()
        super().showEvent(event)

    def current_filter(self) -> AuditFilter:
        since, until = day_bounds(self.from_date.date().toPython(), self.to_date.date().toPython(), self._tz)
        return AuditFilter(
            actor_id=self.person_box.currentData(),
            action_prefix=self.action_box.currentData() or "",
            since=since,
            until=until,
            order_id=self.order_edit.text().strip(),
            limit=ROW_LIMIT,
        )

    @Slot()
    def load_choices(self) -> None:
        """The people and action names the filters offer."""

        actor = self._actor

        def query(session: Session) -> tuple[list[tuple[int, str, str]], list[str]]:
            actions = audit.actions_in_use(session, actor)  # the owner's only: checked first
            people = [(u.id, u.username, u.display_name) for u in accounts.list_users(session)]
            return people, actions

        self._tasks.read("audit.choices", self._sessions, query, self._on_choices, self._on_failed)

    @Slot()
    def refresh(self) -> None:
        self._debounce.stop()
        wanted, actor = self.current_filter(), self._actor
        self._shown_filter = wanted
        self._tasks.read(
            "audit.list",
            self._sessions,
            lambda s: read_trail(s, actor, wanted),
            self._on_rows,
            self._on_failed,
        )

    @Slot()
    def export_csv(self) -> None:
        default = Path.home() / f"audit-{shop_today(self._clock(), self._tz):%Y%m%d}.csv"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log"), str(default), self.tr("CSV files (*.csv)")
        )
        if not chosen:
            return
        path = Path(chosen)
        # The rows shown: read again with the filter they were read with, by someone allowed to.
        shown, actor, sessions = self._shown_filter or self.current_filter(), self._actor, self._sessions
        self.export_button.setEnabled(False)
        self.count_label.setText(self.tr("Exporting…"))

        def export() -> int:
            with sessions() as session:
                return audit.export_csv(session, actor, shown, path)

        self._tasks.run(
            "audit.export",
            export,
            lambda count: self._on_exported(path, count),
            self._on_export_failed,
            lane=WORK_LANE,
        )

    # --- answers -------------------------------------------------------------------------
    def _on_choices(self, choices: tuple[list[tuple[int, str, str]], list[str]]) -> None:
        people, actions = choices
        self.model.set_people(
            {user_id: name for user_id, _login, name in people}, {login: name for _id, login, name in people}
        )
        for box, items in (
            (self.person_box, [(name, user_id) for user_id, _login, name in people]),
            (self.action_box, [(action_label(action), action) for action in actions]),
        ):
            chosen = box.currentData()
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for text, data in items:
                box.addItem(text, data)
            box.setCurrentIndex(max(0, box.findData(chosen)))
            box.blockSignals(False)

    def _on_rows(self, trail: AuditTrail) -> None:
        chosen = self._selected()
        self.model.set_rows(trail.rows, trail.request_kinds)
        self._fit_columns()
        self._update_count()
        if chosen is not None:
            for row in range(self.model.rowCount()):
                if self.model.row_at(row).id == chosen.id:
                    self.table.selectRow(row)
                    break
        if self._selected() is None:
            self._show_row(None)
        self.rows_loaded.emit()

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, Refusal):  # e.g. the owner was switched off at another desk
            self.count_label.setText(refusal_text(error))
        else:
            self.count_label.setText(self.tr("The audit log could not be read: {error}").format(error=error))
        self.rows_loaded.emit()

    def _on_exported(self, path: Path, count: int) -> None:
        self.export_button.setEnabled(True)
        self.count_label.setText(self.tr("{count} events written to {file}").format(count=count, file=path))
        self.exported.emit(str(path))

    def _on_export_failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        if isinstance(error, Refusal):
            self.count_label.setText(refusal_text(error))
        else:
            self.count_label.setText(self.tr("The file could not be written: {error}").format(error=error))
        self.exported.emit("")

    def _update_count(self) -> None:
        count = self.model.rowCount()
        text = self.tr("1 event") if count == 1 else self.tr("{count} events").format(count=f"{count:,}")
        if count >= ROW_LIMIT:
            text = self.tr("the newest {count} events; narrow the filters to see older ones").format(
                count=count
            )
        self.count_label.setText(text)

    def _selected(self) -> AuditRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    @Slot(QModelIndex, QModelIndex)
    def _show_details(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_row(self.model.row_at(current.row()) if current.isValid() else None)

    def _show_row(self, row: AuditRow | None) -> None:
        self.event_pane.show_row(row)

    def retranslate_ui(self) -> None:
        self.person_box.setItemText(0, self.tr("Everyone"))
        self.action_box.setItemText(0, self.tr("All actions"))
        for index in range(1, self.action_box.count()):
            self.action_box.setItemText(index, action_label(self.action_box.itemData(index)))
        self._from_label.setText(self.tr("From"))
        self._to_label.setText(self.tr("to"))
        self.order_edit.setPlaceholderText(self.tr("Order number"))
        self.export_button.setText(self.tr("&Export CSV…"))
        self.event_pane.retranslate_ui()
        self.model.retranslate()
        self._fit_columns()
        self._update_count()
        if self._selected() is not None:
            self._show_row(self._selected())

    def _fit_columns(self) -> None:
        """The person and action columns as wide as their longest words in this language."""
        metrics, header = self.table.fontMetrics(), self.table.horizontalHeader()
        actions = [action_label(action) for action in ACTION_LABELS]
        header.resizeSection(COL_ACTION, max(map(metrics.horizontalAdvance, actions)) + 24)
        people = [self.model.person_text(self.model.row_at(row)) for row in range(self.model.rowCount())]
        people.append(self.model.headerData(COL_PERSON, Qt.Orientation.Horizontal))
        header.resizeSection(COL_PERSON, max(map(metrics.horizontalAdvance, people)) + 24)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot(str)
    def _restart_debounce(self, _text: str) -> None:
        self._debounce.start()
