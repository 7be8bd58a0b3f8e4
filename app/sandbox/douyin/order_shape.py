"""The documented shape of an order answer: the fields that follow from the order's own state.

Owns `documented(data)`, which fills in an order's payload (as `order.searchList` and
`order.orderDetail` answer it) every field of the public record's `ShopOrderListItem`,
`SkuOrderListItem` and `LogisticsInfoItem` that the sandbox's contract fixtures name
(tests/contract/douyin/order.searchList.answer.json; SDK zsmhub/doudian-sdk at b020c05,
api/order_searchList/response/order_searchList_response.go) from what the lifecycle already
keeps: each line repeats the order's times and status, ids are int64 where the struct says
so, the receiver's encrypted address is `post_addr.encrypt_detail` (there is no
`encrypt_post_addr`). The store calls it on every save, so a payload is in the documented
shape however the lifecycle moved it. Values the record names but does not give (the shop's
pay type, the main status's codes, picture URLs) are ours.
"""

from __future__ import annotations

from typing import Any

from app.demo_shop import DEMO_SHOP_ID, DEMO_SHOP_NAME

# (ours) The record gives `main_status` (主流程状态) no table; the sandbox sends the order status.
PAY_TYPE_WECHAT = 1  # SDK PayType: "1 、微信"
ORDER_TYPE_NORMAL = 0  # SDK OrderType: "0、普通订单"
GOODS_TYPE_PHYSICAL = 0  # SDK GoodsType: "0、实体"
ORDER_LEVEL_SHOP = 2  # (ours) the fixture's value for a shop order; the SDK gives no table
REGION_PARTS = ("province", "city", "town", "street")


def _int64(value: Any) -> Any:
    """An id the record types int64, as an integer (the catalogue keeps it as digits)."""
    return int(value) if isinstance(value, str) and value.isdigit() else value


def _post_addr(data: dict[str, Any]) -> dict[str, Any]:
    """`post_addr` (SDK `PostAddr`): the regions of the masked address, the detail, and the
    encrypted detail the platform decrypts for a shop that may see it."""
    masked = data.get("mask_post_addr")
    masked = masked if isinstance(masked, dict) else {}
    old = data.get("post_addr") if isinstance(data.get("post_addr"), dict) else {}
    address: dict[str, Any] = {part: masked.get(part) or {"name": "", "id": ""} for part in REGION_PARTS}
    address["detail"] = masked.get("detail", "")
    address["encrypt_detail"] = old.get("encrypt_detail") or data.get("encrypt_post_addr", "")
    return address


def documented(data: dict[str, Any]) -> dict[str, Any]:
    """`data` (an order payload) with every documented field in place; returns it."""
    data.setdefault("shop_id", int(DEMO_SHOP_ID))
    data.setdefault("shop_name", DEMO_SHOP_NAME)
    data.setdefault("order_level", ORDER_LEVEL_SHOP)
    data.setdefault("order_type", ORDER_TYPE_NORMAL)
    data.setdefault("order_type_desc", "普通订单")
    data.setdefault("pay_type", PAY_TYPE_WECHAT)
    data["main_status"] = data["order_status"]
    data["main_status_desc"] = data["order_status_desc"]
    data["post_addr"] = _post_addr(data)
    data.pop("encrypt_post_addr", None)
    for line in data["sku_order_list"]:
        line["product_id"] = _int64(line["product_id"])
        line["sku_id"] = _int64(line["sku_id"])
        line["order_status_desc"] = data["order_status_desc"]
        line["main_status"] = data["order_status"]
        for key in ("create_time", "update_time", "exp_ship_time", "ship_time", "finish_time"):
            line[key] = data[key]
        line.setdefault("goods_type", GOODS_TYPE_PHYSICAL)
        line.setdefault("post_amount", 0)  # (ours) the order's postage is on the order
        line.setdefault("product_pic", "")  # (ours) the sandbox has no product pictures
        line.setdefault("is_comment", 0)
        line.setdefault("logistics_receipt_time", 0)
        line.setdefault("confirm_receipt_time", 0)
    for index, parcel in enumerate(data["logistics_info"]):
        parcel.setdefault("delivery_id", f"{data['order_id']}{index + 1:02d}")  # (ours) 包裹id
        parcel.setdefault("product_info", [])
        parcel.setdefault("hour_up_pickup_code", "")
    return data
