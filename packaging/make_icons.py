"""Draw the application icon and write it as PNGs, a Windows .ico and a macOS .icns.

    .venv/bin/python packaging/make_icons.py      # rewrites resources/icons/ and packaging/icons/

Owns the icon's design and its files. The icon is a parcel under a U-turn arrow (a
return) on the app's blue (the accent of resources/style.qss), drawn with Qt's QPainter
from vector shapes at every size rather than scaled down from one picture, so 16 px
stays sharp: below 48 px the lines are thicker and the parcel loses its tape.

The .ico and .icns are written here by hand (both are a small directory of images), so
packaging needs no imaging library: the .ico holds 32-bit bitmaps up to 64 px (what
every Windows tool and makensis read) and a PNG at 256 px; the .icns holds PNGs.
The outputs are committed; run this again only when the design changes.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

ROOT = Path(__file__).resolve().parents[1]
PNG_FOLDER = ROOT / "resources" / "icons"  # read by the app at run time (window icon)
BUILD_FOLDER = ROOT / "packaging" / "icons"  # read by PyInstaller, NSIS and the DMG
NAME = "aftersales-desk"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)
ICO_PNG_FROM = 256  # sizes from here on are stored as PNG inside the .ico (Vista and later)
# The .icns types that hold PNG data, and the pixel size of each (the @2x ones are Retina).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic13", 256),
    (b"ic08", 256),
    (b"ic14", 512),
    (b"ic09", 512),
    (b"ic10", 1024),
)

BLUE = QColor("#0969da")
BLUE_DARK = QColor("#0550ae")
KRAFT = QColor("#e8b86d")
KRAFT_DARK = QColor("#b9853f")
WHITE = QColor("#ffffff")


def draw_icon(size: int) -> QImage:
    """The icon at `size` pixels square, drawn on a 1024-unit canvas."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 1024, size / 1024)
    small = size < 48
    # One screen pixel in canvas units: small icons need strokes of whole pixels to be seen.
    pixel = 1024 / size

    # The tile: macOS's grid leaves a margin around the rounded square; Windows shows the same.
    margin = 40 if small else 100
    tile = QRectF(margin, margin, 1024 - 2 * margin, 1024 - 2 * margin)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BLUE)
    painter.drawRoundedRect(tile, 190, 190)

    # The parcel: a box seen from the front, its lid a darker band, below the arrow's tip.
    box = QRectF(230, 590, 564, 350) if small else QRectF(272, 545, 480, 320)
    painter.setBrush(KRAFT)
    painter.drawRoundedRect(box, 30, 30)
    lid = QRectF(box.left() - 24, box.top() - 10, box.width() + 48, max(100, 2 * pixel))
    painter.setBrush(KRAFT_DARK)
    painter.drawRoundedRect(lid, 24, 24)
    if not small:
        painter.drawRect(QRectF(512 - 32, box.top(), 64, box.height()))  # the tape

    # The U-turn arrow: from the right, over the top, back down on the left towards the box.
    stroke = max(84.0, 2 * pixel) if small else 72.0
    radius = 210.0 if small else 200.0
    centre = QPointF(512, 330 if small else 380)
    arc = QPainterPath()
    arc.moveTo(centre.x() + radius, centre.y())
    arc.arcTo(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius), 0, 180)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(WHITE, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
    painter.drawPath(arc)
    head_width = stroke * 2.6
    head_length = stroke * 1.7
    tip = QPointF(centre.x() - radius, centre.y() + head_length)
    head = QPainterPath()
    head.moveTo(tip)
    # The base overlaps the line's flat end by a unit so no seam shows between them.
    head.lineTo(tip.x() - head_width / 2, centre.y() - 1)
    head.lineTo(tip.x() + head_width / 2, centre.y() - 1)
    head.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(WHITE)
    painter.drawPath(head)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 takes str at run time; its stub says bytes
    buffer.close()
    return bytes(data.data())


def ico_bitmap(image: QImage) -> bytes:
    """A 32-bit ICO bitmap: header, BGRA rows bottom-up, then the 1-bit transparency mask."""
    width, height = image.width(), image.height()
    flipped = image.flipped(Qt.Orientation.Vertical)
    pixels = bytes(flipped.constBits())[: width * height * 4]  # ARGB32 is B, G, R, A in memory
    mask_row = ((width + 31) // 32) * 4
    mask = bytearray()
    for y in range(height):
        row = bytearray(mask_row)
        for x in range(width):
            if pixels[(y * width + x) * 4 + 3] == 0:
                row[x // 8] |= 0x80 >> (x % 8)
        mask += row
    header = struct.pack("<IiiHHIIiiII", 40, width, 2 * height, 1, 32, 0, len(pixels) + len(mask), 0, 0, 0, 0)
    return header + pixels + bytes(mask)


def ico_bytes(sizes: tuple[int, ...] = ICO_SIZES) -> bytes:
    images = [png_bytes(draw_icon(s)) if s >= ICO_PNG_FROM else ico_bitmap(draw_icon(s)) for s in sizes]
    offset = 6 + 16 * len(sizes)
    directory = struct.pack("<HHH", 0, 1, len(sizes))
    for size, data in zip(sizes, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return directory + b"".join(images)


def icns_bytes() -> bytes:
    rendered: dict[int, bytes] = {}
    body = b""
    for kind, size in ICNS_TYPES:
        if size not in rendered:
            rendered[size] = png_bytes(draw_icon(size))
        body += kind + struct.pack(">I", 8 + len(rendered[size])) + rendered[size]
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    PNG_FOLDER.mkdir(parents=True, exist_ok=True)
    BUILD_FOLDER.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        (PNG_FOLDER / f"{NAME}-{size}.png").write_bytes(png_bytes(draw_icon(size)))
    (BUILD_FOLDER / f"{NAME}.ico").write_bytes(ico_bytes())
    (BUILD_FOLDER / f"{NAME}.icns").write_bytes(icns_bytes())
    print(f"wrote {len(PNG_SIZES)} PNGs to {PNG_FOLDER}, {NAME}.ico and {NAME}.icns to {BUILD_FOLDER}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
