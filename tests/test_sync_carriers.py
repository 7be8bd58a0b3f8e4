"""The carrier list (`order.logisticsCompanyList`) kept for offline shipping.

The sync engine refreshes it like the reject reasons: when missing or a day old, after
the pulls; a failed or unusable answer keeps the old copy and does not fail the run.
Against the real sandbox over HTTP, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from app.db import open_database
from app.platforms.douyin.client import Outcome
from app.sandbox.server import SandboxServer
from app.services import platform_lists
from app.services.platform_lists import (
    LOGISTICS_COMPANIES_LIST,
    LogisticsCompany,
    fetched_at,
    logistics_companies,
    logistics_company,
    parse_logistics_companies,
    store_list,
)
from tests.sandbox_control import control, demo_client, inject, make_engine

DAY = 86400
# A copy fetched two days ago, from a time when the platform listed one carrier only.
OLD_COPY = [{"id": 7, "name": "顺丰速运", "code": "shunfeng"}]


def carriers(sessions: sessionmaker[Session]) -> list[LogisticsCompany]:
    with sessions() as session:
        return logistics_companies(session)


def platform_carriers(url: str) -> list[LogisticsCompany]:
    client = demo_client(url)
    try:
        answer = client.call(LOGISTICS_COMPANIES_LIST)
    finally:
        client.close()
    assert answer.ok, answer.describe()
    return [LogisticsCompany(int(c["id"]), c["name"], c["code"]) for c in answer.data]


def keep_old_copy(sessions: sessionmaker[Session]) -> int:
    fetched = int(time.time()) - 2 * DAY
    with sessions.begin() as session:
        store_list(session, LOGISTICS_COMPANIES_LIST, OLD_COPY, fetched)
    return fetched


def served(url: str, method: str) -> int:
    return control(url, "stats", method="GET")["requests_served"].get(method, 0)


def test_a_sync_run_keeps_the_platforms_carrier_list(sandbox_url: str, database_url: str) -> None:
    engine = make_engine(sandbox_url, database_url)
    report = engine.run_once()
    assert report.outcome is Outcome.DONE, report
    assert LOGISTICS_COMPANIES_LIST in report.lists_refreshed
    assert "platform_lists" in report.kinds_changed  # screens showing carriers reload
    kept = carriers(engine._sessions)
    assert kept == platform_carriers(sandbox_url)
    assert {"shunfeng", "zhongtong", "jd"} <= {c.code for c in kept}
    with engine._sessions() as session:
        assert logistics_company(session, "shunfeng") == LogisticsCompany(7, "顺丰速运", "shunfeng")
        assert logistics_company(session, "no-such-carrier") is None


def test_a_copy_less_than_a_day_old_is_not_fetched_again(sandbox_url: str, database_url: str) -> None:
    engine = make_engine(sandbox_url, database_url)
    engine.run_once()
    second = engine.run_once()
    assert second.outcome is Outcome.DONE and second.lists_refreshed == []
    assert "platform_lists" not in second.kinds_changed
    assert served(sandbox_url, LOGISTICS_COMPANIES_LIST) == 1


def test_a_day_old_copy_is_replaced_by_the_platforms_list(sandbox_url: str, database_url: str) -> None:
    engine = make_engine(sandbox_url, database_url)
    old_fetch = keep_old_copy(engine._sessions)
    report = engine.run_once()
    assert LOGISTICS_COMPANIES_LIST in report.lists_refreshed
    assert carriers(engine._sessions) == platform_carriers(sandbox_url)
    with engine._sessions() as session:
        assert fetched_at(session, LOGISTICS_COMPANIES_LIST) > old_fetch


@pytest.mark.parametrize("fault", ["malformed", "truncated", "service_error", "http_5xx"])
def test_an_unusable_carrier_answer_keeps_the_old_copy_and_the_run_succeeds(
    sandbox_url: str, database_url: str, fault: str
) -> None:
    engine = make_engine(sandbox_url, database_url)
    old_fetch = keep_old_copy(engine._sessions)
    inject(sandbox_url, fault, method=LOGISTICS_COMPANIES_LIST)
    report = engine.run_once()
    assert report.outcome is Outcome.DONE and not report.problem, report
    assert report.lists_refreshed == [platform_lists.REJECT_REASONS_LIST]  # the other list still came
    assert carriers(engine._sessions) == [LogisticsCompany(7, "顺丰速运", "shunfeng")]
    with engine._sessions() as session:
        assert fetched_at(session, LOGISTICS_COMPANIES_LIST) == old_fetch  # still stale: retried next run
    assert LOGISTICS_COMPANIES_LIST in engine.run_once().lists_refreshed


def test_the_kept_list_is_readable_while_the_platform_refuses_us_or_is_gone(
    sandbox: SandboxServer, database_url: str
) -> None:
    engine = make_engine(sandbox.url, database_url)
    engine.run_once()
    fetched = carriers(engine._sessions)
    control(sandbox.url, "settings", {"authorized": False})  # the shop revoked the app
    assert engine.run_once().outcome is Outcome.CONFIG_ERROR
    assert carriers(engine._sessions) == fetched
    sandbox.stop()
    assert engine.run_once().outcome is Outcome.RETRY
    assert carriers(engine._sessions) == fetched and fetched


# --- reading an answer ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "payload",
    [
        None,
        "[]",  # a string where the array belongs (the sandbox's "malformed" fault)
        [],
        {"items": OLD_COPY},
        [*OLD_COPY, "shunfeng"],
        [{"id": 7, "name": "顺丰速运"}],
        [{"id": "seven", "name": "顺丰速运", "code": "shunfeng"}],
        [{"id": True, "name": "顺丰速运", "code": "shunfeng"}],
        [{"id": 7, "name": " ", "code": "shunfeng"}],
    ],
)
def test_a_malformed_carrier_list_is_refused_whole(payload: Any) -> None:
    with pytest.raises(ValueError):
        parse_logistics_companies(payload)


def test_a_carrier_list_is_read_in_the_platforms_order_with_numeric_ids() -> None:
    payload = [
        {"id": "44", "name": "京东快递", "code": "jd"},
        {"id": 7, "name": "顺丰速运", "code": "shunfeng"},
    ]
    assert parse_logistics_companies(payload) == [
        LogisticsCompany(44, "京东快递", "jd"),
        LogisticsCompany(7, "顺丰速运", "shunfeng"),
    ]


def test_no_carriers_are_known_before_the_first_fetch(sqlite_url: str) -> None:
    _, sessions = open_database(sqlite_url)
    assert carriers(sessions) == []
