"""What the dashboard's service metrics are, and the shape of their figures.

Owns the table of metrics of RULES.md "Service metrics" (`METRICS`: each one's key,
English name in context "metrics", unit, which way is better, and whether the
platform's data can give it at all), `MONEY_METRICS` (the figures in fen, the owner's
to see), and what `metrics.compute_metrics` answers: a `MetricResult` per metric and
the `MetricsReport` of a window. How each is counted is `metrics.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.core.shop_time import SHOP_ZONE_NAME
from app.core.translation import QT_TRANSLATE_NOOP
from app.services.metrics.experience_score import ScoreEstimate


@dataclass(frozen=True, slots=True)
class MetricDefinition:
    key: str
    label: str  # English source (context "metrics")
    unit: str  # "hours" | "ratio" | "fen" | "count" | "points"
    lower_is_better: bool
    # False: the platform's data cannot give it; `unavailable_reason` says why.
    available: bool = True
    unavailable_reason: str = ""


METRICS: tuple[MetricDefinition, ...] = (
    MetricDefinition("ship_time_h", QT_TRANSLATE_NOOP("metrics", "Average ship time"), "hours", True),
    MetricDefinition("late_rate", QT_TRANSLATE_NOOP("metrics", "Late-shipment rate"), "ratio", True),
    MetricDefinition(
        "pickup_timeout_rate", QT_TRANSLATE_NOOP("metrics", "Pickup timeout rate"), "ratio", True
    ),
    MetricDefinition(
        "late_compensation_fen", QT_TRANSLATE_NOOP("metrics", "Late compensation paid"), "fen", True
    ),
    MetricDefinition("review_time_h", QT_TRANSLATE_NOOP("metrics", "Average review time"), "hours", True),
    MetricDefinition("refund_time_h", QT_TRANSLATE_NOOP("metrics", "Refund duration"), "hours", True),
    MetricDefinition("timeout_approvals", QT_TRANSLATE_NOOP("metrics", "Timeout approvals"), "count", True),
    MetricDefinition("rejection_rate", QT_TRANSLATE_NOOP("metrics", "Rejection rate"), "ratio", True),
    # The platform says which requests its arbitration took up (Douyin: `arbitrate_status`).
    MetricDefinition("escalation_rate", QT_TRANSLATE_NOOP("metrics", "Escalation rate"), "ratio", True),
    MetricDefinition(
        "quality_return_rate", QT_TRANSLATE_NOOP("metrics", "Quality-return rate"), "ratio", True
    ),
    MetricDefinition(
        "after_sales_by_type", QT_TRANSLATE_NOOP("metrics", "After-sales by type"), "count", True
    ),
    MetricDefinition(
        "experience_score", QT_TRANSLATE_NOOP("metrics", "Experience score (est.)"), "points", False
    ),
    # The figures TikTok Shop judges a shop by (its rule set's "dashboard"), in the app's words;
    # how each is counted: `fulfilment_metrics.py`.
    MetricDefinition("late_dispatch_rate", QT_TRANSLATE_NOOP("metrics", "Late dispatch rate"), "ratio", True),
    MetricDefinition(
        "valid_tracking_rate", QT_TRANSLATE_NOOP("metrics", "Valid tracking rate"), "ratio", False
    ),
    MetricDefinition(
        "seller_fault_cancellation_rate",
        QT_TRANSLATE_NOOP("metrics", "Seller-fault cancellation rate"),
        "ratio",
        True,
    ),
)
METRIC_KEYS = tuple(definition.key for definition in METRICS)
# Computed only for a rule set whose dashboard names them (TikTok Shop's).
FULFILMENT_METRICS = ("late_dispatch_rate", "valid_tracking_rate", "seller_fault_cancellation_rate")
# The dashboard of a rule set that names none: every figure but those (Douyin's, as before).
DEFAULT_DASHBOARD = tuple(key for key in METRIC_KEYS if key not in FULFILMENT_METRICS)
# Money at stake, the owner's to see (Action.VIEW_MONEY).
MONEY_METRICS = frozenset(definition.key for definition in METRICS if definition.unit == "fen")


@dataclass(frozen=True, slots=True)
class MetricResult:
    key: str
    value: float | None  # in the definition's unit; None: nothing to measure, or unavailable
    series: dict[int, float | None]  # bucket start -> value, every bucket of the window
    count: int = 0  # rows the figure is over: orders, parcels or after-sales (rates: the denominator)
    numerator: int | None = None  # rates only
    denominator: int | None = None
    series_counts: dict[int, tuple[int, int]] = field(default_factory=dict)  # rates: bucket -> (num, den)
    # after_sales_by_type: request kind (a RequestKind value; None: no word for it) -> count
    breakdown: dict[str | None, int] = field(default_factory=dict)
    series_breakdown: dict[int, dict[str | None, int]] = field(default_factory=dict)
    target: float | None = None  # from the rule set's "metrics.targets"
    limit: float | None = None
    target_note: str = ""
    target_ours: bool = False  # the target and limit are the project's, not the platform's
    available: bool = True
    unavailable_reason: str = ""


@dataclass(frozen=True, slots=True)
class MetricsReport:
    start: int
    end: int
    now: int
    bucket: str  # "day" | "hour"
    buckets: tuple[int, ...]  # bucket starts, oldest first
    product_id: str | None
    rule_set: str  # the rule set in force, to name on screen
    rule_effective: date
    metrics: dict[str, MetricResult]  # in METRICS order, without those `withheld`
    score: ScoreEstimate
    withheld: tuple[str, ...] = ()  # money figures left out: the viewer may not see money
    time_zone: str = SHOP_ZONE_NAME  # the shop's clock (the rule set's): buckets are its days
    shown: tuple[str, ...] = ()  # the figures the platform judges the shop by, in order (its dashboard)
