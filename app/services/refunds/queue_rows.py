"""The refund queue's full rows: `QueueRow` and how it is built for the rows on screen.

Owns what a row of the queue knows about one request: the request joined to its order
and SKU line, each buyer's requests over 90 days counted for those buyers only, the open
outbox operation that makes it "pending" (or a queued shipment that refuses a refund
before shipment), who handed it to the owner and why, whether its deadline passed while
the mirror still shows it open, and the rule assessment (a pure function of the row, in
Python) flattened in. Also the two SQL pieces the queue's filtering and sorting share
with the rows: the request's deadline (`deadline_column`) and the buyer history. Which
requests are in the queue, and in what order, is `queue.py`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from sqlalchemy import ColumnElement, RowMapping, String, and_, case, cast, exists, func, literal, select
from sqlalchemy.orm import Session, aliased

from app.core.vocabulary import STATES_AWAITING_SHOP, ArbitrationState, Decision, RequestKind
from app.models import AfterSale, Order, OrderLine, OrderLogistics, OutboxOperation, OwnerHandover, User
from app.models import outbox as outbox_state
from app.services import outbox
from app.services.refunds.after_sale_rules import Assessment, assess
from app.services.refunds.decision_steps import orders_shipping_to_refuse
from app.services.rule_history import in_force_case, rules_in_force
from app.services.rules import HOUR_S, RuleSet

BUYER_HISTORY_S = 90 * 24 * HOUR_S
NEEDING_MERCHANT = tuple(str(state) for state in STATES_AWAITING_SHOP)
# A request the platform's arbitration asks the shop's evidence for waits for the shop too,
# whatever its own state (a refused request the buyer took to the platform).
AWAITING_EVIDENCE = str(ArbitrationState.AWAITING_SHOP_EVIDENCE)


@dataclass(frozen=True, slots=True)
class QueueRow:
    """One line of the refund queue (also the `RequestFacts` that `assess` reads)."""

    aftersale_id: str
    order_id: str
    kind: str  # a RequestKind
    state: str  # a RequestState
    refund_amount: int  # fen
    apply_time: int
    update_time: int  # the platform version a decision is based on
    status_deadline: int  # the platform's, or apply_time + the rule set's fallback
    reason_text: str
    product_name: str
    item_num: int
    order_state: str | None  # an OrderState; None: the order is not mirrored yet
    order_pay_amount: int | None
    line_pay_amount: int | None
    ship_time: int | None  # the order's
    receipt_time: int | None  # the order's delivery, the platform's (None: not received)
    fast_refund: bool | None  # the platform marks the refund its own fast one (None: not said)
    has_tracking: bool
    return_tracking_no: str
    buyer_id: str
    buyer_requests_90d: int  # this buyer's requests applied in the last 90 days, this one included
    pending_operation: str | None  # the open outbox operation's action (outbox.DECIDE)
    pending_decision: str | None  # and its Decision
    # and its words while it waits, e.g. held for the platform's review of its evidence
    # pictures (`refusal_evidence.PROBLEM_REVIEW_WAITING`); English source, context "sync"
    pending_problem: str | None
    needs_attention: bool  # an operation on it was rejected or conflicted
    expired_while_offline: bool  # deadline passed, still open here: probably decided by the platform
    handed_by: str  # the display name of who handed it to the owner; "" when not handed
    handed_reason: str
    # The platform's arbitration (an ArbitrationState; None: never said or a code unknown here),
    # its code as the platform sent it, and when it wants the shop's evidence by (None: not known).
    arbitration: str | None
    arbitrate_status: int | None  # Douyin's code (an int)
    arbitration_code: str  # a text code's platform's (TikTok Shop's), as sent; "" for none
    arbitration_deadline: int | None
    # How far the refund has gone (a RefundState; None: a code unknown here) and the code.
    refund_state: str | None
    refund_status: int | None
    currency: str  # of `refund_amount` and the order's amounts ("CNY", "USD")
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
    rule_source: str  # where the rule comes from (a page or rule), or "ours" for an estimate
    rule_source_effective: str  # ISO date the source took effect; "" for ours

    @property
    def pending(self) -> bool:
        return self.pending_operation is not None


_ROW_FIELDS = tuple(f.name for f in fields(QueueRow))
# The fields before the assessment's (from `rule_key` on): what `assess` may read, each
# read by `_row_statement` under the same name.
_FACT_NAMES = _ROW_FIELDS[: _ROW_FIELDS.index("rule_key")]


def deadline_column(rules: RuleSet) -> ColumnElement[int]:
    # Without the platform's deadline: the fallback of the rule set in force when the buyer applied.
    fallback = AfterSale.apply_time + in_force_case(
        rules, AfterSale.apply_time, lambda r: literal(r.after_sales.status_deadline_fallback_s)
    )
    own = func.coalesce(func.nullif(AfterSale.status_deadline, 0), fallback)
    # In the queue for its arbitration alone: the platform's deadline for the shop's evidence.
    for_evidence = and_(
        AfterSale.arbitration == AWAITING_EVIDENCE,
        AfterSale.arbitration_deadline.is_not(None),
        AfterSale.state.not_in(NEEDING_MERCHANT),
    )
    return case((for_evidence, AfterSale.arbitration_deadline), else_=own)


def buyer_history(now: int, aftersale_ids: Sequence[str] | None = None) -> Any:
    """Each buyer's requests over 90 days; only the buyers of `aftersale_ids` if given."""
    history_order = aliased(Order)
    # Grouped by an expression, not the bare column: otherwise SQLite walks all orders in
    # buyer_id index order instead of the (far fewer) after-sales, twice as slow.
    # The cast keeps the column's text affinity, so SQLite can index the join back.
    buyer = cast(func.coalesce(history_order.buyer_id, ""), String(64))
    statement = (
        select(buyer.label("buyer_id"), func.count().label("requests"))
        .select_from(AfterSale)
        .join(history_order, history_order.order_id == AfterSale.order_id)
        .where(history_order.buyer_id != "", AfterSale.apply_time >= now - BUYER_HISTORY_S)
        .group_by(buyer)
    )
    if aftersale_ids is not None:
        their_order, theirs = aliased(Order), aliased(AfterSale)
        buyers = (
            select(their_order.buyer_id)
            .join(theirs, theirs.order_id == their_order.order_id)
            .where(theirs.aftersale_id.in_(aftersale_ids))
        )
        statement = statement.where(history_order.buyer_id.in_(buyers))
    return (
        statement
        # Computed once, up front: PostgreSQL without statistics (just after a bulk load)
        # otherwise plans the aggregate per queue row and takes minutes.
        .cte("buyer_history").prefix_with("MATERIALIZED", dialect="postgresql")
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


def _row_statement(now: int, rules: RuleSet, aftersale_ids: Sequence[str] | None) -> Any:
    """Full rows, for `aftersale_ids` only (the rows on screen) or for every request."""
    history, summary = buyer_history(now, aftersale_ids), _outbox_summary()
    open_op = aliased(OutboxOperation)
    deadline = deadline_column(rules)
    tracking = exists().where(OrderLogistics.order_id == AfterSale.order_id)
    # Each column labelled with the name of the QueueRow field it fills (see `_queue_row`).
    statement = (
        select(
            AfterSale.aftersale_id,
            AfterSale.order_id,
            AfterSale.kind,
            AfterSale.state,
            AfterSale.refund_amount,
            AfterSale.apply_time,
            AfterSale.update_time,
            deadline.label("status_deadline"),
            AfterSale.reason_text,
            AfterSale.product_name,
            AfterSale.item_num,
            Order.state.label("order_state"),
            Order.pay_amount.label("order_pay_amount"),
            OrderLine.pay_amount.label("line_pay_amount"),
            Order.ship_time,
            Order.receipt_time,
            AfterSale.fast_refund,
            tracking.label("has_tracking"),
            AfterSale.return_tracking_no,
            func.coalesce(Order.buyer_id, "").label("buyer_id"),
            func.coalesce(history.c.requests, 0).label("buyer_requests_90d"),
            open_op.action.label("pending_operation"),
            open_op.decision.label("pending_decision"),
            open_op.problem.label("pending_problem"),
            func.coalesce(summary.c.attention, 0).label("needs_attention"),
            (deadline < now).label("expired_while_offline"),
            User.display_name.label("handed_by"),
            OwnerHandover.reason.label("handed_reason"),
            AfterSale.arbitration,
            AfterSale.arbitrate_status,
            AfterSale.arbitration_code,
            AfterSale.arbitration_deadline,
            AfterSale.refund_state,
            AfterSale.refund_status,
            AfterSale.currency,
        )
        .select_from(AfterSale)
        .outerjoin(Order, Order.order_id == AfterSale.order_id)
        .outerjoin(OrderLine, OrderLine.sku_order_id == AfterSale.related_id)
        .outerjoin(history, and_(history.c.buyer_id == Order.buyer_id, Order.buyer_id != ""))
        .outerjoin(summary, summary.c.entity_id == AfterSale.aftersale_id)
        .outerjoin(open_op, open_op.seq == summary.c.open_seq)
        .outerjoin(OwnerHandover, OwnerHandover.aftersale_id == AfterSale.aftersale_id)
        .outerjoin(User, User.id == OwnerHandover.handed_by)
    )
    if aftersale_ids is not None:
        statement = statement.where(AfterSale.aftersale_id.in_(aftersale_ids))
    return statement


def _queue_row(values: RowMapping, now: int, rules: RuleSet) -> QueueRow:
    """A full row from one result of `_row_statement`, by column name."""
    facts = {name: values[name] for name in _FACT_NAMES}
    facts["has_tracking"] = bool(facts["has_tracking"])
    facts["needs_attention"] = bool(values["needs_attention"])
    facts["expired_while_offline"] = bool(values["expired_while_offline"])
    handed = values["handed_reason"] is not None
    facts["handed_by"] = (values["handed_by"] or "") if handed else ""
    facts["handed_reason"] = values["handed_reason"] if handed else ""
    assessment = assess(_Facts(facts), now, rules)
    return QueueRow(**facts, **_assessment_fields(assessment))


def _assessment_fields(a: Assessment) -> dict[str, Any]:
    """The assessment flattened into the QueueRow fields named after it."""
    return {
        "rule_key": a.rule_key,
        "rule_text_en": a.rule_text_en,
        "rule_params": a.params,
        "window_open": a.window_open,
        "evidence_tier": a.evidence_tier,
        "suggestion": a.suggestion,
        "suggestion_reason_en": a.suggestion_reason_en,
        "suggested_reject_code": a.suggested_reject_code,
        "category": a.category,
        "rule_set": a.rule_set,
        "rule_source": a.source,
        "rule_source_effective": a.source_effective,
    }


class _Facts:
    """The facts of a row, read by `assess` before the row exists."""

    __slots__ = _FACT_NAMES
    # What `assess` reads (after_sale_rules.RequestFacts), among the slots set from the row.
    kind: str
    state: str
    reason_text: str
    product_name: str
    refund_amount: int
    apply_time: int
    has_tracking: bool
    order_pay_amount: int | None
    line_pay_amount: int | None
    ship_time: int | None
    receipt_time: int | None
    fast_refund: bool | None

    def __init__(self, facts: dict[str, Any]) -> None:
        for name in self.__slots__:
            setattr(self, name, facts[name])


# Rows per statement: far below every database's limit on bound parameters.
ROWS_PER_QUERY = 500


def queue_rows(
    session: Session, aftersale_ids: Sequence[str], *, now: int, rules: RuleSet | None = None
) -> list[QueueRow]:
    """The full rows of `aftersale_ids`, in that order, whatever their status (unknown ids
    are left out). Meant for the rows on screen: cost grows with the ids asked for."""
    rules = rules or rules_in_force(None)
    found: dict[str, QueueRow] = {}
    for start in range(0, len(aftersale_ids), ROWS_PER_QUERY):
        chunk = list(aftersale_ids[start : start + ROWS_PER_QUERY])
        for values in session.execute(_row_statement(now, rules, chunk)):
            row = _queue_row(values._mapping, now, rules)
            found[row.aftersale_id] = row
    # A refund before shipment refused by shipping: its "no" is its order's shipment.
    before = [row for row in found.values() if row.kind == RequestKind.REFUND_BEFORE_SHIPMENT]
    shipping = orders_shipping_to_refuse(session, {row.order_id for row in before}) if before else set()
    for row in before:
        if row.order_id in shipping and row.pending_operation is None:
            found[row.aftersale_id] = replace(
                row, pending_operation=outbox.SHIP, pending_decision=str(Decision.REFUSE_REFUND)
            )
    return [found[i] for i in aftersale_ids if i in found]
