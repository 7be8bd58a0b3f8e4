"""The one place where TikTok Shop's codes meet the app's words (app/core/vocabulary.py).

Owns the tables that turn TikTok's return types and statuses, cancellation types and
statuses, arbitration statuses, order statuses and record roles into the app's
`RequestKind`, `RequestState`, `RefundState`, `ArbitrationState`, `OrderState` and the
port's `Mover`, and the app's `Decision` (by the request's kind) into the call that sends
it: which resource (`returns` or `cancellations`), which verb (`approve` or `reject`) and
which `decision` string. The parser (`parse.py`) fills the mirror's words through them; the
adapter sends decisions through them. Nothing outside `app/platforms/tiktok/` reads
TikTok's codes to decide.

What is ours (the public record says what each code is, not which app word it is; sources
of the codes: `codes.py`):
- REFUND (a returnless refund, asked after shipment: before it the buyer cancels) is a
  refund after shipment; REPLACEMENT is an exchange (the goods may come back: the record has
  `can_buyer_keep_item`; after the seller's yes "platform will generate a new order for
  seller to fulfill", so the new goods go out as an order of their own and the request is
  done: REPLACEMENT_REQUEST_COMPLETE is "replacement done").
- A buyer's cancellation (BUYER_CANCEL, "Need to be approved by seller or system") is a
  refund before shipment: money back, nothing was sent, the shop answers by a deadline or the
  platform approves it. Granted, it is "refunded" (the decision's expected outcome), not
  "order cancelled". A cancellation by the seller or the platform (CANCEL) is recorded as
  cancelled by the shop, by the platform (SYSTEM, OPERATOR) or by the buyer, by its `role`.
- RETURN_OR_REFUND_REQUEST_SUCCESS ("The buyer will be refunded") is refunded with the
  refund in progress; …_COMPLETE ("The buyer has been refunded") with the refund paid.
- AWAITING_BUYER_RESPONSE ("Seller offer another return type to the buyer, and waiting buyer
  response": a partial refund, say, which the desk never offers) has no word in the app: it
  is kept as a code with no state, waiting for nobody at the shop.

An unknown code has no word: the functions answer None (`decision_call` raises, since a
decision the platform cannot take must never be sent), and the mirror keeps the code with
an empty word rather than a guessed one.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.vocabulary import (
    ArbitrationState,
    Decision,
    OrderState,
    RefundState,
    RequestKind,
    RequestState,
)
from app.platforms.port import Mover
from app.platforms.tiktok.codes import (
    APPROVE,
    CANCELLATIONS,
    REJECT,
    RETURNS,
    ApproveDecision,
    ArbitrationStatus,
    CancelStatus,
    CancelType,
    OrderStatus,
    ReturnStatus,
    ReturnType,
    Role,
    role_of,
)

K, S, R = RequestKind, RequestState, RefundState

ORDER_STATES: dict[str, OrderState] = {
    OrderStatus.UNPAID: OrderState.UNPAID,
    OrderStatus.ON_HOLD: OrderState.ON_HOLD,
    OrderStatus.AWAITING_SHIPMENT: OrderState.AWAITING_SHIPMENT,
    OrderStatus.PARTIALLY_SHIPPING: OrderState.PARTLY_SHIPPED,
    # The seller shipped (called Ship Package); the carrier has yet to collect: as Douyin's
    # "shipped" (已发货), which the shop's tracking upload makes, not the carrier's scan.
    OrderStatus.AWAITING_COLLECTION: OrderState.SHIPPED,
    OrderStatus.IN_TRANSIT: OrderState.SHIPPED,
    OrderStatus.DELIVERED: OrderState.DELIVERED,
    OrderStatus.COMPLETED: OrderState.COMPLETED,
    OrderStatus.CANCELLED: OrderState.CANCELLED,
}

RETURN_KINDS: dict[str, RequestKind] = {
    ReturnType.REFUND: K.REFUND_AFTER_SHIPMENT,
    ReturnType.RETURN_AND_REFUND: K.RETURN_AND_REFUND,
    ReturnType.REPLACEMENT: K.EXCHANGE,
}
# A buyer's request to cancel (and be refunded), which the shop answers.
BUYER_CANCEL_TYPES = frozenset({CancelType.BUYER_CANCEL, CancelType.REQUEST_CANCEL_REFUND})
# A cancellation made (not asked) by someone: its kind says by whom.
CANCELLED_BY: dict[Role, RequestKind] = {
    Role.SELLER: K.CANCELLED_BY_SHOP,
    Role.SYSTEM: K.CANCELLED_BY_SYSTEM,
    Role.OPERATOR: K.CANCELLED_BY_SYSTEM,
    Role.BUYER: K.CANCELLED_BY_BUYER,
}

RETURN_STATES: dict[str, RequestState] = {
    ReturnStatus.REQUEST_PENDING: S.AWAITING_SHOP,
    ReturnStatus.REQUEST_REJECT: S.REFUSED,
    ReturnStatus.REQUEST_REJECT_TS: S.REFUSED,
    ReturnStatus.AWAITING_BUYER_SHIP: S.AWAITING_BUYER_RETURN,
    ReturnStatus.BUYER_SHIPPED_ITEM: S.RETURN_AWAITING_INSPECTION,
    ReturnStatus.REJECT_RECEIVE_PACKAGE: S.REFUSED_AFTER_RETURN,
    ReturnStatus.REQUEST_SUCCESS: S.REFUNDED,
    ReturnStatus.REQUEST_CANCEL: S.CLOSED,
    ReturnStatus.REQUEST_COMPLETE: S.REFUNDED,
    ReturnStatus.REPLACEMENT_PENDING: S.AWAITING_SHOP,
    ReturnStatus.REPLACEMENT_REJECT: S.REFUSED,
    ReturnStatus.REPLACEMENT_REFUND_SUCCESS: S.REFUNDED,
    ReturnStatus.REPLACEMENT_CANCEL: S.CLOSED,
    ReturnStatus.REPLACEMENT_COMPLETE: S.REPLACEMENT_DONE,
    ReturnStatus.OVERVIEW_REQUEST_REJECTED: S.REFUSED,
    ReturnStatus.OVERVIEW_RECEIVE_REJECTED: S.REFUSED_AFTER_RETURN,
    ReturnStatus.OVERVIEW_REQUEST_SUCCESS: S.REFUNDED,
    ReturnStatus.OVERVIEW_CANCEL: S.CLOSED,
    ReturnStatus.WEBHOOK_CANCELLED: S.CLOSED,
}
# Codes known and deliberately left without a word (see the module's docstring).
RETURN_STATUSES_WITHOUT_WORD = frozenset({ReturnStatus.AWAITING_BUYER_RESPONSE})

# How far the money has gone, as the return's status says (no refund status of its own).
RETURN_REFUNDS: dict[str, RefundState] = {
    ReturnStatus.REQUEST_PENDING: R.PENDING,
    ReturnStatus.AWAITING_BUYER_SHIP: R.PENDING,
    ReturnStatus.BUYER_SHIPPED_ITEM: R.PENDING,
    ReturnStatus.AWAITING_BUYER_RESPONSE: R.PENDING,
    ReturnStatus.REQUEST_SUCCESS: R.IN_PROGRESS,
    ReturnStatus.OVERVIEW_REQUEST_SUCCESS: R.IN_PROGRESS,
    ReturnStatus.REQUEST_COMPLETE: R.SUCCEEDED,
    ReturnStatus.REPLACEMENT_PENDING: R.NONE,
    ReturnStatus.REPLACEMENT_COMPLETE: R.NONE,
    ReturnStatus.REPLACEMENT_REFUND_SUCCESS: R.SUCCEEDED,
}

CANCEL_REFUNDS: dict[str, RefundState] = {
    CancelStatus.PENDING: R.PENDING,
    CancelStatus.SUCCESS: R.IN_PROGRESS,
    CancelStatus.COMPLETE: R.SUCCEEDED,
}
CANCEL_WITHDRAWN = frozenset({CancelStatus.CANCEL, CancelStatus.CANCELLED})
CANCEL_GRANTED = frozenset({CancelStatus.SUCCESS, CancelStatus.COMPLETE})

ARBITRATIONS: dict[str, ArbitrationState] = {
    ArbitrationStatus.IN_PROGRESS: ArbitrationState.IN_PROGRESS,
    ArbitrationStatus.SUPPORT_BUYER: ArbitrationState.DECIDED_FOR_BUYER,
    ArbitrationStatus.SUPPORT_SELLER: ArbitrationState.DECIDED_FOR_SHOP,
    ArbitrationStatus.CLOSED: ArbitrationState.ENDED,
}

MOVERS: dict[Role, Mover] = {
    Role.BUYER: Mover.BUYER,
    Role.SELLER: Mover.SHOP,
    Role.SYSTEM: Mover.PLATFORM,  # by policy: a deadline passed
    Role.OPERATOR: Mover.PLATFORM,  # the platform's staff
}


@dataclass(frozen=True, slots=True)
class DecisionCall:
    """How TikTok takes one decision: `POST /return_refund/202309/{resource}/{id}/{verb}`
    with `decision` in the body (None for cancellations: the path says it)."""

    resource: str  # codes.RETURNS or codes.CANCELLATIONS
    verb: str  # codes.APPROVE or codes.REJECT
    decision: str | None
    buyer_keep_item: bool = False  # only with APPROVE_RETURN: a returnless refund


def _returns(decision: str) -> DecisionCall:
    verb = APPROVE if decision in ApproveDecision._value2member_map_ else REJECT
    return DecisionCall(RETURNS, verb, decision)


DECISION_CALLS: dict[tuple[Decision, RequestKind], DecisionCall] = {
    # Refund only (REFUND)
    (Decision.APPROVE_REFUND, K.REFUND_AFTER_SHIPMENT): _returns("APPROVE_REFUND"),
    (Decision.REFUSE_REFUND, K.REFUND_AFTER_SHIPMENT): _returns("REJECT_REFUND"),
    # Return and refund: the request, then the returned parcel
    (Decision.AGREE_RETURN, K.RETURN_AND_REFUND): _returns("APPROVE_RETURN"),
    (Decision.REFUSE_RETURN, K.RETURN_AND_REFUND): _returns("REJECT_RETURN"),
    (Decision.ACCEPT_RETURNED_GOODS, K.RETURN_AND_REFUND): _returns("APPROVE_RECEIVED_PACKAGE"),
    (Decision.REFUSE_RETURNED_GOODS, K.RETURN_AND_REFUND): _returns("REJECT_RECEIVED_PACKAGE"),
    # Refunding a return-and-refund without the goods back: APPROVE_RETURN with
    # buyer_keep_item (PC ApproveReturn.ts: "the seller will refund without requiring the
    # buyer to send the product back").
    (Decision.APPROVE_REFUND, K.RETURN_AND_REFUND): DecisionCall(RETURNS, APPROVE, "APPROVE_RETURN", True),
    # Replacement: the request, then the returned parcel when the goods come back
    (Decision.AGREE_EXCHANGE, K.EXCHANGE): _returns("APPROVE_REPLACEMENT"),
    (Decision.REFUSE_RETURN, K.EXCHANGE): _returns("REJECT_REPLACEMENT"),
    (Decision.CONFIRM_EXCHANGE_RECEIPT, K.EXCHANGE): _returns("APPROVE_RECEIVED_PACKAGE"),
    (Decision.REFUSE_RETURNED_GOODS, K.EXCHANGE): _returns("REJECT_RECEIVED_PACKAGE"),
    # "seller decline the replacement request and directly refund to buyer"
    (Decision.APPROVE_REFUND, K.EXCHANGE): _returns("ISSUE_REPLACEMENT_REFUND"),
    # A buyer's cancellation: approved or rejected by the path, no decision in the body
    # (TikTok takes a refusal directly; Douyin only by shipping the order).
    (Decision.APPROVE_REFUND, K.REFUND_BEFORE_SHIPMENT): DecisionCall(CANCELLATIONS, APPROVE, None),
    (Decision.REFUSE_REFUND, K.REFUND_BEFORE_SHIPMENT): DecisionCall(CANCELLATIONS, REJECT, None),
}
# Kinds TikTok keeps as cancellations (`…/cancellations/{cancel_id}`), not returns.
CANCELLATION_KINDS = frozenset(
    {K.REFUND_BEFORE_SHIPMENT, K.CANCELLED_BY_SHOP, K.CANCELLED_BY_SYSTEM, K.CANCELLED_BY_BUYER}
)


def order_state(code: str | None) -> OrderState | None:
    """The app's state for an order's `status`, or None for an unknown code."""
    return ORDER_STATES.get(code) if code else None


def return_kind(code: str | None) -> RequestKind | None:
    """The app's kind for a return's `return_type`, or None for an unknown code."""
    return RETURN_KINDS.get(code) if code else None


def cancellation_kind(code: str | None, role: str | None) -> RequestKind | None:
    """The app's kind for a cancellation's `cancel_type`, by its initiator's `role` when it
    was made rather than asked; None for an unknown type or a CANCEL by an unknown role."""
    if code in BUYER_CANCEL_TYPES:
        return K.REFUND_BEFORE_SHIPMENT
    if code == CancelType.CANCEL:
        initiator = role_of(role)
        return CANCELLED_BY.get(initiator) if initiator is not None else None
    return None


def return_state(code: str | None) -> RequestState | None:
    """The app's state for a return's `return_status`, or None for an unknown code."""
    return RETURN_STATES.get(code) if code else None


def cancellation_state(code: str | None, kind: RequestKind | None) -> RequestState | None:
    """The app's state for a cancellation's `cancel_status`: a buyer's request granted is
    refunded, any other cancellation done is the order cancelled; None for an unknown code."""
    if code == CancelStatus.PENDING:
        return S.AWAITING_SHOP
    if code in CANCEL_WITHDRAWN:
        return S.CLOSED
    if code in CANCEL_GRANTED:
        return S.REFUNDED if kind == K.REFUND_BEFORE_SHIPMENT else S.ORDER_CANCELLED
    return None


def return_refund(code: str | None, kind: RequestKind | None) -> RefundState | None:
    """How far a return's money has gone, by its status; an exchange waiting or done moves no
    money (NONE); None where the status says nothing of money (refused, withdrawn, unknown)."""
    refund = RETURN_REFUNDS.get(code) if code else None
    if kind == K.EXCHANGE and refund is R.PENDING:
        return R.NONE  # a replacement waiting moves no money; one refunded instead says so
    return refund


def cancellation_refund(code: str | None) -> RefundState | None:
    """How far a cancellation's money has gone, by its status (None: withdrawn or unknown)."""
    return CANCEL_REFUNDS.get(code) if code else None


