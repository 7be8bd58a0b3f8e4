"""How the TikTok shop's orders, returns and cancellations move: the one place their state changes.

Owns orders and returns (the wire JSON as the public API answers it, plus the simulator's
private schedule in `sim`; cancellations are cancellations.py's) and their pure transitions
— a partial refund offer and the buyer's answer too — used alike by the
history generator, the platform's own hand (platform.py) and the seller's calls
(actions.py), so a history row and a live one never differ in shape. Every change stamps
`update_time` with the moment it happened; a return's history (its `records`) grows
with each actor's step, role BUYER / SELLER / SYSTEM.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from app.sandbox.clock import DAY, HOUR
from app.sandbox.tiktok import catalogue, codes
from app.sandbox.tiktok.codes import (
    APPROVALS,
    AUTO_DECISION,
    REJECTIONS,
    SELLER_ACTION,
    OrderStatus,
    PackageStatus,
    ReturnStatus,
    ReturnType,
    Role,
)

# (ours) the carrier's first scan after the label is made, and the trip to the buyer.
PICKUP_HOURS = (2, 30)
DELIVERY_DAYS = (2, 6)


# The states where the seller owes an answer (the first two: the buyer may still withdraw).
ANSWERABLE = (ReturnStatus.PENDING, ReturnStatus.REPLACEMENT_PENDING, ReturnStatus.BUYER_SHIPPED_ITEM)
RESPONSE_WINDOW: dict[str, int] = {
    ReturnStatus.BUYER_SHIPPED_ITEM: codes.RECEIVED_PACKAGE_REVIEW_S,
    ReturnStatus.REPLACEMENT_PENDING: codes.REPLACEMENT_RESPONSE_S,
}
# The scheduled platform step of an order in each status (a StrEnum key matches its string).
_ORDER_STEP: dict[str, str] = {
    OrderStatus.ON_HOLD: "hold_until",
    OrderStatus.AWAITING_COLLECTION: "pickup_at",
    OrderStatus.IN_TRANSIT: "deliver_at",
    OrderStatus.DELIVERED: "complete_at",
}


@dataclass
class Order:
    data: dict[str, Any]  # exactly one element of data.orders[]
    sim: dict[str, Any] = field(default_factory=dict)  # schedule + packages

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def status(self) -> str:
        return str(self.data["status"])

    def next_at(self) -> int | None:
        sim, status = self.sim, self.status
        if status == OrderStatus.UNPAID:
            cancel_at = self.data["create_time"] + codes.UNPAID_CANCEL_S
            return min(sim.get("pay_at") or cancel_at, cancel_at)
        key = _ORDER_STEP.get(status)
        return sim.get(key) if key else None


@dataclass
class Return:
    data: dict[str, Any]  # exactly one element of data.return_orders[]
    records: list[dict[str, Any]] = field(default_factory=list)  # data.records[] of …/records
    sim: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return str(self.data["return_id"])

    @property
    def order_id(self) -> str:
        return str(self.data["order_id"])

    @property
    def status(self) -> str:
        return str(self.data["return_status"])

    @property
    def type(self) -> str:
        return str(self.data["return_type"])

    def deadline(self) -> int | None:
        steps = self.data.get("seller_next_action_response") or []
        return min((step["deadline"] for step in steps), default=None)

    def next_at(self) -> int | None:
        status, sim = self.status, self.sim
        if status in ANSWERABLE:
            return earliest(sim.get("withdraw_at"), self.deadline())
        if status == ReturnStatus.AWAITING_BUYER_SHIP:
            return earliest(sim.get("buyer_ship_at"), sim.get("ship_deadline"))
        if status == ReturnStatus.SUCCESS:
            return sim.get("complete_at")
        if status == ReturnStatus.AWAITING_BUYER_RESPONSE:
            return sim.get("buyer_answer_at")
        return None


def earliest(*times: int | None) -> int | None:
    return min((at for at in times if at is not None), default=None)


def entity_rng(seed: int, entity_id: str, salt: str) -> random.Random:
    """A generator private to one entity and step: outcomes do not depend on call order."""
    return random.Random(f"{seed}/{entity_id}/{salt}")


# --- orders ----------------------------------------------------------------------------
def set_order_status(order: Order, status: str, at: int) -> None:
    order.data["status"] = status
    order.data["update_time"] = at
    for line in order.data["line_items"]:
        line["display_status"] = status


def _set_packages(order: Order, status: str, at: int, **fields: Any) -> None:
    for package in order.sim["packages"]:
        package.update(status=status, update_time=at, **fields)
    for line in order.data["line_items"]:
        line["package_status"] = status


def pay(order: Order, at: int, ship_within_s: int) -> None:
    """Paid: ON_HOLD for the remorse hour; the ship-by promises are set from payment."""
    data = order.data
    data["paid_time"] = at
    rts = at + ship_within_s
    # The record's meanings (PC get-order-list): rts_sla_time the latest shipping time,
    # tts_sla_time the latest collection time, shipping_due_time / collection_due_time when the
    # platform cancels an order not yet AWAITING_COLLECTION / IN_TRANSIT. The spans are ours, and
    # this sandbox does not cancel at those two (a desk's tests may leave orders unshipped).
    data.update(
        rts_sla_time=rts,
        tts_sla_time=rts + DAY,
        shipping_due_time=rts + 3 * DAY,
        collection_due_time=rts + 5 * DAY,
        delivery_sla_time=rts + codes.DELIVER_WITHIN_S,
        delivery_due_time=rts + codes.DELIVER_WITHIN_S,
        delivery_option_required_delivery_time=rts + codes.DELIVER_WITHIN_S,
        is_on_hold_order=True,
    )
    order.sim.pop("pay_at", None)
    order.sim["hold_until"] = at + codes.ON_HOLD_S
    set_order_status(order, OrderStatus.ON_HOLD, at)


def release_hold(order: Order, at: int) -> None:
    """The remorse hour is over: the order awaits shipment, and the seller sees the address
    (the record: `recipient_address` is absent under UNPAID and ON_HOLD)."""
    order.data["is_on_hold_order"] = False
    order.data["recipient_address"] = order.sim.pop("recipient_address")
    order.sim.pop("hold_until", None)
    set_order_status(order, OrderStatus.AWAITING_SHIPMENT, at)


def cancel_order(order: Order, at: int, initiator: str, reason: str) -> None:
    data = order.data
    data.update(cancel_time=at, cancel_reason=reason, cancellation_initiator=initiator)
    data["is_buyer_request_cancel"] = False
    data["is_on_hold_order"] = False
    for line in data["line_items"]:
        line.update(cancel_user=initiator, cancel_reason=reason)
    for key in ("pay_at", "hold_until"):
        order.sim.pop(key, None)
    _set_packages(order, "CANCELLED", at)
    set_order_status(order, OrderStatus.CANCELLED, at)


def ship(
    order: Order, at: int, provider: catalogue.Provider, tracking_number: str, rng: random.Random
) -> None:
    """The seller's label is on the parcel: AWAITING_COLLECTION until the carrier's first scan."""
    data = order.data
    data.update(
        tracking_number=tracking_number,
        shipping_provider=provider.name,
        shipping_provider_id=provider.id,
        rts_time=at,
    )
    for line in data["line_items"]:
        line.update(
            tracking_number=tracking_number,
            shipping_provider_id=provider.id,
            shipping_provider_name=provider.name,
            rts_time=at,
        )
    _set_packages(
        order,
        PackageStatus.PROCESSING,
        at,
        tracking_number=tracking_number,
        shipping_provider_id=provider.id,
        shipping_provider_name=provider.name,
    )
    pickup = at + int(rng.uniform(*PICKUP_HOURS) * HOUR)
    deliver = pickup + int(rng.uniform(*DELIVERY_DAYS) * DAY)
    order.sim.update(
        pickup_at=pickup, deliver_at=deliver, complete_at=deliver + codes.COMPLETE_AFTER_DELIVERY_S
    )
    set_order_status(order, OrderStatus.AWAITING_COLLECTION, at)


def run_order_due(order: Order, at: int) -> str | None:
    """The platform's step for an order due at `at`; what happened, or None."""
    status, sim = order.status, order.sim
    if status == OrderStatus.UNPAID:
        if sim.get("pay_at") is not None and sim["pay_at"] <= at:
            pay(order, sim["pay_at"], sim.get("ship_within_s", 3 * DAY))
            return "buyer_paid"
        cancel_order(
            order, order.data["create_time"] + codes.UNPAID_CANCEL_S, Role.SYSTEM, codes.UNPAID_CANCEL_REASON
        )
        return "unpaid_cancelled"
    if status == OrderStatus.ON_HOLD:
        release_hold(order, sim["hold_until"])
        return "hold_released"
    if status == OrderStatus.AWAITING_COLLECTION:
        order.data["collection_time"] = sim["pickup_at"]
        _set_packages(order, PackageStatus.FULFILLING, sim["pickup_at"])
        set_order_status(order, OrderStatus.IN_TRANSIT, sim.pop("pickup_at"))
        return "carrier_collected"
    if status == OrderStatus.IN_TRANSIT:
        order.data["delivery_time"] = sim["deliver_at"]
        _set_packages(order, PackageStatus.COMPLETED, sim["deliver_at"])
        set_order_status(order, OrderStatus.DELIVERED, sim.pop("deliver_at"))
        return "delivered"
    if status == OrderStatus.DELIVERED:
        set_order_status(order, OrderStatus.COMPLETED, sim.pop("complete_at"))
        return "completed"
    return None


