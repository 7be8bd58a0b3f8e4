"""Carriers and the shapes of their tracking numbers, checked before a number is sent.

Owns reading `resources/rules/carriers.json` (the app's own copy of the formats the
platform checks in `order.logisticsAdd`; it names its rule set and date, because
carriers change their formats), cleaning up what a scanner or a spreadsheet delivers,
and `tracking_problem()`, which says in plain words why a number cannot be one of a
carrier's. The carriers a person chooses from are the platform's list as last fetched
(`order.logisticsCompanyList`) when there is one, else the bundled file.

A carrier the bundled file does not know is accepted without a format check, and
`unchecked_note()` says so; the platform still checks the number, and its refusal
would land in "needs attention". That is also how a TikTok Shop shipment is treated: its
carriers are the shop's shipping providers, named by TikTok's numeric ids, which the
bundled (Chinese) carriers never match, so no Chinese number shape is applied to them.

The formats are the public record's, the wider where sources disagree (a desk stricter
than the platform would block real parcels), so several carriers share pure-digit shapes.
`recognised()` therefore gives a number to one carrier only by a prefix that names it
(`recognised_by`: SF…, JT…) or when no other carrier's shape fits; otherwise
`carriers_fitting()` lists the candidates, and the screens ask, or keep the carrier the
person chose.

The names people write for a carrier in a shipping file (顺丰, 中通快递股份有限公司,
J&T, 邮政…) are listed in the same file; `find()` understands them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.core.translation import QT_TRANSLATE_NOOP
from app.models.orders import TRACKING_NO_LENGTH
from app.services import platform_lists
from app.services.rules import RULES_DIR

CARRIERS_FILE = RULES_DIR / "carriers.json"
# The longest number the mirror can hold (order_logistics.tracking_no).
TRACKING_MAX_LENGTH = TRACKING_NO_LENGTH

MSG_NO_CARRIER = QT_TRANSLATE_NOOP("shipping", "Choose the carrier.")
MSG_NO_TRACKING = QT_TRANSLATE_NOOP("shipping", "Enter or scan the tracking number.")
MSG_TOO_LONG = QT_TRANSLATE_NOOP("shipping", "A tracking number has at most {max} characters.")
MSG_DOES_NOT_FIT = QT_TRANSLATE_NOOP(
    "shipping", "This tracking number does not look like a {carrier} number (for example {example})."
)
MSG_NOT_CHECKED = QT_TRANSLATE_NOOP(
    "shipping",
    "This app does not know the number format of this carrier, so the tracking number was not checked "
    "here; the platform will check it.",
)


@dataclass(frozen=True, slots=True)
class Carrier:
    code: str  # the platform's `company_code`
    name: str  # the platform's words (Chinese), shown as sent
    pattern: str = ""  # the whole number must match; "" when no format is known
    example: str = ""
    # Prefixes that name this carrier by themselves ("SF"): a number that fits several
    # carriers' shapes is this carrier's when it starts with one of them.
    recognised_by: tuple[str, ...] = ()

    @property
    def checks_format(self) -> bool:
        return bool(self.pattern)


@dataclass(frozen=True, slots=True)
class CarrierFormats:
    rule_set: str  # shown next to a format refusal, like the other rule sets
    effective: date
    carriers: tuple[Carrier, ...]


@dataclass(frozen=True, slots=True)
class TrackingProblem:
    """Why a number cannot be sent: `message` is an English source string (context
    "shipping") whose `{name}` fields are filled from `params`, as in DecisionRefused."""

    message: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.message.format(**self.params) if self.params else self.message


def parse_formats(raw: dict[str, Any]) -> CarrierFormats:
    carriers = []
    for entry in raw["carriers"]:
        code, name, pattern, example = (str(entry[key]) for key in ("code", "name", "pattern", "example"))
        carrier = Carrier(code, name, pattern, example, tuple(map(str, entry.get("recognised_by", ()))))
        if not re.fullmatch(carrier.pattern, carrier.example):
            raise ValueError(f"the example of carrier {carrier.code} does not match its own pattern")
        carriers.append(carrier)
    return CarrierFormats(str(raw["rule_set"]), date.fromisoformat(str(raw["effective"])), tuple(carriers))


@cache
def load_formats(path: Path = CARRIERS_FILE) -> CarrierFormats:
    """The bundled formats (cached: the file ships with the app and never changes while it runs)."""
    return parse_formats(json.loads(path.read_text(encoding="utf-8")))


def bundled() -> tuple[Carrier, ...]:
    return load_formats().carriers


@cache
def _regex(code: str) -> re.Pattern[str] | None:
    carrier = known(code)
    return re.compile(carrier.pattern) if carrier is not None else None


def known(carrier_code: str) -> Carrier | None:
    """The bundled carrier with this code (whose number format is checked), or None."""
    code = carrier_code.strip()
    return next((carrier for carrier in bundled() if carrier.code == code), None)


def normalise_tracking(text: str) -> str:
    """What a number really is, whatever the scanner or keyboard added: full-width
    characters (a Chinese input method) made plain, every space gone, letters upper-cased."""
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


def tracking_problem(carrier_code: str, tracking_no: str) -> TrackingProblem | None:
    """Why `tracking_no` cannot be sent with carrier `carrier_code`, or None when it can.

    The number is judged after `normalise_tracking()`, which is also what must be sent.
    A carrier the bundled file does not know passes with no format check (see
    `unchecked_note()`).
    """
    if not carrier_code.strip():
        return TrackingProblem(MSG_NO_CARRIER)
    number = normalise_tracking(tracking_no)
    if not number:
        return TrackingProblem(MSG_NO_TRACKING)
    if len(number) > TRACKING_MAX_LENGTH:
        return TrackingProblem(MSG_TOO_LONG, {"max": TRACKING_MAX_LENGTH})
    carrier = known(carrier_code)
    if carrier is None or fits(carrier.code, number):
        return None
    return TrackingProblem(MSG_DOES_NOT_FIT, {"carrier": carrier.name, "example": carrier.example})


def fits(carrier_code: str, tracking_no: str) -> bool:
    """Whether `tracking_no` is a number of the bundled carrier `carrier_code`'s shapes
    (False for a carrier whose format is not known: nothing to fit). A number that starts
    with another carrier's own prefix and fits that carrier's format is that carrier's
    alone (SF…, JT…): it is no 圆通 number though 圆通's wider shape would take it."""
    number = normalise_tracking(tracking_no)
    regex = _regex(carrier_code.strip())
    if regex is None or regex.fullmatch(number) is None:
        return False
    owner = _owner(number)
    return owner is None or owner == carrier_code.strip()


