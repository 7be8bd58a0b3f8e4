"""Who may do what: roles, actions, the one permission table, and refund limits.

Owns `PERMISSIONS`, the single table every screen and service asks (screens to grey
out what a person may not do, services to refuse it whatever the screen showed), the
`Actor` value that stands for the signed-in person, and the money rules for clerks.

Money rules. Deciding a refund (`DECIDE_REFUND`) and refusing one to ship anyway
(`REFUSE_REFUND_AND_SHIP`) put money at stake, so for a clerk both are checked against
the owner's limits; the owner has no limit.
- Single limit: a decision on `amount_fen` is allowed while amount ≤ the single limit.
- Daily limit: money a clerk approves leaves the shop, so for `DECIDE_REFUND` the
  refunds the clerk already approved today (`refunds_approved_today`, from the audit
  trail, days in Asia/Shanghai) plus this one must stay ≤ the daily limit. Refusing
  spends nothing: a caller checking a refusal passes `spent_today_fen=0`.
- A limit of None means "not set": the owner has not handed money decisions to this
  clerk yet, so such refunds need the owner. A clerk needs both limits set.
`check()` without `amount_fen` checks the role only (enough to enable a button); the
service carrying out a decision always passes the amount.

The person as they are now. An `Actor` is what the sign-in saw; the owner may switch
the person off, change their role or cut their limits at another desk a minute later.
So the services do not trust it: `authorise()` reads the person's record inside the
caller's transaction and checks that, refusing a switched-off or re-roled person
("sign in again") and applying the limits as they are now. For money it also locks
the record (`lock_person`), so a clerk's limit check and the approval it allows are
one step even when two desks approve at the same moment.

Which approvals spend money. Every event "refund.approve", and every "outbox.reapply"
that sends a paying decision again (`PAYING_DECISIONS`, carried in the event's
`after`), counts on the day it is made. An approval applied again on the day it was
first made is the same money: the later event refers to the earlier one, and only the
difference (if the buyer raised the amount) is added.

Where each action is enforced (tests/test_permission_table.py walks the whole table
through these services alone, every action for every role):
- DECIDE_REFUND, REFUSE_REFUND_AND_SHIP, SHIP_ORDER: refund_decisions, shipping,
  needs_attention (applying again) and outbox.discard, in the decision's transaction.
- MANAGE_USERS: every command of accounts. MANAGE_SETTINGS: audit.record_settings_change,
  the one way a settings change enters the trail. MANAGE_SHOP_CONNECTION:
  shop_setup.switch_shop and shop_database's saving, checked before anything is written.
  VIEW_AUDIT: audit.list_events, actions_in_use and export_csv.
  HAND_TO_OWNER, HAND_BACK_TO_CLERK: owner_handover.hand_to_owner and hand_back.
- The VIEW_* screens read through many small queries, so the check sits at the
  session: `reading_sessions()` hands a screen a session factory whose every
  transaction first checks the person's current record for the screen's action.
  VIEW_DASHBOARD is also checked by metrics.compute_metrics for the person it is given.
- VIEW_MONEY: metrics.compute_metrics leaves money figures out for anyone else,
  metric_drill_down.drill_down refuses the rows behind one, and
  shipping_board.list_board hands them rows without amounts (see "Who sees what").
  The table walk asks for the money rows; tests/test_who_sees_what.py checks that
  the figures, the board, the screens and the exports leave the money out.

Who sees what. The service figures are everyone's (VIEW_DASHBOARD): they are how the
platform judges the shop, and each role's work is among them — a clerk's review time,
refund duration, timeout approvals and rejections, the warehouse's ship time, late and
pickup-timeout rates — and the experience-score estimate is all of them together, so
everyone sees it and every dimension of it. Money at stake is the owner's (VIEW_MONEY):
what late orders cost (late compensation on the dashboard, its rows and its exports)
and what shipping late would cost per order (the shipping board's two amount columns
and the amounts in its tooltips). A request's own refund amount is not money at stake
but the request itself: a clerk needs it to decide, and their limits are in money, so
the refund queue shows it to whoever may decide (DECIDE_REFUND); the warehouse's board,
its refund dialog and shipping's refusal name the request that blocks an order without
its amount (the warehouse needs to know that it blocks, not how much). An order's own
record (its price, its requests) stays on the orders screen for everyone who reads
orders (VIEW_ORDERS): it is the order, not what it costs the shop. Figures that are not
money (counts, hours, rates, points) stay visible to all; a screen leaves out what
the person may not see rather than showing it greyed.

Discarding. Dropping an operation the platform would not take is deciding about it
again, so it needs the permission the operation needed: a refund decision
`DECIDE_REFUND` (whoever made it), a shipment `SHIP_ORDER` (`DISCARD_NEEDS`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from sqlalchemy import Connection, event, select, update
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from app.core import shop_time
from app.core.money import CNY, money_text
from app.core.refusal import Refusal
from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import Decision
from app.models import AuditEvent, User

REFUND_APPROVED_ACTION = "refund.approve"
REAPPLY_ACTION = "outbox.reapply"
# Decisions that pay the buyer: approve a refund, accept returned goods and refund.
PAYING_DECISIONS = frozenset({Decision.APPROVE_REFUND, Decision.ACCEPT_RETURNED_GOODS})
# The same, as events written before the app's vocabulary carry them (Douyin's
# `afterSale.operate` types 201 and 111, kept here so old events keep counting).
MONEY_OPERATE_TYPES = frozenset({201, 111})


class Role(StrEnum):
    OWNER = "owner"
    CLERK = "clerk"
    WAREHOUSE = "warehouse"


ROLE_LABELS = {
    Role.OWNER: QT_TRANSLATE_NOOP("accounts", "Owner"),
    Role.CLERK: QT_TRANSLATE_NOOP("accounts", "Customer service"),
    Role.WAREHOUSE: QT_TRANSLATE_NOOP("accounts", "Warehouse"),
}


class Action(StrEnum):
    VIEW_ORDERS = "view_orders"
    VIEW_REFUND_QUEUE = "view_refund_queue"
    DECIDE_REFUND = "decide_refund"
    VIEW_SHIPPING_BOARD = "view_shipping_board"
    SHIP_ORDER = "ship_order"
    REFUSE_REFUND_AND_SHIP = "refuse_refund_and_ship"
    VIEW_DASHBOARD = "view_dashboard"  # the service figures (no money)
    VIEW_MONEY = "view_money"  # money at stake: late compensation, what shipping late would cost
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_SHOP_CONNECTION = "manage_shop_connection"
    VIEW_AUDIT = "view_audit"
    DISMISS_SET_ASIDE_RECORD = "dismiss_set_aside_record"  # a record the sync could not keep
    HAND_TO_OWNER = "hand_to_owner"  # a request beyond a clerk's limits, for the owner to decide
    HAND_BACK_TO_CLERK = "hand_back_to_clerk"  # the owner returns a handed request undecided


_OWNER = frozenset({Role.OWNER})
_OWNER_CLERK = frozenset({Role.OWNER, Role.CLERK})
_CLERK = frozenset({Role.CLERK})
_OWNER_WAREHOUSE = frozenset({Role.OWNER, Role.WAREHOUSE})
_EVERYONE = frozenset(Role)

PERMISSIONS: Mapping[Action, frozenset[Role]] = MappingProxyType(
    {
        Action.VIEW_ORDERS: _EVERYONE,  # the warehouse reads order details to pack
        Action.VIEW_REFUND_QUEUE: _OWNER_CLERK,
        Action.DECIDE_REFUND: _OWNER_CLERK,  # clerks within their limits
        Action.VIEW_SHIPPING_BOARD: _OWNER_WAREHOUSE,
        Action.SHIP_ORDER: _OWNER_WAREHOUSE,
        Action.REFUSE_REFUND_AND_SHIP: _OWNER_CLERK,  # clerks within their limits
        Action.VIEW_DASHBOARD: _EVERYONE,  # each role's work is among the figures
        Action.VIEW_MONEY: _OWNER,  # "Who sees what" in the module docstring
        Action.MANAGE_USERS: _OWNER,
        Action.MANAGE_SETTINGS: _OWNER,
        Action.MANAGE_SHOP_CONNECTION: _OWNER,
        Action.VIEW_AUDIT: _OWNER,
        Action.DISMISS_SET_ASIDE_RECORD: _OWNER,  # needs_attention.dismiss_set_aside
        Action.HAND_TO_OWNER: _CLERK,  # owner_handover.hand_to_owner (the owner has no one to hand to)
        Action.HAND_BACK_TO_CLERK: _OWNER,  # owner_handover.hand_back
    }
)

MONEY_ACTIONS = frozenset({Action.DECIDE_REFUND, Action.REFUSE_REFUND_AND_SHIP})
DAILY_LIMITED_ACTIONS = frozenset({Action.DECIDE_REFUND})
# What dropping an operation needs, by the entity it acts on (see the module docstring).
DISCARD_NEEDS: Mapping[str, Action] = MappingProxyType(
    {"after_sale": Action.DECIDE_REFUND, "order": Action.SHIP_ORDER}
)

MSG_ROLE = QT_TRANSLATE_NOOP("accounts", "Your role does not allow this. Ask the shop owner.")
MSG_ACTOR_CHANGED = QT_TRANSLATE_NOOP(
    "accounts", "Your account was switched off or changed by the owner. Please sign in again."
)
MSG_NO_LIMIT = QT_TRANSLATE_NOOP(
    "accounts", "The owner has not set refund limits for you, so the owner must decide this refund."
)
MSG_OVER_SINGLE = QT_TRANSLATE_NOOP(
    "accounts",
    "This refund ({amount}) is above your limit of {limit} for one refund. Ask the shop owner to decide it.",
)
MSG_OVER_DAILY = QT_TRANSLATE_NOOP(
    "accounts",
    "This refund ({amount}) would bring what you approved today to {total}, above your daily limit of "
    "{limit}. Ask the shop owner to decide it.",
)


@dataclass(frozen=True)
class Actor:
    """The signed-in person: a snapshot taken at sign-in, which `authorise` checks
    against the person's record as it is now."""

    user_id: int
    username: str
    display_name: str
    role: Role
    refund_limit_single_fen: int | None
    refund_limit_daily_fen: int | None


