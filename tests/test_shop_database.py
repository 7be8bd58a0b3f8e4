"""A shared shop database: the connection test says in plain words what is wrong, a newer
app's schema is refused at start, and the password stays out of the settings file.

Every check runs against the real PostgreSQL server of tests/fixtures_db.py. That server
trusts 127.0.0.1 (pg_hba.conf: `host all all 127.0.0.1/32 trust`), so it never checks a
password: the wrong-password test skips there and runs on a server that does check; a
user the server does not know, and one that may not sign in, are real refusals from it,
and the server's exact words for a failed password are read by the classifier below.
"""

from __future__ import annotations

import json
import socket
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import psycopg
import pytest
from keyring.backends import fail
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from app import config, secrets
from app.db import MSG_NEWER_SCHEMA, DatabaseTooNew, head_revision, open_database
from app.services.people.permissions import Actor
from app.services.setup.connection_settings import (
    DatabaseFields,
    compose_url,
    decompose_url,
    save_shared_database,
    url_for_opening,
    use_this_computer,
    without_password,
)
from app.services.setup.shop_database import DatabaseStatus, check_database, classify_error
from app.shop import configured_shop
from app.version import VERSION
from tests.fixtures_db import _psycopg_url, _reset_postgres_schema
from tests.memory_keyring import MemoryKeyring, keyring_in_use

PASSWORD = "p@ss:w/rd-Ω-7"


@pytest.fixture
def shop_database(postgres_database: str) -> str:
    """An empty database on the real server, as a shop's server holds before the first desk."""
    _reset_postgres_schema(postgres_database)
    return postgres_database


@pytest.fixture
def server(postgres_database: str) -> Iterator[Engine]:
    """The server as its administrator: roles are created and dropped here."""
    admin = create_engine(_psycopg_url(postgres_database), isolation_level="AUTOCOMMIT")
    yield admin
    admin.dispose()


@pytest.fixture
def role(server: Engine) -> Iterator[str]:
    name = f"desk_{uuid.uuid4().hex[:8]}"
    yield name
    with server.connect() as connection:
        if connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first():
            connection.execute(text(f'DROP OWNED BY "{name}"'))  # its grants in the test database
            connection.execute(text(f'DROP ROLE "{name}"'))


@pytest.fixture
def memory_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    monkeypatch.setenv(config.HOME_ENV, str(tmp_path))
    with keyring_in_use(MemoryKeyring()) as backend:
        yield backend


def set_revision(url: str, revision: str) -> None:
    engine = create_engine(_psycopg_url(url))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    engine.dispose()


def opened(url: str) -> None:
    engine, _sessions = open_database(url)
    engine.dispose()


# --- what the connection test finds ---------------------------------------------------------------
def test_an_empty_database_will_be_set_up(shop_database: str) -> None:
    check = check_database(shop_database)
    assert check.status is DatabaseStatus.OK_EMPTY and check.ok
    assert check.message == (
        "Connected. The database is empty; AfterSales Desk will set it up when it starts."
    )


def test_a_database_the_desk_has_opened_is_current(shop_database: str) -> None:
    opened(shop_database)
    check = check_database(shop_database)
    assert check.status is DatabaseStatus.OK_CURRENT and check.ok
    assert check.revision == head_revision()


def test_an_older_schema_will_be_upgraded_at_start(shop_database: str) -> None:
    opened(shop_database)
    set_revision(shop_database, "0007")
    check = check_database(shop_database)
    assert check.status is DatabaseStatus.OK_OLDER and check.ok and check.revision == "0007"


def test_a_newer_apps_schema_is_refused_by_the_test_and_at_start(shop_database: str) -> None:
    opened(shop_database)
    set_revision(shop_database, "9001_from_a_newer_desk")

    check = check_database(shop_database)
    assert check.status is DatabaseStatus.NEWER_SCHEMA and not check.ok
    assert check.message == MSG_NEWER_SCHEMA
    with pytest.raises(DatabaseTooNew) as refused:
        open_database(shop_database)
    assert str(refused.value) == (  # no desk version recorded for that revision: unnamed
        f"A newer AfterSales Desk than this one (version {VERSION}) set this shop database up, and "
        "this desk cannot use it. Nothing in the database was changed. Install the newest AfterSales "
        "Desk on this computer, then start it again."
    )
    assert refused.value.revision == "9001_from_a_newer_desk"
    assert check_database(shop_database).revision == "9001_from_a_newer_desk"  # nothing touched
    assert classify_error(refused.value).status is DatabaseStatus.NEWER_SCHEMA  # what the start shows


def test_a_database_holding_other_data_is_not_taken_over(shop_database: str) -> None:
    engine = create_engine(_psycopg_url(shop_database))
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id integer primary key)"))
    engine.dispose()
    check = check_database(shop_database)
    assert check.status is DatabaseStatus.NOT_OURS and not check.ok


