"""SandboxServer: the local shop platform as one object other code starts and stops.

Owns the lifecycle of a sandbox: opening (or creating and seeding) its SQLite
store, the simulation clock persisted across restarts, catching up platform
actions that came due while it was down, the HTTP server thread, the live-traffic
thread, and the settings the control surface changes. Which platform it stands in for
is its dialect (app/sandbox/dialects.py), by name; the store, the platform's own hand
and every answer in the platform's words are the dialect's.
"""

from __future__ import annotations

import gc
import signal
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from app.sandbox import dialects
from app.sandbox.clock import SimClock
from app.sandbox.dialects import ShopPlatform, ShopStore
from app.sandbox.faults import Faults
from app.sandbox.httpd import SandboxHTTPServer
from app.sandbox.ratelimit import RateLimiter


class SandboxServer:
    def __init__(
        self,
        db_path: Path,
        *,
        port: int = 0,
        seed: int = 1,
        app_key: str | None = None,
        app_secret: str | None = None,
        shop_id: str | None = None,
        auth_code: str | None = None,
        live: bool = True,
        orders_per_hour: float = 12.0,
        history_orders: int | None = None,
        rate_limit_per_s: float = 200.0,
        tick_interval_s: float = 5.0,
        dialect: str = dialects.NAMES[0],
    ) -> None:
        self.dialect = dialects.load(dialect)
        demo = self.dialect.demo  # what is not given is the dialect's demo shop
        self.db_path = Path(db_path)
        self.port = port
        self.seed = seed
        self.app_key = app_key or demo.app_key
        self.app_secret = app_secret or demo.app_secret
        self.secrets = {self.app_key: self.app_secret}
        self.shop_id = shop_id or demo.shop_id
        self.shop_name = demo.shop_name
        # The seller's authorisation code a dialect's first token comes from (single-use there).
        self.auth_code = auth_code or demo.auth_code
        self.live = live
        self.orders_per_hour = orders_per_hour
        self.history_orders = history_orders
        self.tick_interval_s = tick_interval_s
        self.rate_limiter = RateLimiter(rate_limit_per_s)
        self.faults = Faults()
        self.clock = SimClock()
        self._served: Counter[str] = Counter()
        self._served_lock = threading.Lock()
        self._httpd: SandboxHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopped = threading.Event()
        self._stop_requested = threading.Event()  # serve_forever's cue, from any thread
        self.store: ShopStore
        self.platform: ShopPlatform
        self.context: Any  # what the dialect's handlers share
        self.start_took_s = 0.0

    # --- lifecycle ---------------------------------------------------------------------
    def start(self) -> None:
        if self._httpd is not None:
            return  # already serving
        started = time.perf_counter()
        self.store = self.dialect.open_store(self.db_path)
        fresh = self.store.is_empty()
        if not fresh:
            # The shop's simulated time first: the dialect's context starts at the shop's own now.
            self.clock.set_offset(float(self.store.meta("clock_offset", 0.0)))
        self.platform = self.dialect.new_platform(self.store, self.clock)
        self.context = self.dialect.new_context(
            self.store, self.clock, self.platform, self.shop_id, self.shop_name
        )
        if fresh:
            self.reset(
                seed=self.seed,
                history_orders=self.history_orders,
                live=self.live,
                orders_per_hour=self.orders_per_hour,
            )
        else:
            # A restart keeps the shop and its simulated time, then catches up what fell due meanwhile.
            self.seed = int(self.store.meta("seed", self.seed))
            self.store.set_meta("live", self.live)
            self.store.set_meta("orders_per_hour", self.orders_per_hour)
            self.platform.run_due()
        self._httpd = SandboxHTTPServer(self.port, self)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.1}, name="sandbox-http", daemon=True
        )
        self._thread.start()
        if self.live:
            self.platform.start_live(self.tick_interval_s)
        self.start_took_s = time.perf_counter() - started

    def stop(self) -> None:
        if self._stopped.is_set():
            return
        if self._httpd is None:  # start() failed before serving (e.g. the port was taken)
            if hasattr(self, "store"):
                self._stopped.set()
                self.store.close()
            return
        self._stopped.set()
        self.platform.stop_live()
        self._httpd.shutdown()
        self._httpd.close_connections()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.store.set_meta("clock_offset", self.clock.offset)
        self.store.close()

    @property
    def url(self) -> str:
        assert self._httpd is not None, "start() the sandbox first"
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def request_stop(self) -> None:
        """Make `serve_forever` stop (and save its state) on its own thread."""
        self._stop_requested.set()

    def serve_forever(self) -> None:
        """Standalone use: serve until KeyboardInterrupt or SIGTERM, then stop."""
        self.start()
        in_main_thread = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGTERM, _raise_interrupt) if in_main_thread else None
        try:
            while not self._stop_requested.wait(1.0) and not self._stopped.is_set():
                pass
        except KeyboardInterrupt:
            pass
        finally:
            if in_main_thread:
                signal.signal(signal.SIGTERM, previous)
            self.stop()

    # --- what the control surface does -------------------------------------------------------
    def reset(
        self,
        *,
        seed: int,
        history_orders: int | None = None,
        live: bool | None = None,
        orders_per_hour: float | None = None,
        now: int | None = None,
    ) -> float:
        """Regenerate the shop from scratch; returns the seconds it took."""
        started = time.perf_counter()
        if now is not None:
            self.clock.pin(now)  # and generate at exactly `now`, even if a second ticks over meanwhile
        else:
            # Whole minutes: two shops made with one seed within the same minute are identical.
            now = self.clock.now() // 60 * 60
        self.seed = seed
        if live is not None:
            self.live = bool(live)
        if orders_per_hour is not None:
            self.orders_per_hour = orders_per_hour
        meta = {
            "seed": seed,
            "generated_at": now,
            "history_orders": history_orders,
            "live": self.live,
            "orders_per_hour": self.orders_per_hour,
            "authorized": True,
            "clock_offset": self.clock.offset,
        }
        # The cyclic GC rescans the growing heap of fresh dicts over and over; pausing it
        # halves the time of a 100k-order reset, and nothing built here forms cycles.
        gc.disable()
        try:
            self.dialect.new_shop(self.store, seed, now, history_orders, meta)
        finally:
            gc.enable()
        if self.live and self._httpd is not None:
            self.platform.start_live(self.tick_interval_s)
        return time.perf_counter() - started

    def move_clock(
        self, *, offset_s: float | None = None, advance_s: float | None = None, now: int | None = None
    ) -> int:
        if offset_s is not None:
            self.clock.set_offset(offset_s)
        if advance_s is not None:
            self.clock.advance(advance_s)
        if now is not None:
            self.clock.pin(now)
        self.store.set_meta("clock_offset", self.clock.offset)
        return self.platform.run_due()

    @property
    def authorized(self) -> bool:
        return bool(self.store.meta("authorized", True))

    def apply_settings(
        self,
        *,
        rate_limit_per_s: float | None = None,
        live: bool | None = None,
        orders_per_hour: float | None = None,
        authorized: bool | None = None,
    ) -> None:
        if rate_limit_per_s is not None:
            self.rate_limiter.per_second = rate_limit_per_s
        if orders_per_hour is not None:
            self.orders_per_hour = orders_per_hour
            self.store.set_meta("orders_per_hour", orders_per_hour)
        if authorized is not None:
            self.store.set_meta("authorized", bool(authorized))
        if live is not None:
            self.live = bool(live)
            self.store.set_meta("live", self.live)
            if self.live:
                self.platform.start_live(self.tick_interval_s)

    def settings(self) -> dict[str, Any]:
        return {
            "rate_limit_per_s": self.rate_limiter.per_second,
            "live": self.live,
            "orders_per_hour": self.orders_per_hour,
            "authorized": self.authorized,
            "tick_interval_s": self.tick_interval_s,
            "seed": self.seed,
        }

    def count_request(self, method: str) -> None:
        with self._served_lock:
            self._served[method] += 1

    def stats(self) -> dict[str, Any]:
        with self._served_lock:
            served = dict(self._served)
        store = self.store
        tables = self.dialect.counted_tables  # e.g. orders and after_sales; TikTok's returns, cancellations
        return {
            "now": self.clock.now(),
            **{table: store.count(f"SELECT count(*) FROM {table}") for table in tables},  # noqa: S608
            **{f"{table}_by_status": store.counts_by_status(table) for table in tables},
            "ledger_entries": store.count("SELECT count(*) FROM ledger"),
            "requests_served": served,
            "connections_accepted": self._httpd.connections_accepted if self._httpd else 0,
        }


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
