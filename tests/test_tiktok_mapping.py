"""TikTok Shop's codes meet the app's words in one table each: every documented code has its
word (or is listed as having none, with the reason in mapping.py), and every decision the
refund queue offers on a kind a TikTok request can have goes to a call TikTok documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.core.vocabulary import (
    STATES_AWAITING_SHOP,
    ArbitrationState,
    Decision,
    RefundState,
    RequestKind,
    RequestState,
)
from app.platforms.port import Mover
from app.platforms.tiktok import codes, mapping
from app.services.refunds import outcomes
from app.services.refunds.available_decisions import decisions_for

# Every kind a TikTok request can be read as.
TIKTOK_KINDS = frozenset(
    {*mapping.RETURN_KINDS.values(), RequestKind.REFUND_BEFORE_SHIPMENT, *mapping.CANCELLED_BY.values()}
)


def test_every_order_status_has_its_word() -> None:
    assert {status: mapping.order_state(status) for status in codes.OrderStatus}.keys() == set(
        codes.OrderStatus
    )
    assert None not in {mapping.order_state(status) for status in codes.OrderStatus}
    assert mapping.order_state("") is None and mapping.order_state("NEW_STATUS") is None


def test_every_return_type_and_status_has_its_word_but_the_one_the_app_has_none_for() -> None:
    assert all(mapping.return_kind(code) for code in codes.ReturnType)
    without = {status for status in codes.ReturnStatus if mapping.return_state(status) is None}
    assert (
        without == set(mapping.RETURN_STATUSES_WITHOUT_WORD) == {codes.ReturnStatus.AWAITING_BUYER_RESPONSE}
    )
    # Both spellings of the refusal the public record uses mean the same.
    assert mapping.return_state("REFUND_OR_RETURN_REQUEST_REJECT") is RequestState.REFUSED
    assert mapping.return_state("RETURN_OR_REFUND_REQUEST_REJECT") is RequestState.REFUSED


@pytest.mark.parametrize(
    ("cancel_type", "role", "kind"),
    [
        ("BUYER_CANCEL", "BUYER", RequestKind.REFUND_BEFORE_SHIPMENT),
        ("REQUEST_CANCEL_REFUND", "BUYER", RequestKind.REFUND_BEFORE_SHIPMENT),
        ("CANCEL", "SELLER", RequestKind.CANCELLED_BY_SHOP),
        ("CANCEL", "SYSTEM", RequestKind.CANCELLED_BY_SYSTEM),
        ("CANCEL", "operator", RequestKind.CANCELLED_BY_SYSTEM),
        ("CANCEL", "BUYER", RequestKind.CANCELLED_BY_BUYER),
        ("CANCEL", "", None),
        ("SOMETHING", "BUYER", None),
    ],
)
def test_a_cancellation_s_kind_is_who_asked_or_made_it(
    cancel_type: str, role: str, kind: RequestKind | None
) -> None:
    assert mapping.cancellation_kind(cancel_type, role) == kind


def test_every_cancellation_status_has_its_word_for_each_kind() -> None:
    for kind in (RequestKind.REFUND_BEFORE_SHIPMENT, RequestKind.CANCELLED_BY_SHOP):
        assert None not in {mapping.cancellation_state(status, kind) for status in codes.CancelStatus}
    assert mapping.cancellation_state("CANCELLATION_REQUEST_SUCCESS", RequestKind.REFUND_BEFORE_SHIPMENT) == (
        RequestState.REFUNDED
    )
    assert mapping.cancellation_state(
        "CANCELLATION_REQUEST_CANCELLED", RequestKind.REFUND_BEFORE_SHIPMENT
    ) == (RequestState.CLOSED)


def test_every_arbitration_status_and_role_has_its_word() -> None:
    assert None not in {mapping.arbitration(code) for code in codes.ArbitrationStatus}
    assert (
        mapping.arbitration("") is ArbitrationState.NONE
        and mapping.arbitration(None) is ArbitrationState.NONE
    )
    assert {role: mapping.mover(role) for role in codes.Role} == {
        codes.Role.BUYER: Mover.BUYER,
        codes.Role.SELLER: Mover.SHOP,
        codes.Role.SYSTEM: Mover.PLATFORM,
        codes.Role.OPERATOR: Mover.PLATFORM,
    }
    assert mapping.mover("Buyer") is Mover.BUYER and mapping.mover("COURIER") is None


def queue_decisions(kind: RequestKind) -> set[Decision]:
    """Every decision the app's rules let the queue send on a request of `kind`."""
    return {
        decision
        for decision, moves in outcomes.decision_outcomes("tiktok").items()
        if any(k == kind for k, _ in moves)
    }


