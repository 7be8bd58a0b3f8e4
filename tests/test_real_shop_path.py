"""The path a real shop takes: the first-run wizard → quit → start again → synced.

Real parts throughout: the wizard's own widgets driven as a person would, through the
desk's own start-up steps (app/desk.py: `open_shop`, `first_run`); a sandbox store on 127.0.0.1
standing in for the platform; the secret kept where the wizard put it (a keyring
backend in a file, loaded by keyring itself in the other processes, or the protected
file the owner consented to); then the desk started again as a process of its own —
the desktop with its sync process, and the headless `main.py sync --once`. Nothing
hands the secret over but the store the wizard wrote.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from app import config, secrets
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID
from app.desk import open_shop
from app.sandbox.server import SandboxServer
from app.shop import SECRET_ENV
from app.views.common.background import BackgroundTasks
from app.views.people.sign_in_flow import first_run, needs_first_run
from app.views.setup.first_run_wizard import FirstRunWizard
from tests.file_keyring import BACKEND_NAME, KEYRING_FILE_ENV, FileKeyring
from tests.fixtures_views import when_shown
from tests.test_first_run_wizard import fill_owner, fill_shop, next_enabled

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 180  # a bound on a hang, not a speed requirement


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """A keyring this process and the desk's processes share; yields their environment."""
    monkeypatch.setenv(KEYRING_FILE_ENV, str(tmp_path / "keyring.json"))
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield {"PYTHON_KEYRING_BACKEND": BACKEND_NAME, KEYRING_FILE_ENV: str(tmp_path / "keyring.json")}
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[dict[str, str]]:
    """A computer without a password store, here and in the desk's processes."""
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    keyring.set_keyring(previous)


def answer_the_wizard(qtbot, gateway: str, *, consent_to_file: bool) -> list[BaseException]:
    """Answers the first-run wizard once it shows (it runs modally): the owner, "connect
    my shop" with the sandbox's credentials, a connection test, "stay signed in", Finish.
    Returns the list any failure lands in (the wizard is then closed, so nothing hangs)."""
    failures: list[BaseException] = []

    def answer(wizard: FirstRunWizard) -> None:
        try:
            qtbot.waitUntil(lambda: wizard.shop_page.keyring_available() is not None, timeout=10_000)
            fill_owner(qtbot, wizard)
            wizard.next()
            fill_shop(qtbot, wizard, gateway=gateway)
            page = wizard.shop_page
            if consent_to_file:
                assert page.plain_file_box.isVisible() and not next_enabled(wizard)
                page.plain_file_box.setChecked(True)
            qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: page.test_result.text().startswith("Connected"), timeout=20_000)
            wizard.next()
            assert wizard.currentPage() is wizard.summary_page
            wizard.summary_page.stay_signed_in.setChecked(True)
            qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
        except BaseException as error:  # noqa: BLE001 - reported by the test after the wizard closes
            failures.append(error)
            wizard.reject()

    when_shown(FirstRunWizard, answer)
    return failures


def connect_the_real_shop_in_the_wizard(
    qtbot, tasks: BackgroundTasks, sandbox: SandboxServer, *, consent_to_file: bool
) -> None:
    """The desk's first start, as app/desktop.py runs it, up to the person at the window; then quit."""
    settings = config.Settings.load()
    shop = open_shop(settings, None)  # nothing configured: the demo shop, with no owner yet
    assert shop is not None and needs_first_run(shop.sessions)
    failures = answer_the_wizard(qtbot, sandbox.url, consent_to_file=consent_to_file)
    started = first_run(settings, tasks, shop, reopen=lambda: open_shop(settings, None))
    if failures:
        raise failures[0]
    assert started is not None, "the wizard's answers were not taken"
    shop, owner = started
    assert owner.username == "xiaolin"
    shop.stop()  # quit
    shop.sessions.kw["bind"].dispose()


def desk_environment(app_home: Path, secret_store: dict[str, str]) -> dict[str, str]:
    environment = {**os.environ, config.HOME_ENV: str(app_home), "QT_QPA_PLATFORM": "offscreen"}
    environment.pop(SECRET_ENV, None)  # the secret must come from where the wizard kept it
    environment.update(secret_store)
    return environment


def run_desk(argv: list[str], environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [sys.executable, "main.py", *argv],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=START_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired as hung:
        logs = Path(environment[config.HOME_ENV]) / "logs"
        tails = {p.name: p.read_text(encoding="utf-8")[-3000:] for p in logs.glob("*.log")}
        raise AssertionError(f"main.py {' '.join(argv)} did not finish: {hung.output!r} {tails}") from None


def shop_orders(app_home: Path) -> int:
    database = app_home / "shops" / f"shop-{DEMO_SHOP_ID}.sqlite"  # config.shop_database_url's name
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT count(*) FROM orders").fetchone()[0]


def assert_the_secret_is_not_in_settings(app_home: Path) -> None:
    settings_text = (app_home / config.SETTINGS_FILE).read_text(encoding="utf-8")
    assert DEMO_APP_KEY in settings_text and DEMO_APP_SECRET not in settings_text


@pytest.mark.slow
def test_a_shop_connected_in_the_wizard_syncs_when_the_desk_starts_again(
    qtbot, tasks, english, app_home: Path, sandbox: SandboxServer, file_keyring: dict[str, str]
) -> None:
    connect_the_real_shop_in_the_wizard(qtbot, tasks, sandbox, consent_to_file=False)
    assert secrets.load_app_secret(DEMO_APP_KEY) == DEMO_APP_SECRET
    assert not (app_home / secrets.SECRETS_DIR).exists()  # the keyring took it, no file
    assert_the_secret_is_not_in_settings(app_home)
    environment = desk_environment(app_home, file_keyring)

    # The desktop: signed in (the owner stays signed in), its sync process pulls the orders.
    desktop = run_desk(["--exit-after", "first-orders"], environment)
    assert desktop.returncode == 0, desktop.stderr
    assert desktop.stdout.startswith("first-orders"), desktop.stdout
    assert shop_orders(app_home) > 0

    # The headless service on the same computer: one run, signed with the kept secret.
    headless = run_desk(["sync", "--once"], environment)
    assert headless.returncode == 0, headless.stdout + headless.stderr
    assert "online: pulled" in headless.stdout


@pytest.mark.slow
def test_without_a_keyring_the_protected_file_carries_the_secret_to_the_sync_service(
    qtbot, tasks, english, app_home: Path, sandbox: SandboxServer, no_keyring: dict[str, str]
) -> None:
    connect_the_real_shop_in_the_wizard(qtbot, tasks, sandbox, consent_to_file=True)
    assert secrets.secret_file(DEMO_APP_KEY).read_text(encoding="utf-8") == DEMO_APP_SECRET
    assert_the_secret_is_not_in_settings(app_home)

    headless = run_desk(["sync", "--once"], desk_environment(app_home, no_keyring))
    assert headless.returncode == 0, headless.stdout + headless.stderr
    assert "online: pulled" in headless.stdout
    assert shop_orders(app_home) > 0
