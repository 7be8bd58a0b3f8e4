"""Shipping labels of a TikTok shop (issue 16, part 4): the label PDF fetched from the TikTok
sandbox over HTTP and kept for reprints, a refusal in plain words, Qt's print preview of it on
the shipping board, and the scanner's print-and-ship that ships the order once — on real
widgets (offscreen) over a real SQLite mirror synced from the sandbox."""

from __future__ import annotations

import dataclasses
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app import config
from app.core.vocabulary import OrderState
from app.db import open_database
from app.models import Order, OutboxOperation
from app.platforms.tiktok import authorise
from app.platforms.tiktok.adapter import TikTokPlatform
from app.platforms.tiktok.client import TikTokClient
from app.platforms.tiktok.credentials import TikTokCredentials
from app.running_shops import RunningShops
from app.sandbox.server import SandboxServer
from app.services.people.permissions import Actor, Role
from app.services.shipping import label_shipping
from app.services.shipping.labels import LabelNotKept, LabelRefused, ShopLabels
from app.shop_entries import ShopEntry
from app.shop_labels import LabelShipping, PlatformLabels
from app.sync.engine import SyncEngine
from app.views.shell.main_window import MainWindow
from app.views.shipping.board_view import ShippingBoardView
from tests.people import seed_people

OWNER = Actor(1, "owner", "Owner", Role.OWNER, None, None)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    path = tmp_path_factory.mktemp("tiktok-labels") / "sandbox.sqlite"
    server = SandboxServer(path, port=0, seed=11, live=False, history_orders=300, dialect="tiktok")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def credentials(sandbox: SandboxServer) -> TikTokCredentials:
    return authorise(sandbox.url, sandbox.app_key, sandbox.app_secret, sandbox.auth_code)[0]


@pytest.fixture(scope="module")
def mirror(credentials: TikTokCredentials, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SyncEngine]:
    """The shop's mirror, synced once from the sandbox; the owner seeded."""
    platform = TikTokPlatform(TikTokClient(credentials))
    _, sessions = open_database(f"sqlite:///{tmp_path_factory.mktemp('labels-mirror') / 'mirror.sqlite'}")
    seed_people(sessions, OWNER)
    sync = SyncEngine(platform, sessions)
    assert sync.run_once().outcome.value == "done"
    yield sync
    platform.close()


def desk_for(credentials: TikTokCredentials, folder: Path) -> LabelShipping:
    live = PlatformLabels(lambda: credentials, "tiktok")
    return LabelShipping(ShopLabels(live.label, folder, platform="tiktok"), live)


def waiting_order(
    sandbox: SandboxServer, sessions: sessionmaker[Session], shipping_type: str, skip: int = 0
) -> str:
    """An order of `shipping_type` waiting to ship in the mirror and on the platform (no test
    before handed it over), no cancellation asked."""
    ids = {
        str(row[0])
        for row in sandbox.store.db.execute(
            "SELECT id FROM orders WHERE json_extract(data, '$.shipping_type') = ? AND status = "
            "'AWAITING_SHIPMENT' AND id NOT IN "
            "(SELECT order_id FROM cancellations WHERE status = 'CANCELLATION_REQUEST_PENDING')",
            (shipping_type,),
        )
    }
    with sessions() as session:
        waiting = session.scalars(
            select(Order.order_id).where(Order.state == OrderState.AWAITING_SHIPMENT).order_by(Order.order_id)
        ).all()
    return [order for order in waiting if order in ids][skip]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def ships_of(sandbox: SandboxServer, order_id: str) -> list[dict[str, object]]:
    packages = {p["id"] for p in sandbox.store.order(order_id).sim.get("packages") or []}
    return [
        e
        for e in sandbox.store.ledger_since(0)
        if e["actor"] == "seller"
        and e["entity_id"] in packages | {order_id}
        and "ship" in str(e["method"]).lower()
    ]


