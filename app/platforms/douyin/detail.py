"""Douyin's `afterSale.Detail`: one request as the mirror's row, with its history.

Owns asking for one request (`detail_params`: `after_sale_id` and
`need_operation_record: true`, since the record gives the history only when asked) and
reading the documented answer (docs/platforms/douyin.md "afterSale.Detail"; zsmhub/doudian-sdk
`api/afterSale_Detail/response/afterSale_Detail_response.go`, `AfterSaleDetailData`):

    data{process_info{after_sale_info, arbitrate_info, logistics_info{return, …},
                      record_logs_list[]},
         order_info{shop_order_id (int64), sku_order_infos[]}}

It is not a List item: its names differ (`after_sale_id` int64, `after_sale_status`,
`after_sale_type`, `refund_total_amount`, `reason`, …). `read_detail` makes the same
mirror row `parse.parse_after_sale` makes from a List item, plus what only the Detail
carries where the mirror has a column (the buyer's `reason` and `evidence` pictures, the
return parcel); `history_of` reads `record_logs_list` into `HistoryEntry`s. An answer of
the wrong shape raises `MalformedAnswer` naming the field, prefixed "afterSale.Detail".
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from app.core import shop_time
from app.platforms.douyin import arbitration, codes, mapping
from app.platforms.douyin.parse import CURRENCY
from app.platforms.port import HistoryEntry, Mover, RereadRequest, ShopMove
from app.platforms.records import MalformedAnswer, MalformedRecord, read_int, shown

DETAIL_METHOD = "afterSale.Detail"
HISTORY_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"  # the history's times: China's wall time (ours)

MOVERS = {
    codes.RecordRole.BUYER: Mover.BUYER,
    codes.RecordRole.MERCHANT: Mover.SHOP,
    codes.RecordRole.PLATFORM: Mover.PLATFORM,
}
SHOP_MOVES = {
    codes.RECORD_ACTION_MERCHANT_AGREED: ShopMove.AGREED,
    codes.RECORD_ACTION_MERCHANT_REFUSED: ShopMove.REFUSED,
    codes.RECORD_ACTION_MERCHANT_SHIPPED_REFUSING: ShopMove.SHIPPED_REFUSING,
}


def detail_params(request_id: str) -> dict[str, Any]:
    """`AfterSaleDetailParam`: the id is a string there (an int64 in the answer)."""
    return {"after_sale_id": str(request_id), "need_operation_record": True}


def read_detail(data: Any, request_id: str, synced_at: int) -> RereadRequest:
    """The request as the mirror's row and its history; raises MalformedAnswer when the
    answer is not the documented Detail of `request_id`."""
    where = f"{DETAIL_METHOD} {request_id}"
    process = _part(data, "process_info", where)
    try:
        row = _row(process, _part(data, "order_info", where), where, synced_at)
    except MalformedRecord as error:
        raise MalformedAnswer(str(error)) from None
    if row["aftersale_id"] != str(request_id):
        raise MalformedAnswer(f"{where}: the answer is about request {shown(row['aftersale_id'])}")
    return RereadRequest(row, history_of(data))


def _part(data: Any, key: str, where: str) -> dict[str, Any]:
    part = data.get(key) if isinstance(data, dict) else None
    if not isinstance(part, dict):
        raise MalformedAnswer(f"{where}: '{key}' is missing or not an object ({shown(part)})")
    return part


def _row(process: dict[str, Any], order: dict[str, Any], where: str, synced_at: int) -> dict[str, Any]:
    info = process.get("after_sale_info")
    if not isinstance(info, dict):
        raise MalformedRecord(f"{where}: 'process_info.after_sale_info' is missing or not an object")
    lines = order.get("sku_order_infos")
    if lines is None:
        lines = []
    if not isinstance(lines, list) or not all(isinstance(line, dict) for line in lines):
        raise MalformedRecord(f"{where}: 'order_info.sku_order_infos' is not a list of objects")
    returned = process.get("logistics_info")
    returned = returned.get("return") if isinstance(returned, dict) else None
    returned = returned if isinstance(returned, dict) else {}
    evidence = info.get("evidence")
    evidence = [str(url) for url in evidence if url] if isinstance(evidence, list) else []
    total = read_int(info, "refund_total_amount", where) or 0
    post = read_int(info, "refund_post_amount", where) or 0
    row: dict[str, Any] = {
        "aftersale_id": _id(info, "after_sale_id", f"{where} after_sale_info"),
        "order_id": _id(order, "shop_order_id", f"{where} order_info"),
        # The Detail names the request's SKU lines, not one related id: the first line's.
        "related_id": _text(lines[0].get("sku_order_id")) if lines else "",
        "type": read_int(info, "after_sale_type", where, required=True),
        "status": read_int(info, "after_sale_status", where, required=True),
        "refund_status": read_int(info, "refund_status", where),
        "apply_time": read_int(info, "apply_time", where, required=True),
        "update_time": read_int(info, "update_time", where, required=True),
        "status_deadline": read_int(info, "status_deadline", where),
        # `refund_total_amount` is 售后总金额（含运费）: the List's `refund_amount` without
        # the freight, as the mirror keeps them (ours: the record does not say the List's
        # amount leaves the freight out).
        "refund_amount": max(total - post, 0),
        "refund_post_amount": post,
        "currency": CURRENCY,
        "reason_text": _text(info.get("reason")),
        "got_pkg": read_int(info, "got_pkg", where),
        "return_tracking_no": _text(returned.get("tracking_no")),
        "return_company_name": _text(returned.get("company_name")),
        "evidence": json.dumps(evidence, ensure_ascii=False) if evidence else "",
        "status_text": _text(info.get("after_sale_status_desc")),
        "type_text": _text(info.get("after_sale_type_text")),
        "product_name": "; ".join(_text(line.get("product_name")) for line in lines),
        "item_num": sum(read_int(line, "item_quantity", where) or 0 for line in lines) or 1,
        "synced_at": synced_at,
    }
    row["kind"] = mapping.request_kind(row["type"])
    row["state"] = mapping.request_state(row["status"])
    row["refund_state"] = mapping.refund_state(row["refund_status"])
    # 退款方式 (the Detail's `after_sale_info.refund_type`), as the List row has it (parse.py).
    row["refund_type"] = read_int(info, "refund_type", where)
    row["fast_refund"] = mapping.fast_refund(row["refund_type"])
    # Arbitration, with the deadline only the Detail gives (arbitration.py, the "codes" part).
    row.update(arbitration.detail_fields(process.get("arbitrate_info")))
    return row


def _id(record: dict[str, Any], key: str, where: str) -> str:
    """An id the Detail sends as an int64 (a string is read too)."""
    value = record.get(key)
    if isinstance(value, bool) or not isinstance(value, int | str) or str(value).strip() in ("", "0"):
        raise MalformedRecord(f"{where}: '{key}' is missing or not an id ({shown(value)})")
    return str(value).strip()


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def history_of(data: Any) -> tuple[HistoryEntry, ...] | None:
    """A request's history from an `afterSale.Detail` answer (`process_info.record_logs_list`),
    oldest first; None when the answer has none or an entry cannot be read (one without a
    readable time cannot be placed, so nothing is concluded). See app/sync/request_history.py
    for what it relies on."""
    process = data.get("process_info") if isinstance(data, dict) else None
    logs = process.get("record_logs_list") if isinstance(process, dict) else None
    if not isinstance(logs, list) or not logs:
        return None
    entries = []
    for place, entry in enumerate(logs):
        if not isinstance(entry, dict):
            return None
        try:
            at = shop_time.from_wall_time(datetime.strptime(str(entry.get("time")), HISTORY_TIME_FORMAT))
        except ValueError:
            return None
        mover = MOVERS.get(_role(entry.get("role")))  # type: ignore[arg-type]
        action = str(entry.get("action") or "")
        shop_move = SHOP_MOVES.get(action, ShopMove.OTHER) if mover is Mover.SHOP else None
        entries.append(HistoryEntry(at, place, mover, shop_move))
    return tuple(sorted(entries, key=lambda entry: (entry.at, entry.place)))


def _role(value: Any) -> codes.RecordRole | None:
    try:
        return codes.RecordRole(int(value))
    except (TypeError, ValueError):
        return None
