"""The audit trail's record of a change to this workstation's settings.

Owns `record_setting_change`, the one unit of work that writes a settings change into
the trail, whichever screen made it (the settings dialog's language and shop database,
the dashboard's score weights). The settings file itself belongs to the caller: the
trail says who changed what, from what to what, like every other decision. No Qt.
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from app.services.people import audit
from app.services.people.permissions import Actor


def record_setting_change(
    sessions: sessionmaker[Session], actor: Actor, name: str, before: object, after: object, *, now: int
) -> None:
    """`actor` changed the setting `name` from `before` to `after`; refused (PermissionDenied)
    when their record, as it is now, may not change settings."""
    with sessions.begin() as session:
        audit.record_settings_change(session, actor, name, before, after, now=now)
