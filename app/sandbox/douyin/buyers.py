"""Buyers: who orders what, and what they ask for afterwards.

Owns making one new order (products, SKUs, amounts in fen, a masked receiver, the
buyer's stable `doudian_open_id`, sometimes a note) and one new after-sale request
(type and reason by category, refund amount, evidence, fast refund before shipment),
plus the 19-digit id mint. Used alike by the history generator and live traffic; all
randomness comes from the `random.Random` passed in (the buyer id from one seeded by
the order id), so a seed gives the same buyers every time.
"""

from __future__ import annotations

import base64
import hashlib
import random
from dataclasses import dataclass

from app.sandbox.catalogue import (
    AFTER_SALE_REASONS,
    BUYER_WORDS,
    CARRIER_CUM_WEIGHTS,
    CARRIERS,
    PHONE_PREFIXES,
    PRODUCT_CUM_WEIGHTS,
    PRODUCTS,
    PROMISE_48H,
    REFUND_BEFORE_SHIPMENT_REASONS,
    REGIONS,
    SURNAMES,
    Product,
    new_tracking_no,
)
from app.sandbox.douyin import detail
from app.sandbox.douyin import lifecycle as lc
from app.sandbox.douyin.codes import AFTER_SALE_TYPE_TEXT_ZH, AfterSaleStatus, AfterSaleType, OrderStatus

S = AfterSaleStatus
# Categories whose goods can be repaired (ours): some of their exchanges are repairs.
REPAIRABLE = ("手机配件",)


@dataclass
class IdMint:
    """19-digit ids: prefix, 10 digits of time, 7 of a running sequence (unique per store)."""

    seq: int = 1

    def _next(self, prefix: str, at: int) -> str:
        self.seq += 1
        return f"{prefix}{at % 10**10:010d}{self.seq % 10**7:07d}"

    def order_id(self, at: int) -> str:
        return self._next("69", at)

    def sku_order_id(self, at: int) -> str:
        return self._next("68", at)

    def after_sale_id(self, at: int) -> str:
        return self._next("73", at)


# About a third of orders come from regulars, so buyers have a history with the shop.
REGULAR_BUYERS = 400
REGULAR_SHARE = 0.35


def buyer_open_id(order_id: str) -> str:
    """The buyer's `doudian_open_id`: a stable pseudo-id per simulated buyer.

    Drawn from a generator private to the order, so adding it changed no other draw of
    the seeded shop. A regular is one of `REGULAR_BUYERS` ids that recur across orders.
    """
    rng = random.Random(f"buyer/{order_id}")
    who = f"regular-{rng.randrange(REGULAR_BUYERS)}" if rng.random() < REGULAR_SHARE else f"once-{order_id}"
    digest = hashlib.sha1(who.encode("ascii")).digest()
    return "1@#" + base64.b64encode(digest, b"Ab").decode("ascii").rstrip("=")


# (ours) Street names for the masked address; the catalogue's regions stop at the district.
STREETS = ("城关街道", "新华街道", "人民路街道", "长安街道", "东湖街道", "西城街道", "南山街道", "北苑街道")


def _masked_address(province: str, city: str, district: str, cipher: str) -> dict[str, object]:
    """`mask_post_addr` as the record has it (SDK `MaskPostAddr`): an object of named
    regions and a masked detail. The street comes from a generator private to the
    receiver (seeded by its cipher), so adding it changed no other draw of the seeded shop;
    region ids are not in the catalogue, so they are sent empty (ours)."""
    street = random.Random(f"street/{cipher}").choice(STREETS)
    return {
        "province": {"name": province, "id": ""},
        "city": {"name": city, "id": ""},
        "town": {"name": district, "id": ""},
        "street": {"name": street, "id": ""},
        "detail": "****号",
    }


def _receiver(rng: random.Random) -> dict[str, object]:
    province, city, district = rng.choice(REGIONS)
    cipher = base64.b64encode(rng.getrandbits(136).to_bytes(17, "big"), b"Ab").decode("ascii")[:22]
    return {
        "mask_post_receiver": rng.choice(SURNAMES) + "**",
        "mask_post_tel": f"{rng.choice(PHONE_PREFIXES)}****{rng.randrange(10000):04d}",
        "mask_post_addr": _masked_address(province, city, district, cipher),
        "encrypt_post_receiver": f"#{cipher[:10]}#",
        "encrypt_post_tel": f"${cipher}$",
        # SDK `PostAddr`: the regions again and the encrypted detail (there is no
        # `encrypt_post_addr`); order_shape.documented fills in the regions.
        "post_addr": {"encrypt_detail": f"#{cipher[::-1]}#"},
    }


