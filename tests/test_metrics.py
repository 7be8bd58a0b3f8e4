"""The service metrics of orders and parcels, on hand-built shops with known answers.

Every test runs on SQLite and PostgreSQL. The window is 10-20 November 2026 (shop
days), looked at on the 20th at noon (tests/metric_shop.py); each docstring or comment
gives the numbers to check by hand.
"""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import RequestKind
from app.db import open_database
from app.platforms.douyin.codes import OrderStatus
from app.services.metrics.definitions import DEFAULT_DASHBOARD, METRICS
from app.services.metrics.drill_down import drill_down
from app.services.metrics.service_metrics import products, window_for
from app.services.rules import load_rules
from app.services.shipping.deadlines import compensation_fen
from tests.metric_shop import (
    END,
    HOUR,
    NOW,
    PRODUCT_A,
    PRODUCT_B,
    START,
    T,
    a_parcel,
    a_request,
    an_order,
    at,
    pull,
    report,
    seed_orders,
)

RULES = load_rules()
RATES_AND_AVERAGES = (
    "ship_time_h",
    "late_rate",
    "pickup_timeout_rate",
    "review_time_h",
    "refund_time_h",
    "rejection_rate",
    "quality_return_rate",
)
COUNTS_AND_SUMS = ("late_compensation_fen", "timeout_approvals", "after_sales_by_type")


@pytest.fixture
def sessions(database_url: str) -> sessionmaker[Session]:
    return open_database(database_url)[1]


def drilled(sessions: sessionmaker[Session], key: str, **options: object) -> list[str]:
    with sessions() as session:
        return [row.id for row in drill_down(session, key, start=START, end=END, now=NOW, **options)]  # type: ignore[arg-type]


def test_an_empty_window_has_every_shop_day_with_nothing_measured(sessions) -> None:
    result = report(sessions)
    assert result.buckets == tuple(at(day) for day in range(10, 20))
    # Douyin's rule set: every figure of its dashboard (TikTok Shop's fulfilment rates are not computed).
    assert list(result.metrics) == [
        definition.key for definition in METRICS if definition.key in DEFAULT_DASHBOARD
    ]
    for key in RATES_AND_AVERAGES:
        metric = result.metrics[key]
        assert metric.value is None and set(metric.series.values()) == {None}, key
    for key in COUNTS_AND_SUMS:
        metric = result.metrics[key]
        assert metric.value == 0 and set(metric.series.values()) == {0}, key
    assert result.score.score is None and result.metrics["experience_score"].value is None


def test_ship_time_runs_from_payment_to_the_pickup_scan_else_to_the_merchants_shipping(sessions) -> None:
    scanned = an_order(paid=at(12, 10), shipped=at(12, 12), picked_up=at(12, 16))  # 6 h: the scan counts
    unscanned = an_order(paid=at(12, 10), shipped=at(12, 20))  # 10 h
    seed_orders(sessions, [scanned, unscanned])
    metric = report(sessions).metrics["ship_time_h"]
    assert metric.value == pytest.approx(8.0) and metric.count == 2
    assert metric.series[at(12)] == pytest.approx(8.0) and metric.series[at(13)] is None


def test_a_shop_day_runs_from_midnight_to_midnight_in_shanghai(sessions) -> None:
    """23:30 on the 12th is 15:30 UTC the same date and 00:30 on the 13th is 16:30 UTC on
    the 12th: each lands in its own shop day, never in the UTC one."""
    late_evening = an_order(paid=at(12, 20), shipped=at(12, 23, 30))
    past_midnight = an_order(paid=at(12, 20), shipped=at(13, 0, 30))
    seed_orders(sessions, [late_evening, past_midnight])
    pull(
        sessions,
        a_request(late_evening, applied=at(12, 23, 30)),
        a_request(past_midnight, applied=at(13, 0, 30)),
    )
    result = report(sessions)
    assert result.metrics["ship_time_h"].series[at(12)] == pytest.approx(3.5)
    assert result.metrics["ship_time_h"].series[at(13)] == pytest.approx(4.5)
    applied = result.metrics["after_sales_by_type"].series
    assert (applied[at(12)], applied[at(13)]) == (1, 1)


