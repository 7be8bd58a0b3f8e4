"""Every kind of platform answer maps to one outcome, with plain words for people."""

from __future__ import annotations

import json

import pytest

from app.platforms.douyin.client import PROBLEM_WRONG_GATEWAY, classify_response
from app.platforms.douyin.errors import (
    PROBLEM_CLOCK,
    PROBLEM_NOT_AUTHORISED,
    PROBLEM_SIGNATURE,
    PROBLEM_TOKEN,
)
from app.platforms.port import (
    PROBLEM_HTTP,
    PROBLEM_PLATFORM_BUSY,
    PROBLEM_RATE_LIMITED,
    PROBLEM_REJECTED,
    PROBLEM_UNREADABLE,
    Outcome,
)


def envelope(code: int, sub_code: str = "", sub_msg: str = "", data: object = None) -> bytes:
    msg = "success" if code == 10000 else "fail"
    return json.dumps(
        {"code": code, "msg": msg, "sub_code": sub_code, "sub_msg": sub_msg, "log_id": "L1", "data": data},
        ensure_ascii=False,
    ).encode()


ANSWERS = [
    ("success", 200, envelope(10000, data={"x": 1}), Outcome.DONE, ""),
    (
        "bad signature",
        200,
        envelope(40003, "isv.signature-invalid", "签名错误"),
        Outcome.CONFIG_ERROR,
        PROBLEM_SIGNATURE,
    ),
    ("clock skew", 200, envelope(40003, "isv.timestamp-invalid"), Outcome.CONFIG_ERROR, PROBLEM_CLOCK),
    ("token expired", 200, envelope(40003, "isv.access-token-expired"), Outcome.CONFIG_ERROR, PROBLEM_TOKEN),
    (
        "token unknown",
        200,
        envelope(40003, "isv.access-token-no-existed"),
        Outcome.CONFIG_ERROR,
        PROBLEM_TOKEN,
    ),
    (
        "missing parameter",
        200,
        envelope(40002, "isv.missing-parameter:1"),
        Outcome.REJECTED,
        PROBLEM_REJECTED,
    ),
    (
        "invalid parameter",
        200,
        envelope(40004, "isv.parameter-invalid:60017"),
        Outcome.REJECTED,
        PROBLEM_REJECTED,
    ),
    (
        "shop revoked the app",
        200,
        envelope(30001, "dop.authorization-no-existed"),
        Outcome.CONFIG_ERROR,
        PROBLEM_NOT_AUTHORISED,
    ),
    ("service error", 200, envelope(20000, "isp.service-error"), Outcome.RETRY, PROBLEM_PLATFORM_BUSY),
    ("service timeout", 200, envelope(20001, "isp.service-timeout"), Outcome.RETRY, PROBLEM_PLATFORM_BUSY),
    ("rate limited", 200, envelope(60000, "", "触发限流"), Outcome.RETRY, PROBLEM_RATE_LIMITED),
    (
        "business refusal",
        200,
        envelope(50002, "isv.business-failed:60110", "订单已发货"),
        Outcome.REJECTED,
        PROBLEM_REJECTED,
    ),
    ("unknown code", 200, envelope(12345), Outcome.REJECTED, PROBLEM_REJECTED),
    ("HTTP 503", 503, b"<html>Service Unavailable</html>", Outcome.RETRY, PROBLEM_HTTP),
    ("HTTP 404 (wrong gateway)", 404, b"not found", Outcome.CONFIG_ERROR, PROBLEM_WRONG_GATEWAY),
    ("truncated JSON", 200, envelope(10000, data={"a": "b"})[:20], Outcome.RETRY, PROBLEM_UNREADABLE),
    ("HTML instead of JSON", 200, b"<html>502 Bad Gateway</html>", Outcome.RETRY, PROBLEM_UNREADABLE),
    ("JSON without a code", 200, b'{"data": {}}', Outcome.RETRY, PROBLEM_UNREADABLE),
    ("a bare JSON list", 200, b"[1, 2]", Outcome.RETRY, PROBLEM_UNREADABLE),
    ("invalid UTF-8", 200, b'{"code": 10000, "msg": "\xff\xfe"}', Outcome.RETRY, PROBLEM_UNREADABLE),
]


@pytest.mark.parametrize(
    ("case", "status", "body", "outcome", "problem"), ANSWERS, ids=[a[0] for a in ANSWERS]
)
def test_each_answer_maps_to_one_outcome(
    case: str, status: int, body: bytes, outcome: Outcome, problem: str
) -> None:
    result = classify_response("order.searchList", status, body)
    assert result.outcome is outcome, case
    assert result.problem == problem


def test_the_platforms_own_words_are_kept_for_people() -> None:
    result = classify_response(
        "order.logisticsAdd", 200, envelope(50002, "isv.business-failed:60110", "订单已发货")
    )
    assert result.platform_message == "订单已发货"
    assert result.sub_code == "isv.business-failed:60110"
    assert "订单已发货" in result.describe()


def test_older_servers_err_no_zero_counts_as_success() -> None:
    body = json.dumps({"err_no": 0, "message": "success", "data": {"ok": True}}).encode()
    result = classify_response("order.searchList", 200, body)
    assert result.ok and result.data == {"ok": True}


def test_an_unreadable_or_5xx_answer_may_have_been_applied() -> None:
    assert classify_response("afterSale.operate", 200, b"{trunc").maybe_applied
    assert classify_response("afterSale.operate", 502, b"").maybe_applied
    assert not classify_response("afterSale.operate", 200, envelope(60000)).maybe_applied


def test_rate_limiting_is_flagged_so_backoff_waits_longer() -> None:
    assert classify_response("order.searchList", 200, envelope(60000)).rate_limited
