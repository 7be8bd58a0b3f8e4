"""The SQL behind the service metrics: the rows each metric counts, in a window.

Owns one SELECT per kind of fact (orders due, orders shipped, parcels, orders
delivered, after-sales applied, after-sale status changes with 0/1 flags for what each
change means: review ended, refunded, final answer, refusal, timeout approval), each
the rows behind its metrics in [start, end) for the whole shop or one product, with a
column `moment`: the time that puts the row in a bucket. `metrics.py` groups these by
bucket for the figures; `metric_drill_down.py` lists them. One definition for both, so
the list under a figure is always exactly what it counts.
Everything is computed by the database (SQLite and PostgreSQL alike): rule numbers
enter as parameters and CASE expressions, never as rows loaded into Python.

Conventions the definitions share (RULES.md "Service metrics"; the choices are ours):
- The platform sends 0 for a time not set; it counts as no time (`NULLIF`).
- An order "counts as shipped" at its first carrier pickup scan, else when the
  merchant shipped (`ship_deadlines.effective_ship_time`); promised ship-by as
  `RuleSet.ship_by`. An order cancelled before it ever shipped is never due.
- Delivery is not in the dialect: `finish_time`, else shipping plus the rule set's
  `assumed_delivery_hours` (as `after_sale_rules.delivered_at`).
- After-sale times come from `after_sale_status_changes`. A request first seen already
  past "awaiting merchant" (the 90-day backfill, or one that moved between two pulls)
  has one change row from None whose `at` is the record's `update_time`, so the moment
  it reached that status is taken to be its `update_time`: exact when the status was
  its last change, later than the truth when the request changed again before it was
  first pulled. Such a row ends a review only if its status is one a review leads to
  directly (agreed, refused, or the timeout's outcome); a refund before shipment first
  seen refunded within `fast_refund_within_s` of its application was a fast refund
  (no review): it counts as a refund, never as a review or a decision.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    and_,
    case,
    exists,
    func,
    literal,
    not_,
    or_,
    select,
    tuple_,
)
from sqlalchemy.orm import aliased

from app.core.vocabulary import RequestState
from app.models import AfterSale, AfterSaleStatusChange, Order, OrderLine, OrderLogistics, OutboxOperation
from app.models import outbox as outbox_state
from app.platforms.douyin.codes import (
    OPERATE_TRANSITIONS,
    PLATFORM_TIMEOUT,
    AfterSaleStatus,
    AfterSaleType,
    OrderStatus,
)
from app.services.rules import HOUR_S, CompensationRule, RuleSet
from app.services.shipping.deadlines import ship_by_column

S = AfterSaleStatus
AWAITING = int(S.AWAITING_MERCHANT)
# Statuses in which a request has its final answer: refunded, exchange or resend going
# ahead, refused (at review or after the return). Closed (28: withdrawn, never returned)
# is no answer from the merchant or the platform.
DECIDED = (S.REFUNDED, S.EXCHANGE_IN_PROGRESS, S.EXCHANGE_DONE, S.MERCHANT_REFUSED, S.REFUSED_AFTER_RETURN)
REFUSED = (int(S.MERCHANT_REFUSED), int(S.REFUSED_AFTER_RETURN))


@dataclass(frozen=True, slots=True)
class Scope:
    """What to count: [start, end) in UTC seconds, as of `now`, for one product or all."""

    start: int
    end: int
    now: int
    rules: RuleSet
    product_id: str | None = None


def bucket_of(
    t: ColumnElement[int], size_s: int | ColumnElement[int], offset_s: int | ColumnElement[int]
) -> ColumnElement[int]:
    """The start of the bucket of `t`: buckets of `size_s` aligned on the shop's wall
    clock, `offset_s` east of UTC (integer division; times are positive)."""
    return ((t + offset_s) // size_s) * size_s - offset_s


def _set(column: SQLColumnExpression[int | None]) -> ColumnElement[int]:
    return func.nullif(column, 0)


def _flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return case((condition, 1), else_=0)


def _between(t: SQLColumnExpression[int | None], start: int, end: int) -> ColumnElement[bool]:
    return and_(t >= start, t < end)


# --- orders -----------------------------------------------------------------------
def _order_times(rules: RuleSet) -> tuple[SQLColumnExpression[int | None], ...]:
    paid = _set(Order.pay_time)
    ship_by = ship_by_column(rules)
    merchant_shipped = _set(Order.ship_time)
    shipped = func.coalesce(Order.pickup_time, merchant_shipped)
    return paid, ship_by, merchant_shipped, shipped


def _product_orders(scope: Scope) -> list[ColumnElement[bool]]:
    if scope.product_id is None:
        return []
    return [Order.order_id.in_(select(OrderLine.order_id).where(OrderLine.product_id == scope.product_id))]


def _amount(
    rule: CompensationRule | None, pay_amount: SQLColumnExpression[int], round_to: int
) -> ColumnElement[int]:
    """`CompensationRule.amount_fen` in SQL: share of the paid amount, rounded half up to
    `round_to` fen, held between the floor and the ceiling."""
    if rule is None:
        return literal(0)
    raw = ((pay_amount * rule.percent + round_to * 50) // (round_to * 100)) * round_to
    return case((raw < rule.min_fen, rule.min_fen), (raw > rule.max_fen, rule.max_fen), else_=raw)


def compensation_sql(
    pay_amount: SQLColumnExpression[int],
    promise_s: SQLColumnExpression[int | None],
    late_s: SQLColumnExpression[int | None],
    rules: RuleSet,
) -> ColumnElement[int]:
    """`ship_deadlines.compensation_fen` in SQL: nothing when not late, the band's late
    rule up to `out_of_stock_after_hours` late, its out-of-stock rule after that."""
    shipping = rules.shipping
    bands, unit = shipping.compensation_bands, shipping.compensation_round_to_fen

    def by_band(out_of_stock: bool) -> ColumnElement[int]:
        def pick(index: int) -> ColumnElement[int]:
            band = bands[index]
            return _amount(band.out_of_stock if out_of_stock else band.late, pay_amount, unit)

        whens = [
            (promise_s <= (band.promise_up_to_hours or 0) * HOUR_S, pick(i))
            for i, band in enumerate(bands[:-1])
        ]
        return case(*whens, else_=pick(len(bands) - 1)) if whens else pick(0)

    out_of_stock_s = shipping.out_of_stock_after_hours * HOUR_S
    return case((late_s <= 0, 0), (late_s > out_of_stock_s, by_band(True)), else_=by_band(False))


def due_orders(scope: Scope) -> Select:
    """Orders whose promised ship-by falls in the window (and has passed): late when they
    counted as shipped after it, or have not shipped; with what that costs."""
    paid, ship_by, merchant_shipped, shipped = _order_times(scope.rules)
    late_s = func.coalesce(shipped, scope.now) - ship_by
    return select(
        Order.order_id.label("id"),
        Order.order_id.label("order_id"),
        ship_by.label("moment"),
        _flag(late_s > 0).label("late"),
        late_s.label("late_s"),
        _flag(shipped.is_(None)).label("unshipped"),
        compensation_sql(Order.pay_amount, ship_by - paid, late_s, scope.rules).label("compensation_fen"),
    ).where(
        paid.is_not(None),
        or_(Order.status != int(OrderStatus.CANCELLED), merchant_shipped.is_not(None)),
        _between(ship_by, scope.start, min(scope.end, scope.now)),
        *_product_orders(scope),
    )


def shipped_orders(scope: Scope) -> Select:
    """Orders that counted as shipped in the window, and how long after payment."""
    paid, _, _, shipped = _order_times(scope.rules)
    return select(
        Order.order_id.label("id"),
        Order.order_id.label("order_id"),
        shipped.label("moment"),
        (shipped - paid).label("duration_s"),
    ).where(paid.is_not(None), _between(shipped, scope.start, scope.end), *_product_orders(scope))


def delivered_orders(scope: Scope) -> Select:
    """Orders delivered in the window (and by now), the quality-return rate's denominator."""
    _, _, merchant_shipped, _ = _order_times(scope.rules)
    delivered = func.coalesce(
        _set(Order.finish_time), merchant_shipped + scope.rules.after_sales.assumed_delivery_hours * HOUR_S
    )
    return select(
        Order.order_id.label("id"), Order.order_id.label("order_id"), delivered.label("moment")
    ).where(
        merchant_shipped.is_not(None),
        Order.status != int(OrderStatus.CANCELLED),
        _between(delivered, scope.start, min(scope.end, scope.now + 1)),
        *_product_orders(scope),
    )


