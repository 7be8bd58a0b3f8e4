"""Read-only queries behind the shipping-deadline board, answering in plain tuples.

Owns what the warehouse sees: `BoardOrder` for every order waiting to ship (paid,
awaiting shipment, partly shipped), most urgent first, with what to pick, the buyer's
note, a shipment already waiting in the outbox and a refund request that blocks
shipping; `board_lanes` cutting that sorted list into the board's lanes (a few
binary searches, so regrouping as the clock moves costs nothing); `PickupOverdue`
for shipped parcels the carrier has not scanned 24 h on; the pick list of
everything due today summed by SKU; and the packing slips of chosen orders. What a
scanned order number that is not on the board is, is `scanned_order.py`.

Rows are NamedTuples of plain values: Python's collector stops tracking them, so a
board of 10k orders adds nothing to a full collection on the GUI thread.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from sqlalchemy import BigInteger, ScalarSelect, and_, cast, func, literal, or_, select
from sqlalchemy.orm import Session

from app.core.money import CNY
from app.core.vocabulary import ORDER_STATES_TO_SHIP, OrderState, RequestKind, RequestState
from app.models import AfterSale, Order, OrderLine, OrderLogistics
from app.services.orders.queries import search_terms
from app.services.people.permissions import Action, Actor, allowed, authorise
from app.services.rule_history import rules_in_force
from app.services.rules import HOUR_S, RuleSet
from app.services.shipping.deadlines import (
    LANES,
    lane,
    platform_promise_column,
    ship_by,
    ship_by_column,
)
from app.services.shipping.shipments import PendingShipment, pending_shipments

_TO_SHIP = tuple(str(state) for state in ORDER_STATES_TO_SHIP)
ITEM_SEPARATOR = "；"  # between an order's lines in `items`


class BoardOrder(NamedTuple):
    order_id: str
    state: str  # an OrderState
    pay_time: int
    pay_amount: int  # fen
    ship_by: int  # the platform's promise, else payment + the rule set's default (ship_deadlines.ship_by)
    exp_ship_time: int | None  # None: the platform set no promise (none, or 0), the default was assumed
    items: str  # "product spec ×n；…", what to pick
    item_count: int
    buyer_words: str
    seller_words: str
    receiver_name: str  # masked by the platform
    pending_tracking: str  # a shipment waiting in the outbox ("" when none)
    pending_carrier: str
    refund_request: str  # a refund-before-shipment request waiting for the shop ("" when none)
    refund_amount: int
    currency: str = CNY  # of the amounts ("USD": cents)


class PickupOverdue(NamedTuple):
    order_id: str
    tracking_no: str
    company_code: str
    company_name: str
    ship_time: int
    refund_at: int  # when the platform refunds a buyer who asks, on its own
    items: str


class PickLine(NamedTuple):
    """One SKU to take off the shelves: how many pieces, for how many orders."""

    sku_key: str  # the platform's sku_id (product|spec when it sent none)
    product_name: str
    spec: str
    quantity: int
    order_count: int
    sku_code: str = ""  # the merchant's own code (商家编码), "" when the shop set none

    @property
    def shown_code(self) -> str:
        """What the SKU column shows: the merchant's code, else the platform's id."""
        return self.sku_code or ("" if "|" in self.sku_key else self.sku_key)


class PackingSlip(NamedTuple):
    """What goes in one parcel; the receiver's name comes masked by the platform."""

    order_id: str
    pay_time: int | None
    ship_by: int | None
    receiver_name: str
    items: tuple[tuple[str, str, int], ...]  # product, spec, quantity
    buyer_words: str
    seller_words: str
    sku_codes: tuple[str, ...] = ()  # the merchant's code of each item ("" for none), as `items`


def _items_column() -> ScalarSelect[str]:
    line = (
        OrderLine.product_name
        + " "
        + OrderLine.spec
        + " ×"
        + func.cast(OrderLine.item_num, type_=Order.order_id.type)
    )
    return (
        select(func.aggregate_strings(line, ITEM_SEPARATOR))
        .where(OrderLine.order_id == Order.order_id)
        .scalar_subquery()
    )


