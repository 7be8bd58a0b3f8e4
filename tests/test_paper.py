"""The pick list and packing slips on paper: barcodes that scan, PDFs with Chinese text.

The barcode is checked three ways: its symbols against worked examples, its module
pattern against an independent encoder's output (python-barcode 0.16.1), and its
drawing, by reading the bar widths back off a rendered image and decoding them as a
scanner would. The PDFs are read back for their page count, page size and the
Chinese characters their embedded fonts map; where poppler-utils is installed, their
text page by page and the barcode off a rasterised slip as well.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from app.services.shipping.board import PackingSlip, PickLine
from app.views.shipping import paper
from app.views.shipping.code128 import (
    SYMBOL_WIDTHS,
    NotEncodable,
    draw_code128,
    module_pattern,
    symbol_values,
)
from app.views.shipping.paper_sheet import paper_font

PRINTED_AT = 1772690000  # 2026-03-05 13:53 in shop time
LINES = [
    PickLine("SKU-1001", "云南小粒咖啡豆 中度烘焙 500g 袋装", "中度烘焙 / 500g", 7, 5),
    PickLine("SKU-2002", "Ceramic pour-over dripper with a rather long English name", "White", 3, 3),
    PickLine("SKU-3003", "手冲壶 细口 不锈钢", "600ml 银色", 12, 9),
]
SLIPS = [
    PackingSlip(
        "6920261234567890123",
        1772000000,
        1772172800,
        "张**",
        (
            ("云南小粒咖啡豆 中度烘焙 500g 袋装", "中度烘焙 / 500g", 2),
            ("手冲壶 细口 不锈钢", "600ml 银色", 1),
        ),
        "请尽快发货，周末请放快递柜。",
        "送小样一份",
    ),
    PackingSlip("9912345678901234567", 1772003600, None, "L**", (("Ceramic dripper", "White", 1),), "", ""),
    PackingSlip(
        "6900000000000000001", None, 1772180000, "王*明", (("滤纸 100 张", "", 3),), "包装好一点", ""
    ),
]
POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdftoppm") is not None
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdftoppm) not installed")


# ---- reading a barcode back, as a scanner would ----------------------------------

SYMBOL_OF_WIDTHS = {tuple(int(w) for w in widths): value for value, widths in enumerate(SYMBOL_WIDTHS)}


def decode_scanline(dark: list[bool]) -> str:
    """The text a Code 128 scanline carries: bar/space runs → modules → symbols → text."""
    first, last = dark.index(True), len(dark) - 1 - dark[::-1].index(True)
    runs, start = [], first
    for x in range(first + 1, last + 2):
        if x > last or dark[x] != dark[start]:
            runs.append(x - start)
            start = x
    symbols = (len(runs) - 7) // 6 + 1  # six runs a symbol, seven for the stop
    module = (last + 1 - first) / (11 * (symbols - 1) + 13)
    widths = [round(run / module) for run in runs]
    values = [SYMBOL_OF_WIDTHS[tuple(widths[i : i + 6])] for i in range(0, 6 * (symbols - 1), 6)]
    assert widths[-7:] == [2, 3, 3, 1, 1, 1, 2], "no stop pattern"
    *data, checksum = values
    assert checksum == (data[0] + sum(i * v for i, v in enumerate(data[1:], start=1))) % 103, "bad checksum"
    text, code_set = "", {104: "B", 105: "C"}[data[0]]
    for value in data[1:]:
        if value in (99, 100) and not (code_set == "C" and value == 99):
            code_set = "C" if value == 99 else "B"
        else:
            text += f"{value:02d}" if code_set == "C" else chr(value + 32)
    return text


def dark_row(image: QImage, y: int) -> list[bool]:
    return [QColor(image.pixel(x, y)).lightness() < 128 for x in range(image.width())]


# ---- the barcode -------------------------------------------------------------------


def test_an_order_id_goes_in_set_c_and_its_odd_last_digit_in_set_b() -> None:
    # Checksum by hand: 105 + 12·1 + 34·2 + 56·3 + 78·4 + 90·5 + 12·6 + 34·7 + 56·8 + 78·9
    # + 100·10 + 25·11 = 3850 = 37·103 + 39.
    assert symbol_values("1234567890123456789") == [105, 12, 34, 56, 78, 90, 12, 34, 56, 78, 100, 25, 39, 106]


def test_the_textbook_set_b_example_has_checksum_55() -> None:
    assert symbol_values("PJJ123C") == [104, 48, 42, 42, 17, 18, 19, 35, 55, 106]


def test_the_module_pattern_matches_an_independent_encoder() -> None:
    """python-barcode 0.16.1, `Code128("6920261234567890123").build()[0]`."""
    assert module_pattern("6920261234567890123") == (
        "11010011100101100100001100100111011100100110101100111001000101100011100010110110000101001101111"
        "0110101100111001011110111011001011100110110110001100011101011"
    )


def test_an_order_id_starting_with_99_keeps_its_first_two_digits() -> None:
    """python-barcode drops them (its issue 251): 99 is also the code for 'switch to C'."""
    assert symbol_values("9912345678901234567")[:3] == [105, 99, 12]


def test_text_outside_printable_ascii_is_refused() -> None:
    with pytest.raises(NotEncodable):
        symbol_values("订单123")


@pytest.mark.parametrize("width", [420, 640, 900])
def test_a_drawn_barcode_decodes_back_to_the_order_id(qapp: QApplication, width: int) -> None:
    order_id = "6920261234567890123"
    image = QImage(width, 160, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    area = QRectF(10, 10, width - 20, 140)
    bars = draw_code128(painter, area, order_id, font=paper_font(9), max_module=4)
    painter.end()
    row = dark_row(image, 40)
    assert decode_scanline(row) == order_id
    module = bars.width() / (len(module_pattern(order_id)))
    assert module == int(module), "every module a whole number of pixels"
    assert row.index(True) - area.left() >= 10 * module, "a quiet zone of ten modules inside the area"
    assert area.right() - bars.right() >= 10 * module


# ---- PDFs --------------------------------------------------------------------------


def write_pick_list(path: Path, lines: list[PickLine]) -> int:
    return paper.save_pdf(
        path,
        lambda device: paper.render_pick_list(
            device, lines, title="拣货单 Pick list", printed_at=PRINTED_AT, rule_set="douyin-2026-01"
        ),
        paper=paper.PICK_LIST_PAPER,
    )


def write_slips(path: Path, slips: list[PackingSlip]) -> int:
    return paper.save_pdf(
        path, lambda device: paper.render_packing_slips(device, slips), paper=paper.SLIP_PAPER
    )


def pdf_pages(data: bytes) -> list[tuple[float, float]]:
    """The size in points of each page object."""
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    sizes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert len(sizes) == len(re.findall(rb"/Type /Page\b(?!s)", data))
    return [(float(w), float(h)) for w, h in sizes]


def mapped_characters(data: bytes) -> set[str]:
    """Every character the PDF's fonts map a drawn glyph to (their ToUnicode CMaps)."""
    found: set[str] = set()
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            cmap = zlib.decompress(stream)
        except zlib.error:
            cmap = stream  # Qt writes its CMaps uncompressed
        if b"begincmap" not in cmap:
            continue
        for array in re.findall(rb"<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\[([^\]]*)\]", cmap):
            found.update(chr(int(code, 16)) for code in re.findall(rb"<([0-9A-Fa-f]{4})>", array))
        for low, high, first in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]{4})>", cmap
        ):
            found.update(chr(int(first, 16) + i) for i in range(int(high, 16) - int(low, 16) + 1))
    return found


