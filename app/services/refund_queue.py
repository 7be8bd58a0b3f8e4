"""Read-only queries behind the refund-approval queue, answering in plain dataclasses.

Owns what the queue may know about a request waiting for the merchant: `QueueRow`
(one per request: the request, its order, the buyer's history with the shop, an open
outbox operation that makes it "pending", whether its deadline passed while the
mirror still shows it open, and the rule assessment flattened in) and `QueueDetail`
for the detail pane (lines, parcels, return parcel, evidence, the buyer's words, the
audit trail and outbox operations of the request).

`list_queue` is one SQL statement: the request joined to its order and SKU line, a
grouped subquery counting each buyer's requests over 90 days, and a grouped subquery
over the open outbox. Filters and sort run in SQL; only the rule assessment (a pure
function of the row) runs in Python.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import ColumnElement, String, and_, case, cast, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from app.models import AfterSale, AuditEvent, Order, OrderLine, OrderLogistics, OutboxOperation
from app.models import outbox as outbox_state
from app.services import audit
from app.services import outbox as outbox_service
from app.services.after_sale_rules import Assessment, assess
from app.services.order_queries import OrderLineInfo, ParcelInfo, search_terms
from app.services.rules import HOUR_S, RuleSet, load_rules
from app.sync.codes import AFTER_SALE_STATUSES_NEEDING_MERCHANT

BUYER_HISTORY_S = 90 * 24 * HOUR_S
# Urgency buckets: "overdue" (deadline passed), else due within this many seconds.
URGENCY_WINDOWS = {"1h": HOUR_S, "6h": 6 * HOUR_S, "24h": 24 * HOUR_S}
URGENCIES = ("overdue", *URGENCY_WINDOWS)
NEEDING_MERCHANT = tuple(int(status) for status in AFTER_SALE_STATUSES_NEEDING_MERCHANT)


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One line of the refund queue (also the `RequestFacts` that `assess` reads)."""

    aftersale_id: str
    order_id: str
    type: int
    status: int
    refund_amount: int  # fen
    apply_time: int
    update_time: int  # the platform version a decision is based on
    status_deadline: int  # the platform's, or apply_time + the rule set's fallback
    reason_text: str
    product_name: str
    item_num: int
    order_status: int | None  # None: the order is not mirrored yet
    order_pay_amount: int | None
    line_pay_amount: int | None
    ship_time: int | None  # the order's
    finish_time: int | None
    has_tracking: bool
    return_tracking_no: str
    buyer_id: str
    buyer_requests_90d: int  # this buyer's requests applied in the last 90 days, this one included
    pending_operation: str | None  # open outbox operation's method ("afterSale.operate")
    pending_operate_type: int | None  # and its OperateType
    needs_attention: bool  # an operation on it was rejected or conflicted
    expired_while_offline: bool  # deadline passed, still open here: probably decided by the platform
    rule_key: str
    rule_text_en: str
    rule_params: tuple[tuple[str, str], ...]
    window_open: bool | None
    evidence_tier: str
    suggestion: str
    suggestion_reason_en: str
    suggested_reject_code: int | None
    category: str
    rule_set: str

    @property
    def pending(self) -> bool:
        return self.pending_operation is not None


_FACT_COUNT = len(fields(QueueRow)) - 10  # the columns read from SQL, before the assessment


@dataclass(frozen=True, slots=True)
class QueueDetail:
    row: QueueRow
    order_status_desc: str
    lines: tuple[OrderLineInfo, ...]
    parcels: tuple[ParcelInfo, ...]
    return_tracking_no: str
    return_company_name: str
    evidence_urls: tuple[str, ...]
    buyer_words: str  # the buyer's reason for this request (reason_text)
    order_buyer_words: str  # the note left on the order
    audit_events: tuple[audit.AuditRow, ...]  # oldest first
    operations: tuple[outbox_service.OutboxRow, ...]  # oldest first


def deadline_column(rules: RuleSet) -> ColumnElement[int]:
    fallback = AfterSale.apply_time + rules.after_sales.status_deadline_fallback_s
    return func.coalesce(func.nullif(AfterSale.status_deadline, 0), fallback)