def list_board(
    session: Session,
    *,
    now: int,
    product: str = "",
    carrier: str = "",
    rules: RuleSet | None = None,
    viewer: Actor | None = None,
) -> list[BoardOrder]:
    """Every order waiting to ship, soonest ship-by first (ties by order id).

    `product` keeps orders with a line whose product or spec contains every word;
    `carrier` keeps orders whose waiting shipment uses that carrier code. For a `viewer`
    whose record does not allow money (`Action.VIEW_MONEY`, the warehouse) the rows
    carry 0 for the paid and the refund amounts: what shipping late would cost is the
    owner's to see (permissions.py "Who sees what").
    """
    sees_money = viewer is None or allowed(
        authorise(session, viewer, Action.VIEW_SHIPPING_BOARD), Action.VIEW_MONEY
    )
    rules = rules or rules_in_force(None)
    deadline = ship_by_column(rules)
    refund = (
        select(func.min(AfterSale.aftersale_id))
        .where(
            AfterSale.order_id == Order.order_id,
            AfterSale.kind == RequestKind.REFUND_BEFORE_SHIPMENT,
            AfterSale.state == RequestState.AWAITING_SHOP,
        )
        .scalar_subquery()
    )
    refund_amount = (
        # PostgreSQL sums big integers as numeric (a Decimal): the row carries an int.
        select(cast(func.coalesce(func.sum(AfterSale.refund_amount), 0), BigInteger))
        .where(
            AfterSale.order_id == Order.order_id,
            AfterSale.kind == RequestKind.REFUND_BEFORE_SHIPMENT,
            AfterSale.state == RequestState.AWAITING_SHOP,
        )
        .scalar_subquery()
    )
    count = select(func.coalesce(func.sum(OrderLine.item_num), 0)).where(OrderLine.order_id == Order.order_id)
    # The columns of a BoardOrder, in its order, so that each row is one as it comes: the
    # shipment waiting in the outbox is filled in after, for the few orders that have one.
    statement = select(
        Order.order_id,
        Order.state,
        Order.pay_time,
        Order.pay_amount,
        deadline,
        platform_promise_column(),
        func.coalesce(_items_column(), ""),
        count.scalar_subquery(),
        Order.buyer_words,
        Order.seller_words,
        Order.receiver_name,
        literal(""),  # pending_tracking
        literal(""),  # pending_carrier
        func.coalesce(refund, ""),
        refund_amount,
        Order.currency,
    ).where(Order.state.in_(_TO_SHIP), Order.pay_time.is_not(None))
    terms = search_terms(product)
    if terms:
        matches = and_(
            *(
                or_(
                    OrderLine.product_name.icontains(t, autoescape=True),
                    OrderLine.spec.icontains(t, autoescape=True),
                )
                for t in terms
            )
        )
        statement = statement.where(
            select(OrderLine.sku_order_id).where(OrderLine.order_id == Order.order_id, matches).exists()
        )
    statement = statement.order_by(deadline, Order.order_id)
    pending = pending_shipments(session)
    # Read on the session's connection: plain rows, without the ORM's per-row step (about a
    # tenth of opening the board at 10k orders); the session flushed for pending_shipments.
    rows = [BoardOrder._make(values) for values in session.connection().execute(statement)]
    if pending or carrier:
        rows = _with_pending(rows, pending, carrier)
    if not sees_money:
        rows = [row._replace(pay_amount=0, refund_amount=0) for row in rows]
    return rows


def _with_pending(
    rows: list[BoardOrder], pending: dict[str, PendingShipment], carrier: str
) -> list[BoardOrder]:
    """`rows` with each one's shipment waiting in the outbox; with a `carrier`, only the
    orders whose waiting shipment uses it."""
    shown = []
    for row in rows:
        shipment = pending.get(row.order_id)
        if shipment is not None:
            row = row._replace(pending_tracking=shipment.tracking_no, pending_carrier=shipment.company_code)
        if not carrier or row.pending_carrier == carrier:
            shown.append(row)
    return shown


def board_lanes(
    rows: Sequence[BoardOrder], now: int, rules: RuleSet | None = None
) -> list[tuple[str, int, int]]:
    """The lanes of `rows` (sorted by ship-by): (lane, first index, end index) for each
    lane in display order, empty lanes included. `lane()` only grows with the ship-by
    instant, so each boundary is one binary search."""
    rules = rules or rules_in_force(None)
    rank = {name: index for index, name in enumerate(LANES)}
    bounds = [0]
    for next_lane in range(1, len(LANES)):
        start = bisect_left(
            rows, next_lane, lo=bounds[-1], key=lambda row: rank[lane(row.ship_by, now, rules)]
        )
        bounds.append(start)
    bounds.append(len(rows))
    return [(LANES[i], bounds[i], bounds[i + 1]) for i in range(len(LANES))]


