"""Lists the platform publishes and the app keeps a copy of, so it works offline.

Owns the `platform_lists` table: one row per list (e.g. `afterSale.rejectReasonCodeList`),
its payload exactly as the platform sent it (JSON text) and when it was fetched. The
sync engine refreshes a list when it is missing or old; services read the copy.
"""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UnixTime


class PlatformList(Base):
    __tablename__ = "platform_lists"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    payload: Mapped[str] = mapped_column(Text)  # JSON, as the platform sent `data`
    fetched_at: Mapped[int] = mapped_column(UnixTime)
