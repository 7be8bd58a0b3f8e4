"""The history backfill: the past of requests the mirror first saw already moved on.

Owns reading, through the port (`ShopPlatform.reread_request`: Douyin's `afterSale.Detail`
with its operation records), once, every request the mirror holds — above all those it
first saw past "awaiting the shop", a first sync's 90 days or any later pull's — storing
the Detail's row (only it carries the buyer's pictures) and writing the state changes
its history holds, which the mirror's metrics read (timeout approvals, review and
refund times). Without it a request first seen moved on has one change, from nothing to
its current state, and every move before it is lost to the dashboard.

How it runs (ARCHITECTURE.md "Threads"): inside the engine's run, in the sync process,
after the push and the pulls (fresh work first), at most `PER_ROUND` requests a round,
newest first, so the dashboard's own period fills first. A request's replayed changes
replace the ones the mirror had for it, together with the row saying its history is in
(`RequestHistory`), in one transaction: killed midway, the backfill goes on where it
stopped, and a history read twice is written once. The replay (`history_replay.py`)
gives states in the app's words; the platform's codes beside them are None but for the
request's current state (the history names none: a code is only ever kept as received).

When the platform cannot say: a refusal, a history missing or one the replay cannot
place is remembered for good (`HISTORY_FAILED`, `HISTORY_NONE`), and the dashboard says
which days lack it (app/services/metrics/coverage.py). An answer failing for now stops
the round, as a pull's does, and the engine's report says so, so the worker backs off
(longer for a rate limit); the request is asked again next round, and after
`MAX_ATTEMPTS` such failures it too is remembered as failed. A request that moved on
since the mirror's version is stored at the version the answer shows, as the push's
re-read stores one; an answer older than the mirror's version counts as failing for now.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import RequestState
from app.db import upsert
from app.models import AfterSale, AfterSaleStatusChange, RequestHistory
from app.models.request_history import HISTORY_FAILED, HISTORY_NONE, HISTORY_READ
from app.platforms.port import NotAuthorised, PlatformError, Refused, RereadRequest, RetryLater, ShopPlatform
from app.sync.history_replay import PastChange, Unplaceable, replay
from app.sync.ingest import record_status_changes, status_change, store_after_sales

log = logging.getLogger(__name__)

PER_ROUND = 25  # requests a round: one Detail each; a round must not hold up the next pull
MAX_ATTEMPTS = 3  # answers failing for now, before a request's history is given up


@dataclass
class BackfillRound:
    """What one round did: histories written, given up, and what stopped it (if anything)."""

    read: int = 0
    missing: int = 0
    stopped: PlatformError | None = None


def lacking_history(session: Session, limit: int | None = None) -> list[str]:
    """Requests not yet settled in `request_histories`, newest first: every request is
    read once (its Detail's pictures and reason too); those first seen moved on are the
    ones whose figures wait for it (`coverage.first_seen_moved_on`)."""
    history = RequestHistory
    statement = (
        select(AfterSale.aftersale_id)
        .where(~exists().where(history.aftersale_id == AfterSale.aftersale_id, history.outcome.is_not(None)))
        .order_by(AfterSale.apply_time.desc(), AfterSale.aftersale_id)
    )
    if limit is not None:
        statement = statement.limit(limit)
    return list(session.scalars(statement))


def _rows(stored: AfterSale, past: list[PastChange], now: int) -> list[dict[str, Any]]:
    """The request's `after_sale_status_changes` rows for its replayed past. The history
    names no codes: only the current state's (the re-read's) is known; the others are None."""

    def code(state: RequestState | None) -> int | None:
        return stored.status if state is not None and state.value == stored.state else None

    return [
        status_change(
            stored.aftersale_id,
            code(change.from_state),
            code(change.to_state),
            None if change.from_state is None else change.from_state.value,
            change.to_state.value,
            change.at,
            change.at if change.by_platform else None,
            now,
        )
        for change in past
    ]


class HistoryBackfill:
    """One shop's history backfill; the engine (engine.py) runs a round after its pulls."""

    def __init__(
        self, platform: ShopPlatform, sessions: sessionmaker[Session], clock: Callable[[], float]
    ) -> None:
        self._platform = platform
        self._sessions = sessions
        self._clock = clock

    def run_round(self, limit: int = PER_ROUND) -> BackfillRound:
        """Read and write the history of up to `limit` requests that lack it."""
        done = BackfillRound()
        with self._sessions() as session:
            waiting = lacking_history(session, limit)
        for aftersale_id in waiting:
            now = int(self._clock())
            try:
                reread = self._platform.reread_request(aftersale_id, now)
            except Refused as refused:
                log.warning("history of %s refused: %s", aftersale_id, refused.describe())
                self._settle(aftersale_id, HISTORY_FAILED, now)
                done.missing += 1
                continue
            except NotAuthorised as error:
                done.stopped = error
                break
            except RetryLater as error:
                if not error.rate_limited and self._failed_for_now(aftersale_id, now):
                    done.missing += 1
                done.stopped = error
                break
            outcome = self._write(aftersale_id, reread, now)
            if outcome == HISTORY_READ:
                done.read += 1
            elif outcome is not None or self._failed_for_now(aftersale_id, now):
                done.missing += 1  # (an answer older than the mirror's, MAX_ATTEMPTS times: given up)
        if done.read or done.missing:
            log.info("history backfill: %d read, %d missing", done.read, done.missing)
        return done

    def _write(self, aftersale_id: str, reread: RereadRequest, now: int) -> str | None:
        """Store the re-read request and replace its changes with its history's; returns how
        it went (None: not yet, the mirror's version is newer than the answer)."""
        with self._sessions.begin() as session:
            # The Detail's row first (it alone carries the buyer's pictures), as the push's
            # re-read stores it: guarded by `update_time`, a newer version's change recorded.
            store_after_sales(session, [reread.row])
            stored = session.get(AfterSale, aftersale_id, populate_existing=True)
            if stored is None or reread.row.get("update_time") != stored.update_time:
                return None  # the mirror holds a newer version still: asked again next round
            if reread.history is None:
                return self._settle_in(session, aftersale_id, HISTORY_NONE, now)
            try:
                past = replay(
                    reread.history, stored.kind, stored.apply_time, stored.state, platform=self._platform.name
                )
                rows = _rows(stored, past, now)
            except Unplaceable as why:
                log.warning("history of %s not replayed: %s", aftersale_id, why)
                return self._settle_in(session, aftersale_id, HISTORY_NONE, now)
            session.execute(
                delete(AfterSaleStatusChange).where(AfterSaleStatusChange.aftersale_id == aftersale_id)
            )
            record_status_changes(session, rows)
            return self._settle_in(session, aftersale_id, HISTORY_READ, now)

    def _failed_for_now(self, aftersale_id: str, now: int) -> bool:
        """Count an answer that failed for now; True when that gives the request up."""
        with self._sessions.begin() as session:
            history = session.get(RequestHistory, aftersale_id)
            attempts = (history.attempts if history is not None else 0) + 1
            outcome = HISTORY_FAILED if attempts >= MAX_ATTEMPTS else None
            self._upsert(session, aftersale_id, outcome, now, attempts)
        return outcome is not None

    def _settle(self, aftersale_id: str, outcome: str, now: int) -> None:
        with self._sessions.begin() as session:
            self._settle_in(session, aftersale_id, outcome, now)

    def _settle_in(self, session: Session, aftersale_id: str, outcome: str, now: int) -> str:
        history = session.get(RequestHistory, aftersale_id)
        self._upsert(session, aftersale_id, outcome, now, history.attempts if history is not None else 0)
        return outcome

    @staticmethod
    def _upsert(session: Session, aftersale_id: str, outcome: str | None, now: int, attempts: int) -> None:
        row = {"aftersale_id": aftersale_id, "outcome": outcome, "attempts": attempts, "checked_at": now}
        upsert(session, RequestHistory.__table__, [row], ["aftersale_id"])
