"""What a decision leads to, and what the platform does alone at a deadline, in the app's words
(app/services/refunds/outcomes.py): the app's expectation says exactly what Douyin's own
tables say, translated through the one mapping (app/platforms/douyin/mapping.py)."""

from __future__ import annotations

from app.core.vocabulary import REFUSING_DECISIONS, STATES_AWAITING_SHOP, Decision, RequestKind, RequestState
from app.platforms.douyin import mapping
from app.platforms.douyin.codes import (
    FILL_LOGISTICS_METHOD,
    FILL_LOGISTICS_TRANSITIONS,
    OPERATE_TRANSITIONS,
    PLATFORM_TIMEOUT,
)
from app.services.people import permissions
from app.services.refunds import outcomes

K, S = RequestKind, RequestState


def in_app_words(table: dict[tuple[int, int], int]) -> dict[tuple[RequestKind, RequestState], RequestState]:
    """A Douyin table {(type, status): status} in the app's words."""
    translated = {}
    for (type_, status), to_status in table.items():
        kind, state = mapping.request_kind(type_), mapping.request_state(status)
        to_state = mapping.request_state(to_status)
        assert kind is not None and state is not None and to_state is not None
        translated[(kind, state)] = to_state
    return translated


def test_every_decision_leads_where_douyins_operate_table_says() -> None:
    # A decision goes out by kind (201 or 401; 102 or 302), and one type may send two
    # decisions (611): each expected move is looked up under the type that sends it.
    kinds = {word: code for code, word in mapping.REQUEST_KINDS.items()}
    states = {word: code for code, word in mapping.REQUEST_STATES.items()}
    covered = set()
    for decision, moves in outcomes.DECISION_OUTCOMES.items():
        for (kind, state), to_state in moves.items():
            key = (kinds[kind], states[state])
            if mapping.sent_by_fill_logistics(decision, kind):
                sent_by: object = FILL_LOGISTICS_METHOD
                table = FILL_LOGISTICS_TRANSITIONS
            else:
                sent_by = mapping.operate_type(decision, kind)
                table = OPERATE_TRANSITIONS[sent_by]
            assert mapping.request_state(table[key]) == to_state, (decision, kind, state)
            covered.add((sent_by, key))
    douyin = {(code, key) for code, moves in OPERATE_TRANSITIONS.items() for key in moves}
    douyin |= {(FILL_LOGISTICS_METHOD, key) for key in FILL_LOGISTICS_TRANSITIONS}
    assert covered == douyin
    assert set(outcomes.DECISION_OUTCOMES) == set(Decision)


def test_the_platform_acts_alone_at_the_deadline_as_douyins_timeout_table_says() -> None:
    assert in_app_words(PLATFORM_TIMEOUT) == outcomes.TIMEOUT_OUTCOMES
    # Only requests waiting for the shop have a deadline the platform acts on; what it does
    # when a resend or repair waits for the shop's shipment (status 8) is not on the record.
    assert {state for _, state in outcomes.TIMEOUT_OUTCOMES} == set(STATES_AWAITING_SHOP) - {
        S.AWAITING_SHOP_SHIPMENT
    }


def test_the_first_allowed_decision_is_taken_with_where_it_leads() -> None:
    refund_only = (K.REFUND_AFTER_SHIPMENT, S.AWAITING_SHOP)
    assert outcomes.first_allowed(REFUSING_DECISIONS, *refund_only) == (Decision.REFUSE_REFUND, S.REFUSED)
    returned = (K.RETURN_AND_REFUND, S.RETURN_AWAITING_INSPECTION)
    assert outcomes.first_allowed(REFUSING_DECISIONS, *returned) == (
        Decision.REFUSE_RETURNED_GOODS,
        S.REFUSED_AFTER_RETURN,
    )
    assert outcomes.first_allowed((Decision.APPROVE_REFUND,), *returned) is None


def test_unknown_or_missing_words_allow_nothing() -> None:
    assert outcomes.outcome(Decision.APPROVE_REFUND, None, S.AWAITING_SHOP) is None
    assert outcomes.outcome(Decision.APPROVE_REFUND, "refund_after_shipment", "no_such_state") is None
    assert not outcomes.allows(Decision.AGREE_RETURN, K.REFUND_BEFORE_SHIPMENT, S.AWAITING_SHOP)
    assert outcomes.at_timeout(K.RESEND, S.AWAITING_SHOP) == S.AWAITING_SHOP_SHIPMENT
    assert outcomes.at_timeout(K.RESEND, S.REFUSED) is None and outcomes.at_timeout(None, None) is None


def test_the_decisions_the_daily_limit_counts_are_those_that_refund() -> None:
    paying = {
        decision for decision, moves in outcomes.DECISION_OUTCOMES.items() if S.REFUNDED in moves.values()
    }
    assert paying == permissions.PAYING_DECISIONS
