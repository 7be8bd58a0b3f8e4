"""Fault injection: the ways a real gateway and a real network misbehave.

Owns the queue of pending faults set through the control surface. Each fault has a
kind, a count of how many more requests it hits and, optionally, the one method it
hits. Before-kinds answer instead of the request (nothing applied); after-kinds let
the request apply and then spoil the answer, which is what tests of "did my lost
request take effect?" need.

Two after-kinds stand for a platform that sends something odd rather than something
broken: `plant_record` adds one raw record (`record`, any JSON value — an object as
the platform sends a record, or anything else it might send in one's place — kept as JSON
text so a number beyond 64 bits, a lone surrogate or a NUL reaches the client exactly
as given) to the list answer its update time puts it in, as the platform would list it
(the first list answer when it has none; a fault that meets an answer where the record
does not belong stays pending), and `deep_nesting` answers a success envelope whose
data is nested far deeper than any JSON parser's recursion allows. What the kinds that
speak the dialect send (its refusals, its lists, its envelope) is each dialect's
(app/sandbox/<dialect>/gateway.py); this module only queues and counts them.
"""

from __future__ import annotations

import itertools
import json
import threading
from dataclasses import asdict, dataclass, replace
from typing import Any

# Answer instead of applying the request.
BEFORE_KINDS = ("http_5xx", "service_error", "rate_limit", "token_expired", "clock_skew")
# Answer, instead of applying the request, an error a person must act on (or one the
# platform gives for its own trouble), each as the dialect words it: the caller's address
# not on the app's IP whitelist (`ip`: the address the answer names, if any), a parameter
# the platform itself requires missing, the shop's authorisation or the app's permission
# missing, switched off or disabled, the app key or the token wrong, a refresh token dead,
# the method gone, an unknown error.
PERSON_KINDS = (
    "ip_not_whitelisted",
    "token_missing",
    "signature_missing",
    "app_key_missing",
    "authorization_missing",
    "permission_insufficient",
    "authorization_closed",
    "app_forbidden",
    "token_of_other_app",
    "app_key_invalid",
    "app_key_expired",
    "parameter_format_invalid",
    "refresh_token_expired",
    "refresh_token_invalid",
    "no_authorization",
    "app_secret_invalid",
    "method_offline",
    "unknown_error",
)
# Apply the request, then delay, cut, spoil or drop the answer.
AFTER_KINDS = ("latency", "truncated", "malformed", "drop_response", "plant_record", "deep_nesting")
# Apply a picture upload (`method`, required: the dialect's upload), deciding how the
# platform's review of that picture ends: rejected, or kept under review for long.
REVIEW_KINDS = ("review_reject", "review_hold")
KINDS = BEFORE_KINDS + PERSON_KINDS + AFTER_KINDS + REVIEW_KINDS


@dataclass
class Fault:
    id: int
    kind: str
    count: int = 1
    method: str | None = None
    ms: int = 200
    record: str | None = None  # plant_record: the record's JSON text
    ip: str | None = None  # ip_not_whitelisted: the address the answer names (None: none named)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class Faults:
    def __init__(self) -> None:
        self._pending: list[Fault] = []
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def add(
        self,
        kind: str,
        count: int = 1,
        method: str | None = None,
        ms: int = 200,
        record: Any = None,
        ip: str | None = None,
    ) -> Fault:
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; one of {', '.join(KINDS)}")
        if count < 1:
            raise ValueError("count must be at least 1")
        if kind in REVIEW_KINDS and not method:
            raise ValueError(f"{kind} needs the method of the picture upload it decides")
        if (kind == "plant_record") != (record is not None):
            raise ValueError("plant_record takes a record (any JSON value but null), and only it does")
        if ip is not None and (kind != "ip_not_whitelisted" or not isinstance(ip, str)):
            raise ValueError("ip (a string) goes with ip_not_whitelisted only")
        # ASCII escapes keep lone surrogates and NULs as the JSON text the client will read.
        raw = json.dumps(record, ensure_ascii=True) if record is not None else None
        fault = Fault(next(self._ids), kind, int(count), method or None, int(ms), raw, ip)
        with self._lock:
            self._pending.append(fault)
        return fault

    def pending(self) -> list[dict[str, Any]]:
        with self._lock:
            return [fault.to_json() for fault in self._pending]

    def clear(self) -> int:
        with self._lock:
            cleared, self._pending = len(self._pending), []
        return cleared

    def take(self, method: str) -> Fault | None:
        """The first pending fault that hits `method`, counted down (and gone after its last hit)."""
        with self._lock:
            for fault in self._pending:
                if fault.method in (None, method):
                    fault.count -= 1
                    if fault.count <= 0:
                        self._pending.remove(fault)
                    return replace(fault, count=1)
        return None

    def give_back(self, fault: Fault) -> None:
        """Count a taken fault as not used: it found nothing to do in that answer."""
        with self._lock:
            for pending in self._pending:
                if pending.id == fault.id:
                    pending.count += 1
                    return
            self._pending.insert(0, replace(fault, count=1))
