"""Shipping from a spreadsheet: files as Excel and platform exports really save them are
read (CSV in UTF-8 with or without BOM and in GB18030, XLSX; English or Chinese headers
in any order), every row is previewed with the reason it cannot be shipped in plain
words before anything is sent, ids Excel turned into numbers are refused and never
guessed, and shipping queues exactly the good rows, all or nothing.

Real files written in tmp_path (openpyxl for .xlsx), a real migrated SQLite file
(PostgreSQL too where the outbox is written), the dialog driven with pytest-qt.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHeaderView
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import OrderState
from app.db import open_database
from app.models import AuditEvent, OutboxOperation
from app.platforms.douyin.codes import OrderStatus
from app.services.people.permissions import Actor, PermissionDenied, Role
from app.services.shipping import shipment_file, shipment_import
from app.services.shipping import shipments as shipping
from app.services.shipping.shipment_import import BatchShipRefused, ImportFileProblem, ImportRow
from app.views.common.background import BackgroundTasks
from app.views.shipping.import_dialog import ImportPreviewModel, ShipmentImportDialog
from tests.builders import NOW, order_row, parcel_row, seed
from tests.fixtures_views import actor_of, add_person
from tests.people import seed_people

WAREHOUSE = Actor(3, "wu", "Wu", Role.WAREHOUSE, None, None)

WAITING = tuple(f"69000000000000001{n:02d}" for n in range(1, 8))  # seven orders to ship
FIRST, SECOND, THIRD, FOURTH, FIFTH, SIXTH, SEVENTH = WAITING
CANCELLED = "6900000000000000201"
SHIPPED = "6900000000000000202"  # left with SHIPPED_PARCEL
UNKNOWN = "6900000000000000999"  # never synced here
SHIPPED_PARCEL = "SF100000000202"
SF1, SF2, SF3 = "SF142035687011", "SF142035687012", "SF142035687013"
ZT1, ZT2 = "75812039475601", "75812039475701"


def seed_shop(sessions: sessionmaker[Session]) -> None:
    """Seven orders waiting to ship, one cancelled, one shipped with SHIPPED_PARCEL."""
    seed_people(sessions, WAREHOUSE)
    orders = [order_row(order_id=order_id) for order_id in WAITING]
    cancelled = order_row(order_id=CANCELLED, status=int(OrderStatus.CANCELLED))
    shipped = order_row(order_id=SHIPPED, status=int(OrderStatus.SHIPPED))
    seed(sessions, [*orders, cancelled, shipped], (), [parcel_row(shipped, tracking_no=SHIPPED_PARCEL)])


def write_csv(path: Path, lines: list[str], encoding: str = "utf-8-sig") -> Path:
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")  # Excel ends lines with CRLF
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def cells(rows: list[ImportRow]) -> list[tuple[int, str, str, str]]:
    return [(row.row_number, row.order_id, row.carrier, row.tracking_no) for row in rows]


def problems(previews: list[shipment_import.PreviewRow]) -> dict[int, str | None]:
    """Row number -> the plain English reason it cannot be shipped (None: ready)."""
    return {row.row_number: None if row.problem is None else str(row.problem) for row in previews}


def outbox_shipments(sessions: sessionmaker[Session]) -> dict[str, dict]:
    with sessions() as session:
        ops = session.scalars(select(OutboxOperation).where(OutboxOperation.action == "ship"))
        return {op.entity_id: json.loads(op.details) for op in ops}


# --- reading files -------------------------------------------------------------------------------
def test_a_csv_utf8_with_bom_is_read_by_english_headers_in_any_order_ignoring_extra_columns(tmp_path):
    path = write_csv(
        tmp_path / "today.csv",
        [
            "Tracking Number,Buyer,Order ID,Carrier",
            f"sf 1420 3568 7011,张三,{FIRST},shunfeng",
            f"{ZT1},李四,{SECOND},中通快递",
        ],
    )
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert cells(shipment_import.read_shipment_file(path)) == [
        (2, FIRST, "shunfeng", "sf 1420 3568 7011"),
        (3, SECOND, "中通快递", ZT1),
    ]


def test_a_csv_saved_by_excel_on_chinese_windows_gb18030_with_chinese_headers_is_read(tmp_path):
    lines = ["订单编号,物流公司,快递单号,备注", f"{FIRST},顺丰速运,{SF1},易碎品", f"{SECOND},中通快递,{ZT1},"]
    path = write_csv(tmp_path / "发货.csv", lines, encoding="gb18030")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    assert cells(shipment_import.read_shipment_file(path)) == [
        (2, FIRST, "顺丰速运", SF1),
        (3, SECOND, "中通快递", ZT1),
    ]


def test_a_title_above_the_header_and_blank_lines_are_passed_over_with_spreadsheet_row_numbers(tmp_path):
    lines = [
        "发货导入模板（请勿修改表头）",
        "",
        "订单号,快递公司,运单号",
        f"{FIRST},顺丰速运,{SF1}",
        ",,",
        f"{SECOND},zhongtong,{ZT1}",
    ]
    path = write_csv(tmp_path / "plain.csv", lines, encoding="utf-8")
    assert [row.row_number for row in shipment_import.read_shipment_file(path)] == [4, 6]


def test_excel_text_decorations_are_removed_from_csv_cells(tmp_path):
    """Platform exports write ="6900…" or a leading tab or apostrophe to keep ids as text."""
    lines = ["订单号,快递公司,运单号", f'="{FIRST}",顺丰速运,\t{SF1}', f"'{SECOND},中通快递,{ZT1}"]
    rows = shipment_import.read_shipment_file(write_csv(tmp_path / "export.csv", lines))
    assert cells(rows) == [(2, FIRST, "顺丰速运", SF1), (3, SECOND, "中通快递", ZT1)]
    assert all(row.problem is None for row in rows)


def test_an_xlsx_is_read_by_chinese_headers_and_short_numbers_stay_exact(tmp_path):
    """A 12-digit ZTO number typed into a number cell is exact (≤15 digits), so it is kept."""
    path = write_xlsx(
        tmp_path / "今日发货.xlsx",
        [
            ["收件人", "运单号", "订单号", "快递公司"],
            ["张三", SF1, FIRST, "顺丰速运"],
            ["李四", int(ZT1), SECOND, "中通快递"],
        ],
    )
    rows = shipment_import.read_shipment_file(path)
    assert cells(rows) == [(2, FIRST, "顺丰速运", SF1), (3, SECOND, "中通快递", ZT1)]
    assert all(row.problem is None for row in rows)


def test_order_ids_excel_turned_into_numbers_are_refused_never_rounded(tmp_path):
    """19 digits do not fit Excel's 15: 6920123456789012345 is stored as 6.92012345678901E+18."""
    xlsx = write_xlsx(
        tmp_path / "numbers.xlsx",
        [["订单号", "快递公司", "运单号"], [6920123456789012345, "顺丰速运", SF1], [FIRST, "顺丰速运", SF2]],
    )
    csv = write_csv(tmp_path / "numbers.csv", ["订单号,快递公司,运单号", f"6.92E+18,顺丰速运,{SF1}"])
    for rows in (shipment_import.read_shipment_file(xlsx), shipment_import.read_shipment_file(csv)):
        spoilt = rows[0]
        assert spoilt.order_id == "6.92E+18"  # as Excel shows it, not digits it no longer has
        assert spoilt.problem is not None and spoilt.problem.message == shipment_file.MSG_ORDER_ID_AS_NUMBER
        assert str(spoilt.problem).startswith("The order id 6.92E+18 was turned into a number by Excel")
        assert "Format the order id column as text" in str(spoilt.problem)
    assert shipment_import.read_shipment_file(xlsx)[1].problem is None


