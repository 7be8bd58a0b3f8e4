"""The audit trail stays append-only against the ways around its UPDATE/DELETE triggers.

On SQLite, `REPLACE INTO` / `INSERT OR REPLACE` deletes the old row without firing
DELETE triggers: an insert with an id already in the trail is refused. On PostgreSQL
the triggers hold only against a role that may not drop or disable them: the desks
connect as a desk role set up for them (`shop_database.set_up_desk_role`), which the
real server proves cannot touch the trail, while the app, sync included, works as it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from app.db import open_database
from app.models import AfterSale, AuditEvent
from app.platforms.douyin.client import Outcome
from app.platforms.douyin.codes import AfterSaleStatus as S
from app.platforms.douyin.codes import AfterSaleType as T
from app.services.people import accounts, audit
from app.services.refunds import decisions as refund_decisions
from app.services.setup.desk_role import MSG_DESK_IS_OWNER, DeskRoleRefused, set_up_desk_role
from app.shared_database_cli import PASSWORD_ENV
from app.sync.engine import SyncEngine
from main import main
from tests.builders import NOW
from tests.fixtures_db import _psycopg_url, _reset_postgres_schema
from tests.sandbox_control import control, demo_platform

EVENT_COLUMNS = "id, at, actor_id, actor_name, action, entity_type, entity_id, order_id, before, after, note"


def trail(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(f"SELECT {EVENT_COLUMNS} FROM audit_events"))]


def first_event(sessions: sessionmaker[Session]) -> int:
    with sessions.begin() as session:
        return audit.record(session, None, audit.SESSION_SIGN_IN_FAILED, note="wrong password", now=NOW)


@pytest.mark.parametrize("verb", ["REPLACE INTO", "INSERT OR REPLACE INTO"])
def test_sqlite_refuses_to_replace_an_audit_event(sqlite_url: str, verb: str) -> None:
    engine, sessions = open_database(sqlite_url)
    event_id = first_event(sessions)
    before = trail(engine)
    with pytest.raises(DBAPIError, match="audit events are append-only"), engine.begin() as connection:
        connection.execute(
            text(
                f"{verb} audit_events ({EVENT_COLUMNS}) "
                "VALUES (:id, :at, NULL, '', 'session.sign_in', '', '', '', '', '', 'rewritten')"
            ),
            {"id": event_id, "at": NOW + 1},
        )
    assert trail(engine) == before
    with sessions.begin() as session:  # a new event still goes in
        audit.record(session, None, audit.SESSION_SIGN_IN_FAILED, note="later", now=NOW + 2)
    assert len(trail(engine)) == 2
    engine.dispose()


def test_an_upsert_onto_an_audit_event_is_refused_on_both_databases(database_url: str) -> None:
    engine, sessions = open_database(database_url)
    event_id = first_event(sessions)
    before = trail(engine)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(
            text(
                f"INSERT INTO audit_events ({EVENT_COLUMNS}) "
                "VALUES (:id, :at, NULL, '', 'session.sign_in', '', '', '', '', '', 'rewritten') "
                "ON CONFLICT (id) DO UPDATE SET note = excluded.note"
            ),
            {"id": event_id, "at": NOW + 1},
        )
    assert trail(engine) == before
    engine.dispose()


# --- PostgreSQL: the desks' role -------------------------------------------------------------
@pytest.fixture
def shared_shop(postgres_database: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, str]]:
    """An empty shop database set up by its owner (the test server's administrator) with
    `main.py shared-database-setup`, and the URL a desk connects with: a role of its own."""
    _reset_postgres_schema(postgres_database)
    desk_user = f"desk_{uuid.uuid4().hex[:8]}"
    password = "desk-pass-" + uuid.uuid4().hex[:6]
    monkeypatch.setenv(PASSWORD_ENV, password)
    assert main(["shared-database-setup", postgres_database, "--desk-user", desk_user]) == 0
    desk_url = make_url(postgres_database).set(username=desk_user, password=password)
    yield postgres_database, desk_url.render_as_string(hide_password=False)
    admin = create_engine(_psycopg_url(postgres_database))
    with admin.begin() as connection:
        connection.execute(text(f'DROP OWNED BY "{desk_user}"'))
        connection.execute(text(f'DROP ROLE "{desk_user}"'))
    admin.dispose()


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM audit_events",
        "UPDATE audit_events SET note = 'rewritten'",
        "TRUNCATE audit_events",
        "ALTER TABLE audit_events DISABLE TRIGGER ALL",
        "ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete",
        "DROP TRIGGER audit_events_no_update_or_delete ON audit_events",
        "DROP FUNCTION audit_events_append_only() CASCADE",
        "SET session_replication_role = replica",
        "DROP TABLE audit_events CASCADE",
    ],
)
def test_the_desk_role_cannot_touch_the_audit_trail_nor_its_triggers(
    shared_shop: tuple[str, str], statement: str
) -> None:
    owner_url, desk_url = shared_shop
    owner, owner_sessions = open_database(owner_url)
    first_event(owner_sessions)
    before = trail(owner)
    desk = create_engine(_psycopg_url(desk_url))
    try:
        with pytest.raises(DBAPIError) as refused, desk.begin() as connection:
            connection.execute(text(statement))
        assert "permission denied" in str(refused.value) or "must be owner" in str(refused.value)
        assert trail(owner) == before
    finally:
        desk.dispose()
        owner.dispose()


def test_the_app_works_as_the_desk_role_signing_in_deciding_and_syncing(
    shared_shop: tuple[str, str], sandbox_url: str
) -> None:
    _, desk_url = shared_shop
    control(sandbox_url, "tick", {"new_after_sales": 2, "after_sale_type": int(T.REFUND_AFTER_SHIPMENT)})
    engine, sessions = open_database(desk_url)  # already at the newest schema: nothing to migrate
    try:
        with sessions.begin() as session:
            owner = accounts.create_owner(session, "boss", "Boss", "owner-pass-1", now=NOW)
        with sessions.begin() as session:
            accounts.authenticate(session, "boss", "owner-pass-1", now=NOW + 1)
        sync = SyncEngine(demo_platform(sandbox_url), sessions)
        assert sync.run_once().outcome is Outcome.DONE
        with sessions() as session:
            waiting = session.scalars(
                select(AfterSale.aftersale_id).where(
                    AfterSale.status == S.AWAITING_MERCHANT, AfterSale.type == T.REFUND_AFTER_SHIPMENT
                )
            ).first()
        assert waiting is not None
        with sessions.begin() as session:
            refund_decisions.approve_refund(session, owner, waiting, now=NOW + 2)
        assert sync.run_once().outcome is Outcome.DONE  # pushed, then pulled
        with sessions() as session:
            actions = [e.action for e in audit.list_events(session, owner, audit.AuditFilter())]
            assert "refund.approve" in actions and "session.sign_in" in actions
            assert session.scalar(select(AuditEvent.id).limit(1)) is not None
    finally:
        engine.dispose()


def test_the_set_up_refuses_to_make_the_owner_the_desks_role(postgres_database: str) -> None:
    _reset_postgres_schema(postgres_database)
    owner = make_url(postgres_database).username or ""
    with pytest.raises(DeskRoleRefused) as refused:
        set_up_desk_role(postgres_database, owner, "whatever-pass")
    assert refused.value.message == MSG_DESK_IS_OWNER
