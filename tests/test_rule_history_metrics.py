"""Re-scoring last month after a rule change (issue 18): the dashboard prices each late order by
the rule set of its payment and reads each target from the set of the days scored, so a new set
never re-prices last month. On a real SQLite file and PostgreSQL, with the test history of
tests/rule_history_sets.py (an earlier Douyin set until 2026-12-07)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from app.db import open_database
from app.services.metrics.service_metrics import compute_metrics
from app.services.rule_history import rules_in_force
from app.services.rules import HOUR_S
from tests.metric_shop import an_order, seed_orders
from tests.rule_history_sets import EARLIER_NAME, at, write_history

LAST_MONTH = (at(date(2026, 11, 1)), at(date(2026, 12, 1)))
PAID = at(date(2026, 11, 10), 10)


@pytest.fixture
def sessions(database_url: str) -> sessionmaker[Session]:
    return open_database(database_url)[1]


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_history(tmp_path_factory.mktemp("rules"))


def test_last_months_compensation_and_targets_are_unchanged_after_a_new_rule_set(sessions, rules_dir) -> None:
    # ¥119 paid last month under the earlier set's 72 h default promise, shipped 82 h after
    # payment: 10 h late, in the band of promises up to 240 h, where the earlier set charges 5 %
    # (at least ¥5): ¥5.95 rounded to ¥6. The shipped set's bands would charge 1 % (at least ¥2).
    seed_orders(sessions, [an_order(paid=PAID, shipped=PAID + 82 * HOUR_S)])
    start, end = LAST_MONTH
    scored = {}
    for asked in (at(date(2026, 11, 30), 23), at(date(2026, 12, 15), 12)):  # before and after the new set
        with sessions() as session:
            report = compute_metrics(
                session,
                start=start,
                end=end,
                now=asked,
                rules=rules_in_force("douyin", at=asked, rules_dir=rules_dir),
            )
        scored[asked] = (
            report.metrics["late_compensation_fen"].value,
            report.metrics["late_rate"].value,
            report.metrics["ship_time_h"].target,
            report.rule_set,
        )
    assert len(set(scored.values())) == 1
    assert next(iter(scored.values())) == (600, 1.0, 36, EARLIER_NAME)
