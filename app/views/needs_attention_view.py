"""The "needs attention" screen: decisions the platform would not take, until a person says what now.

Owns `NeedsAttentionView`: every rejected or conflicting outbox operation, with the
person's decision and the platform's state side by side, the platform's own words and
the problem in plain words, and the choices that still make sense — Discard (always)
and Apply again (only when `needs_attention.can_reapply` says the decision still fits
the request as it is now). Both are audited by the services and run on the database
lane. The navigation shows the count ("Needs attention (2)"); `title_changed` tells
the window when it moves.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from app.models import AfterSale
from app.services import needs_attention, outbox
from app.services.outbox import OutboxRow
from app.services.permissions import Action, Actor, allowed
from app.sync.codes import AFTER_SALE_STATUS_LABELS, QT_TRANSLATE_NOOP, OperateType
from app.views import formatting
from app.views.background import BackgroundTasks
from app.views.refund_decision_flow import decision_refusal_text

OPERATE_WORDS = {
    OperateType.AGREE_REFUND: QT_TRANSLATE_NOOP("NeedsAttentionView", "Approve the refund"),
    OperateType.REFUSE_REFUND: QT_TRANSLATE_NOOP("NeedsAttentionView", "Refuse the refund"),
    OperateType.AGREE_RETURN: QT_TRANSLATE_NOOP("NeedsAttentionView", "Agree to the return"),
    OperateType.REFUSE_RETURN: QT_TRANSLATE_NOOP("NeedsAttentionView", "Refuse the return"),
    OperateType.CONFIRM_RETURN_AND_REFUND: QT_TRANSLATE_NOOP("NeedsAttentionView", "Refund after inspection"),
    OperateType.REFUSE_RETURNED_GOODS: QT_TRANSLATE_NOOP("NeedsAttentionView", "Refuse the returned goods"),
    OperateType.AGREE_EXCHANGE: QT_TRANSLATE_NOOP("NeedsAttentionView", "Agree to the exchange or resend"),
    OperateType.CONFIRM_EXCHANGE_RECEIPT: QT_TRANSLATE_NOOP(
        "NeedsAttentionView", "Confirm the exchanged goods arrived"
    ),
}
COL_REQUEST, COL_DECISION, COL_PLATFORM, COL_WORDS = range(4)


@dataclass(frozen=True, slots=True)
class AttentionItem:
    op: OutboxRow
    can_reapply: bool
    status_now: int | None  # the request's status in the mirror (the platform's, as last synced)
    product_name: str
    refund_amount: int


def attention_items(session: Session) -> list[AttentionItem]:
    items = []
    for op in outbox.needing_attention(session):
        request = session.get(AfterSale, op.entity_id) if op.entity_type == "after_sale" else None
        items.append(
            AttentionItem(
                op,
                needs_attention.can_reapply(session, op.seq),
                request.status if request else None,
                request.product_name if request else "",
                request.refund_amount if request else 0,
            )
        )
    return items


class NeedsAttentionView(QWidget):
    """The list, the platform's words for the selected one, and Discard / Apply again."""

    rows_loaded = Signal()
    title_changed = Signal()
    resolved = Signal()  # a person discarded or re-applied something

    def __init__(
        self,
        tasks: BackgroundTasks,
        sessions: sessionmaker[Session],
        actor: Actor | None,
        *,
        clock: Callable[[], float] = time.time,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks, self._sessions, self._actor, self._clock = tasks, sessions, actor, clock
        self._items: list[AttentionItem] = []
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("attentionTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(COL_WORDS, QHeaderView.ResizeMode.Stretch)
        for column in (COL_REQUEST, COL_DECISION, COL_PLATFORM):
            self.table.horizontalHeader().resizeSection(
                column, self.fontMetrics().horizontalAdvance("M") * 18
            )
        self.words = QLabel(self)
        self.words.setObjectName("attentionWords")
        self.words.setWordWrap(True)
        self.words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.discard_button = QPushButton(self)
        self.discard_button.setObjectName("discardButton")
        self.reapply_button = QPushButton(self)
        self.reapply_button.setObjectName("reapplyButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.reapply_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.words)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.discard_button.clicked.connect(lambda: self._resolve(discard=True))
        self.reapply_button.clicked.connect(lambda: self._resolve(discard=False))
        self.retranslate_ui()
        self.refresh()

    # --- what other parts of the app call ----------------------------------------------
    def screen_title(self) -> str:
        if self._items:
            return self.tr("Needs attention ({count})").format(count=len(self._items))
        return self.tr("Needs attention")

    def on_data_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {"after_sales", "outbox"}:
            self.refresh()

    def refresh(self) -> None:
        self._tasks.read("attention.list", self._sessions, attention_items, self._on_items)

    def items(self) -> list[AttentionItem]:
        return list(self._items)

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    # --- answers ---------------------------------------------------------------------
    def _on_items(self, items: list[AttentionItem]) -> None:
        selected = self._selected()
        before = len(self._items)
        self._items = items
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            for column, text in enumerate(self._cells(item)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        if selected is not None:
            seqs = [item.op.seq for item in items]
            if selected.op.seq in seqs:
                self.table.selectRow(seqs.index(selected.op.seq))
        self._update_buttons()
        if before != len(items):
            self.title_changed.emit()
        self.rows_loaded.emit()

    def _cells(self, item: AttentionItem) -> list[str]:
        op = item.op
        request = f"{op.entity_id}\n{item.product_name} · {formatting.money(item.refund_amount)}"
        kind = OPERATE_WORDS.get(op.params.get("type"), op.method)
        decision = self.tr("{decision}\nmade {time}").format(
            decision=QCoreApplication.translate("NeedsAttentionView", kind),
            time=formatting.shop_time(op.created_at),
        )
        status = item.status_now
        if status is None:
            try:
                status = json.loads(op.platform_state).get("status") if op.platform_state else None
            except (ValueError, AttributeError):
                status = None
        label = AFTER_SALE_STATUS_LABELS.get(status) if status is not None else None
        platform = QCoreApplication.translate("codes", label) if label else self.tr("unknown")
        state = self.tr("refused") if op.state == "rejected" else self.tr("the request had changed")
        problem = QCoreApplication.translate("sync", op.problem) if op.problem else ""
        said = self.tr("The platform said: {words}").format(words=op.platform_message or "—")
        words = "\n".join(part for part in (problem, said) if part)
        return [request, decision, f"{platform}\n({state})", words]

    def _selected(self) -> AttentionItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self._items[rows[0].row()] if rows and rows[0].row() < len(self._items) else None

    def _update_buttons(self) -> None:
        item = self._selected()
        may = self._actor is not None and allowed(self._actor, Action.DECIDE_REFUND)
        self.discard_button.setEnabled(may and item is not None)
        self.reapply_button.setEnabled(may and item is not None and item.can_reapply)
        self.words.setText(self._cells(item)[COL_WORDS] if item else "")
        self.error_label.clear()

    def _resolve(self, *, discard: bool) -> None:
        item, actor, sessions, now = self._selected(), self._actor, self._sessions, int(self._clock())
        if item is None or actor is None:
            return
        seq = item.op.seq

        def work() -> None:
            with sessions.begin() as session:
                if discard:
                    outbox.discard(session, actor, seq, now=now)
                else:
                    needs_attention.reapply(session, actor, seq, now=now)

        def done(_none: None) -> None:
            self.refresh()
            self.resolved.emit()

        self._tasks.run("attention.resolve", work, done, self._refused)

    def _refused(self, error: BaseException) -> None:
        self.error_label.setText(decision_refusal_text(error))

    # --- language ----------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.intro.setText(
            self.tr(
                "The platform did not take these decisions. Look at what it says, then discard the "
                "decision or apply it again to the request as it is now."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Request"), self.tr("Your decision"), self.tr("Platform now"), self.tr("What happened")]
        )
        self.discard_button.setText(self.tr("Discard"))
        self.reapply_button.setText(self.tr("Apply again"))
        self.discard_button.setToolTip(
            self.tr("Drop this decision; the request stays as the platform has it.")
        )
        self.reapply_button.setToolTip(
            self.tr("Send the same decision again, based on the request as it is now.")
        )
        if self._items:
            self._on_items(self._items)
        self.title_changed.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
