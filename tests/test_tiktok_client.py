"""The TikTok Shop client against the TikTok sandbox over real HTTP: the authorization code
exchanged once, the shop's cipher learnt, tokens renewed before expiry and once after the
platform calls them expired, and every kind of trouble answered as the port's error with
plain words (app/platforms/tiktok/client.py, errors.py)."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.platforms.port import (
    PROBLEM_RATE_LIMITED,
    PROBLEM_UNREADABLE,
    NotAuthorised,
    Outcome,
    RetryLater,
    Window,
)
from app.platforms.records import NO_ID, MalformedRecord
from app.platforms.registry import TIKTOK, connect
from app.platforms.tiktok import authorise, errors
from app.platforms.tiktok.adapter import TikTokPlatform
from app.platforms.tiktok.client import TikTokClient
from app.platforms.tiktok.credentials import TikTokCredentials
from app.platforms.tiktok.feed import ORDERS
from app.sandbox.server import SandboxServer

ORDERS_SEARCH = ORDERS.path
TOKEN_REFRESH = "/api/v2/token/refresh"


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    path: Path = tmp_path_factory.mktemp("tiktok-client") / "sandbox.sqlite"
    server = SandboxServer(path, port=0, seed=11, live=False, history_orders=300, dialect="tiktok")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def authorised(sandbox: SandboxServer) -> TikTokCredentials:
    """The shop's credentials after the one exchange of its authorization code."""
    credentials, _name = authorise(sandbox.url, sandbox.app_key, sandbox.app_secret, sandbox.auth_code)
    return credentials


@pytest.fixture
def credentials(authorised: TikTokCredentials, sandbox: SandboxServer) -> Iterator[TikTokCredentials]:
    """The shop's credentials, as renewed by every test before (a refresh ends the tokens it
    replaces); the test's faults are cleared after it."""
    yield authorised
    authorised.on_tokens = None
    sandbox.faults.clear()


def refreshes(sandbox: SandboxServer) -> int:
    return int(sandbox.stats()["requests_served"].get(TOKEN_REFRESH, 0))


def test_the_authorization_code_is_exchanged_once_for_tokens_and_names_the_shop(
    sandbox: SandboxServer, authorised: TikTokCredentials
) -> None:
    assert authorised.access_token and authorised.refresh_token
    assert authorised.auth_code == ""  # used: it works once
    assert authorised.shop_id == sandbox.shop_id
    assert authorised.shop_cipher == sandbox.context.shop_cipher
    platform = connect(dataclasses.replace(authorised), TIKTOK)
    assert platform.check_connection() == sandbox.shop_name
    platform.close()

    with pytest.raises(NotAuthorised) as used_again:
        authorise(sandbox.url, sandbox.app_key, sandbox.app_secret, sandbox.auth_code)
    assert used_again.value.problem == errors.PROBLEM_AUTH_CODE
    assert used_again.value.platform_code == str(errors.CODE_AUTH_CODE_INVALID)


def test_a_wrong_app_secret_is_refused_at_the_token_service_in_plain_words(sandbox: SandboxServer) -> None:
    with pytest.raises(NotAuthorised) as refused:
        authorise(sandbox.url, sandbox.app_key, "not-the-secret", "any-code")
    assert refused.value.problem == errors.PROBLEM_KEY_OR_SECRET


def test_a_bad_signature_is_not_authorised_and_waits_for_a_person(credentials: TikTokCredentials) -> None:
    client = TikTokClient(dataclasses.replace(credentials, app_secret="not-the-secret"))
    result = client.call("POST", ORDERS_SEARCH, query={"page_size": "1"}, body={})
    client.close()
    assert result.outcome is Outcome.CONFIG_ERROR
    assert result.problem == errors.PROBLEM_SIGNATURE
    assert result.code == errors.CODE_SIGNATURE_INVALID


