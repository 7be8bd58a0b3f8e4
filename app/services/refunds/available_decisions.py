"""Which decisions a request's "approve" and "refuse" stand for, by its kind and state.

Owns `decisions_for()`: for a request of a kind in a state, the decision its "yes" asks
of the platform (refund it, agree the return, the exchange or the repair, agree the
resend, accept the returned goods, confirm the exchanged or repaired goods arrived and
send the new ones, send a resend's goods) and the one its "no" asks, whether the "yes"
and "no" are the two answers of an inspection of returned goods, whether agreeing needs
the address the goods go back to, whether the "yes" sends goods out (carrier and
tracking number), and whether the "no" is a shipment (a refund requested before shipment
is refused only by shipping the order with the platform's refund-reject flag:
`shipping/refuse_by_shipping.py`). The screens ask, and open the
dialog that gathers what that decision needs; they never work it out from the kind and
state themselves. Whether the platform takes the decision now is the decision services'
check (`outcomes.py`), made when the person confirms: a "yes" is answered here even
where it no longer applies, so the person is told why by the service. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.vocabulary import REFUSING_DECISIONS, Decision, RequestKind, RequestState
from app.services.refunds import outcomes

REFUND_KINDS = (RequestKind.REFUND_AFTER_SHIPMENT, RequestKind.REFUND_BEFORE_SHIPMENT)
# Kinds whose goods come back to the shop: agreeing names the return address, where the
# agreement leads to the buyer's return (a TikTok Shop replacement is done at once: the
# platform makes a new order, nothing comes back first; outcomes.PLATFORM_DECISION_OUTCOMES).
GOODS_COME_BACK = (RequestKind.RETURN_AND_REFUND, RequestKind.EXCHANGE, RequestKind.REPAIR)
# Platforms whose agreement to take goods back names the shop's return address (Douyin's
# `receiver_address_id`). TikTok Shop's approve names none: its body is the decision,
# buyer_keep_item and partial_refund, and the return carries the platform's own
# return_warehouse_address (hsib19/tiktok-shop-sdk packages/sdk/src/types/ReturnRefundModule.ts).
PLATFORMS_NAMING_RETURN_ADDRESS = frozenset({"douyin"})
# Decisions that send goods out (an exchange's new goods, a resend, a repair): they need
# the carrier and the tracking number.
SENDS_GOODS = (Decision.CONFIRM_EXCHANGE_RECEIPT, Decision.SHIP_REPLACEMENT)


@dataclass(frozen=True, slots=True)
class RequestDecisions:
    yes: Decision  # what approving the request asks of the platform
    no: Decision | None  # what refusing it asks; None where the platform takes no refusal now
    inspection: bool  # returned goods await inspection: yes and no are its two answers
    goods_come_back: bool  # agreeing needs the address the goods go back to
    sends_goods: bool = False  # the yes sends goods out: it needs a carrier and tracking number
    # The "no" is shipping the order, which refuses the refund (`no` is then None): a
    # refund requested before shipment that waits for the shop.
    refuse_by_shipping: bool = False


def decisions_for(kind: str, state: str, platform: str | None = None) -> RequestDecisions:
    """The decisions behind "approve" and "refuse" on a request of `kind` in `state`, in a
    shop on `platform` (None: Douyin)."""
    inspection = kind == RequestKind.RETURN_AND_REFUND and state == RequestState.RETURN_AWAITING_INSPECTION
    refusal = outcomes.first_allowed(REFUSING_DECISIONS, kind, state, platform=platform)
    yes = _the_yes(kind, state, inspection)
    agreed_to = outcomes.outcome(yes, kind, state, platform=platform)
    return RequestDecisions(
        yes=yes,
        no=refusal[0] if refusal is not None else None,
        inspection=inspection,
        goods_come_back=kind in GOODS_COME_BACK
        and agreed_to is not RequestState.REPLACEMENT_DONE
        and names_return_address(platform),
        sends_goods=yes in SENDS_GOODS,
        refuse_by_shipping=refused_by_shipping(kind, state),
    )


def names_return_address(platform: str | None) -> bool:
    """Whether agreeing to take goods back names the shop's return address on `platform`
    (None: Douyin, which does)."""
    return (platform or "douyin") in PLATFORMS_NAMING_RETURN_ADDRESS


def refused_by_shipping(kind: str | None, state: str | None) -> bool:
    """Whether a request of `kind` in `state` is refused by shipping its order: a refund
    before shipment waiting for the shop (no decision refuses it on the platform)."""
    return kind == RequestKind.REFUND_BEFORE_SHIPMENT and state == RequestState.AWAITING_SHOP


def _the_yes(kind: str, state: str, inspection: bool) -> Decision:
    if inspection:
        return Decision.ACCEPT_RETURNED_GOODS
    if kind in REFUND_KINDS:
        return Decision.APPROVE_REFUND
    if state == RequestState.AWAITING_SHOP_SHIPMENT:
        return Decision.SHIP_REPLACEMENT  # a resend or repair the shop must send out
    if kind in (RequestKind.EXCHANGE, RequestKind.REPAIR) and state != RequestState.AWAITING_SHOP:
        return Decision.CONFIRM_EXCHANGE_RECEIPT  # the returned goods arrived: send the new ones
    if kind in (RequestKind.RETURN_AND_REFUND, RequestKind.REPAIR):
        return Decision.AGREE_RETURN  # a repair's goods come back first, like a return's
    return Decision.AGREE_EXCHANGE  # an exchange waiting for the shop, or a resend
