"""The owner points this workstation at a shared shop database in Settings.

Real widgets, the real PostgreSQL server (tests/fixtures_db.py) and the real background
helper; only the question boxes are answered by the test (`ShopDatabaseSection._ask`).
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app import config, desk
from app.db import open_database
from app.models import AuditEvent
from app.services.people.permissions import Action, Actor, Role, allowed
from app.version import VERSION
from app.views.common.background import BackgroundTasks
from app.views.setup.settings_dialog import SettingsDialog
from app.views.setup.shop_database_section import ShopDatabaseSection
from app.views.shell.main_window import MainWindow
from tests.fixtures_db import _reset_postgres_schema
from tests.fixtures_views import actor_of, add_person
from tests.memory_keyring import MemoryKeyring, keyring_in_use

PASSWORD = "shop-db-Ω-secret"
READY_WORDS = "Connected. The database is empty; AfterSales Desk will set it up when it starts."


@pytest.fixture
def memory_keyring(app_home: object) -> Iterator[MemoryKeyring]:
    with keyring_in_use(MemoryKeyring()) as backend:
        yield backend


@pytest.fixture
def shop_database(postgres_database: str) -> str:
    _reset_postgres_schema(postgres_database)
    return postgres_database


class Answers(dict[str, bool]):
    """The owner's answer to each question box, by its title; `asked` keeps the titles asked."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    planned = Answers()

    def ask(_section: ShopDatabaseSection, title: str, _text: str, *, yes: str, no: str) -> bool:
        planned.asked.append(title)
        return planned[title]

    monkeypatch.setattr(ShopDatabaseSection, "_ask", ask)
    return planned


def owners_dialog(
    qtbot: QtBot,
    settings: config.Settings,
    tasks: BackgroundTasks,
    sessions: sessionmaker[Session] | None = None,
    owner: Actor | None = None,
) -> SettingsDialog:
    dialog = SettingsDialog(settings, can_change_shop=True, tasks=tasks, sessions=sessions, actor=owner)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(section: ShopDatabaseSection, url: str, *, password: str = PASSWORD, database: str = "") -> None:
    parts = make_url(url)
    section.shared_choice.setChecked(True)
    section.host_edit.setText(parts.host or "")
    section.port_box.setValue(parts.port or 5432)
    section.database_edit.setText(database or parts.database or "")
    section.user_edit.setText(parts.username or "")
    section.password_edit.setText(password)


def press_test(qtbot: QtBot, section: ShopDatabaseSection) -> None:
    qtbot.mouseClick(section.test_button, Qt.MouseButton.LeftButton)
    assert section.result_label.text() == "Testing…" and not section.test_button.isEnabled()
    qtbot.waitUntil(lambda: section.test_button.isEnabled(), timeout=15_000)


def test_the_shop_database_section_is_the_owners_alone(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    session_factory: sessionmaker[Session],
    settings: config.Settings,
    owner: Actor,
    english: None,
) -> None:
    clerk = actor_of(add_person(session_factory, owner, "xiaowang", "小王", Role.CLERK))
    warehouse = actor_of(add_person(session_factory, owner, "laozhang", "老张", Role.WAREHOUSE))
    for person, offered in ((owner, True), (clerk, False), (warehouse, False)):
        dialog = SettingsDialog(settings, can_change_shop=allowed(person, Action.MANAGE_SHOP_CONNECTION))
        qtbot.addWidget(dialog)
        assert (dialog.database_section is not None) is offered

    seen: list[bool] = []

    def look(dialog: SettingsDialog) -> int:
        seen.append(dialog.database_section is not None)
        return 0

    monkeypatch.setattr(SettingsDialog, "exec", look)
    for actor in (owner, None):  # None: the window of tools and tests, nobody signed in
        window = MainWindow(session_factory, settings, actor=actor)
        qtbot.addWidget(window)
        window.open_settings()
    assert seen == [True, False]


