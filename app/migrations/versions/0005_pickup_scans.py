"""pickup scans: when the carrier first scanned each parcel

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable: parcels stored before this revision, and platforms that never report a
    # scan, have none; the next pull fills it where the platform sends one.
    with op.batch_alter_table("order_logistics", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pickup_time", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("order_logistics", schema=None) as batch_op:
        batch_op.drop_column("pickup_time")