def chinese(*texts: str) -> set[str]:
    return {c for text in texts for c in text if "\u4e00" <= c <= "\u9fff"}


A4 = (595.0, 842.0)
A6 = (297.0, 420.0)


def test_a_pick_list_of_three_skus_is_one_a4_page_with_its_chinese(
    qapp: QApplication, tmp_path: Path
) -> None:
    path = tmp_path / "pick.pdf"
    assert write_pick_list(path, LINES) == 1
    data = path.read_bytes()
    assert pdf_pages(data) == [A4]
    assert chinese("拣货单", *(line.product_name + line.spec for line in LINES)) <= mapped_characters(data)


def test_three_packing_slips_are_three_a6_pages_with_their_chinese(
    qapp: QApplication, tmp_path: Path
) -> None:
    path = tmp_path / "slips.pdf"
    assert write_slips(path, SLIPS) == 3
    data = path.read_bytes()
    assert pdf_pages(data) == [A6, A6, A6]
    words = [
        s.receiver_name + s.buyer_words + s.seller_words + "".join(n + p for n, p, _ in s.items)
        for s in SLIPS
    ]
    assert chinese(*words) <= mapped_characters(data)


def test_a_long_pick_list_runs_over_pages(qapp: QApplication, tmp_path: Path) -> None:
    lines = [PickLine(f"SKU-{n:04d}", f"商品 {n} 号", "默认", n, 1) for n in range(1, 91)]
    path = tmp_path / "long.pdf"
    pages = write_pick_list(path, lines)
    assert pages >= 3
    assert len(pdf_pages(path.read_bytes())) == pages


