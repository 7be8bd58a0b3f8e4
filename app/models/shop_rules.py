"""A shop's own rule sets, laid on top of its platform's (issue 18).

Owns the `shop_rule_sets` table: one row per set the owner added, with its name, the day it
takes effect (ISO date, in the shop's calendar), the values it sets (a JSON object of a rule
file's path -> whole number, e.g. a longer no-reason window the shop promises its buyers),
why, who added it and when. Rows are only added (`app/services/rule_history/shop_sets.py`,
audited): a later set with its own date replaces an earlier one's values from that date on.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UnixTime

SHOP_RULE_SET_NAME_MAX = 64


class ShopRuleSetRow(Base):
    __tablename__ = "shop_rule_sets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(SHOP_RULE_SET_NAME_MAX), unique=True)
    effective: Mapped[str] = mapped_column(String(10))  # YYYY-MM-DD, the shop's calendar
    rule_values: Mapped[str] = mapped_column(Text)  # JSON: {"after_sales.no_reason_window_hours": 720}
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int] = mapped_column(Integer, ForeignKey("users.id"))
    created_at: Mapped[int] = mapped_column(UnixTime)
