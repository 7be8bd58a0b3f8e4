"""The outbox's state machine: which moves an operation may make, and that every other
move is refused loudly (a wrongly moved operation may be sent twice, or never).

Runs on a real database (SQLite and PostgreSQL), an operation queued the way a
decision queues it.
"""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import OrderState
from app.db import open_database
from app.models import OutboxOperation
from app.models.outbox import OutboxState
from app.services import outbox, outbox_states
from app.services.outbox_states import IllegalMove

NOW = 1_795_000_000
S = OutboxState


def one_operation(database_url: str) -> tuple[sessionmaker[Session], int]:
    _, sessions = open_database(database_url)
    with sessions.begin() as session:
        outbox.enqueue_shipment(
            session,
            order_id="o1",
            carrier_code="zhongtong",
            tracking_no="ZT1",
            refuse_refund=False,
            based_on_update_time=NOW - 60,
            expected_from=OrderState.AWAITING_SHIPMENT,
            actor=None,
            now=NOW,
        )
        seq = session.query(OutboxOperation.seq).scalar()
    assert seq is not None
    return sessions, seq


def state_of(sessions: sessionmaker[Session], seq: int) -> tuple[str, int]:
    with sessions() as session:
        op = session.get(OutboxOperation, seq)
        assert op is not None
        return op.state, op.attempts


def test_the_states_keep_the_values_stored_in_every_mirror() -> None:
    assert [s.value for s in S] == ["pending", "sending", "done", "rejected", "conflict", "discarded"]


def test_an_operation_goes_out_and_is_finished_once(database_url: str) -> None:
    sessions, seq = one_operation(database_url)
    assert state_of(sessions, seq) == (S.PENDING, 0)
    with sessions.begin() as session:
        assert outbox_states.mark_sending(session, seq, seen_state=S.PENDING, seen_attempts=0)
    assert state_of(sessions, seq) == (S.SENDING, 1)
    with sessions.begin() as session:
        op = session.get(OutboxOperation, seq)
        assert op is not None
        outbox_states.finish(op, S.DONE, now=NOW + 5)
    with sessions() as session:
        op = session.get(OutboxOperation, seq)
        assert op is not None
        assert (op.state, op.finished_at, op.verify_before_send) == (S.DONE, NOW + 5, False)
        for anywhere in S:  # done is done: not sent again, not dropped, not reopened
            with pytest.raises(IllegalMove):
                outbox_states.check_move(seq, op.state, anywhere)


def test_of_two_processes_that_read_the_same_row_only_one_marks_it_sending(database_url: str) -> None:
    sessions, seq = one_operation(database_url)
    with sessions.begin() as session:
        first = outbox_states.mark_sending(session, seq, seen_state=S.PENDING, seen_attempts=0)
    with sessions.begin() as session:
        second = outbox_states.mark_sending(session, seq, seen_state=S.PENDING, seen_attempts=0)
    assert (first, second) == (True, False)
    assert state_of(sessions, seq) == (S.SENDING, 1)


def test_an_attempt_that_may_have_reached_the_platform_is_checked_before_any_resend(
    database_url: str,
) -> None:
    sessions, seq = one_operation(database_url)
    with sessions.begin() as session:
        outbox_states.mark_sending(session, seq, seen_state=S.PENDING, seen_attempts=0)
    with sessions.begin() as session:
        op = session.get(OutboxOperation, seq)
        assert op is not None
        outbox_states.back_to_pending(op, next_attempt_at=NOW + 60, verify_before_send=True)
    with sessions.begin() as session:  # a later failure that reached nothing keeps the doubt
        op = session.get(OutboxOperation, seq)
        assert op is not None
        outbox_states.back_to_pending(op, next_attempt_at=NOW + 120)
    with sessions() as session:
        op = session.get(OutboxOperation, seq)
        assert op is not None
        assert (op.state, op.next_attempt_at, op.verify_before_send) == (S.PENDING, NOW + 120, True)


def test_only_a_refused_or_conflicting_operation_can_be_discarded(database_url: str) -> None:
    sessions, seq = one_operation(database_url)
    with sessions.begin() as session:
        op = session.get(OutboxOperation, seq)
        assert op is not None
        with pytest.raises(IllegalMove):  # still on its way: a person cannot drop it
            outbox_states.discard(op, now=NOW)
        outbox_states.finish(op, S.REJECTED, now=NOW + 1)
        outbox_states.discard(op, now=NOW + 2)
        assert (op.state, op.finished_at) == (S.DISCARDED, NOW + 2)
        with pytest.raises(IllegalMove):  # and once dropped, it never goes out again
            outbox_states.back_to_pending(op)


def test_an_operation_cannot_be_finished_as_open_or_dropped_by_the_platform(database_url: str) -> None:
    sessions, seq = one_operation(database_url)
    with sessions.begin() as session:
        op = session.get(OutboxOperation, seq)
        assert op is not None
        for not_an_answer in (S.PENDING, S.SENDING, S.DISCARDED):
            with pytest.raises(IllegalMove):
                outbox_states.finish(op, not_an_answer, now=NOW)
        assert op.state == S.PENDING