def new_order(rng: random.Random, mint: IdMint, created: int) -> lc.Order:
    """An unpaid order as the buyer places it."""
    order_id = mint.order_id(created)
    line_count = rng.choices((1, 2, 3), (70, 22, 8))[0]
    products: list[Product] = []
    while len(products) < line_count:
        product = rng.choices(PRODUCTS, cum_weights=PRODUCT_CUM_WEIGHTS)[0]
        if product not in products:
            products.append(product)
    lines = []
    for product in products:
        sku = rng.choice(product.skus)
        num = rng.choices((1, 2, 3), (82, 14, 4))[0]
        origin = sku.price * num
        paid = origin - round(origin * rng.choice((0, 0, 0.05, 0.1, 0.15)) / 10) * 10
        lines.append(
            {
                "order_id": mint.sku_order_id(created) if line_count > 1 else order_id,
                "parent_order_id": order_id,
                "product_id": product.product_id,
                "product_name": product.name,
                "sku_id": sku.sku_id,
                "code": sku.code,
                "out_sku_id": "0",  # the platform's "none" for a shop's external SKU id
                "spec": [{"name": n, "value": v} for n, v in sku.spec],
                "item_num": num,
                "origin_amount": origin,
                "pay_amount": paid,
                "order_status": int(OrderStatus.UNPAID),
                "logistics_receipt_time": 0,  # 物流收货时间: 0 until the carrier delivers
                "confirm_receipt_time": 0,  # 用户确认收货时间: 0 until the buyer confirms
                "after_sale_info": {"after_sale_status": 0, "after_sale_type": 0, "refund_status": 0},
            }
        )
    post = 0 if rng.random() < 0.85 else rng.choice((600, 800, 1000))
    data = {
        "order_id": order_id,
        "order_status": int(OrderStatus.UNPAID),
        "order_status_desc": "待支付",
        "create_time": created,
        "pay_time": 0,
        "update_time": created,
        "exp_ship_time": 0,
        "ship_time": 0,
        "finish_time": 0,
        "order_amount": sum(line["origin_amount"] for line in lines) + post,
        "pay_amount": sum(line["pay_amount"] for line in lines) + post,
        "post_amount": post,
        "promotion_amount": sum(line["origin_amount"] - line["pay_amount"] for line in lines),
        "buyer_words": rng.choice(BUYER_WORDS) if rng.random() < 0.12 else "",
        "seller_words": "",
        "doudian_open_id": buyer_open_id(order_id),
        **_receiver(rng),
        "logistics_info": [],
        "sku_order_list": lines,
    }
    order = lc.Order(data)
    if rng.random() < 0.95:
        order.sim["pay_at"] = created + rng.randrange(20, 600)
    return order


def ship_with_random_carrier(rng: random.Random, order: lc.Order, at: int, now: int, seed: int) -> None:
    carrier = rng.choices(CARRIERS, cum_weights=CARRIER_CUM_WEIGHTS)[0]
    lc.ship(order, carrier.code, carrier.name, new_tracking_no(rng, carrier), at, now, rng, seed)


