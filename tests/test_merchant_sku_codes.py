"""The merchant's own SKU codes (商家编码) on the pick list and the packing slips.

The platform sends a line's code as `code` (else `out_sku_id`, "0" meaning none); the
mirror keeps it, and paper shows it where the shelves are labelled with it, rather
than the platform's 19-digit sku ids. Real sandbox over HTTP, a real migrated SQLite
file, the PDFs read back with pdftotext.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.db import open_database
from app.models import OrderLine
from app.platforms.douyin.parse import parse_orders
from app.services.shipping.board import list_board, packing_slips, pick_list
from app.sync.engine import SyncEngine
from app.views.shipping import paper
from tests.builders import NOW
from tests.sandbox_control import demo_platform
from tests.test_storage import platform_order

MERCHANT_CODE = re.compile(r"[A-Z]\d{2}-\d{2}")  # how the sandbox shop writes its codes


def test_the_line_keeps_the_merchants_code_else_the_external_sku_id_and_0_is_none() -> None:
    def code_of(**line: object) -> str:
        record = platform_order()
        record["sku_order_list"][0].update(line)
        return parse_orders([record], synced_at=7).lines[0]["sku_code"]

    assert code_of(code="TS-WHITE-L", out_sku_id="88001") == "TS-WHITE-L"
    assert code_of(code="", out_sku_id="88001") == "88001"
    assert code_of(code="", out_sku_id="0") == ""
    assert code_of() == ""  # an older platform answer without either field


def test_the_pick_list_and_slips_show_the_code_the_platform_sends_not_only_its_long_ids(
    qapp: QApplication, sandbox_url: str, sqlite_url: str, tmp_path: Path
) -> None:
    _, sessions = open_database(sqlite_url)
    SyncEngine(demo_platform(sandbox_url), sessions).run_once()  # type: ignore[arg-type]
    with sessions() as session:
        codes = dict(session.execute(select(OrderLine.sku_id, OrderLine.sku_code)).all())
        waiting = [row.order_id for row in list_board(session, now=NOW)][:40]
        picks = pick_list(session, waiting)
        slips = packing_slips(session, waiting)
    assert any(MERCHANT_CODE.fullmatch(code) for code in codes.values())
    assert all(code == "" or MERCHANT_CODE.fullmatch(code) for code in codes.values())  # never "0"
    assert picks and slips
    for line in picks:
        assert line.sku_code == codes[line.sku_key]
        assert line.shown_code == (line.sku_code or line.sku_key)
    coded = [line for line in picks if line.sku_code]
    assert coded, "the sandbox shop codes most of its SKUs"
    assert all(len(slip.sku_codes) == len(slip.items) for slip in slips)

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils reads the PDF back")
    pick_pdf, slips_pdf = tmp_path / "pick.pdf", tmp_path / "slips.pdf"
    paper.save_pdf(
        pick_pdf,
        lambda device: paper.render_pick_list(device, picks, title="Pick list", printed_at=NOW),
        paper=paper.PICK_LIST_PAPER,
    )
    paper.save_pdf(
        slips_pdf, lambda device: paper.render_packing_slips(device, slips), paper=paper.SLIP_PAPER
    )
    pick_text, slip_text = (
        subprocess.run(
            ["pdftotext", "-layout", str(p), "-"], check=True, capture_output=True, text=True
        ).stdout
        for p in (pick_pdf, slips_pdf)
    )
    for line in coded:
        assert line.sku_code in pick_text
        assert line.sku_key not in pick_text  # the code stands in for the platform's id
    slip_codes = {code for slip in slips for code in slip.sku_codes if code}
    assert slip_codes and all(f"Code {code}" in slip_text for code in slip_codes)
