"""The audit trail in words: one sentence for each kind of event the desk records.

Owns `SENTENCES` (action name → the function that words an event of it), `sentence()`,
which the audit table shows for each row, and `note_text()`, which puts the notes the
desk itself writes ("wrong password", "first owner") into the person's language while
leaving a person's own words as they were written. Statuses, request types, roles and
the inspection's outcomes take their names from the tables the other screens use
(`app/core/vocabulary.py`, `permissions.ROLE_LABELS`, the inspection dialog); amounts read in
yuan and times in the shop's time (`formatting`). Words are in context "audit_words".

The sentences about people, sign-in, settings and the shop are in `audit_words_people`;
`Event`, which every sentence reads, and `_t` are in `audit_words_event`.

A new action needs its sentence here: tests/test_audit_words.py walks every action
name the code base records and fails on one without words.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.core.shop_time import SHOP_TZ
from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import ORDER_STATE_LABELS, REQUEST_STATE_LABELS, Decision, OrderState, RequestState
from app.services.people import audit
from app.services.people.audit import AuditRow
from app.services.shipping import carriers
from app.views.common import formatting
from app.views.people.audit_words_event import Event, _t
from app.views.people.audit_words_people import (
    _password_changed,
    _password_reset,
    _person_added,
    _person_changed,
    _person_disabled,
    _person_enabled,
    _settings_changed,
    _shop_connected,
    _shop_switched,
    _sign_in_refused,
    _signed_in,
    _signed_out,
    _switched_user,
)
from app.views.people.audit_words_rules import RULE_SENTENCES

# --- refund decisions -----------------------------------------------------------------
DECISIONS = {
    Decision.APPROVE_REFUND: QT_TRANSLATE_NOOP("audit_words", "{who} agreed to refund {amount} on {request}"),
    Decision.REFUSE_REFUND: QT_TRANSLATE_NOOP(
        "audit_words", "{who} refused the refund of {amount} on {request}"
    ),
    Decision.AGREE_RETURN: QT_TRANSLATE_NOOP(
        "audit_words", "{who} agreed to the return on {request} ({amount} once the goods are back)"
    ),
    Decision.REFUSE_RETURN: QT_TRANSLATE_NOOP(
        "audit_words", "{who} refused the return on {request} ({amount})"
    ),
    Decision.ACCEPT_RETURNED_GOODS: QT_TRANSLATE_NOOP(
        "audit_words", "{who} received the returned goods and refunded {amount} on {request}"
    ),
    Decision.REFUSE_RETURNED_GOODS: QT_TRANSLATE_NOOP(
        "audit_words", "{who} refused the returned goods on {request} ({amount})"
    ),
    Decision.AGREE_EXCHANGE: QT_TRANSLATE_NOOP("audit_words", "{who} agreed to the exchange on {request}"),
    Decision.CONFIRM_EXCHANGE_RECEIPT: QT_TRANSLATE_NOOP(
        "audit_words", "{who} received the goods to exchange on {request}"
    ),
    Decision.SHIP_REPLACEMENT: QT_TRANSLATE_NOOP("audit_words", "{who} sent the goods of {request}"),
}
# Events written before the app's vocabulary name the decision by Douyin's
# `afterSale.operate` type ("operate_type"): read so, frozen as they were written.
DECISION_BY_OPERATE_TYPE = {
    201: Decision.APPROVE_REFUND,
    202: Decision.REFUSE_REFUND,
    101: Decision.AGREE_RETURN,
    102: Decision.REFUSE_RETURN,
    111: Decision.ACCEPT_RETURNED_GOODS,
    112: Decision.REFUSE_RETURNED_GOODS,
    301: Decision.AGREE_EXCHANGE,
    311: Decision.CONFIRM_EXCHANGE_RECEIPT,
}
# Their states, as Douyin's after-sale and order status codes ("status"), frozen likewise.
STATE_BY_REQUEST_STATUS = {
    6: RequestState.AWAITING_SHOP,
    7: RequestState.AWAITING_BUYER_RETURN,
    11: RequestState.RETURN_AWAITING_INSPECTION,
    12: RequestState.REFUNDED,
    13: RequestState.REPLACEMENT_IN_PROGRESS,
    14: RequestState.REPLACEMENT_DONE,
    27: RequestState.REFUSED,
    28: RequestState.CLOSED,
    29: RequestState.REFUSED_AFTER_RETURN,
}
STATE_BY_ORDER_STATUS = {
    1: OrderState.UNPAID,
    105: OrderState.AWAITING_SHIPMENT,
    2: OrderState.AWAITING_SHIPMENT,
    101: OrderState.PARTLY_SHIPPED,
    3: OrderState.SHIPPED,
    4: OrderState.CANCELLED,
    5: OrderState.COMPLETED,
}
# A decision recorded without it (older records still): by action name.
DECISION_BY_ACTION = {
    "refund.approve": Decision.APPROVE_REFUND,
    "refund.refuse": Decision.REFUSE_REFUND,
    "return.approve": Decision.AGREE_RETURN,
    "return.refuse": Decision.REFUSE_RETURN,
    "exchange.approve": Decision.AGREE_EXCHANGE,
    "exchange.send": Decision.SHIP_REPLACEMENT,
}


def _decision_of(e: Event) -> Decision:
    written = e.after.get("decision")
    if written in DECISIONS:
        return Decision(written)
    return DECISION_BY_OPERATE_TYPE.get(e.after.get("operate_type")) or DECISION_BY_ACTION[e.row.action]


def _change(e: Event, words: Mapping[str, str], older: Mapping[int, str]) -> str:
    """' (before → after)' of an event in the app's words ("state"), or of an older one
    in the platform's codes ("status", read through `older`)."""
    before, after = e.before.get("state"), e.after.get("state")
    if "state" not in e.after:
        before, after = older.get(e.before.get("status")), older.get(e.after.get("status"))
    if not isinstance(after, str):
        return ""
    if isinstance(before, str) and before != after:
        return QCoreApplication.translate("audit_words", " ({before} → {after})").format(
            before=formatting.word_label(words, before), after=formatting.word_label(words, after)
        )
    return QCoreApplication.translate("audit_words", " (now {status})").format(
        status=formatting.word_label(words, after)
    )


