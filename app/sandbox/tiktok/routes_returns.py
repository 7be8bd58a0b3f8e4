"""The TikTok dialect's return and cancellation routes: search, records, refusal reasons, decisions.

Owns what the `/return_refund/202309/...` paths mean once a request has passed the wire
checks: the searches' filters and answers (`data{return_orders[] | cancellations[],
next_page_token, total_count}`), a return's records (`data.records[]`), the reasons a
seller may refuse with (`data.reasons[]{name, text}`), and the decisions — approve or
reject a return, approve or reject a cancellation — each applied through the shop's hand
(`actions.py`, sandbox-shop's) at most once per `idempotency_key` (idempotency.py).
A decision's answer is `data: {}` (ours until the record's example says more).

Public record: EcomPHP/tiktokshop-php src/Resources/ReturnRefund.php (`searchReturns`,
`searchCancellations`: paging in the query, filters in the body; `approveReturn` /
`rejectReturn` with `idempotency_key` in the query and the decision in the body;
`approveCancellation` with no body, `rejectCancellation` with one; `getRejectReasons`,
`getReturnRecords`); the filter names `return_ids`, `order_ids`, `return_status`,
`return_types`, `arbitration_status`, `buyer_user_ids`, `cancel_ids`, `cancel_status`,
`cancel_types` and the body fields `decision`, `buyer_keep_item`, `partial_refund`,
`reject_reason`, `comment`, `images` (hsib19/tiktok-shop-sdk
packages/sdk/src/types/ReturnRefundModule.ts; /work/shared/design/TIKTOK-PROTOCOL.md).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.sandbox.tiktok import actions, errors, idempotency, paging, refusals, routes_images
from app.sandbox.tiktok.context import Call, Context, required_text, text_list
from app.sandbox.tiktok.errors import dumps
from app.sandbox.tiktok.routes_orders import time_filters

RETURNS_SEARCH = "/return_refund/202309/returns/search"
CANCELLATIONS_SEARCH = "/return_refund/202309/cancellations/search"
MAX_IDS = 50  # ours: the record gives no limit on the id filters


# --- searches ------------------------------------------------------------------------------
def search_returns(ctx: Context, call: Call) -> str:
    body = call.body
    filters: dict[str, Any] = {
        "return_ids": text_list(body, "return_ids", MAX_IDS),
        "order_ids": text_list(body, "order_ids", MAX_IDS),
        "statuses": text_list(body, "return_status"),
        "types": text_list(body, "return_types"),
        "arbitration_statuses": text_list(body, "arbitration_status"),
        "buyer_user_ids": text_list(body, "buyer_user_ids", MAX_IDS),
        **time_filters(body, errors.CODE_INVALID_PARAMETER),
    }
    page = paging.read_page(RETURNS_SEARCH, call.query, filters, paging.REQUESTS)
    return paging.search(
        ctx.store.search_returns, page, id_field="return_id", list_key="return_orders", filters=filters
    )


def search_cancellations(ctx: Context, call: Call) -> str:
    body = call.body
    filters: dict[str, Any] = {
        "cancel_ids": text_list(body, "cancel_ids", MAX_IDS),
        "order_ids": text_list(body, "order_ids", MAX_IDS),
        "statuses": text_list(body, "cancel_status"),
        "types": text_list(body, "cancel_types"),
        "buyer_user_ids": text_list(body, "buyer_user_ids", MAX_IDS),
        **time_filters(body, errors.CODE_INVALID_PARAMETER),
    }
    page = paging.read_page(CANCELLATIONS_SEARCH, call.query, filters, paging.REQUESTS)
    return paging.search(
        ctx.store.search_cancellations, page, id_field="cancel_id", list_key="cancellations", filters=filters
    )


# --- a return's history, and the reasons to refuse ----------------------------------------
def return_records(ctx: Context, call: Call) -> str:
    records = ctx.store.records_json(call.path_params["return_id"])
    if records is None:
        raise refusals.return_decision("not_found", ctx.store, call.path_params["return_id"], "", True)
    return '{"records":' + records + "}"


def reject_reasons(ctx: Context, call: Call) -> str:
    subject = required_text(call.query, "return_or_cancel_id")
    try:
        reasons = actions.reject_reasons(ctx.store, subject)
    except actions.Refused:
        raise refusals.return_decision("not_found", ctx.store, subject, "", True) from None
    return dumps({"reasons": reasons})


# --- decisions -----------------------------------------------------------------------------
def _images(body: dict[str, Any]) -> list[dict[str, Any]]:
    images = body.get("images") or []
    if not isinstance(images, list) or not all(
        isinstance(image, dict) and image.get("image_id") for image in images
    ):
        raise errors.invalid("`images` must be an array of objects, each with its `image_id`.")
    return images


def _comment(body: dict[str, Any]) -> str:
    comment = body.get("comment") or ""
    if not isinstance(comment, str):
        raise errors.invalid("`comment` must be a string.")
    return comment


def _decide(
    ctx: Context,
    call: Call,
    entity_id: str,
    act: Callable[[str], Any],
    refusal: Callable[[str], errors.ApiError],
) -> str:
    """Apply `act(idempotency_key)` once per key; a refusal in the page's own code. The
    answer's data is {} (PC approve-return, reject-return, approve/reject-cancellation)."""
    key = call.query.get("idempotency_key", "")

    def run() -> str:
        try:
            act(key)
        except actions.Refused as refused:
            raise refusal(refused.kind) from None
        return "{}"

    return idempotency.once(ctx, key, call.template, entity_id, run)


