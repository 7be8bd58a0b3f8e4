"""`python -m tests.benchmarks`: speed and memory figures, printed, never asserted.

Seeds the sandbox store (in its own process, as on a real network the platform is
not in ours) with 100,000 orders and their after-sales, then measures in one run:

- `sync_orders_per_s`: the full initial sync of orders over loopback HTTP
- `ingest_vs_raw_sqlite`: the ingest path alone (parse + guarded upsert + cursor, a
  transaction per page) against a raw sqlite3 `executemany` of the same rows with the
  same per-page commits (1.0 = as fast as raw)
- `peak_rss_mb`: peak resident memory of the app's side through the full initial sync
- `first_window_s`: launch of `main.py` to its main window (a one-person shop, signed in)
- `first_orders_s`: the same, on a fresh demo shop, to the first orders on screen
- `queue_open_ms`, `queue_filter_ms`, `queue_sort_ms`: what the refund queue reads to
  show itself (every key in order plus the first screenful of rows) over 200k orders
  and 20k open requests, median (tests/benchmarks/refund_queue.py)
- `gui_block_max_ms`: the longest the GUI thread stalls while the real window syncs
  the whole shop (tests/benchmarks/gui_block.py)
- `metrics_recompute_ms`: every service metric for the last 30 days per day over
  200k orders and their after-sales, median (tests/benchmarks/metrics.py)
- `automation_eval_ms`, `dry_run_90d_s`: one request through twenty rules, and a dry run of a
  rule over 90 days, on the same 200k-order mirror (tests/benchmarks/automation.py)
- `dashboard_update_block_ms`: the longest the GUI thread is held applying one live
  update of the dashboard (90 days per day) (tests/benchmarks/dashboard.py)
- `board_open_ms`, `board_regroup_ms`, `scan_to_shipped_ms`: the shipping board over
  10k open orders, and the local side of a scan (tests/benchmarks/shipping_board.py)
- `shared_db_decisions_per_s`, `cross_ws_latency_p95_ms`: three workstation processes
  deciding at once on one PostgreSQL database (tests/benchmarks/shared_db.py)

- `shop_switch_ms`: from choosing another shop in the window's switcher to its first
  orders on screen, two shops of 50k orders, median (tests/benchmarks/shop_switch.py)
- `tiktok_sync_orders_per_s`: the full initial sync of a TikTok shop's orders (as many as
  `--orders`, so it compares with `sync_orders_per_s`) over loopback HTTP from the TikTok
  sandbox (tests/benchmarks/tiktok_sync.py)

- `frozen_first_window_s`, `frozen_first_window_cpu_s`, `bundle_mb`: the frozen desk (`tasks.py
  package`) from its spawn to its main window (and the processor time it took), and the size of
  the build (tests/benchmarks/frozen.py); skipped without a build

`--only SECTION …` runs some sections (sync queue metrics automation dashboard board switch launch
shared tiktok frozen).

Prints a table, and as its last line one JSON object with every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests

from app.db import open_database
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID, SandboxProcess
from app.models import Base
from app.platforms.douyin.adapter import DouyinPlatform
from app.platforms.douyin.client import PlatformClient, ShopCredentials
from app.platforms.douyin.parse import parse_orders
from app.sync.engine import SyncEngine
from app.sync.ingest import store_orders
from app.sync.pull import ORDERS
from tests.benchmarks.automation import measure_automation
from tests.benchmarks.dashboard import measure_dashboard_update
from tests.benchmarks.frozen import measure_frozen
from tests.benchmarks.gui_block import measure_gui_block
from tests.benchmarks.metrics import build as build_metrics_mirror
from tests.benchmarks.metrics import measure_metrics
from tests.benchmarks.refund_queue import measure_queue
from tests.benchmarks.shared_db import measure_shared_db
from tests.benchmarks.shipping_board import measure_shipping_board
from tests.benchmarks.shop_switch import measure_shop_switch
from tests.benchmarks.tiktok_sync import measure_tiktok_sync
from tests.desk_home import prepare_signed_in_home

ROOT = Path(__file__).resolve().parents[2]
# The shared-database figures are about deciding and pushing, not the first pull.
SHARED_DB_SANDBOX_ORDERS = 2_000


@contextmanager
def running_sandbox(workdir: Path, orders: int) -> Iterator[str]:
    """The sandbox store in its own process (as on a real network the platform is not in
    ours), seeded with `orders`, quiet (no live orders) and without a rate limit: the
    benchmarks measure our side, not the platform's quota. Yields its URL."""
    started = time.perf_counter()
    sandbox = SandboxProcess(
        workdir / "store.sqlite",
        seed=7,
        log_path=workdir / "sandbox.log",
        options=["--no-live", "--history-orders", str(orders)],
    )
    url = sandbox.start()
    try:
        print(f"  sandbox seeded with {orders:,} orders in {time.perf_counter() - started:.1f} s", flush=True)
        requests.post(f"{url}/_sandbox/settings", json={"rate_limit_per_s": 0}, timeout=30).raise_for_status()
        yield url
    finally:
        sandbox.stop()


