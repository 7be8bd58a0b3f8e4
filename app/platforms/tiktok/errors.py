"""TikTok Shop's error answers: what each means for the desk, in one place, with its words.

Owns reading an error answer — the HTTP status and the envelope's `code` and `message`
— as one of the port's outcomes: try again later (RETRY), nothing is done until a person
acts (CONFIG_ERROR), or the platform refused this one request (REJECTED), and the plain
words that say what to do (English source, context "sync"). Words any platform shares are
the port's; these name TikTok Shop's own places (Seller Center, Partner Center) and acts
(the one-time authorization code).

The public record this rests on (docs/platforms/tiktok.md "Errors"; Partner Center's
common errors, https://partner.tiktokshop.com/docv2/page/678e3a45786253031531b942, and
its rate-limit guide, https://partner.tiktokshop.com/docv2/page/64f1991d64ed2e0295f3d2c0,
as stored in lazykern/ecommerce-api-docs at eba059e, data/processed/tiktok/guides/):
- the envelope `{code, message, request_id, data}`, code 0 is success, `data` absent on an
  error (EcomPHP/tiktokshop-php src/Resource.php `call`; its issue #40);
- 105002 the access token expired (renew it); 106001 the `sign` is invalid; 36009004 one
  code for many refused requests, told apart only by its message (missing signature,
  invalid `x-tts-access-token`, invalid `app_key`, timestamp out of range, unexpected
  `shop_cipher`); 36009002 too many requests, with HTTP 429 (and 503 when the service
  protects itself); 36009003 internal error, try again; 36009007 request timeout;
  36009009 invalid path; 36009010 invalid method; 36009022 bad body; 36009033 an address
  not on the app's IP allow list; 105005 access denied (the authorisation lacks the
  permission); 101000 a token not for this shop; 106013 `shop_cipher` missing;
- the token service's refusals 36004001 (refresh token expired), 36004004 (authorization
  code invalid, used or expired), 36004005 (no authorisation found) — EcomPHP pull request #15
  and the sandbox-http engineer's reading;
- the approve/reject pages' refusals of a request that has moved on: 25001003 invalid
  order status, 25011012 cannot approve in this status, 25011013 cannot approve receiving,
  25020009 already cancelled, 25011010 handed to the platform's operator, 25011035 the
  parcel cannot be refused now, 25011011 cannot reject, 25020010 approved already,
  25020012 cannot reject receiving (PC return-and-refund/approve-return, reject-return,
  approve-/reject-cancellation); a package's 21011040 shipped already, 21011025 duplicate
  tracking number, 21011041 order cancelled, 21008044 an after-sale request on the package
  waits (PC fulfillment/ship-package); 25001045 a cancellation of an order shipped already
  (PC approve-cancellation; tests/contract/tiktok/error.25001045…).
The record names no HTTP status for most errors (the code decides, whatever the status);
a code this table does not know is read by the status: 429 rate limit, 5xx the platform's
trouble, 401/403 credentials and permission; any other is a refusal of the one request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.translation import QT_TRANSLATE_NOOP
from app.platforms.port import (
    PROBLEM_HTTP,
    PROBLEM_OUR_FAULT,
    PROBLEM_PLATFORM_BUSY,
    PROBLEM_PLATFORM_UNEXPECTED,
    PROBLEM_RATE_LIMITED,
    PROBLEM_SERVICE_GONE,
    NotAuthorised,
    Outcome,
    PlatformError,
    Refused,
    RetryLater,
)

if TYPE_CHECKING:  # a call's answer; answers.py imports this module
    from app.platforms.tiktok.answers import ApiResult

CODE_SUCCESS = 0
CODE_ACCESS_TOKEN_EXPIRED = 105002
CODE_NO_PERMISSION = 105005
CODE_TOKEN_NOT_FOR_SHOP = 101000
CODE_SIGNATURE_INVALID = 106001
CODE_SHOP_CIPHER_MISSING = 106013
CODE_REFUSED = 36009004  # many refusals, told apart by the message
CODE_RATE_LIMITED = 36009002
CODE_INTERNAL_ERROR = 36009003
CODE_REQUEST_TIMEOUT = 36009007
CODE_INVALID_PATH = 36009009
CODE_INVALID_METHOD = 36009010
CODE_BAD_BODY = 36009022
CODE_IP_NOT_ALLOWED = 36009033
CODE_REFRESH_TOKEN_EXPIRED = 36004001
CODE_AUTH_CODE_INVALID = 36004004
CODE_AUTH_RECORD_MISSING = 36004005
# Refusals saying the request is no longer where the decision found it (perhaps by this
# shop's own earlier, lost attempt): the push engine re-reads before calling it a conflict.
MOVED_ON_CODES = frozenset(
    {
        25001003,  # invalid order status
        25011010,  # handed to the platform's operator
        25011011,  # cannot reject in this status
        25011012,  # cannot approve in this status
        25011013,  # cannot approve receiving
        25011035,  # the parcel cannot be refused now
        25020009,  # already cancelled
        25020010,  # already approved, cannot be rejected
        25020012,  # cannot reject receiving in this status
        21011025,  # duplicate tracking number (perhaps our own earlier attempt's)
        21011040,  # the package has already been shipped
        21011041,  # the order is cancelled
        25001045,  # the order has been shipped: its cancellation cannot be approved
    }
)
# A shipment refused because an after-sale request on the package waits for the shop:
# deciding that request first is what a person may choose (PC ship-package, 21008044).
CODE_AFTER_SALE_WAITING = 21008044

HTTP_UNAUTHORISED = 401
HTTP_FORBIDDEN = 403
HTTP_TOO_MANY = 429

# --- words: TikTok Shop's --------------------------------------------------------------
# The first four read as Douyin's do: one source text, one translation.
PROBLEM_SIGNATURE = QT_TRANSLATE_NOOP(
    "sync", "The platform rejected our signature: the app key or app secret is wrong."
)
PROBLEM_CLOCK = QT_TRANSLATE_NOOP(
    "sync", "The platform says this computer's clock is wrong. Set the date and time correctly."
)
PROBLEM_TOKEN = QT_TRANSLATE_NOOP(
    "sync", "The platform did not accept our access token, even after renewing it."
)
PROBLEM_KEY_OR_SECRET = QT_TRANSLATE_NOOP(
    "sync",
    "The platform says the app key does not exist or does not match the app secret. Check both "
    "(Settings → Change shop).",
)
PROBLEM_WRONG_GATEWAY = QT_TRANSLATE_NOOP(
    "sync", "The gateway address does not lead to the platform's API. Check the gateway URL."
)
PROBLEM_AUTH_CODE = QT_TRANSLATE_NOOP(
    "sync",
    "TikTok Shop did not accept the authorization code. A code works once and only for a short "
    "time: authorise the app again in TikTok Shop Seller Center and enter the new code.",
)
PROBLEM_NO_AUTH_CODE = QT_TRANSLATE_NOOP(
    "sync",
    "This TikTok shop has no access yet: enter the authorization code the shop owner got when "
    "authorising the app (Settings → Change shop).",
)
PROBLEM_REAUTHORISE = QT_TRANSLATE_NOOP(
    "sync",
    "TikTok Shop no longer accepts this shop's authorisation: it has expired or was revoked. The "
    "shop owner must authorise the app again and enter the new authorization code (Settings → "
    "Change shop). Nothing waiting to be sent is lost.",
)
PROBLEM_SCOPE = QT_TRANSLATE_NOOP(
    "sync",
    "TikTok Shop says this app may not use this part of its API: the app's authorisation lacks the "
    "permission. The app's developer must add it in TikTok Shop Partner Center and the shop owner "
    "authorise the app again. Nothing waiting to be sent is lost.",
)
PROBLEM_NO_SHOP = QT_TRANSLATE_NOOP(
    "sync",
    "The authorisation does not reach this shop. The shop owner must authorise the app for the "
    "shop again (Settings → Change shop).",
)
PROBLEM_IP_NOT_ALLOWED = QT_TRANSLATE_NOOP(
    "sync",
    "TikTok Shop does not accept requests from this computer's internet address: it is not on the "
    "app's IP allow list. Whoever manages the app in TikTok Shop Partner Center must add this "
    "computer's public internet address to it. Nothing waiting to be sent is lost; the sync goes on "
    "by itself once the address is added.",
)


# --- words: refusals of the one request, by their documented code ------------------------
PROBLEM_REASON_NOT_OFFERED = QT_TRANSLATE_NOOP(
    "sync",
    "TikTok Shop does not take this reason for this request: it offers its own reasons for each "
    "request. Discard this and refuse again with one of the reasons offered.",
)
PROBLEM_DECISION_NOT_FOR_TYPE = QT_TRANSLATE_NOOP(
    "sync",
    "TikTok Shop says this decision does not fit the kind of request. Discard it and decide again.",
)
PROBLEM_TRACKING_OR_CARRIER = QT_TRANSLATE_NOOP(
    "sync",
    "TikTok Shop did not accept the tracking number or the carrier. Check both and send the goods again.",
)
PROBLEM_TRACKING_USED = QT_TRANSLATE_NOOP(
    "sync", "TikTok Shop says this tracking number is already used by another package."
)
PROBLEM_SHIPPED_ALREADY = QT_TRANSLATE_NOOP("sync", "TikTok Shop says this package has already been shipped.")
PROBLEM_AFTER_SALE_FIRST = QT_TRANSLATE_NOOP(
    "sync",
    "A buyer's request on this order waits for the shop. Decide it in the refund queue first, then "
    "ship the order.",
)
PROBLEM_CANCEL_AFTER_SHIPPING = QT_TRANSLATE_NOOP(
    "sync",
    "The order has already been shipped, so TikTok Shop cannot cancel it any more.",
)
# code -> the words of a refusal of the one request (PC approve-/reject-return and
# -cancellation, ship-package; tests/contract/tiktok/error.*). A code not here reads as the
# port's PROBLEM_REJECTED, with the platform's own message beside it; a request that moved
# on is then worded by the push as a conflict for a person.
REFUSAL_WORDS: dict[int, str] = {
    25001014: PROBLEM_REASON_NOT_OFFERED,
    25020004: PROBLEM_DECISION_NOT_FOR_TYPE,
    21011022: PROBLEM_TRACKING_OR_CARRIER,
    21011025: PROBLEM_TRACKING_USED,
    21011040: PROBLEM_SHIPPED_ALREADY,
    21008044: PROBLEM_AFTER_SALE_FIRST,
    25001045: PROBLEM_CANCEL_AFTER_SHIPPING,
}


@dataclass(frozen=True)
class Meaning:
    outcome: Outcome
    problem: str
    # The platform may have done it before failing: a write is checked by re-reading.
    maybe_applied: bool = False
    rate_limited: bool = False
    # The access token was refused at the door (never applied): renew it once and resend.
    token: bool = False


_CONFIG = Outcome.CONFIG_ERROR
_BUSY = Meaning(Outcome.RETRY, PROBLEM_PLATFORM_BUSY, maybe_applied=True)

# code -> meaning, for the codes whose meaning does not hang on their message.
TABLE: dict[int, Meaning] = {
    CODE_ACCESS_TOKEN_EXPIRED: Meaning(_CONFIG, PROBLEM_TOKEN, token=True),
    CODE_NO_PERMISSION: Meaning(_CONFIG, PROBLEM_SCOPE),
    CODE_TOKEN_NOT_FOR_SHOP: Meaning(_CONFIG, PROBLEM_NO_SHOP),
    CODE_SIGNATURE_INVALID: Meaning(_CONFIG, PROBLEM_SIGNATURE),
    CODE_SHOP_CIPHER_MISSING: Meaning(_CONFIG, PROBLEM_OUR_FAULT),
    CODE_RATE_LIMITED: Meaning(Outcome.RETRY, PROBLEM_RATE_LIMITED, rate_limited=True),
    CODE_INTERNAL_ERROR: Meaning(Outcome.RETRY, PROBLEM_PLATFORM_UNEXPECTED, maybe_applied=True),
    CODE_REQUEST_TIMEOUT: _BUSY,
    CODE_INVALID_PATH: Meaning(_CONFIG, PROBLEM_SERVICE_GONE),
    CODE_INVALID_METHOD: Meaning(_CONFIG, PROBLEM_SERVICE_GONE),
    CODE_BAD_BODY: Meaning(_CONFIG, PROBLEM_OUR_FAULT),
    CODE_IP_NOT_ALLOWED: Meaning(_CONFIG, PROBLEM_IP_NOT_ALLOWED),
    CODE_REFRESH_TOKEN_EXPIRED: Meaning(_CONFIG, PROBLEM_REAUTHORISE),
    CODE_AUTH_CODE_INVALID: Meaning(_CONFIG, PROBLEM_AUTH_CODE),
    CODE_AUTH_RECORD_MISSING: Meaning(_CONFIG, PROBLEM_REAUTHORISE),
}

# 36009004's messages, by a word each holds (the common errors page's keyword index).
REFUSED_BY_WORD: tuple[tuple[str, Meaning], ...] = (
    ("x-tts-access-token", Meaning(_CONFIG, PROBLEM_TOKEN, token=True)),
    ("access_token", Meaning(_CONFIG, PROBLEM_TOKEN, token=True)),
    ("timestamp", Meaning(_CONFIG, PROBLEM_CLOCK)),
    ("app_key", Meaning(_CONFIG, PROBLEM_KEY_OR_SECRET)),
    ("sign", Meaning(_CONFIG, PROBLEM_OUR_FAULT)),  # a signature missing: ours
    ("shop_cipher", Meaning(_CONFIG, PROBLEM_NO_SHOP)),
    ("version", Meaning(_CONFIG, PROBLEM_SERVICE_GONE)),
)


def meaning(http_status: int, code: int, message: str = "") -> Meaning | None:
    """What an error answer means (its code, else its HTTP status); None for a refusal of
    the one request, to be worded by the caller."""
    found = TABLE.get(code)
    if found is not None:
        return found
    if code == CODE_REFUSED:
        words = message.lower()
        for word, meant in REFUSED_BY_WORD:
            if word in words:
                return meant
        return Meaning(_CONFIG, PROBLEM_KEY_OR_SECRET)
    return by_status(http_status, message.lower())


def by_status(http_status: int, words: str = "") -> Meaning | None:
    """What an HTTP status alone says (a code the table does not name, or no envelope)."""
    if http_status == HTTP_TOO_MANY:
        return Meaning(Outcome.RETRY, PROBLEM_RATE_LIMITED, rate_limited=True)
    if http_status >= 500:
        # The platform's own trouble: it may have done a write before failing.
        problem = PROBLEM_PLATFORM_BUSY if http_status in (502, 503, 504) else PROBLEM_HTTP
        return Meaning(Outcome.RETRY, problem, maybe_applied=True)
    if http_status == HTTP_UNAUTHORISED:
        if "timestamp" in words:
            return Meaning(_CONFIG, PROBLEM_CLOCK)
        if "token" in words:
            return Meaning(_CONFIG, PROBLEM_TOKEN, token=True)
        return Meaning(_CONFIG, PROBLEM_KEY_OR_SECRET)
    if http_status == HTTP_FORBIDDEN:
        return Meaning(_CONFIG, PROBLEM_SCOPE)
    return None


def token_service_meaning(http_status: int, code: int, message: str, *, refreshing: bool) -> Meaning:
    """What a refused token exchange (/api/v2/token/get) or refresh (/refresh) means: the
    network's or the service's trouble waits; anything else needs a person — a new
    authorization code (the code or the refresh token was refused) or the key and secret."""
    found = TABLE.get(code) or by_status(http_status, message.lower())
    if found is not None and (found.outcome is Outcome.RETRY or code in TABLE):
        return found
    words = message.lower()
    if "secret" in words or "app_key" in words or "app key" in words:
        return Meaning(_CONFIG, PROBLEM_KEY_OR_SECRET)
    return Meaning(_CONFIG, PROBLEM_REAUTHORISE if refreshing else PROBLEM_AUTH_CODE)


_ERRORS: dict[Outcome, type[PlatformError]] = {
    Outcome.RETRY: RetryLater,
    Outcome.REJECTED: Refused,
    Outcome.CONFIG_ERROR: NotAuthorised,
}


def error_of(result: ApiResult, problem: str = "", *, detail: str = "") -> PlatformError:
    """The port's error for an answer that is not DONE, with its plain words (or `problem`
    in their place: the caller's words for a refusal of its one request). Only a refusal of
    the one request can say by its code that the entity moved on or a request waits."""
    refused = result.outcome is Outcome.REJECTED
    return _ERRORS[result.outcome](
        problem or result.problem,
        platform_code=result.platform_code,
        platform_message=result.platform_message,
        maybe_applied=result.maybe_applied,
        rate_limited=result.rate_limited,
        moved_on=refused and result.code in MOVED_ON_CODES,
        refund_request_waiting=refused and result.code == CODE_AFTER_SALE_WAITING,
        answered_at=result.answered_at,
        detail=detail or result.platform_message,
    )
