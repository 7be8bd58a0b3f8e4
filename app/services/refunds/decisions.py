"""A person's decisions on one after-sale request: approve, refuse, inspect, exchange.

Owns turning a decision into what ARCHITECTURE.md "Act" asks for, inside the caller's
transaction (`with sessions.begin()`): the permission check on the person's record as
it is now (money decisions against the clerk's single and daily limits, the record
locked so two desks cannot both spend the last of a daily limit), the validation (the request's state still
allows the decision per `outcomes.DECISION_OUTCOMES`, nothing else queued for it, a
refusal has a reason code from the cached platform list, a remark, and evidence when
that reason needs it, kept by `refusal_evidence`), then one audit event and one outbox
operation carrying the decision in the app's words (`outbox.enqueue_decision`: the
decision, its reason, remark, evidence or return address), based on the version the
person saw; the platform's adapter turns it into the platform's own call. A refused decision writes nothing.

The mirrored `after_sales` row is not touched: the pull owns it, and the queue shows
"pending" from the outbox. Money leaves the shop on "refund.approve" events (agree a
refund, or confirm returned goods and refund), whose `refund_amount` the daily limit
adds up.

Approving a selection at once is `refund_bulk`, which makes each decision through this
module's single ones.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.core.refusal import Refusal
from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import REFUSING_DECISIONS, Decision, RequestKind, RequestState
from app.models import AfterSale, OutboxOperation, OwnerHandover
from app.models import outbox as outbox_state
from app.services import outbox
from app.services.people import audit, permissions
from app.services.people.permissions import Action, Actor
from app.services.platform_lists import reject_reasons_for
from app.services.refunds import outcomes, refusal_evidence
from app.services.refunds.available_decisions import names_return_address
from app.services.shipping import carriers

ENTITY = outbox.REQUEST
REFUND_APPROVE = "refund.approve"
REFUND_REFUSE = "refund.refuse"
RETURN_APPROVE = "return.approve"
RETURN_REFUSE = "return.refuse"
RETURN_INSPECT = "return.inspect"
EXCHANGE_APPROVE = "exchange.approve"
EXCHANGE_SEND = "exchange.send"  # the new (or resent, or repaired) goods go out
INSPECTION_OUTCOMES = ("good", "damaged", "missing_parts")

MSG_UNKNOWN = QT_TRANSLATE_NOOP("refunds", "This request is not in the local copy; sync and try again.")
MSG_WRONG_STATE = QT_TRANSLATE_NOOP(
    "refunds", "This request can no longer be decided this way; its state has changed. Refresh the queue."
)
MSG_PENDING = QT_TRANSLATE_NOOP(
    "refunds", "A decision on this request is already waiting to be sent to the platform."
)
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


class DecisionRefused(Refusal):
    """A decision that cannot be made, in plain words."""

    context = "refunds"


class ShipmentProblem(DecisionRefused):
    """Goods the shop sends out whose carrier or tracking number cannot be sent, in the
    shipping board's words (`carriers.tracking_problem`)."""

    context = "shipping"


@dataclass(frozen=True, slots=True)
class Queued:
    """What a decision put in the outbox."""

    aftersale_id: str
    op_id: str
    decision: Decision
    expected_to_state: RequestState
    audit_event_id: int


# --- the shared steps ---------------------------------------------------------------------
def _request(session: Session, aftersale_id: str) -> AfterSale:
    request = session.get(AfterSale, aftersale_id)
    if request is None:
        raise DecisionRefused(MSG_UNKNOWN)
    return request


def _target(
    request: AfterSale, decisions: Iterable[Decision], platform: str | None = None
) -> tuple[Decision, RequestState]:
    """The first of `decisions` the request's kind and state allow on the shop's `platform`
    (None: Douyin), and where it leads."""
    allowed = outcomes.first_allowed(decisions, request.kind, request.state, platform=platform)
    if allowed is None:
        raise DecisionRefused(MSG_WRONG_STATE)
    return allowed


def has_open_operation(session: Session, aftersale_id: str) -> bool:
    return (
        session.scalar(
            select(OutboxOperation.seq)
            .where(
                OutboxOperation.entity_type == ENTITY,
                OutboxOperation.entity_id == aftersale_id,
                OutboxOperation.state.in_(outbox_state.OPEN_STATES),
            )
            .limit(1)
        )
        is not None
    )


def orders_shipping_to_refuse(session: Session, order_ids: Collection[str] | None = None) -> set[str]:
    """The orders (of `order_ids`, or all) with a shipment queued that refuses their refund
    requests before shipment: those requests' "no", made by shipping the order
    (`shipping/refuse_by_shipping.py`), on its way."""
    statement = select(OutboxOperation).where(
        OutboxOperation.action == outbox.SHIP,
        OutboxOperation.entity_type == outbox.ORDER,
        OutboxOperation.state.in_(outbox_state.OPEN_STATES),
    )
    if order_ids is not None:
        statement = statement.where(OutboxOperation.entity_id.in_(list(order_ids)))
    return {op.entity_id for op in session.scalars(statement) if outbox.details_of(op).get("refuse_refund")}


def refusing_shipment_waits(session: Session, request: AfterSale) -> bool:
    """Whether a shipment that refuses this refund-before-shipment request is queued."""
    if request.kind != RequestKind.REFUND_BEFORE_SHIPMENT:
        return False
    return bool(orders_shipping_to_refuse(session, [request.order_id]))


