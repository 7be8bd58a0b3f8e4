"""A refusal's evidence pictures, kept in the database until the platform has them.

Owns the `evidence_pictures` table: each picture a person attached to a refusal, named
by its content (`<sha256>.<ext>`, the name an outbox operation's `local-evidence:`
reference carries), so the same picture kept twice is one row. The pictures live in
the shared database rather than one computer's data folder because, with several
workstations on one PostgreSQL database, the process that pushes the refusal may run
on another computer (ARCHITECTURE.md "Scale"). `app/services/refunds/refusal_evidence.py`
writes and reads the rows and forgets those no operation still needs.
"""

from __future__ import annotations

from sqlalchemy import Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UnixTime

# 64 hex digits, a dot and an extension ("png", "jpg", "webp").
PICTURE_NAME_LENGTH = 80


class EvidencePicture(Base):
    __tablename__ = "evidence_pictures"

    name: Mapped[str] = mapped_column(String(PICTURE_NAME_LENGTH), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)  # BLOB on SQLite, bytea on PostgreSQL
    byte_size: Mapped[int] = mapped_column(Integer)  # the size without reading the picture
    created_at: Mapped[int] = mapped_column(UnixTime)
