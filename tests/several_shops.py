"""What the tests of a desk of several shops share: two sandbox stores over HTTP, a shop
entry for each, and how a test tells that a shop's sync process has synced it whole."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from app import config
from app.demo_shop import DEMO_APP_KEY
from app.running_shops import RunningShops
from app.sandbox.server import SandboxServer
from app.services.people.permissions import Actor
from app.services.sync_status import SyncState
from app.shop_entries import ShopEntry, entry_key
from app.views.shell.main_window import MainWindow
from tests.sandbox_control import (
    mirrored_orders,
    platform_orders,
)

SYNC_TIMEOUT_MS = 90_000  # a bound on a hang (two sync processes start and pull), not a speed
SHOWN_TIMEOUT_MS = 20_000


@dataclass
class Desk:
    settings: config.Settings
    running: RunningShops
    owner: Actor
    stores: dict[str, SandboxServer]  # shop key -> its platform

    def sessions(self, key: str):  # noqa: ANN201 - a sessionmaker
        shop = self.running.shop(key)
        assert shop is not None
        return shop.sessions


def entry_for(store: SandboxServer, shop_id: str, name: str) -> ShopEntry:
    return ShopEntry(
        key=entry_key("douyin", shop_id, demo=False),
        platform="douyin",
        name=name,
        shop_id=shop_id,
        gateway=store.url,
        app_key=DEMO_APP_KEY,
    )


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, SandboxServer]]:
    """Two small, quiet shops on free ports: other seeds, other shop ids."""
    folder = tmp_path_factory.mktemp("stores")
    made = {
        "1234567": SandboxServer(folder / "a.sqlite", port=0, seed=7, live=False, history_orders=300),
        "7654321": SandboxServer(
            folder / "b.sqlite", port=0, seed=8, shop_id="7654321", live=False, history_orders=300
        ),
    }
    for store in made.values():
        store.start()
    yield made
    for store in made.values():
        store.stop()


def synced(desk: Desk, key: str) -> bool:
    """The shop's sync process has finished a whole sync (said by its status, not asked of
    the platform: asking while it syncs would spend the shop's rate limit)."""
    shop = desk.running.shop(key)
    assert shop is not None and shop.sync is not None
    status = shop.sync.last_status()  # type: ignore[attr-defined]
    return status.state is SyncState.ONLINE and status.last_success_at is not None


def mirror_matches_platform(desk: Desk, key: str) -> bool:
    store = desk.stores[key]
    return set(mirrored_orders(desk.sessions(key))) == set(platform_orders(store.url, shop_id=store.shop_id))


def orders_on_screen(window: MainWindow) -> set[str]:
    model = window.screen_named("orders").model  # type: ignore[attr-defined]
    return {row.order_id for n in range(model.loaded_count()) if (row := model.row_at(n)) is not None}
