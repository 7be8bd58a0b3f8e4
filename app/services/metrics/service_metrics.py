"""The service metrics of RULES.md "Service metrics": what the dashboard shows.

Owns `compute_metrics` (every metric of `metric_definitions.METRICS` for a window, per
shop day or per hour, for the whole shop or one product, with the experience-score
estimate, as a `MetricsReport`), the window helper and the product list for the filter. The database does
the counting: one grouped query per kind of fact (`queries.py`, which also holds the
conventions they share), `GROUP BY` bucket (`buckets.py`); Python only puts the buckets
and the window's totals together and scores them (`experience_score.py`). Windows
are [start, end) in UTC seconds; a day bucket is a calendar day of the shop's time
zone (the rule set's: Asia/Shanghai for Douyin, UTC-8 for TikTok Shop), an hour bucket an hour.

What each metric counts, and which moment puts a row in the window and its bucket:
- ship_time_h: orders that counted as shipped (pickup scan, else merchant shipping)
  in the window; mean hours from payment. Moment: shipped.
- late_rate: orders due in the window (promised ship-by in it and already passed; never
  an order cancelled before it shipped): shipped after the promise or still unshipped
  ÷ due. Moment: ship-by. late_compensation_fen: what those late orders cost
  (`ship_deadlines.compensation_fen`; an unshipped one as of `now`).
- pickup_timeout_rate: parcels whose tracking number was uploaded in the window and
  whose pickup is settled: no scan within the pickup timeout ÷ settled. Moment: upload.
  Unavailable when no parcel has ever had a scan (a platform that reports none).
- review_time_h: mean hours from application to the end of review (the first answer by
  the merchant or the platform's timeout). refund_time_h: application to refunded.
  rejection_rate: refused (at review or after the return) ÷ requests with a final
  answer. Moment: when that happened. timeout_approvals: each time the platform agreed
  on the merchant's behalf (the rule: `metric_queries._timeout_approval`).
- quality_return_rate: requests applied for in the window with a quality reason ÷
  orders delivered in the window. after_sales_by_type: requests applied for, per type.
- escalation_rate: requests applied for in the window that the platform's arbitration
  took up, open or decided (`queries.escalated_after_sales`) ÷ requests applied for.
  Moment: application.
- late_dispatch_rate, valid_tracking_rate, seller_fault_cancellation_rate (only for a rule
  set whose dashboard names them: TikTok Shop's): orders dispatched in the window after their
  ship-by ÷ dispatched (moment: dispatched); settled parcels the carrier scanned ÷ settled
  (moment: upload); orders paid in the window cancelled for the seller's fault ÷ paid.
- experience_score: the estimate from the window's values (and each bucket's).
Empty buckets hold None for averages, rates and the score, 0 for counts and sums.

Money (`MONEY_METRICS`, the figures in fen) is the owner's (`Action.VIEW_MONEY`,
permissions.py "Who sees what"): computed for a `viewer` who may not see it, the report
leaves it out (`MetricsReport.withheld` names it), so no screen or export of theirs can
show it. The score never counts money, so it is the same for everyone.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core import shop_time
from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import RequestKind
from app.db import for_reporting
from app.models import OrderLine
from app.services.metrics import queries as q
from app.services.metrics.buckets import (
    BUCKET_SECONDS,
    COMPENSATED,
    COUNT,
    Window,
    average_hours,
    rate_of,
    summed,
    total_of,
)
from app.services.metrics.definitions import (
    DEFAULT_DASHBOARD,
    FULFILMENT_METRICS,
    METRIC_KEYS,
    METRICS,
    MONEY_METRICS,
    MetricDefinition,
    MetricResult,
    MetricsReport,
)
from app.services.metrics.experience_score import ScoreEstimate, estimate, score_only
from app.services.people.permissions import Action, Actor, allowed, authorise
from app.services.rule_history import rules_in_force
from app.services.rules import RuleSet

KIND_ORDER = {kind.value: position for position, kind in enumerate(RequestKind)}
MSG_NO_PICKUP_SCANS = QT_TRANSLATE_NOOP(
    "metrics", "The platform has reported no carrier pickup scans, so pickup timeouts cannot be told."
)


@dataclass(frozen=True, slots=True)
class ProductRow:
    product_id: str
    name: str
    orders: int


def window_for(days: int, now: int, rules: RuleSet | None = None) -> tuple[int, int]:
    """The last `days` shop days up to and including the second `now`: from 00:00 shop
    time `days - 1` days before today, so every day bucket but today's is whole."""
    tz = (rules or rules_in_force(None)).shipping.tz
    first = shop_time.date_of(now, tz) - timedelta(days=max(days, 1) - 1)
    return shop_time.midnight(first, tz), now + 1


