"""The "Shop database" part of the settings dialog, for the owner.

Owns the choice between this computer's own database file and a shared PostgreSQL
database for all of the shop's workstations: the server's fields, "Test connection"
(run on the network lane of `BackgroundTasks`, since a connect can take seconds; the
answer in plain words beside the button, green or red), and saving the choice, which
takes effect when AfterSales Desk restarts (as "Change shop…" does) — offered at once.
A shared database is saved only after a test that worked, or when the owner says
"save anyway". The password goes to the OS password store, never to the settings file,
and is never read back into the form: an empty password box keeps the saved one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from app.config import Settings
from app.core.refusal import Refusal
from app.secrets import SecretStoreUnavailable
from app.services.people.permissions import MSG_ROLE, Action, Actor, PermissionDenied
from app.services.setup import connection_settings as shop_connection_settings
from app.services.setup import shop_database
from app.services.setup.connection_settings import MSG_FIELDS_MISSING, DatabaseFields
from app.services.setup.shop_database import DatabaseCheck
from app.views.common.background import NET_LANE, BackgroundTasks
from app.views.common.people_words import refusal_text, service_words

TEST_KEY = "settings.database_test"


class ShopDatabaseSection(QGroupBox):
    # The saved database changed: URLs before and after, never with a password ("" = this computer).
    database_changed = Signal(str, str)
    # The owner chose to restart now so that the change takes effect.
    restart_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        tasks: BackgroundTasks,
        parent: QWidget | None = None,
        *,
        settings_path: Path | None = None,
        waiting_count: int = 0,
        sessions: sessionmaker[Session] | None = None,
        actor: Actor | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shopDatabaseSection")
        self._settings = settings
        # Who saves, checked by the services before anything is written.
        self._sessions, self._actor = sessions, actor
        self._waiting_count = waiting_count  # decisions made here the platform has not confirmed
        self._settings_path = settings_path
        self._tasks = tasks
        self._result: DatabaseCheck | str | None = None  # what the result label says
        self._tested: DatabaseFields | None = None  # the fields of the last test that worked
        self._testing = False
        self._saved_note = False

        self.only_here_choice = QRadioButton(self)
        self.only_here_choice.setObjectName("onlyThisComputer")
        self.shared_choice = QRadioButton(self)
        self.shared_choice.setObjectName("sharedDatabase")
        choices = QButtonGroup(self)
        choices.addButton(self.only_here_choice)
        choices.addButton(self.shared_choice)

        saved = shop_connection_settings.decompose_url(settings.database_url)
        self.host_edit = QLineEdit(saved.host, self)
        self.host_edit.setObjectName("databaseHost")
        self.port_box = QSpinBox(self)
        self.port_box.setObjectName("databasePort")
        self.port_box.setRange(1, 65535)
        self.port_box.setValue(saved.port)
        self.port_box.setGroupSeparatorShown(False)
        self.database_edit = QLineEdit(saved.database, self)
        self.database_edit.setObjectName("databaseName")
        self.user_edit = QLineEdit(saved.user, self)
        self.user_edit.setObjectName("databaseUser")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("databasePassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.test_button = QPushButton(self)
        self.test_button.setObjectName("testDatabaseButton")
        self.test_button.clicked.connect(self.test_connection)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("testResult")  # coloured by the style sheet's state rules
        self.result_label.setWordWrap(True)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveDatabaseButton")
        self.save_button.clicked.connect(self.save_choice)

        self._labels = [QLabel(self) for _ in range(5)]
        fields = (self.host_edit, self.port_box, self.database_edit, self.user_edit, self.password_edit)
        self._fields = QWidget(self)
        form = QFormLayout(self._fields)
        form.setContentsMargins(24, 0, 0, 0)  # under the choice it belongs to
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for label, widget in zip(self._labels, fields, strict=True):
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.port_box.setMaximumWidth(self.fontMetrics().horizontalAdvance("655350") + 40)
        # The button, then its answer the full width below it: a sentence or two of plain
        # words, which a narrow column beside the button would cut short.
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        form.addRow(test_row)
        form.addRow(self.result_label)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.only_here_choice)
        layout.addWidget(self.shared_choice)
        layout.addWidget(self._fields)
        layout.addLayout(save_row)

        (self.shared_choice if settings.database_url else self.only_here_choice).setChecked(True)
        self.shared_choice.toggled.connect(self._on_edited)
        for edit in (self.host_edit, self.database_edit, self.user_edit, self.password_edit):
            edit.textEdited.connect(self._on_edited)
        self.port_box.valueChanged.connect(self._on_edited)
        self.retranslate_ui()

    # --- what the person typed ----------------------------------------------------------------
    def fields(self) -> DatabaseFields:
        return DatabaseFields(
            host=self.host_edit.text().strip(),
            port=self.port_box.value(),
            database=self.database_edit.text().strip(),
            user=self.user_edit.text().strip(),
            password=self.password_edit.text(),
        )

    # --- testing ----------------------------------------------------------------------------
    @Slot()
    def test_connection(self) -> None:
        fields = self.fields()
        if fields.missing():
            self._show(MSG_FIELDS_MISSING, ok=False)
            return
        saved_url = self._settings.database_url

        def check() -> DatabaseCheck:
            # The kept password is read here, off the GUI thread: a keyring may take its time.
            typed = shop_connection_settings.fill_saved_password(fields, saved_url)
            return shop_database.check_database(shop_connection_settings.compose_url(typed))

        self._testing = True
        self._show(self.tr("Testing…"), ok=None)
        self._tasks.run(
            TEST_KEY,
            check,
            lambda result: self._on_tested(fields, result),
            self._on_test_failed,
            lane=NET_LANE,
        )
        self._update()

    def cancel_test(self) -> None:
        """Drop the answer of a test still running (the dialog is closing or the fields changed)."""
        self._tasks.cancel(TEST_KEY)
        self._testing = False

    def _on_tested(self, fields: DatabaseFields, check: DatabaseCheck) -> None:
        self._testing = False
        self._tested = fields if check.ok else None
        self._show(check, ok=check.ok)
        self.result_label.setToolTip(check.detail)
        self._update()

    def _on_test_failed(self, error: BaseException) -> None:
        self._on_tested(self.fields(), shop_database.classify_error(error))

    # --- saving -------------------------------------------------------------------------------
    @Slot()
    def save_choice(self) -> None:
        before = self._settings.database_url
        if self.only_here_choice.isChecked() and not before:
            return
        # Unsent decisions live in the database being left: the other one never sees them.
        if self._waiting_count and not self._ask(
            self.tr("Decisions are still waiting to be sent"),
            self.tr(
                "%n decision(s) made here have not reached the platform yet. They stay in the "
                "database this computer uses now and are sent only when it is used again. Wait "
                "until the \u201cwaiting to be sent\u201d badge is gone, then switch. Switch anyway?",
                "",
                self._waiting_count,
            ),
            yes=self.tr("Switch anyway"),
            no=self.tr("Cancel"),
        ):
            return
        try:
            if self.only_here_choice.isChecked():
                shop_connection_settings.use_this_computer(
                    *self._who(), self._settings, path=self._settings_path
                )
            elif not self._save_shared():
                return
        except Refusal as refused:  # e.g. switched off at another desk since signing in
            self._show(refusal_text(refused), ok=False)
            return
        self.database_changed.emit(before, self._settings.database_url)
        if self._ask(
            self.tr("Restart AfterSales Desk?"),
            self.tr("The shop database changes when AfterSales Desk restarts. Restart now?"),
            yes=self.tr("Restart now"),
            no=self.tr("Later"),
        ):
            self.restart_requested.emit()
        else:
            self._saved_note = True
            self._show(self.tr("Saved. Takes effect when AfterSales Desk restarts."), ok=True)
        self._update()

    def _who(self) -> tuple[sessionmaker[Session], Actor]:
        """The signed-in person and their shop database, for the services to check."""
        if self._sessions is None or self._actor is None:  # nobody signed in: nobody may
            raise PermissionDenied(MSG_ROLE, Action.MANAGE_SHOP_CONNECTION)
        return self._sessions, self._actor

    def _save_shared(self) -> bool:
        """Save the shared database's fields; False when the owner cancelled (a service's
        refusal propagates to `save_choice`)."""
        fields = self.fields()
        if fields.missing():
            self._show(MSG_FIELDS_MISSING, ok=False)
            return False
        if self._tested != fields and not self._ask(
            self.tr("Save without a working test?"),
            self.tr(
                "The connection to this database has not been tested successfully. If the details "
                "are wrong, AfterSales Desk will not start until they are put right. Save anyway?"
            ),
            yes=self.tr("Save anyway"),
            no=self.tr("Cancel"),
        ):
            return False
        fields = shop_connection_settings.fill_saved_password(fields, self._settings.database_url)
        try:
            shop_connection_settings.save_shared_database(
                *self._who(), self._settings, fields, path=self._settings_path
            )
        except SecretStoreUnavailable as error:
            if not self._ask(
                self.tr("Keep the password in a file?"),
                refusal_text(error),
                yes=self.tr("Use a protected file"),
                no=self.tr("Cancel"),
            ):
                return False
            shop_connection_settings.save_shared_database(
                *self._who(), self._settings, fields, allow_plain_file=True,
                path=self._settings_path,
            )  # fmt: skip
        self.password_edit.clear()  # saved; an empty box now means "keep the saved password"
        return True

    def _ask(self, title: str, text: str, *, yes: str, no: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(no, QMessageBox.ButtonRole.RejectRole))
        box.exec()
        return box.clickedButton() is yes_button

    # --- showing ------------------------------------------------------------------------------
    @Slot()
    def _on_edited(self) -> None:
        if self._testing:
            self.cancel_test()
        self._tested = None
        self._saved_note = False
        self._show(None, ok=None)
        self.result_label.setToolTip("")
        self._update()

    def _show(self, result: DatabaseCheck | str | None, *, ok: bool | None) -> None:
        self._result = result
        if isinstance(result, DatabaseCheck):
            text = refusal_text(result)
        elif result:
            text = service_words("settings", result) if result == MSG_FIELDS_MISSING else result
        else:
            text = ""
        self.result_label.setText(text)
        self.result_label.setProperty("state", "" if ok is None else ("good" if ok else "bad"))
        self.result_label.style().unpolish(self.result_label)
        self.result_label.style().polish(self.result_label)
        self._make_room()

    def _make_room(self) -> None:
        """Reserve the answer's full height as a minimum: a dialog grows for a minimum
        height, but not for a wrapped label's height-for-width, and would cut lines off."""
        label = self.result_label
        label.setMinimumHeight(label.heightForWidth(label.width()) if label.text() else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._make_room()  # narrower, the answer takes more lines

    def result_state(self) -> str:
        """ "good", "bad" or "" (nothing or a test running): the colour the result shows in."""
        return str(self.result_label.property("state") or "")

    def _update(self) -> None:
        shared = self.shared_choice.isChecked()
        self._fields.setEnabled(shared)
        self.test_button.setEnabled(shared and not self._testing)
        has_saved = bool(self._settings.database_url)
        self.save_button.setEnabled(shared or has_saved)  # "only this computer" is already so
        self.password_edit.setPlaceholderText(
            self.tr("Leave empty to keep the saved password") if shared and has_saved else ""
        )

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Shop database"))
        self.only_here_choice.setText(self.tr("Only this computer"))
        self.shared_choice.setText(self.tr("A shared shop database (PostgreSQL)"))
        for label, text in zip(
            self._labels,
            (
                self.tr("&Server:"),
                self.tr("P&ort:"),
                self.tr("&Database:"),
                self.tr("&User:"),
                self.tr("Pass&word:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.host_edit.setPlaceholderText(self.tr("e.g. 192.168.1.20 or shop-server"))
        self.test_button.setText(self.tr("&Test connection"))
        self.save_button.setText(self.tr("Save database choice…"))
        self.save_button.setToolTip(self.tr("Takes effect when AfterSales Desk restarts"))
        if isinstance(self._result, DatabaseCheck) or self._result == MSG_FIELDS_MISSING:
            self._show(self._result, ok=self.result_state() == "good" if self._result else None)
        elif self._testing:
            self._show(self.tr("Testing…"), ok=None)
        elif self._saved_note:
            self._show(self.tr("Saved. Takes effect when AfterSales Desk restarts."), ok=True)
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
