"""Adding a shop to a desk that runs, and the headless sync of one of several shops.

The owner's "Add a shop…" beside the shop switcher: the wizard's shop page, a real Douyin
shop (a second sandbox store over HTTP), its connection test; the shop is kept, its own
database gets the owner, its own sync process fills it, and it comes on screen without a
restart. On an always-on computer, `main.py sync --shop KEY` syncs one shop of the desk.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox, QToolButton, QWizard

from app import config
from app.db import open_database, sqlite_url
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET
from app.running_shops import RunningShops
from app.sandbox.server import SandboxServer
from app.services.people import accounts
from app.services.setup.shop_list import database_url_of
from app.shop import SECRET_ENV
from app.shop_entries import entry_key
from app.views.setup.first_run_wizard import FirstRunWizard
from app.views.shell.main_window import MainWindow
from tests.fixtures_views import when_shown
from tests.sandbox_control import (
    mirrored_orders,
    platform_orders,
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
from tests.test_first_run_wizard import type_into

__all__ = ["stores"]  # the module's fixture, shared


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

    # And off again: the owner says yes, the first shop comes back on screen, the second stops.
    remove = window.findChild(QToolButton, "removeShopButton")
    assert remove.isVisibleTo(window) and remove.text() == "Remove this shop…"
    sync = desk.running.shop(second).sync
    when_shown(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    with qtbot.waitSignal(window.shop_switched, timeout=SHOWN_TIMEOUT_MS):
        qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert window.shop_key() == first and switcher.count() == 1
    assert desk.running.shop(second) is None and not sync.is_running()
    assert [entry.key for entry in config.Settings.load().shops] == [first]
    qtbot.waitUntil(lambda: not remove.isVisibleTo(window))  # the desk's only shop stays
    window.close()


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
