"""From an open database to a person at the main window: what the startup code does.

The wizard and the sign-in dialog have their own tests; these check what their answers
turn into (the owner, the shop's connection, the audit trail, the secret's place) and
the window each person gets.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app import config, secrets
from app.db import open_database
from app.models import AuditEvent, Order
from app.services.people import accounts
from app.services.people.permissions import Action, Actor, Role, allowed
from app.services.setup.shop_setup import ShopChoice, create_first_owner, save_shop_choice, switch_shop
from app.shop import check_shop_keys
from app.views.common.background import BackgroundTasks
from app.views.people.sign_in_flow import WindowKeeper, needs_first_run, sign_in
from app.views.setup.settings_dialog import SettingsDialog
from app.views.shell.main_window import MainWindow
from tests.fixtures_views import FakeSyncWorker, actor_of, add_person
from tests.memory_keyring import MemoryKeyring, keyring_in_use

NOW = 1_795_000_000
REAL_SHOP = ShopChoice(
    use_demo=False,
    gateway="https://openapi-fxg.jinritemai.com",
    app_key="7123456789012345678",
    app_secret="s3cret-of-the-shop",
    shop_id="88001234",
)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with keyring_in_use(MemoryKeyring()) as backend:
        yield backend


def window_keeper(
    session_factory: sessionmaker[Session],
    settings: config.Settings,
    tasks: BackgroundTasks,
    worker: FakeSyncWorker,
) -> WindowKeeper:
    """The desk's keeper of one main window per person, as app/desktop.py makes it."""
    return WindowKeeper(
        lambda person: MainWindow(session_factory, settings, worker, actor=person),
        session_factory,
        settings,
        tasks,
        check_shop_keys,
    )


def test_a_database_without_an_owner_starts_with_the_wizard(session_factory: sessionmaker[Session]) -> None:
    assert needs_first_run(session_factory)


def test_the_demo_shop_choice_names_no_shop_and_stores_no_secret(
    settings: config.Settings, app_home: object
) -> None:
    assert save_shop_choice(settings, ShopChoice(use_demo=True)) == ""
    assert config.Settings.load().shop is None


def test_a_real_shop_puts_its_secret_in_the_keyring_and_only_its_name_in_settings(
    settings: config.Settings, app_home: object, memory_keyring: MemoryKeyring
) -> None:
    assert save_shop_choice(settings, REAL_SHOP) == "keyring"
    saved = config.Settings.load()
    assert saved.shop is not None and saved.shop.app_key == REAL_SHOP.app_key
    assert secrets.load_app_secret(REAL_SHOP.app_key) == REAL_SHOP.app_secret
    assert REAL_SHOP.app_secret not in (config.data_dir() / config.SETTINGS_FILE).read_text(encoding="utf-8")


