"""What a decision rule says, and whether a request matches it: one answer for live and dry run.

Owns the rule's form in the app's words — its `Conditions`, its `RuleAction` and the
`RuleForm` the owner fills in — how they are kept (JSON in
`automation_rule_versions`), the plain-words check of a form, and `matches()`, the one
function that decides whether a request's `Facts` satisfy a rule. The live evaluation
and the dry run both call `matches()` on facts made by `facts.py`, which is why a dry
run's figures are what the live rule then does on the same data.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from app.core.refusal import Refusal
from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import RequestKind

NAME_LENGTH = 100
DEFAULT_DELAY_S = 600  # the undo window an owner starts from: ten minutes
MAX_DELAY_S = 24 * 3600


class RuleAction(StrEnum):
    """What a rule does with a request it matches. The values are stored."""

    APPROVE_REFUND = "approve_refund"
    AGREE_RETURN = "agree_return"  # to the shop's default return address
    HAND_TO_OWNER = "hand_to_owner"
    LEAVE_FOR_PERSON = "leave_for_person"  # and no later rule looks at it


ACTION_LABELS = {
    RuleAction.APPROVE_REFUND: QT_TRANSLATE_NOOP("automation", "Approve the refund"),
    RuleAction.AGREE_RETURN: QT_TRANSLATE_NOOP("automation", "Agree to the return (default address)"),
    RuleAction.HAND_TO_OWNER: QT_TRANSLATE_NOOP("automation", "Hand to the owner"),
    RuleAction.LEAVE_FOR_PERSON: QT_TRANSLATE_NOOP("automation", "Leave for a person"),
}
# Actions that queue a decision for the platform (and so wait out the undo window).
DECIDING_ACTIONS = frozenset({RuleAction.APPROVE_REFUND, RuleAction.AGREE_RETURN})

MSG_NO_NAME = QT_TRANSLATE_NOOP("automation", "Give the rule a name the audit trail can show.")
MSG_NO_CAP = QT_TRANSLATE_NOOP(
    "automation", "A rule that approves refunds needs a daily limit on the money it may approve."
)
MSG_BAD_DELAY = QT_TRANSLATE_NOOP("automation", "The undo window must be between 0 minutes and 24 hours.")
MSG_BAD_NUMBER = QT_TRANSLATE_NOOP("automation", "Amounts, counts and hours in a rule cannot be negative.")


class RuleRefused(Refusal):
    """A rule that cannot be kept or changed, in plain words."""

    context = "automation"


@dataclass(frozen=True)
class Conditions:
    """Every condition is "any" when empty or None; a request matches when all hold."""

    platforms: tuple[str, ...] = ()  # "douyin", "tiktok"
    kinds: tuple[str, ...] = ()  # RequestKind values
    reason_words: tuple[str, ...] = ()  # any of them in the buyer's reason
    max_amount_fen: int | None = None
    # The mirror keeps no category: words of the product's name stand for one.
    product_words: tuple[str, ...] = ()
    product_ids: tuple[str, ...] = ()
    unshipped_only: bool = False
    not_picked_up_only: bool = False
    max_buyer_requests: int | None = None  # the buyer's earlier requests (90 days)
    max_buyer_refusals: int | None = None  # of them, those the shop refused
    min_hours_left: float | None = None  # before the platform's deadline

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Conditions:
        data: dict[str, Any] = json.loads(text or "{}")
        known = {name: value for name, value in data.items() if name in cls.__dataclass_fields__}
        for name, value in known.items():
            if isinstance(value, list):
                known[name] = tuple(value)
        return cls(**known)


@dataclass(frozen=True)
class RuleForm:
    """What the owner's form edits; each save of it is a version of the rule."""

    name: str
    conditions: Conditions = field(default_factory=Conditions)
    action: RuleAction = RuleAction.LEAVE_FOR_PERSON
    delay_s: int = DEFAULT_DELAY_S
    daily_cap_fen: int | None = None
    return_address_id: str = ""


def form_problem(form: RuleForm) -> RuleRefused | None:
    """Why the form cannot be kept, in plain words; None when it can."""
    if not form.name.strip():
        return RuleRefused(MSG_NO_NAME)
    if not 0 <= form.delay_s <= MAX_DELAY_S:
        return RuleRefused(MSG_BAD_DELAY)
    if form.action == RuleAction.APPROVE_REFUND and form.daily_cap_fen is None:
        return RuleRefused(MSG_NO_CAP)
    c = form.conditions
    numbers = (
        c.max_amount_fen,
        c.max_buyer_requests,
        c.max_buyer_refusals,
        c.min_hours_left,
        form.daily_cap_fen,
    )
    if any(n is not None and n < 0 for n in numbers):
        return RuleRefused(MSG_BAD_NUMBER)
    return None


@dataclass(frozen=True)
class Facts:
    """What a rule may ask of one request, as of one moment (`facts.py` makes them)."""

    aftersale_id: str
    platform: str
    kind: str | None
    reason: str
    amount_fen: int
    product_names: tuple[str, ...]
    product_ids: tuple[str, ...]
    shipped: bool
    picked_up: bool
    buyer_requests: int
    buyer_refusals: int
    seconds_left: int | None  # before the platform's deadline; None: no deadline known


def _any_word_in(words: tuple[str, ...], text: str) -> bool:
    return any(word.strip() and word.strip() in text for word in words)


def matches(c: Conditions, f: Facts) -> bool:
    """Whether the request (its facts) satisfies every condition of the rule; the cheap
    comparisons first, the words last."""
    if c.platforms and f.platform not in c.platforms:
        return False
    if c.kinds and (f.kind is None or f.kind not in c.kinds):
        return False
    if c.max_amount_fen is not None and f.amount_fen > c.max_amount_fen:
        return False
    if c.unshipped_only and f.shipped:
        return False
    if c.not_picked_up_only and f.picked_up:
        return False
    if c.max_buyer_requests is not None and f.buyer_requests > c.max_buyer_requests:
        return False
    if c.max_buyer_refusals is not None and f.buyer_refusals > c.max_buyer_refusals:
        return False
    if c.min_hours_left is not None and (f.seconds_left is None or f.seconds_left < c.min_hours_left * 3600):
        return False
    if c.product_ids and not set(c.product_ids) & set(f.product_ids):
        return False
    if c.reason_words and not _any_word_in(c.reason_words, f.reason):
        return False
    return not (c.product_words and not _any_word_in(c.product_words, "\n".join(f.product_names)))


def kinds_known() -> tuple[str, ...]:
    """The request kinds a form may choose from (the app's words, not a platform's codes)."""
    return tuple(kind.value for kind in RequestKind)
