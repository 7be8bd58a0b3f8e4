"""Who may do what: the whole action × role matrix, and clerks' refund limits at their edges."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.db import open_database
from app.services.people import audit
from app.services.people.permissions import (
    MSG_NO_LIMIT,
    MSG_OVER_DAILY,
    MSG_OVER_SINGLE,
    MSG_ROLE,
    Action,
    Actor,
    PermissionDenied,
    Role,
    allowed,
    check,
    refunds_approved_today,
)

OW, CL, WH = "owner", "clerk", "warehouse"

# Written out by hand from the Roles section of ARCHITECTURE.md, not derived from PERMISSIONS.
EXPECTED: dict[str, set[str]] = {
    "view_orders": {OW, CL, WH},
    "view_refund_queue": {OW, CL},
    "decide_refund": {OW, CL},
    "view_shipping_board": {OW, WH},
    "ship_order": {OW, WH},
    "refuse_refund_and_ship": {OW, CL},
    "view_dashboard": {OW, CL, WH},  # the service figures judge everyone's work
    "view_money": {OW},  # money at stake is the owner's
    "manage_users": {OW},
    "manage_settings": {OW},
    "manage_shop_connection": {OW},
    "view_audit": {OW},
    "dismiss_set_aside_record": {OW},  # the owner: everything else
    "hand_to_owner": {CL},  # a request beyond the clerk's limits; the owner has no one to hand to
    "hand_back_to_clerk": {OW},
}
SHANGHAI = timezone(timedelta(hours=8))


def person(role: str, single: int | None = None, daily: int | None = None, user_id: int = 1) -> Actor:
    return Actor(user_id, f"{role}{user_id}", f"{role} {user_id}", Role(role), single, daily)


def test_the_expected_table_names_every_action_there_is() -> None:
    assert set(EXPECTED) == {action.value for action in Action}


@pytest.mark.parametrize("role", [OW, CL, WH])
@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_each_role_may_take_exactly_the_actions_in_the_table(action: str, role: str) -> None:
    actor = person(role, single=1_000_000, daily=10_000_000)
    may = role in EXPECTED[action]
    assert allowed(actor, Action(action)) is may
    if may:
        check(actor, Action(action))
    else:
        with pytest.raises(PermissionDenied) as refused:
            check(actor, Action(action))
        assert refused.value.message == MSG_ROLE and refused.value.action == Action(action)


CLERK = person(CL, single=100_00, daily=300_00)


@pytest.mark.parametrize("action", [Action.DECIDE_REFUND, Action.REFUSE_REFUND_AND_SHIP])
def test_a_clerk_may_decide_up_to_the_single_limit_and_not_one_fen_more(action: Action) -> None:
    check(CLERK, action, amount_fen=100_00)
    with pytest.raises(PermissionDenied) as refused:
        check(CLERK, action, amount_fen=100_01)
    assert refused.value.message == MSG_OVER_SINGLE
    assert str(refused.value) == (
        "This refund (¥100.01) is above your limit of ¥100.00 for one refund. "
        "Ask the shop owner to decide it."
    )


def test_a_clerks_approvals_today_may_reach_the_daily_limit_and_not_pass_it() -> None:
    check(CLERK, Action.DECIDE_REFUND, amount_fen=100_00, spent_today_fen=200_00)
    with pytest.raises(PermissionDenied) as refused:
        check(CLERK, Action.DECIDE_REFUND, amount_fen=100_00, spent_today_fen=200_01)
    assert refused.value.message == MSG_OVER_DAILY
    assert refused.value.params == {"amount": "¥100.00", "total": "¥300.01", "limit": "¥300.00"}


def test_refusing_a_refund_to_ship_spends_nothing_so_only_the_single_limit_applies() -> None:
    check(CLERK, Action.REFUSE_REFUND_AND_SHIP, amount_fen=100_00, spent_today_fen=300_00)


@pytest.mark.parametrize("limits", [(None, None), (100_00, None), (None, 300_00)])
def test_a_clerk_without_both_limits_set_leaves_every_refund_to_the_owner(
    limits: tuple[int | None, int | None],
) -> None:
    clerk = person(CL, *limits)
    for action in (Action.DECIDE_REFUND, Action.REFUSE_REFUND_AND_SHIP):
        with pytest.raises(PermissionDenied) as refused:
            check(clerk, action, amount_fen=1)
        assert refused.value.message == MSG_NO_LIMIT
        check(clerk, action)  # the role alone still allows opening the decision


@pytest.mark.parametrize("limits", [(None, None), (1, 1)])
def test_the_owner_has_no_refund_limit(limits: tuple[int | None, int | None]) -> None:
    owner = person(OW, *limits)
    check(owner, Action.DECIDE_REFUND, amount_fen=10**9, spent_today_fen=10**12)
    check(owner, Action.REFUSE_REFUND_AND_SHIP, amount_fen=10**9)


def test_the_warehouse_may_not_decide_refunds_whatever_limits_it_has() -> None:
    with pytest.raises(PermissionDenied) as refused:
        check(person(WH, 10**9, 10**9), Action.DECIDE_REFUND, amount_fen=1)
    assert refused.value.message == MSG_ROLE


def test_refunds_approved_today_adds_this_persons_approvals_since_shanghai_midnight(
    database_url: str,
) -> None:
    _, sessions = open_database(database_url)
    clerk, other = person(CL, user_id=2), person(CL, user_id=3)
    midnight = int(datetime(2026, 11, 22, tzinfo=SHANGHAI).timestamp())
    now = midnight + 15 * 3600
    with sessions.begin() as session:
        for actor, action, at, amount in [
            (clerk, audit.REFUND_APPROVE, midnight - 1, 1_000),  # yesterday
            (clerk, audit.REFUND_APPROVE, midnight, 2_000),
            (clerk, audit.REFUND_APPROVE, now, 3_000),
            (clerk, audit.REFUND_REFUSE, now, 4_000),  # refused: nothing spent
            (other, audit.REFUND_APPROVE, now, 5_000),  # someone else
        ]:
            audit.record(session, actor, action, after={"refund_amount": amount}, now=at)
    with sessions() as session:
        assert refunds_approved_today(session, clerk, now) == 5_000
        assert refunds_approved_today(session, other, now) == 5_000
        assert refunds_approved_today(session, clerk, midnight - 1) == 1_000
