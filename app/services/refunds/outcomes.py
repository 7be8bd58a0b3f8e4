"""What a decision leads to, and what the platform does alone at a deadline, in the app's words.

Owns the app's expectation of a request's next state: `DECISION_OUTCOMES` (a decision the
shop sends, on a request of this kind in this state, leaves it in that state) and
`TIMEOUT_OUTCOMES` (where the platform itself moves a request whose deadline passed with
nobody deciding: it agrees on the shop's behalf). The decision services check a move is
allowed and say where it leads with the first; the push engine's re-read after a lost
answer, and "decided by the platform on its own", compare what they find with them.

Derived from Douyin's own tables (`afterSale.operate` types and the timeout behaviour,
PLATFORM-PROTOCOL.md §6), translated once into the app's words; a second platform whose
moves differ gets its own expectation beside this one, not a new code path: TikTok Shop's
(`PLATFORM_DECISION_OUTCOMES`, `PLATFORM_TIMEOUT_OUTCOMES`, the moves where it differs),
chosen by the shop's platform as its rule set is (`platform`: "douyin", "tiktok"; None:
Douyin's).
"""

from __future__ import annotations

from collections.abc import Iterable

from app.core.vocabulary import Decision, RequestKind, RequestState

K, S = RequestKind, RequestState

# decision -> {(kind, state now): state after}. A (kind, state) absent under a decision
# means the platform would refuse that decision there.
DECISION_OUTCOMES: dict[Decision, dict[tuple[RequestKind, RequestState], RequestState]] = {
    Decision.APPROVE_REFUND: {
        (K.REFUND_AFTER_SHIPMENT, S.AWAITING_SHOP): S.REFUNDED,
        (K.REFUND_BEFORE_SHIPMENT, S.AWAITING_SHOP): S.REFUNDED,
    },
    # A refund before shipment is refused only by shipping the order (a shipment that
    # refuses it: app/services/shipping/refuse_by_shipping.py), never by this decision.
    Decision.REFUSE_REFUND: {
        (K.REFUND_AFTER_SHIPMENT, S.AWAITING_SHOP): S.REFUSED,
        (K.RESEND, S.AWAITING_SHOP): S.REFUSED,
    },
    Decision.AGREE_RETURN: {
        (K.RETURN_AND_REFUND, S.AWAITING_SHOP): S.AWAITING_BUYER_RETURN,
        (K.REPAIR, S.AWAITING_SHOP): S.AWAITING_BUYER_RETURN,  # the goods come back to be repaired
    },
    Decision.REFUSE_RETURN: {
        (K.RETURN_AND_REFUND, S.AWAITING_SHOP): S.REFUSED,
        (K.EXCHANGE, S.AWAITING_SHOP): S.REFUSED,
        (K.REPAIR, S.AWAITING_SHOP): S.REFUSED,
    },
    Decision.ACCEPT_RETURNED_GOODS: {(K.RETURN_AND_REFUND, S.RETURN_AWAITING_INSPECTION): S.REFUNDED},
    Decision.REFUSE_RETURNED_GOODS: {
        (K.RETURN_AND_REFUND, S.RETURN_AWAITING_INSPECTION): S.REFUSED_AFTER_RETURN,
        (K.EXCHANGE, S.RETURN_AWAITING_INSPECTION): S.REFUSED_AFTER_RETURN,
        (K.REPAIR, S.RETURN_AWAITING_INSPECTION): S.REFUSED_AFTER_RETURN,
    },
    Decision.AGREE_EXCHANGE: {
        (K.EXCHANGE, S.AWAITING_SHOP): S.AWAITING_BUYER_RETURN,
        # An agreed resend waits for the shop to send the goods (Douyin's status 8).
        (K.RESEND, S.AWAITING_SHOP): S.AWAITING_SHOP_SHIPMENT,
        (K.REPAIR, S.AWAITING_SHOP): S.AWAITING_SHOP_SHIPMENT,  # a repair with nothing coming back (602)
    },
    # The returned goods arrived: the new (or repaired) goods go out, with their tracking.
    Decision.CONFIRM_EXCHANGE_RECEIPT: {
        (K.EXCHANGE, S.RETURN_AWAITING_INSPECTION): S.REPLACEMENT_IN_PROGRESS,
        (K.REPAIR, S.RETURN_AWAITING_INSPECTION): S.REPLACEMENT_IN_PROGRESS,
    },
    # A resend (or a repair) waiting for the shop's shipment: the goods go out.
    Decision.SHIP_REPLACEMENT: {
        (K.RESEND, S.AWAITING_SHOP_SHIPMENT): S.REPLACEMENT_IN_PROGRESS,
        (K.REPAIR, S.AWAITING_SHOP_SHIPMENT): S.REPLACEMENT_IN_PROGRESS,
    },
}

# States a decision of the shop's leads to that another decision starts from (an agreed
# resend waits for its goods): a re-read's history cannot tell by the second alone whether
# the shop's move there made the version a decision was based on (app/sync/request_history.py).
STARTS_AFTER_SHOP_MOVE: frozenset[RequestState] = frozenset(
    {after for moves in DECISION_OUTCOMES.values() for after in moves.values()}
    & {state for moves in DECISION_OUTCOMES.values() for (_kind, state) in moves}
)