def test_late_rate_counts_orders_due_in_the_window_shipped_after_the_promise_or_not_at_all(sessions) -> None:
    on_time = an_order(paid=at(14, 9), ship_by=at(15, 12), shipped=at(15, 12))  # at the second: on time
    scanned_late = an_order(paid=at(14, 9), ship_by=at(15, 12), shipped=at(15, 10), picked_up=at(15, 13))
    never_shipped = an_order(paid=at(14, 9), ship_by=at(15, 12))
    cancelled = an_order(paid=at(14, 9), ship_by=at(15, 12), status=OrderStatus.CANCELLED)  # never due
    not_yet_due = an_order(paid=at(20, 9), ship_by=at(20, 18))  # after now, and after the window
    seed_orders(sessions, [on_time, scanned_late, never_shipped, cancelled, not_yet_due])
    metric = report(sessions, end=at(21)).metrics["late_rate"]
    assert (metric.numerator, metric.denominator) == (2, 3)
    assert metric.value == pytest.approx(2 / 3)
    assert metric.series_counts[at(15)] == (2, 3) and metric.series[at(20)] is None
    assert set(drilled(sessions, "late_rate")) == {scanned_late[0]["order_id"], never_shipped[0]["order_id"]}


def test_orders_straddling_the_window_edges_count_where_their_moment_falls(sessions) -> None:
    """Each metric counts an order at its own moment: paid before the window and shipped
    inside counts for ship time, but was due before the window; due inside and shipped
    after the window's end counts as late inside it."""
    paid_before = an_order(paid=at(9, 20), ship_by=at(9, 23), shipped=at(10, 2))  # 6 h
    shipped_after = an_order(paid=at(19, 9), ship_by=at(19, 23), shipped=at(20, 5))
    seed_orders(sessions, [paid_before, shipped_after])
    result = report(sessions)
    assert result.metrics["ship_time_h"].value == pytest.approx(6.0)
    late = result.metrics["late_rate"]
    assert (late.numerator, late.denominator) == (1, 1)
    assert late.series_counts[at(19)] == (1, 1)


def test_late_compensation_follows_the_rule_sets_bands_as_ship_deadlines_computes_it(sessions) -> None:
    """¥1,000 paid: a 72 h promise shipped 10 h late costs 1% = ¥10; a 48 h promise shipped
    10 h late costs nothing (that band is free until out of stock); a 48 h promise still
    unshipped 50 h past it is out of stock: 1% = ¥10; a ¥30 order 60 h late on a 300 h
    promise pays the ¥5 floor of 5%. Every amount agrees with ship_deadlines."""
    cases = [
        an_order(paid=at(10, 12), ship_by=at(13, 12), shipped=at(13, 22), pay_amount=100_000),
        an_order(paid=at(11, 12), ship_by=at(13, 12), shipped=at(13, 22), pay_amount=100_000),
        an_order(paid=at(16, 8), ship_by=at(18, 8), pay_amount=100_000),
        an_order(paid=at(1, 0), ship_by=at(13, 12), shipped=at(16, 0), pay_amount=3_000),
    ]
    seed_orders(sessions, cases)
    metric = report(sessions).metrics["late_compensation_fen"]
    assert metric.value == 1_000 + 0 + 1_000 + 500 and metric.count == 3  # three orders cost something
    with sessions() as session:
        rows = drill_down(session, "late_compensation_fen", start=START, end=END, now=NOW)
    by_order = {row.id: row.value for row in rows}
    for order, _ in cases:
        shipped_at = order["pickup_time"] or order["ship_time"]
        expected = compensation_fen(
            order["pay_amount"], order["pay_time"], order["exp_ship_time"], shipped_at, NOW, RULES
        )
        assert by_order.get(order["order_id"], 0) == expected.amount_fen


