"""Screenshots of the main window over a seeded shop, in Chinese and English.

    python tools/screenshot.py [--out shots] [--orders 400] [--hold SECONDS]

Seeds a throw-away SQLite mirror with realistic orders (tests/builders.py), builds
the window exactly as the app does (`build_application`), selects an order with a
buyer's note and an after-sale request, and saves `widget.grab()` PNGs per language.
With --hold the English window stays on screen that long, for a capture of a real
X display (`DISPLAY=:99 QT_QPA_PLATFORM=xcb ... ; import -window root shot.png`).
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
from app.services.sync_status import SyncState, SyncStatus  # noqa: E402
from app.views.orders.view import OrdersView  # noqa: E402
from app.views.shell.app import build_application  # noqa: E402
from app.views.shell.i18n import install_language  # noqa: E402
from app.views.shell.main_window import MainWindow  # noqa: E402
from tests.builders import realistic_shop, seed  # noqa: E402


def pump(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "shots")
    parser.add_argument("--orders", type=int, default=400)
    parser.add_argument("--hold", type=float, default=0.0)
    parser.add_argument("--size", default="1440x860")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="aftersales-shots-"))
    os.environ[HOME_ENV] = str(home)

    import time

    _, session_factory = open_database(sqlite_url(home / "mirror.sqlite"))
    shop = realistic_shop(args.orders, now=int(time.time()))
    seed(session_factory, shop["orders"], shop["lines"], shop["parcels"], shop["after_sales"])
    noted = {a["order_id"] for a in shop["after_sales"]}
    showcase = next(
        (o for o in shop["orders"] if o["order_id"] in noted and o["buyer_words"]), shop["orders"][0]
    )

    settings = Settings(language="zh_CN")
    app = build_application(sys.argv[:1], settings)
    assert isinstance(app, QApplication)
    window = MainWindow(session_factory, settings)
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()
    window.sync_status.set_status(SyncStatus(SyncState.ONLINE, last_success_at=int(time.time()) - 130))
    orders = window.screen_named("orders")
    assert isinstance(orders, OrdersView)
    pump(600)
    orders.select_order(showcase["order_id"])
    pump(400)
    for language in ("zh_CN", "en"):
        install_language(language)
        pump(300)
        path = args.out / f"main_window_{language}.png"
        window.grab().save(str(path))
        print(path)
    orders.set_search_text("xyz-no-such-order")
    pump(700)
    window.grab().save(str(args.out / "orders_empty_search_en.png"))
    orders.clear_filters()
    pump(500)
    if args.hold:
        orders.select_order(showcase["order_id"])
        pump(int(args.hold * 1000))
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
