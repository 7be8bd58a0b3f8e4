"""The Douyin gateway: one dialect request in, one envelope out (PLATFORM-PROTOCOL.md §1-§2).

Owns what happens to a request once the shared HTTP layer (app/sandbox/httpd.py) has
read it: the dialect's order of checks (rate limit, wire verification, authorisation,
access token), the handler, the envelope, and what the faults that speak the dialect
do to an answer — refuse with the dialect's codes before applying, spoil its data,
plant a raw record in a list, nest it too deep for any parser. Stored evidence and
uploaded-image links are relative; they are made absolute here, where the address is known.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from app.sandbox.douyin import codes, material
from app.sandbox.douyin.dialect import ApiError, envelope, invalid, refusal, verify
from app.sandbox.douyin.handlers import ROUTES, TOKEN_METHODS
from app.sandbox.douyin.params import Raw
from app.sandbox.douyin.store import dumps
from app.sandbox.douyin.tokens import check_access_token, token_create, token_refresh
from app.sandbox.evidence import EVIDENCE_PATH
from app.sandbox.faults import Fault

if TYPE_CHECKING:
    from app.sandbox.server import SandboxServer

log = logging.getLogger(__name__)
RELATIVE_LINKS = (EVIDENCE_PATH, material.MATERIAL_PATH)
# The list answers a planted record joins, in the order they are looked for.
LIST_KEYS = ("shop_order_list", "items")
NESTING_DEPTH = 100_000
_PLANTED = "\u0000planted-record\u0000"  # a placeholder no real answer contains


def refusal_instead(kind: str) -> ApiError | None:
    """The dialect's refusal a fault of `kind` answers instead of applying the request."""
    return {
        "service_error": ApiError(
            codes.CODE_SERVICE_ERROR, codes.SUB_SERVICE_ERROR, "服务暂不可用，请稍后重试"
        ),
        "rate_limit": ApiError(codes.CODE_RATE_LIMITED, "", "触发限流"),
        "token_expired": ApiError(codes.CODE_AUTH_ERROR, codes.SUB_TOKEN_EXPIRED, "access_token 已过期"),
        "clock_skew": ApiError(
            codes.CODE_AUTH_ERROR, codes.SUB_TIMESTAMP_INVALID, "时间戳与服务器时间相差超过10分钟"
        ),
        **PERSON_REFUSALS,
    }.get(kind)


# What each of the faults a person must act on answers, in the record's codes and words
# (tb07/jinritemai src/Error/ErrorCode.php; docs/platforms/douyin.md "Errors").
PERSON_REFUSALS = {
    "token_missing": refusal(codes.CODE_PLATFORM_PARAMETER_MISSING, codes.SUB_TOKEN_MISSING),
    "signature_missing": refusal(codes.CODE_PLATFORM_PARAMETER_MISSING, codes.SUB_SIGNATURE_MISSING),
    "app_key_missing": refusal(codes.CODE_PLATFORM_PARAMETER_MISSING, codes.SUB_APP_KEY_MISSING),
    "authorization_missing": refusal(codes.CODE_AUTHORIZATION_MISSING, codes.SUB_AUTHORIZATION_MISSING),
    "permission_insufficient": refusal(codes.CODE_AUTHORIZATION_MISSING, codes.SUB_PERMISSIONS_INSUFFICIENT),
    "authorization_closed": refusal(codes.CODE_AUTHORIZATION_MISSING, codes.SUB_AUTHORIZATION_CLOSED),
    "app_forbidden": refusal(codes.CODE_AUTHORIZATION_MISSING, codes.SUB_APP_FORBIDDEN),
    "token_of_other_app": refusal(codes.CODE_AUTH_ERROR, codes.SUB_TOKEN_OF_OTHER_APP),
    "app_key_invalid": refusal(codes.CODE_AUTH_ERROR, codes.SUB_APP_KEY_INVALID),
    "app_key_expired": refusal(codes.CODE_AUTH_ERROR, codes.SUB_APP_KEY_EXPIRED),
    "parameter_format_invalid": refusal(codes.CODE_AUTH_ERROR, codes.SUB_PARAMETER_FORMAT_INVALID),
    "refresh_token_expired": refusal(codes.CODE_TOKEN_FAILED, f"{codes.SUB_TOKEN_FAILED}:token-expired"),
    "refresh_token_invalid": refusal(codes.CODE_TOKEN_FAILED, f"{codes.SUB_TOKEN_FAILED}:token-invalid"),
    "no_authorization": refusal(codes.CODE_TOKEN_FAILED, f"{codes.SUB_TOKEN_FAILED}:no-authorization"),
    "app_secret_invalid": refusal(codes.CODE_TOKEN_FAILED, f"{codes.SUB_TOKEN_FAILED}:app-secret-invalid"),
    "method_offline": refusal(codes.CODE_SERVICE_OFF, codes.SUB_SERVICE_OFF),
    "unknown_error": refusal(codes.CODE_UNKNOWN_ERROR, codes.SUB_UNKNOWN_ERROR),
}


def ip_refusal(ip: str | None) -> ApiError:
    """30002: the record gives no sub-code; a real gateway's words name the address it saw
    ("请求来源IP:119.123.25.75", a public OMS's log of one), so the answer names `ip` if given."""
    words = codes.MESSAGES[codes.CODE_IP_NOT_TRUSTED]
    return ApiError(codes.CODE_IP_NOT_TRUSTED, "", f"{words}。请求来源IP:{ip}" if ip else "")