def _buyer_history(now: int) -> Any:
    history_order = aliased(Order)
    # Grouped by an expression, not the bare column: otherwise SQLite walks all orders in
    # buyer_id index order instead of the (far fewer) after-sales, twice as slow.
    # The cast keeps the column's text affinity, so SQLite can index the join back.
    buyer = cast(func.coalesce(history_order.buyer_id, ""), String(64))
    return (
        select(buyer.label("buyer_id"), func.count().label("requests"))
        .select_from(AfterSale)
        .join(history_order, history_order.order_id == AfterSale.order_id)
        .where(history_order.buyer_id != "", AfterSale.apply_time >= now - BUYER_HISTORY_S)
        .group_by(buyer)
        # Computed once, up front: PostgreSQL without statistics (just after a bulk load)
        # otherwise plans the aggregate per queue row and takes minutes.
        .cte("buyer_history")
        .prefix_with("MATERIALIZED", dialect="postgresql")
    )


def _outbox_summary() -> Any:
    is_open = OutboxOperation.state.in_(outbox_state.OPEN_STATES)
    return (
        select(
            OutboxOperation.entity_id.label("entity_id"),
            func.min(case((is_open, OutboxOperation.seq), else_=None)).label("open_seq"),
            func.max(case((is_open, 0), else_=1)).label("attention"),
        )
        .where(
            OutboxOperation.entity_type == "after_sale",
            OutboxOperation.state.in_(outbox_state.OPEN_STATES + outbox_state.ATTENTION_STATES),
        )
        .group_by(OutboxOperation.entity_id)
        .subquery("outbox_summary")
    )


def _statement(
    now: int, rules: RuleSet, *, waiting_only: bool = True
) -> tuple[Any, dict[str, ColumnElement]]:
    history, summary = _buyer_history(now), _outbox_summary()
    open_op = aliased(OutboxOperation)
    deadline = deadline_column(rules)
    tracking = exists().where(OrderLogistics.order_id == AfterSale.order_id)
    requests = func.coalesce(history.c.requests, 0)
    statement = (
        select(
            AfterSale.aftersale_id,
            AfterSale.order_id,
            AfterSale.type,
            AfterSale.status,
            AfterSale.refund_amount,
            AfterSale.apply_time,
            AfterSale.update_time,
            deadline,
            AfterSale.reason_text,
            AfterSale.product_name,
            AfterSale.item_num,
            Order.status,
            Order.pay_amount,
            OrderLine.pay_amount,
            Order.ship_time,
            Order.finish_time,
            tracking,
            AfterSale.return_tracking_no,
            func.coalesce(Order.buyer_id, ""),
            requests,
            open_op.method,
            open_op.params,
            func.coalesce(summary.c.attention, 0),
            deadline < now,
        )
        .select_from(AfterSale)
        .outerjoin(Order, Order.order_id == AfterSale.order_id)
        .outerjoin(OrderLine, OrderLine.sku_order_id == AfterSale.related_id)
        .outerjoin(history, and_(history.c.buyer_id == Order.buyer_id, Order.buyer_id != ""))
        .outerjoin(summary, summary.c.entity_id == AfterSale.aftersale_id)
        .outerjoin(open_op, open_op.seq == summary.c.open_seq)
    )
    if waiting_only:
        statement = statement.where(AfterSale.status.in_(NEEDING_MERCHANT))
    sort_columns = {
        "deadline": deadline,
        "apply_time": AfterSale.apply_time,
        "update_time": AfterSale.update_time,
        "refund_amount": AfterSale.refund_amount,
        "type": AfterSale.type,
        "status": AfterSale.status,
        "aftersale_id": AfterSale.aftersale_id,
        "order_id": AfterSale.order_id,
        "product_name": AfterSale.product_name,
        "buyer_requests": requests,
    }
    return statement, sort_columns


SORT_KEYS = (
    "deadline",
    "apply_time",
    "update_time",
    "refund_amount",
    "type",
    "status",
    "aftersale_id",
    "order_id",
    "product_name",
    "buyer_requests",
)


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


def _queue_row(values: tuple[Any, ...], now: int, rules: RuleSet) -> QueueRow:
    facts = list(values[:20])
    method, params, attention, expired = values[20:]
    operate_type = None
    if method is not None:
        try:
            operate_type = int(json.loads(params).get("type"))
        except (ValueError, TypeError, AttributeError):
            operate_type = None
    facts[16] = bool(facts[16])
    partial = (*facts, method, operate_type, bool(attention), bool(expired))
    assessment = assess(_Facts(*partial[:_FACT_COUNT]), now, rules)
    return QueueRow(*partial, *_flatten(assessment))


def _flatten(a: Assessment) -> tuple[Any, ...]:
    return (
        a.rule_key,
        a.rule_text_en,
        a.params,
        a.window_open,
        a.evidence_tier,
        a.suggestion,
        a.suggestion_reason_en,
        a.suggested_reject_code,
        a.category,
        a.rule_set,
    )


