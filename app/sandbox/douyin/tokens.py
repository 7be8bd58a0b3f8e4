"""Tokens (PLATFORM-PROTOCOL.md §3): `token.create`, `token.refresh` and the access check.

Owns token lifetimes on the simulation clock (so tests expire them by advancing it):
7-day access tokens, 14-day refresh tokens (SDK `TokenCreateData.RefreshToken` "有效期：14
天"), and what a refresh does, as the SDK's `TokenCreateData.AccessToken` comment says:
earlier than an hour before expiry it gives the same pair back, validity unchanged; within
the last hour a new pair, the old one valid one more hour; after expiry a new pair, the old
one dead at once. A refresh token that is dead or unknown answers 50001
`dop.token-generate-failed:token-expired` / `:token-invalid` (tb07), an empty access token
40001 `isv.access-token-missing`. Ours: `expires_in` is sent as seconds to live (the record
is unclear: docs/platforms/douyin.md), and a refresh with the old pair in its last hour,
once renewed, answers the current pair.
"""

from __future__ import annotations

import uuid
from typing import Any

from app.sandbox.clock import DAY, HOUR
from app.sandbox.douyin import codes
from app.sandbox.douyin.dialect import ApiError, invalid, refusal
from app.sandbox.douyin.params import Context, str_param

ACCESS_TTL_S = 7 * DAY
REFRESH_TTL_S = 14 * DAY
RENEW_WINDOW_S = HOUR  # refreshing earlier than this before expiry returns the same tokens
OLD_TOKEN_GRACE_S = HOUR


def _token_data(ctx: Context, token: dict[str, Any], now: int) -> dict[str, Any]:
    return {
        "access_token": token["access_token"],
        "expires_in": max(0, token["expires_at"] - now),
        "refresh_token": token["refresh_token"],
        "scope": "SCOPE",
        "shop_id": int(ctx.shop_id) if ctx.shop_id.isdigit() else ctx.shop_id,  # int64 in the record
        "shop_name": ctx.shop_name,
        "authority_id": "",
        "auth_subject_type": "MiniShop",
    }


def _issue(ctx: Context, app_key: str, now: int, previous: dict[str, Any] | None) -> dict[str, Any]:
    if previous is not None:
        if previous["expires_at"] > now:
            # Renewed in its last hour: the old pair stays usable one more hour, so requests
            # already signed with it (another workstation's, say) do not fail.
            previous["expires_at"] = now + OLD_TOKEN_GRACE_S
            previous["refresh_expires_at"] = min(previous["refresh_expires_at"], now + OLD_TOKEN_GRACE_S)
        else:
            previous["refresh_expires_at"] = min(previous["refresh_expires_at"], now)  # dead at once
        ctx.store.save_token(previous)
    token = {
        "access_token": str(uuid.uuid4()),
        "refresh_token": str(uuid.uuid4()),
        "app_key": app_key,
        "shop_id": ctx.shop_id,
        "expires_at": now + ACCESS_TTL_S,
        "refresh_expires_at": now + REFRESH_TTL_S,
        "issued_at": now,
    }
    ctx.store.save_token(token)
    return token


def token_create(ctx: Context, app_key: str, params: dict[str, Any]) -> Any:
    if str_param(params, "grant_type") != "authorization_self":
        raise invalid("grant_type 必须是 authorization_self")
    shop_id = str(params.get("shop_id") or ctx.shop_id)
    if shop_id != ctx.shop_id:
        raise ApiError(
            codes.CODE_AUTHORIZATION_MISSING, codes.SUB_AUTHORIZATION_MISSING, f"店铺 {shop_id} 未授权该应用"
        )
    now = ctx.clock.now()
    with ctx.store.transaction():
        token = ctx.store.newest_token(app_key, ctx.shop_id)
        if token is None or token["expires_at"] - now <= RENEW_WINDOW_S:
            token = _issue(ctx, app_key, now, token)
        return _token_data(ctx, token, now)


def token_refresh(ctx: Context, app_key: str, params: dict[str, Any]) -> Any:
    if str_param(params, "grant_type") != "refresh_token":
        raise invalid("grant_type 必须是 refresh_token")
    refresh_token = str_param(params, "refresh_token")
    now = ctx.clock.now()
    with ctx.store.transaction():
        token = ctx.store.token("refresh_token", refresh_token)
        if token is None or token["app_key"] != app_key:
            raise refusal(codes.CODE_TOKEN_FAILED, f"{codes.SUB_TOKEN_FAILED}:token-invalid")
        if token["refresh_expires_at"] <= now:
            raise refusal(codes.CODE_TOKEN_FAILED, f"{codes.SUB_TOKEN_FAILED}:token-expired")
        newest = ctx.store.newest_token(app_key, token["shop_id"])
        if newest is not None and newest["access_token"] != token["access_token"]:
            return _token_data(ctx, newest, now)  # ours: already renewed, the current pair
        if token["expires_at"] - now <= RENEW_WINDOW_S:  # in its last hour, or expired
            token = _issue(ctx, app_key, now, token)
        return _token_data(ctx, token, now)


def check_access_token(ctx: Context, app_key: str, access_token: str) -> None:
    if not access_token:
        raise refusal(codes.CODE_PLATFORM_PARAMETER_MISSING, codes.SUB_TOKEN_MISSING)
    token = ctx.store.token("access_token", access_token)
    if token is None or token["app_key"] != app_key:
        raise ApiError(codes.CODE_AUTH_ERROR, codes.SUB_TOKEN_UNKNOWN, "access_token 不存在")
    if token["expires_at"] <= ctx.clock.now():
        raise ApiError(codes.CODE_AUTH_ERROR, codes.SUB_TOKEN_EXPIRED, "access_token 已过期")


# --- orders (§4) --------------------------------------------------------------------------
