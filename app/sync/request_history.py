"""What a request's own history says about who moved it: the shop, the platform, or someone else.

Owns reading `afterSale.Detail` → `process_info.record_logs_list` for the push engine's
re-read (`push.PushEngine._verify`): a decision whose answer was lost is checked before
it may be sent again, and the request's current status alone cannot always say whether
our decision moved it — the platform agreeing on its own at the deadline looks like our
agreement, and a request that moved on since (the buyer sent the goods back, the
receipt deadline refunded) looks like nobody's.

What this relies on, and where it comes from. The public record (the official SDK's
`RecordLogsListItem`, e.g. zsmhub/doudian-sdk, api/afterSale_Detail/response/
afterSale_Detail_response.go) gives each entry `operator`, `time` (操作时间), `text`
(操作内容), `images`, `desc_kvs`, `action` (动作), `role` (角色) and `all_evidence` — no
status, neither before nor after. So an entry is matched with a decision by three
things: its `time`, read as Shanghai wall time "YYYY-MM-DD HH:MM:SS" (the dialect's
text times; China keeps no daylight saving time); its `role`, whose values the record
does not give (ours: `codes.RecordRole`); and, for the merchant's entries, its `action`
(values ours too: `codes.MERCHANT_RECORD_ACTIONS`). The sandbox
writes exactly these (app/sandbox/lifecycle.py `record`, docs/sandbox.md).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.core import shop_time
from app.platforms.douyin import codes
from app.platforms.douyin.codes import RecordRole

SHOP, PLATFORM, SOMEONE_ELSE = "shop", "platform", "someone else"
TIME_FORMAT = "%Y-%m-%d %H:%M:%S"

# One entry as read: (Unix seconds, place in the list, role or None, action).
_Entry = tuple[int, int, RecordRole | None, str]


def who_moved_it_on(detail: Any, since: int, *, refusing: bool) -> str | None:
    """Who first moved the request on after the version a decision was made on (`since`,
    the request's `update_time` then): SHOP, PLATFORM, SOMEONE_ELSE, or None when the
    history names no move since (or there is no readable history: then the re-read's
    status alone decides, as before there was a history to ask).

    The first move after `since` is the move out of that version (every entry the
    platform writes for a request is a move of it). SHOP: it is a merchant's, with the
    decision's own action (an agreement for an agreement, a refusal for a refusal) or an
    action we do not know. The decision carries the version it was made on, so the
    platform applies it only on that version: that move is this decision, whatever has
    happened since. (The merchant making the very same move in the platform's own
    pages is indistinguishable; it is the shop's decision either way.) PLATFORM: the
    platform's own move came first (its deadline passed). SOMEONE_ELSE: anyone else's
    (the buyer withdrew; the merchant decided otherwise in the platform's own pages, or
    refused the refund by shipping).

    Moves within the second of `since` (a move stamps `update_time` with the second its
    entry carries): the buyer's and the platform's there may be what made that version
    (the platform often makes several moves in one second, e.g. agreeing at the
    deadline and then taking the buyer's parcel back), so they are passed over; a
    merchant's there came after the decision, since no status a merchant's move leads to
    is one a decision starts from (`codes.OPERATE_TRANSITIONS`).
    """
    entries = _entries(detail)
    if entries is None:
        return None
    ours = codes.RECORD_ACTION_MERCHANT_REFUSED if refusing else codes.RECORD_ACTION_MERCHANT_AGREED
    for at, _, role, action in sorted(entries):
        if at < since:
            continue
        if role == RecordRole.MERCHANT:
            return SHOP if action == ours or action not in codes.MERCHANT_RECORD_ACTIONS else SOMEONE_ELSE
        if at > since:
            return PLATFORM if role == RecordRole.PLATFORM else SOMEONE_ELSE
    return None


def who_acted_last(detail: Any) -> RecordRole | None:
    """Who made the latest move in the history, if it says (None: no readable history,
    or a role we do not know). Entries are ordered by their `time`, the list's own order
    breaking ties."""
    entries = _entries(detail)
    return max(entries)[2] if entries else None


def _entries(detail: Any) -> list[_Entry] | None:
    """The history's entries, or None when the answer has none or one cannot be read
    (an entry without a readable time cannot be placed, so nothing is concluded)."""
    process = detail.get("process_info") if isinstance(detail, dict) else None
    logs = process.get("record_logs_list") if isinstance(process, dict) else None
    if not isinstance(logs, list) or not logs:
        return None
    entries: list[_Entry] = []
    for place, log in enumerate(logs):
        if not isinstance(log, dict):
            return None
        try:
            # The platform writes China's wall time, the shop's zone.
            at = shop_time.from_wall_time(datetime.strptime(str(log.get("time")), TIME_FORMAT))
        except ValueError:
            return None
        entries.append((at, place, _role(log.get("role")), str(log.get("action") or "")))
    return entries


def _role(value: Any) -> RecordRole | None:
    try:
        return RecordRole(int(value))
    except (TypeError, ValueError):
        return None
