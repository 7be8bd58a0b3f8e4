"""The shop behind the sandbox: believable, deterministic, durable, and quick to make."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
import requests

from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID
from app.platforms.douyin.codes import OrderStatus
from app.sandbox.douyin import generator
from app.sandbox.server import SandboxServer
from tests.wire import control

HOUR = 3600
DAY = 86400
NOW = 1795320000  # 2026-11-21 09:20 Shanghai, shortly after 双11


def test_the_same_seed_and_moment_make_the_same_shop() -> None:
    first, _ = generator.history(5, NOW, 2000)
    second, _ = generator.history(5, NOW, 2000)
    other, _ = generator.history(6, NOW, 2000)
    assert [o.data for o in first.orders.values()] == [o.data for o in second.orders.values()]
    assert [a.data for a in first.after_sales.values()] == [a.data for a in second.after_sales.values()]
    assert [o.data for o in first.orders.values()] != [o.data for o in other.orders.values()]


def test_a_reset_through_the_control_surface_is_deterministic(sandbox: SandboxServer) -> None:
    def snapshot() -> list[str]:
        control(sandbox.url, "POST", "reset", {"seed": 11, "history_orders": 500, "now": NOW})
        return sandbox.store.ids("SELECT data FROM orders ORDER BY order_id")

    assert snapshot() == snapshot()


def test_the_default_history_looks_like_ninety_days_of_a_small_shop() -> None:
    shop, _ = generator.history(1, NOW)
    orders = list(shop.orders.values())
    per_day = len(orders) / 90
    assert 80 <= per_day <= 140
    statuses = Counter(order.status for order in orders)
    assert statuses[OrderStatus.COMPLETED] > 0.75 * len(orders)
    assert (
        statuses[OrderStatus.CANCELLED]
        and statuses[OrderStatus.SHIPPED]
        and statuses[OrderStatus.AWAITING_SHIPMENT]
    )
    # Every kind the shop's buyers ask for, price protection (6, price_protection.py) among them.
    assert {a.type for a in shop.after_sales.values()} >= {0, 1, 2, 3, 6, 7}
    # 双11 sells about three times an ordinary day.
    by_day = Counter(time.strftime("%m-%d", time.gmtime(o.data["create_time"] + 8 * HOUR)) for o in orders)
    ordinary = sorted(by_day.values())[len(by_day) // 2]
    assert by_day["11-11"] > 2.2 * ordinary


def test_the_desk_always_has_urgent_work() -> None:
    shop, _ = generator.history(3, NOW, 3000)
    to_ship = [o for o in shop.orders.values() if o.status == OrderStatus.AWAITING_SHIPMENT]
    assert any(NOW < o.data["exp_ship_time"] <= NOW + 4 * HOUR for o in to_ship)
    pending = [a for a in shop.after_sales.values() if a.status in (6, 11)]
    assert any(NOW < a.info["status_deadline"] <= NOW + HOUR for a in pending)


def test_receivers_are_masked_and_ids_are_nineteen_digit_strings() -> None:
    shop, _ = generator.history(2, NOW, 300)
    for order in shop.orders.values():
        data = order.data
        assert len(data["order_id"]) == 19 and data["order_id"].isdigit()
        assert data["mask_post_receiver"].endswith("**") and "****" in data["mask_post_tel"]
        assert 1 <= len(data["sku_order_list"]) <= 3


def test_a_restart_keeps_the_shop_and_catches_up_what_fell_due(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    first = SandboxServer(path, seed=4, live=False, history_orders=400)
    first.start()
    before = first.store.ids("SELECT order_id FROM orders ORDER BY order_id")
    pending = first.store.count("SELECT count(*) FROM after_sales WHERE status = 6")
    first.stop()
    # Three simulated days pass while the sandbox is down.
    with sqlite3.connect(path) as db:
        offset = float(db.execute("SELECT value FROM meta WHERE key = 'clock_offset'").fetchone()[0])
        db.execute("UPDATE meta SET value = ? WHERE key = 'clock_offset'", (str(offset + 3 * DAY),))
    second = SandboxServer(path, seed=99, live=False, history_orders=10)
    second.start()
    try:
        assert second.store.ids("SELECT order_id FROM orders ORDER BY order_id") == before
        assert pending and second.store.count("SELECT count(*) FROM after_sales WHERE status = 6") == 0
        entries = control(second.url, "GET", "ledger")["entries"]
        assert any(e["method"] == "platform.auto_agreed_on_timeout" for e in entries)
    finally:
        second.stop()


def test_a_reset_builds_the_history_asked_for(sandbox: SandboxServer) -> None:
    """How fast 100k orders are built is a benchmark figure (python -m tests.benchmarks)."""
    answer = control(sandbox.url, "POST", "reset", {"seed": 1, "history_orders": 5_000})
    assert answer["orders"] >= 5_000


def test_a_tick_adds_exactly_the_orders_and_requests_asked_for(sandbox: SandboxServer) -> None:
    before = sandbox.stats()
    made = control(sandbox.url, "POST", "tick", {"new_orders": 3, "new_after_sales": 2})
    after = sandbox.stats()
    assert len(made["orders"]) == 3 and after["orders"] == before["orders"] + 3
    assert after["after_sales"] - before["after_sales"] == len(made["after_sales"]) == 2


def test_unpaid_orders_are_paid_or_cancelled_within_thirty_minutes(sandbox: SandboxServer) -> None:
    made = control(sandbox.url, "POST", "tick", {"new_orders": 20, "new_after_sales": 0})
    control(sandbox.url, "POST", "clock", {"advance_s": 31 * 60})
    placeholders = ",".join("?" * len(made["orders"]))
    statuses = set(
        sandbox.store.ids(f"SELECT status FROM orders WHERE order_id IN ({placeholders})", made["orders"])
    )
    assert statuses <= {OrderStatus.AWAITING_SHIPMENT, OrderStatus.CANCELLED}


def test_live_traffic_adds_orders_by_itself(tmp_path: Path) -> None:
    server = SandboxServer(
        tmp_path / "live.sqlite", live=True, history_orders=100, orders_per_hour=36000, tick_interval_s=0.05
    )
    server.start()
    try:
        start = server.stats()["orders"]
        deadline = time.monotonic() + 10
        while server.stats()["orders"] <= start and time.monotonic() < deadline:
            time.sleep(0.02)  # polling a condition with a deadline, not a fixed wait
        assert server.stats()["orders"] > start
    finally:
        server.stop()


def test_stats_and_settings_and_clock_answer(sandbox_url: str) -> None:
    stats = control(sandbox_url, "GET", "stats")
    assert stats["orders"] == sum(stats["orders_by_status"].values())
    settings = control(sandbox_url, "POST", "settings", {"orders_per_hour": 30, "live": False})
    assert settings["orders_per_hour"] == 30
    clock = control(sandbox_url, "POST", "clock", {"offset_s": 3600})
    assert abs(clock["now"] - (time.time() + 3600)) < 5


def test_evidence_images_are_real_pngs(sandbox_url: str) -> None:
    response = requests.get(f"{sandbox_url}/_sandbox/evidence/7300000000000000001-0.png", timeout=10)
    assert response.headers["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG\r\n\x1a\n") and len(response.content) < 10_000


def test_stop_is_idempotent(tmp_path: Path) -> None:
    server = SandboxServer(tmp_path / "s.sqlite", live=False, history_orders=10)
    server.start()
    url = server.url
    server.stop()
    server.stop()
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{url}/_sandbox/stats", timeout=2)


def test_the_command_line_prints_the_credentials_and_stops_on_sigterm(tmp_path: Path) -> None:
    script = "import sys; from app.sandbox.cli import run; sys.exit(run(sys.argv[1:]))"
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            script,
            "--port",
            "0",
            "--seed",
            "3",
            "--no-live",
            "--history-orders",
            "50",
            "--db",
            str(tmp_path / "cli.sqlite"),
        ],
        cwd=Path(__file__).resolve().parents[1],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(4)]
        url = lines[0].split()[-1]
        assert url.startswith("http://127.0.0.1:")
        assert DEMO_APP_KEY in lines[1] and DEMO_APP_SECRET in lines[2] and DEMO_SHOP_ID in lines[3]
        assert control(url, "GET", "stats")["orders"] >= 50
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
