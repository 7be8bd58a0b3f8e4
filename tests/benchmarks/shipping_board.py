"""`python -m tests.benchmarks.shipping_board`: how fast the shipping board answers.

Builds a mirror of 10,000 orders waiting to ship (one to three lines each, due from
two hours ago to four days on) beside 40,000 finished ones, using `app.db.upsert` as
the sync does, then measures, median of seven:

- `board_open_ms`: reading the board (`list_board`) and putting it in the model,
  lanes and all — what opening or refreshing the screen costs;
- `board_regroup_ms`: regrouping the lanes as the clock moves (`model.tick()` across
  a lane boundary);
- `scan_to_shipped_ms`: the local side of the scanner flow on the real screen —
  from Enter on the tracking number to the order showing "sending" (checks, audit
  event and outbox operation committed), median of 20 scans.

Figures are printed, never asserted; the last line is one JSON object.
"""

from __future__ import annotations

import gc
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.db import open_database, upsert  # noqa: E402
from app.models import Order, OrderLine  # noqa: E402
from app.services.people import accounts  # noqa: E402
from app.services.shipping.board import list_board  # noqa: E402
from tests.builders import in_app_words  # noqa: E402

NOW = 1_795_000_000
OPEN_ORDERS = 10_000
FINISHED_ORDERS = 40_000
PRODUCTS = (
    ("加绒卫衣 宽松连帽", "灰色 XL"),
    ("纯棉短袖T恤", "白色 L"),
    ("304不锈钢保温杯", "500ml"),
    ("四川丑橘", "5斤装"),
)


def build(url: str) -> list[str]:
    """The mirror; returns the open orders' ids, soonest due first."""
    rng = random.Random(11)
    _, sessions = open_database(url)
    orders, lines = [], []
    for n in range(OPEN_ORDERS + FINISHED_ORDERS):
        order_id = f"69{n:017d}"
        waiting = n < OPEN_ORDERS
        paid = NOW - rng.randrange(2 * 86400) if waiting else NOW - rng.randrange(10, 90) * 86400
        due = NOW + rng.randrange(-2 * 3600, 4 * 86400) if waiting else paid + 48 * 3600
        orders.append(
            {
                "order_id": order_id,
                "status": 2 if waiting else 5,
                "status_desc": "",
                "create_time": paid - 60,
                "pay_time": paid,
                "update_time": paid,
                "exp_ship_time": due,
                "ship_time": None if waiting else paid + 86400,
                "finish_time": None,
                "order_amount": 9_900,
                "pay_amount": 9_900,
                "post_amount": 0,
                "buyer_words": "请尽快发货" if n % 7 == 0 else "",
                "seller_words": "",
                "receiver_name": "王**",
                "receiver_tel": "",
                "receiver_address": "",
                "items_summary": "",
                "buyer_id": f"b{n}",
                "synced_at": NOW,
            }
        )
        for line in range(1 + n % 3):
            product, spec = PRODUCTS[(n + line) % len(PRODUCTS)]
            lines.append(
                {
                    "sku_order_id": f"{order_id}{line}", "order_id": order_id, "product_name": product,
                    "spec": spec, "sku_id": f"sku-{(n + line) % len(PRODUCTS)}", "item_num": 1 + line,
                    "pay_amount": 3_300, "origin_amount": 3_300, "order_update_time": paid,
                }
            )  # fmt: skip
    orders = [in_app_words(order) for order in orders]  # the words the Douyin parser gives
    with sessions.begin() as session:
        for start in range(0, len(orders), 5_000):
            upsert(session, Order.__table__, orders[start : start + 5_000], ["order_id"])
        for start in range(0, len(lines), 5_000):
            upsert(session, OrderLine.__table__, lines[start : start + 5_000], ["sku_order_id"])
        accounts.create_owner(session, "owner", "店主", "bench-password-1", now=NOW)
    waiting = sorted(orders[:OPEN_ORDERS], key=lambda o: (o["exp_ship_time"], o["order_id"]))
    return [order["order_id"] for order in waiting]


def measure_board(url: str) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from app.views.shipping.board_model import ShippingBoardModel

    _app = QApplication.instance() or QApplication([])
    _, sessions = open_database(url)
    clock = {"now": NOW}
    model = ShippingBoardModel(clock=lambda: clock["now"])
    gc.collect()
    gc.freeze()
    gc.disable()  # as in the app: collection runs on the GUI thread between events
    opened, regrouped = [], []
    try:
        for run in range(7):
            started = time.perf_counter()
            with sessions() as session:
                rows = list_board(session, now=NOW)
            model.set_rows(rows)
            opened.append((time.perf_counter() - started) * 1000)
            clock["now"] = NOW + (run + 1) * 3600  # an hour on: orders change lanes
            started = time.perf_counter()
            changed = model.tick()
            regrouped.append((time.perf_counter() - started) * 1000)
            assert changed, "the clock moved an hour; some order must have changed lane"
            clock["now"] = NOW
    finally:
        gc.enable()
        gc.unfreeze()
    return {"board_open_ms": statistics.median(opened), "board_regroup_ms": statistics.median(regrouped)}


def measure_scans(url: str, order_ids: list[str], scans: int = 20) -> float:
    """Median ms from Enter on the tracking number to the order shown as sending."""
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.services.setup.shop_setup import actor_named
    from app.views.common.background import BackgroundTasks
    from app.views.shipping.board_view import ShippingBoardView

    _app = QApplication.instance() or QApplication([])
    _, sessions = open_database(url)
    with sessions() as session:
        owner = actor_named(session, "owner")
    tasks = BackgroundTasks()
    view = ShippingBoardView(tasks, sessions, owner, clock=lambda: NOW)
    view.resize(1440, 900)
    loop = QEventLoop()
    view.board_loaded.connect(loop.quit)
    view.show()
    loop.exec()
    view.board_loaded.disconnect(loop.quit)
    view.shipped.connect(loop.quit)
    view.flow.refused.connect(lambda text: print("refused:", text))
    view.flow.refused.connect(loop.quit)
    times = []
    bar = view.scan_bar
    for n, order_id in enumerate(order_ids[:scans]):
        bar.order_edit.setText(order_id)
        QTest.keyClick(bar.order_edit, Qt.Key.Key_Return)
        bar.tracking_edit.setText(f"SF{900_000_000_000 + n:012d}")
        started = time.perf_counter()
        QTest.keyClick(bar.tracking_edit, Qt.Key.Key_Return)
        loop.exec()  # until the shipment is committed and shown as sending
        times.append((time.perf_counter() - started) * 1000)
        assert view.model.find(order_id).pending_tracking, "the scan did not ship"
    view.close()
    tasks.shutdown()
    return statistics.median(times)


def measure_shipping_board(url: str) -> dict[str, float]:
    """Every figure of this module over a freshly built mirror at `url`."""
    waiting = build(url)
    figures = measure_board(url)
    figures["scan_to_shipped_ms"] = measure_scans(url, waiting)
    return figures


def main() -> None:
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'board.sqlite'}"
    started = time.perf_counter()
    figures = measure_shipping_board(url)
    took = time.perf_counter() - started
    print(f"{OPEN_ORDERS:,} open and {FINISHED_ORDERS:,} finished orders, {took:.1f} s in all")
    for key, value in figures.items():
        print(f"{key:>22}: {value:8.1f} ms")
    print(json.dumps({key: round(value, 1) for key, value in figures.items()}))


if __name__ == "__main__":
    main()
