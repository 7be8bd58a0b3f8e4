"""Who is at the keyboard: first run, sign-in, staying signed in, switching user.

Owns the steps between "the database is open" and "the main window shows", and the
switch of person on a shared computer: the first-run wizard when this shop's database
has no owner yet (its answers written through `services.shop_setup`), the sign-in
dialog otherwise (skipped for a one-person shop that chose to stay signed in), and a
fresh main window for each person, so no screen ever shows what the last person may
see but the next may not. The new window opens where the last one was (its geometry
and screen are saved first), and this computer remembers who signed in lately
(`Settings.extra["recent_people"]`), so the sign-in offers the last person and a
switch of user the person before the one leaving.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Slot
from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy.orm import Session, sessionmaker

from app import config
from app.core import own_program
from app.secrets import SecretStoreUnavailable
from app.services.people import accounts
from app.services.people import sign_in as sign_in_service
from app.services.people.permissions import Actor, PermissionDenied
from app.services.setup.connection_test import DOUYIN, ConnectionTester
from app.services.setup.shop_setup import (
    create_first_owner,
    save_shop_choice,
    switch_shop,
)
from app.views.common.background import BackgroundTasks
from app.views.people.login_dialog import LoginDialog
from app.views.setup.first_run_wizard import FirstRunResult, FirstRunWizard
from app.views.shell.main_window import MainWindow

log = logging.getLogger(__name__)
RECENT_PEOPLE_KEY = "recent_people"  # in Settings.extra: user names, the latest first
RECENT_PEOPLE_KEPT = 5


def last_person(settings: config.Settings, *, but_not: str = "") -> str:
    """The user name last signed in at this computer (other than `but_not`), or ""."""
    recent = settings.extra.get(RECENT_PEOPLE_KEY)
    names = [name for name in recent if isinstance(name, str)] if isinstance(recent, list) else []
    return next((name for name in names if name != but_not), "")


def remember_person(settings: config.Settings, username: str) -> None:
    recent = settings.extra.get(RECENT_PEOPLE_KEY)
    names = [name for name in recent if isinstance(name, str)] if isinstance(recent, list) else []
    settings.extra[RECENT_PEOPLE_KEY] = [username, *(n for n in names if n != username)][:RECENT_PEOPLE_KEPT]
    settings.save()


@dataclass
class OpenShop:
    """The shop the desk works on: its database, how to reach the shop (blocks until the
    demo shop's sandbox is up), and whatever must stop with it."""

    sessions: sessionmaker[Session]
    stop: Callable[[], None]
    # The platform's credentials for the sync process (`app.shop.ShopTarget.wait_credentials`);
    # the screens only hand them on, so they do not name the platform's type.
    credentials: Callable[[], object]
    database_url: str
    # The first-run wizard's connection test through the shop's platform (`app.shop.check_shop_keys`).
    test_connection: ConnectionTester


def first_run(
    settings: config.Settings, tasks: BackgroundTasks, shop: OpenShop, reopen: Callable[[], OpenShop | None]
) -> tuple[OpenShop, Actor] | None:
    """Run the wizard and apply its answers; None when the person closed it."""
    wizard = FirstRunWizard(tasks, test_connection=shop.test_connection)
    if wizard.exec() != QDialog.DialogCode.Accepted:
        return None
    result: FirstRunResult = wizard.first_run_result()
    choice = result.shop_choice()
    # Only a shop without an owner is set up here: on a shared database another desk may
    # have made its owner while the wizard was open. Checked before anything is saved.
    if settings.database_url and not needs_first_run(shop.sessions):
        _tell_owner_exists()
        return None
    try:
        where = save_shop_choice(settings, choice)
    except SecretStoreUnavailable as error:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("SignInFlow", "The shop could not be connected"),
            QCoreApplication.translate("accounts", error.message),
        )
        return None
    if not (result.use_demo and result.platform == DOUYIN):
        shop.stop()  # the demo shop started while the wizard ran; the chosen one replaces it
        reopened = reopen()
        if reopened is None:
            return None
        shop = reopened
    try:
        owner = create_first_owner(
            shop.sessions,
            username=result.owner_username,
            display_name=result.owner_display_name,
            password=result.owner_password,
            choice=choice,
            secret_location=where,
            now=int(time.time()),
        )
    except accounts.AccountError:  # the shop's database had its owner already
        _tell_owner_exists()
        return None
    if result.stay_signed_in:
        settings.stay_signed_in_user = owner.username
        settings.save()
    return shop, owner


