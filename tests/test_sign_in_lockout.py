"""The lockout holds when many wrong passwords arrive at once (real threads, SQLite and PostgreSQL).

Twelve tries of one account start together, each on its own connection, as a script
against a shared database would. Only the first `LOCKOUT_AFTER` have their password
checked; the rest are turned away as the account waits.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from app.db import open_database
from app.models import AuditEvent, User
from app.services.people import accounts, audit
from app.services.people.sign_in import LOCKOUT_AFTER, MSG_LOCKED, MSG_WRONG_LOGIN, LoginRefused
from tests.builders import NOW

TRIES = 12


@pytest.fixture
def shop(database_url: str) -> Iterator[tuple[Engine, sessionmaker[Session]]]:
    engine, sessions = open_database(database_url)
    with sessions.begin() as session:
        accounts.create_owner(session, "boss", "Boss", "owner-pass-1", now=NOW)
    yield engine, sessions
    engine.dispose()


def try_at_once(sessions: sessionmaker[Session], password: str) -> list[LoginRefused | str]:
    """`TRIES` sign-ins of "boss" started together; each one's refusal, or "signed in"."""
    start = threading.Barrier(TRIES)
    outcomes: list[LoginRefused | str] = []
    lock = threading.Lock()

    def one() -> None:
        start.wait()
        try:
            with sessions.begin() as session:
                accounts.authenticate(session, "boss", password, now=NOW)
            outcome: LoginRefused | str = "signed in"
        except LoginRefused as refused:
            outcome = refused
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=one) for _ in range(TRIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def failure_notes(sessions: sessionmaker[Session]) -> list[str]:
    with sessions() as session:
        return list(
            session.scalars(select(AuditEvent.note).where(AuditEvent.action == audit.SESSION_SIGN_IN_FAILED))
        )


def test_twelve_wrong_passwords_at_once_get_only_five_checks_and_the_rest_wait(
    shop: tuple[Engine, sessionmaker[Session]],
) -> None:
    _, sessions = shop
    outcomes = try_at_once(sessions, "wrong-password")
    notes = failure_notes(sessions)
    assert notes.count("wrong password") == LOCKOUT_AFTER
    assert notes.count("account waiting after lockout") == TRIES - LOCKOUT_AFTER
    messages = [o.message for o in outcomes if isinstance(o, LoginRefused)]
    assert len(messages) == TRIES
    assert messages.count(MSG_WRONG_LOGIN) == LOCKOUT_AFTER - 1  # the fifth already says "wait"
    assert messages.count(MSG_LOCKED) == TRIES - LOCKOUT_AFTER + 1
    with sessions() as session:
        user = session.scalars(select(User).where(User.username == "boss")).one()
        assert user.failed_logins == LOCKOUT_AFTER and user.locked_until is not None


def test_the_right_password_tried_many_times_at_once_signs_in_every_time(
    shop: tuple[Engine, sessionmaker[Session]],
) -> None:
    _, sessions = shop
    outcomes = try_at_once(sessions, "owner-pass-1")
    assert outcomes == ["signed in"] * TRIES
    with sessions() as session:
        user = session.scalars(select(User).where(User.username == "boss")).one()
        assert user.failed_logins == 0 and user.locked_until is None
