"""The big tables' model helper: painting a cell asks the model once for every role
(`multiData`), keeps the answers until the model reports a change, and never keeps
more than a few screens of cells."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from app.views.common import big_table
from app.views.common.big_table import OneCallPerCell


class Counting(OneCallPerCell, QAbstractTableModel):
    def __init__(self, rows: int = 50) -> None:
        super().__init__()
        self.rows, self.calls, self.word = rows, 0, "old"

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.rows

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        self.calls += 1
        return f"{self.word} {index.row()}" if role == Qt.ItemDataRole.DisplayRole else None


def painted(qtbot, model: Counting) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 300)
    view.show()
    qtbot.waitUntil(lambda: model.calls > 0)  # the first paint asked for the visible cells
    return view


def test_a_repaint_of_unchanged_cells_asks_the_model_nothing(qtbot) -> None:
    model = Counting()
    view = painted(qtbot, model)
    view.viewport().repaint()
    asked = model.calls
    assert asked > 0
    view.viewport().repaint()
    assert model.calls == asked


def test_a_change_the_model_reports_is_painted(qtbot) -> None:
    model = Counting()
    view = painted(qtbot, model)
    view.viewport().repaint()
    model.word = "new"
    model.dataChanged.emit(model.index(0, 0), model.index(0, 2))
    asked = model.calls
    view.viewport().repaint()
    assert model.calls > asked
    image_text_source = model.index(0, 0).data()
    assert image_text_source == "new 0"


def test_scrolling_far_keeps_memory_flat(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(big_table, "MAX_KEPT_CELLS", 60)
    model = Counting(rows=2_000)
    view = painted(qtbot, model)
    for row in range(0, 2_000, 40):
        view.scrollTo(model.index(row, 0))
        view.viewport().repaint()
        assert model._cells is not None and len(model._cells) <= 60 + 3 * 40