def _tell_owner_exists() -> None:
    QMessageBox.information(
        None,
        QCoreApplication.translate("SignInFlow", "This shop already has an owner"),
        QCoreApplication.translate("accounts", accounts.MSG_OWNER_EXISTS),
    )


def sign_in(
    settings: config.Settings, tasks: BackgroundTasks, sessions: sessionmaker[Session]
) -> Actor | None:
    """The person at the computer, or None when they closed the sign-in dialog."""
    if settings.stay_signed_in_user:
        with sessions.begin() as session:
            actor = sign_in_service.resume_stayed_signed_in(
                session, settings.stay_signed_in_user, now=int(time.time())
            )
        if actor is not None:
            return actor
        log.info("the user who stayed signed in is gone or switched off; asking who is here")
    dialog = LoginDialog(sessions, tasks, preselect=last_person(settings))
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor() is None:
        return None
    actor = dialog.actor()
    assert actor is not None
    settings.stay_signed_in_user = actor.username if dialog.stays_signed_in() else ""
    settings.save()
    return actor


def needs_first_run(sessions: sessionmaker[Session]) -> bool:
    with sessions() as session:
        return not accounts.has_owner(session)


class WindowKeeper(QObject):
    """Holds the main window and replaces it when someone else signs in."""

    def __init__(
        self,
        make_window: Callable[[Actor], MainWindow],
        sessions: sessionmaker[Session],
        settings: config.Settings,
        tasks: BackgroundTasks,
        test_connection: ConnectionTester,
    ) -> None:
        super().__init__()
        self._make_window = make_window
        self._sessions = sessions
        self._settings = settings
        self._tasks = tasks
        self._test_connection = test_connection
        self.window: MainWindow | None = None

    def use_sessions(self, sessions: sessionmaker[Session]) -> None:
        """The database of the shop now on screen: "Switch user…" asks who is next there."""
        self._sessions = sessions

    def show_for(self, actor: Actor) -> MainWindow:
        previous = self.window
        if previous is not None:
            previous.save_ui_state()  # the new window opens where this one is, on its screen
        remember_person(self._settings, actor.username)
        self.window = self._make_window(actor)
        self.window.switch_user_requested.connect(self.switch_user)
        self.window.shop_change_requested.connect(self.change_shop)
        self.window.restart_requested.connect(restart_application)
        if previous is not None:  # exactly where it was, even off the saved layout's screen
            self.window.setGeometry(previous.geometry())
            self.window.setWindowState(previous.windowState())
        self.window.show()
        if previous is not None:
            previous.close()  # saves its layout; the new window is already up, so the app stays
            previous.deleteLater()
        return self.window

    @Slot()
    def switch_user(self) -> None:
        previous = self.window.actor() if self.window is not None else None
        leaving = previous.username if previous is not None else ""
        dialog = LoginDialog(
            self._sessions,
            self._tasks,
            self.window,
            switching=True,
            preselect=last_person(self._settings, but_not=leaving),
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor() is None:
            return
        actor = dialog.actor()
        assert actor is not None
        with self._sessions.begin() as session:
            sign_in_service.record_switch_user(session, previous, actor, now=int(time.time()))
        if self._settings.stay_signed_in_user:  # a shared computer does not stay signed in
            self._settings.stay_signed_in_user = ""
            self._settings.save()
        self.show_for(actor)

    @Slot()
    def change_shop(self) -> None:
        """The owner points this workstation at another shop; the desk restarts on it."""
        owner = self.window.actor() if self.window is not None else None
        if owner is None:
            return
        wizard = FirstRunWizard(
            self._tasks, self.window, test_connection=self._test_connection, shop_only=True
        )
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return
        choice = wizard.first_run_result().shop_choice()
        try:
            switch_shop(self._settings, choice, owner, self._sessions, now=int(time.time()))
        except (SecretStoreUnavailable, accounts.AccountError, PermissionDenied) as error:
            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("SignInFlow", "The shop was not changed"),
                QCoreApplication.translate("accounts", error.message),
            )
            return
        restart_application()


def restart_application() -> None:
    """Start a fresh desk with the same command line, then quit this one."""
    program, *arguments = own_program.command(*sys.argv[1:])
    QProcess.startDetached(program, arguments)
    QCoreApplication.quit()
