"""What the sandbox's US TikTok shop sells and the world around it.

Owns the product catalogue (English names, the seller's SKU codes, USD prices in cents),
the shipping providers with their tracking-number shapes, the buyers' names and US
addresses (state, city, ZIP, sales tax), and the buyers' return reasons by category.
Pure data plus tiny helpers; no I/O. Ids look like the platform's (18-19 digit strings).
"""

from __future__ import annotations

import hashlib
import itertools
import random
from dataclasses import dataclass

from app.sandbox.evidence import EVIDENCE_PATH


@dataclass(frozen=True)
class Sku:
    sku_id: str
    name: str  # the variation, e.g. "Black, M"
    seller_sku: str  # the seller's own code
    price: int  # cents


@dataclass(frozen=True)
class Product:
    product_id: str
    name: str
    category: str
    weight: float  # relative popularity
    skus: tuple[Sku, ...]
    image: str


# (name, category, popularity, variations, base price USD, price step per later option)
_RAW: list[tuple[str, str, float, list[str], float, float]] = [
    (
        "Oversized Cotton Crewneck T-Shirt",
        "Apparel",
        9,
        ["White, M", "White, L", "Black, M", "Black, L", "Sage, XL"],
        19.99,
        0,
    ),
    (
        "High-Waisted Seamless Leggings",
        "Apparel",
        8,
        ["Black, S", "Black, M", "Mocha, M", "Navy, L"],
        24.99,
        0,
    ),
    ("Fleece Pullover Hoodie", "Apparel", 6, ["Heather Grey, M", "Heather Grey, L", "Forest, XL"], 39.99, 0),
    ("Wide-Leg Cargo Pants", "Apparel", 5, ["Khaki, 26", "Khaki, 28", "Black, 30"], 34.99, 0),
    ("Ankle Crew Socks (6 Pairs)", "Apparel", 6, ["White", "Black", "Mixed"], 12.99, 0),
    ("Hydrating Snail Mucin Serum 100ml", "Beauty", 9, ["100ml", "2 x 100ml"], 21.99, 17.0),
    ("Matte Liquid Lipstick", "Beauty", 7, ["Ruby Woo", "Nude Rose", "Berry Crush"], 14.99, 0),
    ("Heatless Curling Rod Headband", "Beauty", 8, ["Pink Satin", "Black Satin"], 11.99, 0),
    ("Vitamin C Brightening Face Wash", "Beauty", 5, ["150ml", "150ml x 2"], 16.50, 12.0),
    ("SPF 50 Daily Sunscreen Stick", "Beauty", 4, ["Clear"], 18.00, 0),
    ("LED Sunset Projection Lamp", "Home", 7, ["Sunset Red", "Rainbow"], 22.99, 0),
    ("Stanley-Style 40oz Tumbler", "Home", 9, ["Cream", "Rose Quartz", "Black"], 29.99, 0),
    ("Silicone Kitchen Utensil Set (12 pcs)", "Home", 5, ["Grey", "Green"], 26.99, 0),
    ("Memory Foam Bath Mat", "Home", 4, ["Beige, 17x24", "Grey, 20x32"], 15.99, 4.0),
    ("Mini Portable Blender", "Home", 5, ["White", "Pink"], 32.99, 0),
    (
        "MagSafe Clear Phone Case",
        "Electronics",
        8,
        ["iPhone 15", "iPhone 15 Pro", "iPhone 15 Pro Max"],
        17.99,
        2.0,
    ),
    ("Wireless Earbuds with Charging Case", "Electronics", 7, ["White", "Black"], 39.99, 0),
    ("20W USB-C Fast Charger", "Electronics", 6, ["Single", "2-Pack"], 13.99, 9.0),
    ("10000mAh Slim Power Bank", "Electronics", 5, ["White", "Black"], 27.99, 0),
    ("Ring Light with Tripod Stand", "Electronics", 4, ["10 inch", "12 inch"], 35.99, 8.0),
    ("Freeze-Dried Candy Variety Pack", "Snacks", 7, ["8 oz", "16 oz"], 19.99, 14.0),
    ("Protein Chips Sampler (12 Bags)", "Snacks", 5, ["Nacho Cheese", "Sea Salt", "Mixed"], 24.99, 0),
    ("Dubai Chocolate Bar", "Snacks", 6, ["Single", "3-Pack"], 12.99, 22.0),
]


