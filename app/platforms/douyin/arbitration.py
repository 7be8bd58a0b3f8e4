"""Reading the platform's arbitration of an after-sale request into the mirror's columns.

Owns the arbitration fields of a request's row: Douyin's `arbitrate_status` as received, the
app's word for it (`mapping.arbitration`, vocabulary `ArbitrationState`) and, from the
request's detail only, the deadline by which the platform wants the shop's evidence.

Where they come from (docs/platforms/douyin.md "Code tables"): the List item's
`aftersale_info.arbitrate_status` (zsmhub/doudian-sdk, api/afterSale_List/response/
afterSale_List_response.go, AftersaleInfo.ArbitrateStatus) and the Detail's
`process_info.arbitrate_info{arbitrate_status, arbitrate_status_deadline, …}`
(api/afterSale_Detail/response/afterSale_Detail_response.go, ArbitrateInfo; the deadline
"仲裁截止时间" is a string whose format the record does not give: a number of seconds and
Shanghai wall time "YYYY-MM-DD HH:MM:SS" are read, anything else leaves it unknown).

Nothing here raises on an odd value: arbitration is shown, never decided on by the sync, so
an unreadable code is kept as far as it can be (the number, with no word) and the rest of
the request is still stored.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.core import shop_time
from app.platforms.douyin import mapping

DEADLINE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S")


def _code(value: Any) -> int | None:
    """A code sent as a number or as text; None when absent or not a number."""
    if isinstance(value, bool) or value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _fields(code: int | None) -> dict[str, Any]:
    word = mapping.arbitration(code)
    return {"arbitrate_status": code, "arbitration": word.value if word is not None else None}


def list_fields(info: Any) -> dict[str, Any]:
    """The arbitration columns from a List item's `aftersale_info`. A List answer without the
    field (an older gateway, another store) says nothing: both columns None."""
    return _fields(_code(info.get("arbitrate_status")) if isinstance(info, dict) else None)


def deadline_of(text: Any) -> int | None:
    """`arbitrate_status_deadline` as a Unix time: seconds (as a number or its text) or
    Shanghai wall time; None when empty, zero or unreadable."""
    seconds = _code(text)
    if seconds is not None:
        return seconds or None
    for form in DEADLINE_FORMATS:
        try:
            return shop_time.from_wall_time(datetime.strptime(str(text).strip(), form))
        except ValueError:
            continue
    return None


def detail_fields(arbitrate_info: Any) -> dict[str, Any]:
    """The arbitration columns from a Detail's `process_info.arbitrate_info` (None or not an
    object: no arbitration said, all None)."""
    info = arbitrate_info if isinstance(arbitrate_info, dict) else {}
    fields = _fields(_code(info.get("arbitrate_status")))
    fields["arbitration_deadline"] = deadline_of(info.get("arbitrate_status_deadline"))
    return fields
