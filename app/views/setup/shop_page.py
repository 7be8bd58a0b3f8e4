"""The first-run wizard's shop page: which platform, the demo shop or a real shop's keys.

Owns `ShopPage`: the platform the shop sells on (抖店 Douyin or TikTok Shop), then that
platform's demo shop or the real shop's credentials — Douyin's app key, secret, shop id
and gateway; TikTok Shop's app key, secret, the authorization code (typed, or the whole
redirect address it came back in, the code read out of it) and gateway — the
connection test's button and answer, and the keyring fallback checkbox. The page only
collects and checks; `FirstRunWizard` runs the connection test and builds the result.

A TikTok shop cannot be finished untested: its authorization code works once, and the
test is what exchanges it for the tokens the desk keeps (the code itself is spent).
"""

from __future__ import annotations

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
from app.services.setup.connection_test import DOUYIN, TIKTOK, authorization_code
from app.views.common.people_words import refusal_text

# Where each platform's open API answers unless the owner says otherwise (a proxy, a
# sandbox). TikTok: the Partner API host (design/TIKTOK-PROTOCOL.md; EcomPHP/tiktokshop-php
# src/Client.php); its auth host is the client's business.
DEFAULT_GATEWAYS = {
    DOUYIN: "https://openapi-fxg.jinritemai.com",
    TIKTOK: "https://open-api.tiktokglobalshop.com",
}


