"""TikTok Shop behind the port: `TikTokPlatform` implements `app.platforms.port.ShopPlatform`.

Owns turning each question of the port into TikTok Shop's calls (the client signs, sends
and keeps the tokens: client.py) and each answer back into the app's words: pages of
orders and of after-sale requests (returns and cancellations merged: feed.py), records
read into the mirror's rows by parse.py, a request re-read with its records (its
history), a decision into `…/approve` or `…/reject` with the operation's own id as the
`idempotency_key` (mapping.py names the decision), a shipment into its package's `ship`
(shipping.py), a picture into TikTok's image upload, the published lists (lists.py).

TikTok Shop applies an idempotency key once (PC approve-return / reject-return: "a unique
value … the server uses to recognize the same request"), so a decision sent again after a
lost answer is harmless even before the push engine re-reads. Its ship call takes none:
a package shipped already is refused, and the engine re-reads (MOVED_ON_CODES).
"""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import Sequence
from typing import Any

from app.core.translation import QT_TRANSLATE_NOOP
from app.models.orders import OrderPage
from app.platforms.port import (
    PROBLEM_UNREADABLE,
    Accepted,
    Carrier,
    DecisionToSend,
    Outcome,
    PictureOnPlatform,
    PictureReview,
    PulledPage,
    RefusalReason,
    Refused,
    RereadRequest,
    RetryLater,
    ShipmentToSend,
    Window,
)
from app.platforms.records import MalformedAnswer
from app.platforms.tiktok import codes, feed, lists, mapping, parse, shipping
from app.platforms.tiktok.answers import ApiResult
from app.platforms.tiktok.client import TikTokClient
from app.platforms.tiktok.errors import error_of

log = logging.getLogger(__name__)

RECORDS_PATH = "/return_refund/202309/returns/{id}/records"
DECIDE_PATH = "/return_refund/202309/{stream}/{id}/{verb}"
IMAGE_UPLOAD_PATH = "/product/202309/images/upload"
IMAGE_USE_CASE = "MAIN_IMAGE"  # PC upload-product-image: the use case named by default (EcomPHP)

PROBLEM_NO_SUCH_REQUEST = QT_TRANSLATE_NOOP("sync", "TikTok Shop has no such return or cancellation request.")
PROBLEM_NO_REASON_TO_SHIP = QT_TRANSLATE_NOOP(
    "sync",
    "TikTok Shop offers no reason to refuse the buyer's cancellation of this order, so it cannot be "
    "refused by shipping. Discard this and decide the cancellation in the refund queue.",
)
PROBLEM_DECISION_NOT_TAKEN = QT_TRANSLATE_NOOP(
    "sync",
    "TikTok Shop takes no such decision on this kind of request. Discard it and decide again.",
)


