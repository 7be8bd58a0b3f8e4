"""Shipping labels on paper: a platform's label PDF rendered and printed through Qt.

Owns `label_pages` (a PDF's pages as images, at the printer's resolution) and
`LabelPrinting`: Qt's print preview of one or more labels, printing straight to a
printer the warehouse chose once (remembered by name for the scanner's print-and-ship),
and "Save as PDF…" of the platform's own file. PySide6-Essentials has no QtPdf module
(it is in PySide6-Addons, ten times the size), so pages are rendered with PDFium through
pypdfium2, whose wheels carry the library for Windows, macOS and Linux; QtPdf is used
instead where it is installed. Each page is drawn to fill the printer's page, its
proportions kept, so a 4 × 6 in label fills a 4 × 6 in thermal label and sits centred on
A4 or Letter.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QWidget

PREVIEW_DPI = 150
PRINT_DPI = 300  # thermal label printers print 203 or 300 dpi
_FORMATS = {
    "RGB": QImage.Format.Format_RGB888,
    "RGBA": QImage.Format.Format_RGBA8888,
    "RGBX": QImage.Format.Format_RGBX8888,
    "L": QImage.Format.Format_Grayscale8,
}


def label_pages(pdf: bytes, dpi: int = PRINT_DPI) -> list[QImage]:
    """Every page of `pdf` as an image at `dpi`; ValueError when it cannot be read."""
    try:
        from PySide6.QtPdf import QPdfDocument  # PySide6-Addons, where installed
    except ImportError:
        return _pdfium_pages(pdf, dpi)
    return _qtpdf_pages(QPdfDocument, pdf, dpi)


def _pdfium_pages(pdf: bytes, dpi: int) -> list[QImage]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError as error:
        raise ValueError(f"not a readable PDF: {error}") from error
    pages = []
    try:
        for page in document:
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            fmt = _FORMATS.get(bitmap.mode)
            if fmt is None:
                raise ValueError(f"unexpected bitmap mode {bitmap.mode}")
            # copy(): the image owns its pixels once PDFium's buffer is freed.
            image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt)
            pages.append(image.copy())
            bitmap.close()
            page.close()
    finally:
        document.close()
    return pages


def _qtpdf_pages(document_type: type, pdf: bytes, dpi: int) -> list[QImage]:  # pragma: no cover - Addons
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = document_type()
    document.load(buffer)
    pages = []
    for index in range(document.pageCount()):
        points = document.pagePointSize(index)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        pages.append(document.render(index, size))
    if not pages:
        raise ValueError("not a readable PDF")
    return pages


def paint_labels(printer: QPrinter, pages: Sequence[QImage]) -> None:
    """Each page on a page of `printer`, filling it with its proportions kept."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        for index, image in enumerate(pages):
            if index:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(
                area.x() + (area.width() - size.width()) // 2, area.y(), size.width(), size.height()
            )
            painter.drawImage(target, image)
    finally:
        painter.end()


def label_printer(printer_name: str = "") -> QPrinter:
    """A printer for labels: the named one (the warehouse's remembered label printer) when
    it is installed, else the system's default; full page, the label's own 4 × 6 in size."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if printer_name:
        info = QPrinterInfo.printerInfo(printer_name)
        if not info.isNull():
            printer.setPrinterName(printer_name)
    printer.setFullPage(True)
    printer.setPageSize(QPageSize(QSizeF(4.0, 6.0), QPageSize.Unit.Inch, "4 x 6 in"))
    return printer


class LabelPrinting:
    """Preview, print and save labels for a screen; `printer_name` is remembered by the caller."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self.preview: QPrintPreviewDialog | None = None  # the one open, for tests and screenshots
        self._printer: QPrinter | None = None

    def open_preview(self, pdfs: Sequence[bytes], printer: QPrinter | None = None) -> QPrintPreviewDialog:
        """Qt's print preview of the labels (pages rendered once), not yet shown: `exec()` or `open()`."""
        pages = [page for pdf in pdfs for page in label_pages(pdf)]
        # Kept here: the dialog does not own the printer, and Python would free it under it.
        self._printer = printer or label_printer()
        dialog = QPrintPreviewDialog(self._printer, self._parent)
        dialog.setObjectName("labelPreview")
        dialog.paintRequested.connect(lambda target: paint_labels(target, pages))
        dialog.finished.connect(lambda _result: setattr(self, "preview", None))
        self.preview = dialog
        return dialog

    def choose_printer(self, printer_name: str = "") -> QPrinter | None:
        """The print dialog, the remembered printer chosen in it; None when cancelled."""
        printer = label_printer(printer_name)
        dialog = QPrintDialog(printer, self._parent)
        dialog.setObjectName("labelPrintDialog")
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    @staticmethod
    def print_now(printer: QPrinter, pdf: bytes) -> None:
        paint_labels(printer, label_pages(pdf))

    def save_as(self, order_id: str, pdf: bytes, title: str) -> str:
        """The platform's PDF as it came, where the person chooses; "" when cancelled."""
        path, _ = QFileDialog.getSaveFileName(self._parent, title, f"label-{order_id}.pdf", "PDF (*.pdf)")
        if path:
            with open(path, "wb") as out:
                out.write(pdf)
        return path
