"""Screenshots of the shipping board, the scanner flow and the paper, in Chinese and English.

    python tools/screenshot_shipping.py [--out shots]

Starts the sandbox store (the demo shop: 3,000 orders of history, some overdue, some
parcels never scanned), syncs it once into a throw-away database with the real sync
engine, opens the main window (1366×768) on the shipping board as the owner, scans an
order and a tracking number the way a barcode scanner types them, and saves
`widget.grab()` PNGs: the board, a refusal, the carrier recognised before Enter, the
scanner's confirmation, an order already shipped, the preview of a shipping file
written as warehouses write them, the parcels without a pickup scan; then writes the
pick list and three packing slips as PDF and renders their first pages to PNG with
pdftoppm (poppler-utils) when it is installed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from sqlalchemy import select  # noqa: E402

from app.config import HOME_ENV, Settings  # noqa: E402
from app.core.vocabulary import OrderState  # noqa: E402
from app.db import open_database, sqlite_url  # noqa: E402
from app.models import Order  # noqa: E402
from app.sandbox.server import SandboxServer  # noqa: E402
from app.services.people import accounts  # noqa: E402
from app.sync.engine import SyncEngine  # noqa: E402
from app.views.shell.app import build_application  # noqa: E402
from app.views.shell.i18n import install_language  # noqa: E402
from app.views.shell.main_window import MainWindow  # noqa: E402
from app.views.shipping.board_view import ShippingBoardView  # noqa: E402
from app.views.shipping.import_dialog import ShipmentImportDialog  # noqa: E402
from tests.sandbox_control import demo_platform  # noqa: E402
from tools.screenshot import pump  # noqa: E402
from tools.screenshot_refunds import save, wait_for  # noqa: E402

LANGUAGES = ("zh_CN", "en")


def synced_shop(home: Path, store_url: str):  # type: ignore[no-untyped-def]
    _, sessions = open_database(sqlite_url(home / "mirror.sqlite"))
    with sessions.begin() as session:
        owner = accounts.create_owner(session, "xiaolin", "小林", "owner-pass-1", now=0)
    SyncEngine(demo_platform(store_url), sessions).run_once()
    return sessions, owner


def scan(board: ShippingBoardView, order_id: str, tracking: str) -> None:
    bar = board.scan_bar
    bar.start()
    QTest.keyClicks(bar.order_edit, order_id)
    QTest.keyClick(bar.order_edit, Qt.Key.Key_Return)
    QTest.keyClicks(bar.tracking_edit, tracking)
    QTest.keyClick(bar.tracking_edit, Qt.Key.Key_Return)


def render_pdf(pdf: Path, out: Path, name: str) -> None:
    if shutil.which("pdftoppm") is None:
        print(f"{pdf} (pdftoppm not installed: no PNG)")
        return
    subprocess.run(
        ["pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", str(pdf), str(out / name)], check=True
    )
    print(next(out.glob(f"{name}*.png")))


def shots(window: MainWindow, out: Path, language: str) -> None:
    board = window.screen_named("shipping")
    assert isinstance(board, ShippingBoardView)
    window.show_screen("shipping")
    board.refresh()
    wait_for(lambda: bool(board.model.rows()))
    save(window, out, f"shipping_board_{language}")

    rows = [row for row in board.model.rows() if not row.refund_request and not row.pending_tracking]
    scan(board, rows[0].order_id, "SF0000000000")  # one digit short for SF
    wait_for(lambda: board.scan_bar.message_kind() == "problem")
    save(window, out, f"shipping_scan_refused_{language}")
    tracking = board.scan_bar.tracking_edit  # still focused, the wrong number selected
    QTest.keyClicks(tracking, "SF1234567890" + ("12" if language == "en" else "34"))
    save(window, out, f"shipping_scan_recognised_{language}")  # before Enter
    QTest.keyClick(tracking, Qt.Key.Key_Return)
    wait_for(lambda: board.scan_bar.message_kind() == "ok")
    save(window, out, f"shipping_scan_shipped_{language}")

    with board._sessions() as session:  # an order shipped long ago, scanned again
        shipped = session.scalar(select(Order.order_id).where(Order.state == OrderState.SHIPPED).limit(1))
    if shipped:
        bar = board.scan_bar
        bar.start()
        QTest.keyClicks(bar.order_edit, shipped)
        QTest.keyClick(bar.order_edit, Qt.Key.Key_Return)
        wait_for(lambda: shipped in bar.message_text() and "{" not in bar.message_text())
        pump(300)
        save(window, out, f"shipping_scan_already_shipped_{language}")
    import_preview(window, board, out, language, [row.order_id for row in rows[4:12]])

    board.tabs.setCurrentIndex(1)
    save(window, out, f"shipping_no_pickup_{language}")
    board.tabs.setCurrentIndex(0)

    board.setProperty("pdf_folder", str(out))
    printed: list[str] = []
    board.printed.connect(printed.append)
    board.print_pick_list()
    wait_for(lambda: len(printed) == 1)
    render_pdf(Path(printed[0]), out, f"shipping_pick_list_{language}")
    for row in rows[1:4]:
        board.tree.selectionModel().select(
            board.model.index_of(row.order_id),
            board.tree.selectionModel().SelectionFlag.Select | board.tree.selectionModel().SelectionFlag.Rows,
        )
    board.print_packing_slips()
    wait_for(lambda: len(printed) == 2)
    render_pdf(Path(printed[1]), out, f"shipping_packing_slip_{language}")


def import_preview(
    window: MainWindow, board: ShippingBoardView, out: Path, language: str, order_ids: list[str]
) -> None:
    """The preview of a shipping file written as warehouses write it: short carrier
    names, full company names, an empty carrier, a name of no carrier, a typo."""
    carriers = ["顺丰", "中通快递股份有限公司", "J&T", "", "小李的快递", "德邦", "圆通", "顺丰"]
    numbers = ["SF1420356870{:02d}", "7581203947{:02d}", "JT54029183764{:02d}", "SF1420356871{:02d}",
               "YT65120839472{:02d}", "DPK2025123400{:02d}", "YT6512", "SF1420356872{:02d}"]  # fmt: skip
    lines = ["订单号,快递公司,运单号"] + [
        f"{order_id},{carrier},{number.format(index)}"
        for index, (order_id, carrier, number) in enumerate(zip(order_ids, carriers, numbers, strict=False))
    ]
    path = out / f"shipping_file_{language}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    dialog = ShipmentImportDialog(board._tasks, board._sessions, board._actor, window, path=path)
    dialog.show()
    wait_for(lambda: dialog.model.rowCount() > 0)
    save(dialog, out, f"shipping_import_preview_{language}")
    dialog.reject()
    path.unlink()


def shoot_synced_shop(
    shots: Callable[[MainWindow, Path, str], None],
    out: Path,
    *,
    orders: int = 3_000,
    height: int = 860,
    width: int = 1440,
) -> None:
    """Start the sandbox store with `orders` of history, and for each language sync it
    into a fresh database, open the main window as the owner and call `shots`."""
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="aftersales-shots-"))
    os.environ[HOME_ENV] = str(home)
    sandbox = SandboxServer(home / "sandbox.sqlite", port=0, seed=7, live=False, history_orders=orders)
    sandbox.start()
    build_application(sys.argv[:1], Settings(language="zh_CN"))
    try:
        for language in LANGUAGES:
            install_language(language)
            (home / language).mkdir()
            sessions, owner = synced_shop(home / language, sandbox.url)
            window = MainWindow(sessions, Settings(language=language), actor=owner)
            window.resize(width, height)
            window.show()
            shots(window, out, language)
            pump(200)
            window._waiting = 0  # the screenshots close the window without the quit question
            window.close()
    finally:
        sandbox.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "shots")
    shoot_synced_shop(shots, parser.parse_args().out, width=1366, height=768)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
