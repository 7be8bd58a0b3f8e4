"""The history of after-sale statuses the metrics need: recorded by the sync's ingest.

The mirror keeps each request's current state only; `after_sale_status_changes` keeps
when it entered each status the app saw. These tests pin down what the ingest records
(and what it must not: re-reads of the overlap window, older versions), that it does so
with one SELECT and one INSERT per page, what migration 0006 fills in for a mirror
that existed before it, and, end to end against the sandbox store over HTTP, that a
request the platform agrees on at its deadline shows up as a timeout approval.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Engine, MetaData, event, insert, select
from sqlalchemy.orm import Session, sessionmaker

from app.db import _alembic_config, make_engine, open_database, upgrade_to_head
from app.models import AfterSaleStatusChange, Order
from app.platforms.douyin.client import Outcome
from app.platforms.douyin.parse import parse_orders
from app.services.metrics.drill_down import drill_down
from app.services.people.permissions import Actor, Role
from app.services.refunds import decisions as refund_decisions
from app.sync.engine import SyncEngine
from tests.builders import after_sale_row, order_row, parcel_row
from tests.metric_shop import HOUR, S, T, a_request, an_order, at, moved, pull
from tests.people import seed_people
from tests.sandbox_control import control, demo_platform, sandbox_now

OWNER = Actor(1, "boss", "Boss", Role.OWNER, None, None)


def changes(sessions: sessionmaker[Session]) -> list[tuple[str, int | None, int, int, int | None]]:
    with sessions() as session:
        rows = session.scalars(select(AfterSaleStatusChange).order_by(AfterSaleStatusChange.id))
        return [(c.aftersale_id, c.from_status, c.to_status, c.at, c.from_deadline) for c in rows]


def test_a_request_first_seen_gets_one_change_from_nothing_at_its_update_time(database_url: str) -> None:
    _, sessions = open_database(database_url)
    order = an_order(paid=at(11), shipped=at(11, 8))
    waiting = a_request(order, applied=at(12, 8))
    decided = moved(a_request(order, applied=at(12, 8)), S.REFUNDED, at(13, 9))  # the backfill's case
    pull(sessions, waiting, decided)
    assert changes(sessions) == [
        (waiting["aftersale_id"], None, S.AWAITING_MERCHANT, at(12, 8), None),
        (decided["aftersale_id"], None, S.REFUNDED, at(13, 9), None),
    ]


def test_a_new_status_is_recorded_once_with_the_deadline_it_left_and_old_versions_change_nothing(
    database_url: str,
) -> None:
    _, sessions = open_database(database_url)
    request = a_request(an_order(paid=at(11), shipped=at(11, 8)), applied=at(12, 8))
    refunded = moved(request, S.REFUNDED, at(14, 8))
    pull(sessions, request)
    pull(sessions, refunded)
    pull(sessions, refunded)  # the overlap window reads it again
    pull(sessions, request)  # an older version: the upsert keeps the newer one, and so does the history
    assert changes(sessions)[1:] == [
        (request["aftersale_id"], S.AWAITING_MERCHANT, S.REFUNDED, at(14, 8), at(14, 8))
    ]


def test_two_versions_of_a_request_in_one_page_are_two_changes(database_url: str) -> None:
    _, sessions = open_database(database_url)
    request = a_request(
        an_order(paid=at(11), shipped=at(11, 8)), applied=at(12, 8), type_=T.RETURN_AND_REFUND
    )
    agreed = moved(request, S.AWAITING_BUYER_RETURN, at(12, 9), at(19, 9))
    pull(sessions, request)
    pull(sessions, agreed, moved(agreed, S.RETURN_AWAITING_RECEIPT, at(13, 9), at(15, 9)))
    assert [(c[1], c[2], c[4]) for c in changes(sessions)] == [
        (None, S.AWAITING_MERCHANT, None),
        (S.AWAITING_MERCHANT, S.AWAITING_BUYER_RETURN, at(14, 8)),
        (S.AWAITING_BUYER_RETURN, S.RETURN_AWAITING_RECEIPT, at(19, 9)),
    ]


def test_a_page_is_stored_with_one_select_one_upsert_and_one_insert(database_url: str) -> None:
    engine, sessions = open_database(database_url)
    order = an_order(paid=at(11), shipped=at(11, 8))
    page = [a_request(order, applied=at(12, 8) + n) for n in range(100)]
    pull(sessions, *page[:50])
    statements: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement.split()[0].upper())

    event.listen(engine, "before_cursor_execute", count)
    try:
        pull(sessions, *(moved(r, S.REFUNDED, at(13)) for r in page[:50]), *page[50:])
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert [s for s in statements if s in ("SELECT", "INSERT", "UPDATE")] == ["SELECT", "INSERT", "INSERT"]
    assert len(changes(sessions)) == 150


def test_an_orders_first_pickup_scan_is_kept_on_the_order() -> None:
    record = {
        "order_id": "6900000000000000001",
        "order_status": 3,
        "create_time": at(11),
        "update_time": at(12),
        "logistics_info": [
            {"tracking_no": "SF1", "ship_time": at(11, 8), "pickup_time": at(11, 12)},
            {"tracking_no": "SF2", "ship_time": at(11, 8), "pickup_time": at(11, 10)},
            {"tracking_no": "SF3", "ship_time": at(11, 9), "pickup_time": 0},  # 0: no scan yet
        ],
    }
    assert parse_orders([record], synced_at=1).orders[0]["pickup_time"] == at(11, 10)
    unscanned = {**record, "logistics_info": record["logistics_info"][2:]}
    assert parse_orders([unscanned], synced_at=1).orders[0]["pickup_time"] is None


def _mirror_at_0005(engine: Engine) -> None:
    """A mirror made by the app before revision 0006, with an order, a scanned parcel and a refund."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0005")
    tables = MetaData()
    tables.reflect(engine)
    order = order_row(buyer_id="")  # reflected tables know no model defaults
    parcel = parcel_row(order, pickup_time=at(12, 9))
    request = after_sale_row(order, status=int(S.REFUNDED), update_time=at(13, 9), synced_at=at(13, 10))
    with engine.begin() as connection:
        connection.execute(insert(tables.tables["orders"]), order)
        connection.execute(insert(tables.tables["order_logistics"]), parcel)
        connection.execute(insert(tables.tables["after_sales"]), request)


