"""The TikTok shop's buyers: who orders what, and what they ask for afterwards.

Owns making one new order (a line item per unit, as the platform lists them; USD decimal
strings; a US address, shown once the order leaves ON_HOLD; TikTok Shipping or the seller's
carrier; one package), one return request (type and reason by category, refund amounts, the
buyer's first record) and one cancellation before shipment (the buyer's, or the seller's
own), plus the id mint. All randomness comes from the `random.Random` passed in.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from app.sandbox.evidence import EVIDENCE_PATH
from app.sandbox.tiktok import cancellations as cx
from app.sandbox.tiktok import catalogue as cat
from app.sandbox.tiktok import lifecycle as lc
from app.sandbox.tiktok.codes import (
    CANCEL_REASONS,
    CURRENCY,
    LINE_TO_FULFILL,
    SELLER_CANCEL_REASONS,
    SHIP_WITHIN_S,
    TIKTOK_SHIPPING_SHARE,
    CancelStatus,
    CancelType,
    OrderStatus,
    ReturnStatus,
    ReturnType,
    Role,
    ShippingType,
)

T = TypeVar("T")
# An order's delivery option fields, by its shipping type (catalogue.DELIVERY_OPTIONS).
DELIVERY_OPTIONS = {
    kind: {"delivery_option_id": option["id"], "delivery_option_name": option["name"]}
    for kind, option in cat.DELIVERY_OPTIONS.items()
}
SHIPPING_FEE_CENTS = 599  # (ours) standard shipping; free from FREE_SHIPPING_FROM
FREE_SHIPPING_FROM = 3500


def below(rng: random.Random, n: int) -> int:
    """A number in [0, n): `randrange`'s job at a fraction of its cost, on the history's hot path."""
    return int(rng.random() * n)


def pick(rng: random.Random, items: Sequence[T]) -> T:
    return items[int(rng.random() * len(items))]


def usd(cents: int) -> str:
    """Cents as the platform's decimal string: 1999 -> "19.99" (exact: a float is far finer
    than a cent at these sizes, and this is the hot path of a 10 000-order history)."""
    return f"{cents / 100:.2f}"


def cents(amount: str) -> int:
    """The decimal string back in cents (the shop's amounts are never negative)."""
    whole, _, frac = amount.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


@dataclass
class IdMint:
    """Numeric ids like the platform's: prefix, 10 digits of time, 6 of a running sequence."""

    seq: int = 1

    def _next(self, prefix: str, at: int) -> str:
        self.seq += 1
        return f"{prefix}{at % 10**10:010d}{self.seq % 10**6:06d}"

    def order_id(self, at: int) -> str:
        return self._next("57", at)

    def line_id(self, at: int) -> str:
        return self._next("58", at)

    def request_line_id(self, at: int) -> str:
        return self._next("42", at)

    def package_id(self, at: int) -> str:
        return self._next("11", at)

    def return_id(self, at: int) -> str:
        return self._next("40", at)

    def cancel_id(self, at: int) -> str:
        return self._next("41", at)


# Shared, never mutated: the parts of an address and of a line item that a place or SKU fixes.
_DISTRICTS = {
    place: [
        {"address_level_name": "Country", "address_name": "United States", "address_level": "L0"},
        {"address_level_name": "State", "address_name": place.state, "address_level": "L1"},
        {"address_level_name": "County", "address_name": place.county, "address_level": "L2"},
        {"address_level_name": "City", "address_name": place.city, "address_level": "L3"},
    ]
    for place in cat.PLACES
}
_LINE_TEMPLATES = {
    sku.sku_id: {
        "sku_id": sku.sku_id,
        "product_id": product.product_id,
        "product_name": product.name,
        "sku_name": sku.name,
        "sku_image": product.image,
        "seller_sku": sku.seller_sku,
        "original_price": f"{sku.price / 100:.2f}",
        "platform_discount": "0.00",
        "currency": CURRENCY,
        "is_gift": False,
    }
    for product in cat.PRODUCTS
    for sku in product.skus
}


def _address(rng: random.Random) -> tuple[dict[str, Any], cat.Place]:
    place = rng.choices(cat.PLACES, cum_weights=cat.PLACE_CUM_WEIGHTS)[0]
    first, last = pick(rng, cat.FIRST_NAMES), pick(rng, cat.LAST_NAMES)
    line1 = f"{12 + below(rng, 9788)} {pick(rng, cat.STREETS)}"
    line2 = f"Apt {1 + below(rng, 39)}{pick(rng, 'ABCD')}" if rng.random() < 0.3 else ""
    postal = f"{place.zip_prefix}{below(rng, 100):02d}"
    street = f"{line1}, {line2}" if line2 else line1
    return {
        "name": f"{first} {last}",
        "first_name": first,
        "last_name": last,
        # Masked as the platform shows it to a seller: area code and last two digits.
        "phone_number": f"(+1){place.area_code}*****{below(rng, 100):02d}",
        "address_line1": line1,
        "address_line2": line2,
        "address_line3": "",
        "address_line4": "",
        "address_detail": street,
        "postal_code": postal,
        "region_code": "US",
        "full_address": f"{street}, {place.city}, {place.state_code} {postal}, United States",
        "district_info": _DISTRICTS[place],
        "delivery_preferences": {"drop_off_location": ""},
    }, place


def new_order(rng: random.Random, mint: IdMint, created: int, *, pay_delay_s: int | None = None) -> lc.Order:
    """A buyer's new order, UNPAID; `sim["pay_at"]` when (and whether) it is paid."""
    order_id = mint.order_id(created)
    package_id = mint.package_id(created)
    address, place = _address(rng)
    product = rng.choices(cat.PRODUCTS, cum_weights=cat.PRODUCT_CUM_WEIGHTS)[0]
    units = [(product, pick(rng, product.skus)) for _ in range(1 if rng.random() < 0.8 else 2)]
    if rng.random() < 0.15:  # a second product in the basket
        other = rng.choices(cat.PRODUCTS, cum_weights=cat.PRODUCT_CUM_WEIGHTS)[0]
        units.append((other, pick(rng, other.skus)))
    lines, subtotal, seller_discount, tax = [], 0, 0, 0
    for _, sku in units:
        discount = round(sku.price * 0.1) if rng.random() < 0.2 else 0
        sale = sku.price - discount
        line_tax = round(sale * place.tax_rate)
        subtotal, seller_discount, tax = subtotal + sale, seller_discount + discount, tax + line_tax
        lines.append(
            {
                "id": mint.line_id(created),
                **_LINE_TEMPLATES[sku.sku_id],
                "sale_price": usd(sale),
                "seller_discount": usd(discount),
                "display_status": OrderStatus.UNPAID.value,
                "package_id": package_id,
                "package_status": LINE_TO_FULFILL,
                "item_tax": [
                    {
                        "tax_type": "SALES_TAX",
                        "tax_amount": usd(line_tax),
                        "tax_rate": f"{place.tax_rate:.4f}",
                    }
                ],
            }
        )
    shipping = 0 if subtotal >= FREE_SHIPPING_FROM else SHIPPING_FEE_CENTS
    shipping_type = ShippingType.TIKTOK if rng.random() < TIKTOK_SHIPPING_SHARE else ShippingType.SELLER
    retail_fee = cat.COLORADO_RETAIL_DELIVERY_FEE_CENTS if place.state_code == "CO" else 0
    total = subtotal + shipping + tax + retail_fee
    for index, line in enumerate(lines):  # Colorado's fee is the order's, shown on its first line
        line["retail_delivery_fee"] = usd(retail_fee if index == 0 else 0)
    data: dict[str, Any] = {
        "id": order_id,
        "status": OrderStatus.UNPAID.value,
        "create_time": created,
        "update_time": created,
        "user_id": f"7{below(rng, 10**18):018d}",
        "buyer_email": f"{address['first_name'].lower()}{10 + below(rng, 89)}@scs.tiktokw.us",
        "buyer_message": rng.choice(cat.BUYER_MESSAGES) if rng.random() < 0.05 else "",
        "payment": {
            "currency": CURRENCY,
            "sub_total": usd(subtotal),
            "shipping_fee": usd(shipping),
            "seller_discount": usd(seller_discount),
            "platform_discount": "0.00",
            "total_amount": usd(total),
            "original_total_product_price": usd(subtotal + seller_discount),
            "original_shipping_fee": usd(SHIPPING_FEE_CENTS),
            "shipping_fee_seller_discount": "0.00",
            "shipping_fee_platform_discount": usd(SHIPPING_FEE_CENTS - shipping),
            "shipping_fee_cofunded_discount": "0.00",
            "tax": usd(tax),
            "product_tax": usd(tax),
            "shipping_fee_tax": "0.00",
            "retail_delivery_fee": usd(retail_fee),
            "item_insurance_fee": "0.00",
            "item_insurance_tax": "0.00",
        },
        "line_items": lines,
        "packages": [{"id": package_id}],
        "shipping_type": shipping_type,
        "fulfillment_type": "FULFILLMENT_BY_SELLER",
        "delivery_type": "HOME_DELIVERY",
        **DELIVERY_OPTIONS[shipping_type],
        "payment_method_name": pick(rng, ("Visa", "Mastercard", "PayPal", "Apple Pay")),
        "order_type": "NORMAL",
        "warehouse_id": cat.WAREHOUSE_ID,
        "split_or_combine_tag": "",
        "seller_note": "",
        "is_cod": False,
        "is_on_hold_order": False,
        "is_replacement_order": False,
        "is_exchange_order": False,
        "is_buyer_request_cancel": False,
        "has_updated_recipient_address": False,
    }
    package = {
        "id": package_id,
        "order_id": order_id,
        "status": "PROCESSING",
        "tracking_number": "",
        "shipping_provider_id": "",
        "shipping_provider_name": "",
        "create_time": created,
        "update_time": created,
        "order_line_item_ids": [line["id"] for line in lines],
        "shipping_type": shipping_type,
    }
    if pay_delay_s is None:  # most pay at once; a few never do
        pay_delay_s = 5 + below(rng, 595) if rng.random() < 0.985 else None
    sim: dict[str, Any] = {
        "packages": [package],
        "ship_within_s": SHIP_WITHIN_S,
        "recipient_address": address,
    }
    if pay_delay_s is not None:
        sim["pay_at"] = created + pay_delay_s
    return lc.Order(data, sim)


def set_shipping_type(order: lc.Order, shipping_type: str) -> None:
    """Make an unshipped order TikTok Shipping's or the seller's own (staged urgent work)."""
    order.data.update(shipping_type=shipping_type, **DELIVERY_OPTIONS[shipping_type])
    for package in order.sim["packages"]:
        package["shipping_type"] = shipping_type


def _refund(lines: list[dict[str, Any]], order: lc.Order, with_shipping: bool) -> dict[str, Any]:
    subtotal = sum(cents(line["sale_price"]) for line in lines)
    tax = sum(cents(line["item_tax"][0]["tax_amount"]) for line in lines)
    shipping = cents(order.data["payment"]["shipping_fee"]) if with_shipping else 0
    return {
        "currency": CURRENCY,
        "refund_total": usd(subtotal + tax + shipping),
        "refund_subtotal": usd(subtotal),
        "refund_shipping_fee": usd(shipping),
        "refund_tax": usd(tax),
        "retail_delivery_fee": "0.00",
    }


def _request_lines(
    rng: random.Random, order: lc.Order, prefix: str, mint_id: Any, *, every_line: bool = False
) -> list[dict[str, Any]]:
    lines = order.data["line_items"]
    chosen = lines if every_line or rng.random() < 0.6 else [rng.choice(lines)]
    return [
        {
            f"{prefix}_line_item_id": mint_id(),
            "order_line_item_id": line["id"],
            "sku_id": line["sku_id"],
            "seller_sku": line["seller_sku"],
            "product_name": line["product_name"],
            "sku_name": line["sku_name"],
            "product_image": {
                "url": line["sku_image"],
                "width": cat.PICTURE_SIZE,
                "height": cat.PICTURE_SIZE,
            },
            "refund_amount": _refund([line], order, False),
        }
        for line in chosen
    ]


def open_return(
    rng: random.Random, mint: IdMint, order: lc.Order, at: int, kind: str | None = None
) -> lc.Return:
    """A buyer's return request about a shipped order, pending the seller's answer."""
    category = cat.PRODUCTS_BY_ID[order.data["line_items"][0]["product_id"]].category
    reasons = [r for r in cat.RETURN_REASONS[category] if kind is None or kind in r[2]]
    if not reasons:  # a type this category's reasons never give: any reason that fits it
        reasons = [r for rs in cat.RETURN_REASONS.values() for r in rs if kind in r[2]]
    name, text, types, _ = rng.choices(reasons, weights=[r[3] for r in reasons])[0]
    rtype = ReturnType(kind or rng.choice(types))
    lines = _request_lines(rng, order, "return", lambda: mint.request_line_id(at))
    chosen = [
        line for line in order.data["line_items"] if any(r["order_line_item_id"] == line["id"] for r in lines)
    ]
    whole = len(chosen) == len(order.data["line_items"])
    return_id = mint.return_id(at)
    data: dict[str, Any] = {
        "return_id": return_id,
        "order_id": order.id,
        "return_type": rtype,
        "return_status": ReturnStatus.PENDING,
        "role": Role.BUYER,
        "return_reason": name,
        "return_reason_text": text,
        "create_time": at,
        "update_time": at,
        "shipment_type": "PLATFORM",
        "handover_method": "DROP_OFF",
        "can_buyer_keep_item": rtype == ReturnType.REFUND,
        "refund_amount": _refund(chosen, order, whole and rtype != ReturnType.REPLACEMENT),
        "return_line_items": lines,
        "return_warehouse_address": {"full_address": cat.RETURN_WAREHOUSE},
        "discount_amount": [
            {
                "currency": CURRENCY,
                "product_seller_discount": usd(sum(cents(line["seller_discount"]) for line in chosen)),
                "product_platform_discount": "0.00",
                "shipping_fee_seller_discount": "0.00",
                "shipping_fee_platform_discount": "0.00",
            }
        ],
        "shipping_fee_amount": [],
        "is_combined_return": False,
        "seller_next_action_response": [],
    }
    ret = lc.Return(data)
    status = ReturnStatus.REPLACEMENT_PENDING if rtype == ReturnType.REPLACEMENT else ReturnStatus.PENDING
    lc.set_return_status(ret, status, at)
    evidence = [
        {"url": f"{EVIDENCE_PATH}{return_id}-{n}.png", "width": cat.PICTURE_SIZE, "height": cat.PICTURE_SIZE}
        for n in range(1, 3)
    ]
    lc.record(
        ret,
        Role.BUYER,
        f"BUYER_REQUESTED_{rtype}",
        at,
        f"Buyer requested {rtype.replace('_', ' ').lower()}: {text}",
        reason_text=text,
        images=evidence if rng.random() < 0.6 else [],
    )
    if rng.random() < 0.06:  # (ours) a few buyers withdraw before the seller answers
        ret.sim["withdraw_at"] = at + int(rng.uniform(0.5, 30) * 3600)
    return ret


def open_cancellation(
    rng: random.Random, mint: IdMint, order: lc.Order, at: int, *, by_seller: bool = False
) -> cx.Cancellation:
    """A buyer asks to cancel a paid order before it ships (the seller has a deadline); or, with
    `by_seller`, the seller cancels it (cancel_type CANCEL, role SELLER) — the caller approves it."""
    name, text = rng.choice(SELLER_CANCEL_REASONS if by_seller else CANCEL_REASONS)
    # A cancellation takes the whole order back: every line.
    lines = _request_lines(rng, order, "cancel", lambda: mint.request_line_id(at), every_line=True)
    data: dict[str, Any] = {
        "cancel_id": mint.cancel_id(at),
        "order_id": order.id,
        "cancel_type": CancelType.CANCEL if by_seller else CancelType.BUYER_CANCEL,
        "cancel_status": CancelStatus.PENDING,
        "role": Role.SELLER if by_seller else Role.BUYER,
        "cancel_reason": name,
        "cancel_reason_text": text,
        "create_time": at,
        "update_time": at,
        "refund_amount": _refund(order.data["line_items"], order, True),
        "cancel_line_items": lines,
        "seller_next_action_response": [],
    }
    cancel = cx.Cancellation(data)
    if by_seller:
        return cancel
    cx.request_cancel(cancel, order, at)
    if rng.random() < 0.08:
        cancel.sim["withdraw_at"] = at + int(rng.uniform(0.3, 20) * 3600)
    return cancel
