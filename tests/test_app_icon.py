"""The application icon: the window carries it, and the .ico and .icns hold every size they should.

The files are drawn by packaging/make_icons.py and committed; these tests read the
committed files the way Windows and macOS do (a directory of images) and check the
script still writes files of the same shape.
"""

from __future__ import annotations

import struct
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QImageReader

from app.config import Settings
from app.views.shell.app import ICON_FOLDER, ICON_SIZES, application_icon, build_application
from tests.packaging_files import ROOT, load_script

make_icons = load_script("packaging/make_icons.py")
ICO = ROOT / "packaging" / "icons" / "aftersales-desk.ico"
ICNS = ROOT / "packaging" / "icons" / "aftersales-desk.icns"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    """(pixel size, image data) of each entry of an .ico file."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1), "not an icon file"
    entries = []
    for index in range(count):
        width, _height, _, _, _, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        assert bits == 32
        entries.append((width or 256, data[offset : offset + length]))
    return entries


def icns_entries(data: bytes) -> dict[bytes, bytes]:
    assert data[:4] == b"icns" and struct.unpack_from(">I", data, 4)[0] == len(data)
    entries, position = {}, 8
    while position < len(data):
        kind, length = data[position : position + 4], struct.unpack_from(">I", data, position + 4)[0]
        entries[kind] = data[position + 8 : position + length]
        position += length
    return entries


def test_the_app_window_carries_the_icon_at_small_and_large_sizes(qapp, english) -> None:
    app = build_application([], Settings(language="en"))
    sizes = app.windowIcon().availableSizes()
    assert QSize(16, 16) in sizes and QSize(256, 256) in sizes
    app.setStyleSheet("")  # keep other tests' widgets unstyled


def test_every_drawn_size_is_a_square_png_in_the_resources() -> None:
    for size in ICON_SIZES:
        image = QImage(str(ICON_FOLDER / f"aftersales-desk-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel(), "the rounded corners are transparent"


def test_a_missing_icon_folder_leaves_the_default_icon_rather_than_failing(tmp_path: Path) -> None:
    assert application_icon(tmp_path).isNull()


def test_the_windows_icon_holds_bitmaps_from_16_px_and_a_png_at_256() -> None:
    entries = dict(ico_entries(ICO.read_bytes()))
    assert sorted(entries) == sorted(make_icons.ICO_SIZES)
    assert entries[256].startswith(PNG_SIGNATURE)
    # A 32-bit bitmap: its header says 16 wide and twice 16 high (the image, then its mask).
    assert struct.unpack_from("<Iii", entries[16], 0) == (40, 16, 32)


def test_the_macos_icon_holds_pngs_up_to_1024_px_for_retina_screens() -> None:
    entries = icns_entries(ICNS.read_bytes())
    assert set(entries) == {kind for kind, _size in make_icons.ICNS_TYPES}
    largest = QImage.fromData(entries[b"ic10"])
    assert (largest.width(), largest.height()) == (1024, 1024)
    assert all(image.startswith(PNG_SIGNATURE) for image in entries.values())


def test_the_icon_script_writes_files_of_the_same_shape_as_the_committed_ones(qapp) -> None:
    written = ico_entries(make_icons.ico_bytes())
    committed = ico_entries(ICO.read_bytes())
    assert [size for size, _ in written] == [size for size, _ in committed]
    assert set(icns_entries(make_icons.icns_bytes())) == set(icns_entries(ICNS.read_bytes()))


def images_read_by_qt(path: Path) -> dict[int, QImage]:
    """Every image of an .ico or .icns as Qt's own readers of those formats see it."""
    reader = QImageReader(str(path))
    images: dict[int, QImage] = {}
    while True:
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        images[image.width()] = image.convertToFormat(QImage.Format.Format_ARGB32)
        if not reader.jumpToNextImage():
            return images


def test_an_icon_reader_sees_in_the_ico_the_same_pictures_as_the_pngs(qapp) -> None:
    read = images_read_by_qt(ICO)
    for size in (16, 32, 48, 256):
        drawn = QImage(str(ICON_FOLDER / f"aftersales-desk-{size}.png"))
        assert read[size] == drawn.convertToFormat(QImage.Format.Format_ARGB32), f"{size} px"


def test_an_icon_reader_sees_in_the_icns_the_same_pictures_as_the_pngs(qapp) -> None:
    read = images_read_by_qt(ICNS)
    assert {16, 32, 64, 128, 256, 512, 1024} <= set(read)
    drawn = QImage(str(ICON_FOLDER / "aftersales-desk-128.png"))
    assert read[128] == drawn.convertToFormat(QImage.Format.Format_ARGB32)
