"""Douyin behind the port: `DouyinPlatform` implements `app.platforms.port.ShopPlatform`.

Owns turning each question of the port into Douyin's call (the client signs, sends and
keeps the token: client.py) and each answer back into the app's words: the client's
`ApiResult` into a value or one of the port's errors, a request's history
(`afterSale.Detail` → `process_info.record_logs_list`) into `HistoryEntry`s, a decision
into `afterSale.operate` through mapping.py, a shipment into `order.logisticsAdd`, a
picture into `material.uploadImage` (ours, codes.py), the published lists into
`RefusalReason`s and `Carrier`s. Records are read into the mirror's rows by parse.py.

Douyin has no idempotency keys: `decide` and `ship` ignore theirs, and the push engine
re-reads the entity whenever an answer was lost (ARCHITECTURE.md "How data flows").
"""

from __future__ import annotations

import base64
import logging
from datetime import datetime
from typing import Any

from app.core import shop_time
from app.core.vocabulary import REFUSING_DECISIONS
from app.models.orders import OrderPage
from app.platforms.douyin import codes, mapping, parse
from app.platforms.douyin.client import ApiResult, PlatformClient
from app.platforms.port import (
    PROBLEM_UNREADABLE,
    Accepted,
    Carrier,
    DecisionToSend,
    HistoryEntry,
    Mover,
    NotAuthorised,
    Outcome,
    PlatformError,
    PulledPage,
    RefusalReason,
    Refused,
    RereadRequest,
    RetryLater,
    ShipmentToSend,
    ShopMove,
    Window,
)
from app.platforms.records import MalformedAnswer

log = logging.getLogger(__name__)

MAX_OFFSET_RESULTS = 50_000  # Douyin answers no page past page*size = 50,000
HISTORY_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"  # the history's times: China's wall time

REJECT_REASONS_METHOD = "afterSale.rejectReasonCodeList"
CARRIERS_METHOD = "order.logisticsCompanyList"
OPERATE_METHOD = "afterSale.operate"
SHIP_METHOD = "order.logisticsAdd"

# Refusals that may mean "your earlier, lost attempt already did this": the push engine
# checks by re-reading before it calls the operation a conflict.
MOVED_ON_REFUSALS = {
    codes.BUSINESS_WRONG_STATE,
    codes.BUSINESS_VERSION_CONFLICT,
    codes.LogisticsRefusal.ALREADY_SHIPPED,
    codes.LogisticsRefusal.TRACKING_USED_ELSEWHERE,
}
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
_ERRORS: dict[Outcome, type[PlatformError]] = {
    Outcome.RETRY: RetryLater,
    Outcome.REJECTED: Refused,
    Outcome.CONFIG_ERROR: NotAuthorised,
}


def error_of(result: ApiResult, problem: str = "", detail: str = "") -> PlatformError:
    """The port's error for an answer that is not DONE."""
    refusal = codes.sub_code_number(result.sub_code)
    return _ERRORS[result.outcome](
        problem or result.problem,
        platform_code=result.sub_code,
        platform_message=result.platform_message,
        maybe_applied=result.maybe_applied,
        rate_limited=result.rate_limited,
        moved_on=refusal in MOVED_ON_REFUSALS,
        refund_request_waiting=refusal == codes.LogisticsRefusal.REFUND_PENDING,
        answered_at=result.answered_at,
        detail=detail,
    )


def history_of(detail: Any) -> tuple[HistoryEntry, ...] | None:
    """A request's history from an `afterSale.Detail` answer, oldest first; None when the
    answer has none or an entry cannot be read (one without a readable time cannot be
    placed, so nothing is concluded). See app/sync/request_history.py for what it relies on."""
    process = detail.get("process_info") if isinstance(detail, dict) else None
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


