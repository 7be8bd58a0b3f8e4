"""The translation marker: English source strings that a screen later translates.

`QT_TRANSLATE_NOOP(context, text)` returns the text unchanged; Qt's `lupdate` finds the
calls by name and puts the text in the catalogue under its context, and the views show
it through `QCoreApplication.translate(context, text)`. Code below the views (core,
models, services, platforms) marks its words with this instead of importing Qt.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate looks for this name
    return text
