"""How every large table of the desk is set up.

Owns `configure_big_table()`: the QTableView settings that keep a table of 100k rows
fast (fixed row heights, so Qt never measures rows; no word wrap) and readable all day
(whole-row selection, alternating rows, a header that can be rearranged), shared by
the orders screen and the refund queue so both behave the same under the hand; and
the selection helpers such tables need (`selected_rows`, `select_rows`), which work on
ranges because asking Qt about 20k selected rows one by one takes seconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

MAX_KEPT_CELLS = 4_000  # a few screens of cells


class OneCallPerCell:
    """Mixed into a big table's item model (before the Qt base class) so that painting
    a cell enters Python once, not once per role.

    A delegate paints a cell after asking for about seven roles; each separate `data()`
    call from C++ must take Python's lock again, and while a sync thread runs Python
    each take can wait. Qt's `multiData` asks for them all at once; the answers are
    also kept per cell until the model says something changed, since a table repaints
    the same cells on every hover, focus and selection change.
    """

    _cells: dict[tuple[int, int, int], dict[int, Any]] | None = None

    def multiData(self, index: Any, role_data_span: Any) -> None:  # noqa: N802 - Qt's name
        if self._cells is None:
            self._cells = {}
            for signal in (self.modelReset, self.dataChanged, self.layoutChanged, self.headerDataChanged,  # type: ignore[attr-defined]
                           self.rowsInserted, self.rowsRemoved):  # type: ignore[attr-defined]  # fmt: skip
                signal.connect(self._forget_cells)
        if len(self._cells) > MAX_KEPT_CELLS:  # scrolled far: keep memory flat
            self._cells.clear()
        cell = self._cells.setdefault((index.row(), index.column(), index.internalId()), {})
        for role_data in role_data_span:
            role = role_data.role()
            if role not in cell:
                cell[role] = self.data(index, role)  # type: ignore[attr-defined]
            role_data.setData(cell[role])

    def _forget_cells(self, *_: Any) -> None:
        if self._cells is not None:
            self._cells.clear()


def configure_big_table(table: QTableView, *, multi_select: bool = False) -> None:
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi_select
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSortingEnabled(True)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setCornerButtonEnabled(False)
    rows = table.verticalHeader()
    rows.hide()
    # Fixed row heights: a 100k-row table then never measures rows.
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(table.fontMetrics().height() + 12)
    header = table.horizontalHeader()
    header.setSectionsMovable(True)
    header.setHighlightSections(False)
    header.setMinimumSectionSize(table.fontMetrics().horizontalAdvance("M") * 4)


def size_columns(
    header: QHeaderView,
    samples: Mapping[int, Sequence[str]],
    metrics: QFontMetrics,
    *,
    padding: int = 24,
    caps: Mapping[int, int] | None = None,
) -> None:
    """Each column as wide as its widest sample text (and its title) in this font, never
    measured from the data: measuring 100k rows would stall. `caps` limits a column's
    width in pixels (its longer texts elide, whole in the tooltip)."""
    model = header.model()
    for column, texts in samples.items():
        title = str(model.headerData(column, header.orientation()) or "") if model is not None else ""
        width = max(metrics.horizontalAdvance(text) for text in [*texts, title]) + padding
        header.resizeSection(column, min(width, (caps or {}).get(column, width)))


def selected_rows(table: QTableView) -> list[int]:
    """The selected rows, in order, read from the selection's ranges."""
    rows: set[int] = set()
    for selected in table.selectionModel().selection():
        rows.update(range(selected.top(), selected.bottom() + 1))
    return sorted(rows)


def select_rows(table: QTableView, rows: Iterable[int]) -> None:
    """Add `rows` to the selection as one selection of contiguous ranges (Ctrl+A over
    20k rows must not mean 20k calls)."""
    model = table.model()
    ranges, last_column = QItemSelection(), model.columnCount() - 1
    start = previous = None
    for row in [*sorted(rows), None]:
        if start is not None and previous is not None and (row is None or row != previous + 1):
            ranges.select(model.index(start, 0), model.index(previous, last_column))
            start = None
        if row is not None:
            start = row if start is None else start
            previous = row
    table.selectionModel().select(ranges, QItemSelectionModel.SelectionFlag.Select)
