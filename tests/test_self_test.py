"""`main.py --self-test` proves the desk starts and works, and says in words when it does not.

Real parts only: the self-test runs as a process of its own, exactly as CI runs the frozen
build's (`AfterSalesDesk --self-test`), and starts the desk's own processes (the demo shop's
store, the sync process). The person's data folder (AFTERSALES_DESK_HOME here) is never
touched, and the throw-away folder is gone afterwards, whether the test passed or failed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import HOME_ENV
from tests.full_disk import can_mount_a_small_disk

REPO = Path(__file__).resolve().parents[1]
# A small disk with room for the desk's database and logs, not for the demo store's 50 MB shop.
SMALL_DISK = """
set -e
mount -t tmpfs -o size=8m tmpfs "$DISK"
dd if=/dev/zero of="$DISK/filler" bs=4096 2>/dev/null || true
truncate -s -3000000 "$DISK/filler"
exec "$PYTHON" "$MAIN_PY" --self-test --self-test-in "$DISK"
"""
# Not a timing assertion: only so a broken watchdog cannot hang the test suite.
NEVER_LONGER_THAN_S = 900

CHECKS = (
    "throw-away data folder",
    "migrations ran: database at schema",
    "the main window is open, signed in as selftest",
    "the demo shop's store answers at http://127.0.0.1:",
    "the first sync brought",
    "the orders screen shows",
    "approved the refund of request",
    "the sync pushed the decision and the platform applied it",
    "the store's ledger holds the decision exactly once",
    "the desk stopped cleanly in ",
)


def self_test(tmp_path: Path, *options: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, **{HOME_ENV: str(tmp_path / "the-persons-data-folder")})
    environment.pop("QT_QPA_PLATFORM", None)  # the self-test chooses offscreen by itself
    return subprocess.run(
        [sys.executable, str(REPO / "main.py"), "--self-test", *options],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=NEVER_LONGER_THAN_S,
    )


def test_the_self_test_uses_the_whole_desk_once_and_says_each_check(tmp_path: Path) -> None:
    throw_away = tmp_path / "throw-away"
    throw_away.mkdir()

    run = self_test(tmp_path, "--self-test-in", str(throw_away))

    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    for number, words in enumerate(CHECKS, start=1):
        assert any(line.startswith(f"ok {number}: {words}") for line in lines), (number, words, run.stdout)
    assert lines[-1].startswith(f"Self-test passed: {len(CHECKS)} checks in ")
    assert "FAILED" not in run.stdout
    assert not (tmp_path / "the-persons-data-folder").exists()  # the person's data: untouched
    assert list(throw_away.iterdir()) == []  # the throw-away folder is gone


def test_a_data_folder_that_cannot_be_made_fails_in_words(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("a file where a folder should be\n", encoding="utf-8")

    run = self_test(tmp_path, "--self-test-in", str(not_a_folder / "inside"))

    assert run.returncode == 1
    assert run.stdout.startswith(f"FAILED: the throw-away data folder could not be made in {not_a_folder}")
    assert "ok 1" not in run.stdout
    assert not (tmp_path / "the-persons-data-folder").exists()


def test_a_self_test_that_hangs_is_ended_by_its_watchdog_with_words(tmp_path: Path) -> None:
    throw_away = tmp_path / "throw-away"
    throw_away.mkdir()

    # Too short for any start: whatever it waits for, the watchdog ends it.
    run = self_test(tmp_path, "--self-test-in", str(throw_away), "--self-test-timeout", "0.5")

    assert run.returncode == 2
    assert "FAILED: the self-test did not finish within 0.5 s; it was waiting for " in run.stdout
    assert not (tmp_path / "the-persons-data-folder").exists()


def test_a_demo_store_that_cannot_start_fails_with_the_desks_own_words(tmp_path: Path) -> None:
    if not can_mount_a_small_disk(tmp_path):
        pytest.skip("this system lets no process mount a small disk of its own (user namespaces)")
    disk = tmp_path / "disk"
    disk.mkdir()
    environment = dict(
        os.environ,
        **{HOME_ENV: str(tmp_path / "the-persons-data-folder")},
        DISK=str(disk),
        PYTHON=sys.executable,
        MAIN_PY=str(REPO / "main.py"),
    )

    # The store cannot make its shop on the full disk, so it ends before it listens.
    run = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", SMALL_DISK],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=NEVER_LONGER_THAN_S,
    )

    assert run.returncode == 1, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert any(line.startswith("ok 3: the main window is open") for line in lines), run.stdout
    assert (
        "FAILED: the sync needs a person: The demo shop could not start on this computer. "
        "the sandbox store ended (exit code 1)"
    ) in run.stdout
    assert not (tmp_path / "the-persons-data-folder").exists()