def compute_metrics(
    session: Session,
    *,
    start: int,
    end: int,
    bucket: str = "day",
    product_id: str | None = None,
    rules: RuleSet | None = None,
    weights: Mapping[str, float] | None = None,
    now: int | None = None,
    viewer: Actor | None = None,
) -> MetricsReport:
    """Every metric of `METRICS` over [start, end), per `bucket` ("day": shop days;
    "hour"), for `product_id` or the whole shop, as of `now` (default: the clock), with
    targets from `rules` and the score weighted by `weights` over the rule set's.
    For a `viewer` (the person whose screen asks; None: no one's, the program's own use)
    the person's record as it is now must allow the dashboard, and money figures are
    left out unless it allows money too (PermissionDenied; see the module docstring)."""
    withheld = _withheld_from(session, viewer)
    _check_window(start, end, bucket)
    rules = rules or rules_in_force(None)
    now = int(time.time()) if now is None else now
    window = Window.of(session, q.Scope(start, end, now, rules, product_id), bucket)
    for_reporting(session)
    results = {
        **_shipping_metrics(window),
        **_review_metrics(window),
        **_after_sale_metrics(window),
        **_fulfilment_metrics(window),
    }
    # Targets, the score's bands and the set named on screen: the set of the last day scored
    # (each order and request inside the window was priced by its own day's, q.Scope's rules).
    scored = rules.at(min(end, now) - 1)
    score = _add_experience_score(results, window.buckets, scored, weights)
    return MetricsReport(
        start=start,
        end=end,
        now=now,
        bucket=bucket,
        buckets=window.buckets,
        product_id=product_id,
        rule_set=scored.rule_set,
        rule_effective=scored.effective,
        metrics={
            d.key: _with_definition(results[d.key], d, scored)
            for d in METRICS
            if d.key in results and d.key not in withheld
        },
        score=score,
        withheld=withheld,
        time_zone=rules.shipping.time_zone,
        shown=rules.metrics.dashboard or DEFAULT_DASHBOARD,
    )


def _withheld_from(session: Session, viewer: Actor | None) -> tuple[str, ...]:
    """The money metrics a `viewer` may not see (checking they may see the dashboard at all)."""
    if viewer is None:
        return ()
    current = authorise(session, viewer, Action.VIEW_DASHBOARD)
    if allowed(current, Action.VIEW_MONEY):
        return ()
    return tuple(key for key in METRIC_KEYS if key in MONEY_METRICS)


def _check_window(start: int, end: int, bucket: str) -> None:
    if bucket not in BUCKET_SECONDS:
        raise ValueError(f"bucket must be one of {sorted(BUCKET_SECONDS)}, not {bucket!r}")
    if end <= start:
        raise ValueError("the window must end after it starts")


def _shipping_metrics(window: Window) -> dict[str, MetricResult]:
    """Ship time, late shipments and what they cost, and pickup timeouts."""
    scope, buckets = window.scope, window.buckets
    due = window.grouped(q.due_orders(scope), COUNT, summed("late"), summed("compensation_fen"), COMPENSATED)
    shipped = window.grouped(q.shipped_orders(scope), COUNT, summed("duration_s"))
    parcels = window.grouped(q.parcels(scope), COUNT, summed("timed_out"))
    return {
        "ship_time_h": average_hours("ship_time_h", buckets, shipped),
        "late_rate": rate_of("late_rate", buckets, {b: (late, n) for b, (n, late, *_) in due.items()}),
        "pickup_timeout_rate": _pickup_timeout_rate(window, parcels),
        "late_compensation_fen": total_of(
            "late_compensation_fen",
            buckets,
            {b: fen for b, (_, _, fen, _) in due.items()},
            count=sum(paid for *_, paid in due.values()),
        ),
    }


