"""The one table-model base (app/views/common/table_model.py): a column map says how each
cell reads and which columns sort; the base answers Qt for every table of the desk."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.views.common.table_model import ALIGN_RIGHT, ROW_ROLE, Column, ColumnTableModel

RED = QColor("#c62828")


@dataclass(frozen=True)
class Parcel:
    tracking: str
    grams: int


class ParcelModel(ColumnTableModel):
    """A small table: the tracking number sorts, the weight reads right-aligned and red when heavy."""

    def __init__(self, parcels: list[Parcel]) -> None:
        super().__init__(sort_key="tracking")
        self.parcels = parcels
        self.columns = [
            Column(lambda p: p.tracking, sort_key="tracking", tooltip=lambda p: f"Parcel {p.tracking}"),
            Column(lambda p: f"{p.grams} g", ALIGN_RIGHT, ALIGN_RIGHT,
                   foreground=lambda p: RED if p.grams > 1000 else None),
        ]  # fmt: skip
        self.set_headers(["Tracking", "Weight"])

    def row_count(self) -> int:
        return len(self.parcels)

    def row_at(self, row: int) -> Parcel | None:
        return self.parcels[row] if 0 <= row < len(self.parcels) else None


def parcels() -> ParcelModel:
    return ParcelModel([Parcel("SF1", 300), Parcel("SF2", 2500)])


def test_a_model_built_on_the_base_keeps_qts_contract(qtmodeltester, qapp) -> None:
    qtmodeltester.check(parcels())


def test_each_cell_reads_as_its_column_says(qapp) -> None:
    model = parcels()
    light, heavy = model.index(0, 1), model.index(1, 1)
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert heavy.data() == "2500 g"
    assert heavy.data(Qt.ItemDataRole.TextAlignmentRole) == ALIGN_RIGHT
    assert heavy.data(Qt.ItemDataRole.ForegroundRole) == RED
    assert light.data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Parcel SF1"
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None  # Qt's own
    assert model.index(1, 0).data(ROW_ROLE) == Parcel("SF2", 2500)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Weight"
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole) == ALIGN_RIGHT


def test_a_header_click_records_the_wish_to_sort_and_only_sortable_columns_sort(qtbot, qapp) -> None:
    model = parcels()
    wishes: list[tuple[str, bool]] = []
    model.sort_changed.connect(lambda key, descending: wishes.append((key, descending)))
    model.sort(1, Qt.SortOrder.DescendingOrder)  # the weight does not sort
    model.sort(0, Qt.SortOrder.AscendingOrder)  # as it is already: nothing to ask again
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert wishes == [("tracking", True)]
    assert model.sort_spec == ("tracking", True)


def test_new_headers_ask_qt_to_read_every_cell_again(qtbot, qapp) -> None:
    model = parcels()
    with qtbot.waitSignals([model.headerDataChanged, model.dataChanged]):
        model.set_headers(["单号", "重量"])
    assert model.headerData(0, Qt.Orientation.Horizontal) == "单号"


def test_a_repaint_of_one_column_covers_only_the_rows_there_are(qtbot, qapp) -> None:
    model = parcels()
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.repaint_column(1, 1, None, [Qt.ItemDataRole.DisplayRole])
    first, last = changed.args[0], changed.args[1]
    assert (first.row(), first.column(), last.row(), last.column()) == (1, 1, 1, 1)
