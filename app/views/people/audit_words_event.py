"""What every sentence of the audit trail reads from: `Event` (an audit row with its
before/after as data and the names the screen knows) and `_t` (a word in context
"audit_words", the context every sentence's words are in).

The sentences themselves are in `audit_words` (requests, shipments, the outbox and the
dispatch table) and `audit_words_people` (people, sign-in, settings and the shop); both
import from here, so neither imports the other's caller.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.core.money import CNY
from app.core.shop_time import SHOP_TZ
from app.core.vocabulary import REQUEST_KIND_LABELS
from app.services.people.audit import AuditRow
from app.views.common import formatting

CONTEXT = "audit_words"


def _t(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


@dataclass(frozen=True)
class Event:
    """An audit row with what the sentence needs: its before/after as data and the
    names of the people and request kinds the screen knows."""

    row: AuditRow
    before: dict[str, Any]
    after: dict[str, Any]
    people: Mapping[int, str]  # user id -> display name
    usernames: Mapping[str, str]  # user name -> display name
    request_kinds: Mapping[str, str]  # after-sale id -> a RequestKind
    tz: tzinfo = SHOP_TZ  # the shop's clock (its rule set's), a time in the sentence is told on

    @property
    def who(self) -> str:
        row = self.row
        if row.actor_name:
            return row.actor_name
        if row.actor_id is not None:
            return self.people.get(row.actor_id, f"#{row.actor_id}")
        return QCoreApplication.translate("audit_words", "Someone")

    def person(self) -> str:
        """The person the event is about (a user event's entity)."""
        if self.row.entity_id.isdigit() and int(self.row.entity_id) in self.people:
            return self.people[int(self.row.entity_id)]
        for data in (self.after, self.before):
            if data.get("display_name"):
                return str(data["display_name"])
        return QCoreApplication.translate("audit_words", "someone")

    def thing(self) -> str:
        """ "Return and refund request 7001" or "order 6900…"."""
        row = self.row
        if row.entity_type == "order":
            return QCoreApplication.translate("audit_words", "order {id}").format(id=row.entity_id)
        label = REQUEST_KIND_LABELS.get(self.request_kinds.get(row.entity_id, ""))
        if label is None:
            return QCoreApplication.translate("audit_words", "request {id}").format(id=row.entity_id)
        return QCoreApplication.translate("audit_words", "{type} request {id}").format(
            id=row.entity_id, type=QCoreApplication.translate("vocabulary", label)
        )

    def amount(self) -> str:
        fen = self.after.get("refund_amount", self.before.get("refund_amount"))
        return (
            formatting.money(int(fen), str(self.after.get("currency") or CNY))
            if isinstance(fen, int)
            else QCoreApplication.translate("audit_words", "an unknown amount")
        )
