"""What the TikTok sandbox shop's tests share: the moment they stand at, a small shop, its rows.

(Fixtures stay in each test module: `store` and `platform` there build on `new_store` here.)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.sandbox.tiktok import generator
from app.sandbox.tiktok.store import Store

NOW = 1796000000  # 2026-11-29, the Sunday after Black Friday


def new_store(path: Path, seed: int = 7) -> Store:
    """A store holding seed's 300-order shop at NOW."""
    store = Store(path)
    generator.new_shop(store, seed, NOW, 300, {})
    return store


def rows(store: Store, table: str, where: str = "1", args: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    """The wire JSON of a table's records matching `where`, by id."""
    sql = f"SELECT data FROM {table} WHERE {where} ORDER BY id"  # noqa: S608 - the tests' own words
    return [json.loads(data) for data in store.ids(sql, args)]


def unshipped(store: Store, shipping_type: str) -> dict[str, Any]:
    """An order of `shipping_type` the seller can ship now (no cancellation asked)."""
    for order in rows(store, "orders", "status = 'AWAITING_SHIPMENT'"):
        if order["shipping_type"] == shipping_type and not order["is_buyer_request_cancel"]:
            return order
    raise AssertionError(f"no unshipped {shipping_type} order")
