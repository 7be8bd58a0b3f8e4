"""Reading a warehouse's shipping spreadsheet (CSV or XLSX) into rows, as typed.

Owns `read_shipment_file()`: the encodings and delimiters Excel saves CSV with (UTF-8
with or without BOM, GBK/GB18030 from Chinese Windows, UTF-16 "Unicode text"), the
worksheets of an .xlsx (openpyxl, read-only so big sheets stream), and finding the
header row by its column names in English or Chinese, in any order, extra columns
ignored. Cells a spreadsheet has already spoilt are refused row by row: Excel keeps 15
significant digits, so a 19-digit order id that became a number (6.92E+18) has lost
its last digits, and guessing them could ship someone else's order.

A file that cannot be used at all raises `ImportFileProblem`. Messages are English
source strings (context "shipping") with `{name}` fields filled from `params`.
Checking and shipping the rows is `shipment_import`'s.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from app.core.refusal import Refusal
from app.core.translation import QT_TRANSLATE_NOOP

MAX_ROWS = 5_000  # a day's parcels of a small shop many times over; more is a wrong file
HEADER_SEARCH_ROWS = 20  # templates put a title or instructions above the header
EXACT_DIGITS = 15  # what a spreadsheet number cell holds without rounding

ORDER, CARRIER, TRACKING = "order", "carrier", "tracking"
# Header names as people and platform exports write them, compared after `_header_key()`.
HEADER_NAMES: Mapping[str, tuple[str, ...]] = {
    ORDER: ("orderid", "orderno", "ordernumber", "order", "订单号", "订单编号", "主订单编号", "订单id"),
    CARRIER: (
        "carrier",
        "carriercode",
        "carriername",
        "courier",
        "logisticscompany",
        "companycode",
        "快递公司",
        "物流公司",
        "快递",
        "承运商",
    ),
    TRACKING: (
        "trackingnumber",
        "trackingno",
        "tracking",
        "waybill",
        "waybillnumber",
        "logisticscode",
        "运单号",
        "快递单号",
        "物流单号",
    ),
}

MSG_WRONG_TYPE = QT_TRANSLATE_NOOP(
    "shipping", "Only CSV and Excel (.xlsx) files can be read. Save the sheet in one of these formats."
)
MSG_CANNOT_OPEN = QT_TRANSLATE_NOOP("shipping", "The file could not be opened: {reason}")
MSG_EMPTY = QT_TRANSLATE_NOOP("shipping", "The file is empty.")
MSG_NOT_TEXT = QT_TRANSLATE_NOOP(
    "shipping", 'The file is not readable text. Save it from Excel as "CSV UTF-8" and try again.'
)
MSG_BAD_WORKBOOK = QT_TRANSLATE_NOOP(
    "shipping",
    "The file could not be opened as an Excel workbook; it may be damaged or not really an .xlsx file. "
    "Open it in Excel, save it again and try again.",
)
MSG_NO_HEADER = QT_TRANSLATE_NOOP(
    "shipping",
    "No header row was found. The first rows must name the columns: order id (订单号), "
    "carrier (快递公司) and tracking number (运单号).",
)
MSG_MISSING_COLUMNS = QT_TRANSLATE_NOOP(
    "shipping", "The header row has no column for: {columns}. Add it and try again."
)
MSG_UNCLOSED_QUOTE = QT_TRANSLATE_NOOP(
    "shipping",
    'Row {row} has a quotation mark (") that is never closed, so everything after it reads as one cell. '
    "Remove the stray quotation mark, or open the file in Excel, save it again and try again.",
)
MSG_BAD_CSV_ROW = QT_TRANSLATE_NOOP(
    "shipping",
    'Row {row} could not be read as CSV. Open the file in Excel, save it again as "CSV UTF-8" and try again.',
)
MSG_NO_ROWS = QT_TRANSLATE_NOOP("shipping", "The file has a header row but no orders under it.")
MSG_TOO_MANY_ROWS = QT_TRANSLATE_NOOP(
    "shipping", "The file has more than {max} rows. Split it into smaller files."
)
# Named as the headers to type (either language works), so not translated.
COLUMN_WORDS = {
    ORDER: "订单号 (order id)",
    CARRIER: "快递公司 (carrier)",
    TRACKING: "运单号 (tracking number)",
}

MSG_NO_ORDER_ID = QT_TRANSLATE_NOOP("shipping", "The order id is empty.")
MSG_NO_TRACKING = QT_TRANSLATE_NOOP("shipping", "The tracking number is empty.")
MSG_ORDER_ID_AS_NUMBER = QT_TRANSLATE_NOOP(
    "shipping",
    "The order id {value} was turned into a number by Excel and has lost its last digits. "
    "Format the order id column as text, paste the ids again and save.",
)
MSG_TRACKING_AS_NUMBER = QT_TRANSLATE_NOOP(
    "shipping",
    "The tracking number {value} was turned into a number by Excel and has lost its last digits. "
    "Format the tracking number column as text, paste the numbers again and save.",
)

_SCIENTIFIC = re.compile(r"[+-]?\d+(\.\d*)?E[+-]?\d+")
_EXCEL_TEXT_FORMULA = re.compile(r'="(.*)"')


class ImportFileProblem(Refusal):
    """The file as a whole cannot be used, in plain words."""

    context = "shipping"


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Why a row cannot be shipped: `message` (context "shipping") with `params`."""

    message: str
    params: Mapping[str, object] = field(default_factory=dict)
    context: ClassVar[str] = "shipping"

    def __str__(self) -> str:
        return self.message.format(**self.params) if self.params else self.message


