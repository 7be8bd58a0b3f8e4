"""A clerk sees which requests are beyond their limits before opening a dialog, and can
hand such a request to the owner; it then waits in the owner's queue with who handed
it and why, until the owner decides it or hands it back. Real widgets over a real
SQLite file, the real decision and hand-over services, the audit trail."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models import AuditEvent, OwnerHandover
from app.services.people.permissions import Role
from app.views.refunds.decision_flow import NoteDialog
from app.views.refunds.queue_columns import COL_PENDING
from tests.fixtures_views import actor_of, add_person
from tests.refund_shop import BIG, SOON, URGENT, seed_queue, written
from tests.test_refund_queue_view import confirm, make_view, open_dialog, reload

REASON = "超出我的单笔额度，买家说鞋底开胶"


def a_clerk(session_factory, owner, **limits):
    limits = limits or {"refund_limit_single_fen": 20_000, "refund_limit_daily_fen": 50_000}
    return actor_of(add_person(session_factory, owner, "xiaowang", "小王", Role.CLERK, **limits))


def mark(view, aftersale_id: str, role=Qt.ItemDataRole.DisplayRole):
    return view.model.index(view.model.row_of(aftersale_id), COL_PENDING).data(role)


def hand_over(qtbot, view, aftersale_id: str, reason: str) -> None:
    dialog = open_dialog(qtbot, view, Qt.Key.Key_H, aftersale_id)
    assert isinstance(dialog, NoteDialog)
    dialog.note_edit.setPlainText(reason)
    confirm(qtbot, view, dialog)


def test_a_clerk_sees_the_requests_beyond_their_limits_before_opening_a_dialog(
    qtbot, english, tasks, session_factory, owner
) -> None:
    seed_queue(session_factory)
    view = make_view(qtbot, tasks, session_factory, a_clerk(session_factory, owner))
    assert mark(view, BIG) == "owner decides"  # ¥899 against a ¥200 limit
    assert "above your limit of ¥200.00" in mark(view, BIG, Qt.ItemDataRole.ToolTipRole)
    assert mark(view, URGENT) == "" and mark(view, SOON) == ""
    owners_view = make_view(qtbot, tasks, session_factory, owner)
    assert mark(owners_view, BIG) == ""  # the owner has no limit


def test_todays_approvals_count_towards_the_mark(qtbot, english, tasks, session_factory, owner) -> None:
    seed_queue(session_factory)
    clerk = a_clerk(session_factory, owner, refund_limit_single_fen=20_000, refund_limit_daily_fen=20_000)
    view = make_view(qtbot, tasks, session_factory, clerk)
    assert mark(view, SOON) == ""  # ¥159 of a ¥200 day
    confirm(qtbot, view, open_dialog(qtbot, view, Qt.Key.Key_A, URGENT))  # ¥45.80 spent
    assert mark(view, SOON) == "owner decides"
    assert "daily limit" in mark(view, SOON, Qt.ItemDataRole.ToolTipRole)


def test_a_request_handed_to_the_owner_waits_in_the_owners_queue_with_who_and_why(
    qtbot, english, tasks, session_factory, owner
) -> None:
    seed_queue(session_factory)
    view = make_view(qtbot, tasks, session_factory, a_clerk(session_factory, owner))
    dialog = open_dialog(qtbot, view, Qt.Key.Key_H, BIG)
    assert "above your limit of ¥200.00" in dialog.intro.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # no reason given: the owner would not know why
    assert dialog.error_text() == "Say in a few words why the owner should decide this request."
    dialog.note_edit.setPlainText(REASON)
    confirm(qtbot, view, dialog)
    assert mark(view, BIG) == "with the owner"
    assert written(session_factory, BIG) == (["request.hand_to_owner"], [])

    owners = make_view(qtbot, tasks, session_factory, owner)
    with qtbot.waitSignal(owners.rows_loaded, timeout=5_000):
        owners.filters.handed_box.setChecked(True)
    assert [key.aftersale_id for key in owners.model.queue_keys()] == [BIG]
    assert mark(owners, BIG) == "with the owner"
    assert mark(owners, BIG, Qt.ItemDataRole.ToolTipRole) == f"Handed to the owner by 小王: {REASON}"

    # The owner decides it: it waits for nobody any more.
    dialog = open_dialog(qtbot, owners, Qt.Key.Key_A, BIG)
    confirm(qtbot, owners, dialog)
    assert written(session_factory, BIG) == (["request.hand_to_owner", "refund.approve"], ["pending"])
    with session_factory() as session:
        assert session.scalars(select(OwnerHandover)).all() == []
    assert owners.model.rowCount() == 0 and owners.empty_text() == "No requests match these filters."


def test_the_owner_hands_a_request_back_with_a_note(qtbot, english, tasks, session_factory, owner) -> None:
    seed_queue(session_factory)
    clerk_view = make_view(qtbot, tasks, session_factory, a_clerk(session_factory, owner))
    hand_over(qtbot, clerk_view, BIG, REASON)
    owners = make_view(qtbot, tasks, session_factory, owner)
    assert owners.actions.hand_button.text() == "Hand back… (H)"
    dialog = open_dialog(qtbot, owners, Qt.Key.Key_H, BIG)
    assert REASON in dialog.intro.text()
    dialog.note_edit.setPlainText("先联系买家要鞋底照片")
    confirm(qtbot, owners, dialog)
    assert mark(owners, BIG) == ""
    with session_factory() as session:
        back = session.scalars(select(AuditEvent).where(AuditEvent.action == "request.hand_back")).one()
    assert (back.actor_id, back.entity_id, back.note) == (owner.user_id, BIG, "先联系买家要鞋底照片")
    reload(qtbot, clerk_view)
    assert mark(clerk_view, BIG) == "owner decides"  # still beyond the clerk: marked as before


def test_a_hand_over_is_kept_once_and_cleared_by_the_decision_on_both_databases(database_url: str) -> None:
    """The service alone, on SQLite and on PostgreSQL (migration 0015): one hand-over per
    request, a reason needed, the owner's decision clears it."""
    import pytest

    from app.services.refunds import decisions as refund_decisions
    from app.services.refunds import owner_handover
    from app.services.refunds.decisions import DecisionRefused
    from app.services.refunds.queue import list_queue_keys, queue_row
    from tests.builders import NOW
    from tests.test_refund_decisions import CLERK, OWNER, mirror

    sessions = mirror(database_url, {"r": 90_000, "s": 1_000})
    with sessions.begin() as session, pytest.raises(DecisionRefused, match="why the owner"):
        owner_handover.hand_to_owner(session, CLERK, "r", reason="  ", now=NOW)
    with sessions.begin() as session:
        owner_handover.hand_to_owner(session, CLERK, "r", reason=REASON, now=NOW)
    with sessions.begin() as session, pytest.raises(DecisionRefused, match="already waiting for the owner"):
        owner_handover.hand_to_owner(session, CLERK, "r", reason=REASON, now=NOW)
    with sessions() as session:
        assert [key.aftersale_id for key in list_queue_keys(session, now=NOW, handed=True)] == ["r"]
        row = queue_row(session, "r", now=NOW)
        assert (row.handed_by, row.handed_reason) == (CLERK.display_name, REASON)
    with sessions.begin() as session:
        refund_decisions.approve_refund(session, OWNER, "r", now=NOW)
    with sessions() as session:
        assert list_queue_keys(session, now=NOW, handed=True) == []
        assert queue_row(session, "r", now=NOW).handed_reason == ""
