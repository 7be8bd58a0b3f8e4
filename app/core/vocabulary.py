"""The app's own words for orders, after-sale requests and decisions, on every platform.

Owns the request kinds, request states, decisions and order states that the mirror,
the services and the screens decide with. Each platform's adapter
(`app.platforms.<name>`) translates its codes into these words when it reads an answer
and back into codes when it sends a decision; the platform's own codes are kept beside
them in the mirror for display and for the platform, never to decide. The values are
stable strings because they are stored in the mirror: rename a member, never its value.

Labels are English source strings marked for translation (context "vocabulary") and
shown through `QCoreApplication.translate` by the views.
"""

from __future__ import annotations

from enum import StrEnum

from app.core.translation import QT_TRANSLATE_NOOP


class RequestKind(StrEnum):
    """What the buyer asks for."""

    REFUND_BEFORE_SHIPMENT = "refund_before_shipment"  # money back, nothing was sent
    REFUND_AFTER_SHIPMENT = "refund_after_shipment"  # money back, the buyer keeps the goods
    RETURN_AND_REFUND = "return_and_refund"  # goods come back, then the money goes
    EXCHANGE = "exchange"  # goods come back, other goods go out
    RESEND = "resend"  # a replacement or missing part goes out, nothing comes back
    PRICE_PROTECTION = "price_protection"  # the price fell after the sale: the difference back
    REPAIR = "repair"  # the goods go to be repaired and come back
    CANCELLED_BY_SYSTEM = "cancelled_by_system"  # the platform cancelled the order (Douyin 系统取消)
    CANCELLED_BY_BUYER = "cancelled_by_buyer"  # the buyer cancelled the order (Douyin 用户取消)
    CANCELLED_BY_SHOP = "cancelled_by_shop"  # the shop cancelled the order (TikTok Shop CANCEL by SELLER)


class RequestState(StrEnum):
    """Where a request stands, and whose move it is."""

    AWAITING_SHOP = "awaiting_shop"  # the shop must decide before the deadline
    AWAITING_BUYER_RETURN = "awaiting_buyer_return"  # agreed; the buyer must send the goods
    RETURN_AWAITING_INSPECTION = "return_awaiting_inspection"  # goods on their way or arrived
    REPLACEMENT_IN_PROGRESS = "replacement_in_progress"  # the shop sends goods out
    AWAITING_SHOP_SHIPMENT = "awaiting_shop_shipment"  # a resend or repair: the shop must ship
    IN_ARBITRATION = "in_arbitration"  # the platform judges a dispute
    REFUNDED = "refunded"
    REPLACEMENT_DONE = "replacement_done"
    REFUSED = "refused"  # the shop refused the request
    REFUSED_AFTER_RETURN = "refused_after_return"  # the shop refused the returned goods
    CLOSED = "closed"  # withdrawn by the buyer or closed by the platform
    ORDER_CANCELLED = "order_cancelled"  # the request cancelled the order (Douyin 订单取消成功)
    COMPLETED = "completed"  # the platform says the reverse transaction is done (逆向交易已完成)


class RefundState(StrEnum):
    """How far the money of a request has gone back to the buyer."""

    NONE = "none"  # no money involved (an exchange, a resend)
    PENDING = "pending"
    IN_PROGRESS = "in_progress"  # the payment is on its way
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    RECOVERED = "recovered"  # a refund paid out was recovered afterwards (Douyin 追缴成功)


class ArbitrationState(StrEnum):
    """Where the platform's arbitration of a request stands (the buyer or the shop asked the
    platform to judge a dispute)."""

    NONE = "none"  # never taken to arbitration
    IN_PROGRESS = "in_progress"  # the platform's staff are judging
    AWAITING_SHOP_EVIDENCE = "awaiting_shop_evidence"  # the platform asks the shop for evidence
    NEGOTIATION = "negotiation"  # the platform lets shop and buyer agree first
    DECIDED_FOR_BUYER = "decided_for_buyer"
    DECIDED_FOR_SHOP = "decided_for_shop"
    ENDED = "ended"  # over, the outcome not said
    CANCELLED = "cancelled"  # withdrawn before a decision


