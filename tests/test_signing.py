"""The dialect's signature, checked against PLATFORM-PROTOCOL.md's test vectors."""

from __future__ import annotations

import pytest

from app.platforms.douyin.signing import canonical_json, method_from_path, path_from_method, sign

APP_KEY = "7000000000000000001"
SECRET = "sandbox-secret"
TIMESTAMP = "1700000000"

VECTORS = [
    (
        "order.searchList",
        '{"order_by":"update_time","page":0,"size":20,"update_time_end":1700086400,"update_time_start":1700000000}',
        "c2646ffbba063b17f913164695f84098",
        "278404a174fdf6ed0fc09c501e4f9ccc30dafc79aaef744f4ed5e03c39ed8e45",
    ),
    (
        "afterSale.operate",
        '{"items":[{"aftersale_id":"7300000000000000001","reason":"拒绝","reject_reason_code":1,'
        '"remark":"商品已发出"}],"type":202}',
        "9c7a5c71a33b0fd2f54c3208b2cce4b8",
        "6273645b3377c6c4d8648900de1c35d3c32c2a3de6b4e795919c77a2d5c9347c",
    ),
    (
        "token.create",
        '{"code":"","grant_type":"authorization_self","shop_id":"1234567"}',
        "7f6218354b9e21d9d8bc7f8040ec1e46",
        "135de305c3d62e70acd79df349d926a8501b1e06aca7d01be4879f4bde71bd54",
    ),
]


@pytest.mark.parametrize(("method", "param_json", "md5", "hmac_sha256"), VECTORS)
def test_signatures_match_the_published_vectors(
    method: str, param_json: str, md5: str, hmac_sha256: str
) -> None:
    assert sign(SECRET, APP_KEY, method, param_json, TIMESTAMP, "md5") == md5
    assert sign(SECRET, APP_KEY, method, param_json, TIMESTAMP, "hmac-sha256") == hmac_sha256


def test_canonical_json_sorts_keys_at_every_level_including_inside_arrays() -> None:
    params = {
        "type": 202,
        "items": [
            {
                "remark": "商品已发出",
                "reject_reason_code": 1,
                "reason": "拒绝",
                "aftersale_id": "7300000000000000001",
            }
        ],
    }
    assert canonical_json(params) == VECTORS[1][1]


def test_canonical_json_keeps_utf8_slashes_empty_strings_and_array_order() -> None:
    params = {"b": ["z", "a"], "a": "", "url": "https://x.test/a/b", "name": "小林"}
    assert canonical_json(params) == '{"a":"","b":["z","a"],"name":"小林","url":"https://x.test/a/b"}'


def test_an_empty_parameter_set_is_an_empty_object() -> None:
    assert canonical_json({}) == "{}"
    assert canonical_json(None) == "{}"


def test_method_names_and_paths_keep_their_case() -> None:
    assert method_from_path("/afterSale/List") == "afterSale.List"
    assert path_from_method("order.searchList") == "/order/searchList"


def test_an_unknown_sign_method_is_refused() -> None:
    with pytest.raises(ValueError):
        sign(SECRET, APP_KEY, "order.searchList", "{}", TIMESTAMP, "sha1")
