"""The automatic-decision screens' three tables: the rules in order, a rule's versions, a dry run.

Owns `RuleListModel` (`RuleRow`s: position, name, version, on/off or why it stopped, who
switched it on, what it does), `VersionModel` (`RuleVersionRow`s, oldest first: when, by
whom, what each version said) and `DryRunModel` (`DryRunRow`s, the requests a rule would
have decided; those where people decided otherwise are in red, with the words "differs", and
can be shown alone).
Each is a `ColumnTableModel` over a plain list the screen sets after a read off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from app.core.money import CNY
from app.core.shop_time import SHOP_TZ
from app.services.automation.dry_run import DryRunRow
from app.services.automation.rule_book import RuleRow, RuleVersionRow
from app.views.attention.rows import CONTEXT as DECISION_CONTEXT
from app.views.attention.rows import DECISION_WORDS
from app.views.automation.rule_words import (
    action_label,
    cap_words,
    conditions_words,
    delay_words,
    status_words,
)
from app.views.common import formatting
from app.views.common.table_model import ALIGN_CENTER, ALIGN_RIGHT, Column, ColumnTableModel

DISAGREES_BG = QColor("#fff1e5")  # the queue's amber family: look here
DISAGREES_FG = QColor("#9a3412")
STOPPED_FG = QColor("#b42318")
OFF_FG = QColor("#8c959f")


class _ListModel(ColumnTableModel):
    """A table over a list the screen replaces whole."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list = []
        self.currency = CNY  # the shop's: amounts count in its minor units

    def set_rows(self, rows: Sequence[object]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> object | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


class RuleListModel(_ListModel):
    """The owner's rules in the order they look at a request."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

        def status_colour(rule: RuleRow) -> QColor | None:
            if rule.enabled:
                return None
            return STOPPED_FG if rule.stopped_reason else OFF_FG

        self.columns = [
            Column(lambda rule: str(rule.position), ALIGN_CENTER),
            Column(lambda rule: rule.form.name),
            Column(lambda rule: f"v{rule.version}", ALIGN_CENTER),
            Column(lambda rule: status_words(rule.enabled, rule.stopped_reason), foreground=status_colour),
            Column(lambda rule: rule.enabled_by_name if rule.enabled else ""),
            Column(lambda rule: action_label(rule.form.action)),
            Column(
                lambda rule: conditions_words(rule.form.conditions, self.currency),
                tooltip=lambda rule: conditions_words(rule.form.conditions, self.currency),
            ),
        ]
        self.retranslate()

    def row_of(self, rule_id: int) -> int:
        return next((i for i, rule in enumerate(self._rows) if rule.rule_id == rule_id), -1)

    def retranslate(self) -> None:
        self.set_headers(
            [self.tr("Place"), self.tr("Rule name"), self.tr("Version"), self.tr("State"),
             self.tr("Switched on by"), self.tr("What it does"), self.tr("When a request…")]
        )  # fmt: skip


class VersionModel(_ListModel):
    """Every version of one rule, oldest first: what it said when it decided."""

    def __init__(self, parent: QObject | None = None, *, tz: tzinfo = SHOP_TZ) -> None:
        super().__init__(parent)
        self.names: dict[int, str] = {}  # user id -> display name
        self._tz = tz
        self.columns = [
            Column(lambda v: f"v{v.version}", ALIGN_CENTER),
            Column(lambda v: formatting.shop_time(v.created_at, tz=self._tz)),
            Column(lambda v: self.names.get(v.created_by, "") if v.created_by is not None else ""),
            Column(lambda v: v.form.name),
            Column(lambda v: action_label(v.form.action)),
            Column(lambda v: delay_words(v.form.delay_s), ALIGN_RIGHT),
            Column(lambda v: cap_words(v.form, self.currency), ALIGN_RIGHT),
            Column(
                lambda v: conditions_words(v.form.conditions, self.currency),
                tooltip=lambda v: conditions_words(v.form.conditions, self.currency),
            ),
        ]
        self.retranslate()

    def set_versions(self, versions: Sequence[RuleVersionRow]) -> None:
        self.set_rows(versions)

    def retranslate(self) -> None:
        self.set_headers(
            [self.tr("Version"), self.tr("Kept at"), self.tr("By"), self.tr("Name"), self.tr("What it does"),
             self.tr("Undo window"), self.tr("Daily limit"), self.tr("When a request…")]
        )  # fmt: skip


class DryRunModel(_ListModel):
    """The requests a rule would have decided; `only_disagreements` keeps those where
    people (or the platform) decided otherwise."""

    def __init__(self, parent: QObject | None = None, *, tz: tzinfo = SHOP_TZ) -> None:
        super().__init__(parent)
        self._tz = tz
        self._all: list[DryRunRow] = []
        self._only_disagreements = False

        def tint(row: DryRunRow) -> QColor | None:
            return DISAGREES_BG if row.disagrees else None

        def ink(row: DryRunRow) -> QColor | None:
            return DISAGREES_FG if row.disagrees else None

        self.columns = [
            Column(lambda r: r.aftersale_id, background=tint, foreground=ink),
            Column(lambda r: r.order_id, background=tint, foreground=ink),
            Column(lambda r: formatting.shop_time(r.at, tz=self._tz), background=tint, foreground=ink),
            Column(
                lambda r: formatting.money(r.amount_fen, self.currency),
                ALIGN_RIGHT,
                background=tint,
                foreground=ink,
            ),
            Column(lambda r: action_label(r.action), background=tint, foreground=ink),
            Column(self._people_words, background=tint, foreground=ink),
        ]
        self.retranslate()

    def _people_words(self, row: DryRunRow) -> str:
        if not row.people_decided:
            return self.tr("not yet")
        words = DECISION_WORDS.get(row.people_decided)  # type: ignore[call-overload]
        decided = QCoreApplication.translate(DECISION_CONTEXT, words) if words else row.people_decided
        return self.tr("{decided} — differs").format(decided=decided) if row.disagrees else decided

    def set_report_rows(self, rows: Sequence[DryRunRow], currency: str) -> None:
        self._all, self.currency = list(rows), currency
        self._show()

    def set_only_disagreements(self, only: bool) -> None:
        self._only_disagreements = only
        self._show()

    def _show(self) -> None:
        self.set_rows([r for r in self._all if r.disagrees] if self._only_disagreements else self._all)

    def retranslate(self) -> None:
        self.set_headers(
            [self.tr("Request"), self.tr("Order ID"), self.tr("Judged at"), self.tr("Refund amount"),
             self.tr("The rule would"), self.tr("People decided")]
        )  # fmt: skip