def measure_sync(url: str, workdir: Path) -> tuple[float, int, float]:
    _, sessions = open_database(f"sqlite:///{workdir / 'synced.sqlite'}")
    client = PlatformClient(ShopCredentials(url, DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID))
    engine = SyncEngine(DouyinPlatform(client), sessions)
    started = time.perf_counter()
    orders = engine.pull(ORDERS)
    orders_s = time.perf_counter() - started
    started = time.perf_counter()
    report = engine.run_once()
    rest_s = time.perf_counter() - started
    client.close()
    print(
        f"  initial sync: {orders:,} orders in {orders_s:.1f} s; after-sales "
        f"{report.pulled.get('after_sales', 0):,} in {rest_s:.1f} s",
        flush=True,
    )
    return orders / orders_s, orders, orders_s


def fetch_pages(url: str, limit_pages: int) -> list[list[dict[str, Any]]]:
    client = PlatformClient(ShopCredentials(url, DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID))
    pages, start = [], int(time.time()) - 89 * 86400
    while len(pages) < limit_pages:
        result = client.call(
            "order.searchList",
            {
                "update_time_start": start,
                "order_by": "update_time",
                "order_asc": True,
                "page": 0,
                "size": 100,
            },
        )
        records = result.data["shop_order_list"]
        if len(records) < 100:
            break
        pages.append(records)
        start = max(record["update_time"] for record in records) + 1
    client.close()
    return pages


def measure_ingest(pages: list[list[dict[str, Any]]], workdir: Path) -> tuple[float, float, int]:
    """Seconds for our ingest path and for raw executemany of the same rows."""
    _, sessions = open_database(f"sqlite:///{workdir / 'ingest.sqlite'}")
    started = time.perf_counter()
    for records in pages:
        with sessions.begin() as session:
            store_orders(session, parse_orders(records, 0))
    ours = time.perf_counter() - started

    parsed = [parse_orders(records, 0) for records in pages]  # raw gets its rows for free
    engine, _ = open_database(f"sqlite:///{workdir / 'raw.sqlite'}")
    engine.dispose()
    connection = sqlite3.connect(workdir / "raw.sqlite")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    statements = {}
    for name, key in (("orders", "orders"), ("order_lines", "lines"), ("order_logistics", "parcels")):
        columns = [c.name for c in Base.metadata.tables[name].columns if c.name != "id"]
        statements[key] = (
            f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            columns,
        )
    started = time.perf_counter()
    for page in parsed:
        for key, (sql, columns) in statements.items():
            rows = getattr(page, key)
            # A column a platform's reader leaves out (TikTok's cancel_fault for Douyin) takes NULL.
            connection.executemany(sql, [tuple(row.get(c) for c in columns) for row in rows])
        connection.commit()
    raw = time.perf_counter() - started
    connection.close()
    return ours, raw, sum(len(p.orders) for p in parsed)


