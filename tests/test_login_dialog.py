"""The sign-in dialog against a real migrated SQLite file and the real accounts service:
choosing a person by display name, refusals in plain words, the lockout countdown,
switching user, and Chinese."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services.people.permissions import Role
from app.views.people.login_dialog import LoginDialog
from app.views.shell.i18n import install_language
from tests.fixtures_views import OWNER_PASSWORD, PEOPLE_NOW, PERSON_PASSWORD, add_person


class FakeClock:
    def __init__(self, now: float = PEOPLE_NOW) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def make_dialog(qtbot, session_factory, tasks, clock=None, **kwargs) -> LoginDialog:
    dialog = LoginDialog(session_factory, tasks, clock=clock or FakeClock(), **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.user_box.count() > 0, timeout=5_000)
    return dialog


def sign_in(qtbot, dialog: LoginDialog, who: str, password: str) -> None:
    dialog.user_box.setEditText(who)
    dialog.password_edit.setText(password)
    assert dialog.sign_in_button.isEnabled()
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def test_the_list_offers_active_people_by_display_name_and_signs_in(
    qtbot, session_factory, tasks, owner, english
) -> None:
    add_person(session_factory, owner, "wang", "王姐", Role.CLERK)
    gone = add_person(session_factory, owner, "zhao", "老赵", Role.WAREHOUSE)
    from app.services.people import accounts

    with session_factory.begin() as session:
        accounts.set_active(session, owner, gone.id, False, now=PEOPLE_NOW)
    dialog = make_dialog(qtbot, session_factory, tasks)
    assert dialog.windowTitle() == "Sign in"
    assert [dialog.user_box.itemText(i) for i in range(dialog.user_box.count())] == ["王姐", "小林"]

    dialog.stay_signed_in.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        sign_in(qtbot, dialog, "王姐", PERSON_PASSWORD)
    actor = dialog.actor()
    assert actor is not None and actor.username == "wang" and actor.role == Role.CLERK
    assert dialog.stays_signed_in()


def test_a_typed_user_name_works_too(qtbot, session_factory, tasks, owner, english) -> None:
    dialog = make_dialog(qtbot, session_factory, tasks)
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        sign_in(qtbot, dialog, "XiaoLin", OWNER_PASSWORD)
    assert dialog.actor().role == Role.OWNER


def test_a_wrong_password_is_refused_in_plain_words(qtbot, session_factory, tasks, owner, english) -> None:
    dialog = make_dialog(qtbot, session_factory, tasks)
    sign_in(qtbot, dialog, "小林", "not-the-password")
    qtbot.waitUntil(lambda: dialog.message.text() == "Wrong user name or password.", timeout=5_000)
    assert dialog.actor() is None and dialog.isVisible()
    assert dialog.password_edit.text() == ""


def test_a_locked_account_counts_down_and_then_may_try_again(
    qtbot, session_factory, tasks, owner, english
) -> None:
    clock = FakeClock()
    dialog = make_dialog(qtbot, session_factory, tasks, clock)
    for _ in range(5):  # accounts.LOCKOUT_AFTER wrong passwords in a row
        sign_in(qtbot, dialog, "小林", "not-the-password")
        qtbot.waitUntil(lambda: dialog.password_edit.text() == "" and not dialog._busy, timeout=5_000)
    assert (
        dialog.message.text() == "Too many wrong passwords. Please wait, then try again. Try again in 30 s."
    )
    assert not dialog.sign_in_button.isEnabled()

    clock.now += 12
    dialog.tick()
    assert dialog.message.text().endswith("Try again in 18 s.")
    dialog.password_edit.setText(OWNER_PASSWORD)
    assert not dialog.sign_in_button.isEnabled()

    clock.now += 18
    dialog.tick()
    assert "Try again" not in dialog.message.text()
    assert dialog.sign_in_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.actor().username == "xiaolin"


def test_the_countdown_ticks_on_its_own(qtbot, session_factory, tasks, owner, english) -> None:
    clock = FakeClock()
    dialog = make_dialog(qtbot, session_factory, tasks, clock)
    for _ in range(5):
        sign_in(qtbot, dialog, "xiaolin", "not-the-password")
        qtbot.waitUntil(lambda: dialog.password_edit.text() == "" and not dialog._busy, timeout=5_000)
    clock.now += 29
    qtbot.waitUntil(lambda: dialog.message.text().endswith("Try again in 1 s."), timeout=3_000)


def test_switching_user_has_its_own_title_and_no_stay_signed_in(
    qtbot, session_factory, tasks, owner, english
) -> None:
    dialog = make_dialog(qtbot, session_factory, tasks, switching=True)
    assert dialog.windowTitle() == "Switch user"
    assert not dialog.stay_signed_in.isVisible()


def test_the_dialog_speaks_chinese(qtbot, session_factory, tasks, owner, english) -> None:
    dialog = make_dialog(qtbot, session_factory, tasks)
    install_language("zh_CN")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "登录", timeout=2_000)
    assert dialog.sign_in_button.text() == "登录"
    assert dialog.stay_signed_in.text() == "在这台电脑上保持登录"
    sign_in(qtbot, dialog, "小林", "not-the-password")
    qtbot.waitUntil(lambda: dialog.message.text() == "用户名或密码错误。", timeout=5_000)


def test_the_person_named_is_chosen_so_enter_signs_in(qtbot, session_factory, tasks, owner, english) -> None:
    add_person(session_factory, owner, "wang", "王姐", Role.CLERK)
    dialog = make_dialog(qtbot, session_factory, tasks, preselect="wang")
    assert dialog.user_box.currentText() == "王姐"
    assert dialog.password_edit.hasFocus()
    qtbot.keyClicks(dialog.password_edit, PERSON_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.actor().username == "wang"
