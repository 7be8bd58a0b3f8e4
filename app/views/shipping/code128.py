"""Code 128 barcodes of order ids, for the packing slips.

Owns the encoding (sets B and C, the mod-103 checksum, the symbol table) and the
drawing of a barcode with QPainter: bars as filled rectangles inside a quiet zone,
the text in digits underneath. Order ids are 19 digits, so runs of digits go in set
C, two digits to a symbol, which makes the barcode about half as wide as set B would
and lets each bar be wider, hence easier to scan off a cheap printer.

Written here rather than taken from python-barcode because its Code 128 drops the
first two digits of a code that starts with "99" (its start-code "optimisation" reads
the value 99 as a switch to set C), and order ids are arbitrary digit strings.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

# Widths of bar, space, bar, space, bar, space (in modules) for each symbol value;
# ISO/IEC 15417 table. 103-105 are the start codes, 106 the stop (which has a
# seventh element: the final two-module bar).
SYMBOL_WIDTHS = (
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
    "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
    "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
    "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
    "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
    "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
    "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
    "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
    "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
    "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
    "114131", "311141", "411131", "211412", "211214", "211232", "2331112",
)  # fmt: skip
CODE_C = 99  # switch to set C (the value 99 in set B)
CODE_B = 100  # switch to set B (the value 100 in set C)
START_B = 104
START_C = 105
STOP = 106
QUIET_ZONE_MODULES = 10  # the standard's minimum blank margin on each side


class NotEncodable(ValueError):
    """The text has a character set B cannot carry (outside printable ASCII)."""


def _digit_run(text: str, start: int) -> int:
    end = start
    while end < len(text) and text[end].isdigit() and text[end].isascii():
        end += 1
    return end - start


def _worth_set_c(text: str, position: int, run: int) -> bool:
    # Set C pays off for 4+ digits at either end (one switch saved or spent) and for
    # 6+ digits in the middle (two switches spent); shorter runs stay in set B.
    at_edge = position == 0 or position + run == len(text)
    return run >= (4 if at_edge else 6)


def symbol_values(text: str) -> list[int]:
    """The symbol values of `text`: start code, data, checksum, stop."""
    if not text:
        raise NotEncodable("empty text")
    for char in text:
        if not 32 <= ord(char) <= 126:
            raise NotEncodable(f"character {char!r} is not in Code 128 set B")
    values: list[int] = []
    current = ""  # the set in force: "B", "C", or none before the start code
    position = 0
    while position < len(text):
        run = _digit_run(text, position)
        # An odd run past the start puts its first digit in set B (below), so that
        # the pairs after it end where the run ends; at the start, the last digit goes.
        if _worth_set_c(text, position, run) and not (run % 2 and position > 0):
            if current != "C":
                values.append(CODE_C if values else START_C)
                current = "C"
            pairs = run // 2
            values.extend(int(text[position + 2 * i : position + 2 * i + 2]) for i in range(pairs))
            position += 2 * pairs
            continue
        if current != "B":
            values.append(CODE_B if values else START_B)
            current = "B"
        values.append(ord(text[position]) - 32)
        position += 1
    checksum = (values[0] + sum(weight * value for weight, value in enumerate(values[1:], start=1))) % 103
    return [*values, checksum, STOP]


def module_widths(text: str) -> list[int]:
    """Alternating bar and space widths in modules, starting and ending with a bar."""
    return [int(width) for value in symbol_values(text) for width in SYMBOL_WIDTHS[value]]


def module_pattern(text: str) -> str:
    """The barcode as one character per module: "1" dark, "0" light."""
    return "".join(
        ("1" if index % 2 == 0 else "0") * width for index, width in enumerate(module_widths(text))
    )


def total_modules(text: str) -> int:
    """Width of the barcode in modules, quiet zones included."""
    return sum(module_widths(text)) + 2 * QUIET_ZONE_MODULES


def draw_code128(
    painter: QPainter,
    area: QRectF,
    text: str,
    *,
    font: QFont,
    max_module: float,
    caption: str | None = None,
) -> QRectF:
    """Draw the barcode of `text` centred in `area`, its caption (the text by default)
    underneath; returns the rectangle the bars took, quiet zones excluded.

    Coordinates are the painter's device units. A module is as wide as the area
    allows, at most `max_module`, and a whole number of device units when that is at
    least one, so every bar of the same width prints at the same width (a scanner
    reads ratios, and rounding each bar differently blurs them).
    """
    widths = module_widths(text)
    module = min(area.width() / total_modules(text), max_module)
    if module >= 1:
        module = float(int(module))
    painter.save()
    painter.setFont(font)
    caption_height = painter.fontMetrics().height() * 1.15  # a little air between bars and digits
    bars_width = sum(widths) * module
    left = area.left() + round((area.width() - bars_width) / 2)
    bar_height = max(area.height() - caption_height, module * 10)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    x = left
    for index, width in enumerate(widths):
        if index % 2 == 0:
            painter.drawRect(QRectF(x, area.top(), width * module, bar_height))
        x += width * module
    painter.setPen(QColor("black"))
    caption_rect = QRectF(area.left(), area.top() + bar_height, area.width(), caption_height)
    painter.drawText(
        caption_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, caption or text
    )
    painter.restore()
    return QRectF(left, area.top(), bars_width, bar_height)
