"""The TikTok dialect's shop and order routes: authorised shops, order search, order detail.

Owns what `GET /authorization/202309/shops`, `POST /order/202309/orders/search` and
`GET /order/202309/orders` mean once a request has passed the wire checks: their
parameters, filters and answers (`data.shops[]`; `data{orders[], next_page_token,
total_count}`; `data.orders[]`). Stored orders are the wire JSON already and are spliced
in unparsed.

Public record: EcomPHP/tiktokshop-php src/Resources/Order.php (`getOrderList`: paging and
sort in the query, filters in the JSON body; `getOrderDetail`: `ids` comma-separated in the
query), src/Resources/Authorization.php; the filters `order_status` (one string),
`create_time_ge/_lt`, `update_time_ge/_lt`, `shipping_type`, `buyer_user_id`,
`is_buyer_request_cancel`, `warehouse_ids` and the 50-id limit of order detail (PC
orders/get-order-list and get-order-detail, lazykern/ecommerce-api-docs at eba059e).
"""

from __future__ import annotations

from typing import Any

from app.sandbox.tiktok import errors, paging
from app.sandbox.tiktok.codes import OrderStatus
from app.sandbox.tiktok.context import Call, Context, optional_int, text_list
from app.sandbox.tiktok.errors import dumps

MAX_DETAIL_IDS = 50
SHIPPING_TYPES = ("TIKTOK", "SELLER")
ORDERS_SEARCH = "/order/202309/orders/search"


def authorized_shops(ctx: Context, call: Call) -> str:
    return dumps({"shops": [ctx.shop()]})


def time_filters(body: dict[str, Any], code: int) -> dict[str, int | None]:
    """The `*_time_ge` (inclusive) and `*_time_lt` (exclusive) bounds a search's body gives;
    a refusal in the page's `code`."""
    bounds: dict[str, int | None] = {}
    for name in ("create_time_ge", "create_time_lt", "update_time_ge", "update_time_lt"):
        try:
            bounds[name.replace("_time", "")] = optional_int(body, name)
        except errors.ApiError:
            raise errors.invalid(f"`{name}` must be Unix seconds.", code) from None
    for low, high in (("create_ge", "create_lt"), ("update_ge", "update_lt")):
        start, end = bounds[low], bounds[high]
        if start is not None and end is not None and end < start:
            raise errors.invalid(f"`{high}` is earlier than `{low}`.".replace("_", "_time_"), code)
    return bounds


def search_orders(ctx: Context, call: Call) -> str:
    body = call.body
    status = body.get("order_status") or None
    if status is not None and (not isinstance(status, str) or status not in set(OrderStatus)):
        raise errors.invalid(f"`order_status` {status!r} is not an order status.", errors.CODE_REFUSED)
    shipping_type = body.get("shipping_type") or None
    if shipping_type is not None and shipping_type not in SHIPPING_TYPES:
        raise errors.invalid(
            f"`shipping_type` must be one of {', '.join(SHIPPING_TYPES)}.", errors.CODE_REFUSED
        )
    cancel_asked = body.get("is_buyer_request_cancel")
    if cancel_asked is not None and not isinstance(cancel_asked, bool):
        raise errors.invalid("`is_buyer_request_cancel` must be true or false.", errors.CODE_REFUSED)
    buyer = body.get("buyer_user_id") or None
    if buyer is not None and not isinstance(buyer, str):
        raise errors.invalid("`buyer_user_id` must be a string.", errors.CODE_REFUSED)
    try:
        warehouse_ids = text_list(body, "warehouse_ids")
    except errors.ApiError as refused:
        raise errors.in_code(refused, errors.CODE_REFUSED) from None
    filters: dict[str, Any] = {
        "status": status,
        "shipping_type": shipping_type,
        "buyer_user_id": buyer,
        "is_buyer_request_cancel": cancel_asked,
        "warehouse_ids": warehouse_ids,
        **time_filters(body, errors.CODE_REFUSED),
    }
    page = paging.read_page(ORDERS_SEARCH, call.query, filters, paging.ORDERS)
    return paging.search(ctx.store.search_orders, page, id_field="id", list_key="orders", filters=filters)


def order_detail(ctx: Context, call: Call) -> str:
    try:
        ids = text_list(call.query, "ids", MAX_DETAIL_IDS)
    except errors.ApiError as refused:
        raise errors.in_code(refused, errors.CODE_REFUSED) from None
    if not ids:
        raise errors.invalid("`ids` is required.", errors.CODE_REFUSED)
    rows = ctx.store.orders_json(ids)
    return '{"orders":[' + ",".join(rows) + "]}"
