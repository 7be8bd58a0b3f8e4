"""The TikTok dialect's fulfillment routes: ship a package, the carriers, and a package's label.

Owns what `POST /fulfillment/202309/packages/{package_id}/ship`,
`GET /logistics/202309/delivery_options/{id}/shipping_providers` and
`GET /fulfillment/202309/packages/{package_id}/shipping_documents` mean once a request has
passed the wire checks, and serving the label PDF the documents' `doc_url` points at
(`/_sandbox/labels/<package_id>.pdf`, made absolute by the gateway where the address is
known; a real small PDF from sandbox-shop's labels.py).

Public record: EcomPHP/tiktokshop-php src/Resources/Fulfillment.php `shipPackage` (body
`handover_method`, `pickup_slot`, `self_shipment{tracking_number, shipping_provider_id}`)
and `getPackageShippingDocument` (query `document_type`, `document_size`), and
src/Resources/Logistic.php `getShippingProvider`; the answers `data{doc_url,
tracking_number}` and `data.shipping_providers[]{id, name}` (hsib19/tiktok-shop-sdk
packages/sdk/src/types/FulfillmentTypes.ts, LogisticsTypes). Document types: SHIPPING_LABEL,
PACKING_SLIP, SHIPPING_LABEL_AND_PACKING_SLIP (ours: all three answer the one label PDF).
Ours: the sandbox ships only by the seller's own carrier (`self_shipment`); a package
shipped by the platform's carrier (PICKUP / DROP_OFF without it) is refused as invalid.
"""

from __future__ import annotations

import re
from typing import Any

from app.sandbox.tiktok import actions, errors, labels
from app.sandbox.tiktok.context import Call, Context, required_text
from app.sandbox.tiktok.errors import dumps
from app.sandbox.tiktok.routes_returns import apply

LABEL_PATH = "/_sandbox/labels/"
DOCUMENT_TYPES = ("SHIPPING_LABEL", "PACKING_SLIP", "SHIPPING_LABEL_AND_PACKING_SLIP")
_LABEL = re.compile(re.escape(LABEL_PATH) + r"([A-Za-z0-9_-]{1,64})\.pdf")


def ship_package(ctx: Context, call: Call) -> str:
    package_id = call.path_params["package_id"]
    shipment = call.body.get("self_shipment")
    if not isinstance(shipment, dict):
        raise errors.invalid("`self_shipment` with `tracking_number` and `shipping_provider_id` is required.")
    tracking_number = required_text(shipment, "tracking_number")
    provider_id = required_text(shipment, "shipping_provider_id")
    with ctx.store.transaction():
        return apply(
            lambda: actions.ship_package(ctx.store, ctx.clock.now(), package_id, tracking_number, provider_id)
        )


def shipping_providers(ctx: Context, call: Call) -> str:
    return dumps({"shipping_providers": actions.shipping_providers()})


def shipping_documents(ctx: Context, call: Call) -> str:
    package_id = call.path_params["package_id"]
    document_type = required_text(call.query, "document_type")
    if document_type not in DOCUMENT_TYPES:
        raise errors.invalid(f"`document_type` must be one of {', '.join(DOCUMENT_TYPES)}.")
    package = ctx.store.package(package_id)
    if package is None:
        raise errors.invalid(f"Package {package_id} does not exist.")
    if not package.get("tracking_number") or labels.label_pdf(ctx.store, package_id) is None:
        raise errors.business(f"Package {package_id} has no shipping label yet: ship it first.")
    return dumps({"doc_url": f"{LABEL_PATH}{package_id}.pdf", "tracking_number": package["tracking_number"]})


def served(store: Any, path: str) -> tuple[bytes, str] | None:
    """(the label PDF, its content type) for a `/_sandbox/labels/<package_id>.pdf` path."""
    found = _LABEL.fullmatch(path)
    if found is None:
        return None
    pdf = labels.label_pdf(store, found.group(1))
    return (pdf, "application/pdf") if pdf is not None else None
