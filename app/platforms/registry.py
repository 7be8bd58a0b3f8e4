"""Which adapter speaks to a shop: the one place that names each platform.

Owns `platform_for`, which chooses the `ShopPlatform` (app/platforms/port.py) by the
shop's platform name — "douyin", the only one today and the default — and the names of
what a shop is reached with (`ShopCredentials`), so the sync and the desktop never
import a platform's package themselves. A second platform adds its name and adapter here.
"""

from __future__ import annotations

from typing import Any

from app.platforms.douyin.adapter import DouyinPlatform
from app.platforms.douyin.client import PlatformClient, ShopCredentials
from app.platforms.port import ShopPlatform

DOUYIN = "douyin"
PLATFORMS = (DOUYIN,)

__all__ = ["DOUYIN", "PLATFORMS", "ShopCredentials", "connect", "platform_for"]


def connect(credentials: ShopCredentials, platform: str = DOUYIN) -> ShopPlatform:
    """The adapter of `platform` for the shop these credentials reach."""
    if platform != DOUYIN:
        raise ValueError(f"no adapter for the platform {platform!r}")
    return DouyinPlatform(PlatformClient(credentials))


def platform_for(shop: Any) -> ShopPlatform:
    """The adapter for `shop` (app/shop.py's ShopTarget): by its `platform`, Douyin when it
    names none; its credentials waited for when it has `wait_credentials()` (the demo
    shop's sandbox may still be starting), else taken from `credentials`."""
    wait = getattr(shop, "wait_credentials", None)
    credentials = wait() if callable(wait) else shop.credentials
    return connect(credentials, getattr(shop, "platform", None) or DOUYIN)
