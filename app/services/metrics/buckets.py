"""How the service metrics are grouped into buckets: the window's buckets and the SQL that
counts per bucket.

Owns `Window` (the scope counted over, its buckets of a shop day or an hour on the rule set's
clock, one UTC offset over the window: `utc_offset_s`), the aggregates a figure is made of
(`COUNT`, `COMPENSATED`, `summed`), `grouped_by_bucket` (one GROUP BY bucket query over a
source of `queries.py`) and the figures built from its counts (`rate_of`, `average_hours`,
`total_of`). `service_metrics.py` says which figure counts what.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import reduce
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Select, case, func, literal_column, select
from sqlalchemy.orm import Session

from app.core import shop_time
from app.db import computed_once
from app.services.metrics import queries as q
from app.services.metrics.definitions import MetricResult
from app.services.rules import HOUR_S, RuleSet

BUCKET_SECONDS = {"day": 24 * HOUR_S, "hour": HOUR_S}


def utc_offset_s(rules: RuleSet, start: int, end: int) -> int:
    """The shop's offset from UTC over the window; one offset, or bucketing would lie."""
    tz = rules.shipping.tz
    offsets = {shop_time.datetime_of(t, tz).utcoffset() for t in (start, max(start, end - 1))}
    if len(offsets) != 1:
        raise ValueError(f"{rules.shipping.time_zone} changes its offset inside the window")
    offset = offsets.pop()
    return int(offset.total_seconds()) if offset else 0


def bucket_column(t: ColumnElement[int], size: int, offset: int) -> ColumnElement[int]:
    # Literal numbers, not parameters: PostgreSQL must see the GROUP BY expression and
    # the selected one as the same.
    return q.bucket_of(t, literal_column(str(size), BigInteger), literal_column(str(offset), BigInteger))


@dataclass(frozen=True, slots=True)
class Aggregate:
    columns: tuple[str, ...]  # the source's columns it reads
    build: Callable[[Any], Any]  # subquery -> SQL aggregate


COUNT = Aggregate((), lambda rows: func.count())


# Orders whose lateness costs something (a late order in a band where it is free does not).
COMPENSATED = Aggregate(
    ("compensation_fen",), lambda rows: func.sum(case((rows.c.compensation_fen > 0, 1), else_=0))
)


def summed(*columns: str) -> Aggregate:
    """SUM of the product of `columns` (a 0/1 flag times a duration sums the flagged)."""
    return Aggregate(columns, lambda rows: func.sum(reduce(operator.mul, (rows.c[c] for c in columns))))


def grouped_by_bucket(
    session: Session, source: Select, size: int, offset: int, *aggregates: Aggregate, by: str = ""
) -> dict[Any, tuple[int, ...]]:
    """`aggregates` of `source` per bucket (and per column `by`), as ints."""
    needed = {"moment", by, *(c for aggregate in aggregates for c in aggregate.columns)}
    # Only what is summed: the rest (ids for the drill-down) would cost reading the rows.
    source = source.with_only_columns(*(c for c in source.selected_columns if c.name in needed))
    rows = computed_once(session, source).subquery()
    bucket = bucket_column(rows.c.moment, size, offset)
    keys = [bucket, rows.c[by]] if by else [bucket]
    statement = select(*keys, *(aggregate.build(rows) for aggregate in aggregates)).group_by(*keys)
    width = len(keys)
    return {
        (tuple(row[:width]) if by else row[0]): tuple(int(v or 0) for v in row[width:])
        for row in session.execute(statement)
    }


def rate_of(key: str, buckets: tuple[int, ...], counts: dict[int, tuple[int, int]]) -> MetricResult:
    """counts: bucket -> (numerator, denominator)."""
    num = sum(n for n, _ in counts.values())
    den = sum(d for _, d in counts.values())
    return MetricResult(
        key,
        num / den if den else None,
        {b: (counts[b][0] / counts[b][1] if counts.get(b, (0, 0))[1] else None) for b in buckets},
        count=den,
        numerator=num,
        denominator=den,
        series_counts={b: counts.get(b, (0, 0)) for b in buckets},
    )


def average_hours(key: str, buckets: tuple[int, ...], sums: Mapping[int, tuple[int, ...]]) -> MetricResult:
    """sums: bucket -> (rows, total seconds)."""
    count = sum(n for n, _ in sums.values())
    total = sum(s for _, s in sums.values())
    series = {b: (sums[b][1] / sums[b][0] / HOUR_S if b in sums and sums[b][0] else None) for b in buckets}
    return MetricResult(key, total / count / HOUR_S if count else None, series, count=count)


def total_of(key: str, buckets: tuple[int, ...], values: dict[int, int], count: int) -> MetricResult:
    return MetricResult(key, sum(values.values()), {b: values.get(b, 0) for b in buckets}, count=count)


@dataclass(frozen=True, slots=True)
class Window:
    """What the figures are counted over: the scope, its buckets, and how to group by them."""

    session: Session
    scope: q.Scope
    size: int  # a bucket's length in seconds
    offset: int  # the shop's offset from UTC over the window
    buckets: tuple[int, ...]  # the start of every bucket, empty ones too

    @classmethod
    def of(cls, session: Session, scope: q.Scope, bucket: str) -> Window:
        size, offset = BUCKET_SECONDS[bucket], utc_offset_s(scope.rules, scope.start, scope.end)
        first, last = ((t + offset) // size * size - offset for t in (scope.start, scope.end - 1))
        return cls(session, scope, size, offset, tuple(range(first, last + 1, size)))

    def grouped(self, source: Select, *aggregates: Aggregate, by: str = "") -> dict[Any, tuple[int, ...]]:
        return grouped_by_bucket(self.session, source, self.size, self.offset, *aggregates, by=by)
