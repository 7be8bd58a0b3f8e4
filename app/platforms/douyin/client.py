"""The platform client: one signed HTTP call, and what its answer means.

Owns: signing and sending a request in the dialect of PLATFORM-PROTOCOL.md, the
access token's life (create for a self-use app, refresh, one retry after a token
error), and the mapping of every possible answer — network failure, HTTP error,
unreadable body, each envelope code — to one `Outcome` with plain words for people.
It never raises for anything the network or the platform does; callers branch on
`ApiResult.outcome`.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from email.utils import parsedate_to_datetime
from typing import Any, TypedDict

import requests

from app.core.translation import QT_TRANSLATE_NOOP
from app.platforms.douyin import codes, errors
from app.platforms.douyin.signing import SIGN_HMAC_SHA256, canonical_json, path_from_method, sign
from app.platforms.port import (
    PROBLEM_HTTP,
    PROBLEM_NETWORK,
    PROBLEM_REJECTED,
    PROBLEM_TIMEOUT,
    PROBLEM_UNREADABLE,
    Outcome,
)

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 20.0
# Refresh a token this long before it expires, so no call meets an expired one: within its
# last hour a refresh gives a new pair and leaves the old one valid one more hour (the SDK's
# TokenCreateData.AccessToken comment), so a request signed with the old one still passes.
TOKEN_REFRESH_MARGIN_S = 3600
# `expires_in` larger than this is a Unix timestamp (the SDK's comments), not seconds to
# live (how well-used clients read it): no token lives ten years, no timestamp is that small.
EXPIRES_IN_TIMESTAMP_ABOVE_S = 10 * 365 * 86400
TOKEN_METHODS = ("token.create", "token.refresh")


# The generic problems are the port's (any platform meets them); the envelope's errors and
# their words are errors.py's; this one is the client's own.
PROBLEM_WRONG_GATEWAY = QT_TRANSLATE_NOOP(
    "sync", "The gateway address does not lead to the platform's API. Check the gateway URL."
)


class _Envelope(TypedDict):
    """What every answer's envelope says, whatever its outcome (ApiResult's fields of the same names)."""

    code: int
    sub_code: str
    platform_message: str
    log_id: str


@dataclass(frozen=True)
class ApiResult:
    outcome: Outcome
    data: Any = None
    code: int | None = None
    sub_code: str = ""
    platform_message: str = ""  # the platform's own words (msg / sub_msg)
    problem: str = ""  # plain words for people, empty when DONE
    log_id: str = ""
    # True when the request may have reached the platform although no answer was read;
    # a write must then be checked by re-reading before it is sent again.
    maybe_applied: bool = False
    rate_limited: bool = False
    # The platform's clock when it answered (Unix s, from the HTTP Date header), if it said.
    answered_at: int | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.DONE

    def describe(self) -> str:
        """One line for logs: never contains secrets or tokens."""
        words = f" ({self.platform_message})" if self.platform_message else ""
        return f"{self.outcome.value}: {self.problem or 'ok'} code={self.code} {self.sub_code}{words}"


@dataclass
class Tokens:
    access_token: str = ""
    refresh_token: str = ""
    expires_at: float = 0.0
    shop_name: str = ""


@dataclass
class ShopCredentials:
    gateway: str
    app_key: str
    app_secret: str = field(repr=False)
    shop_id: str
    sign_method: str = SIGN_HMAC_SHA256


class PlatformClient:
    """Calls the platform for one shop. Thread-safe: one call at a time per client."""

    def __init__(
        self,
        credentials: ShopCredentials,
        *,
        session: requests.Session | None = None,
        clock: Callable[[], float] = time.time,
        timeouts: tuple[float, float] = (CONNECT_TIMEOUT_S, READ_TIMEOUT_S),
    ) -> None:
        self.credentials = credentials
        self._http = session or requests.Session()
        self._clock = clock
        self._timeouts = timeouts
        self._tokens = Tokens()
        self._lock = threading.RLock()

    @property
    def shop_name(self) -> str:
        return self._tokens.shop_name

    def close(self) -> None:
        self._http.close()

    def call(self, method: str, params: dict[str, Any] | None = None) -> ApiResult:
        """Send one business call; renews the token first when needed and once after a token error."""
        with self._lock:
            token_result = self._ensure_token()
            if not token_result.ok:
                return replace(token_result, maybe_applied=False)  # the call itself was never sent
            result = self._send(method, params or {}, self._tokens.access_token)
            if result.sub_code in errors.TOKEN_SUB_CODES:
                # Refused at the door, so never applied: renew once and send it again. A
                # token refused again keeps its words (classify_response): a person must act.
                log.info("token refused by the platform (%s); renewing once", result.sub_code)
                self._tokens.expires_at = 0.0
                token_result = self._ensure_token(
                    force_create=result.sub_code in errors.CREATE_AFRESH_SUB_CODES
                )
                if not token_result.ok:
                    return replace(token_result, maybe_applied=False)
                result = self._send(method, params or {}, self._tokens.access_token)
            return result

    def create_token(self) -> ApiResult:
        """`token.create` for a self-use app; also the connection test of a shop's credentials."""
        with self._lock:
            return self._ensure_token(force_create=True)

    # --- tokens ------------------------------------------------------------------
    def _ensure_token(self, force_create: bool = False) -> ApiResult:
        """A usable access token: the one kept, else refreshed, else created anew.

        The platform (SDK `TokenCreateData.AccessToken`): a refresh earlier than an hour
        before expiry gives the same pair back; within the last hour a new pair, the old one
        valid one more hour; after expiry a new pair, the old one dead at once. A refresh
        token that is dead or unknown (50001 `dop.token-generate-failed:*`) leaves a self-use
        app one way: `token.create`, which needs no person while the shop's authorisation
        stands; when that fails too, its words say what the person must do (errors.py).
        """
        now = self._clock()
        if (
            not force_create
            and self._tokens.access_token
            and now < self._tokens.expires_at - TOKEN_REFRESH_MARGIN_S
        ):
            return ApiResult(Outcome.DONE)
        if not force_create and self._tokens.refresh_token:
            result = self._send(
                "token.refresh",
                {"grant_type": "refresh_token", "refresh_token": self._tokens.refresh_token},
                "",
            )
            if result.ok and self._store_tokens(result.data, now):
                return result
            if result.outcome is Outcome.RETRY:
                return result
            log.info("token refresh refused (%s); creating a new token", result.describe())
        result = self._send(
            "token.create",
            {"grant_type": "authorization_self", "code": "", "shop_id": self.credentials.shop_id},
            "",
        )
        if result.ok and not self._store_tokens(result.data, now):
            return ApiResult(Outcome.RETRY, problem=PROBLEM_UNREADABLE, code=result.code)
        return result

    def _store_tokens(self, data: Any, now: float) -> bool:
        if not isinstance(data, dict) or not data.get("access_token"):
            return False
        try:
            expires_in = float(data.get("expires_in", 0))
        except (TypeError, ValueError):
            return False
        self._tokens = Tokens(
            access_token=str(data["access_token"]),
            refresh_token=str(data.get("refresh_token", "")),
            expires_at=expires_at(expires_in, now),
            shop_name=str(data.get("shop_name", "")),
        )
        return True

    # --- the wire ----------------------------------------------------------------
    def _send(self, method: str, params: dict[str, Any], access_token: str) -> ApiResult:
        creds = self.credentials
        param_json = canonical_json(params)
        timestamp = str(int(self._clock()))
        query = {
            "app_key": creds.app_key,
            "method": method,
            "access_token": access_token,
            "timestamp": timestamp,
            "v": "2",
            "sign_method": creds.sign_method,
            "sign": sign(creds.app_secret, creds.app_key, method, param_json, timestamp, creds.sign_method),
        }
        url = creds.gateway.rstrip("/") + path_from_method(method)
        try:
            response = self._http.post(
                url,
                params=query,
                data=param_json.encode("utf-8"),
                headers={"Content-Type": "application/json;charset=utf-8"},
                timeout=self._timeouts,
            )
        except requests.Timeout:
            return ApiResult(Outcome.RETRY, problem=PROBLEM_TIMEOUT, maybe_applied=True)
        except requests.RequestException as error:
            log.info("%s: network error %s", method, type(error).__name__)
            return ApiResult(Outcome.RETRY, problem=PROBLEM_NETWORK, maybe_applied=True)
        result = classify_response(method, response.status_code, response.content)
        return replace(result, answered_at=answer_time(response.headers))


