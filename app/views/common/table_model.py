"""The one way the desk's item models describe their columns, and the table model built on it.

Owns `Column` — one column of a table: how a cell reads (its words, and where it has
them its colour, background, font, icon and tooltip), its alignment, and the service's
sort key behind it — and `ColumnCells`, which answers Qt's questions about a cell and
a header from a model's column map (`self.columns`, one `Column` per column number).
`ColumnTableModel` adds the scaffolding every flat table repeats: the row and column
counts, the backing row under `ROW_ROLE`, the sort wish (a header click records it and
emits `sort_changed`; the screen asks the service again, which sorts in SQL), the
repaint of one column over some rows (a live countdown), and the headers in the
person's language (`set_headers`). A subclass says where its rows are (`row_count`,
`row_at`) and builds its column map; a tree (the shipping board) mixes in
`ColumnCells` alone, keeping its own parents and children. The big tables (100k rows)
add `big_table.OneCallPerCell` in front, so painting a cell enters Python once.

The readers in a column map are the model's bound methods or small lambdas: a cell is
formatted only when Qt asks for it, so a table of 100k rows costs what is on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)
# The backing row of a cell, for the screens (each model's own name for it is this role).
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

Reader = Callable[[Any], Any]  # a row -> what the cell shows for one role (None: nothing)


@dataclass(frozen=True, slots=True)
class Column:
    """One column: how its cells read, and how it sorts. A reader left None answers nothing."""

    text: Callable[[Any], str]  # the cell's words
    align: int | None = None  # the cells' alignment; None: Qt's own
    header_align: int | None = None  # the header's alignment; None: Qt's own
    sort_key: str | None = None  # the service's sort key behind the column; None: it does not sort
    tooltip: Reader | None = None
    foreground: Reader | None = None  # a QColor
    background: Reader | None = None  # a QColor
    font: Reader | None = None  # a QFont
    decoration: Reader | None = None  # a QIcon


def sort_keys(columns: Sequence[Column]) -> dict[int, str]:
    """Column number -> the service's sort key, for the columns that sort."""
    return {number: column.sort_key for number, column in enumerate(columns) if column.sort_key}


class ColumnCells:
    """Mixed into an item model (before the Qt base class): cells and headers from
    `self.columns`, headers' words from `self.headers`."""

    columns: Sequence[Column] = ()
    headers: Sequence[str] = ()

    def cell_data(self, row: Any, column: int, role: int) -> Any:
        """What the cell of `row` in `column` shows for `role` (None: nothing)."""
        if not 0 <= column < len(self.columns):
            return None
        described = self.columns[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return described.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return described.align
        reader = _reader(described, role)
        return reader(row) if reader is not None else None

    def header_data(self, section: int, orientation: Qt.Orientation, role: int) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if section < len(self.headers) else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.columns[section].header_align
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tooltip(section)
        return None

    def header_tooltip(self, section: int) -> str | None:
        """A header's tooltip; none unless a model says otherwise."""
        return None


def _reader(column: Column, role: int) -> Reader | None:
    if role == Qt.ItemDataRole.ToolTipRole:
        return column.tooltip
    if role == Qt.ItemDataRole.ForegroundRole:
        return column.foreground
    if role == Qt.ItemDataRole.BackgroundRole:
        return column.background
    if role == Qt.ItemDataRole.FontRole:
        return column.font
    if role == Qt.ItemDataRole.DecorationRole:
        return column.decoration
    return None


class ColumnTableModel(ColumnCells, QAbstractTableModel):
    """A flat table of rows described by a column map. Subclasses give `row_count()`,
    `row_at(position)` (None: not there, or not read yet) and `columns`; a big table
    mixes `big_table.OneCallPerCell` in before it."""

    # The person clicked a sortable header: (the service's sort key, descending).
    sort_changed = Signal(str, bool)

    def __init__(
        self, parent: QObject | None = None, *, sort_key: str = "", descending: bool = False
    ) -> None:
        super().__init__(parent)
        self._sort_key = sort_key
        self._descending = descending

    # --- where the rows are (the subclass's) ------------------------------------------------
    def row_count(self) -> int:
        raise NotImplementedError

    def row_at(self, row: int) -> Any:
        raise NotImplementedError

    # --- headers, repaints, sorting -----------------------------------------------------------
    def set_headers(self, headers: Sequence[str]) -> None:
        """The headers in the person's language; every cell is asked again (their words too)."""
        self.headers = list(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        self.all_changed()

    def all_changed(self) -> None:
        count = self.row_count()
        if count:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(self.columns) - 1))

    def repaint_column(self, column: int, first_row: int, last_row: int | None, roles: list[int]) -> None:
        """Ask again for `roles` of `column` in rows `first_row..last_row` (None: the last)."""
        count = self.row_count()
        if not count:
            return
        last = count - 1 if last_row is None else min(last_row, count - 1)
        first = max(0, first_row)
        if first <= last:
            self.dataChanged.emit(self.index(first, column), self.index(last, column), roles)

    @property
    def sort_spec(self) -> tuple[str, bool]:
        return self._sort_key, self._descending

    def set_sort_spec(self, key: str, descending: bool) -> None:
        self._sort_key, self._descending = key, descending

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Record the wish to sort by `column`; the screen asks the service again."""
        key = self.columns[column].sort_key if 0 <= column < len(self.columns) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort_key, self._descending):
            return
        self._sort_key, self._descending = key, descending
        self.sort_changed.emit(key, descending)

    # --- QAbstractTableModel ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return self.header_data(section, orientation, role)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        return self.cell_data(row, index.column(), role)
