"""Where things live and what the person chose: data folder, settings, shop connection.

Owns: the per-OS user data folder (overridable with AFTERSALES_DESK_HOME, which tests
and a second instance use), the settings file (JSON, written atomically), and the
database file of each shop, so that the demo shop's data and a real shop's never mix.
Secrets never go into the settings file.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

import platformdirs

from app.db import sqlite_url

log = logging.getLogger(__name__)

APP_NAME = "AfterSalesDesk"
HOME_ENV = "AFTERSALES_DESK_HOME"
SETTINGS_FILE = "settings.json"
LANGUAGES = ("system", "zh_CN", "en")


def data_dir() -> Path:
    override = os.environ.get(HOME_ENV)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def shop_database_url(shop_id: str, *, demo: bool) -> str:
    """One SQLite file per shop; the demo shop's file is named apart from real ones."""
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


@dataclass
class Settings:
    language: str = "system"
    sync_interval_s: int = 15
    # A database URL shared by several workstations; empty means this computer's SQLite.
    database_url: str = ""
    shop: ShopConnection | None = None
    # A one-person shop may skip the sign-in: the user name signed in automatically.
    stay_signed_in_user: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or data_dir() / SETTINGS_FILE
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as error:
            # A damaged settings file must not keep the app from starting; keep a copy.
            log.warning("settings file %s unreadable (%s); starting with defaults", path, error)
            path.replace(path.with_suffix(".damaged.json"))
            return cls()
        shop = raw.get("shop")
        return cls(
            language=raw.get("language", "system") if raw.get("language") in LANGUAGES else "system",
            sync_interval_s=int(raw.get("sync_interval_s", 15)),
            database_url=str(raw.get("database_url", "")),
            shop=ShopConnection(**shop) if isinstance(shop, dict) else None,
            stay_signed_in_user=str(raw.get("stay_signed_in_user", "")),
            extra=dict(raw.get("extra", {})),
        )

    def save(self, path: Path | None = None) -> None:
        path = path or data_dir() / SETTINGS_FILE
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        temporary.replace(path)  # atomic: a crash leaves the old or the new file, never half
