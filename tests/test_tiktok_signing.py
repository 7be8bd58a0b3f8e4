"""TikTok Shop's request signature, checked against the examples its public record documents.

Vector 1: Partner Center's guide "Sign your API request"
(https://partner.tiktokshop.com/docv2/page/678e3a3d4ddec3030b238faf, as stored in
lazykern/ecommerce-api-docs at eba059e): app secret e59af819cc, GET
/authorization/202309/shops?app_key=29a39d&timestamp=1623812664.
Vector 2: EcomPHP/tiktokshop-php tests/ClientTest.php `testPrepareSignature`: secret
"app_secret", GET /test-api with foo=bar.
"""

from __future__ import annotations

import hashlib
import hmac

from app.platforms.tiktok.signing import sign, sign_string


def test_the_partner_center_guides_worked_example() -> None:
    query = {"app_key": "29a39d", "timestamp": "1623812664"}
    assert (
        sign_string("e59af819cc", "/authorization/202309/shops", query)
        == b"e59af819cc/authorization/202309/shopsapp_key29a39dtimestamp1623812664e59af819cc"
    )
    assert (
        sign("e59af819cc", "/authorization/202309/shops", query)
        == "b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8"
    )


def test_the_ecomphp_clients_own_test_vector() -> None:
    assert (
        sign("app_secret", "/test-api", {"foo": "bar"})
        == "d3cb7fe11ecae942802ceeca67e7cf10120cc12f1517d45fbc1c8cfe5413c80f"
    )


def test_sign_and_access_token_are_never_signed() -> None:
    plain = sign("app_secret", "/test-api", {"foo": "bar"})
    with_extras = sign("app_secret", "/test-api", {"foo": "bar", "sign": "x", "access_token": "TTP_y"})
    assert with_extras == plain


def test_parameters_are_signed_in_name_order_whatever_order_they_come_in() -> None:
    one = sign("s", "/order/202309/orders", {"timestamp": "1", "app_key": "k", "ids": "1,2"})
    other = sign("s", "/order/202309/orders", {"ids": "1,2", "app_key": "k", "timestamp": "1"})
    assert one == other
    assert sign_string("s", "/order/202309/orders", {"ids": "1,2", "app_key": "k"}) == (
        b"s/order/202309/ordersapp_keykids1,2s"
    )


def test_a_json_body_is_signed_as_sent_between_the_query_and_the_closing_secret() -> None:
    body = b'{"update_time_ge":1700000000}'
    query = {"app_key": "k", "shop_cipher": "ROW_x", "timestamp": "1700000001"}
    expected_text = b"s/order/202309/orders/searchapp_keykshop_cipherROW_xtimestamp1700000001" + body + b"s"
    assert sign_string("s", "/order/202309/orders/search", query, body) == expected_text
    assert sign("s", "/order/202309/orders/search", query, body) == (
        hmac.new(b"s", expected_text, hashlib.sha256).hexdigest()
    )


def test_the_signature_is_lowercase_hex() -> None:
    # An SDK that sent it in upper case was refused ("Invalid sign": fudiwei/DotNetCore.SKIT.
    # FlurlHttpClient.ByteDance issue #37).
    signature = sign("e59af819cc", "/authorization/202309/shops", {"app_key": "29a39d", "timestamp": "1"})
    assert signature == signature.lower() and len(signature) == 64
