"""Records from the platform the mirror could not hold, kept as they came.

Owns the `quarantined_records` table: one row per distinct bad record (per stream and
raw content) that the sync set aside instead of storing — a number too big for the
database, a character it cannot hold, a text longer than its column, a change time in
the platform's future, a record of the wrong shape (a required field missing or not a
number, something that is not a record at all). The raw JSON is kept exactly as received (ASCII-escaped, so
any database can hold it), with the record's id when it could be read, the reason in
plain words (English source, context "sync") and a technical detail. Needs attention
lists the open rows; a later good version of the same record closes them
(`resolved_at`), so the list shows only what still needs a person. The owner may also
dismiss one (`dismissed_at`, `dismissed_by`: a user id), once dealt with in the
platform's own back office; the row and its raw record stay, and a later bad version
of the same record, being another row, is listed again.
"""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UnixTime

# A sha256 hex digest of the raw JSON: the same bad record seen again (the overlap
# window re-reads it every run) updates one row instead of adding another.
FINGERPRINT_LENGTH = 64
RECORD_ID_LENGTH = 64


class QuarantinedRecord(Base):
    __tablename__ = "quarantined_records"
    __table_args__ = (
        UniqueConstraint("stream", "fingerprint"),
        Index("ix_quarantined_records_stream_record_id", "stream", "record_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    stream: Mapped[str] = mapped_column(String(32))  # "orders" or "after_sales"
    record_id: Mapped[str] = mapped_column(String(RECORD_ID_LENGTH), default="")  # "" when unreadable
    fingerprint: Mapped[str] = mapped_column(String(FINGERPRINT_LENGTH))
    raw: Mapped[str] = mapped_column(Text)  # the record's JSON as received
    reason: Mapped[str] = mapped_column(Text)  # plain words, English source (context "sync")
    detail: Mapped[str] = mapped_column(Text, default="")  # which field, which value, for support
    update_time: Mapped[int | None] = mapped_column(UnixTime)  # the record's own, when readable
    first_seen_at: Mapped[int] = mapped_column(UnixTime)
    last_seen_at: Mapped[int] = mapped_column(UnixTime)
    resolved_at: Mapped[int | None] = mapped_column(UnixTime)  # a good version was stored since
    dismissed_at: Mapped[int | None] = mapped_column(UnixTime)  # the owner took it off the list
    dismissed_by: Mapped[int | None] = mapped_column(Integer)  # users.id of who did
