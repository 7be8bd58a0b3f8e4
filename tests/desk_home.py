"""A data folder prepared as a one-person demo shop whose owner stays signed in.

The soak test and the start-up benchmarks launch the real app on it, so the first
window is the main window rather than the first-run wizard.
"""

from __future__ import annotations

import time
from pathlib import Path

from app import config
from app.db import open_database, sqlite_url
from app.demo_shop import DEMO_SHOP_ID
from app.services.people import accounts

OWNER = "xiaolin"
OWNER_PASSWORD = "correct horse 42"


def prepare_signed_in_home(home: Path) -> None:
    database = home / "shops" / f"demo-{DEMO_SHOP_ID}.sqlite"  # config.shop_database_url's name
    engine, sessions = open_database(sqlite_url(database))
    with sessions.begin() as session:
        accounts.create_owner(session, OWNER, "小林", OWNER_PASSWORD, now=int(time.time()))
    engine.dispose()
    config.Settings(stay_signed_in_user=OWNER).save(home / config.SETTINGS_FILE)