def test_migration_0006_gives_a_mirrors_requests_their_first_seen_change_and_orders_their_scan(
    database_url: str,
) -> None:
    engine = make_engine(database_url)
    _mirror_at_0005(engine)
    upgrade_to_head(engine)
    with Session(engine) as session:
        (change,) = session.scalars(select(AfterSaleStatusChange)).all()
        assert (change.from_status, change.to_status, change.at, change.seen_at) == (
            None,
            S.REFUNDED,
            at(13, 9),
            at(13, 10),
        )
        assert session.scalars(select(Order.pickup_time)).one() == at(12, 9)
    engine.dispose()


# --- end to end, against the sandbox store ---------------------------------------------------------
def test_a_request_the_platform_agrees_at_its_deadline_is_a_timeout_approval_after_a_pull(
    sandbox_url: str, database_url: str
) -> None:
    """Two refund requests awaiting the shop: one agreed here (and pushed) at once, the
    other left alone. Two days on, the platform has agreed the second on the shop's
    behalf; after the next pull it is a timeout approval, the first is not."""
    made = control(
        sandbox_url, "tick", {"new_after_sales": 2, "after_sale_type": int(T.REFUND_AFTER_SHIPMENT)}
    )
    answered, left_alone = made["after_sales"]
    _, sessions = open_database(database_url)
    seed_people(sessions, OWNER)
    engine = SyncEngine(demo_platform(sandbox_url), sessions)
    assert engine.run_once().outcome is Outcome.DONE
    with sessions.begin() as session:
        refund_decisions.approve_refund(session, OWNER, answered, now=int(time.time()))
    assert engine.run_once().outcome is Outcome.DONE  # push, then pull
    control(sandbox_url, "clock", {"advance_s": 49 * HOUR})
    assert engine.run_once().outcome is Outcome.DONE
    now = sandbox_now(sandbox_url)
    with sessions() as session:
        rows = drill_down(session, "timeout_approvals", start=now - 4 * 24 * HOUR, end=now + 1, now=now)
    timed_out = {row.id for row in rows}
    assert left_alone in timed_out and answered not in timed_out
    history = {c[0]: c for c in changes(sessions) if c[1] == S.AWAITING_MERCHANT}
    _, _, to_status, moved_at, deadline = history[left_alone]
    assert to_status == S.REFUNDED and deadline is not None and moved_at >= deadline
    assert history[answered][2] == S.REFUNDED and history[answered][3] < history[answered][4]
