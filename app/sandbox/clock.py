"""The sandbox's simulation clock and the calendar arithmetic of promises.

Owns simulation time: the real wall clock plus an offset that the control surface
can set or advance (token lifetimes, deadlines and 90-day limits run on it; the
request timestamp check does not). Also owns the Asia/Shanghai calendar helpers
used for ship-by promises: the sandbox's shop lives in UTC+8 all year (China has no
daylight saving).
"""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta, timezone

from app.sandbox.catalogue import PROMISE_48H, PROMISE_NEXT_DAY, PROMISE_PRESALE, PROMISE_SAME_DAY

SHANGHAI = timezone(timedelta(hours=8))  # no daylight saving in China
HOUR = 3600
DAY = 86400
SAME_DAY_CUTOFF_HOUR = 16


class SimClock:
    """Simulation now = real now + offset; thread-safe, whole seconds."""

    def __init__(self, offset_s: float = 0.0) -> None:
        self._offset = float(offset_s)
        self._lock = threading.Lock()

    @property
    def offset(self) -> float:
        with self._lock:
            return self._offset

    def set_offset(self, offset_s: float) -> None:
        with self._lock:
            self._offset = float(offset_s)

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._offset += float(seconds)

    def pin(self, now: int) -> None:
        """Move the offset so that simulation now is `now` at this instant."""
        with self._lock:
            self._offset = now - time.time()

    def now(self) -> int:
        with self._lock:
            return int(time.time() + self._offset)


def shanghai(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, SHANGHAI)


def end_of_day(ts: int, days_later: int = 0) -> int:
    """23:59:59 Shanghai time on the day of `ts` plus `days_later` days."""
    local = shanghai(ts)
    day_end = local.replace(hour=23, minute=59, second=59, microsecond=0) + timedelta(days=days_later)
    return int(day_end.timestamp())


def promised_ship_by(promise: str, pay_time: int, presale_days: int = 0) -> int:
    """The ship-by instant a product's promise gives an order paid at `pay_time` (RULES.md)."""
    if promise == PROMISE_SAME_DAY:
        return end_of_day(pay_time, 0 if shanghai(pay_time).hour < SAME_DAY_CUTOFF_HOUR else 1)
    if promise == PROMISE_NEXT_DAY:
        return end_of_day(pay_time, 1)
    if promise == PROMISE_PRESALE:
        return end_of_day(pay_time, min(presale_days, 15))
    if promise == PROMISE_48H:
        return pay_time + 48 * HOUR
    raise ValueError(f"unknown promise {promise!r}")


def parse_shanghai(text: str) -> int:
    """`YYYY-MM-DD HH:MM:SS` in UTC+8 -> Unix seconds; ValueError if malformed."""
    return int(datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=SHANGHAI).timestamp())
