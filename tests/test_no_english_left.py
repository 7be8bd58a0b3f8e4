"""The Chinese interface speaks Chinese: every screen and dialog, opened in zh_CN over
a seeded shop, shows no English word that is not data (tests/visible_text.py says what
counts), Qt's own dialogs included; and the catalogue writes Chinese punctuation."""

from __future__ import annotations

import json
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from sqlalchemy import select

from app.models.after_sales import AfterSale
from app.models.orders import Order, OrderLine, OrderLogistics
from app.models.platform_lists import PlatformList
from app.platforms.douyin.codes import OrderStatus
from app.services.people.masking import mask_address, mask_name
from app.services.people.permissions import Actor
from app.services.refunds.bulk import BulkSummary
from app.services.shipping import carriers
from app.shop import check_shop_keys
from app.views.dashboard.view import DashboardView
from app.views.people.login_dialog import LoginDialog
from app.views.people.user_dialogs import (
    AddUserDialog,
    ChangeRoleDialog,
    RefundLimitsDialog,
    ResetPasswordDialog,
)
from app.views.refunds.bulk_dialog import BulkApproveDialog
from app.views.refunds.queue_view import RefundQueueView
from app.views.setup.first_run_wizard import FirstRunWizard
from app.views.setup.settings_dialog import SettingsDialog
from app.views.shell.i18n import install_language
from app.views.shell.main_window import MainWindow
from app.views.shipping.import_dialog import ShipmentImportDialog
from tests.builders import NOW, realistic_shop, seed
from tests.refund_shop import EXPIRED, RETURN, RETURNED, SOON, URGENT, seed_queue
from tests.visible_text import chinese_left, english_left, half_width_punctuation
from tools import update_translations as catalogue


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    install_language("zh_CN")
    yield
    install_language("en")


@pytest.fixture
def shop(session_factory) -> None:
    now = int(time.time())
    seed_queue(session_factory, now=now)
    data = realistic_shop(80, now=now, seed_value=13)
    seed(session_factory, data["orders"], data["lines"], data["parcels"], data["after_sales"])


def listing(leaks: dict[str, list[str]]) -> str:
    return "English left:\n" + "\n".join(
        f"  {where}: {text!r}" for where, texts in leaks.items() for text in texts
    )


def settle(qtbot, widget: QWidget) -> None:
    """Let the screen's background reads land and repaint."""
    qtbot.wait(300)  # reads land through queued signals; nothing to wait on that all screens share
    QApplication.processEvents()


def shop_data(session_factory, owner: Actor) -> tuple[str, ...]:
    """What the shop's records say, shown as they are: the owner's user name, the
    platform's spec text of each line ("颜色:黑色; 尺码:L")."""
    with session_factory() as session:
        specs = set(session.scalars(select(OrderLine.spec)))
    return (owner.username, *sorted(specs - {""}, key=len, reverse=True))


def owners_window(qtbot, session_factory, settings, owner: Actor) -> MainWindow:
    window = MainWindow(session_factory, settings, actor=owner)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def show_with_a_row_selected(qtbot, window: MainWindow, key: str) -> None:
    window.show_screen(key)
    screen = window.screen_named(key)
    settle(qtbot, screen)
    table = getattr(screen, "table", None)
    if callable(table):
        view = table()
        if view.model() is not None and view.model().rowCount() > 0:
            view.selectRow(0)
            settle(qtbot, screen)


def test_every_screen_of_the_owners_window_speaks_chinese(
    qtbot, chinese, shop, session_factory, settings, owner: Actor
) -> None:
    window = owners_window(qtbot, session_factory, settings, owner)
    data = shop_data(session_factory, owner)
    leaks: dict[str, list[str]] = {}
    for key in window.screen_keys():
        if key != "audit":
            show_with_a_row_selected(qtbot, window, key)
            if found := english_left(window, data) + half_width_punctuation(window, data):
                leaks[key] = found
    assert leaks == {}, listing(leaks)


