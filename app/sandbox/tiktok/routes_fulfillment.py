"""The TikTok dialect's fulfillment routes: ship a package, the carriers, and a package's label.

Owns what `POST /fulfillment/202309/packages/{package_id}/ship`,
`POST /fulfillment/202309/orders/{order_id}/packages` (Mark Package As Shipped, US and a few
markets), `GET /logistics/202309/delivery_options/{id}/shipping_providers` and
`GET /fulfillment/202309/packages/{package_id}/shipping_documents` mean once a request has
passed the wire checks, and serving the label PDF the documents' `doc_url` points at
(`/_sandbox/labels/<package_id>.pdf`, made absolute by the gateway where the address is
known; a real small PDF from sandbox-shop's labels.py), and the shop's warehouses and their
delivery options (`GET /logistics/202309/warehouses`, `…/warehouses/{id}/delivery_options`:
PC logistics/get-warehouse-list, get-warehouse-delivery-options; the data is sandbox-shop's
catalogue). A delivery option TikTok Shipping fulfils has no providers to choose (21008117),
an unknown one answers 21008116 (PC logistics/get-shipping-providers error_code_list).

Public record (PC = Partner Center API reference, lazykern/ecommerce-api-docs at eba059e,
data/raw/tiktok/api-reference/fulfillment/*.spec.json and logistics/get-shipping-providers;
EcomPHP/tiktokshop-php src/Resources/Fulfillment.php): ship-package's body is
`{handover_method?: PICKUP|DROP_OFF, pickup_slot?, self_shipment?{tracking_number,
shipping_provider_id}}` — the seller's own carrier in `self_shipment`, TikTok Shipping
without it — and answers `data {}`; mark-package-as-shipped's body is
`{order_line_item_ids?, tracking_number, shipping_provider_id}` and answers
`data{order_id, order_line_item_ids[], package_id}`; shipping documents answer
`data{doc_url, tracking_number}` for TikTok Shipping packages only, after Ship Package
(11034002 for seller shipping); `document_type` SHIPPING_LABEL, PACKING_SLIP,
SHIPPING_LABEL_AND_PACKING_SLIP (ours: each answers the one label PDF).
"""

from __future__ import annotations

import re
from typing import Any

from app.sandbox.tiktok import actions, catalogue, errors, labels, refusals
from app.sandbox.tiktok.context import Call, Context, required_text, text_list
from app.sandbox.tiktok.errors import dumps

LABEL_PATH = "/_sandbox/labels/"
DOCUMENT_TYPES = ("SHIPPING_LABEL", "PACKING_SLIP", "SHIPPING_LABEL_AND_PACKING_SLIP")
HANDOVER_METHODS = ("PICKUP", "DROP_OFF")
SELLER_SHIPPING = "SELLER"
SEND_BY_SELLER = "SEND_BY_SELLER"  # the delivery option type whose carrier the seller picks
_LABEL = re.compile(re.escape(LABEL_PATH) + r"([A-Za-z0-9_-]{1,64})\.pdf")


def _invalid(detail: str) -> errors.ApiError:
    return errors.invalid(detail, errors.CODE_FULFILLMENT_INVALID_PARAMETER)


def _ship(
    ctx: Context, package_id: str, tracking_number: str, provider_id: str, handover: str | None = None
) -> None:
    """Ship in one store transaction; a refusal in the pages' own codes."""
    with ctx.store.transaction():
        try:
            actions.ship_package(
                ctx.store, ctx.clock.now(), package_id, tracking_number, provider_id, handover_method=handover
            )
        except actions.Refused as refused:
            raise refusals.shipment(refused.kind, ctx.store, package_id) from None


def ship_package(ctx: Context, call: Call) -> str:
    package_id = call.path_params["package_id"]
    handover = call.body.get("handover_method")
    if handover is not None and handover not in HANDOVER_METHODS:
        raise _invalid(f"`handover_method` must be one of {', '.join(HANDOVER_METHODS)}.")
    shipment = call.body.get("self_shipment")
    if shipment is None:  # TikTok Shipping: the platform's carrier, its tracking number
        _ship(ctx, package_id, "", "", handover)
        return "{}"
    if not isinstance(shipment, dict):
        raise _invalid("`self_shipment` must be an object with `tracking_number` and `shipping_provider_id`.")
    try:
        tracking_number = required_text(shipment, "tracking_number")
        provider_id = required_text(shipment, "shipping_provider_id")
    except errors.ApiError as refused:
        raise errors.in_code(refused, errors.CODE_FULFILLMENT_INVALID_PARAMETER) from None
    _ship(ctx, package_id, tracking_number, provider_id)
    return "{}"


