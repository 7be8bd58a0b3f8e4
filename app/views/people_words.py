"""How the people screens say things: refusals, roles and yuan typed by a person.

Owns `refusal_text()` (any service refusal — `PermissionDenied`, `AccountError`,
`LoginRefused` — in the person's language: the services speak English source strings
in context "accounts", with `{name}` fields filled after translation), `role_label()`,
and `parse_yuan()`, which reads "200", "49.9" or "¥1,200.50" as integer fen.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication

from app.services.permissions import ROLE_LABELS, Role

MAX_YUAN = Decimal("10000000")  # ten million: above that it is a typo, not a limit


def refusal_text(error: BaseException) -> str:
    """A service's refusal in plain, translated words; other errors as they are."""
    message = getattr(error, "message", None)
    if not isinstance(message, str) or not message:
        return str(error)
    words = QCoreApplication.translate("accounts", message)
    params = getattr(error, "params", None) or {}
    if params:
        try:
            return words.format(**params)
        except (KeyError, IndexError, ValueError):
            return message.format(**params)
    return words


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
