"""The TikTok Shop client: one signed HTTP call, the tokens' life, and what an answer means.

Owns sending a request as the Partner API (version 202309) takes it — the common query
(`app_key`, `timestamp`, `sign`, and `shop_cipher` on a shop's paths), the token in the
`x-tts-access-token` header, a JSON body — and reading its answer into one `ApiResult`
(errors.py says what an error means). It keeps the shop's tokens: the authorization code
exchanged once (`/api/v2/token/get`), the access token refreshed (`/api/v2/token/refresh`)
before it expires and once more after the platform calls it expired, every new pair
handed to `credentials.on_tokens` to be kept; and the shop's cipher, asked for once
(`GET /authorization/202309/shops`). It never raises for anything the network or the
platform does: callers branch on `ApiResult.outcome`.

Sources (docs/platforms/tiktok.md): EcomPHP/tiktokshop-php src/Client.php
(`modifyRequestBeforeSend`: query, header, content type, which paths take no shop_cipher),
src/Auth.php (the token service's two calls and their query); hsib19/tiktok-shop-sdk
packages/sdk/src/client/Request.ts and AuthRequest.ts.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

import requests

from app.platforms.port import PROBLEM_NETWORK, PROBLEM_TIMEOUT, PROBLEM_UNREADABLE, Outcome
from app.platforms.tiktok import errors
from app.platforms.tiktok.answers import (
    ApiResult,
    answer_time,
    classify_response,
    envelope_of,
    failed,
    read_tokens,
    shop_of,
)
from app.platforms.tiktok.credentials import TikTokCredentials
from app.platforms.tiktok.signing import sign

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 20.0
# Renew the access token this long before it expires, so no call meets an expired one.
TOKEN_REFRESH_MARGIN_S = 600

TOKEN_GET_PATH = "/api/v2/token/get"
TOKEN_REFRESH_PATH = "/api/v2/token/refresh"
SHOPS_PATH = "/authorization/202309/shops"
# Paths that take no shop_cipher (EcomPHP src/Client.php modifyRequestBeforeSend): the
# seller's authorisation and account, and the product images and files upload.
_NO_CIPHER = re.compile(r"^/(authorization|seller)/\d{6}/|^/product/\d{6}/(images|files)/upload")


class TikTokClient:
    """Calls TikTok Shop for one shop. Thread-safe: one call at a time per client."""

    def __init__(
        self,
        credentials: TikTokCredentials,
        *,
        session: requests.Session | None = None,
        clock: Callable[[], float] = time.time,
        timeouts: tuple[float, float] = (CONNECT_TIMEOUT_S, READ_TIMEOUT_S),
    ) -> None:
        self.credentials = credentials
        self.shop_name = ""
        self._http = session or requests.Session()
        self._clock = clock
        self._timeouts = timeouts
        self._lock = threading.RLock()

    def close(self) -> None:
        self._http.close()

    # --- business calls -----------------------------------------------------------------
    def call(
        self,
        method: str,
        path: str,
        *,
        query: Mapping[str, str] | None = None,
        body: Any = None,
        files: Mapping[str, Any] | None = None,
    ) -> ApiResult:
        """One API call (`body` sent as JSON, or `files` as multipart/form-data); the token
        renewed first when due, and once more after the platform refused it as expired."""

        def attempt() -> ApiResult:
            ready = self._ready(path)
            if not ready.ok:
                return replace(ready, maybe_applied=False)  # the call itself was never sent
            return self._send(method, path, query or {}, body, files)

        with self._lock:
            return self._once_more_after_renewal(attempt)

    def shops(self) -> ApiResult:
        """The authorised shops (`data.shops[]`); learns this shop's id, cipher and name."""
        with self._lock:
            return self._once_more_after_renewal(self._shops)

    def _shops(self) -> ApiResult:
        token = self._ensure_token()
        return self._learn_shop() if token.ok else token

    def _once_more_after_renewal(self, step: Callable[[], ApiResult]) -> ApiResult:
        """`step`, and once more after renewing the token if the platform refused it: refused
        at the door, so never applied. A token refused again keeps its words (a person acts)."""
        result = step()
        if not result.token_refused:
            return result
        log.info("access token refused (%s); renewing once", result.code)
        renewed = self._renew(force=True)
        return step() if renewed.ok else replace(renewed, maybe_applied=False)

    def authorise(self) -> ApiResult:
        """Exchange the authorization code (whatever is kept) and read the shop: the wizard's
        connection test. DONE with the shops answer, or why not."""
        with self._lock:
            exchanged = self._exchange_code()
            if not exchanged.ok:
                return exchanged
            return self._learn_shop()

    def download(self, url: str) -> tuple[ApiResult, bytes]:
        """A plain GET of a document the platform pointed to (a label's `doc_url`)."""
        try:
            response = self._http.get(url, timeout=self._timeouts)
        except requests.Timeout:
            return ApiResult(Outcome.RETRY, problem=PROBLEM_TIMEOUT), b""
        except requests.RequestException as error:
            log.info("download: network error %s", type(error).__name__)
            return ApiResult(Outcome.RETRY, problem=PROBLEM_NETWORK), b""
        if response.status_code != 200 or not response.content:
            unreadable = errors.Meaning(Outcome.RETRY, PROBLEM_UNREADABLE)
            meaning = errors.by_status(response.status_code) or unreadable
            return failed(meaning, code=response.status_code, http_status=response.status_code), b""
        return ApiResult(Outcome.DONE, http_status=200), response.content

    # --- the shop -------------------------------------------------------------------------
    def _ready(self, path: str) -> ApiResult:
        token = self._ensure_token()
        if not token.ok or self.credentials.shop_cipher or _NO_CIPHER.match(path):
            return token
        return self._learn_shop()

    def _learn_shop(self) -> ApiResult:
        result = self._send("GET", SHOPS_PATH, {}, None, None)
        if not result.ok:
            return result
        if not isinstance(result.data, dict) or not isinstance(result.data.get("shops"), list):
            return ApiResult(Outcome.RETRY, problem=PROBLEM_UNREADABLE, http_status=result.http_status)
        shop = shop_of(result.data, self.credentials.shop_id)
        if shop is None:
            return ApiResult(
                Outcome.CONFIG_ERROR, problem=errors.PROBLEM_NO_SHOP, http_status=result.http_status
            )
        creds = self.credentials
        if (creds.shop_id, creds.shop_cipher) != (shop.id, shop.cipher):
            creds.shop_id, creds.shop_cipher = shop.id, shop.cipher
            self._kept_changed()
        self.shop_name = shop.name or self.shop_name
        return result

    # --- tokens ---------------------------------------------------------------------------
    def _ensure_token(self) -> ApiResult:
        if self._token_fresh():
            return ApiResult(Outcome.DONE)
        return self._renew(force=False)

    def _renew(self, *, force: bool) -> ApiResult:
        """A new access token: refreshed while the refresh token lives, else from the
        authorization code if one is kept (it works once), else a person must authorise."""
        creds = self.credentials
        if force and self._reloaded() and self._token_fresh():
            return ApiResult(Outcome.DONE)  # another process of this shop renewed it meanwhile
        if self._refresh_alive():
            result = self._refresh()
            if not result.ok and result.outcome is not Outcome.RETRY and self._reloaded():
                result = ApiResult(Outcome.DONE) if self._token_fresh() else self._refresh()
            if result.ok or result.outcome is Outcome.RETRY or not creds.auth_code:
                return result
            log.info("token refresh refused (%s); exchanging the authorization code", result.describe())
        if creds.auth_code:
            return self._exchange_code()
        if force or creds.refresh_token:
            return ApiResult(Outcome.CONFIG_ERROR, problem=errors.PROBLEM_REAUTHORISE)
        return ApiResult(Outcome.CONFIG_ERROR, problem=errors.PROBLEM_NO_AUTH_CODE)

    def _token_fresh(self) -> bool:
        creds = self.credentials
        return bool(creds.access_token) and self._clock() < creds.access_expires_at - TOKEN_REFRESH_MARGIN_S

    def _refresh_alive(self) -> bool:
        creds = self.credentials
        return bool(creds.refresh_token) and (
            not creds.refresh_expires_at or self._clock() < creds.refresh_expires_at
        )

    def _refresh(self) -> ApiResult:
        params = {"refresh_token": self.credentials.refresh_token, "grant_type": "refresh_token"}
        return self._token_service(TOKEN_REFRESH_PATH, params)

    def _reloaded(self) -> bool:
        """Whether the kept tokens, read again, differ from these (renewed by another process
        of this shop): then they are taken."""
        reload = self.credentials.reload_kept
        if reload is None:
            return False
        try:
            text = reload()
        except Exception:  # reading the keyring is the caller's; its failure changes nothing here
            log.exception("reading the kept TikTok tokens failed")
            return False
        return self.credentials.take_kept(text)

    def _exchange_code(self) -> ApiResult:
        creds = self.credentials
        if not creds.auth_code:
            return ApiResult(Outcome.CONFIG_ERROR, problem=errors.PROBLEM_NO_AUTH_CODE)
        params = {"auth_code": creds.auth_code, "grant_type": "authorized_code"}
        result = self._token_service(TOKEN_GET_PATH, params)
        if result.ok:
            creds.auth_code = ""  # used: it works once
        return result

    def _token_service(self, path: str, params: dict[str, str]) -> ApiResult:
        """GET the token service (EcomPHP src/Auth.php): app_key and app_secret in the query,
        unsigned; stores the pair it answers."""
        creds = self.credentials
        query = {"app_key": creds.app_key, "app_secret": creds.app_secret, **params}
        refreshing = path == TOKEN_REFRESH_PATH
        try:
            response = self._http.get(creds.token_base + path, params=query, timeout=self._timeouts)
        except requests.Timeout:
            return ApiResult(Outcome.RETRY, problem=PROBLEM_TIMEOUT)
        except requests.RequestException as error:
            log.info("%s: network error %s", path, type(error).__name__)
            return ApiResult(Outcome.RETRY, problem=PROBLEM_NETWORK)
        envelope = envelope_of(response.content)
        code = envelope.get("code") if envelope is not None else None
        words = str(envelope.get("message") or "") if envelope is not None else ""
        common: dict[str, Any] = {
            "platform_message": words,
            "request_id": str((envelope or {}).get("request_id") or ""),
            "http_status": response.status_code,
            "answered_at": answer_time(response.headers),
        }
        if response.status_code == 200 and code == errors.CODE_SUCCESS:
            if self._store_tokens(envelope.get("data") if envelope else None):
                return ApiResult(Outcome.DONE, code=0, **common)
            return ApiResult(Outcome.RETRY, problem=PROBLEM_UNREADABLE, **common)
        if not isinstance(code, int) and response.status_code == 200:
            return ApiResult(Outcome.RETRY, problem=PROBLEM_UNREADABLE, **common)
        meaning = errors.token_service_meaning(
            response.status_code, code if isinstance(code, int) else 0, words, refreshing=refreshing
        )
        return failed(meaning, code=code if isinstance(code, int) else response.status_code, **common)

    def _store_tokens(self, data: Any) -> bool:
        tokens = read_tokens(data, self._clock())
        if tokens is None:
            return False
        creds = self.credentials
        creds.access_token, creds.access_expires_at = tokens.access_token, tokens.access_expires_at
        creds.refresh_token = tokens.refresh_token or creds.refresh_token
        creds.refresh_expires_at = tokens.refresh_expires_at
        self.shop_name = self.shop_name or tokens.seller_name
        self._kept_changed()
        return True

    def _kept_changed(self) -> None:
        if self.credentials.on_tokens is not None:
            try:
                self.credentials.on_tokens(self.credentials.kept())
            except Exception:  # keeping them is the caller's; a failure must not fail the call
                log.exception("keeping the TikTok tokens failed")

    # --- the wire -------------------------------------------------------------------------
    def _send(
        self,
        method: str,
        path: str,
        params: Mapping[str, str],
        body: Any,
        files: Mapping[str, Any] | None,
    ) -> ApiResult:
        creds = self.credentials
        query = {**params, "app_key": creds.app_key, "timestamp": str(int(self._clock()))}
        if creds.shop_cipher and not _NO_CIPHER.match(path):
            query["shop_cipher"] = creds.shop_cipher
        headers = {"x-tts-access-token": creds.access_token}
        payload = b""
        if files is None:
            headers["content-type"] = "application/json"
            if body is not None:
                payload = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        # A multipart body is not signed (its boundary is the HTTP library's).
        query["sign"] = sign(creds.app_secret, path, query, payload)
        try:
            response = self._http.request(
                method,
                creds.api_base.rstrip("/") + path,
                params=query,
                data=payload if files is None and payload else None,
                files=dict(files) if files is not None else None,
                headers=headers,
                timeout=self._timeouts,
            )
        except requests.Timeout:
            return ApiResult(Outcome.RETRY, problem=PROBLEM_TIMEOUT, maybe_applied=True)
        except requests.RequestException as error:
            log.info("%s %s: network error %s", method, path, type(error).__name__)
            return ApiResult(Outcome.RETRY, problem=PROBLEM_NETWORK, maybe_applied=True)
        result = classify_response(response.status_code, response.content)
        return replace(result, answered_at=answer_time(response.headers))
