"""The first-run wizard's first page: the owner's account.

Owns `OwnerPage` (user name, display name, password twice, checked by the accounts
service's own rules as the person types). The shop page is `shop_page.ShopPage`; the
pages only collect and check, `FirstRunWizard` builds the result.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.services.people import accounts
from app.services.people.accounts import AccountError
from app.views.common.people_words import refusal_text


class OwnerPage(QWizardPage):
    """The owner's account; Next stays disabled until every field passes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.username_edit = QLineEdit(self)
        self.username_edit.setObjectName("ownerUsername")
        self.display_name_edit = QLineEdit(self)
        self.display_name_edit.setObjectName("ownerDisplayName")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("ownerPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit(self)
        self.confirm_edit.setObjectName("ownerPasswordAgain")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self._labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout()
        edits = (self.username_edit, self.display_name_edit, self.password_edit, self.confirm_edit)
        for label, edit in zip(self._labels, edits, strict=True):
            label.setBuddy(edit)
            form.addRow(label, edit)
            edit.textEdited.connect(lambda _text, e=edit: self._on_edited(e))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self._touched: set[QLineEdit] = set()
        self.retranslate_ui()

    def username(self) -> str:
        return self.username_edit.text().strip()

    def display_name(self) -> str:
        return self.display_name_edit.text().strip()

    def password(self) -> str:
        return self.password_edit.text()

    def problem(self) -> tuple[QLineEdit | None, str]:
        """The first field in the way of Next and why (translated), or (None, "")."""
        # The accounts service's own checks, so the wizard never promises what it refuses.
        checks: tuple[tuple[QLineEdit, Callable[[], object]], ...] = (
            (self.username_edit, lambda: accounts._valid_username(self.username())),
            (self.display_name_edit, lambda: accounts._valid_display_name(self.display_name(), "x")),
            (self.password_edit, lambda: accounts._valid_password(self.password())),
        )
        for edit, validate in checks:
            try:
                validate()
            except AccountError as refusal:
                return edit, refusal_text(refusal)
        if self.confirm_edit.text() != self.password():
            return self.confirm_edit, self.tr("The two passwords are not the same.")
        return None, ""

    def isComplete(self) -> bool:
        return self.problem()[0] is None

    def _on_edited(self, edit: QLineEdit) -> None:
        self._touched.add(edit)
        self._show_problem()
        self.completeChanged.emit()

    def _show_problem(self) -> None:
        # Speak only about fields already typed in: an empty form is not an error yet.
        edit, message = self.problem()
        self.error_label.setText(message if edit in self._touched else "")

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Your owner account"))
        self.setSubTitle(
            self.tr("The owner can do everything, including adding the other people of the shop.")
        )
        for label, text in zip(
            self._labels,
            (
                self.tr("&User name:"),
                self.tr("&Display name:"),
                self.tr("&Password:"),
                self.tr("Password &again:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.username_edit.setPlaceholderText(self.tr("for signing in, e.g. xiaolin"))
        self.display_name_edit.setPlaceholderText(self.tr("shown to colleagues, e.g. 小林"))
        self._show_problem()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