def test_an_expired_token_is_renewed_once_and_the_call_sent_again(
    sandbox: SandboxServer, credentials: TikTokCredentials
) -> None:
    kept: list[str] = []
    credentials.on_tokens = kept.append
    old_token = credentials.access_token
    before = refreshes(sandbox)
    sandbox.faults.add("token_expired", count=1, method=ORDERS_SEARCH)
    client = TikTokClient(credentials)
    result = client.call("POST", ORDERS_SEARCH, query={"page_size": "1"}, body={})
    client.close()
    assert result.ok
    assert refreshes(sandbox) == before + 1
    assert credentials.access_token != old_token
    assert kept and credentials.with_kept(kept[-1]).access_token == credentials.access_token


def test_a_token_refused_again_after_renewing_is_not_authorised_and_renewed_only_once(
    sandbox: SandboxServer, credentials: TikTokCredentials
) -> None:
    before = refreshes(sandbox)
    sandbox.faults.add("token_expired", count=2, method=ORDERS_SEARCH)
    client = TikTokClient(credentials)
    result = client.call("POST", ORDERS_SEARCH, query={"page_size": "1"}, body={})
    client.close()
    assert result.outcome is Outcome.CONFIG_ERROR and result.problem == errors.PROBLEM_TOKEN
    assert refreshes(sandbox) == before + 1


def test_a_token_about_to_expire_is_renewed_before_the_call(
    sandbox: SandboxServer, credentials: TikTokCredentials
) -> None:
    before = refreshes(sandbox)
    old_token = credentials.access_token
    credentials.access_expires_at = int(time.time()) + 60  # within the refresh margin
    client = TikTokClient(credentials)
    result = client.call("GET", "/authorization/202309/shops")
    client.close()
    assert result.ok
    assert refreshes(sandbox) == before + 1
    assert credentials.access_token != old_token


def test_the_rate_limit_is_retry_later_and_says_so(
    sandbox: SandboxServer, credentials: TikTokCredentials
) -> None:
    sandbox.faults.add("rate_limit", count=1, method=ORDERS_SEARCH)
    platform = TikTokPlatform(TikTokClient(credentials))
    with pytest.raises(RetryLater) as limited:
        platform.changed_orders(Window(0), None, 10)
    platform.close()
    assert limited.value.rate_limited
    assert limited.value.problem == PROBLEM_RATE_LIMITED


@pytest.mark.parametrize("kind", ["truncated", "deep_nesting"])
def test_an_answer_that_cannot_be_read_is_retry_later_unreadable(
    sandbox: SandboxServer, credentials: TikTokCredentials, kind: str
) -> None:
    sandbox.faults.add(kind, count=1, method=ORDERS_SEARCH)
    platform = TikTokPlatform(TikTokClient(credentials))
    with pytest.raises(RetryLater) as unreadable:
        platform.changed_orders(Window(0), None, 10)
    platform.close()
    assert unreadable.value.problem == PROBLEM_UNREADABLE


def test_records_of_the_wrong_shape_come_back_to_be_set_aside_one_by_one(
    sandbox: SandboxServer, credentials: TikTokCredentials
) -> None:
    sandbox.faults.add("malformed", count=1, method=ORDERS_SEARCH)
    platform = TikTokPlatform(TikTokClient(credentials))
    page = platform.changed_orders(Window(0), None, 10)
    platform.close()
    assert page.records
    with pytest.raises(MalformedRecord) as wrong:
        platform.read_order(page.records[0], 0, int(time.time()))
    assert wrong.value.problem == NO_ID


def test_the_platforms_own_trouble_is_retry_later_and_a_write_may_have_been_applied(
    sandbox: SandboxServer, credentials: TikTokCredentials
) -> None:
    sandbox.faults.add("service_error", count=1, method=ORDERS_SEARCH)
    client = TikTokClient(credentials)
    result = client.call("POST", ORDERS_SEARCH, query={"page_size": "1"}, body={})
    client.close()
    assert result.outcome is Outcome.RETRY and result.maybe_applied


