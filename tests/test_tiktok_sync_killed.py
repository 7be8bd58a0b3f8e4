"""The headless sync of a TikTok shop killed mid-pull or mid-push loses nothing and repeats
nothing, as for a Douyin shop (tests/test_sync_killed.py).

Runs `python main.py sync --shop KEY --once` as a real process for a TikTok shop of the
desk (its settings entry, its secret and tokens in the password store the processes
share) against the TikTok sandbox over HTTP, kills it with SIGKILL — while pages are
being stored, or after the platform applied a decision but before its answer came back —
starts it again and checks the mirror, the sandbox's ledger and the request's own records.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app import config, secrets
from app.core.vocabulary import Decision, RequestKind, RequestState
from app.db import open_database
from app.models import AfterSale, Order, OutboxOperation
from app.models import outbox as outbox_state
from app.platforms.tiktok import authorise
from app.platforms.tiktok.adapter import TikTokPlatform
from app.platforms.tiktok.client import TikTokClient
from app.platforms.tiktok.credentials import TikTokCredentials
from app.sandbox.server import SandboxServer
from app.services.setup.shop_list import database_url_of
from app.shop_entries import ShopEntry
from app.sync.operation_to_send import OperationToSend
from tests.sandbox_control import queue_decision
from tests.test_real_shop_path import file_keyring

__all__ = ["file_keyring"]  # a fixture, shared

ROOT = Path(__file__).resolve().parents[1]
ORDERS_SEARCH = "/order/202309/orders/search"
APPROVE_PATH = "/return_refund/202309/returns/{return_id}/approve"
RECORDS_PATH = "/return_refund/202309/returns/{return_id}/records"
REFUND_KIND = 0  # the sandbox's tick: a returnless refund after shipment
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]


def wait_until(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)  # polling what another process writes; no signal to wait on


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[SandboxServer]:
    server = SandboxServer(
        tmp_path / "tiktok.sqlite", port=0, seed=7, live=False, history_orders=300, dialect="tiktok"
    )
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def desk(
    sandbox: SandboxServer, app_home: Path, file_keyring: dict[str, str]
) -> tuple[str, Path, dict[str, str]]:
    """A desk whose one shop is the TikTok sandbox's, connected as the wizard leaves it: the
    entry in settings, the app secret and the exchanged tokens in the password store.
    Returns the shop's key, its mirror and the environment of the desk's processes."""
    credentials, name = authorise(sandbox.url, sandbox.app_key, sandbox.app_secret, sandbox.auth_code)
    entry = ShopEntry(
        key=f"tiktok-{credentials.shop_id}",
        platform="tiktok",
        name=name,
        shop_id=credentials.shop_id,
        gateway=sandbox.url,
        app_key=sandbox.app_key,
    )
    config.Settings(language="en", shops=[entry], current_shop=entry.key).save()
    secrets.save_app_secret(sandbox.app_key, sandbox.app_secret)
    secrets.save_shop_tokens(sandbox.app_key, credentials.shop_id, credentials.kept())
    mirror = Path(database_url_of(entry).removeprefix("sqlite:///"))
    environment = {**os.environ, config.HOME_ENV: str(app_home), **file_keyring}
    return entry.key, mirror, environment


def sync_once(key: str) -> list[str]:
    return [sys.executable, "main.py", "sync", "--shop", key, "--once"]


def run_sync(key: str, environment: dict[str, str]) -> None:
    done = subprocess.run(
        sync_once(key), cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr


def start_sync(key: str, environment: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        sync_once(key), cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def kill(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(10)


def stored_orders(database: Path) -> int:
    if not database.exists():
        return 0
    try:
        with sqlite3.connect(database, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM orders").fetchone()[0]
    except sqlite3.OperationalError:  # schema not created yet
        return 0


def decided_by_the_shop(sandbox: SandboxServer, request_id: str) -> int:
    """How many times the sandbox's ledger saw the shop decide on `request_id`."""
    return sum(
        1 for e in sandbox.store.ledger_since(0) if e["entity_id"] == request_id and e["actor"] == "seller"
    )


