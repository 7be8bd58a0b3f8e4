"""quarantined records: platform records the mirror could not hold, kept raw for a person

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 09:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# Announced like the tables of 0008, so every workstation's "needs attention" hears
# of a record set aside (app/sync/change_feed.py maps the table to its kind).
TABLE = "quarantined_records"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("stream", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("update_time", sa.BigInteger(), nullable=True),
        sa.Column("first_seen_at", sa.BigInteger(), nullable=False),
        sa.Column("last_seen_at", sa.BigInteger(), nullable=False),
        sa.Column("resolved_at", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quarantined_records")),
        sa.UniqueConstraint("stream", "fingerprint", name=op.f("uq_quarantined_records_stream")),
    )
    op.create_index("ix_quarantined_records_stream_record_id", TABLE, ["stream", "record_id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"CREATE TRIGGER {TABLE}_announce_change "
            f"AFTER INSERT OR UPDATE OR DELETE ON {TABLE} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION aftersales_announce_change()"
        )


def downgrade() -> None:
    op.drop_index("ix_quarantined_records_stream_record_id", table_name=TABLE)
    op.drop_table(TABLE)  # takes its trigger with it on PostgreSQL
