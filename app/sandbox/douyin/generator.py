"""History: 90 days of the shop's life, made in memory in one pass.

Owns the daily and hourly rhythm of orders (evening peak, quiet small hours,
weekends, the 双11 spike), living each order's past up to "now" (payment, an early
refund, the merchant's shipping, the carrier's pickup scan or the refund when it never
came, delivery, after-sales and the merchant's and platform's answers) and the urgent
work a desk always has. A pure function of (seed, now, count): the same arguments give
the same shop.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from app.sandbox.catalogue import AFTER_SALE_RATE, PRODUCTS, REFUND_BEFORE_SHIPMENT_RATE
from app.sandbox.clock import DAY, HOUR, shanghai
from app.sandbox.douyin import arbitration, codes, price_protection
from app.sandbox.douyin import lifecycle as lc
from app.sandbox.douyin.buyers import (
    IdMint,
    keep_48h_products,
    new_order,
    open_after_sale,
    ship_with_random_carrier,
)
from app.sandbox.douyin.codes import AfterSaleStatus, OrderStatus, RecordRole

S = AfterSaleStatus
HISTORY_DAYS = 90
ORDERS_PER_DAY = 105  # an ordinary day; the rhythm below shapes it
# Share of a day's orders by Shanghai hour: quiet small hours, lunch bump, evening peak.
HOUR_SHAPE = (
    1.2,
    0.6,
    0.3,
    0.2,
    0.2,
    0.3,
    0.8,
    1.6,
    2.8,
    3.6,
    4.0,
    4.4,
    5.0,
    4.4,
    4.0,
    4.0,
    4.2,
    4.6,
    5.4,
    6.6,
    8.4,
    9.6,
    8.6,
    4.8,
)
_HOUR_TOTAL = sum(HOUR_SHAPE)


@dataclass
class Shop:
    orders: dict[str, lc.Order] = field(default_factory=dict)
    after_sales: dict[str, lc.AfterSale] = field(default_factory=dict)


def day_factor(day_start: int) -> float:
    """Weekends sell more; 双11 (and the day after) about three times an ordinary day."""
    local = shanghai(day_start + 12 * HOUR)
    factor = 1.25 if local.weekday() >= 5 else 1.0
    if (local.month, local.day) in ((11, 11), (11, 12)):
        factor *= 3.0
    elif local.month == 11 and 1 <= local.day <= 10:
        factor *= 1.3  # the run-up, with early sales
    return factor


def order_times(rng: random.Random, start: int, end: int, count: int | None) -> list[int]:
    """Order creation instants in [start, end): Poisson-like by hour, or exactly `count` of them."""
    hours = list(range(start - start % HOUR, end, HOUR))
    weights = []
    for hour in hours:
        local = shanghai(hour)
        day_noise = random.Random(f"{local.date()}").uniform(0.85, 1.15)
        weights.append(ORDERS_PER_DAY * HOUR_SHAPE[local.hour] / _HOUR_TOTAL * day_factor(hour) * day_noise)
    if count is None:
        count = round(sum(weights))
    cumulative = []
    total = 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)
    times = []
    for _ in range(count):
        index = bisect.bisect_left(cumulative, rng.random() * total)
        index = min(index, len(hours) - 1)
        times.append(min(end - 1, max(start, hours[index] + rng.randrange(HOUR))))
    times.sort()
    return times


def merchant_lag(rng: random.Random) -> int:
    """How long the (simulated, historical) merchant takes to answer; some never do in time."""
    return int((rng.uniform(0.3, 20) if rng.random() < 0.85 else rng.uniform(20, 70)) * HOUR)


def play_after_sale(
    rng: random.Random,
    seed: int,
    asale: lc.AfterSale,
    order: lc.Order,
    now: int,
    *,
    merchant_absent: bool = False,
) -> None:
    """Walk a request from its current state through merchant answers and platform steps up to `now`."""
    while True:
        entered = asale.info["update_time"]
        platform_at = asale.next_at()
        merchant_at = entered + merchant_lag(rng) if asale.status in (6, 11) and not merchant_absent else None
        if asale.status == S.AWAITING_MERCHANT_SHIPMENT and not merchant_absent:
            # The resend's or repair's goods go out; the request's own draw (other histories stay).
            merchant_at = entered + int(lc.entity_rng(seed, asale.id, "ship").uniform(2, 40) * HOUR)
        if (
            merchant_at is not None
            and merchant_at <= now
            and (platform_at is None or merchant_at < platform_at)
        ):
            shipping = asale.status == S.AWAITING_MERCHANT_SHIPMENT  # nothing to refuse there
            refuse = not shipping and rng.random() < (0.12 if asale.status == S.AWAITING_MERCHANT else 0.05)
            if refuse and asale.type == codes.AfterSaleType.REFUND_BEFORE_SHIPMENT:
                # Refused the only way the platform takes it: the order ships with is_refund_reject
                # (the caller ships it at this moment, `shipped_refusing_at`).
                lc.set_after_sale_status(asale, order, S.MERCHANT_REFUSED, merchant_at, merchant_at, seed)
                lc.record(asale, RecordRole.MERCHANT, "merchant_shipped_refusing", merchant_at)
                asale.sim["shipped_refusing_at"] = merchant_at
                continue
            candidates = [
                (op, table[(asale.type, asale.status)])
                for op, table in codes.OPERATE_TRANSITIONS.items()
                if (asale.type, asale.status) in table and (op in codes.REFUSING_OPERATIONS) == refuse
            ]
            shipped = codes.FILL_LOGISTICS_TRANSITIONS.get((asale.type, asale.status))
            if shipped is not None and not refuse:  # a resend's goods sent (afterSale.fillLogistics)
                candidates.append((codes.FILL_LOGISTICS_METHOD, shipped))
            if candidates:
                # Which of two ways to agree (a repair with or without the goods coming back): the
                # request's own draw, so other requests' histories stay as they were.
                pick = lc.entity_rng(seed, asale.id, f"agree/{asale.status}").randrange(len(candidates))
                lc.set_after_sale_status(asale, order, candidates[pick][1], merchant_at, merchant_at, seed)
                # In the request's history too, as the live platform records it (handlers.py).
                lc.record(
                    asale,
                    RecordRole.MERCHANT,
                    "merchant_refused" if refuse else "merchant_agreed",
                    merchant_at,
                )
                continue
        if platform_at is not None and platform_at <= now:
            what = lc.run_after_sale_due(asale, order, platform_at, platform_at, seed)
            if what:  # who moved it, as the live platform's tick records it (platform.py)
                role = RecordRole.BUYER if what == "buyer_returned_goods" else RecordRole.PLATFORM
                lc.record(asale, role, what, platform_at)
            continue
        return


def open_with_history(
    rng: random.Random,
    mint: IdMint,
    seed: int,
    order: lc.Order,
    applied: int,
    now: int,
    *,
    before_shipment: bool,
) -> lc.AfterSale:
    """A buyer's request opened in the past, its history starting with the application (and
    the platform's fast refund, when it refunded at once), as the live platform records it."""
    asale = open_after_sale(rng, mint, seed, order, applied, now, before_shipment=before_shipment)
    lc.record(asale, RecordRole.BUYER, "buyer_applied", applied)
    if asale.sim.get("fast_refund"):
        lc.record(asale, RecordRole.PLATFORM, "fast_refund", applied)
    return asale


