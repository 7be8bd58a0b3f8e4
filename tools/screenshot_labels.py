"""Screenshots of a TikTok shop's shipping labels: the board's print preview of a label and
the scanner's print-and-ship mode, at 1366 × 768, in English and Chinese.

    python tools/screenshot_labels.py [--out shots/labels]

Starts the TikTok sandbox store in this process (300 orders, loopback HTTP), syncs a
throw-away mirror from it with the app's own sync engine, hands one TikTok Shipping order to
the platform's carrier and fetches its label as the desk does (app/shop_labels.py), then
opens the board's "Print label" preview and grabs it (`widget.grab()`, offscreen).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.config import HOME_ENV, Settings  # noqa: E402
from app.db import open_database, sqlite_url  # noqa: E402
from app.platforms.tiktok import authorise  # noqa: E402
from app.platforms.tiktok.adapter import TikTokPlatform  # noqa: E402
from app.platforms.tiktok.client import TikTokClient  # noqa: E402
from app.sandbox.server import SandboxServer  # noqa: E402
from app.services.people.permissions import Actor, Role  # noqa: E402
from app.services.shipping import label_shipping  # noqa: E402
from app.shop_labels import shop_labels  # noqa: E402
from app.sync.engine import SyncEngine  # noqa: E402
from app.views.common.background import BackgroundTasks  # noqa: E402
from app.views.shell.app import build_application  # noqa: E402
from app.views.shell.i18n import install_language  # noqa: E402
from app.views.shipping.board_view import ShippingBoardView  # noqa: E402
from tests.people import seed_people  # noqa: E402

OWNER = Actor(1, "owner", "Owner", Role.OWNER, None, None)
SIZE = (1366, 768)


def pump(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(condition, timeout_ms: int = 15_000) -> None:  # type: ignore[no-untyped-def]
    waited = 0
    while not condition() and waited < timeout_ms:
        pump(50)
        waited += 50
    if not condition():
        raise SystemExit("timed out")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "shots" / "labels")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="aftersales-labels-"))
    os.environ[HOME_ENV] = str(home)

    sandbox = SandboxServer(
        home / "tt.sqlite", port=0, seed=11, live=False, history_orders=300, dialect="tiktok"
    )
    sandbox.start()
    try:
        credentials = authorise(sandbox.url, sandbox.app_key, sandbox.app_secret, sandbox.auth_code)[0]
        _, sessions = open_database(sqlite_url(home / "mirror.sqlite"))
        seed_people(sessions, OWNER)
        platform = TikTokPlatform(TikTokClient(credentials))
        SyncEngine(platform, sessions).run_once()
        desk = shop_labels("tiktok-demo", "tiktok", lambda: credentials)
        waiting = [
            str(row[0])
            for row in sandbox.store.db.execute(
                "SELECT id FROM orders WHERE status = 'AWAITING_SHIPMENT' AND "
                "json_extract(data, '$.shipping_type') = 'TIKTOK' ORDER BY id"
            )
        ]
        order_id = ""

        settings = Settings(language="zh_CN")
        app = build_application(sys.argv[:1], settings)
        assert isinstance(app, QApplication)
        tasks = BackgroundTasks()
        for language in ("en", "zh_CN"):
            install_language(language)
            board = ShippingBoardView(tasks, sessions, OWNER, platform="tiktok", labels=desk)
            loaded: list[bool] = []
            board.board_loaded.connect(lambda flag=loaded: flag.append(True))
            board.resize(*SIZE)
            board.show()
            wait_for(lambda flag=loaded: bool(flag))  # type: ignore[misc]
            board.scan_bar.print_and_ship.setChecked(True)
            if not order_id:  # the first TikTok Shipping order the board shows
                order_id = next(o for o in waiting if board.select_order(o))
                label_shipping.prepare(desk, order_id)  # handed to TikTok Shipping: its label exists now
            board.select_order(order_id)
            pump(300)
            board.grab().save(str(args.out / f"board_print_and_ship_{language}.png"))
            board.labels.print_selected()
            wait_for(lambda b=board: b.labels.printing.preview is not None)  # type: ignore[misc]
            preview = board.labels.printing.preview
            assert preview is not None
            preview.resize(*SIZE)
            pump(800)
            path = args.out / f"label_preview_{language}.png"
            preview.grab().save(str(path))
            print(path)
            preview.close()
            board.close()
            board.deleteLater()
            pump(100)
        tasks.shutdown()
        platform.close()
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
