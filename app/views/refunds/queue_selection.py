"""The refund queue's keyboard and selection: ticked rows, and which request is current.

Owns `QueueSelection`, mixed into `RefundQueueView` (before QWidget): the keys on the table
(Enter opens the suggested decision, A approves, R refuses, H hands the request over,
Space ticks or unticks the current row and the arrows, PageUp/PageDown, Home and End
then move on without dropping the ticks, Escape drops them; Ctrl+A is the table's own),
and the mouse rule that a plain click chooses one row again; the ticked requests and
a request made current by id, and which request follows one that was decided (the
next one waiting) or left the list (the one after it). The view supplies the table,
its model and the decisions the keys call, and restores the selection after a refresh.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt

from app.services.refunds.queue import QueueKey
from app.views.common.big_table import selected_rows

PAGE_STEP = 10  # rows PageUp/PageDown move while ticking
ALL_ROWS = 1 << 30


class QueueSelection:
    """The queue table's keys, ticks and current row; the view's `_ticking` is True once
    Space has ticked a row."""

    def _install_keys(self) -> None:
        self._table.installEventFilter(self)
        self._table.viewport().installEventFilter(self)
        self._keys: dict[int, Callable[[], None]] = {
            Qt.Key.Key_Return: self.open_current,
            Qt.Key.Key_Enter: self.open_current,
            Qt.Key.Key_A: self.approve_current,
            Qt.Key.Key_R: self.refuse_current,
            Qt.Key.Key_Space: self._toggle_current,
            Qt.Key.Key_H: self.hand_current,
        }
        self._moves = {
            Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -PAGE_STEP,
            Qt.Key.Key_PageDown: PAGE_STEP, Qt.Key.Key_Home: -ALL_ROWS, Qt.Key.Key_End: ALL_ROWS,
        }  # fmt: skip

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._table and event.type() == QEvent.Type.KeyPress:
            plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)  # type: ignore[attr-defined]
            key = event.key()  # type: ignore[attr-defined]
            action = self._keys.get(key) if plain else None
            if action is not None:
                action()
                return True
            if plain and self._ticking and key in self._moves:
                self._move_current(self._moves[key])
                return True
            if plain and self._ticking and key == Qt.Key.Key_Escape:
                self._ticking = False
                self._table.selectionModel().clearSelection()
                return True
        if watched is self._table.viewport() and event.type() == QEvent.Type.MouseButtonPress:
            # A plain click chooses one row again; Ctrl or Shift clicks add to the ticks.
            self._ticking = self._ticking and bool(event.modifiers())  # type: ignore[attr-defined]
        return super().eventFilter(watched, event)

    def _toggle_current(self) -> None:
        """Tick or untick the row the person is on; the other ticks stay. The first Space
        on the one row the arrows selected ticks that row rather than unticking it."""
        index = self._table.currentIndex()
        if not index.isValid():
            return
        first = not self._ticking
        self._ticking = True
        if first and selected_rows(self._table) == [index.row()]:
            return
        flags = QItemSelectionModel.SelectionFlag.Toggle | QItemSelectionModel.SelectionFlag.Rows
        self._table.selectionModel().select(index, flags)

    def _move_current(self, step: int) -> None:
        """Move to another row without touching the ticks."""
        count = self.model.rowCount()
        if not count:
            return
        row = min(count - 1, max(0, self._table.currentIndex().row() + step))
        self._set_current(row)

    def _set_current(self, row: int) -> None:
        """Make `row` current: while ticking the ticks stay, else it is the one row selected."""
        flags = QItemSelectionModel.SelectionFlag.NoUpdate
        if not self._ticking:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        index = self.model.index(row, max(0, self._table.currentIndex().column()))
        self._table.selectionModel().setCurrentIndex(index, flags)
        self._table.scrollTo(index)

    def selected_ids(self) -> list[str]:
        every = self.model.queue_keys()
        return [every[row].aftersale_id for row in selected_rows(self._table) if row < len(every)]

    def select_request(self, aftersale_id: str) -> bool:
        row = self.model.row_of(aftersale_id)
        if row is None:
            return False
        self._table.setCurrentIndex(self.model.index(row, 0))
        return True

    def _following(self, before: list[QueueKey], aftersale_id: str, *, skip_pending: bool) -> str | None:
        """The request after `aftersale_id` in the list as it was (`before`) that is still
        listed (and not waiting to be sent, after a decision), else the nearest before it."""
        place = next((i for i, key in enumerate(before) if key.aftersale_id == aftersale_id), None)
        if place is None:
            return None
        for candidates in (before[place + 1 :], reversed(before[:place])):
            for key in candidates:
                row = self.model.row_of(key.aftersale_id)
                if row is not None and not (skip_pending and self.model.queue_keys()[row].pending):
                    return key.aftersale_id
        return None

    def _focus_table(self) -> None:
        self._table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self._table.currentIndex().isValid() and self.model.rowCount():
            self._table.setCurrentIndex(self.model.index(0, 0))