@pytest.mark.parametrize("kind", sorted(TIKTOK_KINDS))
def test_every_decision_the_queue_offers_on_a_tiktok_kind_is_a_documented_call(kind: RequestKind) -> None:
    for decision in queue_decisions(kind):
        call = mapping.decision_call(decision, kind)
        documented = codes.ApproveDecision if call.verb == codes.APPROVE else codes.RejectDecision
        if call.resource == codes.RETURNS:
            assert call.decision in documented._value2member_map_, (decision, kind)
            assert mapping.is_cancellation(kind) is False
        else:  # a cancellation is decided by its path alone
            assert (call.resource, call.decision, mapping.is_cancellation(kind)) == (
                codes.CANCELLATIONS,
                None,
                True,
            )
        refusing = decision in (
            Decision.REFUSE_REFUND,
            Decision.REFUSE_RETURN,
            Decision.REFUSE_RETURNED_GOODS,
        )
        assert mapping.is_approval(decision, kind) is not refusing


@pytest.mark.parametrize("kind", sorted(TIKTOK_KINDS - set(mapping.CANCELLED_BY.values())))
def test_a_request_awaiting_the_shop_can_be_answered_yes_and_no(kind: RequestKind) -> None:
    for state in STATES_AWAITING_SHOP:
        if not any(outcomes.allows(d, kind, state, platform="tiktok") for d in Decision):
            continue
        offered = decisions_for(kind, state, "tiktok")
        mapping.decision_call(offered.yes, kind)
        if offered.no is not None:
            mapping.decision_call(offered.no, kind)
    # And TikTok takes the refusal of a buyer's cancellation directly, unlike Douyin.
    assert (
        mapping.decision_call(Decision.REFUSE_REFUND, RequestKind.REFUND_BEFORE_SHIPMENT).verb == codes.REJECT
    )


def test_the_decisions_tiktok_has_no_call_for_are_never_sent() -> None:
    for decision, kind in [
        (Decision.SHIP_REPLACEMENT, RequestKind.EXCHANGE),
        (Decision.AGREE_RETURN, RequestKind.REFUND_AFTER_SHIPMENT),
        (Decision.APPROVE_REFUND, RequestKind.CANCELLED_BY_SHOP),
        (Decision.AGREE_EXCHANGE, RequestKind.RESEND),
    ]:
        with pytest.raises(KeyError):
            mapping.decision_call(decision, kind)


def test_a_returnless_refund_of_a_return_is_approve_return_keeping_the_item() -> None:
    call = mapping.decision_call(Decision.APPROVE_REFUND, RequestKind.RETURN_AND_REFUND)
    assert (call.resource, call.verb, call.decision, call.buyer_keep_item) == (
        codes.RETURNS,
        codes.APPROVE,
        "APPROVE_RETURN",
        True,
    )


def documented() -> dict[str, Any]:
    path = Path(__file__).parent / "contract" / "tiktok" / "code_tables.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_desk_reads_every_code_the_record_documents_and_no_code_it_does_not() -> None:
    record = documented()
    variants = record["_variants"]
    tables = {
        "order_status": codes.OrderStatus,
        "line_package_status": codes.PackageStatus,
        "return_type": codes.ReturnType,
        "return_status": codes.ReturnStatus,
        "arbitration_status": codes.ArbitrationStatus,
        "seller_next_action": codes.SellerAction,
        "approve_decision": codes.ApproveDecision,
        "reject_decision": codes.RejectDecision,
        "cancel_type": codes.CancelType,
        "cancel_status": codes.CancelStatus,
        "record_role": codes.Role,
    }
    for name, table in tables.items():
        known = set(record[name]) | set(variants.get(name, {}))
        assert {code.value for code in table} == known, name
    for status in [*record["return_status"], *variants["return_status"]]:
        assert mapping.return_state(status) is not None or status in mapping.RETURN_STATUSES_WITHOUT_WORD
    for status in [*record["cancel_status"], *variants["cancel_status"]]:
        assert mapping.cancellation_state(status, RequestKind.REFUND_BEFORE_SHIPMENT) is not None
    for role in {*record["return_role"], *record["cancel_role"], *record["cancellation_initiator"]}:
        assert mapping.mover(role) is not None


