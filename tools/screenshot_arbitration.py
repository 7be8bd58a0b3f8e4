"""Screenshots of the platform's arbitration on a request and in the dashboard, in Chinese and English.

    python tools/screenshot_arbitration.py [--out shots] [--orders 3000] [--catalogue DIR]

Starts the sandbox store (the demo shop: its history always holds a refused request the
platform's arbitration asks the shop's evidence for, and one just taken up), syncs it once
into a throw-away database with the real sync engine (which reads the evidence deadline from
the request's detail), and opens the main window (1366×768) as the owner: the refund queue
with that request selected, its row marked and its pane saying what the platform asks and by
when (`arbitration_queue_<language>.png`); then the dashboard over the last 90 days with the
escalation figure (`arbitration_dashboard_<language>.png`, and the requests behind it,
`arbitration_drill_<language>.png`). `--catalogue` loads the Chinese catalogue from another
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

from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import select  # noqa: E402

from app.config import HOME_ENV, Settings  # noqa: E402
from app.core.vocabulary import ArbitrationState  # noqa: E402
from app.db import open_database, sqlite_url  # noqa: E402
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID  # noqa: E402
from app.models import AfterSale  # noqa: E402
from app.platforms.douyin.client import ShopCredentials  # noqa: E402
from app.platforms.registry import connect  # noqa: E402
from app.sandbox.server import SandboxServer  # noqa: E402
from app.services.people import accounts  # noqa: E402
from app.sync.engine import SyncEngine  # noqa: E402
from app.views.dashboard.view import DashboardView  # noqa: E402
from app.views.refunds.queue_view import RefundQueueView  # noqa: E402
from app.views.shell import i18n  # noqa: E402
from app.views.shell.app import build_application  # noqa: E402
from app.views.shell.main_window import MainWindow  # noqa: E402
from tools.screenshot import pump  # noqa: E402
from tools.screenshot_refunds import save, wait_for  # noqa: E402

SIZE = (1366, 768)


def waiting_case(engine: SyncEngine) -> str:
    """The request whose arbitration asks for the shop's evidence, with its deadline read."""
    with engine._sessions() as session:
        found = session.scalars(
            select(AfterSale.aftersale_id).where(
                AfterSale.arbitration == ArbitrationState.AWAITING_SHOP_EVIDENCE,
                AfterSale.arbitration_deadline.is_not(None),
            )
        ).first()
    if found is None:
        raise SystemExit("the demo shop holds no arbitration awaiting the shop's evidence")
    return found


def shots(window: MainWindow, out: Path, language: str, case: str) -> None:
    queue = window.screen_named("refunds")
    assert isinstance(queue, RefundQueueView)
    window.show_screen("refunds")
    queue.refresh()
    wait_for(lambda: queue.select_request(case), ms=20_000)
    wait_for(
        lambda: (
            queue.detail_pane.detail() is not None and queue.detail_pane.detail().row.aftersale_id == case
        ),
        ms=20_000,
    )
    pump(400)
    save(window, out, f"arbitration_queue_{language}")
    dashboard = window.screen_named("dashboard")
    assert isinstance(dashboard, DashboardView)
    window.show_screen("dashboard")
    dashboard.controls.set_range(90)
    wait_for(lambda: dashboard.report() is not None and len(dashboard.report().buckets) == 90, ms=60_000)
    pump(400)
    tile = dashboard.tiles.tile("escalation_rate")
    dashboard.scroll.ensureWidgetVisible(tile)
    pump(200)
    save(window, out, f"arbitration_dashboard_{language}")
    dialog = dashboard.open_drill("escalation_rate")
    assert dialog is not None
    wait_for(lambda: len(dialog.rows()) > 0, ms=20_000)
    pump(300)
    save(dialog, out, f"arbitration_drill_{language}")
    dialog.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "shots")
    parser.add_argument("--orders", type=int, default=3000)
    parser.add_argument("--catalogue", type=Path, default=None)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.catalogue is not None:
        i18n.TRANSLATIONS_DIR = args.catalogue
    home = Path(tempfile.mkdtemp(prefix="aftersales-arbitration-shots-"))
    os.environ[HOME_ENV] = str(home)
    now = int(time.time())
    _, sessions = open_database(sqlite_url(home / "mirror.sqlite"))
    with sessions.begin() as session:
        owner = accounts.create_owner(session, "xiaolin", "小林", "owner-pass-1", now=now - 86_400)
    sandbox = SandboxServer(home / "sandbox.sqlite", port=0, seed=7, live=False, history_orders=args.orders)
    sandbox.start()
    try:
        platform = connect(
            ShopCredentials(sandbox.url, DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID), "douyin"
        )
        engine = SyncEngine(platform, sessions)
        report = engine.run_once()
        assert report.outcome.value == "done", report
        case = waiting_case(engine)
        settings = Settings(language="zh_CN")
        app = build_application(sys.argv[:1], settings)
        assert isinstance(app, QApplication)
        window = MainWindow(sessions, settings, actor=owner)
        window.resize(*SIZE)
        window.show()
        pump(800)
        for language in ("zh_CN", "en"):
            i18n.install_language(language)
            pump(400)
            shots(window, args.out, language, case)
        window.close()
        engine.close()
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
