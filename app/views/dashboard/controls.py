"""What the dashboard looks at: the window, the bucket and the product.

Owns `DashboardControls`, the row of choices above the figures: the last 7, 30 or 90
shop days or a custom range of dates (shop time), per day or per hour (hours only for
ranges of at most 7 days: 2,000 points a chart would tell nobody anything), and one
product or the whole shop. `window(now)` turns the choice into [start, end) UTC
seconds; a window that reaches today ends at `now`, so it is live and its last bucket
is today so far. `changed` fires on every choice; the state is remembered with the
window's layout.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from app.core import shop_time
from app.services.metrics.service_metrics import ProductRow, window_for
from app.services.rules import RuleSet

RANGES = (7, 30, 90, 0)  # days; 0: the custom range
CUSTOM = 0
HOURLY_MAX_DAYS = 7
BUCKETS = ("day", "hour")


class DashboardControls(QWidget):
    changed = Signal()

    def __init__(self, rules: RuleSet, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rules = rules
        self.range_box = QComboBox(self)
        self.range_box.setObjectName("dashboardRange")
        self.range_box.addItems([""] * len(RANGES))
        default_days = rules.metrics.default_window_days
        self.range_box.setCurrentIndex(RANGES.index(default_days) if default_days in RANGES else 1)
        self.first_day = QDateEdit(self)
        self.first_day.setObjectName("dashboardFrom")
        self.last_day = QDateEdit(self)
        self.last_day.setObjectName("dashboardTo")
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.last_day.setDate(QDate(today.year, today.month, today.day))
        first = today - timedelta(days=default_days - 1)
        self.first_day.setDate(QDate(first.year, first.month, first.day))
        self.to_label = QLabel(self)
        self.bucket_box = QComboBox(self)
        self.bucket_box.setObjectName("dashboardBucket")
        self.bucket_box.addItems([""] * len(BUCKETS))
        for box in (self.range_box, self.bucket_box):  # a new language's words are wider or narrower
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.product_box = QComboBox(self)
        self.product_box.setObjectName("dashboardProduct")
        self.product_box.setMinimumContentsLength(18)
        self.product_box.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 30)
        self.product_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.product_box.addItem("", None)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.range_box, self.first_day, self.to_label, self.last_day, self.bucket_box):
            layout.addWidget(widget)
        layout.addWidget(self.product_box, 1)
        layout.addStretch(0)
        self.range_box.currentIndexChanged.connect(self._on_range)
        self.first_day.dateChanged.connect(self._on_dates)
        self.last_day.dateChanged.connect(self._on_dates)
        self.bucket_box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.product_box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.retranslate_ui()
        self._update_enabled()

    # --- the choice ----------------------------------------------------------------------------
    def days(self) -> int:
        """How many shop days the window spans."""
        chosen = RANGES[self.range_box.currentIndex()]
        if chosen != CUSTOM:
            return chosen
        return max(1, self.first_day.date().daysTo(self.last_day.date()) + 1)

    def window(self, now: int) -> tuple[int, int]:
        chosen = RANGES[self.range_box.currentIndex()]
        if chosen != CUSTOM:
            return window_for(chosen, now, self._rules)
        tz = self._rules.shipping.tz
        first, last = sorted((self.first_day.date().toPython(), self.last_day.date().toPython()))
        start = shop_time.midnight(first, tz)
        end = shop_time.midnight(last + timedelta(days=1), tz)
        return start, max(start + 1, min(end, now + 1))  # never past now: the window is as of now

    def bucket(self) -> str:
        return BUCKETS[max(0, self.bucket_box.currentIndex())]

    def product_id(self) -> str | None:
        return self.product_box.currentData()

    def set_range(self, days: int) -> None:
        self.range_box.setCurrentIndex(RANGES.index(days))

    def set_custom_range(self, first: date, last: date) -> None:
        self.blockSignals(True)  # one `changed` for the whole choice
        self.first_day.setDate(QDate(first.year, first.month, first.day))
        self.last_day.setDate(QDate(last.year, last.month, last.day))
        self.range_box.setCurrentIndex(RANGES.index(CUSTOM))
        self._update_enabled()
        self.blockSignals(False)
        self.changed.emit()

    def set_bucket(self, bucket: str) -> None:
        self.bucket_box.setCurrentIndex(BUCKETS.index(bucket))

    def set_products(self, products: list[ProductRow]) -> None:
        """The product filter's choices; the chosen product stays chosen if still there."""
        wanted = [(row.product_id, row.name or row.product_id) for row in products]
        present = [
            (self.product_box.itemData(i), self.product_box.itemText(i))
            for i in range(1, self.product_box.count())
        ]
        if present == wanted:
            return
        chosen = self.product_id()
        self.product_box.blockSignals(True)
        while self.product_box.count() > 1:
            self.product_box.removeItem(1)
        for product_id, name in wanted:
            self.product_box.addItem(name, product_id)
        index = self.product_box.findData(chosen) if chosen is not None else 0
        self.product_box.setCurrentIndex(max(0, index))
        self.product_box.blockSignals(False)
        if chosen is not None and index < 0:
            self.changed.emit()  # the chosen product is gone: the whole shop now

    def set_product(self, product_id: str | None) -> None:
        self.product_box.setCurrentIndex(max(0, self.product_box.findData(product_id)) if product_id else 0)

    # --- reactions -----------------------------------------------------------------------------
    def _on_range(self, _index: int) -> None:
        self._update_enabled()
        self.changed.emit()

    def _on_dates(self, _date: QDate) -> None:
        if RANGES[self.range_box.currentIndex()] == CUSTOM:
            self._update_enabled()
            self.changed.emit()

    def _update_enabled(self) -> None:
        custom = RANGES[self.range_box.currentIndex()] == CUSTOM
        for widget in (self.first_day, self.to_label, self.last_day):
            widget.setVisible(custom)
        hourly = self.days() <= HOURLY_MAX_DAYS
        item = self.bucket_box.model().item(BUCKETS.index("hour"))  # type: ignore[attr-defined]
        item.setEnabled(hourly)
        if not hourly and self.bucket() == "hour":
            self.bucket_box.blockSignals(True)  # the range change itself announces the change
            self.bucket_box.setCurrentIndex(BUCKETS.index("day"))
            self.bucket_box.blockSignals(False)

    # --- remembering -----------------------------------------------------------------------------
    def save_state(self) -> dict[str, Any]:
        return {
            "range": RANGES[self.range_box.currentIndex()],
            "from": self.first_day.date().toString("yyyy-MM-dd"),
            "to": self.last_day.date().toString("yyyy-MM-dd"),
            "bucket": self.bucket(),
        }

    def restore_state(self, state: dict[str, Any]) -> None:
        self.blockSignals(True)
        for edit, key in ((self.first_day, "from"), (self.last_day, "to")):
            parsed = QDate.fromString(str(state.get(key, "")), "yyyy-MM-dd")
            if parsed.isValid():
                edit.setDate(parsed)
        if state.get("range") in RANGES:
            self.range_box.setCurrentIndex(RANGES.index(state["range"]))
        if state.get("bucket") in BUCKETS:
            self.bucket_box.setCurrentIndex(BUCKETS.index(state["bucket"]))
        self._update_enabled()
        self.blockSignals(False)
        self.changed.emit()

    def retranslate_ui(self) -> None:
        labels = [
            self.tr("Last 7 days"),
            self.tr("Last 30 days"),
            self.tr("Last 90 days"),
            self.tr("Date range"),
        ]
        for index, text in enumerate(labels):
            self.range_box.setItemText(index, text)
        self.to_label.setText(self.tr("to"))
        self.bucket_box.setItemText(0, self.tr("Per day"))
        self.bucket_box.setItemText(1, self.tr("Per hour"))
        self.bucket_box.setItemData(1, self.tr("For ranges of up to 7 days"), Qt.ItemDataRole.ToolTipRole)
        self.product_box.setItemText(0, self.tr("All products"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
