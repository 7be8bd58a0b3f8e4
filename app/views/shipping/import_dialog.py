"""Shipping many orders from a spreadsheet: the file, a preview of every row, then one button.

Owns `ShipmentImportDialog` and its table model. The person picks a CSV or XLSX file
(or the caller passes one); reading it (work lane) and checking every row (database
lane) run through `BackgroundTasks`, never on the GUI thread. The table shows each
row as the platform would receive it, with its status: "Ready", or in red the plain
reason it cannot be shipped. Nothing is sent until "Ship N orders", which queues the
ready rows in one transaction (all or nothing, see `shipment_import.ship_rows`),
emits `shipped` with their order ids and closes. A file that cannot be read at all,
or a batch refused because something changed since the preview, is said in the
dialog in plain words; after the latter the preview is refreshed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from app.services.people.permissions import Actor, PermissionDenied
from app.services.shipping import shipment_import
from app.services.shipping.shipment_import import BatchShipRefused, ImportFileProblem, ImportRow, PreviewRow
from app.services.shipping.shipments import ShipmentRefused
from app.views.common.background import WORK_LANE, BackgroundTasks
from app.views.common.big_table import configure_big_table
from app.views.common.people_words import refusal_text, service_words
from app.views.common.table_model import ALIGN_RIGHT, Column, ColumnTableModel

log = logging.getLogger(__name__)
PROBLEM_COLOUR = QColor("#c62828")
READY_COLOUR = QColor("#1a7f37")
CELL_PADDING = 6  # what the style leaves on each side of a cell's text


def import_error_text(error: BaseException) -> str:
    """Why a file could not be previewed or a batch not shipped, in the person's language."""
    if isinstance(error, BatchShipRefused):
        return refusal_text(error) + "\n" + refusal_text(error.reason)
    return refusal_text(error)


