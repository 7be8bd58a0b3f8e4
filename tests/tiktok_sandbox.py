"""A TikTok sandbox store for a test: a small quiet shop on a free loopback port.

Its own store per test: the store's authorization code works once, as TikTok's does, so
a test that exchanges it leaves nothing for the next.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.demo_shop import DEMO_TIKTOK_SHOP_NAME
from app.sandbox.server import SandboxServer

SHOP_NAME = DEMO_TIKTOK_SHOP_NAME  # the name the sandbox's shop answers with


@pytest.fixture
def tiktok_sandbox(tmp_path: Path) -> Iterator[SandboxServer]:
    server = SandboxServer(
        tmp_path / "tiktok.sqlite", port=0, seed=7, live=False, history_orders=300, dialect="tiktok"
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()
