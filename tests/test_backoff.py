"""Retry delays grow, are jittered, are capped, and wait longer after a rate limit."""

from __future__ import annotations

import random

from app.sync.backoff import RATE_LIMIT_FLOOR_S, Backoff


def test_delays_grow_exponentially_within_jitter_and_stop_at_the_cap() -> None:
    backoff = Backoff(base_s=1.0, max_s=20.0, rng=random.Random(7))
    delays = [backoff.next_delay() for _ in range(8)]
    for attempt, delay in enumerate(delays, start=1):
        ceiling = min(20.0, 2 ** (attempt - 1))
        assert ceiling / 2 <= delay <= ceiling
    assert max(delays) <= 20.0


def test_two_workstations_do_not_retry_in_lock_step() -> None:
    first, second = Backoff(rng=random.Random(1)), Backoff(rng=random.Random(2))
    assert [first.next_delay() for _ in range(4)] != [second.next_delay() for _ in range(4)]


def test_a_rate_limit_waits_at_least_the_floor() -> None:
    assert Backoff(base_s=0.1, rng=random.Random(3)).next_delay(rate_limited=True) >= RATE_LIMIT_FLOOR_S


def test_success_starts_the_schedule_again() -> None:
    backoff = Backoff(base_s=1.0, rng=random.Random(4))
    for _ in range(5):
        backoff.next_delay()
    backoff.reset()
    assert backoff.next_delay() <= 1.0
