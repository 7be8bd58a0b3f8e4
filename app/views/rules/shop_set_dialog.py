"""The owner's form for a shop's own rule set: a name, the day it starts, one value the shop
promises its buyers beyond the platform's, and why.

Owns `ShopRuleSetDialog` (a `FormDialog`): the value is one of `shop_sets.SHOP_SETTABLE`,
entered as a whole number in its unit and starting from the value in force; the day is today
or later. The Rules screen carries it out through `shop_sets.add_shop_rule_set`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QSpinBox, QWidget

from app.services.rule_history.shop_sets import SHOP_SETTABLE
from app.services.rules import RuleSet
from app.views.common.form_dialog import FormDialog
from app.views.rules.value_names import value_name


def current_value(rules: RuleSet, path: str) -> int:
    """The value at `path` in the set in force (the form starts from it)."""
    section, name = path.split(".", 1)
    return int(getattr(getattr(rules, section), name))


class ShopRuleSetDialog(FormDialog):
    def __init__(self, rules: RuleSet, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shopRuleSetDialog")
        self._rules = rules
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("shopRuleSetName")
        self.name_edit.setMaxLength(64)
        self.date_edit = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.date_edit.setObjectName("shopRuleSetEffective")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(QDate(today.year, today.month, today.day))
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.value_box = QComboBox(self)
        self.value_box.setObjectName("shopRuleSetValue")
        for path in SHOP_SETTABLE:
            self.value_box.addItem("", path)
        self.number = QSpinBox(self)
        self.number.setObjectName("shopRuleSetNumber")
        self.number.setRange(1, 100_000)
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("shopRuleSetNote")
        self.add_row(self.name_edit, lambda: self.tr("Name"))
        self.add_row(self.date_edit, lambda: self.tr("In force from (00:00, the shop's day)"))
        self.add_row(self.value_box, lambda: self.tr("Value"))
        self.add_row(self.number, lambda: self.tr("The shop's value"))
        self.add_row(self.note_edit, lambda: self.tr("Why (shown as its source)"))
        self.value_box.currentIndexChanged.connect(self._start_from_value_in_force)
        self.name_edit.textChanged.connect(self.recheck)
        self.retranslate_ui()
        self._start_from_value_in_force()

    def _start_from_value_in_force(self) -> None:
        self.number.setValue(current_value(self._rules, self.value_box.currentData()))

    def local_problem(self) -> str:
        if not self.name_edit.text().strip():
            return self.tr("Give the shop's rule set a name.")
        return ""

    def values(self) -> dict[str, Any]:
        day = self.date_edit.date()
        return {
            "name": self.name_edit.text().strip(),
            "effective": date(day.year(), day.month(), day.day()),
            "values": ((self.value_box.currentData(), self.number.value()),),
            "note": self.note_edit.text().strip(),
        }

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("The shop's own rule set"))
        for index in range(self.value_box.count()):
            self.value_box.setItemText(index, value_name(self.value_box.itemData(index)))
