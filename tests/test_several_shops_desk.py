"""One desk, several shops: every shop syncs in the background, the window switches between
them without a restart, and one screen lists what is due soonest in all of them.

Two Douyin shops, each a sandbox store of its own over real HTTP on 127.0.0.1 (other
seeds, other shop ids), each with its own SQLite file and its own sync process, as the
desk runs them (`app.running_shops.RunningShops`); the real main window with its shop
switcher, offscreen.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from app import config
from app.db import open_database
from app.demo_shop import DEMO_APP_SECRET
from app.models import AfterSale
from app.running_shops import RunningShops
from app.sandbox.server import SandboxServer
from app.services.due_soon.items import REFUND, SHIPMENT
from app.services.people import accounts
from app.services.people.permissions import Role
from app.services.refunds.queue import list_queue_keys
from app.services.rules import load_rules
from app.services.setup.shop_list import add_shop, database_url_of
from app.services.setup.shop_setup import actor_named
from app.shop import SECRET_ENV
from app.views.common.background import BackgroundTasks
from app.views.due_soon.view import DueSoonView
from app.views.shell.main_window import MainWindow
from app.views.shell.screen_wiring import open_due_item
from tests.sandbox_control import (
    applied_by_client,
    mirrored_orders,
    new_refunds_after_shipment,
    queue_refund_approval,
)
from tests.several_shops import (
    SHOWN_TIMEOUT_MS,
    SYNC_TIMEOUT_MS,
    Desk,
    entry_for,
    mirror_matches_platform,
    orders_on_screen,
    stores,
    synced,
)

__all__ = ["stores"]  # the module's fixture, shared


@pytest.fixture(scope="module")
def desk(
    qapp: object, tmp_path_factory: pytest.TempPathFactory, stores: dict[str, SandboxServer]
) -> Iterator[Desk]:
    """A desk of two shops, the owner signed up in the first and carried into the second;
    the app secret from the environment, as on a computer without a password store. Shared
    by the module's tests (each first sync of two shops is the expensive part); each test
    opens its own window on it."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv(config.HOME_ENV, str(tmp_path_factory.mktemp("home")))
        monkeypatch.setenv(SECRET_ENV, DEMO_APP_SECRET)
        yield from _two_shop_desk(stores)


def _two_shop_desk(stores: dict[str, SandboxServer]) -> Iterator[Desk]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    first = entry_for(stores["1234567"], "1234567", "小林的生活好物店")
    second = entry_for(stores["7654321"], "7654321", "小林的第二家店")
    settings = config.Settings(language="en", shops=[first])
    settings.save()
    engine, sessions = open_database(database_url_of(first))
    with sessions.begin() as session:
        owner = accounts.create_owner(session, "xiaolin", "小林", "correct horse 42", now=0)
    add_shop(settings, second, owner=owner, owner_sessions=sessions, now=0, make_current=False)
    engine.dispose()
    running = RunningShops(settings)
    running.start_all()
    try:
        yield Desk(settings, running, owner, {first.key: stores["1234567"], second.key: stores["7654321"]})
    finally:
        running.stop()
        keyring.set_keyring(previous)


def test_every_shop_of_the_desk_syncs_in_the_background(qtbot, desk: Desk) -> None:
    first, second = (entry.key for entry in desk.settings.shops)
    qtbot.waitUntil(lambda: synced(desk, first) and synced(desk, second), timeout=SYNC_TIMEOUT_MS)
    assert mirror_matches_platform(desk, first) and mirror_matches_platform(desk, second)
    # Each shop's orders in its own database, and none of the other's.
    ours, theirs = set(mirrored_orders(desk.sessions(first))), set(mirrored_orders(desk.sessions(second)))
    assert ours and theirs and not ours & theirs
    assert {Path(shop.database_url).name for shop in desk.running.shops()} == {
        "shop-1234567.sqlite",
        "shop-7654321.sqlite",
    }


def test_switching_shop_shows_the_other_shops_orders_without_a_restart(qtbot, desk: Desk) -> None:
    first, second = (entry.key for entry in desk.settings.shops)
    qtbot.waitUntil(lambda: synced(desk, first) and synced(desk, second), timeout=SYNC_TIMEOUT_MS)
    shop = desk.running.on_screen()
    window = MainWindow(shop.sessions, desk.settings, shop.sync, actor=desk.owner, shops=desk.running,
                        shop_key=shop.key)  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    ours, theirs = set(mirrored_orders(desk.sessions(first))), set(mirrored_orders(desk.sessions(second)))
    qtbot.waitUntil(lambda: bool(orders_on_screen(window)), timeout=SHOWN_TIMEOUT_MS)
    assert orders_on_screen(window) <= ours

    switcher = window.findChild(QComboBox, "shopSwitcher")
    assert [switcher.itemText(n).split(" (")[0] for n in range(switcher.count())] == [
        "Douyin · 小林的生活好物店",
        "Douyin · 小林的第二家店",
    ]
    with qtbot.waitSignal(window.shop_switched):
        switcher.activated.emit(switcher.findData(second))  # as the person's choice
    assert window.shop_key() == second and window.sessions() is desk.sessions(second)
    qtbot.waitUntil(lambda: bool(orders_on_screen(window)), timeout=SHOWN_TIMEOUT_MS)
    assert orders_on_screen(window) <= theirs and not orders_on_screen(window) & ours
    # The owner is the owner there too (their account carried in), and the choice is kept.
    assert window.actor().username == "xiaolin" and window.actor().user_id is not None
    assert config.Settings.load().current_shop == second

    with qtbot.waitSignal(window.shop_switched):
        switcher.activated.emit(switcher.findData(first))
    qtbot.waitUntil(lambda: bool(orders_on_screen(window)) and orders_on_screen(window) <= ours,
                    timeout=SHOWN_TIMEOUT_MS)  # fmt: skip
    window.close()


