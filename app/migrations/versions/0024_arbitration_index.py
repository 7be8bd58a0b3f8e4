"""an index on the request's arbitration: the refund queue asks for the requests whose
arbitration awaits the shop's evidence beside those awaiting the shop

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07 15:10:00

The queue's keys are `state IN (…awaiting the shop) OR arbitration = 'awaiting_shop_evidence'`
(app/services/refunds/queue.py `_waiting_for_the_shop`). Without an index on `arbitration` the OR
cannot be answered from indexes, and the filtered queue over 20,000 open requests of 200,000 orders
(tests/benchmarks/refund_queue.py) read every request: about 50 % slower than before 0019 on SQLite.
With it, as fast as before.
"""

from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_after_sales_arbitration", "after_sales", ["arbitration"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_after_sales_arbitration", table_name="after_sales")
