"""The owner's form for a decision rule, with its dry run beside it.

Owns `RuleEditorDialog`, a `FormDialog`: the rule's name; its conditions (platforms,
request kinds, words of the buyer's reason, the amount it goes up to, words of the
product's name, not shipped yet, parcel not picked up yet, the buyer's earlier and
refused requests, hours left before the platform's deadline), each left at "any" when
empty; its action, undo window and daily limit. `form()` is what was filled in as the
service's `RuleForm`; what is wrong with it is the service's own `form_problem`, in
plain words, before anything is asked of the database. Beside the form, `DryRunPanel`
tries the form as it stands (`dry_run_requested`), so the owner sees what it would do
before keeping it.
"""

from __future__ import annotations

import re
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.core.money import CNY
from app.core.shop_time import SHOP_TZ
from app.core.vocabulary import REQUEST_KIND_LABELS, RequestKind
from app.services.automation.conditions import (
    DEFAULT_DELAY_S,
    MAX_DELAY_S,
    Conditions,
    RuleAction,
    RuleForm,
    form_problem,
)
from app.services.rule_files import PLATFORMS
from app.views.automation.dry_run_panel import DryRunPanel
from app.views.automation.rule_words import action_label, platform_label
from app.views.common.form_dialog import FormDialog
from app.views.common.formatting import currency_symbol
from app.views.common.people_words import parse_yuan, refusal_text, yuan_text

ANY = -1  # a count box at its minimum reads "any"
KIND_COLUMNS = 3
# The kinds a rule can meaningfully answer: the cancelled ones are over already.
RULE_KINDS = tuple(k for k in RequestKind if not k.value.startswith("cancelled"))


def _words(text: str) -> tuple[str, ...]:
    """Words typed with commas (either width), 、 or spaces between them."""
    return tuple(word for word in re.split(r"[,，、;；\s]+", text) if word)


