"""When an order must ship, what shipping late costs, and which board lane it sits in.

Owns the pure rules behind the shipping-deadline board (RULES.md "Shipping"): the
promise kinds and their ship-by instants on the shop's calendar, the promise length
the compensation bands key on, the late and out-of-stock compensation for an order
(shipped or still waiting), the fake-shipment penalty, the board's lanes, the pickup
timeout with its automatic-refund countdown, and the "due within 2 hours" notice.
Every number comes from the rule set's "shipping" section (`rules.py` and its JSON file);
no Qt, no database: callers pass UTC Unix seconds and integer fen.

An order's ship-by has one meaning everywhere: `ship_by()` in Python and its SQL twin
`ship_by_column()` for queries that sort or filter by it (the board, the orders
screen, the metrics). The platform's `exp_ship_time` counts only when it is set; 0 is
the platform's "not sent", like a missing value, and then payment plus the promise
applies (`platform_promise()`). No screen or query reads `exp_ship_time` otherwise.

Boundaries, all inclusive on the merchant's side: shipping at the ship-by second is on
time; late by exactly `out_of_stock_after_hours` is still "late", one second more is
"out of stock"; a pickup scan exactly `pickup_timeout_hours` after shipping is in time.

Inferring a promise from the platform's `exp_ship_time` is ambiguous where two promises
give the same instant; `promise_kind` then answers as follows, and the deadline (all the
board and the bands use) is the same either way:
- exactly the default promise after payment: "48h" (a two-day presale paid at 23:59:59
  lands on the same second);
- end of the day after payment: "next_day" (also same-day paid after the cut-off, and a
  one-day presale);
- end of the payment day, paid before the cut-off: "same_day" (also a same-day presale).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, func, literal

from app.core.shop_time import date_of, datetime_of, midnight
from app.core.translation import QT_TRANSLATE_NOOP
from app.models import Order
from app.services.rule_history.history import in_force_case
from app.services.rules import HOUR_S, CompensationBand, RuleSet

PROMISE_48H = "48h"
PROMISE_NEXT_DAY = "next_day"
PROMISE_SAME_DAY = "same_day"
PROMISE_PRESALE = "presale"
PROMISE_CUSTOM = "custom"
PROMISE_KINDS = (PROMISE_SAME_DAY, PROMISE_NEXT_DAY, PROMISE_48H, PROMISE_PRESALE, PROMISE_CUSTOM)
PROMISE_LABELS = {
    PROMISE_SAME_DAY: QT_TRANSLATE_NOOP("shipping", "Same day"),
    PROMISE_NEXT_DAY: QT_TRANSLATE_NOOP("shipping", "Next day"),
    PROMISE_48H: QT_TRANSLATE_NOOP("shipping", "Within 48 h"),
    PROMISE_PRESALE: QT_TRANSLATE_NOOP("shipping", "Presale"),
    PROMISE_CUSTOM: QT_TRANSLATE_NOOP("shipping", "Custom"),
}
# A presale date nearer than this is indistinguishable from same-day or next-day.
PRESALE_MIN_DAYS = 2

LANE_OVERDUE = "overdue"
LANE_WITHIN_4H = "within_4h"
LANE_TODAY = "today"
LANE_TOMORROW = "tomorrow"
LANE_LATER = "later"
LANES = (LANE_OVERDUE, LANE_WITHIN_4H, LANE_TODAY, LANE_TOMORROW, LANE_LATER)  # display order
LANE_LABELS = {
    LANE_OVERDUE: QT_TRANSLATE_NOOP("shipping", "Overdue"),
    LANE_WITHIN_4H: QT_TRANSLATE_NOOP("shipping", "Due within {hours} h"),
    LANE_TODAY: QT_TRANSLATE_NOOP("shipping", "Due today"),
    LANE_TOMORROW: QT_TRANSLATE_NOOP("shipping", "Due tomorrow"),
    LANE_LATER: QT_TRANSLATE_NOOP("shipping", "Later"),
}

COMPENSATION_NONE = "none"
COMPENSATION_LATE = "late"
COMPENSATION_OUT_OF_STOCK = "out_of_stock"


# --- the shop's calendar ----------------------------------------------------------
def shop_time(ts: int, rules: RuleSet) -> datetime:
    """`ts` as a wall-clock time in the shop's time zone (the rule set's)."""
    return datetime_of(ts, rules.shipping.tz)


def end_of_shop_day(ts: int, rules: RuleSet, days_later: int = 0) -> int:
    """23:59:59 shop time on the day of `ts` plus `days_later` calendar days."""
    day = date_of(ts, rules.shipping.tz) + timedelta(days=days_later)
    return midnight(day + timedelta(days=1), rules.shipping.tz) - 1


def shop_days_between(earlier: int, later: int, rules: RuleSet) -> int:
    """How many shop-calendar days lie between the dates of two instants (0: same day)."""
    return (shop_time(later, rules).date() - shop_time(earlier, rules).date()).days


def _before_cutoff(pay_time: int, rules: RuleSet) -> bool:
    return shop_time(pay_time, rules).hour < rules.shipping.same_day_cutoff_hour


def paid_after_cutoff(pay_time: int, rules: RuleSet) -> bool:
    """Paid at or after the same-day cut-off (16:00): a same-day order then ships by the
    end of the next day, the very deadline of a next-day order, so `promise_kind` reads
    it as next-day; the board says which it may be."""
    return not _before_cutoff(pay_time, rules)


# --- promises ---------------------------------------------------------------------
def platform_promise(exp_ship_time: int | None) -> int | None:
    """The ship-by instant the platform set, or None when it set none (absent, or 0)."""
    return exp_ship_time or None


def platform_promise_column() -> ColumnElement[int | None]:
    """`platform_promise()` in SQL: the orders' `exp_ship_time`, NULL where it is 0."""
    return func.nullif(Order.exp_ship_time, 0)


