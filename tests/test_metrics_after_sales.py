"""The service metrics of after-sales, from the status changes the sync's ingest records.

Requests are pulled as the sync pulls them (tests/metric_shop.py `pull`): first
awaiting the merchant, then in each later status; or, as the 90-day backfill does,
first seen already decided, when the moment is only known as the record's
`update_time`. Every test runs on SQLite and PostgreSQL; the numbers are in the comments.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import Decision, RequestState
from app.db import open_database
from app.models import OutboxOperation
from app.models import outbox as outbox_state
from app.services import outbox
from app.services.metrics.drill_down import drill_down
from tests.metric_shop import (
    END,
    HOUR,
    NOW,
    START,
    S,
    T,
    a_request,
    an_order,
    at,
    moved,
    pull,
    report,
    seed_orders,
)


@pytest.fixture
def sessions(database_url: str) -> sessionmaker[Session]:
    return open_database(database_url)[1]


@pytest.fixture
def order(sessions):
    shipped = an_order(paid=at(11), shipped=at(11, 8))
    seed_orders(sessions, [shipped])
    return shipped


def drilled(sessions: sessionmaker[Session], key: str) -> list[str]:
    with sessions() as session:
        return sorted(row.id for row in drill_down(session, key, start=START, end=END, now=NOW))


def test_review_time_runs_from_application_to_the_first_answer_or_the_platforms_timeout(
    sessions, order
) -> None:
    """Refused after 5 h; agreed by the platform at the 48 h deadline; first seen (backfill)
    refused 1 h after applying: (5 + 48 + 1) / 3 = 18 h. Not reviews: a request the buyer
    closed, a fast refund (refunded 10 s after applying, first seen so), and a return
    first seen already refunded (its review's end is unknown)."""
    applied = at(12, 8)
    refused = a_request(order, applied=applied)
    timed_out = a_request(order, applied=applied)
    closed = a_request(order, applied=applied)
    pull(sessions, refused, timed_out, closed)
    pull(
        sessions,
        moved(refused, S.MERCHANT_REFUSED, applied + 5 * HOUR),
        moved(closed, S.CLOSED, applied + HOUR),
    )
    pull(sessions, moved(timed_out, S.REFUNDED, applied + 48 * HOUR))
    backfilled = moved(a_request(order, applied=applied), S.MERCHANT_REFUSED, applied + HOUR)
    fast = moved(a_request(order, applied=applied, type_=T.REFUND_BEFORE_SHIPMENT), S.REFUNDED, applied + 10)
    returned = moved(
        a_request(order, applied=applied, type_=T.RETURN_AND_REFUND), S.REFUNDED, applied + 96 * HOUR
    )
    pull(sessions, backfilled, fast, returned)
    metric = report(sessions).metrics["review_time_h"]
    assert metric.count == 3 and metric.value == pytest.approx(18.0)
    assert metric.series[at(12)] == pytest.approx((5 + 1) / 2) and metric.series[at(14)] == pytest.approx(
        48.0
    )
    expected = sorted(r["aftersale_id"] for r in (refused, timed_out, backfilled))
    assert drilled(sessions, "review_time_h") == expected


def test_refund_duration_runs_from_application_to_refunded(sessions, order) -> None:
    """Refunded 30 h after applying; a fast refund after 10 s; a return first seen refunded
    96 h after applying (its update_time): (30 h + 10 s + 96 h) / 3."""
    applied = at(12, 8)
    refund = a_request(order, applied=applied)
    pull(sessions, refund)
    pull(sessions, moved(refund, S.REFUNDED, applied + 30 * HOUR))
    fast = moved(a_request(order, applied=applied, type_=T.REFUND_BEFORE_SHIPMENT), S.REFUNDED, applied + 10)
    returned = moved(
        a_request(order, applied=applied, type_=T.RETURN_AND_REFUND), S.REFUNDED, applied + 96 * HOUR
    )
    pull(sessions, fast, returned)
    metric = report(sessions).metrics["refund_time_h"]
    assert metric.count == 3
    assert metric.value == pytest.approx((30 * HOUR + 10 + 96 * HOUR) / 3 / HOUR)


def test_timeout_approvals_are_the_platforms_moves_at_the_deadline_without_the_shops_answer(
    sessions, order
) -> None:
    """Counted: a refund agreed at its deadline; a return agreed at its deadline and later
    refunded at the receipt deadline (two); a refund first seen refunded 50 h after
    applying (backfill, past the 48 h fallback). Not counted: agreed a minute before the
    deadline; agreed at the deadline by this app's decision (an outbox operation done);
    agreed 50 h after applying under a deadline the platform had extended to 72 h; first
    seen refunded 20 h after applying."""
    applied = at(12, 8)
    deadline = applied + 48 * HOUR
    at_deadline = a_request(order, applied=applied)
    return_request = a_request(order, applied=applied, type_=T.RETURN_AND_REFUND)
    in_time = a_request(order, applied=applied)
    ours = a_request(order, applied=applied)
    extended = a_request(order, applied=applied, status_deadline=applied + 72 * HOUR)
    pull(sessions, at_deadline, return_request, in_time, ours, extended)
    pull(
        sessions,
        moved(at_deadline, S.REFUNDED, deadline),
        moved(return_request, S.AWAITING_BUYER_RETURN, deadline, deadline + 7 * 24 * HOUR),
        moved(in_time, S.REFUNDED, deadline - 60),
        moved(ours, S.REFUNDED, deadline),
        moved(extended, S.REFUNDED, applied + 50 * HOUR),
    )
    received = deadline + 30 * HOUR
    pull(sessions, moved(return_request, S.RETURN_AWAITING_RECEIPT, received, received + 48 * HOUR))
    pull(sessions, moved(return_request, S.REFUNDED, received + 48 * HOUR))
    backfilled = moved(a_request(order, applied=applied), S.REFUNDED, applied + 50 * HOUR)
    backfilled_in_time = moved(a_request(order, applied=applied), S.REFUNDED, applied + 20 * HOUR)
    pull(sessions, backfilled, backfilled_in_time)
    with sessions.begin() as session:
        outbox.enqueue_decision(
            session,
            request_id=ours["aftersale_id"],
            decision=Decision.APPROVE_REFUND,
            details={},
            based_on_update_time=None,
            expected_from=RequestState.AWAITING_SHOP,
            expected_to=RequestState.REFUNDED,
            actor=None,
            now=deadline - 5,
        )
        session.scalars(select(OutboxOperation)).one().state = outbox_state.DONE
    metric = report(sessions).metrics["timeout_approvals"]
    assert metric.value == 4
    assert metric.series[at(14)] == 3 and metric.series[at(17)] == 1  # the receipt deadline: 17th 14:00
    expected = [at_deadline, return_request, return_request, backfilled]
    assert drilled(sessions, "timeout_approvals") == sorted(r["aftersale_id"] for r in expected)


def test_rejection_rate_is_refusals_over_final_answers(sessions, order) -> None:
    """Final answers: refused at review, refused after the return, refunded, an exchange
    going ahead (then done: still one answer) -> 2 refused of 4. A request closed (the
    buyer never sent the goods) and a fast refund are nobody's answer."""
    applied = at(12, 8)
    refused = a_request(order, applied=applied)
    refused_after_return = a_request(order, applied=applied, type_=T.RETURN_AND_REFUND)
    refunded = a_request(order, applied=applied)
    exchange = a_request(order, applied=applied, type_=T.EXCHANGE)
    closed = a_request(order, applied=applied, type_=T.RETURN_AND_REFUND)
    pull(sessions, refused, refused_after_return, refunded, exchange, closed)
    step = applied + 2 * HOUR
    pull(
        sessions,
        moved(refused, S.MERCHANT_REFUSED, step),
        moved(refused_after_return, S.AWAITING_BUYER_RETURN, step),
        moved(refunded, S.REFUNDED, step),
        moved(exchange, S.AWAITING_BUYER_RETURN, step),
        moved(closed, S.AWAITING_BUYER_RETURN, step),
    )
    step += 24 * HOUR
    for request in (refused_after_return, exchange):
        pull(sessions, moved(request, S.RETURN_AWAITING_RECEIPT, step))
    pull(sessions, moved(closed, S.CLOSED, step))
    step += 24 * HOUR
    pull(
        sessions,
        moved(refused_after_return, S.REFUSED_AFTER_RETURN, step),
        moved(exchange, S.EXCHANGE_IN_PROGRESS, step),
    )
    pull(sessions, moved(exchange, S.EXCHANGE_DONE, step + 48 * HOUR))
    pull(
        sessions,
        moved(a_request(order, applied=applied, type_=T.REFUND_BEFORE_SHIPMENT), S.REFUNDED, applied + 5),
    )
    metric = report(sessions).metrics["rejection_rate"]
    assert (metric.numerator, metric.denominator) == (2, 4)
    assert drilled(sessions, "rejection_rate") == sorted(
        r["aftersale_id"] for r in (refused, refused_after_return)
    )


def test_a_request_reopened_by_the_buyer_is_reviewed_once_and_decided_twice(sessions, order) -> None:
    """Refused after 2 h, the buyer changes the request (back to the merchant), agreed 4 h
    after that: its review time is the first answer's 2 h; it had two final answers."""
    applied = at(12, 8)
    request = a_request(order, applied=applied)
    pull(sessions, request)
    pull(sessions, moved(request, S.MERCHANT_REFUSED, applied + 2 * HOUR))
    pull(sessions, moved(request, S.AWAITING_MERCHANT, applied + 3 * HOUR, applied + 51 * HOUR))
    pull(sessions, moved(request, S.REFUNDED, applied + 7 * HOUR))
    result = report(sessions).metrics
    assert result["review_time_h"].count == 1 and result["review_time_h"].value == pytest.approx(2.0)
    assert (result["rejection_rate"].numerator, result["rejection_rate"].denominator) == (1, 2)
