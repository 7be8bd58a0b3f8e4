"""The headless sync killed mid-pull or mid-push loses nothing and repeats nothing.

Runs `python main.py sync --once` as a real process against the sandbox store over
HTTP, kills it with SIGKILL while pages are being stored, starts it again, and checks
the mirror against the platform.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db import open_database
from app.models import AfterSale, OutboxOperation
from app.models import outbox as outbox_state
from app.platforms.douyin.codes import AfterSaleStatus
from tests.sandbox_control import (
    DAY,
    a_refund_after_shipment_to_decide,
    applied_by_client,
    control,
    inject,
    mirrored_orders,
    new_refunds_after_shipment,
    platform_orders,
    queue_refund_approval,
    sandbox_now,
    sync_argv,
)

ROOT = Path(__file__).resolve().parents[1]


def wait_until(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)  # polling a file another process writes; no signal to wait on


def sync_command(url: str, database: Path) -> list[str]:
    return [sys.executable, "main.py", *sync_argv(url, f"sqlite:///{database}")]


def stored_orders(database: Path) -> int:
    if not database.exists():
        return 0
    try:
        with sqlite3.connect(database, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM orders").fetchone()[0]
    except sqlite3.OperationalError:  # schema not created yet
        return 0


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_sync_killed_mid_pull_resumes_with_no_gap_and_no_duplicate(
    sandbox_url: str, tmp_path: Path
) -> None:
    control(sandbox_url, "reset", {"seed": 11, "history_orders": 2500, "live": False})
    inject(sandbox_url, "latency", count=10_000, method="order.searchList", ms=150)
    database = tmp_path / "mirror.sqlite"
    environment = {**os.environ, "AFTERSALES_DESK_HOME": str(tmp_path / "home")}

    first = subprocess.Popen(
        sync_command(sandbox_url, database),
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_until(lambda: stored_orders(database) >= 500, 60, "the first pages to be stored")
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    interrupted_at = stored_orders(database)
    assert 500 <= interrupted_at < 2500

    control(sandbox_url, "faults", method="DELETE")
    second = subprocess.run(
        sync_command(sandbox_url, database),
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert second.returncode == 0, second.stdout + second.stderr

    _, sessions = open_database(f"sqlite:///{database}")
    # What the sync reads — orders updated in the last 90 days — less a day, so that the
    # window's edge moving on while the test runs cannot make a difference.
    since = sandbox_now(sandbox_url) - 89 * DAY
    mirrored = mirrored_orders(sessions, updated_since=since)
    assert mirrored == platform_orders(sandbox_url, updated_since=since)
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_sync_killed_after_sending_a_decision_but_before_its_answer_applies_it_once(
    sandbox_url: str, tmp_path: Path
) -> None:
    new_refunds_after_shipment(sandbox_url, 3)
    database = tmp_path / "mirror.sqlite"
    environment = {**os.environ, "AFTERSALES_DESK_HOME": str(tmp_path / "home")}
    subprocess.run(
        sync_command(sandbox_url, database),
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        timeout=120,
    )
    _, sessions = open_database(f"sqlite:///{database}")
    with sessions.begin() as session:
        request = a_refund_after_shipment_to_decide(session)
        queue_refund_approval(session, request)
    # The platform applies the decision at once but answers only after 30 s: time to kill.
    inject(sandbox_url, "latency", method="afterSale.operate", ms=30_000)

    first = subprocess.Popen(
        sync_command(sandbox_url, database),
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_until(
        lambda: applied_by_client(sandbox_url, request.aftersale_id) == 1,
        60,
        "the platform to apply the decision",
    )
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    with sessions() as session:
        assert session.scalars(select(OutboxOperation)).one().state == outbox_state.SENDING

    second = subprocess.run(
        sync_command(sandbox_url, database),
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert second.returncode == 0, second.stdout + second.stderr
    with sessions() as session:
        op = session.scalars(select(OutboxOperation)).one()
        assert (op.state, op.attempts) == (outbox_state.DONE, 1)
        assert session.get(AfterSale, request.aftersale_id).status == AfterSaleStatus.REFUNDED
    assert applied_by_client(sandbox_url, request.aftersale_id) == 1
