"""The "needs attention" screen: what the platform would not take, until a person says what now.

Owns `NeedsAttentionView`: every rejected or conflicting outbox operation the person
can resolve — refund decisions and shipments — with what was done and the platform's
state side by side, the platform's own words and the problem in plain words (the rows'
words in `rows.py`), and the choices that still make sense: Discard, and Apply again
only when it still fits, each enabled as the service says the person may
(`services.attention.items`: the screen shows its answers, never works them out).
The services decide and audit, on the database lane; their refusals are shown in
plain words. The navigation shows the count ("Needs attention (2)"); `title_changed`
tells the window when it moves.

Below, when there are any, the records the platform sent that the sync could not keep:
`SetAsideTable`, in `set_aside_table.py`. Above, for the owner, the automatic-decision
rules that stopped themselves and why (`services.automation.stopped`), counted too.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

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

from app.services import outbox
from app.services.attention import needs_attention
from app.services.attention.items import AttentionItem, attention_items
from app.services.attention.needs_attention import SetAsideRecord
from app.services.automation.stopped import STOPPED_LINE, StoppedRule, stopped_rules
from app.services.people.permissions import Actor
from app.services.rule_history import rules_in_force
from app.views.attention.rows import row_texts
from app.views.attention.set_aside_table import SetAsideTable
from app.views.common.background import BackgroundTasks
from app.views.common.people_words import refusal_text

COL_SUBJECT, COL_DONE, COL_PLATFORM, COL_WORDS = range(4)


class NeedsAttentionView(SetAsideTable, QWidget):
    """The list, the platform's words for the selected one, and Discard / Apply again."""

    rows_loaded = Signal()
    set_aside_loaded = Signal()
    title_changed = Signal()
    resolved = Signal()  # a person discarded or re-applied something

    def __init__(
        self,
        tasks: BackgroundTasks,
        sessions: sessionmaker[Session],
        actor: Actor | None,
        *,
        clock: Callable[[], float] = time.time,
        platform: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`platform`: the shop's ("douyin", "tiktok"; None: Douyin), whose clock times show on."""
        super().__init__(parent)
        self._platform, self._tz = platform, rules_in_force(platform).shipping.tz
        self._tasks, self._sessions, self._actor, self._clock = tasks, sessions, actor, clock
        self._items: list[AttentionItem] = []
        self._set_aside: list[SetAsideRecord] = []
        self._stopped: list[StoppedRule] = []
        self.stopped_label = QLabel(self)  # the owner's rules that stopped themselves
        self.stopped_label.setObjectName("stoppedRules")
        self.stopped_label.setWordWrap(True)
        self.stopped_label.hide()
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.empty_label = QLabel(self)  # nothing to resolve: say so, not an empty grid
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("attentionTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(COL_WORDS, QHeaderView.ResizeMode.Stretch)
        # Room for "Order" and a 19-digit id on one line, and a carrier with its tracking number.
        for column, letters in ((COL_SUBJECT, 22), (COL_DONE, 20), (COL_PLATFORM, 18)):
            self.table.horizontalHeader().resizeSection(
                column, self.fontMetrics().horizontalAdvance("M") * letters
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
        set_aside_buttons = self._build_set_aside()
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.reapply_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addWidget(self.stopped_label)
        layout.addWidget(self.intro)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.words)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        layout.addWidget(self.set_aside_intro)
        layout.addWidget(self.set_aside_table, 1)
        layout.addLayout(set_aside_buttons)
        self.set_aside_intro.hide()
        self.set_aside_table.hide()
        self.dismiss_set_aside_button.hide()
        self.set_aside_table.itemSelectionChanged.connect(self._update_dismiss_button)
        self.dismiss_set_aside_button.clicked.connect(self._dismiss_set_aside)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.discard_button.clicked.connect(lambda: self._resolve(discard=True))
        self.reapply_button.clicked.connect(lambda: self._resolve(discard=False))
        self.retranslate_ui()
        self.refresh()

    # --- what other parts of the app call ----------------------------------------------
    def screen_title(self) -> str:
        count = len(self._items) + len(self._set_aside) + len(self._stopped)
        if count:
            return self.tr("Needs attention ({count})").format(count=count)
        return self.tr("Needs attention")

    def on_data_changed(self, kinds: frozenset[str]) -> None:
        # "quarantine": another workstation's sync set a record aside (or saw it fixed).
        if kinds & {"after_sales", "orders", "outbox", "quarantine"}:
            self.refresh()

    def refresh(self) -> None:
        self._tasks.read(
            "attention.list",
            self._sessions,
            partial(attention_items, actor=self._actor, platform=self._platform),
            self._on_items,
        )
        self._tasks.read(
            "attention.set_aside", self._sessions, needs_attention.set_aside_records, self._on_set_aside
        )
        self._tasks.read(
            "attention.stopped_rules",
            self._sessions,
            partial(stopped_rules, actor=self._actor),
            self._on_stopped,
        )

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
            for column, text in enumerate(row_texts(item, self._tz)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        if selected is not None:
            seqs = [item.op.seq for item in items]
            if selected.op.seq in seqs:
                self.table.selectRow(seqs.index(selected.op.seq))
        self._update_buttons()
        self._show_what_is_there()
        if before != len(items):
            self.title_changed.emit()
        self.rows_loaded.emit()

    def _on_stopped(self, rules: list[StoppedRule]) -> None:
        before = len(self._stopped)
        self._stopped = rules
        lines = [
            QCoreApplication.translate("automation", STOPPED_LINE).format(
                rule=rule.name,
                version=rule.version,
                reason=QCoreApplication.translate("automation", rule.reason_text),
            )
            for rule in rules
        ]
        self.stopped_label.setText("\n".join(lines))
        self.stopped_label.setVisible(bool(rules))
        self._show_what_is_there()
        if before != len(rules):
            self.title_changed.emit()

    def _show_what_is_there(self) -> None:
        """The decisions' table and its buttons only when there are decisions; the words
        "nothing needs you" when there is nothing at all."""
        for widget in (self.intro, self.table, self.words, self.discard_button, self.reapply_button):
            widget.setVisible(bool(self._items))
        self.empty_label.setVisible(not self._items and not self._set_aside and not self._stopped)

    def _selected(self) -> AttentionItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self._items[rows[0].row()] if rows and rows[0].row() < len(self._items) else None

    def _update_buttons(self) -> None:
        item = self._selected()
        self.discard_button.setEnabled(item is not None and item.may_discard)
        self.reapply_button.setEnabled(item is not None and item.may_reapply)
        self.words.setText(row_texts(item, self._tz)[COL_WORDS] if item else "")
        # When it could go again but not from this person: the permission's own refusal.
        refused = item.reapply_refused if item else None
        self.error_label.setText(refusal_text(refused) if refused else "")
        self._retranslate_buttons(item)

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
                    needs_attention.reapply(session, actor, seq, now=now, platform=self._platform)

        def done(_none: None) -> None:
            self.refresh()
            self.resolved.emit()

        self._tasks.run("attention.resolve", work, done, self._refused)

    def _refused(self, error: BaseException) -> None:
        self.error_label.setText(refusal_text(error))

    # --- language ----------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.intro.setText(
            self.tr(
                "The platform did not take these decisions and shipments. Look at what it says, then "
                "discard one or apply it again to the request or order as it is now."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Order or request"),
                self.tr("Your decision"),
                self.tr("Platform now"),
                self.tr("What happened"),
            ]
        )
        self.discard_button.setText(self.tr("Discard"))
        self.reapply_button.setText(self.tr("Apply again"))
        self.empty_label.setText(
            self.tr("Nothing needs you: every decision and shipment made here was taken by the platform.")
        )
        self._retranslate_set_aside()
        self._retranslate_buttons(self._selected())
        if self._items:
            self._on_items(self._items)
        if self._set_aside:
            self._on_set_aside(self._set_aside)
        if self._stopped:
            self._on_stopped(self._stopped)
        self.title_changed.emit()

    def _retranslate_buttons(self, item: AttentionItem | None) -> None:
        if item is not None and item.is_shipment:
            self.discard_button.setToolTip(
                self.tr("Drop this shipment; ship again from the shipping board if the parcel still goes.")
            )
            self.reapply_button.setToolTip(
                self.tr("Send the same shipment again, refusing the buyer's refund request.")
            )
            return
        self.discard_button.setToolTip(
            self.tr("Drop this decision; the request stays as the platform has it.")
        )
        self.reapply_button.setToolTip(
            self.tr("Send the same decision again, based on the request as it is now.")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
