"""service metrics: when each after-sale entered each status the mirror saw, each
order's first pickup scan on the order row, covering indexes for the metrics' windows

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "after_sale_status_changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("aftersale_id", sa.String(length=32), nullable=False),
        sa.Column("from_status", sa.Integer(), nullable=True),
        sa.Column("to_status", sa.Integer(), nullable=False),
        sa.Column("at", sa.BigInteger(), nullable=False),
        sa.Column("from_deadline", sa.BigInteger(), nullable=True),
        sa.Column("seen_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_after_sale_status_changes")),
    )
    with op.batch_alter_table("after_sale_status_changes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_after_sale_status_changes_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_after_sale_status_changes_aftersale_id"), ["aftersale_id"], unique=False
        )
    # Requests mirrored before this revision: their history is unknown, so each gets the
    # row a request first seen gets (from nothing to its current status at its
    # `update_time`), exactly as if the 90-day backfill had pulled it now.
    op.execute(
        "INSERT INTO after_sale_status_changes"
        " (aftersale_id, from_status, to_status, at, from_deadline, seen_at)"
        " SELECT aftersale_id, NULL, status, update_time, NULL, synced_at FROM after_sales"
    )
    # Nullable: None until the carrier scans a parcel of the order; filled here from the
    # parcels already mirrored, and by every later pull from the order's parcels.
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pickup_time", sa.BigInteger(), nullable=True))
    op.execute(
        "UPDATE orders SET pickup_time = (SELECT MIN(order_logistics.pickup_time) FROM order_logistics"
        " WHERE order_logistics.order_id = orders.order_id)"
    )
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.create_index(
            "ix_orders_service_metrics",
            ["pay_time", "exp_ship_time", "ship_time", "pickup_time", "finish_time", "status", "pay_amount"],
            unique=False,
        )
    with op.batch_alter_table("order_logistics", schema=None) as batch_op:
        batch_op.create_index("ix_order_logistics_ship_time", ["ship_time", "pickup_time"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("order_logistics", schema=None) as batch_op:
        batch_op.drop_index("ix_order_logistics_ship_time")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_service_metrics")
        batch_op.drop_column("pickup_time")
    with op.batch_alter_table("after_sale_status_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_after_sale_status_changes_aftersale_id"))
        batch_op.drop_index(batch_op.f("ix_after_sale_status_changes_at"))
    op.drop_table("after_sale_status_changes")
