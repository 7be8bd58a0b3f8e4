"""Screenshots of an exchange's returned goods confirmed and the new goods sent, in Chinese and English.

    python tools/screenshot_exchanges.py [--out shots]

Starts the sandbox store, syncs it into a throw-away database with the real sync engine,
has buyers ask for exchanges (the sandbox's control surface), agrees them to the shop's
return address through the decision service and the push, and lets the sandbox's days
pass until a buyer's parcel comes back (status 11). Then opens the main window
(1366×768) as the owner: the refund queue with that exchange selected and its "Confirm
receipt and send the new goods" dialog (A), a tracking number typed as a scanner types
it and its carrier recognised; the same dialog after confirming a number that is not
the chosen carrier's, with the words saying why; and the queue showing a resend that
waits for the shop's shipment (status 8) with its deadline. A dialog is a window of its
own: each shot is the main window with the dialog painted where it opened.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from app.config import HOME_ENV, Settings  # noqa: E402
from app.core.vocabulary import RequestState  # noqa: E402
from app.models import AfterSale  # noqa: E402
from app.sandbox.server import SandboxServer  # noqa: E402
from app.services.people.permissions import Actor  # noqa: E402
from app.services.refunds import decisions  # noqa: E402
from app.sync.engine import SyncEngine  # noqa: E402
from app.views.refunds.exchange_dialogs import SendGoodsDialog  # noqa: E402
from app.views.refunds.queue_view import RefundQueueView  # noqa: E402
from app.views.shell.app import build_application  # noqa: E402
from app.views.shell.i18n import install_language  # noqa: E402
from app.views.shell.main_window import MainWindow  # noqa: E402
from tests.sandbox_control import demo_platform  # noqa: E402
from tools.screenshot import pump  # noqa: E402
from tools.screenshot_preshipment import save_with_dialog  # noqa: E402
from tools.screenshot_refunds import wait_for  # noqa: E402
from tools.screenshot_shipping import synced_shop  # noqa: E402

LANGUAGES = ("zh_CN", "en")
ADDRESS = "7100000000000000001"


def tick(url: str, kind: int, count: int) -> list[str]:
    made = requests.post(
        f"{url}/_sandbox/tick", json={"new_after_sales": count, "after_sale_type": kind}, timeout=60
    ).json()
    return list(made["after_sales"])


def state_of(sessions: sessionmaker[Session], aftersale_id: str) -> str | None:
    with sessions() as session:
        request = session.get(AfterSale, aftersale_id)
        return request.state if request is not None else None


def agreed(url: str, sessions: sessionmaker[Session], owner: Actor, kind: int, count: int) -> list[str]:
    """`count` new requests of `kind`, agreed through the decision service and the push."""
    engine = SyncEngine(demo_platform(url), sessions)
    made = tick(url, kind, count)
    engine.run_once()
    with sessions.begin() as session:
        for aftersale_id in made:
            address = ADDRESS if kind == 3 else None
            decisions.approve_exchange(
                session, owner, aftersale_id, return_address_id=address, now=int(time.time())
            )
    engine.run_once()
    return made


def an_exchange_back(url: str, sessions: sessionmaker[Session], owner: Actor) -> str:
    """An exchange whose goods came back to the shop (status 11), synced."""
    made = agreed(url, sessions, owner, 3, 4)
    engine = SyncEngine(demo_platform(url), sessions)
    for _ in range(12):
        requests.post(f"{url}/_sandbox/clock", json={"advance_s": 12 * 3600}, timeout=60)
        engine.run_once()
        for aftersale_id in made:
            if state_of(sessions, aftersale_id) == RequestState.RETURN_AWAITING_INSPECTION:
                return aftersale_id
    raise SystemExit("no buyer sent the exchange's goods back")


def shots(window: MainWindow, out: Path, language: str, exchange: str, resend: str) -> None:
    queue = window.screen_named("refunds")
    assert isinstance(queue, RefundQueueView)
    window.show_screen("refunds")
    queue.refresh()
    wait_for(lambda: queue.select_request(exchange), ms=10_000)
    queue.table().setFocus()
    QTest.keyClick(queue.table(), Qt.Key.Key_A)
    wait_for(lambda: isinstance(queue.flow.dialog, SendGoodsDialog), ms=10_000)
    dialog = queue.flow.dialog
    assert isinstance(dialog, SendGoodsDialog)
    QTest.keyClicks(dialog.tracking_edit, "7581 2039 4756")  # as a scanner with spaces types it
    save_with_dialog(window, dialog, out, f"exchange_send_goods_{language}")
    dialog.tracking_edit.clear()
    dialog.carrier_combo.setCurrentIndex(dialog.carrier_combo.findData("shunfeng"))
    QTest.keyClicks(dialog.tracking_edit, "758120394756")
    QTest.keyClick(dialog.tracking_edit, Qt.Key.Key_Return)  # Enter confirms, as the scanner presses it
    wait_for(lambda: bool(dialog.error_text()), ms=10_000)
    save_with_dialog(window, dialog, out, f"exchange_send_goods_refused_{language}")
    dialog.reject()
    wait_for(lambda: queue.select_request(resend), ms=10_000)
    save_with_dialog(window, None, out, f"exchange_resend_awaiting_shipment_{language}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "shots")
    out: Path = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="aftersales-shots-"))
    os.environ[HOME_ENV] = str(home)
    build_application(sys.argv[:1], Settings(language="zh_CN"))
    for language in LANGUAGES:
        install_language(language)
        (home / language).mkdir()
        # A store per language: the days that pass for one shop's parcels do not pass for the other's.
        sandbox = SandboxServer(
            home / language / "sandbox.sqlite", port=0, seed=7, live=False, history_orders=600
        )
        sandbox.start()
        try:
            sessions, owner = synced_shop(home / language, sandbox.url)
            (resend,) = agreed(sandbox.url, sessions, owner, 7, 1)
            exchange = an_exchange_back(sandbox.url, sessions, owner)
            window = MainWindow(sessions, Settings(language=language), actor=owner)
            window.resize(1366, 768)
            window.show()
            shots(window, out, language, exchange, resend)
            pump(200)
            window._waiting = 0  # the screenshots close the window without the quit question
            window.close()
        finally:
            sandbox.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
