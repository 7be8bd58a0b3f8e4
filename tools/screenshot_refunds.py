"""Screenshots of the refund screens, in Chinese and English.

    python tools/screenshot_refunds.py [--out shots]

Builds a throw-away database with the owner and a queue of realistic requests (one
due within the hour, one pending, one expired while offline, returned goods to
inspect; `tests/refund_shop.py`), starts the sandbox store to serve the evidence
pictures, turns two decisions into "needs attention" as the push engine would, and
saves `widget.grab()` PNGs of the main window on the queue (offline banner, detail
pane with evidence), the refuse dialog, the bulk summary and the needs-attention list;
then a clerk's queue with the requests beyond the clerk's limits marked, the hand-over
to the owner, the owner's queue filtered to what was handed over, and the sign-in
dialog offering the last person. Windows are 1366×768, the smallest size supported.
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
from sqlalchemy import update  # noqa: E402

from app.config import HOME_ENV, Settings  # noqa: E402
from app.db import open_database, sqlite_url  # noqa: E402
from app.models import OutboxOperation  # noqa: E402
from app.models import outbox as outbox_state  # noqa: E402
from app.sandbox.server import SandboxServer  # noqa: E402
from app.services.people import accounts  # noqa: E402
from app.services.people.permissions import MSG_OVER_SINGLE, Action, PermissionDenied, Role  # noqa: E402
from app.services.refunds import bulk as refund_bulk  # noqa: E402
from app.services.refunds import decisions as refund_decisions  # noqa: E402
from app.services.refunds.bulk import BulkSummary  # noqa: E402
from app.services.sync_status import SyncState, SyncStatus  # noqa: E402
from app.sync.push import PROBLEM_CONFLICT  # noqa: E402
from app.views.people.login_dialog import LoginDialog  # noqa: E402
from app.views.refunds.bulk_dialog import BulkApproveDialog  # noqa: E402
from app.views.refunds.dialogs import return_addresses  # noqa: E402
from app.views.refunds.queue_view import RefundQueueView  # noqa: E402
from app.views.shell.app import build_application  # noqa: E402
from app.views.shell.i18n import install_language  # noqa: E402
from app.views.shell.main_window import MainWindow  # noqa: E402
from tests.refund_shop import BIG, RETURN, RETURNED, SOON, URGENT, seed_queue  # noqa: E402
from tools.screenshot import pump  # noqa: E402

LANGUAGES = ("zh_CN", "en")


def save(widget: QWidget, out: Path, name: str) -> None:
    pump(300)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def wait_for(condition, ms: int = 5_000) -> None:  # type: ignore[no-untyped-def]
    for _ in range(ms // 50):
        if condition():
            return
        pump(50)
    raise SystemExit("timed out waiting for the screen")


def build_shop(home: Path, evidence: tuple[str, ...], now: int):  # type: ignore[no-untyped-def]
    home.mkdir(parents=True, exist_ok=True)
    _, sessions = open_database(sqlite_url(home / "mirror.sqlite"))
    with sessions.begin() as session:
        owner = accounts.create_owner(session, "xiaolin", "小林", "owner-pass-1", now=now - 9 * 86_400)
        accounts.add_user(
            session, owner, username="xiaowang", display_name="小王", role=Role.CLERK,
            password="clerk-pass-1", now=now - 9 * 86_400,
            refund_limit_single_fen=10_000, refund_limit_daily_fen=30_000,
        )  # fmt: skip
    seed_queue(sessions, now, evidence=evidence)
    with sessions.begin() as session:
        # One decision waiting to be sent; two the platform turned down.
        refund_decisions.approve_return(session, owner, RETURN, return_address_id="1", now=now - 600)
        refund_decisions.approve_refund(session, owner, BIG, now=now - 7200)
        refund_decisions.refuse(
            session, owner, SOON, reject_reason_code=1, remark="已发货，请拒收后退款", now=now - 5400
        )
        session.execute(
            update(OutboxOperation)
            .where(OutboxOperation.entity_id == BIG)
            .values(state=outbox_state.REJECTED, platform_message="售后单状态已变更，当前状态不可操作")
        )
        session.execute(
            update(OutboxOperation)
            .where(OutboxOperation.entity_id == SOON)
            .values(state=outbox_state.CONFLICT, problem=PROBLEM_CONFLICT, platform_message="售后单已更新")
        )
    return sessions, owner


def shots(window: MainWindow, out: Path, language: str) -> None:
    queue = window.screen_named("refunds")
    assert isinstance(queue, RefundQueueView)
    window.show_screen("refunds")
    window.on_sync_status(SyncStatus(SyncState.OFFLINE, next_attempt_in_s=30))
    queue.refresh()
    wait_for(lambda: queue.model.rowCount() > 0)
    queue.select_request(SOON)
    wait_for(lambda: bool(queue.detail_pane.loaded_images()))
    save(window, out, f"refunds_queue_offline_{language}")
    window.on_sync_status(SyncStatus(SyncState.ONLINE, last_success_at=int(time.time()) - 60))
    queue.select_request(URGENT)
    wait_for(
        lambda: (
            queue.detail_pane.detail() is not None and queue.detail_pane.detail().row.aftersale_id == URGENT
        )
    )
    save(window, out, f"refunds_queue_{language}")

    queue.select_request(URGENT)
    queue.refuse_current()
    wait_for(lambda: queue.flow.dialog is not None)
    dialog = queue.flow.dialog
    fields = dialog.refusal  # type: ignore[union-attr]
    save(dialog, out, f"refunds_refuse_dialog_empty_{language}")  # no reason chosen for the person
    # A reason that needs pictures and none added: the dialog says so before anything is sent.
    fields.reason_box.setCurrentIndex(fields.reason_box.findData(2))
    fields.remark_edit.setPlainText("买家已签收，商品完好无质量问题，请见签收记录。")
    dialog.confirm_button().click()  # type: ignore[union-attr]
    save(dialog, out, f"refunds_refuse_dialog_{language}")
    dialog.reject()
    pump(100)

    queue.table().selectAll()
    queue.bulk_approve_selected()
    wait_for(lambda: queue.flow.dialog is not None)
    save(queue.flow.dialog, out, f"refunds_bulk_summary_{language}")  # type: ignore[arg-type]
    queue.flow.dialog.reject()  # type: ignore[union-attr]
    pump(100)
    # Returns to agree beside refunds, and a clerk's limit: the summary with the address.
    limit = PermissionDenied(MSG_OVER_SINGLE, Action.DECIDE_REFUND, {"amount": "¥899.00", "limit": "¥200.00"})
    summary = BulkSummary(2, 9_170, ((BIG, limit), (SOON, refund_bulk.MSG_INSPECT_ALONE)), returns=2)
    bulk = BulkApproveDialog(summary, window, addresses=return_addresses(None))
    bulk.show()
    save(bulk, out, f"refunds_bulk_returns_summary_{language}")
    bulk.reject()

    window.show_screen("attention")
    attention = window.screen_named("attention")
    wait_for(lambda: len(attention.items()) == 2)  # type: ignore[attr-defined]
    attention.select_row(1)  # type: ignore[attr-defined]
    save(window, out, f"refunds_needs_attention_{language}")


def clerk_shots(window: MainWindow, owners: MainWindow, out: Path, language: str) -> None:
    """A clerk with a ¥100 limit: the returned goods (¥139) are marked for the owner."""
    queue = window.screen_named("refunds")
    assert isinstance(queue, RefundQueueView)
    window.show_screen("refunds")
    wait_for(lambda: queue.model.rowCount() > 0)
    queue.select_request(RETURNED)
    save(window, out, f"refunds_clerk_limits_{language}")
    queue.hand_current()
    wait_for(lambda: queue.flow.dialog is not None)
    dialog = queue.flow.dialog
    dialog.note_edit.setPlainText("超出我的单笔额度；买家说加湿器不出雾，已收到退货。")  # type: ignore[union-attr]
    save(dialog, out, f"refunds_hand_to_owner_{language}")  # type: ignore[arg-type]
    dialog.confirm_button().click()  # type: ignore[union-attr]
    wait_for(lambda: queue.flow.dialog is None)
    wait_for(lambda: queue.current_row() is not None and queue.current_row().aftersale_id != RETURNED)
    save(window, out, f"refunds_clerk_handed_{language}")

    owner_queue = owners.screen_named("refunds")
    assert isinstance(owner_queue, RefundQueueView)
    owners.show_screen("refunds")
    owner_queue.filters.handed_box.setChecked(True)
    wait_for(lambda: owner_queue.model.rowCount() == 1)
    owner_queue.select_request(RETURNED)
    save(owners, out, f"refunds_owner_handed_filter_{language}")


def sign_in_shot(sessions, out: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    from app.views.common.background import BackgroundTasks

    tasks = BackgroundTasks()
    dialog = LoginDialog(sessions, tasks, preselect="xiaowang")
    dialog.show()
    wait_for(lambda: dialog.user_box.count() > 0)
    save(dialog, out, f"sign_in_last_person_{language}")
    dialog.reject()
    tasks.shutdown()


def accounts_actor(sessions, username: str):  # type: ignore[no-untyped-def]
    from app.services.setup.shop_setup import actor_named

    with sessions() as session:
        return actor_named(session, username)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "shots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="aftersales-refund-shots-"))
    os.environ[HOME_ENV] = str(home)
    sandbox = SandboxServer(home / "sandbox.sqlite", port=0, seed=7, live=False, history_orders=5)
    sandbox.start()
    settings = Settings(language="zh_CN")
    app = build_application(sys.argv[:1], settings)
    assert isinstance(app, QApplication)
    try:
        for language in LANGUAGES:
            install_language(language)
            evidence = tuple(f"{sandbox.url}/_sandbox/evidence/{SOON}-{n}.png" for n in range(2))
            sessions, owner = build_shop(home / language, evidence, int(time.time()))
            # A fresh settings object each time: no column widths saved by the other language.
            window = MainWindow(sessions, Settings(language=language), actor=owner)
            window._waiting = 0  # the screenshots close the window without the quit question
            window.resize(1366, 768)
            window.show()
            shots(window, args.out, language)
            clerk = accounts_actor(sessions, "xiaowang")
            clerks = MainWindow(sessions, Settings(language=language), actor=clerk)
            clerks._waiting = 0
            clerks.resize(1366, 768)
            clerks.show()
            clerk_shots(clerks, window, args.out, language)
            sign_in_shot(sessions, args.out, language)
            for shown in (clerks, window):
                shown.refresh_waiting()
                pump(200)
                shown._waiting = 0
                shown.close()
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
