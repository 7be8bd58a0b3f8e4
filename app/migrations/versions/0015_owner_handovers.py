"""owner handovers: a request a clerk handed to the owner, with who and why

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 10:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TABLE = "owner_handovers"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("aftersale_id", sa.String(length=32), nullable=False),
        sa.Column("handed_by", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("handed_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["handed_by"], ["users.id"], name=op.f("fk_owner_handovers_handed_by_users")),
        sa.PrimaryKeyConstraint("aftersale_id", name=op.f("pk_owner_handovers")),
    )
    if op.get_bind().dialect.name == "postgresql":
        # Other desks hear of a hand-over as of any change to the requests (migration 0008).
        op.execute(
            f"CREATE TRIGGER {TABLE}_announce_change AFTER INSERT OR UPDATE OR DELETE ON {TABLE} "
            "FOR EACH STATEMENT EXECUTE FUNCTION aftersales_announce_change()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_announce_change ON {TABLE}")
    op.drop_table(TABLE)
