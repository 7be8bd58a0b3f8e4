"""What one recompute of the dashboard reads, on the database lane (never the GUI thread).

Owns `FiguresAnswer` and `read_figures`: the metrics report for the window, bucket and
product chosen, computed for the person who will see it (`compute_metrics`, which
withholds the money figures from anyone but the owner); the metrics past the platform's
limit at today's pace (`past_limits`); the product list when it is due to be reread; and
which days' figures lack requests' histories (`history_coverage`). When recomputes start,
and how the answer is shown, are `view.py`'s.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.services.metrics.coverage import HistoryCoverage, history_coverage
from app.services.metrics.definitions import MetricsReport
from app.services.metrics.pace import past_limits
from app.services.metrics.service_metrics import ProductRow, compute_metrics, products
from app.services.people.permissions import Actor
from app.services.rules import RuleSet


@dataclass(frozen=True, slots=True)
class FiguresAnswer:
    report: MetricsReport
    past_limits: dict[str, float]  # metric -> projected value, past its limit at today's pace
    products: list[ProductRow] | None  # None: not re-read this time
    seconds: float
    coverage: HistoryCoverage  # which days' figures lack requests' histories


def read_figures(
    session: Session,
    *,
    start: int,
    end: int,
    bucket: str,
    product_id: str | None,
    rules: RuleSet,
    weights: dict[str, float],
    now: int,
    viewer: Actor | None,
    with_products: bool,
) -> FiguresAnswer:
    """Everything one recompute shows; `seconds`: how long it took to read."""
    started = time.perf_counter()
    report = compute_metrics(
        session, start=start, end=end, bucket=bucket, product_id=product_id, rules=rules,
        weights=weights, now=now, viewer=viewer,
    )  # fmt: skip
    listed = products(session) if with_products else None
    coverage = history_coverage(session, start, end, rules)
    return FiguresAnswer(report, past_limits(report, rules), listed, time.perf_counter() - started, coverage)