def arbitration(code: str | None) -> ArbitrationState | None:
    """The app's word for a return's `arbitration_status`: NONE when it is empty or absent
    (the return was never taken up), None for an unknown code."""
    if not code:
        return ArbitrationState.NONE
    return ARBITRATIONS.get(code)


def mover(role: str | None) -> Mover | None:
    """Who moved, from a record's `role` in any case; None for a role unknown here."""
    known = role_of(role)
    return MOVERS.get(known) if known is not None else None


def decision_call(decision: Decision, kind: RequestKind) -> DecisionCall:
    """How TikTok takes `decision` on a request of `kind`; KeyError for one it does not take
    (a decision must never be sent where the platform has no such move)."""
    key = (Decision(decision), RequestKind(kind))
    if key not in DECISION_CALLS:
        raise KeyError(f"TikTok Shop takes no {key[0]} on a request of kind {key[1]}")
    return DECISION_CALLS[key]


def decision_code(decision: Decision, kind: RequestKind) -> str | None:
    """The body's `decision` string for `decision` on `kind` (None for a cancellation, whose
    path says it); KeyError as `decision_call`."""
    return decision_call(decision, kind).decision


def is_approval(decision: Decision, kind: RequestKind) -> bool:
    """Whether the decision goes to `…/approve` (else `…/reject`); KeyError as `decision_call`."""
    return decision_call(decision, kind).verb == APPROVE


def is_cancellation(kind: RequestKind | str | None) -> bool:
    """Whether a request of `kind` is one of TikTok's cancellations (`…/cancellations/{id}`)."""
    return kind in CANCELLATION_KINDS
