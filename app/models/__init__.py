"""The local mirror's ORM models (SQLAlchemy only, no Qt)."""

from app.models.after_sales import AfterSale, AfterSaleStatusChange
from app.models.automation import AutomationEvaluation, AutomationRule, AutomationRuleVersion
from app.models.base import Base
from app.models.evidence import EvidencePicture
from app.models.handover import OwnerHandover
from app.models.orders import Order, OrderLine, OrderLogistics
from app.models.outbox import OutboxOperation
from app.models.people import AuditEvent, User
from app.models.platform_lists import PlatformList
from app.models.quarantine import QuarantinedRecord
from app.models.request_history import RequestHistory
from app.models.schema_versions import SchemaVersion
from app.models.shop_rules import ShopRuleSetRow
from app.models.sync_state import SyncCursor

__all__ = [
    "AfterSale",
    "AfterSaleStatusChange",
    "AuditEvent",
    "AutomationEvaluation",
    "AutomationRule",
    "AutomationRuleVersion",
    "Base",
    "EvidencePicture",
    "Order",
    "OrderLine",
    "OrderLogistics",
    "OutboxOperation",
    "OwnerHandover",
    "PlatformList",
    "QuarantinedRecord",
    "RequestHistory",
    "SchemaVersion",
    "ShopRuleSetRow",
    "SyncCursor",
    "User",
]
