"""The platform's own hand in the TikTok sandbox shop: what happens without the seller.

Owns running every step that has come due on the simulation clock — payment and the end
of the remorse hour, the system cancelling an unpaid order, the carrier's scan,
delivery, completion, the platform approving a return or a cancellation at the seller's
deadline, buyers sending goods back or withdrawing, refunds settling — and the live
traffic (new orders at a Poisson rate, new returns and cancellation requests, the top-up
that keeps urgent work on the desk), and the thread that runs it. It is the dialect's
`ShopPlatform` (app/sandbox/dialects.py). Whatever it changes is stamped with the
simulation now, so a desk polling by `update_time` sees it.
"""

from __future__ import annotations

import logging
import random
from typing import Any

from app.sandbox.clock import DAY, HOUR
from app.sandbox.live import LivePlatform, poisson
from app.sandbox.tiktok import buyers, generator, replacements
from app.sandbox.tiktok import cancellations as cx
from app.sandbox.tiktok import lifecycle as lc
from app.sandbox.tiktok.codes import OrderStatus, ReturnStatus
from app.sandbox.tiktok.store import Store

log = logging.getLogger(__name__)
REQUESTS_PER_ORDER = 0.1  # live returns and cancellation requests per new order, about the history's
# `after_sale_type` of POST /_sandbox/tick (an integer, as the core passes it): which kind to make.
KINDS = ("REFUND", "RETURN_AND_REFUND", "REPLACEMENT", "CANCELLATION")