class RuleEditorDialog(FormDialog):
    """A new rule, or a new version of one (`form` given)."""

    dry_run_requested = Signal(object, int)  # RuleForm, days

    def __init__(
        self,
        form: RuleForm | None = None,
        parent: QWidget | None = None,
        *,
        currency: str = CNY,
        tz: tzinfo = SHOP_TZ,
    ) -> None:
        super().__init__(parent, minimum_width=1100)
        self.editing = form is not None
        self._currency = currency
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("ruleName")
        self.platform_boxes = {p: QCheckBox(self) for p in sorted(PLATFORMS)}
        self.kind_boxes = {kind: QCheckBox(self) for kind in RULE_KINDS}
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("reasonWords")
        self.amount_edit = QLineEdit(self)
        self.amount_edit.setObjectName("maxAmount")
        self.product_edit = QLineEdit(self)
        self.product_edit.setObjectName("productWords")
        self.unshipped_box = QCheckBox(self)
        self.unshipped_box.setObjectName("unshippedOnly")
        self.not_picked_box = QCheckBox(self)
        self.not_picked_box.setObjectName("notPickedUpOnly")
        self.requests_spin = self._count_box("maxBuyerRequests", 99)
        self.refusals_spin = self._count_box("maxBuyerRefusals", 99)
        self.hours_spin = self._count_box("minHoursLeft", 24 * 14)
        self.action_box = QComboBox(self)
        self.action_box.setObjectName("ruleAction")
        for action in RuleAction:
            self.action_box.addItem("", str(action))
        self.delay_spin = QSpinBox(self)
        self.delay_spin.setObjectName("undoMinutes")
        self.delay_spin.setRange(0, MAX_DELAY_S // 60)
        self.cap_edit = QLineEdit(self)
        self.cap_edit.setObjectName("dailyCap")
        self.address_edit = QLineEdit(self)
        self.address_edit.setObjectName("returnAddress")
        self._product_ids: tuple[str, ...] = ()  # kept as they were: the form edits words, not ids

        self.add_row(self.name_edit, lambda: self.tr("&Name:"))
        self.add_row(self._row_of(self.platform_boxes.values()), lambda: self.tr("Platform:"))
        self.add_row(self._kinds_grid(), lambda: self.tr("Request kind:"))
        self.add_row(self.reason_edit, lambda: self.tr("Reason &mentions:"))
        self.add_row(self.amount_edit, lambda: self._in_currency(self.tr("&Amount up to (¥):")))
        self.add_row(self.product_edit, lambda: self.tr("&Product name mentions:"))
        self.add_row(self._row_of((self.unshipped_box, self.not_picked_box)), lambda: self.tr("Goods:"))
        self.add_row(self.requests_spin, lambda: self.tr("Buyer's earlier requests at most:"))
        self.add_row(self.refusals_spin, lambda: self.tr("Of them refused, at most:"))
        self.add_row(self.hours_spin, lambda: self.tr("&Hours left before the deadline, at least:"))
        self.add_row(self.action_box, lambda: self.tr("&Then:"))
        self.add_row(self.delay_spin, lambda: self.tr("&Undo window:"))
        self.add_row(self.cap_edit, lambda: self._in_currency(self.tr("Daily &limit (¥):")))
        self.add_row(self.address_edit, lambda: self.tr("Return address ID:"))

        # The form on the left, what it would have done on the right.
        self.dry_run = DryRunPanel(self, tz=tz)
        self.dry_run.setObjectName("dryRunPanel")
        self.main_layout.removeItem(self.form)
        beside = QHBoxLayout()
        beside.addLayout(self.form, 0)
        beside.addWidget(self.dry_run, 1)
        self.main_layout.insertLayout(0, beside, 1)
        for index in range(self.main_layout.count()):  # the base's stretch gives way to the table
            if self.main_layout.itemAt(index).spacerItem() is not None:
                self.main_layout.setStretch(index, 0)
        self.dry_run.try_requested.connect(self._try)
        self.action_box.currentIndexChanged.connect(self._on_action)
        for edit in (self.name_edit, self.amount_edit, self.cap_edit):
            edit.textChanged.connect(self.recheck)
        self.action_box.currentIndexChanged.connect(self.recheck)
        self.set_form(form or RuleForm(name="", delay_s=DEFAULT_DELAY_S))
        self.retranslate_ui()

    # --- building ------------------------------------------------------------------------
    def _count_box(self, name: str, most: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setObjectName(name)
        box.setRange(ANY, most)
        return box

    def _row_of(self, widgets: Any) -> QWidget:
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return holder

    def _kinds_grid(self) -> QWidget:
        holder = QWidget(self)
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        for number, box in enumerate(self.kind_boxes.values()):
            grid.addWidget(box, number // KIND_COLUMNS, number % KIND_COLUMNS)
        return holder

    def _in_currency(self, label: str) -> str:
        return label.replace("¥", currency_symbol(self._currency))

    def _on_action(self) -> None:
        action = self.action()
        self.cap_edit.setEnabled(action == RuleAction.APPROVE_REFUND)
        self.address_edit.setEnabled(action == RuleAction.AGREE_RETURN)

    def action(self) -> RuleAction:
        return RuleAction(self.action_box.currentData())

    # --- the form ------------------------------------------------------------------------
    def set_form(self, form: RuleForm) -> None:
        c = form.conditions
        self.name_edit.setText(form.name)
        for platform, box in self.platform_boxes.items():
            box.setChecked(platform in c.platforms)
        for kind, box in self.kind_boxes.items():
            box.setChecked(kind.value in c.kinds)
        self.reason_edit.setText("、".join(c.reason_words))
        self.amount_edit.setText(yuan_text(c.max_amount_fen))
        self.product_edit.setText("、".join(c.product_words))
        self.unshipped_box.setChecked(c.unshipped_only)
        self.not_picked_box.setChecked(c.not_picked_up_only)
        for spin, value in (
            (self.requests_spin, c.max_buyer_requests),
            (self.refusals_spin, c.max_buyer_refusals),
            (self.hours_spin, None if c.min_hours_left is None else round(c.min_hours_left)),
        ):
            spin.setValue(ANY if value is None else value)
        self.action_box.setCurrentIndex(max(0, self.action_box.findData(str(form.action))))
        self.delay_spin.setValue(form.delay_s // 60)
        self.cap_edit.setText(yuan_text(form.daily_cap_fen))
        self.address_edit.setText(form.return_address_id)
        self._product_ids = c.product_ids
        self._on_action()

    def _amount(self, edit: QLineEdit) -> int | None:
        return parse_yuan(edit.text().replace(currency_symbol(self._currency), ""))

    def _count(self, spin: QSpinBox) -> int | None:
        return None if spin.value() == ANY else spin.value()

    def rule_form(self) -> RuleForm:
        """What was filled in; raises ValueError for an amount that cannot be read."""
        action = self.action()
        conditions = Conditions(
            platforms=tuple(p for p, box in self.platform_boxes.items() if box.isChecked()),
            kinds=tuple(k.value for k, box in self.kind_boxes.items() if box.isChecked()),
            reason_words=_words(self.reason_edit.text()),
            max_amount_fen=self._amount(self.amount_edit),
            product_words=_words(self.product_edit.text()),
            product_ids=self._product_ids,
            unshipped_only=self.unshipped_box.isChecked(),
            not_picked_up_only=self.not_picked_box.isChecked(),
            max_buyer_requests=self._count(self.requests_spin),
            max_buyer_refusals=self._count(self.refusals_spin),
            min_hours_left=self._count(self.hours_spin),
        )
        return RuleForm(
            name=self.name_edit.text().strip(),
            conditions=conditions,
            action=action,
            delay_s=self.delay_spin.value() * 60,
            daily_cap_fen=self._amount(self.cap_edit) if action == RuleAction.APPROVE_REFUND else None,
            return_address_id=self.address_edit.text().strip() if action == RuleAction.AGREE_RETURN else "",
        )

    def local_problem(self) -> str:
        for edit in (self.amount_edit, self.cap_edit):
            if not edit.isEnabled():
                continue
            try:
                self._amount(edit)
            except ValueError:
                return self.tr("“{text}” is not an amount. Write it like 50 or 49.90.").format(
                    text=edit.text().strip()
                )
        problem = form_problem(self.rule_form())
        return refusal_text(problem) if problem is not None else ""

    def values(self) -> dict[str, Any]:
        return {"form": self.rule_form()}

    def _try(self, days: int) -> None:
        problem = self.local_problem()
        self.error_label.setText(problem)
        if not problem:
            self.dry_run_requested.emit(self.rule_form(), days)

    # --- language ------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Edit the rule") if self.editing else self.tr("A new rule"))
        for platform, box in self.platform_boxes.items():
            box.setText(platform_label(platform))
        for kind, box in self.kind_boxes.items():
            box.setText(QCoreApplication.translate("vocabulary", REQUEST_KIND_LABELS[kind]))
        any_words = self.tr("any")
        for edit in (self.reason_edit, self.product_edit):
            edit.setPlaceholderText(self.tr("any (words separated by commas)"))
        self.amount_edit.setPlaceholderText(any_words)
        for spin in (self.requests_spin, self.refusals_spin, self.hours_spin):
            spin.setSpecialValueText(any_words)
        self.unshipped_box.setText(self.tr("not shipped yet"))
        self.not_picked_box.setText(self.tr("parcel not picked up yet"))
        for index in range(self.action_box.count()):
            action = self.action_box.itemData(index)
            self.action_box.setItemText(index, action_label(action))
        self.delay_spin.setSuffix(self.tr(" min"))
        self.cap_edit.setPlaceholderText(self.tr("needed for refunds"))
        self.address_edit.setPlaceholderText(self.tr("the shop's default address"))
        self.confirm_button().setText(self.tr("Keep as a new version") if self.editing else self.tr("Keep"))
        self.dry_run.retranslate_ui()
