"""The shop databases the campaign runs on: a SQLite file, and a PostgreSQL database of its own.

Owns creating and dropping them, the URL each pusher connects with (on PostgreSQL it
names the pusher as `application_name`, so that its connections can be found), and
what only a server can do to a pusher: cut its connections (`pg_terminate_backend`, as
a network drop or a database restart does) and say which pusher holds the sync lease.

The PostgreSQL database is created on the server named by AFTERSALES_TEST_DATABASE_URL
(default `postgresql://postgres@127.0.0.1:5432/test`) under a name of its own, and
dropped at the end, so the campaign never touches the test suite's databases.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from tests.fixtures_db import DEFAULT_TEST_DATABASE_URL, TEST_DATABASE_ENV, _psycopg_url

DESK_NAME = "campaign-desk"
PUSHER_PREFIX = "campaign-pusher-"
# The sync lease is the one advisory lock taken with a single bigint key (objsubid 1);
# the outbox claims use two int4 keys (objsubid 2). See app/sync/lease.py.
_LEASE_HOLDERS = text(
    "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
    "WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted "
    "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
)
_TERMINATE = text(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
    "WHERE datname = current_database() AND application_name = :name"
)
_BACKENDS = text(
    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = :name"
)
_TERMINATE_ONE = text("SELECT pg_terminate_backend(:pid)")


@dataclass
class Backend:
    name: str  # "sqlite" or "postgresql"
    url: str  # the desk's own connection
    _admin: Engine | None = None  # PostgreSQL: the server, to create and drop the database
    _watch: Engine | None = None  # PostgreSQL: the campaign's view of the database's sessions
    _database: str = ""

    @property
    def shared(self) -> bool:
        return self.name == "postgresql"

    def pusher_url(self, pusher: str) -> str:
        if not self.shared:
            return self.url
        return (
            make_url(self.url)
            .update_query_dict({"application_name": PUSHER_PREFIX + pusher})
            .render_as_string(hide_password=False)
        )

    def lease_holder(self) -> str | None:
        """The pusher holding the sync lease now, if any."""
        if self._watch is None:
            return None
        with self._watch.connect() as connection:
            names = connection.execute(_LEASE_HOLDERS).scalars().all()
        return next(
            (name.removeprefix(PUSHER_PREFIX) for name in names if name.startswith(PUSHER_PREFIX)), None
        )

    def cut(self, pusher: str, *, only_one: int | None = None) -> int:
        """End the pusher's server sessions, all of them or the `only_one`-th (modulo how
        many it has); returns how many were ended."""
        if self._watch is None:
            return 0
        with self._watch.connect() as connection:
            if only_one is None:
                return sum(
                    bool(ended)
                    for ended in connection.execute(_TERMINATE, {"name": PUSHER_PREFIX + pusher}).scalars()
                )
            pids = sorted(connection.execute(_BACKENDS, {"name": PUSHER_PREFIX + pusher}).scalars())
            if not pids:
                return 0
            return int(bool(connection.execute(_TERMINATE_ONE, {"pid": pids[only_one % len(pids)]}).scalar()))

    def drop(self) -> None:
        if self._watch is not None:
            self._watch.dispose()
        if self._admin is not None:
            with self._admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{self._database}" WITH (FORCE)'))
            self._admin.dispose()


def sqlite_backend(workdir: Path) -> Backend:
    return Backend("sqlite", f"sqlite:///{workdir / 'shop.sqlite'}")


def postgresql_backend() -> Backend:
    """A new database on the test server; raises if the server cannot be reached."""
    server_url = os.environ.get(TEST_DATABASE_ENV, DEFAULT_TEST_DATABASE_URL)
    admin = create_engine(_psycopg_url(server_url), isolation_level="AUTOCOMMIT")
    name = f"aftersales_campaign_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server_url).set(database=name)
    desk_url = url.update_query_dict({"application_name": DESK_NAME}).render_as_string(hide_password=False)
    watch = create_engine(
        _psycopg_url(url.render_as_string(hide_password=False)), isolation_level="AUTOCOMMIT"
    )
    return Backend("postgresql", desk_url, admin, watch, name)
