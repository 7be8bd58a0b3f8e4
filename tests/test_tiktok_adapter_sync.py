"""The app's own sync engine pulling a TikTok shop through TikTokPlatform, over real HTTP from
the TikTok sandbox into a real SQLite mirror: every order and every after-sale request
(returns and cancellations) mirrored once, at its newest version, also when many share one
second and the pull pages through it by the adapter's cursor."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import RequestKind, RequestState
from app.db import open_database
from app.models import AfterSale, Order
from app.platforms.port import Outcome
from app.platforms.tiktok import authorise
from app.platforms.tiktok.adapter import TikTokPlatform
from app.platforms.tiktok.client import TikTokClient
from app.platforms.tiktok.credentials import TikTokCredentials
from app.sandbox.server import SandboxServer
from app.services import platform_lists
from app.services.people.permissions import Actor, Role
from app.services.refunds import decisions as refund_decisions
from app.services.refunds.decisions import DecisionRefused
from app.sync.engine import SyncEngine
from tests.people import seed_people

OWNER = Actor(1, "owner", "Owner", Role.OWNER, None, None)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    path = tmp_path_factory.mktemp("tiktok-sync") / "sandbox.sqlite"
    server = SandboxServer(path, port=0, seed=5, live=False, history_orders=300, dialect="tiktok")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def credentials(sandbox: SandboxServer) -> TikTokCredentials:
    return authorise(sandbox.url, sandbox.app_key, sandbox.app_secret, sandbox.auth_code)[0]


@pytest.fixture(scope="module")
def empty_mirror(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A mirror migrated once; each test syncs into a copy of it from scratch."""
    path = tmp_path_factory.mktemp("tiktok-sync-mirror") / "empty.sqlite"
    open_database(f"sqlite:///{path}")[0].dispose()
    return path


@pytest.fixture
def engine(credentials: TikTokCredentials, empty_mirror: Path, tmp_path: Path) -> Iterator[SyncEngine]:
    mirror = tmp_path / "mirror.sqlite"
    shutil.copyfile(empty_mirror, mirror)
    platform = TikTokPlatform(TikTokClient(credentials))
    _, sessions = open_database(f"sqlite:///{mirror}")
    yield SyncEngine(platform, sessions, page_size=10)
    platform.close()


def platform_truth(sandbox: SandboxServer) -> tuple[dict[str, int], dict[str, int]]:
    db = sandbox.store.db
    orders = dict(db.execute("SELECT id, update_time FROM orders").fetchall())
    requests = dict(db.execute("SELECT id, update_time FROM returns").fetchall())
    requests.update(db.execute("SELECT id, update_time FROM cancellations").fetchall())
    return orders, requests


def mirror(sessions: sessionmaker[Session]) -> tuple[dict[str, int], dict[str, int]]:
    with sessions() as session:
        orders = dict(session.execute(select(Order.order_id, Order.update_time)).all())
        requests = dict(session.execute(select(AfterSale.aftersale_id, AfterSale.update_time)).all())
    return orders, requests


def test_a_full_pull_mirrors_every_order_return_and_cancellation_once(
    sandbox: SandboxServer, engine: SyncEngine
) -> None:
    report = engine.run_once()
    assert report.outcome is Outcome.DONE, report
    assert mirror(engine._sessions) == platform_truth(sandbox)


def test_many_records_in_one_second_are_paged_through_that_second(
    sandbox: SandboxServer, engine: SyncEngine
) -> None:
    assert engine.run_once().outcome is Outcome.DONE
    sandbox.platform.tick(new_orders=35)  # stamped with one second of the sandbox's clock
    busiest = sandbox.store.db.execute(
        "SELECT count(*) FROM orders GROUP BY update_time ORDER BY 1 DESC"
    ).fetchone()
    assert busiest[0] == 35  # more than a page (10) in one second
    report = engine.run_once()
    assert report.outcome is Outcome.DONE, report
    assert mirror(engine._sessions) == platform_truth(sandbox)


def test_a_person_refuses_a_tiktok_request_with_a_reason_tiktok_offers_for_its_kind_applied_once(
    sandbox: SandboxServer, engine: SyncEngine
) -> None:
    sandbox.platform.tick(new_after_sales=2, after_sale_type=0)  # buyers ask for returnless refunds
    sandbox.platform.tick(new_after_sales=1, after_sale_type=3)  # and one to cancel an order
    assert engine.run_once().outcome is Outcome.DONE
    refund = RequestKind.REFUND_AFTER_SHIPMENT
    with engine._sessions() as session:
        kept = platform_lists.reject_reasons(session)  # the copy kept for refusing offline
        for_refunds = platform_lists.reject_reasons_for(session, refund)
        waiting = session.scalars(
            select(AfterSale.aftersale_id).where(
                AfterSale.state == RequestState.AWAITING_SHOP, AfterSale.kind == refund
            )
        ).all()
    assert kept and all(isinstance(reason.code, str) and reason.kinds for reason in kept)  # TikTok's, by kind
    request_id = waiting[0]
    offered = {str(r.code) for r in engine.platform.refusal_reasons_for(request_id)}  # type: ignore[attr-defined]
    assert {str(r.code) for r in for_refunds} == offered  # what TikTok offers a refund, and only that
    only_for_others = [r for r in kept if not r.refuses(refund)]
    assert only_for_others, "a cancellation's reasons are not a refund's"
    seed_people(engine._sessions, OWNER)
    with pytest.raises(DecisionRefused), engine._sessions.begin() as session:
        refund_decisions.refuse(
            session,
            OWNER,
            request_id,
            reject_reason_code=only_for_others[0].code,
            remark="No.",
            now=int(time.time()),
        )
    reason = for_refunds[0]
    with engine._sessions.begin() as session:
        refund_decisions.refuse(
            session,
            OWNER,
            request_id,
            reject_reason_code=reason.code,
            remark="The buyer's photo shows another shop's item.",
            now=int(time.time()),
        )
    assert engine.run_once().outcome is Outcome.DONE
    applied = [
        e for e in sandbox.store.ledger_since(0) if e["entity_id"] == request_id and e["actor"] == "seller"
    ]
    assert len(applied) == 1 and applied[0]["params"]["reject_reason"] == reason.code
