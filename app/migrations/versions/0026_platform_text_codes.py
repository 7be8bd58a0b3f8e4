"""platform text codes: a request's type, status and arbitration as the platform sends them when
they are text (TikTok Shop), beside Douyin's integer `type` and `status`

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07 17:40:00

TikTok Shop sends its codes as strings (`return_type` "RETURN_AND_REFUND", `return_status`
"AWAITING_BUYER_SHIP", `arbitration_status` "IN_PROGRESS"). The mirror's `type` and `status`
columns are integers holding Douyin's numbers, and no number is invented for a string: a
TikTok row has 0 there and its codes, verbatim, in these columns; a Douyin row has '' here and
its numbers there, as before (requests mirrored before this get ''). The sync tells a status
change by the text code as well as the number (app/sync/ingest.py), so a TikTok request's
changes are recorded as Douyin's are. Nothing decides with either: the app's words do.
"""

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None

COLUMNS = ("type_code", "status_code", "arbitration_code")


def upgrade() -> None:
    # Adding columns keeps the table (and, on PostgreSQL, the trigger that announces its
    # changes) as it is; the server default gives every existing row ''.
    with op.batch_alter_table("after_sales", schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.add_column(sa.Column(name, sa.String(length=64), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("after_sales", schema=None) as batch_op:
        for name in COLUMNS:
            batch_op.drop_column(name)
