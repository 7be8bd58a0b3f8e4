"""The first-run wizard: the owner's account checked as typed, the demo shop or a real
shop's credentials with a connection test against the real sandbox store, the keyring
fallback, the result it hands back (it saves nothing itself), and Chinese."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID, DEMO_SHOP_NAME
from app.services.people import accounts
from app.shop import check_shop_keys
from app.views.setup.first_run_wizard import DEFAULT_GATEWAY, FirstRunResult, FirstRunWizard
from app.views.shell.i18n import install_language


def make_wizard(qtbot, tasks, *, keyring: bool = True) -> FirstRunWizard:
    wizard = FirstRunWizard(tasks, test_connection=check_shop_keys, keyring_available=lambda: keyring)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.shop_page.keyring_available() is not None, timeout=5_000)
    return wizard


def next_enabled(wizard: FirstRunWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def type_into(qtbot, edit, text: str) -> None:
    """Replace the text as a person would (textEdited fires, the box is modified).
    QTest.keyClicks types ASCII only, and the display name is Chinese."""
    edit.setText(text)
    edit.setModified(True)
    edit.textEdited.emit(text)


def fill_owner(
    qtbot, wizard: FirstRunWizard, password: str = "owner-pass-1", again: str | None = None
) -> None:
    page = wizard.owner_page
    type_into(qtbot, page.username_edit, "xiaolin")
    type_into(qtbot, page.display_name_edit, "小林")
    type_into(qtbot, page.password_edit, password)
    type_into(qtbot, page.confirm_edit, password if again is None else again)


def to_shop_page(qtbot, wizard: FirstRunWizard) -> None:
    fill_owner(qtbot, wizard)
    assert next_enabled(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.shop_page


def fill_shop(
    qtbot, wizard: FirstRunWizard, *, secret: str = DEMO_APP_SECRET, gateway: str | None = None
) -> None:
    page = wizard.shop_page
    page.real_choice.setChecked(True)
    type_into(qtbot, page.app_key_edit, DEMO_APP_KEY)
    type_into(qtbot, page.app_secret_edit, secret)
    type_into(qtbot, page.shop_id_edit, DEMO_SHOP_ID)
    if gateway is not None:
        type_into(qtbot, page.gateway_edit, gateway)


@pytest.mark.parametrize(
    ("username", "password", "again", "message"),
    [
        ("x", "owner-pass-1", None, "A user name has 2 to 32 characters"),
        ("xiao lin", "owner-pass-1", None, "A user name has 2 to 32 characters"),
        ("xiaolin", "short", None, "A password needs at least 8 characters."),
        ("xiaolin", "owner-pass-1", "owner-pass-2", "The two passwords are not the same."),
    ],
    ids=["too-short-name", "space-in-name", "short-password", "passwords-differ"],
)
def test_bad_owner_input_says_why_and_keeps_next_disabled(
    qtbot, tasks, english, username, password, again, message
) -> None:
    wizard = make_wizard(qtbot, tasks)
    page = wizard.owner_page
    assert not next_enabled(wizard) and page.error_label.text() == ""  # an empty form is not scolded
    type_into(qtbot, page.username_edit, username)
    type_into(qtbot, page.password_edit, password)
    type_into(qtbot, page.confirm_edit, password if again is None else again)
    assert page.error_label.text().startswith(message)
    assert not next_enabled(wizard)


def test_the_demo_shop_is_the_default_and_the_result_carries_everything(
    qtbot, tasks, session_factory, app_home, english
) -> None:
    wizard = make_wizard(qtbot, tasks)
    to_shop_page(qtbot, wizard)
    assert wizard.shop_page.demo_choice.isChecked() and next_enabled(wizard)
    wizard.next()
    assert "the demo shop" in wizard.summary_page.summary.text()
    assert "小林" in wizard.summary_page.summary.text()
    wizard.summary_page.stay_signed_in.setChecked(True)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.first_run_result() == FirstRunResult(
        owner_username="xiaolin",
        owner_display_name="小林",
        owner_password="owner-pass-1",
        use_demo=True,
        gateway=DEFAULT_GATEWAY,
        stay_signed_in=True,
    )
    # The wizard wrote nothing: no owner in the database, no settings file.
    with session_factory() as session:
        assert not accounts.has_owner(session)
    assert list(app_home.iterdir()) == []


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("app_key_edit", "", "Enter the app key from the 抖店 open platform."),
        ("app_key_edit", "app-key-7", "The app key is a number (digits only)"),
        ("app_secret_edit", "", "Enter the app secret."),
        ("app_secret_edit", "two words", "The app secret has no spaces"),
        ("shop_id_edit", "", "Enter the shop id."),
        ("shop_id_edit", "shop 12", "The shop id is a number (digits only)."),
        (
            "gateway_edit",
            "ftp://openapi-fxg.jinritemai.com",
            "The gateway must be a web address starting with",
        ),
        ("gateway_edit", "openapi-fxg.jinritemai.com", "The gateway must be a web address starting with"),
    ],
)
def test_bad_shop_credentials_say_why_and_keep_next_disabled(
    qtbot, tasks, english, field, text, message
) -> None:
    wizard = make_wizard(qtbot, tasks)
    to_shop_page(qtbot, wizard)
    fill_shop(qtbot, wizard)
    assert next_enabled(wizard)
    edit = getattr(wizard.shop_page, field)
    edit.clear()
    if text:
        qtbot.keyClicks(edit, text)
    else:
        qtbot.keyClicks(edit, "x")
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert wizard.shop_page.error_label.text().startswith(message)
    assert not next_enabled(wizard)
    assert not wizard.shop_page.test_button.isEnabled()


def test_test_connection_signs_a_real_token_with_the_sandbox(qtbot, tasks, sandbox_url, english) -> None:
    wizard = make_wizard(qtbot, tasks)
    to_shop_page(qtbot, wizard)
    fill_shop(qtbot, wizard, gateway=sandbox_url)
    page = wizard.shop_page
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.test_result.text().startswith("Connected"), timeout=10_000)
    assert page.test_result.text() == f"Connected to {DEMO_SHOP_NAME}"
    wizard.next()
    assert f"connected to {DEMO_SHOP_NAME}" in wizard.summary_page.summary.text()
    result = wizard.first_run_result()
    assert (result.use_demo, result.gateway, result.app_key, result.app_secret, result.shop_id) == (
        False,
        sandbox_url.rstrip("/"),
        DEMO_APP_KEY,
        DEMO_APP_SECRET,
        DEMO_SHOP_ID,
    )
    assert not result.allow_plain_file_secret


def test_a_wrong_secret_gets_the_signature_message(qtbot, tasks, sandbox_url, english) -> None:
    wizard = make_wizard(qtbot, tasks)
    to_shop_page(qtbot, wizard)
    fill_shop(qtbot, wizard, secret="not-the-secret", gateway=sandbox_url)
    qtbot.mouseClick(wizard.shop_page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.shop_page.test_result.text() not in ("", "Testing…"), timeout=10_000)
    assert wizard.shop_page.test_result.text() == (
        "The platform rejected our signature: the app key or app secret is wrong."
    )
    # Typing again forgets the old answer.
    qtbot.keyClicks(wizard.shop_page.app_secret_edit, "x")
    assert wizard.shop_page.test_result.text() == ""


def test_an_unreachable_gateway_gets_the_network_message(qtbot, tasks, english) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    wizard = make_wizard(qtbot, tasks)
    to_shop_page(qtbot, wizard)
    fill_shop(qtbot, wizard, gateway=f"http://127.0.0.1:{port}")
    qtbot.mouseClick(wizard.shop_page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.shop_page.test_result.text() not in ("", "Testing…"), timeout=10_000)
    assert wizard.shop_page.test_result.text() == (
        "The platform could not be reached. Check the internet connection."
    )


def test_without_a_keyring_finish_needs_consent_to_a_protected_file(qtbot, tasks, english) -> None:
    wizard = make_wizard(qtbot, tasks, keyring=False)
    to_shop_page(qtbot, wizard)
    page = wizard.shop_page
    assert page.keyring_available() is False
    assert not page.keyring_note.isVisible()  # the demo shop needs no secret
    fill_shop(qtbot, wizard)
    assert page.keyring_note.isVisible() and "no password store" in page.keyring_note.text()
    assert not next_enabled(wizard)
    page.plain_file_box.setChecked(True)
    assert next_enabled(wizard)
    wizard.next()
    assert "protected file" in wizard.summary_page.summary.text()
    assert wizard.first_run_result().allow_plain_file_secret


def test_the_wizard_speaks_chinese(qtbot, tasks, english) -> None:
    wizard = make_wizard(qtbot, tasks)
    install_language("zh_CN")
    qtbot.waitUntil(lambda: wizard.windowTitle() == "欢迎使用售后工作台", timeout=2_000)
    assert wizard.owner_page.title() == "你的店主账号"
    fill_owner(qtbot, wizard, again="owner-pass-2")
    assert wizard.owner_page.error_label.text() == "两次输入的密码不一样。"
    type_into(qtbot, wizard.owner_page.confirm_edit, "owner-pass-1")
    wizard.next()
    assert wizard.shop_page.demo_choice.text() == "先用演示店铺试试（第一次使用推荐）"
    assert wizard.shop_page.test_button.text() == "测试连接(&T)"