def platform_reports_pickups(scope: Scope) -> Select:
    """Any parcel with a carrier scan at all: without one, the pickup rate cannot be known."""
    return select(OrderLogistics.id).where(OrderLogistics.pickup_time.is_not(None)).limit(1)


def parcels(scope: Scope) -> Select:
    """Parcels whose tracking number was uploaded in the window and whose pickup is
    settled: scanned, or unscanned for longer than the pickup timeout (timed out)."""
    shipped = _set(OrderLogistics.ship_time)
    waited = func.coalesce(OrderLogistics.pickup_time, scope.now) - shipped
    timeout_s = scope.rules.shipping.pickup_timeout_hours * HOUR_S
    where = [
        _between(OrderLogistics.ship_time, scope.start, scope.end),  # the bare column: its index serves
        or_(OrderLogistics.pickup_time.is_not(None), waited > timeout_s),
    ]
    if scope.product_id is not None:
        where.append(
            OrderLogistics.order_id.in_(
                select(OrderLine.order_id).where(OrderLine.product_id == scope.product_id)
            )
        )
    return select(
        OrderLogistics.order_id.label("id"),
        OrderLogistics.order_id.label("order_id"),
        shipped.label("moment"),
        _flag(waited > timeout_s).label("timed_out"),
        waited.label("wait_s"),
        OrderLogistics.tracking_no.label("tracking_no"),
        _flag(OrderLogistics.pickup_time.is_(None)).label("unscanned"),
    ).where(*where)


