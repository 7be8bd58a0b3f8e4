"""Every code table of TikTok Shop's dialect (Partner API 202309) the client reads, in one place.

Owns: order statuses, line-item package statuses, return types and statuses, arbitration
statuses, cancellation types and statuses, the roles in a request's records and as its
initiator, the seller's next actions, and the seller's decisions (`approve` / `reject`
bodies). The envelope's error codes are `errors.py`'s. Codes are kept as the platform
sends them (strings); they meet the app's own words only in `mapping.py`, and no screen
decides with them.

Sources (one per table below; the full list with what is ours is in
docs/platforms/tiktok.md):
- PC: the official Partner Center API reference as generated into typed stubs in
  `lywzx/tiktok-partner-api` (commit 4f8d6b44, packages/tk-origin-api/src/orders/
  GetOrderDetail.ts and src/returnAndRefund/{SearchReturns,SearchCancellations,
  GetReturnRecords,ApproveReturn,RejectReturn}.ts), and as scraped verbatim in
  `lazykern/ecommerce-api-docs` (commit eba059e3, data/raw/tiktok/api-reference/).
- TS: `hsib19/tiktok-shop-sdk` packages/sdk/src/types/{OrderTypes,ReturnRefundModule}.ts.
Where they disagree on a spelling, both spellings are kept and mean the same.
"""

from __future__ import annotations

from enum import StrEnum


# --- orders ----------------------------------------------------------------------
class OrderStatus(StrEnum):
    """An order's `status` (PC GetOrderDetail.ts; the orders/search `order_status` filter in TS
    OrderTypes.ts lists the same nine)."""

    UNPAID = "UNPAID"
    ON_HOLD = "ON_HOLD"  # paid; the buyer may still cancel freely; the seller may not ship yet
    AWAITING_SHIPMENT = "AWAITING_SHIPMENT"
    PARTIALLY_SHIPPING = "PARTIALLY_SHIPPING"  # some (not all) items shipped
    AWAITING_COLLECTION = "AWAITING_COLLECTION"  # the seller shipped; the carrier has not collected
    IN_TRANSIT = "IN_TRANSIT"  # collected by the carrier
    DELIVERED = "DELIVERED"
    COMPLETED = "COMPLETED"  # no return or refund may be asked any more
    CANCELLED = "CANCELLED"


class PackageStatus(StrEnum):
    """A line item's `package_status` (PC GetOrderDetail.ts)."""

    TO_FULFILL = "TO_FULFILL"
    PROCESSING = "PROCESSING"  # arranged by the seller, waiting for the carrier
    FULFILLING = "FULFILLING"  # collected, in transit
    COMPLETED = "COMPLETED"  # delivered
    CANCELLED = "CANCELLED"


class Role(StrEnum):
    """Who acted: a return's or cancellation's initiator (`role`), an order's
    `cancellation_initiator`, a line's `cancel_user`, and a record's `role` in
    `GET …/returns/{id}/records` (PC SearchReturns.ts, GetReturnRecords.ts). The records
    page's own sample writes "Buyer": roles are read without regard to case (`role_of`)."""

    BUYER = "BUYER"
    SELLER = "SELLER"
    OPERATOR = "OPERATOR"  # the platform's staff, by hand
    SYSTEM = "SYSTEM"  # the platform on its own, by policy (a deadline passed)


def role_of(value: object) -> Role | None:
    """The role a record names, whatever its case; None for none or one unknown here."""
    if not isinstance(value, str):
        return None
    try:
        return Role(value.strip().upper())
    except ValueError:
        return None


# --- returns, refunds, replacements -----------------------------------------------------
class ReturnType(StrEnum):
    """A return's `return_type` (PC SearchReturns.ts: "REFUND: Seller will issue a returnless
    refund", "RETURN_AND_REFUND: Buyer is required to send the items back", "REPLACEMENT: The
    buyer requires the seller to replace the item(s)"). There is no exchange type in 202309."""

    REFUND = "REFUND"
    RETURN_AND_REFUND = "RETURN_AND_REFUND"
    REPLACEMENT = "REPLACEMENT"


class ReturnStatus(StrEnum):
    """A return's `return_status` (PC SearchReturns.ts, the answer's enum)."""

    REQUEST_PENDING = "RETURN_OR_REFUND_REQUEST_PENDING"  # pending the seller's (or platform's) review
    REQUEST_REJECT = "REFUND_OR_RETURN_REQUEST_REJECT"
    # TS ReturnRefundModule.ts spells the same status the other way round; both are read.
    REQUEST_REJECT_TS = "RETURN_OR_REFUND_REQUEST_REJECT"
    AWAITING_BUYER_SHIP = "AWAITING_BUYER_SHIP"  # approved; the buyer must send the items
    BUYER_SHIPPED_ITEM = "BUYER_SHIPPED_ITEM"
    REJECT_RECEIVE_PACKAGE = "REJECT_RECEIVE_PACKAGE"  # the seller inspected and refused the parcel
    REQUEST_SUCCESS = "RETURN_OR_REFUND_REQUEST_SUCCESS"  # approved: "The buyer will be refunded"
    REQUEST_CANCEL = "RETURN_OR_REFUND_REQUEST_CANCEL"  # cancelled by the buyer or the system
    REQUEST_COMPLETE = "RETURN_OR_REFUND_REQUEST_COMPLETE"  # "The buyer has been refunded"
    REPLACEMENT_PENDING = "REPLACEMENT_REQUEST_PENDING"
    REPLACEMENT_REJECT = "REPLACEMENT_REQUEST_REJECT"
    # "resolved by refund due to insufficient inventory"
    REPLACEMENT_REFUND_SUCCESS = "REPLACEMENT_REQUEST_REFUND_SUCCESS"
    REPLACEMENT_CANCEL = "REPLACEMENT_REQUEST_CANCEL"
    # "Seller has approved the buyer's replacement request, platform will generate a new order
    # for seller to fulfill": the new goods go out as an order of their own.
    REPLACEMENT_COMPLETE = "REPLACEMENT_REQUEST_COMPLETE"
    # "Seller offer another return type to the buyer, and waiting buyer response" (PC).
    AWAITING_BUYER_RESPONSE = "AWAITING_BUYER_RESPONSE"
    # Other pages of the record spell some statuses otherwise: the Return/refund/cancel API
    # overview's status table and the Return Status Change webhook page (lazykern/
    # ecommerce-api-docs …/return-refund-and-cancel-api-overview.json, guides/webhooks/
    # return-and-refund/12-return-status-change.md; tests/contract/tiktok/code_tables.json
    # "_variants"). Read alike, in case an answer uses them.
    OVERVIEW_REQUEST_REJECTED = "REQUEST_REJECTED"
    OVERVIEW_RECEIVE_REJECTED = "RECEIVE_REJECTED"
    OVERVIEW_REQUEST_SUCCESS = "REQUEST_SUCCESS"
    OVERVIEW_CANCEL = "RETURN_OR_REFUND_CANCEL"
    WEBHOOK_CANCELLED = "RETURN_OR_REFUND__REQUEST_CANCELLED"


