"""TikTok Shop's own codes as the sandbox speaks them (Partner API version 202309).

Owns the status, type, decision, role and reason strings the sandbox's TikTok shop puts
on the wire, and the deadlines the platform keeps. Written from the public record on
its own — never imported from the client (app/platforms/tiktok/) — so the sandbox can
disagree with the client where the client is wrong. Sources:
- orders: hsib19/tiktok-shop-sdk packages/sdk/src/types/OrderTypes.ts (GetOrderListBody
  order_status values; the order object's fields)
- returns and cancellations: hsib19/tiktok-shop-sdk packages/sdk/src/types/ReturnRefundModule.ts
  (return types, arbitration statuses, approve/reject decisions, cancel statuses, record
  fields), and the Partner Center reference of API SearchReturns
  (https://partner.tiktokshop.com/docv2, POST /return_refund/202309/returns/search) for
  `REFUND_OR_RETURN_REQUEST_REJECT` and each status's meaning
- packages: hsib19/tiktok-shop-sdk packages/sdk/src/types/FulfillmentTypes.ts (PROCESSING,
  FULFILLING, COMPLETED, CANCELLED)
- the Partner Center pages as scraped in lazykern/ecommerce-api-docs@eba059e
  (data/raw/tiktok/api-reference/...; read by `docs`, see /tmp/team/NOTES-docs.md and
  docs/platforms/tiktok.md): the next-action names, the deadlines, the US reason names
Lines marked (ours) are the simulator's own choice where the record names no value.
"""

from __future__ import annotations

from enum import StrEnum

from app.sandbox.clock import DAY, HOUR

CURRENCY = "USD"
REGION = "US"


class OrderStatus(StrEnum):
    UNPAID = "UNPAID"
    ON_HOLD = "ON_HOLD"
    AWAITING_SHIPMENT = "AWAITING_SHIPMENT"
    PARTIALLY_SHIPPING = "PARTIALLY_SHIPPING"
    AWAITING_COLLECTION = "AWAITING_COLLECTION"
    IN_TRANSIT = "IN_TRANSIT"
    DELIVERED = "DELIVERED"
    COMPLETED = "COMPLETED"
    CANCELLED = "CANCELLED"


# Before shipment: the states a buyer's cancellation request and the seller's shipping act on.
UNSHIPPED = (OrderStatus.ON_HOLD, OrderStatus.AWAITING_SHIPMENT)
SHIPPED = (
    OrderStatus.AWAITING_COLLECTION,
    OrderStatus.IN_TRANSIT,
    OrderStatus.DELIVERED,
    OrderStatus.COMPLETED,
)


class PackageStatus(StrEnum):
    PROCESSING = "PROCESSING"
    FULFILLING = "FULFILLING"
    COMPLETED = "COMPLETED"
    CANCELLED = "CANCELLED"


# A line item's package_status before its package has a label (ours: the record names the
# field, the value is the one clients are seen to read for unshipped lines).
LINE_TO_FULFILL = "TO_FULFILL"


class ReturnType(StrEnum):
    REFUND = "REFUND"
    RETURN_AND_REFUND = "RETURN_AND_REFUND"
    REPLACEMENT = "REPLACEMENT"


class ReturnStatus(StrEnum):
    PENDING = "RETURN_OR_REFUND_REQUEST_PENDING"
    REJECTED = "REFUND_OR_RETURN_REQUEST_REJECT"
    AWAITING_BUYER_SHIP = "AWAITING_BUYER_SHIP"
    BUYER_SHIPPED_ITEM = "BUYER_SHIPPED_ITEM"
    REJECT_RECEIVE_PACKAGE = "REJECT_RECEIVE_PACKAGE"
    SUCCESS = "RETURN_OR_REFUND_REQUEST_SUCCESS"
    CANCEL = "RETURN_OR_REFUND_REQUEST_CANCEL"
    COMPLETE = "RETURN_OR_REFUND_REQUEST_COMPLETE"
    AWAITING_BUYER_RESPONSE = "AWAITING_BUYER_RESPONSE"
    REPLACEMENT_PENDING = "REPLACEMENT_REQUEST_PENDING"
    REPLACEMENT_REJECT = "REPLACEMENT_REQUEST_REJECT"
    REPLACEMENT_REFUND_SUCCESS = "REPLACEMENT_REQUEST_REFUND_SUCCESS"
    REPLACEMENT_CANCEL = "REPLACEMENT_REQUEST_CANCEL"
    REPLACEMENT_COMPLETE = "REPLACEMENT_REQUEST_COMPLETE"


