"""The declarative base every table of the local mirror shares.

Owns: the naming convention for constraints (Alembic's batch mode on SQLite needs
named constraints to alter them) and the column conventions of ARCHITECTURE.md:
money in integer minor units (fen) with its currency; the app's vocabulary as its
stable string values, the platform's codes kept beside them; times as UTC Unix
seconds (what the platform sends, and cheap to compare and index on any database);
platform ids as strings.
"""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import BigInteger, MetaData, Table
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Platform ids are up to 19 digits; kept as text so no database rounds them.
PLATFORM_ID_LENGTH = 32

# A UTC instant in Unix seconds, or None when the platform has not set it.
UnixTime = BigInteger
# An amount of money in fen (1/100 yuan), or the minor unit of the row's `currency`.
Fen = BigInteger
# The ISO 4217 code of a row's amounts; every Douyin shop sells in yuan.
CURRENCY_LENGTH = 3
DEFAULT_CURRENCY = "CNY"
# A value of the app's vocabulary (app/core/vocabulary.py: RequestKind, RequestState, OrderState).
WORD_LENGTH = 32


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # Every model here maps one table (DeclarativeBase says only "a FromClause"), so
    # `Model.__table__` can go where SQLAlchemy wants a Table: inserts, upserts, updates.
    __table__: ClassVar[Table]
