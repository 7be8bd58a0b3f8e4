"""Today's pace: a rate judged as it would stand tonight if the rest of today goes as the
day went so far (app/services/metrics/pace.py), on reports the real metrics compute over
a real SQLite file. The numbers are worked out in each docstring."""

from __future__ import annotations

import pytest

from app.services.metrics.pace import past_limits, projected_value, today_start
from app.services.metrics.service_metrics import window_for
from tests.late_limit_rules import rules_with_a_late_limit
from tests.metric_shop import HOUR, S, T, a_request, an_order, at, moved, pull, report, seed_orders


def due_at(when: int, *, late: bool):
    """An order promised for `when` (24 h after payment), shipped an hour early or never."""
    paid = when - 24 * HOUR
    return an_order(paid=paid, ship_by=when, shipped=None if late else when - HOUR)


def seed_earlier_days(sessions, late: int, on_time: int) -> None:
    seed_orders(sessions, [due_at(at(15, 10), late=True) for _ in range(late)])
    seed_orders(sessions, [due_at(at(15, 10), late=False) for _ in range(on_time)])


def live_report(sessions, now: int):
    """The report with a 10% limit on the late rate (Douyin's rule set has none:
    tests/late_limit_rules.py)."""
    start, end = window_for(30, now)
    return report(sessions, start=start, end=end, now=now, rules=rules_with_a_late_limit())


def test_a_bad_morning_passes_the_limit_at_todays_pace(session_factory) -> None:
    """Earlier days: 1 late of 30. Today by noon: 2 late of 5. Now 3 of 35 = 8.6%, under
    the 10% limit; half the day is gone, so tonight at this pace 3 + 2 late of 35 + 5 due
    = 12.5%: past it."""
    seed_earlier_days(session_factory, late=1, on_time=29)
    seed_orders(session_factory, [due_at(at(20, 8), late=True) for _ in range(2)])
    seed_orders(session_factory, [due_at(at(20, 8), late=False) for _ in range(3)])
    result = live_report(session_factory, at(20, 12))
    assert result.metrics["late_rate"].value == pytest.approx(3 / 35)
    assert projected_value(result, "late_rate") == pytest.approx(5 / 40)
    assert past_limits(result) == {"late_rate": pytest.approx(0.125)}


def test_before_six_the_day_counts_as_a_quarter_gone(session_factory) -> None:
    """At 03:00 one order due at 01:00 is late, after 0 of 30 the days before: at the real
    pace (1/8 of the day gone) tonight would be 8 of 38; counted as a quarter gone it is
    1 + 3 late of 31 + 3 due = 4 of 34."""
    seed_earlier_days(session_factory, late=0, on_time=30)
    seed_orders(session_factory, [due_at(at(20, 1), late=True)])
    result = live_report(session_factory, at(20, 3))
    assert projected_value(result, "late_rate") == pytest.approx(4 / 34)


def test_a_good_day_so_far_keeps_the_window_as_it_is(session_factory) -> None:
    """Earlier days 2 late of 10 (20%); nothing due today yet: tonight is the same 20%."""
    seed_earlier_days(session_factory, late=2, on_time=8)
    result = live_report(session_factory, at(20, 12))
    assert projected_value(result, "late_rate") == pytest.approx(0.2)
    assert set(past_limits(result)) == {"late_rate"}


def test_a_past_window_is_what_it_was(session_factory) -> None:
    """A window that ended yesterday has no pace: its value is final."""
    seed_earlier_days(session_factory, late=1, on_time=9)
    seed_orders(session_factory, [due_at(at(20, 8), late=True) for _ in range(5)])
    result = report(session_factory, start=at(10), end=at(20), now=at(20, 12))
    assert projected_value(result, "late_rate") == result.metrics["late_rate"].value == pytest.approx(0.1)
    assert past_limits(result) == {}  # at the limit is not past it


def test_an_average_is_judged_on_its_window_value(session_factory) -> None:
    """One request answered 50 h after the buyer applied: the review time is 50 h, past the
    48 h at which the platform agrees alone; an average has no pace to project."""
    order = an_order(paid=at(12), shipped=at(12, 8))
    seed_orders(session_factory, [order])
    applied = at(13, 8)
    request = a_request(
        order, applied=applied, type_=T.RETURN_AND_REFUND, status_deadline=applied + 72 * HOUR
    )
    pull(session_factory, request)
    pull(session_factory, moved(request, S.AWAITING_BUYER_RETURN, applied + 50 * HOUR))  # agreed
    result = live_report(session_factory, at(20, 12))
    assert result.metrics["review_time_h"].value == pytest.approx(50.0)
    assert projected_value(result, "review_time_h") == pytest.approx(50.0)
    assert past_limits(result)["review_time_h"] == pytest.approx(50.0)


def test_today_starts_at_midnight_in_shanghai() -> None:
    assert today_start(at(20, 12)) == at(20) == today_start(at(20)) == today_start(at(21) - 1)
