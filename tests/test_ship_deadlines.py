"""The shipping rules (RULES.md "Shipping"), at and around every boundary the rule set names.

The sandbox's `promised_ship_by` is the platform's own arithmetic: the workstation's
reading of `exp_ship_time` must agree with it for every promise kind.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from app.sandbox.catalogue import PRODUCTS
from app.sandbox.clock import promised_ship_by
from app.services.rules import (
    DEFAULT_RULES_FILE,
    CompensationBand,
    CompensationRule,
    RuleSet,
    load_rules,
    parse_rules,
)
from app.services.shipping.deadlines import (
    LANES,
    PROMISE_48H,
    PROMISE_CUSTOM,
    PROMISE_NEXT_DAY,
    PROMISE_PRESALE,
    PROMISE_SAME_DAY,
    at_stake_if_late,
    compensation_fen,
    crosses_into_urgent,
    effective_ship_time,
    end_of_shop_day,
    fake_shipment_penalty_fen,
    lane,
    pickup_state,
    promise_hours,
    promise_kind,
    ship_by,
    shop_days_between,
)

SHANGHAI = timezone(timedelta(hours=8))
H, D = 3600, 86400
RULES = load_rules()


def shanghai(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> int:
    return int(datetime(year, month, day, hour, minute, second, tzinfo=SHANGHAI).timestamp())


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> int:
    return int(datetime(year, month, day, hour, minute, tzinfo=UTC).timestamp())


def yuan(amount: float) -> int:
    return round(amount * 100)


def cases(table: list[tuple[Any, ...]]) -> list[Any]:
    """pytest parameters from a table whose first column names the case."""
    return [pytest.param(*row[1:], id=row[0]) for row in table]


PAY = shanghai(2026, 11, 10, 10, 0)


# --- the rule file ----------------------------------------------------------------
def test_the_rule_file_holds_the_shipping_numbers_of_rules_md() -> None:
    shipping = RULES.shipping
    assert shipping.time_zone == "Asia/Shanghai"
    assert (shipping.same_day_cutoff_hour, shipping.presale_max_days) == (16, 15)
    assert (shipping.pickup_timeout_hours, shipping.auto_refund_without_pickup_hours) == (24, 48)
    assert (shipping.out_of_stock_after_hours, shipping.compensation_round_to_fen) == (48, 100)
    assert shipping.compensation_bands == (
        CompensationBand(48, late=None, out_of_stock=CompensationRule(1, 200, 5000)),
        CompensationBand(240, CompensationRule(1, 200, 5000), CompensationRule(3, 300, 5000)),
        CompensationBand(None, CompensationRule(1, 300, 5000), CompensationRule(5, 500, 5000)),
    )
    assert shipping.fake_shipment == CompensationRule(30, 1000, 50000)
    assert (shipping.lane_within_4h_hours, shipping.lane_today_days_ahead) == (4, 0)
    assert (shipping.lane_tomorrow_days_ahead, shipping.urgent_notice_hours) == (1, 2)


def rules_with(change: Callable[[dict[str, Any]], object]) -> RuleSet:
    raw = json.loads(DEFAULT_RULES_FILE.read_text(encoding="utf-8"))
    change(raw)
    return parse_rules(raw)


def band(index: int) -> Callable[[dict[str, Any]], dict[str, Any]]:
    return lambda raw: raw["shipping"]["compensation_bands"][index]


MALFORMED = [
    ("no shipping section", lambda r: r.pop("shipping"), "shipping section is missing"),
    ("cut-off past midnight", lambda r: r["shipping"].update(same_day_cutoff_hour=25), "cutoff_hour"),
    ("a number as text", lambda r: r["shipping"].update(presale_max_days="15"), "presale_max_days"),
    ("true is not a number", lambda r: r["shipping"].update(pickup_timeout_hours=True), "pickup_timeout"),
    ("zero hours", lambda r: r["shipping"].update(out_of_stock_after_hours=0), "out_of_stock_after_hours"),
    ("missing field", lambda r: r["shipping"].pop("auto_refund_without_pickup_hours"), "is missing"),
    ("unknown time zone", lambda r: r["shipping"].update(time_zone="Mars/Olympus"), "not a known time zone"),
    ("no bands", lambda r: r["shipping"].update(compensation_bands=[]), "non-empty list"),
    ("bands out of order", lambda r: r["shipping"]["compensation_bands"].reverse(), "must rise"),
    ("last band bounded", lambda r: band(2)(r).update(promise_up_to_hours=480), "end with null"),
    ("late neither none nor a rule", lambda r: band(0)(r).update(late="free"), 'late must be "none"'),
    ("percent as text", lambda r: band(1)(r)["late"].update(percent="1%"), r"\[1\]\.late\.percent"),
    ("floor above ceiling", lambda r: band(2)(r)["out_of_stock"].update(min_fen=6000), "above max_fen"),
    ("no out-of-stock rule", lambda r: band(1)(r).pop("out_of_stock"), r"\[1\]\.out_of_stock is missing"),
    ("no fake-shipment rule", lambda r: r["shipping"].pop("fake_shipment"), "fake_shipment is missing"),
    ("no lanes", lambda r: r["shipping"].pop("lanes"), "lanes is missing"),
    ("tomorrow before today", lambda r: r["shipping"]["lanes"].update(today_days_ahead=1), "after today"),
]


@pytest.mark.parametrize(("change", "message"), cases(MALFORMED))
def test_a_malformed_shipping_section_is_refused_with_the_field_named(
    change: Callable[[dict[str, Any]], object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        rules_with(change)


def test_the_numbers_come_from_the_rule_file() -> None:
    """Another rule set (cut-off at noon, notice 3 h ahead) changes the answers, not the code."""
    noon = rules_with(lambda r: r["shipping"].update(same_day_cutoff_hour=12, urgent_notice_hours=3))
    paid = shanghai(2026, 11, 10, 12, 0)
    assert ship_by(paid, None, noon, PROMISE_SAME_DAY) == shanghai(2026, 11, 11, 23, 59, 59)
    assert ship_by(paid, None, RULES, PROMISE_SAME_DAY) == shanghai(2026, 11, 10, 23, 59, 59)
    assert crosses_into_urgent(paid + 3 * H, paid, noon)
    assert not crosses_into_urgent(paid + 3 * H, paid, RULES)


def test_the_platforms_promise_wins_and_0_is_its_not_sent_like_none() -> None:
    assert ship_by(PAY, None, RULES) == ship_by(PAY, 0, RULES) == PAY + 48 * H
    platforms = PAY + 5 * H
    assert ship_by(PAY, platforms, RULES, PROMISE_NEXT_DAY) == platforms
    assert ship_by(None, None, RULES) is ship_by(None, 0, RULES) is None
    assert promise_kind(PAY, 0, RULES) == promise_kind(PAY, None, RULES) == PROMISE_48H


# --- promises ---------------------------------------------------------------------
# (case, paid at, promise, presale days, ship-by)
SHIP_BY = [
    ("same day, paid 15:59:59", shanghai(2026, 11, 10, 15, 59, 59), PROMISE_SAME_DAY, 0, (2026, 11, 10)),
    ("same day, paid 16:00:00", shanghai(2026, 11, 10, 16, 0, 0), PROMISE_SAME_DAY, 0, (2026, 11, 11)),
    # 23:30 UTC on 30 November is 07:30 on 1 December in the shop: before the cut-off, that day.
    ("same day, UTC date behind", utc(2026, 11, 30, 23, 30), PROMISE_SAME_DAY, 0, (2026, 12, 1)),
    ("same day, 07:59 UTC = 15:59", utc(2026, 11, 30, 7, 59), PROMISE_SAME_DAY, 0, (2026, 11, 30)),
    ("same day, 08:00 UTC = 16:00", utc(2026, 11, 30, 8, 0), PROMISE_SAME_DAY, 0, (2026, 12, 1)),
    ("next day, paid at midnight", shanghai(2026, 11, 10), PROMISE_NEXT_DAY, 0, (2026, 11, 11)),
    ("next day, paid 23:59:59", shanghai(2026, 11, 10, 23, 59, 59), PROMISE_NEXT_DAY, 0, (2026, 11, 11)),
    ("next day, UTC date behind", utc(2026, 11, 30, 23, 30), PROMISE_NEXT_DAY, 0, (2026, 12, 2)),
    ("presale 10 days", PAY, PROMISE_PRESALE, 10, (2026, 11, 20)),
    ("presale 15 days", PAY, PROMISE_PRESALE, 15, (2026, 11, 25)),
    ("presale 20 days, capped at 15", PAY, PROMISE_PRESALE, 20, (2026, 11, 25)),
]


@pytest.mark.parametrize(("paid", "promise", "days", "due"), cases(SHIP_BY))
def test_a_promise_gives_its_ship_by_on_the_shops_calendar(
    paid: int, promise: str, days: int, due: tuple[int, int, int]
) -> None:
    assert ship_by(paid, None, RULES, promise, presale_days=days) == shanghai(*due, 23, 59, 59)


def test_48h_and_the_default_promise_count_exact_hours_and_the_platforms_time_wins() -> None:
    assert ship_by(PAY, None, RULES, PROMISE_48H) == ship_by(PAY, None, RULES) == PAY + 48 * H
    assert ship_by(PAY, PAY + 7 * H, RULES, PROMISE_PRESALE, presale_days=10) == PAY + 7 * H


def test_a_promise_without_a_computable_time_is_refused() -> None:
    with pytest.raises(ValueError, match="custom"):
        ship_by(PAY, None, RULES, PROMISE_CUSTOM)
    with pytest.raises(ValueError, match="presale_days"):
        ship_by(PAY, None, RULES, PROMISE_PRESALE, presale_days=-1)


def test_promise_hours_run_from_payment_to_ship_by() -> None:
    assert promise_hours(PAY, PAY + 48 * H) == 48
    assert promise_hours(PAY, ship_by(PAY, None, RULES, PROMISE_SAME_DAY)) == pytest.approx(14 - 1 / 3600)
    # The presale cap keeps a promise at 15 days (360 h less the paid-at hours).
    capped = ship_by(PAY, None, RULES, PROMISE_PRESALE, presale_days=40)
    assert promise_hours(PAY, capped) == pytest.approx(15 * 24 + 14 - 1 / 3600)


# (case, paid at, exp_ship_time, kind)
KINDS = [
    ("end of the pay day, before the cut-off", PAY, shanghai(2026, 11, 10, 23, 59, 59), PROMISE_SAME_DAY),
    ("end of the pay day, after the cut-off", shanghai(2026, 11, 10, 17), end_of_shop_day(PAY, RULES),
     PROMISE_CUSTOM),
    ("end of the next day", PAY, shanghai(2026, 11, 11, 23, 59, 59), PROMISE_NEXT_DAY),
    ("exactly 48 h", PAY, PAY + 48 * H, PROMISE_48H),
    ("no exp_ship_time: the default 48 h", PAY, None, PROMISE_48H),
    ("end of a day two days on", PAY, shanghai(2026, 11, 12, 23, 59, 59), PROMISE_PRESALE),
    ("end of a day 15 days on", PAY, shanghai(2026, 11, 25, 23, 59, 59), PROMISE_PRESALE),
    ("end of a day 16 days on", PAY, shanghai(2026, 11, 26, 23, 59, 59), PROMISE_CUSTOM),
    ("not at the end of a day", PAY, PAY + 30 * H, PROMISE_CUSTOM),
    ("two days on, paid 23:59:59: same second as 48 h", shanghai(2026, 11, 10, 23, 59, 59),
     shanghai(2026, 11, 12, 23, 59, 59), PROMISE_48H),
]  # fmt: skip


@pytest.mark.parametrize(("paid", "exp", "kind"), cases(KINDS))
def test_the_promise_kind_is_read_from_exp_ship_time(paid: int, exp: int | None, kind: str) -> None:
    assert promise_kind(paid, exp, RULES) == kind


def expected_kind(promise: str, paid: int, presale_days: int) -> str:
    """What promise_kind answers for the platform's deadline (the module docstring's rules)."""
    before_cutoff = datetime.fromtimestamp(paid, SHANGHAI).hour < 16
    if promise == PROMISE_SAME_DAY:
        return PROMISE_SAME_DAY if before_cutoff else PROMISE_NEXT_DAY
    if promise != PROMISE_PRESALE:
        return promise
    days = min(presale_days, 15)
    if days == 0:
        return PROMISE_SAME_DAY if before_cutoff else PROMISE_CUSTOM
    if days == 1:
        return PROMISE_NEXT_DAY
    if days == 2 and datetime.fromtimestamp(paid, SHANGHAI).time().isoformat() == "23:59:59":
        return PROMISE_48H
    return PROMISE_PRESALE


def pay_times() -> list[int]:
    """Three shop days across a month's end, every ~17 minutes, plus each boundary second."""
    start = shanghai(2026, 11, 29)
    times = list(range(start, start + 3 * D, 1013))
    for day in range(3):
        base = start + day * D
        times += [base, base + 16 * H - 1, base + 16 * H, base + D - 1]
    return times


