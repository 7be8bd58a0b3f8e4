"""The platform's published lists, as this workstation last fetched them.

Owns reading and writing the `platform_lists` copies. Today that is the merchant's
reject reasons (`afterSale.rejectReasonCodeList`), which a refusal must quote by code
and which say whether evidence images are required; keeping a copy lets a person
refuse a request while the internet is down. The sync engine refreshes the copy
(`is_stale`); screens and decision services read it (`reject_reasons`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.db import upsert
from app.models import PlatformList

REJECT_REASONS_LIST = "afterSale.rejectReasonCodeList"
MAX_AGE_S = 24 * 3600  # the platform changes its lists rarely; a day old is fresh enough


@dataclass(frozen=True, slots=True)
class RejectReason:
    code: int
    reason: str  # the platform's words (Chinese), shown as sent
    evidence_needed: bool


def store_list(session: Session, name: str, payload: Any, now: int) -> None:
    """Keep `payload` (the platform's `data`, JSON-able) as the copy of list `name`."""
    row = {"name": name, "payload": json.dumps(payload, ensure_ascii=False), "fetched_at": now}
    upsert(session, PlatformList.__table__, [row], ["name"])


def fetched_at(session: Session, name: str) -> int | None:
    row = session.get(PlatformList, name)
    return row.fetched_at if row is not None else None


def is_stale(session: Session, name: str, now: int, max_age_s: int = MAX_AGE_S) -> bool:
    """Whether list `name` is missing or older than `max_age_s` (a clock set back counts as stale)."""
    at = fetched_at(session, name)
    return at is None or not (now - max_age_s < at <= now)


def load_list(session: Session, name: str) -> Any:
    """The stored payload of list `name`, or None when it was never fetched."""
    row = session.get(PlatformList, name)
    if row is None:
        return None
    try:
        return json.loads(row.payload)
    except ValueError:
        return None


def parse_reject_reasons(payload: Any) -> list[RejectReason]:
    """`data.items[]{reject_reason_code, reason, evidence_need "Y"/"N"}`; unreadable items are left out."""
    items = payload.get("items") if isinstance(payload, dict) else None
    reasons = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        code = item.get("reject_reason_code")
        try:
            code = int(code)
        except (TypeError, ValueError):
            continue
        need = str(item.get("evidence_need", "")).strip().upper()
        reasons.append(RejectReason(code, str(item.get("reason") or ""), need == "Y"))
    return reasons


def reject_reasons(session: Session) -> list[RejectReason]:
    """The merchant's reject reasons as last fetched; empty until the first fetch."""
    return parse_reject_reasons(load_list(session, REJECT_REASONS_LIST))


def reject_reason(session: Session, code: int) -> RejectReason | None:
    return next((reason for reason in reject_reasons(session) if reason.code == code), None)
