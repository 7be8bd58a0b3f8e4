"""Which charts the dashboard draws, and in what colours.

Owns `ChartSpec` (a chart's name, title and the metrics it draws) and the two sets of
them: `CHARTS`, the six charts of issue 6 (ship time, late rate, after-sales by type,
review time and refund duration, timeout approvals, the score estimate), and
`FULFILMENT_CHARTS`, for a rule set whose dashboard names the figures the platform judges
a shop by (TikTok Shop's); and the colours of the series, of each request kind's bars and
of the target and limit lines. How a chart is drawn is `charts.py`'s.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import RequestKind

TARGET_COLOUR, LIMIT_COLOUR = "#1a7f37", "#cf222e"
SERIES_COLOURS = ("#0969da", "#8250df", "#bf3989", "#1b7c83", "#9a6700")
# Each request kind's bars, stacked from the bottom in this order (every kind of the vocabulary).
KIND_COLOURS = {
    **dict(
        zip(
            (
                RequestKind.RETURN_AND_REFUND,
                RequestKind.REFUND_AFTER_SHIPMENT,
                RequestKind.REFUND_BEFORE_SHIPMENT,
                RequestKind.EXCHANGE,
                RequestKind.RESEND,
            ),
            SERIES_COLOURS,
            strict=True,
        )
    ),
    RequestKind.PRICE_PROTECTION: "#bc4c00",
    RequestKind.REPAIR: "#57606a",
    RequestKind.CANCELLED_BY_SYSTEM: "#8c959f",
    RequestKind.CANCELLED_BY_BUYER: "#d0d7de",
    RequestKind.CANCELLED_BY_SHOP: "#afb8c1",
}


@dataclass(frozen=True, slots=True)
class ChartSpec:
    name: str  # the chart's object name, and its key in `DashboardCharts.card`
    title: str  # English source, context "DashboardCharts"
    series: tuple[str, ...]  # metric keys drawn, the first one's target and limit as lines
    bars: bool = False


CHARTS = (
    ChartSpec("ship_time", QT_TRANSLATE_NOOP("DashboardCharts", "Average ship time (h)"), ("ship_time_h",)),
    ChartSpec("late_rate", QT_TRANSLATE_NOOP("DashboardCharts", "Late-shipment rate (%)"), ("late_rate",)),
    ChartSpec(
        "after_sales",
        QT_TRANSLATE_NOOP("DashboardCharts", "After-sales by type"),
        ("after_sales_by_type",),
        bars=True,
    ),
    ChartSpec(
        "after_sale_times",
        QT_TRANSLATE_NOOP("DashboardCharts", "Review time and refund duration (h)"),
        ("review_time_h", "refund_time_h"),
    ),
    ChartSpec(
        "timeout_approvals",
        QT_TRANSLATE_NOOP("DashboardCharts", "Timeout approvals"),
        ("timeout_approvals",),
        bars=True,
    ),
    ChartSpec(
        "score", QT_TRANSLATE_NOOP("DashboardCharts", "Experience score (estimate)"), ("experience_score",)
    ),
)


# A rule set whose dashboard names the figures the platform judges a shop by (TikTok Shop's):
# those, with the after-sale figures every shop has.
FULFILMENT_CHARTS = (
    ChartSpec(
        "late_dispatch",
        QT_TRANSLATE_NOOP("DashboardCharts", "Late dispatch rate (%)"),
        ("late_dispatch_rate",),
    ),
    ChartSpec(
        "valid_tracking",
        QT_TRANSLATE_NOOP("DashboardCharts", "Valid tracking rate (%)"),
        ("valid_tracking_rate",),
    ),
    ChartSpec(
        "seller_fault_cancellations",
        QT_TRANSLATE_NOOP("DashboardCharts", "Seller-fault cancellation rate (%)"),
        ("seller_fault_cancellation_rate",),
    ),
    ChartSpec(
        "review_time", QT_TRANSLATE_NOOP("DashboardCharts", "Average review time (h)"), ("review_time_h",)
    ),
    CHARTS[4],  # timeout approvals
    CHARTS[2],  # after-sales by type
)
