"""The users screen's small dialogs: add a person, reset a password, refund limits, role.

Owns `UserFormDialog`, the shape all four share: the desk's one form dialog
(`views/common/form_dialog.py`: a form, a line for the refusal, OK/Cancel) with a
password field. OK first checks what can be checked here (two passwords the same,
amounts readable as yuan) and then emits `submitted`; the users screen runs the service
and either closes the dialog or shows the service's refusal in it, so a refused change
keeps everything typed and nothing is half-saved.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from app.core.money import CNY
from app.services.people.permissions import Role
from app.views.common.form_dialog import FormDialog
from app.views.common.formatting import currency_symbol
from app.views.common.people_words import parse_yuan, role_label, yuan_text


class UserFormDialog(FormDialog):
    """A person's form whose OK asks the users screen to carry it out (`FormDialog`)."""

    def password_field(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit


def _passwords_problem(first: QLineEdit, second: QLineEdit) -> str:
    if first.text() != second.text():
        return QCoreApplication.translate("UserFormDialog", "The two passwords are not the same.")
    return ""


class AddUserDialog(UserFormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addUserDialog")
        self.username_edit = QLineEdit(self)
        self.username_edit.setObjectName("newUsername")
        self.display_name_edit = QLineEdit(self)
        self.display_name_edit.setObjectName("newDisplayName")
        self.role_box = QComboBox(self)
        self.role_box.setObjectName("newRole")
        for role in (Role.CLERK, Role.WAREHOUSE, Role.OWNER):
            self.role_box.addItem("", str(role))
        self.password_edit = self.password_field("newPassword")
        self.confirm_edit = self.password_field("newPasswordAgain")
        self.limits = RefundLimitFields(self)
        self.add_row(self.username_edit, lambda: self.tr("&User name:"))
        self.add_row(self.display_name_edit, lambda: self.tr("&Display name:"))
        self.add_row(self.role_box, lambda: self.tr("&Role:"))
        self.add_row(self.password_edit, lambda: self.tr("&Password:"))
        self.add_row(self.confirm_edit, lambda: self.tr("Password &again:"))
        self.limits.add_to(self)
        self.role_box.currentIndexChanged.connect(self._on_role)
        self.retranslate_ui()
        self._on_role()

    def _on_role(self) -> None:
        self.limits.set_enabled(self.role_box.currentData() == Role.CLERK)

    def local_problem(self) -> str:
        return _passwords_problem(self.password_edit, self.confirm_edit) or self.limits.problem()

    def values(self) -> dict[str, object]:
        single, daily = self.limits.fen() if self.role_box.currentData() == Role.CLERK else (None, None)
        return {
            "username": self.username_edit.text().strip(),
            "display_name": self.display_name_edit.text().strip(),
            "role": Role(self.role_box.currentData()),
            "password": self.password_edit.text(),
            "refund_limit_single_fen": single,
            "refund_limit_daily_fen": daily,
        }

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Add a person"))
        for index in range(self.role_box.count()):
            self.role_box.setItemText(index, role_label(self.role_box.itemData(index)))
        self.limits.retranslate_ui()


class RefundLimitFields(QObject):
    """Two yuan boxes (one refund, one day); empty means "not set"."""

    def __init__(self, dialog: UserFormDialog) -> None:
        super().__init__(dialog)
        self._currency = CNY  # the shop's (set_currency): its limits count in its minor units
        self.single_edit = QLineEdit(dialog)
        self.single_edit.setObjectName("singleLimit")
        self.daily_edit = QLineEdit(dialog)
        self.daily_edit.setObjectName("dailyLimit")
        self.hint = QLabel(dialog)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)

    def add_to(self, dialog: UserFormDialog) -> None:
        dialog.add_row(self.single_edit, lambda: self._in_currency(self.tr("Refund limit, &one refund (¥):")))
        dialog.add_row(self.daily_edit, lambda: self._in_currency(self.tr("Refund limit, &per day (¥):")))
        dialog.form.addRow(self.hint)

    def set_currency(self, currency: str) -> None:
        """The shop's currency (a TikTok US shop's USD): the boxes' labels name its symbol."""
        self._currency = currency

    def _in_currency(self, label: str) -> str:
        # The yuan sign in the label (in either language) becomes the shop's currency's.
        return label.replace("¥", currency_symbol(self._currency))

    def _parse(self, text: str) -> int | None:
        """Minor units of the shop's currency for a typed amount (its symbol allowed)."""
        return parse_yuan(text.replace(currency_symbol(self._currency), ""))

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.single_edit, self.daily_edit, self.hint):
            widget.setEnabled(enabled)

    def set_fen(self, single: int | None, daily: int | None) -> None:
        self.single_edit.setText(yuan_text(single))
        self.daily_edit.setText(yuan_text(daily))

    def fen(self) -> tuple[int | None, int | None]:
        return self._parse(self.single_edit.text()), self._parse(self.daily_edit.text())

    def problem(self) -> str:
        for edit in (self.single_edit, self.daily_edit):
            try:
                self._parse(edit.text())
            except ValueError:
                edit.setFocus()
                if self._currency != CNY:
                    return self.tr("“{text}” is not an amount. Write it like 200 or 49.90.").format(
                        text=edit.text().strip()
                    )
                return self.tr("“{text}” is not an amount in yuan. Write it like 200 or 49.90.").format(
                    text=edit.text().strip()
                )
        return ""

    def retranslate_ui(self) -> None:
        placeholder = self.tr("not set")
        self.single_edit.setPlaceholderText(placeholder)
        self.daily_edit.setPlaceholderText(placeholder)
        self.hint.setText(
            self.tr(
                "Customer service decides refunds up to these amounts; leave them empty and "
                "every refund waits for the owner."
            )
        )