def shop_credentials(sandbox: SandboxServer) -> TikTokCredentials:
    """The shop's credentials with the tokens the desk keeps (its code was spent)."""
    kept = secrets.load_shop_tokens(sandbox.app_key, sandbox.shop_id) or ""
    return authorise(sandbox.url, sandbox.app_key, sandbox.app_secret, "", kept=kept)[0]


def seller_records(sandbox: SandboxServer, request_id: str) -> list[dict[str, object]]:
    """The request's own history as any client reads it (`GET …/returns/{id}/records`)."""
    client = TikTokClient(shop_credentials(sandbox))
    try:
        answer = client.call("GET", RECORDS_PATH.format(return_id=request_id))
    finally:
        client.close()
    assert answer.ok, answer
    return [record for record in answer.data["records"] if record["role"] == "SELLER"]


def test_a_tiktok_sync_killed_mid_pull_resumes_with_no_gap_and_no_duplicate(
    sandbox: SandboxServer, desk: tuple[str, Path, dict[str, str]]
) -> None:
    key, mirror, environment = desk
    sandbox.faults.add("latency", count=10_000, method=ORDERS_SEARCH, ms=400)  # pages come slowly
    first = start_sync(key, environment)
    wait_until(lambda: stored_orders(mirror) > 0, 60, "the first page to be stored")
    kill(first)
    interrupted_at = stored_orders(mirror)
    assert 0 < interrupted_at < 300

    sandbox.faults.clear()
    run_sync(key, environment)
    _, sessions = open_database(f"sqlite:///{mirror}")
    with sessions() as session:
        mirrored = dict(session.execute(select(Order.order_id, Order.update_time)).all())
    truth = dict(sandbox.store.db.execute("SELECT id, update_time FROM orders").fetchall())
    assert mirrored == truth  # every order once, at its newest version
    with sqlite3.connect(mirror) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_tiktok_sync_killed_after_sending_a_decision_but_before_its_answer_applies_it_once(
    sandbox: SandboxServer, desk: tuple[str, Path, dict[str, str]]
) -> None:
    key, mirror, environment = desk
    sandbox.platform.tick(new_after_sales=2, after_sale_type=REFUND_KIND)
    run_sync(key, environment)
    _, sessions = open_database(f"sqlite:///{mirror}")
    with sessions.begin() as session:
        request = session.scalars(
            select(AfterSale)
            .where(
                AfterSale.state == RequestState.AWAITING_SHOP,
                AfterSale.kind == RequestKind.REFUND_AFTER_SHIPMENT,
            )
            .order_by(AfterSale.aftersale_id)
        ).first()
        assert request is not None
        request_id = request.aftersale_id
        queue_decision(session, request, Decision.APPROVE_REFUND, RequestState.REFUNDED)
    # The platform applies the decision at once but answers only after 30 s: time to kill.
    sandbox.faults.add("latency", method=APPROVE_PATH, ms=30_000)

    first = start_sync(key, environment)
    wait_until(lambda: decided_by_the_shop(sandbox, request_id) == 1, 60, "the platform to apply it")
    kill(first)
    with sessions() as session:
        op = session.scalars(select(OutboxOperation)).one()
        assert op.state == outbox_state.SENDING  # sent, its answer died with the process
        key_sent = op.op_id
        operation = OperationToSend.of(op)
    # Resent blindly, as a restart that could not re-read first would: TikTok applies one
    # idempotency key once, so the resend changes nothing.
    platform = TikTokPlatform(TikTokClient(shop_credentials(sandbox)))
    try:
        operation.send(platform)  # accepted (a refusal would raise), the first answer again
    finally:
        platform.close()
    assert decided_by_the_shop(sandbox, request_id) == 1

    run_sync(key, environment)
    with sessions() as session:
        op = session.scalars(select(OutboxOperation)).one()
        assert (op.state, op.attempts) == (outbox_state.DONE, 1), (
            op.state,
            op.problem,
        )  # settled by re-reading
        done = session.get(AfterSale, request_id)
        assert done is not None and done.state == RequestState.REFUNDED
    assert decided_by_the_shop(sandbox, request_id) == 1  # the sandbox's ledger
    (entry,) = [e for e in sandbox.store.ledger_since(0) if e["entity_id"] == request_id]
    assert entry["params"]["idempotency_key"] == key_sent  # type: ignore[index]
    assert len(seller_records(sandbox, request_id)) == 1  # the request's own history