def test_a_test_runs_in_the_background_and_answers_in_plain_green_words(
    qtbot: QtBot, settings: config.Settings, tasks: BackgroundTasks, shop_database: str, english: None
) -> None:
    dialog = owners_dialog(qtbot, settings, tasks)
    section = dialog.database_section
    assert section is not None
    assert section.only_here_choice.isChecked() and not section.host_edit.isEnabled()
    assert section.port_box.value() == 5432
    assert section.password_edit.echoMode() == section.password_edit.EchoMode.Password

    fill(section, shop_database)
    press_test(qtbot, section)
    assert section.result_label.text() == READY_WORDS
    assert section.result_state() == "good"


def test_a_missing_database_answers_in_plain_red_words_and_typing_clears_them(
    qtbot: QtBot, settings: config.Settings, tasks: BackgroundTasks, shop_database: str, english: None
) -> None:
    dialog = owners_dialog(qtbot, settings, tasks)
    section = dialog.database_section
    assert section is not None
    fill(section, shop_database, database="no_such_shop")
    press_test(qtbot, section)
    assert section.result_label.text() == (
        "The server has no database with this name. Check the database name."
    )
    assert section.result_state() == "bad"

    qtbot.keyClicks(section.database_edit, "2")
    assert section.result_label.text() == "" and section.result_state() == ""

    section.host_edit.clear()
    qtbot.mouseClick(section.test_button, Qt.MouseButton.LeftButton)
    assert section.result_label.text() == "Fill in the server, the database and the user."


def test_an_untested_database_is_saved_only_when_the_owner_says_save_anyway(
    qtbot: QtBot,
    settings: config.Settings,
    tasks: BackgroundTasks,
    shop_database: str,
    memory_keyring: MemoryKeyring,
    answers: Answers,
    english: None,
    session_factory: sessionmaker[Session],
    owner: Actor,
) -> None:
    dialog = owners_dialog(qtbot, settings, tasks, session_factory, owner)
    section = dialog.database_section
    assert section is not None
    fill(section, shop_database, database="no_such_shop")
    press_test(qtbot, section)

    answers["Save without a working test?"] = False
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert settings.database_url == "" and not (config.data_dir() / config.SETTINGS_FILE).exists()

    answers["Save without a working test?"] = True
    answers["Restart AfterSales Desk?"] = False
    with qtbot.waitSignal(dialog.shop_database_changed) as changed:
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    saved = make_url(shop_database).set(database="no_such_shop").render_as_string(hide_password=False)
    assert changed.args == ["", saved]
    assert section.result_label.text() == "Saved. Takes effect when AfterSales Desk restarts."
    written = (config.data_dir() / config.SETTINGS_FILE).read_text(encoding="utf-8")
    assert json.loads(written)["database_url"] == saved and PASSWORD not in written
    assert list(memory_keyring.entries.values()) == [PASSWORD]
    assert section.password_edit.text() == ""
    assert section.password_edit.placeholderText() == "Leave empty to keep the saved password"


def test_with_decisions_still_waiting_the_owner_is_told_before_switching(
    qtbot: QtBot,
    settings: config.Settings,
    tasks: BackgroundTasks,
    shop_database: str,
    memory_keyring: MemoryKeyring,
    answers: Answers,
    english: None,
    session_factory: sessionmaker[Session],
    owner: Actor,
) -> None:
    dialog = SettingsDialog(
        settings, can_change_shop=True, tasks=tasks, waiting_count=2, sessions=session_factory, actor=owner
    )
    qtbot.addWidget(dialog)
    section = dialog.database_section
    assert section is not None
    fill(section, shop_database)
    press_test(qtbot, section)

    # Unsent decisions stay in the database being left: switching is the owner's call.
    answers["Decisions are still waiting to be sent"] = False
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert answers.asked == ["Decisions are still waiting to be sent"]
    assert settings.database_url == ""

    answers["Decisions are still waiting to be sent"] = True
    answers["Restart AfterSales Desk?"] = False
    with qtbot.waitSignal(dialog.shop_database_changed):
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert settings.database_url == shop_database


