"""How the dashboard's charts measure: dates in shop time, round tops, whole counts.

Owns `ShopDateAxis`, a pyqtgraph date axis that reads in the shop's time zone with
numeric labels ("11-05", "14:00") the same in every language and, over weeks, ticks at
shop midnights every 1, 2, 7 (Mondays) or 14 days as the width allows; `round_up`,
the round number a chart's top is set to (so small changes leave the axis, and its
cached drawing, alone); and `whole_step`, the tick step of a count (no halves).
"""

from __future__ import annotations

from datetime import datetime, tzinfo

import numpy as np
import pyqtgraph as pg

from app.core.shop_time import SHOP_TZ, datetime_of

DAY_S = 86_400
LABEL_WIDTH_PX = 44  # an "11-05" label and the gap after it


def whole_step(span: float) -> float:
    """A whole tick step giving about four ticks over `span`: 1, 2, 5, 10, 20…"""
    rough = max(1.0, span / 4)
    magnitude = 10 ** int(np.floor(np.log10(rough)))
    return float(next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= rough))


def round_up(value: float) -> float:
    """The next round number at or above `value`: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ."""
    magnitude = 10 ** np.floor(np.log10(value)) if value > 0 else 1.0
    return float(
        next(m * magnitude for m in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if m * magnitude >= value)
    )


class ShopDateAxis(pg.DateAxisItem):
    """A date axis in shop time with numeric labels ("11-05", "14:00"), the same in every
    language (pyqtgraph's month names are English only)."""

    def __init__(self, tz: tzinfo = SHOP_TZ) -> None:
        """`tz`: the shop's clock (its rule set's)."""
        self._tz = tz
        offset = datetime.now(tz).utcoffset()
        # pyqtgraph counts the offset west of UTC, as time.timezone does.
        super().__init__(orientation="bottom", utcOffset=-int(offset.total_seconds()) if offset else 0)

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N803 - Qt's names
        """Ticks at shop midnights, every 1, 2, 7 or 14 days as the width allows (pyqtgraph
        labels only month starts over 90 days); hours are pyqtgraph's own."""
        span = maxVal - minVal
        if span < 3 * DAY_S:
            return super().tickValues(minVal, maxVal, size)
        fits = max(2, int(size / LABEL_WIDTH_PX))
        step = next((days for days in (1, 2, 7, 14, 28) if span / (days * DAY_S) <= fits), 56) * DAY_S
        offset = int(datetime.now(self._tz).utcoffset().total_seconds())  # type: ignore[union-attr]
        # A shop midnight; weekly steps fall on Mondays (4 days after the epoch's Thursday).
        base = offset - 4 * DAY_S
        first = (int(minVal) + base + step - 1) // step * step - base
        return [(float(step), [float(t) for t in range(first, int(maxVal) + 1, step)])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        labels = []
        for value in values:
            moment = datetime_of(value, self._tz)
            midnight = moment.hour == 0 and moment.minute == 0
            labels.append(moment.strftime("%m-%d" if spacing >= DAY_S or midnight else "%H:%M"))
        return labels
