"""A test history of Douyin rule sets: an earlier set, then the shipped one, in a folder of
their own (`resources/rules/<platform>/<name>.json` layout), to show the mechanism without
inventing platform history. The earlier set is the shipped file with the changes below."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from app.core import shop_time
from app.services.rules import RULE_FILES

EARLIER_NAME = "douyin-test-2026-06"
EARLIER_EFFECTIVE = date(2026, 6, 1)
NEWER_EFFECTIVE = date(2026, 12, 7)  # the shipped set's
TZ = shop_time.zone("Asia/Shanghai")  # Douyin's sets take effect at 00:00 Beijing time


def _earlier(raw: dict[str, Any]) -> dict[str, Any]:
    """The test's earlier set: a longer default promise, dearer late shipment, a 15-day
    no-reason window, 72 h to answer a request without the platform's deadline and a looser
    ship-time target than the shipped set."""
    raw["rule_set"], raw["effective"] = EARLIER_NAME, EARLIER_EFFECTIVE.isoformat()
    raw["default_ship_promise_hours"] = 72
    raw["shipping"]["compensation_bands"][1]["late"] = {"percent": 5, "min_fen": 500, "max_fen": 8000}
    raw["after_sales"]["no_reason_window_hours"] = 360
    raw["after_sales"]["status_deadline_fallback_hours"] = 72
    raw["metrics"]["targets"]["ship_time_h"]["target"] = 36
    return raw


def write_history(rules_dir: Path) -> Path:
    """Both sets under `rules_dir/douyin/`; returns `rules_dir`."""
    shipped = RULE_FILES["douyin"].read_text(encoding="utf-8")
    folder = rules_dir / "douyin"
    folder.mkdir(parents=True)
    (folder / "douyin-2026-12.json").write_text(shipped, encoding="utf-8")
    earlier = _earlier(json.loads(shipped))
    (folder / f"{EARLIER_NAME}.json").write_text(json.dumps(earlier, ensure_ascii=False), encoding="utf-8")
    return rules_dir


def at(day: date, hour: int = 0, minute: int = 0, second: int = 0) -> int:
    """UTC seconds of that wall time in Beijing."""
    return shop_time.midnight(day, TZ) + hour * 3600 + minute * 60 + second
