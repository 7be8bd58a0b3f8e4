"""People's accounts: the first owner and the owner's user management.

Owns every change to the `users` table except sign-in's failure counting
(`sign_in.py`). Each command takes the acting `Actor`, asks `permissions.check`
first, validates everything before writing (so nothing is saved half-way), and
appends one audit event with before/after JSON in the caller's transaction: callers
run commands inside `with sessions.begin() as session:` and commands never commit.
Password hashes never enter the audit trail. Users are never deleted, only switched
off, and the shop always keeps at least one active owner.

This is the module screens import: it re-exports sign-in and the shared rows.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.core.translation import QT_TRANSLATE_NOOP
from app.models import User
from app.services.people import audit, passwords
from app.services.people.permissions import MSG_ACTOR_CHANGED, Action, Actor, Role, actor_for, authorise
from app.services.people.sign_in import (
    LOCKOUT_AFTER,
    LOCKOUT_FIRST_S,
    LOCKOUT_MAX_S,
    LoginRefused,
    authenticate,
    lockout_seconds,
)
from app.services.people.user_records import (
    MSG_UNKNOWN_USER,
    PASSWORD_MIN,
    AccountError,
    UserRow,
    get_user,
    has_owner,
    insert_user,
    list_users,
    login_state,
    new_user,
    snapshot,
    user_row,
    valid_display_name,
    valid_limits,
    valid_password,
    valid_role,
    valid_username,
)

__all__ = [
    "MSG_ACTOR_CHANGED",
    "LOCKOUT_AFTER",
    "LOCKOUT_FIRST_S",
    "LOCKOUT_MAX_S",
    "PASSWORD_MIN",
    "AccountError",
    "LoginRefused",
    "UserRow",
    "add_user",
    "authenticate",
    "change_own_password",
    "copy_owner_to",
    "create_owner",
    "has_owner",
    "list_users",
    "lockout_seconds",
    "reset_password",
    "set_active",
    "set_refund_limits",
    "set_role",
    "valid_display_name",
    "valid_password",
    "valid_username",
]

# The first-run page validates as the person types; it was written against these names.
_valid_username = valid_username
_valid_display_name = valid_display_name
_valid_password = valid_password

MSG_OWNER_EXISTS = QT_TRANSLATE_NOOP("accounts", "This shop already has an owner. Sign in as the owner.")
MSG_LAST_OWNER = QT_TRANSLATE_NOOP(
    "accounts", "The shop needs at least one active owner. Make someone else an owner first."
)
MSG_NOT_YOURSELF = QT_TRANSLATE_NOOP("accounts", "You cannot switch off your own account.")
MSG_OLD_PASSWORD_WRONG = QT_TRANSLATE_NOOP("accounts", "The current password is wrong.")
MSG_SAME_PASSWORD = QT_TRANSLATE_NOOP("accounts", "The new password is the same as the current one.")
MSG_NOT_AN_OWNER = QT_TRANSLATE_NOOP("accounts", "Only an owner's account can be carried to another shop.")


def _is_last_active_owner(session: Session, user: User) -> bool:
    if user.role != Role.OWNER or not user.active:
        return False
    # FOR UPDATE (PostgreSQL): two owners switching each other off at two computers wait
    # for one another instead of both succeeding. SQLite has one writer at a time anyway.
    owners = session.scalars(select(User.id).where(User.role == Role.OWNER, User.active).with_for_update())
    return len(owners.all()) <= 1


def _authorise(session: Session, actor: Actor, action: Action) -> None:
    """`check` on the actor as signed in, then on the account as it is now, so an owner
    demoted or switched off at another computer loses their rights at once."""
    authorise(session, actor, action)


def create_owner(session: Session, username: str, display_name: str, password: str, *, now: int) -> Actor:
    """The shop's first owner; refused once the database has an owner."""
    if session.scalars(select(User.id).where(User.role == Role.OWNER).limit(1)).first() is not None:
        raise AccountError(MSG_OWNER_EXISTS)
    name = valid_username(username)
    shown = valid_display_name(display_name, name)
    valid_password(password)
    user = new_user(name, shown, Role.OWNER, password, now)
    insert_user(session, user)
    actor = actor_for(user)
    audit.record(
        session,
        actor,
        audit.USER_CREATE,
        entity_type="user",
        entity_id=str(user.id),
        after=snapshot(user),
        note="first owner",
        now=now,
    )
    return actor


# --- the owner's commands --------------------------------------------------------
def _audit_user(
    session: Session,
    actor: Actor,
    action: str,
    user: User,
    before: dict[str, Any] | None,
    after: dict[str, Any],
    now: int,
) -> None:
    audit.record(
        session,
        actor,
        action,
        entity_type="user",
        entity_id=str(user.id),
        before=before,
        after=after,
        now=now,
    )


def add_user(
    session: Session,
    actor: Actor,
    *,
    username: str,
    display_name: str,
    role: Role,
    password: str,
    refund_limit_single_fen: int | None = None,
    refund_limit_daily_fen: int | None = None,
    now: int,
) -> UserRow:
    _authorise(session, actor, Action.MANAGE_USERS)
    name = valid_username(username)
    shown = valid_display_name(display_name, name)
    chosen = valid_role(role)
    valid_password(password)
    single, daily = valid_limits(refund_limit_single_fen, refund_limit_daily_fen)
    user = new_user(name, shown, chosen, password, now)
    user.refund_limit_single_fen, user.refund_limit_daily_fen = single, daily
    insert_user(session, user)
    _audit_user(session, actor, audit.USER_CREATE, user, None, snapshot(user), now)
    return user_row(user)


