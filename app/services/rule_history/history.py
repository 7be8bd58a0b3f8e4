"""Which rule set was in force when a thing happened: the one question every computation asks.

Owns the history of each platform's rule sets (`resources/rules/<platform>/<name>.json`,
or the single `resources/rules/<platform>.json` of before the history: `rules.rule_files`
reads either), a shop's own sets laid on top (`ShopRuleSet`, kept in the shop's database
by `shop_sets.py`), and `rules_in_force(platform, at=…, shop_overrides=…)`, which answers the
set in force at `at` carrying the sets before it (`RuleSet.earlier`), so a service handed
"the rules" takes the set of each event's own day with `RuleSet.at(event_time)`: the ship-by
promise and late compensation by the order's payment, after-sale windows by the request's
application, metric targets by the day scored. `in_force_case` is the same choice in SQL.

A set takes effect at 00:00 of its effective date in its own `shipping.time_zone` (the
shop's calendar: Asia/Shanghai for Douyin, fixed UTC-8 for TikTok Shop US); a shop's set at
00:00 of its date in the same zone. An event before the oldest set is judged by the oldest.
"""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, SQLColumnExpression, case

from app.core import shop_time
from app.services.rule_files import PLATFORMS, RULES_DIR, rule_files
from app.services.rules import RuleSet, parse_rules

T = TypeVar("T")
SHOP_SOURCE_PREFIX = "shop:"  # a value's source when the shop's own set gave it


@dataclass(frozen=True, slots=True)
class ShopRuleSet:
    """A shop's own rule set on top of its platform's, from `effective` on: the values it
    promises its buyers beyond the platform's (a longer no-reason window), by their path in
    the rule file."""

    name: str
    effective: date
    values: tuple[tuple[str, int], ...]  # path in the rule file -> the shop's whole number
    note: str = ""


@dataclass(frozen=True, slots=True)
class PlatformSet:
    """One file of a platform's history: its parsed set and its raw text (a shop's set is laid
    on the raw values and parsed again, so it is checked like the file)."""

    rules: RuleSet
    raw: str
    path: Path


@cache
def platform_history(platform: str, rules_dir: Path = RULES_DIR) -> tuple[PlatformSet, ...]:
    """The platform's rule sets, oldest first (cached: the files ship with the app); Douyin's
    for a platform without sets of its own. ValueError when two sets share a date."""
    name = platform if platform in PLATFORMS else "douyin"
    sets = []
    for path in rule_files(name, rules_dir):
        text = path.read_text(encoding="utf-8")
        sets.append(PlatformSet(parse_rules(json.loads(text), name), text, path))
    if not sets:
        raise ValueError(f"no rule set for {name} in {rules_dir}")
    sets.sort(key=lambda s: s.rules.effective)
    dates = [s.rules.effective for s in sets]
    if len(set(dates)) != len(dates):
        raise ValueError(f"two rule sets of {name} take effect on the same day: {dates}")
    return tuple(sets)


def shop_values_problem(platform: str, values: Sequence[tuple[str, int]]) -> str:
    """Why the shop's values cannot be laid on the platform's newest set ("" when they can):
    each path must name a whole number of the rule file, and the result must still parse."""
    newest = platform_history(platform)[-1]
    raw = json.loads(newest.raw)
    for path, value in values:
        node: Any = raw
        for part in path.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        if not isinstance(node, int) or isinstance(node, bool):
            return f"{path} is not a whole number of the rule set"
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            return f"{path} must be a positive whole number, not {value!r}"
    try:
        _laid_on(
            newest, (ShopRuleSet("check", newest.rules.effective, tuple(values)),), newest.rules.starts_at
        )
    except (ValueError, KeyError, TypeError) as error:
        return str(error)
    return ""