def _decision(e: Event) -> str:
    text = _t(DECISIONS[_decision_of(e)]).format(who=e.who, amount=e.amount(), request=e.thing())
    text += _change(e, REQUEST_STATE_LABELS, STATE_BY_REQUEST_STATUS)
    if e.after.get("tracking_no"):  # goods the shop sent out (an exchange, a resend, a repair)
        text += QCoreApplication.translate("audit_words", " (tracking number {tracking})").format(
            tracking=e.after["tracking_no"]
        )
    if e.after.get("shipped_with"):
        text += QCoreApplication.translate(
            "audit_words", ", by shipping the order (tracking number {tracking})"
        ).format(tracking=e.after["shipped_with"])
    text += QCoreApplication.translate("audit_words", ".")
    if e.after.get("reason"):
        text += QCoreApplication.translate("audit_words", " Reason: {reason}.").format(
            reason=e.after["reason"]
        )
    return text


OUTCOMES = {  # the inspection dialog's own words
    "good": QT_TRANSLATE_NOOP("InspectDialog", "Good — as sent"),
    "damaged": QT_TRANSLATE_NOOP("InspectDialog", "Damaged"),
    "missing_parts": QT_TRANSLATE_NOOP("InspectDialog", "Missing parts"),
}


def _inspected(e: Event) -> str:
    source = OUTCOMES.get(str(e.after.get("outcome")))
    outcome = QCoreApplication.translate("InspectDialog", source) if source else str(e.after.get("outcome"))
    if e.after.get("then") == "refund":
        words = QCoreApplication.translate(
            "audit_words", "{who} inspected the goods returned on {request}: {outcome}; to be refunded."
        )
    else:
        words = QCoreApplication.translate(
            "audit_words", "{who} inspected the goods returned on {request}: {outcome}; to be refused."
        )
    return words.format(who=e.who, request=e.thing(), outcome=outcome)


