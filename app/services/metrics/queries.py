"""The SQL behind the service metrics: the rows each metric counts, in a window.

Owns one SELECT per kind of fact (orders due, orders shipped or dispatched, orders
placed, parcels, orders delivered, after-sales applied, after-sale state changes with 0/1 flags for what each
change means: review ended, refunded, final answer, refusal, timeout approval), each
the rows behind its metrics in [start, end) for the whole shop or one product, with a
column `moment`: the time that puts the row in a bucket. `service_metrics.py` groups these by
bucket for the figures; `drill_down.py` lists them. One definition for both, so
the list under a figure is always exactly what it counts.
Everything is computed by the database (SQLite and PostgreSQL alike): rule numbers
enter as parameters and CASE expressions, never as rows loaded into Python.

Conventions the definitions share (RULES.md "Service metrics"; the choices are ours):
- The platform sends 0 for a time not set; it counts as no time (`NULLIF`).
- An order "counts as shipped" at its first carrier pickup scan, else when the
  merchant shipped (`ship_deadlines.effective_ship_time`); promised ship-by as
  `RuleSet.ship_by`. An order cancelled before it ever shipped is never due.
- Delivered means the platform reported the goods received: the order's `receipt_time`
  (its lines' `logistics_receipt_time`, else `confirm_receipt_time`), never a guess (as
  `after_sale_rules.delivered_at`).
- After-sales are counted in the app's words (app/core/vocabulary.py: the request's
  `kind`, the changes' `from_state`/`to_state`), never the platform's codes; what each
  state change means (a review ended, a final answer, a timeout approval) and where its
  times come from is `request_changes.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

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
)
from sqlalchemy.orm import aliased

from app.core.vocabulary import ARBITRATION_ESCALATED, CancelFault, OrderState, RequestKind
from app.models import AfterSale, AfterSaleStatusChange, Order, OrderLine, OrderLogistics
from app.services.metrics import request_changes as changes
from app.services.rule_history import in_force_case
from app.services.rules import HOUR_S, CompensationRule, RuleSet
from app.services.shipping.deadlines import ship_by_column

CANCELLED = OrderState.CANCELLED.value
SELLER_FAULT = CancelFault.SELLER.value
REFUND_BEFORE_SHIPMENT = RequestKind.REFUND_BEFORE_SHIPMENT.value


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


def _not_cancelled() -> ColumnElement[bool]:
    """The order is not cancelled (an order whose state the platform's adapter has no word
    for is not known to be)."""
    return Order.state.is_distinct_from(CANCELLED)


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
        # Priced by the rule set of each order's payment: a later set never re-prices it.
        in_force_case(
            scope.rules,
            Order.pay_time,
            lambda r: compensation_sql(Order.pay_amount, ship_by - paid, late_s, r),
        ).label("compensation_fen"),
    ).where(
        paid.is_not(None),
        or_(_not_cancelled(), merchant_shipped.is_not(None)),
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


def dispatched_orders(scope: Scope) -> Select:
    """Orders dispatched in the window, each `late` when after its promised ship-by: the late
    dispatch rate (TikTok Shop: "dispatched orders ... not scanned by carriers within the
    dispatch SLA" ÷ orders dispatched in the evaluation period). Dispatched is when the order
    counts as shipped: the carrier's first scan, else the shop's shipping (the desk's one
    convention, above). Moment: dispatched."""
    paid, ship_by, _, shipped = _order_times(scope.rules)
    return select(
        Order.order_id.label("id"),
        Order.order_id.label("order_id"),
        shipped.label("moment"),
        _flag(shipped > ship_by).label("late"),
        (shipped - ship_by).label("late_s"),
    ).where(paid.is_not(None), _between(shipped, scope.start, scope.end), *_product_orders(scope))


def placed_orders(scope: Scope) -> Select:
    """Orders paid in the window (placed and confirmed), each `seller_fault` when cancelled for
    the seller's fault as the platform says (`Order.cancel_fault`): the seller-fault cancellation
    rate (TikTok Shop: "confirmed orders ... canceled due to the seller's fault" in the evaluation
    period). Moment: payment."""
    paid = _set(Order.pay_time)
    seller_fault = and_(Order.state == CANCELLED, Order.cancel_fault == SELLER_FAULT)
    return select(
        Order.order_id.label("id"),
        Order.order_id.label("order_id"),
        paid.label("moment"),
        _flag(seller_fault).label("seller_fault"),
    ).where(_between(paid, scope.start, scope.end), *_product_orders(scope))


def delivered_orders(scope: Scope) -> Select:
    """Orders delivered in the window (and by now), the quality-return rate's denominator:
    delivered when the platform says the goods were received (the order's `receipt_time`);
    an order it has not reported received is not delivered, never guessed to be."""
    delivered = Order.receipt_time
    return select(
        Order.order_id.label("id"), Order.order_id.label("order_id"), delivered.label("moment")
    ).where(
        _not_cancelled(),
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
    return case((AfterSale.kind == REFUND_BEFORE_SHIPMENT, 0), else_=kind_is_quality)


def applied_after_sales(scope: Scope) -> Select:
    """Requests the buyers applied for in the window, with their kind and quality flag."""
    return select(
        AfterSale.aftersale_id.label("id"),
        AfterSale.order_id.label("order_id"),
        AfterSale.apply_time.label("moment"),
        AfterSale.kind.label("kind"),
        quality_flag(scope).label("quality"),
        AfterSale.reason_text.label("reason"),
    ).where(_between(AfterSale.apply_time, scope.start, scope.end), *_product_after_sales(scope))


def escalated_after_sales(scope: Scope) -> Select:
    """Requests the buyers applied for in the window, each with `escalated`: the platform's
    arbitration took it up, open or decided (vocabulary `ARBITRATION_ESCALATED`). RULES.md's
    escalation rate is "after-sales taken to platform arbitration ÷ after-sales"; a request
    counts in the window of its application, as the platform's arbitration stands now. One
    whose arbitration the platform never said (None) counts as not taken up."""
    return select(
        AfterSale.aftersale_id.label("id"),
        AfterSale.order_id.label("order_id"),
        AfterSale.apply_time.label("moment"),
        AfterSale.kind.label("kind"),
        AfterSale.reason_text.label("reason"),
        escalated_flag().label("escalated"),
    ).where(_between(AfterSale.apply_time, scope.start, scope.end), *_product_after_sales(scope))


def escalated_flag() -> ColumnElement[int]:
    """1 for a request the platform's arbitration took up (`escalated_after_sales`), else 0."""
    return _flag(AfterSale.arbitration.in_([str(state) for state in ARBITRATION_ESCALATED]))


def after_sale_changes(scope: Scope) -> Select:
    """State changes in the window, each with what it means for the metrics (0/1 flags):
    `review_end` (the first end of the request's review: a buyer who changes a request
    sends it back to the shop, and only the first review counts), `refund` (reached
    "refunded", a final state, so once), `decision` (a final answer) and `refused` (that
    answer was a refusal), `timeout_approval`; with `duration_s` since application and
    `from_state`, `to_state` (the conditions: `request_changes.py`). Flags are evaluated
    only for the rows in the window, and the "first review" probe only for the rows that
    end a review."""
    change = aliased(AfterSaleStatusChange)
    decision = changes.gives_final_answer(change, scope)
    return (
        select(
            change.aftersale_id.label("id"),
            AfterSale.order_id.label("order_id"),
            change.at.label("moment"),
            (change.at - AfterSale.apply_time).label("duration_s"),
            change.from_state.label("from_state"),
            change.to_state.label("to_state"),
            _flag(changes.ends_first_review(change, scope)).label("review_end"),
            _flag(change.to_state == changes.REFUNDED).label("refund"),
            _flag(decision).label("decision"),
            _flag(and_(change.to_state.in_(changes.REFUSED), decision)).label("refused"),
            _flag(changes.timeout_approval(change, scope)).label("timeout_approval"),
        )
        .join(AfterSale, AfterSale.aftersale_id == change.aftersale_id)
        .where(
            _between(change.at, scope.start, scope.end),
            # Only changes that can mean something above (not "first seen awaiting the
            # shop", not the buyer sending goods back), before joining the request.
            or_(
                change.from_state.in_(changes.TIMEOUT_SOURCES),
                change.to_state.in_(changes.DECIDED),
                and_(changes.first_seen(change), change.to_state.is_distinct_from(changes.AWAITING)),
            ),
            *_product_after_sales(scope),
        )
    )
