"""Fault injection: the ways a real gateway and a real network misbehave.

Owns the queue of pending faults set through the control surface. Each fault has a
kind, a count of how many more requests it hits and, optionally, the one method it
hits. Before-kinds answer instead of the request (nothing applied); after-kinds let
the request apply and then spoil the answer, which is what tests of "did my lost
request take effect?" need.
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import asdict, dataclass
from typing import Any

# Answer instead of applying the request.
BEFORE_KINDS = ("http_5xx", "service_error", "rate_limit", "token_expired", "clock_skew")
# Apply the request, then delay, cut, spoil or drop the answer.
AFTER_KINDS = ("latency", "truncated", "malformed", "drop_response")
KINDS = BEFORE_KINDS + AFTER_KINDS


@dataclass
class Fault:
    id: int
    kind: str
    count: int = 1
    method: str | None = None
    ms: int = 200

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class Faults:
    def __init__(self) -> None:
        self._pending: list[Fault] = []
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def add(self, kind: str, count: int = 1, method: str | None = None, ms: int = 200) -> Fault:
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; one of {', '.join(KINDS)}")
        if count < 1:
            raise ValueError("count must be at least 1")
        fault = Fault(next(self._ids), kind, int(count), method or None, int(ms))
        with self._lock:
            self._pending.append(fault)
        return fault

    def pending(self) -> list[dict[str, Any]]:
        with self._lock:
            return [fault.to_json() for fault in self._pending]

    def clear(self) -> int:
        with self._lock:
            cleared, self._pending = len(self._pending), []
        return cleared

    def take(self, method: str) -> Fault | None:
        """The first pending fault that hits `method`, counted down (and gone after its last hit)."""
        with self._lock:
            for fault in self._pending:
                if fault.method in (None, method):
                    fault.count -= 1
                    if fault.count <= 0:
                        self._pending.remove(fault)
                    return Fault(fault.id, fault.kind, 1, fault.method, fault.ms)
        return None