def test_a_person_without_an_account_in_the_other_shop_stays_where_they_are(qtbot, desk: Desk) -> None:
    first, second = (entry.key for entry in desk.settings.shops)
    with desk.sessions(first).begin() as session:  # a packer of the first shop only
        accounts.add_user(session, desk.owner, username="xiaowang", display_name="小王",
                          role=Role.WAREHOUSE, password="correct horse 43", now=0)  # fmt: skip
    with desk.sessions(first)() as session:
        person = actor_named(session, "xiaowang")
    assert person is not None
    shop = desk.running.shop(first)
    window = MainWindow(shop.sessions, desk.settings, shop.sync, actor=person, shops=desk.running,
                        shop_key=first)  # fmt: skip
    qtbot.addWidget(window)
    assert window.shop_switching.switch_to(second) is False
    assert window.shop_key() == first and window.sessions() is desk.sessions(first)
    assert "小王 has no account in Douyin · 小林的第二家店" in window.statusBar().currentMessage()
    assert window.findChild(QComboBox, "shopSwitcher").currentData() == first
    window.close()


def test_due_soon_lists_the_requests_and_shipments_of_every_shop_soonest_first(qtbot, desk: Desk) -> None:
    first, second = (entry.key for entry in desk.settings.shops)
    qtbot.waitUntil(lambda: synced(desk, first) and synced(desk, second), timeout=SYNC_TIMEOUT_MS)
    tasks = BackgroundTasks()
    # Ninety days ahead: every open request and unshipped order of the small shops is "soon".
    view = DueSoonView(tasks, desk.running, within_s=90 * 86400)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=SHOWN_TIMEOUT_MS):
        view.refresh()
    items = view.model.rows()
    assert {item.shop_key for item in items} == {first, second}
    assert {item.kind for item in items} == {REFUND, SHIPMENT}
    assert [item.due_at for item in items] == sorted(item.due_at for item in items)
    # The deadlines are the refund queue's own, shop by shop.
    for key in (first, second):
        with desk.sessions(key)() as session:
            keys = list_queue_keys(session, now=view.model.now, rules=load_rules())
        queue = {key.aftersale_id: key.status_deadline for key in keys}
        for item in items:
            if item.shop_key == key and item.kind == REFUND:
                assert item.due_at == queue[item.entity_id]
    # The shop's name on each line, as in the switcher.
    names = {view.model.index(n, 0).data() for n in range(view.model.rowCount())}
    assert names == {"Douyin · 小林的生活好物店", "Douyin · 小林的第二家店"}
    # Each deadline names the rule set it came from (issue 18).
    tips = {view.model.index(n, 4).data(Qt.ItemDataRole.ToolTipRole) for n in range(view.model.rowCount())}
    assert tips == {"Rule set: douyin-2026-12"}
    tasks.shutdown()


def test_a_due_item_of_the_other_shop_opens_in_its_shop(qtbot, desk: Desk) -> None:
    first, second = (entry.key for entry in desk.settings.shops)
    qtbot.waitUntil(lambda: synced(desk, second), timeout=SYNC_TIMEOUT_MS)
    with desk.sessions(second)() as session:
        waiting = list_queue_keys(session, now=int(time.time()), rules=load_rules())
        request = session.get(AfterSale, waiting[0].aftersale_id)
        aftersale_id, order_id = request.aftersale_id, request.order_id
    shop = desk.running.shop(first)
    window = MainWindow(shop.sessions, desk.settings, shop.sync, actor=desk.owner, shops=desk.running,
                        shop_key=first)  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    open_due_item(window, second, REFUND, aftersale_id, order_id)  # what a double-click in Due soon does
    assert window.shop_key() == second
    refunds = window.screen_named("refunds")
    qtbot.waitUntil(lambda: refunds.selected_ids() == [aftersale_id], timeout=SHOWN_TIMEOUT_MS)
    assert window.current_screen_key() == "refunds"
    window.close()


def test_a_decision_in_a_shop_not_on_screen_still_reaches_its_platform_once(qtbot, desk: Desk) -> None:
    first, second = (entry.key for entry in desk.settings.shops)
    qtbot.waitUntil(lambda: synced(desk, second), timeout=SYNC_TIMEOUT_MS)
    store, shop = desk.stores[second], desk.running.shop(second)
    assert shop is not None and shop.sync is not None
    aftersale_id = new_refunds_after_shipment(store.url, 1)["after_sales"][0]  # the buyer asks

    def pulled() -> bool:
        with shop.sessions() as session:
            return session.get(AfterSale, aftersale_id) is not None

    shop.sync.sync_now()  # type: ignore[attr-defined]
    qtbot.waitUntil(pulled, timeout=SYNC_TIMEOUT_MS)
    with shop.sessions.begin() as session:  # decided (by a screen of that shop, earlier)
        queue_refund_approval(session, session.get(AfterSale, aftersale_id))
    shop.sync.sync_now()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: applied_by_client(store.url, aftersale_id) == 1, timeout=SYNC_TIMEOUT_MS)
    assert applied_by_client(desk.stores[first].url, aftersale_id) == 0  # never to the other shop
