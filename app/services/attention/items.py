"""The rows of the "needs attention" list, each saying what the person may do with it.

Owns `attention_items()`: the operations the platform would not take
(`outbox.needing_attention`), each with what the screen shows beside it — the after-sale
request a refund decision was about, or the order, carrier and waiting refund request of
a shipment — and, for the person asking, whether they may discard it, whether they may
send it again, and why not when only their permission stands in the way. The screen
shows these answers and never works them out: the permission behind Discard and Apply
again is decided here (`resolving_action`), matching what the services check when the
person acts: refund decisions need `DECIDE_REFUND`; a shipment is discarded by whoever
may ship (`SHIP_ORDER`), and applied again only by someone who may refuse the buyer's
refund (`REFUSE_REFUND_AND_SHIP`, as `needs_attention.reapply` enforces through
`shipping.ship_order`). Rows the person can do nothing with are left out. No Qt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from app.core.money import CNY
from app.core.vocabulary import Decision
from app.models import AfterSale, Order
from app.services import outbox
from app.services.attention import needs_attention
from app.services.outbox import OutboxRow
from app.services.people import permissions
from app.services.people.permissions import Action, Actor, PermissionDenied
from app.services.shipping import carriers
from app.services.shipping import shipments as shipping


@dataclass(frozen=True, slots=True)
class AttentionItem:
    op: OutboxRow
    can_reapply: bool  # needs_attention.can_reapply: the decision still fits, whoever asks
    subject: str  # the request's product, or the order's items
    amount: int  # fen: the refund asked for, or what the order was paid
    carrier_name: str = ""  # a shipment's carrier, as the platform names it
    refund_waiting: int = 0  # fen the buyer asks back before shipment (a shipment's order)
    currency: str = CNY  # of `amount` and `refund_waiting` ("USD": cents)
    # Where the request or order stands (a RequestState or OrderState): the mirror's, else what
    # the push engine read from the platform when it met a changed entity.
    state_now: str | None = None
    decision: Decision | None = None  # what a refund decision said; None for a shipment
    may_discard: bool = False  # the person asking may discard it
    may_reapply: bool = False  # the person asking may send it again, and it still fits
    # It could go again, but not from the person asking: their permission's refusal.
    reapply_refused: PermissionDenied | None = None

    @property
    def is_shipment(self) -> bool:
        return self.op.action == outbox.SHIP


def resolving_action(op: OutboxRow, *, reapply: bool) -> Action:
    """The permission Discard (`reapply=False`) or Apply again needs for this operation."""
    if op.action != outbox.SHIP:
        return Action.DECIDE_REFUND
    # Sent again, a shipment refuses the buyer's waiting refund request: a money decision.
    return Action.REFUSE_REFUND_AND_SHIP if reapply else Action.SHIP_ORDER


def attention_items(
    session: Session, actor: Actor | None, platform: str | None = None
) -> list[AttentionItem]:
    """What needs attention, oldest first: the rows `actor` can resolve (None: every row,
    none of them to be resolved by nobody).

    The warehouse sees shipments, clerks see refund decisions (and shipments they may
    send again refusing a refund), the owner sees everything."""
    items = [_for_person(_item(session, op, platform), actor) for op in outbox.needing_attention(session)]
    if actor is None:
        return items
    return [item for item in items if item.may_discard or item.may_reapply]


def _for_person(item: AttentionItem, actor: Actor | None) -> AttentionItem:
    """`item` with what `actor` may do with it."""
    if actor is None:
        return item
    refused: PermissionDenied | None = None
    if item.can_reapply:
        try:
            permissions.check(actor, resolving_action(item.op, reapply=True))
        except PermissionDenied as refusal:
            refused = refusal
    return replace(
        item,
        may_discard=permissions.allowed(actor, resolving_action(item.op, reapply=False)),
        may_reapply=item.can_reapply and refused is None,
        reapply_refused=refused,
    )


def _item(session: Session, op: OutboxRow, platform: str | None = None) -> AttentionItem:
    can_reapply = needs_attention.can_reapply(session, op.seq, platform)
    if op.action == outbox.SHIP:
        order = session.get(Order, op.entity_id)
        code = str(op.details.get("carrier_code", ""))
        carrier = carriers.find(session, code) if code else None
        waiting = shipping.refund_requests_waiting(session, op.entity_id)
        return AttentionItem(
            op,
            can_reapply,
            order.items_summary if order else "",
            order.pay_amount if order else 0,
            carrier.name if carrier else code,
            sum(request.refund_amount for request in waiting),
            currency=order.currency if order else CNY,
            state_now=order.state if order else _state_read(op),
        )
    request = session.get(AfterSale, op.entity_id) if op.entity_type == "after_sale" else None
    code = str(op.details.get("carrier_code", ""))  # goods an exchange, resend or repair sent out
    carrier = carriers.find(session, code) if code else None
    return AttentionItem(
        op,
        can_reapply,
        request.product_name if request else "",
        request.refund_amount if request else 0,
        carrier.name if carrier else code,
        currency=request.currency if request else CNY,
        state_now=request.state if request else _state_read(op),
        decision=outbox.decision_of(op),
    )


def _state_read(op: OutboxRow) -> str | None:
    """The state the push engine read from the platform when it met a changed entity
    (`platform_state`, {"state": …}), if it wrote one."""
    try:
        found = json.loads(op.platform_state).get("state") if op.platform_state else None
    except (ValueError, AttributeError):
        return None
    return found if isinstance(found, str) else None
