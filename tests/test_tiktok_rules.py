"""TikTok Shop's rule set is truthful and is the one a TikTok shop gets (issue 16, part 3).

`resources/rules/tiktok/tiktok-us-2026-12.json` parses; every value in it names where it comes from (a public
page of TikTok Shop's Seller University with its date, or "ours" with a note saying what the
record does and does not say); the thresholds TikTok judges a US shop by are the published
ones; and a shop's platform chooses its rule set, Douyin's staying the default. The file is
read as JSON here as well, so a value added without a source fails even if no code reads it."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from app.services.metrics.definitions import DEFAULT_DASHBOARD, METRIC_KEYS
from app.services.metrics.targets import parse_metric_rules
from app.services.rules import DEFAULT_RULES_FILE, OURS, RULE_FILES, load_rules, parse_source, rules_for

TIKTOK_FILE = RULE_FILES["tiktok"]
RAW = json.loads(TIKTOK_FILE.read_text(encoding="utf-8"))
RULES = rules_for("tiktok")
# Keys that describe, not values: the notes beside the numbers and the file's own header.
WORDS = {"note", "sources_note", "effective_note", "window_note", "source", "effective"}
# TikTok Shop's own pages: its Seller University (US) and its Partner Center.
PUBLIC = ("https://seller-us.tiktok.com/university/", "https://partner.tiktokshop.com/docv2/")


def leaves(value: Any, path: str = "") -> list[tuple[str, Any]]:
    """Every value of the file, by its dotted path (lists are values as a whole)."""
    if isinstance(value, dict):
        found: list[tuple[str, Any]] = []
        for key, inner in value.items():
            if key not in WORDS:
                found += leaves(inner, f"{path}.{key}".lstrip("."))
        return found
    return [(path, value)]


def own_source(path: str) -> dict[str, Any] | None:
    """The object holding the value at `path` (or one above it) when it has a "source" of its own."""
    parts = path.split(".")
    for end in range(len(parts) - 1, 0, -1):
        holder: Any = RAW
        for part in parts[:end]:
            holder = holder[part]
        if isinstance(holder, dict) and "source" in holder:
            return holder
    return None


VALUES = [
    (path, value)
    for path, value in leaves(RAW)
    if path not in ("rule_set", "effective") and not path.startswith("sources.")
]
TARGETS = sorted(RAW["metrics"]["targets"])


def test_a_tiktok_shop_gets_tiktoks_rule_set_and_douyin_stays_the_default() -> None:
    assert RULES.rule_set == "tiktok-us-2026-12" and RULES.effective == date(2026, 12, 7)
    douyin = load_rules(DEFAULT_RULES_FILE)
    assert rules_for("douyin") == douyin == load_rules() and douyin.rule_set == "douyin-2026-12"
    assert rules_for(None) == douyin and rules_for("a platform without rules") == douyin
    assert load_rules().metrics.dashboard == ()  # Douyin's dashboard: as it was (DEFAULT_DASHBOARD)


@pytest.mark.parametrize(("path", "value"), VALUES, ids=[path for path, _ in VALUES])
def test_every_value_has_its_source_or_says_ours(path: str, value: Any) -> None:
    assert RULES.source_of(path) is not None or own_source(path) is not None, f"{path} = {value!r}"


@pytest.mark.parametrize("path", sorted(RAW["sources"]))
def test_a_public_source_is_a_page_with_its_date_and_ours_says_why(path: str) -> None:
    entry = RAW["sources"][path]
    source = parse_source(entry, path)
    if entry["source"] == OURS:
        assert source.ours and source.effective is None and len(entry.get("note", "")) > 20, path
    else:
        assert entry["source"].startswith(PUBLIC), f"{path}: TikTok Shop's own page"
        assert isinstance(source.effective, date) and source.effective <= RULES.effective
    holder: Any = RAW  # a source names a value the file has (no orphan entries)
    for part in path.split("."):
        assert part in holder, f"sources.{path} names no value of the file"
        holder = holder[part]


@pytest.mark.parametrize("metric", TARGETS)
def test_each_target_names_its_page_and_date_or_says_ours(metric: str) -> None:
    raw = RAW["metrics"]["targets"][metric]
    target = RULES.metrics.target(metric)
    assert target is not None and target.note
    if raw["source"] == OURS:
        assert target.ours and target.effective is None
    else:
        assert raw["source"].startswith(PUBLIC) and not target.ours
        assert target.effective is not None and target.effective <= RULES.effective


def test_the_published_thresholds_are_tiktoks_with_their_pages() -> None:
    targets = RULES.metrics
    late = targets.target("late_dispatch_rate")
    tracking = targets.target("valid_tracking_rate")
    cancelled = targets.target("seller_fault_cancellation_rate")
    assert late and (late.target, late.limit) == (0.04, 0.10)
    assert late.source.endswith("knowledge_id=3668989549299511") and late.effective == date(2026, 3, 2)
    assert tracking and (tracking.target, tracking.limit) == (0.95, 0.95)
    assert tracking.source.endswith("knowledge_id=1274968588748558")
    assert tracking.effective == date(2025, 10, 31)
    assert cancelled and (cancelled.target, cancelled.limit) == (0.025, 0.025)
    assert cancelled.source.endswith("knowledge_id=7953001314830094")
    # The 48 h response deadline and the platform's approval after it (the request's own
    # deadline, when the platform sends one, comes first).
    assert RULES.after_sales.status_deadline_fallback_hours == 48
    review = targets.target("review_time_h")
    assert review and (review.target, review.limit) == (None, 48) and not review.ours
    deadline = RULES.source_of("after_sales.status_deadline_fallback_hours")
    assert deadline and deadline.source.endswith("650b2001bace3e02b76db38a")
    assert deadline.effective == date(2025, 4, 11) and "automatically approve" in deadline.note


def test_late_shipping_costs_a_tiktok_shop_nothing_per_order() -> None:
    (band,) = RULES.shipping.compensation_bands
    assert band.late is None and band.out_of_stock.amount_fen(12_345, 1) == 0
    assert RULES.shipping.fake_shipment.amount_fen(12_345, 1) == 0


def test_the_dashboard_shows_the_figures_tiktok_judges_and_no_estimated_score() -> None:
    dashboard = RULES.metrics.dashboard
    assert dashboard[:5] == (
        "late_dispatch_rate",
        "valid_tracking_rate",
        "seller_fault_cancellation_rate",
        "review_time_h",
        "timeout_approvals",
    )
    assert set(dashboard) <= set(METRIC_KEYS) and "experience_score" not in dashboard
    assert not RULES.metrics.has_score
    assert "late_dispatch_rate" not in DEFAULT_DASHBOARD and "experience_score" in DEFAULT_DASHBOARD


def test_a_public_target_without_its_date_is_refused() -> None:
    raw = json.loads(json.dumps(RAW["metrics"]))
    del raw["targets"]["late_dispatch_rate"]["effective"]
    kinds = {kind for kind, _ in RULES.after_sales.reason_keywords}
    with pytest.raises(ValueError, match="late_dispatch_rate.effective"):
        parse_metric_rules(raw, kinds)


@pytest.mark.parametrize(
    ("reason", "kind"),
    [
        ("Damaged item", "damaged"),
        ("Item is defective", "quality"),
        ("Wrong item sent", "quality"),
        ("Missing parts", "missing"),
        ("No longer needed", "no_reason"),
        ("Package didn't arrive", "not_received"),
    ],
)
def test_a_us_buyers_reason_gives_its_kind(reason: str, kind: str) -> None:
    assert RULES.after_sales.reason_kind(reason) == kind
