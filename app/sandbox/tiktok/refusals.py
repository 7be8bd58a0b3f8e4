"""Which of the record's codes a refused decision or shipment answers.

Owns turning what the shop's hand refused (`actions.Refused`: not_found, status, invalid,
tracking_in_use — sandbox-shop's kinds) into the code and words the call's own page
documents, by looking at why: the decision asked, the request's type, status and
arbitration, the order's state. Each code below is in that page's `error_code_list`
(Partner Center API reference as scraped in lazykern/ecommerce-api-docs at commit eba059e:
data/raw/tiktok/api-reference/return-and-refund/{approve,reject}-{return,cancellation}.spec.json,
fulfillment/{ship-package,mark-package-as-shipped,get-package-shipping-document}.spec.json),
with its words. Which code fits which case is ours where the page gives only the words.
"""

from __future__ import annotations

from typing import Any

from app.sandbox.tiktok import errors
from app.sandbox.tiktok.codes import (
    APPROVALS,
    FINAL_RETURN_STATUSES,
    REJECTIONS,
    SHIPPED,
    ArbitrationStatus,
    CancelStatus,
    OrderStatus,
    ReturnStatus,
)
from app.sandbox.tiktok.errors import ApiError, business

CANCELLED = (ReturnStatus.CANCEL, ReturnStatus.REPLACEMENT_CANCEL)
APPROVED = (
    ReturnStatus.AWAITING_BUYER_SHIP,
    ReturnStatus.SUCCESS,
    ReturnStatus.COMPLETE,
    ReturnStatus.REPLACEMENT_COMPLETE,
    ReturnStatus.REPLACEMENT_REFUND_SUCCESS,
)


def _types_of(table: dict[str, dict[tuple[str, str], Any]], decision: str) -> set[str]:
    return {return_type for return_type, _status in table.get(decision, {})}


def _not_found() -> ApiError:
    return business(25007006, "Order not found.")


def return_decision(kind: str, store: Any, return_id: str, decision: str, approving: bool) -> ApiError:
    """The refusal of approving or rejecting return `return_id` with `decision`."""
    table = APPROVALS if approving else REJECTIONS
    if kind == "not_found":
        return _not_found()
    if decision not in table:
        return errors.invalid(f"`decision` {decision!r} is not one of {', '.join(table)}.")
    ret = store.ret(return_id)
    if ret is None:
        return _not_found()
    if kind == "invalid" and approving:  # e.g. an OFFER_PARTIAL_REFUND's amount or currency
        return errors.invalid("The decision's parameters do not fit this request.")
    if kind == "invalid":  # the decision is known: the reason is not one for this request
        return business(
            25001014, "Unknown return reason. Please ensure you are passing a valid return reason."
        )
    if ret.type not in _types_of(table, decision):
        return business(25020004, "decision not match reverse type")
    if ret.data.get("arbitration_status") == ArbitrationStatus.IN_PROGRESS:
        return business(25011010, "request has been transferred to platform operator")
    if ret.status in CANCELLED:
        return (
            business(25020009, "reverse already cancelled")
            if approving
            else business(25001003, "Invalid order status.")
        )
    if approving:
        if decision == "APPROVE_RECEIVED_PACKAGE":
            return business(25011013, "reverse status cannot approve receive")
        return business(25011012, "reverse status cannot approve application")
    if ret.status in APPROVED:
        return business(25020010, "Aftersales has been approved and cannot be rejected.")
    if decision == "REJECT_RECEIVED_PACKAGE":
        return business(25020012, "status can't reject receive")
    if ret.status in FINAL_RETURN_STATUSES:
        return business(25001003, "Invalid order status.")
    return business(25011035, "could not reject parcel now")


def cancellation_decision(kind: str, store: Any, cancel_id: str, approving: bool) -> ApiError:
    """The refusal of approving or rejecting cancellation `cancel_id`."""
    if kind == "not_found":
        return _not_found()
    if kind == "invalid":  # a reject's reason
        return business(
            25001014, "Unknown return reason. Please ensure you are passing a valid return reason."
        )
    cancel = store.cancellation(cancel_id)
    if not approving:
        return _cannot_reject()
    order = store.order(cancel.order_id) if cancel is not None else None
    if order is not None and order.status in SHIPPED:  # whatever became of the request
        return business(
            25001045,
            "The order has already been shipped and we are unable to cancel shipment with the courier.",
        )
    if cancel is not None and cancel.status == CancelStatus.CANCEL:
        return business(25020009, "reverse already cancelled")
    return business(25011012, "reverse status cannot approve application")


def _cannot_reject() -> ApiError:
    return business(25011011, "reverse status cannot reject application")


def shipment(kind: str, store: Any, package_id: str) -> ApiError:
    """The refusal of shipping package `package_id` (ship-package, mark-package-as-shipped)."""
    if kind == "not_found":
        return business(21011028, "The package does not belong to the current shop.")
    if kind == "invalid":
        return business(
            21011022, "Invalid tracking number or provider ID. Please double check and try again."
        )
    if kind == "tracking_in_use":
        return business(21011025, "Duplicate tracking number. ")  # the record's words, its space too
    package = store.package(package_id)
    order = store.order(package["order_id"]) if package else None
    status = order.status if order is not None else ""
    if status in SHIPPED:
        return business(21011040, "Package has already been shipped.")
    if status == OrderStatus.CANCELLED:
        return business(21011041, "Cannot complete the operation when order is cancelled.")
    if status == OrderStatus.AWAITING_SHIPMENT:  # refused for a pending cancellation request
        return business(
            21008044, "Package item has after-sale request, please process the after-sale request first."
        )
    return business(21011003, "fulfill_unit action not allowed")