def history(seed: int, now: int, count: int | None = None) -> tuple[Shop, IdMint]:
    """90 days of a shop's life up to `now`: pure function of (seed, now, count)."""
    rng = random.Random(seed)
    mint = IdMint()
    shop = Shop()
    for created in order_times(rng, now - HISTORY_DAYS * DAY, now, count):
        order = new_order(rng, mint, created)
        shop.orders[order.id] = order
        for asale in play_order(rng, mint, seed, order, now):
            shop.after_sales[asale.id] = asale
    for asale in urgent_work(rng, mint, seed, now, shop.orders):
        shop.after_sales[asale.id] = asale
    stage_arbitrations(mint, seed, now, shop)
    return shop, mint


def stage_arbitrations(mint: IdMint, seed: int, now: int, shop: Shop) -> None:
    """Open arbitration cases a desk may meet: one where the platform awaits the shop's evidence
    (opened 20 h ago), one just opened (it moves on live). A simulator's liberty, as urgent_work."""
    opened = (now - 20 * HOUR, now - 40 * 60)
    staged = arbitration.to_stage(shop.after_sales.values(), now, count=len(opened))
    # A small or quiet history may hold fewer refused returns than cases to stage: refused
    # ones are made for the rest, so every desk meets both cases, whatever its history drew.
    for extra in range(len(opened) - len(staged)):
        staged.append(refused_return(mint, seed, extra, now, shop))
    for asale, opened_at in zip(staged, opened, strict=True):
        order = shop.orders[asale.order_id]
        arbitration.stage(asale.sim, opened_at)
        while (due := asale.next_at()) is not None and due <= now:
            what = lc.run_after_sale_due(asale, order, due, due, seed)
            if what:
                lc.record(asale, RecordRole.PLATFORM, what, due)


