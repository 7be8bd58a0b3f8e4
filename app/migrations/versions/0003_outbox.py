"""the outbox: decisions waiting for the platform

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 07:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox_operations",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op_id", sa.String(length=32), nullable=False),
        sa.Column("method", sa.String(length=64), nullable=False),
        sa.Column("entity_type", sa.String(length=16), nullable=False),
        sa.Column("entity_id", sa.String(length=32), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("based_on_update_time", sa.BigInteger(), nullable=True),
        sa.Column("expected_from_status", sa.Integer(), nullable=True),
        sa.Column("expected_to_status", sa.Integer(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("verify_before_send", sa.Boolean(), nullable=False),
        sa.Column("next_attempt_at", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("audit_event_id", sa.Integer(), nullable=True),
        sa.Column("finished_at", sa.BigInteger(), nullable=True),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("platform_code", sa.String(length=64), nullable=False),
        sa.Column("platform_message", sa.Text(), nullable=False),
        sa.Column("platform_state", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_outbox_operations")),
        sa.UniqueConstraint("op_id", name=op.f("uq_outbox_operations_op_id")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("outbox_operations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_operations_entity_id"), ["entity_id"], unique=False)
        batch_op.create_index("ix_outbox_operations_state_next_attempt_at", ["state", "next_attempt_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("outbox_operations", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_operations_state_next_attempt_at")
        batch_op.drop_index(batch_op.f("ix_outbox_operations_entity_id"))
    op.drop_table("outbox_operations")
