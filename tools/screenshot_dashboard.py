"""Screenshots of the service-metrics dashboard, in Chinese and English.

    python tools/screenshot_dashboard.py [--out shots] [--orders 3000] [--width 1366 --height 768]

Starts the sandbox store (the demo shop with 90 days of history: some orders late, some
parcels never scanned, after-sales decided in time, refused or left to the platform's
timeout), syncs it once into a throw-away database with the real sync engine, opens
the main window on the dashboard as the owner over the last 90 days, and saves
`widget.grab()` PNGs: the window (`dashboard_<language>.png`), the whole dashboard
scrolled through (`dashboard_full_<language>.png`), and the rows behind the late rate
(`dashboard_drill_<language>.png`). Then the same dashboard as a clerk and as the
warehouse see it (`dashboard_clerk_<language>.png`, `dashboard_warehouse_<language>.png`):
the service figures without the money (permissions.py "Who sees what").
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time  # noqa: E402

from app.services.people import accounts  # noqa: E402
from app.services.people.permissions import Actor, Role  # noqa: E402
from app.views.dashboard.view import DashboardView  # noqa: E402
from app.views.shell.main_window import MainWindow  # noqa: E402
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
    for role in (Role.CLERK, Role.WAREHOUSE):
        as_someone_else(window, out, language, role)


def as_someone_else(owner_window: MainWindow, out: Path, language: str, role: Role) -> None:
    """The dashboard as a person of `role`, added by the owner, in a window of the same size."""
    owner = owner_window.actor()
    assert owner is not None
    sessions = owner_window._sessions
    name = "小李" if role == Role.CLERK else "小吴"
    with sessions.begin() as session:
        row = accounts.add_user(
            session, owner, username=f"{role.value}-{language}", display_name=name, role=role,
            password="a-good-password", refund_limit_single_fen=200_00, refund_limit_daily_fen=1_000_00,
            now=int(time.time()),
        )  # fmt: skip
        person = Actor(row.id, row.username, row.display_name, Role(row.role), row.refund_limit_single_fen,
                       row.refund_limit_daily_fen)  # fmt: skip
    window = MainWindow(sessions, owner_window._settings, actor=person)
    window.resize(owner_window.size())
    window.show()
    dashboard = window.screen_named("dashboard")
    assert isinstance(dashboard, DashboardView)
    window.show_screen("dashboard")
    dashboard.controls.set_range(90)
    wait_for(lambda: dashboard.report() is not None and len(dashboard.report().buckets) == 90, ms=60_000)
    save(window, out, f"dashboard_{role.value}_{language}")
    window._waiting = 0  # the screenshots close the window without the quit question
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "shots")
    parser.add_argument("--orders", type=int, default=3_000)
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args()
    shoot_synced_shop(shots, args.out, orders=args.orders, width=args.width, height=args.height)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