# Pictures are the sandbox's own small PNGs (app/sandbox/evidence.py), served on its loopback
# port (the gateway makes the path absolute): no answer points a client off the machine.
PICTURE_SIZE = 96


def _build_products() -> tuple[Product, ...]:
    products = []
    for index, (name, category, weight, variations, base, step) in enumerate(_RAW):
        digest = int(hashlib.sha1(name.encode()).hexdigest(), 16)
        product_id = f"17296{digest % 10**14:014d}"
        initials = "".join(word[0] for word in name.split() if word[0].isalpha())[:4].upper()
        skus = tuple(
            Sku(
                f"17296{(digest // 11 + n * 7919) % 10**14:014d}",
                variation,
                f"{initials}-{index + 1:02d}{n + 1:02d}",
                round((base + step * n) * 100),
            )
            for n, variation in enumerate(variations)
        )
        image = f"{EVIDENCE_PATH}product-{product_id}.png"
        products.append(Product(product_id, name, category, weight, skus, image))
    return tuple(products)


PRODUCTS: tuple[Product, ...] = _build_products()
PRODUCT_CUM_WEIGHTS = tuple(itertools.accumulate(product.weight for product in PRODUCTS))
PRODUCTS_BY_ID = {product.product_id: product for product in PRODUCTS}


# --- shipping providers ---------------------------------------------------------------
@dataclass(frozen=True)
class Provider:
    id: str
    name: str
    prefix: str
    digits: int
    weight: float


PROVIDERS: tuple[Provider, ...] = (
    Provider("6617675021119438849", "USPS", "9400", 18, 6),  # 22 digits, as USPS Tracking
    Provider("6617675021119438850", "UPS", "1Z", 16, 3),  # 1Z + 16 (digits here)
    Provider("6617675021119438851", "FedEx", "", 12, 2),  # 12 digits
    Provider("6617675021119438852", "DHL eCommerce", "GM", 16, 1),
    Provider("6617675021119438853", "OnTrac", "D", 14, 1),
)
PROVIDERS_BY_ID = {provider.id: provider for provider in PROVIDERS}
# The carriers TikTok Shipping buys US labels from (ours: USPS mostly, UPS for the rest).
TIKTOK_SHIPPING_PROVIDERS = (PROVIDERS[0], PROVIDERS[0], PROVIDERS[0], PROVIDERS[1])
PROVIDER_CUM_WEIGHTS = tuple(itertools.accumulate(provider.weight for provider in PROVIDERS))


def new_tracking_number(rng: random.Random, provider: Provider) -> str:
    return f"{provider.prefix}{int(rng.random() * 10**provider.digits):0{provider.digits}d}"


def pick_provider(rng: random.Random) -> Provider:
    return rng.choices(PROVIDERS, cum_weights=PROVIDER_CUM_WEIGHTS)[0]


# --- buyers ------------------------------------------------------------------------------
FIRST_NAMES = (  # noqa: SIM905 - a list of words reads best as words
    "Emma Olivia Ava Sophia Mia Isabella Amelia Harper Evelyn Abigail Emily Madison Chloe "
    "Liam Noah Oliver Elijah James William Benjamin Lucas Henry Mason Ethan Jacob Logan "
    "Jasmine Aaliyah Camila Sofia Valeria Maria Jose Carlos Luis Daniel Kayla Brianna Tyler"
).split()
LAST_NAMES = (  # noqa: SIM905
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris "
    "Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Nguyen Hill Flores"
).split()
STREETS = (
    "Main St",
    "Oak Ave",
    "Maple Dr",
    "Cedar Ln",
    "Park Blvd",
    "Pine St",
    "Washington Ave",
    "Lakeview Dr",
    "Sunset Blvd",
    "Elm St",
    "Hillcrest Rd",
    "Willow Way",
    "Broadway",
    "2nd St",
    "Jefferson St",
)