class ImportPreviewModel(ColumnTableModel):
    """The previewed rows, in file order; the status column says ready or why not."""

    COL_ROW, COL_ORDER, COL_CARRIER, COL_TRACKING, COL_STATUS = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[PreviewRow] = []
        self.columns = [
            Column(lambda row: str(row.row_number), ALIGN_RIGHT),
            Column(lambda row: row.order_id),
            Column(lambda row: row.carrier_name),
            Column(lambda row: row.tracking_no),
            Column(self.status_text, tooltip=self.status_text,
                   foreground=lambda row: READY_COLOUR if row.ready else PROBLEM_COLOUR),
        ]  # fmt: skip
        self.retranslate()

    def set_rows(self, rows: Sequence[PreviewRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self.rows)

    def row_at(self, row: int) -> PreviewRow:
        return self.rows[row]

    def status_text(self, row: PreviewRow) -> str:
        """Ready (with how the carrier was found, or that its format is not checked here),
        or why the row cannot be shipped: the whole sentence, wrapped in the cell."""
        if row.problem is not None:
            return refusal_text(row.problem)
        note = service_words("shipping", row.note, row.note_params) if row.note else ""
        return f"{self.tr('Ready')} · {note}" if note else self.tr("Ready")

    def retranslate(self) -> None:
        self.set_headers(
            [
                self.tr("Row"),
                self.tr("Order"),
                self.tr("Carrier"),
                self.tr("Tracking number"),
                self.tr("Status"),
            ]
        )


class ShipmentImportDialog(QDialog):
    """Preview a shipping file, then ship its ready rows; `shipped(order_ids)` on success."""

    shipped = Signal(list)
    # A preview attempt ended: the table is filled, or the file's problem is shown.
    preview_finished = Signal()

    def __init__(
        self,
        tasks: BackgroundTasks,
        sessions: sessionmaker[Session],
        actor: Actor,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.time,
        path: str | Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shipmentImportDialog")
        self._tasks, self._sessions, self._actor, self._clock = tasks, sessions, actor, clock
        self._key = f"shipment_import.{id(self)}"
        self._path: Path | None = None
        self._rows: list[ImportRow] = []  # as read, kept to check again after a refused batch
        self._busy_text = ""  # what runs now ("" when idle)
        self._shipping = False

        self.file_label = QLabel(self)
        self.file_label.setObjectName("importFile")
        self.choose_button = QPushButton(self)
        self.choose_button.clicked.connect(self.choose_file)
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #6e7781;")
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("importCounts")
        self.counts_label.setStyleSheet("font-weight: 600;")
        self.model = ImportPreviewModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("importPreview")
        self.table.setModel(self.model)
        configure_big_table(self.table)  # the same table manners as every list of the desk
        self.table.setSortingEnabled(False)  # file order: row numbers match the spreadsheet
        # A reason is a sentence: it wraps in its cell (rows grow to fit, see _fit_rows), and
        # every column, the status one too, can be widened by dragging.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.table.horizontalHeader()
        for column, width in ((0, 48), (1, 170), (2, 110), (3, 150)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.sectionResized.connect(lambda *_: self._fit_rows())
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.detail_label = QLabel(self)  # the current row's whole message, which the cell elides
        self.detail_label.setObjectName("importDetail")
        self.detail_label.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(self)
        self.ship_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ship_button.setObjectName("shipImported")
        self.ship_button.setDefault(True)
        self.ship_button.clicked.connect(self.ship)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.clicked.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(860, 520)
        self.retranslate_ui()
        if path is not None:
            self.load(path)

    # --- what the person does -----------------------------------------------------------------
    def choose_file(self) -> bool:
        """Ask for the file; False when the person cancelled."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a shipping file"),
            str(self._path.parent) if self._path else "",
            self.tr("Spreadsheets (*.xlsx *.csv)"),
        )
        if path:
            self.load(path)
        return bool(path)

    def load(self, path: str | Path) -> None:
        """Read the file and preview every row, off the GUI thread."""
        self._path = Path(path)
        self._rows = []
        self.model.set_rows([])
        self.error_label.clear()
        self._set_busy(self.tr("Reading the file…"))
        file = self._path
        self._tasks.run(
            self._key,
            lambda: shipment_import.read_shipment_file(file),
            self._check_rows,
            self._refused,
            lane=WORK_LANE,
        )

    def ship(self) -> None:
        """Queue every ready row (one transaction); `shipped` and close when it committed."""
        rows, ready = self.model.rows, self.ready_count()
        if self._busy_text or not ready:
            return
        actor, sessions, now = self._actor, self._sessions, int(self._clock())

        def ship_all() -> list[str]:
            with sessions.begin() as session:
                return shipment_import.ship_rows(session, actor, rows, now=now)

        self._shipping = True
        self.error_label.clear()
        self._set_busy(self.tr("Shipping {count} orders…").format(count=ready))
        self._tasks.run(f"{self._key}.ship", ship_all, self._shipped, self._ship_refused)

    # --- answers --------------------------------------------------------------------------------
    def _check_rows(self, rows: list[ImportRow]) -> None:
        self._rows = rows
        actor, now = self._actor, int(self._clock())
        self._set_busy(self.tr("Checking {count} rows…").format(count=len(rows)))
        self._tasks.read(
            self._key,
            self._sessions,
            lambda session: shipment_import.preview(session, actor, rows, now=now),
            self._previewed,
            self._refused,
        )

    def _previewed(self, previews: list[PreviewRow]) -> None:
        self.model.set_rows(previews)
        self._set_busy("")
        self._fit_rows()
        if previews:
            self.table.selectRow(0)
        self.preview_finished.emit()

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, ImportFileProblem | PermissionDenied):
            log.error("reading a shipping file failed", exc_info=error)
        self.model.set_rows([])
        self.error_label.setText(import_error_text(error))
        self._set_busy("")
        self.preview_finished.emit()

    def _shipped(self, order_ids: list[str]) -> None:
        self._shipping = False
        self._set_busy("")
        self.shipped.emit(order_ids)
        self.accept()

    def _ship_refused(self, error: BaseException) -> None:
        self._shipping = False
        if not isinstance(error, ShipmentRefused | PermissionDenied):
            log.error("shipping from a file failed", exc_info=error)
        self._set_busy("")
        text = import_error_text(error)
        if isinstance(error, BatchShipRefused) and self._rows:
            self._check_rows(self._rows)  # show what changed; the person decides again
        self.error_label.setText(text)

    # --- how it looks ----------------------------------------------------------------------------
    def ready_count(self) -> int:
        return sum(1 for row in self.model.rows if row.ready)

    def counts_text(self) -> str:
        return self.counts_label.text()

    def _set_busy(self, text: str) -> None:
        self._busy_text = text
        self.retranslate_ui()

    def _fit_rows(self) -> None:
        """Rows whose status does not fit on one line grow to show all of it; the others
        keep the one-line height (measured with the font: 5,000 rows cost nothing)."""
        table, column = self.table, ImportPreviewModel.COL_STATUS
        width = max(1, table.columnWidth(column) - 2 * CELL_PADDING)
        metrics, one_line = table.fontMetrics(), table.verticalHeader().defaultSectionSize()
        for index, row in enumerate(self.model.rows):
            text = self.model.status_text(row)
            lines = metrics.boundingRect(0, 0, width, 100_000, Qt.TextFlag.TextWordWrap, text).height()
            height = max(one_line, lines + one_line - metrics.height())
            if table.rowHeight(index) != height:
                table.setRowHeight(index, height)

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or current.row() >= len(self.model.rows):
            self.detail_label.clear()
            return
        row = self.model.rows[current.row()]
        text = self.tr("Row {row}: {status}").format(row=row.row_number, status=self.model.status_text(row))
        self.detail_label.setText(text)
        self.detail_label.setStyleSheet("" if row.ready else "color: #c62828;")

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Ship orders from a file"))
        self.choose_button.setText(self.tr("Choose file…"))
        if self._path is None:
            self.file_label.setText(self.tr("No file chosen yet."))
        else:
            self.file_label.setText(self.tr("File: {name}").format(name=self._path.name))
            self.file_label.setToolTip(str(self._path))
        self.hint_label.setText(
            self.tr(
                "One row per parcel, with columns for the order id (订单号), the carrier (快递公司; left "
                "empty, it is read from the tracking number) and the tracking number (运单号), in any order. "
                "Nothing is sent until you press Ship."
            )
        )
        ready = self.ready_count()
        problems = len(self.model.rows) - ready
        if self._busy_text:
            self.counts_label.setText(self._busy_text)
        elif self.model.rows:
            self.counts_label.setText(
                self.tr("{ready} ready, {problems} with problems").format(ready=ready, problems=problems)
            )
        else:
            self.counts_label.clear()
        if ready == 1:
            self.ship_button.setText(self.tr("Ship 1 order"))
        else:
            self.ship_button.setText(self.tr("Ship {count} orders").format(count=ready))
        self.ship_button.setEnabled(ready > 0 and not self._busy_text)
        self.choose_button.setEnabled(not self._shipping)
        self.close_button.setEnabled(not self._shipping)
        self.model.retranslate()
        self._fit_rows()  # another language, other line breaks
        self._show_detail(self.table.currentIndex(), QModelIndex())

    def reject(self) -> None:
        if self._shipping:  # the batch commits or not in a moment; its answer needs this dialog
            return
        super().reject()

    def done(self, result: int) -> None:
        self._tasks.cancel(self._key)  # a file still being read or checked: drop its answer
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
