"""Odd but real answers from the platform never make the client raise.

The client's promise is that it never raises for anything the network or the platform
does (app/platforms/douyin/client.py): an answer nested deeper than the JSON parser can follow is
"an answer that could not be read", over real HTTP from the sandbox store.
"""

from __future__ import annotations

from app.platforms.douyin.client import PROBLEM_UNREADABLE, Outcome
from tests.sandbox_control import DAY, demo_client, inject, sandbox_now


def test_an_answer_nested_too_deeply_to_read_is_an_unreadable_answer_not_a_crash(sandbox_url: str) -> None:
    client = demo_client(sandbox_url)
    page = {"update_time_start": sandbox_now(sandbox_url) - DAY, "page": 0, "size": 10}
    inject(sandbox_url, "deep_nesting", method="order.searchList")
    result = client.call("order.searchList", page)
    assert result.outcome is Outcome.RETRY
    assert result.problem == PROBLEM_UNREADABLE
    assert client.call("order.searchList", page).ok  # the next answer reads as ever
