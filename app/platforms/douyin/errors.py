"""Douyin's envelope errors: every code and sub-code the desk tells apart, in one table.

Owns the envelope's codes and sub-codes, what each means for the desk — try again later
(RETRY), nothing is done until a person acts (CONFIG_ERROR: the push keeps every queued
operation and stops its round), or the platform refused this one request (REJECTED) — and
the words that tell the person what to do (English source, context "sync"). Words that
name Douyin's own places (its open platform, op.jinritemai.com; a permission package; the
IP whitelist) are here; words any platform shares are the port's. The refusals of one
method by number (`isv.business-failed:N`, …) are codes.py's `refusal_problem`.

Sources (docs/platforms/douyin.md "Errors"): the codes, sub-codes and their meanings are
tb07/jinritemai `src/Error/ErrorCode.php`; where a sub-code is ours it says so.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

from app.core.problem_words import with_values
from app.core.translation import QT_TRANSLATE_NOOP
from app.platforms.port import (
    PROBLEM_OUR_FAULT,
    PROBLEM_PLATFORM_BUSY,
    PROBLEM_PLATFORM_UNEXPECTED,
    PROBLEM_RATE_LIMITED,
    PROBLEM_SERVICE_GONE,
    Outcome,
)

# --- codes (tb07 DOUDIANMERRORCODEMAP) ------------------------------------------------------
CODE_SUCCESS = 10000
CODE_SERVICE_ERROR = 20000  # 服务不可用
CODE_SERVICE_TIMEOUT = 20001  # 内部服务超时
CODE_NO_PERMISSION = 30001  # 操作权限不足 (authorisation, permission package, app disabled)
CODE_IP_NOT_TRUSTED = 30002  # 请求来源IP不可信，请检查IP白名单
CODE_PLATFORM_PARAMETER_MISSING = 40001  # 缺少必选参数（平台校验）
CODE_MISSING_PARAMETER = 40002  # 缺少必选参数（业务校验）: a refusal of the one request
CODE_AUTH_ERROR = 40003  # 非法的参数（平台校验）: signature, token, timestamp, app key
CODE_PARAMETER_INVALID = 40004  # 非法的参数（业务校验）: a refusal of the one request
CODE_TOKEN_FAILED = 50001  # 平台处理失败: dop.token-generate-failed:*
CODE_BUSINESS_FAILED = 50002  # 业务处理失败: a refusal of the one request
CODE_RATE_LIMITED = 60000  # 触发限流，请稍后重试
CODE_SERVICE_OFF = 70000  # 接口服务已下线
CODE_UNKNOWN_ERROR = 90000  # 其他异常

# --- sub-codes ------------------------------------------------------------------------------
SUB_SIGNATURE_INVALID = "isv.signature-invalid"
SUB_TOKEN_EXPIRED = "isv.access-token-expired"
SUB_TOKEN_UNKNOWN = "isv.access-token-no-existed"
SUB_TOKEN_OF_OTHER_APP = "isv.access-token-invalid"  # app_key和access_token不匹配
SUB_TIMESTAMP_INVALID = "isv.timestamp-invalid"
TOKEN_FAILED = "dop.token-generate-failed"  # followed by ":<reason>"

# An access token the platform refused: renewed once (created anew where it is unknown or
# another app's), and the request sent again — it was refused at the door, never applied.
TOKEN_SUB_CODES = (SUB_TOKEN_EXPIRED, SUB_TOKEN_UNKNOWN, SUB_TOKEN_OF_OTHER_APP)
CREATE_AFRESH_SUB_CODES = (SUB_TOKEN_UNKNOWN, SUB_TOKEN_OF_OTHER_APP)


# --- words: Douyin's ------------------------------------------------------------------------
PROBLEM_SIGNATURE = QT_TRANSLATE_NOOP(
    "sync", "The platform rejected our signature: the app key or app secret is wrong."
)
PROBLEM_CLOCK = QT_TRANSLATE_NOOP(
    "sync", "The platform says this computer's clock is wrong. Set the date and time correctly."
)
PROBLEM_TOKEN = QT_TRANSLATE_NOOP(
    "sync", "The platform did not accept our access token, even after renewing it."
)
PROBLEM_NOT_AUTHORISED = QT_TRANSLATE_NOOP(
    "sync",
    "The shop has not authorised this app (or has revoked it). The shop owner must authorise it again.",
)
PROBLEM_IP_NOT_WHITELISTED_AT = QT_TRANSLATE_NOOP(
    "sync",
    "The platform does not accept requests from this computer's internet address, {ip}: it is not on "
    "the app's IP whitelist. Whoever manages the app on the Douyin Open Platform (op.jinritemai.com) "
    "must add {ip} to the app's IP whitelist (IP白名单). Nothing waiting to be sent is lost; the sync "
    "goes on by itself once the address is added.",
)
PROBLEM_IP_NOT_WHITELISTED = QT_TRANSLATE_NOOP(
    "sync",
    "The platform does not accept requests from this computer's internet address: it is not on the "
    "app's IP whitelist. Whoever manages the app on the Douyin Open Platform (op.jinritemai.com) must "
    "add this computer's public internet address (the one the internet sees, which whoever runs this "
    "network can tell) to the app's IP whitelist (IP白名单). Nothing waiting to be sent is lost; the "
    "sync goes on by itself once the address is added.",
)
PROBLEM_PERMISSION_MISSING = QT_TRANSLATE_NOOP(
    "sync",
    "The app may not use this part of the platform: its permission packages do not include it. The "
    "app's developer must apply for the permission package (权限包) on the Douyin Open Platform "
    "(op.jinritemai.com). Nothing waiting to be sent is lost.",
)
PROBLEM_AUTHORISATION_CLOSED = QT_TRANSLATE_NOOP(
    "sync",
    "The shop owner has switched off this app's authorisation. The owner must switch it back on. "
    "Nothing waiting to be sent is lost.",
)
PROBLEM_APP_FORBIDDEN = QT_TRANSLATE_NOOP(
    "sync",
    "The platform has disabled this app. Contact the Douyin Open Platform (op.jinritemai.com) about it. "
    "Nothing waiting to be sent is lost.",
)
PROBLEM_APP_KEY_UNKNOWN = QT_TRANSLATE_NOOP(
    "sync", "The platform does not know this app key. Check the app key (Settings → Change shop)."
)
PROBLEM_APP_KEY_FORM = QT_TRANSLATE_NOOP(
    "sync",
    "The platform says the app key is not in the right form (19 digits). Check the app key "
    "(Settings → Change shop).",
)
PROBLEM_APP_KEY_EXPIRED = QT_TRANSLATE_NOOP(
    "sync",
    "The platform says this app key has expired. The app's developer must upgrade the app on the "
    "Douyin Open Platform (op.jinritemai.com); then connect the shop with the new key "
    "(Settings → Change shop).",
)
PROBLEM_TOKEN_OF_OTHER_APP = QT_TRANSLATE_NOOP(
    "sync",
    "The platform says the shop's access token belongs to another app. Check that the app key and the "
    "shop ID belong together (Settings → Change shop).",
)
PROBLEM_AUTHORISATION_MISMATCH = QT_TRANSLATE_NOOP(
    "sync",
    "The platform says the shop's authorisation does not fit this app. Check the app key and the shop "
    "ID (Settings → Change shop); the shop owner may have to authorise the app again.",
)
PROBLEM_CREDENTIALS = QT_TRANSLATE_NOOP(
    "sync",
    "The platform did not accept this app's credentials. Check the app key, the app secret and the "
    "shop ID (Settings → Change shop).",
)
PROBLEM_KEY_OR_SECRET = QT_TRANSLATE_NOOP(
    "sync",
    "The platform says the app key does not exist or does not match the app secret. Check both "
    "(Settings → Change shop).",
)
PROBLEM_ACCESS_NOT_RENEWED = QT_TRANSLATE_NOOP(
    "sync",
    "The shop's access could not be renewed: the platform no longer accepts it. The shop owner must "
    "authorise the app again. Nothing waiting to be sent is lost.",
)


@dataclass(frozen=True)
class Meaning:
    outcome: Outcome
    problem: str
    # The platform may have done it before failing (its own timeout, an unknown error):
    # a write is then checked by re-reading before it is sent again.
    maybe_applied: bool = False


_BUSY = Meaning(Outcome.RETRY, PROBLEM_PLATFORM_BUSY)
_CONFIG = Outcome.CONFIG_ERROR

# (code, sub_code) -> meaning; ("", for a code) is every sub-code the table does not name.
# A sub-code with a reason after ":" (dop.token-generate-failed:token-expired) is looked
# up whole, then by the part before ":".
TABLE: dict[tuple[int, str], Meaning] = {
    (CODE_SERVICE_ERROR, ""): _BUSY,
    (CODE_SERVICE_TIMEOUT, ""): Meaning(Outcome.RETRY, PROBLEM_PLATFORM_BUSY, maybe_applied=True),
    (CODE_NO_PERMISSION, ""): Meaning(_CONFIG, PROBLEM_NOT_AUTHORISED),
    (CODE_NO_PERMISSION, "isv.app-permissions-insufficient"): Meaning(_CONFIG, PROBLEM_PERMISSION_MISSING),
    (CODE_NO_PERMISSION, "dop.authorization-closed"): Meaning(_CONFIG, PROBLEM_AUTHORISATION_CLOSED),
    (CODE_NO_PERMISSION, "dop.app-forbidden"): Meaning(_CONFIG, PROBLEM_APP_FORBIDDEN),
    (CODE_IP_NOT_TRUSTED, ""): Meaning(_CONFIG, PROBLEM_IP_NOT_WHITELISTED),  # the address: ip_named
    (CODE_PLATFORM_PARAMETER_MISSING, ""): Meaning(_CONFIG, PROBLEM_OUR_FAULT),
    (CODE_PLATFORM_PARAMETER_MISSING, "isv.app-id-missing"): Meaning(_CONFIG, PROBLEM_APP_KEY_UNKNOWN),
    (CODE_AUTH_ERROR, ""): Meaning(_CONFIG, PROBLEM_CREDENTIALS),
    (CODE_AUTH_ERROR, SUB_SIGNATURE_INVALID): Meaning(_CONFIG, PROBLEM_SIGNATURE),
    (CODE_AUTH_ERROR, SUB_TOKEN_EXPIRED): Meaning(_CONFIG, PROBLEM_TOKEN),
    (CODE_AUTH_ERROR, SUB_TOKEN_UNKNOWN): Meaning(_CONFIG, PROBLEM_TOKEN),
    (CODE_AUTH_ERROR, SUB_TOKEN_OF_OTHER_APP): Meaning(_CONFIG, PROBLEM_TOKEN_OF_OTHER_APP),
    (CODE_AUTH_ERROR, SUB_TIMESTAMP_INVALID): Meaning(_CONFIG, PROBLEM_CLOCK),
    (CODE_AUTH_ERROR, "isv.timestamp-format-error"): Meaning(_CONFIG, PROBLEM_OUR_FAULT),
    (CODE_AUTH_ERROR, "isv.parameter-format-invalid"): Meaning(_CONFIG, PROBLEM_OUR_FAULT),
    (CODE_AUTH_ERROR, "isv.idempotent-id-existed"): Meaning(_CONFIG, PROBLEM_OUR_FAULT),  # none is sent
    (CODE_AUTH_ERROR, "isv.app-id-invalid"): Meaning(_CONFIG, PROBLEM_APP_KEY_FORM),
    (CODE_AUTH_ERROR, "isv.app-id-expired"): Meaning(_CONFIG, PROBLEM_APP_KEY_EXPIRED),
    (CODE_AUTH_ERROR, "isv.authorization-type-invalid"): Meaning(_CONFIG, PROBLEM_AUTHORISATION_MISMATCH),
    (CODE_TOKEN_FAILED, ""): Meaning(_CONFIG, PROBLEM_NOT_AUTHORISED),
    (CODE_TOKEN_FAILED, f"{TOKEN_FAILED}:token-expired"): Meaning(_CONFIG, PROBLEM_ACCESS_NOT_RENEWED),
    (CODE_TOKEN_FAILED, f"{TOKEN_FAILED}:token-invalid"): Meaning(_CONFIG, PROBLEM_ACCESS_NOT_RENEWED),
    (CODE_TOKEN_FAILED, f"{TOKEN_FAILED}:app-secret-invalid"): Meaning(_CONFIG, PROBLEM_KEY_OR_SECRET),
    (CODE_TOKEN_FAILED, f"{TOKEN_FAILED}:app-id-invalid"): Meaning(_CONFIG, PROBLEM_APP_KEY_FORM),
    (CODE_TOKEN_FAILED, f"{TOKEN_FAILED}:app-forbidden"): Meaning(_CONFIG, PROBLEM_APP_FORBIDDEN),
    (CODE_TOKEN_FAILED, f"{TOKEN_FAILED}:grant-type-invalid"): Meaning(_CONFIG, PROBLEM_OUR_FAULT),
    (CODE_RATE_LIMITED, ""): Meaning(Outcome.RETRY, PROBLEM_RATE_LIMITED),
    (CODE_SERVICE_OFF, ""): Meaning(_CONFIG, PROBLEM_SERVICE_GONE),
    (CODE_UNKNOWN_ERROR, ""): Meaning(Outcome.RETRY, PROBLEM_PLATFORM_UNEXPECTED, maybe_applied=True),
}
# 40002, 40004 and 50002 are refusals of the one request (sending it again gets the same
# answer): not in the table, so the caller words them as refusals of their method.


def meaning(code: int, sub_code: str, platform_words: str = "") -> Meaning | None:
    """What an error answer means, with its words; None for a refusal of the one request."""
    sub_code = sub_code.strip()
    found = (
        TABLE.get((code, sub_code))
        or TABLE.get((code, sub_code.partition(":")[0].strip()))
        or TABLE.get((code, ""))
    )
    if found is not None and code == CODE_IP_NOT_TRUSTED:
        ip = ip_named(platform_words)
        if ip:
            return Meaning(found.outcome, with_values(PROBLEM_IP_NOT_WHITELISTED_AT, ip=ip))
    return found


# An address in the gateway's words ("请求来源IP:119.123.25.75"): IPv4 first, then IPv6.
_ADDRESSES = (
    re.compile(r"(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?!\.?\d)"),
    re.compile(r"(?<![0-9A-Fa-f:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Fa-f:])"),
)


def ip_named(platform_words: str) -> str:
    """The first internet address the platform's words name, or "" (the desk never asks any
    other service for this computer's address: it talks to the platform only)."""
    for pattern in _ADDRESSES:
        for candidate in pattern.findall(platform_words):
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                continue
    return ""