def pickup_overdue(
    session: Session, *, now: int, carrier: str = "", rules: RuleSet | None = None
) -> list[PickupOverdue]:
    """Parcels the merchant shipped more than the pickup timeout ago with no carrier scan
    yet, on orders still shipped (not completed, cancelled or refunded), oldest first."""
    rules = rules or rules_in_force(None)
    timeout = rules.shipping.pickup_timeout_hours * HOUR_S
    refund_after = rules.shipping.auto_refund_without_pickup_hours * HOUR_S
    statement = (
        select(
            OrderLogistics.order_id,
            OrderLogistics.tracking_no,
            OrderLogistics.company_code,
            OrderLogistics.company_name,
            OrderLogistics.ship_time,
            Order.items_summary,
        )
        .join(Order, Order.order_id == OrderLogistics.order_id)
        .where(
            Order.state.in_((OrderState.SHIPPED, OrderState.PARTLY_SHIPPED)),
            OrderLogistics.pickup_time.is_(None),
            OrderLogistics.ship_time.is_not(None),
            OrderLogistics.ship_time < now - timeout,
        )
        .order_by(OrderLogistics.ship_time, OrderLogistics.order_id)
    )
    if carrier:
        statement = statement.where(OrderLogistics.company_code == carrier)
    return [
        PickupOverdue(o, t, code, name, shipped, shipped + refund_after, items or "")
        for o, t, code, name, shipped, items in session.execute(statement)
        if shipped is not None  # always so (the query asks for shipped parcels): for the type checker
    ]


def pick_list(session: Session, order_ids: Sequence[str]) -> list[PickLine]:
    """What to take from the shelves for `order_ids`, summed by SKU, most pieces first."""
    sku = func.coalesce(func.nullif(OrderLine.sku_id, ""), OrderLine.product_name + "|" + OrderLine.spec)
    found: dict[str, list] = {}
    for start in range(0, len(order_ids), 500):
        chunk = list(order_ids[start : start + 500])
        statement = (
            select(
                sku,
                OrderLine.product_name,
                OrderLine.spec,
                func.sum(OrderLine.item_num),
                func.count(func.distinct(OrderLine.order_id)),
                func.max(OrderLine.sku_code),  # one SKU, one code (an older line may lack it)
            )
            .where(OrderLine.order_id.in_(chunk))
            .group_by(sku, OrderLine.product_name, OrderLine.spec)
        )
        for key, name, spec, quantity, orders, code in session.execute(statement):
            entry = found.setdefault(key, [key, name, spec, 0, 0, ""])
            entry[3] += int(quantity)
            entry[4] += int(orders)
            entry[5] = max(entry[5], code or "")
    lines = [PickLine(*entry) for entry in found.values()]
    return sorted(lines, key=lambda line: (-line.quantity, line.product_name, line.spec))


def packing_slips(
    session: Session, order_ids: Sequence[str], rules: RuleSet | None = None
) -> list[PackingSlip]:
    """The packing slips' contents for `order_ids`, in that order (unknown ids left out)."""
    rules = rules or rules_in_force(None)
    orders = {o.order_id: o for o in session.scalars(select(Order).where(Order.order_id.in_(order_ids)))}
    lines: dict[str, list[tuple[str, str, int]]] = {}
    codes: dict[str, list[str]] = {}
    for line in session.scalars(
        select(OrderLine).where(OrderLine.order_id.in_(order_ids)).order_by(OrderLine.sku_order_id)
    ):
        lines.setdefault(line.order_id, []).append((line.product_name, line.spec, line.item_num))
        codes.setdefault(line.order_id, []).append(line.sku_code)
    return [
        PackingSlip(
            o.order_id,
            o.pay_time,
            ship_by(o.pay_time, o.exp_ship_time, rules),
            o.receiver_name,
            tuple(lines.get(o.order_id, ())),
            o.buyer_words,
            o.seller_words,
            tuple(codes.get(o.order_id, ())),
        )  # fmt: skip
        for order_id in order_ids
        if (o := orders.get(order_id)) is not None
    ]
