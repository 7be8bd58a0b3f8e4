"""An outbox operation as the push engine sends it: read from its row, handed to the port.

Owns the one translation from what the outbox keeps (`app/services/outbox.py`: the
action, the decision in the app's words, its details) into the port's call: a
`DecisionToSend` for `ShopPlatform.decide`, a `ShipmentToSend` for `ShopPlatform.ship`.
It is read while the push engine holds the database (`OperationToSend.of`) and sent
after, with no session held over the network (`send`). Rows queued by older releases
are read as they were kept: a decision without its request's kind takes the mirror's,
a return address kept as text is checked by the adapter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import Decision, RequestKind
from app.models import AfterSale, OutboxOperation
from app.platforms.port import Accepted, DecisionToSend, Refused, ShipmentToSend, ShopPlatform
from app.services import outbox

# An operation whose action this release does not know (none is ever queued).
PROBLEM_UNKNOWN_ACTION = QT_TRANSLATE_NOOP(
    "sync", "This app does not know how to send this operation. Discard it and decide again."
)


@dataclass(frozen=True)
class OperationToSend:
    """An operation as the outbox keeps it, in the app's words, read before the network."""

    op_id: str
    action: str  # outbox.DECIDE or outbox.SHIP
    entity_id: str
    decision: str  # a Decision, for DECIDE
    details: dict[str, Any]  # outbox.DECISION_DETAILS or outbox.SHIPMENT_DETAILS
    based_on: int | None
    expected_from: str | None
    expected_to: str | None

    @classmethod
    def of(cls, op: OutboxOperation) -> OperationToSend:
        details = outbox.details_of(op)
        if op.action == outbox.DECIDE and not details.get("kind"):
            # Queued before decisions kept the request's kind (issue 15): the mirror's.
            session = Session.object_session(op)
            request = session.get(AfterSale, op.entity_id) if session is not None else None
            if request is not None and request.kind:
                details["kind"] = request.kind
        return cls(
            op.op_id,
            op.action,
            op.entity_id,
            op.decision,
            details,
            op.based_on_update_time,
            op.expected_from_state,
            op.expected_to_state,
        )

    def send(self, platform: ShopPlatform) -> Accepted:
        """Hand the operation to the shop's platform, its id as the idempotency key."""
        details = self.details
        if self.action == outbox.DECIDE:
            try:
                kind = RequestKind(str(details.get("kind") or ""))
            except ValueError:  # a request this app cannot tell the kind of: never decided on
                raise Refused(
                    PROBLEM_UNKNOWN_ACTION, detail=f"request kind {details.get('kind')!r}"
                ) from None
            decision = DecisionToSend(
                request_id=self.entity_id,
                decision=Decision(self.decision),
                based_on_version=self.based_on or 0,
                kind=kind,
                reason_code=details.get("reason_code"),
                reason=details.get("reason", ""),
                remark=details.get("remark", ""),
                evidence=tuple(details.get("evidence", ())),
                # Kept as text by releases before issue 15, as a number since: the adapter checks it.
                return_address_id=details.get("return_address_id") or None,
                carrier_code=str(details.get("carrier_code", "")),
                tracking_no=str(details.get("tracking_no", "")),
                extra=dict(details.get("extra", {})),
            )
            return platform.decide(decision, self.op_id)
        if self.action == outbox.SHIP:
            shipment = ShipmentToSend(
                order_id=self.entity_id,
                carrier_code=str(details.get("carrier_code", "")),
                tracking_no=str(details.get("tracking_no", "")),
                refuse_refund=bool(details.get("refuse_refund", False)),
            )
            return platform.ship(shipment, self.op_id)
        # Nothing but the two actions is ever queued (migration 0018 says so of old rows).
        raise Refused(PROBLEM_UNKNOWN_ACTION, detail=f"outbox action {self.action!r}")
