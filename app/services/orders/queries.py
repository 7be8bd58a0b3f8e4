"""Read-only queries behind the orders screen, answering in plain dataclasses.

Owns what the orders screen may know about an order: `OrderRow` for the table (one
per order, built straight from result tuples; the screen reads the sorted ids of
every match with `list_order_ids` and the rows of a page at a time with `order_rows`) and
`OrderDetail` for the detail pane (the order, its SKU lines, parcels and after-sale
requests). Search, status filter and sort run in SQL; the promised ship-by instant
is computed in SQL too (`ship_deadlines.ship_by_column`: the platform's promise, else
payment + the rule set's default), so sorting by urgency needs no Python pass. Screens never see ORM objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from app.core.money import CNY
from app.core.vocabulary import ORDER_STATES_TO_SHIP, OrderState
from app.models import AfterSale, Order, OrderLine, OrderLogistics
from app.services.rule_history import rules_in_force
from app.services.rules import RuleSet
from app.services.shipping.deadlines import platform_promise, platform_promise_column, ship_by, ship_by_column

# States in the order a person reads them: what needs work first, finished last.
STATE_SORT_RANK: dict[str, int] = {
    OrderState.AWAITING_SHIPMENT: 0,
    OrderState.PARTLY_SHIPPED: 1,
    OrderState.ON_HOLD: 2,
    OrderState.UNPAID: 3,
    OrderState.SHIPPED: 4,
    OrderState.DELIVERED: 5,
    OrderState.COMPLETED: 6,
    OrderState.CANCELLED: 7,
}
_TO_SHIP = frozenset(str(state) for state in ORDER_STATES_TO_SHIP)


@dataclass(frozen=True, slots=True)
class OrderRow:
    """One line of the orders table."""

    order_id: str
    state: str | None  # an OrderState; None for a platform code the app has no word for
    pay_amount: int  # fen
    create_time: int  # UTC seconds
    pay_time: int | None
    exp_ship_time: int | None
    ship_by: int | None  # promised ship-by instant; None until paid
    items_summary: str
    receiver_name: str
    has_buyer_words: bool
    update_time: int
    currency: str = CNY  # of every amount of the order ("USD": cents)

    @property
    def to_ship(self) -> bool:
        return self.state in _TO_SHIP


@dataclass(frozen=True, slots=True)
class OrderLineInfo:
    sku_order_id: str
    product_name: str
    spec: str
    item_num: int
    origin_amount: int
    pay_amount: int
    after_sale_state: str | None  # the line's request's RequestState; None: no request


@dataclass(frozen=True, slots=True)
class ParcelInfo:
    tracking_no: str
    company_name: str
    ship_time: int | None


@dataclass(frozen=True, slots=True)
class AfterSaleInfo:
    aftersale_id: str
    kind: str | None  # a RequestKind
    state: str | None  # a RequestState
    apply_time: int
    status_deadline: int | None
    refund_amount: int
    reason_text: str
    product_name: str
    currency: str = CNY


@dataclass(frozen=True, slots=True)
class OrderDetail:
    """Everything the detail pane shows about one order."""

    row: OrderRow
    status_desc: str
    order_amount: int
    post_amount: int
    promotion_amount: int
    ship_time: int | None
    finish_time: int | None
    receipt_time: int | None  # when the buyer had the goods, the platform's (None: not received)
    buyer_words: str
    seller_words: str
    receiver_name: str
    receiver_tel: str
    receiver_address: str
    lines: tuple[OrderLineInfo, ...]
    parcels: tuple[ParcelInfo, ...]
    after_sales: tuple[AfterSaleInfo, ...]
    rule_set: str  # the rule set that gave `row.ship_by` when the platform sent none


def _state_rank_column() -> ColumnElement[int]:
    return case(STATE_SORT_RANK, value=Order.state, else_=len(STATE_SORT_RANK))


def _sort_columns(sort: str, rules: RuleSet) -> dict[str, SQLColumnExpression[Any]]:
    # The urgency sort only ranks orders still to ship; the others go last either way.
    to_ship_deadline = case((Order.state.in_(_TO_SHIP), ship_by_column(rules)), else_=None)
    return {
        "order_id": Order.order_id,
        "state": _state_rank_column(),
        "pay_amount": Order.pay_amount,
        "create_time": Order.create_time,
        "pay_time": Order.pay_time,
        "ship_by": to_ship_deadline,
        "items_summary": Order.items_summary,
        "receiver_name": Order.receiver_name,
        "update_time": Order.update_time,
    }


SORT_KEYS = (
    "order_id",
    "state",
    "pay_amount",
    "create_time",
    "pay_time",
    "ship_by",
    "items_summary",
    "receiver_name",
    "update_time",
)


_NULLABLE_SORT_KEYS = frozenset({"pay_time", "ship_by"})


def search_terms(search: str) -> list[str]:
    """Words a person typed, each of which must appear somewhere in the order."""
    return [term for term in search.split() if term]


def _search_condition(search: str) -> ColumnElement[bool] | None:
    terms = search_terms(search)
    if not terms:
        return None
    fields = (Order.order_id, Order.items_summary, Order.receiver_name, Order.buyer_words)
    return and_(*(or_(*(field.icontains(term, autoescape=True) for field in fields)) for term in terms))


def _row_columns(rules: RuleSet) -> tuple[SQLColumnExpression[Any], ...]:
    return (
        Order.order_id,
        Order.state,
        Order.pay_amount,
        Order.create_time,
        Order.pay_time,
        platform_promise_column(),
        ship_by_column(rules),
        Order.items_summary,
        Order.receiver_name,
        Order.buyer_words != literal(""),
        Order.update_time,
        Order.currency,
    )


def list_order_ids(
    session: Session,
    *,
    search: str = "",
    states: tuple[str, ...] = (),
    sort: str = "create_time",
    descending: bool = True,
    limit: int | None = None,
    rules: RuleSet | None = None,
) -> list[str]:
    """Ids of the orders matching `search` (every word, in id, items, receiver or buyer's
    note) and `states` (OrderStates: any, or all when empty), sorted in SQL, ties broken by id.
    The screen keeps these and reads full rows (`order_rows`) a page at a time."""
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}; expected one of {SORT_KEYS}")
    rules = rules or rules_in_force(None)
    sort_column = _sort_columns(sort, rules)[sort]
    ordered = sort_column.desc() if descending else sort_column.asc()
    tie_break = Order.order_id.desc() if descending else Order.order_id.asc()
    statement = select(Order.order_id)
    if sort in _NULLABLE_SORT_KEYS:
        # NULLs last in both directions: an order with no deadline is never "most urgent".
        statement = statement.order_by(sort_column.is_(None))
    statement = statement.order_by(ordered, tie_break)
    condition = _search_condition(search)
    if condition is not None:
        statement = statement.where(condition)
    if states:
        statement = statement.where(Order.state.in_(states))
    if limit is not None:
        statement = statement.limit(limit)
    return list(session.scalars(statement))


ROWS_PER_QUERY = 500  # far below every database's limit on bound parameters


def order_rows(session: Session, order_ids: Sequence[str], *, rules: RuleSet | None = None) -> list[OrderRow]:
    """The table rows of `order_ids`, in that order (unknown ids left out)."""
    rules = rules or rules_in_force(None)
    found: dict[str, OrderRow] = {}
    for start in range(0, len(order_ids), ROWS_PER_QUERY):
        chunk = list(order_ids[start : start + ROWS_PER_QUERY])
        statement = select(*_row_columns(rules)).where(Order.order_id.in_(chunk))
        # Positional construction from raw tuples: no ORM identity map, no per-row dicts.
        for values in session.execute(statement):
            found[values[0]] = OrderRow(*values)
    return [found[order_id] for order_id in order_ids if order_id in found]


def list_orders(session: Session, *, rules: RuleSet | None = None, **filters: Any) -> list[OrderRow]:
    """Every matching row at once (`list_order_ids`'s filters and sort); for tests and
    small lists — the orders screen pages with `order_rows`."""
    rules = rules or rules_in_force(None)
    return order_rows(session, list_order_ids(session, rules=rules, **filters), rules=rules)


def shop_currency(session: Session) -> str:
    """The currency the shop sells in, as its newest order says (a Douyin shop's CNY, a
    TikTok US shop's USD); CNY while the mirror holds no order. A clerk's refund limits
    count in its minor units, as its requests' amounts do."""
    newest = select(Order.currency).order_by(Order.update_time.desc()).limit(1)
    return session.scalar(newest) or CNY


def count_orders(session: Session) -> int:
    """All orders in the mirror, whatever the filter: tells "none yet" from "none match"."""
    return session.scalar(select(func.count()).select_from(Order)) or 0


def order_detail(session: Session, order_id: str, *, rules: RuleSet | None = None) -> OrderDetail | None:
    rules = rules or rules_in_force(None)
    order = session.get(Order, order_id)
    if order is None:
        return None
    row = OrderRow(
        order_id=order.order_id,
        state=order.state,
        pay_amount=order.pay_amount,
        create_time=order.create_time,
        pay_time=order.pay_time,
        exp_ship_time=platform_promise(order.exp_ship_time),
        ship_by=ship_by(order.pay_time, order.exp_ship_time, rules),
        items_summary=order.items_summary,
        receiver_name=order.receiver_name,
        has_buyer_words=bool(order.buyer_words),
        update_time=order.update_time,
        currency=order.currency,
    )
    lines = session.scalars(
        select(OrderLine).where(OrderLine.order_id == order_id).order_by(OrderLine.sku_order_id)
    )
    parcels = session.scalars(
        select(OrderLogistics)
        .where(OrderLogistics.order_id == order_id)
        .order_by(OrderLogistics.ship_time, OrderLogistics.id)
    )
    after_sales = session.scalars(
        select(AfterSale).where(AfterSale.order_id == order_id).order_by(AfterSale.apply_time.desc())
    )
    return OrderDetail(
        row=row,
        status_desc=order.status_desc,
        order_amount=order.order_amount,
        post_amount=order.post_amount,
        promotion_amount=order.promotion_amount,
        ship_time=order.ship_time,
        finish_time=order.finish_time,
        receipt_time=order.receipt_time,
        buyer_words=order.buyer_words,
        seller_words=order.seller_words,
        receiver_name=order.receiver_name,
        receiver_tel=order.receiver_tel,
        receiver_address=order.receiver_address,
        lines=tuple(
            OrderLineInfo(
                sku_order_id=line.sku_order_id,
                product_name=line.product_name,
                spec=line.spec,
                item_num=line.item_num,
                origin_amount=line.origin_amount,
                pay_amount=line.pay_amount,
                after_sale_state=line.after_sale_state,
            )
            for line in lines
        ),
        parcels=tuple(
            ParcelInfo(tracking_no=p.tracking_no, company_name=p.company_name, ship_time=p.ship_time)
            for p in parcels
        ),
        after_sales=tuple(
            AfterSaleInfo(
                aftersale_id=a.aftersale_id,
                kind=a.kind,
                state=a.state,
                apply_time=a.apply_time,
                status_deadline=a.status_deadline,
                refund_amount=a.refund_amount,
                reason_text=a.reason_text,
                product_name=a.product_name,
                currency=a.currency,
            )
            for a in after_sales
        ),
        rule_set=rules.at(order.pay_time).rule_set,  # the set in force at payment
    )
