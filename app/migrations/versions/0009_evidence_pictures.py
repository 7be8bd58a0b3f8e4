"""evidence pictures: a refusal's pictures kept in the database, not a data folder

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Pictures queued by an older version stay in its data folder (evidence/<name>) and are
# read from there when no row holds them (app/services/refunds/refusal_evidence.py), so nothing
# is copied here: on a shared database the computer that upgrades may not hold them.


def upgrade() -> None:
    op.create_table(
        "evidence_pictures",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("byte_size", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_evidence_pictures")),
    )


def downgrade() -> None:
    op.drop_table("evidence_pictures")
