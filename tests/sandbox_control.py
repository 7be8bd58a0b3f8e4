"""Test helpers that drive the sandbox store through its control surface and the dialect.

`control()` calls `/_sandbox/…`; `demo_client()` is the app's own PlatformClient
pointed at a sandbox; `platform_order_ids()` reads the platform's truth through the
dialect by creation time (a different query from the sync engine's), so a test can
compare the local mirror with it.
"""

from __future__ import annotations

import time
from typing import Any

import requests
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import Decision, RequestState
from app.db import open_database
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID
from app.models import AfterSale, Order, OutboxOperation, QuarantinedRecord
from app.platforms.douyin.adapter import DouyinPlatform
from app.platforms.douyin.client import PlatformClient, ShopCredentials
from app.platforms.douyin.codes import AfterSaleStatus, AfterSaleType
from app.services import outbox
from app.sync.engine import SyncEngine

DAY = 86400


def control(url: str, path: str, payload: dict[str, Any] | None = None, method: str = "POST") -> Any:
    response = requests.request(method, f"{url}/_sandbox/{path}", json=payload, timeout=60)
    response.raise_for_status()
    return response.json() if response.content else None


def inject(url: str, kind: str, count: int = 1, method: str | None = None, **extra: Any) -> None:
    control(url, "faults", {"kind": kind, "count": count, **({"method": method} if method else {}), **extra})


def sandbox_now(url: str) -> int:
    return int(control(url, "clock", method="GET")["now"])


def demo_client(url: str, shop_id: str = DEMO_SHOP_ID, **options: Any) -> PlatformClient:
    return PlatformClient(ShopCredentials(url, DEMO_APP_KEY, DEMO_APP_SECRET, shop_id), **options)


def demo_platform(url: str, **options: Any) -> DouyinPlatform:
    """The demo shop behind the platform port: Douyin's adapter over `demo_client(url)`."""
    return DouyinPlatform(demo_client(url, **options))


def sync_argv(store: str, database_url: str) -> list[str]:
    """`main.py`'s arguments for one sync of the demo shop at `store` into `database_url`."""
    return [
        "sync",
        "--store",
        store,
        "--app-key",
        DEMO_APP_KEY,
        "--app-secret",
        DEMO_APP_SECRET,
        "--shop-id",
        DEMO_SHOP_ID,
        "--db",
        database_url,
        "--once",
    ]


def platform_orders(
    url: str, *, updated_since: int | None = None, shop_id: str = DEMO_SHOP_ID
) -> dict[str, int]:
    """Every order the platform has (id -> update_time), read by update time a day at a
    time over its 90 days, as the sync reads them (an order placed just over 90 days ago
    and changed since is among them); or every order updated since `updated_since`."""
    client = demo_client(url, shop_id)
    now = sandbox_now(url)
    found: dict[str, int] = {}
    first = now - 90 * DAY if updated_since is None else updated_since
    for day_start in range(first, now + DAY, DAY):
        page = 0
        while True:
            result = client.call(
                "order.searchList",
                {
                    "update_time_start": day_start,
                    "update_time_end": day_start + DAY - 1,
                    "page": page,
                    "size": 100,
                },
            )
            assert result.ok, result.describe()
            records = result.data["shop_order_list"]
            found.update({r["order_id"]: r["update_time"] for r in records})
            if len(records) < 100:
                break
            page += 1
    client.close()
    return found


def platform_after_sales(url: str) -> dict[str, int]:
    client = demo_client(url)
    now = sandbox_now(url)
    found: dict[str, int] = {}
    page = 0
    while True:
        result = client.call(
            "afterSale.List", {"start_time": now - 90 * DAY, "end_time": now + DAY, "page": page, "size": 100}
        )
        assert result.ok, result.describe()
        items = result.data["items"]
        found.update({i["aftersale_info"]["aftersale_id"]: i["aftersale_info"]["update_time"] for i in items})
        if not result.data.get("has_more"):
            break
        page += 1
    client.close()
    return found


