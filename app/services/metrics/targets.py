"""The rule set's "metrics" section: service-metric targets and experience-score bands.

Owns the typed, immutable form of the platform's rule set's "metrics" (resources/rules/)
and its validation, for `rules.py` (which loads the whole rule set and calls
`parse_metric_rules`): the default window, which buyer-reason kinds count as quality
returns, how soon a refund is a fast refund, each metric's target and the platform's
limit where the platform has one (each with its source, "ours" where it is the
project's, which the dashboard shows, and a note in words), and the experience score's dimension weights and
per-indicator piecewise-linear (value, points) bands (a rule set may have none: no
estimate), and which figures the platform judges a shop by (the dashboard's tiles).
The computing is in
`service_metrics.py` and `experience_score.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

WHERE = "metrics"


@dataclass(frozen=True, slots=True)
class MetricTarget:
    target: float | None  # what a well-run shop reaches
    limit: float | None  # where the platform acts (enforcement, automatic agreement), if any
    note: str  # where the numbers come from, in words
    source: str = "ours"  # a public page or rule, or "ours": the dashboard says which
    effective: date | None = None  # a public source's date (required for one)

    @property
    def ours(self) -> bool:
        return self.source == "ours"


@dataclass(frozen=True, slots=True)
class ScoreIndicator:
    """One metric's part of the experience score: its dimension, its weight there, and
    its (value, points) bands, values rising; points are interpolated between bands and
    flat outside the first and the last."""

    metric: str
    dimension: str
    weight: float
    bands: tuple[tuple[float, float], ...]


@dataclass(frozen=True, slots=True)
class MetricRules:
    """RULES.md "Service metrics", as numbers."""

    default_window_days: int
    quality_reason_kinds: tuple[str, ...]  # kinds of after_sales.reason_keywords
    fast_refund_within_s: int  # first seen refunded this soon after applying: a fast refund
    targets: tuple[tuple[str, MetricTarget], ...]
    min_points: int  # every indicator maps to points in [min_points, max_points]
    max_points: int
    dimension_weights: tuple[tuple[str, float], ...]  # in display order
    indicators: tuple[ScoreIndicator, ...]
    # The figures the platform judges a shop by, in display order ("dashboard"); empty: the
    # dashboard's default (Douyin's). A rule set without "experience_score" has no estimate.
    dashboard: tuple[str, ...] = ()

    @property
    def has_score(self) -> bool:
        return bool(self.indicators)

    def target(self, metric: str) -> MetricTarget | None:
        return dict(self.targets).get(metric)


def _field(raw: Any, key: str, where: str) -> Any:
    if not isinstance(raw, dict) or key not in raw:
        raise ValueError(f"{where}.{key} is missing")
    return raw[key]


def _number(value: Any, where: str) -> float:
    if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{where} must be a number of at least 0, not {value!r}")
    return float(value)


def _whole(raw: Any, key: str, where: str) -> int:
    value = _field(raw, key, where)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{where}.{key} must be a whole number of at least 0, not {value!r}")
    return value


def _target(raw: Any, where: str) -> MetricTarget:
    if not isinstance(raw, dict):
        raise ValueError(f"{where} must be an object {{target, limit?, source, note}}")
    numbers = {
        k: None if raw.get(k) is None else _number(raw[k], f"{where}.{k}") for k in ("target", "limit")
    }
    source = raw.get("source")
    if not isinstance(source, str) or not source.strip():
        raise ValueError(f'{where}.source must be a page or rule, or "ours"')
    effective = None
    if source != "ours":
        try:
            effective = date.fromisoformat(str(raw.get("effective")))
        except ValueError:
            raise ValueError(f"{where}.effective must be its public source's date (YYYY-MM-DD)") from None
    return MetricTarget(numbers["target"], numbers["limit"], str(raw.get("note", "")), source, effective)


def _indicator(raw: Any, where: str, dimensions: set[str], low: int, high: int) -> ScoreIndicator:
    bands = _field(raw, "bands", where)
    if (
        not isinstance(bands, list)
        or not bands
        or not all(isinstance(b, list) and len(b) == 2 for b in bands)
    ):
        raise ValueError(f"{where}.bands must be a non-empty list of [value, points]")
    pairs = tuple((_number(v, f"{where}.bands"), _number(p, f"{where}.bands")) for v, p in bands)
    values = [value for value, _ in pairs]
    if values != sorted(set(values)) or not all(low <= points <= high for _, points in pairs):
        raise ValueError(f"{where}.bands must rise in value, with points from {low} to {high}")
    dimension = str(_field(raw, "dimension", where))
    if dimension not in dimensions:
        raise ValueError(f"{where}.dimension must be one of {sorted(dimensions)}, not {dimension!r}")
    weight = _number(_field(raw, "weight", where), f"{where}.weight")
    return ScoreIndicator(str(_field(raw, "metric", where)), dimension, weight, pairs)


def parse_metric_rules(raw: Any, reason_kinds: set[str]) -> MetricRules:
    """The "metrics" section, whose quality kinds must be among `reason_kinds`;
    ValueError naming the first field that is missing or wrong."""
    if not isinstance(raw, dict):
        raise ValueError("the metrics section is missing (or is not an object)")
    kinds = _field(raw, "quality_reason_kinds", WHERE)
    if not isinstance(kinds, list) or not {str(kind) for kind in kinds} <= reason_kinds:
        raise ValueError(
            f"metrics.quality_reason_kinds must be a list of after_sales.reason_keywords kinds "
            f"{sorted(reason_kinds)}"
        )
    targets = _field(raw, "targets", WHERE)
    if not isinstance(targets, dict):
        raise ValueError("metrics.targets must be an object of metric -> {target, limit?, note}")
    dashboard = raw.get("dashboard", [])
    if not isinstance(dashboard, list) or not all(isinstance(key, str) for key in dashboard):
        raise ValueError("metrics.dashboard must be a list of metric keys")
    unscored = MetricRules(
        default_window_days=max(1, _whole(raw, "default_window_days", WHERE)),
        quality_reason_kinds=tuple(str(kind) for kind in kinds),
        fast_refund_within_s=_whole(raw, "fast_refund_within_s", WHERE),
        targets=tuple((str(k), _target(t, f"{WHERE}.targets.{k}")) for k, t in targets.items()),
        min_points=0,
        max_points=100,
        dimension_weights=(),
        indicators=(),
        dashboard=tuple(dashboard),
    )
    if "experience_score" not in raw:  # the platform's own score is not estimated (TikTok Shop)
        return unscored
    score = _field(raw, "experience_score", WHERE)
    where = f"{WHERE}.experience_score"
    low, high = _whole(score, "min_points", where), _whole(score, "max_points", where)
    if low >= high:
        raise ValueError(f"{where}.min_points must be below max_points")
    weights = _field(score, "dimension_weights", where)
    if not isinstance(weights, dict) or not weights:
        raise ValueError(f"{where}.dimension_weights must be an object of dimension -> weight")
    dimensions = tuple((str(k), _number(w, f"{where}.dimension_weights.{k}")) for k, w in weights.items())
    indicators = _field(score, "indicators", where)
    if not isinstance(indicators, list) or not indicators:
        raise ValueError(f"{where}.indicators must be a non-empty list")
    names = {name for name, _ in dimensions}
    return replace(
        unscored,
        min_points=low,
        max_points=high,
        dimension_weights=dimensions,
        indicators=tuple(
            _indicator(entry, f"{where}.indicators[{i}]", names, low, high)
            for i, entry in enumerate(indicators)
        ),
    )