def test_a_long_tracking_number_stored_as_a_number_is_refused(tmp_path):
    path = write_xlsx(
        tmp_path / "t.xlsx", [["订单号", "快递公司", "运单号"], [FIRST, "韵达快递", 4312087465093123456]]
    )
    (row,) = shipment_import.read_shipment_file(path)
    assert row.problem is not None and row.problem.message == shipment_file.MSG_TRACKING_AS_NUMBER


def test_empty_cells_are_row_problems_except_the_carrier_which_the_number_may_tell(tmp_path):
    lines = ["订单号,快递公司,运单号", f",顺丰速运,{SF1}", f"{FIRST},,{SF1}", f"{SECOND},顺丰速运,"]
    rows = shipment_import.read_shipment_file(write_csv(tmp_path / "gaps.csv", lines))
    assert [None if row.problem is None else str(row.problem) for row in rows] == [
        "The order id is empty.",
        None,
        "The tracking number is empty.",
    ]


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("notes.csv", "今天发了很多快递\n记得对账\n", "No header row was found"),
        ("half.csv", "订单号,运单号\n6900,SF1\n", "The header row has no column for: 快递公司 (carrier)."),
        ("only_header.csv", "订单号,快递公司,运单号\n", "The file has a header row but no orders under it."),
        ("empty.csv", "", "The file is empty."),
        ("orders.txt", "订单号,快递公司,运单号\n", "Only CSV and Excel (.xlsx) files can be read."),
        ("broken.xlsx", "PK\x03\x04 this is not a workbook", "could not be opened as an Excel workbook"),
    ],
)
def test_a_file_that_cannot_be_used_is_refused_in_plain_words(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFileProblem) as problem:
        shipment_import.read_shipment_file(path)
    assert words in str(problem.value)


