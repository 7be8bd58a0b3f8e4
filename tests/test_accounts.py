"""Accounts: the first owner, the owner's commands, their audit events, and sign-in lockout."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.db import open_database
from app.models import AuditEvent, User
from app.services.people import accounts, passwords, sign_in, user_records
from app.services.people.accounts import AccountError, LoginRefused
from app.services.people.permissions import Actor, PermissionDenied, Role

T0 = 1_795_000_000
BOSS_PASSWORD = "boss-pass-1"


@pytest.fixture
def sessions(database_url: str) -> sessionmaker[Session]:
    return open_database(database_url)[1]


@pytest.fixture
def boss(sessions: sessionmaker[Session]) -> Actor:
    with sessions.begin() as session:
        return accounts.create_owner(session, "Boss", "王老板", BOSS_PASSWORD, now=T0)


def add(sessions: sessionmaker[Session], actor: Actor, username: str, role: Role = Role.CLERK, **over: Any):
    with sessions.begin() as session:
        return accounts.add_user(
            session, actor, username=username, display_name=over.pop("display_name", ""), role=role,
            password=over.pop("password", "clerk-pass-1"), now=over.pop("now", T0 + 1), **over,
        )  # fmt: skip


def counts(sessions: sessionmaker[Session]) -> tuple[int, int]:
    with sessions() as session:
        return (
            session.scalar(select(func.count()).select_from(User)) or 0,
            session.scalar(select(func.count()).select_from(AuditEvent)) or 0,
        )


def sign(sessions: sessionmaker[Session], username: str, password: str, now: int) -> Actor:
    with sessions.begin() as session:
        return accounts.authenticate(session, username, password, now=now)


def refused(sessions: sessionmaker[Session], username: str, password: str, now: int) -> LoginRefused:
    with pytest.raises(LoginRefused) as info:
        sign(sessions, username, password, now)
    return info.value


# --- the first owner and the owner's commands -----------------------------------
def test_the_first_owner_is_created_once_and_audited(sessions: sessionmaker[Session], boss: Actor) -> None:
    assert (boss.role, boss.username, boss.display_name) == (Role.OWNER, "Boss", "王老板")
    with sessions() as session:
        assert accounts.has_owner(session)
        (event,) = session.scalars(select(AuditEvent)).all()
    assert (event.action, event.actor_id, event.before) == ("user.create", boss.user_id, "")
    assert json.loads(event.after)["role"] == "owner" and "password" not in event.after
    with pytest.raises(AccountError) as info, sessions.begin() as session:
        accounts.create_owner(session, "another", "", "another-pass", now=T0)
    assert info.value.message == accounts.MSG_OWNER_EXISTS
    assert counts(sessions) == (1, 1)


@pytest.mark.parametrize("taken", ["xiaowang", "XiaoWang", "ＸＩＡＯＷＡＮＧ", " xiaowang "])
def test_a_user_name_taken_in_any_letter_case_is_refused_and_nothing_saved(
    sessions: sessionmaker[Session], boss: Actor, taken: str
) -> None:
    add(sessions, boss, "XiaoWang")
    before = counts(sessions)
    with pytest.raises(AccountError) as info:
        add(sessions, boss, taken)
    assert info.value.message == user_records.MSG_USERNAME_TAKEN and counts(sessions) == before


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("x", "long-enough", user_records.MSG_USERNAME_BAD),
        ("x" * 33, "long-enough", user_records.MSG_USERNAME_BAD),
        ("two words", "long-enough", user_records.MSG_USERNAME_BAD),
        ("semi;colon", "long-enough", user_records.MSG_USERNAME_BAD),
        ("", "long-enough", user_records.MSG_USERNAME_BAD),
        ("xiaoli", "", user_records.MSG_PASSWORD_EMPTY),
        ("xiaoli", "7-chars", user_records.MSG_PASSWORD_SHORT),
        ("xiaoli", "x" * 257, user_records.MSG_PASSWORD_LONG),
    ],
)
def test_bad_names_and_passwords_are_refused_and_nothing_saved(
    sessions: sessionmaker[Session], boss: Actor, username: str, password: str, message: str
) -> None:
    before = counts(sessions)
    with pytest.raises(AccountError) as info:
        add(sessions, boss, username, password=password)
    assert info.value.message == message and counts(sessions) == before


@pytest.mark.parametrize("username", ["王小二", "li.na-2", "ab", "x" * 32, "仓库_01"])
def test_chinese_and_ascii_user_names_are_welcome(
    sessions: sessionmaker[Session], boss: Actor, username: str
) -> None:
    row = add(sessions, boss, username, password="8-chars!")
    assert (row.username, row.display_name, row.role, row.active) == (username, username, Role.CLERK, True)
    assert sign(sessions, username.upper(), "8-chars!", T0 + 5).user_id == row.id


def test_a_clerk_cannot_add_people_and_nothing_is_saved(sessions: sessionmaker[Session], boss: Actor) -> None:
    add(sessions, boss, "xiaoli")
    clerk = sign(sessions, "xiaoli", "clerk-pass-1", T0 + 5)
    before = counts(sessions)
    with pytest.raises(PermissionDenied):
        add(sessions, clerk, "sneaky", role=Role.OWNER)
    assert counts(sessions) == before


def test_an_owner_demoted_elsewhere_loses_their_rights_at_once(
    sessions: sessionmaker[Session], boss: Actor
) -> None:
    second = add(sessions, boss, "laoban2", role=Role.OWNER)
    second_actor = sign(sessions, "laoban2", "clerk-pass-1", T0 + 5)
    with sessions.begin() as session:
        accounts.set_role(session, boss, second.id, Role.CLERK, now=T0 + 6)
    with pytest.raises(PermissionDenied) as info:
        add(sessions, second_actor, "someone")
    assert info.value.message == accounts.MSG_ACTOR_CHANGED


def test_the_last_active_owner_can_be_neither_switched_off_nor_demoted(
    sessions: sessionmaker[Session], boss: Actor
) -> None:
    before = counts(sessions)
    for command, message in [
        (lambda s: accounts.set_role(s, boss, boss.user_id, Role.CLERK, now=T0 + 2), accounts.MSG_LAST_OWNER),
        (lambda s: accounts.set_active(s, boss, boss.user_id, False, now=T0 + 2), accounts.MSG_NOT_YOURSELF),
    ]:
        with pytest.raises(AccountError) as info, sessions.begin() as session:
            command(session)
        assert info.value.message == message
    # With a second owner, either may step down, but never the last one standing.
    second = add(sessions, boss, "laoban2", role=Role.OWNER)
    with sessions.begin() as session:
        accounts.set_active(session, boss, second.id, False, now=T0 + 3)
    with pytest.raises(AccountError) as info, sessions.begin() as session:
        accounts.set_role(session, boss, boss.user_id, Role.WAREHOUSE, now=T0 + 4)
    assert info.value.message == accounts.MSG_LAST_OWNER
    with sessions() as session:
        rows = {row.username: row for row in accounts.list_users(session)}
    assert rows["Boss"].role == Role.OWNER and rows["Boss"].active and not rows["laoban2"].active
    assert counts(sessions) == (before[0] + 1, before[1] + 2)


@pytest.mark.parametrize(
    ("single", "daily", "message"),
    [(-1, 100, user_records.MSG_BAD_LIMIT), (200, 100, user_records.MSG_DAILY_BELOW_SINGLE)],
)
def test_refund_limits_must_make_sense(
    sessions: sessionmaker[Session], boss: Actor, single: int, daily: int, message: str
) -> None:
    row = add(sessions, boss, "xiaoli")
    before = counts(sessions)
    with pytest.raises(AccountError) as info, sessions.begin() as session:
        accounts.set_refund_limits(session, boss, row.id, single, daily, now=T0 + 2)
    assert info.value.message == message and counts(sessions) == before


Command = Callable[[Session, Actor, int], object]
COMMANDS: list[tuple[str, Command, str]] = [
    (
        "add",
        lambda s, a, _: accounts.add_user(
            s,
            a,
            username="xiaozhang",
            display_name="小张",
            role=Role.WAREHOUSE,
            password="pass-word-2",
            now=T0 + 9,
        ),
        "user.create",
    ),  # fmt: skip
    ("disable", lambda s, a, uid: accounts.set_active(s, a, uid, False, now=T0 + 9), "user.disable"),
    ("enable", lambda s, a, uid: accounts.set_active(s, a, uid, True, now=T0 + 9), "user.enable"),
    (
        "reset",
        lambda s, a, uid: accounts.reset_password(s, a, uid, "new-pass-word", now=T0 + 9),
        "user.password_reset",
    ),
    (
        "own",
        lambda s, a, _: accounts.change_own_password(s, a, BOSS_PASSWORD, "new-pass-word", now=T0 + 9),
        "user.password_change",
    ),
    (
        "limits",
        lambda s, a, uid: accounts.set_refund_limits(s, a, uid, 50_00, 200_00, now=T0 + 9),
        "user.update",
    ),
    ("role", lambda s, a, uid: accounts.set_role(s, a, uid, Role.WAREHOUSE, now=T0 + 9), "user.update"),
]


@pytest.mark.parametrize(("name", "command", "action"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_every_command_leaves_exactly_one_audit_event_with_before_and_after(
    sessions: sessionmaker[Session], boss: Actor, name: str, command: Command, action: str
) -> None:
    clerk = add(sessions, boss, "xiaoli", refund_limit_single_fen=10_00, refund_limit_daily_fen=30_00)
    if name == "enable":
        with sessions.begin() as session:
            accounts.set_active(session, boss, clerk.id, False, now=T0 + 8)
    _, events_before = counts(sessions)
    with sessions.begin() as session:
        command(session, boss, clerk.id)
    with sessions() as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()[events_before:]
        hashes = session.scalars(select(User.password_hash)).all()
    assert [(event.action, event.actor_id, event.at) for event in events] == [(action, boss.user_id, T0 + 9)]
    before, after = (json.loads(text) if text else None for text in (events[0].before, events[0].after))
    assert after and (before is None) == (name == "add") and before != after
    text = events[0].before + events[0].after
    assert not any(secret in text for secret in ("new-pass-word", "pass-word-2", BOSS_PASSWORD, *hashes))


def test_changing_ones_own_password_needs_the_current_one(
    sessions: sessionmaker[Session], boss: Actor
) -> None:
    before = counts(sessions)
    for old, new, message in [
        ("wrong-pass-1", "new-pass-word", accounts.MSG_OLD_PASSWORD_WRONG),
        (BOSS_PASSWORD, BOSS_PASSWORD, accounts.MSG_SAME_PASSWORD),
        (BOSS_PASSWORD, "short", user_records.MSG_PASSWORD_SHORT),
    ]:
        with pytest.raises(AccountError) as info, sessions.begin() as session:
            accounts.change_own_password(session, boss, old, new, now=T0 + 2)
        assert info.value.message == message
    assert counts(sessions) == before
    with sessions.begin() as session:
        accounts.change_own_password(session, boss, BOSS_PASSWORD, "new-pass-word", now=T0 + 3)
    assert sign(sessions, "boss", "new-pass-word", T0 + 4).user_id == boss.user_id


# --- signing in and lockout ------------------------------------------------------
def test_a_wrong_password_and_an_unknown_name_get_the_same_words(
    sessions: sessionmaker[Session], boss: Actor
) -> None:
    wrong, unknown = refused(sessions, "boss", "not-the-one", T0), refused(sessions, "nobody", "x", T0)
    assert (wrong.message, wrong.retry_after_s, str(wrong)) == (unknown.message, None, str(unknown))
    assert wrong.message == "Wrong user name or password."


def test_five_wrong_passwords_lock_the_account_and_the_wait_grows(
    sessions: sessionmaker[Session], boss: Actor
) -> None:
    for attempt in range(4):
        assert refused(sessions, "boss", "wrong", T0 + attempt).retry_after_s is None
    fifth = refused(sessions, "boss", "wrong", T0 + 10)
    assert (fifth.message, fifth.retry_after_s) == (sign_in.MSG_LOCKED, 30.0)
    assert refused(sessions, "Boss", BOSS_PASSWORD, T0 + 39).retry_after_s == 1.0  # right, but waiting
    now, waits = T0 + 40, []
    for _ in range(7):
        waits.append(refused(sessions, "boss", "wrong", now).retry_after_s)
        now += int(waits[-1] or 0)
    assert waits == [60.0, 120.0, 240.0, 480.0, 900.0, 900.0, 900.0]
    assert sign(sessions, "boss", BOSS_PASSWORD, now).user_id == boss.user_id  # the wait is over
    assert refused(sessions, "boss", "wrong", now + 1).retry_after_s is None  # and the count starts again


def test_failed_sign_ins_are_recorded_even_though_the_callers_transaction_rolls_back(
    sessions: sessionmaker[Session], boss: Actor
) -> None:
    for attempt in range(5):
        refused(sessions, "boss", f"guess-{attempt}", T0 + attempt)
    refused(sessions, "n0b0dy-typed-here", "x", T0 + 6)
    with sessions() as session:
        failed = select(AuditEvent).where(AuditEvent.action == "session.sign_in_failed")
        events = session.scalars(failed).all()
        locked_until = session.scalar(select(User.locked_until))
    assert len(events) == 6 and locked_until == T0 + 4 + 30
    assert json.loads(events[4].after) == {"failed_logins": 5, "locked_until": T0 + 34}
    everything = " ".join(e.before + e.after + e.note + e.actor_name + e.entity_id for e in events)
    assert "guess" not in everything and "n0b0dy" not in everything


def test_a_password_reset_by_the_owner_ends_the_lockout(sessions: sessionmaker[Session], boss: Actor) -> None:
    clerk = add(sessions, boss, "xiaoli")
    for attempt in range(5):
        refused(sessions, "xiaoli", "wrong", T0 + attempt)
    with sessions.begin() as session:
        row = accounts.reset_password(session, boss, clerk.id, "fresh-pass-1", now=T0 + 6)
    assert row.locked_until is None
    assert sign(sessions, "xiaoli", "fresh-pass-1", T0 + 7).user_id == clerk.id


def test_a_switched_off_account_says_so_only_to_someone_who_knows_the_password(
    sessions: sessionmaker[Session], boss: Actor
) -> None:
    clerk = add(sessions, boss, "xiaoli")
    with sessions.begin() as session:
        accounts.set_active(session, boss, clerk.id, False, now=T0 + 2)
    assert refused(sessions, "xiaoli", "clerk-pass-1", T0 + 3).message == sign_in.MSG_LOGIN_DISABLED
    assert refused(sessions, "xiaoli", "wrong-pass", T0 + 3).message == sign_in.MSG_WRONG_LOGIN


def test_a_hash_made_with_weaker_parameters_is_replaced_at_sign_in(
    sessions: sessionmaker[Session], boss: Actor
) -> None:
    weak = passwords.hash_password(BOSS_PASSWORD).replace("$16384$", "$1024$", 1)
    salt = passwords._parse(weak)[3]  # type: ignore[index]
    weak = weak.rsplit("$", 1)[0] + "$" + passwords._b64(passwords._scrypt(BOSS_PASSWORD, salt, 1024, 8, 1))
    with sessions.begin() as session:
        session.execute(update(User).values(password_hash=weak))
    assert passwords.verify_password(BOSS_PASSWORD, weak) and passwords.needs_rehash(weak)
    sign(sessions, "boss", BOSS_PASSWORD, T0 + 1)
    with sessions() as session:
        stored = session.scalar(select(User.password_hash))
    assert stored and stored.startswith("scrypt$16384$8$1$") and not passwords.needs_rehash(stored)


def test_the_owner_is_carried_to_a_new_shops_database_once(
    sessions: sessionmaker[Session], boss: Actor, tmp_path_factory: pytest.TempPathFactory
) -> None:
    _, other = open_database(f"sqlite:///{tmp_path_factory.mktemp('other') / 'shop.sqlite'}")
    for _ in range(2):
        with sessions() as source:
            accounts.copy_owner_to(other, boss.user_id, source, now=T0 + 5)
    with other() as session:
        (row,) = accounts.list_users(session)
        (event,) = session.scalars(select(AuditEvent)).all()
    assert (row.username, row.display_name, row.role) == ("Boss", "王老板", Role.OWNER)
    assert event.action == "user.create" and event.at == T0 + 5
    assert sign(other, "boss", BOSS_PASSWORD, T0 + 6).role == Role.OWNER
