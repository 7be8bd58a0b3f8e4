"""Screenshots of the people screens, in Chinese and English.

    python tools/screenshot_people.py [--out shots]

Builds a throw-away shop database with an owner, two clerks and a warehouse worker
and a short audit trail (through the real services), starts the sandbox store for the
wizard's connection test, and saves `widget.grab()` PNGs of: the first-run wizard's
three pages (and the shop page without a keyring), the sign-in dialog during a
lockout, and the main window signed in as the owner on the users screen (with the
add-a-person dialog refusing an amount) and the audit screen.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.config import HOME_ENV, Settings  # noqa: E402
from app.db import open_database, sqlite_url  # noqa: E402
from app.demo_shop import DEMO_APP_KEY, DEMO_APP_SECRET, DEMO_SHOP_ID  # noqa: E402
from app.sandbox.server import SandboxServer  # noqa: E402
from app.services.people import accounts, audit  # noqa: E402
from app.services.people.permissions import Role  # noqa: E402
from app.shop import check_shop_keys  # noqa: E402
from app.views.common.background import BackgroundTasks  # noqa: E402
from app.views.people.login_dialog import LoginDialog  # noqa: E402
from app.views.setup.first_run_wizard import FirstRunWizard  # noqa: E402
from app.views.shell.app import build_application  # noqa: E402
from app.views.shell.i18n import install_language  # noqa: E402
from app.views.shell.main_window import MainWindow  # noqa: E402
from tools.screenshot import pump  # noqa: E402

LANGUAGES = ("zh_CN", "en")


def seed_people(session_factory, now: int):  # type: ignore[no-untyped-def]
    """An owner, two clerks (one switched off), a warehouse worker, and their trail."""
    with session_factory.begin() as session:
        owner = accounts.create_owner(session, "xiaolin", "小林", "owner-pass-1", now=now - 9 * 86_400)
    people = [
        ("wangjie", "王姐", Role.CLERK, 20_000, 100_000),
        ("xiaozhou", "小周", Role.CLERK, None, None),
        ("laozhao", "老赵", Role.WAREHOUSE, None, None),
    ]
    with session_factory.begin() as session:
        for offset, (username, name, role, single, daily) in enumerate(people):
            accounts.add_user(
                session,
                owner,
                username=username,
                display_name=name,
                role=role,
                password="person-pass-1",
                refund_limit_single_fen=single,
                refund_limit_daily_fen=daily,
                now=now - 8 * 86_400 + offset * 600,
            )
    with session_factory.begin() as session:
        users = {u.username: u for u in accounts.list_users(session)}
        accounts.set_active(session, owner, users["xiaozhou"].id, False, now=now - 3 * 86_400)
    # A sign-in checks the password in a transaction of its own (services/people/sign_in.py):
    # on SQLite it must not meet this one's write lock, so the switch-off is committed first.
    with session_factory.begin() as session:
        wang = accounts.authenticate(session, "wangjie", "person-pass-1", now=now - 2 * 3600)
        audit.record(
            session,
            wang,
            audit.REFUND_APPROVE,
            entity_type="after_sale",
            entity_id="7000012345",
            order_id="6921345678901234567",
            before={"status": "waiting_for_seller"},
            after={"status": "approved", "refund_amount": 4_990},
            note="买家说杯盖漏水，照片清楚",
            now=now - 3600,
        )
    for _ in range(2):  # two wrong passwords for the trail
        try:
            with session_factory.begin() as session:
                accounts.authenticate(session, "laozhao", "wrong-guess", now=now - 600)
        except accounts.LoginRefused:
            pass
    return owner


def save(widget: QWidget, out: Path, name: str) -> None:
    pump(250)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def wizard_shots(tasks: BackgroundTasks, out: Path, gateway: str, language: str) -> None:
    wizard = FirstRunWizard(tasks, test_connection=check_shop_keys, keyring_available=lambda: True)
    wizard.resize(680, 560)
    wizard.show()
    page = wizard.owner_page
    for edit, text in (
        (page.username_edit, "xiaolin"),
        (page.display_name_edit, "小林"),
        (page.password_edit, "owner-pass-1"),
        (page.confirm_edit, "owner-pass-2"),
    ):
        edit.setText(text)
        edit.textEdited.emit(text)
    save(wizard, out, f"wizard_owner_{language}")
    page.confirm_edit.setText("owner-pass-1")
    page.confirm_edit.textEdited.emit("owner-pass-1")
    wizard.next()
    shop = wizard.shop_page
    save(wizard, out, f"wizard_shop_demo_{language}")
    shop.real_choice.setChecked(True)
    for edit, text in (
        (shop.app_key_edit, DEMO_APP_KEY),
        (shop.app_secret_edit, DEMO_APP_SECRET),
        (shop.shop_id_edit, DEMO_SHOP_ID),
        (shop.gateway_edit, gateway),
    ):
        edit.setText(text)
        edit.setModified(True)
        edit.textEdited.emit(text)
    shop.test_button.click()
    for _ in range(40):
        pump(100)
        if shop.test_result.text() not in ("", shop.tr("Testing…")):
            break
    save(wizard, out, f"wizard_shop_connected_{language}")
    wizard.next()
    save(wizard, out, f"wizard_summary_{language}")
    wizard.close()

    bare = FirstRunWizard(tasks, test_connection=check_shop_keys, keyring_available=lambda: False)
    bare.resize(680, 560)
    bare.show()
    for edit, text in ((bare.owner_page.username_edit, "xiaolin"),):
        edit.setText(text)
    for edit in (bare.owner_page.password_edit, bare.owner_page.confirm_edit):
        edit.setText("owner-pass-1")
    bare.owner_page.completeChanged.emit()
    bare.next()
    bare.shop_page.real_choice.setChecked(True)
    bare.shop_page.app_key_edit.setText("abc")
    bare.shop_page.app_key_edit.setModified(True)
    bare.shop_page.app_key_edit.textEdited.emit("abc")
    save(bare, out, f"wizard_shop_no_keyring_{language}")
    bare.close()


def login_shot(session_factory, tasks: BackgroundTasks, out: Path, language: str, now: int) -> None:  # type: ignore[no-untyped-def]
    clock = [float(now)]
    dialog = LoginDialog(session_factory, tasks, clock=lambda: clock[0])
    dialog.show()
    pump(300)
    save(dialog, out, f"login_{language}")
    for _ in range(5):
        dialog.user_box.setEditText("老赵")
        dialog.password_edit.setText("still-wrong")
        dialog.sign_in()
        for _ in range(50):
            pump(40)
            if not dialog._busy:
                break
        clock[0] += 1
    dialog.tick()
    save(dialog, out, f"login_locked_{language}")
    dialog.close()
    switching = LoginDialog(session_factory, tasks, clock=lambda: clock[0], switching=True)
    switching.show()
    save(switching, out, f"login_switch_{language}")
    switching.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "shots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="aftersales-people-shots-"))
    os.environ[HOME_ENV] = str(home)
    now = int(time.time())
    _, session_factory = open_database(sqlite_url(home / "mirror.sqlite"))
    owner = seed_people(session_factory, now)
    sandbox = SandboxServer(home / "sandbox.sqlite", port=0, seed=7, live=False, history_orders=20)
    sandbox.start()

    settings = Settings(language="zh_CN")
    app = build_application(sys.argv[:1], settings)
    assert isinstance(app, QApplication)
    tasks = BackgroundTasks()
    try:
        for language in LANGUAGES:
            install_language(language)
            wizard_shots(tasks, args.out, sandbox.url, language)
            login_shot(session_factory, tasks, args.out, language, now)
        window = MainWindow(session_factory, settings, actor=owner)
        window.resize(1360, 760)
        window.show()
        pump(600)
        audit_view = window.screen_named("audit")
        for language in LANGUAGES:
            install_language(language)
            window.show_screen("users")
            window.screen_named("users").select_user("wangjie")  # type: ignore[attr-defined]
            save(window, args.out, f"users_{language}")
            users = window.screen_named("users")
            users.add_user()  # type: ignore[attr-defined]
            dialog = users.dialog  # type: ignore[attr-defined]
            dialog.username_edit.setText("wangjie")
            dialog.role_box.setCurrentIndex(dialog.role_box.findData("clerk"))
            dialog.limits.single_edit.setText("两百")
            dialog.password_edit.setText("person-pass-1")
            dialog.confirm_edit.setText("person-pass-1")
            dialog.buttons.accepted.emit()
            save(dialog, args.out, f"users_add_{language}")
            dialog.reject()
            window.show_screen("audit")
            audit_view.refresh()  # type: ignore[attr-defined]
            pump(400)
            audit_view.table.selectRow(1)  # type: ignore[attr-defined]
            save(window, args.out, f"audit_{language}")
        window.close()
    finally:
        tasks.shutdown()
        sandbox.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