class Decision(StrEnum):
    """What the shop can say to a request."""

    APPROVE_REFUND = "approve_refund"
    REFUSE_REFUND = "refuse_refund"
    AGREE_RETURN = "agree_return"
    REFUSE_RETURN = "refuse_return"
    ACCEPT_RETURNED_GOODS = "accept_returned_goods"  # and refund
    REFUSE_RETURNED_GOODS = "refuse_returned_goods"
    AGREE_EXCHANGE = "agree_exchange"  # or the resend
    CONFIRM_EXCHANGE_RECEIPT = "confirm_exchange_receipt"  # and send the new (or repaired) goods
    SHIP_REPLACEMENT = "ship_replacement"  # send a resend's (or a repair's) goods: carrier, number


class OrderState(StrEnum):
    """Where an order stands, as the warehouse and the metrics see it."""

    UNPAID = "unpaid"
    ON_HOLD = "on_hold"  # paid, held by the platform before it may ship
    AWAITING_SHIPMENT = "awaiting_shipment"
    PARTLY_SHIPPED = "partly_shipped"
    SHIPPED = "shipped"  # handed to the carrier, in transit
    DELIVERED = "delivered"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class CancelFault(StrEnum):
    """Whose fault a cancelled order was, as the platform says (TikTok Shop's seller-fault
    cancellation rate counts the seller's); None in the mirror when it did not say."""

    SELLER = "seller"  # the seller cancelled, or the platform did for the seller's failure
    BUYER = "buyer"
    PLATFORM = "platform"  # the platform's own reasons (payment, fraud, a lost parcel)


# Requests on which the platform waits for the shop.
STATES_AWAITING_SHOP = (
    RequestState.AWAITING_SHOP,
    RequestState.RETURN_AWAITING_INSPECTION,
    RequestState.AWAITING_SHOP_SHIPMENT,  # a resend or repair the shop must ship
)
# Requests nobody will move again.
FINAL_STATES = (
    RequestState.REFUNDED,
    RequestState.REPLACEMENT_DONE,
    RequestState.REFUSED,
    RequestState.REFUSED_AFTER_RETURN,
    RequestState.CLOSED,
    RequestState.ORDER_CANCELLED,
    RequestState.COMPLETED,
)
# Arbitrations still open: the platform has not decided.
ARBITRATION_OPEN = (
    ArbitrationState.IN_PROGRESS,
    ArbitrationState.AWAITING_SHOP_EVIDENCE,
    ArbitrationState.NEGOTIATION,
)
# Requests the platform's arbitration took up, open or over: the dashboard's escalations.
ARBITRATION_ESCALATED = (
    *ARBITRATION_OPEN,
    ArbitrationState.DECIDED_FOR_BUYER,
    ArbitrationState.DECIDED_FOR_SHOP,
    ArbitrationState.ENDED,
    ArbitrationState.CANCELLED,
)
# Orders the warehouse still has to ship.
ORDER_STATES_TO_SHIP = (OrderState.AWAITING_SHIPMENT, OrderState.PARTLY_SHIPPED)
# Decisions that say no: they need a reason, and evidence where the platform asks.
REFUSING_DECISIONS = (Decision.REFUSE_REFUND, Decision.REFUSE_RETURN, Decision.REFUSE_RETURNED_GOODS)


REQUEST_KIND_LABELS = {
    RequestKind.REFUND_BEFORE_SHIPMENT: QT_TRANSLATE_NOOP("vocabulary", "Refund before shipment"),
    RequestKind.REFUND_AFTER_SHIPMENT: QT_TRANSLATE_NOOP("vocabulary", "Refund only (shipped)"),
    RequestKind.RETURN_AND_REFUND: QT_TRANSLATE_NOOP("vocabulary", "Return and refund"),
    RequestKind.EXCHANGE: QT_TRANSLATE_NOOP("vocabulary", "Exchange"),
    RequestKind.RESEND: QT_TRANSLATE_NOOP("vocabulary", "Resend"),
    RequestKind.PRICE_PROTECTION: QT_TRANSLATE_NOOP("vocabulary", "Price protection"),
    RequestKind.REPAIR: QT_TRANSLATE_NOOP("vocabulary", "Repair"),
    RequestKind.CANCELLED_BY_SYSTEM: QT_TRANSLATE_NOOP("vocabulary", "Cancelled by the platform"),
    RequestKind.CANCELLED_BY_BUYER: QT_TRANSLATE_NOOP("vocabulary", "Cancelled by the buyer"),
    RequestKind.CANCELLED_BY_SHOP: QT_TRANSLATE_NOOP("vocabulary", "Cancelled by the shop"),
}

