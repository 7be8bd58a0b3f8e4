"""The shop's clock (app/core/shop_time.py): days, midnights and wall times in Asia/Shanghai,
and the guard that keeps it the only definition of shop time in the app."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.core import shop_time

APP = Path(__file__).resolve().parents[1] / "app"
BEIJING = timezone(timedelta(hours=8))  # written out by hand: what the tz database must agree with
MIDNIGHT = int(datetime(2026, 11, 22, tzinfo=BEIJING).timestamp())  # 00:00 on 2026-11-22 in the shop


def test_the_shop_day_runs_from_midnight_to_midnight_in_shanghai() -> None:
    assert shop_time.day_bounds(MIDNIGHT) == (MIDNIGHT, MIDNIGHT + 86_400)
    assert shop_time.day_bounds(MIDNIGHT + 86_399) == (MIDNIGHT, MIDNIGHT + 86_400)
    assert shop_time.day_bounds(MIDNIGHT - 1) == (MIDNIGHT - 86_400, MIDNIGHT)


def test_an_instant_reads_as_beijing_wall_time() -> None:
    evening = MIDNIGHT - 1  # 23:59:59 on the 21st in the shop, 15:59:59 in UTC
    assert shop_time.datetime_of(evening).strftime("%Y-%m-%d %H:%M:%S") == "2026-11-21 23:59:59"
    assert shop_time.date_of(evening) == date(2026, 11, 21)
    assert shop_time.date_of(MIDNIGHT) == date(2026, 11, 22)
    assert shop_time.iso(MIDNIGHT + 14 * 3600 + 32 * 60 + 5) == "2026-11-22T14:32:05+08:00"


def test_midnight_of_a_calendar_day_and_a_wall_time_are_utc_seconds() -> None:
    assert shop_time.midnight(date(2026, 11, 22)) == MIDNIGHT
    wall = datetime.strptime("2026-11-22 14:32:05", "%Y-%m-%d %H:%M:%S")
    assert shop_time.from_wall_time(wall) == MIDNIGHT + 14 * 3600 + 32 * 60 + 5


def test_a_rule_set_may_name_another_zone() -> None:
    utc = shop_time.zone("UTC")
    assert shop_time.day_bounds(MIDNIGHT, utc) == (MIDNIGHT - 16 * 3600, MIDNIGHT + 8 * 3600)
    with pytest.raises(ValueError, match="not a known time zone"):
        shop_time.zone("Mars/Olympus_Mons")


# A fixed UTC+8 (timezone(timedelta(hours=8)), 8 * 3600, 28800) or a zone built by name
# outside the clock is a second definition of shop time. The sandbox is the platform's
# stand-in and keeps its own clock on purpose.
SECOND_CLOCK = re.compile(
    r"timedelta\(\s*hours\s*=\s*8\s*\)|\b8\s*\*\s*(?:3600|60\s*\*\s*60|HOUR_S)\b|\b28_?800\b|ZoneInfo\(|Asia/Shanghai\""
)


def test_no_module_but_the_clock_defines_shop_time() -> None:
    offenders = [
        f"{path.relative_to(APP.parent)}:{number}: {line.strip()}"
        for path in sorted(APP.rglob("*.py"))
        if "sandbox" not in path.relative_to(APP).parts and path != APP / "core" / "shop_time.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if SECOND_CLOCK.search(line)
    ]
    assert offenders == [], "use app.core.shop_time instead:\n" + "\n".join(offenders)
