"""The orders screen's search box, status filter and count of what they show.

Owns `OrderFilters`, mixed into `OrdersView` (before QWidget): the search box (Escape
clears it, Down goes to the table; the view refreshes `SEARCH_DEBOUNCE_MS` after the
last key), the status filter (`FILTER_STATUSES`: all, to ship, or one OrderState), what
other parts of the app set and read of them, and the count beside them ("Showing 3 of
1,204", or every order the mirror holds). The view supplies the table, the refresh and
the debounce timer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Slot
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from app.core.vocabulary import ORDER_STATE_LABELS, ORDER_STATES_TO_SHIP, OrderState

SEARCH_DEBOUNCE_MS = 250
# Each entry of the status filter: the OrderStates it keeps (none: every order).
FILTER_STATUSES: tuple[tuple[str, ...], ...] = (
    (),
    tuple(str(s) for s in ORDER_STATES_TO_SHIP),
    *((str(s),) for s in OrderState),
)


class OrderFilters:
    """The search box, the status filter and the count, on the orders screen."""

    def _build_filters(self) -> None:
        self._search = QLineEdit(self)
        self._search.setObjectName("orderSearch")
        self._search.setClearButtonEnabled(True)
        self._search.installEventFilter(self)
        self._status_filter = QComboBox(self)
        self._status_filter.setObjectName("statusFilter")
        self._status_filter.addItems([""] * len(FILTER_STATUSES))
        self._count = QLabel(self)
        self._count.setObjectName("orderCount")

    @Slot()
    def clear_filters(self) -> None:
        self._search.clear()
        self._status_filter.setCurrentIndex(0)
        self.refresh()

    @Slot()
    def focus_search(self) -> None:
        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()

    def search_text(self) -> str:
        return self._search.text()

    def set_search_text(self, text: str) -> None:
        self._search.setText(text)

    def set_status_filter(self, states: tuple[str, ...]) -> None:
        self._status_filter.setCurrentIndex(FILTER_STATUSES.index(tuple(str(s) for s in states)))

    def count_text(self) -> str:
        return self._count.text()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._search and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Escape and self._search.text():
                self._search.clear()
                return True
            if key == Qt.Key.Key_Down:
                self._focus_table()
                return True
        return super().eventFilter(watched, event)

    def _current_statuses(self) -> tuple[str, ...]:
        return FILTER_STATUSES[max(0, self._status_filter.currentIndex())]

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self._total or 0
        if self._shown_request and (self._shown_request.search or self._shown_request.statuses):
            self._count.setText(
                self.tr("Showing {shown} of {total}").format(shown=f"{shown:,}", total=f"{total:,}")
            )
        else:
            # English needs its singular; Chinese translates both the same way.
            text = self.tr("1 order") if total == 1 else self.tr("{count} orders").format(count=f"{total:,}")
            self._count.setText(text)

    def _retranslate_filters(self) -> None:
        self._search.setPlaceholderText(
            self.tr("Search order number, item, receiver or buyer's note  (Ctrl+F)")
        )
        labels = [self.tr("All statuses"), self.tr("To ship")] + [
            QCoreApplication.translate("vocabulary", ORDER_STATE_LABELS[s]) for s in OrderState
        ]
        for index, label in enumerate(labels):
            self._status_filter.setItemText(index, label)

    @Slot(str)
    def _restart_debounce(self, _text: str) -> None:
        self._debounce.start()
