"""How long to wait before trying the platform again.

Owns the retry schedule shared by pulls and (later) pushes: exponential growth with
full jitter, so that several workstations that lost the network together do not
come back in lock-step, and a longer floor after the platform said "rate limited".
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

BASE_DELAY_S = 2.0
MAX_DELAY_S = 300.0
RATE_LIMIT_FLOOR_S = 10.0


@dataclass
class Backoff:
    base_s: float = BASE_DELAY_S
    max_s: float = MAX_DELAY_S
    failures: int = 0
    rng: random.Random = field(default_factory=random.Random)

    def next_delay(self, *, rate_limited: bool = False) -> float:
        """Record one more failure and return the delay before the next attempt."""
        self.failures += 1
        ceiling = min(self.max_s, self.base_s * 2 ** (self.failures - 1))
        delay = self.rng.uniform(ceiling / 2, ceiling)  # "equal jitter": never retry at once
        return max(delay, RATE_LIMIT_FLOOR_S) if rate_limited else delay

    def reset(self) -> None:
        self.failures = 0
