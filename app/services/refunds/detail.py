"""Everything the refund queue's detail pane shows about one request.

Owns `QueueDetail`: the request's queue row (`refund_queue.queue_row`), its order and
lines, shipping parcels and return parcel, the buyer's evidence and words, and the
request's history — audit events and outbox operations, oldest first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AfterSale, AuditEvent, Order, OrderLine, OrderLogistics
from app.services import outbox as outbox_service
from app.services.orders.queries import OrderLineInfo, ParcelInfo
from app.services.people import audit
from app.services.refunds.queue import QueueRow, queue_row
from app.services.rules import RuleSet


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
                line.after_sale_state,
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
