"""The owner's automatic-decision rules, their versions, and which request each decided.

Owns three tables (migration 0028):
- `automation_rules`: one row per rule, in the owner's order (`position`), with what is
  true of it now: its current version, whether it is switched on and by whom (the rule
  acts with that owner's rights), and why it stopped itself, if it did.
- `automation_rule_versions`: what the rule said, one row per version, never changed
  once written (editing a rule adds a version), so the audit trail's "rule 'x' v3" can
  always be read back.
- `automation_evaluations`: one row per (request, request version) a rule acted on —
  the claim that makes each request decided by one workstation only (a second insert of
  the same pair finds it there and does nothing), and what the rule did.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import CURRENCY_LENGTH, DEFAULT_CURRENCY, PLATFORM_ID_LENGTH, Base, Fen, UnixTime


class AutomationRule(Base):
    __tablename__ = "automation_rules"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    position: Mapped[int] = mapped_column(Integer)  # first match wins, lowest first
    version: Mapped[int] = mapped_column(Integer)  # the current version's number
    enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    enabled_by: Mapped[int | None] = mapped_column(Integer)  # users.id of the owner who switched it on
    enabled_at: Mapped[int | None] = mapped_column(UnixTime)
    # Why the rule stopped itself ("cap", "refused", "rights"), "" when it did not.
    stopped_reason: Mapped[str] = mapped_column(String(16), default="")
    created_at: Mapped[int] = mapped_column(UnixTime)


class AutomationRuleVersion(Base):
    __tablename__ = "automation_rule_versions"
    __table_args__ = (UniqueConstraint("rule_id", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    rule_id: Mapped[int] = mapped_column(Integer, index=True)
    version: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    conditions: Mapped[str] = mapped_column(Text)  # JSON (services/automation/conditions.py)
    action: Mapped[str] = mapped_column(String(32))  # a RuleAction
    delay_s: Mapped[int] = mapped_column(Integer)  # the undo window
    daily_cap_fen: Mapped[int | None] = mapped_column(Fen)  # money the rule may decide a shop day
    return_address_id: Mapped[str] = mapped_column(String(32), default="")
    created_at: Mapped[int] = mapped_column(UnixTime)
    created_by: Mapped[int | None] = mapped_column(Integer)


class AutomationEvaluation(Base):
    __tablename__ = "automation_evaluations"
    __table_args__ = (
        UniqueConstraint("aftersale_id", "update_time", name="uq_automation_evaluations_request_version"),
        Index("ix_automation_evaluations_rule_at", "rule_id", "evaluated_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    aftersale_id: Mapped[str] = mapped_column(String(PLATFORM_ID_LENGTH))
    update_time: Mapped[int] = mapped_column(UnixTime)  # the request's version the rule read
    evaluated_at: Mapped[int] = mapped_column(UnixTime)
    rule_id: Mapped[int] = mapped_column(Integer)
    rule_version: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(32))  # the RuleAction carried out
    # "queued" (a decision waits in the outbox), "undone", "handed", "left".
    outcome: Mapped[str] = mapped_column(String(16))
    op_id: Mapped[str] = mapped_column(String(32), default="", index=True)
    not_before: Mapped[int | None] = mapped_column(UnixTime)
    amount_fen: Mapped[int] = mapped_column(Fen, default=0)  # money the decision pays (0 if none)
    currency: Mapped[str] = mapped_column(String(CURRENCY_LENGTH), default=DEFAULT_CURRENCY)