def ship_by_column(rules: RuleSet) -> ColumnElement[int | None]:
    """`ship_by()` with the default promise, in SQL: the platform's promise when set, else
    payment plus the default of the rule set in force at payment; NULL for an order not paid."""
    paid = func.nullif(Order.pay_time, 0)
    default = in_force_case(rules, Order.pay_time, lambda r: literal(r.default_ship_promise_s))
    return func.coalesce(platform_promise_column(), paid + default)


def promise_kind(pay_time: int, exp_ship_time: int | None, rules: RuleSet) -> str:
    """Which promise gave the platform's `exp_ship_time` for an order paid at `pay_time`
    (one of PROMISE_KINDS); without `exp_ship_time`, the rule set's default promise (the
    set in force at payment)."""
    rules = rules.at(pay_time)
    deadline = platform_promise(exp_ship_time) or pay_time + rules.default_ship_promise_s
    if deadline - pay_time == rules.default_ship_promise_s:
        return PROMISE_48H
    if deadline != end_of_shop_day(deadline, rules):
        return PROMISE_CUSTOM
    days = shop_days_between(pay_time, deadline, rules)
    if days == 0 and _before_cutoff(pay_time, rules):
        return PROMISE_SAME_DAY
    if days == 1:
        return PROMISE_NEXT_DAY
    if PRESALE_MIN_DAYS <= days <= rules.shipping.presale_max_days:
        return PROMISE_PRESALE
    return PROMISE_CUSTOM


def ship_by(
    pay_time: int | None,
    exp_ship_time: int | None,
    rules: RuleSet,
    promise: str | None = None,
    *,
    presale_days: int = 0,
) -> int | None:
    """The promised ship-by instant: the platform's `exp_ship_time` when it sent one,
    else what `promise` gives an order paid at `pay_time` (the default 48 h promise when
    None; a presale ships by the end of the day `presale_days` after payment, at most
    `presale_max_days`); None for an order not paid yet. The rules are those in force at
    payment (`RuleSet.at`)."""
    promised = platform_promise(exp_ship_time)
    if promised is not None:
        return promised
    if not pay_time:
        return None
    rules = rules.at(pay_time)
    if promise is None or promise == PROMISE_48H:
        return pay_time + rules.default_ship_promise_s
    if promise == PROMISE_SAME_DAY:
        return end_of_shop_day(pay_time, rules, 0 if _before_cutoff(pay_time, rules) else 1)
    if promise == PROMISE_NEXT_DAY:
        return end_of_shop_day(pay_time, rules, 1)
    if promise == PROMISE_PRESALE:
        if presale_days < 0:
            raise ValueError(f"presale_days must not be negative, not {presale_days}")
        return end_of_shop_day(pay_time, rules, min(presale_days, rules.shipping.presale_max_days))
    # A custom promise is a time only the platform knows.
    raise ValueError(f"cannot compute a ship-by time for promise {promise!r} without exp_ship_time")


def promise_hours(pay_time: int, ship_by: int) -> float:
    """How long the promise is, payment to ship-by, in hours (the compensation bands' key)."""
    return (ship_by - pay_time) / HOUR_S


# --- compensation -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Compensation:
    """What an order's shipping costs the merchant, under rule set `rule_set`."""

    kind: str  # "none" (on time, or not due yet), "late" or "out_of_stock"
    amount_fen: int  # whole yuan; 0 for "late" in a band where lateness costs nothing
    band: CompensationBand
    rule_set: str


@dataclass(frozen=True, slots=True)
class AtStake:
    """What an order not yet late would cost if it shipped late, or not at all."""

    late_fen: int  # shipped late by up to out_of_stock_after_hours
    out_of_stock_fen: int  # still unshipped after that
    band: CompensationBand
    rule_set: str


def effective_ship_time(ship_time: int | None, pickup_time: int | None) -> int | None:
    """When the order counts as shipped: the carrier's first pickup scan when reported,
    else the moment the merchant shipped (RULES.md "Shipped")."""
    return pickup_time or ship_time


