"""The platform's published lists, as this workstation last fetched them.

Owns reading and writing the `platform_lists` copies: the merchant's reject reasons,
which a refusal must quote by code and which say whether evidence images are required,
and the carriers a parcel can be shipped with. Keeping a copy lets a person refuse a
request or ship a parcel while the internet is down. The sync engine asks the shop's
platform for the lists (the port's `refusal_reasons` and `carriers`) and keeps them here
(`is_stale`, `store_reject_reasons`, `store_logistics_companies`); screens and services
read them (`reject_reasons`, `logistics_companies`).

The copies keep the shape and the names they were first stored with, Douyin's answers
of `afterSale.rejectReasonCodeList` and `order.logisticsCompanyList`, whatever the
platform, so a copy kept by an earlier version stays readable.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.db import upsert
from app.models import PlatformList

REJECT_REASONS_LIST = "afterSale.rejectReasonCodeList"
LOGISTICS_COMPANIES_LIST = "order.logisticsCompanyList"
MAX_AGE_S = 24 * 3600  # the platform changes its lists rarely; a day old is fresh enough


@dataclass(frozen=True, slots=True)
class RejectReason:
    code: int | str  # as the platform names it: Douyin a number, TikTok Shop a text name
    reason: str  # the platform's words, shown as sent
    evidence_needed: bool
    # The kinds of request (RequestKind values) it refuses; () for every kind (Douyin's).
    kinds: tuple[str, ...] = ()

    def refuses(self, kind: str | None) -> bool:
        """Whether a request of `kind` may be refused with this reason."""
        return not self.kinds or kind in self.kinds


@dataclass(frozen=True, slots=True)
class LogisticsCompany:
    """A carrier as the platform lists it; `code` is what a shipment names it by."""

    id: int
    name: str  # the platform's words (Chinese), shown as sent
    code: str


def store_list(session: Session, name: str, payload: Any, now: int) -> None:
    """Keep `payload` (the platform's `data`, JSON-able) as the copy of list `name`."""
    row = {"name": name, "payload": json.dumps(payload, ensure_ascii=False), "fetched_at": now}
    upsert(session, PlatformList.__table__, [row], ["name"])


def store_reject_reasons(session: Session, reasons: Iterable[RejectReason], now: int) -> None:
    """Keep `reasons` as the copy of the reject reasons, in the copy's shape (see module)."""
    items: list[dict[str, Any]] = []
    for r in reasons:
        item: dict[str, Any] = {
            "reject_reason_code": r.code,
            "reason": r.reason,
            "evidence_need": "Y" if r.evidence_needed else "N",
        }
        if r.kinds:  # only where the platform lists reasons per kind: Douyin's copy keeps its shape
            item["kinds"] = list(r.kinds)
        items.append(item)
    store_list(session, REJECT_REASONS_LIST, {"items": items}, now)


def store_logistics_companies(session: Session, companies: Iterable[LogisticsCompany], now: int) -> None:
    """Keep `companies` as the copy of the carriers, in the copy's shape (see module)."""
    items = [{"id": c.id, "name": c.name, "code": c.code} for c in companies]
    store_list(session, LOGISTICS_COMPANIES_LIST, items, now)


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
        code = reason_code(item.get("reject_reason_code"))
        if code is None:
            continue
        need = str(item.get("evidence_need", "")).strip().upper()
        kinds = item.get("kinds")
        kept = tuple(str(kind) for kind in kinds if isinstance(kind, str)) if isinstance(kinds, list) else ()
        reasons.append(RejectReason(code, str(item.get("reason") or ""), need == "Y", kept))
    return reasons


def reason_code(value: Any) -> int | str | None:
    """A reason's code as kept: a number (Douyin's, also when sent as digits) or a text name
    (TikTok Shop's, e.g. "reverse_reject_request_reason_1"); None when it is neither."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip():
        text = value.strip()
        return int(text) if text.isdigit() else text
    return None


def reject_reasons(session: Session) -> list[RejectReason]:
    """The merchant's reject reasons as last fetched; empty until the first fetch."""
    return parse_reject_reasons(load_list(session, REJECT_REASONS_LIST))


def reject_reasons_for(session: Session, kind: str | None) -> list[RejectReason]:
    """The kept reasons a request of `kind` may be refused with (TikTok Shop lists its
    reasons per kind of request; Douyin's refuse every kind)."""
    return [reason for reason in reject_reasons(session) if reason.refuses(kind)]


def reject_reason(session: Session, code: int | str) -> RejectReason | None:
    return next((reason for reason in reject_reasons(session) if reason.code == code), None)


def parse_logistics_companies(payload: Any) -> list[LogisticsCompany]:
    """`data[]{id, name, code}`; raises ValueError unless every item reads and there is one.

    Unlike the reject reasons, nothing is left out: a carrier missing from the copy
    could not be shipped with offline, so a doubtful answer keeps the old copy instead.
    """
    if not isinstance(payload, list) or not payload:
        raise ValueError(f"the carrier list is not a non-empty array: {payload!r:.80}")
    companies = []
    for index, item in enumerate(payload):
        if not isinstance(item, dict):
            raise ValueError(f"carrier #{index + 1} is not an object")
        company_id, name, code = item.get("id"), item.get("name"), item.get("code")
        if isinstance(company_id, bool) or not isinstance(company_id, int | str):
            raise ValueError(f"carrier #{index + 1}: 'id' is not a number ({company_id!r})")
        try:
            company_id = int(company_id)
        except ValueError as error:
            raise ValueError(f"carrier #{index + 1}: 'id' is not a number ({company_id!r})") from error
        if not isinstance(name, str) or not name.strip() or not isinstance(code, str) or not code.strip():
            raise ValueError(f"carrier #{index + 1}: 'name' or 'code' is missing")
        companies.append(LogisticsCompany(company_id, name.strip(), code.strip()))
    return companies


def logistics_companies(session: Session) -> list[LogisticsCompany]:
    """The carriers as last fetched, in the platform's order; empty until the first fetch."""
    try:
        return parse_logistics_companies(load_list(session, LOGISTICS_COMPANIES_LIST))
    except ValueError:  # never fetched (the copy is checked before it is stored)
        return []


def logistics_company(session: Session, code: str) -> LogisticsCompany | None:
    return next((company for company in logistics_companies(session) if company.code == code), None)
