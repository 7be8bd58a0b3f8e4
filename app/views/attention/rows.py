"""What each row of the "needs attention" screen says, and who may act on it.

Owns `attention_items()`, which reads the operations the platform would not take
(`outbox.needing_attention`) with what the screen shows beside each — the after-sale
request a refund decision was about, or the order, carrier and waiting refund request
of a shipment — keeping only the rows the person can resolve; `row_texts()`, the four
cells in the person's language; and `resolving_action()`, the permission behind
Discard and Apply again for each kind of operation, matching what the services check:
refund decisions need `DECIDE_REFUND`; a shipment is discarded by whoever may ship
(`SHIP_ORDER`), and applied again only by someone who may refuse the buyer's refund
(`REFUSE_REFUND_AND_SHIP`, as `needs_attention.reapply` enforces through
`shipping.ship_order`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from app.models import AfterSale, Order
from app.models import outbox as outbox_state
from app.platforms.douyin.codes import (
    AFTER_SALE_STATUS_LABELS,
    ORDER_STATUS_LABELS,
    QT_TRANSLATE_NOOP,
    OperateType,
)
from app.services import outbox
from app.services.attention import needs_attention
from app.services.outbox import OutboxRow
from app.services.people.permissions import Action, Actor, allowed
from app.services.shipping import carriers
from app.services.shipping import shipments as shipping
from app.views.common import formatting

# The screen's strings keep the screen's context, whichever module words them (lupdate
# needs the context written out in each QT_TRANSLATE_NOOP).
CONTEXT = "NeedsAttentionView"
OPERATE_WORDS = {
    OperateType.AGREE_REFUND: QT_TRANSLATE_NOOP("NeedsAttentionView", "Approve the refund"),
    OperateType.REFUSE_REFUND: QT_TRANSLATE_NOOP("NeedsAttentionView", "Refuse the refund"),
    OperateType.AGREE_RETURN: QT_TRANSLATE_NOOP("NeedsAttentionView", "Agree to the return"),
    OperateType.REFUSE_RETURN: QT_TRANSLATE_NOOP("NeedsAttentionView", "Refuse the return"),
    OperateType.CONFIRM_RETURN_AND_REFUND: QT_TRANSLATE_NOOP("NeedsAttentionView", "Refund after inspection"),
    OperateType.REFUSE_RETURNED_GOODS: QT_TRANSLATE_NOOP("NeedsAttentionView", "Refuse the returned goods"),
    OperateType.AGREE_EXCHANGE: QT_TRANSLATE_NOOP("NeedsAttentionView", "Agree to the exchange or resend"),
    OperateType.CONFIRM_EXCHANGE_RECEIPT: QT_TRANSLATE_NOOP(
        "NeedsAttentionView", "Confirm the exchanged goods arrived"
    ),
}
SHIP_WITH = QT_TRANSLATE_NOOP("NeedsAttentionView", "Ship with {carrier}, tracking {tracking}")
SHIP_REFUSING_REFUND = QT_TRANSLATE_NOOP(
    "NeedsAttentionView", "Ship with {carrier}, tracking {tracking}, refusing the buyer's refund request"
)
ORDER_NUMBERED = QT_TRANSLATE_NOOP("NeedsAttentionView", "Order {order}")
MADE_AT = QT_TRANSLATE_NOOP("NeedsAttentionView", "{decision}\nmade {time}")
REFUSED = QT_TRANSLATE_NOOP("NeedsAttentionView", "refused")
REQUEST_CHANGED = QT_TRANSLATE_NOOP("NeedsAttentionView", "the request had changed")
ORDER_CHANGED = QT_TRANSLATE_NOOP("NeedsAttentionView", "the order had changed")
UNKNOWN = QT_TRANSLATE_NOOP("NeedsAttentionView", "unknown")
REFUND_ASKED = QT_TRANSLATE_NOOP("NeedsAttentionView", "The buyer asks for a refund of {amount}")
PLATFORM_SAID = QT_TRANSLATE_NOOP("NeedsAttentionView", "The platform said: {words}")


@dataclass(frozen=True, slots=True)
class AttentionItem:
    op: OutboxRow
    can_reapply: bool  # needs_attention.can_reapply: the decision still fits, whoever asks
    status_now: int | None  # the request's or order's status in the mirror (as last synced)
    subject: str  # the request's product, or the order's items
    amount: int  # fen: the refund asked for, or what the order was paid
    carrier_name: str = ""  # a shipment's carrier, as the platform names it
    refund_waiting: int = 0  # fen the buyer asks back before shipment (a shipment's order)

    @property
    def is_shipment(self) -> bool:
        return self.op.method == shipping.METHOD


def resolving_action(item: AttentionItem, *, reapply: bool) -> Action:
    """The permission Discard (`reapply=False`) or Apply again needs for this item."""
    if not item.is_shipment:
        return Action.DECIDE_REFUND
    # Sent again, a shipment refuses the buyer's waiting refund request: a money decision.
    return Action.REFUSE_REFUND_AND_SHIP if reapply else Action.SHIP_ORDER


def may_discard(actor: Actor | None, item: AttentionItem) -> bool:
    return actor is not None and allowed(actor, resolving_action(item, reapply=False))


def may_reapply(actor: Actor | None, item: AttentionItem) -> bool:
    return actor is not None and item.can_reapply and allowed(actor, resolving_action(item, reapply=True))


def _item(session: Session, op: OutboxRow) -> AttentionItem:
    can_reapply = needs_attention.can_reapply(session, op.seq)
    if op.method == shipping.METHOD:
        order = session.get(Order, op.entity_id)
        code = str(op.params.get("company_code", ""))
        carrier = carriers.find(session, code) if code else None
        waiting = shipping.refund_requests_waiting(session, op.entity_id)
        return AttentionItem(
            op,
            can_reapply,
            order.status if order else None,
            order.items_summary if order else "",
            order.pay_amount if order else 0,
            carrier.name if carrier else code,
            sum(request.refund_amount for request in waiting),
        )
    request = session.get(AfterSale, op.entity_id) if op.entity_type == "after_sale" else None
    return AttentionItem(
        op,
        can_reapply,
        request.status if request else None,
        request.product_name if request else "",
        request.refund_amount if request else 0,
    )


def attention_items(session: Session, actor: Actor | None) -> list[AttentionItem]:
    """What needs attention, oldest first: the rows `actor` can resolve (None: every row).

    The warehouse sees shipments, clerks see refund decisions (and shipments they may
    send again refusing a refund), the owner sees everything."""
    items = [_item(session, op) for op in outbox.needing_attention(session)]
    if actor is None:
        return items
    return [item for item in items if may_discard(actor, item) or may_reapply(actor, item)]


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _platform_status(item: AttentionItem) -> int | None:
    """The mirror's status, else what the push engine read from the platform."""
    if item.status_now is not None:
        return item.status_now
    try:
        return json.loads(item.op.platform_state).get("status") if item.op.platform_state else None
    except (ValueError, AttributeError):
        return None


