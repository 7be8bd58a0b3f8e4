"""The users screen: the owner's list of the shop's people and what each may do.

Owns `UsersView` and its `UserTableModel`: the table (user name, display name, role,
active, refund limits in the shop's currency, locked) and the actions on the chosen person — add,
disable/enable, reset password, refund limits, role. Each change is one call of the
accounts service in one transaction on the database lane; a refusal
(`PermissionDenied`, `AccountError`) is shown in the dialog that asked, or in the
banner above the table, in the service's plain words, and nothing is half-saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QObject,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session, sessionmaker

from app.core.money import CNY
from app.core.shop_time import SHOP_TZ
from app.services.orders.queries import shop_currency
from app.services.people import accounts
from app.services.people.accounts import UserRow
from app.services.people.permissions import Actor
from app.services.rule_history import rules_in_force
from app.views.common import formatting
from app.views.common.background import BackgroundTasks
from app.views.common.people_words import refusal_text, role_label
from app.views.common.table_model import ALIGN_RIGHT, ROW_ROLE, Column, ColumnTableModel
from app.views.people.user_dialogs import (
    AddUserDialog,
    ChangeRoleDialog,
    RefundLimitsDialog,
    ResetPasswordDialog,
    UserFormDialog,
)

COL_USERNAME, COL_DISPLAY_NAME, COL_ROLE, COL_ACTIVE, COL_SINGLE, COL_DAILY, COL_LOCKED = range(7)
USER_ROW_ROLE = ROW_ROLE  # the backing UserRow
DISABLED_COLOUR = "#8c959f"  # a switched-off person stays listed, greyed


class UserTableModel(ColumnTableModel):
    """The people of the shop, one row each, as `UserRow` values."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], int] = formatting.now_utc,
        tz: tzinfo = SHOP_TZ,
    ) -> None:
        super().__init__(parent)
        self._rows: list[UserRow] = []
        self._clock, self._tz = clock, tz  # the shop's clock: a lock's end is told on it
        self.currency = CNY  # the shop's: a clerk's limits count in its minor units
        greyed = QColor(DISABLED_COLOUR)

        def grey(user: UserRow) -> QColor | None:  # every column of a switched-off person
            return None if user.active else greyed

        def limit(single: bool) -> Column:
            return Column(lambda user: self._limit_text(user, single), ALIGN_RIGHT, foreground=grey)

        self.columns = [
            Column(lambda user: user.username, foreground=grey),
            Column(lambda user: user.display_name, foreground=grey),
            Column(lambda user: role_label(user.role), foreground=grey),
            Column(lambda user: self.tr("Yes") if user.active else self.tr("Disabled"), foreground=grey),
            limit(single=True),
            limit(single=False),
            Column(self._locked_text, foreground=grey),
        ]
        self.retranslate()

    def set_rows(self, rows: list[UserRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_count(self) -> int:
        return len(self._rows)

    def row_at(self, row: int) -> UserRow:
        return self._rows[row]

    def row_of(self, user_id: int) -> int:
        return next((i for i, user in enumerate(self._rows) if user.id == user_id), -1)

    def _limit_text(self, user: UserRow, single: bool) -> str:
        if user.role != "clerk":
            return "—"  # owners have no limit; the warehouse decides no refunds
        fen = user.refund_limit_single_fen if single else user.refund_limit_daily_fen
        return self.tr("not set") if fen is None else formatting.money(fen, self.currency)

    def _locked_text(self, user: UserRow) -> str:
        if user.locked_until is not None and user.locked_until > self._clock():
            return self.tr("until {time}").format(
                time=formatting.shop_time(user.locked_until, with_year=False, tz=self._tz)
            )
        return ""

    def retranslate(self) -> None:
        self.set_headers(
            [
                self.tr("User name"),
                self.tr("Display name"),
                self.tr("Role"),
                self.tr("Active"),
                self.tr("One refund"),
                self.tr("Per day"),
                self.tr("Locked"),
            ]
        )


class UsersView(QWidget):
    """The owner's screen for the shop's people."""

    # A list answer was shown (first load, and after every change).
    rows_loaded = Signal()
    # A change to a person was saved (the list reloads after it).
    user_changed = Signal()

    def __init__(
        self,
        tasks: BackgroundTasks,
        sessions: sessionmaker[Session],
        actor: Actor,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], int] = formatting.now_utc,
        platform: str | None = None,
    ) -> None:
        """`platform`: the shop's (None: Douyin), on whose clock times are told."""
        super().__init__(parent)
        self._tasks = tasks
        self._sessions = sessions
        self._actor = actor
        self._clock = clock
        self.dialog: UserFormDialog | None = None  # the dialog open now, if any
        self._shown_once = False

        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.model = UserTableModel(self, clock=clock, tz=rules_in_force(platform).shipping.tz)
        self.table = QTableView(self)
        self.table.setObjectName("usersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(self.table.fontMetrics().horizontalAdvance("M") * 7)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_limits())

        self.add_button = self._button("addUser", self.add_user)
        self.active_button = self._button("toggleActive", self.toggle_active)
        self.password_button = self._button("resetPassword", self.reset_password)
        self.limits_button = self._button("refundLimits", self.edit_limits)
        self.role_button = self._button("changeRole", self.change_role)
        bar = QHBoxLayout()
        for button in (self.add_button, self.active_button, self.password_button, self.limits_button):
            bar.addWidget(button)
        bar.addWidget(self.role_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.retranslate_ui()
        self.refresh()

    def _button(self, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # --- what other parts of the app call ----------------------------------------------
    def screen_title(self) -> str:
        return self.tr("Users")

    def showEvent(self, event: QShowEvent) -> None:
        # Another workstation may have changed people meanwhile; the read is cheap.
        if self._shown_once:
            self.refresh()
        self._shown_once = True
        super().showEvent(event)

    @Slot()
    def refresh(self) -> None:
        def read(session: Session) -> tuple[list[UserRow], str]:
            return accounts.list_users(session), shop_currency(session)

        self._tasks.read("users.list", self._sessions, read, self._on_rows, self._on_failed)

    def selected_user(self) -> UserRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_user(self, username: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).username == username:
                self.table.selectRow(row)
                return

    # --- the actions ---------------------------------------------------------------------
    @Slot()
    def add_user(self) -> None:
        def save(session: Session, values: dict[str, Any]) -> None:
            accounts.add_user(session, self._actor, now=self._clock(), **values)

        dialog = AddUserDialog(self)
        dialog.limits.set_currency(self.model.currency)
        dialog.retranslate_ui()
        self._open(dialog, save)

    @Slot()
    def toggle_active(self) -> None:
        user = self.selected_user()
        if user is not None:
            active = not user.active
            self._change(lambda s: accounts.set_active(s, self._actor, user.id, active, now=self._clock()))

    @Slot()
    def reset_password(self) -> None:
        user = self.selected_user()
        if user is not None:
            self._open(
                ResetPasswordDialog(user.display_name, self),
                lambda s, v: accounts.reset_password(
                    s, self._actor, user.id, v["new_password"], now=self._clock()
                ),
            )

    @Slot()
    def edit_limits(self) -> None:
        user = self.selected_user()
        if user is not None:
            dialog = RefundLimitsDialog(
                user.display_name, user.refund_limit_single_fen, user.refund_limit_daily_fen, self
            )
            dialog.limits.set_currency(self.model.currency)
            dialog.retranslate_ui()
            self._open(
                dialog,
                lambda s, v: accounts.set_refund_limits(
                    s, self._actor, user.id, v["single_fen"], v["daily_fen"], now=self._clock()
                ),
            )

    @Slot()
    def change_role(self) -> None:
        user = self.selected_user()
        if user is not None:
            self._open(
                ChangeRoleDialog(user.display_name, user.role, self),
                lambda s, v: accounts.set_role(s, self._actor, user.id, v["role"], now=self._clock()),
            )

    def _open(self, dialog: UserFormDialog, save: Callable[[Session, dict[str, Any]], None]) -> None:
        """Show `dialog` (not blocking); its OK runs `save` in one transaction."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        sessions = self._sessions

        def submit() -> None:
            values = dialog.values()

            def unit_of_work() -> None:
                with sessions.begin() as session:
                    save(session, values)

            self._tasks.run("users.change", unit_of_work, lambda _: self._saved(dialog), refused)

        def refused(error: BaseException) -> None:
            if shiboken6.isValid(dialog):  # the person may have closed it meanwhile
                dialog.show_error(refusal_text(error))

        dialog.submitted.connect(submit)
        dialog.open()

    def _saved(self, dialog: UserFormDialog) -> None:
        if shiboken6.isValid(dialog):
            dialog.accept()
        self.banner.hide()
        self.user_changed.emit()
        self.refresh()

    def _change(self, save: Callable[[Session], None]) -> None:
        sessions = self._sessions

        def unit_of_work() -> None:
            with sessions.begin() as session:
                save(session)

        def saved(_: None) -> None:
            self.banner.hide()
            self.user_changed.emit()
            self.refresh()

        self._tasks.run("users.change", unit_of_work, saved, self._show_refusal)

    def _show_refusal(self, error: BaseException) -> None:
        self.banner.setText(refusal_text(error))
        self.banner.show()

    # --- answers -------------------------------------------------------------------------
    def _on_rows(self, answer: tuple[list[UserRow], str]) -> None:
        rows, self.model.currency = answer
        chosen = self.selected_user()
        self.model.set_rows(rows)
        row = self.model.row_of(chosen.id) if chosen else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()
        self.rows_loaded.emit()

    def _on_failed(self, error: BaseException) -> None:
        self._show_refusal(error)
        self.rows_loaded.emit()

    def _update_buttons(self) -> None:
        user = self.selected_user()
        for button in (self.active_button, self.password_button, self.role_button):
            button.setEnabled(user is not None)
        self.limits_button.setEnabled(user is not None and user.role == "clerk")
        self.active_button.setText(
            self.tr("&Enable") if user is not None and not user.active else self.tr("&Disable")
        )

    def retranslate_ui(self) -> None:
        self.add_button.setText(self.tr("&Add person…"))
        self.password_button.setText(self.tr("Reset &password…"))
        self.limits_button.setText(self.tr("Refund &limits…"))
        self.role_button.setText(self.tr("Change &role…"))
        self.model.retranslate()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
