"""The rule editor's dry run: what the rule being edited would have done over 30 or 90 days.

Owns `DryRunPanel`: two buttons ("Try on the last 30 days", "… 90 days") that ask the
screen for a dry run (`try_requested`; the screen runs `dry_run` off the GUI thread, it
sends nothing and writes nothing), the answer in words — how many requests of how many,
how much money in the shop's currency, how many people decided otherwise, where the
daily limit would have stopped it — and the requests themselves in a table, those where
people decided otherwise in red, and shown alone on request.
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.shop_time import SHOP_TZ
from app.services.automation.dry_run import PERIODS_DAYS, DryRunReport
from app.views.automation.rule_models import DryRunModel
from app.views.common import formatting


class DryRunPanel(QWidget):
    """Asks for a dry run and shows its answer."""

    try_requested = Signal(int)  # days
    shown = Signal()  # an answer (or a failure) is on screen

    def __init__(self, parent: QWidget | None = None, *, tz: tzinfo = SHOP_TZ) -> None:
        super().__init__(parent)
        self._tz = tz
        self._report: DryRunReport | None = None
        self._running_days: int | None = None
        self._failure = ""
        self.buttons: dict[int, QPushButton] = {}
        buttons = QHBoxLayout()
        for days in PERIODS_DAYS:
            button = QPushButton(self)
            button.setObjectName(f"tryDays{days}")
            button.clicked.connect(lambda _=False, d=days: self.try_requested.emit(d))
            self.buttons[days] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.summary = QLabel(self)
        self.summary.setObjectName("dryRunSummary")
        self.summary.setWordWrap(True)
        self.only_disagreements = QCheckBox(self)
        self.only_disagreements.setObjectName("onlyDisagreements")
        self.model = DryRunModel(self, tz=tz)
        self.table = QTableView(self)
        self.table.setObjectName("dryRunTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(False)  # the tint of a disagreement must stand out
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.note = QLabel(self)
        self.note.setObjectName("dryRunNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.only_disagreements)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.only_disagreements.toggled.connect(self.model.set_only_disagreements)
        self.retranslate_ui()

    def report(self) -> DryRunReport | None:
        return self._report

    # --- what the screen says ------------------------------------------------------------
    def show_running(self, days: int) -> None:
        self._running_days, self._failure = days, ""
        for button in self.buttons.values():
            button.setEnabled(False)
        self._show_summary()

    def show_report(self, report: DryRunReport) -> None:
        self._report, self._running_days, self._failure = report, None, ""
        self.model.set_report_rows(report.rows, report.currency)
        self._done()

    def show_failure(self, text: str) -> None:
        self._running_days, self._failure = None, text
        self._done()

    def _done(self) -> None:
        for button in self.buttons.values():
            button.setEnabled(True)
        self._show_summary()
        self.shown.emit()

    @Slot()
    def _show_summary(self) -> None:
        if self._running_days is not None:
            text = self.tr("Trying the rule on the last {days} days…").format(days=self._running_days)
        elif self._failure:
            text = self.tr("The dry run could not be done: {error}").format(error=self._failure)
        elif self._report is None:
            text = self.tr("See what this rule would have done before you switch it on.")
        else:
            text = self._report_words(self._report)
        self.summary.setText(text)

    def _report_words(self, r: DryRunReport) -> str:
        words = self.tr(
            "Over the last {days} days it would have decided {matched} of {looked} requests, "
            "{money} in all. People decided otherwise on {disagreements} of them."
        ).format(
            days=r.days, matched=r.matched, looked=r.requests_looked_at,
            money=formatting.money(r.money_fen, r.currency), disagreements=r.disagreements,
        )  # fmt: skip
        if r.stopped_by_cap_at is not None:
            words += " " + self.tr("Its daily limit would have stopped it at {time}.").format(
                time=formatting.shop_time(r.stopped_by_cap_at, tz=self._tz)
            )
        return words

    # --- language ------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        for days, button in self.buttons.items():
            button.setText(self.tr("Try on the last {days} days").format(days=days))
        self.only_disagreements.setText(self.tr("Only where people decided otherwise"))
        self.note.setText(self.tr("A dry run sends nothing to the platform and changes nothing in the shop."))
        self.model.retranslate()
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
