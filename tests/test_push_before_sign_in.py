"""Decisions already made reach the platform while the desk waits at the sign-in screen.

A decision was authorised when it was made; after a restart it must not wait for
someone to sign in (the platform's deadlines do not). The desktop's own start-up
(`desktop.run`) against a shop on the real sandbox store over HTTP, with its real sync
process: while the sign-in dialog is up and nobody has signed in, the waiting approval
reaches the platform, exactly once, and no window shows anything of the shop.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app import config, desk, desktop
from app.db import open_database
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID
from app.models import OutboxOperation
from app.models import outbox as outbox_state
from app.sandbox.server import SandboxServer
from app.services.people import accounts
from app.shop import SECRET_ENV
from app.sync.engine import SyncEngine
from app.views.people.login_dialog import LoginDialog
from app.views.shell.main_window import MainWindow
from tests.fixtures_views import when_shown
from tests.sandbox_control import (
    a_refund_after_shipment_to_decide,
    applied_by_client,
    demo_platform,
    new_refunds_after_shipment,
    queue_refund_approval,
)

PUSH_TIMEOUT_MS = 60_000  # a bound on a hang (the sync process starts, then pushes), not a speed


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The shop's secret comes from the environment, as on a computer without a password store."""
    monkeypatch.setenv(SECRET_ENV, DEMO_APP_SECRET)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def a_restarted_desk(home: Path, database_url: str, sandbox: SandboxServer) -> str:
    """A desk that synced before, with an approval made but not yet sent; returns its request."""
    new_refunds_after_shipment(sandbox.url, 1)
    engine, sessions = open_database(database_url)
    with sessions.begin() as session:
        accounts.create_owner(session, "xiaolin", "小林", "correct horse 42", now=0)
    SyncEngine(demo_platform(sandbox.url), sessions).run_once()
    with sessions.begin() as session:
        request = a_refund_after_shipment_to_decide(session)
        queue_refund_approval(session, request)
        aftersale_id = request.aftersale_id
    engine.dispose()
    shop = config.ShopConnection(gateway=sandbox.url, app_key=DEMO_APP_KEY, shop_id=DEMO_SHOP_ID)
    config.Settings(language="en", shop=shop).save(home / config.SETTINGS_FILE)
    return aftersale_id


def test_a_decision_waiting_to_be_sent_reaches_the_platform_before_anyone_signs_in(
    qtbot, app_home: Path, sqlite_url: str, sandbox: SandboxServer, no_keyring: None, monkeypatch
) -> None:
    # The desktop's own last-resort hook shows a dialog; here a failure must fail the test.
    monkeypatch.setattr(desk, "install_exception_hook", lambda: None)
    aftersale_id = a_restarted_desk(app_home, sqlite_url, sandbox)
    seen: dict[str, object] = {}

    def at_the_sign_in_screen(dialog: LoginDialog) -> None:
        try:
            qtbot.waitUntil(
                lambda: applied_by_client(sandbox.url, aftersale_id) == 1, timeout=PUSH_TIMEOUT_MS
            )
            seen["sent"] = True
        except Exception as failure:  # said once the desk has closed
            seen["sent"] = failure
        # Nothing of the shop is shown to someone who has not signed in.
        seen["windows"] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        dialog.reject()  # nobody signs in: the desk closes

    when_shown(LoginDialog, at_the_sign_in_screen)
    assert desktop.run(["--db", sqlite_url]) == 0
    assert seen.get("sent") is True and seen["windows"] == []
    assert applied_by_client(sandbox.url, aftersale_id) == 1
    _, sessions = open_database(sqlite_url)
    with sessions() as session:
        assert session.scalars(select(OutboxOperation.state)).all() == [outbox_state.DONE]
