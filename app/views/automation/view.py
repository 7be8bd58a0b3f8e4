"""The owner's Automatic decisions screen: the decision rules in order, their versions, their editor.

Owns `AutomationView`: the rules as the evaluation looks at them (first match decides),
each with its version, whether it is deciding or why it stopped itself, and who switched it
on (it acts with that owner's rights); moving a rule up or down, switching it on or off,
writing a new rule or a new version of one in `RuleEditorDialog` (its dry run runs here, off
the GUI thread, and sends nothing), and the chosen rule's versions below. Every change is one
call of `rule_book` in one transaction on the database lane; a refusal is shown in plain
words in the dialog that asked or in the banner, and the person's form is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from app.core.money import CNY
from app.services.automation import rule_book
from app.services.automation.conditions import RuleForm
from app.services.automation.dry_run import DryRunReport, dry_run
from app.services.automation.rule_book import RuleRow, RuleVersionRow
from app.services.orders.queries import shop_currency
from app.services.people import accounts
from app.services.people.permissions import Actor
from app.services.rule_files import PLATFORMS
from app.services.rule_history import rules_in_force
from app.views.automation.rule_editor import RuleEditorDialog
from app.views.automation.rule_models import RuleListModel, VersionModel
from app.views.common import formatting
from app.views.common.background import BackgroundTasks
from app.views.common.people_words import refusal_text
from app.views.common.table_model import ROW_ROLE


class AutomationView(QWidget):
    """The decision rules of the shop, for its owner."""

    rules_loaded = Signal()
    versions_loaded = Signal()
    changed = Signal()  # a change of the owner's committed

    def __init__(
        self,
        tasks: BackgroundTasks,
        sessions: sessionmaker[Session],
        actor: Actor,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], int] = formatting.now_utc,
        platform: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks, self._sessions, self._actor, self._clock = tasks, sessions, actor, clock
        self._platform: str = platform if platform is not None and platform in PLATFORMS else "douyin"
        self._tz: tzinfo = rules_in_force(self._platform).shipping.tz
        self._currency = CNY
        self.dialog: RuleEditorDialog | None = None

        self.intro = QLabel(self)
        self.intro.setObjectName("automationIntro")
        self.intro.setWordWrap(True)
        self.banner = QLabel(self)
        self.banner.setObjectName("formError")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.new_button = self._button("newRule", self.new_rule)
        self.edit_button = self._button("editRule", self.edit_rule)
        self.up_button = self._button("ruleUp", lambda: self.move_selected(-1))
        self.down_button = self._button("ruleDown", lambda: self.move_selected(+1))
        self.switch_button = self._button("switchRule", self.switch_selected)
        self.model = RuleListModel(self)
        self.table = self._table("automationRules", self.model)
        self.versions_model = VersionModel(self, tz=self._tz)
        self.versions = self._table("ruleVersions", self.versions_model)
        self.versions_label = QLabel(self)

        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.versions_label)
        layout.addWidget(self.versions, 2)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.doubleClicked.connect(self.edit_rule)
        self.retranslate_ui()
        self.refresh()

    def _button(self, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _table(self, name: str, model: Any) -> QTableView:
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def screen_title(self) -> str:
        return self.tr("Automatic decisions")

    def selected_rule(self) -> RuleRow | None:
        index = self.table.currentIndex()
        row = self.model.data(index, ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, RuleRow) else None

    def select_rule(self, rule_id: int) -> None:
        if (row := self.model.row_of(rule_id)) >= 0:
            self.table.selectRow(row)

    # --- reading -------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        actor = self._actor

        def read(session: Session) -> tuple[list[RuleRow], str]:
            return rule_book.list_rules(session, actor), shop_currency(session)

        self._tasks.read("automation.rules", self._sessions, read, self._on_rules, self._on_failed)

    def _on_rules(self, answer: tuple[list[RuleRow], str]) -> None:
        rules, self._currency = answer
        chosen = self.selected_rule()
        self.model.currency = self.versions_model.currency = self._currency
        self.model.set_rows(rules)
        if chosen is not None:
            self.select_rule(chosen.rule_id)
        elif rules:
            self.table.selectRow(0)
        self._on_current()
        self.rules_loaded.emit()

    def _on_failed(self, error: BaseException) -> None:
        self._show_refusal(error)
        self.rules_loaded.emit()

    @Slot()
    def _on_current(self, *_: object) -> None:
        rule = self.selected_rule()
        self._update_buttons()
        if rule is None:
            self.versions_model.set_versions([])
            return
        actor, rule_id = self._actor, rule.rule_id

        def read(session: Session) -> tuple[list[RuleVersionRow], dict[int, str]]:
            names = {user.id: user.display_name for user in accounts.list_users(session)}
            return rule_book.rule_versions(session, actor, rule_id), names

        self._tasks.read("automation.versions", self._sessions, read, self._on_versions, self._on_failed)

    def _on_versions(self, answer: tuple[list[RuleVersionRow], dict[int, str]]) -> None:
        versions, self.versions_model.names = answer
        self.versions_model.set_versions(versions)
        self.versions_loaded.emit()

    # --- the owner's changes -------------------------------------------------------------
    def _change(self, change: Callable[[Session], object], then: Callable[[], None] | None = None) -> None:
        sessions = self._sessions

        def unit_of_work() -> None:
            with sessions.begin() as session:
                change(session)

        def done(_: None) -> None:
            self.banner.hide()
            self.changed.emit()
            if then is not None:
                then()
            self.refresh()

        self._tasks.run("automation.change", unit_of_work, done, self._show_refusal)

    @Slot()
    def move_selected(self, step: int) -> None:
        rule = self.selected_rule()
        if rule is None:
            return
        actor, now, place = self._actor, self._clock(), rule.position + step
        self._change(lambda s: rule_book.move_rule(s, actor, rule.rule_id, place, now=now))

    @Slot()
    def switch_selected(self) -> None:
        rule = self.selected_rule()
        if rule is None:
            return
        actor, now = self._actor, self._clock()
        switch = rule_book.switch_off if rule.enabled else rule_book.switch_on
        self._change(lambda s: switch(s, actor, rule.rule_id, now=now))

    @Slot()
    def new_rule(self) -> None:
        self._open(None)

    @Slot()
    def edit_rule(self) -> None:
        if (rule := self.selected_rule()) is not None:
            self._open(rule)

    def _open(self, rule: RuleRow | None) -> None:
        dialog = RuleEditorDialog(rule.form if rule else None, self, currency=self._currency, tz=self._tz)
        self.dialog = dialog
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        dialog.finished.connect(dialog.deleteLater)
        dialog.dry_run_requested.connect(lambda form, days: self._dry_run(dialog, rule, form, days))
        actor, rule_id = self._actor, rule.rule_id if rule else None

        def close() -> None:
            if shiboken6.isValid(dialog):  # the person may have closed it meanwhile
                dialog.accept()

        def keep() -> None:
            form, now = dialog.rule_form(), self._clock()
            if rule_id is None:
                self._change(lambda s: rule_book.create_rule(s, actor, form, now=now), close)
            else:
                self._change(lambda s: rule_book.edit_rule(s, actor, rule_id, form, now=now), close)

        dialog.submitted.connect(keep)
        dialog.open()

    def _dry_run(self, dialog: RuleEditorDialog, rule: RuleRow | None, form: RuleForm, days: int) -> None:
        """What the form would have done: a new rule's after the rules that are on, an edit
        in the kept rule's place in the order (its kept version left out)."""
        actor, now, platform = self._actor, self._clock(), self._platform
        rule_id = rule.rule_id if rule is not None else None

        def run(session: Session) -> DryRunReport:
            return dry_run(session, actor, form, days=days, now=now, platform=platform, rule_id=rule_id)

        def shown(report: DryRunReport) -> None:
            if shiboken6.isValid(dialog):
                dialog.dry_run.show_report(report)

        def failed(error: BaseException) -> None:
            if shiboken6.isValid(dialog):
                dialog.dry_run.show_failure(refusal_text(error))

        dialog.dry_run.show_running(days)
        self._tasks.read("automation.dry_run", self._sessions, run, shown, failed)

    def _show_refusal(self, error: BaseException) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog) and self.dialog.isVisible():
            self.dialog.show_error(refusal_text(error))
            return
        self.banner.setText(refusal_text(error))
        self.banner.show()

    def _update_buttons(self) -> None:
        rule, count = self.selected_rule(), self.model.row_count()
        self.edit_button.setEnabled(rule is not None)
        self.switch_button.setEnabled(rule is not None)
        self.up_button.setEnabled(rule is not None and rule.position > 1)
        self.down_button.setEnabled(rule is not None and self.model.row_of(rule.rule_id) < count - 1)
        self.switch_button.setText(
            self.tr("Switch &off") if rule is not None and rule.enabled else self.tr("Switch &on")
        )
        self.versions_label.setText(
            self.tr("Versions of “{name}”").format(name=rule.form.name) if rule else self.tr("Versions")
        )

    # --- language ------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.intro.setText(
            self.tr(
                "Each request waiting for the shop is looked at by these rules in order; the first "
                "that matches decides. A decision waits out its undo window in the outbox, and a "
                "rule acts with the rights of the owner who switched it on."
            )
        )
        self.new_button.setText(self.tr("&New rule…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.up_button.setText(self.tr("Move &up"))
        self.down_button.setText(self.tr("Move &down"))
        self.model.retranslate()
        self.versions_model.retranslate()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
