"""How the Douyin gateway checks a request's signature, as the sandbox store does it.

Owns the sign string, both signature methods, the JSON forms a client may have signed
and the method a URL path names. The sandbox's own implementation, from the public
record, never the client's (app/platforms/douyin/signing.py): if the client signed
wrongly, the stand-in must refuse it as the platform would.

Public record: zsmhub/doudian-sdk (commit 93c52ff565c8841af997483e456b5f1739cb2c36),
utils/sign_util.go `Sign` — the sign string is `secret + "app_key" + key + "method" +
method + "param_json" + json + "timestamp" + ts + "v2" + secret`, hashed with
HMAC-SHA256 keyed by the secret (`Hmac`) or MD5 (`Md5`, the `sign_method` default
PLATFORM-PROTOCOL.md §1 gives); core/doudian_op_api_client.go `urlPathToMethod` —
`/afterSale/List` is the method `afterSale.List`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

API_VERSION = "2"
SIGN_MD5 = "md5"
SIGN_HMAC_SHA256 = "hmac-sha256"
SIGN_METHODS = (SIGN_MD5, SIGN_HMAC_SHA256)


def method_from_path(path: str) -> str:
    """`/afterSale/List` -> `afterSale.List` (case kept)."""
    return path.strip("/").replace("/", ".")


def signed_forms(params: dict[str, Any], raw_text: str) -> set[str]:
    """Every form of the body a client may have signed as `param_json`: the sorted form
    (keys sorted at every level, no spaces, raw UTF-8), the raw text as sent (`{}` for
    nothing), and the sorted form with non-ASCII as \\uXXXX."""
    return {
        json.dumps(params, sort_keys=True, separators=(",", ":"), ensure_ascii=False),
        raw_text or "{}",
        json.dumps(params, sort_keys=True, separators=(",", ":"), ensure_ascii=True),
    }


def signature(
    secret: str, app_key: str, method: str, param_json: str, timestamp: str, sign_method: str
) -> str:
    """The lowercase hex signature the gateway expects for these exact strings."""
    text = (
        f"{secret}app_key{app_key}method{method}param_json{param_json}timestamp{timestamp}v{API_VERSION}{secret}"
    ).encode()
    if sign_method == SIGN_HMAC_SHA256:
        return hmac.new(secret.encode("utf-8"), text, hashlib.sha256).hexdigest()
    return hashlib.md5(text).hexdigest()