def _pickup_timeout_rate(
    window: Window, parcels: Mapping[int, tuple[int, ...]], key: str = "pickup_timeout_rate"
) -> MetricResult:
    """Timed-out parcels ÷ settled ones (`parcels`: bucket -> (settled, timed out)); for
    "valid_tracking_rate", scanned ÷ settled (bucket -> (settled, unscanned): a tracking number
    the carrier scanned, however late, is valid as far as the mirror can tell; the platform's
    other checks are not in it). Unavailable when the platform reports no scans at all."""
    if window.session.execute(q.platform_reports_pickups(window.scope)).first() is None:
        return MetricResult(
            key, None, dict.fromkeys(window.buckets), available=False, unavailable_reason=MSG_NO_PICKUP_SCANS
        )
    if key == "valid_tracking_rate":
        return rate_of(key, window.buckets, {b: (n - unscanned, n) for b, (n, unscanned) in parcels.items()})
    return rate_of(key, window.buckets, {b: (late, n) for b, (n, late) in parcels.items()})


def _fulfilment_metrics(window: Window) -> dict[str, MetricResult]:
    """The late dispatch, valid tracking and seller-fault cancellation rates, for a rule set
    whose dashboard names them (TikTok Shop's; `queries.dispatched_orders`, `parcels`,
    `placed_orders` say what each counts)."""
    wanted = set(window.scope.rules.metrics.dashboard) & set(FULFILMENT_METRICS)
    scope, buckets, results = window.scope, window.buckets, {}
    if "late_dispatch_rate" in wanted:
        dispatched = window.grouped(q.dispatched_orders(scope), COUNT, summed("late"))
        late = {b: (late, n) for b, (n, late) in dispatched.items()}
        results["late_dispatch_rate"] = rate_of("late_dispatch_rate", buckets, late)
    if "valid_tracking_rate" in wanted:
        parcels = window.grouped(q.parcels(scope), COUNT, summed("unscanned"))
        results["valid_tracking_rate"] = _pickup_timeout_rate(window, parcels, "valid_tracking_rate")
    if "seller_fault_cancellation_rate" in wanted:
        placed = window.grouped(q.placed_orders(scope), COUNT, summed("seller_fault"))
        faults = {b: (fault, n) for b, (n, fault) in placed.items()}
        results["seller_fault_cancellation_rate"] = rate_of("seller_fault_cancellation_rate", buckets, faults)
    return results


def _review_metrics(window: Window) -> dict[str, MetricResult]:
    """Review time, refund time, timeout approvals and the rejection rate, all from the
    requests' state changes in one query."""
    buckets = window.buckets
    changes = window.grouped(
        q.after_sale_changes(window.scope),
        summed("review_end"),
        summed("review_end", "duration_s"),
        summed("refund"),
        summed("refund", "duration_s"),
        summed("timeout_approval"),
        summed("decision"),
        summed("refused"),
    )
    reviews = {b: (n, s) for b, (n, s, *_) in changes.items()}
    refunds = {b: (n, s) for b, (_, _, n, s, *_) in changes.items()}
    timeouts = {b: row[4] for b, row in changes.items()}
    decisions = {b: (n, refused) for b, (*_, n, refused) in changes.items()}
    return {
        "review_time_h": average_hours("review_time_h", buckets, reviews),
        "refund_time_h": average_hours("refund_time_h", buckets, refunds),
        "timeout_approvals": total_of("timeout_approvals", buckets, timeouts, count=sum(timeouts.values())),
        "rejection_rate": rate_of(
            "rejection_rate", buckets, {b: (no, n) for b, (n, no) in decisions.items()}
        ),
    }


