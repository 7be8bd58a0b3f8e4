"""People for tests that make their actors up: the rows the services read them from.

Every decision and shipment checks the person's current record in `users` (role,
switched off, limits), not the `Actor` a test hands in; `seed_people()` writes the row
each made-up actor stands for, with the same id, role and limits.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from app.models import User
from app.services.people.permissions import Actor
from tests.builders import NOW


def seed_people(sessions: sessionmaker[Session] | Session, *actors: Actor) -> None:
    """A `users` row for each of `actors` (no usable password: these people never sign in)."""
    if not isinstance(sessions, Session):
        with sessions.begin() as session:
            seed_people(session, *actors)
        return
    insert = postgresql.insert if sessions.get_bind().dialect.name == "postgresql" else sqlite.insert
    for actor in actors:
        # Several processes of one test may seed the same person at once: the first one wins.
        sessions.execute(
            insert(User)
            .values(
                id=actor.user_id,
                username=actor.username,
                username_key=actor.username.casefold(),
                display_name=actor.display_name,
                role=str(actor.role),
                password_hash="-",
                active=True,
                refund_limit_single_fen=actor.refund_limit_single_fen,
                refund_limit_daily_fen=actor.refund_limit_daily_fen,
                failed_logins=0,
                created_at=NOW,
                password_changed_at=NOW,
            )
            .on_conflict_do_nothing()
        )
    if sessions.get_bind().dialect.name == "postgresql":  # ids given by hand: the sequence moves on
        sessions.execute(
            text("SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users))")
        )
