"""What the platform's rules say about one after-sale request: the queue's suggestion.

Owns `assess()`, a pure function from the facts of a request (kind, state, the
buyer's reason, the product, amounts, the order's times) to an `Assessment`: which
rule applies, whether the buyer is inside that rule's window, what evidence the rule
asks for, and a suggestion ("approve", "refuse", "inspect", "review") with its reason
in plain words. Every number comes from the rule set (`rules.py` and its JSON file), whose
name travels with every assessment so the screen can show it.

Delivery ("receipt") is the platform's: the order's `receipt_time` (its lines'
`logistics_receipt_time`, else `confirm_receipt_time`). Without it the goods have not
reached the buyer as far as the platform says, and nothing is guessed: a window that
counts from receipt cannot be checked (`window_open` None), and a refund asked for a
shipped order not yet received is a refund in transit (在途).

Approximations, because the dialect does not carry everything the rules count from:
- Windows are judged at the buyer's application time (`apply_time`), not at `now`, by
  the rule set in force then.
- Product category comes from keyword lists over the product name; the buyer's claim
  kind (no reason, allergy, visible rot…) from keyword lists over the reason text.
- A fresh-produce refund is judged by its share of the line's paid value, since the
  share of bad goods is only in the buyer's photos.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from app.core import shop_time
from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import RequestKind, RequestState
from app.services.refunds.rule_words import REASONS, RULE_TEXTS
from app.services.rule_history import rules_in_force
from app.services.rules import DAY_S, HOUR_S, OURS, RuleSet

FRESH_CLAIMS = ("damaged", "visible_rot", "hidden_rot")
SUGGESTIONS = ("approve", "refuse", "inspect", "review")

K = RequestKind
S = RequestState

# rule_key -> the value in the rule file whose source the rule shows (rules.RuleSet.source_of);
# a rule not named here rests on no number of the file: its words are ours.
RULE_SOURCE_PATHS = {
    "return_fast_refund": "after_sales.return_fast_refund_max_fen",
    "fast_refund_before_shipment": "after_sales.fast_refund_before_shipment_max_fen",
    "fresh_claim": "after_sales.fresh_claim_window_hours",
    "fresh_no_reason": "after_sales.no_reason_excluded_categories",
    "cosmetics_allergy": "after_sales.cosmetics_allergy_window_days",
    "no_reason_7d": "after_sales.no_reason_window_hours",
}

EVIDENCE_TIER_TEXTS = {
    "photos": QT_TRANSLATE_NOOP("refunds", "photos"),
    "photos_80_percent_left": QT_TRANSLATE_NOOP("refunds", "photos, one showing at least 80% left"),
    "hospital_diagnosis": QT_TRANSLATE_NOOP("refunds", "photos and a hospital diagnosis"),
}


class RequestFacts(Protocol):
    """What `assess` reads; `QueueRow` and `Facts` both have it."""

    kind: str  # a RequestKind
    state: str  # a RequestState
    reason_text: str
    product_name: str
    refund_amount: int
    apply_time: int
    has_tracking: bool
    order_pay_amount: int | None
    line_pay_amount: int | None
    ship_time: int | None
    receipt_time: int | None  # when the buyer had the goods, the platform's; None: not received
    fast_refund: bool | None  # the platform marks the refund its own fast one; None: not said


@dataclass(frozen=True, slots=True)
class Facts:
    """A plain `RequestFacts` (tests, and the queue before it builds its row)."""

    kind: str  # a RequestKind
    state: str  # a RequestState
    reason_text: str = ""
    product_name: str = ""
    refund_amount: int = 0
    apply_time: int = 0
    has_tracking: bool = False
    order_pay_amount: int | None = None
    line_pay_amount: int | None = None
    ship_time: int | None = None
    receipt_time: int | None = None
    fast_refund: bool | None = None


@dataclass(frozen=True, slots=True)
class Assessment:
    rule_key: str
    rule_text_en: str  # English source (context "refunds"); fill {names} from params
    window_open: bool | None  # None: no window applies, or it cannot be checked
    evidence_tier: str  # "", "photos", "photos_80_percent_left", "hospital_diagnosis"
    suggestion: str  # one of SUGGESTIONS
    suggestion_reason_en: str
    rule_set: str
    category: str
    window_ends_at: int | None = None
    suggested_reject_code: int | None = None
    params: tuple[tuple[str, str], ...] = ()
    source: str = OURS  # the rule file's source of the rule's numbers, or "ours"
    source_effective: str = ""  # ISO date that source took effect; "" for ours

    def rule_text(self) -> str:
        return self.rule_text_en.format(**dict(self.params))

    def suggestion_reason(self) -> str:
        return self.suggestion_reason_en.format(**dict(self.params))


def yuan(fen: int) -> str:
    return f"¥{fen // 100:,}" if fen % 100 == 0 else f"¥{fen / 100:,.2f}"


def delivered_at(facts: RequestFacts) -> int | None:
    """When the buyer received the goods, as the platform says; None when it has not said
    so (not delivered yet), never a guess."""
    return facts.receipt_time or None


def no_reason_window_end(delivered: int, rules: RuleSet) -> int:
    """168 h from 00:00 Asia/Shanghai of the day after delivery."""
    _, next_midnight = shop_time.day_bounds(delivered)
    return next_midnight + rules.after_sales.no_reason_window_hours * HOUR_S


# Names and reasons repeat across a queue; keyword scans are the costly part of `assess`.
_categories: dict[tuple[int, str], str] = {}
_reason_kinds: dict[tuple[int, str], str] = {}
_CACHE_LIMIT = 50_000


def _cached(
    cache: dict[tuple[int, str], str], rules: object, text: str, compute: Callable[[str], str]
) -> str:
    key = (id(rules), text)
    found = cache.get(key)
    if found is None:
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        found = cache[key] = compute(text)
    return found


class _Judging:
    """One request being judged: its facts, the rule set, and what every step reads of them."""

    __slots__ = ("facts", "rules", "a", "category", "claim", "applied", "value")

    def __init__(self, facts: RequestFacts, now: int, rules: RuleSet) -> None:
        a = rules.after_sales
        self.facts, self.rules, self.a = facts, rules, a
        self.category = _cached(_categories, a, facts.product_name, a.category_of)
        self.claim = _cached(_reason_kinds, a, facts.reason_text, a.reason_kind)  # the buyer's claim kind
        self.applied = facts.apply_time or now
        self.value = facts.line_pay_amount or facts.order_pay_amount or facts.refund_amount

    def done(
        self,
        key: str,
        suggestion: str,
        reason: str,
        *,
        window_open: bool | None = None,
        ends: int | None = None,
        tier: str = "",
        reject: str = "",
        **params: object,
    ) -> Assessment:
        """The assessment of rule `key`, suggesting `suggestion` for the REASONS[`reason`]."""
        path = RULE_SOURCE_PATHS.get(key)
        source = self.rules.source_of(path) if path else None
        return Assessment(
            key,
            RULE_TEXTS[key],
            window_open,
            tier,
            suggestion,
            REASONS[reason],
            self.rules.rule_set,
            self.category,
            ends,
            self.a.reject_code(reject) if reject else None,
            tuple(sorted((name, str(value)) for name, value in params.items())),
            source.source if source else OURS,
            source.effective.isoformat() if source and source.effective else "",
        )


# --- the steps of `assess`, in the order they are asked: the first that answers decides --------
def _returned_goods_to_inspect(j: _Judging) -> Assessment | None:
    """Goods came back: inspect them (an exchange, a return maybe refunded fast, or a return)."""
    facts, a = j.facts, j.a
    if facts.state != S.RETURN_AWAITING_INSPECTION:
        return None
    if facts.kind in (K.EXCHANGE, K.REPAIR):  # the yes sends goods out, not money
        return j.done("exchange_receipt", "inspect", "inspect_then_send")
    if facts.refund_amount <= a.return_fast_refund_max_fen:
        return j.done(
            "return_fast_refund", "inspect", "inspect_maybe_refunded", cap=yuan(a.return_fast_refund_max_fen)
        )
    return j.done("return_inspection", "inspect", "inspect")


def _refund_before_shipment(j: _Judging) -> Assessment | None:
    """Nothing shipped: approve (fast when small), unless a tracking number says otherwise."""
    facts = j.facts
    if facts.kind != K.REFUND_BEFORE_SHIPMENT:
        return None
    if facts.has_tracking:
        return j.done(
            "refund_before_shipment_shipped", "review", "shipped_intercept", reject="already_shipped"
        )
    cap = j.a.fast_refund_before_shipment_max_fen
    if (facts.order_pay_amount or facts.refund_amount) <= cap:
        return j.done("fast_refund_before_shipment", "approve", "fast_refund", cap=yuan(cap))
    return j.done("refund_before_shipment", "approve", "not_shipped")


def _goods_to_send(j: _Judging) -> Assessment | None:
    """An agreed resend or repair waits for the shop's parcel: send it (nothing to refuse)."""
    if j.facts.state != S.AWAITING_SHOP_SHIPMENT:
        return None
    return j.done("goods_to_send", "approve", "send_goods")


