"""The push engine: send the outbox to the platform, each decision exactly once.

Owns the push half of ARCHITECTURE.md "How data flows": operations go out oldest first
per entity, an entity with a stuck operation never holds up the others, and every
answer is classified — done, retry later (with back-off), rejected, or conflict (the
platform's state moved on). The platform has no idempotency keys, so the engine marks
an operation "sending" (committed) before it sends; an operation found "sending" after
a crash, or whose answer was lost, is checked by re-reading the entity before it may be
sent again. What the re-read finds is stored in the mirror too; for a request, its own
history (`request_history`) says who moved it on since the decision was made — this
shop's lost attempt, the platform on its own at the deadline, or someone else — and a
shipment is ours when the order carries its tracking number. A refusal's evidence
pictures kept in the database are uploaded first (`evidence_upload`), the refusal held
back while the platform reviews them, and their URLs committed into the operation before
the operation itself is sent; the
kept pictures no operation still needs are forgotten when an answer is recorded.

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
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import ORDER_STATES_TO_SHIP, REFUSING_DECISIONS, Decision, RequestKind
from app.models import AfterSale, OutboxOperation
from app.models import outbox as state
from app.platforms.port import (
    PROBLEM_NETWORK,
    PROBLEM_REJECTED,
    PROBLEM_TIMEOUT,
    Accepted,
    DecisionToSend,
    Mover,
    Outcome,
    PlatformError,
    Refused,
    ShipmentToSend,
    ShopPlatform,
)
from app.services import outbox, outbox_states
from app.services.people import audit
from app.services.refunds import outcomes, refusal_evidence
from app.sync import evidence_upload, request_history
from app.sync.backoff import Backoff
from app.sync.ingest import store_after_sales, store_orders
from app.sync.lease import OutboxClaim, SyncLease

log = logging.getLogger(__name__)

PROBLEM_CONFLICT = QT_TRANSLATE_NOOP(
    "sync", "The platform's state changed before this decision arrived; it was not applied."
)
# The platform's own move at the deadline got there before the decision (issue: the
# request's history says the platform acted, not this shop).
PROBLEM_PLATFORM_DECIDED = QT_TRANSLATE_NOOP(
    "sync", "The platform approved this request on its own when the deadline passed."
)
# An operation whose action this release does not know (none is ever queued).
PROBLEM_UNKNOWN_ACTION = QT_TRANSLATE_NOOP(
    "sync", "This app does not know how to send this operation. Discard it and decide again."
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
            found = self._verify(seq)
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
            found = self._verify(seq)
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

    def _platform_decided(self, seq: int, found: _Verdict, result: PlatformError | None = None) -> _Step:
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

    # --- did it take effect? ---------------------------------------------------------------
    def _verify(self, seq: int) -> _Verdict:
        with self._sessions() as session:
            op = session.get(OutboxOperation, seq)
            assert op is not None
            queued = OperationToSend.of(op)
        from_state, to_state, based_on = queued.expected_from, queued.expected_to, queued.based_on
        if queued.action == outbox.DECIDE:
            try:
                reread = self.platform.reread_request(queued.entity_id, int(self._clock()))
            except PlatformError as failed:
                return _Verdict(read_failed=failed)
            row = reread.row
            with self._sessions.begin() as session:
                store_after_sales(session, [row])
            now_state, now_version = row["state"], row["update_time"]
            platform = json.dumps({"status": row["status"], "state": now_state, "update_time": now_version})
            # The request's own history says who moved it on since the decision was made:
            # the state alone cannot (the platform agreeing at the deadline looks like our
            # lost attempt; our lost attempt followed by the buyer's return looks like
            # nobody's). No history, or no move in it since: the state alone decides,
            # with the history's latest move telling the platform's agreement from ours.
            timed_out_to = outcomes.at_timeout(row["kind"], from_state)
            mover = None
            if based_on is not None:
                refusing = queued.decision in REFUSING_DECISIONS
                after_shop_move = from_state in outcomes.STARTS_AFTER_SHOP_MOVE
                mover = request_history.who_moved_it_on(
                    reread.history, based_on, refusing=refusing, after_shop_move=after_shop_move
                )
            if mover == request_history.SHOP:
                return _Verdict("applied", platform)  # whatever has happened since
            if mover == request_history.PLATFORM and timed_out_to is not None:
                return _Verdict("platform_decided", platform)
            if mover == request_history.SOMEONE_ELSE:  # even where the decision would have put it
                return _Verdict("conflict", platform)
            acted_last = request_history.who_acted_last(reread.history)
            platform_alone = mover is None and acted_last is Mover.PLATFORM
            if now_state == to_state:
                return _Verdict("platform_decided" if platform_alone else "applied", platform)
            if now_state == from_state and (based_on is None or now_version == based_on):
                return _Verdict("not_applied", platform)
            if platform_alone and now_state == timed_out_to:  # e.g. a refusal that came too late
                return _Verdict("platform_decided", platform)
            return _Verdict("conflict", platform)
        try:
            page = self.platform.reread_order(queued.entity_id, int(self._clock()))
        except PlatformError as failed:
            return _Verdict(read_failed=failed)
        with self._sessions.begin() as session:
            store_orders(session, page)
        if queued.details.get("refuse_refund"):
            self._reread_refused_requests(queued.entity_id)
        tracking = {parcel["tracking_no"] for parcel in page.parcels}
        order = page.orders[0]
        platform = json.dumps(
            {"status": order["status"], "state": order["state"], "tracking": sorted(tracking)}
        )
        if queued.details.get("tracking_no") in tracking:
            return _Verdict("applied", platform)
        if order["state"] in ORDER_STATES_TO_SHIP:
            return _Verdict("not_applied", platform)
        return _Verdict("conflict", platform)

    def _reread_refused_requests(self, order_id: str) -> None:
        """A shipment that refuses the buyer's refund before shipment, its answer lost: the
        order's such requests as they are now, into the mirror beside the order (refused by
        this shipment, or refunded by the platform meanwhile). The verdict is the order's
        (the one call did both); a request that cannot be read is left to the next pull."""
        with self._sessions() as session:
            ids = list(
                session.scalars(
                    select(AfterSale.aftersale_id).where(
                        AfterSale.order_id == order_id, AfterSale.kind == RequestKind.REFUND_BEFORE_SHIPMENT
                    )
                )
            )
        for request_id in ids:
            try:
                reread = self.platform.reread_request(request_id, int(self._clock()))
            except PlatformError as failed:
                log.info(
                    "request %s not re-read after a lost shipment answer: %s", request_id, failed.describe()
                )
                continue
            with self._sessions.begin() as session:
                store_after_sales(session, [reread.row])


@dataclass(frozen=True)
class OperationToSend:
    """An operation as the outbox keeps it, in the app's words, read before the network."""

    op_id: str
    action: str  # outbox.DECIDE or outbox.SHIP
    entity_id: str
    decision: str  # a Decision, for DECIDE
    details: dict[str, Any]  # outbox.DECISION_DETAILS or outbox.SHIPMENT_DETAILS
    based_on: int | None
    expected_from: str | None
    expected_to: str | None

    @classmethod
    def of(cls, op: OutboxOperation) -> OperationToSend:
        details = outbox.details_of(op)
        if op.action == outbox.DECIDE and not details.get("kind"):
            # Queued before decisions kept the request's kind (issue 15): the mirror's.
            session = Session.object_session(op)
            request = session.get(AfterSale, op.entity_id) if session is not None else None
            if request is not None and request.kind:
                details["kind"] = request.kind
        return cls(
            op.op_id,
            op.action,
            op.entity_id,
            op.decision,
            details,
            op.based_on_update_time,
            op.expected_from_state,
            op.expected_to_state,
        )

    def send(self, platform: ShopPlatform) -> Accepted:
        """Hand the operation to the shop's platform, its id as the idempotency key."""
        details = self.details
        if self.action == outbox.DECIDE:
            try:
                kind = RequestKind(str(details.get("kind") or ""))
            except ValueError:  # a request this app cannot tell the kind of: never decided on
                raise Refused(
                    PROBLEM_UNKNOWN_ACTION, detail=f"request kind {details.get('kind')!r}"
                ) from None
            decision = DecisionToSend(
                request_id=self.entity_id,
                decision=Decision(self.decision),
                based_on_version=self.based_on or 0,
                kind=kind,
                reason_code=details.get("reason_code"),
                reason=details.get("reason", ""),
                remark=details.get("remark", ""),
                evidence=tuple(details.get("evidence", ())),
                # Kept as text by releases before issue 15, as a number since: the adapter checks it.
                return_address_id=details.get("return_address_id") or None,
                carrier_code=str(details.get("carrier_code", "")),
                tracking_no=str(details.get("tracking_no", "")),
                extra=dict(details.get("extra", {})),
            )
            return platform.decide(decision, self.op_id)
        if self.action == outbox.SHIP:
            shipment = ShipmentToSend(
                order_id=self.entity_id,
                carrier_code=str(details.get("carrier_code", "")),
                tracking_no=str(details.get("tracking_no", "")),
                refuse_refund=bool(details.get("refuse_refund", False)),
            )
            return platform.ship(shipment, self.op_id)
        # Nothing but the two actions is ever queued (migration 0018 says so of old rows).
        raise Refused(PROBLEM_UNKNOWN_ACTION, detail=f"outbox action {self.action!r}")


@dataclass(frozen=True)
class _Step:
    final_state: str
    stop_round: PlatformError | None = None
    lost_lease: bool = False


@dataclass(frozen=True)
class _Verdict:
    verdict: str = ""  # "applied", "platform_decided", "not_applied", "conflict"
    platform: str = ""
    read_failed: PlatformError | None = None

    def __post_init__(self) -> None:
        assert self.verdict or self.read_failed is not None
