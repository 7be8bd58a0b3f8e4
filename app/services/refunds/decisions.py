"""A person's decisions on one after-sale request: approve, refuse, inspect, exchange.

Owns each decision's own validation and what it carries: a refusal has a reason code
from the cached platform list, a remark, and evidence when that reason needs it (kept by
`refusal_evidence`); a return or an exchange names the shop's return address where the
platform takes one; goods the shop sends out have a carrier and tracking number the
shipping board would accept; an inspection says how the returned goods arrived. The
steps every decision shares (the permission check against the clerk's limits, the
request's state still allowing the decision per `outcomes.DECISION_OUTCOMES`, nothing
else queued for it, then one audit event and one outbox operation in the caller's
transaction) are `decision_steps.py`'s; their refusal and result types are re-exported
here, the import path the desk and the tests use. The platform's adapter turns the
queued decision into the platform's own call. A refused decision writes nothing.

The mirrored `after_sales` row is not touched: the pull owns it, and the queue shows
"pending" from the outbox. Money leaves the shop on "refund.approve" events (agree a
refund, or confirm returned goods and refund), whose `refund_amount` the daily limit
adds up.

Approving a selection at once is `refund_bulk`, which makes each decision through this
module's single ones.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import REFUSING_DECISIONS, Decision, RequestKind, RequestState
from app.models import AfterSale
from app.services.people import audit
from app.services.people.permissions import Actor
from app.services.platform_lists import reject_reasons_for
from app.services.refunds import refusal_evidence
from app.services.refunds.available_decisions import names_return_address
from app.services.refunds.decision_steps import ENTITY, prepare

# The shared steps' names the desk and the tests reach through this module, re-exported.
from app.services.refunds.decision_steps import MSG_PENDING as MSG_PENDING
from app.services.refunds.decision_steps import DecisionRefused as DecisionRefused
from app.services.refunds.decision_steps import Queued as Queued
from app.services.refunds.decision_steps import Seen as Seen
from app.services.refunds.decision_steps import queue_decision as queue_decision
from app.services.shipping import carriers

REFUND_APPROVE = "refund.approve"
REFUND_REFUSE = "refund.refuse"
RETURN_APPROVE = "return.approve"
RETURN_REFUSE = "return.refuse"
RETURN_INSPECT = "return.inspect"
EXCHANGE_APPROVE = "exchange.approve"
EXCHANGE_SEND = "exchange.send"  # the new (or resent, or repaired) goods go out
INSPECTION_OUTCOMES = ("good", "damaged", "missing_parts")

MSG_NO_REASONS = QT_TRANSLATE_NOOP(
    "refunds",
    "The platform's list of refusal reasons has not been fetched yet. Connect once, then try again.",
)
MSG_BAD_REASON = QT_TRANSLATE_NOOP("refunds", "Choose a refusal reason from the platform's list.")
MSG_NO_REMARK = QT_TRANSLATE_NOOP("refunds", "Write a remark for the buyer explaining the refusal.")
MSG_NO_EVIDENCE = QT_TRANSLATE_NOOP(
    "refunds", "The reason \u201c{reason}\u201d needs evidence images. Add at least one."
)
MSG_NO_ADDRESS = QT_TRANSLATE_NOOP("refunds", "Choose the return address the buyer should send the goods to.")
MSG_BAD_OUTCOME = QT_TRANSLATE_NOOP("refunds", "Say how the returned goods arrived.")
MSG_BAD_ADDRESS = QT_TRANSLATE_NOOP(
    "refunds",
    "The return address \u201c{address}\u201d has no id the platform knows (the number of the address in "
    "the shop's address list on the platform). Choose another address, or ask the owner to enter the "
    "shop's return addresses with their platform ids.",
)
MSG_UNKNOWN_CARRIER = QT_TRANSLATE_NOOP(
    "refunds", "Choose a carrier from the platform's list (the shipping board's carriers)."
)


class ShipmentProblem(DecisionRefused):
    """Goods the shop sends out whose carrier or tracking number cannot be sent, in the
    shipping board's words (`carriers.tracking_problem`)."""

    context = "shipping"


