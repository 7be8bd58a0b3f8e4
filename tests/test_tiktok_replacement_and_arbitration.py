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
from app.models import OutboxOperation
from app.platforms.port import HistoryEntry, Mover, ShopMove
from app.services.refunds import outcomes
from app.services.refunds.available_decisions import decisions_for
from app.services.refunds.queue import queue_rows
from app.sync.history_replay import replay
from app.views.refunds import arbitration_marks
from app.views.refunds.decision_flow import ConfirmDialog
from app.views.refunds.dialogs import ApproveReturnDialog
from app.views.refunds.queue_view import RefundQueueView
from tests.builders import NOW
from tests.tiktok_rows import ARBITRATED, REPLACEMENT, tiktok_shop

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
    assert decisions_for(RequestKind.RETURN_AND_REFUND, WAITING, "tiktok").goods_come_back


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


def test_the_queue_approves_a_tiktok_replacement_without_asking_a_return_address(
    qtbot, english, tasks, session_factory, owner
) -> None:
    tiktok_shop(session_factory)
    view = RefundQueueView(tasks, session_factory, owner, clock=lambda: NOW, platform="tiktok")
    qtbot.addWidget(view)
    view.resize(1400, 700)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5_000)
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

