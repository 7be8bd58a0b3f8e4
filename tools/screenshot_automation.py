"""Screenshots of the automatic decisions (issue 18 part 2), in Chinese.

    python tools/screenshot_automation.py [--out shots] [--catalogue DIR] [--language zh_CN]

Builds a throw-away shop database with requests of the last weeks (some answered by people,
`tests/automation_shop.py`) and three of the owner's rules through the real services: one
deciding, one that stopped itself at its daily limit, one not yet switched on; the live
evaluation then queues the deciding rule's decisions in the outbox, waiting out their undo
window. Saves `widget.grab()` PNGs, each at 1366×768 and 1920×1080: the Automatic
decisions screen (the rules and the chosen one's versions), the rule editor with a dry run
over 90 days (the requests where people decided otherwise in red), and the refund queue
with such a request chosen, its pane saying when the rule's decision goes, with its Undo.
`--catalogue`: a folder with a newer aftersales_zh_CN.qm than resources/translations (a
catalogue not merged yet).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import select  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from app.config import HOME_ENV, Settings  # noqa: E402
from app.core.vocabulary import RequestKind, RequestState  # noqa: E402
from app.db import open_database, sqlite_url  # noqa: E402
from app.models import AfterSale, OutboxOperation  # noqa: E402
from app.platforms.douyin.codes import AfterSaleStatus, AfterSaleType  # noqa: E402
from app.services.automation import evaluation, pending, rule_book  # noqa: E402
from app.services.automation.conditions import Conditions, RuleAction, RuleForm  # noqa: E402
from app.sync.ingest import store_after_sales  # noqa: E402
from app.views.automation.view import AutomationView  # noqa: E402
from app.views.shell import i18n  # noqa: E402
from app.views.shell.app import build_application  # noqa: E402
from app.views.shell.main_window import MainWindow  # noqa: E402
from tests.automation_shop import OWNER, owner_rule, requests_waiting  # noqa: E402
from tests.builders import after_sale_row  # noqa: E402
from tools.screenshot import pump  # noqa: E402
from tools.screenshot_people import save  # noqa: E402

SIZES = ((1366, 768), (1920, 1080))
SMALL_UNSHIPPED = RuleForm(
    name="小额未发货退款",
    conditions=Conditions(
        kinds=(RequestKind.REFUND_BEFORE_SHIPMENT,), max_amount_fen=5_000, unshipped_only=True,
        max_buyer_refusals=1,
    ),
    action=RuleAction.APPROVE_REFUND, delay_s=600, daily_cap_fen=50_000,
)  # fmt: skip
NOT_PICKED_UP = RuleForm(
    name="未揽收的仅退款",
    conditions=Conditions(
        kinds=(RequestKind.REFUND_AFTER_SHIPMENT,), not_picked_up_only=True, max_amount_fen=20_000,
        min_hours_left=2,
    ),
    action=RuleAction.APPROVE_REFUND, delay_s=900, daily_cap_fen=30_000,
)  # fmt: skip
QUALITY = RuleForm(
    name="质量问题转店主",
    conditions=Conditions(reason_words=("质量问题", "破损")),
    action=RuleAction.HAND_TO_OWNER,
)


def shop(sessions: sessionmaker[Session], now: int) -> None:
    """Requests of the last weeks and the owner's three rules, the first one deciding."""
    requests_waiting(sessions, 60, seed=11, now=now, answered=120)
    people_refused_some(sessions)
    small = owner_rule(sessions, SMALL_UNSHIPPED, now=now - 20 * 86_400)
    with sessions.begin() as session:  # the owner raised its limit once: version 2
        rule_book.edit_rule(
            session, OWNER, small,
            RuleForm(**{**SMALL_UNSHIPPED.__dict__, "daily_cap_fen": 80_000}), now=now - 6 * 86_400,
        )  # fmt: skip
    stopped = owner_rule(sessions, NOT_PICKED_UP, now=now - 9 * 86_400)
    with sessions.begin() as session:
        rule_book.stop_rule(session, stopped, evaluation.STOP_CAP, now=now - 3_600)
    owner_rule(sessions, QUALITY, now=now - 2 * 86_400, switch_on=False)
    evaluation.evaluate_open_requests(sessions, now=now - 120, platform="douyin")


