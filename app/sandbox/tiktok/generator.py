"""History: 90 days of the US TikTok shop's life, made in memory in one pass.

Owns the daily and hourly rhythm of orders (US evening peak, quiet small hours,
weekends, Black Friday and Cyber Monday), living each order's past up to "now" (payment
and the remorse hour, a buyer's cancellation before shipment and the seller's answer, the
seller's shipping, the carrier's scan, delivery, returns by reason with the seller's,
buyer's and platform's steps) and the urgent work a desk always meets. A pure function
of (seed, now, count): the same arguments give the same shop.
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from app.sandbox.clock import DAY, HOUR
from app.sandbox.tiktok import cancellations as cx
from app.sandbox.tiktok import catalogue as cat
from app.sandbox.tiktok import lifecycle as lc
from app.sandbox.tiktok import replacements
from app.sandbox.tiktok.buyers import IdMint, new_order, open_cancellation, open_return, set_shipping_type
from app.sandbox.tiktok.codes import (
    CANCEL_RESPONSE_S,
    ON_HOLD_S,
    RECEIVED_PACKAGE_REJECT_REASONS,
    RETURN_REJECT_REASONS,
    SELLER_RESPONSE_S,
    SHIP_WITHIN_S,
    ArbitrationStatus,
    CancelStatus,
    OrderStatus,
    ReturnStatus,
    ReturnType,
    Role,
)

HISTORY_DAYS = 90
SELLER_CANCEL_RATE = 0.008  # (ours) paid orders the seller cancels before shipping (under TikTok's 2.5 %)
ORDERS_PER_DAY = 105  # on average; the rhythm below shapes the days and hours
# (ours) the shop's hours follow US Eastern time, without daylight saving: close enough for a rhythm.
EASTERN = timedelta(hours=-5)
# Share of a day's orders by Eastern hour: small hours quiet, lunch bump, evening peak.
HOUR_SHAPE: tuple[float, ...] = (1.6, 1.0, 0.6, 0.4, 0.3, 0.4, 0.8, 1.4, 2.2, 3.0, 3.6, 4.2)
HOUR_SHAPE += (4.8, 4.6, 4.2, 4.0, 4.2, 4.6, 5.4, 6.6, 8.0, 8.8, 7.4, 4.2)
_HOUR_TOTAL = sum(HOUR_SHAPE)


@dataclass
class Shop:
    orders: dict[str, lc.Order] = field(default_factory=dict)
    returns: dict[str, lc.Return] = field(default_factory=dict)
    cancellations: dict[str, cx.Cancellation] = field(default_factory=dict)


def local(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, UTC) + EASTERN


def day_factor(ts: int) -> float:
    """Weekends sell more; Black Friday to Cyber Monday about three times an ordinary day."""
    day = local(ts)
    factor = 1.2 if day.weekday() >= 5 else 1.0
    if day.month == 11:
        thanksgiving = 22 + (3 - datetime(day.year, 11, 1).weekday()) % 7
        if thanksgiving + 1 <= day.day <= thanksgiving + 4:
            factor *= 3.0
    elif day.month == 12 and day.day <= 20:
        factor *= 1.3  # holiday shopping
    return factor


def order_times(rng: random.Random, start: int, end: int, count: int | None) -> list[int]:
    """Order creation instants in [start, end): weighted by hour, or exactly `count` of them."""
    hours = list(range(start - start % HOUR, end, HOUR))
    weights = []
    for hour in hours:
        day_noise = random.Random(f"{local(hour).date()}").uniform(0.85, 1.15)
        weights.append(
            ORDERS_PER_DAY * HOUR_SHAPE[local(hour).hour] / _HOUR_TOTAL * day_factor(hour) * day_noise
        )
    cumulative = []
    total = 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)
    if count is None:  # ORDERS_PER_DAY on average: the rhythm moves orders between days, adds none
        count = round(ORDERS_PER_DAY * (end - start) / DAY)
    times = []
    for _ in range(count):
        index = min(bisect.bisect_left(cumulative, rng.random() * total), len(hours) - 1)
        times.append(min(end - 1, max(start, hours[index] + int(rng.random() * HOUR))))
    times.sort()
    return times


def seller_lag(rng: random.Random) -> int:
    """How long the (historical) seller takes to answer; some never do within 48 h."""
    return int((rng.uniform(0.3, 30) if rng.random() < 0.88 else rng.uniform(30, 70)) * HOUR)


def seller_decision(rng: random.Random, ret: lc.Return) -> tuple[str, dict[str, Any]]:
    """What a seller answers a request in its current state: mostly yes."""
    status, draw = ret.status, rng.random()
    if status == ReturnStatus.BUYER_SHIPPED_ITEM:
        return ("APPROVE_RECEIVED_PACKAGE", {}) if draw < 0.92 else ("REJECT_RECEIVED_PACKAGE", {})
    if ret.type == ReturnType.REPLACEMENT:
        if draw < 0.7:
            return "APPROVE_REPLACEMENT", {}
        return ("ISSUE_REPLACEMENT_REFUND", {}) if draw < 0.88 else ("REJECT_REPLACEMENT", {})
    if ret.type == ReturnType.REFUND:
        return ("APPROVE_REFUND", {}) if draw < 0.85 else ("REJECT_REFUND", {})
    return ("APPROVE_RETURN", {}) if draw < 0.86 else ("REJECT_RETURN", {})


def seller_answers(rng: random.Random, seed: int, ret: lc.Return, at: int) -> None:
    """The seller's decision at `at`, in the request's records, as the live platform keeps them."""
    decision, _ = seller_decision(rng, ret)
    lc.decide_return(ret, decision, at, seed)
    if decision.startswith("REJECT"):
        name, text = rng.choice(
            RECEIVED_PACKAGE_REJECT_REASONS if "RECEIVED" in decision else RETURN_REJECT_REASONS
        )
        lc.record(ret, Role.SELLER, decision, at, f"Seller rejected the request: {text}", reason_text=text)
        if rng.random() < 0.3:  # (ours) the buyer appeals; the platform's operator decides
            opened = at + int(rng.uniform(2, 30) * HOUR)
            ret.sim["arbitration"] = {
                "opened": opened,
                "ruling": rng.choice(("SUPPORT_BUYER", "SUPPORT_SELLER")),
            }
    else:
        lc.record(ret, Role.SELLER, decision, at, "Seller approved the request")


def play_return(rng: random.Random, seed: int, ret: lc.Return, now: int) -> None:
    """Walk a request through the seller's answers and the platform's steps up to `now`."""
    while True:
        platform_at = ret.next_at()
        deadline = ret.deadline()
        seller_at = ret.data["update_time"] + seller_lag(rng) if deadline is not None else None
        if seller_at is not None and seller_at <= now and (platform_at is None or seller_at < platform_at):
            seller_answers(rng, seed, ret, seller_at)
            continue
        if platform_at is not None and platform_at <= now:
            lc.run_return_due(ret, platform_at, seed)
            continue
        break
    appeal = ret.sim.pop("arbitration", None)
    if appeal and appeal["opened"] <= now:
        ret.data["arbitration_status"] = ArbitrationStatus.IN_PROGRESS
        ret.data["update_time"] = appeal["opened"]
        lc.record(
            ret,
            Role.OPERATOR,
            "ARBITRATION_OPENED",
            appeal["opened"],
            "The buyer appealed; TikTok Shop is reviewing",
        )
        ruled = appeal["opened"] + 4 * DAY
        if ruled <= now:
            ret.data["arbitration_status"] = appeal["ruling"]
            ret.data["update_time"] = ruled
            lc.record(
                ret, Role.OPERATOR, "ARBITRATION_DECIDED", ruled, f"TikTok Shop decided: {appeal['ruling']}"
            )


def play_cancel(rng: random.Random, cancel: cx.Cancellation, order: lc.Order, now: int) -> None:
    """Walk a cancellation request through the seller's answer and the platform's steps up to `now`."""
    while True:
        platform_at = cancel.next_at()
        seller_at = (
            cancel.data["update_time"] + seller_lag(rng) // 2
            if cancel.status == CancelStatus.PENDING
            else None
        )
        if seller_at is not None and seller_at <= now and (platform_at is None or seller_at < platform_at):
            cx.decide_cancel(cancel, order, rng.random() < 0.8, seller_at)
            continue
        if platform_at is not None and platform_at <= now:
            cx.run_cancel_due(cancel, order, platform_at)
            continue
        return


def settle_order(order: lc.Order, now: int) -> None:
    """The platform's steps on an order (payment, hold, carrier, delivery) up to `now`."""
    while (due := order.next_at()) is not None and due <= now:
        lc.run_order_due(order, due)


