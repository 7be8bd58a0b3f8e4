"""What each TikTok Shop answer means (app/platforms/tiktok/client.py `classify_response`,
errors.py), the text kept between runs (credentials.py), and how two searches merge into
one update-time list (feed.py) — pure functions, every branch named by the public record."""

from __future__ import annotations

import json
from typing import Any

import pytest

from app.platforms.port import (
    PROBLEM_HTTP,
    PROBLEM_OUR_FAULT,
    PROBLEM_PLATFORM_BUSY,
    PROBLEM_PLATFORM_UNEXPECTED,
    PROBLEM_RATE_LIMITED,
    PROBLEM_REJECTED,
    PROBLEM_SERVICE_GONE,
    PROBLEM_UNREADABLE,
    Outcome,
    RetryLater,
    Window,
)
from app.platforms.tiktok import errors, feed
from app.platforms.tiktok.answers import classify_response, expires_at
from app.platforms.tiktok.credentials import API_HOST, AUTH_HOST, TikTokCredentials


def answer(code: int, message: str = "", data: Any = None) -> bytes:
    envelope: dict[str, Any] = {"code": code, "message": message, "request_id": "2024"}
    if data is not None:
        envelope["data"] = data
    return json.dumps(envelope).encode()


def test_code_zero_is_done_with_its_data() -> None:
    result = classify_response(200, answer(0, "Success", {"orders": []}))
    assert result.ok and result.data == {"orders": []} and result.request_id == "2024"


@pytest.mark.parametrize(
    ("status", "code", "message", "outcome", "problem"),
    [
        (
            401,
            105002,
            "access token is expired, please refresh it",
            Outcome.CONFIG_ERROR,
            errors.PROBLEM_TOKEN,
        ),
        (
            401,
            106001,
            "Invalid credentials. The signature is invalid.",
            Outcome.CONFIG_ERROR,
            errors.PROBLEM_SIGNATURE,
        ),
        (
            400,
            36009004,
            "Invalid timestamp. The value of the `timestamp` …",
            Outcome.CONFIG_ERROR,
            errors.PROBLEM_CLOCK,
        ),
        (
            400,
            36009004,
            "Invalid credentials. Invalid `app_key` query parameter.",
            Outcome.CONFIG_ERROR,
            errors.PROBLEM_KEY_OR_SECRET,
        ),
        (
            401,
            36009004,
            "The `x-tts-access-token` header is invalid.",
            Outcome.CONFIG_ERROR,
            errors.PROBLEM_TOKEN,
        ),
        (
            400,
            36009004,
            "Missing credentials. … a required signature …",
            Outcome.CONFIG_ERROR,
            PROBLEM_OUR_FAULT,
        ),
        (403, 105005, "you should apply auth pkg for this api", Outcome.CONFIG_ERROR, errors.PROBLEM_SCOPE),
        (
            403,
            36009033,
            "The request IP is not in the allow list.",
            Outcome.CONFIG_ERROR,
            errors.PROBLEM_IP_NOT_ALLOWED,
        ),
        (400, 106013, "shop_cipher is required", Outcome.CONFIG_ERROR, PROBLEM_OUR_FAULT),
        (404, 36009009, "Invalid path.", Outcome.CONFIG_ERROR, PROBLEM_SERVICE_GONE),
        (429, 36009002, "Too many requests.", Outcome.RETRY, PROBLEM_RATE_LIMITED),
        (500, 36009003, "Internal error.", Outcome.RETRY, PROBLEM_PLATFORM_UNEXPECTED),
        (200, 25011012, "reverse status cannot approve application", Outcome.REJECTED, PROBLEM_REJECTED),
        (200, 25001014, "Unknown return reason.", Outcome.REJECTED, errors.PROBLEM_REASON_NOT_OFFERED),
    ],
)
def test_each_documented_error_has_its_outcome_and_words(
    status: int, code: int, message: str, outcome: Outcome, problem: str
) -> None:
    result = classify_response(status, answer(code, message))
    assert (result.outcome, result.problem, result.code) == (outcome, problem, code)
    assert result.platform_message == message


