"""The sandbox store's Douyin dialect: the platform's stand-in as Douyin speaks.

Stands on the shared core (app/sandbox/: HTTP, control surface, faults, clock,
catalogue) and imports nothing of the app it stands in for — its own code tables
(codes.py) and signature check (signing.py) are written from the public record, so
it can disagree with the client. Modules, from the wire inwards: gateway (a request in,
an envelope out; the dialect's faults), dialect (envelope, signature and timestamp
checks), tokens and handlers (the routes), material (uploaded pictures), platform (the
platform's own actions and live traffic), lifecycle (state transitions), generator
(90 days of history), buyers (new orders and requests), store (SQLite).
"""

from __future__ import annotations

from typing import Any

from app.sandbox.dialects import Dialect
from app.sandbox.douyin import generator, material
from app.sandbox.douyin.gateway import answer
from app.sandbox.douyin.params import Context
from app.sandbox.douyin.platform import Platform
from app.sandbox.douyin.signing import method_from_path
from app.sandbox.douyin.store import Store


def new_shop(store: Store, seed: int, now: int, history_orders: int | None, meta: dict[str, Any]) -> None:
    """Replace the shop in `store` with 90 days of history up to `now` (a pure function of
    seed, now and size), keeping `meta` beside it."""
    shop, mint = generator.history(seed, now, history_orders)
    store.replace_all(list(shop.orders.values()), list(shop.after_sales.values()), {**meta, "seq": mint.seq})


DIALECT = Dialect(
    name="douyin",
    method_from_path=method_from_path,
    answer=answer,
    open_store=material.open_store,  # the store with the material centre's tables
    new_platform=Platform,
    new_context=Context,
    new_shop=new_shop,
    served_image=material.served,
)