def refused_return(mint: IdMint, seed: int, index: int, now: int, shop: Shop) -> lc.AfterSale:
    """A delivered order whose return the shop refused two days ago, for `stage_arbitrations`
    when the history drew too few. Its own generator: the rest of the shop stays as it was."""
    rng = random.Random(f"{seed}/refused-return/{index}")
    created = now - 9 * DAY - rng.randrange(DAY)
    order = new_order(rng, mint, created)
    lc.pay(order, created + 120, created + 120)
    shipped = created + 20 * HOUR
    ship_with_random_carrier(rng, order, shipped, shipped, seed)
    scanned = order.sim.get("pickup_at") or shipped + 6 * HOUR
    lc.scan_pickup(order, scanned, scanned)
    applied = now - 3 * DAY + index * HOUR
    asale = open_after_sale(
        rng,
        mint,
        seed,
        order,
        applied,
        applied,
        before_shipment=False,
        kind=codes.AfterSaleType.RETURN_AND_REFUND,
    )
    lc.record(asale, RecordRole.BUYER, "buyer_applied", applied)
    refused = applied + 5 * HOUR
    lc.set_after_sale_status(asale, order, S.MERCHANT_REFUSED, refused, refused, seed)
    lc.record(asale, RecordRole.MERCHANT, "merchant_refused", refused)
    asale.sim.pop("arbitration", None)  # the buyer's own escalation is the one staged next
    shop.orders[order.id] = order
    shop.after_sales[asale.id] = asale
    return asale


