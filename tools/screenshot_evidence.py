"""Screenshots of refusals whose evidence pictures the platform reviews, in Chinese and English.

    python tools/screenshot_evidence.py [--out shots] [--extra-qm words.qm]

Starts the sandbox store, syncs it into a throw-away database with the real sync engine,
has two buyers ask for refunds after shipment, and refuses both with a picture (the
refusal service, as the dialog does). The sandbox's review faults keep the first picture
under review and reject the second; the real push uploads both, holds the first refusal
back and puts the second in "needs attention". The main window (1366×768), as the owner:
the refund queue with the held refusal selected ("picture review", the detail pane's
words, the status bar's badge), then "needs attention" with the rejected picture.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QTranslator  # noqa: E402
from sqlalchemy import update  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from app.config import HOME_ENV, Settings  # noqa: E402
from app.core.vocabulary import RequestKind, RequestState  # noqa: E402
from app.models import AfterSale, OutboxOperation  # noqa: E402
from app.sandbox.evidence import evidence_png  # noqa: E402
from app.sandbox.server import SandboxServer  # noqa: E402
from app.services.people.permissions import Actor  # noqa: E402
from app.services.refunds import decisions as refund_decisions  # noqa: E402
from app.sync.engine import SyncEngine  # noqa: E402
from app.views.attention.view import NeedsAttentionView  # noqa: E402
from app.views.refunds.queue_view import RefundQueueView  # noqa: E402
from app.views.shell.app import build_application  # noqa: E402
from app.views.shell.i18n import install_language  # noqa: E402
from app.views.shell.main_window import MainWindow  # noqa: E402
from tests.sandbox_control import demo_platform  # noqa: E402
from tools.screenshot import pump  # noqa: E402
from tools.screenshot_preshipment import save_with_dialog  # noqa: E402
from tools.screenshot_refunds import wait_for  # noqa: E402
from tools.screenshot_shipping import synced_shop  # noqa: E402

LANGUAGES = ("zh_CN", "en")
UPLOAD = "material.uploadImageSync"


def waiting_refunds(url: str, sessions: sessionmaker[Session], how_many: int) -> list[str]:
    """Refund-after-shipment requests waiting for the shop, synced."""
    engine = SyncEngine(demo_platform(url), sessions)
    found: list[str] = []
    for _ in range(30):
        made = requests.post(
            f"{url}/_sandbox/tick", json={"new_after_sales": 1, "after_sale_type": 1}, timeout=60
        ).json()
        engine.run_once()
        with sessions() as session:
            request = session.get(AfterSale, made["after_sales"][0])
            if (
                request is not None
                and request.kind == RequestKind.REFUND_AFTER_SHIPMENT
                and request.state == RequestState.AWAITING_SHOP
            ):
                found.append(request.aftersale_id)
        if len(found) == how_many:
            return found
    raise SystemExit("the sandbox never left refund requests waiting")


def refuse_with_pictures(url: str, sessions: sessionmaker[Session], owner: Actor, home: Path) -> list[str]:
    """Two refusals with a picture each: the first held under review, the second rejected."""
    held, rejected = waiting_refunds(url, sessions, 2)
    for request_id, name in ((held, "开箱照片"), (rejected, "签收单")):
        picture = home / f"{name}.png"
        # Pictures of their own for each language's shop: the sandbox finds a picture uploaded
        # before by its name (its content), and these must go up, each to its own review.
        picture.write_bytes(evidence_png(f"{name} {home.name}"))
        with sessions.begin() as session:
            refund_decisions.refuse(
                session,
                owner,
                request_id,
                reject_reason_code=2,
                remark="签收时外包装完好，见附图",
                evidence_urls=[picture.as_uri()],
                now=int(time.time()),
            )
    for kind in ("review_hold", "review_reject"):  # the uploads go in the refusals' order
        requests.post(f"{url}/_sandbox/faults", json={"kind": kind, "method": UPLOAD}, timeout=30)
    engine = SyncEngine(demo_platform(url), sessions)
    engine.run_once()  # both pictures go up; both refusals wait for the review
    requests.post(f"{url}/_sandbox/clock", json={"advance_s": 5}, timeout=30)
    with sessions.begin() as session:  # skip the polite wait before asking again
        session.execute(update(OutboxOperation).values(next_attempt_at=0))
    engine.run_once()  # the second picture was rejected; the first is still under review
    return [held, rejected]


def shots(window: MainWindow, out: Path, language: str, held: str) -> None:
    queue = window.screen_named("refunds")
    assert isinstance(queue, RefundQueueView)
    window.show_screen("refunds")
    queue.refresh()
    wait_for(lambda: queue.select_request(held), ms=10_000)
    window.refresh_waiting()
    pump(800)
    save_with_dialog(window, None, out, f"evidence_review_waiting_{language}")

    attention = window.screen_named("attention")
    assert isinstance(attention, NeedsAttentionView)
    window.show_screen("attention")
    attention.refresh()
    pump(800)
    attention.select_row(0)
    save_with_dialog(window, None, out, f"evidence_review_rejected_{language}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "shots")
    # Words not yet in the shipped catalogue (a team's new strings before the merge), on top.
    parser.add_argument("--extra-qm", type=Path, default=None)
    arguments = parser.parse_args()
    out: Path = arguments.out
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="aftersales-shots-"))
    os.environ[HOME_ENV] = str(home)
    sandbox = SandboxServer(home / "sandbox.sqlite", port=0, seed=7, live=False, history_orders=600)
    sandbox.start()
    build_application(sys.argv[:1], Settings(language="zh_CN"))
    extra: QTranslator | None = None
    try:
        for language in LANGUAGES:
            install_language(language)
            if extra is not None:
                QCoreApplication.removeTranslator(extra)
                extra = None
            if arguments.extra_qm is not None and language != "en":
                extra = QTranslator(QCoreApplication.instance())
                if extra.load(str(arguments.extra_qm)):
                    QCoreApplication.installTranslator(extra)
            (home / language).mkdir()
            sessions, owner = synced_shop(home / language, sandbox.url)
            held, _ = refuse_with_pictures(sandbox.url, sessions, owner, home / language)
            window = MainWindow(sessions, Settings(language=language), actor=owner)
            window.resize(1366, 768)
            window.show()
            shots(window, out, language, held)
            pump(200)
            window.confirm_quit = lambda waiting: True  # type: ignore[method-assign]  # no question
            window.close()
    finally:
        sandbox.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
