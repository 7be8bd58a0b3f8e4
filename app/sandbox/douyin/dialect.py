"""The wire rules of the Douyin dialect (PLATFORM-PROTOCOL.md §1-§2) as a server sees them.

Owns the answer envelope, the error type handlers raise, the checks every request
passes before its handler runs (required query parameters, method against path,
timestamp forms and skew against the real wall clock, the three accepted signature
forms). Signatures are computed by the sandbox's own `signing`; the rate limiter every
dialect shares is the core's (app/sandbox/ratelimit.py).
"""

from __future__ import annotations

import hmac
import itertools
import json
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.sandbox.clock import SHANGHAI, parse_shanghai
from app.sandbox.douyin import codes
from app.sandbox.douyin.codes import MESSAGES
from app.sandbox.douyin.signing import (
    API_VERSION,
    SIGN_MD5,
    SIGN_METHODS,
    method_from_path,
    signature,
    signed_forms,
)

MAX_SKEW_S = 600
_log_ids = itertools.count(1)
# The request timestamp is checked against the real wall clock, never the simulation's;
# a module-level name so a test can stand at the documented vectors' moment.
wall_clock = time.time


class ApiError(Exception):
    """A refusal in the dialect's terms; the HTTP layer turns it into an envelope."""

    def __init__(self, code: int, sub_code: str = "", sub_msg: str = "") -> None:
        super().__init__(f"{code} {sub_code} {sub_msg}")
        self.code, self.sub_code, self.sub_msg = code, sub_code, sub_msg


def missing(name: str) -> ApiError:
    """A business parameter missing (40002): the record gives this code no sub-code, so
    none is sent; the words naming the parameter are ours."""
    return ApiError(codes.CODE_MISSING_PARAMETER, "", f"缺少必选参数 {name}")


# The platform's own check of the query (40001): the record's sub-code where it has one
# (signature, app key); method, timestamp and v have none in the record, so none is sent.
PLATFORM_MISSING_SUB_CODES = {"sign": codes.SUB_SIGNATURE_MISSING, "app_key": codes.SUB_APP_KEY_MISSING}


def platform_missing(name: str) -> ApiError:
    sub_code = PLATFORM_MISSING_SUB_CODES.get(name, "")
    words = codes.SUB_MESSAGES.get(sub_code, f"缺少必选参数 {name}")
    return ApiError(codes.CODE_PLATFORM_PARAMETER_MISSING, sub_code, words)


def refusal(code: int, sub_code: str = "", sub_msg: str = "") -> ApiError:
    """A refusal in the record's words: `sub_msg` as the record words `sub_code` unless given."""
    return ApiError(code, sub_code, sub_msg or codes.SUB_MESSAGES.get(sub_code, ""))


def invalid(message: str, number: int = 0) -> ApiError:
    return ApiError(
        codes.CODE_PARAMETER_INVALID,
        f"{codes.SUB_PARAMETER_INVALID}:{number}" if number else codes.SUB_PARAMETER_INVALID,
        message,
    )


def business(number: int, message: str) -> ApiError:
    return ApiError(codes.CODE_BUSINESS_FAILED, f"{codes.SUB_BUSINESS_FAILED}:{number}", message)


def new_log_id() -> str:
    stamp = datetime.now(SHANGHAI).strftime("%Y%m%d%H%M%S")
    return f"{stamp}{next(_log_ids) % 10**10:010d}"


def envelope(data: Any = None, error: ApiError | None = None) -> dict[str, Any]:
    """The record's envelope (SDK core/doudian_op_api_base_response.go: log_id, code, msg,
    sub_code, sub_msg, and the method's data): an error's data is null, a success's an
    object even when empty. No field of older gateways (err_no, message): the record has none."""
    code = error.code if error else codes.CODE_SUCCESS
    return {
        "code": code,
        "msg": MESSAGES.get(code, "error"),
        "sub_code": error.sub_code if error else "",
        "sub_msg": error.sub_msg if error else "",
        "log_id": new_log_id(),
        "data": None if error else (data if data is not None else {}),
    }


def parse_timestamp(text: str) -> float:
    """Unix seconds, Unix milliseconds or `YYYY-MM-DD HH:MM:SS` (UTC+8) -> Unix seconds."""
    if text.isdigit():
        value = int(text)
        return value / 1000 if value > 10**11 else float(value)
    return float(parse_shanghai(text))


@dataclass
class Verified:
    app_key: str
    method: str
    params: dict[str, Any]
    access_token: str


def verify(path: str, query: dict[str, str], raw_body: bytes, secrets: dict[str, str]) -> Verified:
    """Every check a request passes before its handler; raises ApiError."""
    for name in ("app_key", "method", "timestamp", "sign", "v"):
        if not query.get(name):
            raise platform_missing(name)
    app_key, method, timestamp = query["app_key"], query["method"], query["timestamp"]
    if app_key not in secrets:
        raise ApiError(
            codes.CODE_AUTHORIZATION_MISSING,
            codes.SUB_AUTHORIZATION_MISSING,
            f"应用 {app_key} 不存在或未授权",
        )
    if method != method_from_path(path):
        raise invalid(f"method {method} 与请求路径 {path} 不一致")
    if query["v"] != API_VERSION:
        raise invalid(f"不支持的版本 v={query['v']}")
    sign_method = query.get("sign_method") or SIGN_MD5
    if sign_method not in SIGN_METHODS:
        raise invalid(f"不支持的签名方式 {sign_method}")
    try:
        sent_at = parse_timestamp(timestamp)
    except ValueError:
        raise ApiError(
            codes.CODE_AUTH_ERROR, codes.SUB_TIMESTAMP_INVALID, f"无法解析的时间戳 {timestamp}"
        ) from None
    if abs(wall_clock() - sent_at) > MAX_SKEW_S:
        raise ApiError(codes.CODE_AUTH_ERROR, codes.SUB_TIMESTAMP_INVALID, "时间戳与服务器时间相差超过10分钟")
    raw_text = raw_body.decode("utf-8", errors="replace").strip()
    try:
        params = json.loads(raw_text) if raw_text else {}
    except ValueError:
        raise invalid("请求体不是合法的 JSON") from None
    if not isinstance(params, dict):
        raise invalid("请求体必须是 JSON 对象")
    secret = secrets[app_key]
    # Some clients sign the sorted form of unsorted JSON, some the raw text, some the \u-escaped form.
    given = query["sign"].lower()
    if not any(
        hmac.compare_digest(signature(secret, app_key, method, form, timestamp, sign_method), given)
        for form in signed_forms(params, raw_text)
    ):
        raise ApiError(codes.CODE_AUTH_ERROR, codes.SUB_SIGNATURE_INVALID, "签名校验失败")
    return Verified(app_key, method, params, query.get("access_token", ""))
