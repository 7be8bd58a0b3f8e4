"""The one place where Douyin's codes meet the app's words (app/core/vocabulary.py).

Owns the tables that turn Douyin's after-sale types and statuses and its order statuses
into the app's `RequestKind`, `RequestState` and `OrderState`, and the app's `Decision`
into Douyin's `afterSale.operate` type and back. The parser (`parse.py`) fills the
mirror's `kind`/`state` columns through them; the adapter sends decisions through them.
Nothing outside `app/platforms/douyin/` reads Douyin's codes to decide.

Where the codes come from: `codes.py` (the dialect, PLATFORM-PROTOCOL.md §4 and §6),
whose public sources are named in docs/platforms/douyin.md (the official Go SDK as
mirrored in `zsmhub/doudian-sdk`); which operate types the SDK names, and which are
unconfirmed, `codes.OperateType` says. The type depends on the request's kind as well as
the decision (`operate_type`).

An unknown code has no word: the functions answer None (the decision functions raise,
since a decision the platform cannot take must never be sent), and the mirror keeps the
code with an empty word rather than a guessed one.
"""

from __future__ import annotations

from app.core.vocabulary import (
    ArbitrationState,
    Decision,
    OrderState,
    RefundState,
    RequestKind,
    RequestState,
)
from app.platforms.douyin.codes import (
    FAST_REFUND_TYPES,
    AfterSaleStatus,
    AfterSaleType,
    ArbitrateFilterStatus,
    ArbitrateStatus,
    OperateType,
    OrderStatus,
    RefundStatus,
    RefundType,
)

REQUEST_KINDS: dict[int, RequestKind] = {
    AfterSaleType.RETURN_AND_REFUND: RequestKind.RETURN_AND_REFUND,
    AfterSaleType.REFUND_AFTER_SHIPMENT: RequestKind.REFUND_AFTER_SHIPMENT,
    AfterSaleType.REFUND_BEFORE_SHIPMENT: RequestKind.REFUND_BEFORE_SHIPMENT,
    AfterSaleType.EXCHANGE: RequestKind.EXCHANGE,
    AfterSaleType.RESEND: RequestKind.RESEND,
    AfterSaleType.CANCELLED_BY_SYSTEM: RequestKind.CANCELLED_BY_SYSTEM,
    AfterSaleType.CANCELLED_BY_BUYER: RequestKind.CANCELLED_BY_BUYER,
    AfterSaleType.PRICE_PROTECTION: RequestKind.PRICE_PROTECTION,
    AfterSaleType.REPAIR: RequestKind.REPAIR,
}

REQUEST_STATES: dict[int, RequestState] = {
    AfterSaleStatus.AWAITING_MERCHANT: RequestState.AWAITING_SHOP,
    AfterSaleStatus.AWAITING_BUYER_RETURN: RequestState.AWAITING_BUYER_RETURN,
    AfterSaleStatus.RETURN_AWAITING_RECEIPT: RequestState.RETURN_AWAITING_INSPECTION,
    AfterSaleStatus.REFUNDED: RequestState.REFUNDED,
    AfterSaleStatus.EXCHANGE_IN_PROGRESS: RequestState.REPLACEMENT_IN_PROGRESS,
    AfterSaleStatus.EXCHANGE_DONE: RequestState.REPLACEMENT_DONE,
    AfterSaleStatus.MERCHANT_REFUSED: RequestState.REFUSED,
    AfterSaleStatus.CLOSED: RequestState.CLOSED,
    AfterSaleStatus.REFUSED_AFTER_RETURN: RequestState.REFUSED_AFTER_RETURN,
    # A resend or a repair the shop must ship (what the shop does there: the exchange engineer's).
    AfterSaleStatus.AWAITING_MERCHANT_SHIPMENT: RequestState.AWAITING_SHOP_SHIPMENT,
    AfterSaleStatus.ORDER_CANCELLED: RequestState.ORDER_CANCELLED,
    AfterSaleStatus.REVERSE_COMPLETED: RequestState.COMPLETED,
}

REFUND_STATES: dict[int, RefundState] = {
    RefundStatus.NONE: RefundState.NONE,
    RefundStatus.PENDING: RefundState.PENDING,
    RefundStatus.IN_PROGRESS: RefundState.IN_PROGRESS,
    RefundStatus.SUCCEEDED: RefundState.SUCCEEDED,
    RefundStatus.FAILED: RefundState.FAILED,
    RefundStatus.RECOVERED: RefundState.RECOVERED,
}

