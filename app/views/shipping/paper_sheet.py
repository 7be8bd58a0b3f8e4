"""The drawing kit behind the printed pages (`paper.py`): fonts, a sheet, page breaks.

Owns the font the paper is printed in (the app's own font, with Chinese fallbacks so
product names and buyers' words never print as empty boxes), `Sheet`, a QPainter on
a paged device measuring in millimetres and writing wrapped text, and `paginate`,
which puts blocks of known height on pages. Lengths are millimetres turned into the
device's own units and fonts are points, so a page looks the same on a 203 dpi label
printer, a 600 dpi laser and in a PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QTextOption,
)

# Tried in turn for glyphs the app's font lacks: Windows, macOS, then the Linux
# packages tasks.py installs (fonts-wqy-microhei) or desktops usually ship.
CJK_FAMILIES = (
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
)
INK = QColor("black")
GREY = QColor(90, 90, 90)
SHADE = QColor(236, 236, 236)


@dataclass(frozen=True)
class Paper:
    """The page a document is meant for; the print dialog starts on it."""

    size: QPageSize.PageSizeId
    margin_mm: float


def prepare_page(device: QPagedPaintDevice, paper: Paper) -> None:
    device.setPageSize(QPageSize(paper.size))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    margin = paper.margin_mm
    device.setPageMargins(QMarginsF(margin, margin, margin, margin), QPageLayout.Unit.Millimeter)


def paper_font(points: float, *, bold: bool = False) -> QFont:
    font = QFont(QGuiApplication.font())
    font.setFamilies([font.family(), *CJK_FAMILIES])
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _text_option(right: bool) -> QTextOption:
    # Chinese breaks between any two characters and English at spaces; a long SKU
    # code with neither still breaks rather than running into the next column.
    option = QTextOption(Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


class Sheet:
    """A painter on a paged device, measuring in millimetres and writing wrapped text.

    (0, 0) is the top left corner inside the page margins; `width` and `height` are
    the printable area, all in device units.
    """

    def __init__(self, device: QPagedPaintDevice) -> None:
        self.painter = QPainter()
        if not self.painter.begin(device):
            raise OSError(QCoreApplication.translate("paper", "The printer or file could not be opened."))
        self.device = device
        self.dots_per_mm = device.logicalDpiX() / 25.4
        self.width = float(device.width())
        self.height = float(device.height())

    def mm(self, length: float) -> float:
        return length * self.dots_per_mm

    def measure(self, text: str, font: QFont, width: float) -> float:
        """Height of `text` wrapped to `width`."""
        self.painter.setFont(font)
        bounds = self.painter.boundingRect(QRectF(0, 0, width, 1e7), text or " ", _text_option(False))
        return bounds.height()

    def text(
        self, x: float, y: float, width: float, text: str, font: QFont, *, right=False, color=INK
    ) -> float:
        """Write `text` wrapped to `width` with its top at `y`; returns the height it took."""
        height = self.measure(text, font, width)
        self.painter.setPen(color)
        self.painter.drawText(QRectF(x, y, width, height), text, _text_option(right))
        return height

    def rule(self, y: float, *, heavy: bool = False) -> None:
        self.painter.fillRect(QRectF(0, y, self.width, self.mm(0.5 if heavy else 0.2)), INK)

    def box(self, x: float, y: float, side: float) -> None:
        self.painter.setPen(INK)
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painter.drawRect(QRectF(x, y, side, side))

    def footer(self, text: str) -> None:
        """A small grey line at the bottom right of the page."""
        small = paper_font(8)
        self.text(
            0,
            self.height - self.measure(text, small, self.width),
            self.width,
            text,
            small,
            right=True,
            color=GREY,
        )

    def new_page(self) -> None:
        self.device.newPage()

    def finish(self) -> None:
        self.painter.end()


def paginate(heights: Sequence[float], first_room: float, room: float) -> list[list[int]]:
    """Indexes of the blocks on each page, in order; the first page has `first_room`
    of height, the others `room`. A block taller than a page gets a page alone."""
    pages: list[list[int]] = [[]]
    left = first_room
    for index, height in enumerate(heights):
        if pages[-1] and height > left:
            pages.append([])
            left = room
        pages[-1].append(index)
        left -= height
    return pages