REQUEST_STATE_LABELS = {
    RequestState.AWAITING_SHOP: QT_TRANSLATE_NOOP("vocabulary", "Awaiting merchant"),
    RequestState.AWAITING_BUYER_RETURN: QT_TRANSLATE_NOOP("vocabulary", "Awaiting buyer's return"),
    RequestState.RETURN_AWAITING_INSPECTION: QT_TRANSLATE_NOOP("vocabulary", "Returned, awaiting receipt"),
    RequestState.REPLACEMENT_IN_PROGRESS: QT_TRANSLATE_NOOP("vocabulary", "Exchange in progress"),
    RequestState.AWAITING_SHOP_SHIPMENT: QT_TRANSLATE_NOOP("vocabulary", "Awaiting the shop's shipment"),
    RequestState.IN_ARBITRATION: QT_TRANSLATE_NOOP("vocabulary", "In arbitration"),
    RequestState.REFUNDED: QT_TRANSLATE_NOOP("vocabulary", "Refunded"),
    RequestState.REPLACEMENT_DONE: QT_TRANSLATE_NOOP("vocabulary", "Exchange done"),
    RequestState.REFUSED: QT_TRANSLATE_NOOP("vocabulary", "Refused by merchant"),
    RequestState.REFUSED_AFTER_RETURN: QT_TRANSLATE_NOOP("vocabulary", "Refused after return"),
    RequestState.CLOSED: QT_TRANSLATE_NOOP("vocabulary", "Closed"),
    RequestState.ORDER_CANCELLED: QT_TRANSLATE_NOOP("vocabulary", "Order cancelled"),
    RequestState.COMPLETED: QT_TRANSLATE_NOOP("vocabulary", "Completed"),
}

REFUND_STATE_LABELS = {
    RefundState.NONE: QT_TRANSLATE_NOOP("vocabulary", "No refund"),
    RefundState.PENDING: QT_TRANSLATE_NOOP("vocabulary", "Refund pending"),
    RefundState.IN_PROGRESS: QT_TRANSLATE_NOOP("vocabulary", "Refund in progress"),
    RefundState.SUCCEEDED: QT_TRANSLATE_NOOP("vocabulary", "Refund paid"),
    RefundState.FAILED: QT_TRANSLATE_NOOP("vocabulary", "Refund failed"),
    RefundState.RECOVERED: QT_TRANSLATE_NOOP("vocabulary", "Refund recovered by the platform"),
}

ARBITRATION_LABELS = {
    ArbitrationState.NONE: QT_TRANSLATE_NOOP("vocabulary", "No arbitration"),
    ArbitrationState.IN_PROGRESS: QT_TRANSLATE_NOOP("vocabulary", "In arbitration"),
    ArbitrationState.AWAITING_SHOP_EVIDENCE: QT_TRANSLATE_NOOP(
        "vocabulary", "Arbitration: awaiting the shop's evidence"
    ),
    ArbitrationState.NEGOTIATION: QT_TRANSLATE_NOOP("vocabulary", "Arbitration: negotiation period"),
    ArbitrationState.DECIDED_FOR_BUYER: QT_TRANSLATE_NOOP("vocabulary", "Arbitration decided for the buyer"),
    ArbitrationState.DECIDED_FOR_SHOP: QT_TRANSLATE_NOOP("vocabulary", "Arbitration decided for the shop"),
    ArbitrationState.ENDED: QT_TRANSLATE_NOOP("vocabulary", "Arbitration ended"),
    ArbitrationState.CANCELLED: QT_TRANSLATE_NOOP("vocabulary", "Arbitration cancelled"),
}

ORDER_STATE_LABELS = {
    OrderState.UNPAID: QT_TRANSLATE_NOOP("vocabulary", "Unpaid"),
    OrderState.ON_HOLD: QT_TRANSLATE_NOOP("vocabulary", "On hold"),
    OrderState.AWAITING_SHIPMENT: QT_TRANSLATE_NOOP("vocabulary", "Awaiting shipment"),
    OrderState.PARTLY_SHIPPED: QT_TRANSLATE_NOOP("vocabulary", "Partly shipped"),
    OrderState.SHIPPED: QT_TRANSLATE_NOOP("vocabulary", "Shipped"),
    OrderState.DELIVERED: QT_TRANSLATE_NOOP("vocabulary", "Delivered"),
    OrderState.COMPLETED: QT_TRANSLATE_NOOP("vocabulary", "Completed"),
    OrderState.CANCELLED: QT_TRANSLATE_NOOP("vocabulary", "Cancelled"),
}
