"""The sandbox store's TikTok Shop dialect: the platform's stand-in as TikTok Shop speaks (API 202309).

Stands on the shared core (app/sandbox/: HTTP, control surface, faults, clock) and imports
nothing of the app it stands in for — its own codes (codes.py) and signature check
(signing.py) are written from the public record, so it can disagree with the client.
It serves the auth host's token paths and the API host's paths on its one loopback port.
Modules, from the wire inwards: gateway (a request in, an envelope and HTTP status out; the
dialect's faults), errors (the envelope and the refusals), refusals (which page's code a
refused decision or shipment answers), signing, tokens, context (the shop, parameters),
paging (page_token), idempotency, the routes (routes_orders, routes_returns,
routes_fulfillment, routes_images); then the shop's own data and life (sandbox-shop's):
actions (the seller's hand), platform (the platform's own actions and live traffic),
lifecycle, cancellations, replacements, generator and buyers (90 days of history, new
traffic), labels (label PDFs), store and search (SQLite).
"""

from __future__ import annotations

from typing import Any

from app.demo_shop import (
    DEMO_TIKTOK_APP_KEY,
    DEMO_TIKTOK_APP_SECRET,
    DEMO_TIKTOK_AUTH_CODE,
    DEMO_TIKTOK_SHOP_ID,
    DEMO_TIKTOK_SHOP_NAME,
)
from app.sandbox.dialects import Credentials, Dialect
from app.sandbox.tiktok import generator, routes_fulfillment, routes_images
from app.sandbox.tiktok.context import Context
from app.sandbox.tiktok.gateway import answer
from app.sandbox.tiktok.platform import Platform
from app.sandbox.tiktok.signing import method_from_path
from app.sandbox.tiktok.store import Store
from app.sandbox.tiktok.tokens import ISSUED_META


def new_shop(store: Store, seed: int, now: int, history_orders: int | None, meta: dict[str, Any]) -> None:
    """A new shop (sandbox-shop's generator), whose seller hands over a fresh authorisation code."""
    generator.new_shop(store, seed, now, history_orders, {**meta, ISSUED_META: now})


def served(store: Store, path: str) -> tuple[bytes, str] | None:
    """(bytes, content type) of a label PDF or an uploaded picture, by its /_sandbox/ path."""
    return routes_fulfillment.served(store, path) or routes_images.served(store, path)


DIALECT = Dialect(
    name="tiktok",
    method_from_path=method_from_path,
    answer=answer,
    open_store=Store,
    new_platform=Platform,
    new_context=Context,
    new_shop=new_shop,
    served_image=served,  # the label PDFs and the uploaded pictures
    demo=Credentials(
        app_key=DEMO_TIKTOK_APP_KEY,
        app_secret=DEMO_TIKTOK_APP_SECRET,
        shop_id=DEMO_TIKTOK_SHOP_ID,
        shop_name=DEMO_TIKTOK_SHOP_NAME,
        auth_code=DEMO_TIKTOK_AUTH_CODE,
    ),
    counted_tables=("orders", "returns", "cancellations"),
)
