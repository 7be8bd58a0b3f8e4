"""How every large table of the desk is set up.

Owns `configure_big_table()`: the QTableView settings that keep a table of 100k rows
fast (fixed row heights, so Qt never measures rows; no word wrap) and readable all day
(whole-row selection, alternating rows, a header that can be rearranged), shared by
the orders screen and the refund queue so both behave the same under the hand.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


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
