"""Test data builders: realistic rows for orders, lines, parcels and after-sales.

Each `*_row()` returns a dict ready for `app.db.upsert` with every NOT NULL column
filled with something a real Douyin shop would have, and the app's words for its codes
as the Douyin adapter gives them (`in_app_words`); keyword overrides change only what a
test cares about. `seed()` writes rows through the same upsert the sync
engine uses, and `realistic_shop()` makes a few hundred (or 100k) varied orders for
screenshots and measurements, deterministic for a given seed.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.db import upsert
from app.models import AfterSale, Order, OrderLine, OrderLogistics
from app.platforms.douyin import mapping
from app.platforms.douyin.codes import ORDER_STATUS_DESC_ZH, AfterSaleStatus, AfterSaleType, OrderStatus

NOW = 1_795_000_000  # 2026-11-18 19:06:40 Asia/Shanghai; tests pass this as their clock
HOUR = 3600

_ids = itertools.count(1)


def next_id(prefix: str = "69") -> str:
    """A 19-digit platform-looking id, unique within the test run."""
    return f"{prefix}{next(_ids):017d}"


def order_row(**overrides: Any) -> dict[str, Any]:
    status = int(overrides.get("status", OrderStatus.AWAITING_SHIPMENT))
    create_time = overrides.get("create_time", NOW - 5 * HOUR)
    paid = status != OrderStatus.UNPAID and status != OrderStatus.CANCELLED
    row: dict[str, Any] = {
        "order_id": next_id(),
        "status": status,
        "status_desc": ORDER_STATUS_DESC_ZH.get(OrderStatus(status), ""),
        "create_time": create_time,
        "pay_time": create_time + 60 if paid else None,
        "update_time": create_time + 120,
        "exp_ship_time": None,
        "ship_time": None,
        "finish_time": None,
        "order_amount": 12_900,
        "pay_amount": 11_900,
        "post_amount": 0,
        "buyer_words": "",
        "seller_words": "",
        "receiver_name": "张小明",
        "receiver_tel": "13812345678",
        "receiver_address": "浙江省杭州市西湖区文三路 90 号 3 幢 502 室",
        "items_summary": "纯棉短袖T恤 ×1",
        "synced_at": NOW,
    }
    row.update(overrides)
    # The platform's order amount is the lines at list price plus shipping; what the buyer
    # did not pay of it is the discount.
    row.setdefault("promotion_amount", max(row["order_amount"] - row["pay_amount"], 0))
    return in_app_words(row, overrides)


def order_line_row(order: Mapping[str, Any], **overrides: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "sku_order_id": next_id("70"),
        "order_id": order["order_id"],
        "product_id": "3600000000000001",
        "product_name": "纯棉短袖T恤",
        "sku_id": "1760000000000001",
        "spec": "颜色:白色; 尺码:L",
        "item_num": 1,
        "origin_amount": order["order_amount"] - order["post_amount"],
        "pay_amount": order["pay_amount"] - order["post_amount"],
        "status": order["status"],
        "after_sale_status": None,
        "after_sale_type": None,
        "refund_status": None,
        "order_update_time": order["update_time"],
    }
    row.update(overrides)
    return in_app_words(row, overrides)


def parcel_row(order: Mapping[str, Any], **overrides: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "order_id": order["order_id"],
        "tracking_no": f"SF{next(_ids):013d}",
        "company_code": "shunfeng",
        "company_name": "顺丰速运",
        "ship_time": order.get("ship_time") or order["update_time"],
        "pickup_time": None,  # no carrier scan yet
        "order_update_time": order["update_time"],
    }
    row.update(overrides)
    return row


def after_sale_row(order: Mapping[str, Any], **overrides: Any) -> dict[str, Any]:
    apply_time = overrides.get("apply_time", order["update_time"] + HOUR)
    row: dict[str, Any] = {
        "aftersale_id": next_id("72"),
        "order_id": order["order_id"],
        "related_id": "",
        "type": int(AfterSaleType.REFUND_BEFORE_SHIPMENT),
        "status": int(AfterSaleStatus.AWAITING_MERCHANT),
        "refund_status": None,
        "apply_time": apply_time,
        "update_time": apply_time,
        "status_deadline": apply_time + 48 * HOUR,
        "refund_amount": order["pay_amount"],
        "refund_post_amount": 0,
        "reason_text": "不想要了",
        "got_pkg": 0,
        "return_tracking_no": "",
        "return_company_name": "",
        "evidence": "[]",
        "status_text": "待商家处理",
        "type_text": "未发货仅退款",
        "product_name": order["items_summary"],
        "item_num": 1,
        "synced_at": NOW,
    }
    row.update(overrides)
    return in_app_words(row, overrides)


def in_app_words(row: dict[str, Any], given: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """`row` (an order, order line or after-sale row) with the app's words for its Douyin
    codes as the Douyin parser fills them, and its currency; words in `given` are kept.
    Call it again after changing a row's codes by hand."""
    if "aftersale_id" in row:
        words = {
            "kind": mapping.request_kind(row["type"]),
            "state": mapping.request_state(row["status"]),
            "currency": "CNY",
        }
    elif "sku_order_id" in row:
        status = row.get("after_sale_status")
        words = {
            "after_sale_state": mapping.request_state(status),
            "after_sale_kind": mapping.request_kind(row.get("after_sale_type")) if status else None,
        }
    else:
        words = {"state": mapping.order_state(row["status"]), "currency": "CNY"}
    kept = {key: value for key, value in (given or {}).items() if key in words}
    return {**row, **words, **kept}


