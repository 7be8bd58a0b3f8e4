"""The owner's agreement to install a waiting update at the next start.

Owns `agree_to_install`: only a person whose record, as it is now, may manage the
settings (the owner, app/services/people/permissions.py) may agree; the agreement enters
the shop's audit trail like any settings change ("update", from the running version to
the new one) before it is written beside the waiting update, so a refused agreement is
neither kept nor recorded. Everyone else sees that an update waits for the owner.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session, sessionmaker

from app.core.translation import QT_TRANSLATE_NOOP
from app.services.people.permissions import Action, Actor, PermissionDenied, allowed
from app.services.setup.settings_audit import record_setting_change
from app.services.updates.folders import UpdateFolders
from app.services.updates.pending import PendingUpdate, read_pending, write_pending

UPDATE_SETTING = "update"
MSG_ONLY_OWNER = QT_TRANSLATE_NOOP("updates", "Only the shop owner can agree to install an update.")
MSG_NOTHING_WAITS = QT_TRANSLATE_NOOP("updates", "No update is waiting to be installed any more.")


class AgreementRefused(PermissionDenied):
    context = "updates"


def may_agree(actor: Actor | None) -> bool:
    """Whether the screen offers `actor` the agreement (the service checks again)."""
    return actor is not None and allowed(actor, Action.MANAGE_SETTINGS)


def agree_to_install(
    folders: UpdateFolders, sessions: sessionmaker[Session], actor: Actor, *, now: int
) -> PendingUpdate:
    """The waiting update, agreed by `actor`: installed at the next start."""
    pending = read_pending(folders)
    if pending is None or not pending.staged.is_dir():
        raise AgreementRefused(MSG_NOTHING_WAITS, Action.MANAGE_SETTINGS)
    if not allowed(actor, Action.MANAGE_SETTINGS):
        raise AgreementRefused(MSG_ONLY_OWNER, Action.MANAGE_SETTINGS)
    # Checks the person's record as it is now (switched off, re-roled) and leaves the trail.
    record_setting_change(sessions, actor, UPDATE_SETTING, pending.from_version, pending.version, now=now)
    agreed = replace(pending, agreed_by=actor.username, agreed_at=now)
    write_pending(folders, agreed)
    return agreed
