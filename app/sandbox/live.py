"""What every dialect's platform shares: the live thread that keeps the shop living.

Owns `LivePlatform`, the base of each dialect's `Platform` (app/sandbox/<name>/platform.py):
the store and clock it acts on, the shop's seed, and the live-traffic thread — every
interval it lets the dialect's `tick` bring new orders and requests and apply what came
due, or, with live traffic off, only `run_due`. A step that fails is logged and the shop
lives on. Also `poisson`, the draw of how many arrivals one tick brings.
"""

from __future__ import annotations

import logging
import math
import random
import threading
import time
from typing import Any

from app.sandbox.clock import SimClock

log = logging.getLogger(__name__)


def poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method; fine for the small means of one tick."""
    if mean <= 0:
        return 0
    limit, k, p = math.exp(-min(mean, 500)), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


class LivePlatform:
    THREAD_NAME = "sandbox-live"

    def __init__(self, store: Any, clock: SimClock) -> None:
        self.store = store
        self.clock = clock
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    @property
    def seed(self) -> int:
        return int(self.store.meta("seed", 1))

    # The dialect's own: what came due, and one step of live traffic (dialects.ShopPlatform).
    def run_due(self) -> int:
        raise NotImplementedError

    def tick(
        self,
        new_orders: int | None = None,
        new_after_sales: int | None = None,
        elapsed_s: float | None = None,
        top_up: bool | None = None,
        after_sale_type: int | None = None,
    ) -> dict[str, Any]:
        raise NotImplementedError

    def start_live(self, interval_s: float) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._loop, args=(interval_s,), name=self.THREAD_NAME, daemon=True
        )
        self._thread.start()

    def stop_live(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._thread = None

    def _loop(self, interval_s: float) -> None:
        last = time.monotonic()
        while not self._stop.wait(interval_s):
            elapsed, last = time.monotonic() - last, time.monotonic()
            try:
                if self.store.meta("live", True):
                    self.tick(elapsed_s=elapsed)
                else:
                    self.run_due()
            except Exception:  # the shop must keep living through one bad step
                log.exception("%s: a live-traffic step failed", self.THREAD_NAME)
