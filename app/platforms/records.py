"""What any platform's parser says about a record it cannot read, in words the sync understands.

Owns the errors every adapter's parser raises (`MalformedAnswer` for an answer whose list
is not a list, `MalformedRecord` for one record of the wrong shape, with what is wrong as
one of the `problem` values below) and `shown()`, how a bad value appears in their message.
The sync sets a malformed record aside (`app/sync/page_store.py`) with plain words chosen
by stream and problem (`app/sync/quarantine.py`: `MALFORMED_REASONS`); nothing here is
particular to one platform.
"""

from __future__ import annotations

from typing import Any

# What is wrong with a malformed record (`MalformedRecord.problem`); "" for anything else.
NOT_A_RECORD = "not_a_record"
NO_ID = "no_id"
NO_UPDATE_TIME = "no_update_time"
BAD_UPDATE_TIME = "bad_update_time"

DETAIL_VALUE_CHARS = 80


class MalformedAnswer(Exception):
    """A platform answer whose shape is not what the dialect promises."""


class MalformedRecord(MalformedAnswer):
    """One record of an answer whose shape is not what the dialect promises.

    `problem` says what is wrong, for the plain words shown (`quarantine.MALFORMED_REASONS`):
    NOT_A_RECORD, NO_ID, NO_UPDATE_TIME, BAD_UPDATE_TIME, or "" (anything else). The
    parser fills in what of the record's id and update time it could still read ("" and
    None when it could not), so the sync can set the record aside under its id and place
    it in the platform's update-time order without knowing the platform's shapes."""

    def __init__(self, message: str, problem: str = "") -> None:
        super().__init__(message)
        self.problem = problem
        self.record_id = ""
        self.update_time: int | None = None


def shown(value: Any) -> str:
    """A value as a detail shows it: ASCII, cut to DETAIL_VALUE_CHARS."""
    text = ascii(value)  # escapes NULs and surrogates, so the detail itself can be stored
    return text if len(text) <= DETAIL_VALUE_CHARS else text[:DETAIL_VALUE_CHARS] + "…"


def read_int(
    record: dict[str, Any], key: str, where: str, *, required: bool = False, zero_is_unset: bool = False
) -> int | None:
    """`record[key]` as an integer (a platform may send it as text); None when absent, empty or
    (`zero_is_unset`: a platform that sends 0 for a time not yet set) zero, unless `required`;
    MalformedRecord for anything that is not a whole number."""
    value = record.get(key)
    if value is None or value == "" or (zero_is_unset and value == 0):
        if required:
            raise MalformedRecord(f"{where}: '{key}' is missing")
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise MalformedRecord(f"{where}: '{key}' is not a number ({shown(value)})")
    try:
        return int(value)
    except ValueError as error:
        raise MalformedRecord(f"{where}: '{key}' is not a number ({shown(value)})") from error


def update_time(record: dict[str, Any], where: str, *, zero_is_unset: bool = False) -> int:
    """The record's own update_time, which places it in the list the platform sorts by it;
    MalformedRecord with NO_UPDATE_TIME or BAD_UPDATE_TIME."""
    try:
        found = read_int(record, "update_time", where, required=True, zero_is_unset=zero_is_unset)
    except MalformedRecord as error:
        missing = record.get("update_time") in (None, "")
        raise MalformedRecord(str(error), NO_UPDATE_TIME if missing else BAD_UPDATE_TIME) from None
    assert found is not None  # required
    return found