# --- returns ---------------------------------------------------------------------------
def record(ret: Return, role: str, event: str, at: int, description: str, **extra: Any) -> None:
    """One step in the return's history, as GET …/returns/{id}/records lists it."""
    entry: dict[str, Any] = {"event": event, "role": role, "description": description}
    entry["reason_text"] = extra.pop("reason_text", "")
    entry["note"] = extra.pop("note", "")
    entry["images"] = extra.pop("images", [])
    entry["videos"] = extra.pop("videos", [])
    entry["create_time"] = at
    ret.records.append(entry)


def set_return_status(ret: Return, status: str, at: int) -> None:
    """New status; the seller's next action and its deadline follow from (type, status)."""
    data = ret.data
    data["return_status"] = status
    data["update_time"] = at
    action = SELLER_ACTION.get((ret.type, status))
    if action is None:
        data["seller_next_action_response"] = []
    else:
        window = RESPONSE_WINDOW.get(status, codes.SELLER_RESPONSE_S)
        data["seller_next_action_response"] = [{"action": action, "deadline": at + window}]


def decide_return(
    ret: Return,
    decision: str,
    at: int,
    seed: int,
    buyer_keep_item: bool = False,
    offer: dict[str, str] | None = None,
) -> str | None:
    """Apply an approve/reject `decision`; the new status, or None when it does not apply here.

    APPROVE_RETURN with `buyer_keep_item` refunds without the goods coming back (Partner Center
    ApproveReturn: "the seller will refund without requiring the buyer to send the product
    back"). An approved replacement leaves `sim["replacement_at"]`: the platform then makes
    the new order the seller ships (replacements.py)."""
    table = APPROVALS.get(decision) or REJECTIONS.get(decision) or {}
    new = table.get((ret.type, ret.status))
    if new is None:
        return None
    if buyer_keep_item and decision == "APPROVE_RETURN":
        new = ReturnStatus.SUCCESS
        ret.data["can_buyer_keep_item"] = True
    ret.sim.pop("withdraw_at", None)
    set_return_status(ret, new, at)
    if new == ReturnStatus.SUCCESS:
        ret.sim["complete_at"] = at + codes.REFUND_SETTLE_S
    elif new == ReturnStatus.REPLACEMENT_COMPLETE:
        ret.sim["replacement_at"] = at
    elif new == ReturnStatus.AWAITING_BUYER_RESPONSE:  # OFFER_PARTIAL_REFUND with its `offer`
        rng = entity_rng(seed, ret.id, f"offer/{at}")
        ret.data.update(partial_refund=offer, seller_proposed_return_type="PARTIAL_REFUND")
        ret.sim["buyer_answer_at"] = at + int(rng.uniform(*codes.BUYER_ANSWER_HOURS) * HOUR)
        ret.sim["buyer_accepts"] = rng.random() < codes.BUYER_ACCEPTS_SHARE
    elif new == ReturnStatus.AWAITING_BUYER_SHIP:
        rng = entity_rng(seed, ret.id, "buyer-ship")
        ret.sim["ship_deadline"] = at + codes.BUYER_SHIP_WINDOW_S
        if rng.random() < 0.88:  # (ours) most buyers send the goods back, some never do
            ret.sim["buyer_ship_at"] = at + int(rng.uniform(6 * HOUR, 5 * DAY))
    return new


