"""The platform's arbitration of after-sale requests, and the refund's progress it leads to.

Owns, on the sandbox clock, which requests go to the platform's arbitration and how each
one goes: a buyer takes some refused requests (27, 29) to the platform; a merchant appeals
some refunds the platform made on the merchant's behalf when its deadline passed. The
platform opens the case (仲裁中), asks the merchant for evidence by a deadline (待商家举证),
and decides when it passes: for the buyer (客服同意: the request is refunded, 退款中 until the
money arrives, then 退款成功) or for the merchant (客服拒绝: a refused request stays refused;
an appealed refund is recovered from the buyer, 追缴成功), then closes the case (仲裁结束).

What it sends: `aftersale_info.arbitrate_status` and `text_part.arbitrate_status_text` in
the List's items, and `detail_info` (the Detail's `process_info.arbitrate_info`, the SDK's
`ArbitrateInfo` fields, zsmhub/doudian-sdk api/afterSale_Detail/response/
afterSale_Detail_response.go). Everything it keeps is in the request's `sim["arbitration"]`
(JSON, stored with the request). The shares and delays are ours; the codes are codes.py's.
Steps run through `lifecycle` (`AfterSale.next_at`, `run_after_sale_due`), so history
generation, the live platform's tick and the Detail agree.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from app.sandbox.clock import DAY, HOUR, SHANGHAI
from app.sandbox.douyin.codes import (
    ARBITRATE_STATUS_TEXT_ZH,
    AfterSaleStatus,
    AfterSaleType,
    ArbitrateStatus,
    RefundStatus,
)

S = AfterSaleStatus
A = ArbitrateStatus

# (ours) How often, and how soon, each step comes.
ESCALATED_SHARE = 0.3  # refused requests the buyer takes to the platform
APPEALED_SHARE = 0.15  # refunds after shipment made on timeout that the merchant appeals
FOR_BUYER_SHARE = 0.6  # of decided cases
OPEN_AFTER_H = (2, 30)
EVIDENCE_ASKED_AFTER_H = (1, 12)
EVIDENCE_WINDOW_S = 2 * DAY  # the merchant's time to give evidence (待商家举证)
DECIDED_AFTER_H = (1, 24)  # after the evidence deadline
ENDED_AFTER_H = (1, 6)  # the case is closed after the decision
REFUND_PAID_AFTER_H = (1, 8)  # 退款中 -> 退款成功 (and the recovery, 追缴)
DEADLINE_FORMAT = "%Y-%m-%d %H:%M:%S"  # the Detail's arbitrate_status_deadline (a string)

REFUSED = (S.MERCHANT_REFUSED, S.REFUSED_AFTER_RETURN)
# Requests whose arbitration is about money after shipment: deciding for the buyer refunds them.
DISPUTED_TYPES = (AfterSaleType.RETURN_AND_REFUND, AfterSaleType.REFUND_AFTER_SHIPMENT)

# The history entries (`record_logs_list[].action`) of each step, as `lifecycle.record` writes them.
RECORD_ACTIONS = {
    "arbitration_opened": "平台介入仲裁",
    "arbitration_evidence_asked": "平台要求商家举证",
    "arbitration_for_buyer": "平台仲裁：支持买家",
    "arbitration_for_merchant": "平台仲裁：支持商家",
    "arbitration_ended": "仲裁结束",
    "refund_paid": "退款成功",
    "refund_recovered": "退款追缴成功",
    "price_protection_agreed": "平台同意价保",
}


def _rng(seed: int, aftersale_id: str, salt: str) -> random.Random:
    """The request's own generator for one step (as lifecycle.entity_rng), so outcomes do
    not depend on the order things happen in."""
    return random.Random(f"{seed}/{aftersale_id}/arbitration/{salt}")


def _hours(rng: random.Random, span: tuple[float, float]) -> int:
    return int(rng.uniform(*span) * HOUR)


def plan(
    info: dict[str, Any],
    text_part: dict[str, Any],
    sim: dict[str, Any],
    previous: tuple[int, int],
    at: int,
    seed: int,
) -> None:
    """After a request entered its status at `at` (from `previous` = (status, status_deadline)):
    whether someone takes it to the platform, and when the case opens. Every request carries
    `arbitrate_status` (0 until a case opens), as the List documents it."""
    info.setdefault("arbitrate_status", int(A.NONE))
    text_part.setdefault("arbitrate_status_text", ARBITRATE_STATUS_TEXT_ZH[A.NONE])
    if "arbitration" in sim or info["aftersale_type"] not in DISPUTED_TYPES:
        return
    status, (was, was_deadline) = info["aftersale_status"], previous
    rng = _rng(seed, info["aftersale_id"], "plan")
    appeal = (
        status == S.REFUNDED
        and was == S.AWAITING_MERCHANT
        and info["aftersale_type"] == AfterSaleType.REFUND_AFTER_SHIPMENT
        and 0 < was_deadline <= at
    )
    if status in REFUSED and rng.random() < ESCALATED_SHARE:
        sim["arbitration"] = {"step": "open", "at": at + _hours(rng, OPEN_AFTER_H), "appeal": False}
    elif appeal and rng.random() < APPEALED_SHARE:
        sim["arbitration"] = {"step": "open", "at": at + _hours(rng, OPEN_AFTER_H), "appeal": True}


def to_stage(after_sales: Iterable[Any], now: int, count: int = 2) -> list[Any]:
    """The most recently refused disputable requests (refused at least a day ago, never taken to
    the platform): a demo shop stages open cases on them (`stage`), so that a desk always has
    one to show, whatever its history drew."""
    candidates = [
        asale
        for asale in after_sales
        if asale.info["aftersale_type"] in DISPUTED_TYPES
        and asale.info["aftersale_status"] in REFUSED
        and "arbitration" not in asale.sim
        and asale.info["update_time"] <= now - DAY
    ]
    return sorted(candidates, key=lambda asale: asale.info["update_time"], reverse=True)[:count]


def stage(sim: dict[str, Any], opened_at: int) -> None:
    """The buyer takes this refused request to the platform, which opens the case at `opened_at`."""
    sim["arbitration"] = {"step": "open", "at": opened_at, "appeal": False}


def next_at(sim: dict[str, Any]) -> int | None:
    """When the request's arbitration (or the refund it led to) next moves, or None."""
    case = sim.get("arbitration")
    return case.get("at") if case else None


