"""A request's past states, replayed from its history, in the app's words.

Owns turning a request's history as the port answers it (`HistoryEntry`s: when, who
moved it — buyer, shop, platform — and, for the shop's moves, whether it agreed or
refused) into the state changes the mirror's metrics read, for the history backfill
(`history_backfill.py`). The platform's history entries carry no status (the public
record's `record_logs_list` items have none: docs/platforms/douyin.md), so each move's
outcome is the app's one expectation of it (`app.services.refunds.outcomes`): the
shop's agreement or refusal leads where that decision leads from the state it met (where
two decisions fit, the one the rest of the history bears out); the platform's own move
out of a state waiting for the shop is its agreement at the deadline (a timeout
approval), out of "awaiting the buyer's return" the closing of a return never sent, out
of a replacement under way its delivery, after an answer its arbitration (the state
stays until its last move); any other closing run of the platform's own moves settles
the request where it is now, at its first (the platform deciding a price protection,
say: no deadline passed); the buyer's move out of "awaiting the buyer's return" is
sending the goods back. A move the replay cannot place
(a mover or a move it does not know, the buyer's anywhere else) makes the whole history
unusable, and so does a replay that does not end in the request's current state: then
nothing is written rather than something guessed (ours).

A refund before shipment the platform refunded in the second of its application (its
fast refund) is one change from nothing to "refunded", as a first sync records it:
`request_changes.py` counts that as a refund, never as a review.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.vocabulary import Decision, RequestKind, RequestState
from app.platforms.port import HistoryEntry, Mover, ShopMove
from app.services.refunds import outcomes

S = RequestState
AGREEING = (
    Decision.APPROVE_REFUND,
    Decision.AGREE_RETURN,
    Decision.AGREE_EXCHANGE,
    Decision.ACCEPT_RETURNED_GOODS,
    Decision.CONFIRM_EXCHANGE_RECEIPT,
    Decision.SHIP_REPLACEMENT,
)
REFUSING = (Decision.REFUSE_REFUND, Decision.REFUSE_RETURN, Decision.REFUSE_RETURNED_GOODS)
# The platform's own move out of a state that waits for someone else than the shop.
PLATFORM_MOVES = {
    S.AWAITING_BUYER_RETURN: S.CLOSED,  # the buyer never sent the goods back
    S.REPLACEMENT_IN_PROGRESS: S.REPLACEMENT_DONE,  # the replacement was delivered
    S.AWAITING_SHOP_SHIPMENT: S.REPLACEMENT_DONE,  # a resend's goods were delivered
}
# The buyer's own move (after the application) the replay can place.
BUYER_MOVES = {S.AWAITING_BUYER_RETURN: S.RETURN_AWAITING_INSPECTION}
# Answered states the platform's arbitration may take up: its moves there (taking the case,
# asking for evidence, judging) leave the state as it is, but for the last, which leaves
# the request where it is now (refunded when the buyer won).
ARBITRABLE = (S.REFUSED, S.REFUSED_AFTER_RETURN, S.REFUNDED)


@dataclass(frozen=True)
class PastChange:
    """One state change of a request, oldest first: `from_state` None for its application."""

    from_state: RequestState | None
    to_state: RequestState
    at: int
    # The platform moved it alone, at the deadline of `from_state`: the deadline was `at`.
    by_platform: bool = False


class Unplaceable(Exception):
    """The history holds a move the replay cannot place, or does not end where the request is."""


def _after(
    kind: RequestKind,
    state: RequestState,
    entry: HistoryEntry,
    last: RequestState | None,
    settled: RequestState | None,
    platform: str | None = None,
) -> list[tuple[RequestState, bool]]:
    """Where `entry` may move a request of `kind` from `state`, each with whether the
    platform moved it alone at a deadline (several for a shop's agreement that may be
    more than one decision: a repair agreed with or without the goods coming back);
    `last`: the request's current state when `entry` is the history's last; `settled`: the
    same when only the platform's moves follow. Empty: the move cannot be placed."""
    if entry.mover is Mover.SHOP:
        if entry.shop_move is ShopMove.SHIPPED_REFUSING:
            return [(S.REFUSED, False)] if state is S.AWAITING_SHOP else []
        decisions = {ShopMove.AGREED: AGREEING, ShopMove.REFUSED: REFUSING}.get(entry.shop_move)  # type: ignore[arg-type]
        targets = [outcomes.outcome(decision, kind, state, platform=platform) for decision in decisions or ()]
        return [(target, False) for target in dict.fromkeys(targets) if target is not None]
    if entry.mover is Mover.PLATFORM:
        target = outcomes.at_timeout(kind, state, platform=platform) or PLATFORM_MOVES.get(state)
        if target is not None:
            return [(target, True)]
        if state in ARBITRABLE:
            return [(last or state, False)]
        return [(settled, False)] if settled is not None else []  # settled alone (a price protection)
    if entry.mover is Mover.BUYER and state in BUYER_MOVES:
        return [(BUYER_MOVES[state], False)]
    return []


def replay(
    history: tuple[HistoryEntry, ...],
    kind: str | None,
    apply_time: int,
    now_state: str | None,
    *,
    platform: str | None = None,
) -> list[PastChange]:
    """The request's state changes since its application, oldest first, ending in
    `now_state`, by the expectations of the shop's `platform` (outcomes.py; None: Douyin's);
    raises Unplaceable where the history cannot be replayed (see above)."""
    try:
        request_kind, current = RequestKind(str(kind)), RequestState(str(now_state))
    except ValueError as unknown:
        raise Unplaceable(f"kind {kind} or state {now_state} unknown") from unknown
    entries = list(history)
    # The buyer's application opens the history (the platform may list it in the same
    # second as a move of its own): it is the change from nothing.
    applied = next((e for e in entries if e.mover is Mover.BUYER and e.at <= apply_time), None)
    if applied is not None:
        entries.remove(applied)
    # Where the history's closing run of the platform's own moves starts.
    tail = len(entries)
    while tail > 0 and entries[tail - 1].mover is Mover.PLATFORM:
        tail -= 1

    def walk(place: int, state: RequestState, changes: list[PastChange]) -> list[PastChange] | None:
        """The changes from entry `place` on, in `state`; None when no way ends in `current`."""
        if place == len(entries):
            return changes if state is current else None
        entry = entries[place]
        last = current if place == len(entries) - 1 else None
        for target, by_platform in _after(
            request_kind, state, entry, last, current if place >= tail else None, platform
        ):
            if target is state:  # a move that left the state as it was (the arbitration's steps)
                found = walk(place + 1, state, changes)
            elif (
                by_platform
                and len(changes) == 1
                and request_kind is RequestKind.REFUND_BEFORE_SHIPMENT
                and target is S.REFUNDED
                and entry.at <= apply_time
            ):  # refunded as it was asked for: nobody reviewed it
                found = walk(place + 1, target, [PastChange(None, S.REFUNDED, apply_time)])
            else:
                change = PastChange(state, target, max(entry.at, changes[-1].at), by_platform)
                found = walk(place + 1, target, [*changes, change])
            if found is not None:
                return found
        return None

    replayed = walk(0, S.AWAITING_SHOP, [PastChange(None, S.AWAITING_SHOP, apply_time)])
    if replayed is None:
        raise Unplaceable(f"no way through the history of a {request_kind} ends in {current}")
    return replayed
