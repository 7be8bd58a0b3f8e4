"""A shop's own rule set on top of its platform's (issue 18): added by the owner from a date,
kept in the shop's database, audited, and taken by every computation from that date on."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.vocabulary import RequestKind, RequestState
from app.services.people import audit
from app.services.people.audit import AuditFilter
from app.services.people.permissions import PermissionDenied, Role
from app.services.refunds.after_sale_rules import Facts, assess
from app.services.rule_history.shop_sets import (
    RULE_SET_ADD,
    ShopRuleSetRefused,
    add_shop_rule_set,
    shop_rule_sets,
    shop_rules_in_force,
)
from app.services.rules import HOUR_S
from tests.fixtures_views import PEOPLE_NOW, actor_of, add_person
from tests.rule_history_sets import at

TODAY = date(2026, 12, 8)
WINDOW = "after_sales.no_reason_window_hours"


def add(session_factory, actor, name="30天无理由", effective=date(2026, 12, 20), values=((WINDOW, 720),)):
    with session_factory.begin() as session:
        return add_shop_rule_set(
            session,
            actor,
            "douyin",
            name=name,
            effective=effective,
            values=values,
            note="本店承诺 30 天无理由",
            today=TODAY,
            now=PEOPLE_NOW,
        )


def test_the_owners_set_is_kept_audited_and_in_force_from_its_date(session_factory, owner) -> None:
    add(session_factory, owner)
    with session_factory() as session:
        (kept,) = shop_rule_sets(session)
        (event,) = audit.list_events(session, owner, AuditFilter(action_prefix=RULE_SET_ADD))
    assert (kept.name, kept.effective, kept.values) == ("30天无理由", date(2026, 12, 20), ((WINDOW, 720),))
    assert (event.entity_id, event.actor_name) == ("30天无理由", "小林") and '"720"' not in event.after
    assert '"after_sales.no_reason_window_hours":720' in event.after

    rules = shop_rules_in_force(session_factory, "douyin", at=at(date(2026, 12, 25)))
    # Delivered ten days before the application: outside the platform's 7 days, inside the shop's 30.
    for applied, window_open, rule_set in [
        (at(date(2026, 12, 19), 12), False, "douyin-2026-12"),
        (at(date(2026, 12, 20), 12), True, "douyin-2026-12+30天无理由"),
    ]:
        facts = Facts(
            kind=RequestKind.RETURN_AND_REFUND,
            state=RequestState.AWAITING_SHOP,
            reason_text="七天无理由",
            product_name="纯棉短袖T恤",
            apply_time=applied,
            has_tracking=True,
            receipt_time=applied - 240 * HOUR_S,
        )
        found = assess(facts, applied, rules)
        assert (found.window_open, found.rule_set) == (window_open, rule_set)


@pytest.mark.parametrize(
    ("case", "changes", "words"),
    [
        ("no name", {"name": "  "}, "Give the shop's rule set a name"),
        ("a day already past", {"effective": date(2026, 12, 7)}, "the days already past keep the rules"),
        ("no value", {"values": ()}, "Set at least one value"),
        (
            "a value a shop does not set",
            {"values": (("default_ship_promise_hours", 24),)},
            "not a value a shop",
        ),
        ("not a positive number", {"values": ((WINDOW, 0),)}, "positive whole number"),
    ],
)
def test_a_set_that_cannot_be_added_says_why_and_keeps_nothing(
    session_factory, owner, case, changes, words
) -> None:
    with pytest.raises(ShopRuleSetRefused, match=words):
        add(session_factory, owner, **changes)
    with session_factory() as session:
        assert shop_rule_sets(session) == ()


def test_a_name_is_used_once(session_factory, owner) -> None:
    add(session_factory, owner)
    with pytest.raises(ShopRuleSetRefused, match="already has a rule set called 30天无理由"):
        add(session_factory, owner, effective=date(2027, 1, 1))


def test_only_the_owner_adds_one(session_factory, owner) -> None:
    clerk = actor_of(add_person(session_factory, owner, "xiaowang", "小王", Role.CLERK))
    with pytest.raises(PermissionDenied):
        add(session_factory, clerk)
    with session_factory() as session:
        assert shop_rule_sets(session) == ()
