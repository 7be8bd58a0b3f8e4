"""A small shop with after-sale requests waiting, for the refund screens' tests and screenshots.

`seed_queue()` writes orders, lines, parcels and requests of every kind the queue
shows (urgent, later, returned goods to inspect, expired while offline) with the
sync engine's upsert, and the platform's refusal reasons as the sync engine would
have fetched them. Ids are fixed so tests can name the requests.
"""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.models import AuditEvent, OutboxOperation
from app.platforms.douyin.codes import AfterSaleStatus, AfterSaleType, OrderStatus
from app.sandbox.douyin.codes import REJECT_REASONS
from app.services.platform_lists import REJECT_REASONS_LIST, store_list
from tests.builders import HOUR, NOW, after_sale_row, order_line_row, order_row, parcel_row, seed

S, T = AfterSaleStatus, AfterSaleType
URGENT = "7200000000000000001"  # refund before shipment, due in 40 min
SOON = "7200000000000000002"  # refund only after shipment, due in 5 h, ¥159
RETURN = "7200000000000000003"  # return and refund awaiting the merchant
RETURNED = "7200000000000000004"  # returned goods to inspect
EXPIRED = "7200000000000000005"  # deadline passed while offline
BIG = "7200000000000000006"  # ¥899 refund: above a clerk's limit
EVIDENCE_URL = "http://127.0.0.1:9/evidence/missing.png"  # nothing listens: the placeholder shows


def store_reasons(session_factory: sessionmaker[Session], now: int = NOW) -> None:
    payload = {
        "items": [{"reject_reason_code": c, "reason": r, "evidence_need": n} for c, r, n in REJECT_REASONS]
    }
    with session_factory.begin() as session:
        store_list(session, REJECT_REASONS_LIST, payload, now)


def seed_queue(
    session_factory: sessionmaker[Session], now: int = NOW, evidence: tuple[str, ...] = (EVIDENCE_URL,)
) -> None:
    """Six requests waiting for the merchant, with their orders (Chinese, realistic)."""
    specs = [
        (URGENT, "四川丑橘 新鲜现摘", 4_580, OrderStatus.AWAITING_SHIPMENT, T.REFUND_BEFORE_SHIPMENT,
         S.AWAITING_MERCHANT, 40 * 60, "不想要了，拍错了", ""),
        (SOON, "加绒卫衣 宽松连帽", 15_900, OrderStatus.SHIPPED, T.REFUND_AFTER_SHIPMENT,
         S.AWAITING_MERCHANT, 5 * HOUR, "商品破损，袖口开线", ""),
        (RETURN, "高腰阔腿牛仔裤", 15_900, OrderStatus.COMPLETED, T.RETURN_AND_REFUND,
         S.AWAITING_MERCHANT, 30 * HOUR, "七天无理由退货", ""),
        (RETURNED, "家用静音加湿器", 13_900, OrderStatus.COMPLETED, T.RETURN_AND_REFUND,
         S.RETURN_AWAITING_RECEIPT, 20 * HOUR, "质量问题，不出雾", "SF1400000000001"),
        (EXPIRED, "304不锈钢保温杯 500ml", 4_990, OrderStatus.AWAITING_SHIPMENT, T.REFUND_BEFORE_SHIPMENT,
         S.AWAITING_MERCHANT, -2 * HOUR, "发货太慢", ""),
        (BIG, "儿童防滑运动鞋 套装", 89_900, OrderStatus.SHIPPED, T.REFUND_AFTER_SHIPMENT,
         S.AWAITING_MERCHANT, 36 * HOUR, "尺码不合适", ""),
    ]  # fmt: skip
    orders, lines, parcels, requests = [], [], [], []
    for aftersale_id, product, pay, order_status, kind, status, left, reason, back in specs:
        shipped = order_status in (OrderStatus.SHIPPED, OrderStatus.COMPLETED)
        order = order_row(
            status=int(order_status),
            create_time=now - 4 * 24 * HOUR,
            update_time=now - 3 * 24 * HOUR,
            ship_time=now - 3 * 24 * HOUR if shipped else None,
            finish_time=now - 2 * 24 * HOUR if order_status == OrderStatus.COMPLETED else None,
            # Received (物流收货时间) before the buyer confirmed; a shipped order is on its way.
            receipt_time=now - 2 * 24 * HOUR - 6 * HOUR if order_status == OrderStatus.COMPLETED else None,
            order_amount=pay,
            pay_amount=pay,
            items_summary=f"{product} ×1",
            buyer_id="buyer-" + aftersale_id[-1],
        )
        line = order_line_row(order, product_name=product)
        orders.append(order)
        lines.append(line)
        if shipped:
            parcels.append(parcel_row(order))
        requests.append(
            after_sale_row(
                order,
                aftersale_id=aftersale_id,
                related_id=line["sku_order_id"],
                type=int(kind),
                status=int(status),
                apply_time=now - 8 * HOUR,
                update_time=now - 8 * HOUR,
                status_deadline=now + left,
                refund_amount=pay,
                reason_text=reason,
                product_name=product,
                return_tracking_no=back,
                return_company_name="顺丰速运" if back else "",
                evidence=json.dumps(list(evidence)) if aftersale_id == SOON else "[]",
            )
        )
    seed(session_factory, orders, lines, parcels, requests)
    store_reasons(session_factory, now)


def written(session_factory: sessionmaker[Session], aftersale_id: str) -> tuple[list[str], list[str]]:
    """The audit actions and outbox states recorded for one request."""
    with session_factory() as session:
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity_id == aftersale_id).order_by(AuditEvent.id)
        ).all()
        states = session.scalars(
            select(OutboxOperation.state)
            .where(OutboxOperation.entity_id == aftersale_id)
            .order_by(OutboxOperation.seq)
        ).all()
    return list(actions), list(states)


def outbox_size(session_factory: sessionmaker[Session]) -> int:
    with session_factory() as session:
        return session.scalar(select(func.count()).select_from(OutboxOperation)) or 0