def _refusal_item(
    session: Session,
    request: AfterSale,
    reject_reason_code: int | str | None,
    remark: str,
    evidence_urls: Sequence[str],
    *,
    now: int,
) -> dict[str, Any]:
    reasons = reject_reasons_for(session, request.kind)  # the platform's reasons for its kind
    if not reasons:
        raise DecisionRefused(MSG_NO_REASONS)
    reason = next((r for r in reasons if r.code == reject_reason_code), None)
    if reason is None:
        raise DecisionRefused(MSG_BAD_REASON)
    if not remark.strip():
        raise DecisionRefused(MSG_NO_REMARK)
    if reason.evidence_needed and not any(url.strip() for url in evidence_urls):
        raise DecisionRefused(MSG_NO_EVIDENCE, {"reason": reason.reason})
    try:  # the pictures kept with the decision, so it no longer needs the originals
        evidence = refusal_evidence.keep_pictures(session, evidence_urls, now=now)
    except refusal_evidence.PictureRefused as refused:
        raise DecisionRefused(refused.message, refused.params) from None
    return {
        "reject_reason_code": reason.code,
        "reason": reason.reason,
        "remark": remark.strip(),
        "evidence": evidence,
    }


def _refusal_details(refusal: Mapping[str, Any]) -> dict[str, Any]:
    """A refusal (as `_refusal_item` gives it to the audit event) as the outbox keeps it."""
    return {
        "reason_code": refusal["reject_reason_code"],
        "reason": refusal["reason"],
        "remark": refusal["remark"],
        "evidence": refusal["evidence"],
    }


# --- the decisions --------------------------------------------------------------------------
def approve_refund(
    session: Session, actor: Actor, aftersale_id: str, *, now: int, seen: Seen | None = None
) -> Queued:
    """Agree a refund-only request; money leaves the shop."""
    request, decision, target = prepare(
        session, actor, aftersale_id, (Decision.APPROVE_REFUND,), now=now, moves_money=True
    )
    return queue_decision(
        session, actor, request, decision, target, action=REFUND_APPROVE, now=now, seen=seen
    )


def return_address(value: str | int | None) -> int:
    """The platform's id of a return address, as the platform types it (Douyin's
    `receiver_address_id` is an int64 from its address list): refused in plain words
    when it is missing or not such a number."""
    text = str(value if value is not None else "").strip()
    if not text:
        raise DecisionRefused(MSG_NO_ADDRESS)
    if not text.isdigit() or int(text) <= 0:
        raise DecisionRefused(MSG_BAD_ADDRESS, {"address": text})
    return int(text)


def goods_sent(session: Session, carrier_code: str, tracking_no: str) -> dict[str, str]:
    """The carrier and tracking number of goods the shop sends out, checked as the shipping
    board checks a shipment (a carrier the platform offers, a number that fits it);
    answers them as they are sent (the number cleaned up by `carriers.normalise_tracking`)."""
    problem = carriers.tracking_problem(carrier_code, tracking_no)
    if problem is not None:
        raise ShipmentProblem(problem.message, problem.params)
    code = carrier_code.strip()
    if code not in {carrier.code for carrier in carriers.available(session)}:
        raise DecisionRefused(MSG_UNKNOWN_CARRIER)
    return {"carrier_code": code, "tracking_no": carriers.normalise_tracking(tracking_no)}


def approve_return(
    session: Session,
    actor: Actor,
    aftersale_id: str,
    *,
    return_address_id: str | int | None = None,
    now: int,
    platform: str | None = None,
    seen: Seen | None = None,
) -> Queued:
    """Agree that the buyer returns the goods (for a refund, or a repair), to the shop's
    return address where the shop's `platform` takes one (None: Douyin, which does; TikTok
    Shop names its own return warehouse: available_decisions.names_return_address)."""
    request, decision, target = prepare(
        session, actor, aftersale_id, (Decision.AGREE_RETURN,), now=now, moves_money=False, platform=platform
    )
    if not names_return_address(platform):
        return queue_decision(
            session, actor, request, decision, target, action=RETURN_APPROVE, now=now, seen=seen
        )
    logistics = {"receiver_address_id": return_address(return_address_id)}
    return queue_decision(
        session,
        actor,
        request,
        decision,
        target,
        action=RETURN_APPROVE,
        now=now,
        details={"return_address_id": logistics["receiver_address_id"]},
        after={"logistics": logistics},
        seen=seen,
    )