def test_only_an_expired_or_refused_token_is_renewed_and_sent_again() -> None:
    assert classify_response(401, answer(105002, "expired")).token_refused
    assert classify_response(401, answer(36009004, "`x-tts-access-token` invalid")).token_refused
    assert not classify_response(401, answer(106001, "signature invalid")).token_refused


@pytest.mark.parametrize(
    ("status", "body", "outcome", "problem"),
    [
        (429, b"", Outcome.RETRY, PROBLEM_RATE_LIMITED),
        (503, b"<html>busy</html>", Outcome.RETRY, PROBLEM_PLATFORM_BUSY),
        (500, b"oops", Outcome.RETRY, PROBLEM_HTTP),
        (200, b'{"code": 0, "data": {"orders": [', Outcome.RETRY, PROBLEM_UNREADABLE),
        (200, b'"ok"', Outcome.RETRY, PROBLEM_UNREADABLE),
        (200, b'{"code": "0"}', Outcome.RETRY, PROBLEM_UNREADABLE),
        (404, b"<html>Not Found</html>", Outcome.CONFIG_ERROR, errors.PROBLEM_WRONG_GATEWAY),
    ],
)
def test_an_answer_without_a_readable_envelope_is_read_by_its_status(
    status: int, body: bytes, outcome: Outcome, problem: str
) -> None:
    result = classify_response(status, body)
    assert (result.outcome, result.problem) == (outcome, problem)


def test_trouble_after_sending_may_have_applied_a_write_and_a_refusal_did_not() -> None:
    assert classify_response(500, answer(36009003, "Internal error")).maybe_applied
    assert classify_response(200, b"{broken").maybe_applied
    assert not classify_response(200, answer(25011012, "cannot approve")).maybe_applied


def test_a_refusal_of_the_one_request_says_whether_the_request_moved_on() -> None:
    moved = errors.error_of(classify_response(200, answer(21011040, "Package has already been shipped.")))
    assert moved.moved_on and not moved.refund_request_waiting
    waiting = errors.error_of(classify_response(200, answer(21008044, "Package item has after-sale request")))
    assert waiting.refund_request_waiting and not waiting.moved_on
    plain = errors.error_of(classify_response(200, answer(25001014, "Unknown return reason.")))
    assert not plain.moved_on and plain.platform_code == "25001014"


def test_the_token_service_words_a_used_code_a_dead_refresh_token_and_a_wrong_secret() -> None:
    used = errors.token_service_meaning(
        200, 36004004, "auth code is invalid or has been used", refreshing=False
    )
    assert used.problem == errors.PROBLEM_AUTH_CODE
    dead = errors.token_service_meaning(200, 36004001, "rt has expired", refreshing=True)
    assert dead.problem == errors.PROBLEM_REAUTHORISE
    secret = errors.token_service_meaning(
        200, 36009004, "Invalid `app_secret` query parameter.", refreshing=False
    )
    assert secret.problem == errors.PROBLEM_KEY_OR_SECRET
    busy = errors.token_service_meaning(503, 0, "", refreshing=True)
    assert busy.outcome is Outcome.RETRY


def test_token_expiry_is_a_timestamp_as_documented_or_seconds_as_some_clients_read_it() -> None:
    assert expires_at(1660556783, now=1660000000) == 1660556783  # PC authorization guide sample
    assert expires_at(604800, now=1660000000) == 1660000000 + 604800


