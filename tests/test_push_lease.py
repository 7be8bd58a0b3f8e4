"""A sync that lost its lease sends nothing more (issue 12 item 9).

On a shared PostgreSQL database the lease was checked only after a whole push round,
so a holder whose lease had gone on to another workstation kept sending for up to a
minute. The push engine now checks the lease before each send. The lease is taken
away here as a real failover would: the server ends the holder's lease connection
(pg_terminate_backend) right after its first decision reached the platform. Real
PostgreSQL, the real sandbox over HTTP; its request counts and ledger are the proof.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from app.db import open_database
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID
from app.models import OutboxOperation
from app.models import outbox as state
from app.platforms.douyin.adapter import DouyinPlatform
from app.platforms.douyin.client import ApiResult, PlatformClient, ShopCredentials
from app.sync.engine import SyncEngine
from app.sync.lease import SyncLease
from tests.fixtures_db import end_the_lease_connection
from tests.sandbox_control import applied_by_client
from tests.test_outbox_push import approve, open_refund_requests
from tests.test_sync_lease import first_workstation, operate_requests, workstation

ON_POSTGRESQL = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)


class FailoverAfterFirstDecision(PlatformClient):
    """The app's own client; the holder's lease connection ends just after the first
    decision of the round reaches the platform."""

    def __init__(self, sandbox_url: str, database_url: str) -> None:
        super().__init__(ShopCredentials(sandbox_url, DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID))
        self._database_url = database_url
        self.failed_over = False

    def call(self, method: str, params: dict[str, Any]) -> ApiResult:
        result = super().call(method, params)
        if method == "afterSale.operate" and not self.failed_over:
            self.failed_over = True
            end_the_lease_connection(self._database_url)
        return result


@ON_POSTGRESQL
def test_a_holder_that_loses_its_lease_mid_round_sends_no_further_decision(
    sandbox_url: str, database_url: str
) -> None:
    synced = first_workstation(sandbox_url, database_url)
    requests_ = open_refund_requests(synced, 3)
    seqs = [approve(synced, request) for request in requests_]
    synced.close()  # its lease goes to the holder below
    _, sessions = open_database(database_url)
    client = FailoverAfterFirstDecision(sandbox_url, database_url)
    holder = SyncEngine(DouyinPlatform(client), sessions, lease=SyncLease(sessions.kw["bind"]))
    before = operate_requests(sandbox_url)

    report = holder.run_once()

    assert client.failed_over
    assert report.standing_by and report.pushed == {state.DONE: 1}
    assert operate_requests(sandbox_url) - before == 1  # nothing after the lease went
    with sessions() as session:
        ops = session.scalars(select(OutboxOperation).where(OutboxOperation.seq.in_(seqs))).all()
    assert sorted((op.state, op.attempts) for op in ops) == [
        (state.DONE, 1),
        (state.PENDING, 0),
        (state.PENDING, 0),
    ]

    successor = workstation(sandbox_url, database_url)  # the workstation that took over
    taken_over = successor.run_once()
    assert not taken_over.standing_by and taken_over.pushed == {state.DONE: 2}
    assert [applied_by_client(sandbox_url, r.aftersale_id) for r in requests_] == [1, 1, 1]
    assert holder.run_once().standing_by
    holder.close()
    successor.close()
