"""arbitration and the rest of Douyin's code tables, in the app's words

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 14:30:00

Adds to `after_sales` the platform's arbitration (`arbitrate_status`, Douyin's code as received;
`arbitration`, the app's word for it, app/core/vocabulary.py `ArbitrationState`;
`arbitration_deadline`, when the platform wants the shop's evidence by) and `refund_state`, the
app's word for `refund_status`. Requests mirrored before this revision get the words their codes
already say (frozen copies of the tables below, as 0017 does): the refund's progress, and the
kinds and states of the codes this revision's release learned (after-sale status 8, 51, 53;
types 4, 5, 6, 8), which the mirror kept with an empty word. Their arbitration is unknown until
the platform sends the request again: left empty, not guessed.
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

# Douyin's refund_status -> RefundState (frozen copy of app/platforms/douyin/mapping.py).
REFUND_STATES = {
    0: "none",
    1: "pending",
    2: "in_progress",
    3: "succeeded",
    4: "failed",
    5: "recovered",
}
# Codes the mirror kept with an empty word until this revision (frozen copies).
NEW_REQUEST_STATES = {8: "awaiting_shop_shipment", 51: "order_cancelled", 53: "completed"}
NEW_REQUEST_KINDS = {4: "cancelled_by_system", 5: "cancelled_by_buyer", 6: "price_protection", 8: "repair"}


def upgrade() -> None:
    # Adding columns keeps the table (and, on PostgreSQL, the trigger that announces its
    # changes) as it is.
    with op.batch_alter_table("after_sales", schema=None) as batch_op:
        batch_op.add_column(sa.Column("arbitrate_status", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("arbitration", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("arbitration_deadline", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("refund_state", sa.String(length=32), nullable=True))
    after_sales = sa.table(
        "after_sales",
        sa.column("refund_status", sa.Integer()),
        sa.column("refund_state", sa.String()),
        sa.column("status", sa.Integer()),
        sa.column("state", sa.String()),
        sa.column("type", sa.Integer()),
        sa.column("kind", sa.String()),
    )
    for code, word in REFUND_STATES.items():
        op.execute(after_sales.update().where(after_sales.c.refund_status == code).values(refund_state=word))
    for code, word in NEW_REQUEST_STATES.items():
        op.execute(
            after_sales.update()
            .where(after_sales.c.status == code, after_sales.c.state.is_(None))
            .values(state=word)
        )
    for code, word in NEW_REQUEST_KINDS.items():
        op.execute(
            after_sales.update()
            .where(after_sales.c.type == code, after_sales.c.kind.is_(None))
            .values(kind=word)
        )


def downgrade() -> None:
    with op.batch_alter_table("after_sales", schema=None) as batch_op:
        batch_op.drop_column("refund_state")
        batch_op.drop_column("arbitration_deadline")
        batch_op.drop_column("arbitration")
        batch_op.drop_column("arbitrate_status")