def test_a_truncated_xlsx_is_refused_as_damaged(tmp_path):
    good = write_xlsx(tmp_path / "good.xlsx", [["订单号", "快递公司", "运单号"], [FIRST, "顺丰速运", SF1]])
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    with pytest.raises(ImportFileProblem) as problem:
        shipment_import.read_shipment_file(damaged)
    assert problem.value.message == shipment_file.MSG_BAD_WORKBOOK


# --- the preview ---------------------------------------------------------------------------------
MIXED_BATCH = [
    "Order ID,Carrier,Tracking Number",
    f"{FIRST},shunfeng,{SF1}",  # 2: ready
    f"{UNKNOWN},shunfeng,{SF2}",  # 3: not in the local copy
    f"{CANCELLED},shunfeng,{SF3}",  # 4: not to be shipped
    f"{SECOND},顺丰速运,12345",  # 5: not an SF number
    f"{THIRD},闪电快递,ZJS000123",  # 6: no such carrier, and the number does not tell
    f"{FOURTH},shunfeng,{SF1}",  # 7: the number of row 2 again
    f"{FIFTH},shunfeng,{SHIPPED_PARCEL}",  # 8: the number of a shipped order
    f"{FIRST},shunfeng,{SF1}",  # 9: row 2 twice
    f"{SIXTH},zhongtong,{ZT1}",  # 10: one order, two different parcels …
    f"{SIXTH},zhongtong,{ZT2}",  # 11: … which one is right is the person's call
    f"{SEVENTH},中通快递,7581 2039 4758 01",  # 12: ready, number cleaned up
]


def preview_file(sessions: sessionmaker[Session], path: Path, actor: Actor = WAREHOUSE):
    with sessions() as session:
        return shipment_import.preview(session, actor, shipment_import.read_shipment_file(path), now=NOW)


def test_the_preview_says_per_row_in_plain_words_why_it_cannot_be_shipped(session_factory, tmp_path):
    seed_shop(session_factory)
    previews = preview_file(session_factory, write_csv(tmp_path / "batch.csv", MIXED_BATCH))
    two_parcels = (
        f"Order {SIXTH} is on rows 10, 11 with different parcels. Keep the right row and delete the others."
    )
    assert problems(previews) == {
        2: None,
        3: "This order is not in the local copy; sync and try again.",
        4: "This order was cancelled. Do not send the parcel.",
        5: "This tracking number does not look like a 顺丰速运 number (for example SF1420356870125).",
        6: 'Unknown carrier "闪电快递". Use a carrier name or code from the platform\'s list.',
        7: f"Tracking number {SF1} is used more than once in this batch.",
        8: f"Tracking number {SHIPPED_PARCEL} is already used for order {SHIPPED}.",
        9: f"Order {FIRST} is already on row 2; each order is shipped once.",
        10: two_parcels,
        11: two_parcels,
        12: None,
    }
    ready = [row for row in previews if row.ready]
    assert [(row.order_id, row.carrier_code, row.carrier_name, row.tracking_no) for row in ready] == [
        (FIRST, "shunfeng", "顺丰速运", SF1),
        (SEVENTH, "zhongtong", "中通快递", "75812039475801"),
    ]
    assert outbox_shipments(session_factory) == {}  # a preview writes nothing


