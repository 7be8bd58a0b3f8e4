"""Database fixtures: a fresh SQLite file, and a fresh schema on the real PostgreSQL server.

`database_url` is parametrised over both dialects, so every storage and sync test that
asks for it runs on SQLite and on PostgreSQL. The PostgreSQL server's URL comes from
AFTERSALES_TEST_DATABASE_URL (default: the server these machines run at
127.0.0.1:5432); set it to `none` to run without PostgreSQL on purpose. An unreachable
server fails the PostgreSQL tests with a message that says so, rather than skipping
them unseen.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

TEST_DATABASE_ENV = "AFTERSALES_TEST_DATABASE_URL"
DEFAULT_TEST_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/test"


def _psycopg_url(url: str) -> str:
    return (
        url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url
    )


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A database of its own on the PostgreSQL server for this test session."""
    server_url = os.environ.get(TEST_DATABASE_ENV, DEFAULT_TEST_DATABASE_URL)
    if server_url.lower() == "none":
        pytest.skip(f"PostgreSQL tests switched off ({TEST_DATABASE_ENV}=none)")
    admin = create_engine(_psycopg_url(server_url), isolation_level="AUTOCOMMIT")
    name = f"aftersales_test_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        admin.dispose()
        pytest.fail(
            f"No PostgreSQL server reachable at {server_url} ({type(error).__name__}: {error}). "
            f"Start one, point {TEST_DATABASE_ENV} at one, or set it to 'none' to skip these tests.",
            pytrace=False,
        )
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _reset_postgres_schema(url: str) -> None:
    engine = create_engine(_psycopg_url(url))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """An empty database, once on SQLite (a real file) and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'mirror.sqlite'}"
    url = request.getfixturevalue("postgres_database")
    _reset_postgres_schema(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'mirror.sqlite'}"


def end_the_lease_connection(database_url: str | URL) -> None:
    """What the server does when the sync lease holder's network goes: its lease
    connection (the one holding the advisory lock) ends, and the holder is not told."""
    admin = create_engine(database_url)
    with admin.begin() as connection:
        # With a timeout the server answers once the backend has gone, its locks released
        # (PostgreSQL 14+); without one it only signals it, and the next try may still
        # find the lock held (seen under load).
        ended = connection.execute(
            text(
                "SELECT pg_terminate_backend(pid, :wait_ms) FROM pg_locks"
                " WHERE locktype = 'advisory' AND objsubid = 1 AND database ="
                " (SELECT oid FROM pg_database WHERE datname = current_database())"
            ),
            {"wait_ms": 10_000},
        ).all()
    admin.dispose()
    assert ended == [(True,)]