def test_after_a_working_test_the_change_is_audited_and_the_desk_restarts(
    qtbot: QtBot,
    session_factory: sessionmaker[Session],
    settings: config.Settings,
    owner: Actor,
    shop_database: str,
    memory_keyring: MemoryKeyring,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
    english: None,
) -> None:
    window = MainWindow(session_factory, settings, actor=owner)
    qtbot.addWidget(window)
    answers["Restart AfterSales Desk?"] = True

    def owner_uses_the_dialog(dialog: SettingsDialog) -> int:
        section = dialog.database_section
        assert section is not None
        fill(section, shop_database)
        press_test(qtbot, section)
        qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
        return 1

    monkeypatch.setattr(SettingsDialog, "exec", owner_uses_the_dialog)
    with qtbot.waitSignal(window.restart_requested):
        window.open_settings()
    assert answers.asked == ["Restart AfterSales Desk?"]  # tested: no "save anyway" question

    def recorded() -> list[AuditEvent]:
        with session_factory() as session:
            found = select(AuditEvent).where(AuditEvent.entity_id == "database_url")
            return list(session.scalars(found))

    [event] = recorded()  # written before the restart was asked for, not after
    assert event.action == "settings.change" and event.actor_id == owner.user_id
    assert json.loads(event.before) == {"database_url": ""}
    assert json.loads(event.after) == {"database_url": shop_database}
    assert PASSWORD not in (event.after or "")
    assert config.Settings.load().database_url == shop_database


def test_back_to_only_this_computer_forgets_the_password(
    qtbot: QtBot,
    settings: config.Settings,
    tasks: BackgroundTasks,
    shop_database: str,
    memory_keyring: MemoryKeyring,
    answers: Answers,
    english: None,
    session_factory: sessionmaker[Session],
    owner: Actor,
) -> None:
    dialog = owners_dialog(qtbot, settings, tasks, session_factory, owner)
    section = dialog.database_section
    assert section is not None
    fill(section, shop_database)
    press_test(qtbot, section)
    answers["Restart AfterSales Desk?"] = False
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert memory_keyring.entries

    again = owners_dialog(qtbot, settings, tasks, session_factory, owner)
    reopened = again.database_section
    assert reopened is not None and reopened.shared_choice.isChecked()
    assert reopened.host_edit.text() == make_url(shop_database).host
    assert reopened.password_edit.text() == ""  # a kept password is never read back into the form
    press_test(qtbot, reopened)  # an empty box tests with the kept password
    assert reopened.result_label.text() == READY_WORDS

    reopened.only_here_choice.setChecked(True)
    with qtbot.waitSignal(reopened.database_changed) as changed:
        qtbot.mouseClick(reopened.save_button, Qt.MouseButton.LeftButton)
    assert changed.args == [shop_database, ""]
    assert config.Settings.load().database_url == "" and memory_keyring.entries == {}


@pytest.mark.parametrize(
    ("spoil", "title", "words"),
    [
        (
            "newer schema",
            "This AfterSales Desk is older than the shop's database",
            f"A newer AfterSales Desk than this one (version {VERSION}) set this shop database up, "
            "and this desk cannot use it. Nothing in the database was changed. Install the newest "
            "AfterSales Desk on this computer, then start it again.",
        ),
        (
            "no server",
            "Cannot open the database",
            "The shop's database could not be opened:\nThe database server did not answer. Check the "
            "server address and port, that the server is running, and that no firewall is in the way.",
        ),
    ],
)
def test_the_desktop_start_says_in_plain_words_why_the_shared_database_cannot_open(
    qapp: object,
    monkeypatch: pytest.MonkeyPatch,
    settings: config.Settings,
    shop_database: str,
    english: None,
    spoil: str,
    title: str,
    words: str,
) -> None:
    url = shop_database
    if spoil == "newer schema":
        engine, _sessions = open_database(url)
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9001_from_a_newer_desk'"))
        engine.dispose()
    else:
        with socket.socket() as probe:  # a port nobody listens on
            probe.bind(("127.0.0.1", 0))
            url = make_url(url).set(port=probe.getsockname()[1]).render_as_string(hide_password=False)
    settings.shop = config.ShopConnection(app_key="7123456789012345678", shop_id="88001234")
    settings.database_url = url
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, body: shown.append((title, body)))

    assert desk.open_shop(settings, None) is None
    assert shown == [(title, words)]
