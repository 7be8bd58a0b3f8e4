"""Where things live and what the person chose: data folder, settings, the shops.

Owns: the per-OS user data folder (overridable with AFTERSALES_DESK_HOME, which tests
and a second instance use), the settings file (JSON, written atomically), and the
database file of each shop, so that the demo shop's data and a real shop's never mix.
A desk holds several shops (`Settings.shops`, app/shop_entries.py) and remembers the one
on screen; a file of the previous release, with its one `shop`, loads as a list of one.
Secrets never go into the settings file.

The settings file is checked whole when it is read (`load_settings`): a value of the
wrong kind is reset to its default, the damaged file is kept as a numbered copy
(settings.damaged-1.json, -2, …, never overwritten), and the caller is handed plain
words for what was reset. A desk that used a shared database and no longer finds it in
its settings is told apart (`LoadedSettings.lost_shared_database`), so that it asks
rather than quietly working in a local database of its own (a split shop).
"""

from __future__ import annotations

import json
import logging
import math
import os
import re
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import ClassVar

import platformdirs

from app.core.translation import QT_TRANSLATE_NOOP
from app.shop_entries import DOUYIN_DEMO_KEY, ShopEntry, demo_entry, entries_from_json, entry_from_old_shop

log = logging.getLogger(__name__)

APP_NAME = "AfterSalesDesk"
HOME_ENV = "AFTERSALES_DESK_HOME"
SETTINGS_FILE = "settings.json"
LANGUAGES = ("system", "zh_CN", "en")
# Next to the settings file: the shared database this desk uses, written before the
# settings name it and removed after they stop naming it. Why a second file: a settings
# file can be damaged beyond reading (emptied by a power cut, overwritten by hand), and
# scanning what is left for a postgresql:// address cannot find what is no longer there;
# a second small file is unlikely to be damaged at the same moment. The scan of the
# damaged text is still done, for desks whose settings were written before this file.
SHARED_DATABASE_FILE = "settings.shared-database"

DEFAULT_SYNC_INTERVAL_S = 15
# Below a second the loop is a busy loop in all but name (0 ran it 616 times in 10 s); the
# platform's rate limits are met by the back-off, not by this bound. Slower than an hour
# leaves refund deadlines unseen. Non-numbers, NaN and infinity are refused.
MIN_SYNC_INTERVAL_S = 1
MAX_SYNC_INTERVAL_S = 3600

MSG_INTERVAL_REFUSED = QT_TRANSLATE_NOOP(
    "settings", "The time between syncs must be a number of seconds from {min} to {max}, not {value}."
)
MSG_FILE_DAMAGED = QT_TRANSLATE_NOOP(
    "settings", "The settings file was damaged, so every setting was reset to its default."
)
MSG_FILE_UNREADABLE = QT_TRANSLATE_NOOP(
    "settings", "The settings file could not be read ({error}); the defaults are used for now."
)
MSG_LANGUAGE_RESET = QT_TRANSLATE_NOOP(
    "settings", "The language setting could not be used; the app follows the system's language."
)
MSG_INTERVAL_RESET = QT_TRANSLATE_NOOP(
    "settings",
    "The time between syncs could not be used ({value}); it is {default} seconds again "
    "(it can be from {min} to {max} seconds).",
)
MSG_DATABASE_RESET = QT_TRANSLATE_NOOP(
    "settings", "The shop database setting could not be read and was cleared."
)
MSG_SHOP_RESET = QT_TRANSLATE_NOOP(
    "settings",
    "The shop's connection could not be read; the demo shop is used until the owner "
    "connects the shop again (Settings → Change shop).",
)
MSG_SHOPS_LEFT_OUT = QT_TRANSLATE_NOOP(
    "settings",
    "Shops listed in the settings could not be read and were left out (place in the list: {places}); "
    "the owner can add them again in Settings.",
)
MSG_STAY_SIGNED_IN_RESET = QT_TRANSLATE_NOOP(
    "settings", "“Stay signed in” could not be read; everyone signs in with a password for now."
)
MSG_EXTRA_RESET = QT_TRANSLATE_NOOP(
    "settings", "The window layout and other saved choices could not be read; they start afresh."
)
MSG_UNKNOWN_LEFT_OUT = QT_TRANSLATE_NOOP(
    "settings", "Entries this version does not know were left out: {names}."
)
MSG_UPDATE_URL_RESET = QT_TRANSLATE_NOOP(
    "settings",
    "The update address could not be read; the desk does not look for updates until it is set again.",
)
MSG_COPY_KEPT = QT_TRANSLATE_NOOP("settings", "The damaged file was kept as {path}.")
MSG_SHARED_DATABASE_LOST = QT_TRANSLATE_NOOP(
    "settings",
    "This workstation used the shared shop database {database}, but its settings no longer name "
    "it (the settings file was damaged or is missing). Working in this computer's own database "
    "instead would split the shop's data in two.",
)