def _owner(number: str) -> str | None:
    """The bundled carrier whose own prefix `number` starts with and whose format it fits."""
    for carrier in bundled():
        regex = _regex(carrier.code)
        if (
            carrier.recognised_by
            and number.startswith(carrier.recognised_by)
            and regex
            and regex.fullmatch(number)
        ):
            return carrier.code
    return None


def carriers_fitting(tracking_no: str, among: Sequence[Carrier] | None = None) -> list[Carrier]:
    """The carriers among `among` (the bundled ones by default) whose numbers `tracking_no`
    may be (`fits`): one when it carries a carrier's own prefix (a scanned label then names
    its carrier), often several for a pure-digit number, for the person to choose from."""
    number = normalise_tracking(tracking_no)
    candidates = bundled() if among is None else among
    return [c for c in candidates if fits(c.code, number)]


def recognised(tracking_no: str, among: Sequence[Carrier] | None = None) -> Carrier | None:
    """The one carrier among `among` (the bundled ones by default) that `tracking_no` is
    from, or None when its shape does not say: it starts with a carrier's own prefix, or
    fits the format of no other carrier this app knows. "Fits only one of the offered
    carriers" is not enough: a 中通 number also fits 圆通's wider shape, and a list that
    offers 圆通 but not 中通 must not turn it into a 圆通 parcel."""
    everywhere = carriers_fitting(tracking_no, [*bundled(), *(among or ())])
    codes = {carrier.code for carrier in everywhere}
    if len(codes) != 1:
        return None
    return next((c for c in (bundled() if among is None else among) if c.code in codes), None)


