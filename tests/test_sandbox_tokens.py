"""Tokens (§3): lifetimes on the simulation clock, refresh semantics, unknown and expired tokens."""

from __future__ import annotations

from app.demo_shop import DEMO_SHOP_ID
from tests.wire import call, control, new_token

DAY = 86400
HOUR = 3600


def refresh(url: str, refresh_token: str) -> dict:
    return call(url, "token.refresh", {"grant_type": "refresh_token", "refresh_token": refresh_token})


def companies(url: str, access_token: str) -> dict:
    return call(url, "order.logisticsCompanyList", access_token=access_token)


def test_token_create_answers_a_seven_day_token_and_the_shop(sandbox_url: str) -> None:
    token = new_token(sandbox_url)
    assert token["expires_in"] == 7 * DAY
    assert token["shop_id"] == int(DEMO_SHOP_ID) and token["shop_name"]  # int64 in the record
    assert token["access_token"] and token["refresh_token"]


def test_refreshing_more_than_an_hour_before_expiry_returns_the_same_tokens(sandbox_url: str) -> None:
    token = new_token(sandbox_url)
    control(sandbox_url, "POST", "clock", {"advance_s": 6 * DAY})
    answer = refresh(sandbox_url, token["refresh_token"])
    assert answer["code"] == 10000
    assert (answer["data"]["access_token"], answer["data"]["refresh_token"]) == (
        token["access_token"],
        token["refresh_token"],
    )
    # A day left, give or take the wall-clock second that may tick between the two calls.
    assert DAY - 1 <= answer["data"]["expires_in"] <= DAY


def test_refreshing_in_the_last_hour_gives_new_tokens_and_the_old_stay_valid_an_hour(
    sandbox_url: str,
) -> None:
    token = new_token(sandbox_url)
    control(sandbox_url, "POST", "clock", {"advance_s": 7 * DAY - 30 * 60})
    answer = refresh(sandbox_url, token["refresh_token"])
    fresh = answer["data"]
    assert fresh["access_token"] != token["access_token"] and fresh["expires_in"] == 7 * DAY
    control(
        sandbox_url, "POST", "clock", {"advance_s": 50 * 60}
    )  # past the old expiry, inside the grace hour
    assert companies(sandbox_url, token["access_token"])["code"] == 10000
    control(sandbox_url, "POST", "clock", {"advance_s": 20 * 60})
    assert companies(sandbox_url, token["access_token"])["sub_code"] == "isv.access-token-expired"
    assert companies(sandbox_url, fresh["access_token"])["code"] == 10000


def test_an_expired_access_token_is_refused_and_refresh_renews_it(sandbox_url: str) -> None:
    token = new_token(sandbox_url)
    control(sandbox_url, "POST", "clock", {"advance_s": 7 * DAY + 1})
    answer = companies(sandbox_url, token["access_token"])
    assert (answer["code"], answer["sub_code"]) == (40003, "isv.access-token-expired")
    renewed = refresh(sandbox_url, token["refresh_token"])["data"]
    assert companies(sandbox_url, renewed["access_token"])["code"] == 10000


def test_a_refresh_after_expiry_kills_the_old_pair_at_once(sandbox_url: str) -> None:
    """SDK TokenCreateData.AccessToken: "在 access_token 过期后 … 原来的 … 失效"."""
    token = new_token(sandbox_url)
    control(sandbox_url, "POST", "clock", {"advance_s": 7 * DAY + 1})
    renewed = refresh(sandbox_url, token["refresh_token"])["data"]
    assert renewed["refresh_token"] != token["refresh_token"]
    again = refresh(sandbox_url, token["refresh_token"])
    assert (again["code"], again["sub_code"]) == (50001, "dop.token-generate-failed:token-expired")
    assert companies(sandbox_url, token["access_token"])["sub_code"] == "isv.access-token-expired"
    assert refresh(sandbox_url, renewed["refresh_token"])["data"]["access_token"] == renewed["access_token"]


def test_an_empty_access_token_is_missing_and_an_unknown_one_does_not_exist(sandbox_url: str) -> None:
    answer = companies(sandbox_url, "")
    assert (answer["code"], answer["sub_code"]) == (40001, "isv.access-token-missing")
    answer = companies(sandbox_url, "no-such-token")
    assert (answer["code"], answer["sub_code"]) == (40003, "isv.access-token-no-existed")


def test_an_expired_or_unknown_refresh_token_cannot_make_a_token(sandbox_url: str) -> None:
    """tb07 50001: dop.token-generate-failed:token-expired (token已过期), :token-invalid (token不存在)."""
    answer = refresh(sandbox_url, "no-such-refresh-token")
    assert (answer["code"], answer["sub_code"]) == (50001, "dop.token-generate-failed:token-invalid")
    token = new_token(sandbox_url)
    control(sandbox_url, "POST", "clock", {"advance_s": 14 * DAY + 1})
    answer = refresh(sandbox_url, token["refresh_token"])
    assert (answer["code"], answer["sub_code"]) == (50001, "dop.token-generate-failed:token-expired")
    assert answer["sub_msg"] == "生成token失败，token已过期"


def test_token_create_without_grant_type_answers_missing_parameter(sandbox_url: str) -> None:
    answer = call(sandbox_url, "token.create", {"shop_id": DEMO_SHOP_ID})
    assert answer["code"] == 40002
