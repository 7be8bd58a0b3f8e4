"""The outbox's state machine: the only functions that move an operation between states.

Owns the allowed moves of `OutboxState` (app/models/outbox.py) and every change of
`outbox_operations.state` after `outbox.enqueue_decision()` or `enqueue_shipment()`
wrote "pending": the push engine
marks an operation "sending" before it sends, puts it back to "pending" to try again,
and finishes it as "done", "rejected" or "conflict"; a person drops a refused or
conflicting one ("discarded"), or replaces it by a fresh operation (also "discarded");
and an operation never yet sent may be withdrawn ("discarded": `withdraw_unsent`, the undo
of an automatic decision inside its window).
A move the table does not allow raises `IllegalMove`: it is a bug, never a situation
to carry on from, because an operation moved wrongly may be sent twice or never.

The functions change the row in the caller's session and transaction; they do not
commit. `mark_sending` is the compare-and-set the push engine's claim relies on (ARCHITECTURE.md
"Scale"): it issues the UPDATE itself so two processes that read the same row cannot
both mark it.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from app.models import OutboxOperation
from app.models.outbox import OutboxState

# From each state, the states an operation may go to. "pending" -> "pending" and
# "sending" -> "sending" are real moves: a retry's back-off, a send after a crash.
_STILL_MOVING = frozenset(
    {OutboxState.PENDING, OutboxState.SENDING, OutboxState.DONE, OutboxState.REJECTED, OutboxState.CONFLICT}
)
ALLOWED_MOVES: Mapping[OutboxState, frozenset[OutboxState]] = {
    OutboxState.PENDING: _STILL_MOVING,
    OutboxState.SENDING: _STILL_MOVING,
    OutboxState.REJECTED: frozenset({OutboxState.DISCARDED}),
    OutboxState.CONFLICT: frozenset({OutboxState.DISCARDED}),
    OutboxState.DONE: frozenset(),
    OutboxState.DISCARDED: frozenset(),
}
# How the platform's answer can end an operation.
FINAL_ANSWERS = (OutboxState.DONE, OutboxState.REJECTED, OutboxState.CONFLICT)


class IllegalMove(RuntimeError):
    """An operation was asked to move where the state machine does not allow."""


def check_move(seq: int, before: str, after: OutboxState) -> None:
    """Raise IllegalMove unless an operation may go from `before` to `after`."""
    if after not in ALLOWED_MOVES.get(OutboxState(before), frozenset()):
        raise IllegalMove(f"outbox operation {seq} cannot go from {before!r} to {after.value!r}")


def _move(op: OutboxOperation, after: OutboxState) -> None:
    check_move(op.seq, op.state, after)
    op.state = after


def mark_sending(
    session: Session,
    seq: int,
    *,
    seen_state: str,
    seen_attempts: int,
    changes: Mapping[str, object] | None = None,
) -> bool:
    """Mark operation `seq` "sending" with one more attempt, only if it is still exactly
    as the caller read it (same state, same attempt); `changes` are other columns written
    in the same statement. Returns whether this call marked it.

    Of two processes that read the row, one marks it and the other finds nothing to
    mark; a person's discard meanwhile also leaves nothing to mark. On PostgreSQL, SKIP
    LOCKED first passes over a row another process is marking rather than waiting."""
    check_move(seq, seen_state, OutboxState.SENDING)
    still_as_read = (
        OutboxOperation.seq == seq,
        OutboxOperation.state == seen_state,
        OutboxOperation.attempts == seen_attempts,
    )
    lock_it = select(OutboxOperation.seq).where(*still_as_read).with_for_update(skip_locked=True)
    if session.scalar(lock_it) is None:
        return False
    values = {**(changes or {}), "state": OutboxState.SENDING, "attempts": seen_attempts + 1}
    marked = session.execute(
        update(OutboxOperation)
        .where(*still_as_read)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    # An UPDATE answers with a CursorResult, which counts the rows it changed.
    assert isinstance(marked, CursorResult)
    return bool(marked.rowcount == 1)


def back_to_pending(
    op: OutboxOperation,
    *,
    next_attempt_at: int | None = None,
    verify_before_send: bool = False,
) -> None:
    """An open operation waits to be tried again (at `next_attempt_at`, when given);
    `verify_before_send` once set stays set until the operation is finished, because
    an attempt that may have reached the platform must be checked before any resend."""
    _move(op, OutboxState.PENDING)
    op.verify_before_send = op.verify_before_send or verify_before_send
    if next_attempt_at is not None:
        op.next_attempt_at = next_attempt_at


def finish(op: OutboxOperation, outcome: OutboxState, *, now: int) -> None:
    """The platform's answer (or a re-read) ends an open operation: done, rejected or conflict."""
    if outcome not in FINAL_ANSWERS:
        raise IllegalMove(f"outbox operation {op.seq} cannot be finished as {outcome.value!r}")
    _move(op, outcome)
    op.finished_at, op.verify_before_send = now, False


def discard(op: OutboxOperation, *, now: int) -> None:
    """A person drops a refused or conflicting operation, or replaces it by a fresh one."""
    _move(op, OutboxState.DISCARDED)
    op.finished_at = now


def withdraw_unsent(session: Session, seq: int, *, now: int) -> bool:
    """Withdraw operation `seq` while it has never been handed to the network (still
    "pending", no attempt made): it goes to "discarded" and is never sent. Returns whether
    this call withdrew it; False when the push got to it first (it is "sending" or has an
    attempt behind it, and may have reached the platform) or it is already finished.

    A compare-and-set like `mark_sending`, against the same columns: of the push marking
    it and a person withdrawing it, exactly one succeeds. Used for the undo window of an
    automatic decision (app/services/automation/pending.py)."""
    never_sent = (
        OutboxOperation.seq == seq,
        OutboxOperation.state == OutboxState.PENDING,
        OutboxOperation.attempts == 0,
    )
    lock_it = select(OutboxOperation.seq).where(*never_sent).with_for_update(skip_locked=True)
    if session.scalar(lock_it) is None:
        return False
    withdrawn = session.execute(
        update(OutboxOperation)
        .where(*never_sent)
        .values(state=OutboxState.DISCARDED, finished_at=now)
        .execution_options(synchronize_session=False)
    )
    assert isinstance(withdrawn, CursorResult)
    return bool(withdrawn.rowcount == 1)
