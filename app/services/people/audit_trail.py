"""The audit trail as the owner reads it: the events, and the kind of each request they name.

Owns `read_trail()`: the events a filter wants (for someone allowed to read them,
`audit.list_events`) with, for the after-sale requests among them, each request's kind
in the app's words (a `RequestKind` value from the mirror), so a sentence can say
"Return and refund request 7001". No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AfterSale
from app.services.people import audit
from app.services.people.audit import AuditFilter, AuditRow
from app.services.people.permissions import Actor

BATCH = 500  # ids per query: under every database's parameter limit


@dataclass(frozen=True)
class AuditTrail:
    rows: list[AuditRow]  # newest first
    request_kinds: dict[str, str] = field(default_factory=dict)  # after-sale id -> a RequestKind


def read_trail(session: Session, actor: Actor, wanted: AuditFilter) -> AuditTrail:
    """The events `wanted`, and the kind of each after-sale request they are about."""
    rows = audit.list_events(session, actor, wanted)
    ids = sorted({row.entity_id for row in rows if row.entity_type == "after_sale"})
    kinds: dict[str, str] = {}
    for start in range(0, len(ids), BATCH):
        found = session.execute(
            select(AfterSale.aftersale_id, AfterSale.kind).where(
                AfterSale.aftersale_id.in_(ids[start : start + BATCH])
            )
        )
        kinds.update({aftersale_id: kind for aftersale_id, kind in found if kind})
    return AuditTrail(rows, kinds)
