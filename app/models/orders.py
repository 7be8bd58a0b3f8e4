"""Orders mirrored from the platform: the shop order, its SKU lines and its parcels.

Owns the `orders`, `order_lines` and `order_logistics` tables, and `OrderPage`, the rows
of a page of orders as a platform's parser hands them to the sync's upserts. Rows are written only
by the sync engine's upserts; each child row carries the `update_time` of the order
version it came from, so an older page can never overwrite a newer one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
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

# The longest tracking number the mirror holds (services check entries against it).
TRACKING_NO_LENGTH = 64


class Order(Base):
    __tablename__ = "orders"

    order_id: Mapped[str] = mapped_column(String(PLATFORM_ID_LENGTH), primary_key=True)
    # The platform's own code and words, as received: for display and for the platform,
    # never to decide with (the app decides with `state`).
    status: Mapped[int] = mapped_column(Integer, index=True)
    status_desc: Mapped[str] = mapped_column(String(32), default="")
    # The app's word for it (app/core/vocabulary.py: OrderState), filled by the platform's
    # adapter; None for a code the adapter does not know (not guessed).
    state: Mapped[str | None] = mapped_column(String(WORD_LENGTH), index=True)
    create_time: Mapped[int] = mapped_column(UnixTime, index=True)
    pay_time: Mapped[int | None] = mapped_column(UnixTime)
    update_time: Mapped[int] = mapped_column(UnixTime, index=True)
    exp_ship_time: Mapped[int | None] = mapped_column(UnixTime, index=True)
    ship_time: Mapped[int | None] = mapped_column(UnixTime)
    finish_time: Mapped[int | None] = mapped_column(UnixTime)
    # The carrier's first pickup scan of any of the order's parcels (the earliest
    # `order_logistics.pickup_time` of this version), so the service metrics can tell when
    # the order counts as shipped from this table alone; None until a scan is reported.
    pickup_time: Mapped[int | None] = mapped_column(UnixTime)
    # When the buyer had the goods, as the platform says (the latest of its lines' receipt
    # times: `logistics_receipt_time`, else `confirm_receipt_time`); None until a line is
    # received. Never guessed: an order without it is not delivered as far as the desk knows.
    receipt_time: Mapped[int | None] = mapped_column(UnixTime)
    # Whose fault the cancellation was (app/core/vocabulary.py: CancelFault), filled by the
    # platform's adapter where it says (TikTok Shop's `cancellation_initiator`); None when the
    # order is not cancelled or the platform does not say (Douyin).
    cancel_fault: Mapped[str | None] = mapped_column(String(WORD_LENGTH))
    order_amount: Mapped[int] = mapped_column(Fen, default=0)
    pay_amount: Mapped[int] = mapped_column(Fen, default=0)
    post_amount: Mapped[int] = mapped_column(Fen, default=0)
    # Every discount on the order, the shop's and the platform's (`promotion_amount`):
    # the line prices plus shipping, less this, is what the buyer paid.
    promotion_amount: Mapped[int] = mapped_column(Fen, default=0)
    # The ISO 4217 code of the amounts, which are in its minor unit (fen for CNY).
    currency: Mapped[str] = mapped_column(String(CURRENCY_LENGTH), default=DEFAULT_CURRENCY)
    buyer_words: Mapped[str] = mapped_column(Text, default="")
    seller_words: Mapped[str] = mapped_column(Text, default="")
    receiver_name: Mapped[str] = mapped_column(String(64), default="")
    receiver_tel: Mapped[str] = mapped_column(String(32), default="")
    receiver_address: Mapped[str] = mapped_column(Text, default="")
    # Denormalised for the orders screen's search and item column: "name ×2; name".
    items_summary: Mapped[str] = mapped_column(Text, default="")
    # The platform's per-shop buyer id (`doudian_open_id`): "this buyer's history with us".
    buyer_id: Mapped[str] = mapped_column(String(64), default="", index=True)
    # When this workstation last wrote the row (UTC seconds), for "new since" views.
    synced_at: Mapped[int] = mapped_column(UnixTime)


class OrderLine(Base):
    """One SKU line (`sku_order_list[]`) of a shop order."""

    __tablename__ = "order_lines"

    sku_order_id: Mapped[str] = mapped_column(String(PLATFORM_ID_LENGTH), primary_key=True)
    order_id: Mapped[str] = mapped_column(
        String(PLATFORM_ID_LENGTH), ForeignKey("orders.order_id", ondelete="CASCADE"), index=True
    )
    product_id: Mapped[str] = mapped_column(String(PLATFORM_ID_LENGTH), default="")
    product_name: Mapped[str] = mapped_column(Text, default="")
    sku_id: Mapped[str] = mapped_column(String(PLATFORM_ID_LENGTH), default="")
    # The merchant's own code for the SKU (商家编码: the line's `code`, else its
    # `out_sku_id`), what the shelves are labelled with; "" when the shop set none.
    sku_code: Mapped[str] = mapped_column(String(64), default="")
    spec: Mapped[str] = mapped_column(Text, default="")  # "颜色:黑色; 尺码:L"
    item_num: Mapped[int] = mapped_column(Integer, default=1)
    origin_amount: Mapped[int] = mapped_column(Fen, default=0)
    pay_amount: Mapped[int] = mapped_column(Fen, default=0)
    # The platform's codes, as received (for display and for the platform).
    status: Mapped[int] = mapped_column(Integer, default=0)
    after_sale_status: Mapped[int | None] = mapped_column(Integer)
    after_sale_type: Mapped[int | None] = mapped_column(Integer)
    # The line's after-sale in the app's words (RequestState, RequestKind); None when the
    # line has none or the code is unknown.
    after_sale_state: Mapped[str | None] = mapped_column(String(WORD_LENGTH))
    after_sale_kind: Mapped[str | None] = mapped_column(String(WORD_LENGTH))
    refund_status: Mapped[int | None] = mapped_column(Integer)
    # The platform's receipt times (物流收货时间, 用户确认收货时间); None while not set (it sends 0).
    logistics_receipt_time: Mapped[int | None] = mapped_column(UnixTime)
    confirm_receipt_time: Mapped[int | None] = mapped_column(UnixTime)
    order_update_time: Mapped[int] = mapped_column(UnixTime)


class OrderLogistics(Base):
    """One parcel (`logistics_info[]`) of a shop order."""

    __tablename__ = "order_logistics"
    __table_args__ = (UniqueConstraint("order_id", "tracking_no"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    order_id: Mapped[str] = mapped_column(
        String(PLATFORM_ID_LENGTH), ForeignKey("orders.order_id", ondelete="CASCADE")
    )
    tracking_no: Mapped[str] = mapped_column(String(TRACKING_NO_LENGTH))
    company_code: Mapped[str] = mapped_column(String(32), default="")
    company_name: Mapped[str] = mapped_column(String(64), default="")
    ship_time: Mapped[int | None] = mapped_column(UnixTime)
    # The carrier's first scan (`pickup_time`, sandbox extension); None until the platform
    # reports one, and always None where it never does. RULES.md: "shipped" means this scan.
    pickup_time: Mapped[int | None] = mapped_column(UnixTime)
    order_update_time: Mapped[int] = mapped_column(UnixTime)


Index("ix_order_logistics_tracking_no", OrderLogistics.tracking_no)
# The orders screen's default order, newest first (ties by id): walked, never sorted.
Index("ix_orders_create_time_order_id", Order.create_time, Order.order_id)
# The service metrics (app/services/metrics/service_metrics.py) read these columns of every order or
# parcel in a window; as covering indexes they are read without the wide rows.
Index(
    "ix_orders_service_metrics",
    Order.pay_time,
    Order.exp_ship_time,
    Order.ship_time,
    Order.pickup_time,
    Order.state,
    Order.pay_amount,
)
# Orders delivered in a window (the quality-return rate's denominator): a range of the
# platform's receipt times, read without the wide rows.
Index("ix_orders_receipt_time", Order.receipt_time, Order.state, Order.order_id)
Index("ix_order_logistics_ship_time", OrderLogistics.ship_time, OrderLogistics.pickup_time)


@dataclass
class OrderPage:
    """The rows of a page of orders, as dicts of these tables' columns: a platform's parser
    (`app.platforms.<name>.parse`) makes them, the sync's ingest stores them."""

    orders: list[dict[str, Any]] = field(default_factory=list)
    lines: list[dict[str, Any]] = field(default_factory=list)
    parcels: list[dict[str, Any]] = field(default_factory=list)

    @property
    def max_update_time(self) -> int:
        return max((row["update_time"] for row in self.orders), default=0)
