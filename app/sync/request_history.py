"""What a request's own history says about who moved it: the shop, the platform, or someone else.

Owns reading a request's history (the port's `reread_request` answers it as
`HistoryEntry`s in the app's words: when, who — buyer, shop, platform — and, for the
shop's moves, what) for the push engine's re-read (`applied_check.verify`): a
decision whose answer was lost is checked before it may be sent again, and the
request's current state alone cannot always say whether our decision moved it — the
platform agreeing on its own at the deadline looks like our agreement, and a request
that moved on since (the buyer sent the goods back, the receipt deadline refunded)
looks like nobody's. How each platform's history is read, and what that relies on, is
the adapter's (Douyin's: `history_of` in app/platforms/douyin/detail.py).
"""

from __future__ import annotations

from app.platforms.port import HistoryEntry, Mover, ShopMove

SHOP, PLATFORM, SOMEONE_ELSE = "shop", "platform", "someone else"


def who_moved_it_on(
    history: tuple[HistoryEntry, ...] | None, since: int, *, refusing: bool, after_shop_move: bool = False
) -> str | None:
    """Who first moved the request on after the version a decision was made on (`since`,
    the request's `update_time` then): SHOP, PLATFORM, SOMEONE_ELSE, or None when the
    history names no move since (or there is no readable history: then the re-read's
    state alone decides, as before there was a history to ask).

    The first move after `since` is the move out of that version (every entry the
    platform writes for a request is a move of it). SHOP: it is the shop's, with the
    decision's own move (an agreement for an agreement, a refusal for a refusal) or a
    move we do not know. The decision carries the version it was made on, so the
    platform applies it only on that version: that move is this decision, whatever has
    happened since. (The merchant making the very same move in the platform's own
    pages is indistinguishable; it is the shop's decision either way.) PLATFORM: the
    platform's own move came first (its deadline passed). SOMEONE_ELSE: anyone else's
    (the buyer withdrew; the merchant decided otherwise in the platform's own pages, or
    refused the refund by shipping).

    Moves within the second of `since` (a move stamps `update_time` with the second its
    entry carries): the buyer's and the platform's there may be what made that version
    (the platform often makes several moves in one second, e.g. agreeing at the
    deadline and then taking the buyer's parcel back), so they are passed over; the
    shop's there came after the decision, since no state a shop's move leads to is one
    a decision starts from (`app/services/refunds/outcomes.py`) — but for those in
    `outcomes.STARTS_AFTER_SHOP_MOVE` (a resend agreed waits for its goods): deciding from
    one (`after_shop_move`), the shop's move there may be the one that made that version,
    so it is passed over too, and a decision applied within that very second is left to
    the re-read's state.
    """
    if history is None:
        return None
    ours = ShopMove.REFUSED if refusing else ShopMove.AGREED
    for entry in history:  # oldest first, ties in the platform's own order
        if entry.at < since:
            continue
        if entry.at == since and (entry.mover is not Mover.SHOP or after_shop_move):
            continue  # perhaps what made the version the decision was made on
        if entry.mover is Mover.SHOP:
            return SHOP if entry.shop_move in (ours, ShopMove.OTHER) else SOMEONE_ELSE
        return PLATFORM if entry.mover is Mover.PLATFORM else SOMEONE_ELSE
    return None


def who_acted_last(history: tuple[HistoryEntry, ...] | None) -> Mover | None:
    """Who made the latest move in the history, if it says (None: no readable history,
    or a mover we do not know)."""
    return history[-1].mover if history else None
