"""What a request's state change means for the service metrics, in the app's words.

Owns the conditions, as SQL over one row of `after_sale_status_changes` joined to its
request, that `queries.after_sale_changes` turns into 0/1 flags: the change ends the
request's first review, gives it a final answer (and whether that was a refusal), or is
the platform agreeing on the shop's behalf at a deadline (a timeout approval). They read
the request's `kind` and the change's `from_state`/`to_state` (app/core/vocabulary.py),
never the platform's codes; what a decision or the platform's timeout leads to is
`app.services.refunds.outcomes`, the app's one expectation of it.

After-sale times come from these changes. A request first seen already past "awaiting
the shop" (the 90-day backfill, or one that moved between two pulls) has one change
from nothing whose `at` is the record's `update_time`, so the moment it reached that
state is taken to be its `update_time`: exact when the state was its last change, later
than the truth when the request changed again before it was first pulled; until the
history backfill (app/sync/history_backfill.py) replaces it with the changes the
request's history holds, from its application (coverage.py says which days still lack
them). Such a change
ends a review only if its state is one a review leads to directly (agreed, refused, or
the timeout's outcome); a refund before shipment first seen refunded within
`fast_refund_within_s` of its application was a fast refund (no review): it counts as a
refund, never as a review or a decision (RULES.md "Service metrics"; the choices are ours).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, case, exists, func, not_, or_, select, tuple_
from sqlalchemy.orm import aliased

from app.core.vocabulary import RequestKind, RequestState
from app.models import AfterSale, AfterSaleStatusChange, OutboxOperation
from app.models import outbox as outbox_state
from app.services import outbox
from app.services.refunds.outcomes import decision_outcomes, timeout_outcomes

if TYPE_CHECKING:
    from app.services.metrics.queries import Scope

S = RequestState
AWAITING = S.AWAITING_SHOP.value
REFUNDED = S.REFUNDED.value
# States in which a request has its final answer: refunded, replacement going ahead or
# done, refused (at review or after the return). Closed (withdrawn, never returned) is no
# answer from the shop or the platform.
DECIDED = [
    S.REFUNDED.value,
    S.REPLACEMENT_IN_PROGRESS.value,
    S.REPLACEMENT_DONE.value,
    S.REFUSED.value,
    S.REFUSED_AFTER_RETURN.value,
]
REFUSED = [S.REFUSED.value, S.REFUSED_AFTER_RETURN.value]
# The states the platform moves on its own at a deadline.
TIMEOUT_SOURCES = sorted({source.value for _, source in timeout_outcomes()})  # (the same on every platform)


def first_seen(change: Any) -> ColumnElement[bool]:
    """The change is the request's first mirrored version: it has no code before it, and
    no state. (Neither alone can tell: `from_state` is empty too after a code the
    platform's adapter has no word for, and the code is empty too in a change read from
    the request's history, app/sync/history_backfill.py, whose entries name no codes.
    Only the code's presence is read, never its value.)"""
    return and_(change.from_status.is_(None), change.from_state.is_(None))


def _review_outcomes(platform: str) -> dict[str, list[str]]:
    """For each request kind, the states it reaches straight from "awaiting the shop": by
    the shop's decisions or the platform's timeout, on `platform` (outcomes.py)."""
    outcomes: dict[str, set[str]] = {}
    for moves in (*decision_outcomes(platform).values(), timeout_outcomes(platform)):
        for (kind, source), target in moves.items():
            if source == S.AWAITING_SHOP:
                outcomes.setdefault(kind.value, set()).add(target.value)
    return {kind: sorted(targets) for kind, targets in outcomes.items()}


def _outcome_of_review(
    kind: SQLColumnExpression[str | None], state: SQLColumnExpression[str | None], platform: str
) -> ColumnElement[bool]:
    """Whether `state` is one a request of `kind` reaches straight from "awaiting the shop"."""
    return or_(*(and_(kind == k, state.in_(targets)) for k, targets in _review_outcomes(platform).items()))


def _fast_refund(change: Any, scope: Scope) -> ColumnElement[bool]:
    return and_(
        first_seen(change),
        AfterSale.kind == RequestKind.REFUND_BEFORE_SHIPMENT.value,
        change.to_state == REFUNDED,
        change.at - AfterSale.apply_time <= scope.rules.metrics.fast_refund_within_s,
    )


def _ends_review(change: Any, scope: Scope) -> ColumnElement[bool]:
    """The change ends the request's review: it left "awaiting the shop" by an answer (not
    closed by the buyer), or, first seen already answered, is in an outcome a review
    leads to directly (and was no fast refund); see the module docstring."""
    return or_(
        and_(change.from_state == AWAITING, change.to_state.is_distinct_from(S.CLOSED.value)),
        and_(
            first_seen(change),
            _outcome_of_review(AfterSale.kind, change.to_state, scope.rules.platform),
            not_(_fast_refund(change, scope)),
        ),
    )


Condition = Callable[[Any, "Scope"], ColumnElement[bool]]


def _first(change: Any, condition: Condition, scope: Scope) -> ColumnElement[bool]:
    """`condition` holds for `change` and for no earlier change of the same request.
    A request's changes are appended in the order they happened (the ingest records one
    only from a version at least as new as the stored one), so earlier means a lower id."""
    earlier = aliased(AfterSaleStatusChange)
    return and_(
        condition(change, scope),
        ~exists().where(
            earlier.aftersale_id == change.aftersale_id, earlier.id < change.id, condition(earlier, scope)
        ),
    )


def ends_first_review(change: Any, scope: Scope) -> ColumnElement[bool]:
    """The change ends the request's first review: a buyer who changes a request sends it
    back to the shop, and only the first review counts."""
    return _first(change, _ends_review, scope)


def gives_final_answer(change: Any, scope: Scope) -> ColumnElement[bool]:
    """The request reached a final answer (`DECIDED`) from a state that was none (so a
    replacement going ahead, then done, is decided once; a request the buyer reopened after
    a refusal and that was decided again counts twice); a fast refund is nobody's decision."""
    return and_(
        change.to_state.in_(DECIDED),
        or_(change.from_state.is_(None), change.from_state.not_in(DECIDED)),
        not_(_fast_refund(change, scope)),
    )


def timeout_approval(change: Any, scope: Scope) -> ColumnElement[bool]:
    """The platform agreed on the shop's behalf: the change is the platform's timeout
    move (`outcomes.timeout_outcomes`, the shop's platform's, from "awaiting the shop" or "returned, awaiting
    inspection"), at or after the deadline the mirror had for the old state (for "awaiting
    the shop" without one: application + the rule set's fallback hours), and no decision
    of this app's for that state was confirmed by the platform (an outbox operation
    done; a decision that found the platform had agreed on its own ends in "conflict",
    not "done": app/sync/push.py, so it counts here). A request first seen in the
    timeout's outcome of "awaiting the shop" counts when its `update_time` is at or
    after application + the fallback."""
    fallback = AfterSale.apply_time + scope.rules.after_sales.status_deadline_fallback_s
    seen_first = first_seen(change)
    left = case((seen_first, AWAITING), else_=change.from_state)
    moves = [
        and_(AfterSale.kind == kind.value, left == source.value, change.to_state == target.value)
        for (kind, source), target in timeout_outcomes(scope.rules.platform).items()
    ]
    deadline = case(
        (seen_first, fallback),
        else_=func.coalesce(
            func.nullif(change.from_deadline, 0), case((change.from_state == AWAITING, fallback))
        ),
    )
    return and_(or_(*moves), change.at >= deadline, _not_decided_here(change.aftersale_id, left))


def _not_decided_here(aftersale_id: ColumnElement[str], state: ColumnElement[str]) -> ColumnElement[bool]:
    """No decision of this app's on the request in `state` was confirmed by the platform.
    One set of (request, state) the app's confirmed decisions left, built once: a probe per
    row would walk every finished operation."""
    decided_here = select(OutboxOperation.entity_id, OutboxOperation.expected_from_state).where(
        OutboxOperation.entity_type == outbox.REQUEST,
        OutboxOperation.action == outbox.DECIDE,
        OutboxOperation.state == outbox_state.DONE,
        OutboxOperation.expected_from_state.is_not(None),
    )
    return tuple_(aftersale_id, state).not_in(decided_here)
