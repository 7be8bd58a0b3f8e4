"""request histories: per after-sale request, whether its history is in the mirror

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 14:50:00

A first sync (and any pull that brings a request first seen already past "awaiting the
shop") sees only the request's current status; the history backfill
(app/sync/history_backfill.py) reads the rest from the platform's own record of the
request and writes the status changes the metrics read. This table remembers, per
request, how that went, so a backfill killed midway goes on where it stopped and a
request is never read (and counted) twice: `outcome` "read" (its history is in),
"none" (the platform gave no history, or one that could not be read) or "failed" (the
platform would not answer for it, for good); `attempts` counts answers that failed for
now; `checked_at` when it was last asked. A request without a row has not been tried.

The changes a history gives carry no platform codes (the platform's history entries name
none), so `after_sale_status_changes.to_status` may now be empty, as `from_status` may:
a code is only ever kept as received. Such a change is told from a request's first
sighting by its `from_state` (app/services/metrics/request_changes.py `first_seen`).
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "request_histories",
        sa.Column("aftersale_id", sa.String(length=32), nullable=False),
        sa.Column("outcome", sa.String(length=32), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("checked_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("aftersale_id"),
    )
    with op.batch_alter_table("after_sale_status_changes", schema=None) as batch_op:
        batch_op.alter_column("to_status", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    # Changes read from histories have no code to put back: they go, and their requests
    # are read again by the backfill should the upgrade come back.
    op.execute("DELETE FROM after_sale_status_changes WHERE to_status IS NULL")
    with op.batch_alter_table("after_sale_status_changes", schema=None) as batch_op:
        batch_op.alter_column("to_status", existing_type=sa.Integer(), nullable=False)
    op.drop_table("request_histories")
