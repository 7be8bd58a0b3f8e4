"""Deadlines of the shops not on screen still raise their alarm, and count in the switcher.

Two shops' mirrors in their own SQLite files: in the second, an order that must ship
within the hour and a refund request due tomorrow morning; the first shop is on screen.
The switcher shows how much of each shop is due soon, and the order of the shop nobody
looks at raises the alarm once (in the status bar's words here: offscreen has no tray).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from sqlalchemy.orm import Session, sessionmaker

from app.db import open_database, sqlite_url
from app.services.due_soon.items import due_soon, shop_source
from app.shop_entries import ShopEntry
from app.views.shell.shop_alerts import ShopAlerts
from app.views.shell.shop_switcher import ShopSwitcher
from tests.builders import after_sale_row, order_line_row, order_row, seed

HOUR = 3600


@dataclass
class OpenShop:
    entry: ShopEntry
    sessions: sessionmaker[Session]
    sync: QObject | None = None


class TwoShops:
    """The window's view of the desk's shops (`DeskShops`), over two real databases."""

    def __init__(self, shops: list[OpenShop]) -> None:
        self._shops = shops

    def shops(self) -> list[OpenShop]:
        return self._shops

    def shop(self, key: str) -> OpenShop | None:
        return next((shop for shop in self._shops if shop.entry.key == key), None)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[tuple[TwoShops, str]]:
    now = int(time.time())
    shops, engines = [], []
    for shop_id, name in (("1234567", "小林的生活好物店"), ("7654321", "小林的第二家店")):
        engine, sessions = open_database(sqlite_url(tmp_path / f"shop-{shop_id}.sqlite"))
        engines.append(engine)
        shops.append(OpenShop(ShopEntry(f"douyin-{shop_id}", name=name, shop_id=shop_id), sessions))
    later = order_row(create_time=now - 2 * HOUR, exp_ship_time=now + 3 * 24 * HOUR)
    seed(shops[0].sessions, orders=[later], lines=[order_line_row(later)])
    urgent = order_row(create_time=now - 40 * HOUR, exp_ship_time=now + HOUR // 2)
    shipped = order_row(status=3, create_time=now - 30 * HOUR)
    request = after_sale_row(shipped, type=1, apply_time=now - 28 * HOUR, status_deadline=now + 20 * HOUR)
    seed(shops[1].sessions, orders=[urgent, shipped], lines=[order_line_row(urgent)], after_sales=[request])
    yield TwoShops(shops), urgent["order_id"]
    for engine in engines:
        engine.dispose()


def test_a_shop_not_on_screen_counts_in_the_switcher_and_raises_its_alarm(qtbot, desk) -> None:
    shops, urgent_order = desk
    first, second = (shop.entry.key for shop in shops.shops())
    switcher = ShopSwitcher()
    qtbot.addWidget(switcher)
    switcher.set_shops([shop.entry for shop in shops.shops()], first)
    alerts = ShopAlerts(shops, lambda: first)
    alerts.counted.connect(switcher.set_due_counts)
    told: list[str] = []
    alerts.notice.connect(told.append)
    with qtbot.waitSignal(alerts.counted) as counted:
        alerts.recount()
    # Within 24 hours: nothing in the first shop; the order and the request in the second.
    assert counted.args[0] == {first: 0, second: 2}
    assert switcher.item_text(first) == "Douyin · 小林的生活好物店"
    assert switcher.item_text(second) == "Douyin · 小林的第二家店 (2 due)"
    # The order within the hour raises the alarm; the request due tomorrow does not yet.
    assert (
        len(told) == 1 and "Order to ship in Douyin · 小林的第二家店" in told[0] and urgent_order in told[0]
    )
    with qtbot.waitSignal(alerts.counted):
        alerts.recount()
    assert len(told) == 1  # once per item while the desk runs
    alerts.stop()


def test_the_shop_on_screen_leaves_its_alarms_to_its_own_screens(qtbot, desk) -> None:
    shops, _ = desk
    second = shops.shops()[1].entry.key
    alerts = ShopAlerts(shops, lambda: second)
    told: list[str] = []
    alerts.notice.connect(told.append)
    with qtbot.waitSignal(alerts.counted):
        alerts.recount()
    assert told == []  # the shipping board of the shop on screen raises it
    alerts.stop()


def test_the_count_is_every_item_due_even_when_the_list_shows_the_soonest_only(desk) -> None:
    shops, urgent_order = desk
    sources = [shop_source(shop.entry.key, shop.sessions, shop.entry.platform) for shop in shops.shops()]
    items, counts = due_soon(sources, now=int(time.time()), limit=1)
    assert [item.entity_id for item in items] == [urgent_order]  # the soonest of all shops
    assert counts == {shops.shops()[0].entry.key: 0, shops.shops()[1].entry.key: 2}
