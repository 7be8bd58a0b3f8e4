"""Who is at the desk, as the database says now: the first-run wizard, and the window.

The wizard sets up a shop without an owner. On a shared database another desk may
create the owner while this one's wizard is open; then nothing of the wizard's answers
is saved (no settings, no owner), and the person is told in plain words to sign in.
A window whose person the owner switched off stops reading, and says why.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWizard
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app import config
from app.models import User
from app.platforms.douyin.client import ShopCredentials
from app.services.people import accounts
from app.services.people.permissions import Role
from app.shop import check_shop_keys
from app.views.common.background import BackgroundTasks
from app.views.people.sign_in_flow import OpenShop, first_run
from app.views.setup.first_run_wizard import FirstRunWizard
from app.views.shell.main_window import MainWindow
from tests.builders import NOW
from tests.fixtures_views import actor_of, add_person, when_shown
from tests.test_first_run_wizard import fill_owner


def test_a_shop_whose_owner_appeared_meanwhile_is_not_set_up_again_and_nothing_is_saved(
    qtbot, tasks: BackgroundTasks, session_factory: sessionmaker[Session], app_home, english
) -> None:
    settings = config.Settings(language="en", database_url="postgresql://desk@shop-server:5432/shop")
    shop = OpenShop(
        session_factory, lambda: None, lambda: ShopCredentials("", "", "", ""), "shared", check_shop_keys
    )
    told: list[str] = []

    def answer(wizard: FirstRunWizard) -> None:
        qtbot.waitUntil(lambda: wizard.shop_page.keyring_available() is not None, timeout=10_000)
        fill_owner(qtbot, wizard)
        wizard.next()
        wizard.next()  # the demo shop, the default
        with session_factory.begin() as session:  # meanwhile, at another desk
            accounts.create_owner(session, "laowang", "老王", "owner-pass-2", now=NOW)
        when_shown(QMessageBox, close_message)
        wizard.button(QWizard.WizardButton.FinishButton).click()

    def close_message(box: QMessageBox) -> None:
        told.append(box.text())
        box.accept()

    when_shown(FirstRunWizard, answer)
    assert first_run(settings, tasks, shop, reopen=lambda: None) is None
    assert told == ["This shop already has an owner. Sign in as the owner."]
    assert not (config.data_dir() / config.SETTINGS_FILE).exists()  # nothing saved
    with session_factory() as session:
        assert session.scalars(select(User.username)).all() == ["laowang"]


def test_a_window_whose_person_was_switched_off_says_so_when_its_screens_read(
    qtbot, session_factory: sessionmaker[Session], settings: config.Settings, owner, english
) -> None:
    clerk = actor_of(add_person(session_factory, owner, "xiaowang", "小王", Role.CLERK))
    window = MainWindow(session_factory, settings, actor=clerk)
    qtbot.addWidget(window)
    with session_factory.begin() as session:  # the owner, at another desk
        accounts.set_active(session, owner, clerk.user_id, False, now=NOW)
    orders = window.screen_named("orders")
    orders.refresh()  # type: ignore[attr-defined]
    words = "Your account was switched off or changed by the owner. Please sign in again."
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == words, timeout=10_000)
