"""The app survives a long session of repainting while it syncs.

PySide6 6.12.0 on Python 3.10/3.11 corrupted the reference counts of None/True while
Python-drawn widgets repainted and aborted after about a minute (DESKTOP-TESTING.md).
This runs the real app (demo shop, live sync) in its own process for a minute with
the orders table scrolling and repainting non-stop, and requires a clean exit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.desk_home import prepare_signed_in_home

ROOT = Path(__file__).resolve().parents[1]
SOAK_SECONDS = 60


@pytest.mark.slow
def test_the_app_runs_a_minute_of_repaints_and_sync_and_exits_cleanly(tmp_path: Path) -> None:
    prepare_signed_in_home(tmp_path)
    environment = {**os.environ, "AFTERSALES_DESK_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    finished = subprocess.run(
        [sys.executable, "main.py", "--soak-s", str(SOAK_SECONDS)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=SOAK_SECONDS + 120,
    )
    assert "Fatal Python error" not in finished.stderr
    assert finished.returncode == 0, finished.stderr[-3000:]
    assert "soak done" in finished.stdout