def measure_launch(milestone: str, runs: int) -> float:
    figures = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            prepare_signed_in_home(Path(home))  # a one-person shop: no wizard, no sign-in dialog
            environment = {**os.environ, "AFTERSALES_DESK_HOME": home}
            environment.setdefault("QT_QPA_PLATFORM", "offscreen")
            output = subprocess.run(
                [sys.executable, "main.py", "--exit-after", milestone],
                cwd=ROOT,
                env=environment,
                capture_output=True,
                text=True,
                timeout=120,
            ).stdout
            figures += [float(line.split()[1]) for line in output.splitlines() if line.startswith(milestone)]
    return statistics.median(figures) if figures else float("nan")


SECTIONS = (
    *("sync", "queue", "metrics", "automation", "dashboard", "board", "switch", "launch", "shared", "tiktok"),
    "frozen",
)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks")
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=SECTIONS, help="run these sections")
    args = parser.parse_args()
    wanted = set(args.only)
    figures: dict[str, float] = {}
    if "sync" in wanted:
        with tempfile.TemporaryDirectory() as tmp:
            workdir = Path(tmp)
            print("sync and ingest", flush=True)
            with running_sandbox(workdir, args.orders) as url:
                figures["sync_orders_per_s"], _, _ = measure_sync(url, workdir)
                # The app's side of a full sync; read before the ingest comparison loads every page.
                figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
                pages = fetch_pages(url, limit_pages=args.orders // 100)
                print("GUI responsiveness during a full sync", flush=True)
                figures["gui_block_max_ms"], _ = measure_gui_block(url, workdir)
            ours, raw, rows = measure_ingest(pages, workdir)
            figures["ingest_rows"] = rows
            figures["ingest_orders_per_s"] = rows / ours
            figures["raw_sqlite_orders_per_s"] = rows / raw
            figures["ingest_vs_raw_sqlite"] = raw / ours
    if "queue" in wanted:
        print("refund queue over 200k orders / 20k open requests", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            figures.update(measure_queue(f"sqlite:///{Path(tmp) / 'queue.sqlite'}"))
    if "metrics" in wanted:
        print("service metrics over 200k orders", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            figures.update(measure_metrics(f"sqlite:///{Path(tmp) / 'metrics.sqlite'}"))
    if "automation" in wanted:
        print("automatic decisions over 200k orders", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            figures.update(measure_automation(f"sqlite:///{Path(tmp) / 'automation.sqlite'}"))
    if "dashboard" in wanted:
        print("dashboard live updates", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'dashboard.sqlite'}"
            build_metrics_mirror(url)
            figures.update(measure_dashboard_update(url))
    if "board" in wanted:
        print("shipping board over 10k open orders", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            figures.update(measure_shipping_board(f"sqlite:///{Path(tmp) / 'board.sqlite'}"))
    if "switch" in wanted:
        print("switching between two shops of 50k orders", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            figures.update(measure_shop_switch(Path(tmp)))
    if "launch" in wanted:
        print("start-up", flush=True)
        figures["first_window_s"] = measure_launch("first-window", runs=3)
        figures["first_orders_s"] = measure_launch("first-orders", runs=1)
    if "frozen" in wanted:
        print("the frozen desk's start-up and size", flush=True)
        figures.update(measure_frozen())
    if "shared" in wanted:
        print("three workstations on one PostgreSQL database", flush=True)
        with (
            tempfile.TemporaryDirectory() as tmp,
            running_sandbox(Path(tmp), SHARED_DB_SANDBOX_ORDERS) as url,
        ):
            figures.update(measure_shared_db(url))
    if "tiktok" in wanted:
        print("a TikTok shop's initial sync", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            # As many orders as the Douyin shop's sync above, so the two figures compare.
            figures.update(measure_tiktok_sync(Path(tmp), args.orders))

    print(f"\n{'figure':<28}{'value':>14}")
    for key, value in figures.items():
        print(f"{key:<28}{value:>14,.3f}")
    print(json.dumps({key: round(value, 3) for key, value in figures.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
