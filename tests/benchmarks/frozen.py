"""The frozen desk's figures: how long its first window takes, and how big the build is.

- `frozen_first_window_s`: from spawning the frozen executable (`tasks.py package`) to
  its main window, on a one-person shop signed in (as `first_window_s` for `main.py`),
  median of three. Counted here, from the spawn, not by the desk itself: the frozen
  program's own start (the bootloader, unpacking nothing but loading Python and its
  libraries from the folder) is part of what a person waits for. Target: 1.5 s.
- `frozen_first_window_cpu_s` (Linux): the processor time the desk's process used until
  then, which a busy shared computer does not inflate as it does the wall time.
- `bundle_mb`: the size of the built folder (MiB), what a person downloads unpacked.

Without a build in dist/ both are skipped, saying so.
"""

from __future__ import annotations

import math
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from tasks import DIST, frozen_program
from tests.desk_home import prepare_signed_in_home

MILESTONE = "first-window"
# A desk that never shows its window (a build older than the data folder the checkout made
# says "newer database" in a dialog and waits for a person) is ended after this.
GIVE_UP_S = 120


def bundle_folder() -> Path:
    """The folder a person gets: dist/AfterSalesDesk, or the .app bundle on macOS."""
    return DIST / ("AfterSalesDesk.app" if sys.platform == "darwin" else "AfterSalesDesk")


def folder_mb(folder: Path) -> float:
    files = (path for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    return sum(path.stat().st_size for path in files) / 1024 / 1024


def cpu_s(pid: int) -> float:
    """Processor time (user and system) process `pid` used so far; NaN where /proc is not."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_window_s(program: Path, home: Path) -> tuple[float, float]:
    """Seconds from the spawn to the desk's line saying its first window is up, and the
    processor time the desk had used by then."""
    environment = {**os.environ, "AFTERSALES_DESK_HOME": str(home)}
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(program), "--exit-after", MILESTONE],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    give_up = threading.Timer(GIVE_UP_S, process.kill)
    give_up.start()
    seconds = used = float("nan")
    for line in process.stdout:  # the desk flushes the line as its window shows
        if line.startswith(MILESTONE):
            seconds, used = time.perf_counter() - started, cpu_s(process.pid)
            break
    give_up.cancel()
    process.stdout.close()
    process.wait(timeout=GIVE_UP_S)
    if math.isnan(seconds):
        print(
            f"  the frozen desk showed no window in {GIVE_UP_S} s and was ended; is the build older "
            "than the checkout? (`python3 tasks.py package`)",
            flush=True,
        )
    return seconds, used


def measure_frozen(runs: int = 3) -> dict[str, float]:
    program = frozen_program()
    if not program.exists():
        print(f"  no frozen build at {program}: run `python3 tasks.py package` first; skipped", flush=True)
        return {}
    walls, cpus = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            prepare_signed_in_home(Path(home))  # a one-person shop: no wizard, no sign-in dialog
            wall, used = first_window_s(program, Path(home))
            walls.append(wall)
            cpus.append(used)
        if math.isnan(wall):
            break  # the next would wait as long, for the same reason
    print(f"  frozen first window: {', '.join(f'{s:.2f} s' for s in walls)}", flush=True)
    return {
        "frozen_first_window_s": statistics.median(walls),
        "frozen_first_window_cpu_s": statistics.median(cpus),
        "bundle_mb": folder_mb(bundle_folder()),
    }
