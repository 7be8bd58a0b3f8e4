"""change notices: PostgreSQL tells every listening workstation which tables changed

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 13:00:00
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# ARCHITECTURE.md "Scale": everyone sees everyone's actions at once. Triggers rather
# than calls in the code, so no writer can forget to announce a change. One notice per
# statement, not per row, and PostgreSQL folds identical notices of one transaction
# into one and delivers them at commit, so a 1,000-row sync batch is a handful.
# The channel and the table names are read by app/sync/change_feed.py.
CHANNEL = "aftersales_desk_changes"
ANNOUNCED_TABLES = (
    "orders",
    "order_lines",
    "order_logistics",
    "after_sales",
    "after_sale_status_changes",
    "outbox_operations",
    "audit_events",
    "users",
    "sync_cursors",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite serves one workstation: its own screens already hear of changes
    op.execute(
        f"""
        CREATE FUNCTION aftersales_announce_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
            RETURN NULL;
        END
        $$
        """
    )
    for table in ANNOUNCED_TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_announce_change "
            f"AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION aftersales_announce_change()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in ANNOUNCED_TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_announce_change ON {table}")
    op.execute("DROP FUNCTION IF EXISTS aftersales_announce_change()")
