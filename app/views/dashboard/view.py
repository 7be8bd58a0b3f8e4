"""The service-metrics dashboard: how the shop is doing against the platform's lines, live.

Owns `DashboardView`, the screen of issue 6: the window, bucket and product choices
(`DashboardControls`), the rule set in force, the tiles (`DashboardTiles`), the six
charts (`DashboardCharts`), the experience-score estimate (`ScorePanel`, with the
weights dialog for those who may change settings), the rows behind any figure
(`DrillDownDialog`, whose rows open in their own screens through `open_order` and
`open_request`), the alarm when a metric passes the platform's limit
(`MetricAlerts`), the exports (`dashboard_export`) and the note on figures that lack
requests' histories on some days (`HistoryNote`, with the report: coverage.py).

Everyone may open it (permissions.py "Who sees what"): the figures are computed for the
signed-in person, so for anyone but the owner the money figures never arrive (the
report withholds them), their tiles are not built, their rows cannot be asked for and
the exports, made from the report, hold none.

Live: every figure is computed on the database lane (`figures_read.read_figures`:
`compute_metrics`, then the pace of `metric_pace`), and the GUI thread only applies a
finished report, updating the items it already has. The sync's news is coalesced: at most one recompute starts
per `LIVE_INTERVAL_MS`, none while one is running (it then runs once more after), none
sooner after the last one ended than it took (the database lane is shared with every
screen: 90 days of a big shop take most of a second), and none while the person has
paused live updates; the window also moves on with the clock every `TICK_MS` while
the screen is in view. The product list is reread at most every `PRODUCTS_EVERY_S`.
Offline, a banner says the figures are as of the last sync.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QVBoxLayout, QWidget
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.core import shop_time
from app.services.metrics.definitions import DEFAULT_DASHBOARD, MONEY_METRICS, MetricsReport
from app.services.metrics.drill_down import ORDER, DrillRow
from app.services.metrics.experience_score import effective_weights
from app.services.metrics.pace import reaches_now
from app.services.people.permissions import Action, Actor, allowed
from app.services.rule_history.shop_sets import shop_rules_in_force
from app.services.sync_status import SyncStatus
from app.views.common.background import BackgroundTasks
from app.views.dashboard import export as dashboard_export
from app.views.dashboard.alerts import MetricAlerts
from app.views.dashboard.chart_specs import CHARTS, FULFILMENT_CHARTS
from app.views.dashboard.charts import DashboardCharts
from app.views.dashboard.controls import DashboardControls
from app.views.dashboard.drill import DrillDownDialog, DrillRequest
from app.views.dashboard.export import ExportButton
from app.views.dashboard.figures_read import FiguresAnswer, read_figures
from app.views.dashboard.history_note import HistoryNote
from app.views.dashboard.rules_line import RuleSetLine
from app.views.dashboard.score_panel import ScorePanel
from app.views.dashboard.score_weights_dialog import (
    ScoreWeightsDialog,
    keep_weights,
    stored_weights,
    weights_change,
)
from app.views.dashboard.status import LiveStatus
from app.views.dashboard.tiles import DashboardTiles

LIVE_INTERVAL_MS = 1_000
PRODUCTS_EVERY_S = 300
TICK_MS = 60_000
LIVE_KINDS = frozenset({"orders", "after_sales"})


class DashboardView(QWidget):
    open_order = Signal(str)  # an order id, from the rows behind a figure
    open_request = Signal(str)  # an after-sale id
    notice = Signal(str)  # for the status bar where there is no system tray
    report_shown = Signal()  # a report was applied

    def __init__(
        self,
        tasks: BackgroundTasks,
        sessions: sessionmaker[Session],
        actor: Actor | None,
        *,
        settings: Settings | None = None,
        settings_path: Path | None = None,
        sync_worker: QObject | None = None,
        clock: Callable[[], float] = time.time,
        platform: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`platform`: the shop's ("douyin", "tiktok"; None: Douyin), whose rule set says which
        figures the shop is judged by and against what."""
        super().__init__(parent)
        self._tasks, self._sessions, self._actor, self._clock = tasks, sessions, actor, clock
        self._settings, self._settings_path = settings, settings_path
        del sync_worker  # taken like the other screens; the status bar's "Sync now" serves here
        # In force now with the shop's own sets on top, carrying the sets before it: each order
        # is priced by its payment day's set, the targets are the scored days' (service_metrics).
        self._rules = shop_rules_in_force(sessions, platform, int(clock()))
        shown = self._rules.metrics.dashboard or DEFAULT_DASHBOARD
        self._weights = stored_weights(settings, self._rules)
        self._report: MetricsReport | None = None
        self._past_limits: dict[str, float] = {}
        self._running = False  # a recompute is on the database lane
        self._again = False  # news came while it ran: once more after
        self._stale = False  # news came while paused
        self._products_due = True
        self._products_read_at = -1e9  # monotonic seconds
        self._started_at = -1e9  # monotonic seconds of the last recompute started…
        self._finished_at = -1e9  # … and of its answer
        self.last_apply_ms: float | None = None
        self.last_compute_s: float | None = None
        self.weights_dialog: ScoreWeightsDialog | None = None
        self._drill: DrillDownDialog | None = None

        today = shop_time.date_of(int(clock()), self._rules.shipping.tz)
        self.controls = DashboardControls(self._rules, today, self)
        self.status = LiveStatus(self, self)
        self.export_button = ExportButton(self.export_png, self.export_csv, self.export_xlsx, self._day, self)
        self.rules_line = RuleSetLine(self._rules, self)
        self.sees_money = actor is None or allowed(actor, Action.VIEW_MONEY)
        tiles = [key for key in shown if self.sees_money or key not in MONEY_METRICS]
        self.tiles = DashboardTiles(tiles, self)
        points = (float(self._rules.metrics.min_points), float(self._rules.metrics.max_points))
        self.charts = DashboardCharts(
            lambda key: points if key == "experience_score" else (0.0, None),
            self,
            charts=FULFILMENT_CHARTS if self._rules.metrics.dashboard else CHARTS,
            tz=self._rules.shipping.tz,
        )
        may_weigh = actor is None or allowed(actor, Action.MANAGE_SETTINGS)
        self.score_panel = ScorePanel(self._rules, may_edit_weights=may_weigh, parent=self)
        self.score_panel.setMinimumWidth(420)
        if not self._rules.metrics.has_score:  # the platform's own score is not estimated (TikTok Shop)
            self.score_panel.hide()
        self.alerts = MetricAlerts(self)
        self.history_note = HistoryNote(self)

        bar = QHBoxLayout()
        bar.addWidget(self.controls, 3)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.export_button)
        lower = QHBoxLayout()
        lower.setSpacing(8)
        lower.addWidget(self.charts, 3)
        lower.addWidget(self.score_panel, 1)
        content = QWidget(self)
        content.setObjectName("dashboardContent")
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(8)
        body.addWidget(self.tiles)
        body.addLayout(lower, 1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addWidget(self.status.banner)
        layout.addLayout(bar)
        layout.addWidget(self.rules_line)
        layout.addWidget(self.history_note)
        layout.addWidget(self.scroll, 1)

        self._coalesce = QTimer(self, singleShot=True)
        self._coalesce.timeout.connect(self._recompute_live)
        # Choices made together (the remembered layout at start-up) make one recompute.
        self._soon = QTimer(self, singleShot=True, interval=0)
        self._soon.timeout.connect(self.refresh)
        self._ticker = QTimer(self, interval=TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self.controls.changed.connect(self._soon.start)
        self.status.toggled.connect(self._on_live_toggled)
        self.export_button.said.connect(self.notice)
        self.tiles.tile_clicked.connect(lambda key: self.open_drill(key))
        self.charts.point_clicked.connect(lambda key, bucket: self.open_drill(key, bucket))
        self.score_panel.weights_requested.connect(self.edit_weights)
        self.alerts.notice.connect(self.notice)
        self.retranslate_ui()
        self._soon.start()

    # --- what the window calls -----------------------------------------------------------------
    def screen_title(self) -> str:
        return self.tr("Dashboard")

    def on_data_changed(self, kinds: frozenset[str]) -> None:
        """The sync committed new data: recompute soon (coalesced), if live."""
        if not kinds & LIVE_KINDS:
            return
        stale_products = time.monotonic() - self._products_read_at >= PRODUCTS_EVERY_S
        self._products_due = self._products_due or ("orders" in kinds and stale_products)
        self.schedule_live_update()

    def set_sync_status(self, status: SyncStatus) -> None:
        """Offline, a banner says the figures are as of the last sync; nothing else changes."""
        self.status.set_sync_status(status)

    def save_state(self) -> dict[str, Any]:
        return {"controls": self.controls.save_state(), "live": self.status.is_live()}

    def restore_state(self, state: dict[str, Any]) -> None:
        if isinstance(state.get("controls"), dict):
            self.controls.restore_state(state["controls"])
        if isinstance(state.get("live"), bool):
            self.status.set_live(state["live"])

    # --- computing ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute now (a choice changed): supersedes whatever is on its way."""
        self._coalesce.stop()
        self._soon.stop()
        now = int(self._clock())
        start, end = self.controls.window(now)
        bucket, product_id = self.controls.bucket(), self.controls.product_id()
        rules, weights, with_products = self._rules, dict(self._weights), self._products_due
        viewer = self._actor

        def query(session: Session) -> FiguresAnswer:
            return read_figures(
                session, start=start, end=end, bucket=bucket, product_id=product_id, rules=rules,
                weights=weights, now=now, viewer=viewer, with_products=with_products,
            )  # fmt: skip

        self._running, self._again, self._stale = True, False, False
        self._started_at = time.monotonic()
        if with_products:
            self._products_due, self._products_read_at = False, self._started_at
        self._tasks.read("dashboard.report", self._sessions, query, self._on_answer, self._on_error)
        self.status.set_stale(False)

    def schedule_live_update(self) -> None:
        """At most one recompute a second, never two at once, none while paused."""
        if not self.status.is_live():
            self._stale = True
            self.status.set_stale(True)
            return
        if self._running:
            self._again = True
            return
        if not self._coalesce.isActive():
            self._coalesce.start(self._live_wait_ms())

    def _live_wait_ms(self) -> int:
        took = max(0.0, self._finished_at - self._started_at)
        start_at = max(self._started_at + LIVE_INTERVAL_MS / 1000, self._finished_at + took)
        return math.ceil(max(0.0, start_at - time.monotonic()) * 1000)

    def is_computing(self) -> bool:
        return self._running

    def _recompute_live(self) -> None:
        if not self.status.is_live() or self._running:
            return
        if wait := self._live_wait_ms():  # a timer may fire a little early
            self._coalesce.start(wait)
        else:
            self.refresh()

    def _on_answer(self, answer: FiguresAnswer) -> None:
        self._running, self._finished_at = False, time.monotonic()
        self.last_compute_s = answer.seconds
        if answer.products is not None:
            self.controls.set_products(answer.products)
        self.history_note.show_coverage(answer.coverage)
        self.apply_report(answer.report, answer.past_limits)
        if self._again:
            self._again = False
            self.schedule_live_update()

    def _on_error(self, error: BaseException) -> None:
        self._running, self._finished_at = False, time.monotonic()
        self.status.set_problem(self.tr("The figures could not be computed: {error}").format(error=error))

    def apply_report(self, report: MetricsReport, limits: dict[str, float]) -> None:
        """Show `report` (GUI thread): update tiles, charts and score in place, judge alarms."""
        started = time.perf_counter()
        self._report, self._past_limits = report, limits
        live = reaches_now(report)
        self.tiles.show_report(report, limits, live=live)
        for tile in self.tiles.tiles():  # the figures the history note speaks of
            tile.set_incomplete(self.history_note.tile_note(tile.key))
        self.charts.show_report(report)
        self.score_panel.show_report(report, custom_weights=bool(self._weights))
        if live and report.product_id is None:  # the platform judges the whole shop, as of now
            self.alerts.judge(report, limits)
        self.rules_line.show_rules(self._report)
        self.status.set_report(report)
        self.last_apply_ms = (time.perf_counter() - started) * 1000
        self.report_shown.emit()

    def report(self) -> MetricsReport | None:
        return self._report

    def past_limits(self) -> dict[str, float]:
        """The shown report's metrics past the platform's limit (at today's pace)."""
        return dict(self._past_limits)

    def _tick(self) -> None:
        """The clock moves the window on (and unshipped orders grow late) with no news at all."""
        report = self._report
        if self.isVisible() and report is not None and reaches_now(report):
            self.schedule_live_update()

    def _on_live_toggled(self, live: bool) -> None:
        if live and (self._stale or self._report is None):
            self.refresh()

    # --- the rows behind a figure --------------------------------------------------------------
    def open_drill(self, key: str, bucket_start: int | None = None) -> DrillDownDialog | None:
        """List the rows behind metric `key` over the shown window, or one bucket of it."""
        report = self._report
        if report is None or key in report.withheld or (key in MONEY_METRICS and not self.sees_money):
            return None
        if self._drill is None:
            self._drill = DrillDownDialog(self._tasks, self._sessions, self._rules, self, viewer=self._actor)
            self._drill.open_row.connect(self._open_row)
        self._drill.show_rows_for(
            DrillRequest(
                key, report.start, report.end, report.bucket, bucket_start, report.product_id, report.now
            )
        )
        return self._drill

    def drill_dialog(self) -> DrillDownDialog | None:
        return self._drill

    def order_for_request(self, aftersale_id: str) -> str | None:
        """The order of a request listed in the drill-down (to open it when not in the queue)."""
        return self._drill.order_of(aftersale_id) if self._drill is not None else None

    def _open_row(self, row: DrillRow) -> None:
        if row.kind == ORDER:
            self.open_order.emit(row.id)
        else:
            self.open_request.emit(row.id)

    # --- weights --------------------------------------------------------------------------------------
    def edit_weights(self) -> ScoreWeightsDialog | None:
        """Open the weights dialog (for those who may change settings); OK recomputes at once."""
        if self._actor is not None and not allowed(self._actor, Action.MANAGE_SETTINGS):
            return None
        dialog = ScoreWeightsDialog(self._rules, effective_weights(self._rules, self._weights), self)
        dialog.accepted.connect(lambda: self.set_score_weights(dialog.changed_weights()))
        dialog.finished.connect(dialog.deleteLater)
        self.weights_dialog = dialog
        dialog.open()
        return dialog

    def set_score_weights(self, weights: dict[str, float]) -> None:
        """Keep the shop's own weights (only those differing from the defaults), in the
        settings file and the audit trail, and recompute."""
        before, self._weights = self._weights, dict(weights)
        if self._settings is not None:
            keep_weights(self._settings, self._settings_path, self._weights)
        if before != self._weights and self._actor is not None:
            record = weights_change(self._sessions, self._actor, before, self._weights, int(self._clock()))
            self._tasks.run("dashboard.audit_weights", record, lambda _none: None)
        self.refresh()

    # --- exports -----------------------------------------------------------------------------------------
    def export_png(self, path: Path) -> Path:
        return dashboard_export.save_png(self.charts, path)

    def export_csv(self, path: Path) -> Path:
        return dashboard_export.write_csv(path, self._shown())

    def export_xlsx(self, path: Path) -> Path:
        name = self.controls.product_box.currentText() if self.controls.product_id() else ""
        return dashboard_export.write_xlsx(path, self._shown(), product_name=name)

    def _shown(self) -> MetricsReport:
        if self._report is None:
            raise RuntimeError("no figures yet")
        return self._report

    def _day(self) -> str | None:
        report = self._report
        return (
            shop_time.datetime_of(report.now, self._rules.shipping.tz).strftime("%Y-%m-%d")
            if report
            else None
        )

    # --- words ---------------------------------------------------------------------------------------------
    def banner_text(self) -> str | None:
        return self.status.banner_text()

    def retranslate_ui(self) -> None:
        self.rules_line.show_rules(self._report)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
