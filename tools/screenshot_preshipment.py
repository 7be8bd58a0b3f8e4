"""Screenshots of a refund requested before shipment being refused by shipping, in Chinese and English.

    python tools/screenshot_preshipment.py [--out shots]

Starts the sandbox store, syncs it into a throw-away database with the real sync engine,
has a buyer ask for a refund before shipment (the sandbox's control surface; asked again
until one waits for the shop rather than being refunded at once), and opens the main
window (1366×768) as the owner: the refund queue with the request selected and its
"Refuse by shipping" dialog, a tracking number typed as a scanner types it; then the
shipping board with the order's row marked, and the confirmation the board asks for
when that order is scanned and shipped. A dialog is a window of its own: each shot is
the main window with the dialog painted where it opened.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, Qt, QTranslator  # noqa: E402
from PySide6.QtGui import QPainter, QPixmap  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from app.config import HOME_ENV, Settings  # noqa: E402
from app.core.vocabulary import OrderState, RequestKind, RequestState  # noqa: E402
from app.models import AfterSale, Order  # noqa: E402
from app.sandbox.server import SandboxServer  # noqa: E402
from app.services.people import accounts  # noqa: E402
from app.services.people.permissions import Actor, Role  # noqa: E402
from app.sync.engine import SyncEngine  # noqa: E402
from app.views.refunds.queue_view import RefundQueueView  # noqa: E402
from app.views.refunds.refuse_by_shipping_dialog import RefuseByShippingDialog  # noqa: E402
from app.views.shell.app import build_application  # noqa: E402
from app.views.shell.i18n import install_language  # noqa: E402
from app.views.shell.main_window import MainWindow  # noqa: E402
from app.views.shipping.board_view import ShippingBoardView  # noqa: E402
from tests.sandbox_control import demo_platform  # noqa: E402
from tools.screenshot import pump  # noqa: E402
from tools.screenshot_refunds import wait_for  # noqa: E402
from tools.screenshot_shipping import synced_shop  # noqa: E402

LANGUAGES = ("zh_CN", "en")
TRACKING = "SF14203568700{}"  # SF and 12 digits


def waiting_request(url: str, sessions: sessionmaker[Session]) -> tuple[str, str]:
    """A refund-before-shipment request waiting for the shop, synced: (request, order)."""
    engine = SyncEngine(demo_platform(url), sessions)
    for _ in range(30):
        made = requests.post(
            f"{url}/_sandbox/tick", json={"new_after_sales": 1, "after_sale_type": 2}, timeout=60
        ).json()
        engine.run_once()
        with sessions() as session:
            request = session.get(AfterSale, made["after_sales"][0])
            order = session.get(Order, request.order_id) if request is not None else None
            if (
                request is not None
                and order is not None
                and request.kind == RequestKind.REFUND_BEFORE_SHIPMENT
                and request.state == RequestState.AWAITING_SHOP
                and order.state == OrderState.AWAITING_SHIPMENT
            ):
                return request.aftersale_id, order.order_id
    raise SystemExit("the sandbox never left a refund request before shipment waiting")


def save_with_dialog(window: QWidget, dialog: QWidget | None, out: Path, name: str) -> None:
    """The window, and the dialog over it where it opened."""
    pump(400)
    shot = window.grab()
    if dialog is not None:
        painter = QPainter(shot)
        where = dialog.mapToGlobal(dialog.rect().topLeft()) - window.mapToGlobal(window.rect().topLeft())
        dialog_shot: QPixmap = dialog.grab()
        if where.x() < 0 or where.y() < 0 or where.x() + dialog_shot.width() > shot.width():
            where.setX(max(0, (shot.width() - dialog_shot.width()) // 2))
            where.setY(max(0, (shot.height() - dialog_shot.height()) // 3))
        painter.drawPixmap(where, dialog_shot)
        painter.end()
    path = out / f"{name}.png"
    shot.save(str(path))
    print(path)


def shots(window: MainWindow, out: Path, language: str, request_id: str, order_id: str) -> None:
    queue = window.screen_named("refunds")
    assert isinstance(queue, RefundQueueView)
    window.show_screen("refunds")
    queue.refresh()
    wait_for(lambda: queue.select_request(request_id), ms=10_000)
    queue.table().setFocus()
    QTest.keyClick(queue.table(), Qt.Key.Key_R)
    wait_for(lambda: isinstance(queue.flow.dialog, RefuseByShippingDialog), ms=10_000)
    dialog = queue.flow.dialog
    assert dialog is not None
    QTest.keyClicks(dialog.tracking_edit, TRACKING.format(1))  # type: ignore[attr-defined]
    save_with_dialog(window, dialog, out, f"preshipment_refuse_by_shipping_{language}")
    dialog.reject()

    board = window.screen_named("shipping")
    assert isinstance(board, ShippingBoardView)
    window.show_screen("shipping")
    board.refresh()
    wait_for(lambda: board.model.find(order_id) is not None, ms=10_000)
    board.select_order(order_id)
    bar = board.scan_bar
    bar.start()
    QTest.keyClicks(bar.order_edit, order_id)
    QTest.keyClick(bar.order_edit, Qt.Key.Key_Return)
    save_with_dialog(window, None, out, f"preshipment_board_row_{language}")
    QTest.keyClicks(bar.tracking_edit, TRACKING.format(2))
    QTest.keyClick(bar.tracking_edit, Qt.Key.Key_Return)
    wait_for(lambda: board.flow.dialog is not None, ms=10_000)
    save_with_dialog(window, board.flow.dialog, out, f"preshipment_board_confirm_{language}")
    board.flow.dialog.reject()  # type: ignore[union-attr]


def warehouse_shots(
    sessions: sessionmaker[Session], owner: Actor, out: Path, language: str, order_id: str
) -> None:
    """The warehouse scans the same order: the board leaves the refusal to customer service."""
    with sessions.begin() as session:
        row = accounts.add_user(
            session, owner, username="cangku", display_name="仓库小王", role=Role.WAREHOUSE,
            password="warehouse-pass-1", now=0,
        )  # fmt: skip
    warehouse = Actor(row.id, row.username, row.display_name, row.role, None, None)
    window = MainWindow(sessions, Settings(language=language), actor=warehouse)
    window.resize(1366, 768)
    window.show()
    board = window.screen_named("shipping")
    assert isinstance(board, ShippingBoardView)
    window.show_screen("shipping")
    board.refresh()
    wait_for(lambda: board.model.find(order_id) is not None, ms=10_000)
    bar = board.scan_bar
    bar.start()
    QTest.keyClicks(bar.order_edit, order_id)
    QTest.keyClick(bar.order_edit, Qt.Key.Key_Return)
    QTest.keyClicks(bar.tracking_edit, TRACKING.format(3))
    QTest.keyClick(bar.tracking_edit, Qt.Key.Key_Return)
    wait_for(lambda: board.flow.dialog is not None, ms=10_000)
    save_with_dialog(window, board.flow.dialog, out, f"preshipment_board_warehouse_{language}")
    board.flow.dialog.reject()  # type: ignore[union-attr]
    pump(200)
    window._waiting = 0
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "shots")
    # Words not yet in the shipped catalogue (a team's new strings before the merge), on top.
    parser.add_argument("--extra-qm", type=Path, default=None)
    arguments = parser.parse_args()
    out: Path = arguments.out
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="aftersales-shots-"))
    os.environ[HOME_ENV] = str(home)
    sandbox = SandboxServer(home / "sandbox.sqlite", port=0, seed=7, live=False, history_orders=600)
    sandbox.start()
    build_application(sys.argv[:1], Settings(language="zh_CN"))
    extra: QTranslator | None = None
    try:
        for language in LANGUAGES:
            install_language(language)
            if extra is not None:
                QCoreApplication.removeTranslator(extra)
                extra = None
            if arguments.extra_qm is not None and language != "en":
                extra = QTranslator(QCoreApplication.instance())
                if extra.load(str(arguments.extra_qm)):
                    QCoreApplication.installTranslator(extra)
            (home / language).mkdir()
            sessions, owner = synced_shop(home / language, sandbox.url)
            request_id, order_id = waiting_request(sandbox.url, sessions)
            window = MainWindow(sessions, Settings(language=language), actor=owner)
            window.resize(1366, 768)
            window.show()
            shots(window, out, language, request_id, order_id)
            pump(200)
            window._waiting = 0  # the screenshots close the window without the quit question
            window.close()
            warehouse_shots(sessions, owner, out, language, order_id)
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