@dataclass(frozen=True, slots=True)
class ImportRow:
    """A data row as the file has it (cells cleaned of spreadsheet decoration only)."""

    row_number: int  # as the spreadsheet shows it, counting from 1
    order_id: str
    carrier: str  # a code or a name, as typed; "" when the cell is empty
    tracking_no: str  # as typed; normalised by preview()
    problem: RowProblem | None = None  # a cell the spreadsheet spoilt, or an empty one


# --- reading the file ---------------------------------------------------------------------------
def read_shipment_file(path: str | Path) -> list[ImportRow]:
    """The data rows of a .csv or .xlsx file; ImportFileProblem if it cannot be used."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ImportFileProblem(MSG_WRONG_TYPE)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileProblem(MSG_CANNOT_OPEN, {"reason": error.strerror or str(error)}) from error
    if not data.strip():
        raise ImportFileProblem(MSG_EMPTY)
    sheets = _csv_sheets(data) if suffix == ".csv" else _xlsx_sheets(data)
    first_problem: ImportFileProblem | None = None
    for sheet in sheets:
        try:
            return _rows(sheet)
        except ImportFileProblem as problem:  # another delimiter or worksheet may be the right one
            first_problem = first_problem or problem
    raise first_problem or ImportFileProblem(MSG_NO_HEADER)


def _csv_sheets(data: bytes) -> Iterator[list[list[object]]]:
    """The file parsed with each delimiter Excel uses (comma; semicolon in some locales;
    tab for "Unicode text"), in that order; the first with a header row wins."""
    text = _decode(data)
    for delimiter in (",", ";", "\t"):
        yield _csv_rows(text, delimiter)


def _csv_rows(text: str, delimiter: str) -> list[list[object]]:
    """Every row of the CSV text; a row the csv module cannot read is refused by its number."""
    rows: list[list[object]] = []
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append([*record])  # one by one: on an error, `rows` holds the good rows before it
    except csv.Error as error:
        # The rows read so far are good: the bad one is the next, counted as _rows() counts.
        row = {"row": len(rows) + 1}
        # A quote never closed swallows the rest of the file: the field outgrows the csv
        # module's limit (or, strictly read, the file ends inside it).
        if "field limit" in str(error) or "end of data" in str(error):
            raise ImportFileProblem(MSG_UNCLOSED_QUOTE, row) from error
        raise ImportFileProblem(MSG_BAD_CSV_ROW, row) from error
    return rows


def _decode(data: bytes) -> str:
    # UTF-8 (Excel's "CSV UTF-8" adds a BOM), UTF-16 ("Unicode text"), else the
    # Chinese Windows code page: Excel's plain "CSV" there is GBK, a subset of GB18030.
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileProblem(MSG_NOT_TEXT)


def _xlsx_sheets(data: bytes) -> Iterator[list[list[object]]]:
    """Every worksheet's cell values (read-only mode: big sheets stream)."""
    from openpyxl import load_workbook  # only the import screen pays for it

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - zip, XML and openpyxl errors all mean "damaged"
        raise ImportFileProblem(MSG_BAD_WORKBOOK) from error
    try:
        sheets: list[list[list[object]]] = []
        for worksheet in workbook.worksheets:
            rows: list[list[object]] = []
            for values in worksheet.iter_rows(values_only=True):
                rows.append(list(values))
                if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                    raise ImportFileProblem(MSG_TOO_MANY_ROWS, {"max": MAX_ROWS})
            sheets.append(rows)
    except ImportFileProblem:
        raise
    except Exception as error:  # noqa: BLE001 - a damaged part shows only while streaming
        raise ImportFileProblem(MSG_BAD_WORKBOOK) from error
    finally:
        workbook.close()
    yield from sheets


