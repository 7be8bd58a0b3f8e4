"""The dashboard's note on figures that lack requests' histories, and on which days.

Owns `HistoryNote`, the line above the tiles that says, in plain words, which figures
are incomplete for which days of the chosen period (app/services/metrics/coverage.py):
for good where the platform did not give a request's history, for now while the sync
still reads it (it reads every request once, newest first, after each sync's fresh
work); and the words the affected tiles carry (`tile_note`). Hidden when every figure
is whole. What it shows comes with the report, computed on the database lane.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QWidget

from app.core.translation import QT_TRANSLATE_NOOP
from app.services.metrics.coverage import HistoryCoverage
from app.views.dashboard import metric_words as words

DAY_S = 86_400
MOST_RUNS = 4  # day ranges named before "and n more days"
MISSING_STYLE = (
    "color: #9a6700; background: #fff8c5; border: 1px solid #d4a72c; border-radius: 4px; padding: 4px;"
)
PENDING_STYLE = (
    "color: #57606a; background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 4px; padding: 4px;"
)


MORE_DAYS = QT_TRANSLATE_NOOP("HistoryNote", "{days} and {count} more days")
LIST_SEPARATOR = QT_TRANSLATE_NOOP("HistoryNote", ", ")
TILE_INCOMPLETE = QT_TRANSLATE_NOOP("HistoryNote", "Incomplete on some days")
TILE_LOADING = QT_TRANSLATE_NOOP("HistoryNote", "History still loading")
MISSING = QT_TRANSLATE_NOOP(
    "HistoryNote",
    "Incomplete on {days}: {figures}. The platform did not give the history of {count} of the "
    "requests behind them.",
)
PENDING = QT_TRANSLATE_NOOP(
    "HistoryNote",
    "Still reading requests' histories from the platform ({count} to go): {figures} on {days} "
    "may still change.",
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryNote", text)


def days_text(days: tuple[int, ...]) -> str:
    """Shop days (their midnights) as ranges of consecutive days: "2026-11-12 – 2026-11-15,
    2026-11-20", the first `MOST_RUNS` of them, then how many days more."""
    runs: list[tuple[int, int]] = []
    for day in days:
        # A day is 23 to 25 hours long where clocks change: consecutive within 25 h.
        if runs and day - runs[-1][1] <= DAY_S + 3600:
            runs[-1] = (runs[-1][0], day)
        else:
            runs.append((day, day))
    shown = _tr(LIST_SEPARATOR).join(words.period_text(first, last + 1) for first, last in runs[:MOST_RUNS])
    hidden = sum(1 for first, last in runs[MOST_RUNS:] for _ in range(first, last + 1, DAY_S))
    if hidden:
        return _tr(MORE_DAYS).format(days=shown, count=hidden)
    return shown


def figures_text(coverage: HistoryCoverage) -> str:
    return _tr(LIST_SEPARATOR).join(words.label(key) for key in coverage.metrics)


class HistoryNote(QLabel):
    """The note above the tiles; hidden while every figure of the period is whole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardHistoryNote")
        self.setWordWrap(True)
        self._coverage = HistoryCoverage()
        self.hide()

    def show_coverage(self, coverage: HistoryCoverage) -> None:
        self._coverage = coverage
        self._update()

    def coverage(self) -> HistoryCoverage:
        return self._coverage

    def tile_note(self, key: str) -> str:
        """The words for an affected figure's tile ("" for a whole one)."""
        coverage = self._coverage
        if key not in coverage.metrics or coverage.complete:
            return ""
        return _tr(TILE_INCOMPLETE) if coverage.missing_days else _tr(TILE_LOADING)

    def _update(self) -> None:
        coverage = self._coverage
        lines = []
        if coverage.missing_days:
            lines.append(
                _tr(MISSING).format(
                    figures=figures_text(coverage),
                    count=f"{coverage.missing_requests:,}",
                    days=days_text(coverage.missing_days),
                )
            )
        if coverage.pending_days:
            lines.append(
                _tr(PENDING).format(
                    count=f"{coverage.pending_requests:,}",
                    figures=figures_text(coverage),
                    days=days_text(coverage.pending_days),
                )
            )
        # Every live recompute brings a coverage, mostly the same: setting the same style sheet
        # again re-polishes the label on the GUI thread, so only a change is set.
        text, style = "\n".join(lines), MISSING_STYLE if coverage.missing_days else PENDING_STYLE
        if self.text() != text:
            self.setText(text)
        if self.styleSheet() != style:
            self.setStyleSheet(style)
        self.setVisible(bool(lines))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update()
        super().changeEvent(event)
