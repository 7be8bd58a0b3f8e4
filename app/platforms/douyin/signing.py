"""The platform dialect's request signing, shared by the client and the sandbox store.

Owns: the canonical form of `param_json`, the sign string, both signature methods
and the mapping from a URL path to a method name (PLATFORM-PROTOCOL.md §1).
No I/O and no Qt: both sides of the wire import this module and nothing else of
each other.
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


def canonical_json(params: Any) -> str:
    """The signed form of a parameter set: sorted keys at every level, no spaces,
    raw UTF-8 (no \\uXXXX), `/` unescaped, empty strings kept, `{}` for nothing."""
    if params is None:
        params = {}
    # json.dumps sorts keys inside nested objects and arrays too, and never escapes "/".
    return json.dumps(params, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def ascii_escaped_json(params: Any) -> str:
    """The canonical form with non-ASCII escaped as \\uXXXX, which some clients sign."""
    if params is None:
        params = {}
    return json.dumps(params, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def method_from_path(path: str) -> str:
    """`/afterSale/List` -> `afterSale.List` (case kept)."""
    return path.strip("/").replace("/", ".")


def path_from_method(method: str) -> str:
    """`afterSale.List` -> `/afterSale/List`."""
    return "/" + method.replace(".", "/")


def sign_string(secret: str, app_key: str, method: str, param_json: str, timestamp: str) -> str:
    return (
        f"{secret}app_key{app_key}method{method}param_json{param_json}"
        f"timestamp{timestamp}v{API_VERSION}{secret}"
    )


def sign(
    secret: str,
    app_key: str,
    method: str,
    param_json: str,
    timestamp: str,
    sign_method: str = SIGN_HMAC_SHA256,
) -> str:
    """Lowercase hex signature of one request; `sign_method` is md5 or hmac-sha256."""
    text = sign_string(secret, app_key, method, param_json, timestamp).encode("utf-8")
    if sign_method == SIGN_MD5:
        return hashlib.md5(text).hexdigest()
    if sign_method == SIGN_HMAC_SHA256:
        return hmac.new(secret.encode("utf-8"), text, hashlib.sha256).hexdigest()
    raise ValueError(f"unknown sign_method {sign_method!r}")
