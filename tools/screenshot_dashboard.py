"""Screenshots of the service-metrics dashboard, in Chinese and English.

    python tools/screenshot_dashboard.py [--out shots] [--orders 3000]

Starts the sandbox store (the demo shop with 90 days of history: some orders late, some
parcels never scanned, after-sales decided in time, refused or left to the platform's
timeout), syncs it once into a throw-away database with the real sync engine, opens
the main window on the dashboard as the owner over the last 90 days, and saves
`widget.grab()` PNGs: the window (`dashboard_<language>.png`), the whole dashboard
scrolled through (`dashboard_full_<language>.png`), and the rows behind the late rate
(`dashboard_drill_<language>.png`).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.views.dashboard_view import DashboardView  # noqa: E402
from app.views.main_window import MainWindow  # noqa: E402
from tools.screenshot_refunds import save, wait_for  # noqa: E402
from tools.screenshot_shipping import shoot_synced_shop  # noqa: E402

LANGUAGES = ("zh_CN", "en")


def shots(window: MainWindow, out: Path, language: str) -> None:
    dashboard = window.screen_named("dashboard")
    assert isinstance(dashboard, DashboardView)
    window.show_screen("dashboard")
    dashboard.controls.set_range(90)
    wait_for(lambda: dashboard.report() is not None and len(dashboard.report().buckets) == 90, ms=60_000)
    save(window, out, f"dashboard_{language}")

    content = dashboard.scroll.widget()
    content.resize(dashboard.scroll.viewport().width(), content.sizeHint().height())
    save(content, out, f"dashboard_full_{language}")
    dashboard.scroll.widget().adjustSize()

    dialog = dashboard.open_drill("late_rate")
    assert dialog is not None
    wait_for(lambda: not dialog.is_loading(), ms=20_000)
    save(dialog, out, f"dashboard_drill_{language}")
    dialog.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "shots")
    parser.add_argument("--orders", type=int, default=3_000)
    args = parser.parse_args()
    shoot_synced_shop(shots, args.out, orders=args.orders, height=900)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
