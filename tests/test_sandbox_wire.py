"""The sandbox speaks the dialect's wire rules (PLATFORM-PROTOCOL.md §1-§2)."""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta, timezone

import pytest
import requests

from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET
from app.platforms.douyin.signing import ascii_escaped_json, sign
from app.sandbox.douyin import dialect
from app.sandbox.server import SandboxServer
from tests.wire import call, control, new_token, signed_post

VECTOR_TIMESTAMP = "1700000000"
SEARCH_VECTOR = (
    '{"order_by":"update_time","page":0,"size":20,"update_time_end":1700086400,'
    '"update_time_start":1700000000}'
)
OPERATE_VECTOR = (
    '{"items":[{"aftersale_id":"7300000000000000001","reason":"拒绝","reject_reason_code":1,'
    '"remark":"商品已发出"}],"type":202}'
)
TOKEN_VECTOR = '{"code":"","grant_type":"authorization_self","shop_id":"1234567"}'


def raw_post(
    url: str, method: str, body: str, signature: str, sign_method: str | None, access_token: str = ""
) -> dict:
    query = {
        "app_key": DEMO_APP_KEY,
        "method": method,
        "access_token": access_token,
        "timestamp": VECTOR_TIMESTAMP,
        "v": "2",
        "sign": signature,
    }
    if sign_method:
        query["sign_method"] = sign_method
    response = requests.post(
        f"{url}/{method.replace('.', '/')}", params=query, data=body.encode("utf-8"), timeout=30
    )
    return response.json()


@pytest.fixture
def at_vector_time(sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch) -> SandboxServer:
    """Wall clock and simulation clock standing where the documented vectors were made."""
    monkeypatch.setattr(dialect, "wall_clock", lambda: 1700000000.0 + 30)
    control(sandbox.url, "POST", "clock", {"now": 1700086400})
    return sandbox


@pytest.mark.parametrize(
    ("sign_method", "signature"),
    [
        ("md5", "7f6218354b9e21d9d8bc7f8040ec1e46"),
        ("hmac-sha256", "135de305c3d62e70acd79df349d926a8501b1e06aca7d01be4879f4bde71bd54"),
    ],
)
def test_the_documented_token_create_vector_is_accepted(
    at_vector_time: SandboxServer, sign_method: str, signature: str
) -> None:
    answer = raw_post(at_vector_time.url, "token.create", TOKEN_VECTOR, signature, sign_method)
    assert answer["code"] == 10000, answer
    assert answer["data"]["shop_id"] == 1234567  # int64 in the record (SDK TokenCreateData.ShopId)


@pytest.mark.parametrize(
    ("sign_method", "signature"),
    [
        ("md5", "c2646ffbba063b17f913164695f84098"),
        ("hmac-sha256", "278404a174fdf6ed0fc09c501e4f9ccc30dafc79aaef744f4ed5e03c39ed8e45"),
    ],
)
def test_the_documented_search_list_vector_is_accepted(
    at_vector_time: SandboxServer, sign_method: str, signature: str
) -> None:
    token = raw_post(
        at_vector_time.url, "token.create", TOKEN_VECTOR, "7f6218354b9e21d9d8bc7f8040ec1e46", None
    )
    answer = raw_post(
        at_vector_time.url,
        "order.searchList",
        SEARCH_VECTOR,
        signature,
        sign_method,
        token["data"]["access_token"],
    )
    assert answer["code"] == 10000, answer
    assert answer["data"]["size"] == 20


@pytest.mark.parametrize(
    ("sign_method", "signature"),
    [
        ("md5", "9c7a5c71a33b0fd2f54c3208b2cce4b8"),
        ("hmac-sha256", "6273645b3377c6c4d8648900de1c35d3c32c2a3de6b4e795919c77a2d5c9347c"),
    ],
)
def test_the_documented_operate_vector_passes_the_signature_check(
    at_vector_time: SandboxServer, sign_method: str, signature: str
) -> None:
    token = raw_post(
        at_vector_time.url, "token.create", TOKEN_VECTOR, "7f6218354b9e21d9d8bc7f8040ec1e46", None
    )
    answer = raw_post(
        at_vector_time.url,
        "afterSale.operate",
        OPERATE_VECTOR,
        signature,
        sign_method,
        token["data"]["access_token"],
    )
    # The vector's after-sale does not exist in this shop: refused for that, not for the signature.
    assert (answer["code"], answer["sub_code"]) == (40004, "isv.parameter-invalid"), answer


