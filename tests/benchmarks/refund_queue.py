"""`python -m tests.benchmarks.refund_queue [--db URL]`: how fast the refund queue answers.

Builds a mirror of 200,000 orders with 50,000 after-sales, 20,000 of them waiting for
the merchant (statuses 6 and 11), a few thousand outbox operations and buyers who
come back, using `app.db.upsert` as the sync does; then times what the screen does
to show the queue — the ordered keys of every matching request plus the full rows of
the first screenful (`SCREEN_ROWS`) — opened (no filter), filtered (type + amount +
search) and sorted (by amount, descending), the median of seven. Prints a table and,
last, one JSON line. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from app.core.vocabulary import RequestKind
from app.db import open_database, upsert
from app.models import AfterSale, Order, OrderLine, OutboxOperation
from app.services.refunds.queue import list_queue_keys, queue_rows
from tests.builders import in_app_words

NOW = 1_795_000_000
ORDERS = 200_000
AFTER_SALES = 50_000
OPEN = 20_000
BATCH = 5_000
SCREEN_ROWS = 60  # a tall window shows about 40 rows; the view fetches pages of 100 later
REASONS = ("七天无理由退货", "尺码不合适", "质量问题（开线/起球）", "未收到货")
REFUND_KINDS = (RequestKind.RETURN_AND_REFUND, RequestKind.REFUND_AFTER_SHIPMENT)  # Douyin types 0 and 1


def build(url: str) -> None:
    rng = random.Random(7)
    _, sessions = open_database(url)
    orders, lines, requests, ops = [], [], [], []
    for n in range(ORDERS):
        order_id = f"69{n:017d}"
        created = NOW - rng.randrange(90 * 86400)
        amount = rng.randrange(990, 90_000)
        shipped = created + 86400 if rng.random() < 0.9 else None
        buyer = f"regular-{rng.randrange(4000)}" if rng.random() < 0.35 else f"once-{n}"
        orders.append(
            in_app_words(
                {
                    "order_id": order_id,
                    "status": 3 if shipped else 2,
                    "status_desc": "",
                    "create_time": created,
                    "pay_time": created + 60,
                    "update_time": created + 2 * 86400,
                    "exp_ship_time": created + 48 * 3600,
                    "ship_time": shipped,
                    "finish_time": None,
                    "order_amount": amount,
                    "pay_amount": amount,
                    "post_amount": 0,
                    "buyer_words": "",
                    "seller_words": "",
                    "receiver_name": "王**",
                    "receiver_tel": "",
                    "receiver_address": "",
                    "items_summary": "纯棉宽松短袖T恤 男女同款",
                    "buyer_id": buyer,
                    "synced_at": NOW,
                }
            )
        )
        lines.append(
            {
                "sku_order_id": order_id,
                "order_id": order_id,
                "product_name": "纯棉宽松短袖T恤 男女同款",
                "item_num": 1,
                "pay_amount": amount,
                "origin_amount": amount,
                "order_update_time": created + 2 * 86400,
            }
        )
    for n in range(AFTER_SALES):
        order = orders[rng.randrange(ORDERS)]
        waiting = n < OPEN
        applied = NOW - rng.randrange(3 * 86400) if waiting else order["create_time"] + 3 * 86400
        requests.append(
            in_app_words(
                {
                    "aftersale_id": f"73{n:017d}",
                    "order_id": order["order_id"],
                    "related_id": order["order_id"],
                    "type": rng.choice((0, 1, 2, 3)),
                    "status": rng.choice((6, 6, 6, 11)) if waiting else rng.choice((12, 27, 28)),
                    "apply_time": applied,
                    "update_time": applied,
                    "status_deadline": applied + 48 * 3600 if waiting else 0,
                    "refund_amount": order["pay_amount"],
                    "reason_text": rng.choice(REASONS),
                    "product_name": "纯棉宽松短袖T恤 男女同款",
                    "item_num": 1,
                    "synced_at": NOW,
                }
            )
        )
        if waiting and rng.random() < 0.1:
            ops.append(
                {
                    "op_id": f"{n:032d}",
                    "action": "decide",
                    "entity_type": "after_sale",
                    "entity_id": f"73{n:017d}",
                    "decision": "approve_refund",
                    "details": "{}",
                    "state": rng.choice(("pending", "done", "conflict")),
                    "attempts": 0,
                    "verify_before_send": False,
                    "next_attempt_at": 0,
                    "created_at": NOW,
                    "problem": "",
                    "platform_code": "",
                    "platform_message": "",
                    "platform_state": "",
                }
            )
    with sessions.begin() as session:
        for table, rows, key in (
            (Order.__table__, orders, ["order_id"]),
            (OrderLine.__table__, lines, ["sku_order_id"]),
            (AfterSale.__table__, requests, ["aftersale_id"]),
            (OutboxOperation.__table__, ops, ["op_id"]),
        ):
            for start in range(0, len(rows), BATCH):
                upsert(session, table, rows[start : start + BATCH], key)
    if url.startswith("postgresql") and not os.environ.get("QUEUE_BENCH_NO_ANALYZE"):
        # What autovacuum does soon after a bulk load; without statistics PostgreSQL
        # thinks the tables are empty and re-runs the buyer-history aggregate per row.
        with sessions.begin() as session:
            session.execute(text("ANALYZE"))


def median_ms(url: str, **options: object) -> tuple[float, int]:
    _, sessions = open_database(url)
    times, count = [], 0
    # As in the app (app/views/shell/main_thread_gc.py): no automatic collection on the thread
    # that reads; the GUI thread collects between events, which gui_block_max_ms measures.
    gc.collect()
    gc.freeze()
    gc.disable()
    for _ in range(7):
        with sessions() as session:
            started = time.perf_counter()
            keys = list_queue_keys(session, now=NOW, **options)  # type: ignore[arg-type]
            queue_rows(session, [key.aftersale_id for key in keys[:SCREEN_ROWS]], now=NOW)
            count = len(keys)
            times.append((time.perf_counter() - started) * 1000)
    gc.enable()
    gc.unfreeze()
    return statistics.median(times), count


QUEUE_CASES = (
    ("open", {}),
    ("filter", {"kinds": REFUND_KINDS, "min_amount": 10_000, "max_amount": 60_000, "search": "T恤"}),
    ("sort", {"sort": "refund_amount", "descending": True}),
)


def measure_queue(url: str) -> dict[str, float]:
    """`queue_open_ms`, `queue_filter_ms`, `queue_sort_ms` over a freshly built mirror."""
    build(url)
    return {f"queue_{name}_ms": round(median_ms(url, **options)[0], 1) for name, options in QUEUE_CASES}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp()) / 'queue.sqlite'}"
    started = time.perf_counter()
    build(url)
    print(f"built {ORDERS:,} orders, {AFTER_SALES:,} after-sales in {time.perf_counter() - started:.1f} s")
    figures = {}
    for name, options in (
        ("open", {}),
        ("filter", {"kinds": REFUND_KINDS, "min_amount": 10_000, "max_amount": 60_000, "search": "T恤"}),
        ("sort", {"sort": "refund_amount", "descending": True}),
        ("urgent_1h", {"urgency": "1h"}),
    ):
        ms, count = median_ms(url, **options)
        figures[f"list_queue_{name}_ms"] = round(ms, 1)
        print(f"{name:>10}: {ms:8.1f} ms  {count:,} rows")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
