"""The audit trail's table: who did what, when, and what it changed, newest first.

Owns `AuditTableModel` (one `AuditRow` per row, column constants, the backing row
under `AUDIT_ROW_ROLE`), the one table of friendly names for the dotted action names
the services record (`ACTION_LABELS`; an unknown name is shown as it is), the row's
sentence (`audit_words`) with the details pane's text in words, and the record as
stored (pretty-printed JSON) for the pane's "technical details". A record whose action
has no words yet is shown by its fields ("before → after") rather than not at all.
"""

from __future__ import annotations

import json
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from app.core import shop_time
from app.core.translation import QT_TRANSLATE_NOOP
from app.services.people import audit
from app.services.people.audit import AuditRow
from app.views.common import formatting
from app.views.common.table_model import ROW_ROLE, Column, ColumnTableModel
from app.views.people import audit_words

COL_TIME, COL_PERSON, COL_ACTION, COL_ENTITY, COL_ORDER, COL_CHANGE, COL_NOTE = range(7)
COLUMN_COUNT = 7
AUDIT_ROW_ROLE = ROW_ROLE
SUMMARY_MAX_CHARS = 160

# The dotted names the services record, in words (context "audit_actions").
ACTION_LABELS: dict[str, str] = {
    audit.SESSION_SIGN_IN: QT_TRANSLATE_NOOP("audit_actions", "Signed in"),
    audit.SESSION_SIGN_IN_FAILED: QT_TRANSLATE_NOOP("audit_actions", "Sign-in refused"),
    audit.SESSION_SIGN_OUT: QT_TRANSLATE_NOOP("audit_actions", "Signed out"),
    audit.SESSION_SWITCH_USER: QT_TRANSLATE_NOOP("audit_actions", "Switched user"),
    audit.USER_CREATE: QT_TRANSLATE_NOOP("audit_actions", "Person added"),
    audit.USER_UPDATE: QT_TRANSLATE_NOOP("audit_actions", "Person changed"),
    audit.USER_DISABLE: QT_TRANSLATE_NOOP("audit_actions", "Person disabled"),
    audit.USER_ENABLE: QT_TRANSLATE_NOOP("audit_actions", "Person enabled"),
    audit.USER_PASSWORD_RESET: QT_TRANSLATE_NOOP("audit_actions", "Password reset"),
    audit.USER_PASSWORD_CHANGE: QT_TRANSLATE_NOOP("audit_actions", "Own password changed"),
    audit.SETTINGS_CHANGE: QT_TRANSLATE_NOOP("audit_actions", "Settings changed"),
    audit.SHOP_CONNECT: QT_TRANSLATE_NOOP("audit_actions", "Shop connected"),
    audit.SHOP_SWITCH: QT_TRANSLATE_NOOP("audit_actions", "Shop switched"),
    audit.REFUND_APPROVE: QT_TRANSLATE_NOOP("audit_actions", "Refund approved"),
    audit.REFUND_REFUSE: QT_TRANSLATE_NOOP("audit_actions", "Refund refused"),
    audit.ORDER_SHIP: QT_TRANSLATE_NOOP("audit_actions", "Order shipped"),
    audit.PLATFORM_ANSWER: QT_TRANSLATE_NOOP("audit_actions", "Platform's answer"),
    "return.approve": QT_TRANSLATE_NOOP("audit_actions", "Return agreed"),
    "return.refuse": QT_TRANSLATE_NOOP("audit_actions", "Return refused"),
    "return.inspect": QT_TRANSLATE_NOOP("audit_actions", "Returned goods inspected"),
    "exchange.approve": QT_TRANSLATE_NOOP("audit_actions", "Exchange agreed"),
    "exchange.send": QT_TRANSLATE_NOOP("audit_actions", "Exchange, resend or repair goods sent"),
    "outbox.discard": QT_TRANSLATE_NOOP("audit_actions", "Unsent decision dropped"),
    "outbox.reapply": QT_TRANSLATE_NOOP("audit_actions", "Shipped again"),
    "set_aside.dismiss": QT_TRANSLATE_NOOP("audit_actions", "Set-aside record dismissed"),  # needs_attention
    "request.hand_to_owner": QT_TRANSLATE_NOOP("audit_actions", "Handed to the owner"),
    "request.hand_back": QT_TRANSLATE_NOOP("audit_actions", "Handed back"),
}


# What an event is about (`entity_type`), in words (context "audit_actions").
ENTITY_LABELS: dict[str, str] = {
    "user": QT_TRANSLATE_NOOP("audit_actions", "Person"),
    "after_sale": QT_TRANSLATE_NOOP("audit_actions", "Request"),
    "order": QT_TRANSLATE_NOOP("audit_actions", "Order"),
    "shop": QT_TRANSLATE_NOOP("audit_actions", "Shop"),
    "settings": QT_TRANSLATE_NOOP("audit_actions", "Settings"),
}


def action_label(action: str) -> str:
    """The action in the person's language; a name without a label is shown raw."""
    label = ACTION_LABELS.get(action)
    return QCoreApplication.translate("audit_actions", label) if label else action


def decode(blob: Any) -> Any:
    """An audit `before`/`after` value as Python data (JSON text, already data, or "")."""
    if isinstance(blob, str):
        if not blob.strip():
            return None
        try:
            return json.loads(blob)
        except ValueError:
            return blob
    return blob


def pretty(blob: Any) -> str:
    value = decode(blob)
    return "" if value is None else json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


