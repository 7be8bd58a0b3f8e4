"""The dashboard's line naming the rule set its figures are judged by, and the shop's clock.

Owns `RuleSetLine`: the rule set in force (the shown report's, else the shop's) with the
day it took effect, and the shop time its days and hours are counted in (UTC+8 for a
Douyin shop, the shop's own offset for another platform's). Its words keep the dashboard
screen's translation context, "DashboardView".
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from app.services.metrics.definitions import MetricsReport
from app.services.rules import RuleSet


class RuleSetLine(QLabel):
    """One muted line above the figures; `show_rules` sets its words."""

    def __init__(self, rules: RuleSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rules = rules
        self.setObjectName("dashboardRuleSet")
        self.setStyleSheet("color: #57606a;")

    def show_rules(self, report: MetricsReport | None) -> None:
        """Name the rule set of `report` (None: none shown yet, the shop's own)."""
        name = report.rule_set if report else self._rules.rule_set
        effective = (report.rule_effective if report else self._rules.effective).isoformat()
        offset = datetime.now(self._rules.shipping.tz).utcoffset()
        hours = int(offset.total_seconds() // 3600) if offset else 0
        line = (
            QCoreApplication.translate(
                "DashboardView",
                "Rule set {name} (in force since {date}) · days and hours in shop time (UTC+8)",
            )
            if hours == 8
            else QCoreApplication.translate(
                "DashboardView",
                "Rule set {name} (in force since {date}) · days and hours in shop time (UTC{offset})",
            )
        )
        self.setText(line.format(name=name, date=effective, offset=f"{hours:+d}"))