def test_a_replacement_moves_no_money_unless_it_is_refunded_instead() -> None:
    waiting = ("REPLACEMENT_REQUEST_PENDING", "RETURN_OR_REFUND_REQUEST_PENDING", "AWAITING_BUYER_SHIP")
    assert {mapping.return_refund(code, RequestKind.EXCHANGE) for code in waiting} == {RefundState.NONE}
    assert (
        mapping.return_refund("REPLACEMENT_REQUEST_REFUND_SUCCESS", RequestKind.EXCHANGE)
        is RefundState.SUCCEEDED
    )
    assert mapping.return_refund("BUYER_SHIPPED_ITEM", RequestKind.RETURN_AND_REFUND) is RefundState.PENDING
    assert mapping.return_refund("REFUND_OR_RETURN_REQUEST_REJECT", RequestKind.REFUND_AFTER_SHIPMENT) is None


# Where TikTok moves a request after each decision, as the record describes its statuses
# (PC SearchReturns.ts / code_tables.json: AWAITING_BUYER_SHIP "The return request was approved",
# RETURN_OR_REFUND_REQUEST_SUCCESS "approved. The buyer will be refunded", REJECT_RECEIVE_PACKAGE
# "Seller inspected the returned items and rejected", REPLACEMENT_REQUEST_COMPLETE "Seller has
# approved the buyer's replacement request", REPLACEMENT_REQUEST_REJECT "Seller reject …").
AFTER_DECISION = [
    (Decision.APPROVE_REFUND, RequestKind.REFUND_AFTER_SHIPMENT, "RETURN_OR_REFUND_REQUEST_SUCCESS"),
    (Decision.REFUSE_REFUND, RequestKind.REFUND_AFTER_SHIPMENT, "REFUND_OR_RETURN_REQUEST_REJECT"),
    (Decision.AGREE_RETURN, RequestKind.RETURN_AND_REFUND, "AWAITING_BUYER_SHIP"),
    (Decision.REFUSE_RETURN, RequestKind.RETURN_AND_REFUND, "REFUND_OR_RETURN_REQUEST_REJECT"),
    (Decision.ACCEPT_RETURNED_GOODS, RequestKind.RETURN_AND_REFUND, "RETURN_OR_REFUND_REQUEST_SUCCESS"),
    (Decision.REFUSE_RETURNED_GOODS, RequestKind.RETURN_AND_REFUND, "REJECT_RECEIVE_PACKAGE"),
    (Decision.AGREE_EXCHANGE, RequestKind.EXCHANGE, "REPLACEMENT_REQUEST_COMPLETE"),
    (Decision.REFUSE_RETURN, RequestKind.EXCHANGE, "REPLACEMENT_REQUEST_REJECT"),
]


@pytest.mark.parametrize(("decision", "kind", "status"), AFTER_DECISION)
def test_where_tiktok_moves_a_request_is_where_the_app_expects_the_decision_to_lead(
    decision: Decision, kind: RequestKind, status: str
) -> None:
    (state_before,) = {state for k, state in outcomes.decision_outcomes("tiktok")[decision] if k == kind}
    expected = outcomes.outcome(decision, kind, state_before, platform="tiktok")
    assert mapping.return_state(status) == expected
    # A buyer's cancellation approved: the refund before shipment is refunded.
    granted = mapping.cancellation_state("CANCELLATION_REQUEST_SUCCESS", RequestKind.REFUND_BEFORE_SHIPMENT)
    assert granted == outcomes.outcome(
        Decision.APPROVE_REFUND,
        RequestKind.REFUND_BEFORE_SHIPMENT,
        RequestState.AWAITING_SHOP,
        platform="tiktok",
    )
