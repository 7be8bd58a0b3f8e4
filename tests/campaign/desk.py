"""The shop's people in the campaign: decisions and shipments made through the app's own services.

Owns what a person at the desk does between two kills: look at the local mirror, pick a
request waiting for the shop or an order waiting to ship, and decide it or ship it with
the very service the screens call (`refund_decisions`, `shipping`), signed in as the
shop's owner, one transaction per decision. A decision the service refuses (the request
moved on, something is already queued for it) is simply not made, as on screen.

Now and then the person also resolves what waits in "needs attention", as on that
screen: applies a conflicting decision again (`needs_attention.reapply`, a new operation
on the request's current version) where it still makes sense, else discards it.

The campaign decides each (request, kind of decision) at most once and ships each
parcel under a number of its own, so that every operation in the outbox can be matched
with what the platform's ledger shows for it (`verdict.py`).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.core.refusal import Refusal
from app.models import AfterSale, Order, OutboxOperation
from app.models import outbox as outbox_state
from app.platforms.douyin import mapping
from app.platforms.douyin.codes import OPERATE_TRANSITIONS, ORDER_STATUSES_TO_SHIP
from app.platforms.douyin.codes import OperateType as Op
from app.services import outbox
from app.services.attention import needs_attention
from app.services.people import accounts
from app.services.people.permissions import Actor
from app.services.platform_lists import reject_reasons
from app.services.refunds import decisions as refund_decisions
from app.services.shipping import shipments as shipping

CARRIER = "shunfeng"  # SF + 12 digits (resources/rules/carriers.json)
TRACKING_BASE = 880_000_000_000  # far from the numbers the sandbox's history uses
RETURN_ADDRESS = "7100000000000000001"  # the platform's address id: an integer (int64)
# The new goods of an exchange or repair go out with a carrier and a number that fits it.
GOODS_SENT = {"carrier_code": "zhongtong", "tracking_no": "75812039475601"}
SHIP_SHARE = 0.4  # of the desk's actions
RESOLVE_SHARE = 0.1  # of the desk's actions: something in "needs attention"; the rest decide refunds
OWNER = ("campaign", "Campaign owner", "a campaign owner's password")


def _decidable_statuses() -> set[int]:
    return {status for transitions in OPERATE_TRANSITIONS.values() for (_type, status) in transitions}


class Desk:
    def __init__(self, sessions: sessionmaker[Session], actor: Actor, rng: random.Random) -> None:
        self._sessions, self._actor, self._rng = sessions, actor, rng
        self._statuses = _decidable_statuses()
        with sessions() as session:
            ops = session.execute(select(OutboxOperation.entity_id, OutboxOperation.decision)).all()
        self._decided = {(entity_id, decision) for entity_id, decision in ops}
        self._shipments = len(ops)

    @classmethod
    def open(cls, sessions: sessionmaker[Session], rng: random.Random) -> Desk:
        """The desk of a new shop database: its owner's account is created first."""
        username, display_name, password = OWNER
        with sessions.begin() as session:
            actor = accounts.create_owner(session, username, display_name, password, now=int(time.time()))
        return cls(sessions, actor, rng)

    def act(self, how_many: int) -> int:
        """Make up to `how_many` decisions or shipments; returns how many were queued."""
        queued = 0
        for _ in range(how_many):
            draw = self._rng.random()
            if draw < RESOLVE_SHARE:
                queued += self._resolve_one()
            elif draw < RESOLVE_SHARE + SHIP_SHARE:
                queued += self._ship_one()
            else:
                queued += self._decide_one()
        return queued

    # --- needs attention ----------------------------------------------------------------
    def _resolve_one(self) -> bool:
        """Apply a decision the platform would not take again, or discard it; True when a
        new operation was queued."""
        with self._sessions() as session:
            waiting = session.scalars(
                select(OutboxOperation.seq).where(OutboxOperation.state.in_(outbox_state.ATTENTION_STATES))
            ).all()
        if not waiting:
            return False
        seq = self._rng.choice(waiting)
        try:
            with self._sessions.begin() as session:
                if needs_attention.can_reapply(session, seq) and self._rng.random() < 0.7:
                    needs_attention.reapply(session, self._actor, seq, now=int(time.time()))
                    return True
                outbox.discard(session, self._actor, seq, now=int(time.time()))
        except (Refusal, ValueError):  # it moved on meanwhile (ValueError: no longer waiting)
            pass
        return False

    # --- refund decisions ---------------------------------------------------------------
    def _decide_one(self) -> bool:
        with self._sessions() as session:
            waiting = session.scalars(
                select(AfterSale).where(AfterSale.status.in_(self._statuses)).order_by(AfterSale.aftersale_id)
            ).all()
        choices = [
            (request.aftersale_id, operate_type)
            for request in waiting
            for operate_type, transitions in OPERATE_TRANSITIONS.items()
            if (request.type, request.status) in transitions
            and (request.aftersale_id, mapping.decision_of(int(operate_type))) not in self._decided
        ]
        if not choices:
            return False
        aftersale_id, operate_type = self._rng.choice(choices)
        return self._queue(aftersale_id, self._decision(Op(operate_type)))

    def _decision(self, operate_type: Op) -> Callable[[Session, str, int], refund_decisions.Queued]:
        actor = self._actor
        if operate_type in (Op.AGREE_REFUND, Op.AGREE_REFUND_BEFORE_SHIPMENT):
            return lambda session, id_, now: refund_decisions.approve_refund(session, actor, id_, now=now)
        if operate_type in (Op.AGREE_RETURN, Op.AGREE_REPAIR):
            return lambda session, id_, now: refund_decisions.approve_return(
                session, actor, id_, return_address_id=RETURN_ADDRESS, now=now
            )
        if operate_type in (
            Op.AGREE_EXCHANGE,
            Op.AGREE_RESEND,
            Op.AGREE_REPAIR_NO_RETURN,
            Op.CONFIRM_EXCHANGE_RECEIPT,
            Op.CONFIRM_REPAIR_RECEIPT,
        ):  # the service takes what the request's kind and state allow
            return lambda session, id_, now: refund_decisions.approve_exchange(
                session, actor, id_, return_address_id=RETURN_ADDRESS, now=now, **GOODS_SENT
            )
        if operate_type in (Op.CONFIRM_RETURN_AND_REFUND, Op.REFUSE_RETURNED_GOODS):
            refund = operate_type == Op.CONFIRM_RETURN_AND_REFUND
            return lambda session, id_, now: refund_decisions.inspect_return(
                session,
                actor,
                id_,
                outcome="good" if refund else "damaged",
                note="checked at the campaign's desk",
                then="refund" if refund else "refuse",
                reject_reason_code=None if refund else self._reason(session),
                remark="" if refund else "The goods came back damaged.",
                now=now,
            )
        return lambda session, id_, now: refund_decisions.refuse(  # refuse a refund or a return
            session,
            actor,
            id_,
            reject_reason_code=self._reason(session),
            remark="The parcel has left; please refuse delivery.",
            now=now,
        )

    def _reason(self, session: Session) -> int | None:
        """A refusal reason from the platform's list that needs no pictures."""
        plain = [reason.code for reason in reject_reasons(session) if not reason.evidence_needed]
        return self._rng.choice(plain) if plain else None

    def _queue(
        self, aftersale_id: str, decide: Callable[[Session, str, int], refund_decisions.Queued]
    ) -> bool:
        try:
            with self._sessions.begin() as session:
                queued = decide(session, aftersale_id, int(time.time()))
        except Refusal:  # the request moved on, or a decision on it is already queued
            return False
        self._decided.add((aftersale_id, queued.decision))
        return True

    # --- shipments ------------------------------------------------------------------------
    def _ship_one(self) -> bool:
        with self._sessions() as session:
            to_ship = session.scalars(
                select(Order.order_id)
                .where(Order.status.in_(ORDER_STATUSES_TO_SHIP))
                .order_by(Order.order_id)
            ).all()
        if not to_ship:
            return False
        order_id = self._rng.choice(to_ship)
        self._shipments += 1
        tracking_no = f"SF{TRACKING_BASE + self._shipments:012d}"
        try:
            with self._sessions.begin() as session:
                shipping.ship_order(
                    session,
                    self._actor,
                    order_id,
                    CARRIER,
                    tracking_no,
                    now=int(time.time()),
                    refuse_refund=self._rng.random() < 0.5,
                )
        except Refusal:  # already shipped or queued, a refund request waits, …
            return False
        return True