WRITTEN_BATCH = [
    "订单号,快递公司,运单号",
    f"{FIRST},顺丰,{SF1}",  # 2: the short form
    f"{SECOND},中通快递股份有限公司,{ZT1}",  # 3: the full company name
    f"{THIRD},J&T,JT5402918376405",  # 4: the English short form
    f"{FOURTH},,{SF2}",  # 5: empty: an SF number says SF
    f"{FIFTH},小李的快递,YT6512083947261",  # 6: a name of no carrier: a YTO number says YTO
    f"{SIXTH},,ZJS000123",  # 7: empty, and the number does not tell
    f"{SEVENTH},德邦,DPK202512340001",  # 8: a real carrier the platform does not offer here
]


def test_the_carrier_names_people_write_are_understood_and_an_empty_or_unknown_one_is_read_from_the_number(
    session_factory, tmp_path
):
    seed_shop(session_factory)
    previews = preview_file(session_factory, write_csv(tmp_path / "written.csv", WRITTEN_BATCH))
    assert [(row.row_number, row.carrier_code, row.carrier_name) for row in previews if row.ready] == [
        (2, "shunfeng", "顺丰速运"),
        (3, "zhongtong", "中通快递"),
        (4, "jtexpress", "极兔速递"),
        (5, "shunfeng", "顺丰速运"),
        (6, "yuantong", "圆通速递"),
    ]
    notes = {row.row_number: str(row.note).format(**row.note_params) for row in previews if row.note}
    assert notes == {
        5: "Carrier recognised from the tracking number: 顺丰速运.",
        6: '"小李的快递" is not a carrier this app knows; the tracking number is a 圆通速递 number, '
        "so 圆通速递 is used.",
    }
    assert problems(previews)[7] == (
        "The carrier is empty, and the tracking number does not show which carrier it is. Fill it in."
    )
    assert problems(previews)[8] == (
        '"德邦" (德邦快递) is not on the platform\'s carrier list. Use a carrier from the list.'
    )


def test_a_number_several_carriers_share_never_chooses_the_carrier_of_a_row(session_factory, tmp_path):
    seed_shop(session_factory)
    rows = [
        "订单号,快递公司,运单号",
        f"{FIRST},,78812345678901",  # 2: 中通's 14 digits, and a 圆通 shape too
        f"{SECOND},小李的快递,78812345678902",  # 3: no carrier's name, and the number does not say
        f"{THIRD},中通,78812345678903",  # 4: the person's carrier is kept
    ]
    previews = preview_file(session_factory, write_csv(tmp_path / "shared.csv", rows))
    assert problems(previews) == {
        2: "The carrier is empty, and the tracking number could be 中通快递, 圆通速递. Fill it in.",
        3: 'Unknown carrier "小李的快递". Use a carrier name or code from the platform\'s list.',
        4: None,
    }
    assert [(row.row_number, row.carrier_code) for row in previews if row.ready] == [(4, "zhongtong")]


def test_an_unknown_order_id_ending_in_zeros_is_explained_as_excel_rounding(session_factory, tmp_path):
    seed_shop(session_factory)
    path = write_csv(
        tmp_path / "rounded.csv", ["订单号,快递公司,运单号", f"6920123456789010000,顺丰速运,{SF1}"]
    )
    (row,) = preview_file(session_factory, path)
    assert row.problem is not None and row.problem.message == shipment_import.MSG_ORDER_ID_ROUNDED


def test_a_spoilt_order_id_is_a_problem_in_the_preview_and_never_shipped(session_factory, tmp_path):
    seed_shop(session_factory)
    path = write_xlsx(
        tmp_path / "numbers.xlsx", [["订单号", "快递公司", "运单号"], [float(FIRST), "顺丰速运", SF1]]
    )
    (row,) = preview_file(session_factory, path)
    assert not row.ready and row.problem.message == shipment_file.MSG_ORDER_ID_AS_NUMBER
    with session_factory.begin() as session:
        assert shipment_import.ship_rows(session, WAREHOUSE, [row], now=NOW) == []
    assert outbox_shipments(session_factory) == {}