def test_an_unreachable_platform_is_retry_later_and_a_write_may_have_been_applied(
    credentials: TikTokCredentials,
) -> None:
    client = TikTokClient(
        dataclasses.replace(credentials, api_base="http://127.0.0.1:9"), timeouts=(1.0, 1.0)
    )
    result = client.call("POST", ORDERS_SEARCH, query={"page_size": "1"}, body={})
    client.close()
    assert result.outcome is Outcome.RETRY and result.maybe_applied


def test_a_refused_shops_call_after_the_exchange_keeps_the_tokens_for_the_next_attempt(
    tmp_path: Path,
) -> None:
    server = SandboxServer(
        tmp_path / "fresh.sqlite", port=0, seed=3, live=False, history_orders=20, dialect="tiktok"
    )
    server.start()
    try:
        server.faults.add("clock_skew", count=1, method="/authorization/202309/shops")
        with pytest.raises(NotAuthorised) as clock_off:
            authorise(server.url, server.app_key, server.app_secret, server.auth_code)
        assert clock_off.value.problem == errors.PROBLEM_CLOCK
        kept = getattr(clock_off.value, "kept", "")
        assert kept, "the tokens the spent code bought travel with the error"
        exchanges = server.stats()["requests_served"].get("/api/v2/token/get", 0)
        # The clock set right, the owner tests again: the kept tokens, not the spent code.
        credentials, name = authorise(
            server.url, server.app_key, server.app_secret, server.auth_code, kept=kept
        )
        assert name == server.shop_name and credentials.shop_cipher == server.context.shop_cipher
        assert server.stats()["requests_served"].get("/api/v2/token/get", 0) == exchanges
    finally:
        server.stop()


def test_the_shop_is_learnt_once_and_an_expired_token_met_there_is_renewed_too(
    sandbox: SandboxServer, credentials: TikTokCredentials
) -> None:
    before = refreshes(sandbox)
    credentials.shop_cipher = ""  # as after a shop's authorisation was renewed elsewhere
    sandbox.faults.add("token_expired", count=1, method="/authorization/202309/shops")
    client = TikTokClient(credentials)
    first = client.call("POST", ORDERS_SEARCH, query={"page_size": "1"}, body={})
    shops_asked = sandbox.stats()["requests_served"].get("/authorization/202309/shops", 0)
    second = client.call("POST", ORDERS_SEARCH, query={"page_size": "1"}, body={})
    client.close()
    assert first.ok and second.ok
    assert credentials.shop_cipher == sandbox.context.shop_cipher
    assert refreshes(sandbox) == before + 1
    assert sandbox.stats()["requests_served"].get("/authorization/202309/shops", 0) == shops_asked


def test_tokens_another_process_of_the_shop_renewed_are_taken_before_renewing_again(
    sandbox: SandboxServer, credentials: TikTokCredentials
) -> None:
    keyring = {"text": credentials.kept()}
    desk = dataclasses.replace(credentials, on_tokens=lambda text: keyring.update(text=text))
    sync = dataclasses.replace(credentials, reload_kept=lambda: keyring["text"])
    desk.access_expires_at = int(time.time())  # due: the desk's client renews first
    desk_client = TikTokClient(desk)
    assert desk_client.call("GET", "/authorization/202309/shops").ok
    desk_client.close()
    assert desk.access_token != sync.access_token
    before = refreshes(sandbox)
    sandbox.faults.add("token_expired", count=1, method=ORDERS_SEARCH)  # the sync's old token refused
    sync_client = TikTokClient(sync)
    result = sync_client.call("POST", ORDERS_SEARCH, query={"page_size": "1"}, body={})
    sync_client.close()
    assert result.ok
    assert sync.access_token == desk.access_token  # taken from the keyring, not renewed again
    assert refreshes(sandbox) == before
    credentials.take_kept(keyring["text"])  # the module's credentials go on with the newest pair
