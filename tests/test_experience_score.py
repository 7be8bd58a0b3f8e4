"""The experience-score estimate: bands, weights, and a worked example to check by hand."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from app.db import open_database
from app.services.metrics.experience_score import default_weights, estimate, points_for
from app.services.rules import DEFAULT_RULES_FILE, RuleSet, load_rules, parse_rules
from tests.metric_shop import a_request, an_order, at, moved, pull, report, seed_orders

RULES = load_rules()

# The worked example's metric values, each landing where its band's points are round.
VALUES = {
    "quality_return_rate": 0.02,
    "late_rate": 0.07,
    "pickup_timeout_rate": 0.05,
    "ship_time_h": 36.0,
    "review_time_h": 12.0,
    "refund_time_h": 48.0,
    "rejection_rate": 0.35,
}


def test_the_worked_example_with_the_default_weights() -> None:
    """douyin-2026-12 bands (ours), weights product 0.4 / logistics 0.3 / service 0.3:

    product    quality return 2%   between (1%, 90) and (3%, 70)     -> 80
    logistics  late rate 7%        between (3%, 90) and (11%, 70)    -> 80   x 0.5 = 40
               pickup timeout 5%   exactly a band                    -> 90   x 0.2 = 18
               ship time 36 h      between (24 h, 90) and (48 h, 70) -> 80   x 0.3 = 24   = 82
    service    review time 12 h    exactly a band                    -> 90   x 0.4 = 36
               refund time 48 h    between (24 h, 100) and (72 h, 80) -> 90  x 0.3 = 27
               rejection 35%       between (20%, 80) and (50%, 50)   -> 65   x 0.3 = 19.5 = 82.5
    score = 0.4 x 80 + 0.3 x 82 + 0.3 x 82.5 = 32 + 24.6 + 24.75 = 81.35
    Contributions (dimension weight x indicator weight x points): 32, 12, 5.4, 7.2,
    10.8, 8.1, 5.85, adding up to the score."""
    result = estimate(VALUES, RULES)
    assert result.score == pytest.approx(81.35)
    assert [(d.key, d.weight) for d in result.dimensions] == [
        ("product", pytest.approx(0.4)),
        ("logistics", pytest.approx(0.3)),
        ("service", pytest.approx(0.3)),
    ]
    assert [d.points for d in result.dimensions] == [
        pytest.approx(80),
        pytest.approx(82),
        pytest.approx(82.5),
    ]
    indicators = {i.metric: i for d in result.dimensions for i in d.indicators}
    assert {m: i.points for m, i in indicators.items()} == {
        "quality_return_rate": pytest.approx(80),
        "late_rate": pytest.approx(80),
        "pickup_timeout_rate": pytest.approx(90),
        "ship_time_h": pytest.approx(80),
        "review_time_h": pytest.approx(90),
        "refund_time_h": pytest.approx(90),
        "rejection_rate": pytest.approx(65),
    }
    contributions = {m: i.contribution for m, i in indicators.items()}
    assert contributions == {
        "quality_return_rate": pytest.approx(32),
        "late_rate": pytest.approx(12),
        "pickup_timeout_rate": pytest.approx(5.4),
        "ship_time_h": pytest.approx(7.2),
        "review_time_h": pytest.approx(10.8),
        "refund_time_h": pytest.approx(8.1),
        "rejection_rate": pytest.approx(5.85),
    }
    assert sum(contributions.values()) == pytest.approx(result.score)
    assert result.rule_set == RULES.rule_set


def test_weights_are_settings_over_the_documented_default() -> None:
    """Without the product dimension: (0.3 x 82 + 0.3 x 82.5) / 0.6 = 82.25. Late rate
    alone in logistics: 80, so (0.3 x 80 + 0.3 x 82.5) / 0.6 = 81.25."""
    assert default_weights(RULES)["product"] == 0.4 and default_weights(RULES)["late_rate"] == 0.5
    assert estimate(VALUES, RULES, {"product": 0}).score == pytest.approx(82.25)
    only_late = {"product": 0, "pickup_timeout_rate": 0, "ship_time_h": 0}
    assert estimate(VALUES, RULES, only_late).score == pytest.approx(81.25)
    with pytest.raises(ValueError, match="no dimension or indicator called"):
        estimate(VALUES, RULES, {"produtc": 0.5})
    with pytest.raises(ValueError, match="at least 0"):
        estimate(VALUES, RULES, {"service": -1})


def test_indicators_without_data_leave_their_weight_to_the_others() -> None:
    """No refunds and no pickup data: logistics (0.5 x 80 + 0.3 x 80) / 0.8 = 80, service
    (0.4 x 90 + 0.3 x 65) / 0.7 = 79.29; nothing at all: no score."""
    result = estimate({**VALUES, "refund_time_h": None, "pickup_timeout_rate": None}, RULES)
    points = {d.key: d.points for d in result.dimensions}
    assert points["logistics"] == pytest.approx(80) and points["service"] == pytest.approx(55.5 / 0.7)
    missing = {i.metric: i for d in result.dimensions for i in d.indicators}["refund_time_h"]
    assert (missing.points, missing.weight, missing.contribution) == (None, 0.0, 0.0)
    assert estimate({}, RULES).score is None


def test_points_are_flat_outside_the_bands_and_linear_between() -> None:
    bands = ((0.0, 100.0), (0.04, 90.0), (0.10, 70.0))
    assert points_for(-1, bands) == 100 and points_for(0.5, bands) == 70
    assert points_for(0.02, bands) == pytest.approx(95) and points_for(0.04, bands) == 90


def rules_with(change: Callable[[dict[str, Any]], object]) -> RuleSet:
    raw = json.loads(DEFAULT_RULES_FILE.read_text(encoding="utf-8"))
    change(raw)
    return parse_rules(raw)


def score_section(raw: dict[str, Any]) -> dict[str, Any]:
    return raw["metrics"]["experience_score"]


MALFORMED = [
    ("no metrics section", lambda r: r.pop("metrics"), "metrics section is missing"),
    (
        "bands not rising",
        lambda r: score_section(r)["indicators"][0].update(bands=[[0.03, 70], [0.01, 90]]),
        "must rise in value",
    ),
    (
        "points above 100",
        lambda r: score_section(r)["indicators"][0].update(bands=[[0, 120]]),
        "points from 50 to 100",
    ),
    (
        "unknown dimension",
        lambda r: score_section(r)["indicators"][0].update(dimension="price"),
        "dimension must be one of",
    ),
    (
        "unknown quality reason",
        lambda r: r["metrics"].update(quality_reason_kinds=["quality", "bad_vibes"]),
        "reason_keywords kinds",
    ),
]


@pytest.mark.parametrize(("name", "change", "message"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_a_malformed_metrics_section_is_refused_naming_what_is_wrong(
    name: str, change: Callable[[dict[str, Any]], object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        rules_with(change)


def test_the_dashboards_score_is_the_estimate_of_its_own_figures(database_url: str) -> None:
    """A shop with one order shipped 6 h after payment, scanned in time, and one refund
    agreed after 2 h: the report's score is `estimate` of the report's values, and each
    day's score that of the day's."""
    _, sessions = open_database(database_url)
    order = an_order(paid=at(12, 8), shipped=at(12, 14), picked_up=at(12, 14), finished=at(15))
    seed_orders(sessions, [order])
    request = a_request(order, applied=at(16, 8))
    pull(sessions, request)
    pull(sessions, moved(request, 12, at(16, 10)))
    result = report(sessions, weights={"service": 0.5})
    values = {key: metric.value for key, metric in result.metrics.items()}
    expected = estimate(values, RULES, {"service": 0.5})
    assert result.score.score == pytest.approx(expected.score)
    assert result.metrics["experience_score"].value == pytest.approx(expected.score)
    day = {key: metric.series[at(16)] for key, metric in result.metrics.items()}
    assert result.metrics["experience_score"].series[at(16)] == pytest.approx(
        estimate(day, RULES, {"service": 0.5}).score
    )
    assert result.metrics["experience_score"].series[at(11)] is None