# The states where the seller owes an answer, and the action named in
# `seller_next_action_response[].action` (Partner Center SearchReturns' response enum).
SELLER_ACTION: dict[tuple[str, str], str] = {
    (ReturnType.REFUND, ReturnStatus.PENDING): "SELLER_RESPOND_REFUND",
    (ReturnType.RETURN_AND_REFUND, ReturnStatus.PENDING): "SELLER_RESPOND_RETURN",
    (ReturnType.RETURN_AND_REFUND, ReturnStatus.BUYER_SHIPPED_ITEM): "SELLER_RESPOND_RECEIVE_PACKAGE",
    (ReturnType.REPLACEMENT, ReturnStatus.REPLACEMENT_PENDING): "SELLER_RESPOND_REPLACEMENT",
}
# The cancellation's action: Partner Center SearchCancellations' response enum (NOTES-docs, PC
# return-and-refund/search-cancellations.spec.json in lazykern/ecommerce-api-docs).
CANCEL_SELLER_ACTION = "SELLER_RESPOND_CANCEL"

# decision -> {(type, status): new status}; the approve and reject bodies' `decision` values.
APPROVALS: dict[str, dict[tuple[str, str], ReturnStatus]] = {
    "APPROVE_REFUND": {(ReturnType.REFUND, ReturnStatus.PENDING): ReturnStatus.SUCCESS},
    "APPROVE_RETURN": {
        (ReturnType.RETURN_AND_REFUND, ReturnStatus.PENDING): ReturnStatus.AWAITING_BUYER_SHIP
    },
    "APPROVE_RECEIVED_PACKAGE": {
        (ReturnType.RETURN_AND_REFUND, ReturnStatus.BUYER_SHIPPED_ITEM): ReturnStatus.SUCCESS
    },
    "APPROVE_REPLACEMENT": {
        (ReturnType.REPLACEMENT, ReturnStatus.REPLACEMENT_PENDING): ReturnStatus.REPLACEMENT_COMPLETE
    },
    "ISSUE_REPLACEMENT_REFUND": {
        (ReturnType.REPLACEMENT, ReturnStatus.REPLACEMENT_PENDING): ReturnStatus.REPLACEMENT_REFUND_SUCCESS
    },
    # The seller offers a partial refund (`partial_refund{currency, amount}`); the buyer answers
    # (AWAITING_BUYER_RESPONSE: "Seller offer another return type to the buyer, and waiting buyer
    # response", PC SearchReturns).
    "OFFER_PARTIAL_REFUND": {
        (ReturnType.REFUND, ReturnStatus.PENDING): ReturnStatus.AWAITING_BUYER_RESPONSE,
        (ReturnType.RETURN_AND_REFUND, ReturnStatus.PENDING): ReturnStatus.AWAITING_BUYER_RESPONSE,
    },
}
REJECTIONS: dict[str, dict[tuple[str, str], ReturnStatus]] = {
    "REJECT_REFUND": {(ReturnType.REFUND, ReturnStatus.PENDING): ReturnStatus.REJECTED},
    "REJECT_RETURN": {(ReturnType.RETURN_AND_REFUND, ReturnStatus.PENDING): ReturnStatus.REJECTED},
    "REJECT_RECEIVED_PACKAGE": {
        (ReturnType.RETURN_AND_REFUND, ReturnStatus.BUYER_SHIPPED_ITEM): ReturnStatus.REJECT_RECEIVE_PACKAGE
    },
    "REJECT_REPLACEMENT": {
        (ReturnType.REPLACEMENT, ReturnStatus.REPLACEMENT_PENDING): ReturnStatus.REPLACEMENT_REJECT
    },
}
# What the platform does at the seller's deadline: it decides for the buyer (TIKTOK-PROTOCOL.md
# "Rules": a US request not answered within 48 h is approved automatically).
AUTO_DECISION: dict[tuple[str, str], str] = {
    (ReturnType.REFUND, ReturnStatus.PENDING): "APPROVE_REFUND",
    (ReturnType.RETURN_AND_REFUND, ReturnStatus.PENDING): "APPROVE_RETURN",
    (ReturnType.RETURN_AND_REFUND, ReturnStatus.BUYER_SHIPPED_ITEM): "APPROVE_RECEIVED_PACKAGE",
    (ReturnType.REPLACEMENT, ReturnStatus.REPLACEMENT_PENDING): "APPROVE_REPLACEMENT",
}
FINAL_RETURN_STATUSES = (
    ReturnStatus.REJECTED,
    ReturnStatus.REJECT_RECEIVE_PACKAGE,
    ReturnStatus.CANCEL,
    ReturnStatus.COMPLETE,
    ReturnStatus.REPLACEMENT_REJECT,
    ReturnStatus.REPLACEMENT_REFUND_SUCCESS,
    ReturnStatus.REPLACEMENT_CANCEL,
    ReturnStatus.REPLACEMENT_COMPLETE,
)


