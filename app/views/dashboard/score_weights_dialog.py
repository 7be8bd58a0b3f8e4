"""Changing how much each part counts in the experience-score estimate.

Owns `ScoreWeightsDialog`, the settings entry it edits (`stored_weights`,
`keep_weights`) and the audit record of a change (`weights_change`). Douyin weighs
its score differently by industry, so the weights are the shop's setting: one number
per dimension (product, logistics, service) and per indicator within its dimension,
each relative to its neighbours (0.4 / 0.3 / 0.3 and 4 / 3 / 3 weigh the same). They start
from the rule set's documented defaults; "Restore defaults" puts those back. Only the
weights that differ from the defaults are kept in `Settings.extra["score_weights"]`,
so a later rule set's new defaults still reach a shop that never changed them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.services.metrics.experience_score import DIMENSION_LABELS, default_weights
from app.services.people.permissions import Actor
from app.services.rules import RuleSet
from app.services.setup.settings_audit import record_setting_change
from app.views.dashboard import metric_words as words

SETTINGS_KEY = "score_weights"  # in Settings.extra: {name: weight}, only those changed
MAX_WEIGHT = 100.0


def stored_weights(settings: Settings | None, rules: RuleSet) -> dict[str, float]:
    """The shop's own weights from `settings`, keeping only names this rule set knows and
    numbers of at least 0 (a hand-edited file must not stop the dashboard)."""
    raw = settings.extra.get(SETTINGS_KEY) if settings is not None else None
    if not isinstance(raw, dict):
        return {}
    known = default_weights(rules)
    return {
        str(name): float(weight)
        for name, weight in raw.items()
        if name in known and isinstance(weight, int | float) and not isinstance(weight, bool) and weight >= 0
    }


def keep_weights(settings: Settings, path: Path | None, weights: Mapping[str, float]) -> None:
    """Keep the shop's own `weights` (already only those differing from the defaults) in
    the settings file at `path` (None: the usual place); none: the entry goes."""
    if weights:
        settings.extra[SETTINGS_KEY] = dict(weights)
    else:
        settings.extra.pop(SETTINGS_KEY, None)
    settings.save(path)


def weights_change(
    sessions: sessionmaker[Session],
    actor: Actor,
    before: Mapping[str, float],
    after: Mapping[str, float],
    now: int,
) -> Callable[[], None]:
    """The unit of work that records the change in the audit trail (for the database lane):
    settings changes are part of the trail, like every other decision."""

    def record() -> None:
        record_setting_change(sessions, actor, SETTINGS_KEY, dict(before), dict(after), now=now)

    return record


def changed_from_defaults(weights: Mapping[str, float], rules: RuleSet) -> dict[str, float]:
    defaults = default_weights(rules)
    return {name: weight for name, weight in weights.items() if abs(weight - defaults.get(name, -1)) > 1e-9}


class ScoreWeightsDialog(QDialog):
    def __init__(self, rules: RuleSet, current: Mapping[str, float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoreWeightsDialog")
        self._rules = rules
        self._defaults = default_weights(rules)
        self._spins: dict[str, QDoubleSpinBox] = {}
        self.intro = QLabel(self)
        self.intro.setObjectName("hint")
        self.intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        self._groups: dict[str, QGroupBox] = {}
        self._labels: dict[str, QLabel] = {}
        for dimension, _weight in rules.metrics.dimension_weights:
            group = QGroupBox(self)
            form = QFormLayout(group)
            self._groups[dimension] = group
            self._add_row(form, dimension, current)
            for indicator in rules.metrics.indicators:
                if indicator.dimension == dimension:
                    self._add_row(form, indicator.metric, current)
            layout.addWidget(group)
        self.problem = QLabel(self)
        self.problem.setObjectName("formError")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults
        )
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self._check()

    def _add_row(self, form: QFormLayout, name: str, current: Mapping[str, float]) -> None:
        spin = QDoubleSpinBox(self)
        spin.setObjectName(f"weight_{name}")
        spin.setRange(0.0, MAX_WEIGHT)
        spin.setDecimals(2)
        spin.setSingleStep(0.05)
        spin.setValue(float(current.get(name, self._defaults[name])))
        spin.valueChanged.connect(self._check)
        self._spins[name] = spin
        label = QLabel(self)
        self._labels[name] = label
        form.addRow(label, spin)

    def spin(self, name: str) -> QDoubleSpinBox:
        return self._spins[name]

    def weights(self) -> dict[str, float]:
        """Every weight as set in the dialog."""
        return {name: spin.value() for name, spin in self._spins.items()}

    def changed_weights(self) -> dict[str, float]:
        """Only those that differ from the rule set's defaults: what the settings keep."""
        return changed_from_defaults(self.weights(), self._rules)

    def restore_defaults(self) -> None:
        for name, spin in self._spins.items():
            spin.setValue(self._defaults[name])

    def _check(self) -> None:
        """Some dimension must count, or there is no score to estimate."""
        dimensions = [name for name, _ in self._rules.metrics.dimension_weights]
        fine = any(self._spins[name].value() > 0 for name in dimensions)
        self.problem.setText(self.tr("At least one dimension needs a weight above 0."))
        self.problem.setVisible(not fine)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(fine)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Experience score weights"))
        self.intro.setText(
            self.tr(
                "Douyin weighs the score differently in each industry. Each number counts against its "
                "neighbours: the dimensions against each other, and each indicator within its dimension. "
                "The defaults are rule set {name}'s."
            ).format(name=self._rules.rule_set)
        )
        for dimension, group in self._groups.items():
            group.setTitle(QCoreApplication.translate("metrics", DIMENSION_LABELS.get(dimension, dimension)))
            self._labels[dimension].setText(self.tr("The dimension as a whole"))
        for name, label in self._labels.items():
            if name in words.DEFINITIONS:
                label.setText(words.label(name))
