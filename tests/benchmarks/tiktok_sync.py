"""`python -m tests.benchmarks.tiktok_sync`: how fast a TikTok shop's orders come in.

Seeds the TikTok sandbox store in its own process (as on a real network the platform is
not in ours), quiet and without a rate limit, exchanges the demo shop's authorization code,
and measures the full initial pull of orders through TikTokPlatform over loopback HTTP
(signed calls, `page_token` paging, the TikTok parser, the guarded upsert):

- `tiktok_sync_orders_per_s`: orders mirrored per second of the initial pull
- `tiktok_sync_requests_s`: the run that follows (returns and cancellations, lists)

Figures are printed, never asserted; the last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

import requests

from app.db import open_database
from app.demo_shop import DEMO_TIKTOK_APP_KEY, DEMO_TIKTOK_APP_SECRET, DEMO_TIKTOK_AUTH_CODE, SandboxProcess
from app.platforms.tiktok import authorise
from app.platforms.tiktok.adapter import TikTokPlatform
from app.platforms.tiktok.client import TikTokClient
from app.sync.engine import SyncEngine
from app.sync.pull import ORDERS

DEFAULT_ORDERS = 20_000


def measure_tiktok_sync(workdir: Path, orders: int = DEFAULT_ORDERS) -> dict[str, Any]:
    started = time.perf_counter()
    sandbox = SandboxProcess(
        workdir / "tiktok-store.sqlite",
        seed=7,
        log_path=workdir / "tiktok-sandbox.log",
        options=["--platform", "tiktok", "--no-live", "--history-orders", str(orders)],
    )
    url = sandbox.start()
    try:
        print(
            f"  TikTok sandbox seeded with {orders:,} orders in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
        requests.post(f"{url}/_sandbox/settings", json={"rate_limit_per_s": 0}, timeout=30).raise_for_status()
        credentials, _ = authorise(url, DEMO_TIKTOK_APP_KEY, DEMO_TIKTOK_APP_SECRET, DEMO_TIKTOK_AUTH_CODE)
        platform = TikTokPlatform(TikTokClient(credentials))
        _, sessions = open_database(f"sqlite:///{workdir / 'tiktok-synced.sqlite'}")
        engine = SyncEngine(platform, sessions)
        started = time.perf_counter()
        pulled = engine.pull(ORDERS)
        orders_s = time.perf_counter() - started
        started = time.perf_counter()
        report = engine.run_once()
        rest_s = time.perf_counter() - started
        platform.close()
    finally:
        sandbox.stop()
    print(
        f"  initial TikTok sync: {pulled:,} orders in {orders_s:.1f} s; after-sale requests "
        f"{report.pulled.get('after_sales', 0):,} in {rest_s:.1f} s",
        flush=True,
    )
    return {"tiktok_sync_orders_per_s": pulled / orders_s, "tiktok_sync_requests_s": rest_s}


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.tiktok_sync")
    parser.add_argument("--orders", type=int, default=DEFAULT_ORDERS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        figures = measure_tiktok_sync(Path(tmp), args.orders)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