def compensation_fen(
    pay_amount_fen: int,
    pay_time: int,
    ship_by: int,
    shipped_at: int | None,
    now: int,
    rules: RuleSet,
) -> Compensation:
    """The compensation owed for an order shipped at `shipped_at` (see
    `effective_ship_time`), or, with `shipped_at` None, what is owed at `now` if it stays
    unshipped: nothing before the deadline, "late" after it, "out of stock" once it is
    more than `out_of_stock_after_hours` past. Priced by the rule set in force at payment,
    so a later rule set never re-prices an order paid before it."""
    rules = rules.at(pay_time)
    stake = at_stake_if_late(pay_amount_fen, pay_time, ship_by, rules)
    late_s = (now if shipped_at is None else shipped_at) - ship_by
    if late_s <= 0:
        kind, amount = COMPENSATION_NONE, 0
    elif late_s > rules.shipping.out_of_stock_after_hours * HOUR_S:
        kind, amount = COMPENSATION_OUT_OF_STOCK, stake.out_of_stock_fen
    else:
        kind, amount = COMPENSATION_LATE, stake.late_fen
    return Compensation(kind, amount, stake.band, rules.rule_set)


def at_stake_if_late(pay_amount_fen: int, pay_time: int, ship_by: int, rules: RuleSet) -> AtStake:
    """What missing the deadline would cost: the board's figure for orders not yet late (by the
    rule set in force at payment)."""
    rules = rules.at(pay_time)
    shipping = rules.shipping
    band = shipping.band_for(ship_by - pay_time)
    unit = shipping.compensation_round_to_fen
    late = 0 if band.late is None else band.late.amount_fen(pay_amount_fen, unit)
    return AtStake(late, band.out_of_stock.amount_fen(pay_amount_fen, unit), band, rules.rule_set)


def late_costs_money(rules: RuleSet) -> bool:
    """Whether the rule set makes the shop pay a buyer for shipping late or not at all (Douyin's
    bands); TikTok Shop's pays nothing per order (its late dispatch counts in a rate), so its
    board shows no promise band and no sums at stake."""
    return any(
        rule is not None and rule.max_fen > 0
        for band in rules.shipping.compensation_bands
        for rule in (band.late, band.out_of_stock)
    )


def fake_shipment_penalty_fen(pay_amount_fen: int, rules: RuleSet) -> int:
    """What a fake shipment (empty parcel, wrong goods, fake tracking) pays the buyer."""
    shipping = rules.shipping
    return shipping.fake_shipment.amount_fen(pay_amount_fen, shipping.compensation_round_to_fen)


# --- the board --------------------------------------------------------------------
def lane(ship_by: int, now: int, rules: RuleSet) -> str:
    """The board lane of an unshipped order: overdue once past the ship-by second, then
    due within 4 h (inclusive), due today or tomorrow (shop calendar), else later."""
    shipping = rules.shipping
    if now > ship_by:
        return LANE_OVERDUE
    if ship_by - now <= shipping.lane_within_4h_hours * HOUR_S:
        return LANE_WITHIN_4H
    days = shop_days_between(now, ship_by, rules)
    if days == shipping.lane_today_days_ahead:
        return LANE_TODAY
    if days == shipping.lane_tomorrow_days_ahead:
        return LANE_TOMORROW
    return LANE_LATER


def crosses_into_urgent(ship_by: int, now: int, rules: RuleSet, since: int | None = None) -> bool:
    """Whether the order is due within `urgent_notice_hours` (inclusive) and not yet
    overdue at `now`; with `since` (the previous check), only if it was not yet so then,
    so a notifier that passes its last check time fires once per order. An order that
    went from not urgent straight to overdue between checks does not cross: it is late."""
    window = rules.shipping.urgent_notice_hours * HOUR_S
    urgent_now = 0 <= ship_by - now <= window
    if since is None:
        return urgent_now
    return urgent_now and ship_by - since > window


# --- pickup -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PickupState:
    picked_up: bool
    # No pickup scan within pickup_timeout_hours of shipping (a late scan still counts).
    pickup_timeout: bool
    auto_refund_at: int | None  # when a buyer's refund goes through on its own; None once picked up
    auto_refund_in_s: int | None  # seconds until then, 0 once reached; None once picked up


def pickup_state(ship_time: int, pickup_time: int | None, now: int, rules: RuleSet) -> PickupState:
    """The carrier side of a shipped order: timed out waiting for the pickup scan, and
    how long until the platform refunds a buyer who asks, without the merchant."""
    shipping = rules.shipping
    scanned_or_now = now if pickup_time is None else pickup_time
    timed_out = scanned_or_now - ship_time > shipping.pickup_timeout_hours * HOUR_S
    if pickup_time is not None:
        return PickupState(True, timed_out, None, None)
    refund_at = ship_time + shipping.auto_refund_without_pickup_hours * HOUR_S
    return PickupState(False, timed_out, refund_at, max(0, refund_at - now))