def test_a_person_who_may_not_ship_is_refused_before_any_row(session_factory, owner, tmp_path):
    clerk = actor_of(add_person(session_factory, owner, "wang", "王姐", Role.CLERK))
    seed_shop(session_factory)
    path = write_csv(tmp_path / "batch.csv", MIXED_BATCH)
    with pytest.raises(PermissionDenied):
        preview_file(session_factory, path, clerk)


# --- shipping -------------------------------------------------------------------------------------
def test_shipping_queues_one_operation_per_good_row_and_none_for_the_others(database_url, tmp_path):
    _, sessions = open_database(database_url)
    seed_shop(sessions)
    previews = preview_file(sessions, write_csv(tmp_path / "batch.csv", MIXED_BATCH))
    with sessions.begin() as session:
        shipped = shipment_import.ship_rows(session, WAREHOUSE, previews, now=NOW)
    assert shipped == [FIRST, SEVENTH]
    assert outbox_shipments(sessions) == {
        FIRST: {"carrier_code": "shunfeng", "tracking_no": SF1, "refuse_refund": False},
        SEVENTH: {"carrier_code": "zhongtong", "tracking_no": "75812039475801", "refuse_refund": False},
    }
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == 2


def test_a_batch_is_shipped_whole_or_not_at_all_when_an_order_changed_after_the_preview(
    session_factory, tmp_path
):
    seed_shop(session_factory)
    previews = preview_file(session_factory, write_csv(tmp_path / "batch.csv", MIXED_BATCH))
    # Between the preview and the click, the sync brings SEVENTH cancelled by the buyer.
    seed(session_factory, [order_row(order_id=SEVENTH, status=int(OrderStatus.CANCELLED), update_time=NOW)])
    with pytest.raises(BatchShipRefused) as refusal, session_factory.begin() as session:
        shipment_import.ship_rows(session, WAREHOUSE, previews, now=NOW)
    assert str(refusal.value) == (
        f"Row 12, order {SEVENTH}: something changed since the preview. Nothing was shipped."
    )
    assert refusal.value.reason.message == shipping.MSG_NOT_TO_SHIP[OrderState.CANCELLED]
    assert outbox_shipments(session_factory) == {}  # FIRST, queued before, was rolled back too


# --- the dialog ------------------------------------------------------------------------------------
def open_dialog(
    qtbot: QtBot, tasks: BackgroundTasks, sessions, actor: Actor, path: Path
) -> ShipmentImportDialog:
    """The dialog opened on `path`, once its preview has arrived."""
    dialog = ShipmentImportDialog(tasks, sessions, actor, clock=lambda: NOW, path=path)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_finished, timeout=10_000):
        dialog.show()  # the answer can only arrive once the event loop runs, inside the wait
    return dialog


def status_column(dialog: ShipmentImportDialog) -> list[str]:
    model = dialog.model
    return [model.index(row, ImportPreviewModel.COL_STATUS).data() for row in range(model.rowCount())]


def test_the_dialog_previews_a_file_and_ships_exactly_the_ready_rows(
    qtbot, english, tasks, session_factory, owner, tmp_path
):
    warehouse = actor_of(add_person(session_factory, owner, "wu", "吴师傅", Role.WAREHOUSE))
    seed_shop(session_factory)
    dialog = open_dialog(
        qtbot, tasks, session_factory, warehouse, write_csv(tmp_path / "batch.csv", MIXED_BATCH)
    )

    assert dialog.counts_text() == "2 ready, 9 with problems"
    statuses = status_column(dialog)
    assert statuses[0] == "Ready" and statuses[-1] == "Ready"
    assert statuses[2] == "This order was cancelled. Do not send the parcel."
    problem_colour = dialog.model.index(2, ImportPreviewModel.COL_STATUS).data(Qt.ItemDataRole.ForegroundRole)
    assert problem_colour.name() == "#c62828"
    assert dialog.ship_button.text() == "Ship 2 orders" and dialog.ship_button.isEnabled()
    assert outbox_shipments(session_factory) == {}  # nothing sent before the click

    with qtbot.waitSignal(dialog.shipped, timeout=10_000) as shipped:
        qtbot.mouseClick(dialog.ship_button, Qt.MouseButton.LeftButton)
    assert shipped.args == [[FIRST, SEVENTH]]
    assert set(outbox_shipments(session_factory)) == {FIRST, SEVENTH}
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


