"""The Rules screen's questions: which rule sets a shop has had, and what changed between two.

Owns `rule_set_summaries` (each set of the shop's platform, its own sets on top, with when
it took effect and how many of its values have a public source) and `compare` (two sets
side by side, value by value, each with its source), both plain dataclasses answered from
the files as they are written (`history.rule_history_texts`): a value's path is its path in
the rule file ("after_sales.no_reason_window_hours", "shipping.compensation_bands[1].late.percent").
Prose (notes) and the sources themselves are not values.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from app.core import shop_time
from app.services.rule_history.history import SHOP_SOURCE_PREFIX, PlatformSet, ShopRuleSet, rule_history_texts
from app.services.rules import OURS, RuleSet

_NOT_VALUES = frozenset({"rule_set", "effective", "sources", "sources_note", "source", "note"})


@dataclass(frozen=True, slots=True)
class RuleSetSummary:
    rule_set: str
    platform: str
    effective: str  # YYYY-MM-DD
    starts_at: int  # UTC seconds: 00:00 of that day in `time_zone`
    time_zone: str
    shops_own: bool  # the shop's own set lies on the platform's
    values: int
    sourced: int  # values with a public page or rule (the rest are "ours" or the shop's)


@dataclass(frozen=True, slots=True)
class ValueChange:
    path: str
    before: str  # "" where the earlier set has no such value
    after: str
    source_before: str
    source_after: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _text(value: Any) -> str:
    if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        return ", ".join("—" if v is None else str(v) for v in value)
    return (
        "—"
        if value is None
        else json.dumps(value, ensure_ascii=False)
        if isinstance(value, list)
        else str(value)
    )


def _flat(node: Any, path: str, inline: str) -> Iterator[tuple[str, str, str]]:
    """(path, value, inline source) of every value under `node`; a "source" beside values in
    the file is theirs."""
    if isinstance(node, dict):
        if isinstance(node.get("source"), str):
            inline = _source_words(node["source"], str(node.get("effective", "")))
        for key, child in node.items():
            if key in _NOT_VALUES or key.endswith("_note"):
                continue
            yield from _flat(child, f"{path}.{key}" if path else key, inline)
    elif isinstance(node, list) and any(isinstance(item, dict) for item in node):
        for index, item in enumerate(node):
            yield from _flat(item, f"{path}[{index}]", inline)
    else:
        yield path, _text(node), inline


def _source_words(source: str, effective: str) -> str:
    if source == OURS:
        return OURS
    return f"{source} ({effective})" if effective else source


def _source_of(rules: RuleSet, path: str, inline: str) -> str:
    if inline:
        return inline
    found = rules.source_of(path.split("[")[0])
    if found is None:
        return ""
    return _source_words(found.source, "" if found.effective is None else found.effective.isoformat())


def _values(entry: PlatformSet) -> dict[str, tuple[str, str]]:
    """path -> (value, source) of one set."""
    raw = json.loads(entry.raw)
    return {
        path: (value, _source_of(entry.rules, path, inline)) for path, value, inline in _flat(raw, "", "")
    }


def rule_set_summaries(
    platform: str | None, shop_overrides: Sequence[ShopRuleSet] = ()
) -> list[RuleSetSummary]:
    """Every set the shop has had on `platform`, oldest first."""
    found = []
    for entry in rule_history_texts(platform, shop_overrides):
        values = _values(entry)
        rules = entry.rules
        found.append(
            RuleSetSummary(
                rule_set=rules.rule_set,
                platform=rules.platform,
                effective=shop_time.date_of(rules.starts_at, rules.shipping.tz).isoformat(),
                starts_at=rules.starts_at,
                time_zone=rules.shipping.time_zone,
                shops_own=any(source.startswith(SHOP_SOURCE_PREFIX) for _, source in values.values()),
                values=len(values),
                sourced=sum(
                    1
                    for _, source in values.values()
                    if source not in ("", OURS) and not source.startswith(SHOP_SOURCE_PREFIX)
                ),
            )
        )
    return found


def compare(
    platform: str | None, before: str, after: str, shop_overrides: Sequence[ShopRuleSet] = ()
) -> list[ValueChange]:
    """The values of sets `before` and `after` side by side, in the order of `after`'s file
    (a value only the earlier set had comes last). KeyError for a set the shop never had."""
    entries = {entry.rules.rule_set: entry for entry in rule_history_texts(platform, shop_overrides)}
    old, new = _values(entries[before]), _values(entries[after])
    paths = [*new, *(path for path in old if path not in new)]
    return [_change(path, old, new) for path in paths]


def _pair(found: tuple[str, str] | None) -> tuple[str, str]:
    return found or ("", "")


def _change(path: str, old: dict[str, tuple[str, str]], new: dict[str, tuple[str, str]]) -> ValueChange:
    before, source_before = _pair(old.get(path))
    after, source_after = _pair(new.get(path))
    return ValueChange(path, before, after, source_before, source_after)
