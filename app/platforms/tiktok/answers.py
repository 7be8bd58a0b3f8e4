"""What one TikTok Shop answer says: the `ApiResult` every call of the client ends in.

Owns reading an HTTP answer — its status, and the envelope `{code, message, request_id,
data}` (code 0 is success; EcomPHP/tiktokshop-php src/Resource.php `call`) — into one
outcome with plain words (errors.py says what each error means), the answer's time (its
HTTP `Date`), and a token's expiry from the token service's answer. No I/O.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

from app.platforms.port import PROBLEM_REJECTED, PROBLEM_UNREADABLE, Outcome
from app.platforms.tiktok import errors

# An `*_expire_in` above this is a Unix timestamp, below it seconds to live: the record
# says timestamps (PC authorization guide: "The unix timestamp represents the date and time
# the access token will expire", sample 1660556783); some clients read seconds; no token
# lives ten years and no timestamp is that small.
EXPIRES_IN_TIMESTAMP_ABOVE_S = 10 * 365 * 86400


@dataclass(frozen=True)
class ApiResult:
    outcome: Outcome
    data: Any = None
    code: int | None = None  # the envelope's code (or the HTTP status when there was none)
    platform_message: str = ""  # the platform's own words (`message`)
    problem: str = ""  # plain words for people, empty when DONE
    request_id: str = ""
    # The request may have reached the platform although no answer was read: a write
    # must then be checked by re-reading before it is sent again.
    maybe_applied: bool = False
    rate_limited: bool = False
    answered_at: int | None = None  # the platform's clock (HTTP Date), Unix s
    http_status: int = 0
    token_refused: bool = False  # the access token was refused at the door: renew and resend

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.DONE

    @property
    def platform_code(self) -> str:
        return "" if self.code is None else str(self.code)

    def describe(self) -> str:
        """One line for logs: never contains secrets or tokens."""
        words = f" ({self.platform_message})" if self.platform_message else ""
        return f"{self.outcome.value}: {self.problem or 'ok'} code={self.code} http={self.http_status}{words}"


def failed(meaning: errors.Meaning, **fields: Any) -> ApiResult:
    return ApiResult(
        meaning.outcome,
        problem=meaning.problem,
        maybe_applied=meaning.maybe_applied,
        rate_limited=meaning.rate_limited,
        token_refused=meaning.token,
        **fields,
    )


def envelope_of(body: bytes) -> dict[str, Any] | None:
    try:
        envelope = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    return envelope if isinstance(envelope, dict) else None


def classify_response(http_status: int, body: bytes) -> ApiResult:
    """Map one HTTP answer to an outcome; public so every branch can be tested directly."""
    envelope = envelope_of(body)
    code = envelope.get("code") if envelope is not None else None
    if envelope is None or not isinstance(code, int) or isinstance(code, bool):
        found = errors.by_status(http_status)
        if found is not None:
            return failed(found, code=http_status, http_status=http_status)
        if http_status == 200:  # an answer spoilt in passing, or not the platform's
            return ApiResult(Outcome.RETRY, problem=PROBLEM_UNREADABLE, maybe_applied=True, http_status=200)
        wrong = errors.PROBLEM_WRONG_GATEWAY
        return ApiResult(Outcome.CONFIG_ERROR, problem=wrong, code=http_status, http_status=http_status)
    words = str(envelope.get("message") or "")
    common: dict[str, Any] = {
        "code": code,
        "platform_message": words,
        "request_id": str(envelope.get("request_id") or ""),
        "http_status": http_status,
    }
    if code == errors.CODE_SUCCESS and 200 <= http_status < 300:
        return ApiResult(Outcome.DONE, data=envelope.get("data"), **common)
    meaning = errors.meaning(http_status, code, words)
    if meaning is not None:
        return failed(meaning, **common)
    # A refusal of the one request: sending it again would get the same answer.
    return ApiResult(Outcome.REJECTED, problem=errors.REFUSAL_WORDS.get(code, PROBLEM_REJECTED), **common)


def answer_time(headers: Mapping[str, str]) -> int | None:
    """The answer's HTTP `Date` as Unix seconds; None when absent or unreadable."""
    try:
        return int(parsedate_to_datetime(headers["Date"]).timestamp())
    except (KeyError, TypeError, ValueError, IndexError, OverflowError):
        return None


def expires_at(expires_in: float, now: float) -> float:
    """When a token expires (Unix s) from its answer's `*_expire_in`, read either way."""
    return expires_in if expires_in > EXPIRES_IN_TIMESTAMP_ABOVE_S else now + expires_in


@dataclass(frozen=True)
class Tokens:
    access_token: str
    access_expires_at: int  # Unix s
    refresh_token: str
    refresh_expires_at: int  # Unix s; 0 when the answer gave none
    seller_name: str


def read_tokens(data: Any, now: float) -> Tokens | None:
    """The token service's `data{access_token, access_token_expire_in, refresh_token,
    refresh_token_expire_in, seller_name, …}` (PC authorization guide); None when it gives
    no access token or an expiry that is not a number."""
    if not isinstance(data, dict) or not data.get("access_token"):
        return None
    try:
        access_at = expires_at(float(data.get("access_token_expire_in") or 0), now)
        refresh_at = expires_at(float(data.get("refresh_token_expire_in") or 0), now)
    except (TypeError, ValueError):
        return None
    return Tokens(
        str(data["access_token"]),
        int(access_at),
        str(data.get("refresh_token") or ""),
        int(refresh_at) if refresh_at > now else 0,
        str(data.get("seller_name") or ""),
    )


@dataclass(frozen=True)
class Shop:
    id: str
    cipher: str  # the `shop_cipher` of every shop-scoped call
    name: str


def shop_of(data: Any, wanted_id: str = "") -> Shop | None:
    """The shop `wanted_id` ("" = the first listed) of `GET /authorization/202309/shops`'s
    `data.shops[]{id, name, region, seller_type, cipher, code}`; None when not there."""
    shops = data.get("shops") if isinstance(data, dict) else None
    for shop in shops if isinstance(shops, list) else []:
        if not isinstance(shop, dict) or not shop.get("cipher"):
            continue
        if not wanted_id or str(shop.get("id")) == wanted_id:
            return Shop(str(shop.get("id", "")), str(shop["cipher"]), str(shop.get("name") or ""))
    return None
