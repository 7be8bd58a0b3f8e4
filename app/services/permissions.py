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
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEvent
from app.services.refusal import Refusal
from app.sync.codes import QT_TRANSLATE_NOOP

SHANGHAI_OFFSET_S = 8 * 3600  # China keeps no daylight saving time
DAY_S = 86_400
REFUND_APPROVED_ACTION = "refund.approve"


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
    VIEW_DASHBOARD = "view_dashboard"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_SHOP_CONNECTION = "manage_shop_connection"
    VIEW_AUDIT = "view_audit"


_OWNER = frozenset({Role.OWNER})
_OWNER_CLERK = frozenset({Role.OWNER, Role.CLERK})
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
        Action.VIEW_DASHBOARD: _OWNER_CLERK,
        Action.MANAGE_USERS: _OWNER,
        Action.MANAGE_SETTINGS: _OWNER,
        Action.MANAGE_SHOP_CONNECTION: _OWNER,
        Action.VIEW_AUDIT: _OWNER,
    }
)

MONEY_ACTIONS = frozenset({Action.DECIDE_REFUND, Action.REFUSE_REFUND_AND_SHIP})
DAILY_LIMITED_ACTIONS = frozenset({Action.DECIDE_REFUND})

MSG_ROLE = QT_TRANSLATE_NOOP("accounts", "Your role does not allow this. Ask the shop owner.")
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
    """The signed-in person, as the services see them (a snapshot taken at sign-in)."""

    user_id: int
    username: str
    display_name: str
    role: Role
    refund_limit_single_fen: int | None
    refund_limit_daily_fen: int | None


class PermissionDenied(Refusal):
    """What the person may not do, in plain words (context "accounts")."""

    def __init__(self, message: str, action: Action, params: Mapping[str, object] | None = None) -> None:
        self.action = action
        super().__init__(message, params)


def yuan(fen: int) -> str:
    """Fen written as yuan for messages: 12345 -> "¥123.45"."""
    sign = "-" if fen < 0 else ""
    return f"{sign}¥{abs(fen) // 100}.{abs(fen) % 100:02d}"


def allowed(actor: Actor, action: Action) -> bool:
    """Whether the actor's role may take `action` at all (limits are not looked at)."""
    return Role(actor.role) in PERMISSIONS[action]


def check(actor: Actor, action: Action, *, amount_fen: int | None = None, spent_today_fen: int = 0) -> None:
    """Raise PermissionDenied unless `actor` may take `action` (see the module docstring)."""
    if not allowed(actor, action):
        raise PermissionDenied(MSG_ROLE, action)
    if action not in MONEY_ACTIONS or amount_fen is None or Role(actor.role) == Role.OWNER:
        return
    single, daily = actor.refund_limit_single_fen, actor.refund_limit_daily_fen
    if single is None or daily is None:
        raise PermissionDenied(MSG_NO_LIMIT, action)
    if amount_fen > single:
        raise PermissionDenied(MSG_OVER_SINGLE, action, {"amount": yuan(amount_fen), "limit": yuan(single)})
    if action in DAILY_LIMITED_ACTIONS and spent_today_fen + amount_fen > daily:
        raise PermissionDenied(
            MSG_OVER_DAILY,
            action,
            {"amount": yuan(amount_fen), "total": yuan(spent_today_fen + amount_fen), "limit": yuan(daily)},
        )


def shanghai_day_start(now: int) -> int:
    """The UTC instant of 00:00 Asia/Shanghai on the day that contains `now`."""
    return now - (now + SHANGHAI_OFFSET_S) % DAY_S


def refunds_approved_today(session: Session, actor: Actor, now: int) -> int:
    """Fen of refunds `actor` approved since 00:00 Asia/Shanghai, read from the audit
    trail (events "refund.approve" whose `after` JSON carries "refund_amount")."""
    start = shanghai_day_start(now)
    afters = session.scalars(
        select(AuditEvent.after).where(
            AuditEvent.actor_id == actor.user_id,
            AuditEvent.action == REFUND_APPROVED_ACTION,
            AuditEvent.at >= start,
            AuditEvent.at < start + DAY_S,
        )
    )
    total = 0
    for after in afters:
        try:
            amount = json.loads(after).get("refund_amount", 0) if after else 0
        except (ValueError, AttributeError):
            amount = 0
        if isinstance(amount, int) and not isinstance(amount, bool):
            total += amount
    return total
