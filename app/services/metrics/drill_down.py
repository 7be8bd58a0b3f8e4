"""The rows behind a service metric: what the dashboard lists under a figure.

Owns `drill_down`: for a metric and a window (or one bucket of it), the orders or
after-sales the figure counts — late orders, timed-out parcels, timeout approvals,
refusals, quality returns… — newest first, each with the moment that put it there
and a short detail in plain words (an English source string, context "metrics",
whose `{name}` fields are filled from `params` by the screen), so the screen can
list them and open each in its own screen. The rows come from the very SELECTs the
figures are counted from (`metric_queries.py`), filtered to what the figure counts.
The rows behind a money figure (`metric_definitions.MONEY_METRICS`) are the owner's: asked for
by a `viewer` whose record does not allow `Action.VIEW_MONEY`, they are refused.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.core.translation import QT_TRANSLATE_NOOP
from app.db import for_reporting
from app.services.metrics import queries as q
from app.services.metrics.definitions import METRIC_KEYS, MONEY_METRICS
from app.services.metrics.service_metrics import BUCKET_SECONDS
from app.services.people.permissions import Action, Actor, authorise
from app.services.refunds.after_sale_rules import yuan
from app.services.rule_history import rules_in_force
from app.services.rules import HOUR_S, RuleSet

ORDER, AFTER_SALE = "order", "after_sale"

MSG_SHIPPED_AFTER = QT_TRANSLATE_NOOP("metrics", "Shipped {hours} h after payment")
MSG_LATE = QT_TRANSLATE_NOOP("metrics", "Shipped {hours} h after the promised time")
MSG_NOT_SHIPPED = QT_TRANSLATE_NOOP("metrics", "Not shipped, {hours} h past the promised time")
MSG_COMPENSATION = QT_TRANSLATE_NOOP("metrics", "{amount} to the buyer for shipping {hours} h late")
MSG_NO_SCAN = QT_TRANSLATE_NOOP(
    "metrics", "Tracking number {tracking_no}: no pickup scan {hours} h after shipping"
)
MSG_LATE_SCAN = QT_TRANSLATE_NOOP(
    "metrics", "Tracking number {tracking_no}: picked up {hours} h after shipping"
)
MSG_ANSWERED = QT_TRANSLATE_NOOP("metrics", "Answered {hours} h after the buyer applied")
MSG_REFUNDED = QT_TRANSLATE_NOOP("metrics", "Refunded {hours} h after the buyer applied")
MSG_TIMEOUT = QT_TRANSLATE_NOOP(
    "metrics", "Agreed by the platform {hours} h after the buyer applied, without the shop's answer"
)
MSG_REFUSED = QT_TRANSLATE_NOOP("metrics", "Refused {hours} h after the buyer applied")
MSG_REASON = QT_TRANSLATE_NOOP("metrics", "Reason: {reason}")
MSG_SELLER_FAULT = QT_TRANSLATE_NOOP("metrics", "Cancelled for the seller's fault")


@dataclass(frozen=True, slots=True)
class DrillRow:
    kind: str  # "order" | "after_sale": which screen opens it
    id: str  # order_id or aftersale_id
    order_id: str  # the order either way
    time: int  # the moment that put it in the window (UTC seconds)
    detail: str  # English source (context "metrics") with {fields} from `params`
    params: Mapping[str, Any] = field(default_factory=dict)
    value: float | None = None  # hours, fen… in the metric's unit, for sorting


def _hours(seconds: int | None) -> float:
    return round((seconds or 0) / HOUR_S, 1)


def _late(row: Any) -> tuple[str, dict[str, Any], float]:
    hours = _hours(row.late_s)
    return (MSG_NOT_SHIPPED if row.unshipped else MSG_LATE), {"hours": hours}, hours


def _dispatched_late(row: Any) -> tuple[str, dict[str, Any], float]:
    hours = _hours(row.late_s)
    return MSG_LATE, {"hours": hours}, hours


def _seller_fault(row: Any) -> tuple[str, dict[str, Any], float | None]:
    return MSG_SELLER_FAULT, {}, None


def _compensation(row: Any) -> tuple[str, dict[str, Any], float]:
    return (
        MSG_COMPENSATION,
        {"amount": yuan(row.compensation_fen), "hours": _hours(row.late_s)},
        row.compensation_fen,
    )


def _parcel(row: Any) -> tuple[str, dict[str, Any], float]:
    hours = _hours(row.wait_s)
    return (
        (MSG_NO_SCAN if row.unscanned else MSG_LATE_SCAN),
        {"tracking_no": row.tracking_no, "hours": hours},
        hours,
    )


def _after(message: str) -> Callable[[Any], tuple[str, dict[str, Any], float]]:
    def detail(row: Any) -> tuple[str, dict[str, Any], float]:
        hours = _hours(row.duration_s)
        return message, {"hours": hours}, hours

    return detail


def _reason(row: Any) -> tuple[str, dict[str, Any], float | None]:
    return MSG_REASON, {"reason": row.reason or "—", "kind": row.kind}, None


@dataclass(frozen=True, slots=True)
class _Drill:
    kind: str
    source: Callable[[q.Scope], Select]
    flag: str  # the 0/1 column that marks the rows the figure counts; "" for all
    detail: Callable[[Any], tuple[str, dict[str, Any], float | None]]


DRILLS: dict[str, _Drill] = {
    "ship_time_h": _Drill(ORDER, q.shipped_orders, "", _after(MSG_SHIPPED_AFTER)),
    "late_rate": _Drill(ORDER, q.due_orders, "late", _late),
    "pickup_timeout_rate": _Drill(ORDER, q.parcels, "timed_out", _parcel),
    "late_compensation_fen": _Drill(ORDER, q.due_orders, "late", _compensation),
    "review_time_h": _Drill(AFTER_SALE, q.after_sale_changes, "review_end", _after(MSG_ANSWERED)),
    "refund_time_h": _Drill(AFTER_SALE, q.after_sale_changes, "refund", _after(MSG_REFUNDED)),
    "timeout_approvals": _Drill(AFTER_SALE, q.after_sale_changes, "timeout_approval", _after(MSG_TIMEOUT)),
    "rejection_rate": _Drill(AFTER_SALE, q.after_sale_changes, "refused", _after(MSG_REFUSED)),
    "quality_return_rate": _Drill(AFTER_SALE, q.applied_after_sales, "quality", _reason),
    "escalation_rate": _Drill(AFTER_SALE, q.escalated_after_sales, "escalated", _reason),
    "after_sales_by_type": _Drill(AFTER_SALE, q.applied_after_sales, "", _reason),
    "late_dispatch_rate": _Drill(ORDER, q.dispatched_orders, "late", _dispatched_late),
    "valid_tracking_rate": _Drill(ORDER, q.parcels, "unscanned", _parcel),  # the invalid ones
    "seller_fault_cancellation_rate": _Drill(ORDER, q.placed_orders, "seller_fault", _seller_fault),
}


def drill_down(
    session: Session,
    key: str,
    *,
    start: int,
    end: int,
    bucket: str = "day",
    bucket_start: int | None = None,
    product_id: str | None = None,
    limit: int = 500,
    rules: RuleSet | None = None,
    now: int | None = None,
    viewer: Actor | None = None,
) -> list[DrillRow]:
    """Up to `limit` rows behind metric `key` in [start, end), or in the bucket starting
    at `bucket_start` ("day" or "hour", as the figures were computed), newest first. A
    metric with no rows of its own (the score) has none. For a
    `viewer` (None: the program's own use) the person's record as it is now must allow
    the dashboard, and money too for a money figure (PermissionDenied)."""
    if key not in METRIC_KEYS:
        raise KeyError(f"no metric called {key!r}")
    if viewer is not None:
        authorise(session, viewer, Action.VIEW_MONEY if key in MONEY_METRICS else Action.VIEW_DASHBOARD)
    drill = DRILLS.get(key)
    if drill is None:
        return []
    if bucket_start is not None:
        start, end = max(start, bucket_start), min(end, bucket_start + BUCKET_SECONDS[bucket])
    if end <= start:
        return []
    scope = q.Scope(
        start, end, int(time.time()) if now is None else now, rules or rules_in_force(None), product_id
    )
    for_reporting(session)
    rows = drill.source(scope).subquery()
    statement = select(rows)
    if drill.flag:
        statement = statement.where(rows.c[drill.flag] == 1)
    if key == "late_compensation_fen":
        statement = statement.where(rows.c.compensation_fen > 0)
    statement = statement.order_by(rows.c.moment.desc(), rows.c.id).limit(limit)
    result = []
    for row in session.execute(statement):
        detail, params, value = drill.detail(row)
        result.append(DrillRow(drill.kind, row.id, row.order_id, row.moment, detail, params, value))
    return result
