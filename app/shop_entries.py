"""The shops one desk holds, as the settings file keeps them.

Owns `ShopEntry` (one shop: a stable local key, its platform, its name, its shop id, demo
or real, how to reach it; never a secret, those stay in the OS keyring keyed per shop,
app/secrets.py) and the reading of the list from the settings file: a file written
before a desk held several shops (one `"shop"` object, or `null` for the demo shop)
loads as a list of one, so nobody migrates anything by hand. Plain data, no I/O: the
settings file itself is `app/config.py`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

DOUYIN = "douyin"
TIKTOK = "tiktok"
PLATFORMS = (DOUYIN, TIKTOK)
# The previous release's only gateway, for a one-shop file that named none.
DOUYIN_GATEWAY = "https://openapi-fxg.jinritemai.com"
# The Douyin demo shop a desk without a shop connection always had.
DOUYIN_DEMO_KEY = "douyin-demo"


def entry_key(platform: str, shop_id: str, *, demo: bool) -> str:
    """A shop's local key: stable across restarts and renames, unique on this desk."""
    if demo:
        return f"{platform}-demo" if shop_id in ("", None) else f"{platform}-demo-{_safe(shop_id)}"
    return f"{platform}-{_safe(shop_id)}"


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", text) or "_"


@dataclass
class ShopEntry:
    """One shop on this desk. `key` names its database file, its sandbox store (a demo
    shop) and its secrets; `name` is only shown."""

    key: str
    platform: str = DOUYIN
    name: str = ""
    shop_id: str = ""
    demo: bool = False
    gateway: str = ""
    app_key: str = ""
    seed: int = 1  # a demo shop's sandbox store: the seed its history is drawn from

    @property
    def runs_on_demo_store(self) -> bool:
        """A demo shop, or a shop never connected (no app key): the bundled sandbox store."""
        return self.demo or not self.app_key

    @property
    def is_legacy_demo(self) -> bool:
        """The Douyin demo shop every desk had: its files keep their old names."""
        return self.key == DOUYIN_DEMO_KEY


_STRINGS = ("key", "platform", "name", "shop_id", "gateway", "app_key")
ENTRY_FIELDS = tuple(entry.name for entry in fields(ShopEntry))


def demo_entry(
    name: str = "", *, platform: str = DOUYIN, key: str = "", seed: int = 1, shop_id: str = ""
) -> ShopEntry:
    return ShopEntry(
        key=key or entry_key(platform, shop_id, demo=True),
        platform=platform,
        name=name,
        shop_id=shop_id,
        demo=True,
        seed=seed,
    )


def entry_from_old_shop(shop: dict[str, str] | None) -> ShopEntry:
    """The one shop of a settings file from before several shops: `null` is the demo shop."""
    if shop is None or not shop.get("app_key"):
        return demo_entry()
    shop_id = shop.get("shop_id", "")
    return ShopEntry(
        key=entry_key(DOUYIN, shop_id, demo=False),
        platform=DOUYIN,
        shop_id=shop_id,
        gateway=shop.get("gateway", "") or DOUYIN_GATEWAY,
        app_key=shop.get("app_key", ""),
    )


def entry_from_json(raw: object) -> ShopEntry | None:
    """One entry of the file's `"shops"` list, or None when it cannot be used."""
    if not isinstance(raw, dict):
        return None
    if not all(isinstance(raw.get(name, ""), str) for name in _STRINGS):
        return None
    if not raw.get("key") or raw.get("platform", DOUYIN) not in PLATFORMS:
        return None
    demo, seed = raw.get("demo", False), raw.get("seed", 1)
    if not isinstance(demo, bool) or isinstance(seed, bool) or not isinstance(seed, int):
        return None
    return ShopEntry(**{name: raw[name] for name in ENTRY_FIELDS if name in raw})


def entries_from_json(raw_shops: object, raw_old_shop: object) -> tuple[list[ShopEntry], list[str]]:
    """The shops from a settings file, and which entries could not be used (their place in
    the list, for the note). The new list wins over the old single shop when both are
    there (the file is written with both, so the previous release can still read it)."""
    if isinstance(raw_shops, list):
        entries: list[ShopEntry] = []
        dropped: list[str] = []
        for place, raw in enumerate(raw_shops, start=1):
            entry = entry_from_json(raw)
            if entry is None or any(kept.key == entry.key for kept in entries):
                dropped.append(str(place))
            else:
                entries.append(entry)
        if entries:
            return entries, dropped
        return [demo_entry()], dropped
    old = raw_old_shop if isinstance(raw_old_shop, dict) else None
    return [entry_from_old_shop(old)], []
