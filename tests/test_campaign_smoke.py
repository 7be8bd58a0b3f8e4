"""The fault campaign's core still runs, and its verdict holds for a handful of kills.

`python -m tests.campaign` is not part of the test command (it takes minutes); this
runs its core — the desk deciding through the services, faults, the platform's clock
moving, pusher processes killed with SIGKILL, the outbox judged against the sandbox's
ledger — on SQLite for a few kills, so the harness cannot quietly rot.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.campaign.databases import sqlite_backend
from tests.campaign.platform_side import Platform
from tests.campaign.run import Campaign

KILLS = 6


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and the fork server are POSIX")
def test_a_few_killed_pushes_lose_nothing_and_apply_nothing_twice(sandbox_url: str, tmp_path: Path) -> None:
    said: list[str] = []
    platform = Platform(sandbox_url)
    campaign = Campaign(sqlite_backend(tmp_path), platform, tmp_path, seed=12, say=said.append)

    verdict = campaign.run(kills=KILLS, seconds=120)

    platform.close()
    assert verdict.kills == KILLS
    assert verdict.operations > 0, said
    assert (verdict.lost, verdict.duplicated, verdict.unsettled) == (0, 0, 0), verdict.findings
