"""A TikTok shop's replacements and arbitrations as the desk expects and shows them (issue 16):
TikTok Shop's "yes" to a replacement (APPROVE_REPLACEMENT), and its own approval at the
seller's deadline, complete it at once (REPLACEMENT_REQUEST_COMPLETE: the platform makes a
new order), where Douyin's exchange waits for the buyer's return; so the queue's approve asks
no return address of a TikTok replacement, the request's history replays to where it is, and
an arbitration code of TikTok's this app does not know reads as one, never as "none"."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.core.vocabulary import Decision, RequestKind, RequestState
from app.models import AuditEvent, OutboxOperation
from app.platforms.port import HistoryEntry, Mover, ShopMove
from app.services.people.audit import AuditRow
from app.services.refunds import outcomes
from app.services.refunds.available_decisions import decisions_for
from app.services.refunds.queue import queue_rows
from app.sync.history_replay import replay
from app.views.people import audit_words
from app.views.refunds import arbitration_marks
from app.views.refunds.bulk_dialog import BulkApproveDialog
from app.views.refunds.decision_flow import ConfirmDialog
from app.views.refunds.dialogs import ApproveReturnDialog
from app.views.refunds.queue_view import RefundQueueView
from tests.builders import NOW
from tests.tiktok_rows import ARBITRATED, REFUND, REPLACEMENT, RETURN, tiktok_shop

EXCHANGE, WAITING = RequestKind.EXCHANGE, RequestState.AWAITING_SHOP


def test_a_tiktok_replacement_agreed_or_timed_out_is_done_at_once_a_douyin_exchange_waits_for_the_goods() -> (
    None
):
    agreed = outcomes.outcome(Decision.AGREE_EXCHANGE, EXCHANGE, WAITING, platform="tiktok")
    assert agreed is RequestState.REPLACEMENT_DONE
    assert outcomes.at_timeout(EXCHANGE, WAITING, platform="tiktok") is RequestState.REPLACEMENT_DONE
    assert outcomes.outcome(Decision.AGREE_EXCHANGE, EXCHANGE, WAITING) is RequestState.AWAITING_BUYER_RETURN
    assert outcomes.at_timeout(EXCHANGE, WAITING, platform="douyin") is RequestState.AWAITING_BUYER_RETURN
    # Everything else TikTok does lands where Douyin's does.
    for decision, moves in outcomes.DECISION_OUTCOMES.items():
        for (kind, state), target in moves.items():
            if (decision, kind, state) != (Decision.AGREE_EXCHANGE, EXCHANGE, WAITING):
                assert outcomes.outcome(decision, kind, state, platform="tiktok") is target
    assert not decisions_for(EXCHANGE, WAITING, "tiktok").goods_come_back
    assert decisions_for(EXCHANGE, WAITING).goods_come_back
    # TikTok names its own return warehouse: agreeing to a return asks no address of the shop.
    assert not decisions_for(RequestKind.RETURN_AND_REFUND, WAITING, "tiktok").goods_come_back
    assert decisions_for(RequestKind.RETURN_AND_REFUND, WAITING).goods_come_back


def test_a_tiktok_replacement_the_platform_approved_alone_replays_to_done() -> None:
    applied = NOW - 30 * 3600
    history = (
        HistoryEntry(at=applied, place=0, mover=Mover.BUYER),
        HistoryEntry(at=applied + 24 * 3600, place=1, mover=Mover.PLATFORM),
    )
    past = replay(history, EXCHANGE, applied, RequestState.REPLACEMENT_DONE, platform="tiktok")
    assert [(c.from_state, c.to_state, c.by_platform) for c in past] == [
        (None, WAITING, False),
        (WAITING, RequestState.REPLACEMENT_DONE, True),
    ]
    agreed = (
        HistoryEntry(applied, 0, Mover.BUYER),
        HistoryEntry(applied + 60, 1, Mover.SHOP, ShopMove.AGREED),
    )
    assert replay(agreed, EXCHANGE, applied, RequestState.REPLACEMENT_DONE, platform="tiktok")[
        -1
    ].to_state is (RequestState.REPLACEMENT_DONE)


def tiktok_queue(qtbot, tasks, session_factory, owner) -> RefundQueueView:
    view = RefundQueueView(tasks, session_factory, owner, clock=lambda: NOW, platform="tiktok")
    qtbot.addWidget(view)
    view.resize(1400, 700)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5_000)
    return view


def test_the_queue_approves_a_tiktok_replacement_without_asking_a_return_address(
    qtbot, english, tasks, session_factory, owner
) -> None:
    tiktok_shop(session_factory)
    view = tiktok_queue(qtbot, tasks, session_factory, owner)
    assert view.select_request(REPLACEMENT)
    view.table().setFocus()
    qtbot.keyClick(view.table(), Qt.Key.Key_A)
    qtbot.waitUntil(lambda: view.flow.dialog is not None, timeout=5_000)
    dialog = view.flow.dialog
    assert isinstance(dialog, ConfirmDialog) and not isinstance(dialog, ApproveReturnDialog)
    assert dialog.windowTitle() == "Approve replacement"
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    with session_factory() as session:
        op = session.scalars(select(OutboxOperation)).one()
    assert op.decision == Decision.AGREE_EXCHANGE and op.expected_to_state == RequestState.REPLACEMENT_DONE
    assert "return_address_id" not in json.loads(op.details)


def test_an_arbitration_code_of_tiktoks_unknown_here_reads_as_one_not_as_none(
    session_factory, english
) -> None:
    tiktok_shop(session_factory)
    with session_factory() as session:
        (row,) = queue_rows(session, [ARBITRATED], now=NOW)
    assert row.arbitration is None and row.arbitrate_status is None
    assert arbitration_marks.has_arbitration(row) and arbitration_marks.is_open(row)
    assert arbitration_marks.queue_mark(row) == "in arbitration"
    assert "SOMETHING_NEW" in arbitration_marks.arbitration_line(row)
    with session_factory() as session:
        others = queue_rows(session, [REPLACEMENT], now=NOW)
    assert not arbitration_marks.has_arbitration(others[0])  # TikTok's "" is no arbitration


def test_a_tiktok_replacement_approved_by_the_platform_at_its_deadline_counts_as_an_auto_approval(
    session_factory,
) -> None:
    """Applied at 08:00 on the 12th (shop clock), the seller's 24 h pass, TikTok approves it
    alone: done at once, one auto-approved request (Douyin's expectation would miss it)."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from app.services.metrics.service_metrics import compute_metrics
    from app.services.rules import load_rules, rules_for
    from tests.builders import order_line_row, order_row, seed
    from tests.metric_shop import HOUR, a_request, pull

    def at(day: int, hour: int = 0) -> int:
        return int(datetime(2026, 11, day, hour, tzinfo=ZoneInfo("Etc/GMT+8")).timestamp())

    assert rules_for("tiktok").platform == "tiktok" and load_rules().platform == "douyin"
    order = order_row(pay_time=at(11, 9), create_time=at(11, 9) - 60)
    line = order_line_row(order)
    seed(session_factory, orders=[order], lines=[line])
    applied = at(12, 8)
    request = a_request((order, line), applied=applied, status_deadline=applied + 24 * HOUR)
    request |= {"kind": EXCHANGE, "state": WAITING, "type": 0, "status": 0, "currency": "USD"}
    request |= {"type_code": "REPLACEMENT", "status_code": "REPLACEMENT_REQUEST_PENDING"}
    done = {
        **request,
        "state": RequestState.REPLACEMENT_DONE,
        "status_code": "REPLACEMENT_REQUEST_COMPLETE",
        "update_time": applied + 24 * HOUR,
        "status_deadline": None,
    }
    pull(session_factory, request)
    pull(session_factory, done)
    with session_factory() as session:
        metrics = compute_metrics(
            session, start=at(10), end=at(20), now=at(20, 12), rules=rules_for("tiktok")
        )
    assert metrics.metrics["timeout_approvals"].value == 1


def test_a_tiktok_return_is_agreed_without_an_address_alone_or_in_a_selection(
    qtbot, english, tasks, session_factory, owner
) -> None:
    """TikTok Shop's approve names no return address (the return goes to the warehouse the
    platform names): the queue asks none, for one return or a selection of them."""
    tiktok_shop(session_factory)
    view = tiktok_queue(qtbot, tasks, session_factory, owner)
    assert view.select_request(RETURN)
    view.table().setFocus()
    qtbot.keyClick(view.table(), Qt.Key.Key_A)
    qtbot.waitUntil(lambda: view.flow.dialog is not None, timeout=5_000)
    assert isinstance(view.flow.dialog, ConfirmDialog)
    assert view.flow.dialog.windowTitle() == "Agree to the return"
    view.flow.dialog.close()
    view.table().clearSelection()
    view.table().setSelectionMode(view.table().selectionMode().MultiSelection)
    for aftersale_id in (RETURN, REFUND):
        view.table().selectRow(view.model.row_of(aftersale_id))
    assert view.actions.bulk_button.isEnabled()
    view.actions.bulk_button.click()
    qtbot.waitUntil(lambda: isinstance(view.flow.dialog, BulkApproveDialog), timeout=5_000)
    bulk = view.flow.dialog
    assert bulk.headline_text().startswith("Refunds to approve: 1 ($12.99 in all). Returns to agree: 1.")
    assert not bulk.address_box.isVisible()
    with qtbot.waitSignal(view.flow.decided, timeout=5_000):
        bulk.confirm_button().click()
    with session_factory() as session:
        ops = {
            op.entity_id: (op.decision, json.loads(op.details))
            for op in session.scalars(select(OutboxOperation))
        }
    assert ops[RETURN] == (Decision.AGREE_RETURN, {"kind": "return_and_refund"})
    assert ops[REFUND][0] == Decision.APPROVE_REFUND
    # The audit trail tells the approved refund in dollars too.
    with session_factory() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.entity_id == REFUND)).one()
        row = AuditRow(
            event.id, event.at, event.actor_id, "Owner", event.action, event.entity_type, event.entity_id,
            event.order_id, event.before or "", event.after or "", event.refers_to, event.note or "",
        )  # fmt: skip
    said = audit_words.sentence(row, json.loads(row.before), json.loads(row.after))
    assert said is not None and "$12.99" in said and "¥" not in said
