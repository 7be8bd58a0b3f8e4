"""Settings' "Updates": where the desk looks for updates, and "Check for updates".

Owns `UpdateSection`: the update address (a web address serving the releases that
`tasks.py release` writes; empty, the default, means the desk does not look, which the
section says plainly), saved to the settings file when the owner leaves the box;
"Check for updates" (in the background, `UpdateChecker.check`), and the answer in words:
this is the newest version, an update is ready (with "What changed…"), it waits for the
owner or the next start, or what went wrong. A desk run from the source tree is not an
installation and says that it does not update itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.services.people.permissions import Actor
from app.views.updates.checker import Stage, UpdateChecker, UpdateState
from app.views.updates.update_dialog import UpdateDialog


class UpdateSection(QGroupBox):
    # The owner saved another update address: before and after (for the audit trail).
    address_changed = Signal(str, str)

    def __init__(
        self,
        settings: Settings,
        checker: UpdateChecker,
        parent: QWidget | None = None,
        *,
        settings_path: Path | None = None,
        sessions: sessionmaker[Session] | None = None,
        actor: Actor | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("updateSection")
        self._settings, self._checker, self._settings_path = settings, checker, settings_path
        self._sessions, self._actor = sessions, actor
        self._address_label = QLabel(self)
        self.address = QLineEdit(settings.update_url, self)
        self.address.setObjectName("updateAddress")
        self.address.setPlaceholderText("https://")
        self.address.editingFinished.connect(self._on_address_edited)
        self._address_label.setBuddy(self.address)
        self.check_button = QPushButton(self)
        self.check_button.setObjectName("checkForUpdates")
        self.check_button.clicked.connect(self._on_check)
        self.what_changed_button = QPushButton(self)
        self.what_changed_button.setObjectName("whatChanged")
        self.what_changed_button.clicked.connect(self.open_dialog)
        self.status = QLabel(self)
        self.status.setObjectName("updateStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        address_row = QHBoxLayout()
        address_row.addWidget(self._address_label)
        address_row.addWidget(self.address, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.what_changed_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(address_row)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.dialog: UpdateDialog | None = None
        checker.changed.connect(self._show_state)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Updates"))
        self._address_label.setText(self.tr("Update &address:"))
        self.check_button.setText(self.tr("Check for updates"))
        self.what_changed_button.setText(self.tr("What changed…"))
        self._show_state(self._checker.state())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot(object)
    def _show_state(self, state: UpdateState) -> None:
        self._state = state
        self.status.setText(self._words(state))
        installed = state.stage != Stage.NOT_INSTALLED
        self.address.setEnabled(installed)
        self.check_button.setEnabled(
            installed and bool(self._settings.update_url.strip()) and state.stage != Stage.CHECKING
        )
        self.what_changed_button.setVisible(state.pending is not None)

    def _words(self, state: UpdateState) -> str:
        pending = state.pending
        if state.stage == Stage.NOT_INSTALLED:
            return self.tr(
                "This copy of the desk runs from its source code, so it does not update itself; "
                "installed desks do."
            )
        if not self._settings.update_url.strip() and pending is None:
            return self.tr(
                "No update address is set, so the desk does not look for updates. This is version {version}."
            ).format(version=state.running_version)
        if state.stage == Stage.CHECKING:
            return self.tr("Looking for updates…")
        if state.stage == Stage.NEWEST:
            return self.tr("This is the newest version ({version}).").format(version=state.running_version)
        if state.stage == Stage.WAITING and pending is not None:
            return self.tr("Version {version} is downloaded and waits for the owner's agreement.").format(
                version=pending.version
            )
        if state.stage == Stage.AGREED and pending is not None and pending.not_installed:
            return self.tr(
                "Version {version} could not be installed at the last start ({reason}); the desk tries "
                "again at its next start."
            ).format(version=pending.version, reason=pending.not_installed)
        if state.stage == Stage.AGREED and pending is not None:
            return self.tr("Version {version} is installed when the desk next starts.").format(
                version=pending.version
            )
        if state.stage == Stage.INSTALLED:
            return self.tr("Version {version} was installed at this start.").format(
                version=state.installed_version
            )
        if state.stage == Stage.PROBLEM:
            return state.problem
        return self.tr("This is version {version}; the desk looks for updates at every start.").format(
            version=state.running_version
        )

    @Slot()
    def _on_address_edited(self) -> None:
        before, after = self._settings.update_url, self.address.text().strip()
        if after == before:
            return
        if after and not after.startswith(("http://", "https://")):
            self.status.setText(self.tr("An update address starts with https:// (or http://)."))
            return
        self._settings.update_url = after
        self._settings.save(self._settings_path)
        self.address_changed.emit(before, after)
        self._show_state(self._checker.state())

    @Slot()
    def _on_check(self) -> None:
        self._on_address_edited()  # a typed address counts without leaving the box first
        self._checker.check()

    @Slot()
    def open_dialog(self) -> None:
        pending = self._state.pending
        if pending is None:
            return
        self.dialog = UpdateDialog(self._checker, pending, self._sessions, self._actor, self)
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()
