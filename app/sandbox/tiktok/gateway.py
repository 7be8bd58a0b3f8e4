"""The TikTok Shop gateway: one request in, one envelope and HTTP status out.

Owns what happens to a request once the shared HTTP layer (app/sandbox/httpd.py) has read
it: the dialect's order of checks — the path, the rate limit, the app key, the signature's
presence, the timestamp, the signature, the shop's authorisation, the access token, the
shop cipher — then the route, the envelope, and what the faults that speak the dialect do
to an answer: refuse with the dialect's codes before applying, spoil its data, plant a raw
record in a list, nest it too deep for any parser. The auth host's two paths
(`/api/v2/token/get`, `/refresh`) are served on the same port, unsigned, as the record has
them (EcomPHP/tiktokshop-php src/Auth.php). Links the store keeps relative (a label's
`doc_url`, a buyer's evidence picture) are made absolute here, where the address is known.

The timestamp is checked against the real wall clock, never the simulation's: the record's
window is [now - 5 min, now + 30 s] (Partner Center guide "Common parameters",
https://partner.tiktokshop.com/docv2/page/678e3a4278f4c20311b8b57e; refused with 36009004,
"Common errors"). The access token comes in the
`x-tts-access-token` header (EcomPHP src/Client.php `modifyRequestBeforeSend`; a client
may put it in the query under that name instead, as the same code allows), or in the older
`access_token` header the common errors still name ("The `access_token` or
`x-tts-access-token` header has expired"). Shop-scoped
paths take `shop_cipher`; `/authorization/...` paths must not (same function).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from app.sandbox.evidence import EVIDENCE_PATH
from app.sandbox.faults import Fault
from app.sandbox.tiktok import (
    errors,
    routes_fulfillment,
    routes_images,
    routes_orders,
    routes_returns,
    signing,
)
from app.sandbox.tiktok.context import Call, Context, body_of
from app.sandbox.tiktok.errors import ApiError
from app.sandbox.tiktok.tokens import check_access_token, token_get, token_refresh

if TYPE_CHECKING:
    from app.sandbox.server import SandboxServer

log = logging.getLogger(__name__)
MAX_AGE_S = 300
MAX_AHEAD_S = 30
# The request timestamp is checked against the real wall clock; a module-level name so a
# test can stand at a documented vector's moment.
wall_clock = time.time
RELATIVE_LINKS = (EVIDENCE_PATH, routes_fulfillment.LABEL_PATH, routes_images.UPLOAD_PATH)
LIST_KEYS = ("orders", "return_orders", "cancellations")
ID_FIELDS = ("id", "return_id", "cancel_id")
NESTING_DEPTH = 100_000
_PLANTED = "\u0000planted-record\u0000"  # a placeholder no real answer contains
TOKEN_GET, TOKEN_REFRESH = "/api/v2/token/get", "/api/v2/token/refresh"
# Paths that take no shop_cipher (EcomPHP src/Client.php strips it for these; PC marks the
# image upload `is_shop_chiper_exist: false`).
NO_SHOP_CIPHER = ("/authorization/", "/product/202309/images/upload")

Route = Callable[[Context, Call], str]
ROUTES: dict[str, Route] = {
    "/authorization/202309/shops": routes_orders.authorized_shops,
    "/order/202309/orders/search": routes_orders.search_orders,
    "/order/202309/orders": routes_orders.order_detail,
    "/return_refund/202309/returns/search": routes_returns.search_returns,
    "/return_refund/202309/returns/{return_id}/records": routes_returns.return_records,
    "/return_refund/202309/returns/{return_id}/approve": routes_returns.approve_return,
    "/return_refund/202309/returns/{return_id}/reject": routes_returns.reject_return,
    "/return_refund/202309/reject_reasons": routes_returns.reject_reasons,
    "/return_refund/202309/cancellations/search": routes_returns.search_cancellations,
    "/return_refund/202309/cancellations/{cancel_id}/approve": routes_returns.approve_cancellation,
    "/return_refund/202309/cancellations/{cancel_id}/reject": routes_returns.reject_cancellation,
    "/fulfillment/202309/packages/{package_id}/ship": routes_fulfillment.ship_package,
    "/fulfillment/202309/orders/{order_id}/packages": routes_fulfillment.mark_package_shipped,
    "/fulfillment/202309/packages/{package_id}/shipping_documents": routes_fulfillment.shipping_documents,
    "/logistics/202309/delivery_options/{delivery_option_id}/shipping_providers": (
        routes_fulfillment.shipping_providers
    ),
    "/product/202309/images/upload": routes_images.upload_image,
    "/logistics/202309/warehouses": routes_fulfillment.warehouses,
    "/logistics/202309/warehouses/{warehouse_id}/delivery_options": routes_fulfillment.delivery_options,
}

# What each fault that answers instead of applying says, in the dialect's codes.
FAULT_REFUSALS: dict[str, Callable[[], ApiError]] = {
    "service_error": errors.internal_error,
    "rate_limit": errors.rate_limited,
    "token_expired": errors.access_token_expired,
    "clock_skew": lambda: errors.timestamp_invalid(errors.TOO_OLD),
    "token_missing": errors.access_token_invalid,
    "signature_missing": errors.signature_missing,
    "app_key_missing": errors.app_key_invalid,
    "authorization_missing": errors.access_token_invalid,  # the seller took the authorisation back
    "permission_insufficient": errors.no_permission,
    "authorization_closed": errors.access_token_invalid,
    "app_forbidden": errors.app_key_invalid,
    "token_of_other_app": errors.access_token_invalid,
    "app_key_invalid": errors.app_key_invalid,
    "app_key_expired": errors.app_key_invalid,
    "parameter_format_invalid": lambda: errors.body_format_invalid(
        "A parameter is not in the expected format."
    ),
    "refresh_token_expired": errors.refresh_token_expired,
    "refresh_token_invalid": errors.auth_record_missing,
    "no_authorization": errors.auth_record_missing,
    "app_secret_invalid": errors.app_secret_invalid,
    "unknown_error": errors.internal_error,
}


def refusal_instead(fault: Fault | None, path: str) -> ApiError | None:
    if fault is None:
        return None
    if fault.kind == "ip_not_whitelisted":
        return errors.ip_not_allowed(fault.ip)
    if fault.kind == "method_offline":  # a method gone answers as a path that never was
        return errors.path_not_found(path)
    make = FAULT_REFUSALS.get(fault.kind)
    return make() if make else None


def answer(
    sandbox: SandboxServer,
    path: str,
    method: str,
    query: dict[str, str],
    body: bytes,
    headers: Mapping[str, str],
    fault: Fault | None,
) -> tuple[bool, bytes, int]:
    """(applied, the answer's bytes, HTTP status) for one request; `fault` is the one that hits it."""
    kind = fault.kind if fault else ""
    data: str | None = None
    error = refusal_instead(fault, path)
    if error is None:
        try:
            data = _apply(sandbox, path, query, body, headers)
        except ApiError as refusal:
            error = refusal
        except Exception:  # a bug here must look like platform trouble, not kill the connection
            log.exception("sandbox handler for %s failed", method)
            error = errors.internal_error()
    if error is not None:
        return False, errors.envelope_text(None, error).encode("utf-8"), error.http_status
    if kind == "deep_nesting":
        return True, deeply_nested_answer(), errors.HTTP_OK
    if kind == "malformed":
        data = spoil(data or "{}")
    # The token pages' samples say "success"; every other page's "Success".
    text = errors.envelope_text(
        data, success="success" if method in (TOKEN_GET, TOKEN_REFRESH) else "Success"
    )
    for prefix in RELATIVE_LINKS:
        text = text.replace(f'"{prefix}', f'"{sandbox.url}{prefix}')
    if kind == "plant_record" and fault is not None and fault.record is not None:
        planted = plant_record(text, fault.record)
        if planted is None:
            sandbox.faults.give_back(fault)  # the record belongs in another answer
        text = planted or text
    return True, text.encode("utf-8"), errors.HTTP_OK


def _apply(
    sandbox: SandboxServer, path: str, query: dict[str, str], body: bytes, headers: Mapping[str, str]
) -> str:
    found = signing.match(path)
    if found is None:
        raise errors.path_not_found(path)
    template, path_params = found
    verb = headers.get(":method", "")
    if verb and verb != signing.VERBS.get(template, verb):
        raise errors.method_not_allowed(verb)
    ctx: Context = sandbox.context
    # The record's limit is per API and app (Partner Center guide "Rate limits": 50 QPS per API
    # per app and shop by default); the sandbox's rate is its settings' (200/s unless set).
    if not sandbox.rate_limiter.allow(f"{query.get('app_key', '')} {template}"):
        raise errors.rate_limited()
    if template == TOKEN_GET:
        return errors.dumps(token_get(ctx, query, sandbox.secrets, sandbox.auth_code))
    if template == TOKEN_REFRESH:
        return errors.dumps(token_refresh(ctx, query, sandbox.secrets))
    app_key = _verify(sandbox, path, query, body, headers)
    if not sandbox.authorized:  # the seller took the app's authorisation back: its tokens are dead
        raise errors.access_token_invalid()
    check_access_token(ctx, app_key, access_token_of(headers, query))
    cipher = query.get("shop_cipher", "")
    if template.startswith(NO_SHOP_CIPHER):
        if cipher:
            raise errors.shop_cipher_unexpected()
    elif not cipher:
        raise errors.shop_cipher_missing()
    elif cipher != ctx.shop_cipher:
        raise errors.shop_cipher_invalid()
    content_type = headers.get("content-type", "")
    parsed = {} if "multipart/form-data" in content_type else body_of(body)
    call = Call(template, path_params, query, parsed, app_key, body, content_type)
    sandbox.platform.run_due()  # the platform acts on time even when no live thread runs
    return ROUTES[template](ctx, call)


def access_token_of(headers: Mapping[str, str], query: Mapping[str, str]) -> str:
    """The access token, wherever a client of the record puts it."""
    return (
        headers.get("x-tts-access-token")
        or query.get("x-tts-access-token")
        or headers.get("access_token")
        or headers.get("access-token")
        or ""
    )


def _verify(
    sandbox: SandboxServer, path: str, query: dict[str, str], body: bytes, headers: Mapping[str, str]
) -> str:
    """The wire checks of a signed API call; the app key."""
    app_key = query.get("app_key", "")
    if app_key not in sandbox.secrets:
        raise errors.app_key_invalid()
    given = query.get("sign", "")
    if not given:
        raise errors.signature_missing()
    stamp = query.get("timestamp", "")
    if not stamp.isdigit():
        raise errors.timestamp_invalid("must be Unix seconds")
    age = wall_clock() - int(stamp)
    if age > MAX_AGE_S:
        raise errors.timestamp_invalid(errors.TOO_OLD)
    if -age > MAX_AHEAD_S:
        raise errors.timestamp_invalid(errors.TOO_NEW)
    multipart = "multipart/form-data" in headers.get("content-type", "")
    if not signing.signature_matches(sandbox.secrets[app_key], path, query, body, given, multipart=multipart):
        raise errors.signature_invalid()
    return app_key


# --- what the faults do to an answer -------------------------------------------------------
def spoil(data: str) -> str:
    """A success answer whose data has the wrong shape: ids missing, or a string where a list belongs."""
    value = json.loads(data)
    if isinstance(value, dict):
        for key in LIST_KEYS:
            rows = value.get(key)
            if isinstance(rows, list):
                if not rows:
                    value[key] = "[]"
                for row in rows:
                    for name in ID_FIELDS:
                        if isinstance(row, dict):
                            row.pop(name, None)
                return errors.dumps(value)
        if isinstance(value.get("records"), list):
            return errors.dumps({"records": "unexpected"})
        if isinstance(value.get("shops"), list):
            return errors.dumps({"shops": [{"name": "?"}]})
    return '"ok"'


def plant_record(answer: str, record: str) -> str | None:
    """The envelope text `answer` with the raw `record` among its list of records, where its
    update_time belongs; None when it belongs in another answer (or there is no list)."""
    envelope = json.loads(answer)
    data = envelope.get("data")
    key = next((k for k in LIST_KEYS if isinstance(data, dict) and isinstance(data.get(k), list)), None)
    if key is None:
        return None
    rows, when = data[key], _update_time(json.loads(record))
    later = [i for i, row in enumerate(rows) if when is not None and (_update_time(row) or 0) > when]
    if later:
        rows.insert(later[0], _PLANTED)
    elif when is None or not data.get("next_page_token"):
        rows.append(_PLANTED)
    else:
        return None  # it comes after every record here: its place is on a later page
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).replace(
        json.dumps(_PLANTED), record
    )


def _update_time(record: Any) -> int | None:
    value = record.get("update_time") if isinstance(record, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def deeply_nested_answer() -> bytes:
    """A success envelope whose data is a list of lists NESTING_DEPTH deep."""
    head = errors.envelope_text("0")[: -len("0}")].encode("utf-8")
    return head + b"[" * NESTING_DEPTH + b"]" * NESTING_DEPTH + b"}"
