"""Errors a person must act on are told apart, each in words that say what to do (issue 15).

Over real HTTP: the sandbox store answers each error as the public record words it
(tb07/jinritemai's table, docs/platforms/douyin.md "Errors"), injected as a fault; the
desk's Douyin client and adapter turn it into the port's error — try again later, a person
must act first, or a refusal of the one request — with its words. A push that meets an
error a person must act on keeps every queued operation, and sends each exactly once
after; the token's renewal races no send into a lost operation.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from app.core.problem_words import source_of, values_of, with_values
from app.db import open_database
from app.models import AfterSale, OutboxOperation
from app.models import outbox as state
from app.platforms.douyin import errors
from app.platforms.douyin.adapter import error_of
from app.platforms.douyin.client import EXPIRES_IN_TIMESTAMP_ABOVE_S, classify_response, expires_at
from app.platforms.douyin.codes import AfterSaleStatus, AfterSaleType
from app.platforms.port import (
    PROBLEM_OUR_FAULT,
    PROBLEM_PLATFORM_UNEXPECTED,
    PROBLEM_SERVICE_GONE,
    NotAuthorised,
    Outcome,
    PlatformError,
    Refused,
    RetryLater,
)
from app.sync.engine import SyncEngine
from tests.sandbox_control import (
    applied_by_client,
    control,
    demo_client,
    demo_platform,
    inject,
    queue_refund_approval,
)

DAY, HOUR = 86400, 3600
ADDRESS = "203.0.113.7"  # a documentation address (RFC 5737)

# fault kind (and its extra fields) -> the port's error and its words, for any business call.
BUSINESS_CALL_ERRORS: list[tuple[str, dict[str, Any], type[PlatformError], str]] = [
    ("ip_not_whitelisted", {"ip": ADDRESS}, NotAuthorised, errors.PROBLEM_IP_NOT_WHITELISTED_AT),
    ("ip_not_whitelisted", {}, NotAuthorised, errors.PROBLEM_IP_NOT_WHITELISTED),
    ("token_missing", {}, NotAuthorised, PROBLEM_OUR_FAULT),
    ("signature_missing", {}, NotAuthorised, PROBLEM_OUR_FAULT),
    ("app_key_missing", {}, NotAuthorised, errors.PROBLEM_APP_KEY_UNKNOWN),
    ("authorization_missing", {}, NotAuthorised, errors.PROBLEM_NOT_AUTHORISED),
    ("permission_insufficient", {}, NotAuthorised, errors.PROBLEM_PERMISSION_MISSING),
    ("authorization_closed", {}, NotAuthorised, errors.PROBLEM_AUTHORISATION_CLOSED),
    ("app_forbidden", {}, NotAuthorised, errors.PROBLEM_APP_FORBIDDEN),
    ("app_key_invalid", {}, NotAuthorised, errors.PROBLEM_APP_KEY_FORM),
    ("app_key_expired", {}, NotAuthorised, errors.PROBLEM_APP_KEY_EXPIRED),
    ("parameter_format_invalid", {}, NotAuthorised, PROBLEM_OUR_FAULT),
    ("clock_skew", {}, NotAuthorised, errors.PROBLEM_CLOCK),
    ("method_offline", {}, NotAuthorised, PROBLEM_SERVICE_GONE),
    ("unknown_error", {}, RetryLater, PROBLEM_PLATFORM_UNEXPECTED),
    ("service_error", {}, RetryLater, errors.PROBLEM_PLATFORM_BUSY),
]


@pytest.mark.parametrize(
    ("kind", "extra", "error", "problem"),
    BUSINESS_CALL_ERRORS,
    ids=[f"{kind}{'-with-address' if extra else ''}" for kind, extra, *_ in BUSINESS_CALL_ERRORS],
)
def test_each_error_is_told_apart_with_what_to_do(
    sandbox_url: str, kind: str, extra: dict[str, Any], error: type[PlatformError], problem: str
) -> None:
    platform = demo_platform(sandbox_url)
    platform.carriers()  # signed in: the token is there
    inject(sandbox_url, kind, method="order.logisticsCompanyList", **extra)
    with pytest.raises(PlatformError) as raised:
        platform.carriers()
    assert type(raised.value) is error
    assert source_of(raised.value.problem) == problem
    assert raised.value.platform_message, "the platform's own words are kept beside ours"
    assert not raised.value.moved_on and not raised.value.refund_request_waiting
    assert platform.carriers(), "nothing stays broken once the platform answers again"


def test_the_whitelist_words_name_the_address_the_platform_saw(sandbox_url: str) -> None:
    platform = demo_platform(sandbox_url)
    inject(sandbox_url, "ip_not_whitelisted", method="token.create", ip=ADDRESS)
    with pytest.raises(NotAuthorised) as raised:
        platform.check_connection()
    assert raised.value.problem == with_values(errors.PROBLEM_IP_NOT_WHITELISTED_AT, ip=ADDRESS)
    assert values_of(raised.value.problem) == {"ip": ADDRESS}
    assert ADDRESS in raised.value.platform_message and "IP白名单" in raised.value.platform_message
    assert "op.jinritemai.com" in errors.PROBLEM_IP_NOT_WHITELISTED_AT  # where to add it


@pytest.mark.parametrize(
    ("words", "address"),
    [
        (
            "请求来源IP不可信，请检查IP白名单。请求来源IP:119.123.25.75 详情请见公告 https://x.cn/a",
            "119.123.25.75",
        ),
        ("请求来源IP不可信，请检查IP白名单。请求来源IP：119.123.25.75。", "119.123.25.75"),
        ("请求来源IP不可信 ip=2001:db8::7", "2001:db8::7"),
        ("请求来源IP不可信，请检查IP白名单", ""),
        ("请求来源IP不可信 999.1.1.1 at 2026-10-02 08:30:24", ""),
    ],
)
def test_the_address_is_read_from_the_platforms_words_only(words: str, address: str) -> None:
    assert errors.ip_named(words) == address


# Token-method errors (token.create: the connection test, and a self-use app's renewal).
TOKEN_ERRORS = [
    ("no_authorization", errors.PROBLEM_NOT_AUTHORISED),
    ("app_secret_invalid", errors.PROBLEM_KEY_OR_SECRET),
    ("refresh_token_invalid", errors.PROBLEM_ACCESS_NOT_RENEWED),
    ("app_forbidden", errors.PROBLEM_APP_FORBIDDEN),
]


@pytest.mark.parametrize(("kind", "problem"), TOKEN_ERRORS, ids=[kind for kind, _ in TOKEN_ERRORS])
def test_a_token_that_cannot_be_made_says_who_must_act(sandbox_url: str, kind: str, problem: str) -> None:
    inject(sandbox_url, kind, method="token.create")
    with pytest.raises(NotAuthorised) as raised:
        demo_platform(sandbox_url).check_connection()
    assert raised.value.problem == problem


def test_a_dead_refresh_token_is_replaced_without_a_person(sandbox_url: str) -> None:
    """14 days on, the refresh token is dead (50001 dop.token-generate-failed:token-expired):
    a self-use app creates a new token and the call goes through."""
    platform = demo_platform(sandbox_url)
    platform.carriers()
    control(sandbox_url, "clock", {"advance_s": 14 * DAY + 1})
    assert platform.carriers()
    assert (served(sandbox_url, "token.refresh"), served(sandbox_url, "token.create")) == (1, 2)


def test_a_dead_refresh_token_and_no_authorisation_ask_the_owner(sandbox_url: str) -> None:
    platform = demo_platform(sandbox_url)
    platform.carriers()
    control(sandbox_url, "clock", {"advance_s": 14 * DAY + 1})
    inject(sandbox_url, "no_authorization", method="token.create")
    with pytest.raises(NotAuthorised) as raised:
        platform.carriers()
    assert raised.value.problem == errors.PROBLEM_NOT_AUTHORISED
    assert not raised.value.maybe_applied  # the call itself never went out


def test_a_token_of_another_app_is_made_afresh_once_then_told(sandbox_url: str) -> None:
    platform = demo_platform(sandbox_url)
    platform.carriers()
    inject(sandbox_url, "token_of_other_app", method="order.logisticsCompanyList")
    assert platform.carriers(), "made afresh, the call goes through"
    inject(sandbox_url, "token_of_other_app", count=2, method="order.logisticsCompanyList")
    with pytest.raises(NotAuthorised) as raised:
        platform.carriers()
    assert raised.value.problem == errors.PROBLEM_TOKEN_OF_OTHER_APP


# (code, sub_code) -> outcome and words, for every row of the table and the refusals beside it.
def envelope(code: int, sub_code: str = "", msg: str = "x") -> bytes:
    return (
        f'{{"code": {code}, "msg": "{msg}", "sub_code": "{sub_code}", "sub_msg": "", "log_id": "L"}}'.encode()
    )


@pytest.mark.parametrize(
    ("key", "meaning"),
    sorted(errors.TABLE.items()),
    ids=[f"{c}-{s or 'any'}" for c, s in sorted(errors.TABLE)],
)
def test_every_row_of_the_error_table_classifies_as_written(key: tuple[int, str], meaning: Any) -> None:
    code, sub_code = key
    result = classify_response("afterSale.operate", 200, envelope(code, sub_code))
    assert (result.outcome, result.problem, result.maybe_applied) == (
        meaning.outcome,
        meaning.problem,
        meaning.maybe_applied,
    )
    assert result.rate_limited == (code == errors.CODE_RATE_LIMITED)


@pytest.mark.parametrize(
    ("code", "sub_code", "outcome"),
    [
        (40002, "", Outcome.REJECTED),
        (40004, "isv.parameter-invalid:11000", Outcome.REJECTED),
        (50002, "isv.business-failed:20309541", Outcome.REJECTED),
        (80000, "", Outcome.REJECTED),  # 安全错误: the record gives no more
        (30001, "dop.some-new-reason", Outcome.CONFIG_ERROR),  # a new 30001 reason: the owner looks
        (50001, "dop.token-generate-failed:code-expired", Outcome.CONFIG_ERROR),
        (40003, "isv.something-new", Outcome.CONFIG_ERROR),
    ],
)
def test_refusals_of_one_request_and_unknown_sub_codes(code: int, sub_code: str, outcome: Outcome) -> None:
    result = classify_response("afterSale.operate", 200, envelope(code, sub_code))
    assert result.outcome is outcome and result.problem
    if code == 40003:
        assert result.problem == errors.PROBLEM_CREDENTIALS  # no longer "wrong signature"


@pytest.mark.parametrize(
    ("expires_in", "now", "expected"),
    [
        (604800, 1_796_000_000, 1_796_604_800),  # seconds to live (how well-used clients read it)
        (1_796_604_800, 1_796_000_000, 1_796_604_800),  # a Unix timestamp (the SDK's comments)
        (EXPIRES_IN_TIMESTAMP_ABOVE_S, 1_796_000_000, 1_796_000_000 + EXPIRES_IN_TIMESTAMP_ABOVE_S),
    ],
)
def test_expires_in_is_read_either_way_the_record_allows(
    expires_in: float, now: float, expected: float
) -> None:
    assert expires_at(expires_in, now) == expected


# --- the push keeps every queued operation ---------------------------------------------------
def new_refund_requests(url: str) -> None:
    control(url, "tick", {"new_after_sales": 4, "after_sale_type": int(AfterSaleType.REFUND_AFTER_SHIPMENT)})


def synced_engine(url: str, database_url: str) -> SyncEngine:
    new_refund_requests(url)
    _, sessions = open_database(database_url)
    engine = SyncEngine(demo_platform(url), sessions)
    assert engine.run_once().outcome is Outcome.DONE
    return engine


def approve_waiting_refunds(engine: SyncEngine, how_many: int) -> list[tuple[int, str]]:
    """Queue an agreement on `how_many` refund requests that wait; (seq, request id) each."""
    with engine._sessions.begin() as session:
        waiting = session.scalars(
            select(AfterSale)
            .where(
                AfterSale.status == AfterSaleStatus.AWAITING_MERCHANT,
                AfterSale.type == AfterSaleType.REFUND_AFTER_SHIPMENT,
            )
            .order_by(AfterSale.status_deadline.desc())
            .limit(how_many)
        ).all()
        assert len(waiting) == how_many
        return [(queue_refund_approval(session, request), request.aftersale_id) for request in waiting]


def served(url: str, method: str) -> int:
    return int(control(url, "stats", method="GET")["requests_served"].get(method, 0))


def states(engine: SyncEngine, seqs: list[int]) -> list[str]:
    with engine._sessions() as session:
        return [session.get(OutboxOperation, seq).state for seq in seqs]  # type: ignore[union-attr]


PUSH_STOPPERS = [
    ("ip_not_whitelisted", {"ip": ADDRESS}, with_values(errors.PROBLEM_IP_NOT_WHITELISTED_AT, ip=ADDRESS)),
    ("permission_insufficient", {}, errors.PROBLEM_PERMISSION_MISSING),
    ("authorization_closed", {}, errors.PROBLEM_AUTHORISATION_CLOSED),
    ("app_forbidden", {}, errors.PROBLEM_APP_FORBIDDEN),
    ("token_missing", {}, PROBLEM_OUR_FAULT),
    ("app_key_expired", {}, errors.PROBLEM_APP_KEY_EXPIRED),
    ("method_offline", {}, PROBLEM_SERVICE_GONE),
]


@pytest.mark.parametrize(
    ("kind", "extra", "problem"), PUSH_STOPPERS, ids=[kind for kind, *_ in PUSH_STOPPERS]
)
def test_an_error_a_person_must_act_on_mid_push_keeps_the_queue(
    sandbox_url: str, sqlite_url: str, kind: str, extra: dict[str, Any], problem: str
) -> None:
    engine = synced_engine(sandbox_url, sqlite_url)
    queued = approve_waiting_refunds(engine, 2)
    seqs = [seq for seq, _ in queued]
    inject(sandbox_url, kind, count=5, method="afterSale.operate", **extra)
    report = engine.run_once()
    assert report.outcome is Outcome.CONFIG_ERROR
    assert report.problem == problem
    assert states(engine, seqs) == [state.PENDING, state.PENDING], "nothing queued is lost"
    for _, request_id in queued:
        assert applied_by_client(sandbox_url, request_id) == 0
    control(sandbox_url, "faults", method="DELETE")  # the person fixed it
    assert engine.run_once().outcome is Outcome.DONE
    assert states(engine, seqs) == [state.DONE, state.DONE]
    for _, request_id in queued:
        assert applied_by_client(sandbox_url, request_id) == 1


def test_an_unknown_platform_error_is_checked_before_sending_again(sandbox_url: str, sqlite_url: str) -> None:
    """90000 其他异常: the platform may have done it; the push re-reads before any resend."""
    engine = synced_engine(sandbox_url, sqlite_url)
    [(seq, request_id)] = approve_waiting_refunds(engine, 1)
    inject(sandbox_url, "unknown_error", method="afterSale.operate")
    report = engine.run_once()
    assert report.outcome is Outcome.DONE  # tried again later, by itself
    with engine._sessions() as session:
        op = session.get(OutboxOperation, seq)
        assert op is not None and op.state == state.PENDING and op.verify_before_send
        assert op.problem == PROBLEM_PLATFORM_UNEXPECTED
        op.next_attempt_at = 0
        session.commit()
    engine.run_once()
    assert states(engine, [seq]) == [state.DONE]
    assert applied_by_client(sandbox_url, request_id) == 1


def test_a_renewal_in_the_last_hour_races_no_send_into_a_lost_operation(
    sandbox_url: str, sqlite_url: str
) -> None:
    """Another workstation renews the shop's token in its last hour: this one's old token
    stays valid one more hour (its decision goes through); after that hour the old pair is
    dead, and this one renews itself and sends its next decision once."""
    engine = synced_engine(sandbox_url, sqlite_url)
    control(sandbox_url, "clock", {"advance_s": 7 * DAY - HOUR // 2})
    control(
        sandbox_url,
        "tick",
        {"new_after_sales": 4, "after_sale_type": int(AfterSaleType.REFUND_AFTER_SHIPMENT)},
    )
    assert engine.run_once().outcome is Outcome.DONE  # the old token: half an hour left
    other = demo_client(sandbox_url)
    assert other.create_token().ok  # a new pair; the old one lives one more hour

    [(first, first_request)] = approve_waiting_refunds(engine, 1)
    assert engine.run_once().outcome is Outcome.DONE
    assert states(engine, [first]) == [state.DONE]
    assert served(sandbox_url, "token.create") == 2  # sent with the old token, in its grace hour

    control(sandbox_url, "clock", {"advance_s": 2 * HOUR})  # the grace hour is over
    [(second, second_request)] = approve_waiting_refunds(engine, 1)
    assert engine.run_once().outcome is Outcome.DONE
    assert states(engine, [second]) == [state.DONE]
    assert applied_by_client(sandbox_url, first_request) == 1
    assert applied_by_client(sandbox_url, second_request) == 1
    # The old pair died with its grace hour: the refresh was refused (50001), a new token made.
    assert (served(sandbox_url, "token.refresh"), served(sandbox_url, "token.create")) == (1, 3)
    with engine._sessions() as session:
        assert not session.scalars(
            select(OutboxOperation).where(OutboxOperation.state.in_(state.OPEN_STATES))
        ).all()


def test_a_refusal_of_one_request_is_still_a_refusal(sandbox_url: str) -> None:
    """40002 (a business parameter missing) refuses the one request: no sub-code of ours."""
    platform = demo_platform(sandbox_url)
    platform.carriers()
    result = platform.client.call("afterSale.operate", {"type": 101})
    assert result.outcome is Outcome.REJECTED and result.code == 40002 and result.sub_code == ""
    assert isinstance(error_of(result), Refused)
