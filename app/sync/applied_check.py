"""Did a lost operation take effect? The push engine's re-read before it sends again.

Owns the check ARCHITECTURE.md "How data flows" asks for when an answer was lost or an
operation is found "sending" after a crash (the platform has no idempotency keys): the
entity is re-read through the port and stored in the mirror, and the verdict says what
became of the operation. For a request, its own history (`request_history`) says who
moved it on since the decision was made — this shop's lost attempt, the platform on its
own at the deadline, or someone else; with no move in it, the state alone decides. A
shipment is ours when the order carries its tracking number; a shipment that refused a
refund before shipment re-reads that order's such requests too.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.core.vocabulary import ORDER_STATES_TO_SHIP, REFUSING_DECISIONS, RequestKind
from app.models import AfterSale, OutboxOperation
from app.platforms.port import Mover, PlatformError, ShopPlatform
from app.services import outbox
from app.services.refunds import outcomes
from app.sync import request_history
from app.sync.ingest import store_after_sales, store_orders
from app.sync.operation_to_send import OperationToSend

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Verdict:
    """What a re-read found: the verdict and the platform's state as read (JSON, for the
    outbox row), or the failure that kept it from being read."""

    verdict: str = ""  # "applied", "platform_decided", "not_applied", "conflict"
    platform: str = ""
    read_failed: PlatformError | None = None

    def __post_init__(self) -> None:
        assert self.verdict or self.read_failed is not None


def verify(
    platform: ShopPlatform, sessions: sessionmaker[Session], clock: Callable[[], float], seq: int
) -> Verdict:
    """What became of outbox operation `seq`, whose answer was lost or which was found
    "sending": the entity re-read from the platform (and stored in the mirror), and its
    verdict: applied, decided by the platform on its own, not applied, or a conflict."""
    with sessions() as session:
        op = session.get(OutboxOperation, seq)
        assert op is not None
        queued = OperationToSend.of(op)
    from_state, to_state, based_on = queued.expected_from, queued.expected_to, queued.based_on
    if queued.action == outbox.DECIDE:
        try:
            reread = platform.reread_request(queued.entity_id, int(clock()))
        except PlatformError as failed:
            return Verdict(read_failed=failed)
        row = reread.row
        with sessions.begin() as session:
            store_after_sales(session, [row])
        now_state, now_version = row["state"], row["update_time"]
        seen = json.dumps({"status": row["status"], "state": now_state, "update_time": now_version})
        # The request's own history says who moved it on since the decision was made:
        # the state alone cannot (the platform agreeing at the deadline looks like our
        # lost attempt; our lost attempt followed by the buyer's return looks like
        # nobody's). No history, or no move in it since: the state alone decides,
        # with the history's latest move telling the platform's agreement from ours.
        timed_out_to = outcomes.at_timeout(row["kind"], from_state, platform=platform.name)
        mover = None
        if based_on is not None:
            refusing = queued.decision in REFUSING_DECISIONS
            after_shop_move = from_state in outcomes.STARTS_AFTER_SHOP_MOVE
            mover = request_history.who_moved_it_on(
                reread.history, based_on, refusing=refusing, after_shop_move=after_shop_move
            )
        if mover == request_history.SHOP:
            return Verdict("applied", seen)  # whatever has happened since
        if mover == request_history.PLATFORM and timed_out_to is not None:
            return Verdict("platform_decided", seen)
        if mover == request_history.SOMEONE_ELSE:  # even where the decision would have put it
            return Verdict("conflict", seen)
        acted_last = request_history.who_acted_last(reread.history)
        platform_alone = mover is None and acted_last is Mover.PLATFORM
        if now_state == to_state:
            return Verdict("platform_decided" if platform_alone else "applied", seen)
        if now_state == from_state and (based_on is None or now_version == based_on):
            return Verdict("not_applied", seen)
        if platform_alone and now_state == timed_out_to:  # e.g. a refusal that came too late
            return Verdict("platform_decided", seen)
        return Verdict("conflict", seen)
    try:
        page = platform.reread_order(queued.entity_id, int(clock()))
    except PlatformError as failed:
        return Verdict(read_failed=failed)
    with sessions.begin() as session:
        store_orders(session, page)
    if queued.details.get("refuse_refund"):
        _reread_refused_requests(platform, sessions, clock, queued.entity_id)
    tracking = {parcel["tracking_no"] for parcel in page.parcels}
    order = page.orders[0]
    seen = json.dumps({"status": order["status"], "state": order["state"], "tracking": sorted(tracking)})
    if queued.details.get("tracking_no") in tracking:
        return Verdict("applied", seen)
    if order["state"] in ORDER_STATES_TO_SHIP:
        return Verdict("not_applied", seen)
    return Verdict("conflict", seen)


def _reread_refused_requests(
    platform: ShopPlatform, sessions: sessionmaker[Session], clock: Callable[[], float], order_id: str
) -> None:
    """A shipment that refuses the buyer's refund before shipment, its answer lost: the
    order's such requests as they are now, into the mirror beside the order (refused by
    this shipment, or refunded by the platform meanwhile). The verdict is the order's
    (the one call did both); a request that cannot be read is left to the next pull."""
    with sessions() as session:
        ids = list(
            session.scalars(
                select(AfterSale.aftersale_id).where(
                    AfterSale.order_id == order_id, AfterSale.kind == RequestKind.REFUND_BEFORE_SHIPMENT
                )
            )
        )
    for request_id in ids:
        try:
            reread = platform.reread_request(request_id, int(clock()))
        except PlatformError as failed:
            log.info("request %s not re-read after a lost shipment answer: %s", request_id, failed.describe())
            continue
        with sessions.begin() as session:
            store_after_sales(session, [reread.row])
