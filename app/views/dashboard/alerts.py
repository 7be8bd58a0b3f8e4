"""The dashboard's alarm: one notification when a metric passes the platform's limit.

Owns `MetricAlerts`. Each live report (a window reaching now, the whole shop) says
which metrics are past their limit at today's pace (`metric_pace.past_limits`); a
metric that was not past it at the last report and is now raises one tray
notification (`TrayAlarm`, or the status bar where there is no tray). While it stays
past the limit nothing more is said; once it is back on the good side it is armed
again, and the next crossing notifies anew. Each crossing gets its own alarm key
("metric:late_rate:2"), because `TrayAlarm` says each key once per run.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.services.metrics.definitions import MetricsReport
from app.views.dashboard import metric_words as words
from app.views.shell.tray_alarm import TrayAlarm


class MetricAlerts(QObject):
    notice = Signal(str)  # for the status bar where there is no system tray
    raised = Signal(str)  # a metric's key, each time a crossing notified

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._alarm = TrayAlarm(self)
        self._alarm.notice.connect(self.notice)
        self._past: set[str] = set()  # past the limit at the last live report
        self._crossings: dict[str, int] = {}
        self._raised: list[str] = []

    def judge(self, report: MetricsReport, past_limits: dict[str, float]) -> list[str]:
        """Notify each metric of `past_limits` (key -> projected value) that was not past
        its limit at the previous report; returns their keys."""
        crossed = [key for key in past_limits if key not in self._past]
        self._past = set(past_limits)
        for key in crossed:
            self._crossings[key] = self._crossings.get(key, 0) + 1
            result = report.metrics[key]
            title = self.tr("{metric} past the platform's limit").format(metric=words.label(key))
            text = self.tr(
                "At today's pace it reaches {value} over the window; the platform acts above {limit}."
            ).format(value=words.value_text(key, past_limits[key]), limit=words.value_text(key, result.limit))
            if self._alarm.raise_once(f"metric:{key}:{self._crossings[key]}", title, text):
                self._raised.append(key)
                self.raised.emit(key)
        return crossed

    def past_limit(self) -> frozenset[str]:
        """The metrics past their limit at the last live report."""
        return frozenset(self._past)

    def raised_keys(self) -> list[str]:
        """Every notification raised so far, one metric key per crossing, oldest first."""
        return list(self._raised)
