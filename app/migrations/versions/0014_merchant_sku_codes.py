"""merchant SKU codes: the shop's own code for each order line (商家编码), for pick lists and slips

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 10:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Lines mirrored before this revision have no code until the platform sends their
    # order again; "" is what the mirror stores for "none". Adding a column keeps the
    # table (and, on PostgreSQL, the trigger that announces its changes) as it is.
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sku_code", sa.String(length=64), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_column("sku_code")
