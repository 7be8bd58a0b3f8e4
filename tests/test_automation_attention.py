"""A rule that stopped itself is the owner's to know: "needs attention" says which and why,
counts it, and shows nobody else; switching it on again takes it off the list."""

from __future__ import annotations

from app.services.automation import evaluation, rule_book
from app.services.automation.conditions import Conditions, RuleAction, RuleForm
from app.services.people.permissions import Role
from app.views.attention.view import NeedsAttentionView
from tests.automation_shop import requests_waiting
from tests.builders import NOW
from tests.fixtures_views import actor_of, add_person


def test_a_rule_stopped_by_its_cap_needs_the_owners_attention(
    qtbot, english, tasks, session_factory, owner
) -> None:
    requests_waiting(session_factory, 30, seed=9)
    with session_factory.begin() as session:
        capped = RuleForm("small refunds", Conditions(), RuleAction.APPROVE_REFUND, daily_cap_fen=10_000)
        rule_id = rule_book.create_rule(session, owner, capped, now=NOW)
        rule_book.switch_on(session, owner, rule_id, now=NOW)
    assert evaluation.evaluate_open_requests(session_factory, now=NOW, platform="douyin").stopped == [rule_id]

    view = NeedsAttentionView(tasks, session_factory, owner, clock=lambda: NOW)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.stopped_label.isVisible(), timeout=5_000)
    assert view.stopped_label.text() == (
        "Rule 'small refunds' v1 stopped itself: it reached its daily limit of money decided "
        "automatically. Switch it on again when it should go on."
    )
    assert view.screen_title().startswith("Needs attention (")
    assert not view.empty_label.isVisible()

    clerk = actor_of(
        add_person(
            session_factory,
            owner,
            "wang",
            "王姐",
            Role.CLERK,
            refund_limit_single_fen=100_00,
            refund_limit_daily_fen=300_00,
        )
    )
    for_clerk = NeedsAttentionView(tasks, session_factory, clerk, clock=lambda: NOW)
    qtbot.addWidget(for_clerk)
    for_clerk.show()
    qtbot.waitUntil(lambda: for_clerk.empty_label.isVisible() or len(for_clerk.items()) > 0, timeout=5_000)
    assert not for_clerk.stopped_label.isVisible()

    with session_factory.begin() as session:
        rule_book.switch_on(session, owner, rule_id, now=NOW + 60)
    view.refresh()
    qtbot.waitUntil(lambda: not view.stopped_label.isVisible(), timeout=5_000)