def actor_for(user: User) -> Actor:
    """The person's record as an Actor, its role and limits as they are in the record."""
    return Actor(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=Role(user.role),
        refund_limit_single_fen=user.refund_limit_single_fen,
        refund_limit_daily_fen=user.refund_limit_daily_fen,
    )


class PermissionDenied(Refusal):
    """What the person may not do, in plain words (context "accounts")."""

    def __init__(self, message: str, action: Action, params: Mapping[str, object] | None = None) -> None:
        self.action = action
        super().__init__(message, params)


def yuan(fen: int, currency: str = CNY) -> str:
    """An amount in minor units written for messages, in its currency: 12345 -> "¥123.45"
    (a TikTok shop's cents: "$123.45"). A limit counts in the shop's currency, as its
    requests' amounts do."""
    return money_text(fen, currency)


def allowed(actor: Actor, action: Action) -> bool:
    """Whether the actor's role may take `action` at all (limits are not looked at)."""
    return Role(actor.role) in PERMISSIONS[action]


def check(
    actor: Actor,
    action: Action,
    *,
    amount_fen: int | None = None,
    spent_today_fen: int = 0,
    currency: str = CNY,
) -> None:
    """Raise PermissionDenied unless `actor` may take `action` (see the module docstring);
    `currency`: the amount's, the words of a refusal name it in."""
    if not allowed(actor, action):
        raise PermissionDenied(MSG_ROLE, action)
    if action not in MONEY_ACTIONS or amount_fen is None or Role(actor.role) == Role.OWNER:
        return
    single, daily = actor.refund_limit_single_fen, actor.refund_limit_daily_fen
    if single is None or daily is None:
        raise PermissionDenied(MSG_NO_LIMIT, action)
    if amount_fen > single:
        raise PermissionDenied(
            MSG_OVER_SINGLE, action, {"amount": yuan(amount_fen, currency), "limit": yuan(single, currency)}
        )
    if action in DAILY_LIMITED_ACTIONS and spent_today_fen + amount_fen > daily:
        raise PermissionDenied(
            MSG_OVER_DAILY,
            action,
            {
                "amount": yuan(amount_fen, currency),
                "total": yuan(spent_today_fen + amount_fen, currency),
                "limit": yuan(daily, currency),
            },
        )


