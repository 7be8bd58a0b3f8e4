"""The platform's arbitration on the refund screens (real widgets over a real SQLite mirror):
a refused request whose arbitration asks for the shop's evidence waits in the queue with the
platform's deadline and a mark, the request's pane says what the platform asks and by when,
an open arbitration of a request awaiting the shop is marked too, a decided one is not in
the queue, and a code the app does not know is shown as the platform sent it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import ArbitrationState
from app.models import AfterSale, OutboxOperation
from app.platforms.douyin.codes import AfterSaleStatus, AfterSaleType, OrderStatus
from app.services.refunds.queue import list_queue, queue_row
from app.views.common import formatting
from app.views.refunds import arbitration_marks
from app.views.refunds.queue_columns import COL_DEADLINE, COL_PENDING, COL_SUGGESTION
from app.views.refunds.queue_view import RefundQueueView
from tests.builders import HOUR, NOW, after_sale_row, order_line_row, order_row, seed
from tests.refund_shop import SOON, seed_queue

EVIDENCE_DUE = NOW + 30 * HOUR
ASKED = "7390000000000000001"  # refused; the platform asks the shop's evidence
DECIDED = "7390000000000000002"  # refused; the platform decided for the buyer
ODD = "7390000000000000003"  # refused; an arbitration code this app does not know


def refused_request(aftersale_id: str, **arbitration: Any) -> tuple[dict, dict, dict]:
    arbitration = {"arbitration_deadline": None, **arbitration}
    order = order_row(status=int(OrderStatus.COMPLETED), update_time=NOW - 5 * 24 * HOUR, pay_amount=12_900)
    line = order_line_row(order, product_name="羊毛混纺围巾 灰色")
    request = after_sale_row(
        order,
        aftersale_id=aftersale_id,
        related_id=line["sku_order_id"],
        type=int(AfterSaleType.REFUND_AFTER_SHIPMENT),
        status=int(AfterSaleStatus.MERCHANT_REFUSED),
        apply_time=NOW - 4 * 24 * HOUR,
        update_time=NOW - 20 * HOUR,
        status_deadline=0,
        refund_amount=12_900,
        reason_text="与描述不符，起球严重",
        product_name="羊毛混纺围巾 灰色",
        **arbitration,
    )
    return order, line, request


def seed_arbitrations(session_factory: sessionmaker[Session]) -> None:
    seed_queue(session_factory)
    made = [
        refused_request(
            ASKED,
            arbitrate_status=4,
            arbitration=ArbitrationState.AWAITING_SHOP_EVIDENCE,
            arbitration_deadline=EVIDENCE_DUE,
        ),
        refused_request(DECIDED, arbitrate_status=2, arbitration=ArbitrationState.DECIDED_FOR_BUYER),
        refused_request(ODD, arbitrate_status=77, arbitration=None),
    ]
    seed(session_factory, [m[0] for m in made], [m[1] for m in made], [], [m[2] for m in made])
    with session_factory.begin() as session:  # a request awaiting the shop, whose buyer went to the platform
        request = session.get(AfterSale, SOON)
        assert request is not None
        request.arbitrate_status, request.arbitration = 1, ArbitrationState.IN_PROGRESS


def make_view(qtbot, tasks, session_factory, actor) -> RefundQueueView:
    view = RefundQueueView(tasks, session_factory, actor, clock=lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5_000)
    return view


def cell(
    view: RefundQueueView, aftersale_id: str, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole
):
    return view.model.index(view.model.row_of(aftersale_id), column).data(role)


def test_the_queue_holds_the_requests_the_platform_asks_evidence_for(session_factory) -> None:
    seed_arbitrations(session_factory)
    with session_factory() as session:
        rows = {row.aftersale_id: row for row in list_queue(session, now=NOW)}
    assert ASKED in rows and DECIDED not in rows
    asked = rows[ASKED]
    assert asked.status_deadline == EVIDENCE_DUE  # the platform's deadline for the evidence
    assert (asked.arbitration, asked.arbitrate_status, asked.arbitration_deadline) == (
        ArbitrationState.AWAITING_SHOP_EVIDENCE,
        4,
        EVIDENCE_DUE,
    )
    assert rows[SOON].arbitration == ArbitrationState.IN_PROGRESS
    # Filtering by the request's own states leaves it out: it is there for its arbitration.
    with session_factory() as session:
        waiting = {row.aftersale_id for row in list_queue(session, now=NOW, states=("awaiting_shop",))}
    assert ASKED not in waiting and SOON in waiting


def test_the_queue_row_is_marked_with_what_the_platform_asks(
    qtbot, english, tasks, session_factory, owner
) -> None:
    seed_arbitrations(session_factory)
    view = make_view(qtbot, tasks, session_factory, owner)
    due = formatting.shop_time(EVIDENCE_DUE)
    assert cell(view, ASKED, COL_PENDING) == "evidence due"
    assert cell(view, ASKED, COL_PENDING, Qt.ItemDataRole.ToolTipRole) == (
        f"In arbitration: the platform asks for the shop's evidence by {due}. "
        "Give it in the platform's back office, or the platform decides without it."
    )
    assert cell(view, ASKED, COL_PENDING, Qt.ItemDataRole.ForegroundRole) == arbitration_marks.MARK
    assert cell(view, ASKED, COL_PENDING, Qt.ItemDataRole.BackgroundRole) == arbitration_marks.MARK_BG
    assert cell(view, ASKED, COL_DEADLINE) == "1d 06h"
    assert cell(view, ASKED, COL_SUGGESTION) == "give evidence"
    assert cell(view, SOON, COL_PENDING) == "in arbitration"
    assert cell(view, SOON, COL_PENDING, Qt.ItemDataRole.ToolTipRole) == (
        "In arbitration: the platform is judging the dispute."
    )
    assert view.model.row_of(DECIDED) is None


def test_the_requests_pane_says_what_the_platform_asks_and_by_when(
    qtbot, english, tasks, session_factory, owner
) -> None:
    seed_arbitrations(session_factory)
    view = make_view(qtbot, tasks, session_factory, owner)
    assert view.select_request(ASKED)
    qtbot.waitUntil(
        lambda: view.detail_pane.detail() is not None and view.detail_pane.detail().row.aftersale_id == ASKED,
        timeout=5_000,
    )
    text = view.detail_pane.text()
    due = formatting.shop_time(EVIDENCE_DUE)
    assert f"In arbitration: the platform asks for the shop's evidence by {due}." in text
    assert "Refused by merchant" in text
    assert "\nSuggestion\ngive evidence\n" in text  # no decision of the app's fits it


def test_an_arbitration_code_unknown_here_is_shown_as_sent(qtbot, english, session_factory) -> None:
    seed_arbitrations(session_factory)
    with session_factory() as session:
        odd = queue_row(session, ODD, now=NOW)
        decided = queue_row(session, DECIDED, now=NOW)
    assert odd is not None and decided is not None
    assert (odd.arbitrate_status, odd.arbitration) == (77, None)
    assert arbitration_marks.queue_mark(odd) == "in arbitration"
    assert arbitration_marks.arbitration_line(odd) == (
        "The platform's arbitration reports status 77, which this app does not know. "
        "See the request in the platform's back office."
    )
    assert arbitration_marks.arbitration_line(decided) == "Arbitration: the platform decided for the buyer."
    assert arbitration_marks.queue_mark(decided) == ""


def test_a_request_there_for_its_arbitration_alone_takes_no_decision_from_here(
    qtbot, english, tasks, session_factory, owner
) -> None:
    seed_arbitrations(session_factory)
    view = make_view(qtbot, tasks, session_factory, owner)
    assert view.select_request(ASKED)
    assert not view.actions.approve_button.isEnabled() and not view.actions.refuse_button.isEnabled()
    assert (
        view.actions.hint.text() == "The platform asks for the shop's evidence: give it in its back office."
    )
    for key in (Qt.Key.Key_A, Qt.Key.Key_R, Qt.Key.Key_Return):
        view.table().setFocus()
        qtbot.keyClick(view.table(), key)
        qtbot.waitUntil(lambda: view.flow.dialog is not None, timeout=5_000)
        box = view.flow.dialog
        assert isinstance(box, QMessageBox) and box.windowTitle() == "Nothing to decide here"
        assert box.text().startswith("In arbitration: the platform asks for the shop's evidence by ")
        box.reject()
        qtbot.waitUntil(lambda: view.flow.dialog is None, timeout=5_000)
    with session_factory() as session:
        assert session.query(OutboxOperation).count() == 0  # nothing was queued
    # A request awaiting the shop whose buyer went to the platform is still the shop's to decide.
    assert view.select_request(SOON)
    assert view.actions.approve_button.isEnabled()


def test_the_pane_says_where_the_money_stands_once_it_moved(
    qtbot, english, tasks, session_factory, owner
) -> None:
    seed_arbitrations(session_factory)
    with session_factory.begin() as session:  # the platform decided for the buyer: the refund is on its way
        asked = session.get(AfterSale, ASKED)
        assert asked is not None
        asked.refund_status, asked.refund_state = 2, "in_progress"
    view = make_view(qtbot, tasks, session_factory, owner)

    def pane_of(aftersale_id: str) -> str:
        assert view.select_request(aftersale_id)
        qtbot.waitUntil(
            lambda: (
                view.detail_pane.detail() is not None
                and view.detail_pane.detail().row.aftersale_id == aftersale_id
            ),
            timeout=5_000,
        )
        return view.detail_pane.text()

    assert "¥129.00 · Refund in progress" in pane_of(ASKED)
    assert "· Refund" not in pane_of(SOON)  # pending: nothing moved yet, nothing said
    with session_factory.begin() as session:  # a refund status the app does not know
        asked = session.get(AfterSale, ASKED)
        assert asked is not None
        asked.refund_status, asked.refund_state = 9, None
    assert view.select_request(SOON)
    qtbot.waitUntil(lambda: view.detail_pane.detail().row.aftersale_id == SOON, timeout=5_000)
    assert "¥129.00 · refund status 9, unknown to this app" in pane_of(ASKED)
