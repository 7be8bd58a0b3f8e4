"""What Douyin's calls carry when goods go out or come back: exchanges, resends, repairs.

Owns the `logistics` object of an `afterSale.operate` item (`receiver_address_id`, an
int64, for 101/301/601; `company_code` and `logistics_code` for 311, the exchange's new
goods, and for 611, the repaired goods) and the `afterSale.fillLogistics` call that sends
a resend's goods (`send_type` 1). The adapter (`adapter.decide`) asks; which decision
goes by which call is mapping.py's. Sources: docs/platforms/douyin.md "afterSale.operate"
and "afterSale.fillLogistics" (zsmhub/doudian-sdk, `Logistics` and
`AfterSaleFillLogisticsParam`); 611 carrying the logistics is ours.
"""

from __future__ import annotations

from typing import Any

from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import Decision
from app.platforms.douyin import codes
from app.platforms.port import DecisionToSend, Refused

# Decisions that send goods out: the platform needs the carrier and the tracking number.
SENDS_GOODS = (Decision.CONFIRM_EXCHANGE_RECEIPT, Decision.SHIP_REPLACEMENT)

PROBLEM_NO_SHIPMENT = QT_TRANSLATE_NOOP(
    "sync",
    "The platform needs the carrier and tracking number of the goods you send out, and this decision "
    "has none (it was queued by an older version of this app). Discard it and decide again: the dialog "
    "asks for them.",
)
PROBLEM_BAD_ADDRESS = QT_TRANSLATE_NOOP(
    "sync",
    "The return address of this decision is not a number the platform knows (an address id from the "
    "shop's address list). Discard it and decide again with one of the shop's return addresses.",
)


def address_id(value: Any) -> int | None:
    """A return address id as Douyin types it (int64): an int, or digits; None when absent.
    Raises ValueError for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).strip().isdigit():
        raise ValueError(f"not an address id: {value!r}")
    return int(str(value).strip())


def operate_logistics(decision: DecisionToSend) -> dict[str, Any]:
    """The item's `logistics` for an operate ({} when it carries none)."""
    logistics: dict[str, Any] = {}
    try:
        receiver = address_id(decision.return_address_id)
    except ValueError:
        raise Refused(
            PROBLEM_BAD_ADDRESS, detail=f"receiver_address_id {decision.return_address_id!r}"
        ) from None
    if receiver is not None:
        logistics["receiver_address_id"] = receiver
    if decision.decision in SENDS_GOODS:
        logistics.update(_shipment(decision))
    return logistics


def resend_shipment(decision: DecisionToSend) -> dict[str, Any]:
    """`afterSale.fillLogistics` for a resend's goods: `aftersale_id` is an int64 there."""
    shipment = _shipment(decision)
    return {
        "aftersale_id": int(decision.request_id),
        "send_type": codes.SEND_TYPE_RESEND,
        "company_code": shipment["company_code"],
        "tracking_no": shipment["logistics_code"],
    }


def _shipment(decision: DecisionToSend) -> dict[str, str]:
    if not decision.carrier_code.strip() or not decision.tracking_no.strip():
        raise Refused(PROBLEM_NO_SHIPMENT, detail=f"{decision.decision} without carrier or tracking number")
    return {"company_code": decision.carrier_code.strip(), "logistics_code": decision.tracking_no.strip()}