class DouyinPlatform:
    """One Douyin shop, through its client (which keeps its token)."""

    name = "douyin"
    positional_pages = True  # `page` is a page number

    def __init__(self, client: PlatformClient) -> None:
        self.client = client

    def close(self) -> None:
        self.client.close()

    def _call(self, method: str, params: dict[str, Any]) -> ApiResult:
        result = self.client.call(method, params)
        if not result.ok:
            raise error_of(result)
        return result

    # --- pulling ------------------------------------------------------------------------
    def changed_orders(self, window: Window, page: str | None, page_size: int) -> PulledPage:
        return self._page(
            "order.searchList",
            {"order_by": "update_time", "order_asc": True},
            ("update_time_start", "update_time_end"),
            "shop_order_list",
            window,
            page,
            page_size,
        )

    def changed_requests(self, window: Window, page: str | None, page_size: int) -> PulledPage:
        return self._page(
            "afterSale.List",
            {"order_by": ["update_time asc"]},
            ("update_start_time", "update_end_time"),
            "items",
            window,
            page,
            page_size,
        )

    def _page(
        self,
        method: str,
        order_params: dict[str, Any],
        window_params: tuple[str, str],
        list_key: str,
        window: Window,
        page: str | None,
        page_size: int,
    ) -> PulledPage:
        number = int(page) if page else 0
        params = {**order_params, "size": page_size, window_params[0]: window.start, "page": number}
        if window.end is not None:
            params[window_params[1]] = window.end
        result = self._call(method, params)
        records = result.data.get(list_key) if isinstance(result.data, dict) else None
        if not isinstance(records, list):
            raise RetryLater(PROBLEM_UNREADABLE, detail=f"{method}: '{list_key}' is missing from the answer")
        # Douyin pages by number, up to page*size = 50,000 results.
        more = (number + 2) * page_size <= MAX_OFFSET_RESULTS
        return PulledPage(records, str(number + 1) if more else None, result.answered_at)

    def read_order(self, record: Any, index: int, synced_at: int) -> OrderPage:
        return parse.parse_order(record, index, synced_at)

    def read_request(self, record: Any, index: int, synced_at: int) -> dict[str, Any]:
        return parse.parse_after_sale(record, index, synced_at)

    # --- re-reading one entity ------------------------------------------------------------
    def reread_request(self, request_id: str, synced_at: int) -> RereadRequest:
        result = self.client.call("afterSale.Detail", {"after_sale_id": request_id})
        if not result.ok:  # in the words a refusal of the decision itself would have
            raise error_of(result, codes.refusal_problem(OPERATE_METHOD, result.sub_code) or "")
        try:
            row = parse.parse_after_sales([result.data], synced_at)[0]
        except MalformedAnswer as error:
            raise RetryLater(str(error)) from error
        return RereadRequest(row, history_of(result.data))

    def reread_order(self, order_id: str, synced_at: int) -> OrderPage:
        result = self.client.call("order.orderDetail", {"shop_order_id": order_id})
        if not result.ok:  # e.g. no such order: in the words of a refused shipment
            raise error_of(result, codes.refusal_problem(SHIP_METHOD, result.sub_code) or "")
        try:
            return parse.parse_orders([result.data["shop_order_detail"]], synced_at)
        except (MalformedAnswer, KeyError, TypeError) as error:
            raise RetryLater(str(error)) from error

    # --- sending --------------------------------------------------------------------------
    def decide(self, decision: DecisionToSend, idempotency_key: str) -> Accepted:
        """`afterSale.operate`; Douyin takes no idempotency key (the push engine re-reads)."""
        item: dict[str, Any] = {"aftersale_id": decision.request_id, "update_time": decision.based_on_version}
        if decision.decision in REFUSING_DECISIONS:
            item.update(
                reject_reason_code=decision.reason_code,
                reason=decision.reason,
                remark=decision.remark,
                evidence=list(decision.evidence),
            )
        if decision.return_address_id:
            item["logistics"] = {"receiver_address_id": decision.return_address_id}
        item.update(decision.extra)
        operate_type = int(mapping.operate_type(decision.decision))
        return self._send(OPERATE_METHOD, {"type": operate_type, "items": [item]})

    def ship(self, shipment: ShipmentToSend, idempotency_key: str) -> Accepted:
        """`order.logisticsAdd`; Douyin takes no idempotency key (the push engine re-reads)."""
        params: dict[str, Any] = {
            "order_id": shipment.order_id,
            "company_code": shipment.carrier_code,
            "logistics_code": shipment.tracking_no,
        }
        if shipment.refuse_refund:
            params["is_refund_reject"] = True
        return self._send(SHIP_METHOD, params)

    def _send(self, method: str, params: dict[str, Any]) -> Accepted:
        result = self._call(method, params)
        return Accepted(result.sub_code, result.platform_message)

    def upload_picture(self, file_name: str, data: bytes) -> str:
        """`material.uploadImage` (ours): answers the URL the platform issued for the picture."""
        result = self._call(
            codes.UPLOAD_IMAGE_METHOD,
            {"file_name": file_name, "image_base64": base64.b64encode(data).decode("ascii")},
        )
        url = result.data.get("url") if isinstance(result.data, dict) else None
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            raise RetryLater(PROBLEM_UNREADABLE)
        return url

    def check_connection(self) -> str:
        """`token.create` for a self-use app: the keys' test; the shop's name from its answer."""
        result = self.client.create_token()
        if not result.ok:
            raise error_of(result)
        return self.client.shop_name

    # --- the published lists --------------------------------------------------------------
    def refusal_reasons(self) -> list[RefusalReason]:
        """`data.items[]{reject_reason_code, reason, evidence_need "Y"/"N"}`; unreadable items
        are left out; an answer without one readable item is unreadable (RetryLater)."""
        payload = self._call(REJECT_REASONS_METHOD, {}).data
        reasons = parse_reject_reasons(payload)
        if not reasons:
            raise RetryLater(PROBLEM_UNREADABLE, detail="the reject reason list has no readable item")
        return reasons

    def carriers(self) -> list[Carrier]:
        """`data[]{id, name, code}`: every item must read (a carrier missing from the copy
        could not be shipped with offline, so a doubtful answer keeps the old copy)."""
        payload = self._call(CARRIERS_METHOD, {}).data
        try:
            return parse_carriers(payload)
        except ValueError as unusable:
            raise RetryLater(PROBLEM_UNREADABLE, detail=str(unusable)) from unusable


