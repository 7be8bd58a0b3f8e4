"""What the account services share: users as plain rows, validation, and lookups.

Owns the rules for what a user name, display name, password, role and refund limit
may be (one place, so the add-user dialog and the services agree), `AccountError`
with its plain-words messages, the `UserRow` the screens receive, and reading users
by id or by case-folded name. `accounts` and `sign_in` build on it; screens import
those two, not this module.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.core.refusal import Refusal
from app.core.translation import QT_TRANSLATE_NOOP
from app.models import User
from app.models.people import DISPLAY_NAME_MAX, USERNAME_MAX
from app.services.people import passwords
from app.services.people.permissions import Role

PASSWORD_MIN = 8
PASSWORD_MAX = 256
_USERNAME_RE = re.compile(rf"[\w.\-]{{2,{USERNAME_MAX}}}")  # \w: letters and digits of any script

MSG_USERNAME_BAD = QT_TRANSLATE_NOOP(
    "accounts",
    "A user name has 2 to 32 characters: letters, digits, Chinese characters, dot, dash or underscore.",
)
MSG_USERNAME_TAKEN = QT_TRANSLATE_NOOP(
    "accounts", "This user name is already taken (capital and small letters count as the same)."
)
MSG_PASSWORD_EMPTY = QT_TRANSLATE_NOOP("accounts", "Enter a password.")
MSG_PASSWORD_SHORT = QT_TRANSLATE_NOOP("accounts", "A password needs at least 8 characters.")
MSG_PASSWORD_LONG = QT_TRANSLATE_NOOP("accounts", "A password can have at most 256 characters.")
MSG_DISPLAY_NAME_LONG = QT_TRANSLATE_NOOP("accounts", "A display name can have at most 64 characters.")
MSG_UNKNOWN_USER = QT_TRANSLATE_NOOP("accounts", "This person is not in the list. Refresh and try again.")
MSG_BAD_ROLE = QT_TRANSLATE_NOOP("accounts", "Choose a role: owner, customer service or warehouse.")
MSG_BAD_LIMIT = QT_TRANSLATE_NOOP("accounts", "A refund limit is an amount of zero or more, or empty.")
MSG_DAILY_BELOW_SINGLE = QT_TRANSLATE_NOOP(
    "accounts", "The daily limit cannot be lower than the limit for one refund."
)


class AccountError(Refusal):
    """A command on people refused for a reason in plain words (context "accounts")."""


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    refund_limit_single_fen: int | None
    refund_limit_daily_fen: int | None
    locked_until: int | None


# --- validation ------------------------------------------------------------------
def normalise_username(username: str) -> str:
    # NFKC folds full-width letters (Ｗａｎｇ, typed with a Chinese IME) into plain ones.
    return unicodedata.normalize("NFKC", username).strip()


def username_key(username: str) -> str:
    return normalise_username(username).casefold()


def valid_username(username: str) -> str:
    name = normalise_username(username)
    if not _USERNAME_RE.fullmatch(name):
        raise AccountError(MSG_USERNAME_BAD)
    return name


def valid_password(password: str) -> str:
    if not password:
        raise AccountError(MSG_PASSWORD_EMPTY)
    if len(password) < PASSWORD_MIN:
        raise AccountError(MSG_PASSWORD_SHORT)
    if len(password) > PASSWORD_MAX:
        raise AccountError(MSG_PASSWORD_LONG)
    return password


def valid_display_name(display_name: str, username: str) -> str:
    name = " ".join(display_name.split())
    if len(name) > DISPLAY_NAME_MAX:
        raise AccountError(MSG_DISPLAY_NAME_LONG)
    return name or username


def valid_role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise AccountError(MSG_BAD_ROLE) from None


def valid_limits(single: int | None, daily: int | None) -> tuple[int | None, int | None]:
    for value in (single, daily):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            raise AccountError(MSG_BAD_LIMIT)
    if single is not None and daily is not None and daily < single:
        raise AccountError(MSG_DAILY_BELOW_SINGLE)
    return single, daily


# --- reading ---------------------------------------------------------------------
def user_row(user: User) -> UserRow:
    return UserRow(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=Role(user.role),
        active=user.active,
        refund_limit_single_fen=user.refund_limit_single_fen,
        refund_limit_daily_fen=user.refund_limit_daily_fen,
        locked_until=user.locked_until,
    )


def snapshot(user: User) -> dict[str, Any]:
    """What the audit trail keeps of a user: everything but the password hash."""
    return {
        "id": user.id,
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role,
        "active": user.active,
        "refund_limit_single_fen": user.refund_limit_single_fen,
        "refund_limit_daily_fen": user.refund_limit_daily_fen,
    }


def login_state(user: User) -> dict[str, Any]:
    return {"failed_logins": user.failed_logins, "locked_until": user.locked_until}


def find_user(session: Session, username: str) -> User | None:
    return session.scalars(select(User).where(User.username_key == username_key(username))).one_or_none()


def get_user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise AccountError(MSG_UNKNOWN_USER)
    return user


def has_owner(session: Session) -> bool:
    """Whether this shop's database has an active owner (if not, the app asks for one)."""
    found = session.scalars(select(User.id).where(User.role == Role.OWNER, User.active).limit(1)).first()
    return found is not None


def list_users(session: Session) -> list[UserRow]:
    return [user_row(user) for user in session.scalars(select(User).order_by(User.username_key))]


def insert_user(session: Session, user: User) -> None:
    if find_user(session, user.username) is not None:
        raise AccountError(MSG_USERNAME_TAKEN)
    session.add(user)
    try:
        session.flush()
    except IntegrityError:  # the same name added at another computer a moment ago
        raise AccountError(MSG_USERNAME_TAKEN) from None


def new_user(username: str, display_name: str, role: Role, password: str, now: int) -> User:
    return User(
        username=username,
        username_key=username_key(username),
        display_name=display_name,
        role=role.value,
        password_hash=passwords.hash_password(password),
        active=True,
        failed_logins=0,
        created_at=now,
        password_changed_at=now,
    )
