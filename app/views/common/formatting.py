"""How numbers, times and deadlines read on every screen.

Owns the display of money (integer minor units in their currency: fen as ¥1,234.50, cents
as $12.99), instants (UTC seconds shown in
the shop's time zone) and ship-by countdowns ("2h 13m", "overdue 1h 05m") with
their urgency, plus relative ages ("2 min ago"), platform codes' labels, the
services' rule texts and the sync's problems. Words go through Qt's translation
(context "formatting") so they follow the chosen language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, tzinfo
from enum import IntEnum

from PySide6.QtCore import QCoreApplication

from app.core import problem_words
from app.core.money import CNY, CURRENCY_SYMBOLS, money_text
from app.core.shop_time import SHOP_TZ, datetime_of

MINUTE = 60
HOUR = 3600
DAY = 24 * HOUR
URGENT_WITHIN_S = 4 * HOUR
SOON_WITHIN_S = 12 * HOUR


def currency_symbol(currency: str) -> str:
    """What an amount of `currency` is shown with: "¥", "$", or the code itself ("MYR")."""
    return CURRENCY_SYMBOLS.get(currency, currency)


def money(fen: int, currency: str = CNY) -> str:
    """An amount in minor units of `currency` (fen of CNY by default) as "¥1,234.50",
    "$12.99", "JP¥2,980", "MYR 12.50" (app/core/money.money_text)."""
    return money_text(fen, currency)


def shop_time(instant: int | None, *, with_year: bool = True, tz: tzinfo = SHOP_TZ) -> str:
    """`instant` on the shop's clock (`tz`: a shop whose rule set keeps another, TikTok Shop's)."""
    if instant is None:
        return ""
    moment = datetime_of(instant, tz)
    return moment.strftime("%Y-%m-%d %H:%M" if with_year else "%m-%d %H:%M")


def now_utc() -> int:
    return int(datetime.now(UTC).timestamp())


class Urgency(IntEnum):
    LATER = 0
    SOON = 1  # due within 12 h
    URGENT = 2  # due within 4 h
    OVERDUE = 3


def urgency(seconds_left: int) -> Urgency:
    if seconds_left < 0:
        return Urgency.OVERDUE
    if seconds_left < URGENT_WITHIN_S:
        return Urgency.URGENT
    if seconds_left < SOON_WITHIN_S:
        return Urgency.SOON
    return Urgency.LATER


def duration(seconds: int) -> str:
    """A short duration: "2d 04h", "2h 13m", "13m"; minutes round down."""
    seconds = max(0, seconds)
    days, rest = divmod(seconds, DAY)
    hours, rest = divmod(rest, HOUR)
    minutes = rest // MINUTE
    if days:
        return QCoreApplication.translate("formatting", "{days}d {hours:02d}h").format(days=days, hours=hours)
    if hours:
        return QCoreApplication.translate("formatting", "{hours}h {minutes:02d}m").format(
            hours=hours, minutes=minutes
        )
    return QCoreApplication.translate("formatting", "{minutes}m").format(minutes=minutes)


def countdown(ship_by: int, now: int) -> str:
    """Time left to ship, or how late the order already is."""
    left = ship_by - now
    if left < 0:
        return QCoreApplication.translate("formatting", "overdue {duration}").format(duration=duration(-left))
    return duration(left)


def age(instant: int, now: int, tz: tzinfo = SHOP_TZ) -> str:
    """How long ago, in the words of a status line: "just now", "2 min ago"; a day or more
    ago, the instant on the shop's clock `tz`."""
    seconds = max(0, now - instant)
    if seconds < MINUTE:
        return QCoreApplication.translate("formatting", "just now")
    if seconds < HOUR:
        return QCoreApplication.translate("formatting", "{minutes} min ago").format(minutes=seconds // MINUTE)
    if seconds < DAY:
        return QCoreApplication.translate("formatting", "{hours} h ago").format(hours=seconds // HOUR)
    return shop_time(instant, tz=tz)


def word_label(table: Mapping[str, str], word: str | None) -> str:
    """The label of one of the app's words (`app/core/vocabulary.py`: a request's kind or
    state, an order's state) from its table there, translated (context "vocabulary");
    the word itself when the table does not know it, "—" for none."""
    source = table.get(word) if word else None
    return QCoreApplication.translate("vocabulary", source) if source else (word or "—")


def refunds_text(source: str, params: Sequence[tuple[str, str]] = ()) -> str:
    """A rule or suggestion text of the services (context "refunds") in the person's language."""
    values = {
        name: QCoreApplication.translate("refunds", value) if name == "tier_text" else value
        for name, value in params
    }
    words = QCoreApplication.translate("refunds", source)
    try:
        return words.format(**values)
    except (KeyError, IndexError, ValueError):
        return source.format(**values)


def problem_text(problem: str) -> str:
    """A problem's plain words (English source, context "sync", perhaps carrying values such
    as the internet address the platform saw: app/core/problem_words.py) in the person's
    language; "" for none."""
    if not problem:
        return ""
    return problem_words.words(problem, lambda source: QCoreApplication.translate("sync", source))
