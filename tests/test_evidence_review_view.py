"""The screens say where a refusal held for the platform's picture review stands.

A refusal whose evidence pictures the platform still reviews is held back by the push
(`app/sync/evidence_upload.py`, proven over HTTP in test_evidence_review.py), its operation
carrying the words the push writes. Here the real window over a real SQLite file reads such
operations: the queue row says "picture review" (red when the deadline is near) with the
words in its tooltip, the detail pane and the status bar's badge say it too; a rejected
picture reads in "needs attention" with its number, and refusing again fills in the clerk's
reason and remark.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import update

from app.core.problem_words import with_values
from app.models import OutboxOperation
from app.models import outbox as state
from app.sandbox.evidence import evidence_png
from app.services import outbox
from app.services.attention.items import attention_items
from app.services.refunds import decisions as refund_decisions
from app.services.refunds.refusal_evidence import (
    PICTURES_KEY,
    PROBLEM_PICTURE_REJECTED,
    PROBLEM_REVIEW_URGENT,
    PROBLEM_REVIEW_WAITING,
)
from app.views.attention.rows import row_texts
from app.views.refunds.queue_columns import COL_PENDING, RED
from app.views.refunds.refusal_dialogs import RefuseDialog
from app.views.shell.main_window import MainWindow
from tests.builders import NOW
from tests.refund_shop import SOON, seed_queue
from tests.test_refund_queue_view import open_dialog

REMARK = "签收时外包装完好，见附图"


def refused_with_a_picture(session_factory, owner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    picture = tmp_path / "开箱照片.png"
    picture.write_bytes(evidence_png("开箱照片"))
    with session_factory.begin() as session:
        refund_decisions.refuse(
            session,
            owner,
            SOON,
            reject_reason_code=2,
            remark=REMARK,
            evidence_urls=[picture.as_uri()],
            now=NOW,
        )


def as_the_push_leaves_it(session_factory, **values: object) -> None:  # type: ignore[no-untyped-def]
    with session_factory.begin() as session:
        session.execute(update(OutboxOperation).where(OutboxOperation.entity_id == SOON).values(**values))


def opened_window(qtbot, session_factory, settings, owner, fake_worker) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(session_factory, settings, fake_worker, actor=owner)
    window.confirm_quit = lambda waiting: True  # type: ignore[method-assign]  # closed by the test
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    view = window.screen_named("refunds")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5_000)
    return window


def pending_cell(view, role: Qt.ItemDataRole):  # type: ignore[no-untyped-def]
    return view.model.data(view.model.index(view.model.row_of(SOON), COL_PENDING), role)


def test_a_refusal_held_for_review_says_so_in_the_queue_the_detail_and_the_status_bar(
    qtbot, english, session_factory, settings, owner, fake_worker, tmp_path
) -> None:
    seed_queue(session_factory)
    refused_with_a_picture(session_factory, owner, tmp_path)
    as_the_push_leaves_it(session_factory, problem=PROBLEM_REVIEW_WAITING)
    window = opened_window(qtbot, session_factory, settings, owner, fake_worker)
    view = window.screen_named("refunds")
    assert pending_cell(view, Qt.ItemDataRole.DisplayRole) == "picture review"
    assert pending_cell(view, Qt.ItemDataRole.ToolTipRole) == PROBLEM_REVIEW_WAITING
    assert view.select_request(SOON)
    qtbot.waitUntil(lambda: PROBLEM_REVIEW_WAITING in view.detail_pane.text(), timeout=5_000)
    window.refresh_waiting()
    qtbot.waitUntil(
        lambda: (
            window.waiting_badge.text()
            == "1 waiting to be sent · 1 waiting for the platform to review pictures"
        ),
        timeout=5_000,
    )
    assert PROBLEM_REVIEW_WAITING in window.waiting_badge.toolTip()

    as_the_push_leaves_it(session_factory, problem=PROBLEM_REVIEW_URGENT)  # the deadline is near
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.refresh()
    assert pending_cell(view, Qt.ItemDataRole.ForegroundRole) == RED
    assert pending_cell(view, Qt.ItemDataRole.ToolTipRole) == PROBLEM_REVIEW_URGENT


def test_a_rejected_picture_reads_with_its_number_and_refusing_again_keeps_the_clerks_words(
    qtbot, english, session_factory, settings, owner, fake_worker, tmp_path
) -> None:
    seed_queue(session_factory)
    refused_with_a_picture(session_factory, owner, tmp_path)
    with session_factory() as session:
        [op] = outbox.operations_for(session, SOON)
    [reference] = op.details["evidence"]
    rejected = {
        **op.details,
        PICTURES_KEY: {reference: {"id": "7180", "review": "rejected", "url": "", "why": ""}},
    }
    as_the_push_leaves_it(
        session_factory,
        state=state.REJECTED,
        problem=with_values(PROBLEM_PICTURE_REJECTED, number="1"),
        platform_message="图片内容不符合平台规范",
        details=json.dumps(rejected, ensure_ascii=False),
    )
    with session_factory() as session:
        [item] = attention_items(session, owner)
    texts = row_texts(item)
    assert "rejected evidence picture 1 of this refusal" in texts[3]
    assert "The platform said: 图片内容不符合平台规范" in texts[3]

    with session_factory.begin() as session:
        outbox.discard(session, owner, op.seq, now=NOW)
    window = opened_window(qtbot, session_factory, settings, owner, fake_worker)
    dialog = open_dialog(qtbot, window.screen_named("refunds"), Qt.Key.Key_R, SOON)
    assert isinstance(dialog, RefuseDialog)
    assert dialog.refusal.reason() is not None and dialog.refusal.reason().code == 2  # type: ignore[union-attr]
    assert dialog.refusal.remark_edit.toPlainText() == REMARK
    assert dialog.refusal.evidence_urls() == []  # the rejected picture is not offered again
    dialog.reject()