def test_a_bad_signature_is_refused(sandbox_url: str) -> None:
    answer = call(sandbox_url, "token.create", {"grant_type": "authorization_self"}, secret="wrong-secret")
    assert (answer["code"], answer["sub_code"]) == (40003, "isv.signature-invalid")


def test_an_absent_sign_method_means_md5(sandbox_url: str) -> None:
    answer = call(
        sandbox_url, "token.create", {"grant_type": "authorization_self", "code": ""}, sign_method=None
    )
    assert answer["code"] == 10000, answer


def test_a_signature_over_the_unsorted_raw_body_is_accepted(sandbox_url: str) -> None:
    raw = '{"shop_id":"1234567","grant_type":"authorization_self","code":""}'
    answer = call(sandbox_url, "token.create", body=raw, sign_over=raw)
    assert answer["code"] == 10000, answer


def test_a_signature_over_the_sorted_form_of_an_unsorted_body_is_accepted(sandbox_url: str) -> None:
    params = {"shop_id": "1234567", "grant_type": "authorization_self", "code": ""}
    answer = call(sandbox_url, "token.create", params, body=json.dumps(params))
    assert answer["code"] == 10000, answer


def test_a_signature_over_the_unicode_escaped_form_is_accepted(sandbox_url: str) -> None:
    token = new_token(sandbox_url)
    params = {"items": [{"aftersale_id": "1", "remark": "商品已发出", "reject_reason_code": 1}], "type": 202}
    answer = call(
        sandbox_url,
        "afterSale.operate",
        params,
        access_token=token["access_token"],
        sign_over=ascii_escaped_json(params),
    )
    assert answer["sub_code"] != "isv.signature-invalid", answer


@pytest.mark.parametrize("form", ["seconds", "milliseconds", "shanghai"])
def test_every_timestamp_form_is_accepted(sandbox_url: str, form: str) -> None:
    now = time.time()
    timestamp = {
        "seconds": str(int(now)),
        "milliseconds": str(int(now * 1000)),
        "shanghai": datetime.fromtimestamp(now, timezone(timedelta(hours=8))).strftime("%Y-%m-%d %H:%M:%S"),
    }
    answer = call(
        sandbox_url, "token.create", {"grant_type": "authorization_self"}, timestamp=timestamp[form]
    )
    assert answer["code"] == 10000, answer


@pytest.mark.parametrize("skew_s", [-11 * 60, 11 * 60])
def test_a_timestamp_more_than_ten_minutes_off_is_refused(sandbox_url: str, skew_s: int) -> None:
    answer = call(
        sandbox_url,
        "token.create",
        {"grant_type": "authorization_self"},
        timestamp=str(int(time.time()) + skew_s),
    )
    assert (answer["code"], answer["sub_code"]) == (40003, "isv.timestamp-invalid")


def test_the_timestamp_check_uses_the_real_clock_not_the_simulation(sandbox_url: str) -> None:
    control(sandbox_url, "POST", "clock", {"advance_s": 3 * 86400})
    answer = call(sandbox_url, "token.create", {"grant_type": "authorization_self"})
    assert answer["code"] == 10000, answer


def test_the_method_parameter_must_match_the_path(sandbox_url: str) -> None:
    response = signed_post(
        sandbox_url, "token.create", {"grant_type": "authorization_self"}, query={"method": "token.refresh"}
    )
    assert (response.json()["code"], response.json()["sub_code"]) == (40004, "isv.parameter-invalid")


