"""Douyin behind the port: `DouyinPlatform` implements `app.platforms.port.ShopPlatform`.

Owns turning each question of the port into Douyin's call (the client signs, sends and
keeps the token: client.py) and each answer back into the app's words: the client's
`ApiResult` into a value or one of the port's errors, a request re-read with its history
(`afterSale.Detail`, read as documented by detail.py), a decision
into `afterSale.operate` through mapping.py, a shipment into `order.logisticsAdd`, a
picture into the material centre's calls (material.py), the published lists into
`RefusalReason`s and `Carrier`s. Records are read into the mirror's rows by parse.py.

Douyin has no idempotency keys: `decide` and `ship` ignore theirs, and the push engine
re-reads the entity whenever an answer was lost (ARCHITECTURE.md "How data flows").
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import REFUSING_DECISIONS
from app.models.orders import OrderPage
from app.platforms.douyin import codes, detail, exchanges, mapping, material, parse
from app.platforms.douyin.client import ApiResult, PlatformClient
from app.platforms.port import (
    PROBLEM_UNREADABLE,
    Accepted,
    Carrier,
    DecisionToSend,
    NotAuthorised,
    Outcome,
    PictureOnPlatform,
    PlatformError,
    PulledPage,
    RefusalReason,
    Refused,
    RereadRequest,
    RetryLater,
    ShipmentToSend,
    Window,
)
from app.platforms.records import MalformedAnswer

log = logging.getLogger(__name__)

MAX_OFFSET_RESULTS = 50_000  # Douyin answers no page past page*size = 50,000

REJECT_REASONS_METHOD = "afterSale.rejectReasonCodeList"
CARRIERS_METHOD = "order.logisticsCompanyList"
OPERATE_METHOD = "afterSale.operate"
SHIP_METHOD = "order.logisticsAdd"
EVIDENCE_PICTURE = 1  # EvidenceItem.Type "1:图片"

# Douyin takes a refusal of a refund before shipment only as a shipment (`is_refund_reject`).
PROBLEM_REFUSE_BY_SHIPPING = QT_TRANSLATE_NOOP(
    "sync",
    "A refund requested before shipment can only be refused by shipping the order. Discard this "
    "and use \u201cRefuse by shipping\u201d in the refund queue or on the shipping board.",
)

# Douyin gives no label as a document: its waybills print through its own print component.
PROBLEM_LABEL_BY_DOUYIN = QT_TRANSLATE_NOOP(
    "sync",
    "Douyin prints its shipping labels (electronic waybills) with its own print component, so this "
    "app cannot fetch the label. Print it from Douyin's shop backend.",
)

# Refusals that may mean "your earlier, lost attempt already did this": the push engine
# checks by re-reading before it calls the operation a conflict.
MOVED_ON_REFUSALS = {
    codes.BUSINESS_WRONG_STATE,
    codes.BUSINESS_VERSION_CONFLICT,
    codes.LogisticsRefusal.ALREADY_SHIPPED,
    codes.LogisticsRefusal.TRACKING_USED_ELSEWHERE,
}
_ERRORS: dict[Outcome, type[PlatformError]] = {
    Outcome.RETRY: RetryLater,
    Outcome.REJECTED: Refused,
    Outcome.CONFIG_ERROR: NotAuthorised,
}


def error_of(result: ApiResult, problem: str = "", detail: str = "") -> PlatformError:
    """The port's error for an answer that is not DONE. Only a refusal of the one request
    (REJECTED) can say by its number that the entity moved on or a refund waits; an error a
    person must act on, or one to try again, never does (errors.py)."""
    refused = result.outcome is Outcome.REJECTED
    refusal = codes.sub_code_number(result.sub_code) if refused else None
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
        """`afterSale.Detail` with its history, read as documented (detail.py)."""
        result = self.client.call(detail.DETAIL_METHOD, detail.detail_params(request_id))
        if not result.ok:  # in the words a refusal of the decision itself would have
            raise error_of(result, codes.refusal_problem(OPERATE_METHOD, result.sub_code) or "")
        try:
            return detail.read_detail(result.data, request_id, synced_at)
        except MalformedAnswer as error:
            raise RetryLater(PROBLEM_UNREADABLE, detail=str(error)) from error

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
        """`afterSale.operate`; Douyin takes no idempotency key (the push engine re-reads).
        A resend's goods go out by `afterSale.fillLogistics` instead (exchanges.py)."""
        if mapping.sent_by_fill_logistics(decision.decision, decision.kind):
            return self._send(codes.FILL_LOGISTICS_METHOD, exchanges.resend_shipment(decision))
        item: dict[str, Any] = {"aftersale_id": decision.request_id, "update_time": decision.based_on_version}
        if decision.decision in REFUSING_DECISIONS:
            item.update(
                reject_reason_code=decision.reason_code,
                reason=decision.reason,
                remark=decision.remark,
                # Pictures as the record's EvidenceItem (type 1 图片); desc is ours: the reason.
                evidence=[
                    {"type": EVIDENCE_PICTURE, "url": url, "desc": decision.reason}
                    for url in decision.evidence
                ],
            )
        logistics = exchanges.operate_logistics(decision)  # the address, the goods sent out
        if logistics:
            item["logistics"] = logistics
        item.update(decision.extra)
        try:
            operate_type = int(mapping.operate_type(decision.decision, decision.kind))
        except KeyError:  # e.g. a refusal of a refund before shipment, queued by an older release
            raise Refused(
                PROBLEM_REFUSE_BY_SHIPPING, detail=f"{decision.decision} on {decision.kind}"
            ) from None
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

    def upload_picture(self, file_name: str, data: bytes) -> PictureOnPlatform:
        """The material centre (material.py): found by name, else uploaded and reviewed."""
        return material.upload(self._call, file_name, data)

    def picture_reviews(self, platform_ids: Sequence[str]) -> list[PictureOnPlatform]:
        """`material.queryMaterialDetail` for each picture (material.py)."""
        return material.reviews(self._call, platform_ids)

    def shipping_label(self, order_id: str) -> bytes:
        """Douyin gives no label as a PDF (its print component prints them): refused."""
        raise Refused(PROBLEM_LABEL_BY_DOUYIN, detail=f"no label document for order {order_id}")

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
