"""audit events: an insert may not replace one (SQLite's REPLACE)

On SQLite, `REPLACE INTO` and `INSERT OR REPLACE` resolve a clash of ids by deleting
the old row, and that implicit delete fires no DELETE trigger (unless the connection
has PRAGMA recursive_triggers on), so 0002's triggers let an event be rewritten. A
BEFORE INSERT trigger now refuses an insert whose id the trail already holds.

Why a trigger rather than the pragma: the trigger lives in the database file, so it
binds every connection (the sqlite3 shell, another program), while the pragma binds
only the connections AfterSales Desk opens, which never replace rows anyway; and the
pragma would change how every other table's triggers fire. PostgreSQL has no REPLACE
(an upsert fires the UPDATE trigger); there the guarantee rests on the desks'
database role, which may not disable or drop triggers (app/services/setup/desk_role.py).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 10:00:00
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

APPEND_ONLY_MESSAGE = "audit events are append-only"  # the words of 0002's triggers


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        f"""CREATE TRIGGER audit_events_no_replace BEFORE INSERT ON audit_events
        WHEN EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END"""
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_replace")