class TikTokPlatform:
    """One TikTok shop, through its client (which keeps its tokens and the shop's cipher)."""

    name = "tiktok"
    positional_pages = False  # `page` is a query's page_token (wrapped: feed.py)

    def __init__(self, client: TikTokClient) -> None:
        self.client = client

    def close(self) -> None:
        self.client.close()

    def _call(
        self,
        method: str,
        path: str,
        *,
        query: dict[str, str] | None = None,
        body: Any = None,
        files: dict[str, Any] | None = None,
        problems: dict[int, str] | None = None,
    ) -> ApiResult:
        """One call that must succeed; a refusal worded by its code from `problems` if named."""
        result = self.client.call(method, path, query=query, body=body, files=files)
        if not result.ok:
            words = ""
            if result.outcome is Outcome.REJECTED and result.code is not None and problems:
                words = problems.get(result.code, "")
            raise error_of(result, words)
        return result

    # --- pulling ------------------------------------------------------------------------
    def _fetch(self, search: feed.Search, body: dict[str, Any], token: str, size: int) -> feed.Answer:
        query = {"page_size": str(size), "sort_field": "update_time", "sort_order": "ASC"}
        if token:
            query["page_token"] = token
        result = self._call("POST", search.path, query=query, body=body)
        records = listed(result.data, search)
        return feed.Answer(records, str(result.data.get("next_page_token") or ""), result.answered_at)

    def changed_orders(self, window: Window, page: str | None, page_size: int) -> PulledPage:
        return feed.page((feed.ORDERS,), self._fetch, window, page, page_size)

    def changed_requests(self, window: Window, page: str | None, page_size: int) -> PulledPage:
        return feed.page((feed.RETURNS, feed.CANCELLATIONS), self._fetch, window, page, page_size)

    def read_order(self, record: Any, index: int, synced_at: int) -> OrderPage:
        return parse.parse_order(record, index, synced_at)

    def read_request(self, record: Any, index: int, synced_at: int) -> dict[str, Any]:
        return parse.parse_request(record, index, synced_at)

    # --- re-reading one entity ------------------------------------------------------------
    def _request_record(self, request_id: str) -> tuple[dict[str, Any], bool]:
        """The return or cancellation with this id, and whether it is a return."""
        query = {"page_size": str(feed.RETURNS.min_page)}
        for search, ids_key, id_key in (
            (feed.RETURNS, "return_ids", "return_id"),
            (feed.CANCELLATIONS, "cancel_ids", "cancel_id"),
        ):
            data = self._call("POST", search.path, query=query, body={ids_key: [request_id]}).data
            for record in listed(data, search):
                if isinstance(record, dict) and str(record.get(id_key)) == request_id:
                    return record, search is feed.RETURNS
        raise Refused(
            PROBLEM_NO_SUCH_REQUEST, detail=f"request {request_id} is neither a return nor a cancellation"
        )

    def reread_request(self, request_id: str, synced_at: int) -> RereadRequest:
        """The request (returns search by `return_ids`, else cancellations by `cancel_ids`)
        with a return's records (`GET …/returns/{id}/records`) as its history."""
        record, is_return = self._request_record(request_id)
        records = None
        if is_return:
            answer = self._call("GET", RECORDS_PATH.format(id=request_id)).data
            records = answer.get("records") if isinstance(answer, dict) else None
        try:
            return parse.read_reread(record, records, request_id, synced_at)
        except MalformedAnswer as error:
            raise RetryLater(PROBLEM_UNREADABLE, detail=str(error)) from error

    def reread_order(self, order_id: str, synced_at: int) -> OrderPage:
        """`GET /order/202309/orders?ids=`: the order as the mirror's rows."""
        order = shipping.order_record(self._call, order_id)
        try:
            return parse.parse_orders([order], synced_at)
        except MalformedAnswer as error:
            raise RetryLater(PROBLEM_UNREADABLE, detail=str(error)) from error

    # --- sending --------------------------------------------------------------------------
    def decide(self, decision: DecisionToSend, idempotency_key: str) -> Accepted:
        """`POST …/returns|cancellations/{id}/approve|reject?idempotency_key=` (the outbox
        operation's id: TikTok applies one key once)."""
        try:
            call = mapping.decision_call(decision.decision, decision.kind)
        except (KeyError, ValueError):
            detail = f"{decision.decision} on {decision.kind}"
            raise Refused(PROBLEM_DECISION_NOT_TAKEN, detail=detail) from None
        path = DECIDE_PATH.format(stream=call.resource, id=decision.request_id, verb=call.verb)
        return self._send("POST", path, {"idempotency_key": idempotency_key}, decision_body(decision, call))

    def ship(self, shipment: ShipmentToSend, idempotency_key: str) -> Accepted:
        """The order's package shipped: with the seller's carrier and tracking number, or by
        TikTok Shipping (shipping.py). TikTok's ship takes no idempotency key: a package
        shipped already is refused (moved on), and the push engine re-reads the order.

        Shipping that refuses the buyer's waiting refund (`refuse_refund`, the queue's
        "refuse by shipping") first rejects the buyer's pending cancellation of the order
        under the same idempotency key — TikTok refuses a cancellation on its own, with a
        reason from its list for it (the one saying the goods are packed or on their way:
        ours) — then ships; sent again after a lost answer, the rejection is applied once."""
        order = shipping.order_record(self._call, shipment.order_id)
        package_id = shipping.package_of(order)
        if shipment.refuse_refund:
            self._refuse_cancellation(shipment.order_id, idempotency_key)
        body = shipping.ship_body(order, shipment.tracking_no, shipment.carrier_code)
        return self._send("POST", shipping.SHIP_PATH.format(id=package_id), {}, body)

    def _refuse_cancellation(self, order_id: str, idempotency_key: str) -> None:
        """Reject the buyer's pending cancellation of `order_id`, if one waits."""
        body = {"order_ids": [order_id], "cancel_status": [codes.CancelStatus.PENDING.value]}
        query = {"page_size": str(feed.CANCELLATIONS.max_page)}
        data = self._call("POST", feed.CANCELLATIONS.path, query=query, body=body).data
        for record in listed(data, feed.CANCELLATIONS):
            if not isinstance(record, dict) or record.get("cancel_status") != codes.CancelStatus.PENDING:
                continue
            cancel_id = str(record.get("cancel_id") or "")
            reason = shipping.reason_for_shipping(lists.reasons_for(self._call, cancel_id))
            if reason is None:
                raise Refused(PROBLEM_NO_REASON_TO_SHIP, detail=f"cancellation {cancel_id}")
            path = DECIDE_PATH.format(stream=codes.CANCELLATIONS, id=cancel_id, verb=codes.REJECT)
            try:
                self._send("POST", path, {"idempotency_key": idempotency_key}, {"reject_reason": reason})
            except Refused as refused:
                if not refused.moved_on:  # withdrawn or decided meanwhile: the shipment decides
                    raise

    def _send(self, method: str, path: str, query: dict[str, str], body: Any) -> Accepted:
        result = self._call(method, path, query=query, body=body)
        return Accepted(result.platform_code, result.platform_message)

    def shipping_label(self, order_id: str) -> bytes:
        """The PDF of the order's package label (shipping.py)."""
        package_id = shipping.package_of(shipping.order_record(self._call, order_id))
        url = shipping.label_url(self._call, package_id)
        result, content = self.client.download(url)
        if not result.ok:
            raise error_of(result)
        if not shipping.is_pdf(content):
            raise RetryLater(PROBLEM_UNREADABLE, detail=f"the label of package {package_id} is not a PDF")
        return content

    def upload_picture(self, file_name: str, data: bytes) -> PictureOnPlatform:
        """TikTok's image upload (multipart, unsigned body): it reviews nothing, so the
        picture is PASSED at once, named by its `uri` — what a refusal's `images[].image_id`
        sends ("Image URI obtained from the Upload Product Image API", PC reject-return; the
        upload: PC upload-product-image, EcomPHP src/Resources/Product.php uploadProductImage).
        Asked again after a lost answer it uploads again (TikTok finds no picture by name);
        the first copy is then never used."""
        mime = mimetypes.guess_type(file_name)[0] or "image/jpeg"
        files = {"data": (file_name, data, mime), "use_case": (None, IMAGE_USE_CASE)}
        answer = self._call("POST", IMAGE_UPLOAD_PATH, files=files).data
        uri = answer.get("uri") if isinstance(answer, dict) else None
        if not isinstance(uri, str) or not uri:
            raise RetryLater(PROBLEM_UNREADABLE, detail="the image upload answered no uri")
        return PictureOnPlatform(uri, PictureReview.PASSED, url=uri)

    def picture_reviews(self, platform_ids: Sequence[str]) -> list[PictureOnPlatform]:
        """TikTok reviews no evidence picture: each has PASSED, named by its own id."""
        return [PictureOnPlatform(picture, PictureReview.PASSED, url=picture) for picture in platform_ids]

    def check_connection(self) -> str:
        """The shops the authorisation reaches (`GET /authorization/202309/shops`): the keys'
        test; the shop's name as TikTok gives it."""
        result = self.client.shops()
        if not result.ok:
            raise error_of(result)
        return self.client.shop_name

    # --- the published lists --------------------------------------------------------------
    def refusal_reasons(self) -> list[RefusalReason]:
        return lists.refusal_reasons(self._call)

    def refusal_reasons_for(self, request_id: str) -> list[RefusalReason]:
        """The reasons a refusal of this one request may give (TikTok lists them per request)."""
        return lists.reasons_for(self._call, request_id)

    def carriers(self) -> list[Carrier]:
        return lists.carriers(self._call)


