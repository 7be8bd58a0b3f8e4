"""What the Rules screen calls each value of a rule set, in the person's language.

Owns `value_name(path)`: a rule file's path ("after_sales.no_reason_window_hours",
"shipping.compensation_bands[1].late.percent", "metrics.targets.late_rate.target") in words;
a path without words of its own is shown as it is (the file's, in its tooltip too).
Strings in context "rules"; a metric's name is the dashboard's (context "metrics").
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from app.core.translation import QT_TRANSLATE_NOOP
from app.services.metrics.definitions import METRICS

NAMES = {
    "default_ship_promise_hours": QT_TRANSLATE_NOOP("rules", "Default ship-by promise (hours after payment)"),
    "shipping.time_zone": QT_TRANSLATE_NOOP("rules", "The shop's calendar (time zone)"),
    "shipping.same_day_cutoff_hour": QT_TRANSLATE_NOOP("rules", "Same-day shipping cut-off (hour)"),
    "shipping.presale_max_days": QT_TRANSLATE_NOOP("rules", "Longest presale (days)"),
    "shipping.pickup_timeout_hours": QT_TRANSLATE_NOOP("rules", "Pickup scan due within (hours)"),
    "shipping.auto_refund_without_pickup_hours": QT_TRANSLATE_NOOP(
        "rules", "Refund goes through without a pickup scan after (hours)"
    ),
    "shipping.out_of_stock_after_hours": QT_TRANSLATE_NOOP(
        "rules", "Counted out of stock after (hours late)"
    ),
    "shipping.compensation_round_to_fen": QT_TRANSLATE_NOOP("rules", "Compensation rounded to (fen)"),
    "shipping.urgent_notice_hours": QT_TRANSLATE_NOOP("rules", "Urgent notice before the deadline (hours)"),
    "after_sales.status_deadline_fallback_hours": QT_TRANSLATE_NOOP(
        "rules", "Answer a request within (hours, when the platform gives no deadline)"
    ),
    "after_sales.no_reason_window_hours": QT_TRANSLATE_NOOP("rules", "No-reason return window (hours)"),
    "after_sales.cosmetics_allergy_window_days": QT_TRANSLATE_NOOP(
        "rules", "Cosmetics allergy window (days)"
    ),
    "after_sales.fast_refund_before_shipment_max_fen": QT_TRANSLATE_NOOP(
        "rules", "Fast refund before shipment, up to (fen)"
    ),
    "after_sales.return_fast_refund_max_fen": QT_TRANSLATE_NOOP(
        "rules", "Fast refund on pickup, up to (fen)"
    ),
}
PARTS = {
    "percent": QT_TRANSLATE_NOOP("rules", "percent of the paid amount"),
    "min_fen": QT_TRANSLATE_NOOP("rules", "at least (fen)"),
    "max_fen": QT_TRANSLATE_NOOP("rules", "at most (fen)"),
    "promise_up_to_hours": QT_TRANSLATE_NOOP("rules", "for promises up to (hours)"),
    "late": QT_TRANSLATE_NOOP("rules", "shipped late"),
    "out_of_stock": QT_TRANSLATE_NOOP("rules", "not shipped (out of stock)"),
    "target": QT_TRANSLATE_NOOP("rules", "target"),
    "limit": QT_TRANSLATE_NOOP("rules", "limit"),
}
METRIC_LABELS = {definition.key: definition.label for definition in METRICS}
BAND_WORDS = QT_TRANSLATE_NOOP("rules", "Compensation band {band}: {rule}")
FAKE_WORDS = QT_TRANSLATE_NOOP("rules", "Fake shipment: {part}")
BAND = re.compile(r"^shipping\.compensation_bands\[(\d+)\]\.(\w+)(?:\.(\w+))?$")
FAKE = re.compile(r"^shipping\.fake_shipment\.(\w+)$")
TARGET = re.compile(r"^metrics\.targets\.(\w+)\.(target|limit)$")


def _tr(words: str, context: str = "rules") -> str:
    return QCoreApplication.translate(context, words)


def _part(name: str) -> str:
    return _tr(PARTS[name]) if name in PARTS else name


def value_name(path: str) -> str:
    """The value at `path` in words; the path itself when it has none."""
    if path in NAMES:
        return _tr(NAMES[path])
    if band := BAND.match(path):
        number, rule, part = band.groups()
        words = _tr(BAND_WORDS).format(band=int(number) + 1, rule=_part(rule))
        return f"{words} · {_part(part)}" if part else words
    if fake := FAKE.match(path):
        return _tr(FAKE_WORDS).format(part=_part(fake.group(1)))
    if target := TARGET.match(path):
        metric, which = target.groups()
        label = _tr(METRIC_LABELS[metric], "metrics") if metric in METRIC_LABELS else metric
        return f"{label} · {_part(which)}"
    return path
