"""The one place where Douyin's codes meet the app's words (app/core/vocabulary.py).

Owns the tables that turn Douyin's after-sale types and statuses and its order statuses
into the app's `RequestKind`, `RequestState` and `OrderState`, and the app's `Decision`
into Douyin's `afterSale.operate` type and back. The parser (`parse.py`) fills the
mirror's `kind`/`state` columns through them; the adapter sends decisions through them.
Nothing outside `app/platforms/douyin/` reads Douyin's codes to decide.

Where the codes come from: `codes.py` (the dialect, PLATFORM-PROTOCOL.md §4 and §6),
whose public sources are named in docs/platforms/douyin.md (the official Go SDK as
mirrored in `zsmhub/doudian-sdk`); 201/202 are on the public record, the other operate
types are ours, as `codes.OperateType` says.

An unknown code has no word: the functions answer None (the decision functions raise,
since a decision the platform cannot take must never be sent), and the mirror keeps the
code with an empty word rather than a guessed one.
"""

from __future__ import annotations

from app.core.vocabulary import Decision, OrderState, RequestKind, RequestState
from app.platforms.douyin.codes import AfterSaleStatus, AfterSaleType, OperateType, OrderStatus

REQUEST_KINDS: dict[int, RequestKind] = {
    AfterSaleType.RETURN_AND_REFUND: RequestKind.RETURN_AND_REFUND,
    AfterSaleType.REFUND_AFTER_SHIPMENT: RequestKind.REFUND_AFTER_SHIPMENT,
    AfterSaleType.REFUND_BEFORE_SHIPMENT: RequestKind.REFUND_BEFORE_SHIPMENT,
    AfterSaleType.EXCHANGE: RequestKind.EXCHANGE,
    AfterSaleType.RESEND: RequestKind.RESEND,
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
    Decision.AGREE_EXCHANGE: OperateType.AGREE_EXCHANGE,  # and the resend
    Decision.CONFIRM_EXCHANGE_RECEIPT: OperateType.CONFIRM_EXCHANGE_RECEIPT,
}
DECISIONS: dict[int, Decision] = {operate_type: decision for decision, operate_type in OPERATE_TYPES.items()}


def request_kind(code: int | None) -> RequestKind | None:
    """The app's kind for Douyin's `aftersale_type`, or None for an unknown code."""
    return REQUEST_KINDS.get(code) if code is not None else None


def request_state(code: int | None) -> RequestState | None:
    """The app's state for Douyin's `aftersale_status`, or None for an unknown code
    (0, "no after-sale", on an order line, is one)."""
    return REQUEST_STATES.get(code) if code is not None else None


def order_state(code: int | None) -> OrderState | None:
    """The app's state for Douyin's `order_status`, or None for an unknown code."""
    return ORDER_STATES.get(code) if code is not None else None


def operate_type(decision: Decision) -> OperateType:
    """The `afterSale.operate` type that sends `decision`; KeyError for one Douyin cannot take."""
    return OPERATE_TYPES[Decision(decision)]


def decision_of(code: int) -> Decision:
    """The decision an `afterSale.operate` type sends; KeyError for an unknown type."""
    return DECISIONS[code]