def play_order(rng: random.Random, mint: IdMint, seed: int, order: lc.Order, now: int, shop: Shop) -> None:
    """Live an order's past up to `now`: payment, hold, maybe a cancellation, shipping, delivery, a return."""
    pay_at = order.sim.get("pay_at")
    if pay_at is None or pay_at > now:
        settle_order(order, now)  # an order never paid is cancelled by the system
        return
    lc.pay(order, pay_at, SHIP_WITHIN_S)
    hold_until = order.sim["hold_until"]
    if rng.random() < 0.01:  # a buyer's change of mind within the remorse hour: cancelled at once
        at = pay_at + rng.randrange(60, ON_HOLD_S)
        if at <= now:
            cancel = open_cancellation(rng, mint, order, at)
            cx.decide_cancel(cancel, order, True, at)  # no seller to ask during the hold
            shop.cancellations[cancel.id] = cancel
            play_cancel(rng, cancel, order, now)
            return
    settle_order(order, min(now, hold_until))
    if order.status != OrderStatus.AWAITING_SHIPMENT:
        return
    window = order.data["rts_sla_time"] - hold_until
    ship_at = hold_until + int(window * min(rng.betavariate(2.0, 3.2) * 1.1, 1.0))
    if rng.random() < 0.025:  # shipped late
        ship_at = order.data["rts_sla_time"] + int(rng.uniform(1, 40) * HOUR)
    if rng.random() < SELLER_CANCEL_RATE:  # out of stock, a pricing error: the seller cancels
        at = hold_until + int(rng.uniform(0.05, 0.9) * (ship_at - hold_until))
        if at <= now:
            cancel = open_cancellation(rng, mint, order, at, by_seller=True)
            cx.decide_cancel(cancel, order, True, at, initiator=Role.SELLER)
            shop.cancellations[cancel.id] = cancel
            play_cancel(rng, cancel, order, now)
            return
    if rng.random() < cat.CANCEL_REQUEST_RATE:
        asked = hold_until + int(rng.uniform(0.05, 0.8) * (ship_at - hold_until))
        if asked <= now:
            cancel = open_cancellation(rng, mint, order, asked)
            shop.cancellations[cancel.id] = cancel
            play_cancel(rng, cancel, order, now)
            if cancel.status != CancelStatus.CANCEL:
                return  # pending still, or the order is cancelled
            ship_at = max(ship_at, cancel.data["update_time"] + HOUR)
    if ship_at > now:
        return
    provider = cat.pick_provider(rng)
    lc.ship(
        order,
        ship_at,
        provider,
        cat.new_tracking_number(rng, provider),
        rng,
    )
    settle_order(order, now)
    delivered = order.data.get("delivery_time")
    category = cat.PRODUCTS_BY_ID[order.data["line_items"][0]["product_id"]].category
    if delivered is None or rng.random() >= cat.RETURN_RATE[category]:
        return
    applied = delivered + int(rng.uniform(0.2, 14) * DAY)
    if applied <= now:
        ret = open_return(rng, mint, order, applied)
        play_return(rng, seed, ret, now)
        shop.returns[ret.id] = ret
        approved = ret.sim.pop("replacement_at", None)
        if approved is not None:  # the new order the platform made; the seller ships it
            replacement = replacements.issue(mint, ret, order, approved)
            ret.sim["replacement_order_id"] = replacement.id
            shop.orders[replacement.id] = replacement
            ship_at = approved + int(rng.uniform(3 * HOUR, 2.5 * DAY))
            if ship_at <= now:
                provider = cat.pick_provider(rng)
                lc.ship(replacement, ship_at, provider, cat.new_tracking_number(rng, provider), rng)
                settle_order(replacement, now)


