"""Screens say why they are empty, and what cannot be typed into looks it: "Needs
attention" with nothing in it says there is nothing to do; the first-run wizard's
disabled fields are greyed out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLineEdit

from app.shop import check_shop_keys
from app.views.attention.view import NeedsAttentionView
from app.views.setup.first_run_wizard import FirstRunWizard
from app.views.shell.app import load_style_sheet


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The app's style sheet, as build_application applies it (looks depend on it)."""
    qapp.setStyleSheet(load_style_sheet())
    yield
    qapp.setStyleSheet("")


def test_needs_attention_with_nothing_in_it_says_there_is_nothing_to_do(
    qtbot, english, tasks, session_factory, owner
) -> None:
    view = NeedsAttentionView(tasks, session_factory, owner)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.empty_label.isVisible(), timeout=5_000)
    assert "Nothing needs you" in view.empty_label.text()
    assert not view.table.isVisible()  # no empty grid of headers
    assert not view.discard_button.isVisible() and not view.reapply_button.isVisible()


def background(edit: QLineEdit) -> QColor:
    """The colour at the middle of the box, right of any text (as painted)."""
    image = edit.grab().toImage()
    return image.pixelColor(QPoint(image.width() - 6, image.height() // 2))


def test_the_wizards_disabled_fields_look_disabled(qtbot, styled, english, tasks) -> None:
    wizard = FirstRunWizard(tasks, test_connection=check_shop_keys, keyring_available=lambda: True)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.shop_page
    wizard.next()  # the owner page is not filled: show the shop page directly
    edits = [edit for edit in page.findChildren(QLineEdit) if edit.isVisibleTo(page)]
    enabled = [edit for edit in edits if edit.isEnabled()]
    disabled = [edit for edit in edits if not edit.isEnabled()]
    assert disabled, "the shop page greys its credentials while the demo shop is chosen"
    if not enabled:
        enabled = [QLineEdit(page)]
        enabled[0].setGeometry(disabled[0].geometry())
        enabled[0].show()
    assert background(disabled[0]) != background(enabled[0])
