"""The port: what the sync and push engines may ask of a shop's platform, in the app's words.

Owns the `ShopPlatform` protocol every platform adapter implements (Douyin's is
`app.platforms.douyin.adapter.DouyinPlatform`; the shop's own is chosen by
`app.platforms.registry.platform_for`), the plain values it takes and answers, and the one
family of errors it raises (`PlatformError`): try again later (`RetryLater`), the
platform refused this (`Refused`, with its own code and words), or a person must fix
something first (`NotAuthorised`: secret, clock, authorisation). A method either
answers or raises one of these: nothing else, whatever the network or the platform does.

Designed with TikTok Shop's dialect (design/TIKTOK-PROTOCOL.md) beside Douyin's, so the
second adapter fits without reshaping it. Each method, and the call it maps to:

    changed_orders      Douyin order.searchList (pages by number);
                        TikTok POST /order/202309/orders/search (pages by page_token)
    changed_requests    Douyin afterSale.List; TikTok POST /return_refund/202309/returns/search
    reread_request      Douyin afterSale.Detail (history in process_info.record_logs_list);
                        TikTok returns/search by return_ids + GET …/returns/{id}/records
    reread_order        Douyin order.orderDetail; TikTok GET /order/202309/orders?ids=
    decide              Douyin afterSale.operate (no idempotency key: ignored);
                        TikTok POST …/returns/{id}/approve|reject?idempotency_key=
    ship                Douyin order.logisticsAdd; TikTok POST /fulfillment/202309/packages/{id}/ship
    upload_picture      Douyin open.binaryupload + material.uploadImageSync (after
                        material.searchMaterial, so a repeat makes no second material);
                        TikTok's image upload (no review: answers PASSED at once)
    picture_reviews     Douyin material.queryMaterialDetail; TikTok: PASSED, nothing asked
    refusal_reasons     Douyin afterSale.rejectReasonCodeList; TikTok GET …/reject_reasons
    carriers            Douyin order.logisticsCompanyList; TikTok …/shipping_providers
    check_connection    Douyin token.create; TikTok GET /authorization/202309/shops
    shipping_label      Douyin: none (labels print through Douyin's own print component);
                        TikTok GET …/packages/{id}/shipping_documents → doc_url → the PDF

The push engine sends an outbox operation as a `DecisionToSend` or a `ShipmentToSend`,
with the operation's own id as the idempotency key (TikTok applies a key once; Douyin
has none, so the engine re-reads the entity after a lost answer, whatever the platform).

Pages are asked for with an opaque `page` cursor: None for a window's first page, then
the `next_page` the previous page gave (Douyin's is a page number, TikTok's its
`page_token`). Records come back as the platform sent them, for the mirror's readers
(`read_order`, `read_request`) to turn into rows in the app's vocabulary one by one, so
a record that cannot be read is set aside raw and never stops a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import Any, Protocol

from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import Decision, RequestKind
from app.models.orders import OrderPage


class Outcome(Enum):
    """How a platform call ended, for the engines and the status line."""

    DONE = "done"
    RETRY = "retry"  # network, 5xx, rate limit, platform trouble, unreadable answer
    REJECTED = "rejected"  # the platform refused this request; sending it again won't help
    CONFIG_ERROR = "config_error"  # a person must fix something: secret, clock, authorisation


# Plain words for people, whatever the platform (English source, context "sync").
PROBLEM_NETWORK = QT_TRANSLATE_NOOP(
    "sync", "The platform could not be reached. Check the internet connection."
)
PROBLEM_TIMEOUT = QT_TRANSLATE_NOOP("sync", "The platform did not answer in time.")
PROBLEM_HTTP = QT_TRANSLATE_NOOP("sync", "The platform's server had a problem (HTTP error).")
PROBLEM_UNREADABLE = QT_TRANSLATE_NOOP("sync", "The platform sent an answer that could not be read.")
PROBLEM_RATE_LIMITED = QT_TRANSLATE_NOOP("sync", "The platform asked us to slow down (rate limit).")
PROBLEM_PLATFORM_BUSY = QT_TRANSLATE_NOOP("sync", "The platform is having trouble right now.")
PROBLEM_REJECTED = QT_TRANSLATE_NOOP("sync", "The platform refused the request.")
# Errors no person at the shop caused and no retry mends: the app's maker must act.
PROBLEM_OUR_FAULT = QT_TRANSLATE_NOOP(
    "sync",
    "The platform says a request from this app was incomplete or malformed. That is a fault of this app, "
    "not a refusal: nothing was done, and nothing waiting to be sent is lost. Report it to the app's "
    "maker with the platform's words.",
)
PROBLEM_SERVICE_GONE = QT_TRANSLATE_NOOP(
    "sync",
    "The platform no longer offers a service this app uses, so this app must be updated. Report it to "
    "the app's maker with the platform's words. Nothing waiting to be sent is lost.",
)
PROBLEM_PLATFORM_UNEXPECTED = QT_TRANSLATE_NOOP(
    "sync",
    "The platform had an unexpected problem. The app tries again by itself; if this keeps happening, "
    "report it to the app's maker with the platform's words.",
)


class PlatformError(Exception):
    """A call that did not do what was asked; the subclass says whether waiting helps."""

    outcome = Outcome.RETRY

    def __init__(
        self,
        problem: str,
        *,
        platform_code: str = "",
        platform_message: str = "",
        maybe_applied: bool = False,
        rate_limited: bool = False,
        moved_on: bool = False,
        refund_request_waiting: bool = False,
        answered_at: int | None = None,
        detail: str = "",
    ) -> None:
        super().__init__(problem)
        self.problem = problem  # plain words for people (English source, context "sync")
        self.platform_code = platform_code  # the platform's own code for the refusal, as sent
        self.platform_message = platform_message  # the platform's own words
        # The request may have reached the platform although no answer was read: a write
        # must be checked by re-reading before it is sent again.
        self.maybe_applied = maybe_applied
        self.rate_limited = rate_limited
        # A refusal saying the entity is no longer where the decision found it (already
        # moved on, already shipped): perhaps by this shop's own earlier, lost attempt.
        self.moved_on = moved_on
        # A shipment refused because the buyer's refund request before shipment waits for
        # the shop: shipping again, refusing the refund, is what a person may choose.
        self.refund_request_waiting = refund_request_waiting
        self.answered_at = answered_at  # the platform's clock when it answered (Unix s)
        self.detail = detail or platform_message  # for logs and the status: what went wrong where

    def describe(self) -> str:
        """One line for logs: never contains secrets or tokens."""
        words = f" ({self.detail})" if self.detail else ""
        return f"{self.outcome.value}: {self.problem} code={self.platform_code}{words}"


class RetryLater(PlatformError):
    """Network, timeout, server trouble, rate limit, an unreadable answer: try again later."""

    outcome = Outcome.RETRY


class Refused(PlatformError):
    """The platform refused this request; sending the same again gets the same answer."""

    outcome = Outcome.REJECTED


class NotAuthorised(PlatformError):
    """Nothing was done and nothing will be until a person acts: fixes the secret or the
    clock, authorises the app again, adds this computer's address to the app's IP
    whitelist, gets a permission, or (a fault of the app, or a service gone) reports it to
    the app's maker; not the fault of the one call that met it, so the push keeps it queued."""

    outcome = Outcome.CONFIG_ERROR


