"""cancel fault: whose fault a cancelled order was (seller, buyer, platform), so TikTok Shop's
seller-fault cancellation rate can be counted from the mirror

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-07 17:20:00

Orders mirrored before have none until the platform sends them again (None: not said, never
guessed); Douyin's adapter does not fill it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Adding a column keeps the table (and, on PostgreSQL, the trigger that announces its
    # changes) as it is.
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cancel_fault", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_column("cancel_fault")
