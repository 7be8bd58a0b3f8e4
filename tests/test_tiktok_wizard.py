"""Connecting a TikTok shop in the first-run wizard: the platform choice, the authorization
code typed or read out of the redirect address pasted whole, plain words for every way it
can be wrong, and a shop that cannot be finished before its single-use code was exchanged.

Real widgets offscreen; the code's reading is the service's own (`authorization_code`);
the connection test runs against the TikTok sandbox over HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import socket

import pytest
import requests
from PySide6.QtCore import Qt

from app import config
from app.demo_shop import DEMO_TIKTOK_APP_KEY, DEMO_TIKTOK_APP_SECRET, DEMO_TIKTOK_AUTH_CODE
from app.sandbox.server import SandboxServer
from app.services.setup.connection_test import (
    MSG_CODE_HAS_SPACES,
    MSG_CODE_MISSING,
    MSG_URL_REFUSED,
    MSG_URL_WITHOUT_CODE,
    CodeInText,
    authorization_code,
)
from app.shop import check_shop_keys
from app.shop_entries import ShopEntry, demo_entry
from app.views.setup.first_run_wizard import DEFAULT_GATEWAY, FirstRunWizard
from app.views.setup.settings_dialog import SettingsDialog
from app.views.setup.shop_page import DEFAULT_GATEWAYS
from tests.test_first_run_wizard import make_wizard, next_enabled, to_shop_page, type_into
from tests.tiktok_sandbox import SHOP_NAME, tiktok_sandbox

__all__ = ["tiktok_sandbox"]  # the fixture, shared with the shop's whole path

TIKTOK_API_HOST = "https://open-api.tiktokglobalshop.com"


@pytest.mark.parametrize(
    ("pasted", "found"),
    [
        ("TTP_abc123", CodeInText("TTP_abc123")),
        ("  TTP_abc123\n", CodeInText("TTP_abc123")),
        ("https://shop.example.com/tiktok/callback?code=TTP_x-1&state=42", CodeInText("TTP_x-1")),
        ("https://shop.example.com/cb?app_key=6dq8&code=ROW_Zz9&state=a%20b", CodeInText("ROW_Zz9")),
        ("code=TTP_q&state=9", CodeInText("TTP_q")),
        ("?code=TTP_q&state=9", CodeInText("TTP_q")),
        ("https://shop.example.com/cb#code=TTP_frag&state=1", CodeInText("TTP_frag")),
        ("", CodeInText("", MSG_CODE_MISSING)),
        ("TTP abc", CodeInText("", MSG_CODE_HAS_SPACES)),
        ("https://shop.example.com/cb?state=42", CodeInText("", MSG_URL_WITHOUT_CODE)),
        ("https://shop.example.com/cb?code=&state=42", CodeInText("", MSG_URL_WITHOUT_CODE)),
        (
            "https://shop.example.com/cb?error=access_denied&error_description=The+seller+cancelled",
            CodeInText("", MSG_URL_REFUSED, "The seller cancelled"),
        ),
    ],
)
def test_the_code_is_read_out_of_whatever_was_pasted(pasted: str, found: CodeInText) -> None:
    assert authorization_code(pasted) == found


def choose_tiktok(qtbot, wizard: FirstRunWizard) -> None:
    to_shop_page(qtbot, wizard)
    page = wizard.shop_page
    qtbot.mouseClick(page.tiktok_choice, Qt.MouseButton.LeftButton)
    assert page.platform() == "tiktok"


def fill_tiktok(qtbot, wizard: FirstRunWizard, *, code: str, gateway: str | None = None) -> None:
    page = wizard.shop_page
    page.real_choice.setChecked(True)
    type_into(qtbot, page.app_key_edit, DEMO_TIKTOK_APP_KEY)
    type_into(qtbot, page.app_secret_edit, DEMO_TIKTOK_APP_SECRET)
    type_into(qtbot, page.auth_code_edit, code)
    if gateway is not None:
        type_into(qtbot, page.gateway_edit, gateway)


def test_tiktok_asks_for_the_authorization_code_instead_of_a_shop_id(qtbot, tasks, english) -> None:
    wizard = make_wizard(qtbot, tasks)
    to_shop_page(qtbot, wizard)
    page = wizard.shop_page
    assert page.douyin_choice.isChecked() and page.gateway() == DEFAULT_GATEWAY
    page.real_choice.setChecked(True)
    type_into(qtbot, page.gateway_edit, "https://douyin-proxy.example.com")
    assert page.shop_id_edit.isVisibleTo(page) and not page.auth_code_edit.isVisibleTo(page)

    qtbot.mouseClick(page.tiktok_choice, Qt.MouseButton.LeftButton)
    assert not page.shop_id_edit.isVisibleTo(page) and page.auth_code_edit.isVisibleTo(page)
    assert page.gateway() == TIKTOK_API_HOST == DEFAULT_GATEWAYS["tiktok"]
    assert page.real_choice.text() == "Connect my TikTok shop"
    # Back to Douyin: the gateway typed for it is still there.
    qtbot.mouseClick(page.douyin_choice, Qt.MouseButton.LeftButton)
    assert page.gateway() == "https://douyin-proxy.example.com"
    assert page.shop_id_edit.isVisibleTo(page)


def test_the_demo_tiktok_shop_is_offered_beside_the_demo_douyin_shop(qtbot, tasks, english) -> None:
    wizard = make_wizard(qtbot, tasks)
    choose_tiktok(qtbot, wizard)
    page = wizard.shop_page
    assert page.demo_choice.isChecked() and next_enabled(wizard)
    assert page.demo_choice.text() == "Try with the demo TikTok shop (English, US dollars)"
    wizard.next()
    assert "the demo TikTok shop" in wizard.summary_page.summary.text()
    result = wizard.first_run_result()
    assert (result.use_demo, result.platform, result.app_key, result.kept) == (True, "tiktok", "", "")


def test_a_pasted_redirect_address_gives_its_code(qtbot, tasks, english) -> None:
    wizard = make_wizard(qtbot, tasks)
    choose_tiktok(qtbot, wizard)
    address = f"https://shop.example.com/tiktok/callback?code={DEMO_TIKTOK_AUTH_CODE}&state=x7"
    fill_tiktok(qtbot, wizard, code=address)
    page = wizard.shop_page
    assert page.auth_code() == DEMO_TIKTOK_AUTH_CODE
    assert page.code_note.isVisibleTo(page)
    assert page.code_note.text() == f"Authorization code found in the address: {DEMO_TIKTOK_AUTH_CODE}"
    assert page.error_label.text() == "" and page.test_button.isEnabled()
    # Typed bare, the code needs no note.
    type_into(qtbot, page.auth_code_edit, DEMO_TIKTOK_AUTH_CODE)
    assert not page.code_note.isVisibleTo(page)


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("https://shop.example.com/tiktok/callback?state=x7", "This address holds no authorization code"),
        ("TTP code", "The authorization code has no spaces"),
        ("", "Enter the authorization code, or paste the whole address"),
        (
            "https://shop.example.com/cb?error=access_denied",
            "This address says the authorisation did not happen (access_denied).",
        ),
    ],
    ids=["address-without-code", "spaces", "empty", "refused"],
)
def test_no_code_says_so_in_plain_words_and_nothing_can_be_tested(qtbot, tasks, english, code, words) -> None:
    wizard = make_wizard(qtbot, tasks)
    choose_tiktok(qtbot, wizard)
    fill_tiktok(qtbot, wizard, code=code or "x")
    if not code:
        type_into(qtbot, wizard.shop_page.auth_code_edit, "")
    page = wizard.shop_page
    assert page.error_label.text().startswith(words)
    assert not page.test_button.isEnabled() and not next_enabled(wizard)


def test_a_tiktok_app_key_is_not_a_number_but_has_no_spaces(qtbot, tasks, english) -> None:
    wizard = make_wizard(qtbot, tasks)
    choose_tiktok(qtbot, wizard)
    fill_tiktok(qtbot, wizard, code=DEMO_TIKTOK_AUTH_CODE)
    page = wizard.shop_page
    assert page.error_label.text() == ""  # letters are fine: "6dq8sandboxtts01"
    type_into(qtbot, page.app_key_edit, "6dq8 sandbox")
    assert page.error_label.text() == "The app key has no spaces; copy it again from Partner Center."
    type_into(qtbot, page.app_key_edit, "")
    assert page.error_label.text() == "Enter the app key from TikTok Shop Partner Center."
    type_into(qtbot, page.app_key_edit, DEMO_TIKTOK_APP_KEY)
    type_into(qtbot, page.app_secret_edit, "two words")
    assert page.error_label.text() == "The app secret has no spaces; copy it again from Partner Center."


def test_a_tiktok_shop_cannot_go_on_untested(qtbot, tasks, english) -> None:
    """The code works once: the test exchanges it, so Next waits for a test that passed."""
    wizard = make_wizard(qtbot, tasks)
    choose_tiktok(qtbot, wizard)
    fill_tiktok(qtbot, wizard, code=DEMO_TIKTOK_AUTH_CODE)
    page = wizard.shop_page
    assert page.test_button.isEnabled() and not next_enabled(wizard)
    assert page.test_first_note.isVisibleTo(page)
    assert page.test_first_note.text().startswith("Press Test connection before going on")


def press_test(qtbot, wizard: FirstRunWizard) -> str:
    """Presses "Test connection" and waits for the answer's words."""
    page = wizard.shop_page
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.test_result.text() not in ("", "Testing…"), timeout=20_000)
    return page.test_result.text()