def gateway_problem(url: str) -> str:
    """Why `url` cannot be the platform's gateway, in translated words ("" if fine)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return QCoreApplication.translate(
            "first_run", "The gateway must be a web address starting with https:// (or http://)."
        )
    return ""


class ShopPage(QWizardPage):
    """Platform, then demo shop or a real shop; emits `test_requested` for "Test connection"."""

    test_requested = Signal()
    # The person changed a credential or the platform: an earlier test's answer no longer holds.
    credentials_edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, default_gateway: str | None = None) -> None:
        super().__init__(parent)
        self._gateways = dict(DEFAULT_GATEWAYS)
        if default_gateway:
            self._gateways[DOUYIN] = default_gateway
        self.douyin_choice = QRadioButton(self)
        self.douyin_choice.setObjectName("platformDouyin")
        self.tiktok_choice = QRadioButton(self)
        self.tiktok_choice.setObjectName("platformTiktok")
        platforms = QButtonGroup(self)
        platforms.addButton(self.douyin_choice)
        platforms.addButton(self.tiktok_choice)
        self.douyin_choice.setChecked(True)
        self._platform = DOUYIN
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
        self.auth_code_edit = QLineEdit(self)
        self.auth_code_edit.setObjectName("authCode")
        self.gateway_edit = QLineEdit(self._gateways[DOUYIN], self)
        self.gateway_edit.setObjectName("gateway")
        self.code_note = QLabel(self)  # what was read out of a pasted address
        self.code_note.setObjectName("hint")
        self.code_note.setWordWrap(True)
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
        self.test_first_note = QLabel(self)
        self.test_first_note.setObjectName("hint")
        self.test_first_note.setWordWrap(True)
        self.keyring_note = QLabel(self)
        self.keyring_note.setObjectName("keyringNote")
        self.keyring_note.setWordWrap(True)
        self.plain_file_box = QCheckBox(self)
        self.plain_file_box.setObjectName("allowPlainFileSecret")
        self._keyring_available: bool | None = None  # None: still asking
        self._testing = False
        self._test_passed = False

        self._labels = [QLabel(self) for _ in range(5)]
        self._details = QWidget(self)
        self._form = QFormLayout()
        edits = (
            self.app_key_edit,
            self.app_secret_edit,
            self.shop_id_edit,
            self.auth_code_edit,
            self.gateway_edit,
        )
        for label, edit in zip(self._labels, edits, strict=True):
            label.setBuddy(edit)
            self._form.addRow(label, edit)
            edit.textEdited.connect(self._on_credentials_edited)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        # Wrapped labels go below the form: a form row does not grow for a second line.
        details = QVBoxLayout(self._details)
        details.setContentsMargins(24, 0, 0, 0)
        details.addLayout(self._form)
        details.addWidget(self.code_note)
        details.addLayout(test_row)
        for widget in (self.error_label, self.test_first_note, self.keyring_note, self.plain_file_box):
            details.addWidget(widget)
        self._platform_label = QLabel(self)
        platform_row = QHBoxLayout()
        platform_row.addWidget(self._platform_label)
        platform_row.addWidget(self.douyin_choice)
        platform_row.addWidget(self.tiktok_choice)
        platform_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(platform_row)
        layout.addSpacing(6)
        layout.addWidget(self.demo_choice)
        layout.addWidget(self.real_choice)
        layout.addWidget(self._details)
        layout.addStretch(1)
        self.tiktok_choice.toggled.connect(self._on_platform_chosen)
        self.real_choice.toggled.connect(self._update)
        self.plain_file_box.toggled.connect(self._update)
        self._show_platform_rows()
        self.retranslate_ui()

    # --- what the wizard reads ------------------------------------------------------------
    def platform(self) -> str:
        """The platform chosen: "douyin" or "tiktok"."""
        return self._platform

    def use_demo(self) -> bool:
        return self.demo_choice.isChecked()

    def app_key(self) -> str:
        return self.app_key_edit.text().strip()

    def app_secret(self) -> str:
        return self.app_secret_edit.text().strip()

    def shop_id(self) -> str:
        """Douyin's shop id as typed ("" for TikTok: the platform names the shop)."""
        return self.shop_id_edit.text().strip() if self._platform == DOUYIN else ""

    def auth_code(self) -> str:
        """TikTok's authorization code, read out of a pasted address if need be ("" if none)."""
        return authorization_code(self.auth_code_edit.text()).code if self._platform == TIKTOK else ""

    def gateway(self) -> str:
        return self.gateway_edit.text().strip().rstrip("/")

    def keyring_available(self) -> bool | None:
        """Whether the OS keyring works here; None while the wizard is still asking."""
        return self._keyring_available

    def plain_file_allowed(self) -> bool:
        return self._keyring_available is False and self.plain_file_box.isChecked()

    def credentials_problem(self) -> str:
        """Why the typed credentials cannot be used (translated), "" when they look right."""
        if self._platform == TIKTOK:
            return self._tiktok_problem() or gateway_problem(self.gateway())
        if not self.app_key():
            return self.tr("Enter the app key from the 抖店 open platform.")
        if not self.app_key().isdigit():
            return self.tr("The app key is a number (digits only); copy it again from the open platform.")
        problem = self._secret_problem()
        if problem:
            return problem
        if not self.shop_id():
            return self.tr("Enter the shop id.")
        if not self.shop_id().isdigit():
            return self.tr("The shop id is a number (digits only).")
        return gateway_problem(self.gateway())

    def _secret_problem(self) -> str:
        if not self.app_secret():
            return self.tr("Enter the app secret.")
        if any(character.isspace() for character in self.app_secret()):
            if self._platform == TIKTOK:
                return self.tr("The app secret has no spaces; copy it again from Partner Center.")
            return self.tr("The app secret has no spaces; copy it again from the open platform.")
        return ""

    def _tiktok_problem(self) -> str:
        if not self.app_key():
            return self.tr("Enter the app key from TikTok Shop Partner Center.")
        if any(character.isspace() for character in self.app_key()):
            return self.tr("The app key has no spaces; copy it again from Partner Center.")
        problem = self._secret_problem()
        if problem:
            return problem
        found = authorization_code(self.auth_code_edit.text())
        if found.problem:
            return QCoreApplication.translate("first_run", found.problem).format(reason=found.reason)
        return ""

    def needs_test(self) -> bool:
        """A TikTok shop's code is exchanged by the test: Finish waits for one that passed."""
        return self._platform == TIKTOK and not self.use_demo() and not self._test_passed

    def isComplete(self) -> bool:
        if self.use_demo():
            return True
        if self.credentials_problem() or self.needs_test():
            return False
        return self._keyring_available is True or self.plain_file_allowed()

    # --- the wizard's answers ---------------------------------------------------------------
    @Slot(bool)
    def set_keyring_available(self, available: bool) -> None:
        self._keyring_available = bool(available)
        self._update()

    def show_test_running(self) -> None:
        self._testing = True
        self._test_passed = False
        self._set_test_text(self.tr("Testing…"), None)
        self._update()

    def show_test_result(self, ok: bool, words: str, platform_words: str) -> None:
        self._testing = False
        self._test_passed = ok
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

    def _forget_test(self) -> None:
        self._testing = False
        self._test_passed = False
        self._set_test_text("", None)
        self.test_result.setToolTip("")
        self.credentials_edited.emit()

    @Slot()
    def _on_credentials_edited(self) -> None:
        self._forget_test()
        self._update()

    @Slot(bool)
    def _on_platform_chosen(self, _tiktok: bool) -> None:
        platform = TIKTOK if self.tiktok_choice.isChecked() else DOUYIN
        if platform == self._platform:
            return
        # Each platform keeps its own gateway: switching back finds what was there.
        self._gateways[self._platform] = self.gateway_edit.text()
        self._platform = platform
        self.gateway_edit.setText(self._gateways[platform])
        self._show_platform_rows()
        self._forget_test()
        self.retranslate_ui()

    def _show_platform_rows(self) -> None:
        tiktok = self._platform == TIKTOK
        self._form.setRowVisible(self.shop_id_edit, not tiktok)
        self._form.setRowVisible(self.auth_code_edit, tiktok)

    @Slot()
    def _update(self) -> None:
        real = self.real_choice.isChecked()
        tiktok = self._platform == TIKTOK
        self._details.setEnabled(real)
        problem = self.credentials_problem() if real else ""
        # An untouched empty form gets no scolding, only a disabled Next.
        typed = any(
            e.isModified()
            for e in (self.app_key_edit, self.app_secret_edit, self.shop_id_edit, self.auth_code_edit)
        )
        self.error_label.setText(problem if typed or self.gateway_edit.isModified() else "")
        # A TikTok code that passed is spent: testing it again could only fail.
        spent = tiktok and self._test_passed
        self.test_button.setEnabled(real and not problem and not self._testing and not spent)
        self._show_code_note(real and tiktok)
        self.test_first_note.setVisible(real and tiktok and not problem and not self._test_passed)
        without_keyring = real and self._keyring_available is False
        self.keyring_note.setVisible(without_keyring)
        self.plain_file_box.setVisible(without_keyring)
        self.completeChanged.emit()

    def _show_code_note(self, shown: bool) -> None:
        typed = self.auth_code_edit.text().strip()
        code = authorization_code(typed).code if shown else ""
        # Say what was read out of an address, so the person sees the right part was taken.
        self.code_note.setText(
            self.tr("Authorization code found in the address: {code}").format(code=code)
            if code and code != typed
            else ""
        )
        self.code_note.setVisible(bool(self.code_note.text()))

    def retranslate_ui(self) -> None:
        tiktok = self._platform == TIKTOK
        self.setTitle(self.tr("Your shop"))
        self.setSubTitle(
            self.tr("Choose where your shop sells, then start with a demo shop or connect your shop now.")
        )
        self._platform_label.setText(self.tr("Platform:"))
        self.douyin_choice.setText(self.tr("抖店 (Douyin)"))
        self.tiktok_choice.setText(self.tr("TikTok Shop"))
        if tiktok:
            self.demo_choice.setText(self.tr("Try with the demo TikTok shop (English, US dollars)"))
            self.real_choice.setText(self.tr("Connect my TikTok shop"))
        else:
            self.demo_choice.setText(self.tr("Try with the demo shop (recommended for a first look)"))
            self.real_choice.setText(self.tr("Connect my shop"))
        for label, text in zip(
            self._labels,
            (
                self.tr("App &key:"),
                self.tr("App &secret:"),
                self.tr("Shop &id:"),
                self.tr("Authorization &code:"),
                self.tr("&Gateway:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.auth_code_edit.setPlaceholderText(self.tr("the code, or the whole address with ?code=… in it"))
        self.test_button.setText(self.tr("&Test connection"))
        self.test_first_note.setText(
            self.tr(
                "Press Test connection before going on: TikTok's authorization code works only once, "
                "and the test exchanges it for the keys this desk keeps."
            )
        )
        self.keyring_note.setText(refusal_text(SecretStoreUnavailable()))
        self.plain_file_box.setText(self.tr("Store the secret in a protected file on this computer instead"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
