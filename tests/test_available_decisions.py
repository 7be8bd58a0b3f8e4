"""Which decision a request's "approve" and "refuse" stand for: the service answers, the
refund queue's dialogs follow (services/refunds/available_decisions.py)."""

from __future__ import annotations

from app.core.vocabulary import Decision, RequestKind, RequestState
from app.services.refunds.available_decisions import decisions_for

K, S, D = RequestKind, RequestState, Decision


def test_a_refund_after_shipment_is_approved_or_refused_as_a_refund() -> None:
    decisions = decisions_for(K.REFUND_AFTER_SHIPMENT, S.AWAITING_SHOP)
    assert (decisions.yes, decisions.no) == (D.APPROVE_REFUND, D.REFUSE_REFUND)
    assert not decisions.inspection and not decisions.goods_come_back and not decisions.refuse_by_shipping


def test_a_refund_before_shipment_is_approved_or_refused_only_by_shipping_the_order() -> None:
    decisions = decisions_for(K.REFUND_BEFORE_SHIPMENT, S.AWAITING_SHOP)
    assert (decisions.yes, decisions.no, decisions.refuse_by_shipping) == (D.APPROVE_REFUND, None, True)
    assert not decisions_for(K.REFUND_BEFORE_SHIPMENT, S.REFUNDED).refuse_by_shipping


def test_a_return_is_agreed_to_an_address_then_its_goods_are_inspected() -> None:
    asked = decisions_for(K.RETURN_AND_REFUND, S.AWAITING_SHOP)
    assert (asked.yes, asked.no, asked.inspection, asked.goods_come_back) == (
        D.AGREE_RETURN, D.REFUSE_RETURN, False, True,
    )  # fmt: skip
    arrived = decisions_for(K.RETURN_AND_REFUND, S.RETURN_AWAITING_INSPECTION)
    assert (arrived.yes, arrived.no, arrived.inspection) == (
        D.ACCEPT_RETURNED_GOODS, D.REFUSE_RETURNED_GOODS, True,
    )  # fmt: skip


def test_an_exchange_is_agreed_then_its_goods_confirmed_or_refused_without_an_inspection() -> None:
    asked = decisions_for(K.EXCHANGE, S.AWAITING_SHOP)
    assert (asked.yes, asked.no, asked.goods_come_back) == (D.AGREE_EXCHANGE, D.REFUSE_RETURN, True)
    arrived = decisions_for(K.EXCHANGE, S.RETURN_AWAITING_INSPECTION)
    assert (arrived.yes, arrived.no, arrived.inspection) == (
        D.CONFIRM_EXCHANGE_RECEIPT, D.REFUSE_RETURNED_GOODS, False,
    )  # fmt: skip


def test_a_resend_is_agreed_with_nothing_coming_back() -> None:
    decisions = decisions_for(K.RESEND, S.AWAITING_SHOP)
    assert (decisions.yes, decisions.no) == (D.AGREE_EXCHANGE, D.REFUSE_REFUND)
    assert not decisions.goods_come_back


def test_a_settled_request_has_no_refusal_and_keeps_its_yes_for_the_service_to_refuse() -> None:
    decisions = decisions_for(K.REFUND_AFTER_SHIPMENT, S.REFUNDED)
    assert decisions.no is None
    assert decisions.yes is D.APPROVE_REFUND  # the service says why it no longer applies