def _shipment_words(item: AttentionItem) -> str:
    params = item.op.params
    words = _tr(SHIP_REFUSING_REFUND if params.get("is_refund_reject") else SHIP_WITH)
    return words.format(carrier=item.carrier_name, tracking=params.get("logistics_code", ""))


def row_texts(item: AttentionItem) -> list[str]:
    """The cells: what it concerns, what was done, the platform's state, what happened."""
    op = item.op
    status = _platform_status(item)
    if item.is_shipment:
        subject = _tr(ORDER_NUMBERED).format(order=op.entity_id)
        done = _shipment_words(item)
        label = ORDER_STATUS_LABELS.get(status) if status is not None else None
        state = _tr(REFUSED if op.state == outbox_state.REJECTED else ORDER_CHANGED)
    else:
        subject = op.entity_id
        kind = OPERATE_WORDS.get(op.params.get("type"))
        done = _tr(kind) if kind else op.method
        label = AFTER_SALE_STATUS_LABELS.get(status) if status is not None else None
        state = _tr(REFUSED if op.state == outbox_state.REJECTED else REQUEST_CHANGED)
    platform = QCoreApplication.translate("codes", label) if label else _tr(UNKNOWN)
    platform = f"{platform}\n({state})"
    if item.refund_waiting:
        platform += "\n" + _tr(REFUND_ASKED).format(amount=formatting.money(item.refund_waiting))
    problem = QCoreApplication.translate("sync", op.problem) if op.problem else ""
    said = _tr(PLATFORM_SAID).format(words=op.platform_message or "—")
    return [
        f"{subject}\n{item.subject} · {formatting.money(item.amount)}",
        _tr(MADE_AT).format(decision=done, time=formatting.shop_time(op.created_at)),
        platform,
        "\n".join(part for part in (problem, said) if part),
    ]
