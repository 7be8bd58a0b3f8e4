"""The shipping board on paper: the pick list and the packing slips.

Owns what is printed and how it is laid out: the plain rows the board hands over
(`PickLine`, `PackingSlip`), drawing them with QPainter onto any QPagedPaintDevice,
so one piece of code serves the print dialog (QPrinter) and a PDF file (QPdfWriter),
and the two ways out, `print_with_dialog` and `save_pdf`. The pick list goes on A4,
one row per SKU with a box to tick; each order's slip starts a page of its own (A6
by default) headed by the order id as a Code 128 barcode, for the scanner at the
packing table. Times are printed in shop time. The drawing kit (fonts, millimetres,
page breaks) is in `paper_sheet.py`, the barcode in `code128.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageSize, QPdfWriter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from app.core.shop_time import SHOP_TZ
from app.services.shipping.board import PackingSlip, PickLine
from app.views.common import formatting
from app.views.shipping.code128 import draw_code128
from app.views.shipping.paper_sheet import GREY, SHADE, Paper, Sheet, paginate, paper_font, prepare_page

PICK_LIST_PAPER = Paper(QPageSize.PageSizeId.A4, 12)
SLIP_PAPER = Paper(QPageSize.PageSizeId.A6, 5)
BARCODE_MODULE_MM = 0.5  # the widest bar unit a slip allows: reads well off thermal printers
PDF_DPI = 600  # fine enough for hairlines, and whole device units per barcode module

RenderFn = Callable[[QPagedPaintDevice], object]


# ---- pick list ------------------------------------------------------------------

# Share of the width for: tick box, SKU, product, spec, pieces, orders (the last two
# are numbers, so right-aligned).
PICK_COLUMNS = (0.06, 0.17, 0.38, 0.21, 0.09, 0.09)


def _pick_heads() -> tuple[str, ...]:
    return (
        "",
        QCoreApplication.translate("paper", "SKU"),
        QCoreApplication.translate("paper", "Product"),
        QCoreApplication.translate("paper", "Spec"),
        QCoreApplication.translate("paper", "Pieces"),
        QCoreApplication.translate("paper", "Orders"),
    )


def render_pick_list(
    device: QPagedPaintDevice,
    lines: Sequence[PickLine],
    *,
    title: str,
    printed_at: int,
    rule_set: str | None = None,
    tz: tzinfo = SHOP_TZ,
) -> int:
    """Draw the pick list on `device`, as many pages as it takes; returns the page count.

    Rows keep the order given, each with a box to tick. Every page repeats the column
    heads and says "page n of m" (and which rule set the ship-by times follow, when
    given); the first page has the title, the totals and when it was printed.
    """
    sheet = Sheet(device)
    body, bold, title_font = paper_font(10), paper_font(10, bold=True), paper_font(16, bold=True)
    pad = sheet.mm(1.5)
    lefts = [sum(PICK_COLUMNS[:i]) * sheet.width + pad for i in range(len(PICK_COLUMNS))]
    widths = [share * sheet.width - 2 * pad for share in PICK_COLUMNS]
    rows = [
        ("", line.shown_code, line.product_name, line.spec, str(line.quantity), str(line.order_count))
        for line in lines
    ]

    def row_height(cells: Sequence[str], font: QFont) -> float:
        return 2 * pad + max(
            sheet.measure(cell, font, width) for cell, width in zip(cells, widths, strict=True)
        )

    def draw_row(y: float, cells: Sequence[str], font: QFont) -> float:
        for column, cell in enumerate(cells):
            sheet.text(lefts[column], y + pad, widths[column], cell, font, right=column >= 4)
        return row_height(cells, font)

    heads = _pick_heads()
    heights = [row_height(cells, body) for cells in rows]
    summary = QCoreApplication.translate("paper", "SKUs: {skus} · pieces: {pieces} · printed {time}").format(
        skus=len(lines),
        pieces=sum(line.quantity for line in lines),
        time=formatting.shop_time(printed_at, tz=tz),
    )
    title_height = sheet.measure(title, title_font, sheet.width) + sheet.measure(summary, body, sheet.width)
    room = sheet.height - sheet.mm(8) - row_height(heads, bold)  # 8 mm kept for the footer
    pages = paginate(heights, room - title_height - sheet.mm(4), room)
    try:
        for number, indexes in enumerate(pages, start=1):
            y = 0.0
            if number == 1:
                y += sheet.text(0, y, sheet.width, title, title_font)
                y += sheet.text(0, y, sheet.width, summary, body, color=GREY) + sheet.mm(4)
            else:
                sheet.new_page()
            y += draw_row(y, heads, bold)
            sheet.rule(y - sheet.mm(0.5), heavy=True)
            for index in indexes:
                if index % 2:
                    sheet.painter.fillRect(QRectF(0, y, sheet.width, heights[index]), SHADE)
                sheet.box(lefts[0], y + pad, sheet.mm(4))
                y += draw_row(y, rows[index], body)
            if not lines:
                sheet.text(
                    0, y + pad, sheet.width, QCoreApplication.translate("paper", "Nothing to pick."), body
                )
            words = QCoreApplication.translate("paper", "Page {page} of {pages}").format(
                page=number, pages=len(pages)
            )
            if rule_set:
                rule_words = QCoreApplication.translate("paper", "Ship-by times follow rule set {name}")
                words = f"{rule_words.format(name=rule_set)}    {words}"
            sheet.footer(words)
    finally:
        sheet.finish()
    return len(pages)


# ---- packing slips ---------------------------------------------------------------

Block = tuple[float, Callable[[float], object]]  # its height, and how to draw it at a given top


def _slip_head(
    sheet: Sheet, slip: PackingSlip, number: int, total: int, continued: bool, tz: tzinfo = SHOP_TZ
) -> float:
    """Title, barcode and the order's facts, on every page of a slip; returns its height."""
    label, plain, strong = paper_font(8, bold=True), paper_font(9), paper_font(9, bold=True)
    if continued:
        title = QCoreApplication.translate("paper", "Packing slip (continued)")
    else:
        title = QCoreApplication.translate("paper", "Packing slip")
    counter = QCoreApplication.translate("paper", "Slip {number} of {total}").format(
        number=number, total=total
    )
    sheet.text(0, 0, sheet.width, counter, label, right=True, color=GREY)
    y = sheet.text(0, 0, sheet.width, title, label, color=GREY) + sheet.mm(1.5)
    bars = QRectF(0, y, sheet.width, sheet.mm(18))
    draw_code128(
        sheet.painter, bars, slip.order_id, font=paper_font(10), max_module=sheet.mm(BARCODE_MODULE_MM)
    )
    y = bars.bottom() + sheet.mm(2)
    facts = (
        (
            QCoreApplication.translate("paper", "Paid"),
            formatting.shop_time(slip.pay_time, tz=tz) or "—",
            plain,
        ),
        (
            QCoreApplication.translate("paper", "Ship by"),
            formatting.shop_time(slip.ship_by, tz=tz) or "—",
            strong,
        ),
        (QCoreApplication.translate("paper", "Receiver"), slip.receiver_name or "—", plain),
    )
    indent = sheet.mm(18)
    for name, value, font in facts:
        sheet.text(0, y, indent, name, plain, color=GREY)
        y += sheet.text(indent, y, sheet.width - indent, value, font)
    sheet.rule(y + sheet.mm(1.5), heavy=True)
    return y + sheet.mm(2.5)