def strings_in(value: object) -> Iterator[str]:
    """The strings of a column's value, and those of the JSON it holds (lists the platform sent)."""
    if isinstance(value, str) and value:
        yield value
        if value[:1] in "[{":
            try:
                parsed = json.loads(value)
            except ValueError:
                parsed = None  # a product name in brackets, not JSON
            yield from strings_in(parsed)
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def shop_words(session_factory, owner: Actor) -> tuple[str, ...]:
    """Everything the shop's records say, as the platform sent it (Chinese product names,
    buyers' words, addresses, its carriers' names), whole and as the desk masks it."""
    values: set[str] = {owner.display_name, *(carrier.name for carrier in carriers.bundled())}
    with session_factory() as session:
        for model in (Order, OrderLine, AfterSale, OrderLogistics, PlatformList):
            for record in session.scalars(select(model)):
                for column in model.__table__.columns:
                    value = getattr(record, column.key, None)
                    values.update(strings_in(value))
    for value in list(values):
        values.update((mask_name(value), mask_address(value), *re.split(r"[,;，；、\s]+", value)))
    return tuple(sorted((v for v in values if v), key=len, reverse=True))


def test_every_screen_of_the_owners_window_speaks_english_in_english(
    qtbot, english, shop, session_factory, settings, owner: Actor
) -> None:
    window = owners_window(qtbot, session_factory, settings, owner)
    data = shop_words(session_factory, owner)
    leaks: dict[str, list[str]] = {}
    for key in window.screen_keys():
        if key != "audit":
            show_with_a_row_selected(qtbot, window, key)
            if found := chinese_left(window, data):
                leaks[key] = found
    assert leaks == {}, listing(leaks)


def test_the_audit_log_speaks_chinese(qtbot, chinese, shop, session_factory, settings, owner: Actor) -> None:
    window = owners_window(qtbot, session_factory, settings, owner)
    show_with_a_row_selected(qtbot, window, "audit")
    data = shop_data(session_factory, owner)
    assert english_left(window, data) + half_width_punctuation(window, data) == []


@pytest.mark.parametrize("mode", [QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave])
def test_qts_own_file_dialog_speaks_chinese_after_a_live_switch(
    qtbot, english, tmp_path: Path, mode: QFileDialog.AcceptMode
) -> None:
    install_language("zh_CN")  # switched from English as the settings dialog does (`english` switches back)
    dialog = QFileDialog(None, "导出", str(tmp_path), "CSV (*.csv)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # what Qt shows where no native one is
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    dialog.show()
    paths = {str(tmp_path), *(str(folder) for folder in tmp_path.parents), str(Path.home()), Path.home().name}
    assert english_left(dialog, sorted(paths, key=len, reverse=True)) == []


# --- the catalogue's punctuation --------------------------------------------------------
CJK_THEN_HALF_WIDTH = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef][:,;?!](?!//)")


def translations() -> Iterator[tuple[str, str, str]]:
    for context in ET.parse(catalogue.TS_FILE).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text:
                yield name, message.findtext("source") or "", translation.text


def test_chinese_translations_use_full_width_punctuation_after_chinese() -> None:
    half_width = [
        (context, source, text)
        for context, source, text in translations()
        if CJK_THEN_HALF_WIDTH.search(text)
    ]
    assert half_width == []


# --- the dialogs ------------------------------------------------------------------------
def english_in_dialog(qtbot, dialog: QWidget, data: tuple[str, ...] = ()) -> list[str]:
    dialog.show()
    settle(qtbot, dialog)
    found = english_left(dialog, data) + half_width_punctuation(dialog, data)
    dialog.close()
    return found


def test_every_refund_dialog_speaks_chinese(
    qtbot, chinese, tasks, session_factory, settings, owner: Actor
) -> None:
    seed_queue(session_factory, now=NOW)
    view = RefundQueueView(tasks, session_factory, owner, clock=lambda: NOW, settings=settings)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5_000)
    leaks: dict[str, list[str]] = {}
    for name, key, aftersale_id in [
        ("approve refund", Qt.Key.Key_A, URGENT),
        ("approve return", Qt.Key.Key_A, RETURN),
        ("refuse", Qt.Key.Key_R, SOON),
        ("inspect", Qt.Key.Key_A, RETURNED),
    ]:
        assert view.select_request(aftersale_id)
        view.table().setFocus()
        qtbot.keyClick(view.table(), key)
        qtbot.waitUntil(lambda: view.flow.dialog is not None, timeout=5_000)
        dialog = view.flow.dialog
        if found := english_in_dialog(qtbot, dialog):
            leaks[name] = found
        dialog.reject()
        qtbot.waitUntil(lambda: view.flow.dialog is None, timeout=5_000)
    summary = BulkSummary(3, 45_600, ((EXPIRED, "已超时，平台可能已处理"),))
    if found := english_in_dialog(qtbot, BulkApproveDialog(summary, view)):
        leaks["bulk approve"] = found
    assert leaks == {}, listing(leaks)