# --- what is read -----------------------------------------------------------------------
@dataclass(frozen=True)
class Window:
    """Records updated from `start` to `end` (Unix s, both inclusive; None: up to now)."""

    start: int
    end: int | None = None


@dataclass(frozen=True)
class PulledPage:
    records: list[Any]  # the platform's records as sent, in update-time order
    next_page: str | None  # the cursor of the window's next page; None when none may be asked
    answered_at: int | None = None  # the platform's clock when it answered (Unix s), if it said


class Mover(StrEnum):
    """Who made a move in a request's history."""

    BUYER = "buyer"
    SHOP = "shop"
    PLATFORM = "platform"  # the platform on its own (a deadline passed, a fast refund)


class ShopMove(StrEnum):
    """What the shop's own entry in a request's history did."""

    AGREED = "agreed"
    REFUSED = "refused"
    SHIPPED_REFUSING = "shipped_refusing"  # shipped the order, refusing the refund
    OTHER = "other"  # a move of the shop's this app does not know


@dataclass(frozen=True)
class HistoryEntry:
    """One move in a request's history, in the order the platform lists them."""

    at: int  # Unix s
    place: int  # its place in the platform's list: breaks ties of `at`
    mover: Mover | None  # None: a mover this app does not know
    shop_move: ShopMove | None = None  # for the shop's moves only


@dataclass(frozen=True)
class RereadRequest:
    row: dict[str, Any]  # the request as the mirror's row, in the app's vocabulary
    # Its history, oldest first by `at`; None when the platform gave none or an entry
    # could not be read (then nothing is concluded from it).
    history: tuple[HistoryEntry, ...] | None


@dataclass(frozen=True, slots=True)
class RefusalReason:
    code: int | str  # as the platform sends it: Douyin a number, TikTok Shop a text id
    reason: str  # the platform's words, shown as sent
    evidence_needed: bool
    # The kinds of request it refuses (TikTok Shop lists reasons per request); () for every kind.
    kinds: tuple[RequestKind, ...] = ()


@dataclass(frozen=True, slots=True)
class Carrier:
    id: int | str  # as the platform sends it: Douyin a number, TikTok Shop a text id
    name: str  # the platform's words, shown as sent
    code: str  # what a shipment names the carrier by


