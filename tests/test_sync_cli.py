"""`main.py sync` when the database is the problem: plain words, exit code 2, nothing lost.

Real processes and real failures: a file of garbage bytes as the SQLite database, a
PostgreSQL address on a loopback port nobody listens on, and a disk that is really
full (a small tmpfs mounted in a mount namespace of the sync's own, where the system
allows one). And the desktop's start on a damaged file: the same words, no crash.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from app import config, desk
from app.db import open_database, sqlite_url
from app.demo_shop import DEMO_APP_KEY, DEMO_SHOP_ID
from app.models import Order
from app.sync import cli
from tests.fixtures_views import when_shown
from tests.full_disk import ROOT, run_on_a_full_disk, small_disk_or_skip
from tests.sandbox_control import mirrored_orders, platform_orders, sync_argv

GARBAGE = bytes(range(256)) * 64  # 16 KiB that no SQLite header starts with
DAMAGED_WORDS = "The shop's database file is damaged and cannot be read."
FULL_WORDS = "The disk is full, so nothing more can be stored and the sync stopped."
UNREACHABLE_WORDS = "The database server did not answer."


def closed_port() -> int:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_sync(argv: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, config.HOME_ENV: str(home)}
    return subprocess.run(
        [sys.executable, "main.py", *argv],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_damaged_database_file_is_told_and_left_as_it_was(tmp_path: Path) -> None:
    database = tmp_path / "mirror.sqlite"
    database.write_bytes(GARBAGE)
    done = run_sync(sync_argv(f"http://127.0.0.1:{closed_port()}", sqlite_url(database)), tmp_path / "home")
    assert done.returncode == cli.EXIT_NEEDS_PERSON, done.stdout + done.stderr
    assert DAMAGED_WORDS in done.stdout and str(database) in done.stdout
    assert "Traceback" not in done.stderr
    assert database.read_bytes() == GARBAGE  # kept for whoever can rescue it


def test_an_unreachable_shared_database_is_told_not_taken_for_the_platform(tmp_path: Path) -> None:
    url = f"postgresql://postgres@127.0.0.1:{closed_port()}/shop"
    done = run_sync(sync_argv(f"http://127.0.0.1:{closed_port()}", url), tmp_path / "home")
    assert done.returncode == cli.EXIT_NEEDS_PERSON, done.stdout + done.stderr
    assert UNREACHABLE_WORDS in done.stdout and "platform" not in done.stdout.lower()
    assert "Traceback" not in done.stderr


# What the sync does on the full disk, then again once a person freed the space.
FULL_DISK_SCRIPT = """
set +e
"$PYTHON" main.py $SYNC >"$OUT/full.out" 2>"$OUT/full.err"
echo $? >"$OUT/full.code"
mkdir "$OUT/as-left" && cp "$DISK"/mirror.sqlite* "$OUT/as-left/"
rm "$DISK/filler"
"$PYTHON" main.py $SYNC >"$OUT/room.out" 2>"$OUT/room.err"
echo $? >"$OUT/room.code"
cp "$DISK"/mirror.sqlite* "$OUT/"
"""


@pytest.mark.slow
def test_a_full_disk_stops_the_sync_with_plain_words_and_loses_nothing(
    tmp_path: Path, sandbox_url: str, _migrated_template: Path
) -> None:
    disk, out = small_disk_or_skip(tmp_path)
    sync = " ".join(sync_argv(sandbox_url, f"sqlite:///{disk}/mirror.sqlite"))
    run_on_a_full_disk(disk, out, _migrated_template, tmp_path / "home", FULL_DISK_SCRIPT, SYNC=sync)
    said = (out / "full.out").read_text(encoding="utf-8")
    assert (out / "full.code").read_text().strip() == str(cli.EXIT_NEEDS_PERSON), said
    assert FULL_WORDS in said
    assert "Traceback" not in (out / "full.err").read_text(encoding="utf-8")
    # What the full disk left is a sound database whose cursors never passed what it holds.
    with sqlite3.connect(out / "as-left" / "mirror.sqlite") as left:
        assert left.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = left.execute("SELECT count(*) FROM orders").fetchone()[0]
        cursor = left.execute("SELECT high_water FROM sync_cursors WHERE stream = 'orders'").fetchone()
        newest = left.execute("SELECT max(update_time) FROM orders").fetchone()[0]
    assert cursor is None or cursor[0] <= newest
    assert stored < len(platform_orders(sandbox_url))  # the disk did fill up mid-way
    # With room again, the next run finishes the job: every order, none twice.
    assert (out / "room.code").read_text().strip() == str(cli.EXIT_OK), (out / "room.out").read_text()
    engine, sessions = open_database(sqlite_url(out / "mirror.sqlite"))
    try:
        mirrored, truth = mirrored_orders(sessions), platform_orders(sandbox_url)
        with sessions() as session:
            synced = session.scalar(select(func.max(Order.synced_at)))
        # The platform's own life goes on after the last sync (a parcel received, an order
        # completed, stamped with its time): what changed since is the next sync's to fetch.
        later = {order_id for order_id, updated in truth.items() if updated >= synced}
        assert {k: v for k, v in mirrored.items() if k not in later} == {
            k: v for k, v in truth.items() if k not in later
        }
    finally:
        engine.dispose()


def test_the_desktop_start_tells_a_damaged_database_file_in_plain_words(
    qapp, english, app_home: Path, tmp_path: Path
) -> None:
    database = tmp_path / "mirror.sqlite"
    database.write_bytes(GARBAGE)
    seen: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        seen.append(box.text())
        box.accept()

    when_shown(QMessageBox, read_and_close)
    settings = config.Settings(shop=config.ShopConnection(app_key=DEMO_APP_KEY, shop_id=DEMO_SHOP_ID))
    assert desk.open_shop(settings, sqlite_url(database)) is None
    assert seen and seen[0].startswith("The shop's database could not be opened:\n" + DAMAGED_WORDS)
    assert database.read_bytes() == GARBAGE


def test_the_status_line_says_how_many_records_were_set_aside_for_a_person() -> None:
    from app.sync.engine import RunReport

    report = RunReport(pulled={"orders": 100, "after_sales": 3}, set_aside={"orders": 2, "after_sales": 0})
    line = cli.status_line(report)
    assert line.endswith(
        "online: pulled orders 100, after_sales 3; set aside for a person (Needs attention): orders 2"
    )
    assert "set aside" not in cli.status_line(RunReport(pulled={"orders": 1}))