def lock_person(session: Session, user_id: int) -> User | None:
    """The person's record, locked until the caller's transaction ends, so checks that
    add up what the person did (the daily limit) and the write they allow are one step.
    PostgreSQL locks the row (SELECT … FOR UPDATE); SQLite has one writer at a time, and
    a no-op write takes its write lock now (as BEGIN IMMEDIATE would) rather than at the
    transaction's first insert, after the reading."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(
            update(User).where(User.id == user_id).values(id=User.id),
            execution_options={"synchronize_session": False},
        )
    return session.get(User, user_id, with_for_update=True, populate_existing=True)


def authorise(
    session: Session,
    actor: Actor,
    action: Action,
    *,
    amount_fen: int | None = None,
    spent_today_fen: int = 0,
    lock: bool = False,
    currency: str = CNY,
) -> Actor:
    """`check` on the person as their record is now, in the caller's transaction; returns
    that Actor (its limits are the current ones). Refuses someone switched off, removed, or
    whose role changed since they signed in. `lock` (money decisions) holds the record
    until the transaction ends (`lock_person`)."""
    check(actor, action)  # the sign-in's role alone already says no: no need to read
    if lock:
        user = lock_person(session, actor.user_id)
    else:
        user = session.get(User, actor.user_id, populate_existing=True)
    if user is None or _changed_since_sign_in(user, actor):
        raise PermissionDenied(MSG_ACTOR_CHANGED, action)
    current = actor_for(user)
    check(current, action, amount_fen=amount_fen, spent_today_fen=spent_today_fen, currency=currency)
    return current


def _changed_since_sign_in(record: Any, actor: Actor) -> bool:
    """Whether the person's record (a User, or a row of its role and active) no longer
    matches the sign-in: removed, switched off, or given another role."""
    return record is None or not record.active or record.role != Role(actor.role)


def reading_sessions(
    sessions: sessionmaker[Session],
    actor: Actor,
    action: Action,
    *,
    on_refused: Callable[[PermissionDenied], None] | None = None,
) -> sessionmaker[Session]:
    """Sessions like `sessions` for a screen that reads what `action` allows: each
    transaction starts by checking the person's current record (PermissionDenied), so a
    screen's reads stop the moment the owner switches the person off or changes their
    role, and a role the table refuses gets no data at all. `on_refused` hears of each
    refusal (on the thread that read), so the window can say why its screens stopped."""
    check(actor, action)
    reading = sessionmaker(**sessions.kw)

    @event.listens_for(reading, "after_begin")
    def _check_person(_session: Session, transaction: SessionTransaction, connection: Connection) -> None:
        if transaction.parent is not None:
            return  # a savepoint inside a transaction already checked
        found = connection.execute(select(User.role, User.active).where(User.id == actor.user_id)).first()
        if _changed_since_sign_in(found, actor):
            refused = PermissionDenied(MSG_ACTOR_CHANGED, action)
            if on_refused is not None:
                on_refused(refused)
            raise refused

    return reading


def refunds_approved_today(session: Session, actor: Actor, now: int, *, replacing: int | None = None) -> int:
    """Fen of refunds `actor` approved since 00:00 Asia/Shanghai, read from the audit
    trail: events "refund.approve", and "outbox.reapply" of an agreeing operation, whose
    `after` JSON carries "refund_amount"; an approval applied again the same day counts
    once (see the module docstring). `replacing`: the event of an approval about to be
    applied again, whose money is then left out (the new event will stand for it)."""
    start, end = shop_time.day_bounds(now)
    events = session.execute(
        select(AuditEvent.id, AuditEvent.action, AuditEvent.after, AuditEvent.refers_to)
        .where(
            AuditEvent.actor_id == actor.user_id,
            AuditEvent.action.in_((REFUND_APPROVED_ACTION, REAPPLY_ACTION)),
            AuditEvent.at >= start,
            AuditEvent.at < end,
        )
        .order_by(AuditEvent.id)
    )
    counted: dict[int, int] = {}  # event id -> the amount it stands for
    total = 0
    for event_id, action, after, refers_to in events:
        amount = _spent_by(action, after)
        if amount is None:
            continue
        already = counted.get(refers_to, 0) if refers_to is not None else 0
        total += max(0, amount - already)
        counted[event_id] = max(amount, already)
    return total - (counted.get(replacing, 0) if replacing is not None else 0)


def _spent_by(action: str, after: str) -> int | None:
    """The fen an approval event spends; None for an event that spends nothing."""
    try:
        details = json.loads(after) if after else {}
    except ValueError:
        return None
    if not isinstance(details, dict):
        return None
    if action == REAPPLY_ACTION and not _pays(details):
        return None  # a refusal, a return or a shipment sent again: no money
    amount = details.get("refund_amount", 0)
    return amount if isinstance(amount, int) and not isinstance(amount, bool) else 0


def _pays(details: dict[str, Any]) -> bool:
    """Whether a decision recorded in an event's `after` pays the buyer."""
    return details.get("decision") in PAYING_DECISIONS or details.get("operate_type") in MONEY_OPERATE_TYPES
