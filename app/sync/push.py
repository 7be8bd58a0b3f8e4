"""The push engine: send the outbox to the platform, each decision exactly once.

Owns the push half of ARCHITECTURE.md "How data flows": operations go out oldest first
per entity, an entity with a stuck operation never holds up the others, and every
answer is classified — done, retry later (with back-off), rejected, or conflict (the
platform's state moved on). The platform has no idempotency keys, so the engine marks
an operation "sending" (committed) before it sends; an operation found "sending" after
a crash, or whose answer was lost, is checked by re-reading the entity before it may be
sent again (`applied_check`: who moved it on since, from the request's own history, or
whether the order carries the shipment's tracking number). An operation is read from its
row and handed to the port by `operation_to_send`. A refusal's evidence pictures kept in
the database are uploaded first (`evidence_upload`), the refusal held back while the
platform reviews them, and their URLs committed into the operation before the operation
itself is sent; the kept pictures no operation still needs are forgotten when an answer is recorded.

Only the sync lease's holder should push (ARCHITECTURE.md "Scale"); given the lease,
the engine checks it is still held before each send, so a holder that lost it (its
lease connection cut, another workstation now syncing) sends nothing more. Even so,
several processes may push from one database (PostgreSQL or a SQLite file): each
operation is claimed (`lease.OutboxClaim`) for the whole of its push, and marking it
"sending" is a compare-and-set — the row must still be in the state and at the
attempt this process read — so a row another process marked is never sent again.

No Qt; the sync worker runs `push_once()` before every pull.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.core.translation import QT_TRANSLATE_NOOP
from app.models import OutboxOperation
from app.models import outbox as state
from app.platforms.port import (
    PROBLEM_NETWORK,
    PROBLEM_REJECTED,
    PROBLEM_TIMEOUT,
    Accepted,
    Outcome,
    PlatformError,
    ShopPlatform,
)
from app.services import outbox, outbox_states
from app.services.people import audit
from app.services.refunds import refusal_evidence
from app.sync import applied_check, evidence_upload
from app.sync.applied_check import Verdict
from app.sync.backoff import Backoff
from app.sync.lease import OutboxClaim, SyncLease
from app.sync.operation_to_send import OperationToSend

log = logging.getLogger(__name__)

PROBLEM_CONFLICT = QT_TRANSLATE_NOOP(
    "sync", "The platform's state changed before this decision arrived; it was not applied."
)
# The platform's own move at the deadline got there before the decision (issue: the
# request's history says the platform acted, not this shop).
PROBLEM_PLATFORM_DECIDED = QT_TRANSLATE_NOOP(
    "sync", "The platform approved this request on its own when the deadline passed."
)
# Who moved the entity where it is now, in the audit trail's "platform.answer".
DECIDED_BY_SHOP, DECIDED_BY_PLATFORM = "shop", "platform"


@dataclass
class PushReport:
    counts: dict[str, int] = field(default_factory=dict)  # final state -> how many
    stopped: PlatformError | None = None  # set when the round stopped early (network, config)
    lost_lease: bool = False  # the round stopped because another process now syncs

    def count(self, outcome: str) -> None:
        self.counts[outcome] = self.counts.get(outcome, 0) + 1

    @property
    def changed(self) -> bool:
        return any(self.counts.get(s) for s in (state.DONE, state.REJECTED, state.CONFLICT))


class PushEngine:
    def __init__(
        self,
        platform: ShopPlatform,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], float] = time.time,
        lease: SyncLease | None = None,
    ) -> None:
        self.platform = platform  # the shop's platform, through the port (app/platforms/port.py)
        self._sessions = sessions
        self._clock = clock
        self._claims = OutboxClaim(sessions.kw["bind"])
        self._lease = lease  # None: push regardless (tests, tools); the claims still hold

    def due_operations(self) -> list[int]:
        """The oldest open operation of each entity, if its time has come (seq numbers)."""
        now = int(self._clock())
        with self._sessions() as session:
            rows = session.execute(
                select(
                    OutboxOperation.seq,
                    OutboxOperation.entity_type,
                    OutboxOperation.entity_id,
                    OutboxOperation.next_attempt_at,
                )
                .where(OutboxOperation.state.in_(state.OPEN_STATES))
                .order_by(OutboxOperation.seq)
            ).all()
        first_per_entity: dict[tuple[str, str], tuple[int, int]] = {}
        for seq, entity_type, entity_id, next_attempt_at in rows:
            first_per_entity.setdefault((entity_type, entity_id), (seq, next_attempt_at))
        return [seq for seq, next_at in first_per_entity.values() if next_at <= now]

    def push_once(self) -> PushReport:
        report = PushReport()
        for seq in self.due_operations():
            # Another process sharing the database may be pushing this one right now
            # (ARCHITECTURE.md "Scale"): leave it to that process this round.
            with self._claims.claim(seq) as mine:
                outcome = self._push_one(seq) if mine else _Step("skipped")
            if outcome.lost_lease:
                report.lost_lease = True
                break
            report.count(outcome.final_state)
            if outcome.stop_round is not None:
                report.stopped = outcome.stop_round
                break
        return report

    # --- one operation ------------------------------------------------------------------
    def _push_one(self, seq: int) -> _Step:
        with self._sessions() as session:
            op = session.get(OutboxOperation, seq)
            if op is None or op.state not in state.OPEN_STATES:
                return _Step("skipped")
            # "sending" here was left by a process that died mid-send: this one holds the
            # operation's claim, which a live sender would still hold.
            seen_state, seen_attempts = op.state, op.attempts
            must_verify = op.verify_before_send or op.state == state.SENDING
            queued = OperationToSend.of(op)

        if must_verify:
            found = applied_check.verify(self.platform, self._sessions, self._clock, seq)
            gone = found.read_failed
            if gone is not None and gone.outcome is Outcome.REJECTED:
                # The entity is not on the platform (no such order): re-reading never helps.
                return self._finish(seq, state.REJECTED, result=gone, problem=gone.problem)
            if found.read_failed is not None:
                return self._retry_later(seq, found.read_failed, verify=True)
            if found.verdict == "platform_decided":
                return self._platform_decided(seq, found)
            if found.verdict == "applied":
                return self._finish(seq, state.DONE, note="found applied on re-read")
            if found.verdict == "conflict":
                return self._finish(
                    seq, state.CONFLICT, problem=PROBLEM_CONFLICT, platform_state=found.platform
                )

        uploaded = None
        if evidence_upload.has_local_pictures(queued.details):
            upload = evidence_upload.upload_pictures(self.platform, self._sessions, seq, queued.details)
            if upload.failed is not None:
                return self._upload_failed(seq, upload.failed)
            if upload.waiting:  # held back, unsent, until the platform's review passes
                evidence_upload.hold(self._sessions, seq, upload.params, now=int(self._clock()))
                return _Step(state.PENDING)
            uploaded = upload.params
            queued = replace(queued, details=uploaded)

        if self._lease is not None and not self._lease.holds():
            # Another process syncs now (this one's lease connection was cut, say): from
            # here on it sends, and this one sends nothing more, not even this operation.
            log.warning("lost the sync lease: stopped pushing before operation %s", seq)
            return _Step(seen_state, lost_lease=True)
        attempts = seen_attempts + 1
        with self._sessions.begin() as session:
            # Compare-and-set (outbox_states.mark_sending): of two processes that read the
            # row, one marks it and the other finds nothing to mark.
            changes: dict[str, object] = {}
            if uploaded is not None:  # committed before sending: a retry sends these same URLs
                changes["details"] = json.dumps(uploaded, ensure_ascii=False, sort_keys=True)
            marked = outbox_states.mark_sending(
                session, seq, seen_state=seen_state, seen_attempts=seen_attempts, changes=changes
            )
            if not marked:  # another process marked it (or a person discarded it) meanwhile
                return _Step("skipped")
        try:  # the only call that can apply the decision; the op's id is its idempotency key
            accepted = queued.send(self.platform)
        except PlatformError as failed:
            result = failed
        else:
            return self._finish(seq, state.DONE, result=accepted)
        if result.outcome is Outcome.RETRY:
            return self._retry_later(seq, result, verify=result.maybe_applied)
        if result.outcome is Outcome.CONFIG_ERROR:
            # Not this operation's fault; nothing was applied (40003/30001 refuse at the door).
            self._reopen(seq, result)
            return _Step(state.PENDING, stop_round=result)
        if result.moved_on:
            # The entity is no longer where the decision found it. Only an earlier attempt
            # whose answer was lost can have moved it there for us; otherwise the platform,
            # the buyer or another person got there first.
            found = applied_check.verify(self.platform, self._sessions, self._clock, seq)
            if found.verdict == "platform_decided":
                return self._platform_decided(seq, found, result)
            if found.verdict == "applied" and attempts > 1:
                return self._finish(seq, state.DONE, result=result, note="an earlier attempt had applied it")
            # The platform's own words for the refusal where it has them, else a conflict's.
            problem = PROBLEM_CONFLICT if result.problem == PROBLEM_REJECTED else result.problem
            return self._finish(
                seq, state.CONFLICT, result=result, problem=problem, platform_state=found.platform
            )
        waiting = json.dumps({outbox.REFUND_REQUEST_WAITING: True}) if result.refund_request_waiting else ""
        return self._finish(
            seq, state.REJECTED, result=result, problem=result.problem, platform_state=waiting
        )

    def _upload_failed(self, seq: int, result: PlatformError) -> _Step:
        if result.outcome is Outcome.RETRY:
            return self._retry_later(seq, result, verify=False)  # the decision itself was not sent
        if result.outcome is Outcome.CONFIG_ERROR:
            self._reopen(seq, result)
            return _Step(state.PENDING, stop_round=result)
        return self._finish(seq, state.REJECTED, result=result, problem=result.problem)

    def _retry_later(self, seq: int, result: PlatformError, *, verify: bool) -> _Step:
        now = int(self._clock())
        with self._sessions.begin() as session:
            op = session.get(OutboxOperation, seq)
            assert op is not None
            delay = Backoff(failures=max(op.attempts - 1, 0)).next_delay(rate_limited=result.rate_limited)
            outbox_states.back_to_pending(op, next_attempt_at=now + int(delay), verify_before_send=verify)
            op.problem, op.platform_code, op.platform_message = (
                result.problem,
                result.platform_code,
                result.platform_message,
            )
        unreachable = result.problem in (PROBLEM_NETWORK, PROBLEM_TIMEOUT)
        return _Step(state.PENDING, stop_round=result if unreachable else None)

    def _reopen(self, seq: int, result: PlatformError) -> None:
        with self._sessions.begin() as session:
            op = session.get(OutboxOperation, seq)
            assert op is not None
            outbox_states.back_to_pending(op)
            op.problem = result.problem

    def _platform_decided(self, seq: int, found: Verdict, result: PlatformError | None = None) -> _Step:
        """The request is where the decision would have put it, but the platform moved it
        there on its own (its deadline passed): recorded as the platform's, for a person
        to see, and so counted as a timeout approval (metric_queries._timeout_approval)."""
        return self._finish(
            seq,
            state.CONFLICT,
            result=result,
            problem=PROBLEM_PLATFORM_DECIDED,
            platform_state=found.platform,
            note="the platform approved it on its own when the deadline passed",
            decided_by=DECIDED_BY_PLATFORM,
        )

    def _finish(
        self,
        seq: int,
        final: state.OutboxState,
        *,
        result: PlatformError | Accepted | None = None,
        problem: str = "",
        platform_state: str = "",
        note: str = "",
        decided_by: str = "",
    ) -> _Step:
        now = int(self._clock())
        with self._sessions.begin() as session:
            op = session.get(OutboxOperation, seq)
            assert op is not None
            outbox_states.finish(op, final, now=now)
            op.problem = problem
            op.platform_state = platform_state or op.platform_state
            if result is not None:
                op.platform_code, op.platform_message = result.platform_code, result.platform_message
            audit.record(
                session,
                None,
                "platform.answer",
                entity_type=op.entity_type,
                entity_id=op.entity_id,
                order_id=op.entity_id if op.entity_type == "order" else "",
                refers_to=op.audit_event_id,
                after={
                    "operation": op.op_id,
                    "outcome": final,
                    "platform_code": op.platform_code,
                    "platform_message": op.platform_message,
                    # Who moved the entity where it is now, when that is known.
                    "decided_by": decided_by or (DECIDED_BY_SHOP if final == state.DONE else ""),
                },
                note=note,
                now=now,
            )
            # Written above, so on SQLite this transaction holds the write lock the sweep needs.
            refusal_evidence.forget_unneeded_pictures(session)
        log.info("outbox %s %s %s %s -> %s %s", op.op_id, op.action, op.decision, op.entity_id, final, note)
        return _Step(final)


@dataclass(frozen=True)
class _Step:
    final_state: str
    stop_round: PlatformError | None = None
    lost_lease: bool = False