def test_the_test_exchanges_the_code_once_and_names_the_shop(
    qtbot, tasks, english, tiktok_sandbox: SandboxServer
) -> None:
    wizard = make_wizard(qtbot, tasks)
    choose_tiktok(qtbot, wizard)
    address = f"https://shop.example.com/tiktok/callback?code={tiktok_sandbox.auth_code}&state=x7"
    fill_tiktok(qtbot, wizard, code=address, gateway=tiktok_sandbox.url)
    assert press_test(qtbot, wizard) == f"Connected to {SHOP_NAME}"
    page = wizard.shop_page
    assert next_enabled(wizard) and not page.test_button.isEnabled()  # the code is spent
    assert not page.test_first_note.isVisibleTo(page)
    wizard.next()
    summary = wizard.summary_page.summary.text()
    assert f"Shop: {SHOP_NAME} on TikTok Shop (shop id {tiktok_sandbox.shop_id})" in summary
    assert "kept in the system's password store" in summary
    result = wizard.first_run_result()
    assert (result.platform, result.shop_id, result.shop_name, result.app_key) == (
        "tiktok",
        tiktok_sandbox.shop_id,
        SHOP_NAME,
        tiktok_sandbox.app_key,
    )
    assert json.loads(result.kept)["refresh_token"]
    assert tiktok_sandbox.auth_code not in repr(result) and result.kept not in repr(result)

    # The same code in a second wizard: spent, in plain words, and the tokens are not offered.
    again = make_wizard(qtbot, tasks)
    choose_tiktok(qtbot, again)
    fill_tiktok(qtbot, again, code=tiktok_sandbox.auth_code, gateway=tiktok_sandbox.url)
    assert press_test(qtbot, again).startswith(
        "TikTok Shop did not accept the authorization code. A code works once and only for a short time"
    )
    assert not next_enabled(again) and again.first_run_result().kept == ""


