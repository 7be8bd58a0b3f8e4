"""The banner that says the platform cannot be reached, why, and that work is kept.

Owns `OfflineBanner`, at the top of the screens where people act (refunds, shipping)
while the sync is offline: why the platform is not reached (the network, the
platform's own trouble, a request to slow down), that what they do is saved here and
sent when it can be, with how many actions wait.

The banner never moves what is under the pointer: its line is reserved whether it
shows or not (one line, its whole text in the tooltip), so a row does not jump away
from a click when the connection comes and goes. A retry under way changes nothing
here: only a run that succeeds takes the banner away.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.services.sync_status import (
    CAUSE_NETWORK,
    CAUSE_NO_ANSWER,
    CAUSE_PLATFORM,
    CAUSE_RATE_LIMITED,
    SyncState,
    SyncStatus,
)
from app.views.common.elided_label import ElidedLabel

STYLE = "background: #fff1c2; color: #5c4400; padding: 8px; border-radius: 4px;"
# The reserved line: the same colours, one line high, with no background while empty.
LINE_STYLE = "background: {background}; color: #5c4400; padding: 0 8px; border-radius: 4px;"
VERTICAL_PADDING = 6
# States that say where the connection stands; the others ("syncing", "starting") leave
# the banner as it is, so a run under way does not hide it and show it again.
SHOWS = {SyncState.OFFLINE: True, SyncState.ONLINE: False, SyncState.STANDING_BY: False,
         SyncState.NEEDS_ATTENTION: False}  # fmt: skip


class BannerLine(ElidedLabel):
    """A banner's line, reserved whether it says something or not: one line high, cut
    short to the width it is given (the whole sentence in its tooltip)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, inset_chars=1)  # the style's padding
        # The width is the screen's to give: a long sentence is cut short, never widens it.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(1)
        self._fit_height()
        self.show_words("")

    def show_words(self, words: str) -> None:
        """Say `words` on the banner; "" leaves its line empty (and still there)."""
        self.set_full_text(words)
        self.setToolTip(words)
        background = "#fff1c2" if words else "transparent"
        if self.property("background") != background:  # re-polishing on every count is waste
            self.setProperty("background", background)
            self.setStyleSheet(LINE_STYLE.format(background=background))

    def words_shown(self) -> str | None:
        return self.full_text() or None

    def _fit_height(self) -> None:
        self.setFixedHeight(self.fontMetrics().height() + 2 * VERTICAL_PADDING)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()
        super().changeEvent(event)


class OfflineBanner(BannerLine):
    def __init__(self, parent: QWidget | None = None) -> None:
        self._offline = False
        self._cause = ""
        self._waiting = 0
        super().__init__(parent)
        self.setObjectName("offlineBanner")

    def set_state(self, state: SyncState | None = None, waiting: int | None = None) -> None:
        if state is not None and state in SHOWS:
            self._offline = SHOWS[state]
        if waiting is not None:
            self._waiting = waiting
        self._update()

    def set_status(self, status: SyncStatus) -> None:
        """The sync's latest word: shown while it cannot reach the platform, with why."""
        if status.state in SHOWS:
            self._cause = status.cause
        self.set_state(status.state)

    def text_shown(self) -> str | None:
        return self.words_shown()

    def _sentence(self) -> str:
        if self._cause == CAUSE_NETWORK:
            return self.tr(
                "Offline: the platform cannot be reached — your work is saved here and will be sent "
                "when the connection returns."
            )
        if self._cause == CAUSE_NO_ANSWER:
            return self.tr(
                "The platform is not answering — your work is saved here and will be sent when it does."
            )
        if self._cause == CAUSE_PLATFORM:
            return self.tr(
                "The platform is having trouble — your work is saved here and will be sent once it works "
                "again."
            )
        if self._cause == CAUSE_RATE_LIMITED:
            return self.tr(
                "The platform asked us to slow down — your work is saved here and will be sent in a moment."
            )
        return self.tr("Offline — your work is saved here and will be sent when the connection returns.")

    def _update(self) -> None:
        words = ""
        if self._offline:
            words = self._sentence()
            if self._waiting:
                words += " " + self.tr("{count} waiting to be sent.").format(count=self._waiting)
        self.show_words(words)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update()
        super().changeEvent(event)