def test_the_people_dialogs_sign_in_settings_and_first_run_speak_chinese(
    qtbot, chinese, tasks, session_factory, settings, owner: Actor
) -> None:
    dialogs: dict[str, QWidget] = {
        "add person": AddUserDialog(),
        "refund limits": RefundLimitsDialog("王姐", 50_000, 200_000),
        "reset password": ResetPasswordDialog("王姐"),
        "change role": ChangeRoleDialog("王姐", "clerk"),
        "sign in": LoginDialog(session_factory, tasks),
        "settings": SettingsDialog(
            settings, can_change_shop=True, tasks=tasks, sessions=session_factory, actor=owner
        ),
    }
    examples = ("English", "xiaolin", "shop-server")  # the language's own name; a user and a host name
    leaks: dict[str, list[str]] = {}
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        if found := english_in_dialog(qtbot, dialog, examples):
            leaks[name] = found
    wizard = FirstRunWizard(tasks, test_connection=check_shop_keys, keyring_available=lambda: True)
    qtbot.addWidget(wizard)
    wizard.show()
    for page_id in wizard.pageIds():
        wizard.setStartId(page_id)
        wizard.restart()
        if found := english_in_dialog(qtbot, wizard, examples):
            leaks[f"first run, page {page_id}"] = found
    assert leaks == {}, listing(leaks)


def test_the_dashboards_dialogs_speak_chinese(
    qtbot, chinese, tasks, shop, session_factory, owner: Actor
) -> None:
    view = DashboardView(tasks, session_factory, owner)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.open_drill("late_rate") is not None, timeout=10_000)
    drill = view.drill_dialog()
    qtbot.waitUntil(lambda: not drill.is_loading(), timeout=10_000)
    leaks: dict[str, list[str]] = {}
    if found := english_in_dialog(qtbot, drill):
        leaks["drill-down"] = found
    weights = view.edit_weights()
    if found := english_in_dialog(qtbot, weights, ("douyin",)):
        leaks["score weights"] = found
    assert leaks == {}, listing(leaks)


def test_the_shipping_file_dialog_speaks_chinese(
    qtbot, chinese, tasks, shop, session_factory, owner, tmp_path
) -> None:
    with session_factory() as session:
        waiting = session.scalars(
            select(Order.order_id).where(Order.status == int(OrderStatus.AWAITING_SHIPMENT))
        )
        first = next(iter(waiting))
    batch = tmp_path / "发货单.csv"
    batch.write_text(
        f"订单号,快递公司,快递单号\n{first},顺丰,SF1420356870111\n6900000000000999999,中通,75812039475\n",
        encoding="utf-8-sig",
    )
    dialog = ShipmentImportDialog(tasks, session_factory, owner, clock=time.time, path=batch)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_finished, timeout=10_000):
        dialog.show()
    assert english_in_dialog(qtbot, dialog, (str(batch),)) == []
