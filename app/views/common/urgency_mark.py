"""Keeping an urgent countdown red when its row is selected.

Owns `UrgencyMarkDelegate`. A selected row is painted in the selection colours, which
hide the red of a deadline within the hour exactly when the clerk is looking at that
request. The delegate paints the cell as usual, then, in a selected row whose
countdown is red, a red bar down the cell's right edge (clear of the left-aligned
text), so the urgency stays visible.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

BAR_WIDTH = 5


class UrgencyMarkDelegate(QStyledItemDelegate):
    def __init__(self, red: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._red = QColor(red)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        colour = index.data(Qt.ItemDataRole.ForegroundRole)
        if (
            option.state & QStyle.StateFlag.State_Selected
            and isinstance(colour, QColor)
            and colour == self._red
        ):
            rect = option.rect
            painter.fillRect(
                QRect(rect.right() - BAR_WIDTH, rect.top() + 1, BAR_WIDTH, rect.height() - 2), self._red
            )
