"""Read-only queries behind the refund-approval queue, answering in plain dataclasses.

Owns what the queue may know about a request waiting for the merchant: `QueueKey`
and the filters and sorts behind it; the full `QueueRow` (one per request: the request,
its order, the buyer's history with the shop, an open outbox operation that makes it
"pending", whether its deadline passed while the mirror still shows it open, who handed
it to the owner and why (`owner_handover`), and the rule assessment flattened in) is
built by `queue_rows.py`, re-exported here, the path the screens import it by. The detail pane's
fuller picture of one request is `refund_detail.py`.

The queue is read in two steps, as big item views do (Anki's card browser):
`list_queue_keys` filters and sorts in SQL over the requests alone and answers small
`QueueKey`s (id, deadline, pending) — all a screen needs for 20k rows, their order,
the urgent-row alarm and the selection — and `queue_rows` builds full rows only for
the ids on screen: the request joined to its order and SKU line, each buyer's
requests over 90 days counted for those buyers only, the open outbox, and the rule
assessment (a pure function of the row, in Python). `list_queue` is both at once.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, case, exists, false, func, or_, select
from sqlalchemy.orm import Session

from app.core.vocabulary import RequestKind, RequestState
from app.models import AfterSale, Order, OutboxOperation, OwnerHandover
from app.models import outbox as outbox_state
from app.services.orders.queries import search_terms
from app.services.refunds.decision_steps import orders_shipping_to_refuse
from app.services.refunds.queue_rows import (
    AWAITING_EVIDENCE,
    NEEDING_MERCHANT,
    QueueRow,
    buyer_history,
    deadline_column,
    queue_rows,
)
from app.services.rule_history import rules_in_force
from app.services.rules import HOUR_S, RuleSet

# Urgency buckets: "overdue" (deadline passed), else due within this many seconds.
URGENCY_WINDOWS = {"1h": HOUR_S, "6h": 6 * HOUR_S, "24h": 24 * HOUR_S}
URGENCIES = ("overdue", *URGENCY_WINDOWS)


class QueueKey(NamedTuple):
    """A request's place in the queue: enough to order, select and alarm on it (a tuple:
    the collector stops tracing it, so 20k of them cost a GUI-thread collection nothing)."""

    aftersale_id: str
    status_deadline: int
    pending: bool


def _waiting_for_the_shop() -> ColumnElement[bool]:
    """The queue's requests: awaiting the shop, or asked for its evidence by the platform."""
    return or_(AfterSale.state.in_(NEEDING_MERCHANT), AfterSale.arbitration == AWAITING_EVIDENCE)


SORT_KEYS = (
    "deadline",
    "apply_time",
    "update_time",
    "refund_amount",
    "kind",
    "state",
    "aftersale_id",
    "order_id",
    "product_name",
    "buyer_requests",
)


def _sort_column(sort: str, now: int, rules: RuleSet) -> tuple[ColumnElement[Any], Any]:
    """The column to order by, and what it needs joined (the buyer history, or nothing)."""
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}; expected one of {SORT_KEYS}")
    if sort == "deadline":
        return deadline_column(rules), None
    if sort == "buyer_requests":
        # The one sort that needs every buyer's history counted (a few hundred ms at 20k).
        history = buyer_history(now)
        return func.coalesce(history.c.requests, 0), history
    if sort == "kind":
        return _rank(AfterSale.kind, RequestKind), None
    if sort == "state":
        return _rank(AfterSale.state, RequestState), None
    return getattr(AfterSale, sort), None


def _rank(column: SQLColumnExpression[Any], words: type[StrEnum]) -> ColumnElement[int]:
    """`column`'s word by its place in the vocabulary (the order people read them in);
    an unknown word last."""
    return case({str(word): rank for rank, word in enumerate(words)}, value=column, else_=len(words))


def _search_condition(search: str) -> ColumnElement[bool] | None:
    terms = search_terms(search)
    if not terms:
        return None
    columns = (AfterSale.aftersale_id, AfterSale.order_id, AfterSale.product_name, AfterSale.reason_text)
    return and_(*(or_(*(c.icontains(term, autoescape=True) for c in columns)) for term in terms))


def _urgency_condition(urgency: str, deadline: ColumnElement[int], now: int) -> ColumnElement[bool]:
    if urgency == "overdue":
        return deadline <= now
    if urgency not in URGENCY_WINDOWS:
        raise ValueError(f"unknown urgency {urgency!r}; expected one of {URGENCIES}")
    return and_(deadline > now, deadline <= now + URGENCY_WINDOWS[urgency])