def data_dir() -> Path:
    override = os.environ.get(HOME_ENV)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def shop_database_url(shop_id: str, *, demo: bool) -> str:
    """One SQLite file per shop; the demo shop's file is named apart from real ones."""
    from app.db import sqlite_url  # here: SQLAlchemy costs the start 0.3 s before the window

    name = f"demo-{shop_id}.sqlite" if demo else f"shop-{shop_id}.sqlite"
    return sqlite_url(data_dir() / "shops" / name)


def sandbox_store_path() -> Path:
    return data_dir() / "sandbox" / "store.sqlite"


@dataclass
class ShopConnection:
    """A real shop's connection; the app secret lives in the OS keyring, not here."""

    gateway: str = "https://openapi-fxg.jinritemai.com"
    app_key: str = ""
    shop_id: str = ""


def checked_sync_interval(value: object) -> float:
    """`value` as the seconds between syncs, or ValueError in plain words (the English of
    MSG_INTERVAL_REFUSED). The one check of the desktop, the settings file and `--interval`."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not MIN_SYNC_INTERVAL_S <= value <= MAX_SYNC_INTERVAL_S
    ):
        raise ValueError(
            MSG_INTERVAL_REFUSED.format(min=MIN_SYNC_INTERVAL_S, max=MAX_SYNC_INTERVAL_S, value=_shown(value))
        )
    return value


def _shown(value: object) -> str:
    """A value from the file as a person can read it in a message (short)."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


@dataclass(frozen=True)
class SettingsNote:
    """What was reset, in words a screen can translate (`people_words.refusal_text`)."""

    message: str
    params: dict[str, object] = field(default_factory=dict)
    context: ClassVar[str] = "settings"

    def __str__(self) -> str:
        return self.message.format(**self.params) if self.params else self.message