# The answer's `arbitrate_status` (List item and, the nearest table, Detail).
ARBITRATIONS: dict[int, ArbitrationState] = {
    ArbitrateStatus.NONE: ArbitrationState.NONE,
    ArbitrateStatus.IN_PROGRESS: ArbitrationState.IN_PROGRESS,
    # 客服同意 / 客服拒绝: the platform's staff agreed to or refused the buyer's request; the List
    # filter's own table says the same of its 2 and 3 (支持买家, 支持卖家).
    ArbitrateStatus.AGREED: ArbitrationState.DECIDED_FOR_BUYER,
    ArbitrateStatus.REFUSED: ArbitrationState.DECIDED_FOR_SHOP,
    ArbitrateStatus.AWAITING_MERCHANT_EVIDENCE: ArbitrationState.AWAITING_SHOP_EVIDENCE,
    ArbitrateStatus.NEGOTIATION: ArbitrationState.NEGOTIATION,
    ArbitrateStatus.ENDED: ArbitrationState.ENDED,
}
# The List request's `arbitrate_status[]` filter: another table for the same words.
ARBITRATION_FILTERS: dict[ArbitrationState, ArbitrateFilterStatus] = {
    ArbitrationState.NONE: ArbitrateFilterStatus.NOT_INVOLVED,
    ArbitrationState.IN_PROGRESS: ArbitrateFilterStatus.IN_PROGRESS,
    ArbitrationState.DECIDED_FOR_BUYER: ArbitrateFilterStatus.FOR_BUYER,
    ArbitrationState.DECIDED_FOR_SHOP: ArbitrateFilterStatus.FOR_MERCHANT,
    ArbitrationState.AWAITING_SHOP_EVIDENCE: ArbitrateFilterStatus.AWAITING_MERCHANT_EVIDENCE,
    ArbitrationState.NEGOTIATION: ArbitrateFilterStatus.NEGOTIATION,
    ArbitrationState.ENDED: ArbitrateFilterStatus.ENDED,
    ArbitrationState.CANCELLED: ArbitrateFilterStatus.CANCELLED,
}

ORDER_STATES: dict[int, OrderState] = {
    OrderStatus.UNPAID: OrderState.UNPAID,
    # Douyin says "paid" (105) before the order may be shipped and "awaiting shipment" (2)
    # after; the warehouse ships both alike (codes.ORDER_STATUSES_TO_SHIP).
    OrderStatus.PAID: OrderState.AWAITING_SHIPMENT,
    OrderStatus.AWAITING_SHIPMENT: OrderState.AWAITING_SHIPMENT,
    OrderStatus.PARTLY_SHIPPED: OrderState.PARTLY_SHIPPED,
    OrderStatus.SHIPPED: OrderState.SHIPPED,
    OrderStatus.CANCELLED: OrderState.CANCELLED,
    OrderStatus.COMPLETED: OrderState.COMPLETED,
}

OPERATE_TYPES: dict[Decision, OperateType] = {
    Decision.APPROVE_REFUND: OperateType.AGREE_REFUND,
    Decision.REFUSE_REFUND: OperateType.REFUSE_REFUND,
    Decision.AGREE_RETURN: OperateType.AGREE_RETURN,
    Decision.REFUSE_RETURN: OperateType.REFUSE_RETURN,
    Decision.ACCEPT_RETURNED_GOODS: OperateType.CONFIRM_RETURN_AND_REFUND,
    Decision.REFUSE_RETURNED_GOODS: OperateType.REFUSE_RETURNED_GOODS,
    Decision.AGREE_EXCHANGE: OperateType.AGREE_EXCHANGE,
    Decision.CONFIRM_EXCHANGE_RECEIPT: OperateType.CONFIRM_EXCHANGE_RECEIPT,
}
# Where a request's kind changes the type that sends a decision (docs/platforms/douyin.md
# "afterSale.operate"): agreeing a refund before shipment is 401, not 201.
OPERATE_TYPES_BY_KIND: dict[tuple[Decision, RequestKind], OperateType] = {
    (Decision.APPROVE_REFUND, RequestKind.REFUND_BEFORE_SHIPMENT): OperateType.AGREE_REFUND_BEFORE_SHIPMENT,
    # Exchanges: refusing the request is 302, refusing the returned goods 312 (not 102/112).
    (Decision.AGREE_EXCHANGE, RequestKind.EXCHANGE): OperateType.AGREE_EXCHANGE,
    (Decision.REFUSE_RETURN, RequestKind.EXCHANGE): OperateType.REFUSE_EXCHANGE,
    (Decision.CONFIRM_EXCHANGE_RECEIPT, RequestKind.EXCHANGE): OperateType.CONFIRM_EXCHANGE_RECEIPT,
    (Decision.REFUSE_RETURNED_GOODS, RequestKind.EXCHANGE): OperateType.REFUSE_EXCHANGE_GOODS,
    # Resends: 501 / 502, not 301 / 202; the shipment is afterSale.fillLogistics (FILLED_LOGISTICS).
    (Decision.AGREE_EXCHANGE, RequestKind.RESEND): OperateType.AGREE_RESEND,
    (Decision.REFUSE_REFUND, RequestKind.RESEND): OperateType.REFUSE_RESEND,
    # Repairs: the goods come back to be repaired (601 / 603), go out again (611) or are refused (612).
    (Decision.AGREE_RETURN, RequestKind.REPAIR): OperateType.AGREE_REPAIR,
    # Agreed with nothing coming back (602): the shop then sends the goods (8). The queue offers
    # 601; this reads a 602 made in the platform's own pages, in a request's history.
    (Decision.AGREE_EXCHANGE, RequestKind.REPAIR): OperateType.AGREE_REPAIR_NO_RETURN,
    (Decision.REFUSE_RETURN, RequestKind.REPAIR): OperateType.REFUSE_REPAIR,
    # 611 both when the goods came back (11) and when nothing came back (8); read back as the first.
    (Decision.SHIP_REPLACEMENT, RequestKind.REPAIR): OperateType.CONFIRM_REPAIR_RECEIPT,
    (Decision.CONFIRM_EXCHANGE_RECEIPT, RequestKind.REPAIR): OperateType.CONFIRM_REPAIR_RECEIPT,
    (Decision.REFUSE_RETURNED_GOODS, RequestKind.REPAIR): OperateType.REFUSE_REPAIR_GOODS,
}
# Kinds whose every decision is in OPERATE_TYPES_BY_KIND: no default from OPERATE_TYPES (a
# resend's "agree" is not the exchange's 301, whatever a new decision might fall back to).
KINDS_BY_TABLE_ONLY = frozenset({RequestKind.EXCHANGE, RequestKind.RESEND, RequestKind.REPAIR})
# The resend's goods leave the shop by `afterSale.fillLogistics` (send_type 1), not an operate.
FILLED_LOGISTICS: frozenset[tuple[Decision, RequestKind]] = frozenset(
    {(Decision.SHIP_REPLACEMENT, RequestKind.RESEND)}
)
# Decisions Douyin takes by other means than `afterSale.operate`: a refund before shipment
# is refused only by shipping the order (`order.logisticsAdd` with `is_refund_reject`).
NOT_OPERATED: frozenset[tuple[Decision, RequestKind]] = frozenset(
    {(Decision.REFUSE_REFUND, RequestKind.REFUND_BEFORE_SHIPMENT)}
)
DECISIONS: dict[int, Decision] = {
    **{operate_type: decision for decision, operate_type in OPERATE_TYPES.items()},
    **{operate_type: decision for (decision, _kind), operate_type in OPERATE_TYPES_BY_KIND.items()},
}


