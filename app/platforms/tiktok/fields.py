"""The small readers every TikTok Shop record goes through: ids, times, texts, money.

Owns reading one field of a record the way the dialect sends it (ids as strings, times as
Unix seconds with 0 for "not set", amounts as decimal strings in the record's currency) and
the `MalformedRecord` each raises for a value of the wrong shape, with what of the record's
id and update time could still be read (`identified`). Used by `parse.py`.
"""

from __future__ import annotations

from typing import Any

from app.core.money import minor_units
from app.platforms import records
from app.platforms.records import MalformedRecord, shown


def text_of(value: Any) -> str:
    """A text field as text; "" for an absent one (or an object where text belongs)."""
    return "" if value is None or isinstance(value, dict | list) else str(value)


def object_of(value: Any) -> dict[str, Any]:
    """`value` when it is a JSON object, else an empty one: an optional part left out."""
    return value if isinstance(value, dict) else {}


def list_of(value: Any, where: str) -> list[dict[str, Any]]:
    """A list of objects; [] when absent; MalformedRecord for anything else."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise MalformedRecord(f"{where} is not a list of records")
    return value


def read_time(record: dict[str, Any], key: str, where: str, *, required: bool = False) -> int | None:
    """`record[key]` as Unix seconds (TikTok sends ints, and 0 for a time not yet set)."""
    return records.read_int(record, key, where, required=required, zero_is_unset=True)


def update_time(record: dict[str, Any], where: str) -> int:
    return records.update_time(record, where, zero_is_unset=True)


def required_id(record: dict[str, Any], key: str, where: str, problem: str = "") -> str:
    """An id TikTok sends as a string (a number is read too); MalformedRecord with `problem`
    when it is absent or empty."""
    value = record.get(key)
    if value is None or isinstance(value, bool | dict | list) or str(value).strip() == "":
        detail = "" if value is None else f" ({shown(value)})"
        raise MalformedRecord(f"{where}: '{key}' is missing or not an id{detail}", problem)
    return str(value).strip()


def currency_of(value: Any, where: str) -> str:
    """An ISO 4217 code ("USD"); MalformedRecord when there is none: an amount is never given
    a guessed currency."""
    text = text_of(value).strip().upper()
    if len(text) != 3 or not text.isascii() or not text.isalpha():
        raise MalformedRecord(f"{where}: 'currency' is missing or not an ISO 4217 code ({shown(value)})")
    return text


class Amounts:
    """The decimal-string amounts of one object (`payment`, `refund_amount`) in its currency."""

    def __init__(self, part: dict[str, Any], currency: str, where: str) -> None:
        sent = part.get("currency")
        if sent not in (None, "") and currency_of(sent, where) != currency:
            raise MalformedRecord(f"{where}: amounts in {shown(sent)}, the record's are in {currency}")
        self.part, self.currency, self.where = part, currency, where

    def __call__(self, *keys: str) -> int:
        """The sum of the amounts at `keys` in minor units; an absent or empty one is 0."""
        total = 0
        for key in keys:
            value = self.part.get(key)
            if value is None or value == "":
                continue
            try:
                total += minor_units(value, self.currency)
            except ValueError as error:
                raise MalformedRecord(f"{self.where}: '{key}' {error}") from None
        return total


def identified(error: MalformedRecord, record: Any, id_key: str) -> MalformedRecord:
    """`error` with what of the record's id and update time can be read."""
    found = object_of(record)
    record_id = found.get(id_key)
    if isinstance(record_id, int | str) and not isinstance(record_id, bool):
        error.record_id = str(record_id)
    try:
        error.update_time = read_time(found, "update_time", "")
    except MalformedRecord:
        error.update_time = None
    return error
