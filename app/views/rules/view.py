"""The Rules screen (owner): every rule set of each platform, when each took effect, where
each value comes from, and what changed from one set to the next, side by side.

Owns `RulesView`: a platform to look at (the shop's own first), its sets oldest first (the
shop's own sets on top of its platform's, `shop_sets`), and two sets compared value by value
(`compare.compare`; by default the newest and the one before it, only what changed). The
owner adds the shop's own set here (`ShopRuleSetDialog`, carried out off the GUI thread by
`shop_sets.add_shop_rule_set`; a refusal stays in the dialog with everything typed). Every
read goes through `BackgroundTasks`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
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

from app.core import shop_time
from app.services.people.permissions import Action, Actor, allowed
from app.services.rule_history import ShopRuleSet, rules_in_force
from app.services.rule_history.compare import RuleSetSummary, ValueChange, compare, rule_set_summaries
from app.services.rule_history.history import SHOP_SOURCE_PREFIX
from app.services.rule_history.shop_sets import add_shop_rule_set, shop_rule_sets
from app.services.rules import OURS, PLATFORMS
from app.views.common import formatting
from app.views.common.background import BackgroundTasks
from app.views.common.people_words import refusal_text
from app.views.rules.shop_set_dialog import ShopRuleSetDialog
from app.views.rules.value_names import value_name

SET_COLUMNS = 5
VALUE_COLUMN_PX = 200


class RulesView(QWidget):
    """The owner's view of the rule sets by date."""

    loaded = Signal()

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
        self._shop_platform = platform if platform in PLATFORMS else "douyin"
        self._own: tuple[ShopRuleSet, ...] = ()
        self._summaries: list[RuleSetSummary] = []
        self._dialog: ShopRuleSetDialog | None = None

        self.intro = QLabel(self)
        self.intro.setObjectName("rulesIntro")
        self.intro.setWordWrap(True)
        self.platform_box = QComboBox(self)
        self.platform_box.setObjectName("rulesPlatform")
        for name in sorted(PLATFORMS, key=lambda p: p != self._shop_platform):
            self.platform_box.addItem("", name)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addShopRuleSet")
        self.add_button.setVisible(allowed(actor, Action.MANAGE_SETTINGS))
        self.add_button.clicked.connect(self.open_add_dialog)
        self.sets = self._table("ruleSets", SET_COLUMNS)
        self.sets.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.before_box, self.after_box = QComboBox(self), QComboBox(self)
        self.before_box.setObjectName("compareBefore")
        self.after_box.setObjectName("compareAfter")
        for box in (self.before_box, self.after_box):  # a set's whole name, whatever the platform
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.only_changes = QCheckBox(self)
        self.only_changes.setObjectName("onlyChanges")
        self.only_changes.setChecked(True)
        self.changes = self._table("ruleChanges", 5)
        # The sources are sentences: they take the room and wrap; the values fit their words.
        changes_header = self.changes.horizontalHeader()
        for column in (1, 2):  # a keyword list is long: it wraps in a column of its own width
            changes_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            changes_header.resizeSection(column, VALUE_COLUMN_PX)
        self.changes.setWordWrap(True)
        self.changes.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.changes_note = QLabel(self)
        self.changes_note.setObjectName("changesNote")
        self._with_label = QLabel(self)
        self._compare_label = QLabel(self)

        top = QHBoxLayout()
        top.addWidget(self.platform_box)
        top.addWidget(self.intro, 1)
        top.addWidget(self.add_button)
        pick = QHBoxLayout()
        pick.addWidget(self._compare_label)
        pick.addWidget(self.before_box)
        pick.addWidget(self._with_label)
        pick.addWidget(self.after_box)
        pick.addWidget(self.only_changes)
        pick.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.sets, 1)
        layout.addLayout(pick)
        layout.addWidget(self.changes, 3)
        layout.addWidget(self.changes_note)

        self.platform_box.currentIndexChanged.connect(self._show_sets)
        self.before_box.currentIndexChanged.connect(self.show_changes)
        self.after_box.currentIndexChanged.connect(self.show_changes)
        self.only_changes.toggled.connect(self.show_changes)
        self.retranslate_ui()
        self.refresh()

    def _table(self, name: str, columns: int) -> QTableWidget:
        table = QTableWidget(0, columns, self)
        table.setObjectName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def screen_title(self) -> str:
        return self.tr("Rules")

    def platform(self) -> str:
        return str(self.platform_box.currentData())

    # --- reading ---------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        self._tasks.read("rules.own", self._sessions, shop_rule_sets, self._on_own, self._on_failed)

    def _on_own(self, own: tuple[ShopRuleSet, ...]) -> None:
        self._own = own
        self._show_sets()

    def _on_failed(self, error: BaseException) -> None:
        self.changes_note.setText(self.tr("The shop's own rule sets could not be read: {error}").format(
            error=refusal_text(error)))  # fmt: skip

    def _own_for(self, platform: str) -> tuple[ShopRuleSet, ...]:
        return self._own if platform == self._shop_platform else ()

    @Slot()
    def _show_sets(self) -> None:
        platform = self.platform()
        self._summaries = rule_set_summaries(platform, self._own_for(platform))
        self.sets.setRowCount(len(self._summaries))
        for row, summary in enumerate(self._summaries):
            whose = self.tr("this shop, on the platform's") if summary.shops_own else self.tr("the platform")
            cells = (
                summary.rule_set,
                self.tr("{day} 00:00 ({zone})").format(
                    day=summary.effective, zone=self._zone_words(summary.time_zone)
                ),
                whose,
                str(summary.values),
                self.tr("{sourced} with a public source; the others ours").format(sourced=summary.sourced),
            )
            for column, text in enumerate(cells):
                self.sets.setItem(row, column, QTableWidgetItem(text))
        names = [s.rule_set for s in self._summaries]
        for box, chosen in ((self.before_box, self._last_change(names)), (self.after_box, len(names) - 1)):
            box.blockSignals(True)
            box.clear()
            box.addItems(names)
            box.setCurrentIndex(chosen)
            box.blockSignals(False)
        self.show_changes()
        self.loaded.emit()

    def _last_change(self, names: list[str]) -> int:
        """The set the newest is first compared with: the latest earlier one that differs from
        it in a value (a set may restate the one before it), else the one before it."""
        platform = self.platform()
        for index in range(len(names) - 2, -1, -1):
            if any(c.changed for c in compare(platform, names[index], names[-1], self._own_for(platform))):
                return index
        return max(len(names) - 2, 0)

    @Slot()
    def show_changes(self) -> None:
        before, after = self.before_box.currentText(), self.after_box.currentText()
        if not before or not after:
            return
        found = compare(self.platform(), before, after, self._own_for(self.platform()))
        shown = [c for c in found if c.changed] if self.only_changes.isChecked() else found
        self.changes.setHorizontalHeaderLabels(
            [self.tr("Value"), before, after, self.tr("Source in {name}").format(name=before),
             self.tr("Source in {name}").format(name=after)]
        )  # fmt: skip
        self.changes.setRowCount(len(shown))
        for row, change in enumerate(shown):
            self._show_change(row, change)
        changed = sum(1 for c in found if c.changed)
        self.changes_note.setText(
            self.tr("{changed} of {values} values differ.").format(changed=changed, values=len(found))
            if before != after
            else self.tr("The same rule set on both sides: pick an earlier one to see what changed.")
        )

    def _show_change(self, row: int, change: ValueChange) -> None:
        cells = (value_name(change.path), self._value_words(change.before), self._value_words(change.after))
        sources = (self._source_words(change.source_before), self._source_words(change.source_after))
        for column, text in enumerate((*cells, *sources)):
            item = QTableWidgetItem(text)
            item.setToolTip(change.path if column == 0 else text)
            if column in (1, 2) and change.changed:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.changes.setItem(row, column, item)

    def _value_words(self, value: str) -> str:
        """A value as the file writes it; "none" (a band where lateness costs nothing) in words."""
        return self.tr("none") if value == "none" else value

    def _zone_words(self, zone: str) -> str:
        """The rule set's calendar in words (the zone's name in a tooltip-free table)."""
        words = {
            shop_time.SHOP_ZONE_NAME: self.tr("Beijing time"),
            "Etc/GMT+8": self.tr("UTC-8, TikTok Shop's PST all year"),
        }
        return words.get(zone, zone)

    def _source_words(self, source: str) -> str:
        if source == OURS:
            return self.tr("ours (the project's estimate)")
        if source.startswith(SHOP_SOURCE_PREFIX):
            return self.tr("the shop's own set {name}").format(name=source[len(SHOP_SOURCE_PREFIX) :])
        return source

    # --- the shop's own set ----------------------------------------------------------------
    @Slot()
    def open_add_dialog(self) -> None:
        now = self._clock()
        rules = rules_in_force(self._shop_platform, now, self._own)
        self._dialog = ShopRuleSetDialog(rules, shop_time.date_of(now, rules.shipping.tz), self)
        self._dialog.submitted.connect(self._add)
        self._dialog.finished.connect(lambda _: setattr(self, "_dialog", None))
        self._dialog.open()

    @Slot()
    def _add(self) -> None:
        dialog = self._dialog
        if dialog is None:
            return
        values, actor, platform, now = dialog.values(), self._actor, self._shop_platform, self._clock()
        today = shop_time.date_of(now, rules_in_force(platform, now).shipping.tz)

        def add() -> None:
            with self._sessions.begin() as session:
                add_shop_rule_set(session, actor, platform, today=today, now=now, **values)

        self._tasks.run(
            "rules.add", add, lambda _: self._added(dialog), lambda e: dialog.show_error(refusal_text(e))
        )

    def _added(self, dialog: ShopRuleSetDialog) -> None:
        dialog.accept()
        self.refresh()

    # --- language --------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.intro.setText(
            self.tr(
                "Each rule set is in force from 00:00 of its day in the shop's time zone until the next; "
                "every figure is worked out with the set in force when its event happened (an order's "
                "payment, a request's application, the day scored)."
            )
        )
        names = {"douyin": self.tr("Douyin"), "tiktok": self.tr("TikTok Shop")}
        for index in range(self.platform_box.count()):
            self.platform_box.setItemText(index, names.get(self.platform_box.itemData(index), ""))
        self.add_button.setText(self.tr("Add the shop's own rule set…"))
        self.sets.setHorizontalHeaderLabels(
            [self.tr("Rule set"), self.tr("In force from"), self.tr("Whose"), self.tr("Values"),
             self.tr("Sources")]
        )  # fmt: skip
        self._compare_label.setText(self.tr("Compare"))
        self._with_label.setText(self.tr("with"))
        self.only_changes.setText(self.tr("Only what changed"))
        if self._summaries:
            self._show_sets()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