def answer(
    sandbox: SandboxServer,
    path: str,
    method: str,
    query: dict[str, str],
    body: bytes,
    headers: Mapping[str, str],
    fault: Fault | None,
) -> tuple[bool, bytes, int]:
    """(applied, the answer's bytes, HTTP status) for one request in the dialect; `fault` is
    the one that hits it. Douyin's gateway answers every envelope with 200, its errors too."""
    kind = fault.kind if fault else ""
    data: Any = None
    error = ip_refusal(fault.ip if fault else None) if kind == "ip_not_whitelisted" else refusal_instead(kind)
    if error is None:
        fate = material.UPLOAD_FATE.set(kind)  # a review fault decides the picture's fate
        try:
            data = _apply(sandbox, path, method, query, body)
        except ApiError as refusal:
            error = refusal
        except Exception:  # a bug here must look like platform trouble, not kill the connection
            log.exception("sandbox handler for %s failed", method)
            error = ApiError(codes.CODE_SERVICE_ERROR, codes.SUB_SERVICE_ERROR, "服务内部错误")
        finally:
            material.UPLOAD_FATE.reset(fate)
    if error is not None:
        return False, _envelope_text(None, error).encode("utf-8"), 200
    if kind == "malformed":
        data = _spoil(data)
    text = _envelope_text(data)
    for prefix in RELATIVE_LINKS:
        text = text.replace(f'"{prefix}', f'"{sandbox.url}{prefix}')
    if kind == "plant_record" and fault is not None and fault.record is not None:
        planted = plant_record(text, fault.record)
        if planted is None:
            sandbox.faults.give_back(fault)  # the record belongs in another answer
        text = planted or text
    return True, text.encode("utf-8") if kind != "deep_nesting" else deeply_nested_answer(), 200


def _apply(sandbox: SandboxServer, path: str, method: str, query: dict[str, str], body: bytes) -> Any:
    if method not in ROUTES and method not in TOKEN_METHODS:
        raise invalid(f"不存在的接口 {method}")
    if not sandbox.rate_limiter.allow(query.get("app_key", "")):
        raise ApiError(codes.CODE_RATE_LIMITED, "", "触发限流")
    request = verify(path, query, body, sandbox.secrets)
    if not sandbox.authorized:
        raise ApiError(
            codes.CODE_AUTHORIZATION_MISSING, codes.SUB_AUTHORIZATION_MISSING, "店铺已取消对该应用的授权"
        )
    ctx = sandbox.context
    if method == "token.create":
        return token_create(ctx, request.app_key, request.params)
    if method == "token.refresh":
        return token_refresh(ctx, request.app_key, request.params)
    check_access_token(ctx, request.app_key, request.access_token)
    sandbox.platform.run_due()  # the platform acts on time even when no live thread runs
    return ROUTES[method](ctx, request.params)


def _envelope_text(data: Any, error: ApiError | None = None) -> str:
    body = envelope(None if isinstance(data, Raw) else data, error)
    if isinstance(data, Raw):
        del body["data"]
        return dumps(body)[:-1] + ',"data":' + data + "}"
    return dumps(body)


def _spoil(data: Any) -> Any:
    """A success answer whose data has the wrong shape: ids missing, or a string where a list belongs."""
    if isinstance(data, Raw):
        data = json.loads(data)
    if isinstance(data, list):
        return "[]"
    if isinstance(data, dict):
        for key in LIST_KEYS:
            if isinstance(data.get(key), list):
                rows = data[key]
                if not rows:
                    return {**data, key: "[]"}
                for row in rows:
                    row.pop("order_id", None)
                    if isinstance(row.get("aftersale_info"), dict):
                        row["aftersale_info"].pop("aftersale_id", None)
                    row.pop("aftersale_id", None)
                return data
        if "shop_order_detail" in data:
            return {"shop_order_detail": "null"}
        if "process_info" in data:  # afterSale.Detail: the request itself unreadable
            return {**data, "process_info": {**data["process_info"], "after_sale_info": "unexpected"}}
        return {"aftersale_info": "unexpected"} if "aftersale_info" in data else "ok"
    return []


def plant_record(answer: str, record: str) -> str | None:
    """The envelope text `answer` with the raw `record` among its list of records, where
    its update_time belongs; None when it belongs in another answer (or there is no list)."""
    envelope = json.loads(answer)
    data = envelope.get("data")
    key = next((k for k in LIST_KEYS if isinstance(data, dict) and isinstance(data.get(k), list)), None)
    if key is None:
        return None
    rows, when = data[key], _update_time(json.loads(record))
    later = [i for i, row in enumerate(rows) if when is not None and (_update_time(row) or 0) > when]
    if later:
        rows.insert(later[0], _PLANTED)
    elif when is None or _last_page(data):
        rows.append(_PLANTED)
    else:
        return None  # it comes after every record here: its place is on a later page
    return json.dumps(envelope, ensure_ascii=False, separators=(",", ":")).replace(
        json.dumps(_PLANTED), record
    )


def _last_page(data: dict[str, Any]) -> bool:
    if "has_more" in data:
        return not data["has_more"]
    page, size, total = (data.get(name) for name in ("page", "size", "total"))
    if not all(isinstance(number, int) for number in (page, size, total)):
        return True
    return (page + 1) * size >= total  # type: ignore[operator]


def _update_time(record: Any) -> int | None:
    """An order's or an after-sale item's update_time, when it is a number."""
    if not isinstance(record, dict):
        return None
    info = record.get("aftersale_info")
    value = (info if isinstance(info, dict) else record).get("update_time")
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def deeply_nested_answer() -> bytes:
    """A success envelope whose data is a list of lists NESTING_DEPTH deep."""
    return b'{"code":10000,"msg":"success","data":' + b"[" * NESTING_DEPTH + b"]" * NESTING_DEPTH + b"}"