def _short(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def change_summary(before: Any, after: Any) -> str:
    """One line: "role: clerk → owner; active: true → false", or the new values alone."""
    old, new = decode(before), decode(after)
    if isinstance(old, dict) and isinstance(new, dict):
        parts = [
            f"{key}: {_short(old.get(key))} → {_short(new.get(key))}"
            for key in sorted(set(old) | set(new))
            if old.get(key) != new.get(key)
        ]
    elif isinstance(new, dict):
        parts = [f"{key}: {_short(value)}" for key, value in new.items()]
    elif old is None and new is None:
        parts = []
    else:
        parts = [f"{_short(old) if old is not None else '—'} → {_short(new) if new is not None else '—'}"]
    text = "; ".join(parts)
    return text if len(text) <= SUMMARY_MAX_CHARS else text[: SUMMARY_MAX_CHARS - 1] + "…"


def _note(row: AuditRow) -> str:
    said = (audit_words.automation_text(row.after), audit_words.note_text(row.note))
    return " — ".join(words for words in said if words)


class AuditTableModel(ColumnTableModel):
    """Audit events in the order given (the service reads them newest first)."""

    def __init__(self, parent: QObject | None = None, *, tz: tzinfo = shop_time.SHOP_TZ) -> None:
        """`tz`: the shop's clock (its rule set's), the times are shown on."""
        super().__init__(parent)
        self._tz = tz
        self._rows: list[AuditRow] = []
        self._people: dict[int, str] = {}  # user id -> display name, for "about" a person
        self._usernames: dict[str, str] = {}  # user name -> display name
        self._request_kinds: dict[str, str] = {}  # after-sale id -> a RequestKind
        self.columns = [
            Column(lambda row: formatting.shop_time(row.at, tz=self._tz)),
            Column(self.person_text),
            Column(lambda row: action_label(row.action)),
            Column(self.entity_text),
            Column(lambda row: row.order_id),
            # The whole sentence in the tooltip where the column cuts it.
            Column(self.sentence, tooltip=self.sentence),
            Column(_note, tooltip=_note),
        ]
        self.retranslate()

    def set_people(self, people: dict[int, str], usernames: dict[str, str] | None = None) -> None:
        self._people = dict(people)
        self._usernames = dict(usernames or {})
        self.all_changed()

    def set_rows(self, rows: list[AuditRow], request_kinds: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)  # the service gives them newest first
        self._request_kinds = dict(request_kinds or {})
        self.endResetModel()

    def rows(self) -> list[AuditRow]:
        return list(self._rows)

    def row_count(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> AuditRow:
        return self._rows[row]

    def person_text(self, row: AuditRow) -> str:
        if row.actor_name:
            return row.actor_name
        if row.actor_id is not None:
            return self._people.get(row.actor_id, f"#{row.actor_id}")
        if row.action == audit.PLATFORM_ANSWER:
            return self.tr("the platform")
        # A refused sign-in has no actor: nobody was signed in.
        return self.tr("nobody signed in") if row.action.startswith("session.") else self.tr("the system")

    def words_for(self, row: AuditRow) -> str | None:
        """The row's sentence, or None when its action has no words (see audit_words)."""
        return audit_words.sentence(
            row,
            decode(row.before),
            decode(row.after),
            people=self._people,
            usernames=self._usernames,
            request_kinds=self._request_kinds,
            tz=self._tz,
        )

    def sentence(self, row: AuditRow) -> str:
        """The row as a sentence; the record's fields as they are for an action without words."""
        words = self.words_for(row)
        return words if words is not None else change_summary(row.before, row.after)

    def entity_text(self, row: AuditRow) -> str:
        """ "王姐" for a person, "Request 7000012345" for the rest, "Demo shop"; raw names as fallback."""
        if row.entity_type == "user" and row.entity_id.isdigit() and int(row.entity_id) in self._people:
            return self._people[int(row.entity_id)]
        if row.entity_type == "shop" and row.entity_id == "demo":
            return self.tr("Demo shop")
        if row.entity_type == "settings":
            return self.tr("Settings")
        label = ENTITY_LABELS.get(row.entity_type)
        kind = QCoreApplication.translate("audit_actions", label) if label else row.entity_type
        return " ".join(part for part in (kind, row.entity_id) if part)

    def details(self, row: AuditRow) -> str:
        """The event for the details pane, in words: when, who, what, and the note."""
        parts = [
            self.tr("{time} · {person} · {action}").format(
                time=formatting.shop_time(row.at, tz=self._tz),
                person=self.person_text(row),
                action=action_label(row.action),
            ),
            self.sentence(row),
        ]
        note = _note(row)
        if note:
            parts.append(self.tr("Note: {note}").format(note=note))
        return "\n".join(parts)

    def technical(self, row: AuditRow) -> str:
        """The record as stored, for the "technical details" expander: the action's code,
        the event's id, what it refers to, and the before/after JSON."""
        parts = [f"{row.action} #{row.id} · {shop_time.iso(row.at, self._tz)}"]
        if row.entity_type or row.entity_id:
            parts.append(f"{row.entity_type}: {row.entity_id}")
        if row.refers_to is not None:
            parts.append(f"refers_to: #{row.refers_to}")
        for title, blob in (("before", row.before), ("after", row.after)):
            text = pretty(blob)
            if text:
                parts.append(f"{title}:\n{text}")
        if row.note:
            parts.append(f"note: {row.note}")
        return "\n".join(parts)

    def retranslate(self) -> None:
        self.set_headers(
            [
                self.tr("Time"),
                self.tr("Person"),
                self.tr("Action"),
                self.tr("About"),
                self.tr("Order"),
                self.tr("What was done"),
                self.tr("Note"),
            ]
        )
