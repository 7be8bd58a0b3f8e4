"""The control surface under /_sandbox/ (not part of the dialect; JSON, unsigned).

Owns the test and demo knobs. Answers are (HTTP status, JSON-able payload or bytes,
content type); a bad request answers 400 {"error"}, an unknown route 404.

  POST   /_sandbox/reset     {seed, history_orders?, live?, orders_per_hour?, now?}
                             -> {seed, took_s, ...stats}
  GET    /_sandbox/clock     -> {now, offset_s}
  POST   /_sandbox/clock     {offset_s} | {advance_s} | {now} -> {now, offset_s, applied}; runs due actions
  POST   /_sandbox/tick      {new_orders?, new_after_sales?, after_sale_type?, top_up?}
                             -> {now, orders, after_sales}
  GET    /_sandbox/faults    -> {faults: [{id, kind, count, method, ms}]}
  POST   /_sandbox/faults    {kind, count?: 1, method?, ms?: 200, record?, ip?} -> {fault}
                             (record: the JSON value `plant_record` adds to a list answer;
                             ip: the address `ip_not_whitelisted` names)
  DELETE /_sandbox/faults    -> {cleared}
  GET    /_sandbox/ledger?since=SEQ&limit=5000
                             -> {entries: [{seq, at, actor, method, entity_id, params, outcome}]}
  GET    /_sandbox/stats     -> counts by status, requests served per method, connections accepted
  GET    /_sandbox/settings; POST {rate_limit_per_s?, live?, orders_per_hour?, authorized?}
  GET    /_sandbox/evidence/<name>.png
  GET    /_sandbox/material/<sha256>.<png|jpg>   (the material centre's pictures, their byte_url)
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from app.sandbox.evidence import EVIDENCE_PATH, evidence_png

if TYPE_CHECKING:
    from app.sandbox.server import SandboxServer

JSON_TYPE = "application/json; charset=utf-8"
Answer = tuple[int, Any, str]
_EVIDENCE = re.compile(re.escape(EVIDENCE_PATH) + r"([A-Za-z0-9_.-]{1,80})\.png")


def _ok(payload: Any) -> Answer:
    return 200, payload, JSON_TYPE


def _bad(message: str, status: int = 400) -> Answer:
    return status, {"error": message}, JSON_TYPE


def _number(body: dict[str, Any], name: str) -> float | None:
    value = body.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number")
    return float(value)


def handle(sandbox: SandboxServer, verb: str, path: str, query: dict[str, str], raw: bytes) -> Answer:
    try:
        body = json.loads(raw) if raw.strip() else {}
        if not isinstance(body, dict):
            return _bad("body must be a JSON object")
        return _route(sandbox, verb, path, query, body)
    except (ValueError, TypeError) as problem:
        return _bad(str(problem))


def _route(
    sandbox: SandboxServer, verb: str, path: str, query: dict[str, str], body: dict[str, Any]
) -> Answer:
    match (verb, path):
        case ("POST", "/_sandbox/reset"):
            seed = body.get("seed", sandbox.seed)
            history = body.get("history_orders")
            if not isinstance(seed, int) or (history is not None and not isinstance(history, int)):
                raise ValueError("seed and history_orders must be integers")
            now = body.get("now")
            took = sandbox.reset(
                seed=seed,
                history_orders=history,
                live=body.get("live"),
                orders_per_hour=_number(body, "orders_per_hour"),
                now=int(now) if now is not None else None,
            )
            return _ok({"seed": seed, "took_s": round(took, 3), **sandbox.stats()})
        case ("GET", "/_sandbox/clock"):
            return _ok({"now": sandbox.clock.now(), "offset_s": sandbox.clock.offset})
        case ("POST", "/_sandbox/clock"):
            offset, advance, now = _number(body, "offset_s"), _number(body, "advance_s"), _number(body, "now")
            if offset is None and advance is None and now is None:
                raise ValueError("give offset_s, advance_s or now")
            if advance is not None and advance < 0:
                raise ValueError("the clock only moves forward with advance_s; use offset_s")
            applied = sandbox.move_clock(
                offset_s=offset, advance_s=advance, now=None if now is None else int(now)
            )
            return _ok({"now": sandbox.clock.now(), "offset_s": sandbox.clock.offset, "applied": applied})
        case ("POST", "/_sandbox/tick"):
            made = sandbox.platform.tick(
                new_orders=_int_or_none(body, "new_orders"),
                new_after_sales=_int_or_none(body, "new_after_sales"),
                top_up=body.get("top_up"),
                after_sale_type=_int_or_none(body, "after_sale_type"),
            )
            return _ok(made)
        case ("GET", "/_sandbox/faults"):
            return _ok({"faults": sandbox.faults.pending()})
        case ("POST", "/_sandbox/faults"):
            fault = sandbox.faults.add(
                str(body.get("kind", "")),
                int(body.get("count", 1)),
                body.get("method"),
                int(body.get("ms", 200)),
                body.get("record"),
                body.get("ip"),
            )
            return _ok({"fault": fault.to_json()})
        case ("DELETE", "/_sandbox/faults"):
            return _ok({"cleared": sandbox.faults.clear()})
        case ("GET", "/_sandbox/ledger"):
            since = int(query.get("since", "0"))
            return _ok({"entries": sandbox.store.ledger_since(since, int(query.get("limit", "5000")))})
        case ("GET", "/_sandbox/stats"):
            return _ok(sandbox.stats())
        case ("GET", "/_sandbox/settings"):
            return _ok(sandbox.settings())
        case ("POST", "/_sandbox/settings"):
            sandbox.apply_settings(
                rate_limit_per_s=_number(body, "rate_limit_per_s"),
                live=body.get("live"),
                orders_per_hour=_number(body, "orders_per_hour"),
                authorized=body.get("authorized"),
            )
            return _ok(sandbox.settings())
    if verb == "GET" and (match := _EVIDENCE.fullmatch(path)):
        return 200, evidence_png(match.group(1)), "image/png"
    if verb == "GET" and (image := sandbox.dialect.served_image(sandbox.store, path)) is not None:
        return 200, image[0], image[1]
    return _bad(f"no such control route: {verb} {path}", 404)


def _int_or_none(body: dict[str, Any], name: str) -> int | None:
    value = body.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{name} must be a non-negative integer")
    return value
