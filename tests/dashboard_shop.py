"""A small shop for the dashboard tests, with figures that can be checked by hand.

Times are hours before a chosen `now` (the view's clock in most tests, the real clock
for the main-window tests), so every row falls in the dashboard's default window of
the last 30 days. Orders go in through the sync's upsert and requests through its
ingest, one call per pull (tests/metric_shop.py), exactly as the app stores them.

The figures over the window:
- four orders due: on time (shipped 24 h after payment, picked up at 25 h), late
  (shipped 29 h after payment, 2 h past its promise, no pickup scan), never shipped
  (73 h past its promise), on time (picked up 24 h after payment): late rate 2 of 4,
  past the 10% limit; ship time (25 + 29 + 24) / 3 = 26.0 h.
- three requests, all "refund only (shipped)": refused 6 h after applying; agreed by
  the platform at its 48 h deadline (one timeout approval; refunded 48 h after
  applying); one still waiting for the merchant (in the refund queue). Review time
  (6 + 48) / 2 = 27.0 h, refund duration 48.0 h, rejection rate 1 of 2.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from tests.metric_shop import HOUR, S, a_request, an_order, moved, pull, seed_orders

Pair = tuple[dict[str, Any], dict[str, Any]]


def seed_dashboard_shop(sessions: sessionmaker[Session], now: int) -> dict[str, Any]:
    """The shop above; returns its orders (order, line) and requests by name."""
    paid = {"on_time": now - 200 * HOUR, "late": now - 150 * HOUR, "unshipped": now - 100 * HOUR}
    paid["fine"] = now - 40 * HOUR
    orders: dict[str, Pair] = {
        "on_time": an_order(
            paid=paid["on_time"],
            ship_by=paid["on_time"] + 26 * HOUR,
            shipped=paid["on_time"] + 24 * HOUR,
            picked_up=paid["on_time"] + 25 * HOUR,
        ),
        "late": an_order(
            paid=paid["late"], ship_by=paid["late"] + 27 * HOUR, shipped=paid["late"] + 29 * HOUR
        ),
        "unshipped": an_order(paid=paid["unshipped"], ship_by=paid["unshipped"] + 27 * HOUR),
        "fine": an_order(
            paid=paid["fine"],
            ship_by=paid["fine"] + 27 * HOUR,
            shipped=paid["fine"] + 23 * HOUR,
            picked_up=paid["fine"] + 24 * HOUR,
        ),
    }
    seed_orders(sessions, orders.values())
    refused_at, timeout_at = now - 120 * HOUR, now - 110 * HOUR
    requests = {
        "refused": a_request(orders["on_time"], applied=refused_at),
        "timed_out": a_request(orders["on_time"], applied=timeout_at),
        "open": a_request(orders["late"], applied=now - 5 * HOUR),
    }
    pull(sessions, *requests.values())
    pull(sessions, moved(requests["refused"], S.MERCHANT_REFUSED, refused_at + 6 * HOUR))
    pull(sessions, moved(requests["timed_out"], S.REFUNDED, timeout_at + 48 * HOUR))
    return {"orders": orders, "requests": requests}


def order_id(shop: dict[str, Any], name: str) -> str:
    return shop["orders"][name][0]["order_id"]


def request_id(shop: dict[str, Any], name: str) -> str:
    return shop["requests"][name]["aftersale_id"]


def on_time_orders(now: int, count: int, *, hours_ago: int = 30) -> list[Pair]:
    """`count` orders due `hours_ago` before `now`, shipped an hour before their promise."""
    paid = now - (hours_ago + 24) * HOUR
    return [
        an_order(paid=paid, ship_by=paid + 24 * HOUR, shipped=paid + 23 * HOUR, picked_up=paid + 23 * HOUR)
        for _ in range(count)
    ]


def late_orders(now: int, count: int, *, hours_ago: int = 30) -> list[Pair]:
    """`count` orders due `hours_ago` before `now`, never shipped."""
    paid = now - (hours_ago + 24) * HOUR
    return [an_order(paid=paid, ship_by=paid + 24 * HOUR) for _ in range(count)]
