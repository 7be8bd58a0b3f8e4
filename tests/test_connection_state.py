"""The connection state shown is the true state, and says why.

A real sync worker against the real sandbox store over HTTP: while the platform cannot
be reached, every retry keeps the problem on the status line and the offline banner up
(no "online" flashes between tries), the words tell a network that is down from a
platform answering with server errors or asking us to slow down, and the line says when
the next try is. Once a run succeeds, both say so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from pytestqt.qtbot import QtBot

from app.db import open_database
from app.platforms.douyin.adapter import DouyinPlatform
from app.platforms.douyin.client import PlatformClient
from app.sandbox.server import SandboxServer
from app.services.sync_status import SyncState, SyncStatus
from app.sync.engine import SyncEngine
from app.sync.worker import SyncWorker
from app.views.shell.offline_banner import OfflineBanner
from app.views.shell.sync_status_bar import SyncStatusBar
from tests.sandbox_control import control, demo_client, inject

WAIT_MS = 20_000
CLOSED_PORT = "http://127.0.0.1:9"  # nothing listens there: the network is down


@dataclass
class Shown:
    """What the person saw after one status: the status line and the banner."""

    status: SyncStatus
    line: str
    banner: str | None


def watch(qtbot: QtBot, worker: SyncWorker) -> tuple[list[Shown], SyncStatusBar, OfflineBanner]:
    bar, banner = SyncStatusBar(), OfflineBanner()
    qtbot.addWidget(bar)
    qtbot.addWidget(banner)
    seen: list[Shown] = []

    def show(status: SyncStatus) -> None:
        bar.set_status(status)
        banner.set_status(status)
        seen.append(Shown(status, bar.text(), banner.text_shown()))

    worker.status_changed.connect(show)
    return seen, bar, banner


def run_to_outcome(qtbot: QtBot, worker: SyncWorker, seen: list[Shown], action: Callable[[], None]) -> Shown:
    """Do `action` (start, sync now) and wait for the run's outcome (not its "under way")."""
    start = len(seen)

    def outcome() -> Shown | None:
        done = [s for s in seen[start:] if s.status.state is not SyncState.SYNCING and not s.status.retrying]
        return done[0] if done else None

    action()
    qtbot.waitUntil(lambda: outcome() is not None, timeout=WAIT_MS)
    result = outcome()
    assert result is not None
    return result


# How each way of failing is broken and mended, and what the status line says meanwhile.
FAILURES = {
    "network down": ("Offline: the platform cannot be reached", "cannot be reached"),
    "server errors": ("The platform is having trouble", "having trouble"),
    "rate limited": ("The platform asked us to slow down", "slow down"),
}


@pytest.mark.parametrize("failure", list(FAILURES))
def test_retries_keep_the_problem_shown_until_a_run_succeeds_and_say_why(
    qtbot: QtBot, sandbox: SandboxServer, sqlite_url: str, failure: str
) -> None:
    _, sessions = open_database(sqlite_url)
    client = demo_client(sandbox.url)
    platform = DouyinPlatform(client)
    worker = SyncWorker(lambda on_page: SyncEngine(platform, sessions, on_page=on_page), interval_s=3600)
    try:
        see_a_spell(qtbot, sandbox, client, worker, failure)
    finally:
        worker.stop()