def play_order(
    rng: random.Random, mint: IdMint, seed: int, order: lc.Order, now: int, *, keep_unshipped: bool = False
) -> Iterator[lc.AfterSale]:
    """Live an order's past up to `now`: payment, maybe an early refund, shipping, delivery, after-sales."""
    pay_at = order.sim.get("pay_at")
    if pay_at is None or pay_at > now:
        if pay_at is None and order.data["create_time"] + lc.UNPAID_CANCEL_S <= now:
            lc.cancel(order, order.data["create_time"] + lc.UNPAID_CANCEL_S, order.data["create_time"] + 1800)
        return
    lc.pay(order, pay_at, pay_at)
    window = max(order.data["exp_ship_time"] - pay_at, HOUR)
    ship_at = pay_at + int(window * min(rng.betavariate(2.2, 3.0) * 1.08, 1.5))
    if rng.random() < 0.015:
        ship_at = order.data["exp_ship_time"] + int(rng.uniform(1, 60) * HOUR)  # forgotten for a while
    refused_at: int | None = None  # a refund before shipment refused by shipping the order
    if rng.random() < REFUND_BEFORE_SHIPMENT_RATE:
        applied = pay_at + int(rng.uniform(0.05, 0.9) * (ship_at - pay_at))
        if applied <= now:
            asale = open_with_history(rng, mint, seed, order, applied, applied, before_shipment=True)
            play_after_sale(rng, seed, asale, order, now)
            yield asale
            if asale.status == S.AWAITING_MERCHANT or order.status == OrderStatus.CANCELLED:
                return
            refused_at = asale.sim.get("shipped_refusing_at")  # the refusal was this shipment
            ship_at = refused_at if refused_at is not None else max(ship_at, asale.info["update_time"] + HOUR)
    if (ship_at > now or keep_unshipped) and ship_at != refused_at:
        return
    ship_with_random_carrier(rng, order, ship_at, ship_at, seed)
    # The platform's own steps since: the carrier's scan (or the refund when none came), completion.
    while (due := order.next_at()) is not None and due <= now:
        lc.run_order_due(order, due, due)
    protected = price_protection.maybe_open(seed, order, pay_at, now)
    if protected is not None:
        yield protected
    if not lc.picked_up(order):
        return  # buyers ask about goods once they have moved; a refunded order has nothing left to ask
    line = rng.choice(order.data["sku_order_list"])
    category = next(p.category for p in PRODUCTS if p.product_id == str(line["product_id"]))
    if rng.random() < AFTER_SALE_RATE[category]:
        applied = ship_at + int(rng.uniform(1.2, 9) * DAY)
        if applied <= now:
            asale = open_with_history(rng, mint, seed, order, applied, applied, before_shipment=False)
            play_after_sale(rng, seed, asale, order, now)
            yield asale


def urgent_work(
    rng: random.Random,
    mint: IdMint,
    seed: int,
    now: int,
    orders: dict[str, lc.Order],
    *,
    ship_soon: int = 3,
    answer_soon: int = 2,
    pickup_overdue: int = 2,
) -> list[lc.AfterSale]:
    """Orders due to ship within 4 h, requests whose deadline is within the hour, and parcels
    with no pickup scan a day after shipping, as a desk always has.

    They are backdated (paid ~45 h ago, applied ~47.5 h ago, shipped 26-44 h ago); a
    simulator's liberty so the urgent lists of a demo are never empty. Their
    `update_time` is `now` (the parcels': when they were shipped).
    """
    made = []
    for _ in range(ship_soon):
        paid = now - 48 * HOUR + int(rng.uniform(0.3, 3.8) * HOUR)
        order = new_order(rng, mint, paid - rng.randrange(30, 300))
        order.data["sku_order_list"] = order.data["sku_order_list"][:1]
        order.data["sku_order_list"][0]["order_id"] = order.id
        keep_48h_products(rng, order)
        lc.pay(order, paid, now)
        orders[order.id] = order
    for _ in range(answer_soon):
        created = now - 7 * DAY - rng.randrange(DAY)
        order = new_order(rng, mint, created)
        lc.pay(order, created + 120, created + 120)
        shipped = created + 20 * HOUR
        ship_with_random_carrier(rng, order, shipped, shipped, seed)
        # The parcel moved: a request about goods the carrier never took is another story.
        scanned = order.sim.get("pickup_at") or shipped + 6 * HOUR
        lc.scan_pickup(order, scanned, scanned)
        orders[order.id] = order
        applied = now - lc.MERCHANT_REVIEW_S + int(rng.uniform(5, 55) * 60)
        asale = open_with_history(rng, mint, seed, order, applied, now, before_shipment=False)
        asale.info["status_deadline"] = applied + lc.MERCHANT_REVIEW_S
        made.append(asale)
    for _ in range(pickup_overdue):
        shipped = now - int(rng.uniform(26, 44) * HOUR)
        paid = shipped - int(rng.uniform(2, 20) * HOUR)
        order = new_order(rng, mint, paid - rng.randrange(30, 300))
        lc.pay(order, paid, paid)
        ship_with_random_carrier(rng, order, shipped, shipped, seed)
        lc.schedule_pickup(order, shipped, None)  # the courier never came; the platform refunds at 48 h
        orders[order.id] = order
    return made
