"""the app's vocabulary in the mirror: request kinds and states, order states, currency

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 12:00:00

Every after-sale request, order, order line and status change gets the app's words
(app/core/vocabulary.py) beside the platform's codes, which stay as they are, and every
amount its currency. Rows mirrored before this revision are filled from their codes with
the Douyin mapping as it stands today (app/platforms/douyin/mapping.py), copied here:
a migration must convert the same way however the app's code changes later. A code the
mapping does not know gets no word (NULL), as the parser stores it. No row is rewritten
but for the new columns, and none is removed.
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# Douyin's codes and the app's words as of this revision (frozen copy of mapping.py).
REQUEST_KINDS = {
    0: "return_and_refund",
    1: "refund_after_shipment",
    2: "refund_before_shipment",
    3: "exchange",
    7: "resend",
}
REQUEST_STATES = {
    6: "awaiting_shop",
    7: "awaiting_buyer_return",
    11: "return_awaiting_inspection",
    12: "refunded",
    13: "replacement_in_progress",
    14: "replacement_done",
    27: "refused",
    28: "closed",
    29: "refused_after_return",
}
ORDER_STATES = {
    1: "unpaid",
    105: "awaiting_shipment",  # Douyin's "paid": shipped alike
    2: "awaiting_shipment",
    101: "partly_shipped",
    3: "shipped",
    4: "cancelled",
    5: "completed",
}
WORD = sa.String(32)


def _case(column: str, words: dict[int, str]) -> str:
    """SQL for the word of `column`'s code, NULL for a code not in `words` (or NULL)."""
    whens = " ".join(f"WHEN {code} THEN '{word}'" for code, word in words.items())
    return f"CASE {column} {whens} ELSE NULL END"


def upgrade() -> None:
    # Adding columns keeps each table (and, on PostgreSQL, the trigger that announces its
    # changes) as it is; batch mode lets SQLite do the same.
    with op.batch_alter_table("after_sales", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", WORD, nullable=True))
        batch_op.add_column(sa.Column("state", WORD, nullable=True))
        batch_op.add_column(sa.Column("currency", sa.String(3), nullable=False, server_default="CNY"))
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("state", WORD, nullable=True))
        batch_op.add_column(sa.Column("currency", sa.String(3), nullable=False, server_default="CNY"))
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("after_sale_state", WORD, nullable=True))
        batch_op.add_column(sa.Column("after_sale_kind", WORD, nullable=True))
    with op.batch_alter_table("after_sale_status_changes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("from_state", WORD, nullable=True))
        batch_op.add_column(sa.Column("to_state", WORD, nullable=True))

    op.execute(
        f"UPDATE after_sales SET kind = {_case('type', REQUEST_KINDS)}, "
        f"state = {_case('status', REQUEST_STATES)}"
    )
    op.execute(f"UPDATE orders SET state = {_case('status', ORDER_STATES)}")
    # A line without an after-sale says status 0 and type 0, and type 0 is also "return
    # and refund": a line has a kind only when it has an after-sale.
    op.execute(
        f"UPDATE order_lines SET after_sale_state = {_case('after_sale_status', REQUEST_STATES)}, "
        f"after_sale_kind = CASE WHEN after_sale_status IS NULL OR after_sale_status = 0 THEN NULL "
        f"ELSE {_case('after_sale_type', REQUEST_KINDS)} END"
    )
    op.execute(
        f"UPDATE after_sale_status_changes SET from_state = {_case('from_status', REQUEST_STATES)}, "
        f"to_state = {_case('to_status', REQUEST_STATES)}"
    )

    # The queue asks by state alone: a (state, status_deadline) twin of the old index would
    # walk the table in deadline order and made the queue's keys 30-40 % slower on SQLite.
    op.create_index("ix_after_sales_state", "after_sales", ["state"])
    op.create_index("ix_orders_state", "orders", ["state"])
    # The service metrics read every order of a window through this covering index; they
    # now filter on the order's state, so the state takes the platform status's place in it.
    _metrics_index(with_column="state")


def _metrics_index(with_column: str) -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_service_metrics")
        batch_op.create_index(
            "ix_orders_service_metrics",
            ["pay_time", "exp_ship_time", "ship_time", "pickup_time", "finish_time", with_column, "pay_amount"],
            unique=False,
        )


def downgrade() -> None:
    _metrics_index(with_column="status")
    op.drop_index("ix_orders_state", table_name="orders")
    op.drop_index("ix_after_sales_state", table_name="after_sales")
    with op.batch_alter_table("after_sale_status_changes", schema=None) as batch_op:
        batch_op.drop_column("to_state")
        batch_op.drop_column("from_state")
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_column("after_sale_kind")
        batch_op.drop_column("after_sale_state")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_column("currency")
        batch_op.drop_column("state")
    with op.batch_alter_table("after_sales", schema=None) as batch_op:
        batch_op.drop_column("currency")
        batch_op.drop_column("state")
        batch_op.drop_column("kind")
