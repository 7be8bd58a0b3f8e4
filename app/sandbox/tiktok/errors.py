"""The TikTok Shop envelope and its refusals, as the sandbox store answers them.

Owns the answer envelope `{code, message, request_id, data}` (code 0 is success), the error
type every check and handler raises, and the table of refusals: each one's code, the
record's words and HTTP status. Written from the public record on its own (the client's
tables are never imported, so the two can disagree). Sources (docs' NOTES and
tests/contract/tiktok/README.md name the pages):

- The envelope: every Partner Center API page's `response_param` (PC = the official API
  reference as scraped in lazykern/ecommerce-api-docs at commit eba059e,
  data/raw/tiktok/api-reference/<page>.spec.json). An error answer carries no `data`
  (EcomPHP/tiktokshop-php issue #40: `{code: 105005, message, request_id:
  "20240710170328026B85572D809D2BFFC5"}`; PC marks `data` optional). Success says
  "Success", the token pages' samples "success".
- The gateway's refusals and their words: Partner Center guide "Common errors"
  (https://partner.tiktokshop.com/docv2/page/678e3a45786253031531b942): 105002 expired
  credentials, 106001 invalid `sign`, 106013 missing `shop_cipher`, 105005 access denied,
  36009002 too many requests, 36009003 internal error, 36009009 invalid path, and 36009004
  shared by a missing signature, an invalid app key, an invalid `x-tts-access-token`, a
  timestamp out of range and an unexpected `shop_cipher` (told apart by the message only).
- The business refusals: each PC page's `error_code_list` (approve-return, reject-return,
  approve-cancellation, reject-cancellation, ship-package, mark-package-as-shipped,
  get-package-shipping-document), in their words — see `refusals.py` for which is which.
- The auth host: 36004001 "rt has expired", 36004005 "can not find related auth record"
  (EcomPHP/tiktokshop-php pull request #15, answers seen live); 36004004 "invalid auth code"
  (seen live in public code, a weaker source: tests/contract/tiktok/README.md names it).
HTTP status: the record documents only the rate limit's, 429 (Partner Center guide "Rate
limits", https://partner.tiktokshop.com/docv2/page/64f1991d64ed2e0295f3d2c0); every other
refusal is answered 200 with its code in the body, as the pages' samples are (clients read
`code` whatever the status: EcomPHP src/Client.php sets `HTTP_ERRORS => false`). Ours: an
unknown path answers 404, a verb the path does not take 405 (36009010).
"""

from __future__ import annotations

import itertools
import json
import secrets
from datetime import UTC, datetime
from typing import Any

CODE_SUCCESS = 0
CODE_REFUSED = 36009004  # one code, many refusals: its message says which
CODE_RATE_LIMITED = 36009002
CODE_INTERNAL_ERROR = 36009003
CODE_PATH_NOT_FOUND = 36009009
CODE_IP_NOT_ALLOWED = 36009033
CODE_SIGNATURE_INVALID = 106001
CODE_SHOP_CIPHER_MISSING = 106013
CODE_ACCESS_TOKEN_EXPIRED = 105002
CODE_NO_PERMISSION = 105005
CODE_REFRESH_TOKEN_EXPIRED = 36004001
CODE_AUTH_CODE_INVALID = 36004004
CODE_AUTH_RECORD_MISSING = 36004005
CODE_INVALID_PARAMETER = 25001001  # the return and cancellation pages' invalid parameter
CODE_FULFILLMENT_INVALID_PARAMETER = 21001001  # the fulfillment pages'

HTTP_OK = 200
HTTP_NOT_FOUND = 404
HTTP_METHOD_NOT_ALLOWED = 405
HTTP_TOO_MANY = 429

_serial = itertools.count(1)


class ApiError(Exception):
    """A refusal in the dialect's terms; the gateway turns it into an envelope and a status."""

    def __init__(self, code: int, message: str, http_status: int = HTTP_OK, detail: str = "") -> None:
        super().__init__(f"{code} {message}")
        self.code, self.message, self.http_status = code, message, http_status
        self.detail = detail  # what is wrong, in our words, when the record's words are general


# --- the gateway's refusals (each a function: a fresh exception per request) ---------------
def path_not_found(path: str) -> ApiError:
    return ApiError(CODE_PATH_NOT_FOUND, f"Invalid path. The request path {path} is invalid.", HTTP_NOT_FOUND)


def method_not_allowed(verb: str) -> ApiError:
    # 36009010, the common errors' invalid method (words ours); HTTP 405 ours.
    return ApiError(36009010, f"Invalid method. The path does not take {verb}.", HTTP_METHOD_NOT_ALLOWED)


def rate_limited() -> ApiError:
    return ApiError(
        CODE_RATE_LIMITED,
        "Too many requests. You've made too many requests in a short period of time.",
        HTTP_TOO_MANY,
    )


def internal_error() -> ApiError:
    return ApiError(
        CODE_INTERNAL_ERROR,
        "Internal error. Please try again. "
        "If the issue persists after multiple attempts, please contact platform support.",
    )