# --- what is sent -----------------------------------------------------------------------
@dataclass(frozen=True)
class DecisionToSend:
    """One decision on one request, based on the version of it the person saw."""

    request_id: str
    decision: Decision
    based_on_version: int  # the request's update time when the person decided
    # The request's kind: a platform may send one decision differently by kind (Douyin
    # agrees a refund before shipment with its own operate type).
    kind: RequestKind
    reason_code: int | str | None = None  # a refusal's reason, from `refusal_reasons`
    reason: str = ""
    remark: str = ""  # a refusal's words to the buyer
    evidence: tuple[str, ...] = ()  # a refusal's pictures: the URLs of pictures whose review passed
    # An agreed return, exchange or repair: the platform's id of the address the goods go
    # back to (Douyin's `receiver_address_id`, an int64 from its address list).
    return_address_id: int | None = None
    # The goods the shop sends out (an exchange's new goods, a resend, a repair): the
    # carrier's code from `carriers` and the tracking number, as checked by the service.
    carrier_code: str = ""
    tracking_no: str = ""
    extra: dict[str, Any] = field(default_factory=dict)  # a platform's own fields, passed as given


class PictureReview(StrEnum):
    """Where the platform's review of an uploaded picture stands."""

    WAITING = "waiting"  # waiting for review or under review: not usable as evidence yet
    PASSED = "passed"
    REJECTED = "rejected"


@dataclass(frozen=True)
class PictureOnPlatform:
    """A picture uploaded to the platform: its id there, where its review stands, and the
    URL evidence names it by once the review passed. A platform that reviews nothing
    (TikTok Shop) answers PASSED, with the URL, at once."""

    platform_id: str
    review: PictureReview
    url: str = ""  # set when PASSED
    rejected_because: str = ""  # the platform's words, when REJECTED


@dataclass(frozen=True)
class ShipmentToSend:
    order_id: str  # TikTok Shop ships its packages: the adapter finds the order's package
    carrier_code: str
    tracking_no: str
    refuse_refund: bool = False  # shipping refuses the buyer's waiting refund-before-shipment


@dataclass(frozen=True)
class Accepted:
    """The platform took what was sent; its own code and words, kept with the operation."""

    platform_code: str = ""
    platform_message: str = ""


class ShopPlatform(Protocol):
    """One shop on its platform. Every method answers in the app's words or raises a
    `PlatformError`; calls for one shop may come from one thread at a time."""

    name: str  # "douyin", "tiktok"
    # Whether a page cursor is a position (Douyin's page number), meaning the same in any
    # window that lists the same records first, or belongs to the query that gave it
    # (TikTok's `page_token`). The pull uses it to go on into a second that fills a page
    # without asking for that page again.
    positional_pages: bool

    def changed_orders(self, window: Window, page: str | None, page_size: int) -> PulledPage: ...

    def changed_requests(self, window: Window, page: str | None, page_size: int) -> PulledPage: ...

    def read_order(self, record: Any, index: int, synced_at: int) -> OrderPage:
        """One order record (#`index` of its page) as the mirror's rows (OrderPage);
        raises `app.platforms.records.MalformedRecord` for a record of the wrong shape."""
        ...

    def read_request(self, record: Any, index: int, synced_at: int) -> dict[str, Any]:
        """One request record as the mirror's row; raises MalformedRecord likewise."""
        ...

    def reread_request(self, request_id: str, synced_at: int) -> RereadRequest:
        """The request as it is now, with its history; a record that cannot be read is
        RetryLater, and a refusal is worded as a refusal of a decision on it would be."""
        ...

    def reread_order(self, order_id: str, synced_at: int) -> OrderPage:
        """The order as it is now, as the mirror's rows; as `reread_request`."""
        ...

    def decide(self, decision: DecisionToSend, idempotency_key: str) -> Accepted: ...

    def ship(self, shipment: ShipmentToSend, idempotency_key: str) -> Accepted: ...

    def upload_picture(self, file_name: str, data: bytes) -> PictureOnPlatform:
        """Upload one evidence picture (`file_name`: the name it is kept under, the same
        for the same bytes). Asked again after a lost answer, it answers the picture
        uploaded then rather than a second one."""
        ...

    def picture_reviews(self, platform_ids: Sequence[str]) -> list[PictureOnPlatform]:
        """Where the review of each picture uploaded before stands, in the same order."""
        ...

    def refusal_reasons(self) -> Sequence[RefusalReason]: ...

    def carriers(self) -> Sequence[Carrier]: ...

    def shipping_label(self, order_id: str) -> bytes:
        """The PDF of the label of the order's package, to print; `Refused` with plain
        words where the platform gives none this way."""
        ...

    def check_connection(self) -> str:
        """Whether the platform accepts the shop's keys (the first-run wizard's test);
        answers the shop's name as the platform gives it ("" when it gives none)."""
        ...

    def close(self) -> None: ...