def test_a_slip_too_long_for_one_page_goes_on_over_more(qapp: QApplication, tmp_path: Path) -> None:
    items = tuple((f"商品 {n} 号", f"规格 {n}", 1) for n in range(1, 31))
    slip = PackingSlip("6920260000000000042", None, None, "李**", items, "", "")
    path = tmp_path / "long-slip.pdf"
    pages = write_slips(path, [SLIPS[1], slip])
    assert pages >= 3  # one for the short slip, two or more for the long one
    assert len(pdf_pages(path.read_bytes())) == pages


def test_no_slips_is_refused_rather_than_a_blank_page(qapp: QApplication, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_slips(tmp_path / "none.pdf", [])


def test_a_pdf_that_cannot_be_written_raises_os_error(qapp: QApplication, tmp_path: Path) -> None:
    with pytest.raises(OSError):
        write_pick_list(tmp_path / "no-such-folder" / "pick.pdf", LINES)


# ---- read back with poppler ----------------------------------------------------------


def page_texts(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    )
    return text.stdout.split("\f")[:-1]


@needs_poppler
def test_each_slip_page_shows_its_own_order(qapp: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "slips.pdf"
    write_slips(path, SLIPS)
    pages = page_texts(path)
    assert len(pages) == 3
    for slip, text in zip(SLIPS, pages, strict=True):
        assert slip.order_id in text
        assert slip.receiver_name in text
        assert all(name in text for name, _, _ in slip.items)
    assert "请尽快发货，周末请放快递柜。" in pages[0] and "送小样一份" in pages[0]
    assert "2026-02-27 14:13" in pages[0]  # ship-by 1772172800 in shop time


@needs_poppler
def test_the_pick_list_text_reads_back(qapp: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "pick.pdf"
    write_pick_list(path, LINES)
    (text,) = page_texts(path)
    assert "拣货单 Pick list" in text and "SKUs: 3 · pieces: 22 · printed 2026-03-05 13:53" in text
    for line in LINES[0], LINES[2]:
        assert re.search(rf"{line.sku_key}\s+{line.product_name}\s+{line.spec}\s+{line.quantity}\s+", text)


@needs_poppler
def test_the_barcode_on_a_printed_slip_scans(qapp: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "slips.pdf"
    write_slips(path, SLIPS[:1])
    subprocess.run(
        ["pdftoppm", "-r", "300", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")], check=True
    )
    (png,) = tmp_path.glob("p*.png")
    image = QImage(str(png))
    bar_rows = [y for y in range(image.height() // 3) if dark_row(image, y).count(True) > image.width() // 4]
    assert bar_rows, "no barcode near the top of the slip"
    assert decode_scanline(dark_row(image, bar_rows[len(bar_rows) // 2])) == SLIPS[0].order_id


# ---- the print dialog ------------------------------------------------------------------


def test_cancelling_the_print_dialog_prints_nothing(qapp: QApplication) -> None:
    drawn: list[object] = []
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert paper.print_with_dialog(None, drawn.append, paper=paper.SLIP_PAPER) is False
    assert drawn == []


def test_printing_from_the_dialog_draws_on_the_chosen_printer(qapp: QApplication, tmp_path: Path) -> None:
    """A person picks 'Print to File (PDF)' (the only choice without a print server),
    types a file name and presses Print."""
    target = tmp_path / "printed.pdf"
    offered: list[str] = []

    def fill_in_and_print() -> None:
        dialog = QApplication.activeModalWidget()
        printers = dialog.findChild(QComboBox, "printers")
        offered.extend(printers.itemText(i) for i in range(printers.count()))
        to_file = [i for i, name in enumerate(offered) if "PDF" in name]
        if not to_file:  # never send a test to a real printer
            dialog.reject()
            return
        printers.setCurrentIndex(to_file[0])
        dialog.findChild(QLineEdit, "filename").setText(str(target))
        dialog.accept()

    QTimer.singleShot(0, fill_in_and_print)
    printed = paper.print_with_dialog(
        None, lambda printer: paper.render_packing_slips(printer, SLIPS[:2]), paper=paper.SLIP_PAPER
    )
    if not printed:
        pytest.skip(f"the print dialog offers no PDF printer here: {offered}")
    assert len(pdf_pages(target.read_bytes())) == 2