def test_a_tiktok_shipping_label_is_fetched_as_a_pdf_kept_and_printed_again_offline(
    sandbox: SandboxServer, mirror: SyncEngine, credentials: TikTokCredentials, tmp_path: Path
) -> None:
    desk = desk_for(credentials, tmp_path / "labels")
    order_id = waiting_order(sandbox, mirror._sessions, "TIKTOK")
    ready = label_shipping.prepare(desk, order_id)  # handed to TikTok Shipping, then its label
    kept = tmp_path / "labels" / f"{order_id}.pdf"
    assert ready.label.pdf.startswith(b"%PDF-") and kept.read_bytes() == ready.label.pdf
    assert ready.shipment.tracking_no and ready.shipment.tracking_no in pdf_text(kept)
    # The internet gone: the kept copy prints again; an order never fetched says so plainly.
    offline = dataclasses.replace(credentials, api_base="http://127.0.0.1:9")
    cut_off = desk_for(offline, tmp_path / "labels").labels
    assert cut_off.label(order_id, fresh=True).from_copy
    with pytest.raises(LabelNotKept) as refused:
        cut_off.label(waiting_order(sandbox, mirror._sessions, "TIKTOK", skip=1))
    assert "cannot be reached" in str(refused.value) and "No copy is kept" in str(refused.value)


def test_a_seller_shipped_order_has_no_label_and_says_so_in_plain_words(
    sandbox: SandboxServer, mirror: SyncEngine, credentials: TikTokCredentials, tmp_path: Path
) -> None:
    desk = desk_for(credentials, tmp_path / "labels")
    order_id = waiting_order(sandbox, mirror._sessions, "SELLER")
    with pytest.raises(LabelRefused) as refused:
        label_shipping.prepare(desk, order_id)
    assert "only for packages shipped with TikTok Shipping" in str(refused.value)
    assert "only applicable to TikTok Shipping orders" in refused.value.platform_words  # TikTok's own
    assert not ships_of(sandbox, order_id) and not (tmp_path / "labels" / f"{order_id}.pdf").exists()


def board(
    qtbot, tasks, mirror: SyncEngine, desk: LabelShipping, platform: str = "tiktok"
) -> ShippingBoardView:
    view = ShippingBoardView(tasks, mirror._sessions, OWNER, platform=platform, labels=desk)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    with qtbot.waitSignal(view.board_loaded, timeout=10_000):
        view.show()
    return view


def test_print_label_on_the_board_previews_the_labels_pages(
    qtbot,
    english,
    tasks,
    sandbox: SandboxServer,
    mirror: SyncEngine,
    credentials: TikTokCredentials,
    tmp_path: Path,
) -> None:
    desk = desk_for(credentials, tmp_path / "labels")
    order_id = waiting_order(sandbox, mirror._sessions, "TIKTOK")
    shipment = label_shipping.prepare(desk, order_id).shipment  # a label the platform gives now
    view = board(qtbot, tasks, mirror, desk)
    assert view.labels.button.isEnabled() and view.scan_bar.print_and_ship.isVisibleTo(view)
    assert view.select_order(order_id)
    view.labels.print_selected()
    qtbot.waitUntil(lambda: view.labels.printing.preview is not None, timeout=10_000)
    preview = view.labels.printing.preview
    assert preview is not None and order_id in preview.windowTitle()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    preview.paintRequested.emit(printer)  # what the preview draws, onto paper (a PDF file)
    assert pdf_pages(tmp_path / "printed.pdf") == 1
    # Printed as an image of the page: the platform's own file holds the words.
    assert shipment.tracking_no in pdf_text(tmp_path / "labels" / f"{order_id}.pdf")
    preview.close()


def test_a_douyin_shops_print_label_is_disabled_saying_why(
    qtbot, english, tasks, mirror: SyncEngine, tmp_path: Path
) -> None:
    view = board(qtbot, tasks, mirror, LabelShipping(ShopLabels(None, tmp_path), None), platform="douyin")
    assert not view.labels.button.isEnabled() and not view.scan_bar.print_and_ship.isVisibleTo(view)
    assert "Douyin prints its shipping labels" in view.labels.button.toolTip()


