"""A desk that finds a database newer than itself says so and does not touch it.

The database is a real SQLite file this build set up, then stamped as a newer release
would leave it: an Alembic revision this build has no script for, and that release's
version in `schema_versions`. The desk's start, `main.py sync` and the sync process each
refuse it in plain words naming that version and this one, and the file's bytes and
modification time are what they were.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from app import config, desk
from app.db import DatabaseTooNew, head_revision, open_database, sqlite_url
from app.platforms.douyin.client import ShopCredentials
from app.shop import credentials_to_json
from app.version import VERSION
from tests.fixtures_views import when_shown

REPO = Path(__file__).resolve().parents[1]
NEWER_REVISION = "9001_from_a_newer_desk"
NEWER_VERSION = "9.0.1"
NEVER_LONGER_THAN_S = 120  # only so a hang cannot hold the suite; no timing is asserted

NAMED_WORDS = (
    f"AfterSales Desk {NEWER_VERSION} set this shop database up, and this desk is version {VERSION}, "
    "an older one that cannot use it. Nothing in the database was changed. "
    f"Install AfterSales Desk {NEWER_VERSION} or newer on this computer, then start it again."
)


def stamped_by_a_newer_desk(path: Path, *, version: str | None = NEWER_VERSION) -> tuple[bytes, int]:
    """A database this build set up, then left as a newer release would leave it; its bytes
    and modification time (ns) as they are now."""
    engine, _sessions = open_database(sqlite_url(path))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": NEWER_REVISION})
        if version is not None:
            connection.execute(
                text("INSERT INTO schema_versions VALUES (:r, :v, 1796000000)"),
                {"r": NEWER_REVISION, "v": version},
            )
    engine.dispose()  # the last connection: the write-ahead log is folded in and removed
    assert not path.with_name(path.name + "-wal").exists()
    return path.read_bytes(), path.stat().st_mtime_ns


def untouched(path: Path, before: tuple[bytes, int]) -> bool:
    """The same bytes, the same modification time, and no file of a connection left beside it."""
    beside = sorted(found.name for found in path.parent.iterdir() if found.name.startswith(path.name))
    return (path.read_bytes(), path.stat().st_mtime_ns) == before and beside == [path.name]


def main_py(home: Path, *arguments: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), *arguments],
        input=stdin,
        env=dict(os.environ, **{config.HOME_ENV: str(home)}),
        capture_output=True,
        text=True,
        timeout=NEVER_LONGER_THAN_S,
    )


def test_this_build_records_its_version_for_the_schema_it_set_up(tmp_path: Path) -> None:
    engine, _sessions = open_database(sqlite_url(tmp_path / "shop.sqlite"))
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT revision, app_version FROM schema_versions")).all()
    engine.dispose()
    assert [tuple(row) for row in rows] == [(head_revision(), VERSION)]


def test_opening_it_is_refused_naming_the_newer_version_and_nothing_changes(tmp_path: Path) -> None:
    database = tmp_path / "shop.sqlite"
    before = stamped_by_a_newer_desk(database)

    with pytest.raises(DatabaseTooNew) as refused:
        open_database(sqlite_url(database))

    assert str(refused.value) == NAMED_WORDS
    assert (refused.value.revision, refused.value.made_by) == (NEWER_REVISION, NEWER_VERSION)
    assert untouched(database, before)


def test_a_newer_database_without_its_version_is_still_refused_in_words(tmp_path: Path) -> None:
    database = tmp_path / "shop.sqlite"
    before = stamped_by_a_newer_desk(database, version=None)

    with pytest.raises(DatabaseTooNew) as refused:
        open_database(sqlite_url(database))

    assert str(refused.value) == (
        f"A newer AfterSales Desk than this one (version {VERSION}) set this shop database up, and this "
        "desk cannot use it. Nothing in the database was changed. Install the newest AfterSales Desk "
        "on this computer, then start it again."
    )
    assert untouched(database, before)


def test_the_desk_says_so_and_stops_without_touching_it(
    qapp: object, app_home: Path, english: None, tmp_path: Path
) -> None:
    database = tmp_path / "shop.sqlite"
    before = stamped_by_a_newer_desk(database)
    settings = config.Settings()
    settings.shop = config.ShopConnection(app_key="7123456789012345678", shop_id="88001234")
    shown: list[tuple[str, str]] = []

    def read_and_close(box: QMessageBox) -> None:
        shown.append((box.windowTitle(), box.text()))
        box.accept()

    when_shown(QMessageBox, read_and_close)
    assert desk.open_shop(settings, sqlite_url(database)) is None  # the desk ends here (exit 1)

    assert shown == [("This AfterSales Desk is older than the shop's database", NAMED_WORDS)]
    assert untouched(database, before)


def test_headless_sync_refuses_it_in_words(tmp_path: Path) -> None:
    database = tmp_path / "shop.sqlite"
    before = stamped_by_a_newer_desk(database)

    run = main_py(
        tmp_path / "home",
        *("sync", "--store", "http://127.0.0.1:9", "--app-key", "k", "--app-secret", "s", "--shop-id", "1"),
        *("--db", sqlite_url(database), "--once"),
    )

    assert run.returncode == 2, run.stdout + run.stderr
    assert NAMED_WORDS in run.stdout
    assert "Traceback" not in run.stderr
    assert untouched(database, before)


def test_the_sync_process_refuses_it_in_words_and_waits_to_be_stopped(tmp_path: Path) -> None:
    database = tmp_path / "shop.sqlite"
    before = stamped_by_a_newer_desk(database)
    first_line = {
        "database_url": sqlite_url(database),
        "credentials": credentials_to_json(ShopCredentials("http://127.0.0.1:9", "k", "s", "1")),
        "interval_s": 15,
        "schema": head_revision(),  # what the desk that starts it migrated to
    }

    run = main_py(tmp_path / "home", "sync-child", stdin=json.dumps(first_line) + "\nstop\n")

    assert run.returncode == 0, run.stderr
    said = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(said) == 1 and said[0]["status"]["state"] == "needs_attention"
    problem = said[0]["status"]["last_error"]
    assert problem.startswith(
        "AfterSales Desk {made_by} has set this shop's database up; this desk, version {ours}, is older "
        "and does not sync it. Install AfterSales Desk {made_by} or newer."
    )
    assert json.loads(problem.split("\x1f")[1]) == {"made_by": NEWER_VERSION, "ours": VERSION}
    assert untouched(database, before)