def _laid_on(base: PlatformSet, shop_sets: Sequence[ShopRuleSet], starts_at: int) -> PlatformSet:
    """The platform's set `base` with the shop's sets laid on it in date order (a later one's
    value wins), each value's source naming the shop's set."""
    if not shop_sets:
        return replace(base, rules=replace(base.rules, starts_at=starts_at))
    raw = copy.deepcopy(json.loads(base.raw))
    sources = raw.setdefault("sources", {})
    for shop_set in shop_sets:
        for path, value in shop_set.values:
            *parents, leaf = path.split(".")
            node = raw
            for part in parents:
                node = node[part]
            node[leaf] = value
            sources[path] = {
                "source": f"{SHOP_SOURCE_PREFIX}{shop_set.name}",
                "effective": shop_set.effective.isoformat(),
                "note": shop_set.note,
            }
    raw["rule_set"] = "+".join([base.rules.rule_set, *(s.name for s in shop_sets)])
    parsed = parse_rules(raw, base.rules.platform)
    rules = replace(parsed, effective=base.rules.effective, starts_at=starts_at)
    return PlatformSet(rules, json.dumps(raw, ensure_ascii=False), base.path)


@cache
def _segments(
    platform: str, shop_overrides: tuple[ShopRuleSet, ...], rules_dir: Path
) -> tuple[PlatformSet, ...]:
    """Every set that was in force, oldest first: each platform set, and from each shop set's
    date the platform's set of that day with the shop's sets so far on top."""
    history = platform_history(platform, rules_dir)
    tz = history[-1].rules.shipping.tz
    shop_sorted = sorted(shop_overrides, key=lambda s: s.effective)
    starts = sorted(
        {s.rules.starts_at for s in history} | {shop_time.midnight(s.effective, tz) for s in shop_sorted}
    )
    segments: list[PlatformSet] = []
    for start in starts:
        base = next((s for s in reversed(history) if s.rules.starts_at <= start), history[0])
        on_top = [s for s in shop_sorted if shop_time.midnight(s.effective, tz) <= start]
        segments.append(_laid_on(base, on_top, start))
    return tuple(segments)


def rule_history(
    platform: str | None, shop_overrides: Sequence[ShopRuleSet] = (), *, rules_dir: Path = RULES_DIR
) -> tuple[RuleSet, ...]:
    """Every set a shop on `platform` with `shop_overrides` has had, oldest first."""
    return tuple(s.rules for s in rule_history_texts(platform, shop_overrides, rules_dir=rules_dir))


def rule_history_texts(
    platform: str | None, shop_overrides: Sequence[ShopRuleSet] = (), *, rules_dir: Path = RULES_DIR
) -> tuple[PlatformSet, ...]:
    """`rule_history` with each set's values as its file writes them (the Rules screen's
    comparison, `compare.py`)."""
    return _segments(platform or "douyin", tuple(shop_overrides), rules_dir)


def rules_in_force(
    platform: str | None,
    at: int | None = None,
    shop_overrides: Sequence[ShopRuleSet] = (),
    *,
    rules_dir: Path = RULES_DIR,
) -> RuleSet:
    """The rule set in force at `at` (UTC seconds; now when None) for a shop on `platform`
    with its own sets `shop_overrides` on top, carrying the sets before it (`RuleSet.at`).
    Douyin's for None or a platform without rule sets of its own; `rules_dir` for tests."""
    segments = rule_history(platform, shop_overrides, rules_dir=rules_dir)
    moment = int(time.time()) if at is None else at
    index = max((i for i, s in enumerate(segments) if s.starts_at <= moment), default=0)
    return replace(segments[index], earlier=tuple(reversed(segments[:index])))


def in_force_case(
    rules: RuleSet, at: SQLColumnExpression[Any], value: Callable[[RuleSet], ColumnElement[T]]
) -> ColumnElement[T]:
    """`value(rules.at(at))` in SQL, for an event-time column `at`: one CASE branch per set,
    newest first; a NULL time or one before the oldest set takes the oldest."""
    if not rules.earlier:
        return value(rules)
    newest_first = (rules, *rules.earlier)
    return case(
        *((at >= s.starts_at, value(s)) for s in newest_first[:-1]),
        else_=value(newest_first[-1]),
    )