# --- after-sales --------------------------------------------------------------------
def _product_after_sales(scope: Scope) -> list[ColumnElement[bool]]:
    """A request belongs to the product of its SKU line (`related_id`), or, when that line
    is not mirrored, to every product of its order."""
    if scope.product_id is None:
        return []
    # Probes by key for each request in the window, not a list of the product's lines.
    line = aliased(OrderLine)
    its_line = exists().where(line.sku_order_id == AfterSale.related_id)
    line_of_product = exists().where(
        line.sku_order_id == AfterSale.related_id, line.product_id == scope.product_id
    )
    order_has_product = exists().where(
        line.order_id == AfterSale.order_id, line.product_id == scope.product_id
    )
    return [or_(line_of_product, and_(not_(its_line), order_has_product))]


def quality_flag(scope: Scope) -> ColumnElement[int]:
    """1 for a quality return: the first reason kind whose keywords the buyer's reason
    contains (`AfterSaleRules.reason_kind`, first match wins) is a quality kind, and
    the goods had reached the buyer (not a refund before shipment)."""
    quality = set(scope.rules.metrics.quality_reason_kinds)
    whens = [
        (
            or_(*(AfterSale.reason_text.contains(word, autoescape=True) for word in words)),
            int(kind in quality),
        )
        for kind, words in scope.rules.after_sales.reason_keywords
        if words
    ]
    kind_is_quality = case(*whens, else_=0) if whens else literal(0)
    return case((AfterSale.type == int(AfterSaleType.REFUND_BEFORE_SHIPMENT), 0), else_=kind_is_quality)


def applied_after_sales(scope: Scope) -> Select:
    """Requests the buyers applied for in the window, with their type and quality flag."""
    return select(
        AfterSale.aftersale_id.label("id"),
        AfterSale.order_id.label("order_id"),
        AfterSale.apply_time.label("moment"),
        AfterSale.type.label("type"),
        quality_flag(scope).label("quality"),
        AfterSale.reason_text.label("reason"),
    ).where(_between(AfterSale.apply_time, scope.start, scope.end), *_product_after_sales(scope))


def _outcomes_of_review(type_: ColumnElement[int], status: ColumnElement[int]) -> ColumnElement[bool]:
    """Whether `status` is one a request of `type_` reaches straight from "awaiting
    merchant": by the merchant's moves (`OPERATE_TRANSITIONS`) or the platform's timeout."""
    outcomes: dict[int, set[int]] = {}
    for moves in (*OPERATE_TRANSITIONS.values(), PLATFORM_TIMEOUT):
        for (kind, source), target in moves.items():
            if source == AWAITING:
                outcomes.setdefault(int(kind), set()).add(int(target))
    return or_(*(and_(type_ == kind, status.in_(sorted(targets))) for kind, targets in outcomes.items()))


def _fast_refund(change: Any, scope: Scope) -> ColumnElement[bool]:
    return and_(
        change.from_status.is_(None),
        AfterSale.type == int(AfterSaleType.REFUND_BEFORE_SHIPMENT),
        change.to_status == int(S.REFUNDED),
        change.at - AfterSale.apply_time <= scope.rules.metrics.fast_refund_within_s,
    )


def _ends_review(change: Any, scope: Scope) -> ColumnElement[bool]:
    """The change ends the request's review: it left "awaiting merchant" by an answer (not
    closed by the buyer), or, first seen already answered, is in an outcome a review
    leads to directly (and was no fast refund); see the module docstring."""
    return or_(
        and_(change.from_status == AWAITING, change.to_status != int(S.CLOSED)),
        and_(
            change.from_status.is_(None),
            _outcomes_of_review(AfterSale.type, change.to_status),
            not_(_fast_refund(change, scope)),
        ),
    )


