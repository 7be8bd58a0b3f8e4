"""Which days' figures lack a request's history, for the dashboard to say so.

Owns the answer to "is every request that could count on this day there with its whole
history?", per shop day of a period. A request the mirror first saw already past
"awaiting the shop" (a first sync's 90 days, or a pull that found it moved on) has its
moves before that moment only once the history backfill has read them
(app/sync/history_backfill.py, which settles each in `request_histories`). Until then,
or for good when the platform gave no history, each day from its application to the day
the mirror first saw it may miss its review's end, a timeout approval, a refusal or a
refund: the figures read from state changes (`HISTORY_METRICS`) are incomplete there.
The other figures (orders, parcels, requests applied for) never depend on it.

Days are the shop's (the dashboard's day buckets); the shop as a whole, whatever the
product chosen (a request lacking its history counts against every product's view: the
careful side; ours).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, exists, func, select
from sqlalchemy.orm import Session, aliased

from app.core import shop_time
from app.core.vocabulary import RequestState
from app.models import AfterSale, AfterSaleStatusChange, RequestHistory
from app.models.request_history import HISTORY_READ, MISSING
from app.services.rule_history import rules_in_force
from app.services.rules import RuleSet

# The figures counted from requests' state changes (queries.after_sale_changes).
HISTORY_METRICS = ("review_time_h", "refund_time_h", "timeout_approvals", "rejection_rate")


@dataclass(frozen=True)
class HistoryCoverage:
    """Over a period: the shop days (their midnight, Unix s) whose history-based figures
    lack requests' histories, and how many requests that is."""

    missing_days: tuple[int, ...] = ()  # a request's history could not be had
    pending_days: tuple[int, ...] = ()  # a request's history is still being read
    missing_requests: int = 0
    pending_requests: int = 0
    metrics: tuple[str, ...] = field(default=HISTORY_METRICS)

    @property
    def complete(self) -> bool:
        return not self.missing_days and not self.pending_days


def first_seen_moved_on(request_id: SQLColumnExpression[str]) -> ColumnElement[bool]:
    """The mirror first saw the request past "awaiting the shop": its history before then
    is not in the mirror unless read (one change from nothing into another state)."""
    change = aliased(AfterSaleStatusChange)
    return exists().where(
        change.aftersale_id == request_id,
        change.from_status.is_(None),
        change.to_state.is_distinct_from(RequestState.AWAITING_SHOP.value),
    )


def _first_seen_moved_on_since(start: int) -> Select[str]:
    """The requests with a change since `start` from nothing into a state other than
    "awaiting the shop" (`first_seen_moved_on`'s change)."""
    change = aliased(AfterSaleStatusChange)
    return select(change.aftersale_id).where(
        change.at >= start,
        change.from_status.is_(None),
        change.to_state.is_distinct_from(RequestState.AWAITING_SHOP.value),
    )


def history_coverage(session: Session, start: int, end: int, rules: RuleSet | None = None) -> HistoryCoverage:
    """Which shop days of [start, end) lack requests' histories (see the module docstring)."""
    tz = (rules or rules_in_force(None)).shipping.tz
    change = aliased(AfterSaleStatusChange)
    first_seen_at = (
        select(func.min(change.at))
        .where(change.aftersale_id == AfterSale.aftersale_id, change.from_status.is_(None))
        .scalar_subquery()
    )
    rows = session.execute(
        select(AfterSale.apply_time, first_seen_at, RequestHistory.outcome)
        .outerjoin(RequestHistory, RequestHistory.aftersale_id == AfterSale.aftersale_id)
        .where(
            # `first_seen_moved_on`, asked of the changes since `start` only (indexed): one first
            # seen at or after `start` (below) was first seen moved on then, if at all. Probing
            # every request changed since `start` read all their changes instead (most first
            # seen awaiting the shop): three times as long.
            AfterSale.aftersale_id.in_(_first_seen_moved_on_since(start)),
            RequestHistory.outcome.is_distinct_from(HISTORY_READ),
            # Only those whose missing stretch [application, first seen] meets the period.
            AfterSale.apply_time < end,
            # First seen at a version no newer than the one kept: a request not changed
            # since `start` was first seen before it.
            AfterSale.update_time >= start,
            first_seen_at >= start,
        )
    ).all()
    missing: set[int] = set()
    pending: set[int] = set()
    missing_requests = pending_requests = 0
    for applied, seen, outcome in rows:
        days = missing if outcome in MISSING else pending
        if outcome in MISSING:
            missing_requests += 1
        else:
            pending_requests += 1
        day, last = shop_time.date_of(max(applied, start), tz), shop_time.date_of(min(seen, end - 1), tz)
        while day <= last:
            days.add(shop_time.midnight(day, tz))
            day += timedelta(days=1)
    return HistoryCoverage(
        missing_days=tuple(sorted(missing)),
        pending_days=tuple(sorted(pending - missing)),
        missing_requests=missing_requests,
        pending_requests=pending_requests,
    )
