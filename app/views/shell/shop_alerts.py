"""Deadlines of every shop, also of the shops not on screen.

Owns `ShopAlerts`: whenever any shop's sync says its data changed (and every minute,
since deadlines come closer without any change), it reads what is due soon in every
shop (`services.due_soon`, off the GUI thread) and hands the count per shop to the shop
switcher; an item of a shop not on screen that is due within the hour, or overdue,
raises the tray alarm once (the shop on screen has its own: the refund queue's and the
shipping board's). Every shop keeps syncing in its own process, so a shop nobody looks
at still has its deadlines seen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from app.services.due_soon.items import REFUND, DueItem, due_soon, shop_source
from app.services.rules import HOUR_S
from app.views.common.background import BackgroundTasks
from app.views.common.formatting import countdown, now_utc
from app.views.shell.shop_switcher import DeskShops, shop_label
from app.views.shell.tray_alarm import TrayAlarm

# A sync's batches come in bursts (a first sync: one every second or so), and each count
# reads every shop's queue and board: one count per ten seconds at most is soon enough for
# an alarm an hour ahead, and keeps the counting from competing with the window.
RECOUNT_AFTER_CHANGE_MS = 10_000
RECOUNT_EVERY_MS = 60_000
ALARM_WITHIN_S = HOUR_S


class ShopAlerts(QObject):
    counted = Signal(object)  # {shop key: items due soon (-1: its database could not be read)}
    notice = Signal(str)  # the alarm's words where the desktop has no tray

    def __init__(self, shops: DeskShops, on_screen: Callable[[], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shops, self._on_screen = shops, on_screen
        self._tasks = BackgroundTasks(self)
        self._alarm = TrayAlarm(self)
        self._alarm.notice.connect(self.notice)
        self._counts: dict[str, int] = {}
        self._items: list[DueItem] = []
        self._soon = QTimer(self, singleShot=True, interval=RECOUNT_AFTER_CHANGE_MS)
        self._soon.timeout.connect(self.recount)
        self._tick = QTimer(self, interval=RECOUNT_EVERY_MS)
        self._tick.timeout.connect(self.recount)
        self._tick.start()
        for shop in shops.shops():
            self.watch(shop.sync)

    def watch(self, sync: QObject | None) -> None:
        """Recount after this sync's changes (a shop added while the desk runs, too)."""
        if sync is not None:
            sync.data_changed.connect(self.recount_soon)  # type: ignore[attr-defined]

    @Slot()
    def recount_soon(self, *_: object) -> None:
        if not self._soon.isActive():
            self._soon.start()

    @Slot()
    def recount(self) -> None:
        sources = [shop_source(s.entry.key, s.sessions, s.entry.platform) for s in self._shops.shops()]
        now = now_utc()
        self._tasks.run("shops.due", lambda: (now, *due_soon(sources, now=now)), self._on_counted)

    def counts(self) -> dict[str, int]:
        return dict(self._counts)

    def items(self) -> list[DueItem]:
        return list(self._items)

    def _on_counted(self, answer: tuple[int, list[DueItem], dict[str, int]]) -> None:
        now, self._items, self._counts = answer
        self.counted.emit(dict(self._counts))
        on_screen = self._on_screen()
        for item in self._items:
            if item.shop_key == on_screen or item.due_at - now > ALARM_WITHIN_S:
                continue
            shop = self._shops.shop(item.shop_key)
            name = shop_label(shop.entry) if shop is not None else item.shop_key
            if item.kind == REFUND:
                title = QCoreApplication.translate("ShopAlerts", "Refund request due in {shop}")
                text = QCoreApplication.translate("ShopAlerts", "Request {id} (order {order}): {left}")
            else:
                title = QCoreApplication.translate("ShopAlerts", "Order to ship in {shop}")
                text = QCoreApplication.translate("ShopAlerts", "Order {order} must ship: {left}")
            self._alarm.raise_once(
                f"{item.shop_key}:{item.kind}:{item.entity_id}",
                title.format(shop=name),
                text.format(id=item.entity_id, order=item.order_id, left=countdown(item.due_at, now)),
            )

    def stop(self) -> None:
        self._tick.stop()
        self._soon.stop()
        self._tasks.shutdown()