def test_without_a_keyring_nothing_is_saved_unless_the_owner_agreed(
    settings: config.Settings, app_home: object
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(secrets.SecretStoreUnavailable):
            save_shop_choice(settings, REAL_SHOP)
        assert config.Settings.load().shop is None  # nothing half-saved
        agreed = ShopChoice(**{**REAL_SHOP.__dict__, "allow_plain_file_secret": True})
        assert save_shop_choice(settings, agreed) == "file"
    finally:
        keyring.set_keyring(previous)


def test_the_first_owner_and_the_connected_shop_are_recorded_together(
    session_factory: sessionmaker[Session],
) -> None:
    owner = create_first_owner(
        session_factory,
        username="xiaolin",
        display_name="小林",
        password="owner-pass-1",
        choice=REAL_SHOP,
        secret_location="keyring",
        now=NOW,
    )
    assert owner.role is Role.OWNER and not needs_first_run(session_factory)
    with session_factory() as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [e.action for e in events] == ["user.create", "shop.connect"]
    connected = json.loads(events[1].after)
    assert connected["shop_id"] == REAL_SHOP.shop_id and connected["secret_stored_in"] == "keyring"
    assert REAL_SHOP.app_secret not in events[1].after


def test_a_person_who_stays_signed_in_skips_the_dialog_and_the_sign_in_is_audited(
    session_factory: sessionmaker[Session], settings: config.Settings, owner: Actor, tasks: BackgroundTasks
) -> None:
    settings.stay_signed_in_user = "XiaoLin"  # user names are case-insensitive
    actor = sign_in(settings, tasks, session_factory)
    assert actor is not None and actor.user_id == owner.user_id
    with session_factory() as session:
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert last.action == "session.sign_in" and "stayed signed in" in last.note


def test_each_person_gets_a_window_of_their_own_role(
    qtbot: QtBot,
    session_factory: sessionmaker[Session],
    settings: config.Settings,
    owner: Actor,
    tasks: BackgroundTasks,
    fake_worker: FakeSyncWorker,
) -> None:
    warehouse = actor_of(add_person(session_factory, owner, "laozhang", "老张", Role.WAREHOUSE))
    keeper = window_keeper(session_factory, settings, tasks, fake_worker)
    first = keeper.show_for(owner)
    qtbot.addWidget(first)
    assert "users" in first.screen_keys() and "audit" in first.screen_keys()
    second = keeper.show_for(warehouse)
    qtbot.addWidget(second)
    assert second is not first and second.actor() == warehouse
    assert "users" not in second.screen_keys() and "audit" not in second.screen_keys()
    qtbot.waitUntil(lambda: not first.isVisible())


def test_switching_to_a_real_shop_carries_the_owner_over_and_keeps_the_data_apart(
    session_factory: sessionmaker[Session],
    settings: config.Settings,
    owner: Actor,
    memory_keyring: MemoryKeyring,
) -> None:
    url = switch_shop(settings, REAL_SHOP, owner, session_factory, now=NOW)
    assert url.endswith(f"shop-{REAL_SHOP.shop_id}.sqlite") and "demo" not in url
    assert config.Settings.load().shop.shop_id == REAL_SHOP.shop_id
    _, real_shop = open_database(url)
    with real_shop() as session:
        assert [u.username for u in accounts.list_users(session)] == [owner.username]
        assert session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()[-1] == "shop.switch"
        assert session.scalar(select(func.count()).select_from(Order)) == 0  # no demo orders came along
    with session_factory() as session:
        assert session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()[-1] == "shop.switch"


def test_a_shared_database_workstation_cannot_switch_shops_here(
    session_factory: sessionmaker[Session],
    settings: config.Settings,
    owner: Actor,
) -> None:
    settings.database_url = "postgresql://postgres@127.0.0.1:5432/shop"
    with pytest.raises(accounts.AccountError):
        switch_shop(settings, REAL_SHOP, owner, session_factory, now=NOW)
    assert config.Settings.load().shop is None  # nothing saved


def test_only_the_owner_is_offered_change_shop_in_settings(
    qtbot: QtBot, settings: config.Settings, owner: Actor, session_factory: sessionmaker[Session]
) -> None:
    clerk = actor_of(add_person(session_factory, owner, "xiaowang", "小王", Role.CLERK))
    for person, offered in ((owner, True), (clerk, False)):
        dialog = SettingsDialog(settings, can_change_shop=allowed(person, Action.MANAGE_SHOP_CONNECTION))
        qtbot.addWidget(dialog)
        assert dialog.change_shop_button.isVisibleTo(dialog) is offered
        assert dialog.shop_text.text() == "The demo shop on this computer"


def test_a_settings_change_is_written_to_the_audit_trail(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    session_factory: sessionmaker[Session],
    settings: config.Settings,
    owner: Actor,
    fake_worker: FakeSyncWorker,
) -> None:
    window = MainWindow(session_factory, settings, fake_worker, actor=owner)
    qtbot.addWidget(window)

    def choose_chinese(dialog: SettingsDialog) -> int:
        settings.language = "zh_CN"  # what picking 中文 in the dialog does
        return 0

    monkeypatch.setattr(SettingsDialog, "exec", choose_chinese)
    window.open_settings()

    def recorded() -> list[AuditEvent]:
        with session_factory() as session:
            return session.scalars(select(AuditEvent).where(AuditEvent.action == "settings.change")).all()

    qtbot.waitUntil(lambda: len(recorded()) == 1)
    event = recorded()[0]
    assert json.loads(event.before) == {"language": "en"} and json.loads(event.after) == {"language": "zh_CN"}
    assert event.actor_id == owner.user_id


def _answer_switch(qtbot: QtBot, password: str, seen: list[str]) -> None:
    """Answers the switch-user dialog once it is up: Enter, with the person it chose."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from app.views.people.login_dialog import LoginDialog

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog) or dialog.user_box.count() == 0:
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog.user_box.currentText())
        if not dialog.user_box.currentText():
            dialog.reject()  # nobody chosen: Enter would sign nobody in
            return
        dialog.password_edit.setText(password)
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def test_switching_user_offers_the_person_before_and_keeps_the_window_where_it_was(
    qtbot: QtBot,
    session_factory: sessionmaker[Session],
    settings: config.Settings,
    owner: Actor,
    tasks: BackgroundTasks,
    fake_worker: FakeSyncWorker,
) -> None:
    from PySide6.QtCore import QRect

    from tests.fixtures_views import PERSON_PASSWORD

    clerk = actor_of(add_person(session_factory, owner, "wang", "王姐", Role.CLERK))
    keeper = window_keeper(session_factory, settings, tasks, fake_worker)
    keeper.show_for(clerk)
    first = keeper.show_for(owner)  # 王姐 was here before 小林
    first.setGeometry(QRect(140, 90, 1180, 700))
    first.show_screen("orders")
    where = (first.geometry(), first.current_screen_key())
    seen: list[str] = []
    _answer_switch(qtbot, PERSON_PASSWORD, seen)
    keeper.switch_user()
    assert seen == ["王姐"]  # the person before, so Enter signs in
    second = keeper.window
    assert second is not None and second is not first and second.actor().username == "wang"
    qtbot.addWidget(second)
    assert (second.geometry(), second.current_screen_key()) == where


def test_the_sign_in_dialog_offers_the_last_person_signed_in_here(
    qtbot: QtBot,
    session_factory: sessionmaker[Session],
    settings: config.Settings,
    owner: Actor,
    tasks: BackgroundTasks,
    fake_worker: FakeSyncWorker,
) -> None:
    from app.views.people.sign_in_flow import last_person

    add_person(session_factory, owner, "wang", "王姐", Role.CLERK)
    keeper = window_keeper(session_factory, settings, tasks, fake_worker)
    qtbot.addWidget(keeper.show_for(owner))
    assert last_person(config.Settings.load()) == "xiaolin"  # kept in this computer's settings
