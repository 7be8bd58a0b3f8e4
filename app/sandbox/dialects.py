"""The seam between the sandbox's shared core and each platform's dialect.

Owns what a dialect package (app/sandbox/<name>/, e.g. app/sandbox/douyin/) gives the
core, and finding one by name. The core — HTTP server, control surface, faults,
simulation clock, `SandboxServer` — never names a platform's codes or fields: it keeps
the shop's state in the dialect's store, lets the dialect's platform act on its own,
and hands every request that is not a control call to the dialect's `answer`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID, DEMO_SHOP_NAME
from app.sandbox.clock import SimClock
from app.sandbox.faults import Fault

if TYPE_CHECKING:
    from app.sandbox.server import SandboxServer

# The dialects there are, each a package app/sandbox/<name>/ with a DIALECT; the first is the default.
NAMES = ("douyin", "tiktok")


class ShopStore(Protocol):
    """What the core asks of a dialect's store (one SQLite file per sandbox)."""

    def meta(self, key: str, default: Any = None) -> Any: ...
    def set_meta(self, key: str, value: Any) -> None: ...
    def is_empty(self) -> bool: ...
    def count(self, sql: str, args: Any = ()) -> int: ...
    def counts_by_status(self, table: str) -> dict[str, int]: ...
    def ledger_since(self, seq: int, limit: int = 5000) -> list[dict[str, Any]]: ...
    def close(self) -> None: ...


class ShopPlatform(Protocol):
    """The platform's own hand in the shop: what comes due, and live traffic."""

    def run_due(self) -> int: ...
    def tick(
        self,
        new_orders: int | None = None,
        new_after_sales: int | None = None,
        elapsed_s: float | None = None,
        top_up: bool | None = None,
        after_sale_type: int | None = None,
    ) -> dict[str, Any]: ...
    def start_live(self, interval_s: float) -> None: ...
    def stop_live(self) -> None: ...


@dataclass(frozen=True)
class Credentials:
    """Who a sandbox of the dialect serves unless told otherwise: the demo shop's app and shop."""

    app_key: str = DEMO_APP_KEY
    app_secret: str = DEMO_APP_SECRET
    shop_id: str = DEMO_SHOP_ID
    shop_name: str = DEMO_SHOP_NAME
    auth_code: str = ""  # the seller's authorisation code, for a dialect whose tokens start from one


# One request as the HTTP layer read it: (sandbox, URL path, method, query, body, headers with
# lower-case names and the HTTP verb under ":method", the fault that hits it or None).
AnswerFunction = Callable[
    ["SandboxServer", str, str, dict[str, str], bytes, Mapping[str, str], Fault | None],
    tuple[bool, bytes, int],
]


@dataclass(frozen=True)
class Dialect:
    name: str
    # The method a request's URL path names (it picks the faults that hit the request).
    method_from_path: Callable[[str], str]
    # (applied, the answer's bytes, its HTTP status) for one request.
    answer: AnswerFunction
    open_store: Callable[[Path], ShopStore]
    new_platform: Callable[[Any, SimClock], ShopPlatform]
    # What the handlers share: (store, clock, platform, shop id, shop name) -> context.
    new_context: Callable[[Any, SimClock, Any, str, str], Any]
    # Throw the shop away and make a new one: (store, seed, now, history orders, meta to keep).
    new_shop: Callable[[Any, int, int, int | None, dict[str, Any]], None]
    # (bytes, content type) of an image the dialect's upload took, by its /_sandbox/ path; or None.
    served_image: Callable[[Any, str], tuple[bytes, str] | None]
    # The demo shop's credentials, the defaults of a sandbox speaking the dialect.
    demo: Credentials = field(default_factory=Credentials)
    # The store's tables of records the control surface's stats count (each by status too).
    counted_tables: tuple[str, ...] = ("orders", "after_sales")


def load(name: str = NAMES[0]) -> Dialect:
    """The dialect package `name`'s DIALECT; ValueError for a name there is none of."""
    if name not in NAMES:
        raise ValueError(f"unknown sandbox dialect {name!r}; one of {', '.join(NAMES)}")
    dialect: Dialect = importlib.import_module(f"app.sandbox.{name}").DIALECT
    return dialect
