"""Which release of the desk brought the database to each schema it has had.

Owns the `schema_versions` table: one row per Alembic revision the database was upgraded
to, with the desk version (app/version.py) that ran the upgrade and when. Why: a desk that
finds its database at a revision it does not know (a newer release upgraded it) reads
here which version that was, and tells the person exactly what to install
(app/db.py `DatabaseTooNew`). Written only by `app/db.upgrade_to_head`, in the
transaction of the upgrade. Never rename or drop it: older desks read it by name.
"""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UnixTime


class SchemaVersion(Base):
    __tablename__ = "schema_versions"

    revision: Mapped[str] = mapped_column(String(32), primary_key=True)
    app_version: Mapped[str] = mapped_column(String(32))
    upgraded_at: Mapped[int] = mapped_column(UnixTime)
