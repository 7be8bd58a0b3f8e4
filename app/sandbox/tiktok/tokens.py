"""Tokens of the TikTok dialect: the auth host's `token/get` and `token/refresh`, and the access check.

Owns exchanging the seller's authorisation code for a token pair, refreshing it, and
checking the `x-tts-access-token` header of every API call; lifetimes run on the
simulation clock (tests expire a token by advancing it).

Public record: EcomPHP/tiktokshop-php src/Auth.php `getToken` / `refreshNewToken` —
`GET /api/v2/token/get?app_key&app_secret&auth_code&grant_type=authorized_code` and
`GET /api/v2/token/refresh?app_key&app_secret&refresh_token&grant_type=refresh_token` on the
auth host, success told by `code === 0`; the answer's fields (access_token,
access_token_expire_in, refresh_token, refresh_token_expire_in, open_id, seller_name,
seller_base_region, user_type, granted_scopes) as in david-yappeter/go-tiktok response.go
`AccessTokenResponse` and /work/shared/design/TIKTOK-PROTOCOL.md. `*_expire_in` are the
instants of expiry in Unix seconds (the official page's example gives a timestamp); the
lifetimes (7 days access, 365 days refresh) are the commonly reported ones
(openlinker-project/openlinker issue #2882: read them off the answer, never assume them).
An authorisation code "expires in 30 minutes and can be used only once" (Partner Center
guide authorization-guide-202309, https://partner.tiktokshop.com/docv2/page/678e3a2dbd083702fd17455c):
a second exchange, or one later than that, is refused with 36004004. The seller hands the
code over when the shop is made (reset) or its store starts, so the half hour runs from the
later of the two, on the simulation clock.

A refresh gives a new access token and the same refresh token with its expiry unchanged,
as the guide's refresh sample shows (docs' tests/contract/tiktok/token.refresh.answer.json).
Ours: the new access token replaces the old one at once; a refresh whose answer was lost
costs the client nothing, since the refresh token it holds still refreshes.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any

from app.sandbox.clock import DAY
from app.sandbox.tiktok import errors
from app.sandbox.tiktok.context import REGION, Context

ACCESS_TTL_S = 7 * DAY
REFRESH_TTL_S = 365 * DAY
GRANTED_SCOPES = (
    "seller.authorization.info",
    "seller.order.info",
    "seller.return_refund.basic",
    "seller.fulfillment.basic",
)
USER_TYPE_SELLER = 0
AUTH_CODE_TTL_S = 30 * 60
_USED_CODES = "auth_codes_used"  # store meta: the codes already exchanged (cleared with the shop)
ISSUED_META = "auth_code_issued_at"  # store meta: when the shop was made (its code handed over)


def _app(query: Mapping[str, str], secrets_by_key: Mapping[str, str]) -> str:
    app_key = query.get("app_key", "")
    if app_key not in secrets_by_key:
        raise errors.app_key_invalid()
    given = query.get("app_secret", "")
    if not secrets.compare_digest(given.encode(), secrets_by_key[app_key].encode()):
        raise errors.app_secret_invalid()
    return app_key


def _new_token(prefix: str) -> str:
    return f"{prefix}{secrets.token_urlsafe(30)}"


def _answer(ctx: Context, token: dict[str, Any]) -> dict[str, Any]:
    return {
        "access_token": token["access_token"],
        "access_token_expire_in": token["expires_at"],
        "refresh_token": token["refresh_token"],
        "refresh_token_expire_in": token["refresh_expires_at"],
        "open_id": "sandbox-" + ctx.shop_id,
        "seller_name": ctx.shop_name,
        "seller_base_region": REGION,
        "user_type": USER_TYPE_SELLER,
        "granted_scopes": list(GRANTED_SCOPES),
    }


def _issue(
    ctx: Context, app_key: str, now: int, refresh_token: str, refresh_expires_at: int
) -> dict[str, Any]:
    token = {
        "access_token": _new_token("TTP_"),
        "refresh_token": refresh_token,
        "app_key": app_key,
        "shop_id": ctx.shop_id,
        "expires_at": now + ACCESS_TTL_S,
        "refresh_expires_at": refresh_expires_at,
        "issued_at": now,
    }
    ctx.store.save_token(token)
    return token


def token_get(
    ctx: Context, query: Mapping[str, str], secrets_by_key: Mapping[str, str], auth_code: str
) -> Any:
    app_key = _app(query, secrets_by_key)
    if query.get("grant_type") != "authorized_code":
        raise errors.invalid("`grant_type` must be authorized_code.", errors.CODE_REFUSED)
    code = query.get("auth_code", "")
    now = ctx.clock.now()
    with ctx.store.transaction():
        used = list(ctx.store.meta(_USED_CODES, []) or [])
        issued = max(int(ctx.store.meta(ISSUED_META, 0) or 0), ctx.started_at)
        if (
            not code
            or not auth_code
            or not secrets.compare_digest(code.encode(), auth_code.encode())
            or code in used
            or now > issued + AUTH_CODE_TTL_S
        ):
            raise errors.auth_code_invalid()
        ctx.store.set_meta(_USED_CODES, [*used, code])
        return _answer(ctx, _issue(ctx, app_key, now, _new_token("TTP_"), now + REFRESH_TTL_S))


def token_refresh(ctx: Context, query: Mapping[str, str], secrets_by_key: Mapping[str, str]) -> Any:
    app_key = _app(query, secrets_by_key)
    if query.get("grant_type") != "refresh_token":
        raise errors.invalid("`grant_type` must be refresh_token.", errors.CODE_REFUSED)
    now = ctx.clock.now()
    with ctx.store.transaction():
        old = ctx.store.token("refresh_token", query.get("refresh_token", ""))
        if old is None or old["app_key"] != app_key:
            raise errors.auth_record_missing()
        if old["refresh_expires_at"] <= now:
            raise errors.refresh_token_expired()
        return _answer(ctx, _issue(ctx, app_key, now, old["refresh_token"], int(old["refresh_expires_at"])))


def check_access_token(ctx: Context, app_key: str, access_token: str) -> None:
    if not access_token:
        raise errors.access_token_invalid()
    token = ctx.store.token("access_token", access_token)
    if token is None or token["app_key"] != app_key or token["shop_id"] != ctx.shop_id:
        raise errors.access_token_invalid()
    if token["expires_at"] <= ctx.clock.now():
        raise errors.access_token_expired()
