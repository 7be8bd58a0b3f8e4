"""The services refuse what a person may not do, whatever the screens showed or the sign-in remembered.

Real people (created and changed through `accounts`), real databases (SQLite and
PostgreSQL): a clerk cannot re-point the workstation, discarding follows the kind of
decision, every decision and shipment reads the person's record as it is now, and a
clerk's daily limit counts every approval that spends money, also when two desks
approve at the same moment.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from app import config
from app.db import open_database
from app.models import AfterSale, AuditEvent, OutboxOperation
from app.models import outbox as state
from app.platforms.douyin.codes import AfterSaleType
from app.services import outbox
from app.services.attention import needs_attention
from app.services.people import accounts
from app.services.people.permissions import (
    MSG_ACTOR_CHANGED,
    MSG_OVER_DAILY,
    MSG_OVER_SINGLE,
    MSG_ROLE,
    Actor,
    PermissionDenied,
    Role,
)
from app.services.refunds import decisions as refund_decisions
from app.services.setup.shop_setup import ShopChoice, switch_shop
from app.services.shipping import carriers
from app.services.shipping import shipments as shipping
from tests.builders import HOUR, NOW, after_sale_row, order_row, seed
from tests.fixtures_views import actor_of, add_person
from tests.memory_keyring import MemoryKeyring, keyring_in_use

DAY = 24 * HOUR
SF = next(c for c in carriers.bundled() if c.code == "shunfeng").example
REAL_SHOP = ShopChoice(
    use_demo=False, gateway="https://openapi-fxg.jinritemai.com", app_key="7123", app_secret="s3", shop_id="8"
)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with keyring_in_use(MemoryKeyring()) as backend:
        yield backend


class Shop:
    """A shop database with its owner, a clerk (¥100 a refund, ¥150 a day), a warehouse
    worker, refund requests to decide and orders to ship."""

    def __init__(self, database_url: str) -> None:
        self.engine, self.sessions = open_database(database_url)
        with self.sessions.begin() as session:
            self.owner = accounts.create_owner(session, "boss", "Boss", "owner-pass-1", now=NOW)
        self.clerk = actor_of(
            add_person(self.sessions, self.owner, "li", "Li", Role.CLERK,
                       refund_limit_single_fen=100_00, refund_limit_daily_fen=150_00)
        )  # fmt: skip
        self.warehouse = actor_of(add_person(self.sessions, self.owner, "wu", "Wu", Role.WAREHOUSE))
        self.orders = [order_row(order_id=f"68000000000000000{n:02d}") for n in range(1, 4)]
        requests = [
            after_sale_row(
                order_row(order_id=f"69000000000000000{n:02d}"),
                aftersale_id=f"72000000000000000{n:02d}",
                type=int(AfterSaleType.REFUND_AFTER_SHIPMENT),
                refund_amount=amount,
                apply_time=NOW - HOUR,
            )
            for n, amount in enumerate((90_00, 70_00, 60_00, 100_00), start=1)
        ]
        seed(self.sessions, orders=self.orders, after_sales=requests)
        self.requests = [row["aftersale_id"] for row in requests]

    def change(self, user: Actor, **what: object) -> None:
        """The owner changes `user` at another desk."""
        with self.sessions.begin() as session:
            if "active" in what:
                accounts.set_active(session, self.owner, user.user_id, bool(what["active"]), now=NOW)
            if "limits" in what:
                single, daily = what["limits"]  # type: ignore[misc]
                accounts.set_refund_limits(session, self.owner, user.user_id, single, daily, now=NOW)
            if "role" in what:
                accounts.set_role(session, self.owner, user.user_id, Role(str(what["role"])), now=NOW)

    def approve(self, actor: Actor, index: int, now: int = NOW) -> None:
        with self.sessions.begin() as session:
            refund_decisions.approve_refund(session, actor, self.requests[index], now=now)

    def conflict(self, index: int, *, moved_by: int = 5) -> int:
        """The platform answered "the request changed": the decision waits for a person."""
        with self.sessions.begin() as session:
            op = session.scalars(
                select(OutboxOperation).where(OutboxOperation.entity_id == self.requests[index])
                .order_by(OutboxOperation.seq.desc())
            ).first()  # fmt: skip
            assert op is not None
            op.state = state.CONFLICT
            request = session.get(AfterSale, self.requests[index])
            assert request is not None
            request.update_time += moved_by
            return op.seq

    def written(self) -> tuple[int, int]:
        with self.sessions() as session:
            return (
                session.scalar(select(func.count()).select_from(AuditEvent)) or 0,
                session.scalar(select(func.count()).select_from(OutboxOperation)) or 0,
            )


@pytest.fixture
def shop_db(database_url: str) -> Iterator[Shop]:
    shop = Shop(database_url)
    yield shop
    shop.engine.dispose()


# --- item 12: re-pointing the workstation -----------------------------------------------------
def test_a_clerk_cannot_point_the_workstation_at_another_shop_and_nothing_is_saved(
    session_factory: sessionmaker[Session],
    settings: config.Settings,
    owner: Actor,
    memory_keyring: MemoryKeyring,
) -> None:
    clerk = actor_of(add_person(session_factory, owner, "xiaowang", "小王", Role.CLERK))
    with pytest.raises(PermissionDenied) as refused:
        switch_shop(settings, REAL_SHOP, clerk, session_factory, now=NOW)
    assert refused.value.message == MSG_ROLE
    assert settings.shop is None and not (config.data_dir() / config.SETTINGS_FILE).exists()
    assert memory_keyring.entries == {}  # the secret did not go to the keyring either


def test_an_owner_switched_off_at_another_desk_cannot_point_the_workstation_elsewhere(
    session_factory: sessionmaker[Session],
    settings: config.Settings,
    owner: Actor,
    memory_keyring: MemoryKeyring,
) -> None:
    other = actor_of(add_person(session_factory, owner, "laowang", "老王", Role.OWNER))
    with session_factory.begin() as session:
        accounts.set_active(session, other, owner.user_id, False, now=NOW)
    with pytest.raises(PermissionDenied) as refused:
        switch_shop(settings, REAL_SHOP, owner, session_factory, now=NOW)
    assert refused.value.message == MSG_ACTOR_CHANGED
    assert settings.shop is None and memory_keyring.entries == {}


# --- item 13: discarding ----------------------------------------------------------------------
def test_discarding_a_refund_decision_needs_decide_refund_and_a_shipment_ship_order(shop_db: Shop) -> None:
    shop = shop_db
    shop.approve(shop.clerk, 0)
    decision = shop.conflict(0)
    with shop.sessions.begin() as session:
        order_id = shop.orders[0]["order_id"]
        queued = shipping.ship_order(session, shop.warehouse, order_id, "shunfeng", SF, now=NOW)
        shipment = session.scalars(
            select(OutboxOperation.seq).where(OutboxOperation.op_id == queued.op_id)
        ).one()
        session.get(OutboxOperation, shipment).state = state.REJECTED
    before = shop.written()
    for actor, seq in ((shop.warehouse, decision), (shop.clerk, shipment)):
        with shop.sessions.begin() as session, pytest.raises(PermissionDenied) as refused:
            outbox.discard(session, actor, seq, now=NOW + 60)
        assert refused.value.message == MSG_ROLE
    assert shop.written() == before
    with shop.sessions() as session:
        assert {session.get(OutboxOperation, s).state for s in (decision, shipment)} == {
            state.CONFLICT,
            state.REJECTED,
        }
    for actor, seq in ((shop.clerk, decision), (shop.warehouse, shipment)):
        with shop.sessions.begin() as session:
            outbox.discard(session, actor, seq, now=NOW + 60)
    with shop.sessions() as session:
        assert {session.get(OutboxOperation, s).state for s in (decision, shipment)} == {state.DISCARDED}


# --- item 14: the current record, not the sign-in's snapshot -----------------------------------
def test_a_clerk_switched_off_at_another_desk_can_no_longer_decide(shop_db: Shop) -> None:
    shop = shop_db
    signed_in = shop.clerk  # the snapshot taken at sign-in
    shop.change(shop.clerk, active=False)
    before = shop.written()
    with pytest.raises(PermissionDenied) as refused:
        shop.approve(signed_in, 2)
    assert refused.value.message == MSG_ACTOR_CHANGED
    assert shop.written() == before


def test_a_clerk_whose_limit_was_cut_at_another_desk_is_held_to_the_new_limit(shop_db: Shop) -> None:
    shop = shop_db
    signed_in = shop.clerk
    shop.change(shop.clerk, limits=(50_00, 150_00))
    with pytest.raises(PermissionDenied) as refused:
        shop.approve(signed_in, 2)  # ¥60: within the limit of the sign-in, above the new one
    assert refused.value.message == MSG_OVER_SINGLE
    assert refused.value.params == {"amount": "¥60.00", "limit": "¥50.00"}


def test_a_clerk_demoted_at_another_desk_can_no_longer_decide(shop_db: Shop) -> None:
    shop = shop_db
    signed_in = shop.clerk
    shop.change(shop.clerk, role="warehouse")
    with pytest.raises(PermissionDenied):
        shop.approve(signed_in, 2)


def test_warehouse_staff_switched_off_at_another_desk_can_no_longer_ship(shop_db: Shop) -> None:
    shop = shop_db
    signed_in = shop.warehouse
    shop.change(shop.warehouse, active=False)
    before = shop.written()
    with shop.sessions.begin() as session, pytest.raises(PermissionDenied) as refused:
        shipping.ship_order(session, signed_in, shop.orders[1]["order_id"], "shunfeng", SF, now=NOW)
    assert refused.value.message == MSG_ACTOR_CHANGED
    assert shop.written() == before


# --- item 15: the daily limit counts every approval that spends money ------------------------
def test_an_approval_applied_again_on_a_later_day_counts_against_that_days_limit(shop_db: Shop) -> None:
    shop = shop_db
    shop.approve(shop.clerk, 0, now=NOW - DAY)  # ¥90 yesterday; the buyer changed the request
    seq = shop.conflict(0)
    with shop.sessions.begin() as session:
        needs_attention.reapply(session, shop.clerk, seq, now=NOW)  # ¥90 leaves today
    with pytest.raises(PermissionDenied) as refused:
        shop.approve(shop.clerk, 1)  # ¥70 more would make ¥160 today
    assert refused.value.message == MSG_OVER_DAILY
    assert refused.value.params["total"] == "¥160.00"


def test_applying_an_approval_again_is_held_to_the_daily_limit(shop_db: Shop) -> None:
    shop = shop_db
    shop.approve(shop.clerk, 0, now=NOW - DAY)
    seq = shop.conflict(0)
    shop.approve(shop.clerk, 1)  # ¥70 today
    with shop.sessions.begin() as session, pytest.raises(PermissionDenied) as refused:
        needs_attention.reapply(session, shop.clerk, seq, now=NOW)  # ¥90 more: ¥160
    assert refused.value.message == MSG_OVER_DAILY


def test_an_approval_applied_again_the_same_day_is_counted_once(shop_db: Shop) -> None:
    shop = shop_db
    shop.approve(shop.clerk, 0)  # ¥90
    seq = shop.conflict(0)
    with shop.sessions.begin() as session:
        needs_attention.reapply(session, shop.clerk, seq, now=NOW + 60)  # the same ¥90, once
    shop.approve(shop.clerk, 2, now=NOW + 120)  # ¥60: ¥150 in all, the limit exactly
    with pytest.raises(PermissionDenied):
        shop.approve(shop.clerk, 1, now=NOW + 180)


def test_two_desks_approving_at_once_cannot_pass_the_daily_limit_together(
    postgres_database: str,
) -> None:
    """Desk A has approved ¥90 and not committed yet; desk B approves ¥70 for the same
    clerk meanwhile. B must wait for A and then be refused (¥160 > ¥150)."""
    engine = create_engine(postgres_database.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    shop = Shop(postgres_database)
    outcome: dict[str, BaseException | None] = {}
    b_done = threading.Event()

    def desk_b() -> None:
        try:
            shop.approve(shop.clerk, 1)
            outcome["b"] = None
        except BaseException as error:  # noqa: BLE001 - handed to the test's thread
            outcome["b"] = error
        finally:
            b_done.set()

    try:
        with shop.sessions.begin() as desk_a:
            refund_decisions.approve_refund(desk_a, shop.clerk, shop.requests[0], now=NOW)
            b = threading.Thread(target=desk_b)
            b.start()
            # Until B has finished (no lock: it passed) or waits for A's lock on the clerk.
            for _ in range(5_000):
                if b_done.wait(0.01) or _someone_waits_for_a_lock(shop):
                    break
        b.join()
        assert isinstance(outcome["b"], PermissionDenied), outcome
        assert outcome["b"].message == MSG_OVER_DAILY
        with shop.sessions() as session:
            assert session.scalar(select(func.count()).select_from(OutboxOperation)) == 1
    finally:
        shop.engine.dispose()


def _someone_waits_for_a_lock(shop: Shop) -> bool:
    with shop.engine.connect() as connection:
        return bool(
            connection.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                     "AND wait_event_type = 'Lock'")
            ).scalar()
        )  # fmt: skip


def test_the_same_kind_of_request_is_not_refused_for_a_clerk_within_limits(shop_db: Shop) -> None:
    shop = shop_db
    shop.approve(shop.clerk, 0)
    shop.approve(shop.clerk, 2)  # ¥90 + ¥60 = ¥150, the daily limit exactly
    with shop.sessions() as session:
        assert session.scalar(select(func.count()).select_from(OutboxOperation)) == 2