def test_the_kept_text_brings_back_tokens_and_shop_but_never_the_secret() -> None:
    credentials = TikTokCredentials(API_HOST, "key", "secret", auth_code="code")
    credentials.access_token, credentials.access_expires_at = "TTP_a", 1700000000
    credentials.refresh_token, credentials.refresh_expires_at = "TTP_r", 1800000000
    credentials.shop_id, credentials.shop_cipher = "749", "ROW_x"
    kept = credentials.kept()
    assert "secret" not in kept and "code" not in json.loads(kept)
    fresh = TikTokCredentials(API_HOST, "key", "secret").with_kept(kept)
    assert (fresh.access_token, fresh.refresh_token, fresh.shop_cipher, fresh.shop_id) == (
        "TTP_a",
        "TTP_r",
        "ROW_x",
        "749",
    )
    assert fresh.refresh_expires_at == 1800000000
    assert TikTokCredentials(API_HOST, "key", "secret").with_kept("not json").access_token == ""
    assert "secret" not in repr(credentials) and "TTP_" not in repr(credentials)


def test_the_token_service_is_the_auth_host_for_the_real_api_and_the_sandbox_itself_otherwise() -> None:
    assert TikTokCredentials(API_HOST, "k", "s").token_base == AUTH_HOST
    assert TikTokCredentials("http://127.0.0.1:8765/", "k", "s").token_base == "http://127.0.0.1:8765"


# --- two searches as one list ---------------------------------------------------------------
def paged(records: list[dict[str, Any]]) -> Any:
    """A search over `records` as TikTok pages it: a page_token is where the next page begins."""

    def fetch(search: feed.Search, body: dict[str, Any], token: str, size: int) -> feed.Answer:
        start = int(token or 0)
        chunk = records[start : start + size]
        more = start + size < len(records)
        return feed.Answer(chunk, str(start + size) if more else "", None)

    return fetch


def test_two_searches_merge_by_update_time_and_page_by_cursor_without_repeat_or_gap() -> None:
    returns = [
        {"return_id": f"r{i}", "update_time": t}
        for i, t in enumerate([1, 1, 2, 5, 5, 5, 9, 12, 12, 20, 21, 30])
    ]
    cancels = [{"cancel_id": f"c{i}", "update_time": t} for i, t in enumerate([0, 1, 5, 6, 12, 40])]
    sources = {feed.RETURNS.name: paged(returns), feed.CANCELLATIONS.name: paged(cancels)}

    def fetch(search: feed.Search, body: dict[str, Any], token: str, size: int) -> feed.Answer:
        return sources[search.name](search, body, token, size)

    seen: list[dict[str, Any]] = []
    cursor = None
    while True:
        page = feed.page((feed.RETURNS, feed.CANCELLATIONS), fetch, Window(0), cursor, 4)
        seen += page.records
        assert len(page.records) == 4 or page.next_page is None
        cursor = page.next_page
        if cursor is None:
            break
    assert [r["update_time"] for r in seen] == sorted(r["update_time"] for r in returns + cancels)
    assert sorted(map(id, seen)) == sorted(map(id, returns + cancels))


def test_a_record_whose_time_cannot_be_read_keeps_its_place_in_its_own_stream() -> None:
    returns = [
        {"return_id": "r0", "update_time": 3},
        {"return_id": "r1"},
        {"return_id": "r2", "update_time": 4},
    ]
    cancels = [{"cancel_id": "c0", "update_time": 1}]
    sources = {feed.RETURNS.name: paged(returns), feed.CANCELLATIONS.name: paged(cancels)}
    page = feed.page(
        (feed.RETURNS, feed.CANCELLATIONS),
        lambda s, b, t, n: sources[s.name](s, b, t, n),
        Window(0),
        None,
        10,
    )
    order = [r.get("return_id") or r.get("cancel_id") for r in page.records]
    assert order.index("r0") < order.index("r1") < order.index("r2")
    assert page.next_page is None


def test_a_cursor_not_of_this_adapter_is_retry_later() -> None:
    with pytest.raises(RetryLater):
        feed.page((feed.ORDERS,), paged([]), Window(0), "3", 10)


def test_a_window_asks_from_its_start_to_its_end_inclusive() -> None:
    assert feed.window_body(Window(10, 20)) == {"update_time_ge": 10, "update_time_lt": 21}
    assert feed.window_body(Window(10)) == {"update_time_ge": 10}