def authorise_decision(
    session: Session,
    actor: Actor,
    request: AfterSale,
    *,
    now: int,
    moves_money: bool,
    replacing: int | None = None,
) -> Actor:
    """The permission check of a decision on `request`, against the person's record as it
    is now (permissions.authorise). A decision that pays the buyer locks that record
    first, so the daily total read here and the approval written after it are one step
    even when two desks approve for the same clerk at once; `replacing` is the audit
    event of an approval being applied again (its money is not counted twice)."""
    if not moves_money:
        return permissions.authorise(
            session, actor, Action.DECIDE_REFUND, amount_fen=request.refund_amount, currency=request.currency
        )
    current = permissions.authorise(session, actor, Action.DECIDE_REFUND, lock=True)
    spent = permissions.refunds_approved_today(session, current, now, replacing=replacing)
    permissions.check(
        current,
        Action.DECIDE_REFUND,
        amount_fen=request.refund_amount,
        spent_today_fen=spent,
        currency=request.currency,
    )
    return current


def queue_decision(
    session: Session,
    actor: Actor,
    request: AfterSale,
    decision: Decision,
    target: RequestState,
    *,
    action: str,
    now: int,
    details: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    note: str = "",
    refers_to: int | None = None,
) -> Queued:
    """Audit the decision and append its operation, in the caller's transaction.

    The one place a refund decision becomes an audit event plus an outbox operation;
    the caller has checked permission and state. `details` are the decision's
    (`outbox.DECISION_DETAILS`), `after` what the audit event adds.
    """
    event_id = audit.record(
        session,
        actor,
        action,
        entity_type=ENTITY,
        entity_id=request.aftersale_id,
        order_id=request.order_id,
        # In the app's words (events before issue 14 carry Douyin's "operate_type" and "status").
        before={
            "state": request.state,
            "update_time": request.update_time,
            "refund_amount": request.refund_amount,
        },
        after={
            "decision": str(decision),
            "state": str(target),
            "refund_amount": request.refund_amount,
            "currency": request.currency,  # the amount's (a TikTok shop's: USD cents)
            **(after or {}),
        },
        refers_to=refers_to,
        note=note,
        now=now,
    )
    op_id = outbox.enqueue_decision(
        session,
        request_id=request.aftersale_id,
        decision=decision,
        details={**(details or {}), "kind": request.kind},
        based_on_update_time=request.update_time,
        expected_from=RequestState(request.state) if request.state else None,
        expected_to=target,
        actor=actor,
        now=now,
        audit_event_id=event_id,
    )
    # Decided: a request handed to the owner waits for nobody any more (owner_handover).
    session.execute(delete(OwnerHandover).where(OwnerHandover.aftersale_id == request.aftersale_id))
    return Queued(request.aftersale_id, op_id, decision, target, event_id)


def _prepare(
    session: Session,
    actor: Actor,
    aftersale_id: str,
    decisions: Sequence[Decision],
    *,
    now: int,
    moves_money: bool,
    platform: str | None = None,
) -> tuple[AfterSale, Decision, RequestState]:
    request = _request(session, aftersale_id)
    authorise_decision(session, actor, request, now=now, moves_money=moves_money)
    decision, target = _target(request, decisions, platform)
    if has_open_operation(session, aftersale_id) or refusing_shipment_waits(session, request):
        raise DecisionRefused(MSG_PENDING)
    return request, decision, target


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
def approve_refund(session: Session, actor: Actor, aftersale_id: str, *, now: int) -> Queued:
    """Agree a refund-only request; money leaves the shop."""
    request, decision, target = _prepare(
        session, actor, aftersale_id, (Decision.APPROVE_REFUND,), now=now, moves_money=True
    )
    return queue_decision(session, actor, request, decision, target, action=REFUND_APPROVE, now=now)


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
) -> Queued:
    """Agree that the buyer returns the goods (for a refund, or a repair), to the shop's
    return address where the shop's `platform` takes one (None: Douyin, which does; TikTok
    Shop names its own return warehouse: available_decisions.names_return_address)."""
    request, decision, target = _prepare(
        session, actor, aftersale_id, (Decision.AGREE_RETURN,), now=now, moves_money=False, platform=platform
    )
    if not names_return_address(platform):
        return queue_decision(session, actor, request, decision, target, action=RETURN_APPROVE, now=now)
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
) -> Queued:
    """Refuse a request (the refund, the return request or the returned goods, as its state allows)."""
    request, decision, target = _prepare(
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
) -> Queued:
    """Record how the returned goods arrived, then accept them and refund, or refuse them."""
    if then not in ("refund", "refuse"):
        raise ValueError(f"then must be 'refund' or 'refuse', not {then!r}")
    refund = then == "refund"
    wanted = Decision.ACCEPT_RETURNED_GOODS if refund else Decision.REFUSE_RETURNED_GOODS
    request, decision, target = _prepare(session, actor, aftersale_id, (wanted,), now=now, moves_money=refund)
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
) -> Queued:
    """Agree an exchange (to the shop's return address) or a resend; or, once an
    exchange's or repair's goods came back, confirm them and send the new (or repaired)
    goods; or send a resend's (or repair's) goods: which of them the request's kind and
    state allow. Sending goods needs their carrier and tracking number (`goods_sent`).
    `platform`: the shop's (None: Douyin); a TikTok Shop replacement agreed is done at once
    (outcomes.py), nothing comes back, so it names no return address."""
    request, decision, target = _prepare(
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
    )