def test_the_dialog_says_what_is_wrong_with_a_file_and_offers_nothing_to_ship(
    qtbot, english, tasks, session_factory, owner, tmp_path
):
    path = tmp_path / "notes.csv"
    path.write_text("今天发了很多快递\n记得对账\n", encoding="utf-8")
    dialog = open_dialog(qtbot, tasks, session_factory, owner, path)
    assert dialog.error_label.text().startswith("No header row was found.")
    assert dialog.model.rowCount() == 0
    assert dialog.ship_button.text() == "Ship 0 orders" and not dialog.ship_button.isEnabled()


def test_the_dialog_checks_again_after_a_refused_batch_and_ships_nothing(
    qtbot, english, tasks, session_factory, owner, tmp_path
):
    seed_shop(session_factory)
    dialog = open_dialog(qtbot, tasks, session_factory, owner, write_csv(tmp_path / "batch.csv", MIXED_BATCH))
    seed(session_factory, [order_row(order_id=SEVENTH, status=int(OrderStatus.CANCELLED), update_time=NOW)])
    with qtbot.waitSignal(dialog.preview_finished, timeout=10_000):  # the refreshed preview
        qtbot.mouseClick(dialog.ship_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == (
        f"Row 12, order {SEVENTH}: something changed since the preview. Nothing was shipped.\n"
        "This order was cancelled. Do not send the parcel."
    )
    assert dialog.counts_text() == "1 ready, 10 with problems" and dialog.ship_button.text() == "Ship 1 order"
    assert outbox_shipments(session_factory) == {} and dialog.isVisible()


def test_a_quotation_mark_never_closed_is_refused_naming_its_row_in_plain_words(tmp_path):
    # The stray quote makes the rest of the file one cell, longer than any CSV field may be.
    lines = ["订单号,快递公司,运单号", f"{FIRST},顺丰速运,{SF1}", f'{SECOND},"顺丰速运,{SF2}']
    lines += [f"{THIRD},中通快递,{ZT1}"] * 20_000
    path = write_csv(tmp_path / "stray_quote.csv", lines)
    with pytest.raises(ImportFileProblem) as problem:
        shipment_import.read_shipment_file(path)
    assert problem.value.message == shipment_file.MSG_UNCLOSED_QUOTE
    assert str(problem.value).startswith("Row 3 has a quotation mark")


def test_every_preview_message_is_shown_whole_in_its_cell_wrapped_and_the_columns_can_be_widened(
    qtbot, english, tasks, session_factory, owner, tmp_path
):
    warehouse = actor_of(add_person(session_factory, owner, "wu", "吴师傅", Role.WAREHOUSE))
    seed_shop(session_factory)
    dialog = open_dialog(
        qtbot, tasks, session_factory, warehouse, write_csv(tmp_path / "batch.csv", MIXED_BATCH)
    )
    table, column = dialog.table, ImportPreviewModel.COL_STATUS
    assert table.horizontalHeader().sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive
    assert table.textElideMode() == Qt.TextElideMode.ElideNone and table.wordWrap()

    def all_shown() -> bool:
        metrics, width = table.fontMetrics(), table.columnWidth(column) - 12
        for row in range(dialog.model.rowCount()):
            text = dialog.model.index(row, column).data()
            needed = metrics.boundingRect(0, 0, width, 100_000, Qt.TextFlag.TextWordWrap, text).height()
            if table.rowHeight(row) < needed:
                return False
        return True

    long_row = next(
        row for row in range(dialog.model.rowCount())
        if "different parcels" in dialog.model.index(row, column).data()
    )  # fmt: skip
    assert table.rowHeight(long_row) > table.verticalHeader().defaultSectionSize()
    assert all_shown()
    table.setColumnWidth(column, 160)  # narrower: the rows grow
    assert all_shown()


def test_a_row_for_an_order_already_shipped_says_when_and_with_which_number(session_factory, tmp_path):
    seed_shop(session_factory)
    lines = ["订单号,快递公司,运单号", f"{SHIPPED},顺丰速运,{SF3}"]
    (row,) = preview_file(session_factory, write_csv(tmp_path / "again.csv", lines))
    assert str(row.problem).startswith(f"{SHIPPED} was already shipped on ")
    assert str(row.problem).endswith(f"with 顺丰速运 {SHIPPED_PARCEL}. Do not send another parcel.")
