"""Batch shipping from a spreadsheet: what would happen per row, then shipping the good rows.

Owns the two steps after `shipment_file.read_shipment_file()` (re-exported here), so
nothing is sent before a person has seen the preview:

1. `preview()` runs `shipping.check_shipment()` on every row (with the numbers of the
   earlier good rows, so a number repeated in the file is caught; an order on several
   rows is refused too), writing nothing, and says per row what stops it. The carrier
   is found by the names people write (`carriers.find`); an empty or unknown one is
   read from the number's shape when exactly one carrier's format fits, and the row
   says so (`note`).
2. `ship_rows()` queues the good rows with `shipping.ship_order()` in the caller's
   transaction, all or nothing: each row is checked again, because the orders may
   have changed since the preview (a sync, another desk).

Messages are English source strings (context "shipping") with `{name}` fields filled
from `params`, translated in the views like `ShipmentRefused`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.core.translation import QT_TRANSLATE_NOOP
from app.core.vocabulary import OrderState
from app.services.people import permissions
from app.services.people.permissions import Action, Actor
from app.services.shipping import carriers
from app.services.shipping import shipments as shipping
from app.services.shipping.scanned_order import not_waiting_reason
from app.services.shipping.shipment_file import (
    ImportFileProblem,
    ImportRow,
    RowProblem,
    looks_rounded,
    read_shipment_file,
)
from app.services.shipping.shipments import ShipmentRefused

__all__ = [
    "BatchShipRefused",
    "ImportFileProblem",
    "ImportRow",
    "PreviewRow",
    "RowProblem",
    "preview",
    "read_shipment_file",
    "ship_rows",
]

MSG_ORDER_ID_ROUNDED = QT_TRANSLATE_NOOP(
    "shipping",
    "Order {order} is not in the local copy, and its trailing zeros look like Excel rounded a longer "
    "number. Format the order id column as text and paste the ids again.",
)
MSG_UNKNOWN_CARRIER = QT_TRANSLATE_NOOP(
    "shipping", 'Unknown carrier "{carrier}". Use a carrier name or code from the platform\'s list.'
)
MSG_CARRIER_NOT_OFFERED = QT_TRANSLATE_NOOP(
    "shipping", '"{carrier}" ({name}) is not on the platform\'s carrier list. Use a carrier from the list.'
)
MSG_NO_CARRIER_NOT_RECOGNISED = QT_TRANSLATE_NOOP(
    "shipping", "The carrier is empty, and the tracking number does not show which carrier it is. Fill it in."
)
MSG_NO_CARRIER_AMBIGUOUS = QT_TRANSLATE_NOOP(
    "shipping", "The carrier is empty, and the tracking number could be {carriers}. Fill it in."
)
MSG_RECOGNISED = QT_TRANSLATE_NOOP("shipping", "Carrier recognised from the tracking number: {carrier}.")
MSG_RECOGNISED_INSTEAD = QT_TRANSLATE_NOOP(
    "shipping",
    '"{written}" is not a carrier this app knows; the tracking number is a {carrier} number, so {carrier} '
    "is used.",
)
MSG_ORDER_REPEATED = QT_TRANSLATE_NOOP(
    "shipping", "Order {order} is already on row {row}; each order is shipped once."
)
MSG_ORDER_CONFLICTING = QT_TRANSLATE_NOOP(
    "shipping",
    "Order {order} is on rows {rows} with different parcels. Keep the right row and delete the others.",
)
MSG_SHIP_ROW_REFUSED = QT_TRANSLATE_NOOP(
    "shipping", "Row {row}, order {order}: something changed since the preview. Nothing was shipped."
)


_SHIPPED_ALREADY = (
    shipping.MSG_NOT_TO_SHIP[OrderState.SHIPPED],
    shipping.MSG_NOT_TO_SHIP[OrderState.COMPLETED],
    shipping.MSG_PENDING,
)


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """What shipping a row would do; `problem` None means it is ready."""

    row_number: int
    order_id: str
    carrier_code: str  # "" when the carrier is unknown
    carrier_name: str  # the platform's name, or the text of the file when unknown
    tracking_no: str  # normalised, exactly as it would be sent
    problem: RowProblem | None
    # carriers.MSG_NOT_CHECKED when the number's format is not checked here, or how the
    # carrier was recognised from the number (MSG_RECOGNISED…, `{name}` fields in note_params)
    note: str = ""
    note_params: Mapping[str, object] = field(default_factory=dict)

    @property
    def ready(self) -> bool:
        return self.problem is None


class BatchShipRefused(ShipmentRefused):
    """`ship_rows()` met a row that no longer passes; the caller's transaction must roll
    back. `message`/`params` say which row; `reason` is the row's own refusal."""

    def __init__(self, row: PreviewRow, reason: ShipmentRefused) -> None:
        super().__init__(MSG_SHIP_ROW_REFUSED, {"row": row.row_number, "order": row.order_id})
        self.row_number = row.row_number
        self.reason = RowProblem(reason.message, reason.params)


