"""The most urgent refund requests and shipments of every shop on the desk, in one list.

Owns `DueItem` (one thing a person must do by a deadline, with the shop it belongs to)
and the reading of them: `shop_due_soon` asks one shop's database with the services that
already own the answers (the refund queue's `list_queue_keys`/`queue_rows`, the shipping
board's `list_board`, each with the shop's own rule set), so the deadlines here are
exactly the ones the queue and the board show; `due_soon` reads each shop in turn and
merges them soonest first, with how many each shop has due (the shop switcher's
figure). Each shop keeps its own database, so nothing is joined in SQL across shops.
No Qt: the screen calls `due_soon` off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from app.core.money import CNY
from app.services.refunds.queue import list_queue_keys, queue_rows
from app.services.rule_history.shop_sets import shop_rules_in_force
from app.services.rules import HOUR_S, RuleSet
from app.services.shipping.board import list_board

REFUND = "refund"
SHIPMENT = "shipment"
# "Due soon": overdue, or due within this window (the refund queue's widest urgency, 24 h).
DUE_SOON_S = 24 * HOUR_S
DEFAULT_LIMIT = 50


@dataclass(frozen=True, slots=True)
class DueItem:
    """One refund request to decide or one order to ship, by `due_at` (UTC seconds)."""

    shop_key: str
    kind: str  # REFUND or SHIPMENT
    entity_id: str  # the request's id, or the order's
    order_id: str
    due_at: int
    amount: int  # minor units: the refund asked for, or the order's paid amount
    what: str  # the product (a request) or the items to pick (an order), for the eye
    currency: str = CNY  # of `amount` ("USD": cents)
    # The rule set behind the deadline: a request's of its application, an order's of its
    # payment (`RuleSet.at`); the screen names it beside the time.
    rule_set: str = ""

    def seconds_left(self, now: int) -> int:
        return self.due_at - now


@dataclass(frozen=True, slots=True)
class ShopSource:
    """Where one shop's due work is read: its key, its database, its platform's rules."""

    key: str
    sessions: sessionmaker[Session]
    rules: RuleSet


def shop_due_soon(
    session: Session,
    shop_key: str,
    *,
    now: int,
    rules: RuleSet,
    within_s: int = DUE_SOON_S,
    limit: int = DEFAULT_LIMIT,
) -> tuple[list[DueItem], int]:
    """The shop's requests waiting for it and orders waiting to ship that are overdue or
    due within `within_s`: the soonest `limit` of each kind, soonest first, and how many
    there are in all. A request or an order whose answer is already waiting to be sent (a
    decision, a shipment) is left out: the person has done their part."""
    keys = list_queue_keys(session, now=now, rules=rules, sort="deadline")  # soonest first
    due_ids = [key.aftersale_id for key in keys if not key.pending and key.status_deadline - now <= within_s]
    count = len(due_ids)
    items = [
        DueItem(
            shop_key,
            REFUND,
            row.aftersale_id,
            row.order_id,
            row.status_deadline,
            row.refund_amount,
            row.product_name,
            row.currency,
            row.rule_set,
        )  # fmt: skip
        for row in queue_rows(session, due_ids[:limit], now=now, rules=rules)
    ]
    shipments = 0
    for order in list_board(session, now=now, rules=rules):  # soonest ship-by first
        if order.ship_by - now > within_s:
            break
        if order.pending_tracking:
            continue
        count += 1
        if shipments < limit:
            items.append(
                DueItem(
                    shop_key,
                    SHIPMENT,
                    order.order_id,
                    order.order_id,
                    order.ship_by,
                    order.pay_amount,
                    order.items,
                    order.currency,
                    rules.at(order.pay_time).rule_set,
                )  # fmt: skip
            )
            shipments += 1
    return sorted(items, key=_urgency), count


def _urgency(item: DueItem) -> tuple[int, str, str, str]:
    return (item.due_at, item.shop_key, item.kind, item.entity_id)


def merged(per_shop: Iterable[Sequence[DueItem]], limit: int = DEFAULT_LIMIT) -> list[DueItem]:
    """Every shop's items in one list, soonest first (ties: by shop, kind, id), at most `limit`."""
    return sorted((item for items in per_shop for item in items), key=_urgency)[:limit]


def due_soon(
    shops: Sequence[ShopSource], *, now: int, within_s: int = DUE_SOON_S, limit: int = DEFAULT_LIMIT
) -> tuple[list[DueItem], dict[str, int]]:
    """The most urgent items across `shops` (at most `limit`) and how many each shop has
    due in all (blocks on every shop's database in turn: call it off the GUI thread). A
    shop whose database cannot be read is left out of the list (its count is -1) rather
    than hiding the rest."""
    per_shop: list[list[DueItem]] = []
    tally: dict[str, int] = {}
    for shop in shops:
        try:
            with shop.sessions() as session:
                items, count = shop_due_soon(
                    session, shop.key, now=now, rules=shop.rules, within_s=within_s, limit=limit
                )
        except Exception:  # noqa: BLE001 - one shop's trouble must not hide the others' deadlines
            tally[shop.key] = -1
            continue
        per_shop.append(items)
        tally[shop.key] = count
    return merged(per_shop, limit), tally


def shop_source(key: str, sessions: sessionmaker[Session], platform: str) -> ShopSource:
    """The shop as `due_soon` reads it, with its platform's rule set (deadlines differ)."""
    return ShopSource(key, sessions, shop_rules_in_force(sessions, platform))
