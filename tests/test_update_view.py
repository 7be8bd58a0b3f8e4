"""Updates on screen: the desk checks at its start in the background, the owner sees what
changed and agrees, the next start installs the update and says so; anyone else sees that
an update waits for the owner; Settings says plainly when no update address is set, and
"Check for updates" checks. Real window, real release over loopback HTTP, real data folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.services.people.permissions import Actor, Role
from app.services.updates.apply import apply_agreed_update
from app.services.updates.folders import APP_NAME, Installation, UpdateFolders
from app.views.setup.settings_dialog import SettingsDialog
from app.views.shell.main_window import MainWindow
from app.views.updates.checker import Stage, UpdateChecker
from app.views.updates.update_dialog import UpdateDialog
from app.views.updates.update_notice import attach_update_notice
from tests.fixtures_views import actor_of, add_person
from tests.update_releases import ReleaseShelf, data_folders, installed_version, serving

NOTES = "Refunds open twice as fast.\nThe dashboard names the shop's clock."


@pytest.fixture
def shelf(tmp_path: Path) -> ReleaseShelf:
    return ReleaseShelf(tmp_path / "publisher")


@pytest.fixture
def installed(shelf: ReleaseShelf, tmp_path: Path) -> Installation:
    installation = shelf.install(
        shelf.release("1.0.0", "The first release."), tmp_path / "programs" / APP_NAME
    )
    shelf.release("1.1.0", NOTES)
    return installation


@pytest.fixture
def update_url(shelf: ReleaseShelf, installed: Installation) -> Iterator[str]:
    with serving(shelf.repository) as url:
        yield url


@pytest.fixture
def folders(app_home: Path) -> UpdateFolders:
    return data_folders(app_home)


def window_of(qtbot, session_factory: sessionmaker[Session], settings: Settings, actor: Actor) -> MainWindow:
    window = MainWindow(session_factory, settings, actor=actor)
    qtbot.addWidget(window)
    return window


def test_the_owner_sees_what_changed_agrees_and_the_next_start_installs_it(
    qtbot,
    english,
    session_factory: sessionmaker[Session],
    settings: Settings,
    owner: Actor,
    installed: Installation,
    update_url: str,
    folders: UpdateFolders,
) -> None:
    settings.update_url = update_url
    checker = UpdateChecker(settings, installed, folders)
    window = window_of(qtbot, session_factory, settings, owner)

    notice = attach_update_notice(window, checker)  # the start's check, in the background
    qtbot.waitUntil(lambda: checker.state().stage == Stage.WAITING, timeout=20_000)
    assert notice.isVisibleTo(window) and notice.text() == "Update 1.1.0 ready: what changed?"
    assert installed_version(installed.install_dir) == "1.0.0"

    qtbot.mouseClick(notice, Qt.MouseButton.LeftButton)
    dialog = notice.dialog
    assert isinstance(dialog, UpdateDialog)
    assert dialog.notes.toPlainText() == NOTES
    assert dialog.headline.text() == "Version 1.1.0 is downloaded and checked. This desk runs 1.0.0."
    assert (
        dialog.install_button.isVisibleTo(dialog) and dialog.install_button.text() == "Install at next start"
    )
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.install_button, Qt.MouseButton.LeftButton)
    assert notice.text() == "Update 1.1.0 is installed at the next start"
    assert installed_version(installed.install_dir) == "1.0.0"  # not while this desk runs

    # The next start: app/desktop.py installs it before Qt loads, then the desk says so.
    assert apply_agreed_update(installed.install_dir, folders) == "1.1.0"
    assert installed_version(installed.install_dir) == "1.1.0"
    next_start = UpdateChecker(settings, Installation(installed.install_dir, "1.1.0"), folders)
    next_window = window_of(qtbot, session_factory, settings, owner)
    next_notice = attach_update_notice(next_window, next_start)
    assert next_notice.text() == "Updated to 1.1.0"
    qtbot.waitUntil(lambda: next_start.state().stage != Stage.CHECKING, timeout=20_000)
    assert next_notice.text() == "Updated to 1.1.0"  # the newest: the start's check changes nothing


def test_anyone_else_sees_that_an_update_waits_for_the_owner(
    qtbot,
    english,
    session_factory: sessionmaker[Session],
    settings: Settings,
    owner: Actor,
    installed: Installation,
    update_url: str,
    folders: UpdateFolders,
) -> None:
    settings.update_url = update_url
    checker = UpdateChecker(settings, installed, folders)
    clerk = actor_of(add_person(session_factory, owner, "xiaowang", "小王", Role.CLERK))
    window = window_of(qtbot, session_factory, settings, clerk)

    notice = attach_update_notice(window, checker)
    qtbot.waitUntil(lambda: checker.state().stage == Stage.WAITING, timeout=20_000)
    assert notice.text() == "Update 1.1.0 waits for the shop owner"
    qtbot.mouseClick(notice, Qt.MouseButton.LeftButton)
    dialog = notice.dialog
    assert dialog is not None and dialog.notes.toPlainText() == NOTES
    assert not dialog.install_button.isVisibleTo(dialog)
    assert dialog.hint.text() == "The shop owner decides when it is installed."
    dialog.reject()


def test_settings_say_plainly_that_without_an_address_the_desk_does_not_look_and_check_when_asked(
    qtbot,
    english,
    app_home: Path,
    session_factory: sessionmaker[Session],
    settings: Settings,
    owner: Actor,
    installed: Installation,
    update_url: str,
    folders: UpdateFolders,
) -> None:
    checker = UpdateChecker(settings, installed, folders)
    dialog = SettingsDialog(settings, sessions=session_factory, actor=owner, updates=checker)
    qtbot.addWidget(dialog)
    section = dialog.update_section
    assert section is not None
    assert section.status.text() == (
        "No update address is set, so the desk does not look for updates. This is version 1.0.0."
    )
    assert not section.check_button.isEnabled()

    section.address.setText(update_url)
    section.address.editingFinished.emit()
    assert section.check_button.isEnabled()
    assert Settings.load().update_url == update_url  # kept in the settings file
    qtbot.mouseClick(section.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: checker.state().stage == Stage.WAITING, timeout=20_000)
    assert section.status.text() == "Version 1.1.0 is downloaded and waits for the owner's agreement."
    assert section.what_changed_button.isVisibleTo(dialog)

    source_tree = SettingsDialog(settings, updates=UpdateChecker(settings, None, folders))
    qtbot.addWidget(source_tree)
    assert source_tree.update_section is not None
    assert source_tree.update_section.status.text().startswith(
        "This copy of the desk runs from its source code"
    )


def test_an_agreed_update_the_start_could_not_install_is_said_in_the_window(
    qtbot,
    english,
    session_factory: sessionmaker[Session],
    settings: Settings,
    owner: Actor,
    installed: Installation,
    update_url: str,
) -> None:
    settings.update_url = update_url
    folders = data_folders(installed.install_dir / "data")  # where no update may be installed over it
    checker = UpdateChecker(settings, installed, folders)
    window = window_of(qtbot, session_factory, settings, owner)
    notice = attach_update_notice(window, checker)
    qtbot.waitUntil(lambda: checker.state().stage == Stage.WAITING, timeout=20_000)
    checker.agree(session_factory, owner)
    qtbot.waitUntil(lambda: checker.state().stage == Stage.AGREED, timeout=10_000)

    assert apply_agreed_update(installed.install_dir, folders) is None  # the next start
    next_start = UpdateChecker(settings, installed, folders)
    next_notice = attach_update_notice(window_of(qtbot, session_factory, settings, owner), next_start)
    assert next_notice.toolTip() == (
        f"Update 1.1.0 could not be installed (the data folder {folders.base} is inside the install "
        f"folder {installed.install_dir}); the desk tries again at its next start"
    )
    assert notice.text() == "Update 1.1.0 is installed at the next start"
