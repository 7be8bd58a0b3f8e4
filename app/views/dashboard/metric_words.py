"""How a service metric reads on screen and in an export: its name, value, target and colour.

Owns the display side of `app.services.metrics.definitions.METRICS`: each metric's name in the
person's language, its value in its unit (hours with one decimal, percentages, money
from fen, counts, points), its target and limit in words ("≤ 4.0% · limit 10.0%"),
its standing against them (met, short of the target, past the platform's limit) and
the colour of each standing, the number an export writes (percent, yuan, hours) and
a bucket's date as the charts and lists name it. Words are translated in context
"MetricWords"; the metric names keep the services' context "metrics".
"""

from __future__ import annotations

from datetime import tzinfo
from enum import Enum

from PySide6.QtCore import QCoreApplication

from app.core.shop_time import SHOP_TZ, datetime_of, zone
from app.core.vocabulary import REQUEST_KIND_LABELS, RequestKind
from app.services.metrics.definitions import METRICS, MetricDefinition, MetricResult, MetricsReport
from app.services.metrics.pace import is_worse
from app.views.common import formatting

DEFINITIONS: dict[str, MetricDefinition] = {definition.key: definition for definition in METRICS}
NO_VALUE = "—"


class Standing(Enum):
    MET = "met"  # at or better than the target
    SHORT = "short"  # worse than the target, not past the limit
    PAST_LIMIT = "past_limit"  # where the platform acts
    PLAIN = "plain"  # a figure with no target
    NO_DATA = "no_data"  # nothing to measure in the window
    UNAVAILABLE = "unavailable"  # the platform's data cannot give it


COLOURS = {
    Standing.MET: "#1a7f37",
    Standing.SHORT: "#9a6700",
    Standing.PAST_LIMIT: "#cf222e",
    Standing.PLAIN: "#1f2328",
    Standing.NO_DATA: "#8c959f",
    Standing.UNAVAILABLE: "#8c959f",
}


def label(key: str) -> str:
    return QCoreApplication.translate("metrics", DEFINITIONS[key].label)


def unit_of(key: str) -> str:
    return DEFINITIONS[key].unit


def kind_label(kind: str | None) -> str:
    """A request kind (a RequestKind value) in the person's language; "—" for a kind the
    platform's adapter had no word for."""
    try:
        return QCoreApplication.translate("vocabulary", REQUEST_KIND_LABELS[RequestKind(kind)])
    except ValueError:
        return NO_VALUE


def value_text(key: str, value: float | None) -> str:
    """The value in its unit as a person reads it: "6.2 h", "3.4%", "¥120.00", "17", "86.5"."""
    if value is None:
        return NO_VALUE
    unit = unit_of(key)
    if unit == "hours":
        return QCoreApplication.translate("MetricWords", "{hours} h").format(hours=f"{value:,.1f}")
    if unit == "ratio":
        return f"{value * 100:.1f}%"
    if unit == "fen":
        return formatting.money(round(value))
    if unit == "count":
        return f"{round(value):,}"
    return f"{value:.1f}"


def plotted(key: str, value: float | None) -> float | None:
    """The number a chart draws: percent for rates, yuan for money, else the value."""
    if value is None:
        return None
    unit = unit_of(key)
    return value * 100 if unit == "ratio" else value / 100 if unit == "fen" else value


def exported(key: str, value: float | None) -> float | int | None:
    """The number an export writes, in `unit_text(key)`: rounded as the screen shows it
    (two decimals more), so a sheet sums to what the person saw."""
    number = plotted(key, value)
    if number is None:
        return None
    return round(number) if unit_of(key) == "count" else round(number, 3)


def unit_text(key: str) -> str:
    """The unit of `exported` and of a chart's axis: "h", "%", "¥", "" (counts), "points"."""
    return {
        "hours": QCoreApplication.translate("MetricWords", "h"),
        "ratio": "%",
        "fen": "¥",
        "count": "",
        "points": QCoreApplication.translate("MetricWords", "points"),
    }[unit_of(key)]


def standing(result: MetricResult, value: float | None = None) -> Standing:
    """Where `value` (default: the window's) stands against the metric's target and limit."""
    value = result.value if value is None else value
    if not result.available:
        return Standing.UNAVAILABLE
    if value is None:
        return Standing.NO_DATA
    if result.limit is not None and is_worse(result.key, value, result.limit):
        return Standing.PAST_LIMIT
    if result.target is not None and is_worse(result.key, value, result.target):
        return Standing.SHORT
    if result.target is None and result.limit is None:
        return Standing.PLAIN
    return Standing.MET


def target_text(result: MetricResult, separator: str = " · ") -> str:
    """ "Target ≤ 24 h (ours) · limit 48 h (ours)", "Target ≥ 80.0", or "" without either;
    a target or limit that is the project's estimate, not the platform's, says "(ours)"
    (the rule file's source). A tile passes a line break, so each part stays whole."""
    better = "≤" if DEFINITIONS[result.key].lower_is_better else "≥"
    translate = QCoreApplication.translate  # never `tr`: lupdate reads tr(a, b) as (source, comment)
    ours = result.target_ours
    parts = []
    if result.target is not None:
        target = (
            translate("MetricWords", "Target {sign} {value} (ours)")
            if ours
            else translate("MetricWords", "Target {sign} {value}")
        )
        parts.append(target.format(sign=better, value=value_text(result.key, result.target)))
    if result.limit is not None:
        limit = (
            translate("MetricWords", "limit {value} (ours)")
            if ours
            else translate("MetricWords", "limit {value}")
        )
        parts.append(limit.format(value=value_text(result.key, result.limit)))
    return separator.join(parts)


def basis_text(result: MetricResult) -> str:
    """What the figure is over: "12 of 340" for a rate, "over 340" for an average."""
    if result.numerator is not None and result.denominator is not None:
        return QCoreApplication.translate("MetricWords", "{part} of {whole}").format(
            part=f"{result.numerator:,}", whole=f"{result.denominator:,}"
        )
    if unit_of(result.key) == "hours" and result.count:
        return QCoreApplication.translate("MetricWords", "over {count}").format(count=f"{result.count:,}")
    return ""


def report_zone(report: MetricsReport) -> tzinfo:
    """The shop's clock the report's buckets follow (its rule set's)."""
    return zone(report.time_zone)


def bucket_text(start: int, bucket: str, tz: tzinfo = SHOP_TZ) -> str:
    """A bucket as the lists and hovers name it: "2026-11-12" or "2026-11-12 14:00"."""
    moment = datetime_of(start, tz)
    return moment.strftime("%Y-%m-%d %H:%M" if bucket == "hour" else "%Y-%m-%d")


def period_text(start: int, end: int, tz: tzinfo = SHOP_TZ) -> str:
    """A window [start, end) by its first and last shop day: "2026-10-22 – 2026-11-20"."""
    first = datetime_of(start, tz).strftime("%Y-%m-%d")
    last = datetime_of(max(start, end - 1), tz).strftime("%Y-%m-%d")
    return first if first == last else f"{first} – {last}"


def note_text(result: MetricResult) -> str:
    """Why the metric is unavailable. (The rule set's note on where a target comes from is
    written for whoever edits the rules file, in English: it is not shown on the desk.)"""
    if not result.available:
        return QCoreApplication.translate("metrics", result.unavailable_reason)
    return ""