# --- preview and shipping -----------------------------------------------------------------------
def preview(session: Session, actor: Actor, rows: Iterable[ImportRow], *, now: int) -> list[PreviewRow]:
    """What shipping each row would do; writes nothing. Raises PermissionDenied when
    the person may not ship at all (that is not a problem of any one row)."""
    permissions.check(actor, Action.SHIP_ORDER)
    rows = list(rows)
    repeated = _repeated_orders(rows)
    first_row: dict[str, int] = {}
    used: list[str] = []  # numbers of the good rows so far
    known: dict[str, carriers.Carrier | None] = {}  # a file names few carriers, many times
    offered = carriers.available(session)
    previews = []
    for row in rows:
        if row.carrier not in known:
            known[row.carrier] = carriers.find(session, row.carrier) if row.carrier else None
        number = carriers.normalise_tracking(row.tracking_no)
        carrier, carrier_problem, note = known[row.carrier], None, ""
        note_params: dict[str, object] = {}
        if carrier is None:
            carrier, carrier_problem, note, note_params = _recognise(row.carrier, number, offered)
        code, name = (carrier.code, carrier.name) if carrier else ("", row.carrier)
        problem = row.problem or repeated.get(row.order_id)
        if problem is None and row.order_id in first_row:
            problem = RowProblem(MSG_ORDER_REPEATED, {"order": row.order_id, "row": first_row[row.order_id]})
        if row.problem is None:
            first_row.setdefault(row.order_id, row.row_number)
        problem = problem or carrier_problem
        if problem is None:
            problem = _check(session, actor, row.order_id, code, number, now=now, also_used=used)
        if problem is None:
            used.append(number)
            if not note and carriers.unchecked_note(code):
                note = carriers.MSG_NOT_CHECKED
        else:
            note, note_params = "", {}
        previews.append(
            PreviewRow(row.row_number, row.order_id, code, name, number, problem, note, note_params)
        )
    return previews


def _recognise(
    written: str, number: str, offered: Sequence[carriers.Carrier]
) -> tuple[carriers.Carrier | None, RowProblem | None, str, dict[str, object]]:
    """The carrier of a row whose carrier cell is empty or names no carrier on the list,
    from the number's shape when exactly one carrier's format fits:
    (carrier, problem, note, note params)."""
    carrier = carriers.recognised(number, offered) if number else None
    fitting = carriers.carriers_fitting(number, offered) if number else []
    if carrier is not None:
        if not written:
            return carrier, None, MSG_RECOGNISED, {"carrier": carrier.name}
        return carrier, None, MSG_RECOGNISED_INSTEAD, {"written": written, "carrier": carrier.name}
    if written:
        meant = next((c for c in carriers.written_codes(written)), None)
        name = carriers.carrier_name(meant) if meant else ""
        if name:
            return None, RowProblem(MSG_CARRIER_NOT_OFFERED, {"carrier": written, "name": name}), "", {}
        return None, RowProblem(MSG_UNKNOWN_CARRIER, {"carrier": written}), "", {}
    if fitting:
        names = ", ".join(c.name for c in fitting)
        return None, RowProblem(MSG_NO_CARRIER_AMBIGUOUS, {"carriers": names}), "", {}
    return None, RowProblem(MSG_NO_CARRIER_NOT_RECOGNISED), "", {}


def _repeated_orders(rows: Sequence[ImportRow]) -> dict[str, RowProblem]:
    """Orders on several rows with different parcels: which one is right is the person's call."""
    parcels: dict[str, set[tuple[str, str]]] = {}
    numbers: dict[str, list[int]] = {}
    for row in rows:
        if row.order_id and row.problem is None:
            parcels.setdefault(row.order_id, set()).add(
                (row.carrier.strip().lower(), carriers.normalise_tracking(row.tracking_no))
            )
            numbers.setdefault(row.order_id, []).append(row.row_number)
    return {
        order_id: RowProblem(
            MSG_ORDER_CONFLICTING, {"order": order_id, "rows": ", ".join(map(str, numbers[order_id]))}
        )
        for order_id, different in parcels.items()
        if len(different) > 1
    }


def _check(
    session: Session, actor: Actor, order_id: str, code: str, number: str, *, now: int, also_used: list[str]
) -> RowProblem | None:
    try:
        shipping.check_shipment(session, actor, order_id, code, number, now=now, also_used=also_used)
    except ShipmentRefused as refusal:
        if refusal.message == shipping.MSG_UNKNOWN_ORDER and looks_rounded(order_id):
            return RowProblem(MSG_ORDER_ID_ROUNDED, {"order": order_id})
        if refusal.message in _SHIPPED_ALREADY:  # say when, and with which number
            reason = not_waiting_reason(session, order_id, filtered=False)
            return RowProblem(reason.message, reason.params)
        return RowProblem(refusal.message, refusal.params)
    return None


def ship_rows(session: Session, actor: Actor, preview_rows: Iterable[PreviewRow], *, now: int) -> list[str]:
    """Queue a shipment for every ready row, in the caller's transaction; returns their
    order ids. Each row is checked again; if one no longer passes, BatchShipRefused is
    raised and the caller's transaction must roll back (`with sessions.begin()` does),
    so a batch is shipped whole or not at all."""
    shipped = []
    for row in preview_rows:
        if not row.ready:
            continue
        try:
            shipping.ship_order(session, actor, row.order_id, row.carrier_code, row.tracking_no, now=now)
        except ShipmentRefused as refusal:
            raise BatchShipRefused(row, refusal) from refusal
        shipped.append(row.order_id)
    return shipped