def request_kind(code: int | None) -> RequestKind | None:
    """The app's kind for Douyin's `aftersale_type`, or None for an unknown code."""
    return REQUEST_KINDS.get(code) if code is not None else None


def request_state(code: int | None) -> RequestState | None:
    """The app's state for Douyin's `aftersale_status`, or None for an unknown code
    (0, "no after-sale", on an order line, is one)."""
    return REQUEST_STATES.get(code) if code is not None else None


def refund_state(code: int | None) -> RefundState | None:
    """The app's word for Douyin's `refund_status`, or None for an unknown code."""
    return REFUND_STATES.get(code) if code is not None else None


def fast_refund(code: int | None) -> bool | None:
    """Whether Douyin's `refund_type` marks a fast refund the platform makes itself
    (codes.FAST_REFUND_TYPES, ours); None for no code, 0 or a code unknown here."""
    if code is None or code not in RefundType._value2member_map_:
        return None
    return code in FAST_REFUND_TYPES


def arbitration(code: int | None) -> ArbitrationState | None:
    """The app's word for an answer's `arbitrate_status`, or None for an unknown code."""
    return ARBITRATIONS.get(code) if code is not None else None


def arbitration_filter(state: ArbitrationState) -> ArbitrateFilterStatus:
    """The List request's `arbitrate_status[]` code that asks for requests in `state`."""
    return ARBITRATION_FILTERS[ArbitrationState(state)]


def order_state(code: int | None) -> OrderState | None:
    """The app's state for Douyin's `order_status`, or None for an unknown code."""
    return ORDER_STATES.get(code) if code is not None else None


def operate_type(decision: Decision, kind: RequestKind) -> OperateType:
    """The `afterSale.operate` type that sends `decision` on a request of `kind`; KeyError
    for one Douyin does not take by an operate (refusing a refund before shipment)."""
    key = (Decision(decision), RequestKind(kind))
    if key in NOT_OPERATED or key in FILLED_LOGISTICS:
        raise KeyError(f"Douyin takes no afterSale.operate for {key[0]} on {key[1]}")
    if key[1] in KINDS_BY_TABLE_ONLY:
        return OPERATE_TYPES_BY_KIND[key]
    return OPERATE_TYPES_BY_KIND.get(key) or OPERATE_TYPES[key[0]]


def sent_by_fill_logistics(decision: Decision, kind: RequestKind) -> bool:
    """Whether `decision` on a request of `kind` is sent by `afterSale.fillLogistics`."""
    return (Decision(decision), RequestKind(kind)) in FILLED_LOGISTICS


def decision_of(code: int) -> Decision:
    """The decision an `afterSale.operate` type sends; KeyError for an unknown type."""
    return DECISIONS[code]
