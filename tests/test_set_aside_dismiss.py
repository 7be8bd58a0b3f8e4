"""The owner dismisses a set-aside record once dealt with; the raw record stays kept.

A record the sync set aside stays in "needs attention" until the platform sends it
corrected, or until the owner, having read it (and, say, fixed the order in the
platform's own back office), dismisses it: the row leaves the list, the raw record and
who dismissed it when stay in `quarantined_records`, and the audit trail says so. Only
the owner may, checked in the service on the person's current record. The overlap
window meeting the same bad version again leaves it dismissed; a later bad version of
the same record is listed again. Real sandbox over HTTP, real SQLite and PostgreSQL,
the real screen offscreen.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db import open_database
from app.models import AuditEvent, QuarantinedRecord
from app.platforms.douyin.client import Outcome
from app.services.attention import needs_attention
from app.services.attention.needs_attention import MSG_SET_ASIDE_GONE, SET_ASIDE_DISMISS, SetAsideGone
from app.services.people import accounts
from app.services.people.permissions import MSG_ACTOR_CHANGED, MSG_ROLE, Action, Actor, PermissionDenied, Role
from app.sync import quarantine
from app.sync.engine import SyncEngine
from app.sync.quarantine import REASON_NUMBER_TOO_BIG, SetAside
from app.views.attention.view import NeedsAttentionView
from tests.builders import NOW
from tests.fixtures_views import OWNER_PASSWORD, actor_of, add_person
from tests.sandbox_control import demo_platform, inject
from tests.test_sync_quarantine import PLANTED_ID, planted_order

BAD_ORDER = {"order_id": "6999000000000000007", "update_time": NOW - 600, "pay_amount": 2**64}


def keep(sessions: sessionmaker[Session], record: dict, *, at: int = NOW - 3600) -> int:
    """What the sync does with a record the database cannot hold; returns its row's id."""
    with sessions.begin() as session:
        kept = SetAside(record, record["order_id"], record["update_time"], REASON_NUMBER_TOO_BIG, "pay")
        quarantine.keep(session, "orders", [kept], at)
        return session.scalars(select(QuarantinedRecord.id).order_by(QuarantinedRecord.id.desc())).first()


def listed(sessions: sessionmaker[Session]) -> list[str]:
    with sessions() as session:
        return [record.record_id for record in needs_attention.set_aside_records(session)]


def dismiss(sessions: sessionmaker[Session], actor: Actor, row_id: int, now: int = NOW) -> None:
    with sessions.begin() as session:
        needs_attention.dismiss_set_aside(session, actor, row_id, now=now)


def owner_of(sessions: sessionmaker[Session]) -> Actor:
    with sessions.begin() as session:
        return accounts.create_owner(session, "xiaolin", "小林", OWNER_PASSWORD, now=NOW - 86_400)


def test_the_owner_dismisses_a_set_aside_record_and_the_sync_does_not_bring_it_back(
    sandbox_url: str, database_url: str
) -> None:
    _, sessions = open_database(database_url)
    owner = owner_of(sessions)
    engine = SyncEngine(demo_platform(sandbox_url), sessions)
    bad = planted_order(sandbox_url, pay_amount=2**64)
    inject(sandbox_url, "plant_record", method="order.searchList", record=bad)
    assert engine.run_once().outcome is Outcome.DONE
    assert listed(sessions) == [PLANTED_ID]
    with sessions() as session:
        (row,) = needs_attention.set_aside_records(session)
    dismiss(sessions, owner, row.id, now=NOW + 5)
    assert listed(sessions) == []
    with sessions() as session:
        kept = session.get(QuarantinedRecord, row.id)
        assert (kept.dismissed_at, kept.dismissed_by) == (NOW + 5, owner.user_id)
        assert json.loads(kept.raw) == bad  # the raw record stays, as received
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == SET_ASIDE_DISMISS)).one()
    assert (event.actor_id, event.at) == (owner.user_id, NOW + 5)
    assert (event.entity_type, event.entity_id) == ("order", PLANTED_ID)
    assert json.loads(event.before)["set_aside"] == row.id
    # The overlap window meets the same bad version again: it stays dismissed.
    inject(sandbox_url, "plant_record", method="order.searchList", record=bad)
    assert engine.run_once().outcome is Outcome.DONE
    assert listed(sessions) == []
    # A later bad version of the same order is listed again.
    later = {**bad, "update_time": bad["update_time"] + 30, "pay_amount": 2**65}
    inject(sandbox_url, "plant_record", method="order.searchList", record=later)
    assert engine.run_once().outcome is Outcome.DONE
    assert listed(sessions) == [PLANTED_ID]


