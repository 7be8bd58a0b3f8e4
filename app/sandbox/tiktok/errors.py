"""The TikTok Shop envelope and its refusals, as the sandbox store answers them.

Owns the answer envelope `{code, message, request_id, data}` (code 0 is success), the error
type every check and handler raises, and the table of refusals: each one's code, words and
HTTP status. Written from the public record on its own (the client's tables are never
imported, so the two can disagree):

- The envelope and `request_id`'s form: EcomPHP/tiktokshop-php src/Resource.php `call`
  (reads code, message, request_id, data); an error answer carries no `data`
  (EcomPHP/tiktokshop-php issue #40: `{code: 105005, message, request_id:
  "20240710170328026B85572D809D2BFFC5"}`).
- Code groups 105xxx and 360xxxx are the token's (EcomPHP src/Resource.php
  `handleErrorResponse`, citing https://partner.tiktokshop.com/doc/page/234136).
- 36009004 is one code for many refused requests, told apart by its message: missing
  signature, timestamp out of range, invalid `x-tts-access-token`, invalid `app_key`, an
  unexpected or invalid identifier; 36009002 is the rate limit, 36009003 an internal error,
  36009009 an unknown path, 36009033 an address not on the app's IP allow list
  (https://partner.tiktokshop.com/docv2/page/common-errors, its "Message keyword index for
  36009004"; the messages below are that index's words).
- 106001 signature invalid, HTTP 401 (https://www.volcengine.com/article/1203820, "签名无效
  (401/106001)"); 105002 "access token is expired, please refresh it"
  (phamkhanhminhman97/shopee-tiktok-lazada-api issue #2, a live answer); 105005 "you should
  apply auth pkg for this api" (EcomPHP issue #40); 36004001 "rt has expired" and 36004005
  "can not find related auth record" (EcomPHP pull request #15); 36004004 an authorization
  code invalid, used or expired; 106013 a shop_cipher missing.
HTTP statuses: 429 for the rate limit (/work/shared/design/TIKTOK-PROTOCOL.md "Envelope");
ours, where the record gives none: 401 for every refused credential, 400 for a refused
parameter, 404 for an unknown path, 500 for the platform's own trouble, 200 for a business refusal
(a request in the wrong state) and for the auth host's refusals (its success and failure are
told by `code`, never by HTTP status: openlinker-project/openlinker issue #2882).
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
# A business refusal of a return, cancellation or package in a state that does not allow
# the call (ours: the record names per-endpoint codes we have not verified; one code here).
CODE_BUSINESS = 12052201

HTTP_OK = 200
HTTP_BAD_REQUEST = 400
HTTP_UNAUTHORIZED = 401
HTTP_FORBIDDEN = 403
HTTP_NOT_FOUND = 404
HTTP_TOO_MANY = 429
HTTP_INTERNAL = 500

_serial = itertools.count(1)


class ApiError(Exception):
    """A refusal in the dialect's terms; the gateway turns it into an envelope and a status."""

    def __init__(self, code: int, message: str, http_status: int = HTTP_OK) -> None:
        super().__init__(f"{code} {message}")
        self.code, self.message, self.http_status = code, message, http_status


# --- the refusals (each a function: a fresh exception per request) -------------------------
def path_not_found(path: str) -> ApiError:
    return ApiError(CODE_PATH_NOT_FOUND, f"Invalid path. The path {path} does not exist.", HTTP_NOT_FOUND)


def rate_limited() -> ApiError:
    return ApiError(CODE_RATE_LIMITED, "Too many requests. Please retry later.", HTTP_TOO_MANY)


def internal_error() -> ApiError:
    return ApiError(CODE_INTERNAL_ERROR, "Internal error. Please retry later.", HTTP_INTERNAL)


def app_key_invalid() -> ApiError:
    return ApiError(CODE_REFUSED, "Invalid credentials. Invalid `app_key` query parameter.", HTTP_BAD_REQUEST)


