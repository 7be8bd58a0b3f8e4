"""Decisions made here that the platform has not yet confirmed: the outbox.

Owns the `outbox_operations` table. A person's decision (approve a refund, ship an
order) is written here in the same transaction as the local change and its audit
event, and stays until the platform has answered for it. The push engine reads it
oldest first per entity and records every attempt, so after a crash, a lost answer or
a day offline the app knows exactly what was sent, what is certain, and what must be
checked with the platform before it is sent again.
"""

from __future__ import annotations

from enum import StrEnum

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import PLATFORM_ID_LENGTH, Base, UnixTime


class OutboxState(StrEnum):
    """Where an operation stands; "pending" and "sending" are the only ones still moving.

    The values are stored: rename a member, never its value. Only
    `app/services/outbox_states.py` moves an operation from one to another."""

    PENDING = "pending"  # waiting to be sent (again)
    SENDING = "sending"  # handed to the network; if the app dies now, the outcome is unknown
    DONE = "done"  # the platform applied it (answered, or found applied on a re-read)
    REJECTED = "rejected"  # the platform refused it; a person must look
    CONFLICT = "conflict"  # the platform's state moved on (deadline passed, buyer cancelled…)
    DISCARDED = "discarded"  # a person decided to drop it (or replaced it by a fresh one)


# Short names for the members, as the readers of the outbox have always written them.
PENDING, SENDING, DONE = OutboxState.PENDING, OutboxState.SENDING, OutboxState.DONE
REJECTED, CONFLICT, DISCARDED = OutboxState.REJECTED, OutboxState.CONFLICT, OutboxState.DISCARDED
OPEN_STATES = (PENDING, SENDING)
ATTENTION_STATES = (REJECTED, CONFLICT)


class OutboxOperation(Base):
    __tablename__ = "outbox_operations"
    __table_args__ = (
        Index("ix_outbox_operations_state_next_attempt_at", "state", "next_attempt_at"),
        {"sqlite_autoincrement": True},  # seq never reused, so order is creation order
    )

    # Creation order; operations on one entity go out strictly in this order.
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # Client-generated (uuid4 hex): the same id from the first attempt to the last.
    op_id: Mapped[str] = mapped_column(String(32), unique=True)
    # What the operation does, in the app's words (app/services/outbox.py): "decide" on an
    # after-sale request (`decision`, a vocabulary.Decision), or "ship" an order.
    action: Mapped[str] = mapped_column(String(16))
    entity_type: Mapped[str] = mapped_column(String(16))  # "after_sale", "order"
    entity_id: Mapped[str] = mapped_column(String(PLATFORM_ID_LENGTH), index=True)
    decision: Mapped[str] = mapped_column(String(32), default="")  # "" for a shipment
    # The rest of what the person decided, JSON in the app's words: a refusal's reason,
    # remark and evidence, a return address; a shipment's carrier and tracking number.
    details: Mapped[str] = mapped_column(Text, default="{}")
    # The platform version the decision was based on (`update_time` of the after-sale).
    based_on_update_time: Mapped[int | None] = mapped_column(UnixTime)
    # The state before the decision, and the one it should lead to (for re-reads): a
    # RequestState for a decision, an OrderState for a shipment.
    expected_from_state: Mapped[str | None] = mapped_column(String(32))
    expected_to_state: Mapped[str | None] = mapped_column(String(32))
    # How a release before migration 0018 kept the operation, in Douyin's own words
    # (method, params, statuses): kept so nothing queued then is lost, never read since;
    # a new operation leaves them empty.
    douyin_method: Mapped[str] = mapped_column("method", String(64), default="")
    douyin_params: Mapped[str] = mapped_column("params", Text, default="")
    douyin_from_status: Mapped[int | None] = mapped_column("expected_from_status", Integer)
    douyin_to_status: Mapped[int | None] = mapped_column("expected_to_status", Integer)
    state: Mapped[str] = mapped_column(String(16), default=PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # The last attempt may have reached the platform without an answer: re-read first.
    verify_before_send: Mapped[bool] = mapped_column(default=False)
    next_attempt_at: Mapped[int] = mapped_column(UnixTime, default=0)
    created_at: Mapped[int] = mapped_column(UnixTime)
    created_by: Mapped[int | None] = mapped_column(Integer)
    audit_event_id: Mapped[int | None] = mapped_column(Integer)
    finished_at: Mapped[int | None] = mapped_column(UnixTime)
    # The last problem in plain words (English source) and the platform's own words.
    problem: Mapped[str] = mapped_column(Text, default="")
    platform_code: Mapped[str] = mapped_column(String(64), default="")
    platform_message: Mapped[str] = mapped_column(Text, default="")
    # What the platform showed when the operation could not apply (JSON), for people.
    platform_state: Mapped[str] = mapped_column(Text, default="")