PROMISES = sorted(
    {(PROMISE_SAME_DAY, 0), (PROMISE_NEXT_DAY, 0), (PROMISE_48H, 0)}
    | {(PROMISE_PRESALE, days) for days in range(0, 21)}
    | {(product.promise, product.presale_days) for product in PRODUCTS}
)


@pytest.mark.parametrize(("promise", "presale_days"), PROMISES, ids=[f"{p}-{d}" for p, d in PROMISES])
def test_every_platform_promise_round_trips_through_its_kind(promise: str, presale_days: int) -> None:
    for paid in pay_times():
        deadline = promised_ship_by(promise, paid, presale_days)
        assert ship_by(paid, None, RULES, promise, presale_days=presale_days) == deadline
        kind = promise_kind(paid, deadline, RULES)
        assert kind == expected_kind(promise, paid, presale_days), datetime.fromtimestamp(paid, SHANGHAI)
        if kind != PROMISE_CUSTOM:
            days = shop_days_between(paid, deadline, RULES)
            assert promised_ship_by(kind, paid, days) == deadline


# --- compensation -----------------------------------------------------------------
# (case, paid amount, promise length, shipped this long after the ship-by, kind, compensation)
COMPENSATION = [
    ("48 h promise, 1 s late: free", yuan(1000), 48 * H, 1, "late", 0),
    ("48 h promise, 48 h late: still free", yuan(1000), 48 * H, 48 * H, "late", 0),
    ("48 h promise, 48 h + 1 s: out of stock 1%", yuan(1000), 48 * H, 48 * H + 1, "out_of_stock", yuan(10)),
    ("48 h + 1 s promise, 1 s late: 1%", yuan(1000), 48 * H + 1, 1, "late", yuan(10)),
    ("48 h + 1 s promise, out of stock: 3%", yuan(1000), 48 * H + 1, 48 * H + 1, "out_of_stock", yuan(30)),
    ("240 h promise, late: 1%, floor 2", yuan(100), 240 * H, 1, "late", yuan(2)),
    ("240 h + 1 s promise, late: 1%, floor 3", yuan(100), 240 * H + 1, 1, "late", yuan(3)),
    ("240 h promise, out of stock: 3%", yuan(1000), 240 * H, 49 * H, "out_of_stock", yuan(30)),
    ("240 h + 1 s promise, out of stock: 5%", yuan(1000), 240 * H + 1, 49 * H, "out_of_stock", yuan(50)),
    ("on the ship-by second", yuan(1000), 240 * H + 1, 0, "none", 0),
    ("a second early", yuan(1000), 240 * H + 1, -1, "none", 0),
    ("floor: 1% of 50 yuan", yuan(50), 100 * H, 1, "late", yuan(2)),
    ("floor: out of stock 5% of 50 yuan", yuan(50), 300 * H, 60 * H, "out_of_stock", yuan(5)),
    ("floor: out of stock 1% in the short band", yuan(50), 24 * H, 60 * H, "out_of_stock", yuan(2)),
    ("ceiling: 1% of 8,000 yuan", yuan(8000), 100 * H, 1, "late", yuan(50)),
    ("ceiling: out of stock 3% of 2,000 yuan", yuan(2000), 100 * H, 60 * H, "out_of_stock", yuan(50)),
    ("whole yuan: 1% of 2,349.99 is 23", yuan(2349.99), 100 * H, 1, "late", yuan(23)),
    ("whole yuan, half up: 1% of 250 is 3", yuan(250), 100 * H, 1, "late", yuan(3)),
    ("whole yuan: 3% of 234.50 is 7", yuan(234.50), 100 * H, 60 * H, "out_of_stock", yuan(7)),
    ("whole yuan: 5% of 234.50 is 12", yuan(234.50), 300 * H, 60 * H, "out_of_stock", yuan(12)),
    ("whole yuan: 1% of 234.50 is 2", yuan(234.50), 100 * H, 1, "late", yuan(2)),
]