def test_a_wrong_secret_is_said_plainly_and_leaves_the_code_unspent(
    qtbot, tasks, english, tiktok_sandbox: SandboxServer
) -> None:
    wizard = make_wizard(qtbot, tasks)
    choose_tiktok(qtbot, wizard)
    fill_tiktok(qtbot, wizard, code=tiktok_sandbox.auth_code, gateway=tiktok_sandbox.url)
    type_into(qtbot, wizard.shop_page.app_secret_edit, "not-the-secret")
    words = press_test(qtbot, wizard)
    assert words.startswith("The platform says the app key does not exist or does not match the app secret.")
    assert not next_enabled(wizard)
    type_into(qtbot, wizard.shop_page.app_secret_edit, tiktok_sandbox.app_secret)
    assert wizard.shop_page.test_result.text() == ""  # typing again forgets the old answer
    assert press_test(qtbot, wizard) == f"Connected to {SHOP_NAME}"


def test_no_network_is_said_plainly(qtbot, tasks, english) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    wizard = make_wizard(qtbot, tasks)
    choose_tiktok(qtbot, wizard)
    fill_tiktok(qtbot, wizard, code=DEMO_TIKTOK_AUTH_CODE, gateway=f"http://127.0.0.1:{port}")
    assert press_test(qtbot, wizard) == "The platform could not be reached. Check the internet connection."


