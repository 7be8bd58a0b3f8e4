"""`python -m tests.benchmarks.automation [--db URL]`: how fast the owner's rules decide and dry-run.

Over the 200,000-order benchmark mirror of the service metrics (tests/benchmarks/metrics.py,
90 days of orders and their after-sales) with twenty rules switched on, the last of
which matches:
- `automation_eval_ms`: one request through the twenty rules — its facts read from the
  mirror (order, lines, parcels, the buyer's earlier requests) and the first match
  found — the median over 200 requests;
- `dry_run_90d_s`: a dry run of the twentieth rule over the last 90 days (every request
  judged as the live rules would have, the nineteen before it taking theirs first, what
  people decided read from the trail), the median of three.
Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from app.db import open_database
from app.models import AfterSale
from app.services.automation import dry_run, evaluation, rule_book
from app.services.automation.conditions import Conditions, RuleAction, RuleForm
from app.services.automation.facts import facts_for, subject_now
from app.services.people.permissions import Actor, Role
from tests.benchmarks.metrics import NOW, build
from tests.people import seed_people

OWNER = Actor(1, "boss", "老板", Role.OWNER, None, None)
RULES = 20
REQUESTS = 200


def _rules(url: str) -> int:
    """Nineteen rules that look at everything and match nothing, then one that matches; its id."""
    _, sessions = open_database(url)
    seed_people(sessions, OWNER)
    last = 0
    with sessions.begin() as session:
        for n in range(RULES - 1):
            never = Conditions(
                max_amount_fen=50_000, unshipped_only=True, max_buyer_requests=3, min_hours_left=1,
                product_words=(f"不存在的商品{n}",), reason_words=("不想要了", "质量问题"),
            )  # fmt: skip
            rule_id = rule_book.create_rule(session, OWNER, RuleForm(f"rule {n}", never), now=NOW)
            rule_book.switch_on(session, OWNER, rule_id, now=NOW)
        matching = RuleForm(
            "small refunds", Conditions(max_amount_fen=20_000), RuleAction.APPROVE_REFUND, daily_cap_fen=10**9
        )
        last = rule_book.create_rule(session, OWNER, matching, now=NOW)
        rule_book.switch_on(session, OWNER, last, now=NOW)
    return last


def measure_automation(url: str, *, built: bool = False) -> dict[str, float]:
    if not built:
        build(url)
    last = _rules(url)
    _, sessions = open_database(url)
    with sessions() as session:
        rules = rule_book.enabled_rules(session)
        requests = list(
            session.scalars(select(AfterSale).order_by(AfterSale.apply_time.desc()).limit(REQUESTS))
        )
        timings = []
        for request in requests:
            started = time.perf_counter()
            [facts] = facts_for(session, [subject_now(request, NOW)], "douyin")
            evaluation.first_match(rules, facts)
            timings.append((time.perf_counter() - started) * 1000)
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            report = dry_run.dry_run(session, OWNER, last, days=90, now=NOW, platform="douyin")
            runs.append(time.perf_counter() - started)
    print(
        f"dry run: {report.requests_looked_at} requests looked at, {report.matched} matched, "
        f"{report.disagreements} disagree",
        flush=True,
    )
    return {
        "automation_eval_ms": round(statistics.median(timings), 2),
        "dry_run_90d_s": round(statistics.median(runs), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp()) / 'automation.sqlite'}"
    print(json.dumps(measure_automation(url)))


if __name__ == "__main__":
    main()
