"""A one-line label that cuts a long sentence short with "…" instead of clipping it.

Owns `ElidedLabel`: the status bar's sync sentence and the screens' banner lines hold
sentences whose length the platform decides (an error naming an address and where to
add it). Clipped at the window's edge, such a sentence ends mid-word and looks like a
fault of the screen; cut short with "…", it reads as "there is more", and the whole
sentence is in the tooltip (or wherever the owner of the label puts it).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

# The narrowest a label asks to be: enough for a few words and the "…".
MIN_WIDTH_CHARS = 12


class ElidedLabel(QLabel):
    """A plain-text line that asks for its whole sentence's width and, given less, shows
    as much as fits followed by "…". `text()` stays what is shown; `full_text()` is the
    sentence. `inset_chars`: room kept free of text on each side (a padded style)."""

    def __init__(self, parent: QWidget | None = None, *, inset_chars: int = 0) -> None:
        super().__init__(parent)
        self._full = ""
        self._inset_chars = inset_chars
        self.setWordWrap(False)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def set_full_text(self, text: str) -> None:
        if text == self._full:
            return
        self._full = text
        self.updateGeometry()  # the width it asks for follows the sentence
        self._elide()

    def full_text(self) -> str:
        return self._full

    def is_cut_short(self) -> bool:
        return self.text() != self._full

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self._room_for(self._full), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        narrowest = self.fontMetrics().horizontalAdvance("M") * MIN_WIDTH_CHARS
        return QSize(min(narrowest, self._room_for(self._full)), hint.height())

    def _room_for(self, text: str) -> int:
        margins = self.contentsMargins()
        inset = 2 * self._inset_chars * self.fontMetrics().horizontalAdvance("M")
        return self.fontMetrics().horizontalAdvance(text) + margins.left() + margins.right() + inset + 2

    def _elide(self) -> None:
        margins = self.contentsMargins()
        inset = 2 * self._inset_chars * self.fontMetrics().horizontalAdvance("M")
        room = max(0, self.width() - margins.left() - margins.right() - inset)
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
            self._elide()
        super().changeEvent(event)
