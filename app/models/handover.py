"""Requests a clerk handed to the owner: beyond the clerk's limits, or needing the owner's word.

Owns the `owner_handovers` table: one row per request waiting for the owner, with who
handed it, why, and when. `app/services/refunds/owner_handover.py` writes and clears it (the
owner hands it back), and a decision on the request clears it too
(`refund_decisions.queue_decision`): once decided it waits for nobody.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import PLATFORM_ID_LENGTH, Base, UnixTime


class OwnerHandover(Base):
    __tablename__ = "owner_handovers"

    aftersale_id: Mapped[str] = mapped_column(String(PLATFORM_ID_LENGTH), primary_key=True)
    handed_by: Mapped[int] = mapped_column(Integer, ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(Text)
    handed_at: Mapped[int] = mapped_column(UnixTime)
