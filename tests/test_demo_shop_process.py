"""The demo shop's sandbox store runs as a process of its own and never outlives the app.

Real parts: `python main.py sandbox` started by app/demo_shop.py, the app's own
client calling it in the platform's dialect.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from app import config
from app.db import open_database
from app.demo_shop import SandboxProcess
from app.models import AfterSale
from app.platforms.douyin.client import PlatformClient
from app.shop import demo_shop
from app.sync.engine import SyncEngine
from tests.sandbox_control import control, demo_client, demo_platform

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


# A small shop that stands still: the test is about its address, not its traffic.
SMALL_SHOP = ("--no-live", "--history-orders", "60")


@pytest.fixture
def store_process(tmp_path: Path) -> Iterator[Callable[[], SandboxProcess]]:
    """Starts the demo store as the app does, a new process each time, on one store file."""
    started: list[SandboxProcess] = []

    def start() -> SandboxProcess:
        process = SandboxProcess(
            tmp_path / "sandbox-store.sqlite", seed=3, log_path=tmp_path / "sandbox.log", options=SMALL_SHOP
        )
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()


def test_evidence_pictures_still_load_after_the_demo_store_restarts(
    store_process: Callable[[], SandboxProcess], sqlite_url: str
) -> None:
    # The desk keeps the buyers' evidence links as the platform gives them (absolute
    # URLs, as a real platform's are); the store must still answer at them after a restart.
    first = store_process()
    url = first.start()
    control(url, "tick", {"new_after_sales": 3})
    _, sessions = open_database(sqlite_url)
    assert SyncEngine(demo_platform(url), sessions).run_once().outcome.value == "done"
    with sessions() as session:
        kept = [json.loads(e) for e in session.scalars(select(AfterSale.evidence)) if e]
    picture = next(link for links in kept for link in links)  # the link as the desk keeps it
    assert picture.startswith(url)
    first.stop()

    # The app starts again: a new store process on the same store file.
    again = store_process().start()

    answer = requests.get(picture, timeout=5)
    assert answer.status_code == 200 and answer.content.startswith(b"\x89PNG")
    assert again == url


def test_the_demo_store_starts_on_another_port_when_its_own_is_taken(
    store_process: Callable[[], SandboxProcess],
) -> None:
    # Keeping its port must never keep the demo shop from starting.
    first = store_process()
    url = first.start()
    first.stop()
    port = int(url.rsplit(":", 1)[1])
    with socket.socket() as squatter:  # another program took the port meanwhile
        squatter.bind(("127.0.0.1", port))
        squatter.listen()
        again = store_process().start()
    assert again.startswith("http://127.0.0.1:") and again != url
    assert demo_client(again).create_token().ok


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


def test_a_store_that_cannot_be_launched_early_leaves_the_start_to_say_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before the desk has a window, a launch that fails (here: the data folder is a file)
    is only logged; the desk's own start then reports the demo shop in plain words."""
    from app import demo_stores

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv(config.HOME_ENV, str(blocked))
    settings = config.Settings()
    assert [entry.runs_on_demo_store for entry in settings.shops] == [True]
    demo_stores.launch_early(settings)  # raises nothing
    assert not any(entry.key in demo_stores._launched for entry in settings.shops)
