"""The sign-in dialog, also used to switch the person at a shared computer.

Owns `LoginDialog`: an editable list of the shop's active people (display names,
friendlier than user names on a shared computer; typing a user name works too), the
password, "Stay signed in on this computer", and Sign in (the person the caller names —
the last one signed in at this computer — is chosen already, so the password and Enter
are all it takes), which runs
`accounts.authenticate` on the database lane. A refusal is shown in the service's
plain words; while an account is locked the dialog counts down the seconds left and
keeps Sign in disabled. `actor()` is the signed-in person after `accepted`.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from app.services.people import accounts
from app.services.people.accounts import LoginRefused
from app.services.people.permissions import Actor
from app.views.common.background import BackgroundTasks

COUNTDOWN_TICK_MS = 1_000


class LoginDialog(QDialog):
    """Asks who is at the computer; `actor()` after it was accepted."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        tasks: BackgroundTasks,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.time,
        switching: bool = False,
        preselect: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self._sessions = sessions
        self._tasks = tasks
        self._clock = clock
        self._switching = switching
        self._preselect = preselect  # a user name
        self._actor: Actor | None = None
        self._locked_until: float | None = None  # by `clock`, while the service says wait
        self._busy = False
        self._refusal = ""  # the service's last refusal, English source words

        self.user_box = QComboBox(self)
        self.user_box.setObjectName("loginUser")
        self.user_box.setEditable(True)
        self.user_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("loginPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.stay_signed_in = QCheckBox(self)
        self.stay_signed_in.setObjectName("staySignedIn")
        self.heading = QLabel(self)
        self.heading.setObjectName("dialogHeading")
        self.message = QLabel(self)
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self._user_label = QLabel(self)
        self._user_label.setBuddy(self.user_box)
        self._password_label = QLabel(self)
        self._password_label.setBuddy(self.password_edit)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.sign_in_button: QPushButton = self._buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self._buttons.accepted.connect(self.sign_in)
        self._buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self._user_label, self.user_box)
        form.addRow(self._password_label, self.password_edit)
        form.addRow("", self.stay_signed_in)
        # Switching means several people share this computer: staying signed in makes no sense.
        self.stay_signed_in.setVisible(not switching)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self._buttons)
        self.setMinimumWidth(400)

        self._countdown = QTimer(self, interval=COUNTDOWN_TICK_MS)
        self._countdown.timeout.connect(self.tick)
        self.user_box.editTextChanged.connect(self._update_button)
        self.password_edit.textChanged.connect(self._update_button)
        self.retranslate_ui()
        self._load_people()

    # --- what the caller reads ---------------------------------------------------------
    def actor(self) -> Actor | None:
        return self._actor

    def stays_signed_in(self) -> bool:
        return self.stay_signed_in.isChecked()

    def username(self) -> str:
        """The typed or chosen person's user name (a chosen display name maps to its user)."""
        text = self.user_box.currentText().strip()
        index = self.user_box.findText(text)
        return str(self.user_box.itemData(index)) if index >= 0 else text

    # --- signing in ------------------------------------------------------------------------
    def _load_people(self) -> None:
        def query(session: Session) -> list[tuple[str, str]]:
            return [(u.display_name, u.username) for u in accounts.list_users(session) if u.active]

        self._tasks.read("login.people", self._sessions, query, self._on_people, self._on_people_failed)

    def _on_people(self, people: list[tuple[str, str]]) -> None:
        typed = self.user_box.currentText()
        self.user_box.clear()
        for display_name, username in people:
            self.user_box.addItem(display_name, username)
            self.user_box.setItemData(self.user_box.count() - 1, username, Qt.ItemDataRole.ToolTipRole)
        chosen = self.user_box.findData(self._preselect) if self._preselect else -1
        if typed:
            self.user_box.setEditText(typed)
        elif chosen >= 0:
            self.user_box.setCurrentIndex(chosen)
        else:
            self.user_box.setEditText(people[0][0] if len(people) == 1 else "")
        self.password_edit.setFocus()

    def _on_people_failed(self, error: BaseException) -> None:
        self.message.setText(self.tr("The list of people could not be read: {error}").format(error=error))

    @Slot()
    def sign_in(self) -> None:
        if not self.sign_in_button.isEnabled():
            return
        username, password = self.username(), self.password_edit.text()
        sessions, now = self._sessions, int(self._clock())

        def authenticate() -> Actor:
            with sessions.begin() as session:
                return accounts.authenticate(session, username, password, now=now)

        self._busy = True
        self.message.setText(self.tr("Signing in…"))
        self._update_button()
        self._tasks.run("login.sign_in", authenticate, self._on_signed_in, self._on_refused)

    def _on_signed_in(self, actor: Actor) -> None:
        self._busy = False
        self._actor = actor
        self.message.clear()
        self.accept()

    def _on_refused(self, error: BaseException) -> None:
        self._busy = False
        self.password_edit.clear()
        self.password_edit.setFocus()
        if isinstance(error, LoginRefused):
            self._refusal = error.message
            wait = error.retry_after_s or 0
            self._locked_until = self._clock() + wait if wait > 0 else None
            if self._locked_until is not None:
                self._countdown.start()
            self.tick()
            return
        self.message.setText(self.tr("Signing in did not work: {error}").format(error=error))
        self._update_button()

    def seconds_locked(self) -> int:
        if self._locked_until is None:
            return 0
        return max(0, math.ceil(self._locked_until - self._clock()))

    @Slot()
    def tick(self) -> None:
        """Show the refusal and, while locked, the seconds left; stop when they run out."""
        words = QCoreApplication.translate("accounts", self._refusal) if self._refusal else ""
        left = self.seconds_locked()
        if left > 0:
            words = self.tr("{words} Try again in {seconds} s.").format(words=words, seconds=left)
        else:
            self._countdown.stop()
            self._locked_until = None
        self.message.setText(words.strip())
        self._update_button()

    @Slot()
    def _update_button(self) -> None:
        self.sign_in_button.setEnabled(
            not self._busy
            and self.seconds_locked() == 0
            and bool(self.user_box.currentText().strip())
            and bool(self.password_edit.text())
        )

    # --- language ------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Switch user") if self._switching else self.tr("Sign in"))
        self.heading.setText(
            self.tr("Who is at the computer now?")
            if self._switching
            else self.tr("Sign in to AfterSales Desk")
        )
        self._user_label.setText(self.tr("&Who are you:"))
        self._password_label.setText(self.tr("&Password:"))
        self.user_box.lineEdit().setPlaceholderText(self.tr("your name or user name"))
        self.stay_signed_in.setText(self.tr("Stay signed in on this computer"))
        self.stay_signed_in.setToolTip(
            self.tr("Only for a shop run by one person: the desk then opens without asking.")
        )
        self.sign_in_button.setText(self.tr("Sign in"))
        if self._refusal:
            self.tick()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def done(self, result: int) -> None:
        self._countdown.stop()
        self._tasks.cancel("login.sign_in")
        super().done(result)
