"""`python -m tests.benchmarks.shop_switch`: how long the desk takes to change shop.

Builds two shops' mirrors of 50,000 orders each (10,000 waiting to ship; the shipping
board benchmark's builder), opens the real main window on the first with the shop
switcher, signed in as the owner, and switches between the two shops, median of seven:

- `shop_switch_ms`: from the person's choice in the switcher to the other shop's first
  screenful of orders on screen (every screen built anew over the other database, the
  orders read off the GUI thread and put in the table).

The issue asks for under a second. Figures are printed, never asserted; the last line is
one JSON object.
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from app import config  # noqa: E402
from app.db import open_database  # noqa: E402
from app.shop_entries import ShopEntry, entry_key  # noqa: E402
from tests.benchmarks.shipping_board import FINISHED_ORDERS, OPEN_ORDERS, build  # noqa: E402

RUNS = 7
SHOWN_TIMEOUT_S = 60.0


@dataclass
class _Shop:
    entry: ShopEntry
    sessions: sessionmaker[Session]
    sync: QObject | None = None


class _Shops:
    """Two open shops, as app/running_shops.py hands them to the window (no sync here:
    what is measured is the window's side of a switch)."""

    def __init__(self, shops: list[_Shop]) -> None:
        self._shops = shops

    def shops(self) -> list[_Shop]:
        return list(self._shops)

    def shop(self, key: str) -> _Shop | None:
        return next((shop for shop in self._shops if shop.entry.key == key), None)


def measure_shop_switch(folder: Path) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    home_before = os.environ.get(config.HOME_ENV)
    os.environ[config.HOME_ENV] = str(folder / "home")  # the settings file of this run only
    try:
        return _measure(app, folder)
    finally:
        if home_before is None:
            os.environ.pop(config.HOME_ENV, None)
        else:
            os.environ[config.HOME_ENV] = home_before


def _measure(app: Any, folder: Path) -> dict[str, float]:
    from PySide6.QtCore import QCoreApplication

    from app.services.setup.shop_setup import actor_named
    from app.views.shell.main_window import MainWindow

    shops = []
    for number, shop_id in enumerate(("1234567", "7654321")):
        url = f"sqlite:///{folder / f'shop-{shop_id}.sqlite'}"
        build(url)
        _, sessions = open_database(url)
        key = entry_key("douyin", shop_id, demo=False)
        entry = ShopEntry(key, name=f"店铺 {number + 1}", shop_id=shop_id)
        shops.append(_Shop(entry, sessions))
    settings = config.Settings(language="en", shops=[shop.entry for shop in shops])
    with shops[0].sessions() as session:
        owner = actor_named(session, "owner")
    window = MainWindow(
        shops[0].sessions, settings, actor=owner, shops=_Shops(shops), shop_key=shops[0].entry.key
    )
    window.show()

    def first_screenful(before: object) -> None:
        """Spin the event loop until a new orders screen shows rows."""
        deadline = time.monotonic() + SHOWN_TIMEOUT_S
        while time.monotonic() < deadline:
            app.processEvents()
            orders = window.screen_named("orders")
            if orders is not before and orders.model.loaded_count() > 0:  # type: ignore[attr-defined]
                return
            time.sleep(0.001)
        raise RuntimeError("the other shop's orders never showed")

    first_screenful(None)
    timings = []
    for run in range(RUNS):
        other = shops[(run + 1) % 2].entry.key
        before = window.screen_named("orders")
        started = time.perf_counter()
        assert window.shop_switching is not None and window.shop_switching.switch_to(other)
        first_screenful(before)
        timings.append((time.perf_counter() - started) * 1000)
    window.close()
    QCoreApplication.processEvents()
    return {"shop_switch_ms": statistics.median(timings)}


def main() -> None:
    started = time.perf_counter()
    figures = measure_shop_switch(Path(tempfile.mkdtemp()))
    took = time.perf_counter() - started
    print(f"two shops of {OPEN_ORDERS:,} open and {FINISHED_ORDERS:,} finished orders, {took:.1f} s in all")
    for key, value in figures.items():
        print(f"{key:>22}: {value:8.1f} ms")
    print(json.dumps({key: round(value, 1) for key, value in figures.items()}))


if __name__ == "__main__":
    main()
