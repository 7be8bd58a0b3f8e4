"""TikTok Shop (Partner API 202309) behind the port: signing, client, errors, adapter.

`authorise` is the first-run wizard's connection test: it exchanges the seller's
authorization code for tokens and names the shop, raising the port's errors.
"""

from __future__ import annotations

from app.platforms.tiktok.client import TikTokClient
from app.platforms.tiktok.credentials import API_HOST, TikTokCredentials
from app.platforms.tiktok.errors import error_of

__all__ = ["API_HOST", "TikTokCredentials", "authorise"]


def authorise(
    api_base: str,
    app_key: str,
    app_secret: str,
    auth_code: str,
    *,
    auth_base: str | None = None,
    kept: str = "",
) -> tuple[TikTokCredentials, str]:
    """Exchange `auth_code` (single use) for the shop's tokens and read which shop they
    reach: the credentials with tokens, shop id and cipher filled, and the shop's name.

    `kept` is what an earlier attempt got (`error.kept` below): with its tokens the code is
    not exchanged again (it works once) — they are used, and refreshed if need be. Raises
    RetryLater / NotAuthorised / Refused (app.platforms.port) with plain words, carrying
    `kept`: the text of the tokens got before the failure ("" when none), to keep and pass
    back on the next attempt (a clock set right after a refused shops call, say)."""
    credentials = TikTokCredentials(
        api_base=api_base.strip(),
        app_key=app_key.strip(),
        app_secret=app_secret.strip(),
        auth_code=auth_code.strip(),
        auth_base=(auth_base or "").strip(),
    ).with_kept(kept)
    has_tokens = bool(credentials.access_token or credentials.refresh_token)
    client = TikTokClient(credentials)
    try:
        result = client.shops() if has_tokens else client.authorise()
        if not result.ok:
            error = error_of(result)
            got = credentials.access_token or credentials.refresh_token
            error.kept = credentials.kept() if got else ""  # type: ignore[attr-defined]
            raise error
        return credentials, client.shop_name
    finally:
        client.close()
