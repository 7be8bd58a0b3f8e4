"""schema versions: which desk version upgraded the database to each revision

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-07 20:30:00

A desk that finds its database at a revision it does not know (a newer release upgraded
it) reads this table to name that release: "set up by AfterSales Desk 0.2.0; install it".
app/db.py `upgrade_to_head` writes a row in the transaction of every upgrade, this one's
included. Never renamed or dropped: older desks read it by name.
"""

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "schema_versions",
        sa.Column("revision", sa.String(length=32), nullable=False),
        sa.Column("app_version", sa.String(length=32), nullable=False),
        sa.Column("upgraded_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("revision", name=op.f("pk_schema_versions")),
    )


def downgrade() -> None:
    op.drop_table("schema_versions")