def answer_time(headers: Mapping[str, str]) -> int | None:
    """The answer's HTTP `Date` as Unix seconds; None when absent or unreadable."""
    try:
        return int(parsedate_to_datetime(headers["Date"]).timestamp())
    except (KeyError, TypeError, ValueError, IndexError, OverflowError):
        return None


def classify_response(method: str, http_status: int, body: bytes) -> ApiResult:
    """Map one HTTP answer to an outcome; public so every branch can be tested directly."""
    if http_status >= 500:
        return ApiResult(Outcome.RETRY, problem=PROBLEM_HTTP, code=http_status, maybe_applied=True)
    if http_status != 200:
        return ApiResult(Outcome.CONFIG_ERROR, problem=PROBLEM_WRONG_GATEWAY, code=http_status)
    try:
        envelope = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        # RecursionError: nested deeper than the parser follows (a broken or hostile answer).
        return ApiResult(Outcome.RETRY, problem=PROBLEM_UNREADABLE, maybe_applied=True)
    code = envelope.get("code", envelope.get("err_no")) if isinstance(envelope, dict) else None
    if not isinstance(code, int):
        return ApiResult(Outcome.RETRY, problem=PROBLEM_UNREADABLE, maybe_applied=True)

    code = errors.CODE_SUCCESS if code == 0 else code  # older servers: err_no 0
    sub_code = str(envelope.get("sub_code") or "")
    words = str(envelope.get("sub_msg") or envelope.get("msg") or envelope.get("message") or "")
    common: _Envelope = {
        "code": code,
        "sub_code": sub_code,
        "platform_message": words,
        "log_id": str(envelope.get("log_id", "")),
    }

    if code == errors.CODE_SUCCESS:
        return ApiResult(Outcome.DONE, data=envelope.get("data"), **common)
    platform_words = " ".join(str(envelope.get(name) or "") for name in ("msg", "sub_msg", "message"))
    meaning = errors.meaning(code, sub_code, platform_words)
    if meaning is not None:
        return ApiResult(
            meaning.outcome,
            problem=meaning.problem,
            rate_limited=code == errors.CODE_RATE_LIMITED,
            maybe_applied=meaning.maybe_applied,
            **common,
        )
    # 40002/40004 bad request, 50002 business refusal, and any code we do not know:
    # sending the same request again would get the same answer.
    problem = codes.refusal_problem(method, sub_code) or PROBLEM_REJECTED
    return ApiResult(Outcome.REJECTED, problem=problem, **common)


def expires_at(expires_in: float, now: float) -> float:
    """When a token expires (Unix s) from its answer's `expires_in`, read either way the
    record allows: seconds to live, or a Unix timestamp (docs/platforms/douyin.md)."""
    return expires_in if expires_in > EXPIRES_IN_TIMESTAMP_ABOVE_S else now + expires_in