def mirrored_orders(sessions: sessionmaker[Session], *, updated_since: int | None = None) -> dict[str, int]:
    statement = select(Order.order_id, Order.update_time)
    if updated_since is not None:
        statement = statement.where(Order.update_time >= updated_since)
    with sessions() as session:
        return dict(session.execute(statement).all())


def mirrored_after_sales(sessions: sessionmaker[Session]) -> dict[str, int]:
    with sessions() as session:
        return dict(session.execute(select(AfterSale.aftersale_id, AfterSale.update_time)).all())


def make_engine(url: str, database_url: str, **options: Any) -> SyncEngine:
    """The app's sync engine between the sandbox at `url` and the database at `database_url`."""
    _, sessions = open_database(database_url)
    return SyncEngine(demo_platform(url), sessions, **options)


def assert_mirror_matches_platform(engine: SyncEngine, url: str, *, keeps_older: bool = False) -> None:
    """Every platform record is mirrored at its newest version, and nothing else is there.

    With `keeps_older`, the mirror may also keep records that have since aged out of
    the platform's 90-day window (the clock was moved forward).
    """
    for mirrored, truth in (
        (mirrored_orders(engine._sessions), platform_orders(url)),
        (mirrored_after_sales(engine._sessions), platform_after_sales(url)),
    ):
        if keeps_older:
            mirrored = {key: mirrored.get(key) for key in truth}
        assert mirrored == truth


def set_aside(engine: SyncEngine) -> list[QuarantinedRecord]:
    """The records the engine's runs set aside for a person, oldest first."""
    with engine._sessions() as session:
        return list(session.scalars(select(QuarantinedRecord).order_by(QuarantinedRecord.id)))


def applied_by_client(url: str, entity_id: str) -> int:
    """How many client operations the platform's ledger shows applied to `entity_id`."""
    entries = requests.get(f"{url}/_sandbox/ledger", params={"since": 0}, timeout=30).json()["entries"]
    return sum(1 for entry in entries if entry["actor"] == "client" and entry["entity_id"] == entity_id)


def new_refunds_after_shipment(url: str, count: int) -> Any:
    """The platform's buyers ask for `count` refunds of orders already shipped."""
    return control(
        url, "tick", {"new_after_sales": count, "after_sale_type": int(AfterSaleType.REFUND_AFTER_SHIPMENT)}
    )


def a_refund_after_shipment_to_decide(session: Session) -> AfterSale:
    """One mirrored refund-after-shipment request still waiting for the merchant."""
    request = session.scalars(
        select(AfterSale).where(
            AfterSale.status == AfterSaleStatus.AWAITING_MERCHANT,
            AfterSale.type == AfterSaleType.REFUND_AFTER_SHIPMENT,
        )
    ).first()
    assert request is not None
    return request


def queue_refund_approval(session: Session, request: AfterSale) -> int:
    """Put an agree-refund operation for `request` in the outbox, as the refund decision
    service does but with no person attached (these tests are about the push); returns
    its sequence number."""
    return queue_decision(session, request, Decision.APPROVE_REFUND, RequestState.REFUNDED)


def queue_refund_refusal(session: Session, request: AfterSale) -> int:
    """Put a refusal of `request`'s refund in the outbox (the goods already shipped), as
    the refund decision service does but with no person attached; its sequence number."""
    return queue_decision(
        session,
        request,
        Decision.REFUSE_REFUND,
        RequestState.REFUSED,
        reason_code=1,
        remark="已发货",
    )


def queue_decision(
    session: Session, request: AfterSale, decision: Decision, to_state: RequestState, **details: object
) -> int:
    """Put the shop's `decision` on `request` (→ `to_state`) in the outbox, as the refund
    decision service does but with no person attached; `details` are the decision's
    (a refusal's reason and remark). Returns its sequence number."""
    outbox.enqueue_decision(
        session,
        request_id=request.aftersale_id,
        decision=decision,
        details=details,
        based_on_update_time=request.update_time,
        expected_from=RequestState(request.state) if request.state else None,
        expected_to=to_state,
        actor=None,
        now=int(time.time()),
    )
    return session.scalar(select(func.max(OutboxOperation.seq)))
