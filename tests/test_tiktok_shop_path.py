"""The path a real TikTok shop takes: the first-run wizard → TikTok Shop → app key, secret
and the redirect address pasted whole → "Test connection" exchanges the code with the
TikTok sandbox over HTTP → Finish → the password store holds the secret and the refresh
token → the desk started again (its sync process), and the headless sync, each a process
of its own reading only what the wizard kept, fill the mirror.

Real parts throughout, as tests/test_real_shop_path.py runs Douyin's: the wizard's own
widgets driven as a person would, through the desk's own start-up steps (app/desk.py: `open_shop`,
`first_run`); a TikTok sandbox store on 127.0.0.1; a keyring backend in a file, loaded by
keyring itself in the desk's processes; then `main.py --exit-after first-orders` (the
desktop and its sync process) and the headless `main.py sync --once`.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from sqlalchemy import select

from app import config, secrets
from app.db import open_database
from app.demo_shop import DEMO_TIKTOK_APP_KEY, DEMO_TIKTOK_SHOP_NAME
from app.desk import open_shop
from app.models import Order
from app.platforms.port import Outcome
from app.platforms.tiktok.credentials import TikTokCredentials
from app.sandbox.server import SandboxServer
from app.services.setup.shop_setup import ShopChoice, entry_for, save_shop_choice
from app.shop import (
    credentials_from_json,
    credentials_to_json,
    demo_shop,
    demo_tiktok_credentials,
    tiktok_credentials,
)
from app.shop_entries import ShopEntry
from app.views.common.background import BackgroundTasks
from app.views.people.sign_in_flow import first_run, needs_first_run
from app.views.setup.first_run_wizard import FirstRunWizard
from tests.fixtures_views import when_shown
from tests.memory_keyring import MemoryKeyring, keyring_in_use
from tests.test_first_run_wizard import fill_owner, type_into
from tests.test_real_shop_path import desk_environment, file_keyring, run_desk
from tests.tiktok_sandbox import SHOP_NAME, tiktok_sandbox

__all__ = ["file_keyring", "tiktok_sandbox"]  # fixtures, shared


def answer_the_wizard_for_tiktok(qtbot, sandbox: SandboxServer) -> list[BaseException]:
    """Answers the wizard once it shows (it runs modally): the owner, TikTok Shop, "connect my
    TikTok shop" with the app's keys and the address the browser came back to, a connection
    test, "stay signed in", Finish. Failures land in the list (the wizard is then closed)."""
    failures: list[BaseException] = []

    def answer(wizard: FirstRunWizard) -> None:
        try:
            qtbot.waitUntil(lambda: wizard.shop_page.keyring_available() is not None, timeout=10_000)
            fill_owner(qtbot, wizard)
            wizard.next()
            page = wizard.shop_page
            qtbot.mouseClick(page.tiktok_choice, Qt.MouseButton.LeftButton)
            page.real_choice.setChecked(True)
            type_into(qtbot, page.app_key_edit, sandbox.app_key)
            type_into(qtbot, page.app_secret_edit, sandbox.app_secret)
            type_into(qtbot, page.gateway_edit, sandbox.url)
            address = f"https://seller-tools.example.com/tiktok/callback?code={sandbox.auth_code}&state=f00d"
            type_into(qtbot, page.auth_code_edit, address)
            assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # untested
            qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: page.test_result.text().startswith("Connected"), timeout=20_000)
            assert page.test_result.text() == f"Connected to {SHOP_NAME}"
            assert not page.test_button.isEnabled()  # the code is spent
            wizard.next()
            assert SHOP_NAME in wizard.summary_page.summary.text()
            wizard.summary_page.stay_signed_in.setChecked(True)
            qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
        except BaseException as error:  # noqa: BLE001 - reported by the test after the wizard closes
            failures.append(error)
            wizard.reject()

    when_shown(FirstRunWizard, answer)
    return failures


def orders_in(database: Path) -> int:
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT count(*) FROM orders").fetchone()[0]


@pytest.mark.slow
def test_a_tiktok_shop_connected_in_the_wizard_keeps_its_tokens_and_syncs(
    qtbot,
    tasks: BackgroundTasks,
    english,
    app_home: Path,
    tiktok_sandbox: SandboxServer,
    file_keyring: dict[str, str],
) -> None:
    settings = config.Settings.load()
    shop = open_shop(settings, None)  # nothing configured: the demo shop, with no owner yet
    assert shop is not None and needs_first_run(shop.sessions)
    failures = answer_the_wizard_for_tiktok(qtbot, tiktok_sandbox)
    started = first_run(settings, tasks, shop, reopen=lambda: open_shop(settings, None))
    if failures:
        raise failures[0]
    assert started is not None, "the wizard's answers were not taken"
    shop, owner = started
    assert owner.username == "xiaolin"
    shop.stop()  # quit
    shop.sessions.kw["bind"].dispose()

    # The desk names the shop, its platform and its name; never a secret.
    saved = config.Settings.load()
    entry = saved.current_entry()
    assert (entry.platform, entry.shop_id, entry.name, entry.demo) == (
        "tiktok",
        tiktok_sandbox.shop_id,
        SHOP_NAME,
        False,
    )
    assert [kept.key for kept in saved.shops] == [entry.key]  # in the place of the demo shop
    # The password store holds the secret and what the spent code was exchanged for.
    assert secrets.load_app_secret(tiktok_sandbox.app_key) == tiktok_sandbox.app_secret
    kept = json.loads(secrets.load_shop_tokens(tiktok_sandbox.app_key, tiktok_sandbox.shop_id) or "{}")
    assert kept["refresh_token"] and kept["access_token"] and kept["refresh_expires_at"] > 0
    assert not (app_home / secrets.SECRETS_DIR).exists()  # the keyring took them, no file
    settings_text = (app_home / config.SETTINGS_FILE).read_text(encoding="utf-8")
    for secret in (
        tiktok_sandbox.app_secret,
        kept["refresh_token"],
        kept["access_token"],
        tiktok_sandbox.auth_code,
    ):
        assert secret not in settings_text

    environment = desk_environment(app_home, file_keyring)
    mirror = app_home / "shops" / f"shop-tiktok-{tiktok_sandbox.shop_id}.sqlite"
    # The desktop: signed in (the owner stays signed in), its sync process pulls the orders
    # with the credentials and token keeper the desk hands it on its first line.
    desktop = run_desk(["--exit-after", "first-orders"], environment)
    assert desktop.returncode == 0, desktop.stderr
    assert desktop.stdout.startswith("first-orders"), desktop.stdout
    assert orders_in(mirror) > 0

    # The headless sync on the same computer: one run, with nothing but what was kept.
    headless = run_desk(["sync", "--once"], environment)
    assert headless.returncode == 0, headless.stdout + headless.stderr
    assert "online: pulled" in headless.stdout


def test_the_desk_hands_its_sync_process_the_tokens_and_where_renewed_ones_go(app_home: Path) -> None:
    """The sync process gets a TikTok shop's credentials as JSON on its first line; what a
    refresh there brings must still land where the wizard kept the first pair."""
    entry = ShopEntry(
        key="tiktok-7494", platform="tiktok", shop_id="7494", gateway="https://x.test", app_key="k1"
    )
    credentials = replace(
        tiktok_credentials(entry), app_secret="s3cret", refresh_token="R1", access_token="A1"
    )
    line = json.dumps(credentials_to_json(credentials))
    again = credentials_from_json("tiktok", json.loads(line))
    assert isinstance(again, TikTokCredentials)
    assert (again.api_base, again.app_secret, again.refresh_token, again.shop_id) == (
        "https://x.test",
        "s3cret",
        "R1",
        "7494",
    )
    with keyring_in_use(MemoryKeyring()):
        assert again.on_tokens is not None
        again.on_tokens('{"refresh_token": "R2"}')  # as the client calls it after a refresh
        assert secrets.load_shop_tokens("k1", "7494") == '{"refresh_token": "R2"}'
        # ...and what the desk's own client renewed is read back there before renewing again
        assert again.reload_kept is not None and credentials.reload_kept is not None
        assert again.reload_kept() == credentials.reload_kept() == '{"refresh_token": "R2"}'
    demo = credentials_from_json(
        "tiktok", credentials_to_json(demo_tiktok_credentials("http://127.0.0.1:1", "9", app_home / "t"))
    )
    assert demo.on_tokens is not None
    demo.on_tokens("kept")
    assert (app_home / "t").read_text(encoding="utf-8") == "kept"
    assert demo.reload_kept is not None and demo.reload_kept() == "kept"


@pytest.mark.slow
def test_the_demo_tiktok_shop_syncs_in_dollars_and_keeps_its_tokens_across_restarts(app_home: Path) -> None:
    """The demo TikTok shop beside the demo Douyin shop: its own store in a process of its
    own (`main.py sandbox --platform tiktok`), its demo code exchanged on the first sync, and
    — the store refusing a code it has seen, as TikTok does — its tokens kept for the next start."""
    entry = entry_for(ShopChoice(use_demo=True, platform="tiktok"))
    assert (entry.platform, entry.demo, entry.name) == ("tiktok", True, DEMO_TIKTOK_SHOP_NAME)
    for start in ("first", "again"):
        target = demo_shop(entry=entry)
        try:
            credentials = target.wait_credentials()
            assert isinstance(credentials, TikTokCredentials)
            if start == "again":
                assert credentials.refresh_token  # read back: no second exchange of the code
            database, sessions = open_database(target.database_url)
            try:
                report = target.engine_factory(sessions)(lambda _stream, _count: None).run_once()
                assert report.outcome is Outcome.DONE, (report.problem, report.detail)
                with sessions() as session:
                    currencies = set(session.scalars(select(Order.currency)).all())
                assert currencies == {"USD"}
            finally:
                database.dispose()
        finally:
            target.stop()


def test_without_a_keyring_a_tiktok_shop_is_kept_only_with_consent_and_then_in_protected_files(
    app_home: Path,
) -> None:
    choice = ShopChoice(
        use_demo=False,
        gateway="https://open-api.tiktokglobalshop.com",
        app_key="6dq8app",
        app_secret="s3cret",
        shop_id="7494",
        platform="tiktok",
        shop_name=SHOP_NAME,
        kept='{"refresh_token": "R1"}',
    )
    settings = config.Settings.load()
    with keyring_in_use(fail.Keyring()):
        with pytest.raises(secrets.SecretStoreUnavailable):
            save_shop_choice(settings, choice)
        assert config.Settings.load().current_entry().demo  # nothing names the shop
        assert secrets.load_shop_tokens("6dq8app", "7494") is None  # and nothing half kept
        agreed = replace(choice, allow_plain_file_secret=True)
        assert save_shop_choice(settings, agreed) == "file"
        assert secrets.load_shop_tokens("6dq8app", "7494") == '{"refresh_token": "R1"}'
        assert secrets.load_app_secret("6dq8app") == "s3cret"
    entry = config.Settings.load().current_entry()
    assert (entry.platform, entry.shop_id, entry.name, entry.app_key) == (
        "tiktok",
        "7494",
        SHOP_NAME,
        "6dq8app",
    )


@pytest.mark.slow
def test_the_first_run_can_choose_the_demo_tiktok_shop(qtbot, tasks, english, app_home: Path) -> None:
    """Where the demo shop is offered, the demo TikTok shop is too: chosen at the first run,
    the demo Douyin shop that started meanwhile gives way to it, and the owner is made there."""
    settings = config.Settings.load()
    shop = open_shop(settings, None)
    assert shop is not None

    def answer(wizard: FirstRunWizard) -> None:
        fill_owner(qtbot, wizard)
        wizard.next()
        qtbot.mouseClick(wizard.shop_page.tiktok_choice, Qt.MouseButton.LeftButton)
        assert wizard.shop_page.demo_choice.isChecked()
        wizard.next()
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    when_shown(FirstRunWizard, answer)
    started = first_run(settings, tasks, shop, reopen=lambda: open_shop(settings, None))
    assert started is not None
    shop, owner = started
    try:
        entry = config.Settings.load().current_entry()
        assert (entry.key, entry.platform, entry.demo) == ("tiktok-demo", "tiktok", True)
        assert "tiktok" in shop.database_url  # a database of its own, not the Douyin demo's
        credentials = shop.credentials()
        assert isinstance(credentials, TikTokCredentials) and credentials.app_key == DEMO_TIKTOK_APP_KEY
        assert not needs_first_run(shop.sessions)
    finally:
        shop.stop()
        shop.sessions.kw["bind"].dispose()