def _exchange_or_resend(j: _Judging) -> Assessment | None:
    """Exchanges, resends and repairs are reviewed by a person."""
    if j.facts.kind == K.REPAIR:
        return j.done("repair", "review", "repair")
    if j.facts.kind == K.EXCHANGE:
        return j.done("exchange", "review", "exchange")
    if j.facts.kind == K.RESEND:
        return j.done("resend", "review", "resend")
    return None


def _refund_in_transit(j: _Judging) -> Assessment | None:
    """A refund only, asked after shipping while the parcel has not been received (在途):
    stop the parcel rather than judge the reason. Where the platform marks the refund its
    own fast one (`fast_refund`, from `refund_type`), the buyer may already have the money."""
    facts = j.facts
    if facts.kind != K.REFUND_AFTER_SHIPMENT or facts.state != S.AWAITING_SHOP:
        return None
    if not (facts.ship_time or facts.has_tracking) or delivered_at(facts) is not None:
        return None
    reason = "intercept_refunded" if facts.fast_refund else "intercept_in_transit"
    return j.done("refund_in_transit", "review", reason)


def _goods_not_received(j: _Judging) -> Assessment | None:
    """The buyer says nothing arrived: the parcel's tracking decides."""
    return j.done("not_received", "review", "check_tracking") if j.claim == "not_received" else None