def _set(
    info: dict[str, Any], text_part: dict[str, Any], case: dict[str, Any], status: ArbitrateStatus
) -> None:
    info["arbitrate_status"] = int(status)
    text_part["arbitrate_status_text"] = ARBITRATE_STATUS_TEXT_ZH[status]
    case["status"] = int(status)


def run_due(asale: Any, at: int, now: int, seed: int) -> tuple[str, int | None]:
    """The step due at `at`: what happened (a RECORD_ACTIONS key) and, when the platform decided
    for the buyer of a refused request, the status the request must enter (lifecycle applies it,
    then `after_refund_decided`). Stamps the request's `update_time` with `now`."""
    info, text_part, case = asale.data["aftersale_info"], asale.data["text_part"], asale.sim["arbitration"]
    rng = _rng(seed, info["aftersale_id"], case["step"])
    step = case["step"]
    info["update_time"] = now
    if step == "open":
        _set(info, text_part, case, A.IN_PROGRESS)
        case.update(
            id=f"ARB{info['aftersale_id']}",
            created=at,
            step="ask",
            at=at + _hours(rng, EVIDENCE_ASKED_AFTER_H),
        )
        case["updated"] = at
        return "arbitration_opened", None
    if step == "ask":
        _set(info, text_part, case, A.AWAITING_MERCHANT_EVIDENCE)
        case.update(deadline=at + EVIDENCE_WINDOW_S, step="decide", updated=at)
        case["at"] = case["deadline"] + _hours(rng, DECIDED_AFTER_H)
        return "arbitration_evidence_asked", None
    if step == "decide":
        for_buyer = rng.random() < FOR_BUYER_SHARE
        # An appeal is the merchant's: "for the buyer" leaves the refund as it is.
        _set(info, text_part, case, A.AGREED if for_buyer else A.REFUSED)
        case.update(step="end", updated=at, at=at + _hours(rng, ENDED_AFTER_H), for_buyer=for_buyer)
        if for_buyer and not case["appeal"]:
            case["refund_paid_at"] = at + _hours(rng, REFUND_PAID_AFTER_H)
            case["impose_refund"] = int(RefundStatus.IN_PROGRESS)  # the money is on its way
            return "arbitration_for_buyer", int(S.REFUNDED)
        if not for_buyer and case["appeal"]:
            case["refund_recovered_at"] = at + _hours(rng, REFUND_PAID_AFTER_H)
        return ("arbitration_for_buyer" if for_buyer else "arbitration_for_merchant"), None
    if step == "end":
        _set(info, text_part, case, A.ENDED)
        case.update(updated=at)
        return _settle_next(info, case)
    if step == "refund_paid":
        info["refund_status"] = case["impose_refund"] = int(RefundStatus.SUCCEEDED)
        case.pop("at", None)
        return "refund_paid", case.pop("then", None)
    if step == "refund_recovered":
        info["refund_status"] = int(RefundStatus.RECOVERED)
        case.pop("at", None)
        return "refund_recovered", None
    raise ValueError(f"unknown arbitration step {step!r}")