def set_active(session: Session, actor: Actor, user_id: int, active: bool, *, now: int) -> UserRow:
    _authorise(session, actor, Action.MANAGE_USERS)
    user = get_user(session, user_id)
    if not active and user.id == actor.user_id:
        raise AccountError(MSG_NOT_YOURSELF)
    if not active and _is_last_active_owner(session, user):
        raise AccountError(MSG_LAST_OWNER)
    before = snapshot(user)
    user.active = active
    session.flush()
    action = audit.USER_ENABLE if active else audit.USER_DISABLE
    _audit_user(session, actor, action, user, before, snapshot(user), now)
    return user_row(user)


def reset_password(session: Session, actor: Actor, user_id: int, new_password: str, *, now: int) -> UserRow:
    """A new password set by the owner; also ends any lockout."""
    _authorise(session, actor, Action.MANAGE_USERS)
    valid_password(new_password)
    user = get_user(session, user_id)
    before = {**login_state(user), "password_changed_at": user.password_changed_at}
    user.password_hash = passwords.hash_password(new_password)
    user.password_changed_at = now
    user.failed_logins = 0
    user.locked_until = None
    session.flush()
    after = {**login_state(user), "password_changed_at": now}
    _audit_user(session, actor, audit.USER_PASSWORD_RESET, user, before, after, now)
    return user_row(user)


def change_own_password(
    session: Session, actor: Actor, old_password: str, new_password: str, *, now: int
) -> None:
    """Anyone signed in may change their own password, knowing the current one."""
    user = session.get(User, actor.user_id)
    if user is None or not user.active:
        raise AccountError(MSG_UNKNOWN_USER)
    valid_password(new_password)
    if not passwords.verify_password(old_password, user.password_hash):
        raise AccountError(MSG_OLD_PASSWORD_WRONG)
    if old_password == new_password:
        raise AccountError(MSG_SAME_PASSWORD)
    before = {"password_changed_at": user.password_changed_at}
    user.password_hash = passwords.hash_password(new_password)
    user.password_changed_at = now
    session.flush()
    _audit_user(session, actor, audit.USER_PASSWORD_CHANGE, user, before, {"password_changed_at": now}, now)


def set_refund_limits(
    session: Session, actor: Actor, user_id: int, single_fen: int | None, daily_fen: int | None, *, now: int
) -> UserRow:
    _authorise(session, actor, Action.MANAGE_USERS)
    single, daily = valid_limits(single_fen, daily_fen)
    user = get_user(session, user_id)
    before = snapshot(user)
    user.refund_limit_single_fen, user.refund_limit_daily_fen = single, daily
    session.flush()
    _audit_user(session, actor, audit.USER_UPDATE, user, before, snapshot(user), now)
    return user_row(user)


def set_role(session: Session, actor: Actor, user_id: int, role: Role, *, now: int) -> UserRow:
    _authorise(session, actor, Action.MANAGE_USERS)
    chosen = valid_role(role)
    user = get_user(session, user_id)
    if chosen != Role.OWNER and _is_last_active_owner(session, user):
        raise AccountError(MSG_LAST_OWNER)
    before = snapshot(user)
    user.role = chosen.value
    session.flush()
    _audit_user(session, actor, audit.USER_UPDATE, user, before, snapshot(user), now)
    return user_row(user)


def copy_owner_to(
    other_sessions: sessionmaker[Session] | Session,
    owner_user_id: int,
    source_session: Session,
    *,
    now: int | None = None,
) -> None:
    """Carry the owner's account (same password hash) into another shop's database that
    has no owner yet, so switching between the demo and a real shop keeps one sign-in.
    Given a sessionmaker, commits on its own; given a Session, writes in its transaction."""
    owner = get_user(source_session, owner_user_id)
    if owner.role != Role.OWNER:
        raise AccountError(MSG_NOT_AN_OWNER)
    if isinstance(other_sessions, Session):
        _copy_owner(other_sessions, owner, now)
        return
    with other_sessions.begin() as target:
        _copy_owner(target, owner, now)


def _copy_owner(target: Session, owner: User, now: int | None) -> None:
    if target.scalars(select(User.id).where(User.role == Role.OWNER).limit(1)).first() is not None:
        return
    at = int(time.time()) if now is None else now
    copy = User(
        username=owner.username,
        username_key=owner.username_key,
        display_name=owner.display_name,
        role=Role.OWNER.value,
        password_hash=owner.password_hash,
        active=True,
        failed_logins=0,
        created_at=at,
        password_changed_at=owner.password_changed_at,
    )
    insert_user(target, copy)
    audit.record(
        target,
        actor_for(copy),
        audit.USER_CREATE,
        entity_type="user",
        entity_id=str(copy.id),
        after=snapshot(copy),
        note="owner carried over from another shop's database",
        now=at,
    )
