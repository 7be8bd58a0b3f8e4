"""The audit trail only grows: the database itself refuses edits, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from app.db import open_database
from app.models import AuditEvent
from app.services.people import audit
from app.services.people.audit import AuditFilter
from app.services.people.permissions import Actor, Role
from tests.people import seed_people

T0 = 1_795_000_000  # 2026-11-18 19:06:40 in Shanghai
BOSS = Actor(1, "boss", "王老板", Role.OWNER, None, None)
CLERK = Actor(2, "xiaoli", "小李", Role.CLERK, 100_00, 300_00)


@pytest.fixture
def database(database_url: str) -> tuple[Engine, sessionmaker[Session]]:
    engine, sessions = open_database(database_url)
    seed_people(sessions, BOSS, CLERK)  # reading the trail checks the reader's record
    return engine, sessions


def seed(sessions: sessionmaker[Session]) -> list[int]:
    with sessions.begin() as session:
        return [
            audit.record(session, BOSS, audit.SESSION_SIGN_IN, now=T0),
            audit.record(
                session,
                BOSS,
                audit.USER_CREATE,
                entity_type="user",
                entity_id="2",
                after={"username": "xiaoli", "role": "clerk"},
                now=T0 + 10,
            ),  # fmt: skip
            audit.record(
                session,
                CLERK,
                audit.REFUND_APPROVE,
                entity_type="after_sale",
                entity_id="73001",
                order_id="6901",
                before={"status": 6},
                after={"refund_amount": 5_900},
                now=T0 + 20,
            ),  # fmt: skip
            audit.record(session, CLERK, audit.SESSION_SIGN_OUT, now=T0 + 30),
        ]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_events SET note = 'tidied up'",
        "UPDATE audit_events SET actor_name = 'someone else' WHERE action = 'refund.approve'",
        "DELETE FROM audit_events WHERE action = 'refund.approve'",
        "DELETE FROM audit_events",
    ],
)
def test_the_database_refuses_to_edit_or_delete_audit_events(
    database: tuple[Engine, sessionmaker[Session]], statement: str
) -> None:
    engine, sessions = database
    seed(sessions)
    before = _dump(engine)
    with pytest.raises(DBAPIError, match="audit events are append-only"), engine.begin() as connection:
        connection.execute(text(statement))
    assert _dump(engine) == before


def test_truncate_is_refused_too_on_postgresql(database: tuple[Engine, sessionmaker[Session]]) -> None:
    engine, sessions = database
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no TRUNCATE; DELETE without WHERE is covered above")
    seed(sessions)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(text("TRUNCATE audit_events"))
    assert len(_dump(engine)) == 4


def test_an_event_changed_through_the_orm_is_refused_as_well(
    database: tuple[Engine, sessionmaker[Session]],
) -> None:
    engine, sessions = database
    seed(sessions)
    with pytest.raises(DBAPIError, match="append-only"), sessions.begin() as session:
        session.scalars(select(AuditEvent)).first().note = "edited"  # type: ignore[union-attr]
    assert all(row[-1] == "" for row in _dump(engine))


def test_ids_only_increase_and_the_platforms_answer_refers_to_the_decision(
    database: tuple[Engine, sessionmaker[Session]],
) -> None:
    _, sessions = database
    ids = seed(sessions)
    with sessions.begin() as session:
        answer = audit.record(
            session, None, audit.PLATFORM_ANSWER, entity_type="after_sale", entity_id="73001",
            order_id="6901", after={"accepted": True}, refers_to=ids[2], now=T0 + 40,
        )  # fmt: skip
    with pytest.raises(DBAPIError), sessions.begin() as session:  # a rolled-back event
        audit.record(session, None, audit.PLATFORM_ANSWER, refers_to=10**6, now=T0 + 50)
    with sessions.begin() as session:
        last = audit.record(session, BOSS, audit.SESSION_SIGN_OUT, now=T0 + 60)
    assert ids == sorted(set(ids)) and ids[-1] < answer < last
    with sessions() as session:
        (row,) = audit.list_events(session, BOSS, AuditFilter(action_prefix="platform."))
    assert (row.refers_to, row.actor_id, row.actor_name, json.loads(row.after)) == (
        ids[2], None, "", {"accepted": True},
    )  # fmt: skip


def test_events_are_read_newest_first_and_filtered(database: tuple[Engine, sessionmaker[Session]]) -> None:
    _, sessions = database
    ids = seed(sessions)
    with sessions() as session:

        def read(**f: object) -> list[int]:
            return [row.id for row in audit.list_events(session, BOSS, AuditFilter(**f))]  # type: ignore[arg-type]

        assert read() == ids[::-1]
        assert read(actor_id=CLERK.user_id) == [ids[3], ids[2]]
        assert read(action_prefix="session.") == [ids[3], ids[0]]
        assert read(action_prefix="session_") == []  # "_" is a letter here, not a wildcard
        assert read(since=T0 + 10, until=T0 + 30) == [ids[2], ids[1]]
        assert read(order_id="6901") == [ids[2]]
        assert read(limit=2) == [ids[3], ids[2]]
        assert audit.actions_in_use(session, BOSS) == [
            "refund.approve", "session.sign_in", "session.sign_out", "user.create",
        ]  # fmt: skip
        approve = audit.list_events(session, BOSS, AuditFilter(order_id="6901"))[0]
    assert approve.actor_name == "小李" and json.loads(approve.before) == {"status": 6}


def test_the_csv_export_opens_in_excel_with_shanghai_times_and_chinese_text(
    database: tuple[Engine, sessionmaker[Session]], tmp_path: Path
) -> None:
    _, sessions = database
    seed(sessions)
    with sessions.begin() as session:
        audit.record(session, CLERK, audit.SETTINGS_CHANGE, note='=HYPERLINK("http://x")', now=T0 + 50)
    path = tmp_path / "审计记录.csv"
    with sessions() as session:
        assert audit.export_csv(session, BOSS, AuditFilter(), path) == 5
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert table[0] == ["time", "person", "action", "entity", "order", "before", "after", "note"]
    assert table[1][7] == '\'=HYPERLINK("http://x")'  # Excel shows it as text, never runs it
    approve = next(row for row in table if row[2] == "refund.approve")
    assert approve[:5] == ["2026-11-18T19:07:00+08:00", "小李", "refund.approve", "after_sale:73001", "6901"]
    assert json.loads(approve[6]) == {"refund_amount": 5_900}
    assert len(table) == 6 and not (tmp_path / "审计记录.csv.tmp").exists()


def _dump(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        return [
            tuple(row)
            for row in connection.execute(
                text("SELECT id, action, actor_name, note FROM audit_events ORDER BY id")
            )
        ]