def test_query_parameters_the_platform_checks_answer_40001(sandbox_url: str) -> None:
    """tb07: 40001 缺少必选参数（平台校验）, sub-codes for the signature and the app key; 40002
    (业务校验) is for the business parameters and carries no sub-code."""
    response = requests.post(
        f"{sandbox_url}/token/create", params={"app_key": DEMO_APP_KEY}, data=b"{}", timeout=10
    )
    assert response.status_code == 200
    assert response.json()["code"] == 40001
    response = requests.post(f"{sandbox_url}/token/create", params={}, data=b"{}", timeout=10)
    assert (response.json()["code"], response.json()["sub_code"]) == (40001, "isv.app-id-missing")


def test_an_unknown_app_key_answers_no_authorization(sandbox_url: str) -> None:
    answer = call(sandbox_url, "token.create", {"grant_type": "authorization_self"}, app_key="7999")
    assert (answer["code"], answer["sub_code"]) == (30001, "dop.authorization-no-existed")


def test_a_shop_that_revoked_the_app_answers_no_authorization(sandbox_url: str) -> None:
    token = new_token(sandbox_url)
    control(sandbox_url, "POST", "settings", {"authorized": False})
    answer = call(sandbox_url, "order.logisticsCompanyList", access_token=token["access_token"])
    assert (answer["code"], answer["sub_code"]) == (30001, "dop.authorization-no-existed")


def test_every_answer_carries_the_records_envelope_and_nothing_else(sandbox_url: str) -> None:
    """SDK core/doudian_op_api_base_response.go: log_id, code, msg, sub_code, sub_msg, + data."""
    ok = call(sandbox_url, "token.create", {"grant_type": "authorization_self"})
    bad = call(sandbox_url, "token.create", {"grant_type": "authorization_self"}, secret="x")
    for answer in (ok, bad):
        assert set(answer) == {"code", "msg", "sub_code", "sub_msg", "log_id", "data"}
    assert (ok["code"], ok["msg"]) == (10000, "success") and isinstance(ok["data"], dict)
    assert bad["code"] != 10000 and bad["data"] is None


def test_requests_above_the_rate_limit_answer_60000(sandbox_url: str) -> None:
    control(sandbox_url, "POST", "settings", {"rate_limit_per_s": 5})
    session = requests.Session()
    answers = [
        signed_post(sandbox_url, "token.create", {"grant_type": "authorization_self"}, session=session).json()
        for _ in range(15)
    ]
    limited = [answer for answer in answers if answer["code"] == 60000]
    assert limited, "15 requests at once must exceed 5 per second"
    assert limited[0]["msg"] == "触发限流，请稍后重试"  # tb07's words for 60000


def test_a_zero_rate_limit_disables_limiting(sandbox_url: str) -> None:
    control(sandbox_url, "POST", "settings", {"rate_limit_per_s": 0})
    session = requests.Session()
    codes = {
        signed_post(
            sandbox_url, "token.create", {"grant_type": "authorization_self"}, session=session
        ).json()["code"]
        for _ in range(30)
    }
    assert codes == {10000}


def test_sign_is_computed_over_the_exact_timestamp_string(sandbox_url: str) -> None:
    timestamp = str(int(time.time()))
    params = '{"grant_type":"authorization_self"}'
    signature = sign(DEMO_APP_SECRET, DEMO_APP_KEY, "token.create", params, timestamp + "0", "hmac-sha256")
    response = requests.post(
        f"{sandbox_url}/token/create",
        data=params.encode(),
        timeout=10,
        params={
            "app_key": DEMO_APP_KEY,
            "method": "token.create",
            "timestamp": timestamp,
            "v": "2",
            "sign_method": "hmac-sha256",
            "sign": signature,
        },
    )
    assert response.json()["sub_code"] == "isv.signature-invalid"


def test_a_session_reuses_one_keep_alive_connection(sandbox_url: str) -> None:
    before = control(sandbox_url, "GET", "stats")["connections_accepted"]
    session = requests.Session()
    for _ in range(10):
        answer = signed_post(
            sandbox_url, "token.create", {"grant_type": "authorization_self"}, session=session
        )
        assert answer.json()["code"] == 10000
    after = control(sandbox_url, "GET", "stats")["connections_accepted"]
    assert after - before <= 2  # the session's one connection, plus the stats call's own