def _after_sale_metrics(window: Window) -> dict[str, MetricResult]:
    """The escalation rate (requests taken to the platform's arbitration ÷ requests applied
    for, RULES.md), the quality-return rate and the requests applied for, per kind: the
    requests applied for read once for all three."""
    applied = window.grouped(
        q.applied_after_sales(window.scope).add_columns(q.escalated_flag().label("escalated")),
        COUNT,
        summed("quality"),
        summed("escalated"),
        by="kind",
    )
    delivered = {b: c for b, (c,) in window.grouped(q.delivered_orders(window.scope), COUNT).items()}
    by_kind: dict[int, dict[str | None, int]] = {}
    quality: dict[int, int] = {}
    escalated: dict[int, tuple[int, int]] = {}  # bucket -> (taken up, applied for)
    for (start_of_bucket, kind), (count, quality_count, up) in applied.items():
        by_kind.setdefault(start_of_bucket, {})[kind] = count
        quality[start_of_bucket] = quality.get(start_of_bucket, 0) + quality_count
        so_far = escalated.get(start_of_bucket, (0, 0))
        escalated[start_of_bucket] = (so_far[0] + up, so_far[1] + count)
    quality_and_delivered = {
        b: (quality.get(b, 0), delivered.get(b, 0)) for b in set(quality) | set(delivered)
    }
    return {
        "escalation_rate": rate_of("escalation_rate", window.buckets, escalated),
        "quality_return_rate": rate_of("quality_return_rate", window.buckets, quality_and_delivered),
        "after_sales_by_type": _by_kind(window.buckets, by_kind),
    }


def _add_experience_score(
    results: dict[str, MetricResult],
    buckets: tuple[int, ...],
    rules: RuleSet,
    weights: Mapping[str, float] | None,
) -> ScoreEstimate:
    """Score the window's values (and each bucket's, with the same weights), add the
    score to `results`, and answer the window's estimate."""
    score = estimate({k: r.value for k, r in results.items()}, rules, weights)
    series = {
        b: score_only({k: r.series[b] for k, r in results.items()}, rules, score.weights) for b in buckets
    }
    results["experience_score"] = MetricResult("experience_score", score.score, series)
    return score


def _by_kind(buckets: tuple[int, ...], by_kind: dict[int, dict[str | None, int]]) -> MetricResult:
    """The requests applied for, per request kind (the window's and each bucket's), the
    kinds in the vocabulary's order; a kind the platform's adapter had no word for (None) last."""
    breakdown: dict[str | None, int] = {}
    for counts in by_kind.values():
        for kind, count in counts.items():
            breakdown[kind] = breakdown.get(kind, 0) + count
    total = sum(breakdown.values())
    return MetricResult(
        "after_sales_by_type",
        total,
        {b: sum(by_kind.get(b, {}).values()) for b in buckets},
        count=total,
        breakdown=_in_kind_order(breakdown),
        series_breakdown={b: _in_kind_order(by_kind.get(b, {})) for b in buckets},
    )


def _in_kind_order(counts: dict[str | None, int]) -> dict[str | None, int]:
    return dict(sorted(counts.items(), key=lambda item: KIND_ORDER.get(item[0] or "", len(KIND_ORDER))))


def _with_definition(result: MetricResult, definition: MetricDefinition, rules: RuleSet) -> MetricResult:
    """The result with the rule set's target, and unavailable as the definition says."""
    target = rules.metrics.target(definition.key)
    changes: dict[str, Any] = {}
    if target is not None:
        changes.update(
            target=target.target, limit=target.limit, target_note=target.note, target_ours=target.ours
        )
    if not definition.available:
        changes.update(available=False, unavailable_reason=definition.unavailable_reason, value=None)
    return replace(result, **changes) if changes else result


def products(session: Session) -> list[ProductRow]:
    """The shop's products for the metrics' filter, most ordered first."""
    orders = func.count(func.distinct(OrderLine.order_id))
    statement = (
        select(OrderLine.product_id, func.max(OrderLine.product_name), orders)
        .where(OrderLine.product_id != "")
        .group_by(OrderLine.product_id)
        .order_by(orders.desc(), OrderLine.product_id)
    )
    return [
        ProductRow(product_id, name or "", count) for product_id, name, count in session.execute(statement)
    ]
