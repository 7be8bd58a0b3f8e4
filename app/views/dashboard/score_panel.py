"""The experience-score estimate on the dashboard: the score, its dimensions, each part.

Owns `ScorePanel`: the estimate (50–100 points, coloured against its target), the
rule set it follows, whether the weights are the rule set's defaults or the shop's
own, and a compact table of Douyin's three dimensions (product, logistics, service)
with each indicator's value, points, weight and contribution — the contributions add
up to the score, so a person sees which indicator costs the most. "Weights…" (for
those who may change settings) asks the dashboard to open the weights dialog. The
table's rows are made once from the rule set and only their texts change.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.metrics.definitions import MetricsReport
from app.services.metrics.experience_score import DIMENSION_LABELS, ScoreEstimate
from app.services.rules import RuleSet
from app.views.dashboard import metric_words as words
from app.views.dashboard.metric_words import COLOURS, Standing

COL_NAME, COL_VALUE, COL_POINTS, COL_WEIGHT, COL_CONTRIBUTION = range(5)
STYLE = (
    "#scorePanel { background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px; }"
    "#scoreValue { font-size: 18pt; font-weight: 700; }"
    + "".join(f'#scoreValue[standing="{s.value}"] {{ color: {COLOURS[s]}; }}' for s in Standing)
    + "#scoreTitle { font-weight: 600; }"
    "#scoreRules, #scoreWeightsNote, #scoreExplain { color: #57606a; font-size: 9pt; }"
)


def _set(item: QTreeWidgetItem, column: int, text: str) -> None:
    if item.text(column) != text:  # an unchanged text would still repaint the table
        item.setText(column, text)


def _points(value: float | None) -> str:
    return words.NO_VALUE if value is None else f"{value:.1f}"


def _share(weight: float) -> str:
    return f"{weight * 100:.0f}%"


class ScorePanel(QFrame):
    weights_requested = Signal()

    def __init__(self, rules: RuleSet, *, may_edit_weights: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scorePanel")
        self.setStyleSheet(STYLE)
        self._rules = rules
        self._report: MetricsReport | None = None
        self._custom_weights = False
        self.title = QLabel(self)
        self.title.setObjectName("scoreTitle")
        self.score = QLabel(self)
        self.score.setObjectName("scoreValue")
        self.rules_label = QLabel(self)
        self.rules_label.setObjectName("scoreRules")
        self.rules_label.setWordWrap(True)
        self.weights_note = QLabel(self)
        self.weights_note.setObjectName("scoreWeightsNote")
        self.weights_button = QPushButton(self)
        self.weights_button.setObjectName("scoreWeightsButton")
        self.weights_button.setVisible(may_edit_weights)
        self.weights_button.clicked.connect(self.weights_requested)
        self.table = QTreeWidget(self)
        self.table.setObjectName("scoreTable")
        self.table.setColumnCount(5)
        self.table.setUniformRowHeights(True)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.table.setRootIsDecorated(False)  # always open: the arrows would only take room
        self.table.setIndentation(14)
        self._dimension_items: dict[str, QTreeWidgetItem] = {}
        self._indicator_items: dict[str, QTreeWidgetItem] = {}
        for dimension, _weight in rules.metrics.dimension_weights:
            item = QTreeWidgetItem(self.table)
            bold = item.font(COL_NAME)
            bold.setBold(True)
            for column in range(5):
                item.setFont(column, bold)
            self._dimension_items[dimension] = item
        for indicator in rules.metrics.indicators:
            self._indicator_items[indicator.metric] = QTreeWidgetItem(
                self._dimension_items[indicator.dimension]
            )
        self.table.expandAll()
        for column in range(5):
            alignment = Qt.AlignmentFlag.AlignRight if column else Qt.AlignmentFlag.AlignLeft
            for item in (*self._dimension_items.values(), *self._indicator_items.values()):
                item.setTextAlignment(column, alignment | Qt.AlignmentFlag.AlignVCenter)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        rows = len(self._dimension_items) + len(self._indicator_items)
        line = self.table.fontMetrics().height() + 4
        self.table.setFixedHeight(rows * line + self.table.header().sizeHint().height() + 8)
        self.explain = QLabel(self)
        self.explain.setObjectName("scoreExplain")
        self.explain.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.weights_button)
        value_row = QHBoxLayout()
        value_row.addWidget(self.score)
        value_row.addWidget(self.weights_note, 1, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(top)
        layout.addLayout(value_row)
        layout.addWidget(self.rules_label)
        layout.addWidget(self.table)
        layout.addWidget(self.explain)
        layout.addStretch(1)
        self.retranslate_ui()

    def show_report(self, report: MetricsReport, *, custom_weights: bool) -> None:
        self._report, self._custom_weights = report, custom_weights
        estimate: ScoreEstimate = report.score
        result = report.metrics["experience_score"]
        if self.score.text() != _points(estimate.score):
            self.score.setText(_points(estimate.score))
        standing = words.standing(result).value
        if self.score.property("standing") != standing:
            self.score.setProperty("standing", standing)
            self.score.style().unpolish(self.score)  # a property selector re-applies on repolish
            self.score.style().polish(self.score)
        for dimension in estimate.dimensions:
            item = self._dimension_items.get(dimension.key)
            if item is None:
                continue
            _set(item, COL_NAME, QCoreApplication.translate("metrics", dimension.label))
            _set(item, COL_POINTS, _points(dimension.points))
            _set(item, COL_WEIGHT, _share(dimension.weight))
            _set(item, COL_CONTRIBUTION, _points(sum(i.contribution for i in dimension.indicators)))
            for indicator in dimension.indicators:
                row = self._indicator_items.get(indicator.metric)
                if row is None:
                    continue
                _set(row, COL_NAME, words.label(indicator.metric))
                _set(row, COL_VALUE, words.value_text(indicator.metric, indicator.value))
                _set(row, COL_POINTS, _points(indicator.points))
                _set(row, COL_WEIGHT, _share(indicator.weight))
                _set(row, COL_CONTRIBUTION, f"{indicator.contribution:.1f}")
        self._update_notes()

    def contributions(self) -> dict[str, str]:
        """Each indicator's contribution as shown (for tests and the export)."""
        return {key: item.text(COL_CONTRIBUTION) for key, item in self._indicator_items.items()}

    def _update_notes(self) -> None:
        report = self._report
        rule_set = report.rule_set if report else self._rules.rule_set
        effective = report.rule_effective if report else self._rules.effective
        self.rules_label.setText(
            self.tr(
                "Rule set {name}, in force since {date}. An estimate from this shop's own figures."
            ).format(name=rule_set, date=effective.isoformat())
        )
        self.weights_note.setText(
            self.tr("Weights: this shop's own")
            if self._custom_weights
            else self.tr("Weights: the rule set's defaults")
        )

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Experience score (estimate)"))
        self.weights_button.setText(self.tr("Weights…"))
        self.explain.setText(
            self.tr(
                "Each indicator's value over the window becomes {low}–{high} points on the rule set's "
                "bands. Points are weighted within their dimension, and the dimensions into the score; "
                "the contributions add up to it. An indicator with nothing to measure is left out and "
                "the others share its weight."
            ).format(low=self._rules.metrics.min_points, high=self._rules.metrics.max_points)
        )
        self.weights_button.setToolTip(
            self.tr("How much each dimension and indicator counts in the estimate")
        )
        self.table.setHeaderLabels(
            [self.tr("Dimension / indicator"), self.tr("Value"), self.tr("Points"), self.tr("Weight"),
             self.tr("Contribution")]
        )  # fmt: skip
        for key, item in self._dimension_items.items():
            item.setText(COL_NAME, QCoreApplication.translate("metrics", DIMENSION_LABELS.get(key, key)))
        for key, item in self._indicator_items.items():
            item.setText(COL_NAME, words.label(key))
        if self._report is not None:
            self.show_report(self._report, custom_weights=self._custom_weights)
        else:
            self._update_notes()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