def list_queue_keys(
    session: Session,
    *,
    now: int,
    search: str = "",
    kinds: tuple[str, ...] = (),
    states: tuple[str, ...] = (),
    urgency: str | None = None,
    min_amount: int | None = None,
    max_amount: int | None = None,
    handed: bool = False,
    sort: str = "deadline",
    descending: bool = False,
    limit: int | None = None,
    rules: RuleSet | None = None,
) -> list[QueueKey]:
    """Requests waiting for the shop, filtered and sorted in SQL (ties by id).

    `kinds` keeps these RequestKinds only; `states` narrows the waiting RequestStates
    (awaiting the shop, returned goods awaiting inspection); `urgency` is "overdue", "1h",
    "6h" or "24h" (due within, not yet overdue); amounts are refund fen, inclusive;
    `handed`: only the requests handed to the owner.
    """
    rules = rules or rules_in_force(None)
    column, history = _sort_column(sort, now, rules)
    deadline = deadline_column(rules)
    statement = select(AfterSale.aftersale_id, deadline).where(_waiting_for_the_shop())
    if states:
        statement = statement.where(AfterSale.state.in_(states))
    if history is not None:
        statement = statement.outerjoin(Order, Order.order_id == AfterSale.order_id).outerjoin(
            history, and_(history.c.buyer_id == Order.buyer_id, Order.buyer_id != "")
        )
    # SQLite tests the conditions in the order written: the cheap comparisons first, so the
    # text search (four LIKEs a row) runs only on the requests that pass them.
    if kinds:
        statement = statement.where(AfterSale.kind.in_(kinds))
    if min_amount is not None:
        statement = statement.where(AfterSale.refund_amount >= min_amount)
    if max_amount is not None:
        statement = statement.where(AfterSale.refund_amount <= max_amount)
    if urgency:
        statement = statement.where(_urgency_condition(urgency, deadline, now))
    if handed:
        statement = statement.where(exists().where(OwnerHandover.aftersale_id == AfterSale.aftersale_id))
    condition = _search_condition(search)
    if condition is not None:
        # Wrapped in a function: SQLite copies each plain condition into both index
        # lookups of the waiting-for-the-shop OR and then tests it again on the rows they
        # found; a function of it is left out of the lookups and tested once.
        statement = statement.where(func.coalesce(condition, false()))
    tie_break = AfterSale.aftersale_id.desc() if descending else AfterSale.aftersale_id.asc()
    statement = statement.order_by(column.desc() if descending else column.asc(), tie_break)
    if limit is not None:
        statement = statement.limit(limit)
    # The few requests with an open operation, asked apart: joining the outbox to 20k
    # rows costs SQLite an index built per query, several times the list itself.
    pending = set(
        session.scalars(
            select(OutboxOperation.entity_id).where(
                OutboxOperation.entity_type == "after_sale",
                OutboxOperation.state.in_(outbox_state.OPEN_STATES),
            )
        )
    )
    shipping = orders_shipping_to_refuse(session)  # refunds before shipment refused by shipping
    if shipping:
        pending.update(
            session.scalars(
                select(AfterSale.aftersale_id).where(
                    AfterSale.kind == RequestKind.REFUND_BEFORE_SHIPMENT, AfterSale.order_id.in_(shipping)
                )
            )
        )
    # Read on the session's connection: plain rows, without the ORM's per-row step (an
    # eighth of opening the queue at 20k requests); the session flushed for `pending`.
    return [QueueKey(i, int(d), i in pending) for i, d in session.connection().execute(statement)]


def list_queue(session: Session, *, now: int, rules: RuleSet | None = None, **filters: Any) -> list[QueueRow]:
    """Every row of the queue at once (`list_queue_keys`'s filters and sort); for bulk
    work and tests — screens page with `queue_rows`."""
    rules = rules or rules_in_force(None)
    keys = list_queue_keys(session, now=now, rules=rules, **filters)
    return queue_rows(session, [key.aftersale_id for key in keys], now=now, rules=rules)


def queue_row(
    session: Session, aftersale_id: str, *, now: int, rules: RuleSet | None = None
) -> QueueRow | None:
    """One request as the queue shows it, whatever its status (None if unknown)."""
    rows = queue_rows(session, [aftersale_id], now=now, rules=rules)
    return rows[0] if rows else None