class Platform(LivePlatform):
    THREAD_NAME = "sandbox-tiktok-live"
    store: Store

    # --- due steps ------------------------------------------------------------------------
    def run_due(self) -> int:
        """Apply every platform step due by now, in due order, chains included; how many."""
        applied = 0
        while True:
            now = self.clock.now()
            store = self.store
            if not any(store.due(table, now, 1) for table in ("orders", "returns", "cancellations")):
                return applied  # a read first: most requests find nothing due
            with store.transaction():
                due = [
                    (at, table, key)
                    for table in ("orders", "returns", "cancellations")
                    for key, at in store.due(table, now)
                ]
                due.sort()
                progressed = sum(self._apply(table, key, at, now) for at, table, key in due)
            applied += progressed
            if not progressed:
                return applied  # nothing left that can move; never spin

    def _apply(self, table: str, key: str, at: int, now: int) -> int:
        store, what, before, to = self.store, None, "", ""
        if table == "orders":
            order = store.order(key)
            if order is None or order.next_at() != at:
                return 0
            before = order.status
            what = lc.run_order_due(order, at)
            if what:
                order.data["update_time"] = now
            store.save_order(order)
            to = order.status
            params: dict[str, Any] = {"due_at": at}
        elif table == "returns":
            ret = store.ret(key)
            if ret is None or ret.next_at() != at:
                return 0
            before = ret.status
            what = lc.run_return_due(ret, at, self.seed)
            if what:
                ret.data["update_time"] = now
            replacements.issue_due(store, ret, now)  # an auto-approved replacement's new order
            store.save_return(ret)
            to = ret.status
            params = {"due_at": at, "order_id": ret.order_id}
        else:
            cancel = store.cancellation(key)
            order = store.order(cancel.order_id) if cancel is not None else None
            if cancel is None or order is None or cancel.next_at() != at:
                return 0
            before = cancel.status
            what = cx.run_cancel_due(cancel, order, at)
            if what:
                cancel.data["update_time"] = now
                order.data["update_time"] = max(order.data["update_time"], now)
            store.save_cancellation(cancel)
            store.save_order(order)
            to = cancel.status
            params = {"due_at": at, "order_id": order.id}
        if not what:
            return 0
        store.ledger_append(now, "platform", f"platform.{what}", key, params, {"from": before, "to": to})
        return 1

    # --- live traffic ---------------------------------------------------------------------------
    def tick(
        self,
        new_orders: int | None = None,
        new_after_sales: int | None = None,
        elapsed_s: float | None = None,
        top_up: bool | None = None,
        after_sale_type: int | None = None,
    ) -> dict[str, Any]:
        """One live-traffic step at the simulation now; explicit counts make it deterministic.

        `new_after_sales` makes returns and cancellation requests; `after_sale_type` picks one
        kind of KINDS (0 REFUND, 1 RETURN_AND_REFUND, 2 REPLACEMENT, 3 CANCELLATION). The
        urgent-work top-up runs by default only when no counts are given.
        """
        if top_up is None:
            top_up = new_orders is None and new_after_sales is None
        kind = (
            KINDS[after_sale_type]
            if after_sale_type is not None and 0 <= after_sale_type < len(KINDS)
            else None
        )
        self.run_due()
        now = self.clock.now()
        made: dict[str, list[str]] = {"orders": [], "returns": [], "cancellations": []}
        with self.store.transaction() as store:
            mint = buyers.IdMint(int(store.meta("seq", 1)))
            ticks = int(store.meta("ticks", 0)) + 1
            store.set_meta("ticks", ticks)
            rng = random.Random(f"{self.seed}/tick/{ticks}")
            rate = float(store.meta("orders_per_hour", 4.5))
            if new_orders is None:
                new_orders = poisson(rng, rate * (elapsed_s or 0) / HOUR)
            if new_after_sales is None:
                new_after_sales = poisson(rng, rate * (elapsed_s or 0) / HOUR * REQUESTS_PER_ORDER)
            for _ in range(new_orders):
                order = buyers.new_order(rng, mint, now, pay_delay_s=rng.randrange(5, 300))
                store.save_order(order)
                store.ledger_append(
                    now, "platform", "platform.buyer_placed_order", order.id, {}, {"to": order.status}
                )
                made["orders"].append(order.id)
            for _ in range(new_after_sales):
                self._new_request(rng, mint, now, kind or rng.choice(KINDS), made)
            if top_up:
                self._top_up(rng, mint, now, made)
            store.set_meta("seq", mint.seq)
        self.run_due()
        return {"now": now, **made, "after_sales": made["returns"] + made["cancellations"]}

    def _new_request(
        self, rng: random.Random, mint: buyers.IdMint, now: int, kind: str, made: dict[str, list[str]]
    ) -> None:
        store = self.store
        if kind == "CANCELLATION":
            candidates = store.ids(
                "SELECT id FROM orders WHERE status = ? "
                "AND json_extract(data, '$.is_buyer_request_cancel') = 0 ORDER BY id",
                (OrderStatus.AWAITING_SHIPMENT.value,),
            )
        else:  # buyers ask about goods they have had: delivered within the last month, none asked yet
            candidates = store.ids(
                "SELECT id FROM orders WHERE status IN (?, ?) AND update_time >= ? "
                "AND id NOT IN (SELECT order_id FROM returns) ORDER BY id",
                (OrderStatus.DELIVERED.value, OrderStatus.COMPLETED.value, now - 30 * DAY),
            )
        if not candidates:
            return
        order = store.order(rng.choice(candidates))
        assert order is not None
        if kind == "CANCELLATION":
            cancel = buyers.open_cancellation(rng, mint, order, now)
            store.save_cancellation(cancel)
            store.save_order(order)
            store.ledger_append(
                now,
                "platform",
                "platform.buyer_requested_cancellation",
                cancel.id,
                {"order_id": order.id},
                {"to": cancel.status},
            )
            made["cancellations"].append(cancel.id)
            return
        ret = buyers.open_return(rng, mint, order, now, kind)
        store.save_return(ret)
        store.ledger_append(
            now,
            "platform",
            "platform.buyer_requested_return",
            ret.id,
            {"order_id": order.id, "type": ret.type},
            {"to": ret.status},
        )
        made["returns"].append(ret.id)

    def _top_up(self, rng: random.Random, mint: buyers.IdMint, now: int, made: dict[str, list[str]]) -> None:
        """Keep two orders due to ship within 4 h and a return due within the hour on the desk."""
        store = self.store
        ship_soon = store.count(
            "SELECT count(*) FROM orders WHERE status = ? AND rts_sla_time > ? AND rts_sla_time <= ?",
            (OrderStatus.AWAITING_SHIPMENT.value, now, now + 4 * HOUR),
        )
        pending = (
            ReturnStatus.PENDING.value,
            ReturnStatus.REPLACEMENT_PENDING.value,
            ReturnStatus.BUYER_SHIPPED_ITEM.value,
        )
        answer_soon = store.count(
            "SELECT count(*) FROM returns WHERE status IN (?, ?, ?) AND deadline > ? AND deadline <= ?",
            (*pending, now, now + HOUR),
        )
        need_orders, need_answers = max(0, 2 - ship_soon), max(0, 1 - answer_soon)
        if not (need_orders or need_answers):
            return
        shop = generator.Shop()
        orders, returns, cancels = generator.urgent_work(
            rng, mint, self.seed, now, shop, ship_soon=need_orders, answer_soon=need_answers, cancel_soon=0
        )
        # Made with a backdated past, but new to the desk: stamped now so a poll by update_time sees them.
        for order in orders:
            order.data["update_time"] = now
            store.save_order(order)
            made["orders"].append(order.id)
        for ret in returns:
            ret.data["update_time"] = now
            store.save_return(ret)
            store.ledger_append(
                now,
                "platform",
                "platform.buyer_requested_return",
                ret.id,
                {"order_id": ret.order_id, "type": ret.type},
                {"to": ret.status},
            )
            made["returns"].append(ret.id)
        assert not cancels
