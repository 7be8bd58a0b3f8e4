"""The records the platform sent that the sync could not keep, on the "needs attention" screen.

Owns `SetAsideTable`, mixed into `NeedsAttentionView` (before QWidget): the table of
those records (`needs_attention.set_aside_records`) — which order or request, how it
is dated, why, in plain words, with the technical detail and the record as received
in the tooltip — shown only when there are any. Each leaves the list once the
platform sends it corrected, or when the owner dismisses it (Dismiss,
`needs_attention.dismiss_set_aside`) having dealt with it in the platform's own back
office; the record stays kept as received. The view supplies the background tasks,
the person, the error line and `refresh`.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from app.services.attention import needs_attention
from app.services.attention.needs_attention import SetAsideRecord
from app.services.people import permissions
from app.services.people.permissions import Action
from app.views.common import formatting

COL_RECORD, COL_SEEN, COL_WRONG = range(3)  # the set-aside records' table
RAW_TOOLTIP_CHARS = 600  # of the record as received, in a tooltip


class SetAsideTable:
    """The set-aside records, their table and the owner's Dismiss."""

    _tz: tzinfo  # the shop's clock (its rule set's), the times are shown on

    def _build_set_aside(self) -> QHBoxLayout:
        """The intro, the table and the Dismiss button; the row of buttons to lay out."""
        self.set_aside_intro = QLabel(self)
        self.set_aside_intro.setWordWrap(True)
        self.set_aside_table = QTableWidget(0, 3, self)
        self.set_aside_table.setObjectName("setAsideTable")
        self.set_aside_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.set_aside_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.set_aside_table.verticalHeader().hide()
        self.set_aside_table.setWordWrap(True)
        set_aside_header = self.set_aside_table.horizontalHeader()
        set_aside_header.setSectionResizeMode(COL_WRONG, QHeaderView.ResizeMode.Stretch)
        for column, letters in ((COL_RECORD, 30), (COL_SEEN, 14)):
            set_aside_header.resizeSection(column, self.fontMetrics().horizontalAdvance("M") * letters)
        # Rows follow their wrapped text at the columns' final widths (a handful of rows).
        self.set_aside_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.set_aside_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.dismiss_set_aside_button = QPushButton(self)
        self.dismiss_set_aside_button.setObjectName("dismissSetAsideButton")
        set_aside_buttons = QHBoxLayout()
        set_aside_buttons.addWidget(self.dismiss_set_aside_button)
        set_aside_buttons.addStretch(1)
        return set_aside_buttons

    def set_aside(self) -> list[SetAsideRecord]:
        return list(self._set_aside)

    def _on_set_aside(self, records: list[SetAsideRecord]) -> None:
        before = len(self._set_aside)
        self._set_aside = records
        table = self.set_aside_table
        table.setRowCount(len(records))
        for row, record in enumerate(records):
            tooltip = self._set_aside_tooltip(record)
            for column, text in enumerate(self._set_aside_texts(record)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(tooltip)
                table.setItem(row, column, cell)
        self.set_aside_intro.setVisible(bool(records))
        table.setVisible(bool(records))
        self.dismiss_set_aside_button.setVisible(bool(records))
        self._update_dismiss_button()
        self._show_what_is_there()
        if before != len(records):
            self.title_changed.emit()
        self.set_aside_loaded.emit()

    def set_aside_texts(self, row: int) -> list[str]:
        """The cells of a set-aside record's row, as shown."""
        return [self.set_aside_table.item(row, column).text() for column in range(3)]

    def _set_aside_texts(self, record: SetAsideRecord) -> list[str]:
        if not record.record_id:
            subject = (
                self.tr("An order whose number could not be read")
                if record.stream == "orders"
                else self.tr("An after-sale request whose number could not be read")
            )
        elif record.stream == "orders":
            subject = self.tr("Order {order}").format(order=record.record_id)
        else:
            subject = self.tr("After-sale request {request}").format(request=record.record_id)
        if record.update_time is not None:
            subject += "\n" + self.tr("dated {time}").format(
                time=_time_or_number(record.update_time, self._tz)
            )
        seen = formatting.shop_time(record.first_seen_at, tz=self._tz)
        if record.last_seen_at != record.first_seen_at:
            seen += "\n" + self.tr("again {time}").format(
                time=formatting.shop_time(record.last_seen_at, tz=self._tz)
            )
        return [subject, seen, QCoreApplication.translate("sync", record.reason)]

    def _set_aside_tooltip(self, record: SetAsideRecord) -> str:
        raw = record.raw if len(record.raw) <= RAW_TOOLTIP_CHARS else record.raw[:RAW_TOOLTIP_CHARS] + "…"
        return self.tr("Detail: {detail}\nAs received: {raw}").format(detail=record.detail or "—", raw=raw)

    def _selected_set_aside(self) -> SetAsideRecord | None:
        rows = self.set_aside_table.selectionModel().selectedRows()
        return self._set_aside[rows[0].row()] if rows and rows[0].row() < len(self._set_aside) else None

    def _may_dismiss(self) -> bool:
        return self._actor is not None and permissions.allowed(self._actor, Action.DISMISS_SET_ASIDE_RECORD)

    def _update_dismiss_button(self) -> None:
        button = self.dismiss_set_aside_button
        button.setEnabled(self._selected_set_aside() is not None and self._may_dismiss())
        if self._may_dismiss():
            button.setToolTip(
                self.tr(
                    "Take this record off the list once you have dealt with it in the platform's own "
                    "back office. It stays kept as received; a later bad version comes back."
                )
            )
        else:
            button.setToolTip(self.tr("Only the shop owner can dismiss a record."))

    def _dismiss_set_aside(self) -> None:
        record, actor, sessions = self._selected_set_aside(), self._actor, self._sessions
        now = int(self._clock())
        if record is None or actor is None:
            return
        self.error_label.setText("")

        def work() -> None:
            with sessions.begin() as session:
                needs_attention.dismiss_set_aside(session, actor, record.id, now=now)

        def done(_none: None) -> None:
            self.refresh()
            self.resolved.emit()

        self._tasks.run("attention.dismiss", work, done, self._refused)

    def _retranslate_set_aside(self) -> None:
        self.set_aside_intro.setText(
            self.tr(
                "The platform sent these records in a form this computer cannot keep. They are kept "
                "as received and the sync went on without them. A corrected version from the platform "
                "replaces each one on its own; if one stays, tell the platform's support its number. "
                "Once you have dealt with one in the platform's own back office, the owner can dismiss it."
            )
        )
        self.set_aside_table.setHorizontalHeaderLabels(
            [self.tr("Order or request"), self.tr("First received"), self.tr("What is wrong")]
        )
        self.dismiss_set_aside_button.setText(self.tr("Dismiss"))
        self._update_dismiss_button()


def _time_or_number(instant: int, tz: tzinfo) -> str:
    """A shop time, or the number itself for an instant no calendar reaches."""
    try:
        return formatting.shop_time(instant, tz=tz)
    except (OverflowError, ValueError, OSError):
        return str(instant)
