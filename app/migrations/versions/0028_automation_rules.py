"""automation rules: the owner's decision rules, their versions, and what each decided

Revision ID: 0028
Revises: 0027
Create Date: 2026-12-07 21:00:00

Issue 18 part 2 (app/services/automation/). New tables only; no existing row changes.
`automation_evaluations` holds one row per (request, request version) a rule acted on:
its unique pair is the claim that lets only one workstation of a shared database decide
a request.
"""

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "automation_rules",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("enabled_by", sa.Integer(), nullable=True),
        sa.Column("enabled_at", sa.BigInteger(), nullable=True),
        sa.Column("stopped_reason", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_automation_rules")),
    )
    op.create_table(
        "automation_rule_versions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("conditions", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("delay_s", sa.Integer(), nullable=False),
        sa.Column("daily_cap_fen", sa.BigInteger(), nullable=True),
        sa.Column("return_address_id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_automation_rule_versions")),
        sa.UniqueConstraint("rule_id", "version", name=op.f("uq_automation_rule_versions_rule_id")),
    )
    op.create_index(
        op.f("ix_automation_rule_versions_rule_id"), "automation_rule_versions", ["rule_id"], unique=False
    )
    op.create_table(
        "automation_evaluations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("aftersale_id", sa.String(length=32), nullable=False),
        sa.Column("update_time", sa.BigInteger(), nullable=False),
        sa.Column("evaluated_at", sa.BigInteger(), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=False),
        sa.Column("rule_version", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("op_id", sa.String(length=32), nullable=False),
        sa.Column("not_before", sa.BigInteger(), nullable=True),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_automation_evaluations")),
        sa.UniqueConstraint(
            "aftersale_id", "update_time", name=op.f("uq_automation_evaluations_request_version")
        ),
    )
    op.create_index(
        "ix_automation_evaluations_rule_at",
        "automation_evaluations",
        ["rule_id", "evaluated_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_automation_evaluations_op_id"), "automation_evaluations", ["op_id"], unique=False
    )


def downgrade() -> None:
    op.drop_table("automation_evaluations")
    op.drop_index(op.f("ix_automation_rule_versions_rule_id"), table_name="automation_rule_versions")
    op.drop_table("automation_rule_versions")
    op.drop_table("automation_rules")
