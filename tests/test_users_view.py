"""The users screen over a real migrated SQLite file and the real accounts service:
the list, each change carried out or refused in plain words with nothing saved, and
Chinese."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.services.people import accounts
from app.services.people.permissions import Role
from app.views.people.user_dialogs import AddUserDialog, UserFormDialog
from app.views.people.users_view import COL_ACTIVE, COL_DAILY, COL_ROLE, COL_SINGLE, UsersView
from app.views.shell.i18n import install_language
from tests.fixtures_views import PEOPLE_NOW, actor_of, add_person


def make_view(qtbot, session_factory, tasks, actor) -> UsersView:
    view = UsersView(tasks, session_factory, actor, clock=lambda: PEOPLE_NOW)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5_000)
    return view


def cell(view: UsersView, username: str, column: int) -> str:
    for row in range(view.model.rowCount()):
        if view.model.row_at(row).username == username:
            return view.model.index(row, column).data()
    raise AssertionError(f"{username} not listed")


def press_ok(qtbot, dialog: UserFormDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def users_in_db(session_factory) -> list[str]:
    with session_factory() as session:
        return [user.username for user in accounts.list_users(session)]


def test_the_list_shows_roles_limits_and_state(qtbot, session_factory, tasks, owner, english) -> None:
    add_person(
        session_factory,
        owner,
        "wang",
        "王姐",
        Role.CLERK,
        refund_limit_single_fen=20_000,
        refund_limit_daily_fen=100_000,
    )
    add_person(session_factory, owner, "zhao", "老赵", Role.WAREHOUSE)
    view = make_view(qtbot, session_factory, tasks, owner)
    assert view.screen_title() == "Users"
    assert cell(view, "wang", COL_ROLE) == "Customer service"
    assert (cell(view, "wang", COL_SINGLE), cell(view, "wang", COL_DAILY)) == ("¥200.00", "¥1,000.00")
    assert cell(view, "zhao", COL_SINGLE) == "—"
    assert cell(view, "xiaolin", COL_ACTIVE) == "Yes"


def test_adding_a_clerk_with_limits_in_yuan(qtbot, session_factory, tasks, owner, english) -> None:
    view = make_view(qtbot, session_factory, tasks, owner)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, AddUserDialog) and dialog.isVisible()
    dialog.username_edit.setText("wang")
    dialog.display_name_edit.setText("王姐")
    dialog.role_box.setCurrentIndex(dialog.role_box.findData("clerk"))
    dialog.password_edit.setText("clerk-pass-1")
    dialog.confirm_edit.setText("clerk-pass-1")
    dialog.limits.single_edit.setText("¥200")
    dialog.limits.daily_edit.setText("1,000.50")
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        press_ok(qtbot, dialog)
    assert view.dialog is None  # closed and gone
    assert cell(view, "wang", COL_DAILY) == "¥1,000.50"
    with session_factory() as session:
        wang = next(u for u in accounts.list_users(session) if u.username == "wang")
    assert (wang.refund_limit_single_fen, wang.refund_limit_daily_fen) == (20_000, 100_050)


def test_a_duplicate_user_name_is_refused_in_the_dialog_and_nothing_is_saved(
    qtbot, session_factory, tasks, owner, english
) -> None:
    view = make_view(qtbot, session_factory, tasks, owner)
    view.add_user()
    dialog = view.dialog
    dialog.username_edit.setText("XiaoLin")
    dialog.password_edit.setText("another-pass")
    dialog.confirm_edit.setText("another-pass")
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.error_label.text() != "", timeout=5_000)
    assert dialog.error_label.text() == (
        "This user name is already taken (capital and small letters count as the same)."
    )
    assert dialog.isVisible() and dialog.username_edit.text() == "XiaoLin"
    assert users_in_db(session_factory) == ["xiaolin"]


def test_mismatched_passwords_and_unreadable_amounts_never_reach_the_service(
    qtbot, session_factory, tasks, owner, english
) -> None:
    view = make_view(qtbot, session_factory, tasks, owner)
    view.add_user()
    dialog = view.dialog
    dialog.username_edit.setText("wang")
    dialog.password_edit.setText("clerk-pass-1")
    dialog.confirm_edit.setText("clerk-pass-2")
    press_ok(qtbot, dialog)
    assert dialog.error_label.text() == "The two passwords are not the same."
    dialog.confirm_edit.setText("clerk-pass-1")
    dialog.limits.single_edit.setText("two hundred")
    press_ok(qtbot, dialog)
    assert dialog.error_label.text() == "“two hundred” is not an amount in yuan. Write it like 200 or 49.90."
    dialog.limits.single_edit.setText("500")
    dialog.limits.daily_edit.setText("100")
    press_ok(qtbot, dialog)  # the service's own rule: daily below single
    qtbot.waitUntil(lambda: "daily limit" in dialog.error_label.text(), timeout=5_000)
    assert users_in_db(session_factory) == ["xiaolin"]


def test_disable_enable_reset_password_limits_and_role(qtbot, session_factory, tasks, owner, english) -> None:
    add_person(session_factory, owner, "wang", "王姐", Role.CLERK)
    view = make_view(qtbot, session_factory, tasks, owner)
    view.select_user("wang")
    assert view.active_button.text() == "&Disable"
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        qtbot.mouseClick(view.active_button, Qt.MouseButton.LeftButton)
    assert cell(view, "wang", COL_ACTIVE) == "Disabled"
    assert view.active_button.text() == "&Enable"
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.toggle_active()
    assert cell(view, "wang", COL_ACTIVE) == "Yes"

    view.edit_limits()
    view.dialog.limits.single_edit.setText("50")
    view.dialog.limits.daily_edit.setText("300")
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        press_ok(qtbot, view.dialog)
    assert cell(view, "wang", COL_SINGLE) == "¥50.00"

    view.reset_password()
    view.dialog.password_edit.setText("brand-new-pass")
    view.dialog.confirm_edit.setText("brand-new-pass")
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        press_ok(qtbot, view.dialog)
    with session_factory.begin() as session:
        assert accounts.authenticate(session, "wang", "brand-new-pass", now=PEOPLE_NOW).username == "wang"

    view.change_role()
    view.dialog.role_box.setCurrentIndex(view.dialog.role_box.findData("warehouse"))
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        press_ok(qtbot, view.dialog)
    assert cell(view, "wang", COL_ROLE) == "Warehouse"


def test_the_owner_cannot_switch_themselves_off(qtbot, session_factory, tasks, owner, english) -> None:
    view = make_view(qtbot, session_factory, tasks, owner)
    view.select_user("xiaolin")
    view.toggle_active()
    qtbot.waitUntil(lambda: view.banner.isVisible(), timeout=5_000)
    assert view.banner.text() == "You cannot switch off your own account."
    assert cell(view, "xiaolin", COL_ACTIVE) == "Yes"


def test_the_last_owner_keeps_the_role(qtbot, session_factory, tasks, owner, english) -> None:
    view = make_view(qtbot, session_factory, tasks, owner)
    view.select_user("xiaolin")
    view.change_role()
    view.dialog.role_box.setCurrentIndex(view.dialog.role_box.findData("clerk"))
    press_ok(qtbot, view.dialog)
    qtbot.waitUntil(lambda: view.dialog.error_label.text() != "", timeout=5_000)
    assert view.dialog.error_label.text().startswith("The shop needs at least one active owner.")


def test_the_screen_speaks_chinese(qtbot, session_factory, tasks, owner, english) -> None:
    add_person(session_factory, owner, "wang", "王姐", Role.CLERK)
    view = make_view(qtbot, session_factory, tasks, owner)
    install_language("zh_CN")
    qtbot.waitUntil(lambda: view.add_button.text() == "添加人员(&A)…", timeout=2_000)
    assert view.screen_title() == "用户"
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "用户名"
    assert cell(view, "wang", COL_ROLE) == "客服"
    assert cell(view, "wang", COL_SINGLE) == "未设置"
    view.add_user()
    assert view.dialog.windowTitle() == "添加人员"


def test_a_permission_refusal_is_shown_in_plain_words(qtbot, session_factory, tasks, owner, english) -> None:
    clerk = actor_of(add_person(session_factory, owner, "wang", "王姐", Role.CLERK))
    view = make_view(
        qtbot, session_factory, tasks, clerk
    )  # never offered to a clerk; the service still says no
    view.select_user("xiaolin")
    view.toggle_active()
    qtbot.waitUntil(view.banner.isVisible, timeout=5_000)
    assert view.banner.text() == "Your role does not allow this. Ask the shop owner."
    assert cell(view, "xiaolin", COL_ACTIVE) == "Yes"
