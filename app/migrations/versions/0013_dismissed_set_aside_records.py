"""dismissed set-aside records: the owner took one off the list, the raw record kept

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-07 10:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0011"
branch_labels = None
depends_on = None

TABLE = "quarantined_records"


def upgrade() -> None:
    # Nullable: no record was dismissed before this revision. Adding columns keeps the
    # table (and, on PostgreSQL, the trigger that announces its changes) as it is.
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.add_column(sa.Column("dismissed_at", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("dismissed_by", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.drop_column("dismissed_by")
        batch_op.drop_column("dismissed_at")