class _Facts:
    """The SQL part of a row, read by `assess` before the row exists."""

    __slots__ = tuple(f.name for f in fields(QueueRow)[:_FACT_COUNT])

    def __init__(self, *values: Any) -> None:
        for name, value in zip(self.__slots__, values, strict=True):
            setattr(self, name, value)


def list_queue(
    session: Session,
    *,
    now: int,
    search: str = "",
    types: tuple[int, ...] = (),
    statuses: tuple[int, ...] = (),
    urgency: str | None = None,
    min_amount: int | None = None,
    max_amount: int | None = None,
    sort: str = "deadline",
    descending: bool = False,
    limit: int | None = None,
    rules: RuleSet | None = None,
) -> list[QueueRow]:
    """Requests waiting for the merchant, filtered and sorted in SQL (ties by id).

    `statuses` narrows the waiting statuses (6, 11); `urgency` is "overdue", "1h",
    "6h" or "24h" (due within, not yet overdue); amounts are refund fen, inclusive.
    """
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}; expected one of {SORT_KEYS}")
    rules = rules or load_rules()
    statement, sort_columns = _statement(now, rules)
    deadline = sort_columns["deadline"]
    condition = _search_condition(search)
    if condition is not None:
        statement = statement.where(condition)
    if types:
        statement = statement.where(AfterSale.type.in_(types))
    if statuses:
        statement = statement.where(AfterSale.status.in_(statuses))
    if urgency:
        statement = statement.where(_urgency_condition(urgency, deadline, now))
    if min_amount is not None:
        statement = statement.where(AfterSale.refund_amount >= min_amount)
    if max_amount is not None:
        statement = statement.where(AfterSale.refund_amount <= max_amount)
    column = sort_columns[sort]
    tie_break = AfterSale.aftersale_id.desc() if descending else AfterSale.aftersale_id.asc()
    statement = statement.order_by(column.desc() if descending else column.asc(), tie_break)
    if limit is not None:
        statement = statement.limit(limit)
    return [_queue_row(tuple(values), now, rules) for values in session.execute(statement)]


def queue_row(
    session: Session, aftersale_id: str, *, now: int, rules: RuleSet | None = None
) -> QueueRow | None:
    """One request as the queue shows it, whatever its status (None if unknown)."""
    rules = rules or load_rules()
    statement, _ = _statement(now, rules, waiting_only=False)
    statement = statement.where(AfterSale.aftersale_id == aftersale_id)
    values = session.execute(statement).first()
    return None if values is None else _queue_row(tuple(values), now, rules)


def queue_detail(
    session: Session, aftersale_id: str, *, now: int, rules: RuleSet | None = None
) -> QueueDetail | None:
    """Everything the detail pane shows about one request."""
    row = queue_row(session, aftersale_id, now=now, rules=rules)
    if row is None:
        return None
    request = session.get(AfterSale, aftersale_id)
    order = session.get(Order, row.order_id)
    assert request is not None
    lines = session.scalars(
        select(OrderLine).where(OrderLine.order_id == row.order_id).order_by(OrderLine.sku_order_id)
    )
    parcels = session.scalars(
        select(OrderLogistics)
        .where(OrderLogistics.order_id == row.order_id)
        .order_by(OrderLogistics.ship_time, OrderLogistics.id)
    )
    events = session.scalars(
        select(AuditEvent)
        .where(AuditEvent.entity_type == "after_sale", AuditEvent.entity_id == aftersale_id)
        .order_by(AuditEvent.id)
    )
    try:
        evidence = tuple(str(url) for url in json.loads(request.evidence)) if request.evidence else ()
    except ValueError:
        evidence = ()
    return QueueDetail(
        row=row,
        order_status_desc=order.status_desc if order else "",
        lines=tuple(
            OrderLineInfo(
                line.sku_order_id,
                line.product_name,
                line.spec,
                line.item_num,
                line.origin_amount,
                line.pay_amount,
                line.after_sale_status,
            )
            for line in lines
        ),
        parcels=tuple(ParcelInfo(p.tracking_no, p.company_name, p.ship_time) for p in parcels),
        return_tracking_no=request.return_tracking_no,
        return_company_name=request.return_company_name,
        evidence_urls=evidence,
        buyer_words=request.reason_text,
        order_buyer_words=order.buyer_words if order else "",
        audit_events=tuple(
            audit.AuditRow(
                e.id,
                e.at,
                e.actor_id,
                e.actor_name,
                e.action,
                e.entity_type,
                e.entity_id,
                e.order_id,
                e.before,
                e.after,
                e.refers_to,
                e.note,
            )
            for e in events
        ),
        operations=tuple(outbox_service.operations_for(session, aftersale_id)),
    )
