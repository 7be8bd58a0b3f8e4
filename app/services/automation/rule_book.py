"""The owner's rule book: writing, ordering, versioning and switching decision rules.

Owns every change of `automation_rules` and `automation_rule_versions` a person makes,
each one the owner's (`MANAGE_SETTINGS`, checked on the person's record as it is now)
and each one audited in the same transaction. Editing a rule adds a version and keeps
the old ones, so an automatic decision's "rule 'x' v3" can always be read back. A rule
is created switched off; switching it on records who did, because the rule then acts
with that owner's rights. A rule's own stop (its daily cap reached, the platform
refusing its decisions: `evaluation.py`) is lifted by switching it on again.

Also the reading the evaluation and the screens share: `enabled_rules()` in order,
`list_rules()` and `rule_versions()` for the editor.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.translation import QT_TRANSLATE_NOOP
from app.models import AutomationRule, AutomationRuleVersion, User
from app.services.automation.conditions import Conditions, RuleAction, RuleForm, RuleRefused, form_problem
from app.services.people import audit, permissions
from app.services.people.permissions import Action, Actor

ENTITY = "automation_rule"
RULE_CREATE = "automation.rule_create"
RULE_EDIT = "automation.rule_edit"
RULE_MOVE = "automation.rule_move"
RULE_ON = "automation.rule_on"
RULE_OFF = "automation.rule_off"
RULE_STOPPED = "automation.rule_stopped"  # the rule stopped itself (evaluation.py)

MSG_NO_RULE = QT_TRANSLATE_NOOP(
    "automation", "There is no such rule; it may have been removed. Refresh the list."
)


@dataclass(frozen=True)
class LiveRule:
    """A rule's current version, as the evaluation and the dry run apply it."""

    rule_id: int
    version: int
    position: int
    form: RuleForm
    enabled_by: int | None
    enabled_at: int | None


@dataclass(frozen=True)
class RuleRow:
    rule_id: int
    position: int
    version: int
    enabled: bool
    enabled_by_name: str
    stopped_reason: str  # "" / "cap" / "refused" / "rights"
    form: RuleForm


@dataclass(frozen=True)
class RuleVersionRow:
    version: int
    created_at: int
    created_by: int | None
    form: RuleForm


def form_of(version: AutomationRuleVersion) -> RuleForm:
    return RuleForm(
        name=version.name,
        conditions=Conditions.from_json(version.conditions),
        action=RuleAction(version.action),
        delay_s=version.delay_s,
        daily_cap_fen=version.daily_cap_fen,
        return_address_id=version.return_address_id,
    )


def _form_record(form: RuleForm) -> dict[str, object]:
    return {
        "name": form.name,
        "conditions": form.conditions.to_json(),
        "action": str(form.action),
        "delay_s": form.delay_s,
        "daily_cap_fen": form.daily_cap_fen,
        "return_address_id": form.return_address_id,
    }


def _version(session: Session, rule_id: int, version: int) -> AutomationRuleVersion:
    found = session.scalar(
        select(AutomationRuleVersion).where(
            AutomationRuleVersion.rule_id == rule_id, AutomationRuleVersion.version == version
        )
    )
    assert found is not None, f"rule {rule_id} has no version {version}"
    return found


def _rule(session: Session, rule_id: int) -> AutomationRule:
    rule = session.get(AutomationRule, rule_id)
    if rule is None:
        raise RuleRefused(MSG_NO_RULE)
    return rule


def _add_version(
    session: Session, actor: Actor, rule_id: int, version: int, form: RuleForm, now: int
) -> None:
    problem = form_problem(form)
    if problem is not None:
        raise problem
    session.add(
        AutomationRuleVersion(
            rule_id=rule_id,
            version=version,
            name=form.name.strip(),
            conditions=form.conditions.to_json(),
            action=str(form.action),
            delay_s=form.delay_s,
            daily_cap_fen=form.daily_cap_fen,
            return_address_id=form.return_address_id.strip(),
            created_at=now,
            created_by=actor.user_id,
        )
    )


def _audit(
    session: Session, actor: Actor, event: str, rule_id: int, now: int, after: dict[str, object]
) -> int:
    return audit.record(
        session, actor, event, entity_type=ENTITY, entity_id=str(rule_id), after=after, now=now
    )


def create_rule(session: Session, actor: Actor, form: RuleForm, *, now: int) -> int:
    """A new rule, last in the order and switched off; returns its id."""
    current = permissions.authorise(session, actor, Action.MANAGE_SETTINGS)
    problem = form_problem(form)
    if problem is not None:
        raise problem
    last = session.scalar(select(func.max(AutomationRule.position))) or 0
    rule = AutomationRule(position=last + 1, version=1, enabled=False, stopped_reason="", created_at=now)
    session.add(rule)
    session.flush()
    _add_version(session, current, rule.id, 1, form, now)
    _audit(session, current, RULE_CREATE, rule.id, now, {"version": 1, **_form_record(form)})
    return rule.id


