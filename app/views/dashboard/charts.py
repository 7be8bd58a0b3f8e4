"""The dashboard's charts: each metric per shop day (or hour) over the window, live.

Owns `ChartCard` (one pyqtgraph plot with a date axis in shop time, its title, a
legend and a read-out of the point under the mouse) and `DashboardCharts`, the grid of
the charts of a `ChartSpec` set (`chart_specs.py`: which charts, their colours). Every
plot item — curves, points, bars, the target and limit lines — is created once, here,
and a new report only `setData`s them, so a chart updated every second for a day holds
the same items it started with (pyqtgraph's scrollingPlots pattern). Points answer the
mouse: hovering shows the bucket's figures, clicking one asks for the rows behind that
metric in that bucket.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.core.shop_time import SHOP_TZ
from app.services.metrics.definitions import MetricsReport
from app.services.metrics.drill_down import DRILLS
from app.services.metrics.service_metrics import BUCKET_SECONDS
from app.views.dashboard import metric_words as words
from app.views.dashboard.chart_axes import ShopDateAxis, round_up, whole_step
from app.views.dashboard.chart_specs import (
    CHARTS,
    KIND_COLOURS,
    LIMIT_COLOUR,
    SERIES_COLOURS,
    TARGET_COLOUR,
    ChartSpec,
)

COLUMNS = 2
BAR_SHARE = 0.8  # of a bucket's width
STYLE = (
    "#chartCard { background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px; }"
    "#chartTitle { font-weight: 600; } #chartReadout, #chartLegend { color: #57606a; font-size: 9pt; }"
)


def _array(values: list[float | None]) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in values], dtype=float)


def _swatch(colour: str, text: str) -> str:
    return f'<span style="color:{colour}">■</span> {text}'


class ChartCard(QFrame):
    """One chart; `point_clicked(metric, bucket_start)` when a point is clicked."""

    point_clicked = Signal(str, int)

    def __init__(
        self,
        spec: ChartSpec,
        *,
        floor: float = 0.0,
        ceiling: float | None = None,
        parent: QWidget | None = None,
        tz: tzinfo = SHOP_TZ,
    ) -> None:
        """`floor` and `ceiling`: the lowest and highest the figure can be (the score's 50–100);
        `tz`: the shop's clock (its rule set's)."""
        super().__init__(parent)
        self.spec, self._floor, self._ceiling = spec, floor, ceiling
        self._counts = all(words.unit_of(key) == "count" for key in spec.series)
        self._tick_step = 0.0
        self._drawn: dict[str, tuple[np.ndarray, ...]] = {}  # what each item shows now
        self._ranges: dict[str, tuple[float, float]] = {}  # the x and y ranges last set
        self.setObjectName("chartCard")
        self.setProperty("chart", spec.name)
        self._report: MetricsReport | None = None
        self.title = QLabel(self)
        self.title.setObjectName("chartTitle")
        self.legend = QLabel(self)
        self.legend.setObjectName("chartLegend")
        self.legend.setWordWrap(True)
        self.readout = QLabel(self)
        self.readout.setObjectName("chartReadout")
        self.readout.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # The read-out is as long as the bucket's figures; it may be cut, never widen the card.
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.plot = pg.PlotWidget(self, background="w", axisItems={"bottom": ShopDateAxis(tz)})
        self.plot.setObjectName(f"chart_{spec.name}")
        self.plot.setMinimumHeight(150)
        item = self.plot.getPlotItem()
        item.setMouseEnabled(x=False, y=False)  # a dashboard, not an explorer: no drifting views
        item.setMenuEnabled(False)
        item.hideButtons()
        item.showGrid(y=True, alpha=0.15)
        item.getAxis("left").setWidth(42)
        for side in ("left", "bottom"):
            # Drawn once into a pixmap and reused until the axis changes: replaying its text
            # on every repaint cost more than everything else in a live update together.
            item.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        item.getViewBox().disableAutoRange()  # ranges are set from the window and the targets
        self._curves: dict[str, pg.PlotCurveItem] = {}
        self._bars: dict[str, pg.BarGraphItem] = {}  # by request kind; "" for a single series
        self._points: dict[str, pg.ScatterPlotItem] = {}
        if spec.bars and spec.series == ("after_sales_by_type",):
            for kind, colour in KIND_COLOURS.items():
                self._bars[kind.value] = self._add(
                    pg.BarGraphItem(x=[0], height=[0], width=1, brush=colour, pen=None)
                )
        elif spec.bars:
            self._bars[""] = self._add(
                pg.BarGraphItem(x=[0], height=[0], width=1, brush=SERIES_COLOURS[0], pen=None)
            )
        for index, key in enumerate(spec.series):
            colour = "#1f2328" if spec.bars else SERIES_COLOURS[index]
            if not spec.bars:
                self._curves[key] = self._add(
                    pg.PlotCurveItem(pen=pg.mkPen(colour, width=2), connect="finite")
                )
            # On bars the points mark each bar's top for the mouse, unseen until hovered.
            points = pg.ScatterPlotItem(
                size=8 if spec.bars else 6,
                brush=pg.mkBrush(0, 0, 0, 0) if spec.bars else pg.mkBrush(colour),
                pen=None,
                hoverable=True,
                hoverSize=10,
                hoverBrush=pg.mkBrush(colour),
                tip=self._tip,
            )
            if key in DRILLS:
                points.sigClicked.connect(lambda _item, spots, _event, key=key: self._clicked(key, spots))
            points.sigHovered.connect(lambda _item, spots, _event: self._hovered(spots))
            self._points[key] = self._add(points)
        dash = Qt.PenStyle.DashLine
        self.target_line = self._add(
            self._line(pg.mkPen(TARGET_COLOUR, width=1, style=dash), TARGET_COLOUR, right=False)
        )
        self.limit_line = self._add(
            self._line(pg.mkPen(LIMIT_COLOUR, width=1, style=dash), LIMIT_COLOUR, right=True)
        )
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.readout, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.legend)
        layout.addWidget(self.plot, 1)
        self.retranslate_ui()

    def _add(self, item: pg.GraphicsObject) -> pg.GraphicsObject:
        self.plot.addItem(item)
        return item

    @staticmethod
    def _line(pen: object, colour: str, *, right: bool) -> pg.InfiniteLine:
        # The words sit above the line, the target's at its left end and the limit's at its
        # right, so two lines close together never write over each other.
        corner = (1, 1) if right else (0, 1)
        options = {
            "position": 0.98 if right else 0.02,
            "anchors": [corner, corner],
            "color": colour,
            "fill": (255, 255, 255, 200),  # readable over the curve it crosses
        }
        line = pg.InfiniteLine(angle=0, pen=pen, movable=False, label="", labelOpts=options)
        line.hide()
        return line

    # --- a new report -------------------------------------------------------------------------
    def show_report(self, report: MetricsReport) -> None:
        """Update every item in place for `report`; an item whose data did not change is
        left alone (a live update mostly changes today's bucket), so it is not redrawn."""
        self._report = report
        size = BUCKET_SECONDS[report.bucket]
        buckets = report.buckets
        centres = np.array(buckets, dtype=float) + size / 2
        tops = np.zeros(len(buckets))
        highest = 0.0
        if self._bars:
            for (kind, bars), heights in zip(self._bars.items(), self._bar_heights(report), strict=True):
                if self._changed(f"bars{kind}", centres, heights, tops):
                    bars.setOpts(x=centres, height=heights, y0=tops.copy(), width=size * BAR_SHARE)
                tops = tops + heights
            highest = float(tops.max(initial=0.0))
        for key in self.spec.series:
            metric = report.metrics[key]
            values = tops if self._bars else _array([words.plotted(key, metric.series[b]) for b in buckets])
            if self._changed(key, centres, values):
                if key in self._curves:
                    self._curves[key].setData(x=centres, y=values)
                shown = np.isfinite(values) & ((values > 0) if self._bars else True)
                self._points[key].setData(
                    x=centres[shown], y=values[shown], data=np.array(buckets, dtype=np.int64)[shown]
                )
            if np.isfinite(values).any():
                highest = max(highest, float(np.nanmax(values)))
        highest = max(highest, self._show_lines(report))
        item = self.plot.getPlotItem()
        # Ranges move in steps (whole buckets, round tops): a live update that leaves them
        # where they were repaints the points only, not the axes (most of a repaint's cost).
        self._set_range("x", buckets[0], buckets[-1] + size, padding=0.01)
        top = round_up(highest * 1.1) if highest > self._floor else self._floor + 1
        if self._counts:
            top = max(top, 4.0)
            step = whole_step(top - self._floor)
            if step != self._tick_step:  # setting it, even unchanged, redraws the axis
                self._tick_step = step
                item.getAxis("left").setTickSpacing(step, step)  # a count has no halves
        if self._ceiling is not None:
            top = min(top, self._ceiling)
        self._set_range("y", self._floor, top, padding=0.03)  # a point on the edge is drawn whole

    def _bar_heights(self, report: MetricsReport) -> np.ndarray:
        """Each bar item's heights per bucket (rows in `_bars` order): the first series, or
        its requests per kind, read in one pass over the buckets' breakdowns."""
        first = report.metrics[self.spec.series[0]]
        buckets = report.buckets
        if "" in self._bars:
            return np.nan_to_num(_array([first.series[b] for b in buckets]))[np.newaxis]
        row_of = {kind: row for row, kind in enumerate(self._bars)}
        heights = np.zeros((len(self._bars), len(buckets)))
        for column, bucket in enumerate(buckets):
            for kind, count in first.series_breakdown.get(bucket, {}).items():
                row = row_of.get(kind) if kind is not None else None  # None: a kind with no bars
                if row is not None:
                    heights[row, column] = count
        return heights

    def _set_range(self, axis: str, low: float, high: float, *, padding: float) -> None:
        """Set the view's `axis` range, unless it is already that: asking pyqtgraph to set the
        same range again cost as much as the rest of a live update's chart."""
        if self._ranges.get(axis) == (low, high):
            return
        self._ranges[axis] = (low, high)
        view = self.plot.getPlotItem()
        if axis == "x":
            view.setXRange(low, high, padding=padding)
        else:
            view.setYRange(low, high, padding=padding)

    def _show_lines(self, report: MetricsReport) -> float:
        """The first series' target and limit lines; returns the higher one drawn (or 0)."""
        first = report.metrics[self.spec.series[0]]
        highest = 0.0
        for line, value, name in (
            (self.target_line, first.target, self.tr("target")),
            (self.limit_line, first.limit, self.tr("limit")),
        ):
            plotted = words.plotted(first.key, value)
            line.setVisible(plotted is not None and plotted > self._floor)  # a line on the axis says nothing
            if plotted is None:
                continue
            line.setPos(plotted)
            words_ = f"{name} {words.value_text(first.key, value)}".replace("{", "{{")
            if line.label.format != words_:  # a new text lays the label out again
                line.label.setFormat(words_)
            highest = max(highest, plotted)
        return highest

    def _changed(self, name: str, *arrays: np.ndarray) -> bool:
        """Whether `arrays` differ from those last drawn under `name` (and remember them)."""
        last = self._drawn.get(name)
        if last is not None and all(
            a.shape == b.shape and np.array_equal(a, b, equal_nan=True)
            for a, b in zip(last, arrays, strict=True)
        ):
            return False
        self._drawn[name] = tuple(array.copy() for array in arrays)
        return True

    # --- the mouse --------------------------------------------------------------------------
    def describe(self, bucket_start: int) -> str:
        """The bucket's figures in words: "2026-11-12 · Average review time 6.2 h · …"."""
        report = self._report
        if report is None:
            return ""
        parts = [words.bucket_text(bucket_start, report.bucket, words.report_zone(report))]
        for key in self.spec.series:
            metric = report.metrics[key]
            parts.append(f"{words.label(key)} {words.value_text(key, metric.series.get(bucket_start))}")
            for kind, count in metric.series_breakdown.get(bucket_start, {}).items():
                parts.append(f"{words.kind_label(kind)} {count:,}")
        return " · ".join(parts)

    def _tip(self, x: float, y: float, data: object) -> str:
        return self.describe(int(data)).replace(" · ", "\n")  # type: ignore[call-overload]

    def _hovered(self, spots: list) -> None:
        self.readout.setText(self.describe(int(spots[0].data())) if len(spots) else "")

    def _clicked(self, key: str, spots: list) -> None:
        if len(spots):
            self.point_clicked.emit(key, int(spots[0].data()))

    def point_at(self, key: str, bucket_start: int) -> tuple[float, float] | None:
        """Where the point of `key` for `bucket_start` sits (data coordinates), if drawn."""
        for spot in self._points[key].points():
            if int(spot.data()) == bucket_start:
                return spot.pos().x(), spot.pos().y()
        return None

    def retranslate_ui(self) -> None:
        self.title.setText(QCoreApplication.translate("DashboardCharts", self.spec.title))
        if self.spec.series == ("after_sales_by_type",):
            entries = [_swatch(colour, words.kind_label(kind)) for kind, colour in KIND_COLOURS.items()]
        elif len(self.spec.series) > 1:
            entries = [_swatch(SERIES_COLOURS[i], words.label(k)) for i, k in enumerate(self.spec.series)]
        else:
            entries = []
        self.legend.setText("&nbsp;&nbsp; ".join(entries))
        self.legend.setVisible(bool(entries))
        if self._report is not None:
            self.show_report(self._report)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class DashboardCharts(QWidget):
    point_clicked = Signal(str, int)  # metric key, bucket start

    def __init__(
        self,
        limits_of: Callable[[str], tuple[float, float | None]] | None = None,
        parent: QWidget | None = None,
        charts: tuple[ChartSpec, ...] = CHARTS,
        tz: tzinfo = SHOP_TZ,
    ) -> None:
        """`limits_of(metric)`: the lowest and highest its figure can be (default 0, none);
        `charts`: which (`CHARTS`, or a platform's such as `FULFILMENT_CHARTS`)."""
        super().__init__(parent)
        self.setObjectName("dashboardCharts")
        self.setStyleSheet(STYLE)
        self._cards: dict[str, ChartCard] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for index, spec in enumerate(charts):
            floor, ceiling = limits_of(spec.series[0]) if limits_of else (0.0, None)
            card = ChartCard(spec, floor=floor, ceiling=ceiling, parent=self, tz=tz)
            card.point_clicked.connect(self.point_clicked)
            self._cards[spec.name] = card
            grid.addWidget(card, index // COLUMNS, index % COLUMNS)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)

    def card(self, name: str) -> ChartCard:
        return self._cards[name]

    def cards(self) -> list[ChartCard]:
        return list(self._cards.values())

    def show_report(self, report: MetricsReport) -> None:
        for card in self._cards.values():
            card.show_report(report)
