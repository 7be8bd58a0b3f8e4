"""The experience-score estimate: Douyin's three dimensions from the shop's own metrics.

Owns turning metric values into the estimate RULES.md describes: each indicator
(a metric named in the rule set's "metrics.experience_score.indicators") is mapped to
points between `min_points` and `max_points` (50-100) by its piecewise-linear bands,
(value, points) pairs with rising values: linear between two bands, flat before the
first and after the last. An indicator's points are weighted within its dimension
(product, logistics, service), the dimensions weighted into the score. The weights
are settings (industries differ): `weights` overrides any of them by name, dimension
("product") or indicator ("late_rate"), over the rule set's defaults.

An indicator with no value (nothing to measure in the window) is left out and the
others in its dimension share its weight; a dimension with no indicator left is left
out the same way; with nothing at all the score is None. Each indicator's
`contribution` is the points it adds to the score, so the contributions add up to it.
Pure: no database, no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.core.translation import QT_TRANSLATE_NOOP
from app.services.rules import RuleSet

DIMENSION_LABELS = {
    "product": QT_TRANSLATE_NOOP("metrics", "Product"),
    "logistics": QT_TRANSLATE_NOOP("metrics", "Logistics"),
    "service": QT_TRANSLATE_NOOP("metrics", "Service"),
}


@dataclass(frozen=True, slots=True)
class IndicatorScore:
    metric: str
    value: float | None  # the metric's value in its unit; None: no data, left out
    points: float | None
    weight: float  # its share of its dimension, after leaving out indicators without data
    contribution: float  # the points it adds to the whole score (0 when left out)


@dataclass(frozen=True, slots=True)
class DimensionScore:
    key: str  # "product", "logistics", "service"
    label: str  # English source (context "metrics")
    weight: float  # its share of the score, after leaving out dimensions without data
    points: float | None
    indicators: tuple[IndicatorScore, ...]


@dataclass(frozen=True, slots=True)
class ScoreEstimate:
    score: float | None
    dimensions: tuple[DimensionScore, ...]
    weights: Mapping[str, float]  # the weights used, by name (defaults and overrides)
    rule_set: str


def default_weights(rules: RuleSet) -> dict[str, float]:
    """The rule set's weights by name: each dimension's, then each indicator's within its
    dimension; what the settings start from."""
    score = rules.metrics
    weights = dict(score.dimension_weights)
    weights.update({indicator.metric: indicator.weight for indicator in score.indicators})
    return weights


def effective_weights(rules: RuleSet, weights: Mapping[str, float] | None) -> dict[str, float]:
    """The defaults with `weights` over them; ValueError for an unknown name or a weight
    below 0 (a setting mistyped must not silently count for nothing)."""
    merged = default_weights(rules)
    for name, weight in (weights or {}).items():
        if name not in merged:
            raise ValueError(f"no dimension or indicator called {name!r} in rule set {rules.rule_set}")
        if not isinstance(weight, int | float) or isinstance(weight, bool) or weight < 0:
            raise ValueError(f"the weight of {name} must be a number of at least 0, not {weight!r}")
        merged[name] = float(weight)
    return merged


def points_for(value: float, bands: tuple[tuple[float, float], ...]) -> float:
    """The points of `value` on piecewise-linear `bands` ((value, points), values rising)."""
    if value <= bands[0][0]:
        return bands[0][1]
    for (low, low_points), (high, high_points) in zip(bands, bands[1:], strict=False):
        if value <= high:
            return low_points + (value - low) / (high - low) * (high_points - low_points)
    return bands[-1][1]


def _shares(weights: Mapping[str, float]) -> dict[str, float]:
    total = sum(weights.values())
    return {name: weight / total for name, weight in weights.items()} if total > 0 else {}


@dataclass(frozen=True, slots=True)
class _Parts:
    members: dict[str, list[tuple[str, float | None]]]  # dimension -> (metric, value)
    points: dict[str, float]  # metric -> points, for those with a value
    indicator_shares: dict[str, dict[str, float]]  # dimension -> metric -> share
    dimension_points: dict[str, float]
    dimension_shares: dict[str, float]

    @property
    def score(self) -> float | None:
        shares = self.dimension_shares
        return sum(share * self.dimension_points[d] for d, share in shares.items()) if shares else None


def _parts(values: Mapping[str, float | None], rules: RuleSet, used: Mapping[str, float]) -> _Parts:
    members: dict[str, list[tuple[str, float | None]]] = {d: [] for d, _ in rules.metrics.dimension_weights}
    points: dict[str, float] = {}
    for indicator in rules.metrics.indicators:
        value = values.get(indicator.metric)
        members[indicator.dimension].append((indicator.metric, value))
        if value is not None:
            points[indicator.metric] = points_for(value, indicator.bands)
    indicator_shares: dict[str, dict[str, float]] = {}
    dimension_points: dict[str, float] = {}
    for dimension, listed in members.items():
        shares = _shares({m: used[m] for m, _ in listed if m in points})
        indicator_shares[dimension] = shares
        if shares:
            dimension_points[dimension] = sum(share * points[m] for m, share in shares.items())
    dimension_shares = _shares({d: used[d] for d in dimension_points})
    return _Parts(members, points, indicator_shares, dimension_points, dimension_shares)


def score_only(values: Mapping[str, float | None], rules: RuleSet, used: Mapping[str, float]) -> float | None:
    """Just the score, for many buckets: `used` from `effective_weights`, checked once."""
    return _parts(values, rules, used).score


def estimate(
    values: Mapping[str, float | None], rules: RuleSet, weights: Mapping[str, float] | None = None
) -> ScoreEstimate:
    """The score for metric `values` (by metric key, in their units) under `rules`."""
    used = effective_weights(rules, weights)
    parts = _parts(values, rules, used)
    dimensions = []
    for dimension, members in parts.members.items():
        d_share = parts.dimension_shares.get(dimension, 0.0)
        shares = parts.indicator_shares[dimension]
        dimensions.append(
            DimensionScore(
                key=dimension,
                label=DIMENSION_LABELS.get(dimension, dimension),
                weight=d_share,
                points=parts.dimension_points.get(dimension),
                indicators=tuple(
                    IndicatorScore(
                        metric=metric,
                        value=value,
                        points=parts.points.get(metric),
                        weight=shares.get(metric, 0.0),
                        contribution=d_share * shares.get(metric, 0.0) * parts.points.get(metric, 0.0),
                    )
                    for metric, value in members
                ),
            )
        )
    return ScoreEstimate(parts.score, tuple(dimensions), used, rules.rule_set)
