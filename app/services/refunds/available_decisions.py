"""Which decisions a request's "approve" and "refuse" stand for, by its kind and state.

Owns `decisions_for()`: for a request of a kind in a state, the decision its "yes" asks
of the platform (refund it, agree the return or the exchange, agree the resend, accept
the returned goods, confirm the exchanged goods arrived) and the one its "no" asks,
whether the "yes" and "no" are the two answers of an inspection of returned goods, and
whether agreeing needs the address the goods go back to. The screens ask, and open the
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
# Kinds whose goods come back to the shop: agreeing names the return address.
GOODS_COME_BACK = (RequestKind.RETURN_AND_REFUND, RequestKind.EXCHANGE)


@dataclass(frozen=True, slots=True)
class RequestDecisions:
    yes: Decision  # what approving the request asks of the platform
    no: Decision | None  # what refusing it asks; None where the platform takes no refusal now
    inspection: bool  # returned goods await inspection: yes and no are its two answers
    goods_come_back: bool  # agreeing needs the address the goods go back to


def decisions_for(kind: str, state: str) -> RequestDecisions:
    """The decisions behind "approve" and "refuse" on a request of `kind` in `state`."""
    inspection = kind == RequestKind.RETURN_AND_REFUND and state == RequestState.RETURN_AWAITING_INSPECTION
    refusal = outcomes.first_allowed(REFUSING_DECISIONS, kind, state)
    return RequestDecisions(
        yes=_the_yes(kind, state, inspection),
        no=refusal[0] if refusal is not None else None,
        inspection=inspection,
        goods_come_back=kind in GOODS_COME_BACK,
    )


def _the_yes(kind: str, state: str, inspection: bool) -> Decision:
    if inspection:
        return Decision.ACCEPT_RETURNED_GOODS
    if kind in REFUND_KINDS:
        return Decision.APPROVE_REFUND
    if kind == RequestKind.RETURN_AND_REFUND:
        return Decision.AGREE_RETURN
    if kind == RequestKind.EXCHANGE and state != RequestState.AWAITING_SHOP:
        return Decision.CONFIRM_EXCHANGE_RECEIPT
    return Decision.AGREE_EXCHANGE  # an exchange waiting for the shop, or a resend