@pytest.mark.parametrize(("paid", "promise_s", "late_s", "kind", "fen"), cases(COMPENSATION))
def test_shipping_late_costs_what_the_band_says(
    paid: int, promise_s: int, late_s: int, kind: str, fen: int
) -> None:
    due = PAY + promise_s
    owed = compensation_fen(paid, PAY, due, due + late_s, now=due + 400 * H, rules=RULES)
    assert (owed.kind, owed.amount_fen, owed.rule_set) == (kind, fen, "douyin-2026-12")


# (case, now relative to the ship-by, kind) for a 10-day presale of 1,000 yuan
UNSHIPPED = [
    ("a second before", -1, "none", 0),
    ("on the ship-by second", 0, "none", 0),
    ("a second past", 1, "late", yuan(10)),
    ("48 h past", 48 * H, "late", yuan(10)),
    ("48 h + 1 s past", 48 * H + 1, "out_of_stock", yuan(50)),
]


@pytest.mark.parametrize(("after", "kind", "fen"), cases(UNSHIPPED))
def test_an_unshipped_order_owes_what_is_at_stake_now(after: int, kind: str, fen: int) -> None:
    due = ship_by(PAY, None, RULES, PROMISE_PRESALE, presale_days=10)
    owed = compensation_fen(yuan(1000), PAY, due, None, now=due + after, rules=RULES)
    assert (owed.kind, owed.amount_fen) == (kind, fen)
    assert owed.band is RULES.shipping.compensation_bands[2]


