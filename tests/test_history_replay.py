"""A request's history, replayed into the state changes the dashboard counts (app/sync/history_replay.py).

The platform's history entries say who moved the request and, for the shop, whether it
agreed or refused; never the status. Each table row: a kind, the moves after the
buyer's application (minutes after it), the request's state now, and the changes the
replay gives (from, to, minutes, whether the platform moved it alone at its deadline),
or None where the history cannot be placed and nothing is written.
"""

from __future__ import annotations

import pytest

from app.core.vocabulary import Decision
from app.core.vocabulary import RequestKind as K
from app.core.vocabulary import RequestState as S
from app.platforms.port import HistoryEntry, Mover, ShopMove
from app.services.refunds import outcomes
from app.sync.history_replay import PastChange, Unplaceable, replay

APPLIED = 1_790_000_000
BUYER, PLATFORM = (Mover.BUYER, None), (Mover.PLATFORM, None)
AGREED, REFUSED = (Mover.SHOP, ShopMove.AGREED), (Mover.SHOP, ShopMove.REFUSED)
SHIPPED_REFUSING = (Mover.SHOP, ShopMove.SHIPPED_REFUSING)

CASES = [
    (  # the platform agreed at the deadline, the buyer sent the goods, the shop accepted them
        K.RETURN_AND_REFUND,
        [(2880, PLATFORM), (3000, BUYER), (3100, AGREED)],
        S.REFUNDED,
        [
            (S.AWAITING_SHOP, S.AWAITING_BUYER_RETURN, 2880, True),
            (S.AWAITING_BUYER_RETURN, S.RETURN_AWAITING_INSPECTION, 3000, False),
            (S.RETURN_AWAITING_INSPECTION, S.REFUNDED, 3100, False),
        ],
    ),
    (K.REFUND_AFTER_SHIPMENT, [(60, REFUSED)], S.REFUSED, [(S.AWAITING_SHOP, S.REFUSED, 60, False)]),
    (K.REFUND_BEFORE_SHIPMENT, [(0, PLATFORM)], S.REFUNDED, []),  # a fast refund: first seen refunded
    (
        K.REFUND_BEFORE_SHIPMENT,
        [(90, SHIPPED_REFUSING)],
        S.REFUSED,
        [(S.AWAITING_SHOP, S.REFUSED, 90, False)],
    ),
    (  # refused, then the platform's arbitration found for the buyer: refunded at its last step
        K.REFUND_AFTER_SHIPMENT,
        [(60, REFUSED), (600, PLATFORM), (900, PLATFORM), (1200, PLATFORM)],
        S.REFUNDED,
        [(S.AWAITING_SHOP, S.REFUSED, 60, False), (S.REFUSED, S.REFUNDED, 1200, False)],
    ),
    (  # a resend agreed, its goods sent, delivered
        K.RESEND,
        [(60, AGREED), (120, AGREED), (4000, PLATFORM)],
        S.REPLACEMENT_DONE,
        [
            (S.AWAITING_SHOP, S.AWAITING_SHOP_SHIPMENT, 60, False),
            (S.AWAITING_SHOP_SHIPMENT, S.REPLACEMENT_IN_PROGRESS, 120, False),
            (S.REPLACEMENT_IN_PROGRESS, S.REPLACEMENT_DONE, 4000, True),
        ],
    ),
    (  # a repair agreed without the goods coming back (Douyin's 602): of the two agreements a
        # repair may be (the goods back first, or not), the one the rest of the history bears out
        K.REPAIR,
        [(60, AGREED), (120, AGREED), (4000, PLATFORM)],
        S.REPLACEMENT_DONE,
        [
            (S.AWAITING_SHOP, S.AWAITING_SHOP_SHIPMENT, 60, False),
            (S.AWAITING_SHOP_SHIPMENT, S.REPLACEMENT_IN_PROGRESS, 120, False),
            (S.REPLACEMENT_IN_PROGRESS, S.REPLACEMENT_DONE, 4000, True),
        ]
        # Placed only where the app's expectation knows that agreement (outcomes.py).
        if outcomes.outcome(Decision.AGREE_EXCHANGE, K.REPAIR.value, S.AWAITING_SHOP.value)
        else None,
    ),
    (K.REFUND_AFTER_SHIPMENT, [(60, BUYER)], S.CLOSED, None),  # the buyer's move there: withdrawn or changed?
    (K.REFUND_AFTER_SHIPMENT, [(60, REFUSED)], S.REFUNDED, None),  # does not end where the request is
]


def history(moves: list[tuple[int, tuple[Mover, ShopMove | None]]]) -> tuple[HistoryEntry, ...]:
    entries = [HistoryEntry(APPLIED, 0, Mover.BUYER)]
    entries += [
        HistoryEntry(APPLIED + minutes * 60, place, mover, move)
        for place, (minutes, (mover, move)) in enumerate(moves, 1)
    ]
    return tuple(entries)


@pytest.mark.parametrize(("kind", "moves", "now", "expected"), CASES)
def test_a_history_replays_into_the_changes_it_holds(kind, moves, now, expected) -> None:
    if expected is None:
        with pytest.raises(Unplaceable):
            replay(history(moves), kind.value, APPLIED, now.value)
        return
    first = PastChange(None, S.REFUNDED if not expected else S.AWAITING_SHOP, APPLIED)
    changes = [first] + [PastChange(a, b, APPLIED + minutes * 60, alone) for a, b, minutes, alone in expected]
    assert replay(history(moves), kind.value, APPLIED, now.value) == changes
