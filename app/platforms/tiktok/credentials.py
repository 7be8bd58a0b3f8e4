"""What a TikTok Shop is reached with, and what of it must be kept between runs.

Owns `TikTokCredentials`: the app's key and secret, the seller's one-time authorization
code, the shop chosen among those the authorisation reaches (its id and `shop_cipher`),
the access and refresh tokens with their expiry, and where the API and the auth service
are. `kept()` is the text the keyring keeps (tokens, expiries, the shop's id and cipher:
the code is single-use and the secret is kept on its own), `with_kept()` puts it back.

Hosts (EcomPHP/tiktokshop-php src/Client.php `base_uri`, src/Auth.php `authHost`): the
API at https://open-api.tiktokglobalshop.com, the token service at
https://auth.tiktok-shops.com. A sandbox serves both on its one loopback address, so
any other API base is its own auth base.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

API_HOST = "https://open-api.tiktokglobalshop.com"
AUTH_HOST = "https://auth.tiktok-shops.com"

_KEPT_FIELDS = (
    "access_token",
    "access_expires_at",
    "refresh_token",
    "refresh_expires_at",
    "shop_id",
    "shop_cipher",
)


@dataclass
class TikTokCredentials:
    api_base: str  # API_HOST, or a sandbox's URL
    app_key: str
    app_secret: str = field(repr=False)
    auth_code: str = field(default="", repr=False)  # single use: exchanged when no token is kept
    shop_id: str = ""  # the authorised shop this desk works for ("" = the first one listed)
    shop_cipher: str = ""  # asked for when "" (GET /authorization/202309/shops)
    access_token: str = field(default="", repr=False)
    access_expires_at: int = 0  # Unix s
    refresh_token: str = field(default="", repr=False)
    refresh_expires_at: int = 0  # Unix s
    auth_base: str = ""  # "" = AUTH_HOST for the official API host, else the API base itself
    # Called with `kept()` whenever the client got new tokens or learnt the shop's cipher, so
    # the caller can persist them (a refresh may rotate the refresh token).
    on_tokens: Callable[[str], None] | None = field(default=None, repr=False, compare=False)
    # Gives the kept text as it is now (the keyring's), when another process of this shop (the
    # desk, its sync) may have renewed the tokens meanwhile: asked before calling them dead.
    reload_kept: Callable[[], str | None] | None = field(default=None, repr=False, compare=False)

    @property
    def gateway(self) -> str:
        """The API base, by the name Douyin's credentials give it (logs, the sync's command line)."""
        return self.api_base

    @property
    def token_base(self) -> str:
        """Where /api/v2/token/get and /refresh are asked."""
        if self.auth_base:
            return self.auth_base.rstrip("/")
        api = self.api_base.rstrip("/")
        return AUTH_HOST if api == API_HOST else api

    def kept(self) -> str:
        """The text to keep secret between runs (JSON): tokens, their expiry, the shop."""
        return json.dumps({name: getattr(self, name) for name in _KEPT_FIELDS}, sort_keys=True)

    def with_kept(self, text: str | None) -> TikTokCredentials:
        """These credentials with what `kept()` gave applied; unreadable text changes nothing
        (the auth code, or a person authorising again, is then the way back)."""
        try:
            values: Any = json.loads(text or "")
        except ValueError:
            return self
        if not isinstance(values, dict):
            return self
        changes: dict[str, Any] = {}
        for name in _KEPT_FIELDS:  # what the text does not hold (or holds empty) stays as it is
            value = values.get(name)
            if name.endswith("_at"):
                if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                    changes[name] = value
            elif isinstance(value, str) and value:
                changes[name] = value
        return replace(self, **changes)

    def take_kept(self, text: str | None) -> bool:
        """Apply kept text to these credentials in place; whether it changed their tokens."""
        fresh = self.with_kept(text)
        changed = (fresh.access_token, fresh.refresh_token) != (self.access_token, self.refresh_token)
        for name in _KEPT_FIELDS:
            setattr(self, name, getattr(fresh, name))
        return changed