class ArbitrationStatus(StrEnum):
    """A return's `arbitration_status` (PC SearchReturns.ts). Empty or absent: never taken up."""

    IN_PROGRESS = "IN_PROGRESS"  # the platform's operator is judging; may ask the seller for more
    SUPPORT_BUYER = "SUPPORT_BUYER"
    SUPPORT_SELLER = "SUPPORT_SELLER"
    CLOSED = "CLOSED"


# --- cancellations ---------------------------------------------------------------------
class CancelType(StrEnum):
    """A cancellation's `cancel_type` (PC SearchCancellations.ts: "CANCEL: Cancel by seller or
    system", "BUYER_CANCEL: Cancel by buyer. Need to be approved by seller or system")."""

    CANCEL = "CANCEL"
    BUYER_CANCEL = "BUYER_CANCEL"
    # The Search Cancellations page's own answer sample says this, outside its enum
    # (lazykern/ecommerce-api-docs, …/return-and-refund/search-cancellations.spec.json): read
    # as a buyer's request to cancel and be refunded, as BUYER_CANCEL.
    REQUEST_CANCEL_REFUND = "REQUEST_CANCEL_REFUND"


class CancelStatus(StrEnum):
    """A cancellation's `cancel_status` (PC SearchCancellations.ts). The filter's list says
    CANCELLATION_REQUEST_CANCEL, the answer's CANCELLATION_REQUEST_CANCELLED: both are read."""

    PENDING = "CANCELLATION_REQUEST_PENDING"
    SUCCESS = "CANCELLATION_REQUEST_SUCCESS"
    CANCEL = "CANCELLATION_REQUEST_CANCEL"
    CANCELLED = "CANCELLATION_REQUEST_CANCELLED"
    COMPLETE = "CANCELLATION_REQUEST_COMPLETE"


# --- what the seller must do, and says ---------------------------------------------------
class SellerAction(StrEnum):
    """`seller_next_action_response[].action`, with a `deadline` (Unix s) "for when seller must
    perform the next action" (PC SearchReturns.ts, SearchCancellations.ts)."""

    RESPOND_REFUND = "SELLER_RESPOND_REFUND"
    RESPOND_RETURN = "SELLER_RESPOND_RETURN"
    RESPOND_RECEIVE_PACKAGE = "SELLER_RESPOND_RECEIVE_PACKAGE"
    RESPOND_REPLACEMENT = "SELLER_RESPOND_REPLACEMENT"
    RESPOND_CANCEL = "SELLER_RESPOND_CANCEL"


class ApproveDecision(StrEnum):
    """The `decision` of `POST /return_refund/202309/returns/{id}/approve` (PC ApproveReturn.ts).
    `buyer_keep_item: true` goes only with APPROVE_RETURN (a returnless refund)."""

    APPROVE_REFUND = "APPROVE_REFUND"
    APPROVE_RETURN = "APPROVE_RETURN"
    APPROVE_RECEIVED_PACKAGE = "APPROVE_RECEIVED_PACKAGE"
    APPROVE_REPLACEMENT = "APPROVE_REPLACEMENT"
    ISSUE_REPLACEMENT_REFUND = "ISSUE_REPLACEMENT_REFUND"  # decline a replacement, refund instead
    OFFER_PARTIAL_REFUND = "OFFER_PARTIAL_REFUND"  # with `partial_refund{currency, amount}`


class RejectDecision(StrEnum):
    """The `decision` of `POST /return_refund/202309/returns/{id}/reject` (PC RejectReturn.ts),
    sent with `reject_reason` (a `name` from `GET …/reject_reasons`), `comment`, `images[]`."""

    REJECT_REFUND = "REJECT_REFUND"
    REJECT_RETURN = "REJECT_RETURN"
    REJECT_RECEIVED_PACKAGE = "REJECT_RECEIVED_PACKAGE"
    REJECT_REPLACEMENT = "REJECT_REPLACEMENT"


# Cancellations are decided by the path alone: `POST …/cancellations/{id}/approve` (no body)
# and `…/reject` with `reject_reason`, `comment`, `images[]` but no `decision` (PC
# ApproveCancellation.ts, RejectCancellation.ts).
RETURNS = "returns"
CANCELLATIONS = "cancellations"
APPROVE = "approve"
REJECT = "reject"
