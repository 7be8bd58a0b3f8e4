"""A TikTok Shop return's history: its records (`GET /return_refund/202309/returns/{id}/records`).

Owns `history_of` (the documented `data.records[]{event, role, description, reason_text, note,
images[], videos[], create_time}` — PC GetReturnRecords.ts; lazykern/ecommerce-api-docs
…/return-and-refund/get-return-records.spec.json — into the port's `HistoryEntry`s, oldest
first) and `buyer_pictures` (the buyer's evidence in them). `parse.read_reread` joins them to
the re-read request's row. See app/sync/request_history.py for what the history is used for.

What the record says and what is ours:
- `role` is BUYER, SELLER, OPERATOR or SYSTEM; the page's own sample writes "Buyer", so it is
  read in any case. SYSTEM (by policy: a deadline passed) and OPERATOR (the platform's staff)
  are the platform's moves.
- `event` is named but its values are not listed (the sample: "ORDER_RETURN"). Which of the
  seller's events agree and which refuse is ours: a decision of the approve call
  (APPROVE_*, ISSUE_REPLACEMENT_REFUND, OFFER_PARTIAL_REFUND) or an event naming an approval is
  an agreement, one of the reject call or naming a rejection (REJECT) a refusal, anything else
  a move we do not know (`ShopMove.OTHER`, which the push's re-read counts as the shop's
  own). The sandbox writes
  the seller's decision string (APPROVE_REFUND, REJECT_RETURN, …) as the event.
- A record has no status before or after; an entry without a readable `create_time` cannot
  be placed, so the whole history is then unread (None) and nothing is concluded from it.
- Cancellations have no records endpoint: their history is None.
- The buyer's pictures are in the BUYER records' `images[].url`: a re-read row carries them
  as `evidence` (a JSON array, as Douyin's detail does).
"""

from __future__ import annotations

from typing import Any

from app.platforms.port import HistoryEntry, Mover, ShopMove
from app.platforms.tiktok import mapping
from app.platforms.tiktok.codes import ApproveDecision, RejectDecision, Role, role_of


def shop_move(event: Any) -> ShopMove:
    """What a SELLER record's `event` did (ours: see the module's docstring): a decision of
    the approve call (ISSUE_REPLACEMENT_REFUND too) agrees, one of the reject call refuses."""
    name = str(event or "").strip().upper()
    if name in ApproveDecision._value2member_map_:
        return ShopMove.AGREED
    if name in RejectDecision._value2member_map_ or "REJECT" in name:
        return ShopMove.REFUSED
    if "APPROVE" in name:
        return ShopMove.AGREED
    return ShopMove.OTHER


def history_of(records: Any) -> tuple[HistoryEntry, ...] | None:
    """A return's history from its records' answer (`data.records`, or `data` holding it),
    oldest first, ties in the platform's own order; None when there is none or an entry
    cannot be read."""
    if isinstance(records, dict):
        records = records.get("records")
    if not isinstance(records, list) or not records:
        return None
    entries = []
    for place, record in enumerate(records):
        if not isinstance(record, dict):
            return None
        at = record.get("create_time")
        if isinstance(at, str) and at.strip().isdigit():
            at = int(at)
        if isinstance(at, bool) or not isinstance(at, int) or at <= 0:
            return None  # Unix seconds, as every time TikTok sends
        mover = mapping.mover(record.get("role"))
        entries.append(
            HistoryEntry(at, place, mover, shop_move(record.get("event")) if mover is Mover.SHOP else None)
        )
    return tuple(sorted(entries, key=lambda entry: (entry.at, entry.place)))


def buyer_pictures(records: Any) -> list[str]:
    """The URLs of the pictures the buyer's records carry, in their order, each once."""
    if isinstance(records, dict):
        records = records.get("records")
    urls: list[str] = []
    for record in records if isinstance(records, list) else []:
        if not isinstance(record, dict) or role_of(record.get("role")) is not Role.BUYER:
            continue
        for image in record.get("images") or []:
            url = image.get("url") if isinstance(image, dict) else None
            if isinstance(url, str) and url and url not in urls:
                urls.append(url)
    return urls