def approve_return(ctx: Context, call: Call) -> str:
    return_id = call.path_params["return_id"]
    decision = required_text(call.body, "decision")
    keep = call.body.get("buyer_keep_item") is True
    partial = call.body.get("partial_refund")  # OFFER_PARTIAL_REFUND's {currency, amount}
    if partial is not None and not isinstance(partial, dict):
        raise errors.invalid("`partial_refund` must be an object with `currency` and `amount`.")
    return _decide(
        ctx,
        call,
        return_id,
        lambda key: actions.approve_return(
            ctx.store,
            ctx.clock.now(),
            return_id,
            decision,
            buyer_keep_item=keep,
            idempotency_key=key,
            partial_refund=partial,
        ),
        lambda kind: refusals.return_decision(kind, ctx.store, return_id, decision, approving=True),
    )


def reject_return(ctx: Context, call: Call) -> str:
    return_id = call.path_params["return_id"]
    decision = required_text(call.body, "decision")
    reason = required_text(call.body, "reject_reason")
    comment, images = _comment(call.body), routes_images.evidence(ctx.store, _images(call.body))
    return _decide(
        ctx,
        call,
        return_id,
        lambda key: actions.reject_return(
            ctx.store,
            ctx.clock.now(),
            return_id,
            decision,
            reason,
            comment=comment,
            images=images,
            idempotency_key=key,
        ),
        lambda kind: refusals.return_decision(kind, ctx.store, return_id, decision, approving=False),
    )


def approve_cancellation(ctx: Context, call: Call) -> str:
    cancel_id = call.path_params["cancel_id"]
    return _decide(
        ctx,
        call,
        cancel_id,
        lambda key: actions.approve_cancellation(ctx.store, ctx.clock.now(), cancel_id, idempotency_key=key),
        lambda kind: refusals.cancellation_decision(kind, ctx.store, cancel_id, approving=True),
    )


def reject_cancellation(ctx: Context, call: Call) -> str:
    cancel_id = call.path_params["cancel_id"]
    reason = required_text(call.body, "reject_reason")
    comment, images = _comment(call.body), routes_images.evidence(ctx.store, _images(call.body))
    return _decide(
        ctx,
        call,
        cancel_id,
        lambda key: actions.reject_cancellation(
            ctx.store, ctx.clock.now(), cancel_id, reason, comment=comment, images=images, idempotency_key=key
        ),
        lambda kind: refusals.cancellation_decision(kind, ctx.store, cancel_id, approving=False),
    )