def test_print_and_ship_prints_the_scanned_orders_label_and_ships_it_once(
    qtbot,
    english,
    tasks,
    sandbox: SandboxServer,
    mirror: SyncEngine,
    credentials: TikTokCredentials,
    tmp_path: Path,
) -> None:
    desk = desk_for(credentials, tmp_path / "labels")
    order_id = waiting_order(sandbox, mirror._sessions, "TIKTOK")
    view = board(qtbot, tasks, mirror, desk)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "scanned.pdf"))
    chosen: list[QPrinter] = []

    def print_dialog(*_: object) -> QPrinter:  # the warehouse's answer to the print dialog
        chosen.append(printer)
        return printer

    view.labels.printing.choose_printer = print_dialog
    view.scan_bar.print_and_ship.setChecked(True)
    view.scan_bar.order_edit.setText(order_id)
    qtbot.keyClick(view.scan_bar.order_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.scan_bar.message_kind() != "hint", timeout=15_000)
    assert view.scan_bar.message_kind() == "ok", view.scan_bar.message_text()
    assert pdf_pages(tmp_path / "scanned.pdf") == 1
    with mirror._sessions() as session:
        op = session.scalars(select(OutboxOperation).where(OutboxOperation.entity_id == order_id)).one()
    tracking = json.loads(op.details).get("tracking_no", "")
    assert tracking and tracking in view.scan_bar.message_text()
    # The push finds the package shipped already: done, and the platform shipped it once.
    for _ in range(3):
        mirror.run_once()
    with mirror._sessions() as session:
        op = session.scalars(select(OutboxOperation).where(OutboxOperation.entity_id == order_id)).one()
        assert op.state == "done", (op.state, op.problem)
        assert session.get(Order, order_id).state == OrderState.SHIPPED
    assert len(ships_of(sandbox, order_id)) == 1
    # Scanned again: not waiting any more, nothing sent.
    view.scan_bar.order_edit.setText(order_id)
    qtbot.keyClick(view.scan_bar.order_edit, Qt.Key.Key_Return)
    assert view.scan_bar.message_kind() == "problem"
    assert len(ships_of(sandbox, order_id)) == 1
    # The next parcel prints on the printer chosen at the first: no dialog again.
    following = waiting_order(sandbox, mirror._sessions, "TIKTOK")
    view.scan_bar.order_edit.setText(following)
    qtbot.keyClick(view.scan_bar.order_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.scan_bar.message_kind() != "hint", timeout=15_000)
    assert view.scan_bar.message_kind() == "ok", view.scan_bar.message_text()
    assert len(chosen) == 1 and len(ships_of(sandbox, following)) == 1
    for _ in range(3):  # nothing left waiting for the platform (a window closing would ask)
        mirror.run_once()


def test_the_desks_window_gives_a_tiktok_shops_board_its_labels_kept_in_the_shops_folder(
    qtbot, english, app_home: Path, sandbox: SandboxServer, mirror: SyncEngine, credentials: TikTokCredentials
) -> None:
    """The desk (RunningShops.adopt with the shop's credentials, as app/desk.py does) builds the
    shop's labels with its adapter in the desk's process; the window hands them to the board."""
    entry = ShopEntry("tiktok-demo", platform="tiktok", name="Maple & Pine", demo=True)
    settings = config.Settings(language="en", shops=[entry], current_shop=entry.key)
    running = RunningShops(settings)
    running.adopt(entry, mirror._sessions, "sqlite://", None, lambda: None, credentials=lambda: credentials)
    window = MainWindow(mirror._sessions, settings, None, actor=OWNER, shops=running, shop_key=entry.key)
    qtbot.addWidget(window)
    board_view = window.screen_named("shipping")
    assert isinstance(board_view, ShippingBoardView) and board_view.labels.button.isEnabled()
    order_id = waiting_order(sandbox, mirror._sessions, "TIKTOK")
    desk = running.shop(entry.key).labels
    assert desk is not None
    label_shipping.prepare(desk, order_id)
    assert (app_home / "labels" / entry.key / f"{order_id}.pdf").read_bytes().startswith(b"%PDF-")