def see_a_spell(
    qtbot: QtBot, sandbox: SandboxServer, client: PlatformClient, worker: SyncWorker, failure: str
) -> None:
    seen, bar, banner = watch(qtbot, worker)
    assert run_to_outcome(qtbot, worker, seen, worker.start).status.state is SyncState.ONLINE

    if failure == "network down":
        client.credentials.gateway = CLOSED_PORT
    elif failure == "server errors":
        inject(sandbox.url, "http_5xx", count=1000)
    else:
        inject(sandbox.url, "rate_limit", count=1000)
    headline, banner_words = FAILURES[failure]
    first = len(seen)
    for _ in range(3):  # the first failure, then two retries
        shown = run_to_outcome(qtbot, worker, seen, worker.sync_now)
        assert shown.status.state is SyncState.OFFLINE
    spell = seen[first + 1 :]  # from the first failure on: a "syncing…" before it is true
    assert spell[0].status.state is SyncState.OFFLINE
    # No "online", no banner gone and back, at any point of the spell, retries included.
    assert [s.line for s in spell if "Online" in s.line or "Syncing" in s.line] == []
    assert all(s.banner is not None and banner_words in s.banner for s in spell)
    assert all(s.line.startswith(headline) for s in spell)
    assert any(s.status.retrying and s.line.endswith("trying again now…") for s in spell)
    if failure != "network down":
        assert "cannot be reached" not in " ".join(s.line for s in spell)  # the platform answered
    # Between tries, the line says when the next one is.
    assert bar.text().startswith(f"{headline} · next try in ") and bar.text().endswith(" s")

    if failure == "network down":
        client.credentials.gateway = sandbox.url
    else:
        control(sandbox.url, "faults", method="DELETE")
    back = run_to_outcome(qtbot, worker, seen, worker.sync_now)
    assert back.status.state is SyncState.ONLINE and back.line.startswith("Online")
    assert banner.text_shown() is None


def test_the_next_try_counts_down_and_the_line_keeps_current(qtbot: QtBot) -> None:
    monotonic = [100.0]
    bar = SyncStatusBar(monotonic=lambda: monotonic[0])
    qtbot.addWidget(bar)
    bar.set_status(SyncStatus(SyncState.OFFLINE, cause="platform", next_attempt_in_s=30))
    assert bar.text() == "The platform is having trouble · next try in 30 s"
    monotonic[0] += 12
    qtbot.waitUntil(lambda: bar.text() == "The platform is having trouble · next try in 18 s", timeout=5_000)
    monotonic[0] += 30
    qtbot.waitUntil(lambda: bar.text() == "The platform is having trouble · trying again now…", timeout=5_000)


def test_a_retry_of_a_shop_that_needs_a_person_keeps_saying_so(qtbot: QtBot) -> None:
    bar = SyncStatusBar()
    qtbot.addWidget(bar)
    needs = SyncStatus(
        SyncState.NEEDS_ATTENTION,
        last_error="The shop has not authorised this app (or has revoked it). "
        "The shop owner must authorise it again.",
        next_attempt_in_s=60,
    )
    bar.set_status(needs)
    assert bar.text().startswith("Needs attention: The shop has not authorised this app")
    bar.set_status(SyncStatus(**{**needs.__dict__, "retrying": True}))
    assert bar.text().startswith("Needs attention: The shop has not authorised this app")
    assert bar.text().endswith("trying again now…")


def test_the_dashboard_says_the_platform_is_having_trouble_not_that_the_network_is_down(
    qtbot: QtBot, english: None, tasks, session_factory
) -> None:
    from app.views.dashboard.view import DashboardView

    view = DashboardView(tasks, session_factory, None)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.report_shown, timeout=10_000):
        view.show()
    view.set_sync_status(SyncStatus(SyncState.OFFLINE, last_success_at=1_700_000_000, cause="platform"))
    words = view.banner_text()
    assert words is not None and words.startswith("The platform is having trouble — the figures are as of")
    assert view.status.text().startswith("The platform is having trouble")


def test_a_sync_process_that_starts_afresh_during_a_problem_does_not_say_syncing(qtbot: QtBot) -> None:
    bar = SyncStatusBar()
    qtbot.addWidget(bar)
    bar.set_status(SyncStatus(SyncState.OFFLINE, cause="network", next_attempt_in_s=20))
    bar.set_status(SyncStatus(SyncState.SYNCING))  # a new sync process's first run
    assert bar.text() == "Offline: the platform cannot be reached · trying again now…"
    bar.set_status(SyncStatus(SyncState.ONLINE))
    assert bar.text() == "Online"
