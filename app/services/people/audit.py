"""The audit trail: writing events, reading them back, and exporting them for Excel.

Owns `record()`, which every service calls inside the same transaction as the change
it describes (so a change and its event are saved together or not at all), the
filtered reading the audit screen uses, and the CSV export. Events are never edited
or deleted (the database refuses, see app/models/people.py); a later fact about an
event, such as the platform's answer to a refund decision, is a new event whose
`refers_to` is the earlier event's id.

Reading the trail and exporting it are the owner's (`VIEW_AUDIT`), and recording a
settings change is how a change of settings is made by someone allowed to
(`MANAGE_SETTINGS`): these take the acting person and check their current record
first (`permissions.authorise`), whatever the screen showed.

Action names are dotted and stable, because filters and exports depend on them.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core import shop_time
from app.models import AuditEvent
from app.models.people import DISPLAY_NAME_MAX
from app.services.people import permissions
from app.services.people.permissions import Action, Actor

SESSION_SIGN_IN = "session.sign_in"
SESSION_SIGN_IN_FAILED = "session.sign_in_failed"
SESSION_SIGN_OUT = "session.sign_out"
SESSION_SWITCH_USER = "session.switch_user"
USER_CREATE = "user.create"
USER_UPDATE = "user.update"
USER_DISABLE = "user.disable"
USER_ENABLE = "user.enable"
USER_PASSWORD_RESET = "user.password_reset"
USER_PASSWORD_CHANGE = "user.password_change"
SETTINGS_CHANGE = "settings.change"
SHOP_CONNECT = "shop.connect"
SHOP_SWITCH = "shop.switch"
REFUND_APPROVE = "refund.approve"
REFUND_REFUSE = "refund.refuse"
ORDER_SHIP = "order.ship"
PLATFORM_ANSWER = "platform.answer"

CSV_COLUMNS = ("time", "person", "action", "entity", "order", "before", "after", "note")
# A cell starting with one of these is a formula to Excel; a leading quote keeps it text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: int
    actor_id: int | None
    actor_name: str
    action: str
    entity_type: str
    entity_id: str
    order_id: str
    before: str
    after: str
    refers_to: int | None
    note: str


@dataclass(frozen=True)
class AuditFilter:
    """What to read: `since` is inclusive and `until` exclusive (UTC seconds)."""

    actor_id: int | None = None
    action_prefix: str = ""
    since: int | None = None
    until: int | None = None
    order_id: str = ""
    limit: int = 5000


def _json(value: dict[str, Any] | None) -> str:
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def actor_label(actor: Actor) -> str:
    return (actor.display_name or actor.username)[:DISPLAY_NAME_MAX]


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    *,
    entity_type: str = "",
    entity_id: str = "",
    order_id: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    refers_to: int | None = None,
    note: str = "",
    now: int,
) -> int:
    """Append one event in the caller's transaction and return its id."""
    event = AuditEvent(
        at=now,
        actor_id=actor.user_id if actor else None,
        actor_name=actor_label(actor) if actor else "",
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        order_id=order_id,
        before=_json(before),
        after=_json(after),
        refers_to=refers_to,
        note=note,
    )
    session.add(event)
    session.flush()
    return event.id


def _row(event: AuditEvent) -> AuditRow:
    return AuditRow(
        id=event.id,
        at=event.at,
        actor_id=event.actor_id,
        actor_name=event.actor_name,
        action=event.action,
        entity_type=event.entity_type,
        entity_id=event.entity_id,
        order_id=event.order_id,
        before=event.before,
        after=event.after,
        refers_to=event.refers_to,
        note=event.note,
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def record_settings_change(
    session: Session, actor: Actor, name: str, before: object, after: object, *, now: int
) -> int:
    """A change of the setting `name` by `actor`, who must be allowed to change settings;
    returns the event's id. Call it before the change is kept, in the same unit of work,
    so a refused change is neither kept nor recorded."""
    permissions.authorise(session, actor, Action.MANAGE_SETTINGS)
    return record(
        session,
        actor,
        SETTINGS_CHANGE,
        entity_type="settings",
        entity_id=name,
        before={name: before},
        after={name: after},
        now=now,
    )


def list_events(session: Session, actor: Actor, f: AuditFilter) -> list[AuditRow]:
    """Events matching `f`, newest first (ids only grow, so id order is time order)."""
    permissions.authorise(session, actor, Action.VIEW_AUDIT)
    query = select(AuditEvent)
    if f.actor_id is not None:
        query = query.where(AuditEvent.actor_id == f.actor_id)
    if f.action_prefix:
        query = query.where(AuditEvent.action.like(_escape_like(f.action_prefix) + "%", escape="\\"))
    if f.since is not None:
        query = query.where(AuditEvent.at >= f.since)
    if f.until is not None:
        query = query.where(AuditEvent.at < f.until)
    if f.order_id:
        query = query.where(AuditEvent.order_id == f.order_id)
    query = query.order_by(AuditEvent.id.desc()).limit(max(0, f.limit))
    return [_row(event) for event in session.scalars(query)]


def actions_in_use(session: Session, actor: Actor) -> list[str]:
    """Every action name that occurs in the trail, sorted (for the screen's filter)."""
    permissions.authorise(session, actor, Action.VIEW_AUDIT)
    return list(session.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action)))


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def export_csv(session: Session, actor: Actor, f: AuditFilter, path: Path) -> int:
    """The events matching `f` (as `list_events` reads them, for someone allowed to) as
    CSV at `path`; returns how many rows were written."""
    rows = list_events(session, actor, f)
    write_csv(rows, path)
    return len(rows)


def write_csv(rows: Sequence[AuditRow], path: Path) -> None:
    """Write `rows` as CSV in UTF-8 with a BOM, which Excel on Chinese Windows needs to
    read the file as UTF-8 rather than GBK. Written whole to a side file first."""
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            entity = f"{row.entity_type}:{row.entity_id}" if row.entity_id else row.entity_type
            writer.writerow(
                (
                    shop_time.iso(row.at),
                    _cell(row.actor_name),
                    row.action,
                    _cell(entity),
                    _cell(row.order_id),
                    row.before,
                    row.after,
                    _cell(row.note),
                )
            )
    temporary.replace(path)