def test_the_board_shows_what_a_late_or_missing_shipment_would_cost() -> None:
    short = at_stake_if_late(yuan(1000), PAY, PAY + 48 * H, RULES)
    assert (short.late_fen, short.out_of_stock_fen, short.band.promise_up_to_hours) == (0, yuan(10), 48)
    six_days = ship_by(PAY, None, RULES, PROMISE_PRESALE, presale_days=6)
    presale = at_stake_if_late(yuan(1000), PAY, six_days, RULES)
    assert (presale.late_fen, presale.out_of_stock_fen) == (yuan(10), yuan(30))
    assert presale.band.promise_up_to_hours == 240
    assert presale.rule_set == "douyin-2026-12"


@pytest.mark.parametrize(
    ("paid", "penalty"),
    [(yuan(20), yuan(10)), (yuan(100), yuan(30)), (yuan(51.70), yuan(16)), (yuan(2000), yuan(500))],
    ids=["floor 10", "30%", "whole yuan", "ceiling 500"],
)
def test_a_fake_shipment_pays_the_buyer_30_percent_within_10_to_500_yuan(paid: int, penalty: int) -> None:
    assert fake_shipment_penalty_fen(paid, RULES) == penalty


# --- the board --------------------------------------------------------------------
EVENING = shanghai(2026, 11, 10, 19, 0)
# (case, now, ship-by, lane)
LANE_CASES = [
    ("a second past", EVENING, EVENING - 1, "overdue"),
    ("on the ship-by second", EVENING, EVENING, "within_4h"),
    ("exactly 4 h", EVENING, EVENING + 4 * H, "within_4h"),
    ("4 h + 1 s, same day", shanghai(2026, 11, 10, 10), shanghai(2026, 11, 10, 14, 0, 1), "today"),
    ("23:59:59 tonight from 19:00", EVENING, shanghai(2026, 11, 10, 23, 59, 59), "today"),
    ("23:59:59 tonight from 20:00", EVENING + H, shanghai(2026, 11, 10, 23, 59, 59), "within_4h"),
    ("midnight from 19:00: tomorrow", EVENING, shanghai(2026, 11, 11), "tomorrow"),
    ("01:00 tomorrow from 22:00: within 4 h first", EVENING + 3 * H, shanghai(2026, 11, 11, 1), "within_4h"),
    ("23:59:59 tomorrow", EVENING, shanghai(2026, 11, 11, 23, 59, 59), "tomorrow"),
    ("midnight after tomorrow", EVENING, shanghai(2026, 11, 12), "later"),
    # 23:30 UTC on 30 November is 07:30 on 1 December in the shop.
    ("shop's today, UTC's tomorrow", utc(2026, 11, 30, 23, 30), shanghai(2026, 12, 1, 23, 59, 59), "today"),
    ("shop's tomorrow", utc(2026, 11, 30, 23, 30), shanghai(2026, 12, 2, 12), "tomorrow"),
]