def test_a_wrong_clock_is_said_plainly_and_set_right_the_test_goes_on_without_the_spent_code(
    qtbot, tasks, english, tiktok_sandbox: SandboxServer
) -> None:
    """The code is exchanged, then the signed shops call is refused for the clock: the code
    is spent by then, so the next test goes on with what it bought, not with the code."""
    requests.post(
        f"{tiktok_sandbox.url}/_sandbox/faults",
        json={"kind": "clock_skew", "method": "/authorization/202309/shops", "count": 1},
        timeout=10,
    ).raise_for_status()
    wizard = make_wizard(qtbot, tasks)
    choose_tiktok(qtbot, wizard)
    fill_tiktok(qtbot, wizard, code=tiktok_sandbox.auth_code, gateway=tiktok_sandbox.url)
    assert press_test(qtbot, wizard) == (
        "The platform says this computer's clock is wrong. Set the date and time correctly."
    )
    assert "timestamp" in wizard.shop_page.test_result.toolTip()  # TikTok's own words, on hover
    assert not next_enabled(wizard)
    # The clock set right (the fault was for one call), the same test again connects.
    assert press_test(qtbot, wizard) == f"Connected to {SHOP_NAME}"
    assert next_enabled(wizard) and json.loads(wizard.first_run_result().kept)["refresh_token"]


def test_settings_name_a_tiktok_shop_and_change_shop_offers_both_platforms(
    qtbot, tasks, english, app_home
) -> None:
    settings = config.Settings.load()
    settings.shops = [
        ShopEntry(key="tiktok-7494", platform="tiktok", name=SHOP_NAME, shop_id="7494", app_key="6dq8")
    ]
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.shop_text.text() == f"TikTok Shop: {SHOP_NAME} (shop id 7494)"
    settings.shops = [demo_entry(platform="tiktok")]
    dialog.retranslate_ui()
    assert dialog.shop_text.text() == "The demo TikTok shop on this computer"
    # "Change shop…" opens the wizard on its shop page, which offers either platform.
    wizard = FirstRunWizard(
        tasks, test_connection=check_shop_keys, keyring_available=lambda: True, shop_only=True
    )
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentPage() is wizard.shop_page
    assert wizard.shop_page.douyin_choice.isVisible() and wizard.shop_page.tiktok_choice.isVisible()


def test_adding_a_shop_asks_only_for_the_shop_and_says_it_is_added(qtbot, tasks, english) -> None:
    wizard = FirstRunWizard(
        tasks, test_connection=check_shop_keys, keyring_available=lambda: True, adding=True
    )
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.windowTitle() == "Add a shop" and wizard.currentPage() is wizard.shop_page
    qtbot.mouseClick(wizard.shop_page.tiktok_choice, Qt.MouseButton.LeftButton)
    wizard.next()
    summary = wizard.summary_page.summary.text()
    assert summary.startswith("The shop is added to this desk beside the others.")
    assert "restart" not in summary and not wizard.summary_page.stay_signed_in.isVisibleTo(
        wizard.summary_page
    )


def test_an_edit_after_the_code_was_exchanged_does_not_lose_what_it_bought(
    qtbot, tasks, english, tiktok_sandbox: SandboxServer
) -> None:
    wizard = make_wizard(qtbot, tasks)
    choose_tiktok(qtbot, wizard)
    fill_tiktok(qtbot, wizard, code=tiktok_sandbox.auth_code, gateway=tiktok_sandbox.url)
    assert press_test(qtbot, wizard) == f"Connected to {SHOP_NAME}"
    page = wizard.shop_page
    qtbot.mouseClick(page.douyin_choice, Qt.MouseButton.LeftButton)  # a look at Douyin, and back
    qtbot.mouseClick(page.tiktok_choice, Qt.MouseButton.LeftButton)
    type_into(qtbot, page.gateway_edit, tiktok_sandbox.url + "/")
    assert not next_enabled(wizard) and page.test_button.isEnabled()
    assert press_test(qtbot, wizard) == f"Connected to {SHOP_NAME}"  # not "the code was used"
    assert next_enabled(wizard) and json.loads(wizard.first_run_result().kept)["refresh_token"]


def test_a_new_code_is_exchanged_not_the_tokens_of_the_old_one(
    qtbot, tasks, english, tiktok_sandbox: SandboxServer
) -> None:
    """A new code is the seller authorising again (perhaps another shop): it is sent."""
    wizard = make_wizard(qtbot, tasks)
    choose_tiktok(qtbot, wizard)
    fill_tiktok(qtbot, wizard, code=tiktok_sandbox.auth_code, gateway=tiktok_sandbox.url)
    assert press_test(qtbot, wizard) == f"Connected to {SHOP_NAME}"
    type_into(qtbot, wizard.shop_page.auth_code_edit, "TTP_ANOTHER_CODE")
    assert press_test(qtbot, wizard).startswith("TikTok Shop did not accept the authorization code.")
