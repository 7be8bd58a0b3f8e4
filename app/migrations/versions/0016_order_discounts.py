"""order discounts: the platform's `promotion_amount`, so an order's money adds up on screen

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 11:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Adding a column keeps the table (and, on PostgreSQL, the trigger that announces its
    # changes) as it is.
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("promotion_amount", sa.BigInteger(), nullable=False, server_default="0"))
    # Orders mirrored before this revision: the platform's order amount is the lines at
    # list price plus shipping, so what the buyer did not pay of it is the discount. The
    # next version of the order the platform sends replaces this with its own figure.
    op.execute(
        "UPDATE orders SET promotion_amount = order_amount - pay_amount WHERE order_amount > pay_amount"
    )


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_column("promotion_amount")
