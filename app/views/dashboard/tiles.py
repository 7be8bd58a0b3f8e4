"""The dashboard's tiles: each headline figure against its target, at a glance.

Owns `MetricTile` (a metric's name, its window value coloured by where it stands
against the target and the platform's limit, the target in words, what the figure is
over, and a red "!" badge while it is past the limit at today's pace) and
`DashboardTiles`, the grid of one tile per metric of `METRICS`. A tile is a button:
clicking it (or Enter/Space on it) asks for the rows behind the figure. A metric the
platform's data cannot give is greyed, its reason in the tooltip. Updating only
changes texts and one style property, and only where they changed, so a live update
costs next to nothing here.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.services.metrics.definitions import METRICS, MetricResult, MetricsReport
from app.services.metrics.drill_down import DRILLS
from app.views.dashboard import metric_words as words
from app.views.dashboard.metric_words import COLOURS, Standing

COLUMNS = 6
STYLE = (
    "#metricTile { background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px; }"
    '#metricTile:hover[clickable="true"] { border-color: #0969da; }'
    "#metricTile:focus { border-color: #0969da; }"
    '#metricTile[standing="unavailable"] { background: #f6f8fa; }'
    "#tileTitle { color: #57606a; }"
    "#tileValue { font-size: 16pt; font-weight: 700; }"
    "#tileTarget, #tileBasis { color: #57606a; font-size: 9pt; }"
    "#tileIncomplete { color: #9a6700; font-size: 9pt; }"
    "#tileBadge { background: #cf222e; color: #ffffff; border-radius: 9px; font-weight: 700;"
    " min-width: 18px; max-width: 18px; min-height: 18px; max-height: 18px; }"
    + "".join(f'#tileValue[standing="{s.value}"] {{ color: {COLOURS[s]}; }}' for s in Standing)
)


def _set_text(label: QLabel, text: str) -> None:
    if label.text() != text:  # a label relayouts on every setText, same text or not
        label.setText(text)


class MetricTile(QFrame):
    clicked = Signal(str)  # the metric's key

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("metricTile")
        self.setProperty("metric", key)
        self._clickable = key in DRILLS
        self.setProperty("clickable", self._clickable)
        if self._clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel(self)
        self.title.setObjectName("tileTitle")
        self.title.setWordWrap(True)
        self.badge = QLabel("!", self)
        self.badge.setObjectName("tileBadge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.hide()
        self.value = QLabel(self)
        self.value.setObjectName("tileValue")
        self.target = QLabel(self)
        self.target.setObjectName("tileTarget")
        self.target.setWordWrap(True)  # six tiles share a row: the words wrap, the row never scrolls
        self.basis = QLabel(self)
        self.basis.setObjectName("tileBasis")
        self.basis.setWordWrap(True)
        # Figures lacking requests' histories on some days (history_note.py says which).
        self.incomplete = QLabel(self)
        self.incomplete.setObjectName("tileIncomplete")
        self.incomplete.setWordWrap(True)
        self.incomplete.hide()
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(1)
        layout.addLayout(top)
        layout.addWidget(self.value)
        layout.addWidget(self.target)
        layout.addWidget(self.basis)
        layout.addWidget(self.incomplete)
        layout.addStretch(1)
        self._standing: Standing | None = None
        self._result: MetricResult | None = None
        self._alert: float | None = None
        self._live = True

    def show_result(self, result: MetricResult, alert: float | None, *, live: bool = True) -> None:
        """`alert`: the value past the platform's limit (at today's pace for a `live`
        window), else None."""
        self._result, self._alert, self._live = result, alert, live
        _set_text(self.title, words.label(self.key))
        _set_text(self.value, words.value_text(self.key, result.value))
        target = words.target_text(result, "\n") if result.available else self.tr("Not available")
        _set_text(self.target, target)
        _set_text(self.basis, words.basis_text(result))
        standing = Standing.PAST_LIMIT if alert is not None else words.standing(result)
        if standing != self._standing:
            self._standing = standing
            self.value.setProperty("standing", standing.value)
            self.setProperty("standing", standing.value)
            for widget in (self, self.value):  # a property selector re-applies on repolish
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        self.badge.setVisible(alert is not None)
        self.setToolTip(self._tooltip())

    def standing(self) -> Standing | None:
        return self._standing

    def set_incomplete(self, note: str) -> None:
        """`note`: why the figure is incomplete on some days, in the person's language ("": whole)."""
        _set_text(self.incomplete, note)
        self.incomplete.setVisible(bool(note))

    def has_alert(self) -> bool:
        return not self.badge.isHidden()

    def _tooltip(self) -> str:
        result = self._result
        if result is None:
            return ""
        lines = [words.label(self.key)]
        if self._alert is not None:
            past = (
                self.tr(
                    "At today's pace this reaches {value} by tonight, past the platform's limit of {limit}."
                )
                if self._live
                else self.tr("This is {value}, past the platform's limit of {limit}.")
            )
            lines.append(
                past.format(
                    value=words.value_text(self.key, self._alert),
                    limit=words.value_text(self.key, result.limit),
                )
            )
        if result.breakdown:
            count = self.tr("{kind}: {count}")  # Chinese writes a full-width colon
            lines += [
                count.format(kind=words.kind_label(kind), count=f"{n:,}")
                for kind, n in result.breakdown.items()
            ]
        if note := words.note_text(result):
            lines.append(note)
        if self._clickable:
            lines.append(self.tr("Click to list the orders or requests behind this figure."))
        return "\n".join(lines)

    # --- a tile is a button ---------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if (
            self._clickable
            and event.button() == Qt.MouseButton.LeftButton
            and self.rect().contains(event.position().toPoint())
        ):
            self.clicked.emit(self.key)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._clickable and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit(self.key)
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._result is not None:
            self.show_result(self._result, self._alert, live=self._live)
        super().changeEvent(event)


class DashboardTiles(QWidget):
    tile_clicked = Signal(str)

    def __init__(self, keys: Sequence[str] | None = None, parent: QWidget | None = None) -> None:
        """`keys`: the metrics the person may see, in `METRICS` order (default: all)."""
        super().__init__(parent)
        self.setObjectName("dashboardTiles")
        self.setStyleSheet(STYLE)
        self._tiles: dict[str, MetricTile] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        shown = [d.key for d in METRICS] if keys is None else list(keys)
        for index, key in enumerate(shown):
            tile = MetricTile(key, self)
            tile.clicked.connect(self.tile_clicked)
            self._tiles[key] = tile
            grid.addWidget(tile, index // COLUMNS, index % COLUMNS)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)

    def tile(self, key: str) -> MetricTile:
        return self._tiles[key]

    def tiles(self) -> list[MetricTile]:
        return list(self._tiles.values())

    def show_report(self, report: MetricsReport, alerts: dict[str, float], *, live: bool = True) -> None:
        """`alerts`: metric -> its value past the platform's limit."""
        for key, tile in self._tiles.items():
            if key in report.metrics:  # a figure withheld from this person has no tile anyway
                tile.show_result(report.metrics[key], alerts.get(key), live=live)
