"""Fixtures for the window and screen tests (registered with `pytest_plugins`).

A real, migrated SQLite file per test (copied from one migrated once per session, so
Alembic runs once), the background helper shut down after each test, English as the
language unless a test switches, `FakeSyncWorker`: a QObject with the sync worker's
real signals, so tests drive the window the way the worker does, and the shop's
people (`owner`, `add_person`) created through the real accounts service.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # conftest.py does this too; harmless twice

from PySide6.QtCore import QObject, QTimer, Signal, Slot  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from app.config import HOME_ENV, Settings  # noqa: E402
from app.db import open_database, sqlite_url  # noqa: E402
from app.services.people import accounts  # noqa: E402
from app.services.people.accounts import UserRow  # noqa: E402
from app.services.people.permissions import Actor, Role  # noqa: E402
from app.views.common.background import BackgroundTasks  # noqa: E402
from app.views.shell.i18n import install_language  # noqa: E402


class FakeSyncWorker(QObject):
    """Stands in for `app.sync.worker.SyncWorker`: same signals, counts `sync_now` calls."""

    status_changed = Signal(object)
    data_changed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.sync_now_calls = 0

    @Slot()
    def sync_now(self) -> None:
        self.sync_now_calls += 1


@pytest.fixture(scope="session")
def _migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "mirror.sqlite"
    engine, _ = open_database(sqlite_url(path))
    engine.dispose()
    return path


@pytest.fixture
def session_factory(tmp_path: Path, _migrated_template: Path) -> Iterator[sessionmaker[Session]]:
    """A migrated SQLite file of this test's own."""
    path = tmp_path / "mirror.sqlite"
    shutil.copyfile(_migrated_template, path)
    engine, factory = open_database(sqlite_url(path))
    yield factory
    engine.dispose()


@pytest.fixture
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The data folder (settings file) for this test only."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv(HOME_ENV, str(home))
    return home


@pytest.fixture
def settings(app_home: Path) -> Settings:
    return Settings(language="en")


@pytest.fixture
def english(qapp: object) -> Iterator[None]:
    install_language("en")
    yield
    install_language("en")


@pytest.fixture
def tasks(qapp: object) -> Iterator[BackgroundTasks]:
    helper = BackgroundTasks()
    yield helper
    helper.shutdown()


@pytest.fixture
def fake_worker(qapp: object) -> FakeSyncWorker:
    return FakeSyncWorker()


PEOPLE_NOW = 1_795_000_000  # tests/builders.NOW: 2026-11-18 19:06:40 Asia/Shanghai
OWNER_PASSWORD = "owner-pass-1"
PERSON_PASSWORD = "person-pass-1"


@pytest.fixture
def owner(session_factory: sessionmaker[Session]) -> Actor:
    """The shop's owner 小林 (user name "xiaolin"), created by the real service."""
    with session_factory.begin() as session:
        return accounts.create_owner(session, "xiaolin", "小林", OWNER_PASSWORD, now=PEOPLE_NOW)


def add_person(
    session_factory: sessionmaker[Session],
    owner: Actor,
    username: str,
    display_name: str,
    role: Role,
    **limits: int | None,
) -> UserRow:
    """Another person of the shop, added by the owner (password PERSON_PASSWORD)."""
    with session_factory.begin() as session:
        return accounts.add_user(
            session,
            owner,
            username=username,
            display_name=display_name,
            role=role,
            password=PERSON_PASSWORD,
            now=PEOPLE_NOW,
            **limits,
        )


def actor_of(row: UserRow) -> Actor:
    return Actor(
        row.id,
        row.username,
        row.display_name,
        row.role,
        row.refund_limit_single_fen,
        row.refund_limit_daily_fen,
    )


Shown = TypeVar("Shown", bound=QWidget)


def when_shown(kind: type[Shown], act: Callable[[Shown], None]) -> None:
    """Does `act` to the next modal window of type `kind` once it is up: a modal window
    runs its own event loop, so a test answers it from a timer, as a person would."""

    def look() -> None:
        window = QApplication.activeModalWidget()
        if not isinstance(window, kind):
            QTimer.singleShot(20, look)
            return
        act(window)

    QTimer.singleShot(0, look)