def _fresh_produce_claim(j: _Judging) -> Assessment | None:
    """Fresh produce damaged or rotten: inside the claim window, judged by the refund's share."""
    facts, a = j.facts, j.a
    if j.category != a.fresh_category or j.claim not in FRESH_CLAIMS:
        return None
    delivered = delivered_at(facts)
    window_s = a.fresh_claim_window_s(j.claim) or 0
    ends = delivered + window_s if delivered is not None else None
    # Rounded up: never in the buyer's favour.
    share = -(-facts.refund_amount * 100 // j.value) if j.value else 100
    band = next((b for b in a.fresh_refund_bands if share <= b.max_refund_percent), a.fresh_refund_bands[-1])
    index = a.fresh_refund_bands.index(band)
    previous_bad = a.fresh_refund_bands[index - 1].max_bad_percent if index else 0
    hours, bad, refund = window_s // HOUR_S, band.max_bad_percent, band.max_refund_percent
    if ends is not None and j.applied > ends:
        return j.done(
            "fresh_claim", "refuse", "outside_window",
            window_open=False, ends=ends, tier="photos", hours=hours, bad=bad, refund=refund,
        )  # fmt: skip
    is_open = None if ends is None else True
    if index == 0:
        return j.done(
            "fresh_claim", "approve", "within_band",
            window_open=is_open, ends=ends, tier="photos", share=share, hours=hours, bad=bad, refund=refund,
        )  # fmt: skip
    return j.done(
        "fresh_claim", "review", "check_bad_share",
        window_open=is_open, ends=ends, tier="photos", share=share,
        hours=hours, bad=previous_bad, refund=refund,
    )  # fmt: skip


def _no_reason_excluded(j: _Judging) -> Assessment | None:
    """A no-reason return of a category excluded from it (fresh produce): refuse."""
    if j.claim != "no_reason" or j.category not in j.a.no_reason_excluded_categories:
        return None
    return j.done(
        "fresh_no_reason", "refuse", "fresh_no_reason", window_open=False, reject="no_reason_not_supported"
    )


def _cosmetics_allergy(j: _Judging) -> Assessment | None:
    """An allergy to cosmetics: inside its window, with evidence by the product's value."""
    a = j.a
    if j.claim != "allergy" or j.category != a.cosmetics_category:
        return None
    delivered = delivered_at(j.facts)
    days = a.cosmetics_allergy_window_days
    ends = delivered + days * DAY_S if delivered is not None else None
    tier = a.evidence_tier(j.value)
    if ends is not None and j.applied > ends:
        return j.done(
            "cosmetics_allergy", "refuse", "outside_window",
            window_open=False, ends=ends, tier=tier, days=days,
        )  # fmt: skip
    return j.done(
        "cosmetics_allergy", "review", "allergy_evidence",
        window_open=None if ends is None else True, ends=ends, tier=tier, days=days,
        tier_text=EVIDENCE_TIER_TEXTS.get(tier, tier),
    )  # fmt: skip


def _seven_days_no_reason(j: _Judging) -> Assessment | None:
    """7 days no reason: inside the window a return is agreed, a refund only is reviewed."""
    if j.claim != "no_reason":
        return None
    hours = j.a.no_reason_window_hours
    delivered = delivered_at(j.facts)
    if delivered is None:
        return j.done("no_reason_7d", "review", "window_unknown", hours=hours)
    ends = no_reason_window_end(delivered, j.rules)
    if j.applied > ends:
        return j.done("no_reason_7d", "refuse", "outside_window", window_open=False, ends=ends, hours=hours)
    if j.facts.kind == K.RETURN_AND_REFUND:
        return j.done("no_reason_7d", "approve", "no_reason_return", window_open=True, ends=ends, hours=hours)
    return j.done("no_reason_7d", "review", "no_reason_refund_only", window_open=True, ends=ends, hours=hours)


def _quality_or_general(j: _Judging) -> Assessment:
    """Everything else: a quality complaint (or no special rule); a return is agreed, a refund
    only is reviewed against the buyer's photos."""
    key = "quality" if j.claim else "general"
    if j.facts.kind == K.RETURN_AND_REFUND:
        return j.done(key, "approve", "quality_return")
    return j.done(key, "review", "quality_refund_only", tier="photos")


_STEPS: tuple[Callable[[_Judging], Assessment | None], ...] = (
    _returned_goods_to_inspect,
    _goods_to_send,
    _refund_before_shipment,
    _exchange_or_resend,
    _refund_in_transit,
    _goods_not_received,
    _fresh_produce_claim,
    _no_reason_excluded,
    _cosmetics_allergy,
    _seven_days_no_reason,
)


def assess(facts: RequestFacts, now: int, rules: RuleSet | None = None) -> Assessment:
    """The rule that applies to this request and what it suggests (pure): the first step
    that answers, else the quality-or-general rule. The rules are those in force when the
    buyer applied (`RuleSet.at`; Douyin's now when None), so a later rule set never changes
    what an earlier request's window was."""
    judging = _Judging(facts, now, (rules or rules_in_force(None)).at(facts.apply_time))
    for step in _STEPS:
        found = step(judging)
        if found is not None:
            return found
    return _quality_or_general(judging)
