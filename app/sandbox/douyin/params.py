"""What every business route of the dialect reads its request with (PLATFORM-PROTOCOL.md §4-§6).

Owns the route's context (`Context`: the store, the simulated clock, the platform, the
shop), the answer spliced in unparsed (`Raw`), and the parameter rules the routes share:
integers and required strings refused in the platform's words, paging limits, and the
90-day window of a time range, which becomes the SQL conditions of a list query.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.sandbox.clock import DAY, HOUR, SimClock
from app.sandbox.douyin.dialect import invalid, missing
from app.sandbox.douyin.platform import Platform
from app.sandbox.douyin.store import Store

MAX_PAGE_SIZE = 100
MAX_PAGE_DEPTH = 50_000
HISTORY_WINDOW_S = 90 * DAY + HOUR  # 90 days, plus an hour of grace for clients' clocks


class Raw(str):
    """A JSON text to splice into the envelope as `data` without re-encoding."""


@dataclass
class Context:
    store: Store
    clock: SimClock
    platform: Platform
    shop_id: str
    shop_name: str


def int_param(
    params: dict[str, Any], name: str, default: int | None = None, *, required: bool = False
) -> int | None:
    value = params.get(name)
    if value is None or value == "":
        if required:
            raise missing(name)
        return default
    if isinstance(value, bool) or not (
        isinstance(value, int) or (isinstance(value, str) and value.lstrip("-").isdigit())
    ):
        raise invalid(f"参数 {name} 必须是整数")
    return int(value)


def str_param(params: dict[str, Any], name: str) -> str:
    value = params.get(name)
    if value is None or value == "":
        raise missing(name)
    return str(value)


def paging(params: dict[str, Any]) -> tuple[int, int]:
    page = int_param(params, "page", 0) or 0
    size = int_param(params, "size", 20) or 0
    if size < 1 or size > MAX_PAGE_SIZE:
        raise invalid(f"size 必须在 1 到 {MAX_PAGE_SIZE} 之间")
    if page < 0:
        raise invalid("page 从 0 开始，不能为负数")
    if page * size > MAX_PAGE_DEPTH:
        raise invalid(f"page*size 不能超过 {MAX_PAGE_DEPTH}，请缩小时间范围")
    return page, size


def time_range(
    params: dict[str, Any],
    column: str,
    start_name: str,
    end_name: str,
    now: int,
    where: list[str],
    args: list[Any],
) -> bool:
    start, end = int_param(params, start_name), int_param(params, end_name)
    if start is None and end is None:
        return False
    if start is None:
        raise missing(start_name)
    if start < now - HISTORY_WINDOW_S:
        raise invalid(f"{start_name} 超出可查询范围：只能查询最近90天的数据")
    if end is not None and end < start:
        raise invalid(f"{end_name} 不能早于 {start_name}")
    where.append(f"{column} >= ?")  # both ends inclusive
    args.append(start)
    if end is not None:
        where.append(f"{column} <= ?")
        args.append(end)
    return True


def truthy(value: Any) -> bool:
    return value is True or value in (1, "1", "true", "True")
