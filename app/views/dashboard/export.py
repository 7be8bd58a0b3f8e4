"""Taking the dashboard elsewhere: the charts as a picture, the figures as CSV or Excel.

Owns the export files. `metric_table` lays a report out as one table a spreadsheet
reads: a row per metric (and per after-sale type) with its unit, its value over the
whole window, its target and limit, then one column per bucket; numbers in the unit
the header names (hours, percent, yuan, counts, points), rounded as the screen shows
them. `write_csv` writes it as UTF-8 with a byte-order mark, which is what makes Excel
open Chinese text right; `write_xlsx` writes it with the score's breakdown and what
the figures cover (window, product, rule set) on sheets of their own. Headers are in
the person's language. A report computed for someone who may not see money holds no
money figure (`MetricsReport.withheld`), so neither does their export. `save_png`
saves a widget (the chart area) as it is on screen.
`ExportButton` is the screen's "Export" menu: it asks where, then calls the screen's
export for that format.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QPushButton, QWidget

from app.services.metrics.definitions import METRICS, MetricsReport
from app.views.common import formatting
from app.views.dashboard import metric_words as words

Cell = str | float | int | None
# Written where lupdate finds them (QT_TRANSLATE_NOOP), translated when a file is written.
METRIC_HEADERS = (
    QT_TRANSLATE_NOOP("DashboardExport", "Metric"),
    QT_TRANSLATE_NOOP("DashboardExport", "Unit"),
    QT_TRANSLATE_NOOP("DashboardExport", "Whole window"),
    QT_TRANSLATE_NOOP("DashboardExport", "Target"),
    QT_TRANSLATE_NOOP("DashboardExport", "Limit"),
)
SCORE_HEADERS = (
    QT_TRANSLATE_NOOP("DashboardExport", "Dimension"),
    QT_TRANSLATE_NOOP("DashboardExport", "Indicator"),
    QT_TRANSLATE_NOOP("DashboardExport", "Value"),
    QT_TRANSLATE_NOOP("DashboardExport", "Unit"),
    QT_TRANSLATE_NOOP("DashboardExport", "Points"),
    QT_TRANSLATE_NOOP("DashboardExport", "Weight"),
    QT_TRANSLATE_NOOP("DashboardExport", "Contribution"),
)
SCORE = QT_TRANSLATE_NOOP("DashboardExport", "Experience score (estimate)")
SHEETS = (
    QT_TRANSLATE_NOOP("DashboardExport", "Metrics"),
    QT_TRANSLATE_NOOP("DashboardExport", "Score"),
    QT_TRANSLATE_NOOP("DashboardExport", "About"),
)
ABOUT = (
    QT_TRANSLATE_NOOP("DashboardExport", "From"),
    QT_TRANSLATE_NOOP("DashboardExport", "To"),
    QT_TRANSLATE_NOOP("DashboardExport", "Per"),
    QT_TRANSLATE_NOOP("DashboardExport", "Product"),
    QT_TRANSLATE_NOOP("DashboardExport", "Rule set"),
    QT_TRANSLATE_NOOP("DashboardExport", "In force since"),
    QT_TRANSLATE_NOOP("DashboardExport", "Computed at"),
    QT_TRANSLATE_NOOP("DashboardExport", "Times"),
)
HOUR, DAY = QT_TRANSLATE_NOOP("DashboardExport", "hour"), QT_TRANSLATE_NOOP("DashboardExport", "day")
ALL_PRODUCTS = QT_TRANSLATE_NOOP("DashboardExport", "All products")
SHOP_TIME = QT_TRANSLATE_NOOP("DashboardExport", "Shop time (UTC+8)")
SHOP_TIME_AT = QT_TRANSLATE_NOOP("DashboardExport", "Shop time (UTC{offset})")  # another platform's clock


def _tr(text: str) -> str:
    return QCoreApplication.translate("DashboardExport", text)


def metric_table(report: MetricsReport) -> tuple[list[str], list[list[Cell]]]:
    """Headers and rows: metric, unit, window value, target, limit, then each bucket."""
    headers = [_tr(text) for text in METRIC_HEADERS]
    tz = words.report_zone(report)
    headers += [words.bucket_text(start, report.bucket, tz) for start in report.buckets]
    rows: list[list[Cell]] = []
    for key in report.shown or [definition.key for definition in METRICS]:  # as the screen shows them
        result = report.metrics.get(key)
        if result is None:
            continue  # withheld: money the person may not see is not in their report
        rows.append(
            [
                words.label(key),
                words.unit_text(key),
                words.exported(key, result.value),
                words.exported(key, result.target),
                words.exported(key, result.limit),
                *(words.exported(key, result.series.get(start)) for start in report.buckets),
            ]
        )
        for kind, count in result.breakdown.items():
            by_bucket = (result.series_breakdown.get(start, {}).get(kind, 0) for start in report.buckets)
            name = QCoreApplication.translate("DashboardExport", "{metric}: {kind}").format(
                metric=words.label(key), kind=words.kind_label(kind)
            )  # Chinese writes a full-width colon
            rows.append([name, words.unit_text(key), count, None, None, *by_bucket])
    return headers, rows


def score_table(report: MetricsReport) -> tuple[list[str], list[list[Cell]]]:
    """Each dimension, then its indicators: value, points, weight and contribution."""
    rows: list[list[Cell]] = []
    for dimension in report.score.dimensions:
        name = QCoreApplication.translate("metrics", dimension.label)
        rows.append([name, None, None, None, _round(dimension.points), round(dimension.weight, 4), None])
        for indicator in dimension.indicators:
            key = indicator.metric
            rows.append(
                [
                    name,
                    words.label(key),
                    words.exported(key, indicator.value),
                    words.unit_text(key),
                    _round(indicator.points),
                    round(indicator.weight, 4),
                    round(indicator.contribution, 2),
                ]
            )
    rows.append([_tr(SCORE), None, None, None, _round(report.score.score), None, None])
    return [_tr(text) for text in SCORE_HEADERS], rows


def _clock_words(report: MetricsReport) -> str:
    """ "Shop time (UTC+8)" (Douyin's), or the other clock of the report's rule set ("UTC-8")."""
    offset = datetime.now(words.report_zone(report)).utcoffset()
    hours = int(offset.total_seconds() // 3600) if offset else 0
    return _tr(SHOP_TIME) if hours == 8 else _tr(SHOP_TIME_AT).format(offset=f"{hours:+d}")


def about_rows(report: MetricsReport, product_name: str) -> list[list[Cell]]:
    tz = words.report_zone(report)
    values = (
        formatting.shop_time(report.start, tz=tz),
        formatting.shop_time(report.end, tz=tz),
        _tr(HOUR if report.bucket == "hour" else DAY),
        product_name or _tr(ALL_PRODUCTS),
        report.rule_set,
        report.rule_effective.isoformat(),
        formatting.shop_time(report.now, tz=tz),
        _clock_words(report),
    )
    return [[_tr(name), value] for name, value in zip(ABOUT, values, strict=True)]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def write_csv(path: Path, report: MetricsReport) -> Path:
    """The metric table as CSV, UTF-8 with BOM (Excel reads Chinese right only with it)."""
    headers, rows = metric_table(report)
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(headers)
        writer.writerows([["" if cell is None else cell for cell in row] for row in rows])
    return path


def _sheet(
    workbook: Any,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    first: bool = False,
) -> Any:
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title[:31]  # Excel's limit
    if headers:
        sheet.append(list(headers))
        for cell in sheet[1]:
            cell.font = _bold_font()
        sheet.freeze_panes = "B2"
    for row in rows:
        sheet.append(list(row))
    # Wide enough for the longest name (a Chinese character takes about two columns).
    longest = max((len(str(row[0] or "")) for row in rows), default=0)
    sheet.column_dimensions["A"].width = max(14, longest * 1.8)
    return sheet


def write_xlsx(path: Path, report: MetricsReport, *, product_name: str = "") -> Path:
    """Three sheets: the metric table, the score's breakdown (none for a rule set without an
    estimated score: TikTok Shop's), and what the figures cover."""
    from openpyxl import Workbook  # only an export pays for importing it (0.3 s)

    workbook = Workbook()
    headers, rows = metric_table(report)
    metrics_title, score_title, about_title = (_tr(title) for title in SHEETS)
    metrics = _sheet(workbook, metrics_title, headers, rows, first=True)
    metrics.freeze_panes = "F2"  # name, unit, window, target and limit stay while scrolling the days
    if report.score.dimensions:
        _sheet(workbook, score_title, *score_table(report))
    _sheet(workbook, about_title, [], about_rows(report, product_name))
    workbook.save(path)
    return path


def save_png(widget: QWidget, path: Path) -> Path:
    """`widget` as drawn now, including the parts scrolled out of view."""
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return path


Export = Callable[[Path], Path]


class ExportButton(QPushButton):
    """ "Export ▾": charts as PNG, figures as CSV or Excel; asks where with the file dialog.
    A push button with a menu, so it looks like "Pause" beside it."""

    said = Signal(str)  # "Saved …" or why not, for the status bar

    def __init__(
        self,
        png: Export,
        csv_: Export,
        xlsx: Export,
        day: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardExportButton")
        self._day = day  # the shown figures' shop day, for the file name; None: nothing shown yet
        menu = QMenu(self)
        self._png = menu.addAction("", lambda: self._ask("png", self.tr("PNG image (*.png)"), png))
        self._csv = menu.addAction("", lambda: self._ask("csv", self.tr("CSV file (*.csv)"), csv_))
        self._xlsx = menu.addAction("", lambda: self._ask("xlsx", self.tr("Excel workbook (*.xlsx)"), xlsx))
        self.setMenu(menu)
        self.retranslate_ui()

    def _ask(self, suffix: str, kind: str, save: Export) -> None:
        day = self._day()
        if day is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), f"dashboard-{day}.{suffix}", kind)
        if not name:
            return
        try:
            self.said.emit(self.tr("Saved {path}").format(path=save(Path(name))))
        except OSError as error:
            self.said.emit(self.tr("Could not save {path}: {error}").format(path=name, error=error))

    def retranslate_ui(self) -> None:
        self.setText(self.tr("Export"))
        self._png.setText(self.tr("Charts as PNG image…"))
        self._csv.setText(self.tr("Figures as CSV…"))
        self._xlsx.setText(self.tr("Figures as Excel workbook…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _bold_font() -> Any:
    from openpyxl.styles import Font

    return Font(bold=True)
