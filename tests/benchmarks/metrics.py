"""`python -m tests.benchmarks.metrics [--db URL]`: how fast the service metrics recompute.

Builds a mirror of 200,000 orders over the last 90 days (one to two lines across ten
products, parcels with carrier pickup scans, some late, some never scanned) and their
after-sales, about 12% of the orders, each stored the way the sync stores it
(`app.sync.ingest.store_after_sales`, first in "awaiting merchant", then in every later
status it reached, so `after_sale_status_changes` fills as it does in the app). Then
times `compute_metrics` for the last 30 days per shop day, every metric and the
experience score, the median of seven (`metrics_recompute_ms`), and the same per hour
and for one product for comparison. Prints a table and, last, one JSON line. Figures
are printed, never asserted.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import text

from app.db import open_database, upsert
from app.models import Order, OrderLine, OrderLogistics
from app.platforms.douyin.codes import PLATFORM_TIMEOUT, AfterSaleStatus, AfterSaleType
from app.services.metrics.service_metrics import compute_metrics, window_for
from app.sync.ingest import store_after_sales
from tests.builders import in_app_words

NOW = 1_795_000_000
DAY, HOUR = 86400, 3600
ORDERS = 200_000
AFTER_SALE_SHARE = 0.12
BATCH = 5_000
PAGE = 1_000  # after-sales stored per call, as pages of the sync (larger, to build faster)
RUNS = 7
PRODUCTS = tuple(
    (f"36000000000000{n:02d}", name)
    for n, name in enumerate(
        (
            "纯棉短袖T恤",
            "加绒卫衣",
            "高腰牛仔裤",
            "保温杯",
            "蒙自石榴",
            "四川丑橘",
            "洗面奶",
            "运动鞋",
            "加湿器",
            "红糖姜茶",
        )
    )
)
REASONS = ("不想要了", "尺码不合适", "质量问题", "商品破损", "与描述不符", "发货太慢", "七天无理由", "少件")
S, T = AfterSaleStatus, AfterSaleType


def _received(shipped: int | None, n: int) -> int | None:
    received = shipped + 2 * DAY + (n % 48) * HOUR if shipped else None
    return received if received and received < NOW else None


def _order(rng: random.Random, n: int) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    order_id = f"69{n:017d}"
    created = NOW - rng.randrange(90 * DAY)
    paid = created + 60
    promise = rng.choice((None, None, 24 * HOUR, 72 * HOUR))
    age = NOW - paid
    cancelled = rng.random() < 0.04
    shipped = None
    if not cancelled and (age > 72 * HOUR or rng.random() < age / (72 * HOUR)):
        delay = rng.lognormvariate(3.0, 0.6) * HOUR  # mostly a day, some late
        shipped = paid + int(delay) if paid + delay < NOW else None
    finished = shipped + rng.randrange(4, 9) * DAY if shipped and shipped + 9 * DAY < NOW else None
    status = 4 if cancelled else 5 if finished else 3 if shipped else 2
    amount = rng.randrange(990, 30_000)
    order = {
        "order_id": order_id,
        "status": status,
        "status_desc": "已完成",
        "create_time": created,
        "pay_time": paid,
        "update_time": finished or shipped or paid,
        "exp_ship_time": paid + promise if promise else None,
        "ship_time": shipped,
        "finish_time": finished,
        "pickup_time": None,
        # Received two to four days after shipping (no draw from `rng`: the rest of the data
        # stays as it was, so figures compare with earlier releases').
        "receipt_time": _received(shipped, n),
        "order_amount": amount,
        "pay_amount": amount,
        "post_amount": 0,
        # Text as wide as a real shop's masked rows: the metrics must not gain from thin rows.
        "buyer_words": "请尽快发货，谢谢" if n % 5 == 0 else "",
        "seller_words": "",
        "receiver_name": "王**",
        "receiver_tel": "138****5678",
        "receiver_address": "浙江省杭州市西湖区文三路******3幢502室",
        "items_summary": "纯棉宽松短袖T恤 男女同款 ×1",
        "buyer_id": f"1@#{n % 50_000:08d}AbCdEfGhIjKlMnOpQrStUv",
        "synced_at": NOW,
    }
    lines = []
    for k in range(1 if rng.random() < 0.85 else 2):
        product_id, name = rng.choice(PRODUCTS)
        lines.append(
            {
                "sku_order_id": f"70{n:016d}{k}",
                "order_id": order_id,
                "product_id": product_id,
                "product_name": name,
                "item_num": 1,
                "pay_amount": amount,
                "origin_amount": amount,
                "status": status,
                "order_update_time": order["update_time"],
            }
        )
    parcels = []
    if shipped:
        scan = None if rng.random() < 0.03 else shipped + int(rng.uniform(0.5, 30) * HOUR)
        scan = scan if scan and scan < NOW else None
        order["pickup_time"] = scan  # as the ingest keeps it: the order's first scan
        parcels.append(
            {
                "order_id": order_id,
                "tracking_no": f"SF{n:013d}",
                "company_code": "shunfeng",
                "company_name": "顺丰速运",
                "ship_time": shipped,
                "pickup_time": scan,
                "order_update_time": order["update_time"],
            }
        )
    return in_app_words(order), lines, parcels  # the words the Douyin parser gives


def _after_sale_versions(
    rng: random.Random, order: dict[str, Any], line: dict[str, Any], n: int
) -> list[dict[str, Any]]:
    """The request as the sync would see it over time: awaiting merchant, then each later status."""
    kind = (
        T.REFUND_BEFORE_SHIPMENT
        if not order["ship_time"]
        else rng.choice((T.RETURN_AND_REFUND, T.RETURN_AND_REFUND, T.REFUND_AFTER_SHIPMENT, T.EXCHANGE))
    )
    applied = (order["ship_time"] or order["pay_time"]) + rng.randrange(HOUR, 6 * DAY)
    if applied >= NOW:
        return []
    base = {
        "aftersale_id": f"73{n:017d}",
        "order_id": order["order_id"],
        "related_id": line["sku_order_id"],
        "type": int(kind),
        "refund_status": None,
        "apply_time": applied,
        "refund_amount": order["pay_amount"],
        "refund_post_amount": 0,
        "reason_text": rng.choice(REASONS),
        "got_pkg": 0,
        "return_tracking_no": "",
        "return_company_name": "",
        "evidence": "",
        "status_text": "",
        "type_text": "",
        "product_name": line["product_name"],
        "item_num": 1,
        "synced_at": NOW,
    }
    deadline = applied + 48 * HOUR
    versions = [
        {**base, "status": int(S.AWAITING_MERCHANT), "update_time": applied, "status_deadline": deadline}
    ]
    roll = rng.random()
    if roll < 0.1:  # the platform agrees alone at the deadline
        at, status = deadline, PLATFORM_TIMEOUT[(int(kind), int(S.AWAITING_MERCHANT))]
    elif roll < 0.25:
        at, status = applied + rng.randrange(10 * 60, 40 * HOUR), S.MERCHANT_REFUSED
    else:
        at = applied + rng.randrange(5 * 60, 40 * HOUR)
        status = (
            S.REFUNDED
            if kind in (T.REFUND_AFTER_SHIPMENT, T.REFUND_BEFORE_SHIPMENT)
            else S.AWAITING_BUYER_RETURN
        )
    if at < NOW:
        versions.append({**base, "status": int(status), "update_time": at, "status_deadline": 0})
        if status == S.AWAITING_BUYER_RETURN:
            for later in (
                S.RETURN_AWAITING_RECEIPT,
                S.REFUNDED if kind == T.RETURN_AND_REFUND else S.EXCHANGE_IN_PROGRESS,
            ):
                at += rng.randrange(6 * HOUR, 3 * DAY)
                if at >= NOW:
                    break
                versions.append({**base, "status": int(later), "update_time": at, "status_deadline": 0})
    return [in_app_words(version) for version in versions]  # the words the Douyin parser gives


def build(url: str) -> None:
    rng = random.Random(7)
    _, sessions = open_database(url)
    orders, lines, parcels, versions = [], [], [], []
    for n in range(ORDERS):
        order, order_lines, order_parcels = _order(rng, n)
        orders.append(order)
        lines += order_lines
        parcels += order_parcels
        if order["status"] != 4 and rng.random() < AFTER_SALE_SHARE:
            versions.append(_after_sale_versions(rng, order, order_lines[0], n))
    with sessions.begin() as session:
        for table, rows, key in (
            (Order.__table__, orders, ["order_id"]),
            (OrderLine.__table__, lines, ["sku_order_id"]),
            (OrderLogistics.__table__, parcels, ["order_id", "tracking_no"]),
        ):
            for start in range(0, len(rows), BATCH):
                upsert(session, table, rows[start : start + BATCH], key)
    # Each pass stores every request's next version, as successive pulls would.
    step = 0
    while True:
        page = [v[step] for v in versions if len(v) > step]
        if not page:
            break
        page.sort(key=lambda row: row["update_time"])
        for start in range(0, len(page), PAGE):
            with sessions.begin() as session:
                store_after_sales(session, page[start : start + PAGE])
        step += 1
    if url.startswith("postgresql"):
        with sessions.begin() as session:
            session.execute(text("ANALYZE"))


def median_ms(url: str, **options: Any) -> tuple[float, list[float]]:
    _, sessions = open_database(url)
    start, end = window_for(30, NOW)
    times = []
    gc.collect()
    gc.disable()  # as on the app's worker threads between its own collections
    for _ in range(RUNS):
        with sessions() as session:
            started = time.perf_counter()
            compute_metrics(session, start=start, end=end, now=NOW, **options)
            times.append((time.perf_counter() - started) * 1000)
    gc.enable()
    return statistics.median(times), times


def measure_metrics(url: str) -> dict[str, float]:
    """`metrics_recompute_ms`: every metric, last 30 days per day, over a freshly built mirror."""
    build(url)
    return {"metrics_recompute_ms": round(median_ms(url, bucket="day")[0], 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp()) / 'metrics.sqlite'}"
    started = time.perf_counter()
    build(url)
    print(f"built {ORDERS:,} orders and their after-sales in {time.perf_counter() - started:.1f} s")
    figures = {}
    for name, options in (
        ("recompute", {"bucket": "day"}),
        ("per_hour", {"bucket": "hour"}),
        ("one_product", {"bucket": "day", "product_id": PRODUCTS[0][0]}),
    ):
        ms, times = median_ms(url, **options)
        figures[f"metrics_{name}_ms"] = round(ms, 1)
        print(f"{name:>12}: {ms:8.1f} ms   (runs: {', '.join(f'{t:.0f}' for t in times)})")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
