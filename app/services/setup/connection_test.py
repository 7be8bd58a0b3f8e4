"""The first-run wizard's "Test connection": what it asks and what it answers.

Owns the plain values of the test: `ShopKeys` (what a person typed to connect a real
shop, before anything is saved) and `ConnectionTest` (connected or not, the problem in
plain words — English source, context "sync", as the sync status shows its problems —
and the platform's own words), and `ConnectionTester`, the shape of the function that
runs it. The test itself signs one real request through the shop's platform adapter;
a service may not reach a platform, so the composition root (`app.shop.check_shop_keys`)
runs it and the desk hands that function to the wizard, which calls it on the network
lane of the background helper. No Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ShopKeys:
    """What a person typed to connect a real shop."""

    gateway: str
    app_key: str
    app_secret: str = field(repr=False)
    shop_id: str


@dataclass(frozen=True)
class ConnectionTest:
    """What the test found; `problem` is empty when connected."""

    connected: bool
    problem: str = ""  # plain words for people (English source, context "sync")
    platform_words: str = ""  # the platform's own words, shown as sent
    shop_name: str = ""  # the name the platform gave the shop, when connected


# Blocks on the network (a few seconds at most); never raises for what the network or the
# platform does: a failed test is a `ConnectionTest` that says why.
ConnectionTester = Callable[[ShopKeys], ConnectionTest]
