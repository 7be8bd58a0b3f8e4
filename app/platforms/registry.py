"""Which adapter speaks to a shop: the one place that names each platform.

Owns `platform_for`, which chooses the `ShopPlatform` (app/platforms/port.py) by the
shop's platform name — "douyin" (the default) or "tiktok" — and the names of what a shop
is reached with (`ShopCredentials` for Douyin, `TikTokCredentials` for TikTok Shop), so the
sync and the desktop never import a platform's package themselves.
"""

from __future__ import annotations

from typing import Any

from app.platforms.douyin.adapter import DouyinPlatform
from app.platforms.douyin.client import PlatformClient, ShopCredentials
from app.platforms.port import ShopPlatform
from app.platforms.tiktok.credentials import TikTokCredentials

DOUYIN = "douyin"
TIKTOK = "tiktok"
PLATFORMS = (DOUYIN, TIKTOK)

__all__ = ["DOUYIN", "PLATFORMS", "TIKTOK", "ShopCredentials", "TikTokCredentials", "connect", "platform_for"]


def connect(credentials: ShopCredentials | TikTokCredentials, platform: str = DOUYIN) -> ShopPlatform:
    """The adapter of `platform` for the shop these credentials reach."""
    if platform == DOUYIN and isinstance(credentials, ShopCredentials):
        return DouyinPlatform(PlatformClient(credentials))
    if platform == TIKTOK and isinstance(credentials, TikTokCredentials):
        # Imported here: a Douyin desk never loads TikTok's parsers.
        from app.platforms.tiktok.adapter import TikTokPlatform
        from app.platforms.tiktok.client import TikTokClient

        return TikTokPlatform(TikTokClient(credentials))
    raise ValueError(f"no adapter for the platform {platform!r} with {type(credentials).__name__}")


def platform_for(shop: Any) -> ShopPlatform:
    """The adapter for `shop` (app/shop.py's ShopTarget): by its `platform`, Douyin when it
    names none; its credentials waited for when it has `wait_credentials()` (the demo
    shop's sandbox may still be starting), else taken from `credentials`."""
    wait = getattr(shop, "wait_credentials", None)
    credentials = wait() if callable(wait) else shop.credentials
    return connect(credentials, getattr(shop, "platform", None) or DOUYIN)
