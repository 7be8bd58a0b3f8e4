"""Which shop this process works for, and how to reach it.

Owns the choice between the demo shop (the bundled sandbox store, started on a free
loopback port in a process of its own) and a real shop given on the command line or in
settings; and builds, for that choice, the database URL and the sync engine. Shared by
the desktop app and the headless `sync` command so both behave the same.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app import config, demo_stores, secrets
from app.core.translation import QT_TRANSLATE_NOOP
from app.demo_shop import (
    DEMO_APP_KEY,
    DEMO_APP_SECRET,
    DEMO_SHOP_ID,
    DEMO_TIKTOK_APP_KEY,
    DEMO_TIKTOK_APP_SECRET,
    DEMO_TIKTOK_AUTH_CODE,
    DEMO_TIKTOK_SHOP_ID,
    SandboxProcess,
)
from app.platforms.douyin.client import ShopCredentials
from app.platforms.port import PlatformError
from app.platforms.registry import connect, platform_for
from app.platforms.tiktok import authorise
from app.platforms.tiktok.credentials import TikTokCredentials
from app.services.setup.connection_settings import url_for_opening
from app.services.setup.connection_test import TIKTOK, ConnectionTest, ShopKeys
from app.services.setup.shop_list import database_url_of
from app.shop_entries import ShopEntry, demo_entry
from app.sync.engine import SyncEngine
from app.sync.lease import SyncLease
from app.sync.status import ShopNotReachable

log = logging.getLogger(__name__)

# For an always-on computer that runs only `main.py sync` (no window, so no wizard, and
# often no password store): a service manager can hand the secret over in the
# environment, where the command line (`--app-secret`) would show it to every user of
# the computer. Used only when no secret is kept on this computer for the shop's app key.
SECRET_ENV = "AFTERSALES_APP_SECRET"
SANDBOX_START_TIMEOUT_S = 120.0
# The platform a shop sells on, which chooses the adapter that speaks to it
# (app/platforms/). Every shop is a Douyin shop today, the demo shop too.
DOUYIN = "douyin"


PROBLEM_DEMO_DID_NOT_START = QT_TRANSLATE_NOOP("sync", "The demo shop could not start on this computer.")
PROBLEM_SECRET_MISSING = QT_TRANSLATE_NOOP(
    "sync",
    "The shop's app secret is not on this computer. The owner must connect the shop again "
    "(Settings → Change shop).",
)


# What a shop is reached with: Douyin's keys, or TikTok Shop's keys and tokens.
Credentials = ShopCredentials | TikTokCredentials


@dataclass
class ShopTarget:
    credentials: Credentials | None  # None until the embedded sandbox has a port
    database_url: str
    is_demo: bool
    platform: str = DOUYIN
    _sandbox: SandboxProcess | None = None
    _ready: threading.Event = field(default_factory=threading.Event)
    _failure: str = ""
    # Reads the kept app secret when the credentials are first needed: the password store
    # may take a moment to answer (D-Bus), and this runs off the GUI thread.
    _load_secret: Callable[[], str] | None = None
    # A TikTok shop's kept tokens (`TikTokCredentials.kept()` text), read then too.
    _load_kept: Callable[[], str | None] | None = None

    def wait_credentials(self, timeout_s: float = SANDBOX_START_TIMEOUT_S) -> Credentials:
        """Blocks until the shop can be called (the sandbox is up); call off the GUI thread."""
        if self.credentials is None:
            if not self._ready.wait(timeout_s):
                raise ShopNotReachable(PROBLEM_DEMO_DID_NOT_START, "timed out")
            if self.credentials is None:
                raise ShopNotReachable(PROBLEM_DEMO_DID_NOT_START, self._failure)
        if not self.credentials.app_secret and self._load_secret is not None:
            try:
                secret = self._load_secret()
            except Exception as error:  # a store that cannot be read is a missing secret, in words
                log.warning("the app secret could not be read: %s", type(error).__name__)
                raise ShopNotReachable(PROBLEM_SECRET_MISSING, type(error).__name__) from None
            self.credentials = replace(self.credentials, app_secret=secret)
        if self._load_kept is not None and isinstance(self.credentials, TikTokCredentials):
            self.credentials = self.credentials.with_kept(self._load_kept())
            self._load_kept = None  # once: from now on the client holds the newest tokens
        if not self.credentials.app_secret:
            raise ShopNotReachable(PROBLEM_SECRET_MISSING)
        return self.credentials

    def engine_factory(
        self, sessions: sessionmaker[Session]
    ) -> Callable[[Callable[[str, int], None]], SyncEngine]:
        def build(on_page: Callable[[str, int], None]) -> SyncEngine:
            lease = SyncLease(sessions.kw["bind"])  # one sync at a time on a shared database
            return SyncEngine(platform_for(self), sessions, on_page=on_page, lease=lease)

        return build

    def stop(self) -> None:
        if self._sandbox is not None:
            self._sandbox.stop()


def demo_shop(
    *, database_url: str | None = None, seed: int = 1, entry: ShopEntry | None = None
) -> ShopTarget:
    """The bundled sandbox store in a process of its own (app/demo_shop.py says why; the
    one launched at the desk's start, if any: app/demo_stores.py), waited for from a
    background thread so the window never waits. `entry`: one demo shop of several on the
    desk, with a store, a seed and a shop id of its own."""
    entry = entry or demo_entry(seed=seed)
    sandbox = demo_stores.process_for(entry)
    tiktok = entry.platform == TIKTOK
    shop_id = entry.shop_id or (DEMO_TIKTOK_SHOP_ID if tiktok else DEMO_SHOP_ID)
    target = ShopTarget(
        credentials=None,
        database_url=database_url or database_url_of(entry),
        is_demo=True,
        platform=entry.platform,
        _sandbox=sandbox,
    )

    def start() -> None:
        try:
            url = sandbox.start()  # creates the 90-day history on first run
            if tiktok:
                kept = demo_stores.tokens_path(sandbox.store_path)
                target.credentials = demo_tiktok_credentials(url, shop_id, kept)
            else:
                target.credentials = ShopCredentials(url, DEMO_APP_KEY, DEMO_APP_SECRET, shop_id)
            log.info("demo shop %s (sandbox store) serving at %s", entry.key, url)
        except Exception as error:  # reported to the sync status through wait_credentials
            log.exception("the sandbox store failed to start")
            target._failure = str(error)
        finally:
            target._ready.set()

    threading.Thread(target=start, name="sandbox-start", daemon=True).start()
    return target


@dataclass(frozen=True)
class KeepTokens:
    """Where a TikTok shop's renewed tokens go (the client's `on_tokens`): the password store
    entry of (app key, shop id), where the wizard kept the first pair — or, for the demo
    shop, `demo_file`, a plain file beside its store. Plain values, so the desktop can hand
    it to its sync process on the first line (`credentials_to_json`) and the child keeps
    what its own refreshes bring."""

    app_key: str
    shop_id: str
    demo_file: str = ""

    def __call__(self, text: str) -> None:
        if self.demo_file:
            try:
                Path(self.demo_file).write_text(text, encoding="utf-8")
            except OSError as error:  # the next start exchanges nothing and must be told why
                log.warning("the demo TikTok shop's tokens could not be kept: %s", error)
            return
        # Where the first pair went: a protected file only if the owner agreed to one then.
        in_file = secrets.shop_tokens_file(self.app_key, self.shop_id).exists()
        try:
            secrets.save_shop_tokens(self.app_key, self.shop_id, text, allow_plain_file=in_file)
        except secrets.SecretStoreUnavailable:
            log.warning("the TikTok shop's renewed tokens could not be kept; the password store refused")

    def load(self) -> str | None:
        """The kept tokens as they are now: the client asks before it calls its own dead,
        because the desk (labels) and its sync process renew the same shop's tokens and
        each keeps what it got here (the client's `reload_kept`)."""
        if self.demo_file:
            try:
                return Path(self.demo_file).read_text(encoding="utf-8")
            except OSError:
                return None
        return secrets.load_shop_tokens(self.app_key, self.shop_id)


def credentials_to_json(credentials: Credentials) -> dict[str, Any]:
    """The credentials as plain JSON values, for the sync process's first line (a pipe)."""
    values = {item.name: getattr(credentials, item.name) for item in fields(credentials)}
    values.pop("reload_kept", None)  # the keeper's own `load`, set again on the other side
    keeper = values.pop("on_tokens", None)
    if isinstance(keeper, KeepTokens):
        values["on_tokens"] = asdict(keeper)
    return values


def credentials_from_json(platform: str, values: dict[str, Any]) -> Credentials:
    """`credentials_to_json` read back in the sync process, its token keeper with it."""
    if platform != TIKTOK:
        return ShopCredentials(**values)
    keeper = values.get("on_tokens")
    rest = {name: value for name, value in values.items() if name not in ("on_tokens", "reload_kept")}
    if not isinstance(keeper, dict):
        return TikTokCredentials(**rest)
    keep = KeepTokens(**keeper)
    return TikTokCredentials(**rest, on_tokens=keep, reload_kept=keep.load)


def demo_tiktok_credentials(url: str, shop_id: str, tokens_path: Path) -> TikTokCredentials:
    """The demo TikTok shop's credentials: its demo code, exchanged on the first sync, and the
    tokens that got kept in a plain file beside its store — a demo's, not a secret, and
    needed there because the store refuses a code it has seen (as TikTok does)."""
    try:
        kept: str | None = tokens_path.read_text(encoding="utf-8")
    except OSError:
        kept = None
    keep = KeepTokens(DEMO_TIKTOK_APP_KEY, shop_id, demo_file=str(tokens_path))
    credentials = TikTokCredentials(
        url,
        DEMO_TIKTOK_APP_KEY,
        DEMO_TIKTOK_APP_SECRET,
        auth_code=DEMO_TIKTOK_AUTH_CODE,
        shop_id=shop_id,
        on_tokens=keep,
        reload_kept=keep.load,
    )
    return credentials.with_kept(kept)


def tiktok_credentials(entry: ShopEntry) -> TikTokCredentials:
    """A real TikTok shop's credentials without its secrets: the app secret and the kept
    tokens are read when the sync first needs them (`ShopTarget.wait_credentials`), and
    every new pair a refresh brings is kept where the wizard kept the first."""
    app_key, shop_id = entry.app_key, entry.shop_id
    keep = KeepTokens(app_key, shop_id)
    return TikTokCredentials(
        entry.gateway, app_key, "", shop_id=shop_id, on_tokens=keep, reload_kept=keep.load
    )


def real_shop(credentials: Credentials, *, database_url: str | None = None) -> ShopTarget:
    return ShopTarget(
        credentials=credentials,
        database_url=database_url or config.shop_database_url(credentials.shop_id, demo=False),
        is_demo=False,
    )


def configured_shop(settings: config.Settings, *, database_url: str | None = None) -> ShopTarget:
    """The shop on screen in settings (a desk of the previous release: its one shop, or
    the demo shop when none is configured); see `shop_target`."""
    return shop_target(settings, settings.current_entry(), database_url=database_url)


def shop_target(
    settings: config.Settings, entry: ShopEntry, *, database_url: str | None = None
) -> ShopTarget:
    """One of the desk's shops, to open and sync.

    The app secret of a configured shop is the one kept on this computer where the
    wizard put it (app/secrets.py: the OS password store, or the protected file the
    owner agreed to), read when the sync first needs it; else `SECRET_ENV` (see there).
    A shared database's URL comes without its password (settings keep none); the
    password kept on this computer is put back here, the one place a URL is resolved
    for opening. The shared database (or `--db`) is the database of the desk's first
    shop, the one shop a desk of the previous release had; every other shop keeps its
    own file (`shop_list.database_url_of`).
    """
    first = not settings.shops or entry.key == settings.shops[0].key
    database_url = url_for_opening((database_url or settings.database_url) if first else "") or None
    if entry.runs_on_demo_store:
        return demo_shop(database_url=database_url, entry=entry)
    credentials: Credentials = ShopCredentials(entry.gateway, entry.app_key, "", entry.shop_id)
    if entry.platform == TIKTOK:
        credentials = tiktok_credentials(entry)
    target = real_shop(credentials, database_url=database_url or database_url_of(entry))
    target.platform = entry.platform
    app_key, shop_id = entry.app_key, entry.shop_id
    target._load_secret = lambda: secrets.load_app_secret(app_key) or os.environ.get(SECRET_ENV, "")
    if entry.platform == TIKTOK:
        target._load_kept = lambda: secrets.load_shop_tokens(app_key, shop_id)
    return target


def check_shop_keys(keys: ShopKeys, platform: str = "") -> ConnectionTest:
    """The first-run wizard's connection test: the platform's adapter signs in with the keys a
    person typed and names the shop; blocks on the network. Douyin: `token.create`. TikTok
    Shop: the authorization code is exchanged for tokens (it works once) and the authorised
    shop read; the answer carries what must be kept (`kept`), as the code cannot be asked again."""
    if (platform or keys.platform) == TIKTOK:
        return _check_tiktok_keys(keys)
    adapter = connect(ShopCredentials(keys.gateway, keys.app_key, keys.app_secret, keys.shop_id), DOUYIN)
    try:
        return ConnectionTest(connected=True, shop_name=adapter.check_connection())
    except PlatformError as error:
        return ConnectionTest(connected=False, problem=error.problem, platform_words=error.platform_message)
    finally:
        adapter.close()


def _check_tiktok_keys(keys: ShopKeys) -> ConnectionTest:
    try:
        credentials, shop_name = authorise(
            keys.gateway, keys.app_key, keys.app_secret, keys.auth_code, kept=keys.kept
        )
    except PlatformError as error:
        # What the spent code bought before the failure, for the next test to go on with.
        got = getattr(error, "kept", "")
        return ConnectionTest(
            connected=False, problem=error.problem, platform_words=error.platform_message, kept=got
        )
    return ConnectionTest(
        connected=True, shop_name=shop_name, shop_id=credentials.shop_id, kept=credentials.kept()
    )
