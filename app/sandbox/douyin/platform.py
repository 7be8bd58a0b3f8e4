"""The platform's own hand: what happens in the shop without the merchant.

Owns running every platform action that has come due on the simulation clock
(payment or cancellation of unpaid orders, the carrier's pickup scan and the refund
when none comes within 48 h, completion after delivery, automatic
agreement when a deadline passes, buyers sending returns back, exchanges arriving),
the live-traffic step (new orders at a Poisson rate, new after-sale requests, the
top-up that keeps urgent work on the desk) and the thread that runs it.
"""

from __future__ import annotations

import logging
import random
from typing import Any

from app.sandbox.clock import DAY, HOUR
from app.sandbox.douyin import buyers, generator, lifecycle
from app.sandbox.douyin.codes import AfterSaleStatus, AfterSaleType, OrderStatus, RecordRole
from app.sandbox.douyin.store import Store
from app.sandbox.live import LivePlatform, poisson

log = logging.getLogger(__name__)
AFTER_SALES_PER_ORDER = 0.1  # live requests per new order, roughly the history's rate


class Platform(LivePlatform):
    THREAD_NAME = "sandbox-live"
    store: Store

    # --- due actions ------------------------------------------------------------------
    def run_due(self) -> int:
        """Apply every platform action due by now, in due order, chains included; returns how many."""
        applied = 0
        while True:
            now = self.clock.now()
            # A read first: most requests find nothing due and must not take the write lock.
            if not self.store.due("orders", now, 1) and not self.store.due("after_sales", now, 1):
                return applied
            with self.store.transaction() as store:
                due = [("orders", *row) for row in store.due("orders", now)]
                due += [("after_sales", *row) for row in store.due("after_sales", now)]
                due.sort(key=lambda item: item[2])
                progressed = sum(self._apply_due(table, entity_id, at, now) for table, entity_id, at in due)
            applied += progressed
            if not progressed:
                return applied  # nothing left that can move; never spin

    def _apply_due(self, table: str, entity_id: str, at: int, now: int) -> int:
        store = self.store
        if table == "orders":
            order = store.order(entity_id)
            if order is None:
                return 0
            before = order.status
            what = lifecycle.run_order_due(order, at, now) if order.next_at() == at else None
            store.save_order(order)  # also re-derives a stale next_at column
            if what:
                store.ledger_append(
                    now,
                    "platform",
                    f"platform.{what}",
                    entity_id,
                    {"due_at": at},
                    {"from": before, "to": order.status},
                )
            return 1 if what else 0
        asale = store.after_sale(entity_id)
        order = store.order(asale.order_id) if asale is not None else None
        if asale is None or order is None:
            return 0
        before = asale.status
        what = (
            lifecycle.run_after_sale_due(asale, order, at, now, self.seed) if asale.next_at() == at else None
        )
        if what:  # in the request's history too: the buyer sent goods back, else the platform acted
            role = RecordRole.BUYER if what == "buyer_returned_goods" else RecordRole.PLATFORM
            lifecycle.record(asale, role, what, now)
        store.save_after_sale(asale)
        store.save_order(order)
        if what:
            store.ledger_append(
                now,
                "platform",
                f"platform.{what}",
                entity_id,
                {"due_at": at, "order_id": order.id},
                {"from": before, "to": asale.status},
            )
        return 1 if what else 0

    # --- live traffic ---------------------------------------------------------------------
    def tick(
        self,
        new_orders: int | None = None,
        new_after_sales: int | None = None,
        elapsed_s: float | None = None,
        top_up: bool | None = None,
        after_sale_type: int | None = None,
    ) -> dict[str, Any]:
        """One live-traffic step at the simulation now; explicit counts make it deterministic.

        The urgent-work top-up runs by default only when no counts are given, so a test
        asking for n orders gets exactly n. `after_sale_type` makes every new request that type.
        """
        if top_up is None:
            top_up = new_orders is None and new_after_sales is None
        self.run_due()
        now = self.clock.now()
        made_orders: list[str] = []
        made_after_sales: list[str] = []
        with self.store.transaction() as store:
            mint = buyers.IdMint(int(store.meta("seq", 1)))
            ticks = int(store.meta("ticks", 0)) + 1
            store.set_meta("ticks", ticks)
            rng = random.Random(f"{self.seed}/tick/{ticks}")
            rate = float(store.meta("orders_per_hour", 12.0))
            if new_orders is None:
                new_orders = poisson(rng, rate * (elapsed_s or 0) / 3600)
            if new_after_sales is None:
                new_after_sales = poisson(rng, rate * (elapsed_s or 0) / 3600 * AFTER_SALES_PER_ORDER)
            for _ in range(new_orders):
                order = buyers.new_order(rng, mint, now)
                store.save_order(order)
                store.ledger_append(
                    now,
                    "platform",
                    "platform.buyer_placed_order",
                    order.id,
                    {"pay_amount": order.data["pay_amount"]},
                    {"to": order.status},
                )
                made_orders.append(order.id)
            for _ in range(new_after_sales):
                asale = self._new_after_sale(rng, mint, now, after_sale_type)
                if asale is not None:
                    made_after_sales.append(asale.id)
            if top_up:
                made_after_sales += self._top_up(rng, mint, now, made_orders)
            store.set_meta("seq", mint.seq)
        self.run_due()
        return {"now": now, "orders": made_orders, "after_sales": made_after_sales}

    def _new_after_sale(
        self, rng: random.Random, mint: buyers.IdMint, now: int, kind: int | None = None
    ) -> lifecycle.AfterSale | None:
        store = self.store
        before_shipment = rng.random() < 0.3 if kind is None else kind == AfterSaleType.REFUND_BEFORE_SHIPMENT
        if before_shipment:
            candidates = store.ids(
                "SELECT order_id FROM orders WHERE status = ? AND has_after_sale = 0 ORDER BY order_id",
                (int(OrderStatus.AWAITING_SHIPMENT),),
            )
        else:
            # Buyers ask about goods once the carrier has them: a parcel still waiting for its
            # pickup scan is left out (0 there; stores made before the field count as scanned).
            candidates = store.ids(
                "SELECT order_id FROM orders WHERE status IN (?, ?) AND has_after_sale = 0 "
                "AND create_time >= ? "
                "AND IFNULL(json_extract(data, '$.logistics_info[0].pickup_time'), 1) != 0 ORDER BY order_id",
                (int(OrderStatus.SHIPPED), int(OrderStatus.COMPLETED), now - 20 * DAY),
            )
        if not candidates:
            return None
        order = store.order(rng.choice(candidates))
        assert order is not None
        asale = buyers.open_after_sale(
            rng,
            mint,
            self.seed,
            order,
            now,
            now,
            before_shipment=before_shipment,
            kind=None if kind is None else AfterSaleType(kind),
        )
        lifecycle.record(asale, RecordRole.BUYER, "buyer_applied", now)
        if asale.sim.get("fast_refund"):
            lifecycle.record(asale, RecordRole.PLATFORM, "fast_refund", now)
        store.save_after_sale(asale)
        store.save_order(order)
        store.ledger_append(
            now,
            "platform",
            "platform.buyer_applied",
            asale.id,
            {"order_id": order.id, "type": asale.type},
            {"to": asale.status},
        )
        if asale.sim.get("fast_refund"):
            store.ledger_append(
                now,
                "platform",
                "platform.fast_refund",
                asale.id,
                {"order_id": order.id},
                {"from": int(AfterSaleStatus.AWAITING_MERCHANT), "to": asale.status},
            )
        return asale

    def _top_up(self, rng: random.Random, mint: buyers.IdMint, now: int, made_orders: list[str]) -> list[str]:
        """Keep a few orders due within 4 h and a request due within the hour on the desk."""
        store = self.store
        ship_soon = store.count(
            "SELECT count(*) FROM orders WHERE status = ? AND exp_ship_time > ? AND exp_ship_time <= ?",
            (int(OrderStatus.AWAITING_SHIPMENT), now, now + 4 * HOUR),
        )
        answer_soon = store.count(
            "SELECT count(*) FROM after_sales WHERE status IN (6, 11) AND status_deadline > ? "
            "AND status_deadline <= ?",
            (now, now + HOUR),
        )
        need_orders, need_answers = max(0, 2 - ship_soon), max(0, 1 - answer_soon)
        if not (need_orders or need_answers):
            return []
        orders: dict[str, lifecycle.Order] = {}
        made = generator.urgent_work(
            rng,
            mint,
            self.seed,
            now,
            orders,
            ship_soon=need_orders,
            answer_soon=need_answers,
            pickup_overdue=0,  # parcels are not backdated by live traffic; history has them
        )
        for order in orders.values():
            order.data["update_time"] = now
            store.save_order(order)
            made_orders.append(order.id)
        for asale in made:
            store.save_after_sale(asale)
            store.ledger_append(
                now,
                "platform",
                "platform.buyer_applied",
                asale.id,
                {"order_id": asale.order_id, "type": asale.type},
                {"to": asale.status},
            )
        return [asale.id for asale in made]
