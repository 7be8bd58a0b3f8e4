"""The refund queue's bars: the filters above the table, the decision buttons, the alarm.

Owns `FilterBar` (type, status, urgency, refund range in yuan, a debounced search,
only the requests handed to the owner; `current()` is a plain `QueueFilters` the
screen hands to `list_queue`), `ActionBar` (approve, refuse, approve the selection,
hand a request to the owner — or, for the owner, hand it back — and why they are
disabled), and
`UrgentNotifier`, which says once that a request is due within the hour: as a
system-tray message where the desktop has a tray, else as a status-bar notice.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from app.core.money import CNY
from app.core.vocabulary import REQUEST_KIND_LABELS, RequestKind, RequestState
from app.services.people.permissions import Action, Actor, allowed
from app.services.refunds.available_decisions import refused_by_shipping
from app.services.refunds.queue import QueueRow
from app.views.common.formatting import currency_symbol
from app.views.common.people_words import parse_yuan
from app.views.refunds import arbitration_marks

SEARCH_DEBOUNCE_MS = 250
# The type and status filters' entries: the RequestKinds and RequestStates each keeps (none: all).
TYPES: tuple[tuple[str, ...], ...] = ((), *((str(k),) for k in RequestKind))
STATUSES: tuple[tuple[str, ...], ...] = (
    (),
    (str(RequestState.AWAITING_SHOP),),
    (str(RequestState.RETURN_AWAITING_INSPECTION),),
    (str(RequestState.AWAITING_SHOP_SHIPMENT),),  # an agreed resend or repair: the shop ships
)
URGENCIES: tuple[str | None, ...] = (None, "1h", "6h", "24h", "overdue")


@dataclass(frozen=True, slots=True)
class QueueFilters:
    search: str = ""
    types: tuple[str, ...] = ()  # RequestKinds
    statuses: tuple[str, ...] = ()  # RequestStates
    urgency: str | None = None
    min_amount: int | None = None
    max_amount: int | None = None
    handed: bool = False  # only the requests handed to the owner

    def is_default(self) -> bool:
        return self == QueueFilters()


class FilterBar(QWidget):
    """The queue's filters; `changed` once the person stops typing or picks something."""

    changed = Signal()
    leave_down = Signal()  # Down or Enter in the search box: go to the table

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("refundSearch")
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.type_box, self.status_box, self.urgency_box = QComboBox(self), QComboBox(self), QComboBox(self)
        self.type_box.setObjectName("typeFilter")
        self.status_box.setObjectName("statusFilter")
        self.urgency_box.setObjectName("urgencyFilter")
        for box, count in ((self.type_box, len(TYPES)), (self.status_box, len(STATUSES)),
                           (self.urgency_box, len(URGENCIES))):  # fmt: skip
            box.addItems([""] * count)
            box.currentIndexChanged.connect(self.changed)
            # Narrow windows shrink the boxes rather than the table; the list still shows all.
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(6)
        self._symbol = currency_symbol(CNY)  # the shop's currency's, once its rows say which
        self.min_edit, self.max_edit = QLineEdit(self), QLineEdit(self)
        self.min_edit.setObjectName("minAmount")
        self.max_edit.setObjectName("maxAmount")
        width = self.fontMetrics().horizontalAdvance("¥10,000.00") + 16
        self.dash = QLabel("–", self)
        self.handed_box = QCheckBox(self)
        self.handed_box.setObjectName("handedFilter")
        self.handed_box.toggled.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        for widget in (self.type_box, self.status_box, self.urgency_box):
            layout.addWidget(widget, 1)
        for widget in (self.min_edit, self.dash, self.max_edit):
            if isinstance(widget, QLineEdit):
                widget.setFixedWidth(width)
            layout.addWidget(widget)
        layout.addWidget(self.handed_box)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.changed)
        for edit in (self.search, self.min_edit, self.max_edit):
            # Through a method: Qt would match textChanged(str) to QTimer.start(int).
            edit.textChanged.connect(self._restart_debounce)
        self.search.returnPressed.connect(self.leave_down)
        self.retranslate_ui()

    def current(self) -> QueueFilters:
        self._debounce.stop()
        return QueueFilters(
            self.search.text().strip(),
            TYPES[max(0, self.type_box.currentIndex())],
            STATUSES[max(0, self.status_box.currentIndex())],
            URGENCIES[max(0, self.urgency_box.currentIndex())],
            self._amount(self.min_edit),
            self._amount(self.max_edit),
            self.handed_box.isChecked(),
        )

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def set_currency(self, currency: str | None) -> None:
        """The refund range in `currency` (the shop's rows'; None: as it is)."""
        if currency is not None and currency_symbol(currency) != self._symbol:
            self._symbol = currency_symbol(currency)
            self.retranslate_ui()

    def _amount(self, edit: QLineEdit) -> int | None:
        try:  # in minor units: cents as fen, for the currencies of two decimals the desk shows
            fen = parse_yuan(edit.text().replace(self._symbol, ""))
        except ValueError:
            edit.setStyleSheet("color: #c62828;")  # unreadable: ignored, and shown so
            return None
        edit.setStyleSheet("")
        return fen

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Search request, order, product or reason  (Ctrl+F)"))
        types = [self.tr("All types")] + [
            QCoreApplication.translate("vocabulary", REQUEST_KIND_LABELS[k]) for k in RequestKind
        ]
        statuses = [
            self.tr("All waiting"), self.tr("To review"), self.tr("Returned, to inspect"), self.tr("To send"),
        ]  # fmt: skip
        urgencies = [
            self.tr("Any deadline"), self.tr("Due within 1 h"), self.tr("Due within 6 h"),
            self.tr("Due within 24 h"), self.tr("Deadline passed"),
        ]  # fmt: skip
        for box, labels in (
            (self.type_box, types),
            (self.status_box, statuses),
            (self.urgency_box, urgencies),
        ):
            for index, label in enumerate(labels):
                box.setItemText(index, label)
        self.min_edit.setPlaceholderText(self.tr("Min {currency}").format(currency=self._symbol))
        self.max_edit.setPlaceholderText(self.tr("Max {currency}").format(currency=self._symbol))
        self.handed_box.setText(self.tr("With the owner"))
        self.handed_box.setToolTip(self.tr("Only the requests handed to the owner to decide"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape and self.search.text():  # type: ignore[attr-defined]
                self.search.clear()
                return True
            if event.key() == Qt.Key.Key_Down:  # type: ignore[attr-defined]
                self.leave_down.emit()
                return True
        return super().eventFilter(watched, event)

    @Slot(str)
    def _restart_debounce(self, _text: str) -> None:
        self._debounce.start()


class ActionBar(QWidget):
    """Approve, refuse, approve the selection; a hint says why they are greyed out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.approve_button = QPushButton(self)
        self.approve_button.setObjectName("approveButton")
        self.refuse_button = QPushButton(self)
        self.refuse_button.setObjectName("refuseButton")
        self.bulk_button = QPushButton(self)
        self.bulk_button.setObjectName("bulkApproveButton")
        self.hand_button = QPushButton(self)  # a clerk hands to the owner; the owner hands back
        self.hand_button.setObjectName("handButton")
        self._hands_back = False
        self.hint = QLabel(self)
        self.hint.setObjectName("actionHint")
        self.hint.setStyleSheet("color: #6e7781;")
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        for widget in (self.approve_button, self.refuse_button, self.bulk_button, self.hand_button):
            layout.addWidget(widget)
        layout.addWidget(self.hint, 1)
        self._selected = 0
        self._refuses_by_shipping = False
        self.retranslate_ui()

    def update_for(self, row: QueueRow | None, selected: int, may_decide: bool, actor: Actor | None) -> None:
        self._selected = selected
        # A refund before shipment is refused only by shipping its order: the button says so.
        self._refuses_by_shipping = row is not None and refused_by_shipping(row.kind, row.state)
        # A request there for the platform's arbitration alone takes no decision from here.
        for_arbitration = row is not None and bool(arbitration_marks.instead_of_suggestion(row))
        can_act = may_decide and row is not None and not row.pending and not for_arbitration
        self.approve_button.setEnabled(can_act)
        self.refuse_button.setEnabled(can_act)
        self.bulk_button.setEnabled(may_decide and selected > 1)
        hands_over = actor is not None and allowed(actor, Action.HAND_TO_OWNER)
        self._hands_back = actor is not None and allowed(actor, Action.HAND_BACK_TO_CLERK)
        self.hand_button.setVisible(hands_over or self._hands_back)
        handed = row is not None and bool(row.handed_reason)
        may_hand = handed if self._hands_back else hands_over and not handed
        self.hand_button.setEnabled(row is not None and not row.pending and may_hand)
        if not may_decide:
            hint = self.tr("Your role can look at requests but not decide them.") if actor else self.tr(
                "Sign in to decide requests.")  # fmt: skip
        elif row is not None and row.pending:
            hint = self.tr("A decision on this request is waiting to be sent.")
        elif for_arbitration:
            hint = self.tr("The platform asks for the shop's evidence: give it in its back office.")
        elif row is not None and row.handed_reason and hands_over:
            hint = self.tr("Handed to the owner by {name}; it waits for the owner.")
            hint = hint.format(name=row.handed_by)
        else:
            hint = self.tr("Enter: suggested decision · A: approve · R: refuse · Space: select")
        self.hint.setText(hint)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.approve_button.setText(self.tr("Approve… (A)"))
        if self._refuses_by_shipping:
            self.refuse_button.setText(self.tr("Refuse by shipping… (R)"))
        else:
            self.refuse_button.setText(self.tr("Refuse… (R)"))
        self.bulk_button.setText(self.tr("Approve {count} selected…").format(count=max(self._selected, 0)))
        hand = self.tr("Hand back… (H)") if self._hands_back else self.tr("Hand to owner… (H)")
        self.hand_button.setText(hand)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
