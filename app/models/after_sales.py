"""After-sale requests mirrored from the platform, and the history of their statuses.

Owns the `after_sales` table, one row per request (`aftersale_info` plus the parts
of `order_info` and `text_part` the screens need), written only by the sync
engine's upsert, guarded by `update_time`; and the append-only
`after_sale_status_changes` table, one row each time the mirror saw a request in a
status it did not have before (written by the same ingest, in the same transaction),
because the mirror keeps only the current state and the service metrics need when a
request left "awaiting merchant" and when it was refunded.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import (
    CURRENCY_LENGTH,
    DEFAULT_CURRENCY,
    PLATFORM_ID_LENGTH,
    WORD_LENGTH,
    Base,
    Fen,
    UnixTime,
)


class AfterSale(Base):
    __tablename__ = "after_sales"

    aftersale_id: Mapped[str] = mapped_column(String(PLATFORM_ID_LENGTH), primary_key=True)
    # No foreign key: a request can arrive before the order it belongs to is pulled.
    order_id: Mapped[str] = mapped_column(String(PLATFORM_ID_LENGTH), index=True)
    related_id: Mapped[str] = mapped_column(String(PLATFORM_ID_LENGTH), default="")  # SKU order id
    # The platform's own codes, as received: kept for display and for the platform, never
    # to decide with (the app decides with `kind` and `state`).
    type: Mapped[int] = mapped_column(Integer)
    status: Mapped[int] = mapped_column(Integer, index=True)
    # The same, for a platform whose codes are text (TikTok Shop: "RETURN_AND_REFUND",
    # "AWAITING_BUYER_SHIP"): verbatim here, 0 in `type` and `status` (no number is invented);
    # '' for a platform whose codes are numbers (Douyin). Migration 0026.
    type_code: Mapped[str] = mapped_column(String(64), default="", server_default="")
    status_code: Mapped[str] = mapped_column(String(64), default="", server_default="")
    # The app's words for them (app/core/vocabulary.py: RequestKind, RequestState), filled
    # by the platform's adapter; None for a code the adapter does not know (not guessed).
    kind: Mapped[str | None] = mapped_column(String(WORD_LENGTH))
    state: Mapped[str | None] = mapped_column(String(WORD_LENGTH), index=True)
    refund_status: Mapped[int | None] = mapped_column(Integer)
    # The app's word for `refund_status` (vocabulary.RefundState); None for an unknown code.
    refund_state: Mapped[str | None] = mapped_column(String(WORD_LENGTH))
    # How the platform refunds (`refund_type`, 退款方式, its code as received) and whether that
    # marks a fast refund the platform makes itself (None: not said, or a code unknown here).
    refund_type: Mapped[int | None] = mapped_column(Integer)
    fast_refund: Mapped[bool | None] = mapped_column(Boolean)
    # The platform's arbitration of the request: its code as received, the app's word for it
    # (vocabulary.ArbitrationState; None when unknown or never sent), and when the platform
    # wants the shop's evidence by (only the request's detail says; kept until it says again).
    arbitrate_status: Mapped[int | None] = mapped_column(Integer)
    arbitration_code: Mapped[str] = mapped_column(String(64), default="", server_default="")  # text codes
    # Indexed: the refund queue asks for the cases awaiting the shop's evidence (0024).
    arbitration: Mapped[str | None] = mapped_column(String(WORD_LENGTH), index=True)
    arbitration_deadline: Mapped[int | None] = mapped_column(UnixTime)
    apply_time: Mapped[int] = mapped_column(UnixTime)
    update_time: Mapped[int] = mapped_column(UnixTime, index=True)
    status_deadline: Mapped[int | None] = mapped_column(UnixTime, index=True)
    refund_amount: Mapped[int] = mapped_column(Fen, default=0)
    refund_post_amount: Mapped[int] = mapped_column(Fen, default=0)
    # The ISO 4217 code of the amounts, which are in its minor unit (fen for CNY).
    currency: Mapped[str] = mapped_column(String(CURRENCY_LENGTH), default=DEFAULT_CURRENCY)
    reason_text: Mapped[str] = mapped_column(Text, default="")
    got_pkg: Mapped[int | None] = mapped_column(Integer)
    return_tracking_no: Mapped[str] = mapped_column(String(64), default="")
    return_company_name: Mapped[str] = mapped_column(String(64), default="")
    evidence: Mapped[str] = mapped_column(Text, default="")  # JSON array of image URLs
    status_text: Mapped[str] = mapped_column(String(64), default="")
    type_text: Mapped[str] = mapped_column(String(64), default="")
    product_name: Mapped[str] = mapped_column(Text, default="")
    item_num: Mapped[int] = mapped_column(Integer, default=1)
    synced_at: Mapped[int] = mapped_column(UnixTime)


Index("ix_after_sales_status_deadline_open", AfterSale.status, AfterSale.status_deadline)


class AfterSaleStatusChange(Base):
    """A request seen in a new status: `from_status` -> `to_status` at the platform's `at`
    (in the app's words `from_state` -> `to_state`).

    `at` is the platform's `update_time` of the first record that showed the new status,
    so it is exact when the mirror pulled the request in every status it passed through,
    and the moment of the latest change when the platform moved it on more than once
    between two pulls. A request first seen (the 90-day backfill, or a new request) has
    one row with `from_status` None. Rows are only ever added, in the order the changes
    happened for each request (the ingest records one only from a version at least as
    new as the stored one), so a lower id is an earlier change of the same request. The
    history backfill (app/sync/history_backfill.py) replaces a request first seen moved
    on with the changes its history holds, from its application, in that order too; those
    carry the platform's code only for the request's current state (None elsewhere, and
    a `from_state` that tells them from a first sighting).
    """

    __tablename__ = "after_sale_status_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # No foreign key, as for `after_sales.order_id`: the ingest writes the request first.
    aftersale_id: Mapped[str] = mapped_column(String(PLATFORM_ID_LENGTH), index=True)
    # The platform's codes, as received; the app's words (RequestState) beside them,
    # None where the code is unknown or, for `from_state`, where there was no state before.
    from_status: Mapped[int | None] = mapped_column(Integer)
    to_status: Mapped[int | None] = mapped_column(Integer)
    from_state: Mapped[str | None] = mapped_column(String(WORD_LENGTH))
    to_state: Mapped[str | None] = mapped_column(String(WORD_LENGTH))
    at: Mapped[int] = mapped_column(UnixTime, index=True)
    # The `status_deadline` the mirror had for `from_status`: whether the platform acted
    # alone (a timeout approval) is judged against it.
    from_deadline: Mapped[int | None] = mapped_column(UnixTime)
    seen_at: Mapped[int] = mapped_column(UnixTime)  # when this workstation stored it