def test_a_parcel_times_out_without_a_pickup_scan_within_24_hours(sessions) -> None:
    """Scanned after 2 h and after exactly 24 h: in time; scanned after 30 h, or still
    unscanned 25 h on: timed out; unscanned for 5 h: not settled yet, not counted."""
    order = an_order(paid=at(18), shipped=at(19, 6), picked_up=at(19, 8))
    now = at(20, 12)
    parcels = [
        a_parcel(order[0], shipped=at(19, 6), picked_up=at(19, 8)),
        a_parcel(order[0], shipped=at(18, 6), picked_up=at(19, 6)),
        a_parcel(order[0], shipped=at(18, 6), picked_up=at(19, 12)),
        a_parcel(order[0], shipped=at(19, 11), picked_up=None),
        a_parcel(order[0], shipped=at(20, 7), picked_up=None),
    ]
    seed_orders(sessions, [order], parcels)
    metric = report(sessions, end=at(21), now=now).metrics["pickup_timeout_rate"]
    assert (metric.numerator, metric.denominator) == (2, 4) and metric.available


def test_without_any_pickup_scan_from_the_platform_the_pickup_rate_is_unavailable(sessions) -> None:
    order = an_order(paid=at(12), shipped=at(12, 6))
    seed_orders(sessions, [order], [a_parcel(order[0], shipped=at(12, 6), picked_up=None)])
    metric = report(sessions).metrics["pickup_timeout_rate"]
    assert not metric.available and metric.value is None and "pickup scans" in metric.unavailable_reason


def test_quality_returns_are_quality_reasons_over_orders_delivered_in_the_window(sessions) -> None:
    """Four orders delivered in the window, as the platform reports receipt (three completed,
    one received and not yet confirmed). Quality: 质量问题 and 商品破损. Not quality: 不想要了;
    七天无理由 even beside 质量问题 (the first reason found wins); a refund before shipment.
    Shipped and not received is not delivered, however long ago it shipped."""
    delivered = [
        an_order(paid=at(11), shipped=at(11, 8), received=at(13, 15), finished=at(14)) for _ in range(3)
    ]
    delivered.append(an_order(paid=at(12), shipped=at(12, 8), received=at(15, 8)))
    not_yet = an_order(paid=at(19), shipped=at(19, 8))  # on its way
    long_on_its_way = an_order(paid=at(10), shipped=at(10, 8))  # the old guess said delivered on the 13th
    seed_orders(sessions, [*delivered, not_yet, long_on_its_way])
    quality = a_request(delivered[0], applied=at(15), reason="质量问题")
    broken = a_request(delivered[1], applied=at(15), reason="商品破损")
    pull(
        sessions,
        quality,
        broken,
        a_request(delivered[2], applied=at(15), reason="不想要了"),
        a_request(delivered[3], applied=at(16), reason="七天无理由退货，质量问题"),
        a_request(not_yet, applied=at(19, 9), reason="质量问题", type_=T.REFUND_BEFORE_SHIPMENT),
    )
    metric = report(sessions).metrics["quality_return_rate"]
    assert (metric.numerator, metric.denominator) == (2, 4)
    assert set(drilled(sessions, "quality_return_rate")) == {quality["aftersale_id"], broken["aftersale_id"]}


def test_after_sales_are_counted_by_kind_in_the_apps_words(sessions) -> None:
    order = an_order(paid=at(11), shipped=at(11, 8))
    seed_orders(sessions, [order])
    pull(
        sessions,
        a_request(order, applied=at(12), type_=T.RETURN_AND_REFUND),
        a_request(order, applied=at(12), type_=T.RETURN_AND_REFUND),
        a_request(order, applied=at(13), type_=T.EXCHANGE),
        a_request(order, applied=at(9), type_=T.EXCHANGE),  # before the window
    )
    metric = report(sessions).metrics["after_sales_by_type"]
    assert metric.value == 3 and metric.breakdown == {"return_and_refund": 2, "exchange": 1}
    assert metric.breakdown == {RequestKind.RETURN_AND_REFUND: 2, RequestKind.EXCHANGE: 1}
    assert metric.series_breakdown[at(12)] == {RequestKind.RETURN_AND_REFUND: 2}