def test_print_label_of_a_seller_shipped_order_says_why_there_is_none(
    qtbot,
    english,
    tasks,
    sandbox: SandboxServer,
    mirror: SyncEngine,
    credentials: TikTokCredentials,
    tmp_path: Path,
) -> None:
    view = board(qtbot, tasks, mirror, desk_for(credentials, tmp_path / "labels"))
    order_id = waiting_order(sandbox, mirror._sessions, "SELLER")
    assert view.select_order(order_id)
    view.labels.print_selected()
    qtbot.waitUntil(lambda: view.labels.problem is not None, timeout=10_000)
    words = view.labels.problem.text()
    assert order_id in words and "only for packages shipped with TikTok Shipping" in words
    assert view.labels.printing.preview is None and view.labels.button.isEnabled()


def test_print_and_ship_asks_the_platform_nothing_while_the_buyer_asks_to_cancel(
    qtbot,
    english,
    tasks,
    sandbox: SandboxServer,
    mirror: SyncEngine,
    credentials: TikTokCredentials,
    tmp_path: Path,
) -> None:
    """A cancellation waiting for the shop: the app's own check says so before the order is
    handed to TikTok Shipping, and no label is fetched."""
    pending = {
        str(row[0])
        for row in sandbox.store.db.execute(
            "SELECT order_id FROM cancellations WHERE status = 'CANCELLATION_REQUEST_PENDING'"
        )
    }
    with mirror._sessions() as session:
        waiting = session.scalars(
            select(Order.order_id).where(Order.state == OrderState.AWAITING_SHIPMENT)
        ).all()
    order_id = next(order for order in waiting if order in pending)
    view = board(qtbot, tasks, mirror, desk_for(credentials, tmp_path / "labels"))
    view.labels.printing.choose_printer = lambda *_: pytest.fail("nothing to print")  # type: ignore[assignment]
    view.scan_bar.print_and_ship.setChecked(True)
    view.scan_bar.order_edit.setText(order_id)
    qtbot.keyClick(view.scan_bar.order_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.scan_bar.message_kind() != "hint", timeout=15_000)
    assert view.scan_bar.message_kind() == "problem"
    assert "asked for a refund before shipment" in view.scan_bar.message_text()
    assert view.scan_bar.order_edit.text() == order_id  # kept: Enter tries again once decided
    assert not ships_of(sandbox, order_id) and not (tmp_path / "labels" / f"{order_id}.pdf").exists()


def test_a_shipped_orders_label_is_reprinted_from_the_scan_bar_with_the_internet_down(
    qtbot,
    english,
    tasks,
    sandbox: SandboxServer,
    mirror: SyncEngine,
    credentials: TikTokCredentials,
    tmp_path: Path,
) -> None:
    order_id = waiting_order(sandbox, mirror._sessions, "TIKTOK")
    label_shipping.prepare(desk_for(credentials, tmp_path / "labels"), order_id)  # printed once, kept
    mirror.run_once()  # shipped since: off the board
    offline = dataclasses.replace(credentials, api_base="http://127.0.0.1:9")
    view = board(qtbot, tasks, mirror, desk_for(offline, tmp_path / "labels"))
    assert not view.select_order(order_id)
    view.tree.clearSelection()
    view.scan_bar.order_edit.setText(order_id)  # scanned from the parcel's packing slip
    view.labels.print_selected()
    qtbot.waitUntil(lambda: view.labels.printing.preview is not None, timeout=10_000)
    assert order_id in view.labels.printing.preview.windowTitle()
    view.labels.printing.preview.close()