def buyer_ships_return(ret: Return, at: int, seed: int) -> None:
    rng = entity_rng(seed, ret.id, "return-parcel")
    provider = catalogue.pick_provider(rng)
    tracking = catalogue.new_tracking_number(rng, provider)
    ret.data.update(
        return_tracking_number=tracking, return_provider_name=provider.name, return_provider_id=provider.id
    )
    for key in ("buyer_ship_at", "ship_deadline"):
        ret.sim.pop(key, None)
    set_return_status(ret, ReturnStatus.BUYER_SHIPPED_ITEM, at)
    record(
        ret,
        Role.BUYER,
        "BUYER_SHIPPED_ITEM",
        at,
        f"Buyer shipped the item back with {provider.name}: {tracking}",
    )


def withdraw_return(ret: Return, at: int) -> None:
    """The buyer closes the request before the seller answered."""
    ret.sim.pop("withdraw_at", None)
    cancelled = ReturnStatus.REPLACEMENT_CANCEL if ret.type == ReturnType.REPLACEMENT else ReturnStatus.CANCEL
    set_return_status(ret, cancelled, at)
    record(ret, Role.BUYER, "BUYER_CANCELLED_REQUEST", at, "Buyer cancelled the request")


def run_return_due(ret: Return, at: int, seed: int) -> str | None:
    """The platform's (or the buyer's scheduled) step for a return due at `at`."""
    status, sim = ret.status, ret.sim
    withdraw_at = sim.get("withdraw_at")
    if withdraw_at is not None and withdraw_at <= at and status in ANSWERABLE[:2]:
        withdraw_return(ret, withdraw_at)
        return "buyer_cancelled_request"
    deadline = ret.deadline()
    if deadline is not None and deadline <= at:
        decision = AUTO_DECISION[(ret.type, status)]
        decide_return(ret, decision, deadline, seed)
        record(
            ret,
            Role.SYSTEM,
            "SYSTEM_AUTO_APPROVED",
            deadline,
            f"The seller did not respond in time; the platform approved automatically ({decision})",
        )
        return "auto_approved"
    if status == ReturnStatus.AWAITING_BUYER_SHIP:
        ship_at = sim.get("buyer_ship_at")
        if ship_at is not None and ship_at <= at:
            buyer_ships_return(ret, ship_at, seed)
            return "buyer_shipped_item"
        closed = sim.pop("ship_deadline")
        sim.pop("buyer_ship_at", None)
        set_return_status(ret, ReturnStatus.CANCEL, closed)
        record(ret, Role.SYSTEM, "SYSTEM_CLOSED_REQUEST", closed, "The buyer did not ship the item in time")
        return "closed_unshipped"
    if status == ReturnStatus.AWAITING_BUYER_RESPONSE:
        return _buyer_answers_offer(ret, sim.pop("buyer_answer_at"))
    if status == ReturnStatus.SUCCESS:
        done = sim.pop("complete_at")
        set_return_status(ret, ReturnStatus.COMPLETE, done)
        record(ret, Role.SYSTEM, "REFUND_COMPLETED", done, "The refund was paid to the buyer")
        return "refund_completed"
    return None


def _buyer_answers_offer(ret: Return, at: int) -> str:
    """The buyer takes the partial refund (refunded that much), or refuses it: pending again."""
    if ret.sim.pop("buyer_accepts", False):
        amount = ret.data["partial_refund"]["amount"]
        ret.data["refund_amount"] = {**ret.data["refund_amount"], "refund_total": amount}
        set_return_status(ret, ReturnStatus.SUCCESS, at)
        ret.sim["complete_at"] = at + codes.REFUND_SETTLE_S
        record(
            ret,
            Role.BUYER,
            "BUYER_ACCEPTED_PARTIAL_REFUND",
            at,
            f"Buyer accepted a partial refund of {amount}",
        )
        return "buyer_accepted_partial_refund"
    ret.data["buyer_rejected_partial_refund"] = True
    set_return_status(ret, ReturnStatus.PENDING, at)  # the seller answers again, by a new deadline
    record(ret, Role.BUYER, "BUYER_REJECTED_PARTIAL_REFUND", at, "Buyer rejected the partial refund offer")
    return "buyer_rejected_partial_refund"
