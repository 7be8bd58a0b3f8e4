"""The "needs attention" screen over real services: a refused and a conflicting
decision side by side with the platform's state and words, Discard for both, Apply
again only where it still fits, each audited; and the count in the navigation."""

from __future__ import annotations

from sqlalchemy import update

from app.models import AfterSale, OutboxOperation
from app.models import outbox as state
from app.services import refund_decisions
from app.sync.push import PROBLEM_CONFLICT
from app.views.main_window import MainWindow
from app.views.needs_attention_view import NeedsAttentionView
from tests.builders import NOW
from tests.refund_shop import SOON, URGENT, seed_queue, written


def decided_then_turned_down(session_factory, owner) -> None:
    """Two approvals the push engine could not deliver: one refused, one met a changed request."""
    with session_factory.begin() as session:
        refund_decisions.approve_refund(session, owner, URGENT, now=NOW)
        refund_decisions.approve_refund(session, owner, SOON, now=NOW)
        session.execute(
            update(OutboxOperation)
            .where(OutboxOperation.entity_id == URGENT)
            .values(state=state.REJECTED, platform_message="售后单状态已变更，无法操作", problem="")
        )
        session.execute(
            update(OutboxOperation)
            .where(OutboxOperation.entity_id == SOON)
            .values(state=state.CONFLICT, problem=PROBLEM_CONFLICT, platform_message="版本已更新")
        )
        # The buyer edited the request on the platform: a newer version, still awaiting the merchant.
        session.execute(update(AfterSale).where(AfterSale.aftersale_id == SOON).values(update_time=NOW + 60))


def make_view(qtbot, tasks, session_factory, owner) -> NeedsAttentionView:
    view = NeedsAttentionView(tasks, session_factory, owner, clock=lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1100, 500)
    view.show()
    qtbot.waitUntil(lambda: len(view.items()) == 2, timeout=5_000)
    return view


def test_each_decision_shows_the_platforms_side_and_the_choices_that_fit(
    qtbot, english, tasks, session_factory, owner
) -> None:
    seed_queue(session_factory)
    decided_then_turned_down(session_factory, owner)
    view = make_view(qtbot, tasks, session_factory, owner)
    assert view.screen_title() == "Needs attention (2)"
    first = [view.table.item(0, column).text() for column in range(4)]
    assert first[1].startswith("Approve the refund")
    assert first[2] == "Awaiting merchant\n(refused)"
    assert "售后单状态已变更，无法操作" in first[3]
    view.select_row(0)
    assert view.discard_button.isEnabled() and not view.reapply_button.isEnabled()
    view.select_row(1)
    assert "The platform's state changed before this decision arrived" in view.words.text()
    assert view.reapply_button.isEnabled()


def test_discard_and_apply_again_are_audited_and_leave_the_list(
    qtbot, english, tasks, session_factory, owner
) -> None:
    seed_queue(session_factory)
    decided_then_turned_down(session_factory, owner)
    view = make_view(qtbot, tasks, session_factory, owner)
    view.select_row(1)
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.reapply_button.click()
    assert written(session_factory, SOON) == (["refund.approve", "outbox.reapply"], ["discarded", "pending"])
    view.select_row(0)
    with qtbot.waitSignal(view.rows_loaded, timeout=5_000):
        view.discard_button.click()
    assert written(session_factory, URGENT) == (["refund.approve", "outbox.discard"], ["discarded"])
    assert view.items() == [] and view.screen_title() == "Needs attention"


def test_the_navigation_shows_the_count(qtbot, english, session_factory, settings, owner) -> None:
    seed_queue(session_factory)
    decided_then_turned_down(session_factory, owner)
    window = MainWindow(session_factory, settings, actor=owner)
    qtbot.addWidget(window)
    titles = lambda: [window._navigation.item(i).text() for i in range(window._navigation.count())]  # noqa: E731
    qtbot.waitUntil(lambda: "Needs attention (2)" in titles(), timeout=5_000)
    assert titles()[:3] == ["Orders", "Refunds", "Needs attention (2)"]
    window.tasks.shutdown()