def signature_missing() -> ApiError:
    return ApiError(
        CODE_REFUSED,
        "Missing credentials. The request does not include a required signature in the query.",
        HTTP_BAD_REQUEST,
    )


def timestamp_invalid(why: str) -> ApiError:
    return ApiError(
        CODE_REFUSED,
        f"Invalid timestamp. The value of the `timestamp` query parameter {why}.",
        HTTP_BAD_REQUEST,
    )


def signature_invalid() -> ApiError:
    return ApiError(
        CODE_SIGNATURE_INVALID, "Invalid credentials. The signature is invalid.", HTTP_UNAUTHORIZED
    )


def access_token_invalid() -> ApiError:
    return ApiError(
        CODE_REFUSED, "Invalid credentials. The `x-tts-access-token` header is invalid.", HTTP_UNAUTHORIZED
    )


def access_token_expired() -> ApiError:
    return ApiError(
        CODE_ACCESS_TOKEN_EXPIRED, "access token is expired, please refresh it", HTTP_UNAUTHORIZED
    )


def no_permission() -> ApiError:
    return ApiError(CODE_NO_PERMISSION, "you should apply auth pkg for this api", HTTP_FORBIDDEN)


def ip_not_allowed(ip: str | None) -> ApiError:
    where = f" {ip}" if ip else ""
    return ApiError(
        CODE_IP_NOT_ALLOWED, f"The request IP{where} is not in the app's IP allow list.", HTTP_FORBIDDEN
    )


def shop_cipher_missing() -> ApiError:
    return ApiError(CODE_SHOP_CIPHER_MISSING, "shop_cipher is required for this request.", HTTP_BAD_REQUEST)


def shop_cipher_unexpected() -> ApiError:
    return ApiError(
        CODE_REFUSED,
        "Unexpected identifier. The `shop_cipher` query parameter is not required for this request.",
        HTTP_BAD_REQUEST,
    )


def shop_cipher_invalid() -> ApiError:
    return ApiError(
        CODE_REFUSED, "Invalid identifier. The `shop_cipher` query parameter is invalid.", HTTP_BAD_REQUEST
    )


def invalid(message: str) -> ApiError:
    """A parameter refused: what is wrong with it, in our words."""
    return ApiError(CODE_REFUSED, f"Invalid parameter. {message}", HTTP_BAD_REQUEST)


def business(message: str) -> ApiError:
    """The call is well formed, but the record's state does not allow it."""
    return ApiError(CODE_BUSINESS, message, HTTP_OK)


# The auth host (token get and refresh) answers its refusals with HTTP 200 and a code.
def auth_code_invalid() -> ApiError:
    return ApiError(CODE_AUTH_CODE_INVALID, "auth code is invalid or has been used", HTTP_OK)


def refresh_token_expired() -> ApiError:
    return ApiError(CODE_REFRESH_TOKEN_EXPIRED, "rt has expired", HTTP_OK)


def auth_record_missing() -> ApiError:
    return ApiError(CODE_AUTH_RECORD_MISSING, "can not find related auth record", HTTP_OK)


def app_secret_invalid() -> ApiError:
    # Ours: the record gives no code of its own for a wrong secret at the auth host.
    return ApiError(CODE_REFUSED, "Invalid credentials. Invalid `app_secret` query parameter.", HTTP_OK)


# --- the envelope -------------------------------------------------------------------------
def new_request_id() -> str:
    """Like the record's: the UTC time to the second, then 20 upper-case hex digits."""
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    return f"{stamp}{next(_serial) % 10**6:06d}{secrets.token_hex(7).upper()}"


def envelope_text(data_json: str | None, error: ApiError | None = None) -> str:
    """The envelope as JSON text; `data_json` is the data's JSON text, spliced unparsed."""
    head = json.dumps(
        {
            "code": error.code if error else CODE_SUCCESS,
            "message": error.message if error else "Success",
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
