"""The words a person can read on a window, and those among them still in English.

`visible_texts(widget)` walks a window and everything shown in it: window titles,
labels, buttons, group boxes, tabs, table headers and the cells of the rows in view,
list items, combo-box items, placeholders, tooltips and the status bar's message. `english_left(widget)` keeps
the texts holding an English word: three or more ASCII letters in a row that are not
data (carrier codes, file kinds, product names such as "iPhone");
`half_width_punctuation(widget)` those with "修改后:" where Chinese writes "修改后：";
`chinese_left(widget)`, for the English interface, those with Chinese that is not data.
The interface tests fail on what they return.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QStatusBar,
    QTabBar,
    QTextEdit,
    QWidget,
    QWizard,
)

# Words that are the same in a Chinese interface: names of things, file kinds, units.
DATA_WORDS = frozenset(
    {
        "csv", "xlsx", "xls", "png", "jpg", "jpeg", "gif", "bmp", "pdf", "svg", "sqlite",
        "postgresql", "ems", "sku", "app", "key", "secret", "url", "http", "https", "douyin",
        "wifi", "pcs", "max", "ctrl", "shift", "alt", "esc", "tab", "enter",
        "del", "space", "home", "end", "pgup", "pgdown", "backspace", "ins", "ml", "cm", "com",
        "www", "api", "yyyy", "mm", "dd", "iphone", "usb", "led", "pro", "utc",
    }
)  # fmt: skip
# A platform's brand name, kept as written in a Chinese sentence too ("TikTok Shop 上的…"):
# a name, not English left untranslated.
BRANDS = ("TikTok Shop", "TikTok")
# Three letters or more, and a bare "id" ("地址 (id 1)"): a code's word, not the person's.
WORD = re.compile(r"[A-Za-z]{3,}|(?<![A-Za-z])id(?![A-Za-z])")
TAG = re.compile(r"<[^>]*>|&[a-z]+;|&#\d+;")
ROWS_READ = 12  # the first rows of each table: enough to meet every kind of cell


def _plain(text: str) -> str:
    return TAG.sub(" ", text) if "<" in text else text


def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model: QAbstractItemModel | None = view.model()
    if model is None:
        return
    for orientation, count in ((Qt.Orientation.Horizontal, model.columnCount()),):
        for section in range(count):
            header = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
            if isinstance(header, str):
                yield header
            tip = model.headerData(section, orientation, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                yield tip
    for row in range(min(ROWS_READ, model.rowCount())):
        for column in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.index(row, column).data(role)
                if isinstance(value, str):
                    yield value


def visible_texts(root: QWidget) -> list[str]:
    """Every text shown on `root` and its visible descendants (not deduplicated)."""
    texts: list[str] = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
            texts.extend(widget.tabToolTip(i) for i in range(widget.count()))
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            texts.append(widget.placeholderText())
            if widget.isReadOnly():
                texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
            if widget.isEditable() and widget.lineEdit() is not None:
                texts.append(widget.lineEdit().placeholderText())
        elif isinstance(widget, QStatusBar):
            texts.append(widget.currentMessage())
        elif isinstance(widget, QWizard):
            page = widget.currentPage()
            if page is not None:
                texts.extend((page.title(), page.subTitle()))
        if isinstance(widget, QListWidget):
            texts.extend(widget.item(i).text() for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            texts.extend(_model_texts(widget))
    return [text for text in texts if text]


def english_words(text: str, data: Iterable[str] = ()) -> list[str]:
    """The English words of `text` once the `data` in it (names, ids) is taken out."""
    plain = _plain(text)
    for value in (*data, *BRANDS):
        plain = plain.replace(value, " ")
    return [word for word in WORD.findall(plain) if word.lower() not in DATA_WORDS]


def english_left(root: QWidget, data: Iterable[str] = ()) -> list[str]:
    """The texts on `root` that still hold English words, each once, in order; `data`:
    values of the shop shown as they are (a user name, a rule set's name)."""
    found: dict[str, None] = {}
    data = tuple(data)
    for text in visible_texts(root):
        if english_words(text, data):
            found.setdefault(text.strip())
    return list(found)


HALF_WIDTH_AFTER_CHINESE = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef][:,;?!](?!//)")


def half_width_punctuation(root: QWidget, data: Iterable[str] = ()) -> list[str]:
    """The texts on `root` with a half-width colon, comma, semicolon, question or
    exclamation mark right after Chinese ("修改后:"), once the `data` is taken out."""
    found: dict[str, None] = {}
    data = tuple(data)
    for text in visible_texts(root):
        plain = _plain(text)
        for value in data:
            plain = plain.replace(value, " ")
        if HALF_WIDTH_AFTER_CHINESE.search(plain):
            found.setdefault(text.strip())
    return list(found)


CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def chinese_left(root: QWidget, data: Iterable[str] = ()) -> list[str]:
    """The texts on `root` that hold Chinese once the `data` in them (product names,
    buyers' words, carriers' names as the platform sends them) is taken out."""
    found: dict[str, None] = {}
    data = tuple(data)
    for text in visible_texts(root):
        plain = _plain(text)
        for value in data:
            plain = plain.replace(value, " ")
        if CHINESE.search(plain):
            found.setdefault(text.strip())
    return list(found)