def people_refused_some(sessions: sessionmaker[Session]) -> None:
    """Every third small unshipped refund people refused after all (a later version of the
    request, as a pull would bring it): where the dry run disagrees with people."""
    with sessions() as session:
        refunded = session.scalars(
            select(AfterSale)
            .where(
                AfterSale.state == RequestState.REFUNDED,
                AfterSale.kind == RequestKind.REFUND_BEFORE_SHIPMENT,
                AfterSale.refund_amount <= 5_000,
            )
            .order_by(AfterSale.aftersale_id)
        ).all()
        rows = [
            after_sale_row(
                {
                    "order_id": r.order_id,
                    "pay_amount": r.refund_amount,
                    "items_summary": r.product_name,
                    "update_time": r.apply_time,
                },
                aftersale_id=r.aftersale_id,
                type=int(AfterSaleType.REFUND_BEFORE_SHIPMENT),
                status=int(AfterSaleStatus.MERCHANT_REFUSED),
                apply_time=r.apply_time,
                update_time=r.update_time + 60,
                status_deadline=None,
                reason_text=r.reason_text,
                status_text="商家拒绝",
            )  # fmt: skip
            for r in refunded[::3]
        ]
    with sessions.begin() as session:
        for row in rows:
            store_after_sales(session, [row])


def wait_for(condition: Callable[[], bool], ms: int = 20_000) -> None:
    waited = 0
    while not condition() and waited < ms:
        pump(50)
        waited += 50
    if not condition():
        raise SystemExit("the screen did not show what was asked for in time")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "shots")
    parser.add_argument("--catalogue", type=Path, default=None)
    parser.add_argument("--language", default="zh_CN")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.catalogue is not None:
        i18n.TRANSLATIONS_DIR = args.catalogue
    home = Path(tempfile.mkdtemp(prefix="aftersales-automation-shots-"))
    os.environ[HOME_ENV] = str(home)
    now = int(time.time())
    _, sessions = open_database(sqlite_url(home / "mirror.sqlite"))
    shop(sessions, now)
    with sessions() as session:
        ids = [op.entity_id for op in session.scalars(select(OutboxOperation))]
        waiting = sorted(pending.pending_for(session, ids))
    if not waiting:
        raise SystemExit("no rule decision waits in the outbox: nothing to show")

    settings = Settings(language=args.language)
    app = build_application(sys.argv[:1], settings)
    assert isinstance(app, QApplication)
    i18n.install_language(args.language)
    window = MainWindow(sessions, settings, actor=OWNER)
    window.show()
    tag = args.language
    try:
        for width, height in SIZES:
            window.resize(width, height)
            window.show_screen("automation")
            rules = window.screen_named("automation")
            assert isinstance(rules, AutomationView)
            wait_for(lambda r=rules: r.model.rowCount() == 3 and r.versions_model.rowCount() == 2)
            save(window, args.out, f"automation_rules_{width}_{tag}")

            rules.edit_rule()
            dialog = rules.dialog
            assert dialog is not None
            dialog.resize(min(width - 80, 1500), min(height - 60, 900))
            dialog.dry_run.buttons[90].click()
            wait_for(lambda d=dialog: d.dry_run.report() is not None)
            save(dialog, args.out, f"automation_dry_run_{width}_{tag}")
            dialog.reject()

            window.show_screen("refunds")
            queue = window.screen_named("refunds")
            wait_for(lambda q=queue: q.model.rowCount() > 0)  # type: ignore[attr-defined]
            queue.select_request(waiting[0])  # type: ignore[attr-defined]
            wait_for(lambda q=queue: q.detail_pane.pending() is not None)  # type: ignore[attr-defined]
            save(window, args.out, f"automation_pending_{width}_{tag}")
        # The rule's decisions still wait in the outbox: closing would ask whether to quit,
        # a modal nobody answers offscreen.
        window.confirm_quit = lambda count: True  # type: ignore[method-assign]
        window.close()
    finally:
        window.tasks.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