class ArbitrationStatus(StrEnum):
    IN_PROGRESS = "IN_PROGRESS"
    SUPPORT_BUYER = "SUPPORT_BUYER"
    SUPPORT_SELLER = "SUPPORT_SELLER"
    CLOSED = "CLOSED"


class CancelStatus(StrEnum):
    PENDING = "CANCELLATION_REQUEST_PENDING"
    SUCCESS = "CANCELLATION_REQUEST_SUCCESS"
    CANCEL = "CANCELLATION_REQUEST_CANCEL"
    COMPLETE = "CANCELLATION_REQUEST_COMPLETE"


class CancelType(StrEnum):
    CANCEL = "CANCEL"  # by the seller or the system
    BUYER_CANCEL = "BUYER_CANCEL"  # a buyer's request


class ShippingType(StrEnum):
    TIKTOK = "TIKTOK"  # TikTok Shipping: the platform buys the label; shipping documents exist
    SELLER = "SELLER"  # the seller's own carrier: the seller gives provider and tracking number


TIKTOK_SHIPPING_SHARE = 0.65  # (ours) orders of the shop shipped with TikTok Shipping
# Handover of a TikTok Shipping package (ship-package body `handover_method`).
HANDOVER_METHODS = ("PICKUP", "DROP_OFF")


class Role(StrEnum):
    BUYER = "BUYER"
    SELLER = "SELLER"
    SYSTEM = "SYSTEM"
    OPERATOR = "OPERATOR"


# --- deadlines (the public record where said; the rest ours) -------------------------------
# Partner Center "Return/refund/cancel API overview" (document 650b2001bace3e02b76db38a): the
# seller answers a cancel, refund or return request, and a delivered return parcel, within 48 h
# or TikTok Shop approves it; a replacement request within 24 h.
SELLER_RESPONSE_S = 48 * HOUR
RECEIVED_PACKAGE_REVIEW_S = 48 * HOUR
REPLACEMENT_RESPONSE_S = 24 * HOUR
CANCEL_RESPONSE_S = 48 * HOUR
BUYER_SHIP_WINDOW_S = 7 * DAY  # (ours) the buyer sends the goods back within, else closed
BUYER_ANSWER_HOURS = (1, 30)  # (ours) when a buyer answers a partial refund offer
BUYER_ACCEPTS_SHARE = 0.7  # (ours) buyers who take the offer
# US and UK orders wait ON_HOLD for 1 hour after payment: the buyer may cancel without the
# seller's approval, the seller can take no action, the address is empty (PCG changelog "For US
# and UK markets: introducing ON_HOLD order status", effective 2023-12-13,
# https://partner.tiktokshop.com/docv2/page/656d9d5fe87cdf02c1625d01).
ON_HOLD_S = HOUR
UNPAID_CANCEL_S = 24 * HOUR  # (ours) an unpaid order is cancelled by the system after
REFUND_SETTLE_S = 2 * HOUR  # (ours) a successful refund reaches the buyer (… _COMPLETE) after
COMPLETE_AFTER_DELIVERY_S = 7 * DAY  # (ours) a delivered order completes after
# The handling time: rts_sla_time = paid + this (US best-practices page: "shipped within 3
# business days"; the later US Fulfillment Policy says 2 business days; ours: 3 calendar days).
SHIP_WITHIN_S = 3 * DAY
DELIVER_WITHIN_S = 7 * DAY  # (ours) delivery_sla_time = rts_sla_time + this

