"""Screenshots of the IP-whitelist error (30002) where people see it, in Chinese and English.

    python tools/screenshot_errors.py [--out shots] [--catalogue DIR]

Starts the sandbox store, syncs it once into a throw-away database with the real sync
engine, queues a refund agreement, then has the sandbox answer every request as a gateway
does for a computer whose address is not on the app's IP whitelist (the fault
`ip_not_whitelisted`, naming 203.0.113.7). Saves, at 1366×768: the main window as the owner,
its status line saying what to do after the real engine met the error, on the refund queue
where the agreement still waits (`whitelist_status_<language>.png`); and the same window
with Settings → Change shop's connection test over it, run against the sandbox
(`whitelist_wizard_<language>.png`). `--catalogue` loads the Chinese catalogue from another
folder (a build with words not yet merged into resources/translations).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import requests  # noqa: E402
from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.config import HOME_ENV, Settings  # noqa: E402
from app.db import open_database, sqlite_url  # noqa: E402
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID  # noqa: E402
from app.platforms.douyin.client import ShopCredentials  # noqa: E402
from app.platforms.registry import connect  # noqa: E402
from app.sandbox.server import SandboxServer  # noqa: E402
from app.services.people import accounts  # noqa: E402
from app.services.sync_status import SyncState, SyncStatus  # noqa: E402
from app.shop import check_shop_keys  # noqa: E402
from app.sync.engine import SyncEngine  # noqa: E402
from app.views.common.background import BackgroundTasks  # noqa: E402
from app.views.setup.first_run_wizard import FirstRunWizard  # noqa: E402
from app.views.shell import i18n  # noqa: E402
from app.views.shell.app import build_application  # noqa: E402
from app.views.shell.main_window import MainWindow  # noqa: E402
from tests.sandbox_control import a_refund_after_shipment_to_decide, queue_refund_approval  # noqa: E402
from tools.screenshot import pump  # noqa: E402

ADDRESS = "203.0.113.7"  # a documentation address (RFC 5737)
SIZE = (1366, 768)


def fault(url: str, **body: object) -> None:
    requests.post(f"{url}/_sandbox/faults", json=body, timeout=30).raise_for_status()


def with_dialog(window: QWidget, dialog: QWidget) -> object:
    """The window's picture with the dialog painted where it would open: centred."""
    picture = window.grab()
    painter = QPainter(picture)
    over = dialog.grab()
    painter.drawPixmap(
        QPoint((picture.width() - over.width()) // 2, (picture.height() - over.height()) // 2), over
    )
    painter.end()
    return picture


def connection_test(tasks: BackgroundTasks, gateway: str) -> FirstRunWizard:
    wizard = FirstRunWizard(
        tasks, test_connection=check_shop_keys, keyring_available=lambda: True, shop_only=True
    )
    wizard.resize(680, 560)
    wizard.show()
    pump(300)
    shop = wizard.shop_page
    shop.real_choice.setChecked(True)
    for edit, text in (
        (shop.app_key_edit, DEMO_APP_KEY),
        (shop.app_secret_edit, DEMO_APP_SECRET),
        (shop.shop_id_edit, DEMO_SHOP_ID),
        (shop.gateway_edit, gateway),
    ):
        edit.setText(text)
        edit.setModified(True)
        edit.textEdited.emit(text)
    shop.test_button.click()
    for _ in range(100):
        pump(100)
        if shop.test_result.text() not in ("", shop.tr("Testing…")):
            break
    pump(200)
    return wizard


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "shots")
    parser.add_argument("--catalogue", type=Path, default=None)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.catalogue is not None:
        i18n.TRANSLATIONS_DIR = args.catalogue
    home = Path(tempfile.mkdtemp(prefix="aftersales-error-shots-"))
    os.environ[HOME_ENV] = str(home)
    now = int(time.time())
    _, sessions = open_database(sqlite_url(home / "mirror.sqlite"))
    with sessions.begin() as session:
        owner = accounts.create_owner(session, "xiaolin", "小林", "owner-pass-1", now=now - 86_400)
    sandbox = SandboxServer(home / "sandbox.sqlite", port=0, seed=7, live=False, history_orders=60)
    sandbox.start()
    requests.post(
        f"{sandbox.url}/_sandbox/tick", json={"new_after_sales": 6, "after_sale_type": 1}, timeout=60
    ).raise_for_status()
    platform = connect(ShopCredentials(sandbox.url, DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID), "douyin")
    engine = SyncEngine(platform, sessions)
    first = engine.run_once()
    assert first.outcome.value == "done", first
    with sessions.begin() as session:
        queue_refund_approval(session, a_refund_after_shipment_to_decide(session))
    fault(sandbox.url, kind="ip_not_whitelisted", count=1000, ip=ADDRESS)
    report = engine.run_once()  # the real engine meets the gateway's refusal
    assert report.outcome.value == "config_error", report
    status = SyncStatus(
        SyncState.NEEDS_ATTENTION,
        int(time.time()) - 600,
        last_error=report.problem,
        error_detail=report.detail,
        next_attempt_in_s=60,
    )

    settings = Settings(language="zh_CN")
    app = build_application(sys.argv[:1], settings)
    assert isinstance(app, QApplication)
    tasks = BackgroundTasks()
    try:
        window = MainWindow(sessions, settings, actor=owner)
        window.resize(*SIZE)
        window.show()
        window.show_screen("refunds")
        pump(800)
        window.sync_status.set_status(status)
        for language in ("zh_CN", "en"):
            i18n.install_language(language)
            pump(400)
            path = args.out / f"whitelist_status_{language}.png"
            window.grab().save(str(path))
            print(path)
            wizard = connection_test(tasks, sandbox.url)
            path = args.out / f"whitelist_wizard_{language}.png"
            with_dialog(window, wizard).save(str(path))  # type: ignore[attr-defined]
            print(path)
            wizard.close()
        # The queued agreement still waits: closing would ask whether to quit, a modal
        # question no one answers offscreen (the tool hung here).
        window.confirm_quit = lambda count: True  # type: ignore[method-assign]
        window.close()
        engine.close()
    finally:
        tasks.shutdown()
        sandbox.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
