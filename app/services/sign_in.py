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
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from app.models import User
from app.services import audit, passwords
from app.services.permissions import Actor
from app.services.refusal import Refusal
from app.services.user_records import actor_for, find_user, login_state
from app.sync.codes import QT_TRANSLATE_NOOP

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


def _record_failure(
    session: Session, user_id: int | None, *, count_it: bool, note: str, now: int
) -> int | None:
    """Save a failed attempt in its own committed transaction; returns `locked_until`."""
    bind = session.get_bind()
    engine = bind.engine if isinstance(bind, Connection) else bind
    with Session(engine) as own, own.begin():
        locked_until = None
        before = after = None
        if user_id is not None:
            user = own.get(User, user_id, with_for_update=True)
            if user is not None:
                before = login_state(user)
                if count_it:
                    user.failed_logins += 1
                    wait = lockout_seconds(user.failed_logins)
                    user.locked_until = now + wait if wait else None
                locked_until = user.locked_until
                after = login_state(user)
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
    return locked_until


def authenticate(session: Session, username: str, password: str, *, now: int) -> Actor:
    """The signed-in Actor, or LoginRefused. Success is audited in the caller's
    transaction; a failure is committed on its own (see the module docstring)."""
    user = find_user(session, username)
    if user is None:
        passwords.verify_password(password, passwords.dummy_hash())  # same time as a real check
        _record_failure(session, None, count_it=False, note="unknown user name", now=now)
        raise LoginRefused(MSG_WRONG_LOGIN)
    if user.locked_until is not None and now < user.locked_until:
        _record_failure(session, user.id, count_it=False, note="account waiting after lockout", now=now)
        raise LoginRefused(MSG_LOCKED, float(user.locked_until - now))
    if not passwords.verify_password(password, user.password_hash):
        locked_until = _record_failure(session, user.id, count_it=True, note="wrong password", now=now)
        if locked_until is not None and locked_until > now:
            raise LoginRefused(MSG_LOCKED, float(locked_until - now))
        raise LoginRefused(MSG_WRONG_LOGIN)
    if not user.active:
        _record_failure(session, user.id, count_it=False, note="account switched off", now=now)
        raise LoginRefused(MSG_LOGIN_DISABLED)
    before = login_state(user)
    user.failed_logins = 0
    user.locked_until = None
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    actor = actor_for(user)
    audit.record(
        session,
        actor,
        audit.SESSION_SIGN_IN,
        entity_type="user",
        entity_id=str(user.id),
        before=before,
        after=login_state(user),
        now=now,
    )
    return actor
