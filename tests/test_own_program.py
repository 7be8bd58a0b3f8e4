"""One program plays every part: the command line of a role runs that role.

From a checkout the program is `python main.py`; a frozen build runs the same roles
from its one executable (checked by `tasks.py test` against the built desk).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app import config
from app.core import own_program


def test_from_a_checkout_a_role_is_main_py_with_that_role() -> None:
    assert own_program.command("sandbox", "--port", "0") == [
        sys.executable,
        str(own_program.MAIN_PY),
        "sandbox",
        "--port",
        "0",
    ]


def test_the_sandbox_role_runs_the_sandbox_store_from_any_folder(tmp_path: Path) -> None:
    finished = subprocess.run(
        own_program.command(own_program.SANDBOX, "--help"),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 0, finished.stderr
    assert "--stop-with-stdin" in finished.stdout


def test_the_sync_child_role_ends_cleanly_when_the_desk_goes_before_saying_anything(tmp_path: Path) -> None:
    finished = subprocess.run(
        own_program.command(own_program.SYNC_CHILD),
        cwd=tmp_path,
        input="",
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, config.HOME_ENV: str(tmp_path)},
    )
    assert finished.returncode == 0, finished.stderr
