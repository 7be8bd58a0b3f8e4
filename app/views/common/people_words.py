"""How the screens say things to people: refusals, roles and yuan typed by a person.

Owns `refusal_text()`, the one place a service's refusal is put in the person's
language: the services speak English source strings (`message`) with `{name}` fields
(`params`) filled after translation, each service in its own translation context —
refund decisions in "refunds", shipments in "shipping", everything else
(`PermissionDenied`, `AccountError`, `LoginRefused`, …) in "accounts". Also
`role_label()`, and `parse_yuan()`, which reads "200", "49.9" or "¥1,200.50" as fen.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication

from app.services.people.permissions import ROLE_LABELS, Role

DEFAULT_REFUSAL_CONTEXT = "accounts"  # of a refusal that names no context
MAX_YUAN = Decimal("10000000")  # ten million: above that it is a typo, not a limit


def service_words(context: str, message: str, params: Mapping[str, object] | None = None) -> str:
    """A service's English source string in the person's language, `{name}` fields filled
    after translation (the source's own words if a translation lost a field)."""
    words = QCoreApplication.translate(context, message)
    if not params:
        return words
    try:
        return words.format(**params)
    except (KeyError, IndexError, ValueError):
        return message.format(**params)


def refusal_text(error: object) -> str:
    """A service's refusal (an exception, or a problem with `message` and `params`) in
    plain, translated words; other errors as they are."""
    message = getattr(error, "message", None)
    if not isinstance(message, str) or not message:
        return str(error)
    context = getattr(error, "context", DEFAULT_REFUSAL_CONTEXT)
    return service_words(context, message, getattr(error, "params", None))


def role_label(role: str) -> str:
    try:
        return QCoreApplication.translate("accounts", ROLE_LABELS[Role(role)])
    except ValueError:
        return role


def parse_yuan(text: str) -> int | None:
    """Fen for an amount typed in yuan; None for an empty box; ValueError if unreadable."""
    cleaned = text.strip().replace("¥", "").replace("￥", "").replace(",", "").replace("，", "").strip()
    if not cleaned:
        return None
    try:
        amount = Decimal(cleaned)
    except InvalidOperation as error:
        raise ValueError(text) from error
    if (
        not amount.is_finite()
        or amount < 0
        or amount > MAX_YUAN
        or amount != amount.quantize(Decimal("0.01"))
    ):
        raise ValueError(text)
    return int(amount * 100)


def yuan_text(fen: int | None) -> str:
    """Fen as the box shows it for editing: 20000 -> "200.00"; None -> ""."""
    return "" if fen is None else f"{fen // 100}.{fen % 100:02d}"
