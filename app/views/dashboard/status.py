"""Whether the dashboard's figures are live: the state line, "Pause", the offline banner.

Owns `LiveStatus`: one line beside the choices saying what the figures are — live and
when last updated, paused by the person (and whether new data waits), offline or
waiting on a sync that needs attention (figures as of the last sync), a past range
that does not change, or still computing — with the Pause/Resume button, and the
banner across the top of the screen while the sync cannot reach the platform (the
screen places it; this widget owns its words).
"""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.core.shop_time import SHOP_TZ
from app.services.metrics.definitions import MetricsReport
from app.services.metrics.pace import reaches_now
from app.services.sync_status import CAUSE_NETWORK, SyncState, SyncStatus
from app.views.common import formatting
from app.views.dashboard import metric_words as words
from app.views.shell.offline_banner import BannerLine
from app.views.shell.sync_status_bar import SyncStatusBar

NOT_SYNCING = (SyncState.OFFLINE, SyncState.NEEDS_ATTENTION)


class LiveStatus(QWidget):
    toggled = Signal(bool)  # True: live again; False: paused

    def __init__(self, banner_parent: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Its line is kept whether it speaks or not: the figures never move under the pointer.
        self.banner = BannerLine(banner_parent)
        self.banner.setObjectName("dashboardOfflineBanner")
        self.state = QLabel(self)
        self.state.setObjectName("dashboardLiveState")
        self.button = QPushButton(self)
        self.button.setObjectName("dashboardLiveButton")
        self.button.setCheckable(True)
        self.button.setChecked(True)
        self.button.toggled.connect(self._on_toggled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addWidget(self.button)
        self._sync_state: SyncState | None = None
        self._cause = ""  # why the platform was not reached (app/services/sync_status.py CAUSE_*)
        self._last_sync: int | None = None
        self._report: MetricsReport | None = None
        self._stale = False  # new data came while paused
        self._problem = ""
        self.retranslate_ui()

    def is_live(self) -> bool:
        return self.button.isChecked()

    def set_live(self, live: bool) -> None:
        self.button.setChecked(live)

    def set_sync_status(self, status: SyncStatus) -> None:
        self._sync_state = status.state
        self._cause = status.cause if status.state is SyncState.OFFLINE else ""
        self._last_sync = status.last_success_at or self._last_sync
        self._update()

    def set_report(self, report: MetricsReport) -> None:
        self._report, self._problem = report, ""
        self._update()

    def set_stale(self, stale: bool) -> None:
        self._stale = stale
        self._update()

    def set_problem(self, text: str) -> None:
        self._problem = text
        self._update()

    def text(self) -> str:
        return self.state.text()

    def banner_text(self) -> str | None:
        return self.banner.words_shown()

    def _on_toggled(self, live: bool) -> None:
        self._retranslate_button()
        self._update()
        self.toggled.emit(live)

    def _tz(self) -> tzinfo:
        """The shop's clock: the shown report's (its rule set's), Douyin's before the first."""
        return words.report_zone(self._report) if self._report is not None else SHOP_TZ

    def _update(self) -> None:
        offline = self._sync_state in NOT_SYNCING
        if offline:
            since = (
                formatting.shop_time(self._last_sync, tz=self._tz()) if self._last_sync else self.tr("never")
            )
            if self._sync_state == SyncState.OFFLINE and self._platform_trouble():
                # The platform answered, badly: not "offline", which would send them to the router.
                words = self.tr(
                    "{why} — the figures are as of the last sync ({time}); they update by themselves "
                    "once it works again."
                ).replace("{why}", SyncStatusBar.cause_text(self._cause))  # {time} is filled below
            elif self._sync_state == SyncState.OFFLINE:
                words = self.tr(
                    "Offline — the figures are as of the last sync ({time}); they update by themselves "
                    "when the connection returns."
                )
            else:
                words = self.tr("The sync needs attention — the figures are as of the last sync ({time}).")
        self.banner.show_words(words.format(time=since) if offline else "")
        report = self._report
        at = formatting.shop_time(report.now, with_year=False, tz=self._tz()) if report else ""
        if self._problem:
            text = self._problem
        elif report is None:
            text = self.tr("Computing…")
        elif not self.is_live():
            text = self.tr("Paused · figures as of {time}").format(time=at)
            if self._stale:
                text += " · " + self.tr("new data waiting")
        elif offline and self._platform_trouble():
            why = SyncStatusBar.cause_text(self._cause)
            text = self.tr("{why} · figures as of {time}").format(why=why, time=at)
        elif offline:
            text = self.tr("Offline · figures as of {time}").format(time=at)
        elif not reaches_now(report):
            text = self.tr("A past range · computed {time}").format(time=at)
        else:
            text = self.tr("Live · updated {time}").format(time=at)
        self.state.setText(text)

    def _platform_trouble(self) -> bool:
        """Offline because of the platform (errors, no answer, a rate limit), not the network."""
        return self._cause not in ("", CAUSE_NETWORK)

    def _retranslate_button(self) -> None:
        live = self.is_live()
        self.button.setText(self.tr("Pause") if live else self.tr("Resume"))
        self.button.setToolTip(
            self.tr("Stop updating the figures as new data arrives")
            if live
            else self.tr("Update the figures as new data arrives")
        )

    def retranslate_ui(self) -> None:
        self._retranslate_button()
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