def edit_rule(session: Session, actor: Actor, rule_id: int, form: RuleForm, *, now: int) -> int:
    """A new version of the rule (the old ones are kept); returns its number."""
    current = permissions.authorise(session, actor, Action.MANAGE_SETTINGS)
    rule = _rule(session, rule_id)
    before = _form_record(form_of(_version(session, rule_id, rule.version)))
    _add_version(session, current, rule_id, rule.version + 1, form, now)
    rule.version += 1
    audit.record(
        session, current, RULE_EDIT, entity_type=ENTITY, entity_id=str(rule_id),
        before={"version": rule.version - 1, **before},
        after={"version": rule.version, **_form_record(form)}, now=now,
    )  # fmt: skip
    return rule.version


def move_rule(session: Session, actor: Actor, rule_id: int, position: int, *, now: int) -> None:
    """Put the rule at `position` (1 = looked at first) and renumber the others."""
    current = permissions.authorise(session, actor, Action.MANAGE_SETTINGS)
    moving = _rule(session, rule_id)
    others = [
        r
        for r in session.scalars(select(AutomationRule).order_by(AutomationRule.position))
        if r.id != rule_id
    ]
    place = max(1, min(position, len(others) + 1))
    before = moving.position
    others.insert(place - 1, moving)
    for number, rule in enumerate(others, start=1):
        rule.position = number
    _audit(session, current, RULE_MOVE, rule_id, now, {"position_before": before, "position": place})


def switch_on(session: Session, actor: Actor, rule_id: int, *, now: int) -> None:
    """The rule starts deciding, with the rights of the owner switching it on."""
    current = permissions.authorise(session, actor, Action.MANAGE_SETTINGS)
    rule = _rule(session, rule_id)
    rule.enabled, rule.enabled_by, rule.enabled_at, rule.stopped_reason = True, current.user_id, now, ""
    _audit(session, current, RULE_ON, rule_id, now, {"version": rule.version})


def switch_off(session: Session, actor: Actor, rule_id: int, *, now: int) -> None:
    current = permissions.authorise(session, actor, Action.MANAGE_SETTINGS)
    rule = _rule(session, rule_id)
    rule.enabled, rule.stopped_reason = False, ""  # the owner has seen a stop: off is off
    _audit(session, current, RULE_OFF, rule_id, now, {"version": rule.version})


def stop_rule(session: Session, rule_id: int, reason: str, *, now: int, **details: object) -> None:
    """The rule stops itself (`reason` "cap", "refused" or "rights"); audited, with no person."""
    rule = _rule(session, rule_id)
    if not rule.enabled:
        return
    rule.enabled, rule.stopped_reason = False, reason
    audit.record(
        session, None, RULE_STOPPED, entity_type=ENTITY, entity_id=str(rule_id),
        after={"reason": reason, "version": rule.version, **details}, now=now,
    )  # fmt: skip


def enabled_rules(session: Session) -> list[LiveRule]:
    """The rules switched on, in order, each as its current version says."""
    rows = session.execute(
        select(AutomationRule, AutomationRuleVersion)
        .join(
            AutomationRuleVersion,
            (AutomationRuleVersion.rule_id == AutomationRule.id)
            & (AutomationRuleVersion.version == AutomationRule.version),
        )
        .where(AutomationRule.enabled.is_(True))
        .order_by(AutomationRule.position, AutomationRule.id)
    ).all()
    return [
        LiveRule(rule.id, rule.version, rule.position, form_of(version), rule.enabled_by, rule.enabled_at)
        for rule, version in rows
    ]


def live_rule(session: Session, rule_id: int) -> LiveRule:
    """One rule's current version, switched on or not (a dry run of a rule not yet on)."""
    rule = _rule(session, rule_id)
    version = _version(session, rule_id, rule.version)
    return LiveRule(rule.id, rule.version, rule.position, form_of(version), rule.enabled_by, rule.enabled_at)


def list_rules(session: Session, actor: Actor) -> list[RuleRow]:
    """Every rule in order, for the owner's rule list."""
    permissions.authorise(session, actor, Action.MANAGE_SETTINGS)
    rows = session.execute(
        select(AutomationRule, AutomationRuleVersion, User.display_name)
        .join(
            AutomationRuleVersion,
            (AutomationRuleVersion.rule_id == AutomationRule.id)
            & (AutomationRuleVersion.version == AutomationRule.version),
        )
        .outerjoin(User, User.id == AutomationRule.enabled_by)
        .order_by(AutomationRule.position, AutomationRule.id)
    ).all()
    return [
        RuleRow(
            rule.id, rule.position, rule.version, rule.enabled, name or "", rule.stopped_reason, form_of(v)
        )
        for rule, v, name in rows
    ]


def rule_versions(session: Session, actor: Actor, rule_id: int) -> list[RuleVersionRow]:
    """Every version of a rule, oldest first (what it said when it decided)."""
    permissions.authorise(session, actor, Action.MANAGE_SETTINGS)
    versions = session.scalars(
        select(AutomationRuleVersion)
        .where(AutomationRuleVersion.rule_id == rule_id)
        .order_by(AutomationRuleVersion.version)
    )
    return [RuleVersionRow(v.version, v.created_at, v.created_by, form_of(v)) for v in versions]