def app_key_invalid() -> ApiError:
    return ApiError(CODE_REFUSED, "Invalid credentials. Invalid `app_key` query parameter.")


def signature_missing() -> ApiError:
    return ApiError(
        CODE_REFUSED, "Missing credentials. The request does not include a required signature in the query."
    )


def timestamp_invalid(why: str) -> ApiError:
    return ApiError(CODE_REFUSED, f"Invalid timestamp. The value of the `timestamp` query parameter {why}.")


TOO_OLD = "must not be earlier than 5 minutes before the current time"
TOO_NEW = "must not be later than 30 seconds after the current time"


def signature_invalid() -> ApiError:
    return ApiError(CODE_SIGNATURE_INVALID, "Invalid credentials. The `sign` query parameter is invalid.")


def access_token_invalid() -> ApiError:
    return ApiError(CODE_REFUSED, "Invalid credentials. The `x-tts-access-token` header is invalid.")


def access_token_expired() -> ApiError:
    return ApiError(
        CODE_ACCESS_TOKEN_EXPIRED,
        "Expired credentials. The `access_token` or `x-tts-access-token` header has expired.",
    )


def no_permission() -> ApiError:
    return ApiError(
        CODE_NO_PERMISSION,
        "Access denied. The app is not authorized to access the endpoint because the access scopes "
        "granted for the app or the access token do not contain the required access scope for the endpoint.",
    )


def ip_not_allowed(ip: str | None) -> ApiError:
    where = f" {ip}" if ip else ""  # ours: the words; the record names the code only
    return ApiError(
        CODE_IP_NOT_ALLOWED, f"Access denied. The request IP{where} is not in the app's IP allowlist."
    )


def shop_cipher_missing() -> ApiError:
    return ApiError(
        CODE_SHOP_CIPHER_MISSING,
        "Missing identifier. The `shop_cipher` query parameter is required to identify the target shop.",
    )


def shop_cipher_unexpected() -> ApiError:
    return ApiError(
        CODE_REFUSED,
        "Unexpected identifier. The `shop_cipher` query parameter is not required for this request.",
    )


def shop_cipher_invalid() -> ApiError:
    return ApiError(CODE_REFUSED, "Invalid identifier. The `shop_cipher` query parameter is invalid.")


# Each page's words for an invalid parameter (PC error_code_list: the return and cancellation
# pages' 25001001, the fulfillment pages' 21001001); the gateway's own 36009004 (ours: words
# in the keyword index's style, the record names none for a business parameter).
INVALID_WORDS = {
    CODE_INVALID_PARAMETER: "An invalid request parameter was passed. "
    "Please check that you have the correct parameter type(s) and format.",
    CODE_FULFILLMENT_INVALID_PARAMETER: "Invalid parameters. "
    "Please ensure you are passing the correct request parameter(s).",
    CODE_REFUSED: "Invalid parameter.",
}


def invalid(detail: str = "", code: int = CODE_INVALID_PARAMETER) -> ApiError:
    """A parameter refused: the page's words, then what is wrong with it (ours)."""
    return ApiError(code, f"{INVALID_WORDS[code]} {detail}".strip(), detail=detail)


def in_code(error: ApiError, code: int) -> ApiError:
    """The same parameter refusal in another page's code for an invalid parameter."""
    return invalid(error.detail, code) if error.detail else error


def body_format_invalid(detail: str) -> ApiError:
    # 36009022: the common errors' "bad body format" (words ours).
    return ApiError(36009022, f"Invalid request body. {detail}", detail=detail)


def business(code: int, message: str) -> ApiError:
    """The call is well formed, but the record's state does not allow it (a page's own code)."""
    return ApiError(code, message)


# --- the auth host's refusals -------------------------------------------------------------
def auth_code_invalid() -> ApiError:
    return ApiError(CODE_AUTH_CODE_INVALID, "invalid auth code")


def refresh_token_expired() -> ApiError:
    return ApiError(CODE_REFRESH_TOKEN_EXPIRED, "rt has expired")


def auth_record_missing() -> ApiError:
    return ApiError(CODE_AUTH_RECORD_MISSING, "can not find related auth record")


def app_secret_invalid() -> ApiError:
    # Ours: the record gives no code of its own for a wrong secret at the auth host.
    return ApiError(CODE_REFUSED, "Invalid credentials. Invalid `app_secret` query parameter.")


# --- the envelope -------------------------------------------------------------------------
def new_request_id() -> str:
    """Like the record's: the UTC time to the second, then 20 upper-case hex digits."""
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    return f"{stamp}{next(_serial) % 10**6:06d}{secrets.token_hex(7).upper()}"


def envelope_text(data_json: str | None, error: ApiError | None = None, success: str = "Success") -> str:
    """The envelope as JSON text; `data_json` is the data's JSON text, spliced unparsed."""
    head = json.dumps(
        {
            "code": error.code if error else CODE_SUCCESS,
            "message": error.message if error else success,
            "request_id": new_request_id(),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
    if error is not None:
        return head
    return head[:-1] + ',"data":' + (data_json if data_json is not None else "{}") + "}"


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
