"""the refund queue: buyer identity on orders, cached platform lists

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("buyer_id", sa.String(length=64), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_orders_buyer_id"), ["buyer_id"], unique=False)
    # The default only fills existing rows; the model supplies "" for new ones.
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.alter_column("buyer_id", server_default=None)
    op.create_table(
        "platform_lists",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("fetched_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_platform_lists")),
    )


def downgrade() -> None:
    op.drop_table("platform_lists")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_orders_buyer_id"))
        batch_op.drop_column("buyer_id")
