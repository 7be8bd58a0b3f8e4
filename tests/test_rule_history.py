"""Rule sets by date (issue 18, part 1): every computation takes the rule set in force when
its event happened, a new set never re-prices an earlier order, and a shop's own set lies on
top of the platform's from its own date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.core import shop_time
from app.core.vocabulary import RequestKind, RequestState
from app.services.orders.queries import list_orders, order_detail
from app.services.refunds.after_sale_rules import Facts, assess
from app.services.refunds.queue import list_queue_keys
from app.services.rule_history import ShopRuleSet, rule_history, rules_in_force
from app.services.rule_history.compare import compare
from app.services.rules import HOUR_S, RULE_FILES, load_rules, rules_for
from app.services.shipping.deadlines import compensation_fen, ship_by
from tests.builders import after_sale_row, order_row, seed
from tests.rule_history_sets import EARLIER_EFFECTIVE, EARLIER_NAME, NEWER_EFFECTIVE, at, write_history

NEWER_NAME = "douyin-2026-12"
LONGER_RETURNS = ShopRuleSet(
    "longer-returns", date(2026, 12, 20), (("after_sales.no_reason_window_hours", 720),), "30 天无理由"
)
SHOP_NAME = f"{NEWER_NAME}+longer-returns"


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_history(tmp_path_factory.mktemp("rules"))


# The set in force for an event on either side of each effective date (00:00 Beijing time).
EITHER_SIDE = [
    ("before the oldest set: judged by the oldest", at(date(2026, 5, 31), 23, 59, 59), EARLIER_NAME),
    ("the oldest set's first second", at(EARLIER_EFFECTIVE), EARLIER_NAME),
    ("the last second before the shipped set", at(date(2026, 12, 6), 23, 59, 59), EARLIER_NAME),
    ("the shipped set's first second", at(NEWER_EFFECTIVE), NEWER_NAME),
    ("the last second before the shop's set", at(date(2026, 12, 19), 23, 59, 59), NEWER_NAME),
    ("the shop's set's first second", at(date(2026, 12, 20)), SHOP_NAME),
    ("long after", at(date(2027, 6, 1)), SHOP_NAME),
]


@pytest.mark.parametrize(("case", "moment", "expected"), EITHER_SIDE, ids=[c[0] for c in EITHER_SIDE])
def test_the_set_in_force_either_side_of_each_effective_date(
    rules_dir: Path, case: str, moment: int, expected: str
) -> None:
    # Asked at the moment itself, and asked later then taken back to the moment (`at`).
    direct = rules_in_force("douyin", at=moment, shop_overrides=[LONGER_RETURNS], rules_dir=rules_dir)
    later = rules_in_force(
        "douyin", at=at(date(2027, 7, 1)), shop_overrides=[LONGER_RETURNS], rules_dir=rules_dir
    )
    assert direct.rule_set == expected
    assert later.at(moment).rule_set == expected


def test_the_history_lists_each_set_once_oldest_first_with_its_start(rules_dir: Path) -> None:
    sets = rule_history("douyin", [LONGER_RETURNS], rules_dir=rules_dir)
    assert [(s.rule_set, s.starts_at) for s in sets] == [
        (EARLIER_NAME, at(EARLIER_EFFECTIVE)),
        (NEWER_NAME, at(NEWER_EFFECTIVE)),
        (SHOP_NAME, at(date(2026, 12, 20))),
    ]


# Ship-by and compensation by the payment's day; the no-reason window by the application's.
PAID_LAST_MONTH = at(date(2026, 11, 10), 10)
PAID_THIS_MONTH = at(date(2026, 12, 8), 10)
PROMISE = [
    ("paid under the earlier set: 72 h", PAID_LAST_MONTH, 72),
    ("paid under the shipped set: 48 h", PAID_THIS_MONTH, 48),
]


@pytest.mark.parametrize(("case", "paid", "hours"), PROMISE, ids=[c[0] for c in PROMISE])
def test_the_default_promise_is_the_one_in_force_at_payment(
    rules_dir: Path, case: str, paid: int, hours: int
) -> None:
    now = rules_in_force("douyin", at=at(date(2026, 12, 15)), rules_dir=rules_dir)
    assert ship_by(paid, None, now) == paid + hours * HOUR_S


def test_last_months_compensation_is_unchanged_after_a_new_rule_set(rules_dir: Path) -> None:
    # An order paid last month with a 5-day promise, shipped 10 hours late.
    deadline = PAID_LAST_MONTH + 120 * HOUR_S
    shipped = deadline + 10 * HOUR_S
    before_change = rules_in_force("douyin", at=at(date(2026, 11, 30)), rules_dir=rules_dir)
    after_change = rules_in_force("douyin", at=at(date(2026, 12, 15)), rules_dir=rules_dir)
    scored_before = compensation_fen(50_000, PAID_LAST_MONTH, deadline, shipped, shipped, before_change)
    scored_after = compensation_fen(50_000, PAID_LAST_MONTH, deadline, shipped, shipped, after_change)
    assert scored_before == scored_after
    assert (scored_after.kind, scored_after.amount_fen, scored_after.rule_set) == ("late", 2500, EARLIER_NAME)
    # The same order paid this month costs what the shipped set says (1 %, at least ¥2).
    this_month = compensation_fen(
        50_000, PAID_THIS_MONTH, PAID_THIS_MONTH + 120 * HOUR_S, None, 0, after_change
    )
    assert this_month.rule_set == NEWER_NAME
    late = compensation_fen(
        50_000,
        PAID_THIS_MONTH,
        PAID_THIS_MONTH + 120 * HOUR_S,
        PAID_THIS_MONTH + 130 * HOUR_S,
        0,
        after_change,
    )
    assert late.amount_fen == 500


def test_orders_paid_either_side_of_the_change_get_their_own_promise_in_sql(
    rules_dir: Path, session_factory
) -> None:
    last_month = order_row(create_time=PAID_LAST_MONTH - 60)
    this_month = order_row(create_time=PAID_THIS_MONTH - 60)
    seed(session_factory, [last_month, this_month])
    rules = rules_in_force("douyin", at=at(date(2026, 12, 15)), rules_dir=rules_dir)
    with session_factory() as session:
        rows = {row.order_id: row.ship_by for row in list_orders(session, rules=rules)}
        detail = order_detail(session, last_month["order_id"], rules=rules)
    assert rows == {
        last_month["order_id"]: PAID_LAST_MONTH + 72 * HOUR_S,
        this_month["order_id"]: PAID_THIS_MONTH + 48 * HOUR_S,
    }
    assert detail is not None and detail.rule_set == EARLIER_NAME


def no_reason_request(applied: int, delivered: int) -> Facts:
    return Facts(
        kind=RequestKind.RETURN_AND_REFUND,
        state=RequestState.AWAITING_SHOP,
        reason_text="七天无理由",
        product_name="纯棉短袖T恤",
        refund_amount=5_900,
        apply_time=applied,
        has_tracking=True,
        ship_time=delivered - 48 * HOUR_S,
        receipt_time=delivered,
    )


# Delivered, then applied 10 days later: outside 7 days, inside 15 (earlier set) and 30 (shop's).
WINDOWS = [
    ("applied under the earlier 15-day window", date(2026, 11, 20), True, EARLIER_NAME),
    ("applied under the shipped 7-day window", date(2026, 12, 10), False, NEWER_NAME),
    ("applied under the shop's own 30-day window", date(2026, 12, 22), True, SHOP_NAME),
]


@pytest.mark.parametrize(("case", "applied_day", "open_", "rule_set"), WINDOWS, ids=[c[0] for c in WINDOWS])
def test_the_no_reason_window_is_the_one_in_force_when_the_buyer_applied(
    rules_dir: Path, case: str, applied_day: date, open_: bool, rule_set: str
) -> None:
    applied = at(applied_day, 12)
    rules = rules_in_force(
        "douyin", at=at(date(2027, 1, 5)), shop_overrides=[LONGER_RETURNS], rules_dir=rules_dir
    )
    assessment = assess(no_reason_request(applied, applied - 10 * 24 * HOUR_S), applied, rules)
    assert (assessment.window_open, assessment.rule_set) == (open_, rule_set)


def test_a_shops_own_set_lies_on_top_and_names_itself_as_the_source(rules_dir: Path) -> None:
    rules = rules_in_force(
        "douyin", at=at(date(2026, 12, 21)), shop_overrides=[LONGER_RETURNS], rules_dir=rules_dir
    )
    assert rules.after_sales.no_reason_window_hours == 720
    source = rules.source_of("after_sales.no_reason_window_hours")
    assert source is not None and (source.source, source.effective) == (
        "shop:longer-returns",
        date(2026, 12, 20),
    )
    # Everything else is still the platform's set of that day.
    assert rules.default_ship_promise_hours == 48 and rules.shipping == rules.at(at(NEWER_EFFECTIVE)).shipping


def test_the_shipped_history_reads_in_either_layout() -> None:
    # Douyin: one set (no earlier Douyin rule found in the public record); TikTok Shop US: the
    # Late Dispatch Rate's enforcement line moved from 4 % to 10 % on 2026-03-02 (its guide's
    # 01/09/2026 and 03/02/2026 versions), then the set read 2026-12-07.
    assert [s.rule_set for s in rule_history("douyin")] == [load_rules(RULE_FILES["douyin"]).rule_set]
    assert [s.rule_set for s in rule_history("tiktok")] == [
        "tiktok-us-2026-01",
        "tiktok-us-2026-03",
        "tiktok-us-2026-12",
    ]
    for platform in ("douyin", "tiktok"):
        assert rules_for(platform).rule_set == load_rules(RULE_FILES[platform]).rule_set
        assert rules_for(platform).earlier == rules_in_force(platform).earlier


TIKTOK = shop_time.zone("Etc/GMT+8")  # TikTok Shop US sets start at 00:00 of fixed UTC-8
LATE_DISPATCH_LINE = [
    ("the 01/09 guide's first day", date(2026, 1, 9), 0, "tiktok-us-2026-01", 0.04),
    ("the day before the 03/02 guide", date(2026, 3, 1), 86_399, "tiktok-us-2026-01", 0.04),
    ("the 03/02 guide's first second", date(2026, 3, 2), 0, "tiktok-us-2026-03", 0.10),
    ("the set read 2026-12-07", date(2026, 12, 7), 0, "tiktok-us-2026-12", 0.10),
]


@pytest.mark.parametrize(
    ("case", "day", "second", "rule_set", "limit"), LATE_DISPATCH_LINE, ids=[c[0] for c in LATE_DISPATCH_LINE]
)
def test_tiktoks_late_dispatch_line_is_the_one_of_the_day_scored(
    case: str, day: date, second: int, rule_set: str, limit: float
) -> None:
    scored = shop_time.midnight(day, TIKTOK) + second
    rules = rules_in_force("tiktok", at=at(date(2026, 12, 20))).at(scored)
    target = rules.metrics.target("late_dispatch_rate")
    assert rules.rule_set == rule_set and target is not None and target.limit == limit


@pytest.mark.parametrize("platform", ["douyin", "tiktok"])
def test_every_value_of_every_set_in_the_history_names_its_source(platform: str) -> None:
    for rules in rule_history(platform):
        unsourced = [c.path for c in compare(platform, rules.rule_set, rules.rule_set) if not c.source_after]
        assert unsourced == [], f"{rules.rule_set}: {unsourced}"


def test_a_request_without_the_platforms_deadline_has_its_application_days_answer_time(
    rules_dir: Path, session_factory
) -> None:
    # The fallback is 72 h under the earlier set, 48 h under the shipped one, by the application's day.
    last_month, this_month = order_row(), order_row()
    applied = {last_month["order_id"]: PAID_LAST_MONTH, this_month["order_id"]: PAID_THIS_MONTH}
    requests = [
        after_sale_row(order, apply_time=applied[order["order_id"]], status_deadline=0)
        for order in (last_month, this_month)
    ]
    seed(session_factory, [last_month, this_month], after_sales=requests)
    rules = rules_in_force("douyin", at=at(date(2026, 12, 15)), rules_dir=rules_dir)
    with session_factory() as session:
        deadlines = {
            key.aftersale_id: key.status_deadline for key in list_queue_keys(session, now=0, rules=rules)
        }
    assert deadlines == {
        requests[0]["aftersale_id"]: PAID_LAST_MONTH + 72 * HOUR_S,
        requests[1]["aftersale_id"]: PAID_THIS_MONTH + 48 * HOUR_S,
    }
