"""A shop with refund requests for the automatic-decision tests: rules, requests, the owner.

`requests_waiting()` writes orders (some shipped, some picked up) and requests of
several kinds and amounts through the sync engine's own ingest (so the status changes
the dry run reads are there too); `owner_rule()` keeps a rule and switches it on as the
owner would.
"""

from __future__ import annotations

import random
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import RequestKind
from app.models.orders import OrderPage
from app.platforms.douyin.codes import AfterSaleStatus, AfterSaleType, OrderStatus
from app.services.automation import rule_book
from app.services.automation.conditions import RuleForm
from app.services.people.permissions import Actor, Role
from app.sync.ingest import store_after_sales, store_orders
from tests.builders import HOUR, NOW, after_sale_row, order_line_row, order_row, parcel_row
from tests.people import seed_people

OWNER = Actor(1, "boss", "老板", Role.OWNER, None, None)
CLERK = Actor(2, "xiaoli", "小李", Role.CLERK, 100_00, 300_00)
KINDS = {
    AfterSaleType.REFUND_BEFORE_SHIPMENT: RequestKind.REFUND_BEFORE_SHIPMENT,
    AfterSaleType.REFUND_AFTER_SHIPMENT: RequestKind.REFUND_AFTER_SHIPMENT,
    AfterSaleType.RETURN_AND_REFUND: RequestKind.RETURN_AND_REFUND,
}


def requests_waiting(
    sessions: sessionmaker[Session], count: int, *, seed: int = 1, now: int = NOW, answered: int = 0
) -> list[str]:
    """`count` requests waiting for the shop (and `answered` refunded ones before them),
    of mixed kinds, amounts, buyers and parcels; returns the waiting ones' ids."""
    rnd = random.Random(seed)
    orders: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    parcels: list[dict[str, Any]] = []
    requests: list[dict[str, Any]] = []
    waiting: list[str] = []
    for n in range(count + answered):
        kind = rnd.choice(list(KINDS))
        shipped = kind != AfterSaleType.REFUND_BEFORE_SHIPMENT
        pay = rnd.choice((990, 2_990, 4_990, 8_900, 15_900, 39_900))
        created = now - rnd.randint(50, 20 * 24) * HOUR
        order = order_row(
            status=int(OrderStatus.SHIPPED if shipped else OrderStatus.AWAITING_SHIPMENT),
            create_time=created, pay_amount=pay, order_amount=pay,
            ship_time=created + 3 * HOUR if shipped else None, buyer_id=f"buyer-{rnd.randint(1, 6)}",
        )  # fmt: skip
        orders.append(order)
        lines.append(order_line_row(order, product_name=rnd.choice(("纯棉短袖T恤", "保温杯", "牛仔裤"))))
        if shipped:
            parcels.append(parcel_row(order, pickup_time=created + 5 * HOUR if rnd.random() < 0.5 else None))
        is_answered = n < answered
        # A waiting request has its deadline ahead; an answered one came in days ago.
        apply_time = created + 6 * HOUR if is_answered else now - rnd.randint(1, 40) * HOUR
        deadline = apply_time + 48 * HOUR if is_answered else now + rnd.choice((1, 10, 40)) * HOUR
        status = AfterSaleStatus.REFUNDED if is_answered else AfterSaleStatus.AWAITING_MERCHANT
        row = after_sale_row(
            order, type=int(kind), status=int(AfterSaleStatus.AWAITING_MERCHANT), apply_time=apply_time,
            update_time=apply_time, status_deadline=deadline,
            refund_amount=pay, reason_text=rnd.choice(("不想要了", "拍错了", "质量问题", "七天无理由")),
        )  # fmt: skip
        requests.append(row)
        if is_answered:
            requests.append(
                after_sale_row(
                    order,
                    aftersale_id=row["aftersale_id"],
                    type=int(kind),
                    status=int(status),
                    apply_time=apply_time,
                    update_time=apply_time + HOUR,
                    status_deadline=None,
                    refund_amount=pay,
                    reason_text=row["reason_text"],
                )  # fmt: skip
            )
        else:
            waiting.append(row["aftersale_id"])
    with sessions.begin() as session:
        store_orders(session, OrderPage(orders, lines, parcels))
        for row in requests:  # one at a time: a refunded one's change follows its arrival
            store_after_sales(session, [row])
    return waiting


def owner_rule(
    sessions: sessionmaker[Session], form: RuleForm, *, now: int = NOW, switch_on: bool = True
) -> int:
    """Keep `form` as a rule (the owner's), switched on unless told not to; its id."""
    seed_people(sessions, OWNER, CLERK)
    with sessions.begin() as session:
        rule_id = rule_book.create_rule(session, OWNER, form, now=now)
        if switch_on:
            rule_book.switch_on(session, OWNER, rule_id, now=now)
    return rule_id
