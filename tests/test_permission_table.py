"""The whole permission table, walked through the services alone (no screen in between).

Every action of `PERMISSIONS` has one service call here; every role tries every action:
the roles the table allows succeed, the others are refused with the Refusal
`PermissionDenied`. An action added to the table without a service that enforces it
has no entry in `SERVICE_CALLS`, and the first test fails.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app import config
from app.models import QuarantinedRecord
from app.platforms.douyin.codes import AfterSaleType
from app.services.attention import needs_attention
from app.services.metrics import drill_down as metric_drill_down
from app.services.metrics import service_metrics as metrics
from app.services.orders import queries as order_queries
from app.services.people import accounts, audit, permissions
from app.services.people.permissions import PERMISSIONS, Action, Actor, PermissionDenied, Role
from app.services.refunds import decisions as refund_decisions
from app.services.refunds import owner_handover
from app.services.refunds import queue as refund_queue
from app.services.setup import connection_settings as shop_connection_settings
from app.services.shipping import board as shipping_board
from app.services.shipping import shipments as shipping
from app.sync import quarantine
from app.sync.quarantine import REASON_NUMBER_TOO_BIG, SetAside
from tests.builders import HOUR, NOW, after_sale_row, order_row, seed
from tests.fixtures_views import actor_of, add_person

WEEK = 7 * 86_400
SF_NUMBERS = ("SF142035687012", "SF142035687013", "SF142035687014")


class Walk:
    """A shop with one person of each role, and per role its own request to decide, order to
    ship and order whose buyer asked for a refund, so one role's success leaves the next
    role's try untouched."""

    def __init__(self, sessions: sessionmaker[Session], owner: Actor, home: Path) -> None:
        self.sessions, self.home = sessions, home
        clerk = add_person(sessions, owner, "li", "Li", Role.CLERK,
                           refund_limit_single_fen=500_00, refund_limit_daily_fen=1_000_00)  # fmt: skip
        self.people = {
            Role.OWNER: owner,
            Role.CLERK: actor_of(clerk),
            Role.WAREHOUSE: actor_of(add_person(sessions, owner, "wu", "Wu", Role.WAREHOUSE)),
        }
        self.request, self.to_ship, self.refund_waiting, self.to_hand = {}, {}, {}, {}
        orders, requests = [], []
        for n, role in enumerate(Role, start=1):
            decided = order_row(order_id=f"691000000000000{n:04d}")
            request = after_sale_row(
                decided, aftersale_id=f"721000000000000{n:04d}", apply_time=NOW - HOUR,
                type=int(AfterSaleType.REFUND_AFTER_SHIPMENT),
            )  # fmt: skip
            shipped = order_row(order_id=f"682000000000000{n:04d}")
            waiting = order_row(order_id=f"683000000000000{n:04d}")
            refund = after_sale_row(waiting, aftersale_id=f"723000000000000{n:04d}", apply_time=NOW - HOUR)
            # One to hand to the owner, and one the clerk handed that the owner hands back.
            to_hand = after_sale_row(decided, aftersale_id=f"724000000000000{n:04d}", apply_time=NOW - HOUR)
            handed = after_sale_row(decided, aftersale_id=f"725000000000000{n:04d}", apply_time=NOW - HOUR)
            orders += [shipped, waiting]
            requests += [request, refund, to_hand, handed]
            self.to_hand[role] = to_hand["aftersale_id"]
            self.request[role] = request["aftersale_id"]
            self.to_ship[role], self.refund_waiting[role] = shipped["order_id"], waiting["order_id"]
        seed(sessions, orders=orders, after_sales=requests)
        self.handed = {}
        for n, role in enumerate(Role, start=1):
            self.handed[role] = f"725000000000000{n:04d}"
            with sessions.begin() as session:
                owner_handover.hand_to_owner(session, self.people[Role.CLERK], self.handed[role],
                                             reason="above my limit", now=NOW - HOUR)  # fmt: skip
        self.set_aside = {}  # a record the sync could not keep, one per role
        for n, role in enumerate(Role, start=1):
            bad = {"order_id": f"699900000000000{n:04d}", "update_time": NOW - 600, "pay_amount": 2**64}
            with sessions.begin() as session:
                kept = SetAside(bad, bad["order_id"], bad["update_time"], REASON_NUMBER_TOO_BIG, "pay")
                quarantine.keep(session, "orders", [kept], NOW - HOUR)
                self.set_aside[role] = session.scalars(
                    select(QuarantinedRecord.id).where(QuarantinedRecord.record_id == bad["order_id"])
                ).one()

    def in_one(self, work: Callable[[Session], object]) -> None:
        with self.sessions.begin() as session:
            work(session)

    def read(self, actor: Actor, action: Action, work: Callable[[Session], object]) -> None:
        """What a screen does: every read through the sessions the permissions hand it."""
        with permissions.reading_sessions(self.sessions, actor, action)() as session:
            work(session)


def _role(actor: Actor) -> Role:
    return Role(actor.role)


def _index(actor: Actor) -> int:
    return list(Role).index(_role(actor))


