"""The shop platform's rule set, read from a versioned data file.

Owns loading `resources/rules/douyin.json` into a typed, immutable `RuleSet`, so
numbers from RULES.md (the 48 h default ship promise, later the compensation bands
and after-sale deadlines) live in one file that names its version and effective
date, never as literals scattered through the code. Screens show `rule_set` next to
anything computed from it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parents[2] / "resources" / "rules"
DEFAULT_RULES_FILE = RULES_DIR / "douyin.json"
HOUR_S = 3600


@dataclass(frozen=True, slots=True)
class RuleSet:
    rule_set: str
    effective: date
    default_ship_promise_hours: int

    @property
    def default_ship_promise_s(self) -> int:
        return self.default_ship_promise_hours * HOUR_S

    def ship_by(self, exp_ship_time: int | None, pay_time: int | None) -> int | None:
        """The promised ship-by instant: the platform's `exp_ship_time`, else the default
        promise counted from payment; None for an order not paid yet."""
        if exp_ship_time:
            return exp_ship_time
        if pay_time:
            return pay_time + self.default_ship_promise_s
        return None


def parse_rules(raw: dict[str, object]) -> RuleSet:
    hours = raw["default_ship_promise_hours"]
    if not isinstance(hours, int) or hours <= 0:
        raise ValueError(f"default_ship_promise_hours must be a positive integer, not {hours!r}")
    return RuleSet(
        rule_set=str(raw["rule_set"]),
        effective=date.fromisoformat(str(raw["effective"])),
        default_ship_promise_hours=hours,
    )


@cache
def load_rules(path: Path = DEFAULT_RULES_FILE) -> RuleSet:
    """The rule set in `path` (cached: the file ships with the app and never changes
    while it runs)."""
    return parse_rules(json.loads(path.read_text(encoding="utf-8")))
