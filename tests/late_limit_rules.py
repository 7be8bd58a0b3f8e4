"""A rule set whose late-shipment rate has a platform limit, for the tests of the limit
machinery (today's pace, the dashboard's alarm and its marker).

Douyin's rule set has no such limit: no Douyin target or limit for the shop's late rate was
found (docs/rules.md), so `resources/rules/douyin/douyin-2026-12.json` carries none. TikTok Shop publishes
one, a late dispatch rate target of 4 % with enforcement above 10 % (RULES.md), the numbers
its own rule set will carry (issue 16); these tests borrow them, named as TikTok Shop's.
"""

from __future__ import annotations

from dataclasses import replace

from app.services.metrics.targets import MetricTarget
from app.services.rules import RuleSet, load_rules

LATE_TARGET, LATE_LIMIT = 0.04, 0.10


def rules_with_a_late_limit() -> RuleSet:
    rules = load_rules()
    targets = dict(rules.metrics.targets)
    targets["late_rate"] = MetricTarget(
        LATE_TARGET, LATE_LIMIT, "TikTok Shop's late dispatch rate (RULES.md)", "TikTok Shop (RULES.md)"
    )
    return replace(rules, metrics=replace(rules.metrics, targets=tuple(targets.items())))