@pytest.mark.parametrize(("now", "due", "expected"), cases(LANE_CASES))
def test_an_order_sits_in_the_lane_of_its_deadline(now: int, due: int, expected: str) -> None:
    assert lane(due, now, RULES) == expected


def test_lanes_are_listed_in_display_order() -> None:
    assert LANES == ("overdue", "within_4h", "today", "tomorrow", "later")


# (case, ship-by minus now, ship-by minus the previous check or None, notify)
URGENT = [
    ("exactly 2 h left", 2 * H, None, True),
    ("2 h + 1 s left", 2 * H + 1, None, False),
    ("on the ship-by second", 0, None, True),
    ("overdue", -1, None, False),
    ("crossed since the last check", 2 * H, 2 * H + 1, True),
    ("already urgent at the last check", 2 * H - 120, 2 * H - 60, False),
    ("jumped straight to overdue", -1, 3 * H, False),
]


@pytest.mark.parametrize(("left", "left_then", "notify"), cases(URGENT))
def test_due_within_2_hours_is_notified_once(left: int, left_then: int | None, notify: bool) -> None:
    since = None if left_then is None else EVENING - left_then
    assert crosses_into_urgent(EVENING, EVENING - left, RULES, since=since) is notify


# --- pickup -----------------------------------------------------------------------
SHIPPED = shanghai(2026, 11, 10, 18, 0)
# (case, pickup scan after shipping or None, now after shipping, picked up, timeout, refund in)
PICKUP = [
    ("no scan yet, 24 h on", None, 24 * H, False, False, 24 * H),
    ("no scan, 24 h + 1 s on: timeout", None, 24 * H + 1, False, True, 24 * H - 1),
    ("no scan, 48 h on: refunds go through", None, 48 * H, False, True, 0),
    ("no scan, 72 h on", None, 72 * H, False, True, 0),
    ("scanned at 24 h", 24 * H, 100 * H, True, False, None),
    ("scanned at 24 h + 1 s: timed out", 24 * H + 1, 100 * H, True, True, None),
    ("scanned within an hour", H, 2 * H, True, False, None),
]


@pytest.mark.parametrize(("scan", "after", "picked_up", "timeout", "refund_in"), cases(PICKUP))
def test_a_parcel_without_a_pickup_scan_times_out_then_lets_refunds_through(
    scan: int | None, after: int, picked_up: bool, timeout: bool, refund_in: int | None
) -> None:
    scanned = None if scan is None else SHIPPED + scan
    state = pickup_state(SHIPPED, scanned, SHIPPED + after, RULES)
    assert (state.picked_up, state.pickup_timeout, state.auto_refund_in_s) == (picked_up, timeout, refund_in)
    assert state.auto_refund_at == (None if picked_up else SHIPPED + 48 * H)


def test_shipped_means_the_pickup_scan_when_there_is_one() -> None:
    assert effective_ship_time(SHIPPED, SHIPPED + 5 * H) == SHIPPED + 5 * H
    assert effective_ship_time(SHIPPED, None) == SHIPPED
    assert effective_ship_time(None, None) is None
