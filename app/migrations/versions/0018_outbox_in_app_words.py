"""the outbox in the app's words: an action, a decision and its details, expected states

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 12:20:00

Until this revision an outbox operation was kept in Douyin's words: the API method
("afterSale.operate", "order.logisticsAdd"), its parameters (the operate type as a
number, the item with the request's id and version) and the expected statuses as
Douyin's numbers. From now on it is kept in the app's words (app/services/outbox.py):
an action ("decide" or "ship"), for a decision a `Decision`, the details a person gave
(reason, remark, evidence, return address; carrier and tracking number) and the
expected states as RequestState / OrderState words; the platform's adapter turns them
into its own call when the operation is sent.

Every operation already queued is converted with the tables as they stand today, copied
here (a migration must convert the same way however the app's code changes later). The
old columns stay, untouched, so nothing queued by an earlier release is lost: dropping
them would rebuild the table on SQLite, for no gain. New operations leave them empty.
"""

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

# Douyin's `afterSale.operate` types and the app's decisions (frozen copy of mapping.py).
DECISIONS = {
    201: "approve_refund",
    202: "refuse_refund",
    101: "agree_return",
    102: "refuse_return",
    111: "accept_returned_goods",
    112: "refuse_returned_goods",
    301: "agree_exchange",
    311: "confirm_exchange_receipt",
}
# Douyin's after-sale statuses and order statuses (frozen copies, as in 0017).
REQUEST_STATES = {
    6: "awaiting_shop",
    7: "awaiting_buyer_return",
    11: "return_awaiting_inspection",
    12: "refunded",
    13: "replacement_in_progress",
    14: "replacement_done",
    27: "refused",
    28: "closed",
    29: "refused_after_return",
}
ORDER_STATES = {
    1: "unpaid",
    105: "awaiting_shipment",
    2: "awaiting_shipment",
    101: "partly_shipped",
    3: "shipped",
    4: "cancelled",
    5: "completed",
}
# An operate item's fields that the app names (the rest is kept as the platform's extra).
ITEM_FIELDS = {
    "reject_reason_code": "reason_code",
    "reason": "reason",
    "remark": "remark",
    "evidence": "evidence",
}
ITEM_IDENTITY = ("aftersale_id", "update_time")  # the operation's entity and version

outbox = sa.table(
    "outbox_operations",
    sa.column("seq", sa.Integer()),
    sa.column("method", sa.String()),
    sa.column("params", sa.Text()),
    sa.column("expected_from_status", sa.Integer()),
    sa.column("expected_to_status", sa.Integer()),
    sa.column("action", sa.String()),
    sa.column("decision", sa.String()),
    sa.column("details", sa.Text()),
    sa.column("expected_from_state", sa.String()),
    sa.column("expected_to_state", sa.String()),
)


def _decision_details(params: dict[str, Any]) -> dict[str, Any]:
    items = params.get("items") or [{}]
    item = items[0] if isinstance(items[0], dict) else {}
    details: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in item.items():
        if key in ITEM_FIELDS:
            details[ITEM_FIELDS[key]] = value
        elif key == "logistics" and isinstance(value, dict) and set(value) == {"receiver_address_id"}:
            details["return_address_id"] = value["receiver_address_id"]
        elif key not in ITEM_IDENTITY:
            extra[key] = value
    if extra:
        details["extra"] = extra
    return details


def _in_app_words(method: str, params: dict[str, Any], from_status: Any, to_status: Any) -> dict[str, Any]:
    """The new columns of one operation kept in Douyin's words."""
    if method == "afterSale.operate":
        return {
            "action": "decide",
            "decision": DECISIONS.get(params["type"], "") if isinstance(params.get("type"), int) else "",
            "details": _decision_details(params),
            "expected_from_state": REQUEST_STATES.get(from_status),
            "expected_to_state": REQUEST_STATES.get(to_status),
        }
    if method == "order.logisticsAdd":
        return {
            "action": "ship",
            "decision": "",
            "details": {
                "carrier_code": params.get("company_code", ""),
                "tracking_no": params.get("logistics_code", ""),
                "refuse_refund": bool(params.get("is_refund_reject", False)),
            },
            "expected_from_state": ORDER_STATES.get(from_status),
            "expected_to_state": ORDER_STATES.get(to_status),
        }
    # No release queued anything else; were there such a row, it keeps its method as its
    # action and is refused by the push engine for a person to discard, never guessed.
    return {
        "action": method,
        "decision": "",
        "details": {},
        "expected_from_state": None,
        "expected_to_state": None,
    }


def upgrade() -> None:
    # Adding columns keeps the table (and, on PostgreSQL, the trigger that announces its
    # changes) as it is; batch mode lets SQLite do the same.
    with op.batch_alter_table("outbox_operations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("action", sa.String(16), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("decision", sa.String(32), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("details", sa.Text(), nullable=False, server_default="{}"))
        batch_op.add_column(sa.Column("expected_from_state", sa.String(32), nullable=True))
        batch_op.add_column(sa.Column("expected_to_state", sa.String(32), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(
            outbox.c.seq,
            outbox.c.method,
            outbox.c.params,
            outbox.c.expected_from_status,
            outbox.c.expected_to_status,
        )
    ).all()
    for seq, method, params, from_status, to_status in rows:
        words = _in_app_words(method, json.loads(params or "{}"), from_status, to_status)
        words["details"] = json.dumps(words["details"], ensure_ascii=False, sort_keys=True)
        connection.execute(outbox.update().where(outbox.c.seq == seq).values(**words))
    # A shipment Douyin refused because a refund request before shipment was waiting
    # (`isv.business-failed:60040`) may be shipped again refusing the refund; the app now
    # reads that from the operation's `platform_state`, in its own words.
    op.execute(
        sa.text(
            "UPDATE outbox_operations SET platform_state = :waiting "
            "WHERE state = 'rejected' AND method = 'order.logisticsAdd' "
            "AND platform_code LIKE :refused AND (platform_state IS NULL OR platform_state = '')"
        ).bindparams(waiting=json.dumps({"refund_request_waiting": True}), refused="%:60040")
    )


def downgrade() -> None:
    # The old columns were kept and are still filled for every operation queued before
    # this revision; operations queued since have none and cannot be sent by the older code.
    with op.batch_alter_table("outbox_operations", schema=None) as batch_op:
        batch_op.drop_column("expected_to_state")
        batch_op.drop_column("expected_from_state")
        batch_op.drop_column("details")
        batch_op.drop_column("decision")
        batch_op.drop_column("action")