# Reasons, US market: the `name` sent and read, with the record's English text (Partner Center
# reason appendices: return-and-refund/{cancel,refund,return}-reasons.json of
# lazykern/ecommerce-api-docs@eba059e, documents 67e61eee427345048595487d (cancel) and
# 67e61e7b8ceb0d04a320061e (refund); copied in tests/contract/tiktok/reasons.us.json). The
# seller's reasons to reject are what GET /return_refund/202309/reject_reasons answers.
REFUND_REJECT_REASONS = (  # "refund: Seller Reject Refund Request Reason" (a few of them)
    ("reverse_reject_request_reason_1", "Buyer return reason is not valid"),
    ("reverse_reject_request_reason_3", "Not eligible for return (e.g. used or broken)"),
    ("reverse_reject_request_reason_5", "You have reached an agreement with the buyer"),
    ("seller_reject_apply_item_is_correct", "Item is correct"),
    ("seller_reject_apply_reason_is_unclear_or_lack_of_evidence", "Reason is unclear or lack of evidence"),
)
RETURN_REJECT_REASONS = (  # "return: Seller Reject Return Request Reason" (also ours for replacements)
    ("reverse_reject_request_reason_1", "Buyer return reason is not valid"),
    ("reverse_reject_request_reason_2", "Change of mind returns are not applicable"),
    ("reverse_reject_request_reason_3", "Not eligible for return (e.g. used or broken)"),
    ("reverse_reject_request_reason_5", "You have reached an agreement with the buyer"),
    ("seller_reject_apply_reason_is_unclear_or_lack_of_evidence", "Reason is unclear or lack of evidence"),
    (
        "seller_reject_apply_product_functions_well/buyer_use_in_wrong_way",
        "Product functions well/Buyer use in wrong way",
    ),
)
RECEIVED_PACKAGE_REJECT_REASONS = (  # "return: Seller Reject Return Request Reason (received package)"
    ("reverse_reject_return_parcel_reason_1", "The product returned is not the product that was sent"),
    ("reverse_reject_return_parcel_reason_2", "Not eligible for return (e.g. used or broken)"),
    ("reverse_reject_return_parcel_reason_3", "Missing products and/or product parts"),
    ("reverse_reject_return_parcel_reason_4", "I haven't received the package"),
    ("reverse_reject_return_parcel_reason_5", "Product is damaged or used"),
)
CANCEL_REJECT_REASONS = (  # "cancel: Seller Reject Cancel Request Reason"
    (
        "order_manage_list_action_respond_popup_reject_reason_invalid_cancellation_reason",
        "Invalid reason for cancellation",
    ),
    ("order_manage_list_action_respond_popup_reject_reason_delivered", "Product delivery is on schedule"),
    (
        "order_manage_list_action_respond_popup_reject_reason_buyer_agree",
        "Reached an agreement with the buyer",
    ),
    ("seller_reject_apply_product_has_been_packed", "Product has been packed"),
)
CANCEL_REASONS = (  # "cancel: Buyer Initiates Cancel Reason", offered under ON_HOLD and AWAITING_SHIPMENT
    ("ecom_order_to_ship_canceled_reason_change_payment_method", "Need to change payment method"),
    ("ecom_order_to_ship_canceled_reason_created_by_mistakes", "Bought by mistake"),
    ("ecom_order_to_ship_canceled_reason_better_price", "Better price available"),
    ("ecom_order_to_ship_canceled_reason_wrong_delivery_info", "Incorrect shipping address"),
    ("ecom_order_to_ship_canceled_reason_not_shipped_on_time", "Item wasn't shipped on time"),
    ("ecom_order_to_ship_canceled_reason_no_longer_needed", "No longer needed"),
    ("ecom_order_to_ship_canceled_reason_high_delivery_costs", "High shipping fee"),
)
SELLER_CANCEL_REASONS = (  # "cancel: Seller Initiates Cancel Reason", ON_HOLD and AWAITING_SHIPMENT
    ("seller_cancel_reason_out_of_stock", "Out of stock"),
    ("seller_cancel_reason_wrong_price", "Pricing error"),
    ("seller_cancel_paid_reason_address_not_deliver", "Unable to deliver to buyer address"),
)
# The system's cancellation of an unpaid order ("cancel: SYSTEM Cancel Reason"); an order's
# `cancel_reason` carries the text (the record's order sample: "Pricing error").
UNPAID_CANCEL_REASON = "Buyer payment overdue"  # name system_cancel_unpaid_time_out