def unchecked_note(carrier_code: str) -> str | None:
    """MSG_NOT_CHECKED when no number format is known for this carrier, else None."""
    return MSG_NOT_CHECKED if carrier_code.strip() and known(carrier_code) is None else None


def available(session: Session) -> list[Carrier]:
    """The carriers to choose from: the platform's list as last fetched, with the bundled
    format of each carrier it knows; the bundled carriers when the list was never fetched."""
    companies = platform_lists.logistics_companies(session)
    if not companies:
        return list(bundled())
    chosen = []
    for company in companies:
        code, name = company.code, company.name
        carrier = known(code)
        pattern, example = (carrier.pattern, carrier.example) if carrier else ("", "")
        chosen.append(Carrier(code, name, pattern, example, carrier.recognised_by if carrier else ()))
    return chosen


def find(session: Session, code_or_name: str) -> Carrier | None:
    """The carrier a person or a spreadsheet means: by its code (any case), its name, or
    a name people write for it (顺丰, 中通快递股份有限公司, J&T, 邮政…; see `written_codes`).
    Only a carrier the platform offers (or, before the first fetch, a bundled one) is found."""
    wanted = code_or_name.strip()
    if not wanted:
        return None
    offered = available(session)
    usable = (*offered, *bundled())  # the platform's own entry first, with its words
    for carrier in usable:
        if carrier.code.lower() == wanted.lower() or carrier.name == wanted:
            return carrier
    extra = tuple((carrier.code, (carrier.name,)) for carrier in offered)
    by_code = {carrier.code: carrier for carrier in reversed(usable)}
    return next((by_code[code] for code in written_codes(wanted, extra) if code in by_code), None)


# --- the names people write ----------------------------------------------------------------------
# Compared without these endings: "中通快递股份有限公司" is 中通快递, and then 中通. Freight
# arms (顺丰快运, 中通快运) are other companies, so 快运 is never dropped.
_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "coltd", "ltd", "inc")
_SERVICE_WORDS = ("快递", "速运", "速递", "物流", "包裹", "express", "logistics")
_NAME_PUNCTUATION = re.compile(r"[\s\-_.,，·•()（）\[\]【】/、]")


def _without_endings(key: str, endings: tuple[str, ...]) -> str:
    stripped = True
    while stripped:
        stripped = False
        for ending in endings:
            if key.endswith(ending) and len(key) > len(ending):
                key, stripped = key[: -len(ending)], True
    return key


@lru_cache(maxsize=4096)  # a file names few carriers, many times
def name_keys(text: str) -> tuple[str, str, str]:
    """A carrier name compared three ways, strictest first: as written (no spaces,
    punctuation or case), without its legal form, and without service words too."""
    key = _NAME_PUNCTUATION.sub("", unicodedata.normalize("NFKC", text).casefold())
    legal = _without_endings(key, _LEGAL_FORMS)
    return key, legal, _without_endings(legal, _SERVICE_WORDS)


@cache
def _written_names() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(code, names) from carriers.json, the carriers with no format check first (so
    邮政 is 邮政快递包裹 where the platform offers it, EMS only where it does not)."""
    raw = json.loads(CARRIERS_FILE.read_text(encoding="utf-8"))
    entries = [*raw.get("other_carriers", {}).get("carriers", []), *raw["carriers"]]
    return tuple(
        (str(e["code"]), (str(e["code"]), str(e["name"]), *map(str, e.get("written", ())))) for e in entries
    )


def carrier_name(code: str) -> str:
    """The name carriers.json gives a carrier code, or "" when it names none."""
    return next((names[1] for listed, names in _written_names() if listed == code), "")


def written_codes(text: str, extra: Sequence[tuple[str, Sequence[str]]] = ()) -> list[str]:
    """The carrier codes a written name may mean, preferred first (usually one): the
    strictest comparison that matches anything decides. `extra` adds (code, names) pairs,
    e.g. the platform's list."""
    keys = name_keys(text)
    table = (*_written_names(), *extra)
    for level in range(len(keys)):
        codes = [code for code, names in table if any(name_keys(n)[level] == keys[level] for n in names)]
        if codes:
            return list(dict.fromkeys(codes))
    return []
