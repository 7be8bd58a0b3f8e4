"""The shop's clock: which day and which hour an instant is, in the shop's time zone.

Owns the one definition of shop time. The app stores instants as UTC seconds; people,
the platform's rules (cut-offs, "the day after delivery", a daily refund limit) and the
platform's wall-time texts count in the shop's zone, Asia/Shanghai: Douyin shops run on
Beijing time. The zone comes from the tz database (`zoneinfo`; the `tzdata` package
brings it to Windows, which has none), never from a hand-made +8 hour offset, so there
is one definition and a second platform's zone fits beside it. A rule set names its
own zone (`rules.ShippingRules.tz`): every function takes the zone as its last,
optional argument, the shop's by default.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

SHOP_ZONE_NAME = "Asia/Shanghai"
DAY_S = 86_400


def zone(name: str) -> ZoneInfo:
    """The time zone called `name` ("Asia/Shanghai"); ValueError if the tz database lacks it."""
    try:
        return ZoneInfo(name)  # ZoneInfo caches its instances by name
    except (ZoneInfoNotFoundError, ValueError) as exc:
        # Windows has no system time zone database: the tzdata package provides it.
        raise ValueError(f"{name!r} is not a known time zone") from exc


SHOP_TZ = zone(SHOP_ZONE_NAME)


def datetime_of(instant: float, tz: tzinfo = SHOP_TZ) -> datetime:
    """UTC seconds as the shop's wall time (an aware datetime)."""
    return datetime.fromtimestamp(instant, tz)


def date_of(instant: float, tz: tzinfo = SHOP_TZ) -> date:
    """The shop's calendar day that contains the instant."""
    return datetime.fromtimestamp(instant, tz).date()


def iso(instant: float, tz: tzinfo = SHOP_TZ) -> str:
    """UTC seconds as ISO 8601 in the shop's zone: "2026-11-22T14:32:05+08:00"."""
    return datetime.fromtimestamp(instant, tz).isoformat()


def midnight(day: date, tz: tzinfo = SHOP_TZ) -> int:
    """UTC seconds of 00:00 in the shop's zone on `day`."""
    return int(datetime(day.year, day.month, day.day, tzinfo=tz).timestamp())


def day_bounds(instant: float, tz: tzinfo = SHOP_TZ) -> tuple[int, int]:
    """The shop day that contains the instant, as [start, end) in UTC seconds (00:00 to 00:00)."""
    day = date_of(instant, tz)
    return midnight(day, tz), midnight(day + timedelta(days=1), tz)


def from_wall_time(wall: datetime, tz: tzinfo = SHOP_TZ) -> int:
    """A naive wall-clock time read in the shop's zone (the platform's "2026-11-22 14:32:05"),
    as UTC seconds."""
    return int(wall.replace(tzinfo=tz).timestamp())