@dataclass(frozen=True)
class Place:
    state: str
    state_code: str
    county: str
    city: str
    zip_prefix: str
    area_code: str
    tax_rate: float  # combined sales tax, roughly
    weight: float


PLACES: tuple[Place, ...] = (
    Place("California", "CA", "Los Angeles County", "Los Angeles", "900", "213", 0.095, 6),
    Place("California", "CA", "San Diego County", "San Diego", "921", "619", 0.0775, 3),
    Place("Texas", "TX", "Harris County", "Houston", "770", "713", 0.0825, 5),
    Place("Texas", "TX", "Travis County", "Austin", "787", "512", 0.0825, 3),
    Place("Florida", "FL", "Miami-Dade County", "Miami", "331", "305", 0.07, 4),
    Place("Florida", "FL", "Orange County", "Orlando", "328", "407", 0.065, 2),
    Place("New York", "NY", "Kings County", "Brooklyn", "112", "718", 0.08875, 5),
    Place("Illinois", "IL", "Cook County", "Chicago", "606", "312", 0.1025, 3),
    Place("Georgia", "GA", "Fulton County", "Atlanta", "303", "404", 0.089, 3),
    Place("Arizona", "AZ", "Maricopa County", "Phoenix", "850", "602", 0.086, 2),
    Place("Washington", "WA", "King County", "Seattle", "981", "206", 0.1035, 2),
    Place("Ohio", "OH", "Franklin County", "Columbus", "432", "614", 0.075, 2),
    Place("North Carolina", "NC", "Mecklenburg County", "Charlotte", "282", "704", 0.0725, 2),
    Place("Oregon", "OR", "Multnomah County", "Portland", "972", "503", 0.0, 1),
    Place("Colorado", "CO", "Denver County", "Denver", "802", "303", 0.0881, 1),
)
PLACE_CUM_WEIGHTS = tuple(itertools.accumulate(place.weight for place in PLACES))
# Colorado's retail delivery fee (a line of the record's payment: `retail_delivery_fee`).
COLORADO_RETAIL_DELIVERY_FEE_CENTS = 29

BUYER_MESSAGES = (
    "Please leave the package at the back door.",
    "It's a gift, no receipt please!",
    "Can you ship ASAP? Need it by Friday.",
    "Gate code 4521",
)

# Warehouse the returns go back to (return_warehouse_address.full_address).
RETURN_WAREHOUSE = "1450 Industry Way, Unit B, Ontario, CA 91761, United States"
SELLER_ADDRESS = ("Sunny Day Goods LLC", "1450 Industry Way, Unit B", "Ontario, CA 91761")
# The shop's one warehouse (an order's `warehouse_id`) and its two delivery options (an order's
# `delivery_option_id`/`_name`): TikTok Shipping's standard and the seller's own carrier (ours;
# the record's option types include STANDARD and SEND_BY_SELLER, PC get-warehouse-delivery-options).
WAREHOUSE_ID = "7068517275539719942"
DELIVERY_OPTIONS = {
    "TIKTOK": {"id": "7091146663229654785", "name": "Standard shipping", "type": "STANDARD"},
    "SELLER": {"id": "7091146663229654786", "name": "Shipped by seller", "type": "SEND_BY_SELLER"},
}


def warehouses() -> list[dict[str, object]]:
    """`data.warehouses[]` of GET /logistics/202309/warehouses (PC get-warehouse-list's fields)."""
    street, city_line = SELLER_ADDRESS[1], SELLER_ADDRESS[2]
    return [
        {
            "id": WAREHOUSE_ID,
            "name": "Ontario warehouse",
            "effect_status": "ENABLED",
            "type": "SALES_WAREHOUSE",
            "sub_type": "DOMESTIC_WAREHOUSE",
            "is_default": True,
            "address": {"full_address": f"{street}, {city_line}, United States", "region_code": "US"},
        }
    ]


