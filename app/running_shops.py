"""Every shop of the desk, open and syncing in the background.

Owns `RunningShops`: for each shop in the settings, its database (opened and migrated
once, kept open while the desk runs, so a switch of shop costs no migration and no
connection) and its sync process (`app.sync.sync_process.SyncProcess`, one per shop,
exactly as the one shop of earlier releases had: pull and push, exactly-once, its
own back-off), so a refund deadline of a shop nobody looks at is still pulled in and a
decision made there still reaches its platform. The window sees them through the
views' `DeskShops` protocol (app/views/shell/shop_switcher.py): it never opens a
database or starts a sync itself. Wiring, like app/desktop.py: it may import any layer.

A shop whose database cannot be opened (a newer app's schema, a full disk) is logged and
left out of the desk for this run (the switcher does not list it): the other shops go
on. The shop the person signed in to is opened by app/desktop.py itself, which tells
them in plain words when it cannot be.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app import config
from app.db import open_database
from app.services.setup.connection_test import ConnectionTest, ShopKeys
from app.services.setup.shop_database import shown_url
from app.shop import ShopTarget, check_shop_keys, shop_target
from app.shop_entries import ShopEntry
from app.shop_labels import LabelShipping, shop_labels
from app.sync.sync_process import SyncProcess

log = logging.getLogger(__name__)


@dataclass
class RunningShop:
    """One shop of the desk, open: what the window reads (`entry`, `sessions`, `sync`)."""

    entry: ShopEntry
    sessions: sessionmaker[Session]
    database_url: str
    sync: QObject | None = None
    _stop: Callable[[], None] = field(default=lambda: None, repr=False)
    _engine: Engine | None = field(default=None, repr=False)
    # The shop's shipping labels for its board (app/shop_labels.py): kept copies, live calls.
    labels: LabelShipping | None = field(default=None, repr=False)

    @property
    def key(self) -> str:
        return self.entry.key


class RunningShops:
    """The desk's shops, in the settings' order; `adopt` the one the desk opened first
    (signed in on it), `start_all` every other one."""

    def __init__(
        self,
        settings: config.Settings,
        *,
        database_url: str | None = None,
        on_sync_created: Callable[[SyncProcess], None] | None = None,
    ) -> None:
        self._settings = settings
        self._database_url = database_url  # `--db`: the first shop's, as for the one shop before
        self._on_sync_created = on_sync_created
        self._shops: dict[str, RunningShop] = {}

    # --- what the window reads (DeskShops) --------------------------------------------
    def shops(self) -> list[RunningShop]:
        return [self._shops[entry.key] for entry in self._settings.shops if entry.key in self._shops]

    def shop(self, key: str) -> RunningShop | None:
        return self._shops.get(key)

    def test_connection(self, keys: ShopKeys) -> ConnectionTest:
        """The wizard's connection test for a shop being added (blocks on the network)."""
        return check_shop_keys(keys)

    def on_screen(self) -> RunningShop:
        """The shop the settings remember as on screen, else the first running."""
        return self._shops.get(self._settings.current_shop) or self.shops()[0]

    # --- running them -------------------------------------------------------------------
    def adopt(
        self,
        entry: ShopEntry,
        sessions: sessionmaker[Session],
        database_url: str,
        sync: SyncProcess | None,
        stop: Callable[[], None],
        credentials: Callable[[], object] | None = None,
    ) -> RunningShop:
        """The shop the desk opened itself (the sign-in happened on its database);
        `credentials`: how its labels reach the platform (the desk's OpenShop.credentials)."""
        running = RunningShop(entry, sessions, database_url, sync, stop)
        running.labels = shop_labels(entry.key, entry.platform, credentials)
        self._shops[entry.key] = running
        return running

    def start_all(self) -> list[RunningShop]:
        """Open and start syncing every shop not running yet; returns those started."""
        return [running for entry in self._settings.shops if (running := self.add(entry)) is not None]

    def add(self, entry: ShopEntry) -> RunningShop | None:
        """Open `entry`'s database and start its sync (a shop added while the desk runs, too);
        None when it runs already or its database cannot be opened (logged)."""
        if entry.key in self._shops:
            return None
        target = shop_target(self._settings, entry, database_url=self._database_url)
        try:
            engine, sessions = open_database(target.database_url)
        except Exception:
            log.exception(
                "shop %s: its database %s cannot be opened", entry.key, shown_url(target.database_url)
            )
            target.stop()
            return None
        sync = self._new_sync(target)
        running = RunningShop(entry, sessions, target.database_url, sync, target.stop, engine)
        running.labels = shop_labels(entry.key, target.platform, target.wait_credentials)
        self._shops[entry.key] = running
        sync.start()
        log.info("shop %s syncing in the background", entry.key)
        return running

    def remove(self, key: str) -> None:
        """Stop the shop's sync (it finishes its step) and close its database: it was taken
        off the desk. Not the shop on screen: the window switches away first."""
        running = self._shops.pop(key, None)
        if running is None:
            return
        if isinstance(running.sync, SyncProcess):
            running.sync.stop()
        running._stop()
        if running._engine is not None:
            running._engine.dispose()
        log.info("shop %s taken off the desk", key)

    def _new_sync(self, target: ShopTarget) -> SyncProcess:
        sync = SyncProcess(
            target.wait_credentials,
            target.database_url,
            interval_s=self._settings.sync_interval_s,
            platform=target.platform,
        )
        if self._on_sync_created is not None:
            self._on_sync_created(sync)
        return sync

    def stop(self) -> None:
        """Stop every sync (each finishes its step), then the shops' stores and databases."""
        for running in self._shops.values():
            if isinstance(running.sync, SyncProcess):
                running.sync.stop()
        for running in self._shops.values():
            running._stop()
            if running._engine is not None:
                running._engine.dispose()
        self._shops.clear()