def parse_reject_reasons(payload: Any) -> list[RefusalReason]:
    items = payload.get("items") if isinstance(payload, dict) else None
    reasons = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        try:
            code = int(item.get("reject_reason_code"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            continue
        need = str(item.get("evidence_need", "")).strip().upper()
        reasons.append(RefusalReason(code, str(item.get("reason") or ""), need == "Y"))
    return reasons


def parse_carriers(payload: Any) -> list[Carrier]:
    """Raises ValueError unless every item reads and there is one."""
    if not isinstance(payload, list) or not payload:
        raise ValueError(f"the carrier list is not a non-empty array: {payload!r:.80}")
    carriers = []
    for index, item in enumerate(payload):
        if not isinstance(item, dict):
            raise ValueError(f"carrier #{index + 1} is not an object")
        carrier_id, name, code = item.get("id"), item.get("name"), item.get("code")
        if isinstance(carrier_id, bool) or not isinstance(carrier_id, int | str):
            raise ValueError(f"carrier #{index + 1}: 'id' is not a number ({carrier_id!r})")
        try:
            carrier_id = int(carrier_id)
        except ValueError as error:
            raise ValueError(f"carrier #{index + 1}: 'id' is not a number ({carrier_id!r})") from error
        if not isinstance(name, str) or not name.strip() or not isinstance(code, str) or not code.strip():
            raise ValueError(f"carrier #{index + 1}: 'name' or 'code' is missing")
        carriers.append(Carrier(carrier_id, name.strip(), code.strip()))
    return carriers
