"""Where the service metrics will stand tonight: today's pace, and which limits it passes.

Owns `projected_value` and `past_limits`, what the dashboard's alerts judge. The
platform acts on a metric over its window (late shipments over 30 days, say), and a
shop learns of a bad day too late if it waits for the day to end; so a rate is judged
as it would stand at the end of today if the rest of today goes as today went so far:
today's numerator and denominator are scaled up to a whole shop day and added to the
days before. Before `MIN_ELAPSED_S` of the day has passed the day counts as that much
gone (at most a fourfold scale), so one late order at 00:10 does not make the whole
day late. Averages and counts are judged on their window value as it is: an average
has no pace, and a count only grows.

Only windows that reach `now` are projected (a past range is what it was), and only
metrics whose rule set names a `limit` (where the platform acts) can pass one: the
`target` colours the tile, the limit raises the alarm. Pure: no database, no Qt.
"""

from __future__ import annotations

from app.core import shop_time
from app.services.metrics.definitions import METRICS, MetricResult, MetricsReport
from app.services.rule_history import rules_in_force
from app.services.rules import HOUR_S, RuleSet

DAY_S = 24 * HOUR_S
MIN_ELAPSED_S = 6 * HOUR_S  # the day's first hours count as a quarter of it gone
LOWER_IS_BETTER = {definition.key: definition.lower_is_better for definition in METRICS}


def today_start(now: int, rules: RuleSet | None = None) -> int:
    """00:00 of `now`'s shop day, in UTC seconds."""
    start, _ = shop_time.day_bounds(now, (rules or rules_in_force(None)).shipping.tz)
    return start


def reaches_now(report: MetricsReport) -> bool:
    """Whether the report's window runs up to the moment it was computed (a live window)."""
    return report.start <= report.now < report.end


def projected_value(report: MetricsReport, key: str, rules: RuleSet | None = None) -> float | None:
    """Metric `key` as it would stand at the end of today at today's pace (rates of a
    window reaching now), else its window value."""
    result = report.metrics[key]
    if result.numerator is None or result.denominator is None or not reaches_now(report):
        return result.value
    midnight = today_start(report.now, rules)
    scale = DAY_S / max(report.now - midnight, MIN_ELAPSED_S)
    today = [counts for start, counts in result.series_counts.items() if start >= midnight]
    numerator = result.numerator + (scale - 1) * sum(n for n, _ in today)
    denominator = result.denominator + (scale - 1) * sum(d for _, d in today)
    return numerator / denominator if denominator else None


def is_worse(key: str, value: float, line: float) -> bool:
    """Whether `value` is on the bad side of `line` for metric `key`."""
    return value > line if LOWER_IS_BETTER.get(key, True) else value < line


def past_limit(result: MetricResult, value: float | None) -> bool:
    return (
        result.available
        and result.limit is not None
        and value is not None
        and is_worse(result.key, value, result.limit)
    )


def past_limits(report: MetricsReport, rules: RuleSet | None = None) -> dict[str, float]:
    """The metrics past their platform limit at today's pace: key -> projected value."""
    found: dict[str, float] = {}
    for key, result in report.metrics.items():
        if result.limit is None or not result.available:
            continue
        value = projected_value(report, key, rules)
        if value is not None and past_limit(result, value):
            found[key] = value
    return found