SERVICE_CALLS: dict[Action, Callable[[Walk, Actor], None]] = {
    Action.VIEW_ORDERS: lambda w, a: w.read(a, Action.VIEW_ORDERS, lambda s: order_queries.list_orders(s)),
    Action.VIEW_REFUND_QUEUE: lambda w, a: w.read(
        a, Action.VIEW_REFUND_QUEUE, lambda s: refund_queue.list_queue(s, now=NOW)
    ),
    Action.VIEW_SHIPPING_BOARD: lambda w, a: w.read(
        a, Action.VIEW_SHIPPING_BOARD, lambda s: shipping_board.list_board(s, now=NOW)
    ),
    Action.VIEW_DASHBOARD: lambda w, a: w.read(
        a,
        Action.VIEW_DASHBOARD,
        lambda s: metrics.compute_metrics(s, start=NOW - WEEK, end=NOW, now=NOW, viewer=a),
    ),  # fmt: skip
    Action.VIEW_MONEY: lambda w, a: w.read(  # the rows behind what late orders cost
        a,
        Action.VIEW_DASHBOARD,
        lambda s: metric_drill_down.drill_down(
            s, "late_compensation_fen", start=NOW - WEEK, end=NOW, now=NOW, viewer=a
        ),
    ),  # fmt: skip
    Action.DECIDE_REFUND: lambda w, a: w.in_one(
        lambda s: refund_decisions.approve_refund(s, a, w.request[_role(a)], now=NOW)
    ),
    Action.SHIP_ORDER: lambda w, a: w.in_one(
        lambda s: shipping.ship_order(s, a, w.to_ship[_role(a)], "shunfeng", SF_NUMBERS[_index(a)], now=NOW)
    ),  # fmt: skip
    Action.REFUSE_REFUND_AND_SHIP: lambda w, a: w.in_one(
        lambda s: shipping.ship_order(
            s,
            a,
            w.refund_waiting[_role(a)],
            "yuantong",
            f"YT{7_000_000_000_000 + _index(a)}",
            now=NOW,
            refuse_refund=True,
        )
    ),  # fmt: skip
    Action.MANAGE_USERS: lambda w, a: w.in_one(
        lambda s: accounts.add_user(
            s,
            a,
            username=f"new-{a.username}",
            display_name="",
            role=Role.CLERK,
            password="a-good-password",
            now=NOW,
        )
    ),  # fmt: skip
    Action.MANAGE_SETTINGS: lambda w, a: w.in_one(
        lambda s: audit.record_settings_change(s, a, "language", "system", "zh_CN", now=NOW)
    ),
    Action.MANAGE_SHOP_CONNECTION: lambda w, a: shop_connection_settings.use_this_computer(
        w.sessions, a, config.Settings(language="en"), path=w.home / f"settings-{a.username}.json"
    ),
    Action.VIEW_AUDIT: lambda w, a: w.in_one(
        lambda s: audit.export_csv(s, a, audit.AuditFilter(), w.home / f"audit-{a.username}.csv")
    ),
    Action.DISMISS_SET_ASIDE_RECORD: lambda w, a: w.in_one(  # taking a set-aside record off the list
        lambda s: needs_attention.dismiss_set_aside(s, a, w.set_aside[_role(a)], now=NOW)
    ),
    Action.HAND_TO_OWNER: lambda w, a: w.in_one(
        lambda s: owner_handover.hand_to_owner(s, a, w.to_hand[_role(a)], reason="over my limit", now=NOW)
    ),
    Action.HAND_BACK_TO_CLERK: lambda w, a: w.in_one(
        lambda s: owner_handover.hand_back(s, a, w.handed[_role(a)], note="ask for photos", now=NOW)
    ),
}


def test_every_action_in_the_table_has_a_service_that_enforces_it() -> None:
    assert set(SERVICE_CALLS) == set(Action)


def test_every_role_may_take_through_the_services_exactly_what_the_table_allows(
    session_factory: sessionmaker[Session], owner: Actor, app_home: Path
) -> None:
    walk = Walk(session_factory, owner, app_home)
    outcomes: dict[tuple[Action, Role], str] = {}
    for action, call in SERVICE_CALLS.items():
        for role, actor in walk.people.items():
            try:
                call(walk, actor)
                outcomes[(action, role)] = "allowed"
            except PermissionDenied as refused:
                assert refused.action == action, (action, role, refused)
                outcomes[(action, role)] = "refused"
    expected = {
        (action, role): "allowed" if role in PERMISSIONS[action] else "refused"
        for action in Action
        for role in Role
    }
    assert outcomes == expected


def test_a_screens_reads_stop_once_the_person_is_switched_off(
    session_factory: sessionmaker[Session], owner: Actor, app_home: Path
) -> None:
    walk = Walk(session_factory, owner, app_home)
    clerk = walk.people[Role.CLERK]
    walk.read(clerk, Action.VIEW_REFUND_QUEUE, lambda s: refund_queue.list_queue(s, now=NOW))
    with session_factory.begin() as session:
        accounts.set_active(session, owner, clerk.user_id, False, now=NOW)
    with pytest.raises(PermissionDenied) as refused:
        walk.read(clerk, Action.VIEW_REFUND_QUEUE, lambda s: refund_queue.list_queue(s, now=NOW))
    assert refused.value.message == permissions.MSG_ACTOR_CHANGED
