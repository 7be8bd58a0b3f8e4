"""delivery times: the order lines' `logistics_receipt_time` and `confirm_receipt_time`,
and the order's `receipt_time`, so delivery is the platform's, never a guess

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 14:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Adding columns keeps the tables (and, on PostgreSQL, the triggers that announce their
    # changes) as they are.
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("logistics_receipt_time", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("confirm_receipt_time", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("receipt_time", sa.BigInteger(), nullable=True))
    # Orders mirrored before this revision carry no delivery time, and none is guessed:
    # the orders stream is read again from the oldest day the platform serves (the pull
    # never starts before it), and the platform's own times fill the new columns (the
    # upsert takes a version as new as the stored one). Until then such an order reads as
    # "not delivered yet", never as delivered at a guessed time.
    op.execute("UPDATE sync_cursors SET high_water = 0 WHERE stream = 'orders'")


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_column("receipt_time")
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_column("confirm_receipt_time")
        batch_op.drop_column("logistics_receipt_time")
