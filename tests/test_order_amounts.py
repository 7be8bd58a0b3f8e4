"""An order's money adds up: goods (the lines), shipping, discounts and paid.

The platform sends the order's `order_amount` (goods at list price plus shipping),
`post_amount` (shipping), `promotion_amount` (every discount) and `pay_amount` (what the
buyer paid), and each line's `origin_amount` and `pay_amount`. The detail pane shows the
goods as the sum of the lines it lists and the discount as the platform's own figure, so
goods + shipping - discounts = paid, line by line. Real widgets over a seeded mirror, and
the real sandbox synced into a real migrated SQLite file.
"""

from __future__ import annotations

import re

from sqlalchemy import MetaData, insert, select
from sqlalchemy.orm import Session

from app.db import _alembic_config, make_engine, open_database, upgrade_to_head
from app.models import Order, OrderLine
from app.platforms.douyin.codes import OrderStatus
from app.sync.engine import SyncEngine
from tests.builders import order_line_row, order_row, seed
from tests.sandbox_control import demo_platform
from tests.test_orders_view import load, make_view

MONEY = r"-?¥[\d,]+\.\d\d"


def fen(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    return sign * int(text.lstrip("-¥").replace(",", "").replace(".", ""))


def figure(text: str, label: str) -> int:
    found = re.search(rf"^{label}\s*({MONEY})", text, re.MULTILINE)
    assert found, f"no {label!r} figure in:\n{text}"
    return fen(found.group(1))


def test_goods_shipping_discounts_and_paid_add_up_with_the_lines_shown(
    qtbot, tasks, session_factory, english
) -> None:
    # Two T-shirts at ¥60.00 with ¥12.00 off, a ¥50.00 cap, ¥8.00 shipping: ¥166.00 paid.
    order = order_row(
        status=int(OrderStatus.AWAITING_SHIPMENT),
        order_amount=17_800,
        post_amount=800,
        promotion_amount=1_200,
        pay_amount=16_600,
    )
    shirts = order_line_row(order, item_num=2, origin_amount=12_000, pay_amount=10_800)
    cap = order_line_row(
        order, product_name="棒球帽", spec="颜色:黑色", origin_amount=5_000, pay_amount=5_000
    )
    seed(session_factory, [order], [shirts, cap], [], [])
    view = make_view(qtbot, tasks, session_factory)
    load(qtbot, view)
    view.select_order(order["order_id"])
    qtbot.waitUntil(lambda: view.detail_pane.detail() is not None, timeout=5_000)
    text = view.detail_pane.text()

    items = re.search(r"^Items\n(.*?)^(Amounts|Receiver)$", text, re.MULTILINE | re.DOTALL)
    assert items, text
    line_totals = [fen(m) for m in re.findall(rf"^{MONEY}$", items.group(1), re.MULTILINE)]
    goods, shipping = figure(text, "Goods"), figure(text, "Shipping")
    discounts, paid = figure(text, "Discounts"), figure(text, "Paid")
    assert line_totals == [12_000, 5_000]
    assert (goods, shipping, discounts, paid) == (17_000, 800, -1_200, 16_600)
    assert sum(line_totals) == goods
    assert goods + shipping + discounts == paid


def test_the_mirror_keeps_the_platforms_discount_and_every_synced_order_adds_up(
    sandbox_url: str, sqlite_url: str
) -> None:
    _, sessions = open_database(sqlite_url)
    SyncEngine(demo_platform(sandbox_url), sessions).run_once()  # type: ignore[arg-type]
    with sessions() as session:
        orders = session.scalars(select(Order)).all()
        goods: dict[str, int] = {}
        for order_id, origin in session.execute(select(OrderLine.order_id, OrderLine.origin_amount)):
            goods[order_id] = goods.get(order_id, 0) + origin
    assert orders
    assert any(o.promotion_amount > 0 and o.post_amount > 0 for o in orders), "the shop gives discounts"
    for o in orders:
        assert goods[o.order_id] + o.post_amount == o.order_amount
        assert goods[o.order_id] + o.post_amount - o.promotion_amount == o.pay_amount


def test_migration_0016_gives_orders_mirrored_before_it_their_discount(database_url: str) -> None:
    from alembic import command

    engine = make_engine(database_url)
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0015")
    orders = MetaData()
    orders.reflect(engine, only=["orders"])
    discounted = order_row(order_amount=17_800, post_amount=800, pay_amount=16_600, buyer_id="")
    full_price = order_row(order_amount=5_000, pay_amount=5_000, buyer_id="")
    for row in (discounted, full_price):
        del row["promotion_amount"]  # a mirror at 0015 has no such column
    with engine.begin() as connection:
        connection.execute(insert(orders.tables["orders"]), [discounted, full_price])
    upgrade_to_head(engine)
    with Session(engine) as session:
        found = dict(session.execute(select(Order.order_id, Order.promotion_amount)).all())
    assert found == {discounted["order_id"]: 1_200, full_price["order_id"]: 0}
    engine.dispose()