# (kind, state) -> the state the platform moves it to alone when its deadline passes:
# agreement on the shop's behalf.
TIMEOUT_OUTCOMES: dict[tuple[RequestKind, RequestState], RequestState] = {
    (K.RETURN_AND_REFUND, S.AWAITING_SHOP): S.AWAITING_BUYER_RETURN,
    (K.REFUND_AFTER_SHIPMENT, S.AWAITING_SHOP): S.REFUNDED,
    (K.REFUND_BEFORE_SHIPMENT, S.AWAITING_SHOP): S.REFUNDED,
    (K.EXCHANGE, S.AWAITING_SHOP): S.AWAITING_BUYER_RETURN,
    (K.RESEND, S.AWAITING_SHOP): S.AWAITING_SHOP_SHIPMENT,
    (K.RETURN_AND_REFUND, S.RETURN_AWAITING_INSPECTION): S.REFUNDED,
    (K.EXCHANGE, S.RETURN_AWAITING_INSPECTION): S.REPLACEMENT_IN_PROGRESS,
    (K.REPAIR, S.AWAITING_SHOP): S.AWAITING_BUYER_RETURN,  # as an exchange (ours)
    (K.REPAIR, S.RETURN_AWAITING_INSPECTION): S.REPLACEMENT_IN_PROGRESS,
}


# Where a platform's moves differ from Douyin's, by platform: what its decisions and its
# deadline lead to there (the rest as Douyin's).
# TikTok Shop: a replacement the seller approves (APPROVE_REPLACEMENT) is done at once,
# REPLACEMENT_REQUEST_COMPLETE: "The seller has approved the buyer's replacement request. The
# platform will generate a new order for the seller to fulfill." (Partner Center, Return/refund/
# cancel API overview; lywzx/tiktok-partner-api src/returnAndRefund/SearchReturns.ts): nothing
# comes back first, so no return address is named. The platform's own approval when the
# seller's 24 h pass (same overview: "Seller has 24 hours to respond to the request") does
# the same.
PLATFORM_DECISION_OUTCOMES: dict[
    str, dict[Decision, dict[tuple[RequestKind, RequestState], RequestState]]
] = {
    "tiktok": {Decision.AGREE_EXCHANGE: {(K.EXCHANGE, S.AWAITING_SHOP): S.REPLACEMENT_DONE}},
}
PLATFORM_TIMEOUT_OUTCOMES: dict[str, dict[tuple[RequestKind, RequestState], RequestState]] = {
    "tiktok": {(K.EXCHANGE, S.AWAITING_SHOP): S.REPLACEMENT_DONE},
}


def decision_outcomes(
    platform: str | None = None,
) -> dict[Decision, dict[tuple[RequestKind, RequestState], RequestState]]:
    """`DECISION_OUTCOMES` as a shop on `platform` sees them (None: Douyin's)."""
    own = PLATFORM_DECISION_OUTCOMES.get(platform or "", {})
    if not own:
        return DECISION_OUTCOMES
    return {decision: {**moves, **own.get(decision, {})} for decision, moves in DECISION_OUTCOMES.items()}


def timeout_outcomes(platform: str | None = None) -> dict[tuple[RequestKind, RequestState], RequestState]:
    """`TIMEOUT_OUTCOMES` as a shop on `platform` sees them (None: Douyin's)."""
    return {**TIMEOUT_OUTCOMES, **PLATFORM_TIMEOUT_OUTCOMES.get(platform or "", {})}


def _words(kind: str | None, state: str | None) -> tuple[RequestKind, RequestState] | None:
    """The mirror's strings as the vocabulary's members; None for a word it does not know."""
    if kind is None or state is None:
        return None
    try:
        return RequestKind(kind), RequestState(state)
    except ValueError:
        return None


def outcome(
    decision: Decision, kind: str | None, state: str | None, *, platform: str | None = None
) -> RequestState | None:
    """Where `decision` leaves a request of `kind` in `state` on `platform`; None where it
    does not apply."""
    words = _words(kind, state)
    return decision_outcomes(platform).get(decision, {}).get(words) if words is not None else None


def allows(decision: Decision, kind: str | None, state: str | None, *, platform: str | None = None) -> bool:
    """Whether the platform takes `decision` on a request of `kind` in `state`."""
    return outcome(decision, kind, state, platform=platform) is not None


def first_allowed(
    decisions: Iterable[Decision], kind: str | None, state: str | None, *, platform: str | None = None
) -> tuple[Decision, RequestState] | None:
    """The first of `decisions` allowed on a request of `kind` in `state`, and where it leads."""
    for decision in decisions:
        target = outcome(decision, kind, state, platform=platform)
        if target is not None:
            return decision, target
    return None


def at_timeout(kind: str | None, state: str | None, *, platform: str | None = None) -> RequestState | None:
    """Where `platform` moves a request of `kind` in `state` alone at its deadline; None:
    it does not (the request is not waiting for the shop, or its words are unknown)."""
    words = _words(kind, state)
    return timeout_outcomes(platform).get(words) if words is not None else None
