"""The rules that stopped themselves, for the owner's "needs attention".

Owns `stopped_rules()`: each rule that switched itself off (its daily cap reached, the
platform refusing one of its decisions, its owner no longer allowed to decide, a return
address the platform would not know) with why, in plain words. They are the owner's
(`MANAGE_SETTINGS`): anyone else is shown none. Switching the rule on again
(`rule_book.switch_on`) lifts the stop and takes it off the list.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.translation import QT_TRANSLATE_NOOP
from app.models import AutomationRule, AutomationRuleVersion
from app.services.people import permissions
from app.services.people.permissions import Action, Actor

REASON_WORDS = {
    "cap": QT_TRANSLATE_NOOP("automation", "it reached its daily limit of money decided automatically"),
    "refused": QT_TRANSLATE_NOOP("automation", "the platform refused one of its decisions"),
    "rights": QT_TRANSLATE_NOOP("automation", "the owner who switched it on can no longer decide refunds"),
    "address": QT_TRANSLATE_NOOP("automation", "its return address is missing or not one the platform knows"),
}
STOPPED_LINE = QT_TRANSLATE_NOOP(
    "automation",
    "Rule '{rule}' v{version} stopped itself: {reason}. Switch it on again when it should go on.",
)


@dataclass(frozen=True)
class StoppedRule:
    rule_id: int
    name: str
    version: int
    reason: str  # "cap", "refused", "rights", "address"

    @property
    def reason_text(self) -> str:
        """Why, in English source words (context "automation")."""
        return REASON_WORDS.get(self.reason, self.reason)


def stopped_rules(session: Session, actor: Actor | None) -> list[StoppedRule]:
    """The rules that stopped themselves, in the owner's order; none for anyone but the owner."""
    if actor is None or not permissions.allowed(actor, Action.MANAGE_SETTINGS):
        return []
    rows = session.execute(
        select(
            AutomationRule.id,
            AutomationRuleVersion.name,
            AutomationRule.version,
            AutomationRule.stopped_reason,
        )
        .join(
            AutomationRuleVersion,
            (AutomationRuleVersion.rule_id == AutomationRule.id)
            & (AutomationRuleVersion.version == AutomationRule.version),
        )
        .where(AutomationRule.enabled.is_(False), AutomationRule.stopped_reason != "")
        .order_by(AutomationRule.position, AutomationRule.id)
    ).all()
    return [StoppedRule(rule_id, name, version, reason) for rule_id, name, version, reason in rows]