def _slip_blocks(sheet: Sheet, slip: PackingSlip) -> list[Block]:
    """The body of a slip, in pieces that may flow onto further pages."""
    name_font, spec_font, count_font = paper_font(10), paper_font(8), paper_font(12, bold=True)
    pad, count_width = sheet.mm(1.2), sheet.mm(16)
    text_width = sheet.width - count_width
    blocks: list[Block] = []
    for index, (name, plain_spec, quantity) in enumerate(slip.items):
        count = f"×{quantity}"
        code = slip.sku_codes[index] if index < len(slip.sku_codes) else ""
        # The merchant's code first: it is what the shelf label says.
        spec = " · ".join(part for part in (_code_words(code), plain_spec) if part)
        words = sheet.measure(name, name_font, text_width) + (
            sheet.measure(spec, spec_font, text_width) if spec else 0
        )
        height = 2 * pad + max(words, sheet.measure(count, count_font, count_width))

        def draw_item(y: float, name=name, spec=spec, count=count, height=height) -> None:
            below = sheet.text(0, y + pad, text_width, name, name_font)
            if spec:
                sheet.text(0, y + pad + below, text_width, spec, spec_font, color=GREY)
            sheet.text(text_width, y + pad, count_width, count, count_font, right=True)
            sheet.rule(y + height - sheet.mm(0.2))

        blocks.append((height, draw_item))
    total_font = paper_font(9, bold=True)
    pieces = sum(quantity for _, _, quantity in slip.items)
    total = QCoreApplication.translate("paper", "Pieces in all: {pieces}").format(pieces=pieces)

    def draw_total(y: float) -> None:
        sheet.text(0, y + pad, sheet.width, total, total_font, right=True)

    blocks.append((sheet.measure(total, total_font, sheet.width) + 2 * pad, draw_total))
    if slip.buyer_words.strip():
        blocks.append(
            _words_block(sheet, QCoreApplication.translate("paper", "Buyer's message"), slip.buyer_words)
        )
    if slip.seller_words.strip():
        blocks.append(
            _words_block(sheet, QCoreApplication.translate("paper", "Seller's note"), slip.seller_words)
        )
    return blocks


