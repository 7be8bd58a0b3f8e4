"""After-sale requests mirrored from the platform.

Owns the `after_sales` table, one row per request (`aftersale_info` plus the parts
of `order_info` and `text_part` the screens need). Written only by the sync
engine's upsert, guarded by `update_time`.
"""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import PLATFORM_ID_LENGTH, Base, Fen, UnixTime


class AfterSale(Base):
    __tablename__ = "after_sales"

    aftersale_id: Mapped[str] = mapped_column(String(PLATFORM_ID_LENGTH), primary_key=True)
    # No foreign key: a request can arrive before the order it belongs to is pulled.
    order_id: Mapped[str] = mapped_column(String(PLATFORM_ID_LENGTH), index=True)
    related_id: Mapped[str] = mapped_column(String(PLATFORM_ID_LENGTH), default="")  # SKU order id
    type: Mapped[int] = mapped_column(Integer)
    status: Mapped[int] = mapped_column(Integer, index=True)
    refund_status: Mapped[int | None] = mapped_column(Integer)
    apply_time: Mapped[int] = mapped_column(UnixTime)
    update_time: Mapped[int] = mapped_column(UnixTime, index=True)
    status_deadline: Mapped[int | None] = mapped_column(UnixTime, index=True)
    refund_amount: Mapped[int] = mapped_column(Fen, default=0)
    refund_post_amount: Mapped[int] = mapped_column(Fen, default=0)
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