def open_after_sale(
    rng: random.Random,
    mint: IdMint,
    seed: int,
    order: lc.Order,
    applied: int,
    now: int,
    *,
    before_shipment: bool,
    kind: AfterSaleType | None = None,
) -> lc.AfterSale:
    """A buyer's request on one line of `order`, in status 6 (or refunded at once if fast refund applies).

    `kind` forces the type (tests and demos ask for one); otherwise the category's reasons decide.
    """
    line = rng.choice(order.data["sku_order_list"])
    product = next(p for p in PRODUCTS if p.product_id == str(line["product_id"]))
    got_pkg, forced = 1, kind
    if before_shipment:
        kind, reason, got_pkg = (
            AfterSaleType.REFUND_BEFORE_SHIPMENT,
            rng.choice(REFUND_BEFORE_SHIPMENT_REASONS),
            0,
        )
    else:
        reasons = AFTER_SALE_REASONS[product.category]
        if kind is not None:
            reasons = [r for r in reasons if kind in r[1]] or [("其他原因", (kind,), 1.0)]
        reason, kinds, _ = rng.choices(reasons, [weight for *_, weight in reasons])[0]
        kind = AfterSaleType(kind if kind is not None else rng.choice(kinds))
        got_pkg = 0 if reason == "未收到货" else 1
    refund = line["pay_amount"] if kind in lc.REFUND_TYPES else 0
    if reason == "商品变质/腐烂":
        refund = round(refund * rng.choice((0.3, 0.5, 1.0)))
    aftersale_id = mint.after_sale_id(applied)
    # (ours) A faulty device is sent in for repair as often as exchanged; decided by the
    # request's own generator, so the shop's other draws stay as they were.
    repairable = kind == AfterSaleType.EXCHANGE and product.category in REPAIRABLE and forced is None
    if repairable and lc.entity_rng(seed, aftersale_id, "repair").random() < 0.5:
        kind, reason = AfterSaleType.REPAIR, "质量问题（需要维修）"
    evidence = []
    if kind != AfterSaleType.REFUND_BEFORE_SHIPMENT and rng.random() < 0.6:
        evidence = [f"/_sandbox/evidence/{aftersale_id}-{i}.png" for i in range(rng.randint(1, 3))]
    data = {
        "aftersale_info": {
            "aftersale_id": aftersale_id,
            "aftersale_type": int(kind),
            "aftersale_status": int(S.AWAITING_MERCHANT),
            "related_id": line["order_id"],
            "apply_time": applied,
            "update_time": now,
            "status_deadline": 0,
            "refund_amount": refund,
            "refund_post_amount": 0,
            "refund_status": 1,
            "got_pkg": got_pkg,
            "return_logistics_code": "",
            "return_logistics_company_name": "",
        },
        "order_info": {
            "shop_order_id": order.id,
            "related_order_info": [
                {
                    "sku_order_id": line["order_id"],
                    "product_name": line["product_name"],
                    "item_num": line["item_num"],
                    "pay_amount": line["pay_amount"],
                }
            ],
        },
        "text_part": {
            "aftersale_status_text": "",
            "aftersale_type_text": AFTER_SALE_TYPE_TEXT_ZH[kind],
            "reason_text": reason,
        },
    }
    # The reason and the buyer's pictures are the Detail's (`after_sale_info.reason`,
    # `.evidence`); the List item has the reason only in its text part (detail.py).
    detail.complete_list_item(data, order, line)
    in_transit = order.data.get("ship_time") and not any(
        sku.get("logistics_receipt_time") for sku in order.data["sku_order_list"]
    )
    if kind == AfterSaleType.REFUND_AFTER_SHIPMENT and in_transit:
        # (ours) A refund asked while the parcel is on its way is the platform's fast one
        # (refund_type 3 售后急速退: the record names the way, not when it is used).
        data["aftersale_info"]["refund_type"] = 3
    asale = lc.AfterSale(data, {"reason": reason, "evidence": evidence})
    lc.set_after_sale_status(asale, order, S.AWAITING_MERCHANT, applied, now, seed)
    if before_shipment and order.data["pay_amount"] <= lc.FAST_REFUND_LIMIT_FEN and rng.random() < 0.7:
        # 未发货极速退: no tracking number yet and within the limit -> refunded at once.
        lc.set_after_sale_status(asale, order, S.REFUNDED, applied, now, seed)
        asale.sim["fast_refund"] = True
    return asale


def keep_48h_products(rng: random.Random, order: lc.Order) -> None:
    line = order.data["sku_order_list"][0]
    product = rng.choice([p for p in PRODUCTS if p.promise == PROMISE_48H])
    sku = rng.choice(product.skus)
    line.update(
        product_id=product.product_id,
        product_name=product.name,
        sku_id=sku.sku_id,
        code=sku.code,
        spec=[{"name": n, "value": v} for n, v in sku.spec],
        item_num=1,
        origin_amount=sku.price,
        pay_amount=sku.price,
    )
    order.data.update(
        order_amount=sku.price + order.data["post_amount"],
        pay_amount=sku.price + order.data["post_amount"],
        promotion_amount=0,
    )