def delivery_options(warehouse_id: str) -> list[dict[str, str]] | None:
    """`data.delivery_options[]{id, name, type}` of a warehouse; None for a warehouse not the shop's."""
    return [dict(option) for option in DELIVERY_OPTIONS.values()] if warehouse_id == WAREHOUSE_ID else None


# --- buyers' return reasons by category: (name, text, types it fits, weight) --------------
# Names and texts are the record's US "Buyer Initiates Refund Reason" (REFUND) and "Buyer
# Initiates Return Reason" (RETURN_AND_REFUND) offered once DELIVERED (codes.py has the source);
# the record lists no replacement reasons: a replacement takes a return reason (ours), as do
# which reasons each category's buyers give and how often (ours).
_RR = "ecom_order_delivered_refund_and_return_reason_"
_RO = "ecom_order_delivered_refund_reason_"
NOT_RECEIVED = (_RO + "not_received", "Package wasn't received", ("REFUND",), 0.6)
RETURN_REASONS: dict[str, list[tuple[str, str, tuple[str, ...], float]]] = {
    "Apparel": [
        (
            "buyer_return_and_refund_item_doesn't_fit",
            "Item doesn't fit",
            ("RETURN_AND_REFUND", "REPLACEMENT"),
            6,
        ),
        (
            "buyer_return_and_refund_fabric,_material_or_style_not_as_expected",
            "Fabric, material or style not as expected",
            ("RETURN_AND_REFUND",),
            2,
        ),
        (
            "buyer_return_and_refund_color_or_pattern_not_as_expected",
            "Color or pattern not as expected",
            ("RETURN_AND_REFUND",),
            1.5,
        ),
        (_RR + "no_need", "No longer needed", ("RETURN_AND_REFUND",), 2),
        NOT_RECEIVED,
    ],
    "Beauty": [
        (_RO + "damaged", "Damaged item or packaging", ("REFUND",), 2),
        (_RR + "damaged", "Damaged item or packaging", ("REPLACEMENT",), 1),
        (_RR + "wrong_product", "Wrong item was sent", ("RETURN_AND_REFUND", "REPLACEMENT"), 1.5),
        (_RR + "no_need", "No longer needed", ("RETURN_AND_REFUND",), 1),
        NOT_RECEIVED,
    ],
    "Home": [
        (_RO + "damaged", "Damaged item or packaging", ("REFUND",), 2),
        (_RR + "damaged", "Damaged item or packaging", ("RETURN_AND_REFUND", "REPLACEMENT"), 1.5),
        (_RR + "defective", "Defective item", ("RETURN_AND_REFUND", "REPLACEMENT"), 2),
        (_RR + "not_match_description", "Item doesn't match description", ("RETURN_AND_REFUND",), 1.5),
        NOT_RECEIVED,
    ],
    "Electronics": [
        (_RR + "defective", "Defective item", ("RETURN_AND_REFUND", "REPLACEMENT"), 4),
        (_RO + "defective", "Defective item", ("REFUND",), 1),
        (_RR + "missing_product", "Missing item or parts", ("RETURN_AND_REFUND", "REPLACEMENT"), 1),
        (_RR + "not_match_description", "Item doesn't match description", ("RETURN_AND_REFUND",), 2),
        NOT_RECEIVED,
    ],
    "Snacks": [
        (_RO + "damaged", "Damaged item or packaging", ("REFUND",), 2),
        (
            "buyer_return_and_refund_shipping_box_damaged,_but_item_is_ok",
            "Shipping box damaged, but item is Ok",
            ("RETURN_AND_REFUND",),
            0.5,
        ),
        (_RR + "wrong_product", "Wrong item was sent", ("RETURN_AND_REFUND",), 1),
        NOT_RECEIVED,
    ],
}
# Share of delivered orders with a return request, by category (ours, US e-commerce-like).
RETURN_RATE = {"Apparel": 0.14, "Beauty": 0.06, "Home": 0.08, "Electronics": 0.10, "Snacks": 0.04}
CANCEL_REQUEST_RATE = 0.035  # (ours) paid orders whose buyer asks to cancel before shipment
