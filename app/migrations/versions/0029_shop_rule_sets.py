"""shop rule sets: a shop's own rule sets on top of its platform's, each from a date

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-07 21:00:00

A new table only: an existing mirror gains it empty and keeps every row.
"""

import sqlalchemy as sa
from alembic import op

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None

TABLE = "shop_rule_sets"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("effective", sa.String(length=10), nullable=False),
        sa.Column("rule_values", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_shop_rule_sets_created_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shop_rule_sets")),
        sa.UniqueConstraint("name", name=op.f("uq_shop_rule_sets_name")),
    )


def downgrade() -> None:
    op.drop_table(TABLE)
