"""A shop's own rule sets, kept in its database and laid on top of its platform's.

Owns reading the shop's sets (`shop_rule_sets`, app/models/shop_rules.py) as `ShopRuleSet`s,
`shop_rules_in_force` (the one call a screen or service makes for "the rules" of its shop:
`history.rules_in_force` with the shop's sets on top), and `add_shop_rule_set`, the owner's
(`MANAGE_SETTINGS`) only way to add one: checked against the rule file (each value a whole
number the file has, the whole still a valid set) and audited in the same transaction.
The values a shop may set are `SHOP_SETTABLE`: promises to its buyers beyond the platform's.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from app.core.refusal import Refusal
from app.core.translation import QT_TRANSLATE_NOOP
from app.models import ShopRuleSetRow
from app.models.shop_rules import SHOP_RULE_SET_NAME_MAX
from app.services.people import audit, permissions
from app.services.people.permissions import Action, Actor
from app.services.rule_history.history import ShopRuleSet, rules_in_force, shop_values_problem
from app.services.rules import RuleSet

RULE_SET_ADD = "rules.shop_set_add"
# A rule file's path -> the unit the owner enters it in (the Rules screen's form).
SHOP_SETTABLE = {
    "after_sales.no_reason_window_hours": "hours",
    "after_sales.cosmetics_allergy_window_days": "days",
    "after_sales.status_deadline_fallback_hours": "hours",
}

MSG_NAME = QT_TRANSLATE_NOOP("rules", "Give the shop's rule set a name (at most 64 characters).")
MSG_NAME_TAKEN = QT_TRANSLATE_NOOP("rules", "The shop already has a rule set called {name}.")
MSG_NO_VALUES = QT_TRANSLATE_NOOP("rules", "Set at least one value for the shop's rule set.")
MSG_BAD_VALUE = QT_TRANSLATE_NOOP("rules", "The rule set was not added: {problem}.")
MSG_PAST = QT_TRANSLATE_NOOP(
    "rules", "A shop's rule set starts today or later: the days already past keep the rules they had."
)


class ShopRuleSetRefused(Refusal):
    """The shop's rule set cannot be added as asked; the message says why in plain words."""

    context = "rules"


def _as_shop_set(row: ShopRuleSetRow) -> ShopRuleSet:
    values = json.loads(row.rule_values)
    return ShopRuleSet(
        row.name,
        date.fromisoformat(row.effective),
        tuple((str(k), int(v)) for k, v in values.items()),
        row.note,
    )


def shop_rule_sets(session: Session) -> tuple[ShopRuleSet, ...]:
    """The shop's own sets, by their date."""
    rows = session.scalars(select(ShopRuleSetRow).order_by(ShopRuleSetRow.effective, ShopRuleSetRow.id))
    return tuple(_as_shop_set(row) for row in rows)


def shop_rules_in_force(
    sessions: sessionmaker[Session] | None, platform: str | None, at: int | None = None
) -> RuleSet:
    """The rule set in force at `at` (now when None) for this shop: its platform's with the
    shop's own sets on top, carrying the sets before it. Without a database (a screen built
    for a test without one), the platform's alone."""
    if sessions is None:
        return rules_in_force(platform, at)
    with sessions() as session:
        own = shop_rule_sets(session)
    return rules_in_force(platform, at, own)


def add_shop_rule_set(
    session: Session,
    actor: Actor,
    platform: str | None,
    *,
    name: str,
    effective: date,
    values: Sequence[tuple[str, int]],
    note: str,
    today: date,
    now: int,
) -> ShopRuleSet:
    """Add the shop's own set `name` from `effective` on (today or later: what was decided
    before it keeps its rules), audited in the caller's transaction; the caller commits.
    ShopRuleSetRefused says what is wrong; PermissionDenied when `actor` may not."""
    current = permissions.authorise(session, actor, Action.MANAGE_SETTINGS)
    name = name.strip()
    if not name or len(name) > SHOP_RULE_SET_NAME_MAX:
        raise ShopRuleSetRefused(MSG_NAME)
    if not values:
        raise ShopRuleSetRefused(MSG_NO_VALUES)
    if effective < today:
        raise ShopRuleSetRefused(MSG_PAST)
    if session.scalar(select(ShopRuleSetRow.id).where(ShopRuleSetRow.name == name)) is not None:
        raise ShopRuleSetRefused(MSG_NAME_TAKEN, {"name": name})
    unknown = [path for path, _ in values if path not in SHOP_SETTABLE]
    problem = (
        f"{unknown[0]} is not a value a shop sets" if unknown else shop_values_problem(platform or "", values)
    )
    if problem:
        raise ShopRuleSetRefused(MSG_BAD_VALUE, {"problem": problem})
    shop_set = ShopRuleSet(name, effective, tuple(values), note.strip())
    row = ShopRuleSetRow(
        name=name,
        effective=effective.isoformat(),
        rule_values=json.dumps(dict(values), sort_keys=True),
        note=shop_set.note,
        created_by=current.user_id,
        created_at=now,
    )
    session.add(row)
    try:
        session.flush()
    except IntegrityError:
        raise ShopRuleSetRefused(MSG_NAME_TAKEN, {"name": name}) from None
    audit.record(
        session,
        current,
        RULE_SET_ADD,
        entity_type="shop_rule_set",
        entity_id=name,
        after={"effective": shop_set.effective.isoformat(), "values": dict(values), "note": shop_set.note},
        now=now,
    )
    return shop_set
