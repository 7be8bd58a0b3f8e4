"""A TikTok shop's screens follow TikTok Shop's rule set, not Douyin's (issue 16, part 3): the
shipping board counts the shop's days on its clock (UTC-8, the dispatch SLA's "11:59 PM PST"),
on real widgets over a real SQLite mirror; the refund queue reads its requests under the same
rule set."""

from __future__ import annotations

from app.services.rules import rules_for
from app.views.refunds.queue_view import RefundQueueView
from app.views.shipping.board_view import ShippingBoardView
from tests.builders import NOW
from tests.test_shipping_board_view import board_shop


def lane_counts(qtbot, tasks, session_factory, owner, **options) -> dict[str, int]:
    view = ShippingBoardView(tasks, session_factory, owner, clock=lambda: NOW, **options)
    qtbot.addWidget(view)
    view.resize(1400, 800)
    with qtbot.waitSignal(view.board_loaded, timeout=5_000):
        view.show()
    return {name: end - start for name, start, end in view.model.lanes()}


def test_the_board_of_a_tiktok_shop_counts_days_on_tiktoks_clock(
    qtbot, english, tasks, session_factory, owner
) -> None:
    """NOW is 19:06 in Shanghai, 03:06 on a TikTok shop's clock: the order due five hours on is
    tomorrow for a Douyin shop and today for a TikTok shop."""
    board_shop(session_factory)
    douyin = lane_counts(qtbot, tasks, session_factory, owner)
    tiktok = lane_counts(qtbot, tasks, session_factory, owner, platform="tiktok")
    assert douyin == {"overdue": 1, "within_4h": 1, "today": 0, "tomorrow": 1, "later": 1}
    assert tiktok == {"overdue": 1, "within_4h": 1, "today": 1, "tomorrow": 0, "later": 1}


def test_the_refund_queue_of_a_tiktok_shop_reads_under_tiktoks_rule_set(
    qtbot, english, tasks, session_factory, owner
) -> None:
    view = RefundQueueView(tasks, session_factory, owner, platform="tiktok")
    qtbot.addWidget(view)
    assert view.rules() == rules_for("tiktok")
    assert RefundQueueView(tasks, session_factory, owner).rules() == rules_for("douyin")
