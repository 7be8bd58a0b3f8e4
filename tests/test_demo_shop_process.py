"""The demo shop's sandbox store runs as a process of its own and never outlives the app.

Real parts: `python main.py sandbox` started by app/sandbox/process.py, the app's own
client calling it in the platform's dialect.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app import config
from app.shop import demo_shop
from app.sync.client import PlatformClient

REPO = Path(__file__).resolve().parents[1]


def test_the_demo_shop_serves_from_its_own_process_and_stops_cleanly(app_home: Path) -> None:
    target = demo_shop()
    credentials = target.wait_credentials()
    assert credentials.gateway.startswith("http://127.0.0.1:")
    process = target._sandbox._process  # type: ignore[union-attr]
    assert process is not None and process.pid != 0

    client = PlatformClient(credentials)
    assert client.create_token().ok  # a signed call in the dialect
    client.close()

    target.stop()
    assert process.returncode == 0  # stopped by its closed pipe, its clock saved
    assert config.sandbox_store_path().exists()


def test_the_store_stops_when_the_app_that_started_it_dies(app_home: Path) -> None:
    # An app process that starts the demo shop and is then killed outright.
    app = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import time\n"
            "from app.shop import demo_shop\n"
            "target = demo_shop(); target.wait_credentials()\n"
            "print(target._sandbox._process.pid, flush=True)\n"
            "time.sleep(600)\n",
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert app.stdout is not None
    store_pid = int(app.stdout.readline())
    app.kill()
    app.wait(10)
    # The store's stdin was the dead app's pipe: it ends by itself, cleanly.
    assert _wait_gone(store_pid)


def _wait_gone(pid: int) -> bool:
    waiter = subprocess.run(
        [sys.executable, "-c", WAIT_GONE, str(pid)], capture_output=True, text=True, timeout=30
    )
    return waiter.stdout.strip() == "gone"


# Waits (bounded) for a process that is not our child to end.
WAIT_GONE = """
import os, sys, time
pid = int(sys.argv[1])
for _ in range(200):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        print("gone"); break
    with open(f"/proc/{pid}/stat") as stat:
        if stat.read().split()[2] == "Z":
            print("gone"); break
    time.sleep(0.1)
"""