@pytest.mark.parametrize("role", [Role.CLERK, Role.WAREHOUSE])
def test_only_the_owner_may_dismiss_a_set_aside_record(
    session_factory: sessionmaker[Session], owner: Actor, role: Role
) -> None:
    row_id = keep(session_factory, BAD_ORDER)
    person = actor_of(add_person(session_factory, owner, "li", "Li", role, refund_limit_single_fen=1,
                                 refund_limit_daily_fen=1))  # fmt: skip
    with pytest.raises(PermissionDenied) as refused:
        dismiss(session_factory, person, row_id)
    assert refused.value.message == MSG_ROLE and refused.value.action == Action.DISMISS_SET_ASIDE_RECORD
    assert listed(session_factory) == [BAD_ORDER["order_id"]]
    with session_factory() as session:
        assert session.scalars(select(AuditEvent).where(AuditEvent.action == SET_ASIDE_DISMISS)).all() == []


def test_an_owner_switched_off_at_another_desk_can_no_longer_dismiss(
    session_factory: sessionmaker[Session], owner: Actor
) -> None:
    row_id = keep(session_factory, BAD_ORDER)
    second = actor_of(add_person(session_factory, owner, "wang", "Wang", Role.OWNER))
    with session_factory.begin() as session:
        accounts.set_active(session, owner, second.user_id, False, now=NOW)
    with pytest.raises(PermissionDenied) as refused:
        dismiss(session_factory, second, row_id)
    assert refused.value.message == MSG_ACTOR_CHANGED
    assert listed(session_factory) == [BAD_ORDER["order_id"]]


def test_a_record_already_off_the_list_cannot_be_dismissed_again(
    session_factory: sessionmaker[Session], owner: Actor
) -> None:
    row_id = keep(session_factory, BAD_ORDER)
    dismiss(session_factory, owner, row_id)
    with pytest.raises(SetAsideGone) as refused:
        dismiss(session_factory, owner, row_id)
    assert refused.value.message == MSG_SET_ASIDE_GONE
    resolved_id = keep(session_factory, {**BAD_ORDER, "order_id": "6999000000000000008"})
    with session_factory.begin() as session:
        quarantine.resolve(session, "orders", ["6999000000000000008"], NOW)
    with pytest.raises(SetAsideGone):
        dismiss(session_factory, owner, resolved_id)


def test_the_same_bad_version_sent_again_after_a_good_one_is_listed_again_though_once_dismissed(
    session_factory: sessionmaker[Session], owner: Actor
) -> None:
    row_id = keep(session_factory, BAD_ORDER)
    dismiss(session_factory, owner, row_id)
    with session_factory.begin() as session:  # a good version was stored since
        quarantine.resolve(session, "orders", [BAD_ORDER["order_id"]], NOW + 10)
    keep(session_factory, BAD_ORDER, at=NOW + 20)  # and then the very same bad one again
    assert listed(session_factory) == [BAD_ORDER["order_id"]]


def make_view(qtbot, tasks, session_factory, actor: Actor) -> NeedsAttentionView:
    view = NeedsAttentionView(tasks, session_factory, actor, clock=lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1200, 520)
    view.show()
    qtbot.waitUntil(lambda: len(view.set_aside()) == 1, timeout=5_000)
    return view


def test_the_owner_dismisses_a_set_aside_record_from_needs_attention(
    qtbot, english, tasks, session_factory, owner
) -> None:
    keep(session_factory, BAD_ORDER)
    view = make_view(qtbot, tasks, session_factory, owner)
    assert view.screen_title() == "Needs attention (1)"
    assert view.dismiss_set_aside_button.isVisibleTo(view)
    assert not view.dismiss_set_aside_button.isEnabled()  # nothing chosen yet
    view.set_aside_table.selectRow(0)
    assert view.dismiss_set_aside_button.isEnabled()
    assert view.dismiss_set_aside_button.text() == "Dismiss"
    with qtbot.waitSignal(view.set_aside_loaded, timeout=5_000):
        view.dismiss_set_aside_button.click()
    assert view.set_aside() == [] and view.screen_title() == "Needs attention"
    assert not view.set_aside_table.isVisibleTo(view)
    with session_factory() as session:
        assert session.scalars(select(AuditEvent).where(AuditEvent.action == SET_ASIDE_DISMISS)).one()


def test_a_clerk_sees_set_aside_records_but_cannot_dismiss_them(
    qtbot, english, tasks, session_factory, owner
) -> None:
    keep(session_factory, BAD_ORDER)
    clerk = actor_of(add_person(session_factory, owner, "li", "Li", Role.CLERK))
    view = make_view(qtbot, tasks, session_factory, clerk)
    view.set_aside_table.selectRow(0)
    assert not view.dismiss_set_aside_button.isEnabled()
    assert "owner" in view.dismiss_set_aside_button.toolTip()
