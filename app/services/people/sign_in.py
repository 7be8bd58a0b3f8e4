"""Signing in: checking a password, counting failures, and the lockout.

Owns `authenticate` and the lockout rule. After `LOCKOUT_AFTER` wrong passwords in a
row the account waits 30 s, and every further wrong password after the wait doubles
it (60 s, 120 s …) up to 15 min. Attempts during a wait are refused without looking
at the password; a right password ends the count.

A wrong user name and a wrong password get the same words, and take as long (an
unknown name is checked against a dummy hash). A locked or switched-off account says
so only once the name is known to exist, which a small shop's people can see in the
user list anyway. The typed text of an unknown user name is not recorded: people
sometimes type their password into the name box.

A refused sign-in raises `LoginRefused`, which rolls the caller's transaction back;
the failed attempt and the lockout it may start must stay, so failures are written
and committed in a short transaction of their own on the same database. Success is
audited in the caller's transaction, like every other command.

Tries at the same moment (a script at two desks, or twelve threads) are taken one at a
time per account: the lock state is read, the password checked and the count written
while the account's record is locked (`permissions.lock_person`), so the sixth try
sees the lockout the fifth started instead of checking its password too. The lock is
held for one password check (a few tens of milliseconds); on SQLite it is the
database's one write lock, which sign-ins take rarely enough.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from app.core.refusal import Refusal
from app.core.translation import QT_TRANSLATE_NOOP
from app.models import User
from app.services.people import audit, passwords, permissions
from app.services.people.permissions import Actor, actor_for
from app.services.people.user_records import find_user, login_state

LOCKOUT_AFTER = 5
LOCKOUT_FIRST_S = 30
LOCKOUT_MAX_S = 15 * 60

MSG_WRONG_LOGIN = QT_TRANSLATE_NOOP("accounts", "Wrong user name or password.")
MSG_LOCKED = QT_TRANSLATE_NOOP("accounts", "Too many wrong passwords. Please wait, then try again.")
MSG_LOGIN_DISABLED = QT_TRANSLATE_NOOP("accounts", "This account is switched off. Ask the shop owner.")


class LoginRefused(Refusal):
    """Sign-in refused; `retry_after_s` is set while the account waits after a lockout."""

    def __init__(self, message: str, retry_after_s: float | None = None) -> None:
        self.retry_after_s = retry_after_s
        super().__init__(message)


def lockout_seconds(failed_logins: int) -> int:
    """How long sign-in waits after `failed_logins` wrong passwords in a row."""
    if failed_logins < LOCKOUT_AFTER:
        return 0
    return min(LOCKOUT_FIRST_S * 2 ** min(failed_logins - LOCKOUT_AFTER, 10), LOCKOUT_MAX_S)


def _own_session(session: Session) -> Session:
    """A session of its own on the caller's database, for what must stay committed."""
    bind = session.get_bind()
    return Session(bind.engine if isinstance(bind, Connection) else bind)


def _audit_failure(
    own: Session, user_id: int | None, before: dict[str, Any] | None, after: dict[str, Any] | None,
    note: str, now: int,
) -> None:  # fmt: skip
    audit.record(
        own,
        None,
        audit.SESSION_SIGN_IN_FAILED,
        entity_type="user" if user_id else "",
        entity_id=str(user_id or ""),
        before=before,
        after=after,
        note=note,
        now=now,
    )


@dataclass(frozen=True)
class _Checked:
    """What the check under the account's lock found."""

    refusal: str | None  # MSG_* when refused, None when the password was right
    locked_until: int | None
    before: dict[str, Any]


def _check_locked(session: Session, user_id: int, password: str, now: int) -> _Checked:
    """Lock state, password and failure count in one committed transaction of its own,
    the account's record locked throughout (see the module docstring)."""
    with _own_session(session) as own, own.begin():
        user = permissions.lock_person(own, user_id)
        if user is None:  # gone since it was found: as for an unknown name
            return _Checked(MSG_WRONG_LOGIN, None, {})
        before = login_state(user)
        if user.locked_until is not None and now < user.locked_until:
            _audit_failure(own, user_id, before, before, "account waiting after lockout", now)
            return _Checked(MSG_LOCKED, user.locked_until, before)
        if not passwords.verify_password(password, user.password_hash):
            user.failed_logins += 1
            wait = lockout_seconds(user.failed_logins)
            user.locked_until = now + wait if wait else None
            own.flush()
            _audit_failure(own, user_id, before, login_state(user), "wrong password", now)
            locked = user.locked_until is not None and user.locked_until > now
            return _Checked(MSG_LOCKED if locked else MSG_WRONG_LOGIN, user.locked_until, before)
        if not user.active:
            _audit_failure(own, user_id, before, before, "account switched off", now)
            return _Checked(MSG_LOGIN_DISABLED, None, before)
        user.failed_logins = 0  # a right password ends the count, whatever the caller does next
        user.locked_until = None
        return _Checked(None, None, before)


def authenticate(session: Session, username: str, password: str, *, now: int) -> Actor:
    """The signed-in Actor, or LoginRefused. Success is audited in the caller's
    transaction; a failure is committed on its own (see the module docstring)."""
    found = find_user(session, username)
    if found is None:
        passwords.verify_password(password, passwords.dummy_hash())  # same time as a real check
        with _own_session(session) as own, own.begin():
            _audit_failure(own, None, None, None, "unknown user name", now)
        raise LoginRefused(MSG_WRONG_LOGIN)
    checked = _check_locked(session, found.id, password, now)
    if checked.refusal is not None:
        until = checked.locked_until
        raise LoginRefused(checked.refusal, float(until - now) if until is not None and until > now else None)
    user = session.get(User, found.id, populate_existing=True)  # as the check left it
    assert user is not None
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    actor = actor_for(user)
    audit.record(
        session,
        actor,
        audit.SESSION_SIGN_IN,
        entity_type="user",
        entity_id=str(user.id),
        before=checked.before,
        after=login_state(user),
        now=now,
    )
    return actor


def resume_stayed_signed_in(session: Session, username: str, *, now: int) -> Actor | None:
    """The person who chose to stay signed in at this computer, signed in again without a
    password and audited; None when they are gone or switched off (then someone signs in)."""
    user = find_user(session, username)
    if user is None or not user.active:
        return None
    actor = actor_for(user)
    audit.record(
        session,
        actor,
        audit.SESSION_SIGN_IN,
        entity_type="user",
        entity_id=str(actor.user_id),
        note="stayed signed in on this computer",
        now=now,
    )
    return actor


def record_switch_user(session: Session, leaving: Actor | None, arriving: Actor, *, now: int) -> None:
    """`arriving` signed in at a desk where `leaving` (None: nobody) was working."""
    audit.record(
        session,
        arriving,
        audit.SESSION_SWITCH_USER,
        entity_type="user",
        entity_id=str(arriving.user_id),
        before={"user": leaving.username} if leaving else None,
        after={"user": arriving.username},
        now=now,
    )