# --- shipments, the outbox and the platform ------------------------------------------
def _shipped(e: Event) -> str:
    code = str(e.after.get("company_code", ""))
    text = QCoreApplication.translate(
        "audit_words", "{who} shipped {order} with {carrier}, tracking number {tracking}"
    ).format(
        who=e.who,
        order=e.thing(),
        carrier=carriers.carrier_name(code) or code,
        tracking=e.after.get("tracking_no", ""),
    )
    text += _change(e, ORDER_STATE_LABELS, STATE_BY_ORDER_STATUS)
    text += QCoreApplication.translate("audit_words", ".")
    refused = e.after.get("refused_requests") or []
    if refused:
        text += QCoreApplication.translate(
            "audit_words", " The waiting refund request {ids} was refused with it."
        ).format(ids=QCoreApplication.translate("audit_words", ", ").join(map(str, refused)))
    return text


def _discarded(e: Event) -> str:
    if e.row.entity_type == "order":
        return QCoreApplication.translate(
            "audit_words", "{who} dropped the shipment of {order} that the platform would not take."
        ).format(who=e.who, order=e.thing())
    return QCoreApplication.translate(
        "audit_words", "{who} dropped the decision on {request} that the platform would not take."
    ).format(who=e.who, request=e.thing())


def _reapplied(e: Event) -> str:
    return QCoreApplication.translate(
        "audit_words", "{who} shipped {order} again, this time refusing the waiting refund request."
    ).format(who=e.who, order=e.thing())


def _platform_answer(e: Event) -> str:
    outcome, decided_by = e.after.get("outcome"), e.after.get("decided_by")
    if decided_by == "platform":
        words = QCoreApplication.translate(
            "audit_words", "The platform had decided {thing} on its own; the shop's decision was not applied."
        )
    elif outcome == "done":
        words = QCoreApplication.translate(
            "audit_words", "The platform applied the shop's decision on {thing}."
        )
    elif outcome == "rejected":
        words = QCoreApplication.translate(
            "audit_words", "The platform refused the shop's decision on {thing}."
        )
    elif outcome == "conflict":
        words = QCoreApplication.translate(
            "audit_words",
            "The platform could not apply the shop's decision on {thing}: its state had moved on.",
        )
    else:
        words = QCoreApplication.translate("audit_words", "The platform answered about {thing}.")
    text = words.format(thing=e.thing())
    if outcome != "done" and e.after.get("platform_message"):
        text += QCoreApplication.translate("audit_words", " It said: “{message}”.").format(
            message=e.after["platform_message"]
        )
    return text


def _set_aside_dismissed(e: Event) -> str:
    since = e.before.get("first_seen_at")
    time = formatting.shop_time(since, tz=e.tz) if isinstance(since, int) else "?"
    return QCoreApplication.translate(
        "audit_words", "{who} dismissed the set-aside record of {thing} (set aside since {time})."
    ).format(who=e.who, thing=e.thing(), time=time)


def _handed_to_owner(e: Event) -> str:
    return QCoreApplication.translate(
        "audit_words", "{who} handed {request} ({amount}) to the owner: “{reason}”."
    ).format(who=e.who, request=e.thing(), amount=e.amount(), reason=e.after.get("reason", ""))


def _handed_back(e: Event) -> str:
    clerk = e.before.get("handed_by")
    name = (
        e.people.get(clerk, f"#{clerk}")
        if isinstance(clerk, int)
        else QCoreApplication.translate("audit_words", "the person who handed it over")
    )
    return QCoreApplication.translate(
        "audit_words", "{who} handed {request} back to {clerk} undecided."
    ).format(who=e.who, request=e.thing(), clerk=name)


