"""refund type: the platform's `refund_type` (退款方式) of a request and whether it marks a
fast refund, so a refund asked while the parcel is in transit (在途极速退) is recognised

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07 15:05:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Adding columns keeps the table (and, on PostgreSQL, the trigger that announces its
    # changes) as it is. Requests mirrored before have no refund type until the platform
    # sends them again (None: not said, never guessed).
    with op.batch_alter_table("after_sales", schema=None) as batch_op:
        batch_op.add_column(sa.Column("refund_type", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("fast_refund", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("after_sales", schema=None) as batch_op:
        batch_op.drop_column("fast_refund")
        batch_op.drop_column("refund_type")
