"""A TikTok shop's dashboard shows the figures TikTok Shop judges it by, against TikTok's
published lines (issue 16, part 3), on real widgets over a real SQLite mirror; a Douyin
shop's stays as it was.

The shop is the dashboard tests' small shop (tests/dashboard_shop.py) with what a TikTok
shop's mirror also has: parcels with and without the carrier's scan, and an order the
seller cancelled. Its figures, by hand:
- late dispatch: dispatched in the window: "on_time" (scan 1 h before its ship-by), "late"
  (no scan; tracking 2 h after its ship-by), "fine" (scan 3 h before): 1 of 3 = 33.3 %,
  past TikTok's 10 % line ("unshipped" is not dispatched: not counted).
- valid tracking: three parcels, "late"'s never scanned in 121 h: 2 of 3 = 66.7 %, under 95 %.
- seller-fault cancellations: five orders paid in the window, one cancelled by the seller:
  1 of 5 = 20.0 %, past 2.5 %.
- response time (6 + 48) / 2 = 27.0 h under the 48 h line; one request auto-approved.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from app.core.vocabulary import CancelFault, OrderState
from app.views.dashboard.export import about_rows, metric_table
from app.views.dashboard.metric_words import Standing
from app.views.dashboard.view import DashboardView
from tests.builders import parcel_row, seed
from tests.dashboard_shop import order_id, seed_dashboard_shop
from tests.metric_shop import HOUR, an_order, at

NOW = at(20, 12)
TIKTOK_TILES = [
    "late_dispatch_rate",
    "valid_tracking_rate",
    "seller_fault_cancellation_rate",
    "review_time_h",
    "timeout_approvals",
    "ship_time_h",
    "rejection_rate",
    "after_sales_by_type",
]


@pytest.fixture
def tiktok_shop(session_factory):
    shop = seed_dashboard_shop(session_factory, NOW)
    orders = {name: order for name, (order, _) in shop["orders"].items()}
    parcels = [
        parcel_row(
            orders["on_time"],
            ship_time=orders["on_time"]["ship_time"],
            pickup_time=orders["on_time"]["pickup_time"],
        ),
        parcel_row(orders["late"], ship_time=orders["late"]["ship_time"], pickup_time=None),
        parcel_row(
            orders["fine"], ship_time=orders["fine"]["ship_time"], pickup_time=orders["fine"]["pickup_time"]
        ),
    ]
    cancelled, line = an_order(paid=NOW - 60 * HOUR, ship_by=NOW - 33 * HOUR)
    cancelled.update(state=OrderState.CANCELLED.value, cancel_fault=CancelFault.SELLER.value)
    seed(session_factory, orders=[cancelled], lines=[line], parcels=parcels)
    return shop


def make_dashboard(qtbot, tasks, session_factory, **options) -> DashboardView:
    view = DashboardView(tasks, session_factory, None, clock=lambda: NOW, **options)
    qtbot.addWidget(view)
    view.resize(1400, 1000)
    with qtbot.waitSignal(view.report_shown, timeout=10_000):
        view.show()
    return view


def tile_texts(view: DashboardView, key: str) -> tuple[str, str, str]:
    tile = view.tiles.tile(key)
    return tile.value.text(), tile.target.text(), tile.basis.text()


def test_a_tiktok_shop_sees_tiktoks_figures_against_tiktoks_lines(
    qtbot, english, tasks, session_factory, tiktok_shop
) -> None:
    view = make_dashboard(qtbot, tasks, session_factory, platform="tiktok")
    assert [tile.key for tile in view.tiles.tiles()] == TIKTOK_TILES
    assert tile_texts(view, "late_dispatch_rate") == ("33.3%", "Target ≤ 4.0%\nlimit 10.0%", "1 of 3")
    assert tile_texts(view, "valid_tracking_rate") == ("66.7%", "Target ≥ 95.0%\nlimit 95.0%", "2 of 3")
    assert tile_texts(view, "seller_fault_cancellation_rate") == (
        "20.0%",
        "Target ≤ 2.5%\nlimit 2.5%",
        "1 of 5",
    )
    assert tile_texts(view, "review_time_h") == ("27.0 h", "limit 48.0 h", "over 2")
    assert tile_texts(view, "timeout_approvals")[:2] == ("1", "Target ≤ 0 (ours)")
    for key in ("late_dispatch_rate", "valid_tracking_rate", "seller_fault_cancellation_rate"):
        assert view.tiles.tile(key).standing() == Standing.PAST_LIMIT, key
        assert view.tiles.tile(key).has_alert(), key
    assert view.tiles.tile("review_time_h").standing() == Standing.MET
    assert {"late_dispatch_rate", "valid_tracking_rate", "seller_fault_cancellation_rate"} <= set(
        view.past_limits()
    )
    # Its charts are TikTok's figures; no estimate of a score TikTok does not publish.
    assert [card.spec.name for card in view.charts.cards()] == [
        "late_dispatch",
        "valid_tracking",
        "seller_fault_cancellations",
        "review_time",
        "timeout_approvals",
        "after_sales",
    ]
    assert view.score_panel.isHidden()
    # On the shop's clock: noon in Shanghai is 20:00 the day before at UTC-8.
    # The set of the days scored (issue 18): November is under the late-dispatch line of 2026-03-02.
    assert "tiktok-us-2026-03" in view.rules_line.text() and "(UTC-8)" in view.rules_line.text()
    assert "11-19 20:00" in view.status.state.text()


def test_a_douyin_shop_on_the_same_mirror_sees_what_it_saw(
    qtbot, english, tasks, session_factory, tiktok_shop
) -> None:
    view = make_dashboard(qtbot, tasks, session_factory)
    keys = [tile.key for tile in view.tiles.tiles()]
    assert "late_rate" in keys and "experience_score" in keys
    assert not {"late_dispatch_rate", "valid_tracking_rate", "seller_fault_cancellation_rate"} & set(keys)
    assert [card.spec.name for card in view.charts.cards()] == [
        "ship_time",
        "late_rate",
        "after_sales",
        "after_sale_times",
        "timeout_approvals",
        "score",
    ]
    assert not view.score_panel.isHidden()
    assert "douyin-2026-12" in view.rules_line.text() and "(UTC+8)" in view.rules_line.text()
    assert "11-20 12:00" in view.status.state.text()


def test_a_tiktok_tile_lists_the_orders_behind_it(
    qtbot, english, tasks, session_factory, tiktok_shop
) -> None:
    view = make_dashboard(qtbot, tasks, session_factory, platform="tiktok")
    tile = view.tiles.tile("late_dispatch_rate")
    with qtbot.waitSignal(view.tiles.tile_clicked, timeout=2_000):
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    dialog = view.drill_dialog()
    qtbot.waitUntil(lambda: not dialog.is_loading(), timeout=5_000)
    assert [row.id for row in dialog.rows()] == [order_id(tiktok_shop, "late")]
    assert dialog.heading.text().startswith("Late dispatch rate — ")
    assert dialog.tree.topLevelItem(0).text(3) == "Shipped 2.0 h after the promised time"


def test_a_tiktok_shops_export_holds_its_figures_on_its_clock(
    qtbot, english, tasks, session_factory, tiktok_shop
) -> None:
    """The sheet lists what the screen shows, in that order, and names the shop's clock; a day
    bucket is named by its date on that clock."""
    view = make_dashboard(qtbot, tasks, session_factory, platform="tiktok")
    report = view.report()
    assert report is not None and report.time_zone == "Etc/GMT+8"
    headers, rows = metric_table(report)
    assert [row[0] for row in rows][:5] == [
        "Late dispatch rate",
        "Valid tracking rate",
        "Seller-fault cancellation rate",
        "Average review time",
        "Timeout approvals",
    ]
    assert "Late-shipment rate" not in [row[0] for row in rows]
    assert rows[0][2:5] == [33.333, 4.0, 10.0]  # value, target and limit in percent
    last_day = datetime.fromtimestamp(report.buckets[-1], ZoneInfo("Etc/GMT+8")).strftime("%Y-%m-%d")
    assert headers[-1] == last_day
    about = dict((name, value) for name, value in about_rows(report, ""))
    assert about["Times"] == "Shop time (UTC-8)"


def test_a_tiktok_shops_workbook_has_no_score_sheet(
    qtbot, english, tasks, session_factory, tiktok_shop, tmp_path
) -> None:
    view = make_dashboard(qtbot, tasks, session_factory, platform="tiktok")
    path = view.export_xlsx(tmp_path / "tiktok.xlsx")
    sheets = load_workbook(path).sheetnames
    assert sheets == ["Metrics", "About"]
