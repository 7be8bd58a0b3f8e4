"""metrics indexes: delivery is the platform's receipt time, read from its own index

The service metrics count an order delivered at its `receipt_time` (0020), no longer at
`finish_time`: the covering index of the order scans drops `finish_time` (narrower
entries, every scan reads fewer pages) and a small covering index led by `receipt_time`
lets the delivered-orders query read one window's range instead of every order.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07 14:50:00
"""

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

METRICS_COLUMNS = ["pay_time", "exp_ship_time", "ship_time", "pickup_time", "state", "pay_amount"]


def upgrade() -> None:
    op.drop_index("ix_orders_service_metrics", table_name="orders")
    op.create_index("ix_orders_service_metrics", "orders", METRICS_COLUMNS)
    op.create_index("ix_orders_receipt_time", "orders", ["receipt_time", "state", "order_id"])


def downgrade() -> None:
    op.drop_index("ix_orders_receipt_time", table_name="orders")
    op.drop_index("ix_orders_service_metrics", table_name="orders")
    op.create_index(
        "ix_orders_service_metrics",
        "orders",
        ["pay_time", "exp_ship_time", "ship_time", "pickup_time", "finish_time", "state", "pay_amount"],
    )