def _code_words(code: str) -> str:
    return QCoreApplication.translate("paper", "Code {code}").format(code=code) if code else ""


def _words_block(sheet: Sheet, label: str, text: str) -> Block:
    """A shaded box with the buyer's or the seller's own words."""
    label_font, text_font, pad, gap = paper_font(8, bold=True), paper_font(9), sheet.mm(1.5), sheet.mm(2)
    inner = sheet.width - 2 * pad
    text = text.strip()
    height = gap + 2 * pad + sheet.measure(label, label_font, inner) + sheet.measure(text, text_font, inner)

    def draw(y: float) -> None:
        sheet.painter.fillRect(QRectF(0, y + gap, sheet.width, height - gap), SHADE)
        below = sheet.text(pad, y + gap + pad, inner, label, label_font, color=GREY)
        sheet.text(pad, y + gap + pad + below, inner, text, text_font)

    return height, draw


def render_packing_slips(
    device: QPagedPaintDevice, slips: Sequence[PackingSlip], tz: tzinfo = SHOP_TZ
) -> int:
    """Draw each slip on a page of its own on `device`, its times on the shop's clock `tz`;
    returns the page count.

    A slip whose items do not fit goes on over more pages, each headed again with its
    barcode and numbered, so no item is ever left off. Raises ValueError for no slips.
    """
    if not slips:
        raise ValueError("no packing slips to print")
    sheet = Sheet(device)
    pages_drawn = 0
    try:
        for number, slip in enumerate(slips, start=1):
            blocks = _slip_blocks(sheet, slip)
            pages: list[list[int]] = []
            for page in range(1, len(blocks) + 1):  # ends once every block is placed
                if pages_drawn:
                    sheet.new_page()
                pages_drawn += 1
                y = _slip_head(sheet, slip, number, len(slips), continued=page > 1, tz=tz)
                if not pages:  # the head is as tall on every page, so one split serves all
                    room = sheet.height - y - sheet.mm(5)  # 5 mm kept for the footer
                    pages = paginate([height for height, _ in blocks], room, room)
                for index in pages[page - 1]:
                    blocks[index][1](y)
                    y += blocks[index][0]
                if len(pages) > 1:
                    sheet.footer(_slip_footer(page, len(pages)))
                if page == len(pages):
                    break
    finally:
        sheet.finish()
    return pages_drawn


def _slip_footer(page: int, pages: int) -> str:
    if page < pages:
        words = QCoreApplication.translate(
            "paper", "Page {page} of {pages} of this order, continued overleaf"
        )
    else:
        words = QCoreApplication.translate("paper", "Page {page} of {pages} of this order")
    return words.format(page=page, pages=pages)


# ---- the ways out ----------------------------------------------------------------


def print_with_dialog(
    parent: QWidget | None, render_fn: RenderFn, *, paper: Paper = PICK_LIST_PAPER, title: str = ""
) -> bool:
    """Ask for a printer with Qt's print dialog, starting on `paper`, and print there
    what `render_fn` draws. Returns False, having drawn nothing, when the person
    cancelled. Whatever page size the person picks, the layout fits it."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    prepare_page(printer, paper)
    printer.setDocName(title or QCoreApplication.translate("paper", "AfterSales Desk"))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("paper", "Print"))
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
    finally:
        dialog.deleteLater()
    render_fn(printer)
    return True


def save_pdf(
    path: str | Path, render_fn: RenderFn, *, paper: Paper = PICK_LIST_PAPER, title: str = ""
) -> object:
    """Write what `render_fn` draws to a PDF at `path`, on `paper`; returns what
    `render_fn` returned (the page count, for the two here). Raises OSError when the
    file cannot be written."""
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setCreator("AfterSales Desk")
    writer.setTitle(title)
    prepare_page(writer, paper)
    return render_fn(writer)