def mark_package_shipped(ctx: Context, call: Call) -> str:
    order_id = call.path_params["order_id"]
    try:
        tracking_number = required_text(call.body, "tracking_number")
        provider_id = required_text(call.body, "shipping_provider_id")
        line_ids = text_list(call.body, "order_line_item_ids")
    except errors.ApiError as refused:
        raise errors.in_code(refused, errors.CODE_FULFILLMENT_INVALID_PARAMETER) from None
    order = ctx.store.order(order_id)
    if order is None:
        raise _invalid(f"Order {order_id} does not exist.")
    packages = order.sim.get("packages") or []
    # The package holding the named lines, else the first not yet shipped (ours: the record
    # splits a package by the lines given; the sandbox ships whole packages).
    chosen = next(
        (p for p in packages if line_ids and set(line_ids) & set(p.get("order_line_item_ids") or [])),
        next((p for p in packages if not p.get("tracking_number")), packages[0] if packages else None),
    )
    if chosen is None:
        raise refusals.shipment("not_found", ctx.store, "")
    _ship(ctx, chosen["id"], tracking_number, provider_id)
    return dumps(
        {
            "order_id": order_id,
            "order_line_item_ids": list(chosen.get("order_line_item_ids") or []),
            "package_id": chosen["id"],
        }
    )


def shipping_providers(ctx: Context, call: Call) -> str:
    option = next(
        (o for o in catalogue.DELIVERY_OPTIONS.values() if o["id"] == call.path_params["delivery_option_id"]),
        None,
    )
    if option is None:
        raise errors.business(21008116, "No Subscription without specified delivery option.")
    if option["type"] != SEND_BY_SELLER:  # TikTok Shipping's own carriers: none to choose
        raise errors.business(
            21008117,
            "The delivery of the specified delivery_option_id is fulfilled by TikTok. "
            "No shipping provider will be returned.",
        )
    return dumps({"shipping_providers": actions.shipping_providers()})


def warehouses(ctx: Context, call: Call) -> str:
    return dumps({"warehouses": catalogue.warehouses()})


def delivery_options(ctx: Context, call: Call) -> str:
    options = catalogue.delivery_options(call.path_params["warehouse_id"])
    if options is None:  # ours: the record names no code for a warehouse not the shop's
        raise _invalid(f"Warehouse {call.path_params['warehouse_id']} is not one of the shop's.")
    return dumps({"delivery_options": options})


def shipping_documents(ctx: Context, call: Call) -> str:
    package_id = call.path_params["package_id"]
    document_type = call.query.get("document_type", "")
    if document_type not in DOCUMENT_TYPES:
        raise _invalid(f"`document_type` must be one of {', '.join(DOCUMENT_TYPES)}.")
    package = ctx.store.package(package_id)
    order = ctx.store.order(package["order_id"]) if package is not None else None
    if package is None or order is None:
        raise errors.business(
            21008109, "Unable to retrieve shipping information, please double check the order status."
        )
    if order.data.get("shipping_type") == SELLER_SHIPPING:
        raise errors.business(
            11034002,
            "This API is only applicable to TikTok Shipping orders. For seller shipping, please obtain the "
            "shipping label offline and upload it to TikTok Shop via API or Seller Center.",
        )
    if package.get("status") == "CANCELLED":
        raise errors.business(21023059, "Package has already been cancelled.")
    if not package.get("tracking_number") or labels.label_pdf(ctx.store, package_id) is None:
        raise errors.business(21023035, "Please arrange shipment before retrieving the shipping document.")
    return dumps({"doc_url": f"{LABEL_PATH}{package_id}.pdf", "tracking_number": package["tracking_number"]})


def served(store: Any, path: str) -> tuple[bytes, str] | None:
    """(the label PDF, its content type) for a `/_sandbox/labels/<package_id>.pdf` path."""
    found = _LABEL.fullmatch(path)
    if found is None:
        return None
    pdf = labels.label_pdf(store, found.group(1))
    return (pdf, "application/pdf") if pdf is not None else None