def _settle_next(info: dict[str, Any], case: dict[str, Any]) -> tuple[str, None]:
    """After the case ends: the refund's own step, if one is still to come."""
    for step, key in (("refund_paid", "refund_paid_at"), ("refund_recovered", "refund_recovered_at")):
        if key in case:
            case.update(step=step, at=max(case.pop(key), case["updated"] + 1))
            return "arbitration_ended", None
    case.pop("at", None)
    return "arbitration_ended", None


def impose_refund(info: dict[str, Any], sim: dict[str, Any]) -> None:
    """After lifecycle moved the request to the status a step asked for: the refund status
    the step says (退款中 after a decision for the buyer, 退款成功 once paid), which lifecycle's
    own rule (by status) does not know. The order line's `after_sale_info` lists no 2 (SDK
    order AfterSaleInfo.RefundStatus: 1, 3, 4): it keeps what lifecycle gave it."""
    refund = (sim.get("arbitration") or {}).pop("impose_refund", None)
    if refund is not None:
        info["refund_status"] = refund


def refund_later(sim: dict[str, Any], at: int, *, then: int | None = None) -> None:
    """A refund the platform agreed outside arbitration (a price protection) is paid at `at`
    (退款中 until then), and the request then enters `then`. Kept as an arbitration-free case:
    its `arbitrate_status` stays 0."""
    sim["arbitration"] = {"step": "refund_paid", "at": at, "then": then, "appeal": False}


def detail_info(asale: Any) -> dict[str, Any]:
    """The Detail's `process_info.arbitrate_info` (SDK `ArbitrateInfo`); the SDK's empty one
    (status 0, empty strings) for a request never taken to the platform."""
    case = asale.sim.get("arbitration") or {}
    status = case.get("status", int(A.NONE))
    deadline = case.get("deadline")
    return {
        "arbitrate_id": case.get("id", ""),
        "arbitrate_status": status,
        "is_required_evidence": status == A.AWAITING_MERCHANT_EVIDENCE,
        "arbitrate_status_deadline": (
            datetime.fromtimestamp(deadline, SHANGHAI).strftime(DEADLINE_FORMAT) if deadline else ""
        ),
        "arbitrate_opinion": "",
        "arbitrate_conclusion": 0,
        "arbitrate_create_time": case.get("created", 0),
        "arbitrate_update_time": case.get("updated", 0),
        "arbitrate_evidence_tmpl": None,
        "arbitrate_evidence": None,
        "arbitrate_blame": 0,
    }
