"""Per after-sale request, whether its history is in the mirror.

Owns the `request_histories` table (migration 0021): one row per request whose history
the backfill (app/sync/history_backfill.py) has asked the platform for, saying how that
went. The dashboard's coverage (app/services/metrics/coverage.py) reads it to say which
days' figures lack a request's history.
"""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import PLATFORM_ID_LENGTH, WORD_LENGTH, Base, UnixTime

# How reading a request's history went (`RequestHistory.outcome`).
HISTORY_READ = "read"  # its status changes are in the mirror
HISTORY_NONE = "none"  # the platform gave no history for it, or one that could not be read
HISTORY_FAILED = "failed"  # the platform would not answer for it (refused, or failed too often)
MISSING = (HISTORY_NONE, HISTORY_FAILED)


class RequestHistory(Base):
    __tablename__ = "request_histories"

    aftersale_id: Mapped[str] = mapped_column(String(PLATFORM_ID_LENGTH), primary_key=True)
    # One of the outcomes above; None while only failing for now (`attempts` counts those).
    outcome: Mapped[str | None] = mapped_column(String(WORD_LENGTH))
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    checked_at: Mapped[int] = mapped_column(UnixTime)  # when the platform was last asked