def test_a_port_nothing_listens_on_is_unreachable(shop_database: str) -> None:
    with socket.socket() as probe:  # a port the system just handed out and nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    check = check_database(make_url(shop_database).set(port=port).render_as_string(hide_password=False))
    assert check.status is DatabaseStatus.UNREACHABLE and not check.ok
    assert "Check the server address and port" in check.message
    assert "Connection refused" in check.detail  # the driver's own words, for the tooltip


def test_a_database_name_the_server_does_not_have(shop_database: str) -> None:
    url = make_url(shop_database).set(database="no_such_shop").render_as_string(hide_password=False)
    check = check_database(url)
    assert check.status is DatabaseStatus.NO_SUCH_DATABASE
    assert check.message == "The server has no database with this name. Check the database name."


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "garbage",
        "shop-server:5432",
        "http://shop-server/db",
        "sqlite:///shop.sqlite",
        "postgresql://clerk@shop-server:port/shop",
    ],
)
def test_what_is_not_a_postgresql_url_is_said_so(garbage: str) -> None:
    check = check_database(garbage)
    assert check.status is DatabaseStatus.BAD_URL
    assert "postgresql://user@server:5432/database" in check.message


def test_a_wrong_password_is_told_apart(shop_database: str, server: Engine, role: str) -> None:
    with server.connect() as connection:
        connection.execute(text(f"CREATE ROLE \"{role}\" WITH LOGIN PASSWORD 'right'"))
        method = connection.execute(
            text(
                "SELECT auth_method FROM pg_hba_file_rules WHERE type = 'host' "
                "AND address = '127.0.0.1' ORDER BY line_number LIMIT 1"
            )
        ).scalar()
    if method == "trust":
        pytest.skip("this server trusts 127.0.0.1 (pg_hba.conf), so it never checks a password")
    url = make_url(shop_database).set(username=role, password="wrong")
    check = check_database(url.render_as_string(hide_password=False))
    assert check.status is DatabaseStatus.WRONG_PASSWORD


def test_a_user_the_server_does_not_know_is_refused_like_a_wrong_password(shop_database: str) -> None:
    url = make_url(shop_database).set(username="nobody_here", password="whatever")
    check = check_database(url.render_as_string(hide_password=False))
    assert check.status is DatabaseStatus.WRONG_PASSWORD
    assert check.message == (
        "The database server did not accept this user and password. Check both, "
        "and that this user may sign in."
    )


def test_a_user_who_may_not_sign_in_is_refused(shop_database: str, server: Engine, role: str) -> None:
    with server.connect() as connection:
        connection.execute(text(f"CREATE ROLE \"{role}\" NOLOGIN PASSWORD 'right'"))
    url = make_url(shop_database).set(username=role, password="right")
    assert check_database(url.render_as_string(hide_password=False)).status is DatabaseStatus.WRONG_PASSWORD


def test_a_user_who_may_not_set_up_tables_is_told_before_the_start_fails(
    shop_database: str, server: Engine, role: str
) -> None:
    with server.connect() as connection:  # may sign in; the fresh schema grants nothing
        connection.execute(text(f'CREATE ROLE "{role}" WITH LOGIN'))
    url = make_url(shop_database).set(username=role).render_as_string(hide_password=False)
    check = check_database(url)
    assert check.status is DatabaseStatus.NO_PERMISSION and not check.ok
    assert check.message.startswith("Connected, but this user may not set up or use")


def test_a_user_who_may_not_read_the_desks_tables_is_told_so(
    shop_database: str, server: Engine, role: str
) -> None:
    opened(shop_database)
    with server.connect() as connection:
        connection.execute(text(f'CREATE ROLE "{role}" WITH LOGIN'))
    engine = create_engine(_psycopg_url(shop_database))
    with engine.begin() as connection:  # sees the schema, but no table in it
        connection.execute(text(f'GRANT USAGE ON SCHEMA public TO "{role}"'))
    engine.dispose()
    url = make_url(shop_database).set(username=role).render_as_string(hide_password=False)
    check = check_database(url)
    assert check.status is DatabaseStatus.NO_PERMISSION
    assert "permission denied for table alembic_version" in check.detail


def test_anything_else_keeps_the_servers_words(shop_database: str, server: Engine, role: str) -> None:
    with server.connect() as connection:
        connection.execute(text(f'CREATE ROLE "{role}" WITH LOGIN CONNECTION LIMIT 0'))
    url = make_url(shop_database).set(username=role).render_as_string(hide_password=False)
    check = check_database(url)
    assert check.status is DatabaseStatus.OTHER and not check.ok
    assert f'too many connections for role "{role}"' in check.detail
    assert check.params == {"detail": check.detail}