def seed(
    session_factory: sessionmaker[Session],
    orders: Iterable[Mapping[str, Any]] = (),
    lines: Iterable[Mapping[str, Any]] = (),
    parcels: Iterable[Mapping[str, Any]] = (),
    after_sales: Iterable[Mapping[str, Any]] = (),
    batch: int = 5_000,
) -> None:
    """Write rows with the sync engine's upsert, in one transaction."""
    with session_factory.begin() as session:
        for table, key, rows in (
            (Order.__table__, ["order_id"], list(orders)),
            (OrderLine.__table__, ["sku_order_id"], list(lines)),
            (OrderLogistics.__table__, ["order_id", "tracking_no"], list(parcels)),
            (AfterSale.__table__, ["aftersale_id"], list(after_sales)),
        ):
            for start in range(0, len(rows), batch):
                upsert(session, table, rows[start : start + batch], key)


# --- a realistic shop ------------------------------------------------------------
PRODUCTS = (
    ("纯棉短袖T恤", ("颜色:白色; 尺码:M", "颜色:黑色; 尺码:L", "颜色:雾霾蓝; 尺码:XL"), 5_990),
    ("加绒卫衣 宽松连帽", ("颜色:燕麦色; 尺码:L", "颜色:藏青; 尺码:XL"), 12_900),
    ("高腰阔腿牛仔裤", ("颜色:浅蓝; 尺码:27", "颜色:深蓝; 尺码:29"), 15_900),
    ("304不锈钢保温杯 500ml", ("颜色:奶白", "颜色:松石绿"), 4_990),
    ("云南蒙自石榴 5斤装", ("规格:中果 5斤", "规格:大果 5斤"), 3_980),
    ("四川丑橘 新鲜现摘", ("规格:9斤 精品果",), 4_580),
    ("氨基酸洗面奶 120g", ("规格:单支装", "规格:两支装"), 6_900),
    ("儿童防滑运动鞋", ("颜色:粉色; 尺码:31", "颜色:灰色; 尺码:34"), 9_900),
    ("家用静音加湿器", ("颜色:白色; 容量:4L",), 13_900),
    ("手工红糖姜茶 12袋", ("规格:1盒", "规格:3盒"), 2_990),
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = (
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "洋",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "桂兰",
    "晓燕",
)
CITIES = (
    "广东省深圳市南山区科技园南区",
    "浙江省杭州市余杭区五常街道",
    "江苏省南京市鼓楼区湖南路",
    "四川省成都市武侯区天府大道",
    "北京市朝阳区望京街道",
    "上海市浦东新区张江镇",
    "湖北省武汉市洪山区光谷大道",
)
NOTES = ("", "", "", "", "请尽快发货，谢谢！", "送人的，不要放发票", "麻烦发顺丰", "周末不在家，放快递柜")
CARRIERS = (("shunfeng", "顺丰速运", "SF"), ("zhongtong", "中通快递", "ZT"), ("yuantong", "圆通速递", "YT"))
STATUS_WEIGHTS = (
    (OrderStatus.AWAITING_SHIPMENT, 30),
    (OrderStatus.SHIPPED, 25),
    (OrderStatus.COMPLETED, 30),
    (OrderStatus.UNPAID, 4),
    (OrderStatus.CANCELLED, 6),
    (OrderStatus.PARTLY_SHIPPED, 3),
    (OrderStatus.PAID, 2),
)


def realistic_shop(
    count: int, *, now: int = NOW, seed_value: int = 7, with_children: bool = True
) -> dict[str, list[dict[str, Any]]]:
    """`count` orders over the last two weeks, with lines, parcels and after-sales."""
    rng = random.Random(seed_value)
    statuses, weights = zip(*STATUS_WEIGHTS, strict=True)
    result: dict[str, list[dict[str, Any]]] = {"orders": [], "lines": [], "parcels": [], "after_sales": []}
    for _ in range(count):
        status = rng.choices(statuses, weights)[0]
        name, specs, price = rng.choice(PRODUCTS)
        quantity = rng.choice((1, 1, 1, 2, 3))
        amount = price * quantity
        # Orders to ship are recent (their deadlines are what the clerk watches).
        age = (
            rng.randint(HOUR // 2, 60 * HOUR)
            if status in (2, 105, 101)
            else rng.randint(HOUR, 14 * 24 * HOUR)
        )
        create_time = now - age
        promise = rng.choice((None, None, 24 * HOUR, 72 * HOUR))
        order = order_row(
            status=int(status),
            create_time=create_time,
            update_time=create_time + rng.randint(60, 4 * HOUR),
            exp_ship_time=create_time + promise if promise else None,
            order_amount=amount,
            pay_amount=amount - rng.choice((0, 0, 500, 1_000)),
            post_amount=0,
            buyer_words=rng.choice(NOTES),
            receiver_name=rng.choice(SURNAMES) + rng.choice(GIVEN),
            receiver_tel=f"1{rng.choice('3578')}{rng.randint(0, 999_999_999):09d}",
            receiver_address=(
                f"{rng.choice(CITIES)}{rng.randint(1, 300)}号{rng.randint(1, 30)}栋{rng.randint(101, 2505)}室"
            ),
            items_summary=f"{name} ×{quantity}",
        )
        result["orders"].append(order)
        if not with_children:
            continue
        result["lines"].append(
            order_line_row(order, product_name=name, spec=rng.choice(specs), item_num=quantity)
        )
        if status in (OrderStatus.SHIPPED, OrderStatus.COMPLETED, OrderStatus.PARTLY_SHIPPED):
            code, company, prefix = rng.choice(CARRIERS)
            result["parcels"].append(
                parcel_row(
                    order,
                    tracking_no=f"{prefix}{rng.randint(10**12, 10**13 - 1)}",
                    company_code=code,
                    company_name=company,
                )
            )
        if rng.random() < 0.08 and status != OrderStatus.UNPAID:
            result["after_sales"].append(
                after_sale_row(
                    order, reason_text=rng.choice(("不想要了", "尺码不合适", "商品破损", "发货太慢"))
                )
            )
    return result
