"""One desk, several shops: every shop syncs in the background, the window switches between
them without a restart, and one screen lists what is due soonest in all of them.

Two Douyin shops, each a sandbox store of its own over real HTTP on 127.0.0.1 (other
seeds, other shop ids), each with its own SQLite file and its own sync process, as the
desk runs them (`app.running_shops.RunningShops`); the real main window with its shop
switcher, offscreen.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QToolButton, QWizard

from app import config
from app.db import open_database, sqlite_url
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET
from app.models import AfterSale
from app.running_shops import RunningShops
from app.sandbox.server import SandboxServer
from app.services.due_soon.items import REFUND, SHIPMENT
from app.services.people import accounts
from app.services.people.permissions import Actor, Role
from app.services.refunds.queue import list_queue_keys
from app.services.rules import load_rules
from app.services.setup.shop_list import add_shop, database_url_of
from app.services.setup.shop_setup import actor_named
from app.services.sync_status import SyncState
from app.shop import SECRET_ENV
from app.shop_entries import ShopEntry, entry_key
from app.views.common.background import BackgroundTasks
from app.views.due_soon.view import DueSoonView
from app.views.setup.first_run_wizard import FirstRunWizard
from app.views.shell.main_window import MainWindow
from app.views.shell.screen_wiring import open_due_item
from tests.fixtures_views import when_shown
from tests.sandbox_control import (
    applied_by_client,
    mirrored_orders,
    new_refunds_after_shipment,
    platform_orders,
    queue_refund_approval,
)
from tests.test_first_run_wizard import type_into

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


@pytest.fixture
def one_shop_desk(
    app_home: Path, stores: dict[str, SandboxServer], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Desk]:
    """A desk of the first shop only, on a computer without a password store."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv(SECRET_ENV, DEMO_APP_SECRET)
    first = entry_for(stores["1234567"], "1234567", "小林的生活好物店")
    settings = config.Settings(language="en", shops=[first])
    settings.save()
    engine, sessions = open_database(database_url_of(first))
    with sessions.begin() as session:
        owner = accounts.create_owner(session, "xiaolin", "小林", "correct horse 42", now=0)
    engine.dispose()
    running = RunningShops(settings)
    running.start_all()
    try:
        yield Desk(settings, running, owner, {first.key: stores["1234567"]})
    finally:
        running.stop()
        keyring.set_keyring(previous)


def answer_the_shop_page_for_douyin(qtbot, store: SandboxServer) -> list[BaseException]:
    """Answers "Add a shop…"'s wizard once it shows: a real Douyin shop with the app's keys,
    the secret in the protected file (no password store here), a connection test, Finish."""
    failures: list[BaseException] = []

    def answer(wizard: FirstRunWizard) -> None:
        try:
            page = wizard.shop_page
            qtbot.waitUntil(lambda: page.keyring_available() is not None, timeout=10_000)
            page.real_choice.setChecked(True)
            type_into(qtbot, page.app_key_edit, DEMO_APP_KEY)
            type_into(qtbot, page.app_secret_edit, DEMO_APP_SECRET)
            type_into(qtbot, page.shop_id_edit, store.shop_id)
            page.gateway_edit.clear()
            type_into(qtbot, page.gateway_edit, store.url)
            page.plain_file_box.setChecked(True)
            qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: page.test_result.text().startswith("Connected"), timeout=20_000)
            for _ in range(3):  # to the last page, whichever it is
                if wizard.button(QWizard.WizardButton.FinishButton).isVisible():
                    break
                wizard.next()
            qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
        except BaseException as error:  # noqa: BLE001 - reported by the test after the wizard closes
            failures.append(error)
            wizard.reject()

    when_shown(FirstRunWizard, answer)
    return failures


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


def orders_on_screen(window: MainWindow) -> set[str]:
    model = window.screen_named("orders").model  # type: ignore[attr-defined]
    return {row.order_id for n in range(model.loaded_count()) if (row := model.row_at(n)) is not None}


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
    tasks.shutdown()


def test_the_owner_adds_a_second_shop_and_it_syncs_beside_the_first(
    qtbot, one_shop_desk: Desk, stores: dict[str, SandboxServer]
) -> None:
    desk = one_shop_desk
    (first,) = (entry.key for entry in desk.settings.shops)
    shop = desk.running.on_screen()
    window = MainWindow(shop.sessions, desk.settings, shop.sync, actor=desk.owner, shops=desk.running,
                        shop_key=first)  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    switcher = window.findChild(QComboBox, "shopSwitcher")
    assert switcher.count() == 1  # one shop: the switcher shows it, and offers to add one
    add = window.findChild(QToolButton, "addShopButton")
    assert add.isVisibleTo(window) and add.text() == "Add a shop…"
    second = entry_key("douyin", "7654321", demo=False)
    failures = answer_the_shop_page_for_douyin(qtbot, stores["7654321"])
    with qtbot.waitSignal(window.shop_switched, timeout=30_000):
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert failures == []
    assert window.shop_key() == second and switcher.count() == 2
    # Kept: both shops, the new one on screen; the secret in the protected file, not the settings.
    kept = config.Settings.load()
    assert [entry.key for entry in kept.shops] == [first, second] and kept.current_shop == second
    assert "sandbox-secret" not in (config.data_dir() / config.SETTINGS_FILE).read_text(encoding="utf-8")
    # The owner was carried into its database, and its own sync process fills it.
    assert window.actor().username == "xiaolin"
    desk.stores[second] = stores["7654321"]
    qtbot.waitUntil(lambda: synced(desk, first) and synced(desk, second), timeout=SYNC_TIMEOUT_MS)
    assert mirror_matches_platform(desk, second)
    qtbot.waitUntil(lambda: bool(orders_on_screen(window)), timeout=SHOWN_TIMEOUT_MS)
    assert orders_on_screen(window) <= set(mirrored_orders(desk.sessions(second)))
    window.close()


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


def test_the_headless_sync_syncs_the_shop_it_is_asked_for(
    tmp_path: Path, stores: dict[str, SandboxServer]
) -> None:
    """An always-on computer runs one `main.py sync --shop KEY` per shop of the desk."""
    home = tmp_path / "home"
    home.mkdir()
    first = entry_for(stores["1234567"], "1234567", "小林的生活好物店")
    second = entry_for(stores["7654321"], "7654321", "小林的第二家店")
    config.Settings(language="en", shops=[first, second]).save(home / config.SETTINGS_FILE)
    environment = {**os.environ, config.HOME_ENV: str(home), SECRET_ENV: DEMO_APP_SECRET}
    done = subprocess.run(
        [sys.executable, "main.py", "sync", "--shop", second.key, "--once"],
        cwd=Path(__file__).resolve().parents[1], env=environment, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (home / "shops" / "shop-1234567.sqlite").exists()  # the other shop is not touched
    engine, sessions = open_database(sqlite_url(home / "shops" / "shop-7654321.sqlite"))
    store = stores["7654321"]
    assert set(mirrored_orders(sessions)) == set(platform_orders(store.url, shop_id=store.shop_id))
    engine.dispose()
    refused = subprocess.run(
        [sys.executable, "main.py", "sync", "--shop", "douyin-0", "--once"],
        cwd=Path(__file__).resolve().parents[1], env=environment, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert refused.returncode != 0 and f"its shops: {first.key}, {second.key}" in refused.stderr
