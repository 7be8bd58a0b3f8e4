"""A disk that really fills up, for tests of processes that write the shop's database.

A small tmpfs mounted in a mount namespace of the test's own (`unshare`), a copy of the
migrated template as the database on it, and a filler file that takes all the space but
`ROOM` bytes: enough for the database's side files, not for the shop's orders. Where the
system allows no user namespace, the test is skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import config

ROOT = Path(__file__).resolve().parents[1]
ROOM = 160 * 1024  # room for the database's side files, not for the shop's orders

# Run by `sh` in the namespace; what the test does on the full disk follows it.
FILL_THE_DISK = """
set -e
mount -t tmpfs -o size=8m tmpfs "$DISK"
cp "$TEMPLATE" "$DISK/mirror.sqlite"
dd if=/dev/zero of="$DISK/filler" bs=4096 2>/dev/null || true
truncate -s -"$ROOM" "$DISK/filler"
"""


def can_mount_a_small_disk(tmp_path: Path) -> bool:
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return False
    probe = tmp_path / "probe"
    probe.mkdir()
    tried = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "mount", "-t", "tmpfs", "tmpfs", str(probe)],
        capture_output=True,
    )
    return tried.returncode == 0


def small_disk_or_skip(tmp_path: Path) -> tuple[Path, Path]:
    """The folder the small disk is mounted on, and a folder outside it for what the run leaves."""
    if not can_mount_a_small_disk(tmp_path):
        pytest.skip("this system lets no process mount a small disk of its own (user namespaces)")
    disk, out = tmp_path / "disk", tmp_path / "out"
    disk.mkdir()
    out.mkdir()
    return disk, out


def run_on_a_full_disk(
    disk: Path, out: Path, template: Path, home: Path, then: str, **variables: str
) -> None:
    """Fill the small disk on `disk` but for ROOM, then run the shell lines `then` there
    (with DISK, OUT, TEMPLATE, ROOM, PYTHON and `variables` in their environment)."""
    environment = {
        **os.environ,
        config.HOME_ENV: str(home),
        "DISK": str(disk),
        "OUT": str(out),
        "TEMPLATE": str(template),
        "ROOM": str(ROOM),
        "PYTHON": sys.executable,
        **variables,
    }
    subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", FILL_THE_DISK + then],
        cwd=ROOT,
        env=environment,
        check=True,
        timeout=300,
    )