def decision_body(decision: DecisionToSend, call: mapping.DecisionCall) -> dict[str, Any] | None:
    """The body of a decision's call: the return's `decision` (a cancellation's path says
    it), `buyer_keep_item` for a returnless refund, and for a refusal its reason (a `name`
    from the request's reasons), the words to the buyer as `comment` and the pictures as
    `images[]{image_id}` (PC approve-/reject-return, reject-cancellation). None for an
    approved cancellation, which sends no body (PC approve-cancellation)."""
    body: dict[str, Any] = {}
    if call.decision is not None:
        body["decision"] = call.decision
    if call.buyer_keep_item:
        body["buyer_keep_item"] = True
    if call.verb == codes.REJECT:
        body["reject_reason"] = str(decision.reason_code or "")
        if decision.remark or decision.reason:
            body["comment"] = decision.remark or decision.reason
        if decision.evidence:
            body["images"] = [{"image_id": image} for image in decision.evidence]
    body.update(decision.extra)
    return body or None


def listed(data: Any, search: feed.Search) -> list[Any]:
    """The records a search's answer lists, as sent (one of the wrong shape is the reader's
    to set aside); TikTok may leave an empty list out. RetryLater when the answer has no
    data object or its list is not a list: then nothing of the page can be trusted."""
    records = data.get(search.list_key, []) if isinstance(data, dict) else None
    if not isinstance(records, list):
        raise RetryLater(PROBLEM_UNREADABLE, detail=f"{search.path}: '{search.list_key}' is not a list")
    return records