def delivered_order(rng: random.Random, mint: IdMint, seed: int, created: int, until: int) -> lc.Order:
    """A paid, shipped and delivered order made for urgent work, its steps lived up to `until`."""
    order = new_order(rng, mint, created, pay_delay_s=120)
    settle_order(order, created + 2 * HOUR)
    provider = cat.pick_provider(rng)
    shipped = created + 20 * HOUR
    lc.ship(
        order,
        shipped,
        provider,
        cat.new_tracking_number(rng, provider),
        rng,
    )
    settle_order(order, until)
    return order


def urgent_work(
    rng: random.Random,
    mint: IdMint,
    seed: int,
    now: int,
    shop: Shop,
    *,
    ship_soon: int = 3,
    answer_soon: int = 2,
    cancel_soon: int = 1,
) -> tuple[list[lc.Order], list[lc.Return], list[cx.Cancellation]]:
    """Orders due to ship within 4 h, returns whose 48 h deadline is within the hour and a
    cancellation request due within 3 h, as a desk always has. Backdated (paid ~3 days ago,
    applied ~47.5 h ago): a simulator's liberty so the urgent lists of a demo are never empty."""
    orders, returns, cancels = [], [], []
    for index in range(ship_soon):
        paid = now - SHIP_WITHIN_S + int(rng.uniform(0.3, 3.8) * HOUR)
        order = new_order(rng, mint, paid - rng.randrange(30, 300), pay_delay_s=None)
        set_shipping_type(order, ("SELLER", "TIKTOK")[index % 2])  # both kinds of shipping due soon
        order.sim["pay_at"] = paid
        settle_order(order, now)
        orders.append(order)
    for index in range(answer_soon):
        applied = now - SELLER_RESPONSE_S + int(rng.uniform(5, 55) * 60)
        order = delivered_order(rng, mint, seed, applied - 9 * DAY, applied)
        kind = (ReturnType.REFUND, ReturnType.RETURN_AND_REFUND)[index % 2]
        ret = open_return(rng, mint, order, applied, kind)
        ret.sim.pop("withdraw_at", None)
        settle_order(order, now)  # the order's own life went on meanwhile
        orders.append(order)
        returns.append(ret)
    for _ in range(cancel_soon):
        asked = now - CANCEL_RESPONSE_S + int(rng.uniform(1, 3) * HOUR)
        paid = asked - 2 * HOUR
        order = new_order(rng, mint, paid - 120, pay_delay_s=120)
        settle_order(order, asked)
        cancel = open_cancellation(rng, mint, order, asked)
        cancel.sim.pop("withdraw_at", None)
        orders.append(order)
        cancels.append(cancel)
    for order in orders:
        shop.orders[order.id] = order
    shop.returns.update((ret.id, ret) for ret in returns)
    shop.cancellations.update((cancel.id, cancel) for cancel in cancels)
    return orders, returns, cancels