def test_one_products_metrics_count_only_its_orders_and_its_after_sales(sessions) -> None:
    a_late = an_order(paid=at(12), ship_by=at(13), product=PRODUCT_A)
    a_on_time = an_order(paid=at(12), ship_by=at(13), shipped=at(12, 6), product=PRODUCT_A)
    b_late = an_order(paid=at(12), ship_by=at(13), product=PRODUCT_B)
    seed_orders(sessions, [a_late, a_on_time, b_late])
    pull(sessions, a_request(b_late, applied=at(14), type_=T.REFUND_BEFORE_SHIPMENT))
    only_a = report(sessions, product_id=PRODUCT_A)
    assert (only_a.metrics["late_rate"].numerator, only_a.metrics["late_rate"].denominator) == (1, 2)
    assert only_a.metrics["after_sales_by_type"].value == 0
    only_b = report(sessions, product_id=PRODUCT_B)
    assert only_b.metrics["late_rate"].value == 1.0 and only_b.metrics["after_sales_by_type"].value == 1
    assert drilled(sessions, "late_rate", product_id=PRODUCT_B) == [b_late[0]["order_id"]]
    with sessions() as session:
        listed = [(p.product_id, p.orders) for p in products(session)]
    assert listed == [(PRODUCT_A, 2), (PRODUCT_B, 1)]


def test_hour_buckets_split_a_day(sessions) -> None:
    orders = [an_order(paid=at(15, 8), shipped=at(15, 9, m)) for m in (0, 59)]
    orders.append(an_order(paid=at(15, 8), shipped=at(15, 10, 0)))
    seed_orders(sessions, orders)
    metric = report(sessions, start=at(15), end=at(16), bucket="hour").metrics["ship_time_h"]
    assert len(metric.series) == 24
    assert metric.series[at(15, 9)] == pytest.approx((1 + 1 + 59 / 60) / 2)
    assert metric.series[at(15, 10)] == pytest.approx(2.0) and metric.series[at(15, 11)] is None


def test_drilling_into_a_day_lists_exactly_what_that_day_counts(sessions) -> None:
    orders = [an_order(paid=at(day), ship_by=at(day, 20)) for day in (12, 12, 13)]
    seed_orders(sessions, orders)
    counted = report(sessions).metrics["late_rate"].series_counts
    with sessions() as session:
        for day in (12, 13, 14):
            rows = drill_down(session, "late_rate", start=START, end=END, bucket_start=at(day), now=NOW)
            assert len(rows) == counted[at(day)][0]
            assert all(row.kind == "order" and at(day) <= row.time < at(day + 1) for row in rows)


def test_targets_and_the_rule_set_in_force_come_with_the_figures(sessions) -> None:
    result = report(sessions)
    assert (result.rule_set, str(result.rule_effective)) == (RULES.rule_set, str(RULES.effective))
    # Douyin's rule set holds no TikTok Shop thresholds (late dispatch 4 % / 10 %): the late
    # rate has no target or limit; a target of the project's own says it is ours.
    late = result.metrics["late_rate"]
    assert (late.target, late.limit) == (None, None) and late.target_ours
    review = result.metrics["review_time_h"]
    assert (review.target, review.limit, review.target_ours) == (24, 48, True)
    # Escalations are counted (tests/test_escalation_rate.py): none of these requests went to
    # the platform's arbitration.
    escalation = result.metrics["escalation_rate"]
    assert escalation.available and escalation.numerator == 0 and escalation.unavailable_reason == ""
    assert drilled(sessions, "escalation_rate") == []


def test_the_last_n_days_start_at_shop_midnight_and_end_with_now() -> None:
    assert window_for(7, at(18, 19, 6)) == (at(12), at(18, 19, 6) + 1)
    assert window_for(30, at(18, 0, 0)) == (at(18) - 29 * 24 * HOUR, at(18) + 1)
    assert window_for(1, at(18, 23, 59)) == (at(18), at(18, 23, 59) + 1)