@dataclass(init=False)
class Settings:
    language: str = "system"
    sync_interval_s: float = DEFAULT_SYNC_INTERVAL_S
    # A database URL shared by several workstations; empty means this computer's SQLite.
    database_url: str = ""
    # A one-person shop may skip the sign-in: the user name signed in automatically.
    stay_signed_in_user: str = ""
    extra: dict[str, object] = field(default_factory=dict)
    # Every shop this desk holds (app/shop_entries.py), and the one on screen (its key).
    shops: list[ShopEntry] = field(default_factory=lambda: [demo_entry()])
    current_shop: str = DOUYIN_DEMO_KEY
    # Where the desk looks for its updates (app/services/updates); empty: it does not look.
    update_url: str = ""

    def __init__(
        self,
        language: str = "system",
        sync_interval_s: float = DEFAULT_SYNC_INTERVAL_S,
        database_url: str = "",
        shop: ShopConnection | None = None,
        stay_signed_in_user: str = "",
        extra: dict[str, object] | None = None,
        shops: list[ShopEntry] | None = None,
        current_shop: str = "",
        update_url: str = "",
    ) -> None:
        self.language, self.sync_interval_s, self.database_url = language, sync_interval_s, database_url
        self.stay_signed_in_user = stay_signed_in_user
        self.extra = {} if extra is None else extra
        self.shops = list(shops) if shops else [demo_entry()]
        self.current_shop = current_shop or self.shops[0].key
        self.update_url = update_url
        if shop is not None:
            self.shop = shop

    def current_entry(self) -> ShopEntry:
        """The shop on screen: the remembered one, else the first."""
        return next((entry for entry in self.shops if entry.key == self.current_shop), self.shops[0])

    @property
    def shop(self) -> ShopConnection | None:
        """The shop on screen in the one-shop shape of earlier releases (None: a demo shop)."""
        entry = self.current_entry()
        if entry.demo:
            return None
        return ShopConnection(gateway=entry.gateway, app_key=entry.app_key, shop_id=entry.shop_id)

    @shop.setter
    def shop(self, connection: ShopConnection | None) -> None:
        """ "Change shop" of the one-shop desk: the current shop is replaced (a Douyin shop)."""
        if connection is None or not connection.app_key:
            entry = demo_entry()
        else:
            entry = entry_from_old_shop(asdict(connection))
        place = self.shops.index(self.current_entry())
        self.shops[place] = entry
        self.shops = [
            kept for number, kept in enumerate(self.shops) if number == place or kept.key != entry.key
        ]
        self.current_shop = entry.key

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """The settings, checked and repaired (see `load_settings` for what was reset)."""
        return load_settings(path).settings

    def save(self, path: Path | None = None) -> None:
        path = path or data_dir() / SETTINGS_FILE
        marker = path.with_name(SHARED_DATABASE_FILE)
        if self.database_url:
            _write_atomically(marker, self.database_url + "\n")  # first: never settings without it
        self._write(path)
        if not self.database_url:
            marker.unlink(missing_ok=True)  # last: the settings say local before it goes

    def _write(self, path: Path) -> None:
        data = asdict(self)
        # The current shop in the one-shop shape too: the previous release still opens it.
        data["shop"] = asdict(self.shop) if self.shop is not None else None
        _write_atomically(path, json.dumps(data, ensure_ascii=False, indent=2))


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_suffix(path.suffix + ".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())  # a power cut must not leave an empty file behind the rename
    temporary.replace(path)  # atomic: a crash leaves the old or the new file, never half


@dataclass
class LoadedSettings:
    """The settings as read, and what the person must be told about them."""

    settings: Settings
    notes: list[SettingsNote] = field(default_factory=list)  # what was reset, in plain words
    kept_copy: Path | None = None  # where the damaged file was kept
    # The shared database (URL without password) this desk used, when the settings no
    # longer name it: the desk must ask before it works anywhere else.
    lost_shared_database: str = ""


_POSTGRES_IN_TEXT = re.compile(r"postgres(?:ql)?(?:\+\w+)?://[^\s\"'\\,}\]]+")


def load_settings(path: Path | None = None) -> LoadedSettings:
    """Read and check the whole settings file; never raises for what the file holds."""
    path = path or data_dir() / SETTINGS_FILE
    loaded = LoadedSettings(Settings())
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        data = None
    except OSError as error:  # a folder in its place, no permission: nothing to keep a copy of
        log.warning("settings file %s unreadable (%s); starting with defaults", path, error)
        loaded.notes.append(SettingsNote(MSG_FILE_UNREADABLE, {"error": error.strerror or str(error)}))
        data = None
    if data is not None:
        try:
            raw = json.loads(data.decode("utf-8"))
        except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError
            log.warning("settings file %s unparseable (%s); defaults used", path, type(error).__name__)
            raw = None
        if isinstance(raw, dict):
            loaded.settings, loaded.notes = _checked(raw)
        else:
            loaded.notes.append(SettingsNote(MSG_FILE_DAMAGED))
        if loaded.notes:
            loaded.kept_copy = _keep_copy(path, data)
            loaded.notes.append(SettingsNote(MSG_COPY_KEPT, {"path": str(loaded.kept_copy)}))
            log.warning("settings file %s repaired: %s", path, "; ".join(map(str, loaded.notes)))
            loaded.settings._write(path)  # repaired, so the next start is quiet; the marker stays
    marker = path.with_name(SHARED_DATABASE_FILE)
    if loaded.settings.database_url:
        if not marker.exists():  # settings written before the marker existed
            _write_atomically(marker, loaded.settings.database_url + "\n")
        return loaded
    try:
        remembered = marker.read_text(encoding="utf-8").strip()
    except (OSError, ValueError):
        remembered = ""
    if not remembered and loaded.kept_copy is not None and data is not None:
        found = _POSTGRES_IN_TEXT.search(data.decode("utf-8", errors="replace"))
        remembered = found.group(0) if found else ""
    loaded.lost_shared_database = remembered
    return loaded


def _keep_copy(path: Path, data: bytes) -> Path:
    """The damaged file's bytes under the first free numbered name; an earlier copy is
    never overwritten (exclusive create, so two processes cannot take the same name)."""
    number = 1
    while True:
        copy = path.with_name(f"{path.stem}.damaged-{number}{path.suffix}")
        try:
            with copy.open("xb") as handle:
                handle.write(data)
            return copy
        except FileExistsError:
            number += 1


# Read from the dataclasses, so a new setting is never reported as unknown and dropped.
_KNOWN = (*(entry.name for entry in fields(Settings)), "shop")
_SHOP_FIELDS = tuple(entry.name for entry in fields(ShopConnection))


def _checked(raw: dict[str, object]) -> tuple[Settings, list[SettingsNote]]:
    """Settings from a JSON object, each value checked; a bad one is reset, with a note."""
    settings, notes = Settings(), []
    unknown = [str(name) for name in raw if name not in _KNOWN]
    language = raw.get("language", settings.language)
    if language in LANGUAGES:
        settings.language = str(language)
    else:
        notes.append(SettingsNote(MSG_LANGUAGE_RESET))
    if "sync_interval_s" in raw:
        try:
            settings.sync_interval_s = checked_sync_interval(raw["sync_interval_s"])
        except ValueError:
            notes.append(
                SettingsNote(
                    MSG_INTERVAL_RESET,
                    {
                        "value": _shown(raw["sync_interval_s"]),
                        "default": DEFAULT_SYNC_INTERVAL_S,
                        "min": MIN_SYNC_INTERVAL_S,
                        "max": MAX_SYNC_INTERVAL_S,
                    },
                )
            )
    database_url = raw.get("database_url", "")
    if isinstance(database_url, str):
        settings.database_url = database_url.strip()
    else:
        notes.append(SettingsNote(MSG_DATABASE_RESET))
    if "shops" in raw:  # written by a desk that holds several shops; "shop" only mirrors it
        settings.shops, dropped = entries_from_json(raw["shops"], None)
        if dropped:
            notes.append(SettingsNote(MSG_SHOPS_LEFT_OUT, {"places": ", ".join(dropped)}))
        elif not isinstance(raw["shops"], list):  # not a list at all: the demo shop, and said so
            notes.append(SettingsNote(MSG_SHOP_RESET))
        current = raw.get("current_shop", "")
        settings.current_shop = current if isinstance(current, str) else ""
        settings.current_shop = settings.current_entry().key  # a key no longer listed: the first
    else:  # a file of the previous release: its one shop becomes a list of one
        shop = raw.get("shop")
        if isinstance(shop, dict) and all(isinstance(shop.get(name, ""), str) for name in _SHOP_FIELDS):
            settings.shop = ShopConnection(**{name: shop[name] for name in _SHOP_FIELDS if name in shop})
            unknown += [f"shop.{name}" for name in shop if name not in _SHOP_FIELDS]
        elif shop is not None:
            notes.append(SettingsNote(MSG_SHOP_RESET))
    update_url = raw.get("update_url", "")
    if isinstance(update_url, str) and (
        not update_url.strip() or update_url.strip().startswith(("http://", "https://"))
    ):
        settings.update_url = update_url.strip()
    else:
        notes.append(SettingsNote(MSG_UPDATE_URL_RESET))
    user = raw.get("stay_signed_in_user", "")
    if isinstance(user, str):
        settings.stay_signed_in_user = user
    else:
        notes.append(SettingsNote(MSG_STAY_SIGNED_IN_RESET))
    extra = raw.get("extra", {})
    if isinstance(extra, dict):
        settings.extra = extra
    else:
        notes.append(SettingsNote(MSG_EXTRA_RESET))
    if unknown:
        notes.append(SettingsNote(MSG_UNKNOWN_LEFT_OUT, {"names": ", ".join(unknown)}))
    return settings, notes
