"""The facts a rule reads about requests, made in bulk from the mirror, as of a moment.

Owns `facts_for()`: for many requests at once (a page of new requests, or ninety days
for a dry run), a few set-based queries — the orders (shipped? picked up? which
buyer?), their lines (which products), and the buyer's other requests — then one
`Facts` per request as of the moment it is judged at. The live evaluation judges a
request now; the dry run judges a past one at the moment it came to wait for the shop.
Both use this one function, so the same request at the same moment has the same facts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Executable, select
from sqlalchemy.orm import Session

from app.core.vocabulary import RequestState
from app.models import AfterSale, Order, OrderLine, OrderLogistics
from app.services.automation.conditions import Facts

HISTORY_S = 90 * 86400  # how far back the buyer's earlier requests are counted
REFUSED_STATES = (RequestState.REFUSED, RequestState.REFUSED_AFTER_RETURN)
_CHUNK = 2_000  # ids per IN list (SQLite since 3.32 takes 32,766 parameters)


@dataclass(frozen=True)
class Subject:
    """A request to judge, at `moment`, against the deadline it had then."""

    aftersale_id: str
    order_id: str
    kind: str | None
    reason: str
    amount_fen: int
    product_name: str
    apply_time: int
    moment: int
    deadline: int | None


def subject_now(request: AfterSale, now: int) -> Subject:
    """A request of the mirror as it stands now (the live evaluation's view of it)."""
    return Subject(
        request.aftersale_id,
        request.order_id,
        request.kind,
        request.reason_text,
        request.refund_amount,
        request.product_name,
        request.apply_time,
        now,
        request.status_deadline,
    )


def rows_of(session: Session, statement: Executable) -> list[Any]:
    """Plain rows of a bulk read, through the session's connection (its transaction) without
    the ORM's per-row work: tens of thousands of rows for a dry run."""
    return list(session.connection().execute(statement).all())


def _chunks(ids: Sequence[str]) -> Iterator[list[str]]:
    unique = sorted(set(ids))
    for start in range(0, len(unique), _CHUNK):
        yield unique[start : start + _CHUNK]


def facts_for(session: Session, subjects: Sequence[Subject], platform: str) -> list[Facts]:
    """One `Facts` per subject, in the same order."""
    order_ids = [s.order_id for s in subjects]
    orders: dict[str, tuple[int | None, int | None, str]] = {}
    products: dict[str, list[tuple[str, str]]] = defaultdict(list)
    picked: dict[str, int] = {}
    for chunk in _chunks(order_ids):
        for order_id, ship_time, pickup_time, buyer_id in rows_of(
            session,
            select(Order.order_id, Order.ship_time, Order.pickup_time, Order.buyer_id).where(
                Order.order_id.in_(chunk)
            ),
        ):
            orders[order_id] = (ship_time, pickup_time, buyer_id or "")
        for order_id, product_id, name in rows_of(
            session,
            select(OrderLine.order_id, OrderLine.product_id, OrderLine.product_name).where(
                OrderLine.order_id.in_(chunk)
            ),
        ):
            products[order_id].append((product_id, name))
        for order_id, pickup_time in rows_of(
            session,
            select(OrderLogistics.order_id, OrderLogistics.pickup_time).where(
                OrderLogistics.order_id.in_(chunk), OrderLogistics.pickup_time.is_not(None)
            ),
        ):
            if pickup_time is not None:
                picked[order_id] = min(pickup_time, picked.get(order_id, pickup_time))
    history = _buyer_history(session, {buyer for _, _, buyer in orders.values() if buyer})
    return [
        _facts(s, platform, orders.get(s.order_id), products[s.order_id], picked, history) for s in subjects
    ]


def _buyer_history(session: Session, buyers: set[str]) -> dict[str, list[tuple[int, str, bool]]]:
    """Each buyer's requests: (applied at, request id, refused)."""
    history: dict[str, list[tuple[int, str, bool]]] = defaultdict(list)
    for chunk in _chunks(list(buyers)):
        rows = rows_of(
            session,
            select(Order.buyer_id, AfterSale.apply_time, AfterSale.aftersale_id, AfterSale.state)
            .join(Order, Order.order_id == AfterSale.order_id)
            .where(Order.buyer_id.in_(chunk)),
        )
        for buyer, applied, aftersale_id, state in rows:
            history[buyer].append((applied, aftersale_id, state in REFUSED_STATES))
    return history


def _facts(
    s: Subject,
    platform: str,
    order: tuple[int | None, int | None, str] | None,
    lines: list[tuple[str, str]],
    picked: dict[str, int],
    history: dict[str, list[tuple[int, str, bool]]],
) -> Facts:
    ship_time, pickup_time, buyer = order if order is not None else (None, None, "")
    parcel_pickup = picked.get(s.order_id)
    pickups = [t for t in (pickup_time, parcel_pickup) if t is not None]
    earlier = [
        refused
        for applied, other, refused in history.get(buyer, ())
        if other != s.aftersale_id and s.apply_time - HISTORY_S <= applied < s.apply_time
    ]
    return Facts(
        aftersale_id=s.aftersale_id,
        platform=platform,
        kind=s.kind,
        reason=s.reason,
        amount_fen=s.amount_fen,
        product_names=(s.product_name, *(name for _, name in lines)),
        product_ids=tuple(product_id for product_id, _ in lines if product_id),
        shipped=ship_time is not None and ship_time <= s.moment,
        picked_up=any(t <= s.moment for t in pickups),
        buyer_requests=len(earlier),
        buyer_refusals=sum(earlier),
        seconds_left=None if s.deadline is None else s.deadline - s.moment,
    )
