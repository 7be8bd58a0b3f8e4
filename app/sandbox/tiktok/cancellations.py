"""A buyer's request to cancel an order before it ships, and how it moves.

Owns the cancellation entity (one element of `data.cancellations[]` of
POST /return_refund/202309/cancellations/search, plus the simulator's schedule) and its
transitions: the request lands on the order (flagged, with the seller's deadline), the
seller approves (the order is cancelled, the refund settles) or rejects, the buyer may
withdraw, and the platform approves by itself at the deadline. Used alike by the
history, the platform's hand and the seller's calls, as lifecycle.py is for the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.sandbox.tiktok.codes import (
    CANCEL_RESPONSE_S,
    CANCEL_SELLER_ACTION,
    REFUND_SETTLE_S,
    CancelStatus,
    Role,
)
from app.sandbox.tiktok.lifecycle import Order, cancel_order, earliest


@dataclass
class Cancellation:
    data: dict[str, Any]  # exactly one element of data.cancellations[]
    sim: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return str(self.data["cancel_id"])

    @property
    def order_id(self) -> str:
        return str(self.data["order_id"])

    @property
    def status(self) -> str:
        return str(self.data["cancel_status"])

    def deadline(self) -> int | None:
        steps = self.data.get("seller_next_action_response") or []
        return min((step["deadline"] for step in steps), default=None)

    def next_at(self) -> int | None:
        if self.status == CancelStatus.PENDING:
            return earliest(self.sim.get("withdraw_at"), self.deadline())
        if self.status == CancelStatus.SUCCESS:
            return self.sim.get("complete_at")
        return None


def request_cancel(cancel: Cancellation, order: Order, at: int) -> None:
    """The buyer's request lands on the order: flagged, with the seller's deadline."""
    deadline = at + CANCEL_RESPONSE_S
    cancel.data["seller_next_action_response"] = [{"action": CANCEL_SELLER_ACTION, "deadline": deadline}]
    order.data.update(is_buyer_request_cancel=True, request_cancel_time=at, cancel_order_sla_time=deadline)
    order.data["update_time"] = at


def decide_cancel(
    cancel: Cancellation,
    order: Order,
    approve: bool,
    at: int,
    initiator: str = Role.BUYER,
    closed_by: str = Role.SELLER,
) -> None:
    """Approve (the order is cancelled; `initiator` is the order's cancellation_initiator) or
    close the request; `sim["closed_by"]` keeps who closed it (SELLER rejected, BUYER withdrew),
    which the wire does not tell apart (both CANCELLATION_REQUEST_CANCEL)."""
    data = cancel.data
    data["seller_next_action_response"] = []
    data["update_time"] = at
    cancel.sim.pop("withdraw_at", None)
    if approve:
        data["cancel_status"] = CancelStatus.SUCCESS
        cancel.sim["complete_at"] = at + REFUND_SETTLE_S
        cancel_order(order, at, initiator, data["cancel_reason_text"])
    else:
        data["cancel_status"] = CancelStatus.CANCEL
        cancel.sim["closed_by"] = closed_by
        order.data["is_buyer_request_cancel"] = False
        order.data["update_time"] = at


def run_cancel_due(cancel: Cancellation, order: Order, at: int) -> str | None:
    sim = cancel.sim
    if cancel.status == CancelStatus.PENDING:
        withdraw_at = sim.get("withdraw_at")
        if withdraw_at is not None and withdraw_at <= at:
            decide_cancel(cancel, order, False, withdraw_at, closed_by=Role.BUYER)
            return "buyer_withdrew_cancellation"
        deadline = cancel.deadline()
        if deadline is not None and deadline <= at:
            decide_cancel(cancel, order, True, deadline)
            return "cancellation_auto_approved"
        return None
    if cancel.status == CancelStatus.SUCCESS:
        done = sim.pop("complete_at")
        cancel.data["cancel_status"] = CancelStatus.COMPLETE
        cancel.data["update_time"] = done
        return "cancellation_refunded"
    return None
