"""What changed in the waiting update, and the owner's "Install at next start".

Owns `UpdateDialog`: the new version, its release notes as the signed release carries
them, and for the owner the agreement (app/services/updates/agreement.py, audited; the
update is installed when the desk next starts, before its window opens). Anyone else
reads what changed and that the update waits for the owner. A refusal (the person was
switched off meanwhile, the update is gone) is said in the dialog, which stays open.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from app.services.people.permissions import Actor
from app.services.updates.agreement import may_agree
from app.services.updates.pending import PendingUpdate
from app.views.updates.checker import UpdateChecker


class UpdateDialog(QDialog):
    def __init__(
        self,
        checker: UpdateChecker,
        pending: PendingUpdate,
        sessions: sessionmaker[Session] | None,
        actor: Actor | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("updateDialog")
        self._checker, self._pending, self._sessions, self._actor = checker, pending, sessions, actor
        self.headline = QLabel(self)
        self.headline.setObjectName("updateHeadline")
        self.headline.setWordWrap(True)
        self._changes_label = QLabel(self)
        self.notes = QPlainTextEdit(pending.notes, self)
        self.notes.setObjectName("updateNotes")
        self.notes.setReadOnly(True)
        self._changes_label.setBuddy(self.notes)
        self.hint = QLabel(self)
        self.hint.setObjectName("updateHint")
        self.hint.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("updateProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b42318;")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.hide()
        buttons = QDialogButtonBox(self)
        self.install_button = QPushButton(self)
        self.install_button.setObjectName("installAtNextStart")
        self.install_button.clicked.connect(self._on_install)
        buttons.addButton(self.install_button, QDialogButtonBox.ButtonRole.AcceptRole)
        # After addButton, which shows it: the owner's, and only while not agreed yet.
        self._offered = may_agree(actor) and sessions is not None and not pending.agreed
        self.install_button.setVisible(self._offered)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self._changes_label)
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumSize(440, 320)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        pending = self._pending
        self.setWindowTitle(self.tr("Update to {version}").format(version=pending.version))
        self.headline.setText(
            self.tr("Version {version} is downloaded and checked. This desk runs {running}.").format(
                version=pending.version, running=pending.from_version
            )
        )
        self._changes_label.setText(self.tr("What changed:"))
        self.install_button.setText(self.tr("Install at next start"))
        if pending.agreed:
            self.hint.setText(self.tr("It is installed when the desk next starts."))
        elif self._offered:
            self.hint.setText(
                self.tr(
                    "It is installed when the desk next starts, before its window opens. The shops' data, "
                    "the settings and decisions not yet sent are kept."
                )
            )
        else:
            self.hint.setText(self.tr("The shop owner decides when it is installed."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot()
    def _on_install(self) -> None:
        if self._sessions is None or self._actor is None:
            return
        self.install_button.setEnabled(False)
        self.problem.hide()
        self._checker.agree(self._sessions, self._actor, on_done=self._on_agreed, on_error=self._on_refused)

    def _on_agreed(self, pending: PendingUpdate) -> None:
        self._pending = pending
        self.accept()

    def _on_refused(self, words: str) -> None:
        self.problem.setText(words)
        self.problem.show()
        self.install_button.setEnabled(True)