SENTENCES: dict[str, Callable[[Event], str]] = {
    audit.SESSION_SIGN_IN: _signed_in,
    audit.SESSION_SIGN_IN_FAILED: _sign_in_refused,
    audit.SESSION_SIGN_OUT: _signed_out,
    audit.SESSION_SWITCH_USER: _switched_user,
    audit.USER_CREATE: _person_added,
    audit.USER_UPDATE: _person_changed,
    audit.USER_DISABLE: _person_disabled,
    audit.USER_ENABLE: _person_enabled,
    audit.USER_PASSWORD_RESET: _password_reset,
    audit.USER_PASSWORD_CHANGE: _password_changed,
    audit.SETTINGS_CHANGE: _settings_changed,
    audit.SHOP_CONNECT: _shop_connected,
    audit.SHOP_SWITCH: _shop_switched,
    "refund.approve": _decision,
    "refund.refuse": _decision,
    "return.approve": _decision,
    "return.refuse": _decision,
    "exchange.approve": _decision,
    "exchange.send": _decision,
    "return.inspect": _inspected,
    audit.ORDER_SHIP: _shipped,
    "outbox.discard": _discarded,
    "outbox.reapply": _reapplied,
    audit.PLATFORM_ANSWER: _platform_answer,
    "set_aside.dismiss": _set_aside_dismissed,
    "request.hand_to_owner": _handed_to_owner,
    "request.hand_back": _handed_back,
    **RULE_SENTENCES,
}


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def sentence(
    row: AuditRow,
    before: Any,
    after: Any,
    *,
    people: Mapping[int, str] = {},  # noqa: B006 - read only
    usernames: Mapping[str, str] = {},  # noqa: B006
    request_kinds: Mapping[str, str] = {},  # noqa: B006
    tz: tzinfo = SHOP_TZ,
) -> str | None:
    """The event as a sentence in the person's language; None for an action without words
    (the screen then shows the record as it is)."""
    words = SENTENCES.get(row.action)
    if words is None:
        return None
    event = Event(row, _as_dict(before), _as_dict(after), people, usernames, request_kinds, tz)
    try:
        return words(event)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None  # a record of an unexpected shape is shown raw rather than not at all


# Notes the desk itself writes (in English, stable); a person's own notes stay as written.
DESK_NOTES = {
    "first owner": QT_TRANSLATE_NOOP("audit_words", "The shop's first owner"),
    "owner carried over from another shop's database": QT_TRANSLATE_NOOP(
        "audit_words", "Carried over from another shop's database"
    ),
    "stayed signed in on this computer": QT_TRANSLATE_NOOP(
        "audit_words", "Stayed signed in on this computer"
    ),
    "wrong password": QT_TRANSLATE_NOOP("audit_words", "Wrong password"),
    "unknown user name": QT_TRANSLATE_NOOP("audit_words", "Unknown user name"),
    "account waiting after lockout": QT_TRANSLATE_NOOP(
        "audit_words", "Waiting after too many wrong passwords"
    ),
    "account switched off": QT_TRANSLATE_NOOP("audit_words", "Account switched off"),
    "found applied on re-read": QT_TRANSLATE_NOOP("audit_words", "Found already applied when read again"),
    "an earlier attempt had applied it": QT_TRANSLATE_NOOP(
        "audit_words", "An earlier attempt had applied it"
    ),
    "the platform approved it on its own when the deadline passed": QT_TRANSLATE_NOOP(
        "audit_words", "The platform approved it on its own when the deadline passed"
    ),
}


def note_text(note: str) -> str:
    source = DESK_NOTES.get(note)
    return _t(source) if source else note


def automation_text(after: str) -> str:
    """ "by rule 'name' v3" for an event an automatic-decision rule recorded (its `after`
    holds the rule's marker, app/services/automation/evaluation.py), else ""."""
    try:
        marker = json.loads(after or "{}").get("automation")
    except (ValueError, AttributeError):
        return ""
    if not isinstance(marker, dict):
        return ""
    return _t(QT_TRANSLATE_NOOP("audit_words", "by rule '{rule}' v{version}")).format(
        rule=marker.get("rule", ""), version=marker.get("version", "")
    )