class RefundLimitsDialog(UserFormDialog):
    def __init__(
        self, display_name: str, single: int | None, daily: int | None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("refundLimitsDialog")
        self._display_name = display_name
        self.limits = RefundLimitFields(self)
        self.limits.add_to(self)
        self.limits.set_fen(single, daily)
        self.retranslate_ui()

    def local_problem(self) -> str:
        return self.limits.problem()

    def values(self) -> dict[str, object]:
        single, daily = self.limits.fen()
        return {"single_fen": single, "daily_fen": daily}

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Refund limits for {name}").format(name=self._display_name))
        self.limits.retranslate_ui()


class ResetPasswordDialog(UserFormDialog):
    def __init__(self, display_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resetPasswordDialog")
        self._display_name = display_name
        self.password_edit = self.password_field("resetPassword")
        self.confirm_edit = self.password_field("resetPasswordAgain")
        self.add_row(self.password_edit, lambda: self.tr("New &password:"))
        self.add_row(self.confirm_edit, lambda: self.tr("Password &again:"))
        self.retranslate_ui()

    def local_problem(self) -> str:
        return _passwords_problem(self.password_edit, self.confirm_edit)

    def values(self) -> dict[str, object]:
        return {"new_password": self.password_edit.text()}

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("New password for {name}").format(name=self._display_name))


class ChangeRoleDialog(UserFormDialog):
    def __init__(self, display_name: str, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeRoleDialog")
        self._display_name = display_name
        self.role_box = QComboBox(self)
        self.role_box.setObjectName("roleBox")
        for choice in (Role.OWNER, Role.CLERK, Role.WAREHOUSE):
            self.role_box.addItem("", str(choice))
        self.role_box.setCurrentIndex(max(0, self.role_box.findData(str(role))))
        self.add_row(self.role_box, lambda: self.tr("&Role:"))
        self.retranslate_ui()

    def values(self) -> dict[str, object]:
        return {"role": Role(self.role_box.currentData())}

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Role of {name}").format(name=self._display_name))
        for index in range(self.role_box.count()):
            self.role_box.setItemText(index, role_label(self.role_box.itemData(index)))
