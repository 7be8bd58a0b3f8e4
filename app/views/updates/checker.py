"""The desk's one update checker: what the screens know about updates, and the checks.

Owns `UpdateChecker`: where the update stands (`UpdateState`: not an installed desk, no
update address, checking, newest, an update waiting for the owner, agreed, installed at
this start, or a problem in plain words), the check (app/services/updates/check.py: ask,
download, unpack) on the background helper's network lane, and the owner's agreement on
its database lane. The status bar's notice and the Settings section both show it and
both may start a check; one checker serves the whole desk (`desk_updates`), so a new
window after "Switch user" does not check again, and a check from Settings updates the
notice at once.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session, sessionmaker

from app import config
from app.services.people.permissions import Actor
from app.services.updates.agreement import agree_to_install
from app.services.updates.check import UpdateStopped, check_and_download
from app.services.updates.folders import Installation, UpdateFolders
from app.services.updates.pending import PendingUpdate, read_pending, take_installed
from app.views.common.background import NET_LANE, BackgroundTasks
from app.views.common.people_words import refusal_text


class Stage(StrEnum):
    NOT_INSTALLED = "not_installed"  # run from the source tree: nothing to update
    NO_ADDRESS = "no_address"  # Settings name no update address
    IDLE = "idle"  # not checked yet in this run
    CHECKING = "checking"
    NEWEST = "newest"
    WAITING = "waiting"  # downloaded, the owner has not agreed
    AGREED = "agreed"  # installed at the next start
    INSTALLED = "installed"  # this start installed it
    PROBLEM = "problem"


@dataclass(frozen=True)
class UpdateState:
    stage: Stage
    running_version: str = ""
    pending: PendingUpdate | None = None
    installed_version: str = ""  # Stage.INSTALLED: the version this start installed
    problem: str = ""  # Stage.PROBLEM: in the person's language


class UpdateChecker(QObject):
    """Where the desk's update stands; `changed` says when it moves."""

    changed = Signal(object)  # the new UpdateState

    def __init__(
        self,
        settings: config.Settings,
        installation: Installation | None,
        folders: UpdateFolders,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings, self._installation, self._folders = settings, installation, folders
        self._tasks = BackgroundTasks(self)
        self._stop = threading.Event()
        self._started = False
        # What the last start installed is said in this run's windows, and not again.
        installed = take_installed(folders) if installation is not None else None
        # Only when it is what runs (a Windows installer script that failed leaves the old one).
        running = installation.version if installation is not None else ""
        self._installed = installed.version if installed is not None and installed.version == running else ""
        self._state = self._state_on_disk()

    def state(self) -> UpdateState:
        return self._state

    def check_at_start(self) -> None:
        """The check a start makes, once per run, in the background."""
        if self._started:
            return
        self._started = True
        if self._state.stage in (Stage.IDLE, Stage.INSTALLED, Stage.PROBLEM):
            self.check(quiet_when_newest=self._state.stage == Stage.INSTALLED)

    def check(self, *, quiet_when_newest: bool = False) -> None:
        """Ask the update address now (the Settings button); the answer comes as `changed`."""
        installation, url = self._installation, self._settings.update_url.strip()
        if installation is None or not url:
            self._set(self._state_on_disk())
            return
        if self._state.stage == Stage.CHECKING:
            return
        previous = self._state
        folders = self._folders
        self._set(UpdateState(Stage.CHECKING, installation.version))

        def found(pending: PendingUpdate | None) -> None:
            if pending is None:
                self._set(previous if quiet_when_newest else UpdateState(Stage.NEWEST, installation.version))
            else:
                self._set(self._of_pending(pending))

        def failed(error: BaseException) -> None:
            if isinstance(error, UpdateStopped):
                return
            self._set(UpdateState(Stage.PROBLEM, installation.version, problem=refusal_text(error)))

        stop = self._stop
        self._tasks.run(
            "updates.check",
            lambda: check_and_download(installation, url, folders, stop=stop),
            found,
            failed,
            lane=NET_LANE,
        )

    def agree(
        self,
        sessions: sessionmaker[Session],
        actor: Actor,
        on_done: object = None,
        on_error: object = None,
    ) -> None:
        """The owner agrees to install the waiting update at the next start (audited)."""
        folders = self._folders

        def agreed(pending: PendingUpdate) -> None:
            self._set(self._of_pending(pending))
            if callable(on_done):
                on_done(pending)

        def refused(error: BaseException) -> None:
            if callable(on_error):
                on_error(refusal_text(error))

        self._tasks.run(
            "updates.agree",
            lambda: agree_to_install(folders, sessions, actor, now=int(time.time())),
            agreed,
            refused,
        )

    def shutdown(self) -> None:
        """The desk is quitting: a download under way stops at its next chunk."""
        self._stop.set()
        self._tasks.shutdown()

    def _state_on_disk(self) -> UpdateState:
        if self._installation is None:
            return UpdateState(Stage.NOT_INSTALLED)
        version = self._installation.version
        pending = read_pending(self._folders)
        if pending is not None and pending.staged.is_dir():
            return self._of_pending(pending)
        if self._installed:
            return UpdateState(Stage.INSTALLED, version, installed_version=self._installed)
        if not self._settings.update_url.strip():
            return UpdateState(Stage.NO_ADDRESS, version)
        return UpdateState(Stage.IDLE, version)

    def _of_pending(self, pending: PendingUpdate) -> UpdateState:
        version = self._installation.version if self._installation is not None else ""
        return UpdateState(Stage.AGREED if pending.agreed else Stage.WAITING, version, pending=pending)

    def _set(self, state: UpdateState) -> None:
        self._state = state
        self.changed.emit(state)


_DESK: UpdateChecker | None = None


def desk_updates(settings: config.Settings) -> UpdateChecker:
    """The desk's checker: this installation (None from the source tree) and its data folder."""
    global _DESK
    if _DESK is None or _DESK._settings is not settings:  # another desk in this process (tests)
        _DESK = UpdateChecker(
            settings, Installation.running(), UpdateFolders.of_data_folder(config.data_dir())
        )
    return _DESK
