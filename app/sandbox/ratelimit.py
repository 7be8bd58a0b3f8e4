"""The gateway's rate limit, shared by every dialect: a token bucket per app key.

Owns counting requests per key over time; what a refused request is told is the
dialect's (its envelope and code).
"""

from __future__ import annotations

import threading
import time


class RateLimiter:
    """A token bucket per app key holding one second's worth of requests; 0 disables."""

    def __init__(self, per_second: float) -> None:
        self.per_second = float(per_second)
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        rate = self.per_second
        if rate <= 0:
            return True
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (max(rate, 1.0), now))
            tokens = min(max(rate, 1.0), tokens + (now - last) * rate)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                return False
            self._buckets[key] = (tokens - 1, now)
            return True
