"""Where each sync stream stands.

Owns the `sync_cursors` table: one row per stream ("orders", "after_sales") with the
high-water mark of platform `update_time` fully ingested. The engine writes a cursor
in the same transaction as the page that moved it, so a crash repeats a page and
never skips one.
"""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UnixTime


class SyncCursor(Base):
    __tablename__ = "sync_cursors"

    stream: Mapped[str] = mapped_column(String(32), primary_key=True)
    high_water: Mapped[int] = mapped_column(UnixTime)
    last_success_at: Mapped[int | None] = mapped_column(UnixTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