def refuse(
    session: Session,
    actor: Actor,
    aftersale_id: str,
    *,
    reject_reason_code: int | str | None,
    remark: str,
    evidence_urls: Sequence[str] = (),
    now: int,
    seen: Seen | None = None,
) -> Queued:
    """Refuse a request (the refund, the return request or the returned goods, as its state allows)."""
    request, decision, target = prepare(
        session, actor, aftersale_id, REFUSING_DECISIONS, now=now, moves_money=False
    )
    item = _refusal_item(session, request, reject_reason_code, remark, evidence_urls, now=now)
    action = RETURN_REFUSE if decision == Decision.REFUSE_RETURN else REFUND_REFUSE
    return queue_decision(
        session,
        actor,
        request,
        decision,
        target,
        action=action,
        now=now,
        details=_refusal_details(item),
        after=item,
        seen=seen,
    )


def inspect_return(
    session: Session,
    actor: Actor,
    aftersale_id: str,
    *,
    outcome: str,
    note: str,
    then: str,
    reject_reason_code: int | str | None = None,
    remark: str = "",
    evidence_urls: Sequence[str] = (),
    now: int,
    seen: Seen | None = None,
) -> Queued:
    """Record how the returned goods arrived, then accept them and refund, or refuse them."""
    if then not in ("refund", "refuse"):
        raise ValueError(f"then must be 'refund' or 'refuse', not {then!r}")
    refund = then == "refund"
    wanted = Decision.ACCEPT_RETURNED_GOODS if refund else Decision.REFUSE_RETURNED_GOODS
    request, decision, target = prepare(session, actor, aftersale_id, (wanted,), now=now, moves_money=refund)
    if outcome not in INSPECTION_OUTCOMES:
        raise DecisionRefused(MSG_BAD_OUTCOME)
    item = (
        {} if refund else _refusal_item(session, request, reject_reason_code, remark, evidence_urls, now=now)
    )
    inspection = audit.record(
        session,
        actor,
        RETURN_INSPECT,
        entity_type=ENTITY,
        entity_id=aftersale_id,
        order_id=request.order_id,
        before={"state": request.state, "return_tracking_no": request.return_tracking_no},
        after={"outcome": outcome, "then": then},
        note=note,
        now=now,
    )
    return queue_decision(
        session,
        actor,
        request,
        decision,
        target,
        action=REFUND_APPROVE if refund else REFUND_REFUSE,
        now=now,
        details={} if refund else _refusal_details(item),
        after={"inspection": outcome, **item},
        refers_to=inspection,
        seen=seen,
    )


def approve_exchange(
    session: Session,
    actor: Actor,
    aftersale_id: str,
    *,
    return_address_id: str | int | None = None,
    carrier_code: str = "",
    tracking_no: str = "",
    now: int,
    platform: str | None = None,
    seen: Seen | None = None,
) -> Queued:
    """Agree an exchange (to the shop's return address) or a resend; or, once an
    exchange's or repair's goods came back, confirm them and send the new (or repaired)
    goods; or send a resend's (or repair's) goods: which of them the request's kind and
    state allow. Sending goods needs their carrier and tracking number (`goods_sent`).
    `platform`: the shop's (None: Douyin); a TikTok Shop replacement agreed is done at once
    (outcomes.py), nothing comes back, so it names no return address."""
    request, decision, target = prepare(
        session,
        actor,
        aftersale_id,
        (Decision.AGREE_EXCHANGE, Decision.CONFIRM_EXCHANGE_RECEIPT, Decision.SHIP_REPLACEMENT),
        now=now,
        moves_money=False,
        platform=platform,
    )
    details: dict[str, Any] = {}
    goods_come_back = target is RequestState.AWAITING_BUYER_RETURN
    if decision is Decision.AGREE_EXCHANGE and request.kind == RequestKind.EXCHANGE and goods_come_back:
        details["return_address_id"] = return_address(return_address_id)
    if decision in (Decision.CONFIRM_EXCHANGE_RECEIPT, Decision.SHIP_REPLACEMENT):
        details.update(goods_sent(session, carrier_code, tracking_no))
    after: dict[str, Any] = {k: details[k] for k in ("carrier_code", "tracking_no") if k in details}
    if "return_address_id" in details:
        after["logistics"] = {"receiver_address_id": details["return_address_id"]}
    return queue_decision(
        session,
        actor,
        request,
        decision,
        target,
        action=EXCHANGE_SEND if "tracking_no" in details else EXCHANGE_APPROVE,
        now=now,
        details=details,
        after=after,
        seen=seen,
    )