def _gives_final_answer(change: Any, scope: Scope) -> ColumnElement[bool]:
    """The request reached a final answer (`DECIDED`) from a status that was none (so an
    exchange going ahead, then done, is decided once; a request the buyer reopened after
    a refusal and that was decided again counts twice); a fast refund is nobody's decision."""
    decided = [int(s) for s in DECIDED]
    return and_(
        change.to_status.in_(decided),
        or_(change.from_status.is_(None), change.from_status.not_in(decided)),
        not_(_fast_refund(change, scope)),
    )


Condition = Callable[[Any, Scope], ColumnElement[bool]]


def _first(change: Any, condition: Condition, scope: Scope) -> ColumnElement[bool]:
    """`condition` holds for `change` and for no earlier change of the same request.
    A request's changes are appended in the order they happened (the ingest records one
    only from a version at least as new as the stored one), so earlier means a lower id."""
    earlier = aliased(AfterSaleStatusChange)
    return and_(
        condition(change, scope),
        ~exists().where(
            earlier.aftersale_id == change.aftersale_id, earlier.id < change.id, condition(earlier, scope)
        ),
    )


def _timeout_approval(change: Any, scope: Scope) -> ColumnElement[bool]:
    """The platform agreed on the merchant's behalf: the change is the platform's timeout
    move (`codes.PLATFORM_TIMEOUT`, from "awaiting merchant" or "returned, awaiting
    receipt"), at or after the deadline the mirror had for the old status (for "awaiting
    merchant" without one: application + the rule set's fallback hours), and no decision
    of this app's for that status was confirmed by the platform (an outbox operation
    done; a decision that found the platform had agreed on its own ends in "conflict",
    not "done": app/sync/push.py, so it counts here). A request first seen in the
    timeout's outcome of "awaiting merchant" counts when its `update_time` is at or
    after application + the fallback."""
    fallback = AfterSale.apply_time + scope.rules.after_sales.status_deadline_fallback_s
    left = func.coalesce(change.from_status, AWAITING)
    moves = [
        and_(AfterSale.type == int(kind), left == int(source), change.to_status == int(target))
        for (kind, source), target in PLATFORM_TIMEOUT.items()
    ]
    deadline = case(
        (change.from_status.is_(None), fallback),
        else_=func.coalesce(_set(change.from_deadline), case((change.from_status == AWAITING, fallback))),
    )
    # One set of (request, status) the app's confirmed decisions left, built once: a
    # probe per row would walk every finished operation.
    decided_here = select(OutboxOperation.entity_id, OutboxOperation.expected_from_state).where(
        OutboxOperation.entity_type == "after_sale",
        OutboxOperation.action == "decide",
        OutboxOperation.state == outbox_state.DONE,
        OutboxOperation.expected_from_state.is_not(None),
    )
    # The outbox keeps the states in the app's words: the change's own word for `left`.
    awaiting = RequestState.AWAITING_SHOP.value
    left_state = case((change.from_status.is_(None), awaiting), else_=change.from_state)
    return and_(
        or_(*moves), change.at >= deadline, tuple_(change.aftersale_id, left_state).not_in(decided_here)
    )


def after_sale_changes(scope: Scope) -> Select:
    """Status changes in the window, each with what it means for the metrics (0/1 flags):
    `review_end` (the first end of the request's review: a buyer who changes a request
    sends it back to the merchant, and only the first review counts), `refund` (reached
    "refunded", a final status, so once), `decision` (a final answer) and `refused` (that
    answer was a refusal), `timeout_approval`; with `duration_s` since application and
    `from_status`, `to_status`. Flags are evaluated only for the rows in the window, and
    the "first review" probe only for the rows that end a review."""
    change = aliased(AfterSaleStatusChange)
    decision = _gives_final_answer(change, scope)
    return (
        select(
            change.aftersale_id.label("id"),
            AfterSale.order_id.label("order_id"),
            change.at.label("moment"),
            (change.at - AfterSale.apply_time).label("duration_s"),
            change.from_status.label("from_status"),
            change.to_status.label("to_status"),
            _flag(_first(change, _ends_review, scope)).label("review_end"),
            _flag(change.to_status == int(S.REFUNDED)).label("refund"),
            _flag(decision).label("decision"),
            _flag(and_(change.to_status.in_(REFUSED), decision)).label("refused"),
            _flag(_timeout_approval(change, scope)).label("timeout_approval"),
        )
        .join(AfterSale, AfterSale.aftersale_id == change.aftersale_id)
        .where(
            _between(change.at, scope.start, scope.end),
            # Only changes that can mean something above (not "first seen awaiting the
            # merchant", not the buyer sending goods back), before joining the request.
            or_(
                change.from_status.in_(sorted({int(source) for _, source in PLATFORM_TIMEOUT})),
                change.to_status.in_([int(s) for s in DECIDED]),
                and_(change.from_status.is_(None), change.to_status != AWAITING),
            ),
            *_product_after_sales(scope),
        )
    )