def stage_every_decision(rng: random.Random, mint: IdMint, seed: int, now: int, shop: Shop) -> None:
    """A returned parcel awaiting the seller's inspection and a replacement request awaiting an
    answer, so every desk meets every decision TikTok takes, however small its history
    (a simulator's liberty, as urgent_work)."""
    applied = now - 6 * DAY
    order = delivered_order(rng, mint, seed, applied - 10 * DAY, applied)
    ret = open_return(rng, mint, order, applied, ReturnType.RETURN_AND_REFUND)
    ret.sim.pop("withdraw_at", None)
    approved = applied + 5 * HOUR
    lc.decide_return(ret, "APPROVE_RETURN", approved, seed)
    lc.record(ret, Role.SELLER, "APPROVE_RETURN", approved, "Seller approved the request")
    lc.buyer_ships_return(ret, now - 30 * HOUR, seed)  # the seller's 48 h to inspect end in 18 h
    asked = now - 14 * HOUR  # a replacement's 24 h end in 10 h
    other = delivered_order(rng, mint, seed, asked - 8 * DAY, asked)
    replacement = open_return(rng, mint, other, asked, ReturnType.REPLACEMENT)
    replacement.sim.pop("withdraw_at", None)
    settle_order(order, now)
    settle_order(other, now)
    shop.orders.update(((order.id, order), (other.id, other)))
    shop.returns.update(((ret.id, ret), (replacement.id, replacement)))


def history(seed: int, now: int, count: int | None = None) -> tuple[Shop, IdMint]:
    """90 days of a shop's life up to `now`: a pure function of (seed, now, count)."""
    rng = random.Random(seed)
    mint = IdMint()
    shop = Shop()
    for created in order_times(rng, now - HISTORY_DAYS * DAY, now, count):
        order = new_order(rng, mint, created)
        shop.orders[order.id] = order
        play_order(rng, mint, seed, order, now, shop)
    urgent_work(rng, mint, seed, now, shop)
    stage_every_decision(rng, mint, seed, now, shop)
    return shop, mint


def new_shop(store: Any, seed: int, now: int, history_orders: int | None, meta: dict[str, Any]) -> None:
    """Replace the shop in `store` (a tiktok Store) with 90 days of history up to `now`, keeping
    `meta` beside it: the dialect's `new_shop`."""
    shop, mint = history(seed, now, history_orders)
    store.replace_all(
        shop.orders.values(),
        shop.returns.values(),
        shop.cancellations.values(),
        {**meta, "seed": seed, "seq": mint.seq},
    )
