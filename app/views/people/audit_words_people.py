"""The audit trail's sentences about people and the shop: signing in and out (and why a
sign-in was refused), taking over the desk, adding, changing, switching off and on a
person's account, passwords, changed settings, and connecting or switching the shop.

Roles take their names from `people_words`; amounts read in yuan and times in the shop's
time (`formatting`). Words are in context "audit_words", like every audit sentence;
`audit_words.SENTENCES` maps the action names to these functions.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.core.translation import QT_TRANSLATE_NOOP
from app.views.common import formatting
from app.views.common.people_words import role_label
from app.views.people.audit_words_event import Event, _t

# --- people and sign-in ---------------------------------------------------------------
SIGN_IN_FAILURES = {
    "wrong password": QT_TRANSLATE_NOOP("audit_words", "wrong password"),
    "unknown user name": QT_TRANSLATE_NOOP("audit_words", "unknown user name"),
    "account waiting after lockout": QT_TRANSLATE_NOOP(
        "audit_words", "the account was waiting after too many wrong passwords"
    ),
    "account switched off": QT_TRANSLATE_NOOP("audit_words", "the account is switched off"),
}


def _signed_in(e: Event) -> str:
    return QCoreApplication.translate("audit_words", "{who} signed in.").format(who=e.who)


def _sign_in_refused(e: Event) -> str:
    why = SIGN_IN_FAILURES.get(e.row.note)
    reason = _t(why) if why else e.row.note
    if not e.row.entity_id:
        text = QCoreApplication.translate("audit_words", "A sign-in was refused: {why}.").format(why=reason)
    else:
        text = QCoreApplication.translate("audit_words", "A sign-in as {person} was refused: {why}.").format(
            person=e.person(), why=reason
        )
    locked = e.after.get("locked_until")
    if isinstance(locked, int) and locked != e.before.get("locked_until"):
        text += QCoreApplication.translate("audit_words", " The account waits until {time}.").format(
            time=formatting.shop_time(locked, tz=e.tz)
        )
    return text


def _signed_out(e: Event) -> str:
    return QCoreApplication.translate("audit_words", "{who} signed out.").format(who=e.who)


def _switched_user(e: Event) -> str:
    previous = e.before.get("user")
    if not previous:
        return QCoreApplication.translate("audit_words", "{who} took over the desk.").format(who=e.who)
    name = e.usernames.get(str(previous), str(previous))
    return QCoreApplication.translate("audit_words", "{who} took over the desk from {previous}.").format(
        who=e.who, previous=name
    )


def _person_added(e: Event) -> str:
    if e.row.note == "first owner":
        return QCoreApplication.translate("audit_words", "{who} set up the desk as the shop's owner.").format(
            who=e.who
        )
    if e.row.note == "owner carried over from another shop's database":
        return QCoreApplication.translate(
            "audit_words", "{who}'s owner account was carried over from another shop's database."
        ).format(who=e.who)
    return QCoreApplication.translate("audit_words", "{who} added {person} as {role}.").format(
        who=e.who, person=e.person(), role=role_label(str(e.after.get("role", "")))
    )


def _limit(fen: Any) -> str:
    return (
        formatting.money(fen)
        if isinstance(fen, int)
        else QCoreApplication.translate("audit_words", "no limit")
    )


USER_FIELDS: dict[str, tuple[str, Callable[[Any], str]]] = {
    "display_name": (QT_TRANSLATE_NOOP("audit_words", "name"), str),
    "username": (QT_TRANSLATE_NOOP("audit_words", "user name"), str),
    "role": (QT_TRANSLATE_NOOP("audit_words", "role"), lambda value: role_label(str(value))),
    "refund_limit_single_fen": (QT_TRANSLATE_NOOP("audit_words", "limit per refund"), _limit),
    "refund_limit_daily_fen": (QT_TRANSLATE_NOOP("audit_words", "refunds per day"), _limit),
}


def _person_changed(e: Event) -> str:
    changes = [
        QCoreApplication.translate("audit_words", "{field} {before} → {after}").format(
            field=_t(label), before=show(e.before.get(key)), after=show(e.after.get(key))
        )
        for key, (label, show) in USER_FIELDS.items()
        if e.before.get(key) != e.after.get(key)
    ]
    if not changes:
        return QCoreApplication.translate("audit_words", "{who} saved {person}'s record unchanged.").format(
            who=e.who, person=e.person()
        )
    return QCoreApplication.translate("audit_words", "{who} changed {person}: {changes}.").format(
        who=e.who, person=e.person(), changes=QCoreApplication.translate("audit_words", "; ").join(changes)
    )


def _person_disabled(e: Event) -> str:
    return QCoreApplication.translate("audit_words", "{who} switched off {person}'s account.").format(
        who=e.who, person=e.person()
    )


def _person_enabled(e: Event) -> str:
    return QCoreApplication.translate("audit_words", "{who} switched {person}'s account back on.").format(
        who=e.who, person=e.person()
    )


def _password_reset(e: Event) -> str:
    return QCoreApplication.translate("audit_words", "{who} set a new password for {person}.").format(
        who=e.who, person=e.person()
    )


def _password_changed(e: Event) -> str:
    return QCoreApplication.translate("audit_words", "{who} changed their own password.").format(who=e.who)


# --- settings and the shop ------------------------------------------------------------
LANGUAGES = {
    "zh_CN": QT_TRANSLATE_NOOP("audit_words", "Chinese"),
    "en": QT_TRANSLATE_NOOP("audit_words", "English"),
    "system": QT_TRANSLATE_NOOP("audit_words", "the system's language"),
}


def _settings_changed(e: Event) -> str:
    name = e.row.entity_id or next(iter(e.after), "")
    before, after = e.before.get(name), e.after.get(name)
    if name == "language":
        return QCoreApplication.translate(
            "audit_words", "{who} changed the language from {before} to {after}."
        ).format(
            who=e.who,
            before=_t(LANGUAGES.get(str(before), str(before))),
            after=_t(LANGUAGES.get(str(after), str(after))),
        )
    if name == "shops":  # the desk's shops, by their keys (services/setup/shop_adding.py)
        return QCoreApplication.translate(
            "audit_words", "{who} changed the shops of this desk from {before} to {after}."
        ).format(who=e.who, before=_keys(before), after=_keys(after))
    if name == "score_weights":
        return QCoreApplication.translate(
            "audit_words", "{who} changed the weights of the experience score."
        ).format(who=e.who)
    return QCoreApplication.translate("audit_words", "{who} changed the setting “{name}”.").format(
        who=e.who, name=name
    )


def _keys(keys: object) -> str:
    return ", ".join(map(str, keys)) if isinstance(keys, list) else str(keys)


def _shop(e: Event) -> str:
    if e.after.get("demo") or e.row.entity_id == "demo":
        return QCoreApplication.translate("audit_words", "the demo shop")
    return QCoreApplication.translate("audit_words", "shop {id}").format(id=e.row.entity_id)


def _shop_connected(e: Event) -> str:
    return QCoreApplication.translate("audit_words", "{who} connected the desk to {shop}.").format(
        who=e.who, shop=_shop(e)
    )


def _shop_switched(e: Event) -> str:
    return QCoreApplication.translate("audit_words", "{who} switched this computer to {shop}.").format(
        who=e.who, shop=_shop(e)
    )
