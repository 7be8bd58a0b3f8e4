"""The people at the workstation and the trail of what they did.

Owns the `users` table (one row per person who signs in to this shop's database:
role, scrypt password hash, refund limits, lockout state) and the `audit_events`
table. Users are never deleted, only switched off, so the trail always names them.

The audit trail is append-only, and the database enforces it: migration 0002 puts
triggers on `audit_events` that abort any UPDATE or DELETE, on SQLite and PostgreSQL
alike. A later fact about an earlier event (the platform's answer to a decision) is a
new event whose `refers_to` names the earlier one.
"""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import PLATFORM_ID_LENGTH, Base, Fen, UnixTime

ROLE_VALUES = ("owner", "clerk", "warehouse")
USERNAME_MAX = 32
DISPLAY_NAME_MAX = 64


class User(Base):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('owner', 'clerk', 'warehouse')", name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(USERNAME_MAX))
    # Case-folded user name: "Wang" and "wang" are the same person at the sign-in box.
    username_key: Mapped[str] = mapped_column(String(2 * USERNAME_MAX), unique=True)
    display_name: Mapped[str] = mapped_column(String(DISPLAY_NAME_MAX))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # None means "not set": a clerk without limits cannot decide refunds (permissions.py).
    refund_limit_single_fen: Mapped[int | None] = mapped_column(Fen)
    refund_limit_daily_fen: Mapped[int | None] = mapped_column(Fen)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[int | None] = mapped_column(UnixTime)
    created_at: Mapped[int] = mapped_column(UnixTime)
    password_changed_at: Mapped[int] = mapped_column(UnixTime)


class AuditEvent(Base):
    __tablename__ = "audit_events"
    # On SQLite, AUTOINCREMENT guarantees ids are never reused, so ids only grow.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[int] = mapped_column(UnixTime, index=True)
    # No foreign key to users: the trail must outlive any change to the people table,
    # and `actor_name` keeps the name as it was at the time.
    actor_id: Mapped[int | None] = mapped_column(Integer, index=True)
    actor_name: Mapped[str] = mapped_column(String(DISPLAY_NAME_MAX), default="")
    action: Mapped[str] = mapped_column(String(64), index=True)
    entity_type: Mapped[str] = mapped_column(String(32), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    order_id: Mapped[str] = mapped_column(String(PLATFORM_ID_LENGTH), default="", index=True)
    before: Mapped[str] = mapped_column(Text, default="")  # JSON, or "" for nothing
    after: Mapped[str] = mapped_column(Text, default="")
    refers_to: Mapped[int | None] = mapped_column(Integer, ForeignKey("audit_events.id"), index=True)
    note: Mapped[str] = mapped_column(Text, default="")