def _header_key(value: object) -> str:
    text = unicodedata.normalize("NFKC", str(value or "")).lower()
    return re.sub(r"[\s_\-:*.()（）/]", "", text)


def _find_columns(rows: Sequence[Sequence[object]]) -> tuple[int, dict[str, int]]:
    """The index of the header row and the column of each field."""
    best: tuple[int, dict[str, int]] = (-1, {})
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found: dict[str, int] = {}
        for column, cell in enumerate(row):
            key = _header_key(cell)
            for name, aliases in HEADER_NAMES.items():
                if key in aliases and name not in found:
                    found[name] = column
        if len(found) == len(HEADER_NAMES):
            return index, found
        if len(found) > len(best[1]):
            best = (index, found)
    if len(best[1]) < 2:  # one matching word is more likely a title than a header
        raise ImportFileProblem(MSG_NO_HEADER)
    missing = [COLUMN_WORDS[name] for name in HEADER_NAMES if name not in best[1]]
    raise ImportFileProblem(MSG_MISSING_COLUMNS, {"columns": ", ".join(missing)})


def _rows(sheet: list[list[object]]) -> list[ImportRow]:
    header, columns = _find_columns(sheet)
    rows = []
    for index in range(header + 1, len(sheet)):
        cells = sheet[index]
        values = [cells[columns[name]] if columns[name] < len(cells) else None for name in HEADER_NAMES]
        if all(_cell_text(value) == "" for value in values):
            continue  # blank lines between blocks, or the end of a formatted area
        rows.append(_import_row(index + 1, *values))
        if len(rows) > MAX_ROWS:
            raise ImportFileProblem(MSG_TOO_MANY_ROWS, {"max": MAX_ROWS})
    if not rows:
        raise ImportFileProblem(MSG_NO_ROWS)
    return rows


def _cell_text(value: object) -> str:
    """A cell as text, without what spreadsheets add to keep text as text (a leading
    apostrophe, ="…", a tab in platform exports)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 10**EXACT_DIGITS:
        value = int(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    formula = _EXCEL_TEXT_FORMULA.fullmatch(text)
    if formula:
        text = formula.group(1).strip()
    return text.lstrip("'").strip()


def _spoilt_number(value: object) -> bool:
    """True when a spreadsheet has turned an id into a number that cannot be exact."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return not (float(value).is_integer() and abs(value) < 10**EXACT_DIGITS)
    return bool(_SCIENTIFIC.fullmatch(_cell_text(value).upper()))


def _import_row(row_number: int, order: object, carrier: object, tracking: object) -> ImportRow:
    order_id, carrier_text, tracking_no = _cell_text(order), _cell_text(carrier), _cell_text(tracking)
    problem: RowProblem | None = None
    if _spoilt_number(order):  # shown as Excel shows it, never as digits it does not have
        order_id = _shown(order)
        problem = RowProblem(MSG_ORDER_ID_AS_NUMBER, {"value": order_id})
    elif _spoilt_number(tracking):
        tracking_no = _shown(tracking)
        problem = RowProblem(MSG_TRACKING_AS_NUMBER, {"value": tracking_no})
    elif not order_id:
        problem = RowProblem(MSG_NO_ORDER_ID)
    elif not tracking_no:  # an empty carrier is recognised from the number (shipment_import)
        problem = RowProblem(MSG_NO_TRACKING)
    return ImportRow(row_number, order_id, carrier_text, tracking_no, problem)


def _shown(value: object) -> str:
    """A spoilt number as Excel shows it (6.92E+18), the way the person sees it on screen."""
    if isinstance(value, int | float):
        return f"{float(value):.2E}"
    return _cell_text(value)


def looks_rounded(order_id: str) -> bool:
    """A long digit string whose digits after the 15th are all zeros: Excel's rounding."""
    return order_id.isdigit() and len(order_id) > EXACT_DIGITS and set(order_id[EXACT_DIGITS:]) == {"0"}