@pytest.mark.parametrize(
    ("words", "status"),
    [
        (
            'connection failed: connection to server at "192.168.1.20", port 5432 failed: '
            'FATAL:  password authentication failed for user "clerk"',
            DatabaseStatus.WRONG_PASSWORD,
        ),
        (
            'connection to server at "192.168.1.20", port 5432 failed: FATAL:  用户 "clerk" 的密码认证失败',
            DatabaseStatus.WRONG_PASSWORD,
        ),
        (
            'connection to server at "192.168.1.20", port 5432 failed: fe_sendauth: no password supplied',
            DatabaseStatus.WRONG_PASSWORD,
        ),
        ('FATAL:  数据库 "shop" 不存在', DatabaseStatus.NO_SUCH_DATABASE),
        (
            'FATAL:  no pg_hba.conf entry for host "192.168.1.31", user "clerk", database "shop", '
            "no encryption",
            DatabaseStatus.NOT_ALLOWED,
        ),
        (
            'connection to server at "192.168.1.20", port 5432 failed: timeout expired',
            DatabaseStatus.UNREACHABLE,
        ),
        (
            "failed to resolve host 'shop-server': [Errno -2] Name or service not known",
            DatabaseStatus.UNREACHABLE,
        ),
    ],
)
def test_the_servers_words_are_read_in_english_and_chinese(words: str, status: DatabaseStatus) -> None:
    """The words PostgreSQL and libpq use for refusals this server cannot be made to give
    (it trusts 127.0.0.1 and listens on no other address), Chinese as its zh_CN catalogue
    has them: connection failures carry no SQLSTATE in psycopg, so the words are all there is."""
    check = classify_error(psycopg.OperationalError(words))
    assert check.status is status
    assert check.detail == " ".join(words.split())


# --- the address and where the password is kept ---------------------------------------------------
def test_fields_make_a_url_and_come_back_from_it() -> None:
    fields = DatabaseFields("shop-server", 5433, "shop 1", "clerk@front", PASSWORD)
    url = compose_url(fields)
    assert decompose_url(url) == fields
    assert without_password(url) == "postgresql://clerk%40front@shop-server:5433/shop 1"
    assert PASSWORD not in repr(fields)
    assert decompose_url("") == DatabaseFields()


def test_the_password_goes_to_the_keyring_and_never_into_settings_json(
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
    shop_database: str,
    session_factory: sessionmaker[Session],
    owner: Actor,
) -> None:
    server_url = make_url(shop_database)
    fields = DatabaseFields(
        server_url.host or "", server_url.port or 5432, server_url.database or "", "postgres", PASSWORD
    )
    settings = config.Settings(language="en")
    assert save_shared_database(session_factory, owner, settings, fields) == "keyring"

    written = (tmp_path / config.SETTINGS_FILE).read_text(encoding="utf-8")
    assert PASSWORD not in written and "p%40ss" not in written
    saved = json.loads(written)["database_url"]
    assert saved == without_password(compose_url(fields)) and make_url(saved).password is None
    assert list(memory_keyring.entries.values()) == [PASSWORD]

    # Opening puts it back: the one place a URL is resolved for opening.
    assert make_url(url_for_opening(saved)).password == PASSWORD
    target = configured_shop(config.Settings.load())
    try:
        assert make_url(target.database_url).password == PASSWORD
        opened(target.database_url)  # the server trusts us anyway; the URL must still work
    finally:
        target.stop()

    use_this_computer(session_factory, owner, settings)
    assert config.Settings.load().database_url == "" and memory_keyring.entries == {}


def test_a_new_address_takes_the_password_with_it_and_leaves_none_behind(
    memory_keyring: MemoryKeyring, session_factory: sessionmaker[Session], owner: Actor
) -> None:
    settings = config.Settings()
    for server in ("old-server", "new-server"):
        fields = DatabaseFields(server, 5432, "shop", "owner", PASSWORD)
        save_shared_database(session_factory, owner, settings, fields)
    assert list(memory_keyring.entries) == [
        (secrets.SERVICE, "database_password:postgresql://owner@new-server:5432/shop")
    ]


def test_without_a_keyring_the_password_needs_consent_for_a_private_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, session_factory: sessionmaker[Session], owner: Actor
) -> None:
    monkeypatch.setenv(config.HOME_ENV, str(tmp_path))
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        settings = config.Settings()
        fields = DatabaseFields("shop-server", 5432, "shop", "owner", PASSWORD)
        with pytest.raises(secrets.SecretStoreUnavailable) as refused:
            save_shared_database(session_factory, owner, settings, fields)
        assert refused.value.message == secrets.MSG_NO_KEYRING_DATABASE
        assert settings.database_url == "" and not (tmp_path / config.SETTINGS_FILE).exists()

        assert save_shared_database(session_factory, owner, settings, fields, allow_plain_file=True) == "file"
        kept = secrets.database_password_file(settings.database_url)
        assert kept.read_text(encoding="utf-8") == PASSWORD
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
        assert PASSWORD not in (tmp_path / config.SETTINGS_FILE).read_text(encoding="utf-8")
        assert make_url(url_for_opening(settings.database_url)).password == PASSWORD
    finally:
        keyring.set_keyring(previous)
