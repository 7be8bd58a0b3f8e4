"""The audit trail's sentences for rules: the owner's automatic-decision rules and the
shop's own rule sets.

Owns `RULE_SENTENCES` (merged into `audit_words.SENTENCES`): who wrote, changed, moved,
switched or undid a rule's work, and a rule that stopped itself, in the person's language.
The rule's name comes from the event's own record where it holds one (a new or edited rule,
a rule's decision), else the rule's number: switching and moving record only that.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from app.services.automation.evaluation import AUTOMATIC_HAND_TO_OWNER
from app.services.automation.pending import UNDO
from app.services.automation.rule_book import (
    RULE_CREATE,
    RULE_EDIT,
    RULE_MOVE,
    RULE_OFF,
    RULE_ON,
    RULE_STOPPED,
)
from app.services.automation.stopped import REASON_WORDS
from app.services.rule_history.shop_sets import RULE_SET_ADD
from app.views.people.audit_words_event import Event, _t


def _rule(e: Event) -> str:
    """'small refunds' v3, or rule #12 where the event names no rule."""
    marker = e.after.get("automation")
    name = marker.get("rule") if isinstance(marker, dict) else e.after.get("name")
    version = marker.get("version") if isinstance(marker, dict) else e.after.get("version")
    if isinstance(name, str) and name:
        if isinstance(version, int):
            return QCoreApplication.translate("audit_words", "rule '{name}' v{version}").format(
                name=name, version=version
            )
        return QCoreApplication.translate("audit_words", "rule '{name}'").format(name=name)
    return QCoreApplication.translate("audit_words", "rule #{number}").format(number=e.row.entity_id)


def _created(e: Event) -> str:
    return QCoreApplication.translate("audit_words", "{who} wrote the automatic-decision {rule}.").format(
        who=e.who, rule=_rule(e)
    )


def _edited(e: Event) -> str:
    return QCoreApplication.translate(
        "audit_words", "{who} changed the automatic-decision {rule} (a new version; the old one is kept)."
    ).format(who=e.who, rule=_rule(e))


def _moved(e: Event) -> str:
    position = e.after.get("position")
    return QCoreApplication.translate(
        "audit_words", "{who} moved the automatic-decision {rule} to place {place}."
    ).format(who=e.who, rule=_rule(e), place=position + 1 if isinstance(position, int) else "?")


def _switched_on(e: Event) -> str:
    return QCoreApplication.translate(
        "audit_words", "{who} switched the automatic-decision {rule} on: it decides with their rights."
    ).format(who=e.who, rule=_rule(e))


def _switched_off(e: Event) -> str:
    return QCoreApplication.translate(
        "audit_words", "{who} switched the automatic-decision {rule} off."
    ).format(who=e.who, rule=_rule(e))


def _stopped(e: Event) -> str:
    reason = e.after.get("reason", "")
    why = REASON_WORDS.get(reason) if isinstance(reason, str) else None
    return QCoreApplication.translate(
        "audit_words", "The automatic-decision {rule} stopped itself: {reason}."
    ).format(rule=_rule(e), reason=_t(why) if why else reason)


def _undone(e: Event) -> str:
    return QCoreApplication.translate(
        "audit_words", "{who} undid the decision the {rule} had waiting for {request}: nothing was sent."
    ).format(who=e.who, rule=_rule(e), request=e.thing())


def _handed_to_owner(e: Event) -> str:
    return QCoreApplication.translate(
        "audit_words", "The {rule} handed {request} ({amount}) to the owner."
    ).format(rule=_rule(e), request=e.thing(), amount=e.amount())


def _shop_set_added(e: Event) -> str:
    return QCoreApplication.translate(
        "audit_words", "{who} added the shop's own rule set '{name}', in force from {day}."
    ).format(who=e.who, name=e.row.entity_id, day=e.after.get("effective", "?"))


RULE_SENTENCES: dict[str, Callable[[Event], str]] = {
    RULE_CREATE: _created,
    RULE_EDIT: _edited,
    RULE_MOVE: _moved,
    RULE_ON: _switched_on,
    RULE_OFF: _switched_off,
    RULE_STOPPED: _stopped,
    UNDO: _undone,
    AUTOMATIC_HAND_TO_OWNER: _handed_to_owner,
    RULE_SET_ADD: _shop_set_added,
}
