"""The decision dialogs, driven from the refund queue over real services: refusing
with evidence (asked for before anything is sent, kept when the service refuses),
inspecting returned goods then refunding, and approving many at once with the
summary shown before anything is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import EvidencePicture
from app.sandbox.evidence import evidence_png
from app.views.refunds.bulk_dialog import BulkApproveDialog
from app.views.refunds.queue_columns import COL_PENDING
from app.views.refunds.refusal_dialogs import InspectDialog, RefuseDialog
from tests.refund_shop import EXPIRED, RETURNED, SOON, URGENT, outbox_size, seed_queue, written
from tests.test_refund_queue_view import confirm, make_view, open_dialog


def pending_text(view, aftersale_id: str) -> str:
    return view.model.index(view.model.row_of(aftersale_id), COL_PENDING).data()


def test_refusing_needs_evidence_for_this_reason_then_queues_it(
    qtbot, english, tasks, session_factory, owner, fake_worker, app_home: Path, tmp_path: Path
) -> None:
    seed_queue(session_factory)
    view = make_view(qtbot, tasks, session_factory, owner, fake_worker)
    dialog = open_dialog(qtbot, view, Qt.Key.Key_R, SOON)
    assert isinstance(dialog, RefuseDialog)
    fields = dialog.refusal
    fields.reason_box.setCurrentIndex(
        fields.reason_box.findData(2)
    )  # 买家已签收，商品无质量问题: needs images
    fields.remark_edit.setPlainText("签收时外包装完好，袖口无开线，见附图")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.error_text() == "This reason needs evidence images. Add at least one."
    assert outbox_size(session_factory) == 0
    photo = tmp_path / "开箱照片.png"
    photo.write_bytes(evidence_png("开箱"))  # a real PNG: the service refuses what is not a picture
    fields.add_evidence_files([str(photo)])
    assert fields.evidence_urls() == [photo.as_uri()]
    confirm(qtbot, view, dialog)
    assert written(session_factory, SOON) == (["refund.refuse"], ["pending"])
    with session_factory() as session:
        kept = [bytes(row.content) for row in session.scalars(select(EvidencePicture))]
    assert kept == [photo.read_bytes()]  # the picture is safe in the database until it is uploaded
    assert pending_text(view, SOON) == "pending"
    assert fake_worker.sync_now_calls == 1


def test_a_service_refusal_keeps_what_was_typed(qtbot, english, tasks, session_factory, owner) -> None:
    seed_queue(session_factory)
    view = make_view(qtbot, tasks, session_factory, owner)
    # (A refund after shipment: one before shipment is refused by shipping, not by this dialog.)
    confirm(qtbot, view, open_dialog(qtbot, view, Qt.Key.Key_A, SOON))
    # A second decision on the same request while the first waits: the service says no.
    row = view.model.row_at(view.model.row_of(SOON))
    view.flow.refuse(row)
    qtbot.waitUntil(lambda: isinstance(view.flow.dialog, RefuseDialog), timeout=5_000)
    dialog = view.flow.dialog
    dialog.refusal.reason_box.setCurrentIndex(dialog.refusal.reason_box.findData(1))
    dialog.refusal.remark_edit.setPlainText("已经发出了")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error_text() != "", timeout=5_000)
    assert dialog.error_text() == "A decision on this request is already waiting to be sent to the platform."
    assert dialog.refusal.remark_edit.toPlainText() == "已经发出了"
    assert written(session_factory, SOON) == (["refund.approve"], ["pending"])


def test_inspecting_returned_goods_then_refunding(qtbot, english, tasks, session_factory, owner) -> None:
    seed_queue(session_factory)
    view = make_view(qtbot, tasks, session_factory, owner)
    dialog = open_dialog(qtbot, view, Qt.Key.Key_Return, RETURNED)  # suggestion: inspect
    assert isinstance(dialog, InspectDialog)
    assert not dialog.refusal.isEnabled()  # refusal fields only when refusing
    dialog.outcome_buttons["good"].setChecked(True)
    dialog.note_edit.setPlainText("包装完好，配件齐全，可二次销售")
    assert dialog.confirm_button().text() == "Refund ¥139.00"
    confirm(qtbot, view, dialog)
    assert written(session_factory, RETURNED) == (["return.inspect", "refund.approve"], ["pending"])
    assert pending_text(view, RETURNED) == "pending"


def test_bulk_approve_shows_the_summary_before_anything_is_sent(
    qtbot, english, tasks, session_factory, owner, fake_worker
) -> None:
    seed_queue(session_factory)
    view = make_view(qtbot, tasks, session_factory, owner, fake_worker)
    view.table().selectAll()
    assert len(view.selected_ids()) == 6
    view.actions.bulk_button.click()
    qtbot.waitUntil(lambda: isinstance(view.flow.dialog, BulkApproveDialog), timeout=5_000)
    dialog = view.flow.dialog
    # Refund-only requests: urgent ¥45.80, soon ¥159, expired ¥49.90, big ¥899; the return
    # request is agreed (test_refund_bulk_returns); the returned goods are inspected alone.
    assert dialog.headline_text() == (
        "Refunds to approve: 4 (¥1,153.70 in all). Returns to agree: 1. Nothing is sent until you confirm."
    )
    assert len(dialog.detail_lines()) == 1
    assert all("inspected one request at a time" in line for line in dialog.detail_lines())
    assert outbox_size(session_factory) == 0
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        dialog.confirm_button().click()
    assert dialog.headline_text() == "5 requests approved; they are sent to the platform now."
    for aftersale_id in (URGENT, SOON, EXPIRED):
        assert written(session_factory, aftersale_id) == (["refund.approve"], ["pending"])
        assert pending_text(view, aftersale_id) == "pending"
    assert fake_worker.sync_now_calls == 1


def test_bulk_refusals_of_a_clerks_limit_read_in_chinese_with_the_amounts(
    qtbot, tasks, session_factory, owner, fake_worker
) -> None:
    from app.services.people.permissions import Role
    from app.views.shell.i18n import install_language
    from tests.fixtures_views import actor_of, add_person

    seed_queue(session_factory)
    clerk = actor_of(
        add_person(
            session_factory,
            owner,
            "kefu",
            "客服小美",
            Role.CLERK,
            refund_limit_single_fen=10_000,
            refund_limit_daily_fen=10_000,
        )  # fmt: skip
    )
    install_language("zh_CN")
    try:
        view = make_view(qtbot, tasks, session_factory, clerk, fake_worker)
        view.table().selectAll()
        view.actions.bulk_button.click()
        qtbot.waitUntil(lambda: isinstance(view.flow.dialog, BulkApproveDialog), timeout=5_000)
        dialog = view.flow.dialog
        dialog.confirm_button().click()
        qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=5_000)
        # The two small refunds fit the ¥100 limits; the others pass one and say so, with amounts.
        assert dialog.headline_text().startswith("已同意 2 笔退款")  # ¥45.80 and ¥49.90
        over_limit = [line for line in dialog.detail_lines() if "¥" in line]
        assert "这笔退款（¥899.00）超过了你的单笔上限 ¥100.00。请让店主处理。" in " ".join(over_limit)
    finally:
        install_language("en")
