"""Where people see an error they must act on: the connection test of the first-run wizard
(and of Settings → Change shop, the same wizard), the sync status line, and needs
attention. Each shows the plain words with what to do — for the IP whitelist (30002), the
address the platform saw — and nothing queued is lost. Real sandbox over HTTP, real widgets.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.core.problem_words import with_values
from app.db import open_database
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID
from app.models import OutboxOperation
from app.models import outbox as state
from app.platforms.douyin import errors
from app.platforms.port import Outcome
from app.services.sync_status import SyncState, SyncStatus
from app.shop import check_shop_keys
from app.sync.cli import status_line
from app.sync.engine import RunReport, SyncEngine
from app.views.common import formatting
from app.views.setup.first_run_wizard import FirstRunWizard
from app.views.shell.sync_status_bar import SyncStatusBar
from tests.sandbox_control import control, demo_platform, inject
from tests.test_errors_a_person_acts_on import ADDRESS, approve_waiting_refunds

WORDS_WITH_ADDRESS = errors.PROBLEM_IP_NOT_WHITELISTED_AT.format(ip=ADDRESS)


def wizard_on_shop_page(qtbot, tasks, sandbox_url: str) -> FirstRunWizard:
    wizard = FirstRunWizard(
        tasks, test_connection=check_shop_keys, keyring_available=lambda: True, shop_only=True
    )
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.shop_page.keyring_available() is not None, timeout=5_000)
    page = wizard.shop_page
    page.real_choice.setChecked(True)
    for edit, text in (
        (page.app_key_edit, DEMO_APP_KEY),
        (page.app_secret_edit, DEMO_APP_SECRET),
        (page.shop_id_edit, DEMO_SHOP_ID),
        (page.gateway_edit, sandbox_url),
    ):
        edit.setText(text)
        edit.setModified(True)
        edit.textEdited.emit(text)
    return wizard


def connection_test_words(qtbot, wizard: FirstRunWizard) -> str:
    page = wizard.shop_page
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.test_result.text() not in ("", "Testing…"), timeout=10_000)
    return page.test_result.text()


def test_the_connection_test_names_the_address_to_whitelist_and_where(
    qtbot, tasks, sandbox_url, english
) -> None:
    inject(sandbox_url, "ip_not_whitelisted", method="token.create", ip=ADDRESS)
    wizard = wizard_on_shop_page(qtbot, tasks, sandbox_url)
    assert connection_test_words(qtbot, wizard) == WORDS_WITH_ADDRESS
    assert ADDRESS in WORDS_WITH_ADDRESS and "op.jinritemai.com" in WORDS_WITH_ADDRESS
    page = wizard.shop_page
    # The platform's own words, with the address it saw, stay one hover away.
    assert "请求来源IP不可信" in page.test_result.toolTip() and ADDRESS in page.test_result.toolTip()
    # The address can be copied from the words.
    assert page.test_result.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    # Once the address is on the whitelist, the same test connects.
    assert connection_test_words(qtbot, wizard).startswith("Connected")


def test_without_an_address_in_the_platforms_words_it_says_which_address_to_find(
    qtbot, tasks, sandbox_url, english
) -> None:
    inject(sandbox_url, "ip_not_whitelisted", method="token.create")
    wizard = wizard_on_shop_page(qtbot, tasks, sandbox_url)
    words = connection_test_words(qtbot, wizard)
    assert words == errors.PROBLEM_IP_NOT_WHITELISTED
    assert "this computer's public internet address" in words


def test_the_status_line_says_it_and_the_queue_waits(qtbot, sandbox_url, sqlite_url, english) -> None:
    control(sandbox_url, "tick", {"new_after_sales": 3, "after_sale_type": 1})
    _, sessions = open_database(sqlite_url)
    engine = SyncEngine(demo_platform(sandbox_url), sessions)
    assert engine.run_once().outcome is Outcome.DONE
    [(seq, _)] = approve_waiting_refunds(engine, 1)
    inject(sandbox_url, "ip_not_whitelisted", count=3, ip=ADDRESS)  # every method
    report = engine.run_once()
    assert report.outcome is Outcome.CONFIG_ERROR
    bar = SyncStatusBar()
    qtbot.addWidget(bar)
    bar.set_status(
        SyncStatus(SyncState.NEEDS_ATTENTION, last_error=report.problem, error_detail=report.detail)
    )
    assert bar.text() == f"Needs attention: {WORDS_WITH_ADDRESS}"
    words = bar.findChild(QLabel, "syncText")
    assert ADDRESS in words.toolTip() and "IP白名单" in words.toolTip()  # the platform's words too
    # On a narrow window the line is cut short with "…", never mid-word at the edge; the
    # whole sentence stays in the tooltip.
    bar.resize(bar.fontMetrics().horizontalAdvance(bar.text()) // 2, bar.sizeHint().height())
    bar.show()
    qtbot.waitUntil(lambda: words.text().endswith("…"))
    assert bar.text() == f"Needs attention: {WORDS_WITH_ADDRESS}"
    assert words.toolTip().startswith(bar.text())
    with sessions() as session:
        op = session.get(OutboxOperation, seq)
        assert op is not None and op.state == state.PENDING  # kept, to go out once allowed


@pytest.mark.parametrize(
    ("problem", "expected"),
    [
        (with_values(errors.PROBLEM_IP_NOT_WHITELISTED_AT, ip=ADDRESS), WORDS_WITH_ADDRESS),
        (errors.PROBLEM_PERMISSION_MISSING, errors.PROBLEM_PERMISSION_MISSING),
        ("", ""),
    ],
)
def test_every_screen_shows_a_problem_with_its_values_in_one_way(
    english, problem: str, expected: str
) -> None:
    assert formatting.problem_text(problem) == expected


def test_the_headless_sync_says_it_with_the_address_too() -> None:
    """`main.py sync` (an always-on computer, no window) logs the same words, in English."""
    report = RunReport(outcome=Outcome.CONFIG_ERROR)
    report.problem = with_values(errors.PROBLEM_IP_NOT_WHITELISTED_AT, ip=ADDRESS)
    assert WORDS_WITH_ADDRESS in status_line(report)
