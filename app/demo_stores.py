"""The demo shops' stores as processes: each one's file, log and options, launched first.

Owns, for each demo shop of the desk (`ShopEntry.runs_on_demo_store`), the `SandboxProcess`
of its store (app/demo_shop.py): the Douyin demo shop every desk had keeps
`config.sandbox_store_path()`, every other demo shop a file named by its key; the demo
TikTok shop runs the TikTok dialect with its demo credentials.

Why launched first (`launch_early`): on a desk's first start a store makes its shop's
90-day history, about 2.5 s, and the first orders wait for it. The desk itself needs about
1.2 s to load Qt and its screens and more to open its window. Launched before any of that
(app/desktop.py), the store makes its history meanwhile instead of after. The desk then
takes the launched process for its shop (`process_for`) and waits for it off the GUI thread.

Standard library and the settings only: this runs before the desk loads anything heavy.
"""

from __future__ import annotations

import atexit
import logging
from pathlib import Path

from app import config
from app.demo_shop import (
    DEMO_TIKTOK_APP_KEY,
    DEMO_TIKTOK_APP_SECRET,
    DEMO_TIKTOK_AUTH_CODE,
    DEMO_TIKTOK_SHOP_ID,
    SandboxProcess,
)
from app.shop_entries import TIKTOK, ShopEntry

log = logging.getLogger(__name__)

# The stores launched at start and not yet taken by the desk, by shop key: one desk per
# process, so one table. Whatever is never taken is stopped when the process ends.
_launched: dict[str, SandboxProcess] = {}


def launch_early(settings: config.Settings) -> None:
    """Launch the store of every demo shop in `settings`, without waiting for any."""
    for entry in settings.shops:
        if entry.runs_on_demo_store and entry.key not in _launched:
            try:
                process = _new_process(entry)
                process.launch()
            except OSError:  # no window yet to tell it in: the desk's own start says it in words
                log.exception("the demo store of %s could not be launched early", entry.key)
                continue
            _launched[entry.key] = process
    if _launched:
        atexit.register(_stop_untaken)


def process_for(entry: ShopEntry) -> SandboxProcess:
    """The store of demo shop `entry`: the one launched at start, else a new one (not started)."""
    return _launched.pop(entry.key, None) or _new_process(entry)


def tokens_path(store: Path) -> Path:
    """Where the demo TikTok shop's tokens are kept, beside its store: the store refuses an
    authorisation code it has seen (as TikTok does), so a restart needs the tokens."""
    return store.with_name(store.name + ".tokens")


def _new_process(entry: ShopEntry) -> SandboxProcess:
    store, log_name, options = config.sandbox_store_path(), "sandbox.log", []
    if not entry.is_legacy_demo:
        store = store.with_name(f"{entry.key}.sqlite")
        log_name = f"sandbox-{entry.key}.log"
        options = ["--shop-id", entry.shop_id] if entry.shop_id else []
    if entry.platform == TIKTOK:
        options = tiktok_options(entry.shop_id or DEMO_TIKTOK_SHOP_ID)
        if not store.exists():  # a store made afresh knows none of the old tokens
            tokens_path(store).unlink(missing_ok=True)
    store.parent.mkdir(parents=True, exist_ok=True)
    return SandboxProcess(
        store, seed=entry.seed, log_path=config.data_dir() / "logs" / log_name, options=options
    )


def tiktok_options(shop_id: str) -> list[str]:
    """`main.py sandbox`'s options for the demo TikTok shop: its dialect and credentials."""
    return [
        "--platform",
        TIKTOK,
        "--app-key",
        DEMO_TIKTOK_APP_KEY,
        "--app-secret",
        DEMO_TIKTOK_APP_SECRET,
        "--auth-code",
        DEMO_TIKTOK_AUTH_CODE,
        "--shop-id",
        shop_id,
    ]


def _stop_untaken() -> None:
    while _launched:
        _key, process = _launched.popitem()
        process.stop()
