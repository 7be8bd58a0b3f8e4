"""The first-run wizard's two input pages: the owner's account and the shop.

Owns `OwnerPage` (user name, display name, password twice, checked by the accounts
service's own rules as the person types) and `ShopPage` (demo shop or a real shop's
credentials, the gateway check, the connection test's button and answer, and the
keyring fallback checkbox). The pages only collect and check; `FirstRunWizard` runs
the connection test and builds the result.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from app.secrets import SecretStoreUnavailable
from app.services.people import accounts
from app.services.people.accounts import AccountError
from app.views.common.people_words import refusal_text


def gateway_problem(url: str) -> str:
    """Why `url` cannot be the platform's gateway, in English source words ("" if fine)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return QCoreApplication.translate(
            "first_run", "The gateway must be a web address starting with https:// (or http://)."
        )
    return ""


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


class ShopPage(QWizardPage):
    """Demo shop or a real shop; emits `test_requested` for "Test connection"."""

    test_requested = Signal()
    # The person changed a credential: an earlier test's answer no longer holds.
    credentials_edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, default_gateway: str) -> None:
        super().__init__(parent)
        self.demo_choice = QRadioButton(self)
        self.demo_choice.setObjectName("useDemoShop")
        self.real_choice = QRadioButton(self)
        self.real_choice.setObjectName("connectMyShop")
        choices = QButtonGroup(self)
        choices.addButton(self.demo_choice)
        choices.addButton(self.real_choice)
        self.demo_choice.setChecked(True)
        self.app_key_edit = QLineEdit(self)
        self.app_key_edit.setObjectName("appKey")
        self.app_secret_edit = QLineEdit(self)
        self.app_secret_edit.setObjectName("appSecret")
        self.app_secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.shop_id_edit = QLineEdit(self)
        self.shop_id_edit.setObjectName("shopId")
        self.gateway_edit = QLineEdit(default_gateway, self)
        self.gateway_edit.setObjectName("gateway")
        self.test_button = QPushButton(self)
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_requested)
        self.test_result = QLabel(self)
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        # What a test found may name what to copy elsewhere (the address to whitelist).
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.keyring_note = QLabel(self)
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setWordWrap(True)
        self.plain_file_box = QCheckBox(self)
        self.plain_file_box.setObjectName("allowPlainFileSecret")
        self._keyring_available: bool | None = None  # None: still asking
        self._testing = False

        self._labels = [QLabel(self) for _ in range(4)]
        self._details = QWidget(self)
        form = QFormLayout()
        edits = (self.app_key_edit, self.app_secret_edit, self.shop_id_edit, self.gateway_edit)
        for label, edit in zip(self._labels, edits, strict=True):
            label.setBuddy(edit)
            form.addRow(label, edit)
            edit.textEdited.connect(self._on_credentials_edited)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        # Wrapped labels go below the form: a form row does not grow for a second line.
        details = QVBoxLayout(self._details)
        details.setContentsMargins(24, 0, 0, 0)
        details.addLayout(form)
        details.addLayout(test_row)
        for widget in (self.error_label, self.keyring_note, self.plain_file_box):
            details.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.demo_choice)
        layout.addWidget(self.real_choice)
        layout.addWidget(self._details)
        layout.addStretch(1)
        self.real_choice.toggled.connect(self._update)
        self.plain_file_box.toggled.connect(self._update)
        self.retranslate_ui()

    # --- what the wizard reads ------------------------------------------------------------
    def use_demo(self) -> bool:
        return self.demo_choice.isChecked()

    def app_key(self) -> str:
        return self.app_key_edit.text().strip()

    def app_secret(self) -> str:
        return self.app_secret_edit.text().strip()

    def shop_id(self) -> str:
        return self.shop_id_edit.text().strip()

    def gateway(self) -> str:
        return self.gateway_edit.text().strip().rstrip("/")

    def keyring_available(self) -> bool | None:
        """Whether the OS keyring works here; None while the wizard is still asking."""
        return self._keyring_available

    def plain_file_allowed(self) -> bool:
        return self._keyring_available is False and self.plain_file_box.isChecked()

    def credentials_problem(self) -> str:
        """Why the typed credentials cannot be used (translated), "" when they look right."""
        if not self.app_key():
            return self.tr("Enter the app key from the 抖店 open platform.")
        if not self.app_key().isdigit():
            return self.tr("The app key is a number (digits only); copy it again from the open platform.")
        if not self.app_secret():
            return self.tr("Enter the app secret.")
        if any(character.isspace() for character in self.app_secret()):
            return self.tr("The app secret has no spaces; copy it again from the open platform.")
        if not self.shop_id():
            return self.tr("Enter the shop id.")
        if not self.shop_id().isdigit():
            return self.tr("The shop id is a number (digits only).")
        return gateway_problem(self.gateway())

    def isComplete(self) -> bool:
        if self.use_demo():
            return True
        if self.credentials_problem():
            return False
        return self._keyring_available is True or self.plain_file_allowed()

    # --- the wizard's answers ---------------------------------------------------------------
    @Slot(bool)
    def set_keyring_available(self, available: bool) -> None:
        self._keyring_available = bool(available)
        self._update()

    def show_test_running(self) -> None:
        self._testing = True
        self._set_test_text(self.tr("Testing…"), None)
        self._update()

    def show_test_result(self, ok: bool, words: str, platform_words: str) -> None:
        self._testing = False
        self._set_test_text(words, ok)
        self.test_result.setToolTip(
            self.tr("The platform said: {words}").format(words=platform_words) if platform_words else ""
        )
        self._update()

    def _set_test_text(self, text: str, ok: bool | None) -> None:
        self.test_result.setText(text)
        self.test_result.setProperty("state", "" if ok is None else ("good" if ok else "bad"))
        self.test_result.style().unpolish(self.test_result)
        self.test_result.style().polish(self.test_result)

    @Slot()
    def _on_credentials_edited(self) -> None:
        self._testing = False
        self._set_test_text("", None)
        self.test_result.setToolTip("")
        self.credentials_edited.emit()
        self._update()

    @Slot()
    def _update(self) -> None:
        real = self.real_choice.isChecked()
        self._details.setEnabled(real)
        problem = self.credentials_problem() if real else ""
        # An untouched empty form gets no scolding, only a disabled Next.
        typed = any(e.isModified() for e in (self.app_key_edit, self.app_secret_edit, self.shop_id_edit))
        self.error_label.setText(problem if typed or self.gateway_edit.isModified() else "")
        self.test_button.setEnabled(real and not problem and not self._testing)
        without_keyring = real and self._keyring_available is False
        self.keyring_note.setVisible(without_keyring)
        self.plain_file_box.setVisible(without_keyring)
        self.completeChanged.emit()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Your shop"))
        self.setSubTitle(self.tr("Start with the demo shop to look around, or connect your 抖店 shop now."))
        self.demo_choice.setText(self.tr("Try with the demo shop (recommended for a first look)"))
        self.real_choice.setText(self.tr("Connect my shop"))
        for label, text in zip(
            self._labels,
            (self.tr("App &key:"), self.tr("App &secret:"), self.tr("Shop &id:"), self.tr("&Gateway:")),
            strict=True,
        ):
            label.setText(text)
        self.test_button.setText(self.tr("&Test connection"))
        self.keyring_note.setText(refusal_text(SecretStoreUnavailable()))
        self.plain_file_box.setText(self.tr("Store the secret in a protected file on this computer instead"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
