"""A platform's rule set, read from a dated data file.

Owns parsing one rule-set file (`resources/rules/<platform>/<name>.json`, or the single
`resources/rules/<platform>.json` of before the history; `rule_files` finds either; Douyin's
is the default) into a typed, immutable `RuleSet`, so
numbers from RULES.md (the 48 h default ship promise, the shipping cut-offs, late and
out-of-stock compensation bands and the shipping board's lanes, the after-sale windows,
evidence tiers and fast-refund caps, and the keyword lists that map product names and
buyers' reasons to the categories those rules name, and the service metrics' targets
and experience-score bands, parsed by `metric_rules.py`) live in one file that names its
version and effective date, never as literals scattered through the code, each value with
its source (`Source`: a public page or rule and its effective date, or "ours" for an
estimate; `RuleSet.source_of`). Which set was in force when, and a shop's own sets on top,
is `rule_history` (`rules_in_force`); a set carries the ones before it and `RuleSet.at(t)`
gives the one of an event's day. Screens show `rule_set` next to anything computed from it.
The decisions built on these numbers are in `shipping/deadlines.py`, `after_sale_rules.py`,
`metrics/` and `experience_score.py`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from app.core import shop_time
from app.services import rule_files as _files
from app.services.metrics.targets import MetricRules, parse_metric_rules

# Where the files are (rule_files.py), named here too for the readers of one set and the tests.
RULES_DIR = _files.RULES_DIR
PLATFORMS = _files.PLATFORMS
DEFAULT_RULES_FILE = _files.DEFAULT_RULES_FILE
RULE_FILES = _files.RULE_FILES
HOUR_S = 3600
DAY_S = 24 * HOUR_S
OTHER_CATEGORY = "other"
OURS = "ours"


@dataclass(frozen=True, slots=True)
class CompensationRule:
    """A share of the paid amount, rounded, then held between a floor and a ceiling."""

    percent: int
    min_fen: int
    max_fen: int

    def amount_fen(self, pay_amount_fen: int, round_to_fen: int) -> int:
        # Integer arithmetic in hundredths of a fen, rounded half up (四舍五入) to the unit.
        hundredths = pay_amount_fen * self.percent
        unit = round_to_fen * 100
        rounded = (hundredths + unit // 2) // unit * round_to_fen
        return min(max(rounded, self.min_fen), self.max_fen)


@dataclass(frozen=True, slots=True)
class CompensationBand:
    """What late shipment costs for orders whose promise is at most `promise_up_to_hours`."""

    promise_up_to_hours: int | None  # inclusive; None for the last, open-ended band
    late: CompensationRule | None  # None: shipping late (up to out-of-stock) costs nothing
    out_of_stock: CompensationRule


@dataclass(frozen=True, slots=True)
class ShippingRules:
    """RULES.md "Shipping", as numbers (see douyin.json "shipping")."""

    time_zone: str  # the shop's calendar: cut-offs, end of day, today/tomorrow
    same_day_cutoff_hour: int
    presale_max_days: int
    pickup_timeout_hours: int  # a tracking number with no pickup scan for longer is a timeout
    auto_refund_without_pickup_hours: int  # then a buyer's refund goes through on its own
    out_of_stock_after_hours: int  # still unshipped this long past the deadline
    compensation_round_to_fen: int
    compensation_bands: tuple[CompensationBand, ...]  # rising promise lengths, last open-ended
    fake_shipment: CompensationRule
    lane_within_4h_hours: int
    lane_today_days_ahead: int
    lane_tomorrow_days_ahead: int
    urgent_notice_hours: int  # "due within 2 hours" notification

    @property
    def tz(self) -> ZoneInfo:
        return shop_time.zone(self.time_zone)

    def band_for(self, promise_s: int) -> CompensationBand:
        """The compensation band of a promise `promise_s` seconds long (pay -> ship-by)."""
        for band in self.compensation_bands:
            if band.promise_up_to_hours is None or promise_s <= band.promise_up_to_hours * HOUR_S:
                return band
        raise AssertionError("the last band is open-ended (checked when parsed)")


@dataclass(frozen=True, slots=True)
class FreshRefundBand:
    max_bad_percent: int  # the share of the goods that is bad, up to
    max_refund_percent: int  # the share of the line's value the buyer may get back


@dataclass(frozen=True, slots=True)
class EvidenceTier:
    from_fen: int  # the tier applies from this product value up (to the next tier)
    tier: str  # "photos", "photos_80_percent_left", "hospital_diagnosis"


@dataclass(frozen=True, slots=True)
class AfterSaleRules:
    """RULES.md "After-sales", as numbers and keyword lists (see douyin.json)."""

    status_deadline_fallback_hours: int
    # Windows count from the platform's delivery time (the order's `receipt_time`), never a guess.
    no_reason_window_hours: int
    no_reason_excluded_categories: tuple[str, ...]
    fresh_category: str
    fresh_claim_window_hours: tuple[tuple[str, int], ...]  # claim kind -> hours after receipt
    fresh_refund_bands: tuple[FreshRefundBand, ...]
    cosmetics_category: str
    cosmetics_allergy_window_days: int
    cosmetics_evidence_tiers: tuple[EvidenceTier, ...]
    fast_refund_before_shipment_max_fen: int
    return_fast_refund_max_fen: int
    reject_reason_codes: tuple[tuple[str, int], ...]
    category_keywords: tuple[tuple[str, tuple[str, ...]], ...]  # first match wins
    reason_keywords: tuple[tuple[str, tuple[str, ...]], ...]  # first match wins

    @property
    def status_deadline_fallback_s(self) -> int:
        return self.status_deadline_fallback_hours * HOUR_S

    def category_of(self, product_name: str) -> str:
        """The rule category of a product by its name (the dialect sends none); "other" if unknown."""
        for category, keywords in self.category_keywords:
            if any(keyword in product_name for keyword in keywords):
                return category
        return OTHER_CATEGORY

    def reason_kind(self, reason_text: str) -> str:
        """What the buyer's reason amounts to ("no_reason", "allergy", "visible_rot"…); "" if unknown."""
        for kind, keywords in self.reason_keywords:
            if any(keyword in reason_text for keyword in keywords):
                return kind
        return ""

    def fresh_claim_window_s(self, kind: str) -> int | None:
        hours = dict(self.fresh_claim_window_hours).get(kind)
        return None if hours is None else hours * HOUR_S

    def evidence_tier(self, value_fen: int) -> str:
        chosen = ""
        for tier in self.cosmetics_evidence_tiers:
            if value_fen >= tier.from_fen:
                chosen = tier.tier
        return chosen

    def reject_code(self, name: str) -> int | None:
        return dict(self.reject_reason_codes).get(name)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a value of the rule set comes from: a public page or rule and the date it took
    effect, or "ours" (an estimate, or a design note's number whose page was not found)."""

    source: str
    effective: date | None = None
    note: str = ""

    @property
    def ours(self) -> bool:
        return self.source == OURS


@dataclass(frozen=True, slots=True)
class RuleSet:
    rule_set: str
    effective: date
    default_ship_promise_hours: int
    shipping: ShippingRules
    after_sales: AfterSaleRules
    metrics: MetricRules
    sources: tuple[tuple[str, Source], ...] = ()  # path in the file -> its source
    # Whose rule set it is ("douyin", "tiktok": RULE_FILES' names): the platform's own moves
    # (app/services/refunds/outcomes.py) go with its rules.
    platform: str = "douyin"
    # When it takes effect: 00:00 of `effective` in its own shipping.time_zone (the shop's
    # calendar: Asia/Shanghai for Douyin, fixed UTC-8 for TikTok Shop US), UTC seconds.
    starts_at: int = 0
    # The sets in force before this one, newest first (rule_history.rules_in_force fills it),
    # so a computation about an earlier event takes the set of that day: `at()`.
    earlier: tuple[RuleSet, ...] = ()

    def at(self, instant: int | None) -> RuleSet:
        """The rule set in force at `instant` (UTC seconds): this one from its start on, else
        the newest earlier set that had started; an event before the oldest set is judged by
        the oldest. None or 0 (an event that has not happened, an order not paid) takes this one."""
        if not instant or instant >= self.starts_at:
            return self
        for rules in self.earlier:
            if instant >= rules.starts_at:
                return rules
        return self.earlier[-1] if self.earlier else self

    @property
    def label(self) -> str:
        """What a screen names the set by ("douyin-2026-12", "douyin-2026-12+shop-2026-12")."""
        return self.rule_set

    @property
    def default_ship_promise_s(self) -> int:
        return self.default_ship_promise_hours * HOUR_S

    def source_of(self, path: str) -> Source | None:
        """The source of the value at `path` ("after_sales.no_reason_window_hours"): its own
        entry, else the nearest entry above it; None when the file names none."""
        found = dict(self.sources)
        parts = path.split(".")
        for end in range(len(parts), 0, -1):
            source = found.get(".".join(parts[:end]))
            if source is not None:
                return source
        return None


def _positive(raw: dict[str, Any], key: str) -> int:
    value = raw[key]
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ValueError(f"{key} must be a positive integer, not {value!r}")
    return value


def _keyword_table(raw: Any, key: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(raw, list) or not all(
        isinstance(entry, list) and len(entry) == 2 and isinstance(entry[1], list) for entry in raw
    ):
        raise ValueError(f"{key} must be a list of [name, [keywords]]")
    return tuple((str(name), tuple(str(word) for word in words)) for name, words in raw)


def _field(raw: Any, key: str, where: str) -> Any:
    if not isinstance(raw, dict) or key not in raw:
        raise ValueError(f"{where}.{key} is missing")
    return raw[key]


def _whole(raw: Any, key: str, where: str, low: int = 1, high: int | None = None) -> int:
    value = _field(raw, key, where)
    if (
        not isinstance(value, int)
        or isinstance(value, bool)
        or value < low
        or (high is not None and value > high)
    ):
        bounds = f"from {low}" + ("" if high is None else f" to {high}")
        raise ValueError(f"{where}.{key} must be a whole number {bounds}, not {value!r}")
    return value


def _compensation_rule(raw: Any, where: str) -> CompensationRule:
    # 0 % up to 0: a platform that charges nothing (TikTok Shop's rule set).
    rule = CompensationRule(
        percent=_whole(raw, "percent", where, low=0, high=100),
        min_fen=_whole(raw, "min_fen", where, low=0),
        max_fen=_whole(raw, "max_fen", where, low=0),
    )
    if rule.min_fen > rule.max_fen:
        raise ValueError(f"{where}: min_fen {rule.min_fen} is above max_fen {rule.max_fen}")
    return rule


def _compensation_band(raw: Any, where: str) -> CompensationBand:
    up_to = _field(raw, "promise_up_to_hours", where)
    late = _field(raw, "late", where)
    if late != "none" and not isinstance(late, dict):
        raise ValueError(f'{where}.late must be "none" or {{percent, min_fen, max_fen}}, not {late!r}')
    return CompensationBand(
        promise_up_to_hours=None if up_to is None else _whole(raw, "promise_up_to_hours", where),
        late=None if late == "none" else _compensation_rule(late, f"{where}.late"),
        out_of_stock=_compensation_rule(_field(raw, "out_of_stock", where), f"{where}.out_of_stock"),
    )


def parse_shipping_rules(raw: Any) -> ShippingRules:
    """The "shipping" section; ValueError naming the first field that is missing or wrong."""
    where = "shipping"
    if not isinstance(raw, dict):
        raise ValueError("the shipping section is missing (or is not an object)")
    time_zone = _field(raw, "time_zone", where)
    try:
        shop_time.zone(str(time_zone))
    except ValueError as exc:
        raise ValueError(f"shipping.time_zone {time_zone!r} is not a known time zone") from exc
    raw_bands = _field(raw, "compensation_bands", where)
    if not isinstance(raw_bands, list) or not raw_bands:
        raise ValueError("shipping.compensation_bands must be a non-empty list")
    bands = tuple(_compensation_band(b, f"shipping.compensation_bands[{i}]") for i, b in enumerate(raw_bands))
    limits = [band.promise_up_to_hours for band in bands]
    bounded = [limit for limit in limits[:-1] if limit is not None]
    if limits[-1] is not None or len(bounded) < len(limits) - 1 or bounded != sorted(set(bounded)):
        raise ValueError(
            "shipping.compensation_bands must rise in promise_up_to_hours and end with null (no limit)"
        )
    lanes = _field(raw, "lanes", where)
    rules = ShippingRules(
        time_zone=str(time_zone),
        same_day_cutoff_hour=_whole(raw, "same_day_cutoff_hour", where, low=0, high=24),
        presale_max_days=_whole(raw, "presale_max_days", where),
        pickup_timeout_hours=_whole(raw, "pickup_timeout_hours", where),
        auto_refund_without_pickup_hours=_whole(raw, "auto_refund_without_pickup_hours", where),
        out_of_stock_after_hours=_whole(raw, "out_of_stock_after_hours", where),
        compensation_round_to_fen=_whole(raw, "compensation_round_to_fen", where),
        compensation_bands=bands,
        fake_shipment=_compensation_rule(_field(raw, "fake_shipment", where), "shipping.fake_shipment"),
        lane_within_4h_hours=_whole(lanes, "within_4h_hours", "shipping.lanes"),
        lane_today_days_ahead=_whole(lanes, "today_days_ahead", "shipping.lanes", low=0),
        lane_tomorrow_days_ahead=_whole(lanes, "tomorrow_days_ahead", "shipping.lanes"),
        urgent_notice_hours=_whole(raw, "urgent_notice_hours", where),
    )
    if rules.lane_tomorrow_days_ahead <= rules.lane_today_days_ahead:
        raise ValueError("shipping.lanes.tomorrow_days_ahead must come after today_days_ahead")
    return rules


def parse_after_sale_rules(raw: dict[str, Any]) -> AfterSaleRules:
    bands = tuple(
        FreshRefundBand(int(band["max_bad_percent"]), int(band["max_refund_percent"]))
        for band in raw["fresh_refund_bands"]
    )
    tiers = tuple(EvidenceTier(int(t["from_fen"]), str(t["tier"])) for t in raw["cosmetics_evidence_tiers"])
    if [b.max_bad_percent for b in bands] != sorted(b.max_bad_percent for b in bands) or not bands:
        raise ValueError("fresh_refund_bands must be in rising order of max_bad_percent")
    if [t.from_fen for t in tiers] != sorted(t.from_fen for t in tiers) or not tiers:
        raise ValueError("cosmetics_evidence_tiers must be in rising order of from_fen")
    windows = raw["fresh_claim_window_hours"]
    return AfterSaleRules(
        status_deadline_fallback_hours=_positive(raw, "status_deadline_fallback_hours"),
        no_reason_window_hours=_positive(raw, "no_reason_window_hours"),
        no_reason_excluded_categories=tuple(str(c) for c in raw["no_reason_excluded_categories"]),
        fresh_category=str(raw["fresh_category"]),
        fresh_claim_window_hours=tuple((str(k), _positive(windows, k)) for k in windows),
        fresh_refund_bands=bands,
        cosmetics_category=str(raw["cosmetics_category"]),
        cosmetics_allergy_window_days=_positive(raw, "cosmetics_allergy_window_days"),
        cosmetics_evidence_tiers=tiers,
        fast_refund_before_shipment_max_fen=_positive(raw, "fast_refund_before_shipment_max_fen"),
        return_fast_refund_max_fen=_positive(raw, "return_fast_refund_max_fen"),
        reject_reason_codes=tuple((str(k), int(v)) for k, v in raw["reject_reason_codes"].items()),
        category_keywords=_keyword_table(raw["category_keywords"], "category_keywords"),
        reason_keywords=_keyword_table(raw["reason_keywords"], "reason_keywords"),
    )


def parse_source(raw: Any, where: str) -> Source:
    """One source entry: {"source": "ours", "note"?} or {"source": page or rule, "effective":
    "YYYY-MM-DD", "note"?}; ValueError when a public source has no effective date."""
    text = _field(raw, "source", where)
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f'{where}.source must be a page or rule, or "{OURS}"')
    note = str(raw.get("note", ""))
    if text == OURS:
        return Source(OURS, None, note)
    try:
        effective = date.fromisoformat(str(_field(raw, "effective", where)))
    except ValueError as error:
        raise ValueError(f"{where}.effective must be a date (YYYY-MM-DD): {error}") from None
    return Source(text, effective, note)


def parse_sources(raw: Any) -> tuple[tuple[str, Source], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        raise ValueError("sources must be an object of path -> {source, effective?, note?}")
    return tuple((str(path), parse_source(entry, f"sources.{path}")) for path, entry in raw.items())


def parse_rules(raw: dict[str, Any], platform: str = "douyin") -> RuleSet:
    after_sales = parse_after_sale_rules(raw["after_sales"])
    shipping = parse_shipping_rules(raw.get("shipping"))
    effective = date.fromisoformat(str(raw["effective"]))
    return RuleSet(
        rule_set=str(raw["rule_set"]),
        effective=effective,
        default_ship_promise_hours=_positive(raw, "default_ship_promise_hours"),
        shipping=shipping,
        after_sales=after_sales,
        metrics=parse_metric_rules(raw.get("metrics"), {kind for kind, _ in after_sales.reason_keywords}),
        sources=parse_sources(raw.get("sources")),
        platform=platform,
        starts_at=shop_time.midnight(effective, shipping.tz),
    )


@cache
def load_rules(path: Path | None = None) -> RuleSet:
    """The rule set in `path` alone, without the sets before it (cached: the file ships with
    the app and never changes while it runs); Douyin's newest when None."""
    path = path or DEFAULT_RULES_FILE
    return parse_rules(json.loads(path.read_text(encoding="utf-8")), _files.platform_of_file(path))


def rules_for(platform: str | None) -> RuleSet:
    """The rule set in force now for a shop on `platform` ("douyin", "tiktok"), with the sets
    before it; Douyin's for None or a platform without rule sets of its own. The app asks
    `rule_history.rules_in_force`, which says when and with which shop's own set."""
    # Imported here: rule_history builds on this module's parsing.
    from app.services.rule_history.history import rules_in_force

    return rules_in_force(platform)
