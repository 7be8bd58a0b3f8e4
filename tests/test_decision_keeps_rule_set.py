"""A decision's audit event keeps the rule set and the suggestion the person decided beside
(issue 18), so the rule of the day stays readable after a later rule set."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import AuditEvent
from app.services.refunds.bulk import bulk_approve
from app.services.refunds.decisions import approve_refund
from app.services.refunds.queue_rows import queue_rows
from app.views.refunds.queue_model import QUEUE_ROW_ROLE
from app.views.refunds.queue_view import RefundQueueView
from tests.builders import NOW
from tests.refund_shop import RETURN, URGENT, seed_queue


def decision_event(session_factory, aftersale_id: str) -> dict:
    with session_factory() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.entity_id == aftersale_id)).one()
    return json.loads(event.after)


def test_the_queues_rule_set_and_suggestion_go_into_the_decisions_audit_event(
    qtbot, english, tasks, session_factory, owner
) -> None:
    seed_queue(session_factory)
    view = RefundQueueView(tasks, session_factory, owner, clock=lambda: NOW)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5_000)
    shown = view.model.index(view.model.row_of(URGENT), 0).data(QUEUE_ROW_ROLE)
    assert view.select_request(URGENT)
    view.table().setFocus()
    qtbot.keyClick(view.table(), Qt.Key.Key_A)
    qtbot.waitUntil(lambda: view.flow.dialog is not None, timeout=5_000)
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        qtbot.keyClick(view.flow.dialog, Qt.Key.Key_Return)
    assert decision_event(session_factory, URGENT)["seen"] == {
        "rule_set": "douyin-2026-12",
        "rule": shown.rule_key,
        "suggestion": shown.suggestion,
    }


def test_a_decision_made_without_a_screen_says_nothing_it_did_not_see(session_factory, owner) -> None:
    seed_queue(session_factory)
    with session_factory.begin() as session:
        approve_refund(session, owner, URGENT, now=NOW)
    assert "seen" not in decision_event(session_factory, URGENT)


def test_each_request_approved_together_keeps_what_the_queue_showed_for_it(session_factory, owner) -> None:
    seed_queue(session_factory)
    with session_factory() as session:
        shown = {row.aftersale_id: row for row in queue_rows(session, [URGENT, RETURN], now=NOW)}
    with session_factory.begin() as session:
        result = bulk_approve(session, owner, [URGENT, RETURN], now=NOW, return_address_id="1")
    assert set(result.approved) == {URGENT, RETURN}
    for aftersale_id, row in shown.items():
        assert decision_event(session_factory, aftersale_id)["seen"] == {
            "rule_set": row.rule_set,
            "rule": row.rule_key,
            "suggestion": row.suggestion,
        }
