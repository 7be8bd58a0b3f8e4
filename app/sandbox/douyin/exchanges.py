"""Goods going out and coming back, as the sandbox store checks them: exchanges, resends, repairs.

Owns the checks of an `afterSale.operate` item's `logistics` (the return address of 101,
301 and 601 as an int64 `receiver_address_id`, or an `after_sale_address_detail`; the
carrier and tracking number of 311, the exchange's new goods, and of 611, the repaired
goods), what the store keeps of the goods sent, and `afterSale.fillLogistics`, which
sends a resend's goods (`send_type` 1) and moves the request from 8 (待商家发货) to 13.
Written from the public record (codes.py names the sources), never from the client's
code; 611's logistics and the refusal numbers reused from `order.logisticsAdd` are ours.
"""

from __future__ import annotations

from typing import Any

from app.sandbox.catalogue import CARRIERS_BY_CODE, tracking_fits
from app.sandbox.douyin import lifecycle
from app.sandbox.douyin.codes import (
    ADDRESS_OPERATIONS,
    BUSINESS_WRONG_STATE,
    FILL_LOGISTICS_METHOD,
    FILL_LOGISTICS_TRANSITIONS,
    SEND_TYPE_RESEND,
    SHIPPING_OPERATIONS,
    LogisticsRefusal,
    RecordRole,
)
from app.sandbox.douyin.dialect import business, invalid, missing

# (ours) what the goods sent are kept under, as the Detail's `logistics_info` names them
# (SDK `LogisticsInfo`: `exchange` 卖家换货物流, `resend` 补寄物流).
SENT_GOODS = {311: "exchange", 611: "exchange", FILL_LOGISTICS_METHOD: "resend"}


def check_logistics(operate_type: int, item: dict[str, Any]) -> None:
    """Raise the platform's refusal unless the item's `logistics` has what the type needs."""
    logistics = item.get("logistics")
    if logistics is not None and not isinstance(logistics, dict):
        raise invalid("logistics 必须是对象")
    logistics = logistics or {}
    if operate_type in ADDRESS_OPERATIONS:
        address = logistics.get("receiver_address_id")
        if address is None and isinstance(logistics.get("after_sale_address_detail"), dict):
            return  # the address written out: the record's other way (不推荐使用)
        if address is None:
            raise missing("logistics.receiver_address_id")
        if isinstance(address, bool) or not isinstance(address, int) or address <= 0:
            raise invalid(
                f"receiver_address_id 必须是整数地址 ID（/address/list 的 address_id），收到 {address!r}"
            )
    if operate_type in SHIPPING_OPERATIONS:
        check_shipment(logistics.get("company_code"), logistics.get("logistics_code"), "logistics.")


def check_shipment(company_code: Any, tracking_no: Any, prefix: str = "") -> None:
    """A carrier the platform lists and a number that fits it (the refusals of order.logisticsAdd)."""
    if not isinstance(company_code, str) or not company_code.strip():
        raise missing(prefix + "company_code")
    if not isinstance(tracking_no, str) or not tracking_no.strip():
        raise missing(prefix + ("logistics_code" if prefix else "tracking_no"))
    carrier = CARRIERS_BY_CODE.get(company_code.strip())
    if carrier is None:
        raise invalid(f"不支持的物流公司 {company_code}", LogisticsRefusal.UNKNOWN_CARRIER)
    if not tracking_fits(carrier.code, tracking_no.strip()):
        raise invalid(
            f"运单号 {tracking_no} 不符合{carrier.name}的单号规则", LogisticsRefusal.TRACKING_DOES_NOT_FIT
        )


def keep_sent_goods(
    asale: lifecycle.AfterSale, how: int | str, company_code: str, tracking_no: str, at: int
) -> None:
    """Keep the carrier and number of goods the shop sent (for the Detail's logistics_info)."""
    carrier = CARRIERS_BY_CODE[company_code.strip()]
    asale.sim[f"{SENT_GOODS[how]}_logistics"] = {
        "tracking_no": tracking_no.strip(),
        "company_name": carrier.name,
        "company_code": carrier.code,
        "logistics_time": at,
    }


def keep_operated_goods(asale: lifecycle.AfterSale, operate_type: int, item: dict[str, Any], at: int) -> None:
    """After an applied operate: the return address it agreed to (101, 301, 601; the Detail's
    `after_sale_info.return_address_id`), the carrier and number of goods it sent out (311, 611)."""
    address = (item.get("logistics") or {}).get("receiver_address_id")
    if operate_type in ADDRESS_OPERATIONS and isinstance(address, int):
        asale.sim["return_address_id"] = address
    if operate_type in SHIPPING_OPERATIONS:
        sent = item["logistics"]
        keep_sent_goods(asale, operate_type, sent["company_code"], sent["logistics_code"], at)


def fill_logistics(ctx: Any, params: dict[str, Any]) -> Any:
    """`afterSale.fillLogistics` {aftersale_id int64, send_type, company_code, tracking_no}:
    send_type 1 sends a resend's goods; the other send types (the buyer's return logistics
    filled in by the shop) the sandbox does not take (ours)."""
    raw_id = params.get("aftersale_id")
    if raw_id is None or raw_id == "":
        raise missing("aftersale_id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, int):
        raise invalid(f"aftersale_id 必须是整数，收到 {raw_id!r}")
    send_type = params.get("send_type")
    if send_type is None:
        raise missing("send_type")
    if send_type != SEND_TYPE_RESEND:
        raise invalid(f"不支持的发货类型 send_type={send_type!r}（沙箱仅支持 1：补寄商家发货）")
    company_code, tracking_no = params.get("company_code"), params.get("tracking_no")
    check_shipment(company_code, tracking_no)
    now = ctx.clock.now()
    with ctx.store.transaction() as store:
        asale = store.after_sale(str(raw_id))
        if asale is None:
            raise invalid(f"售后单 {raw_id} 不存在")
        target = FILL_LOGISTICS_TRANSITIONS.get((asale.type, asale.status))
        if target is None:
            raise business(BUSINESS_WRONG_STATE, f"售后单 {raw_id} 当前状态({asale.status})不支持补寄发货")
        order = store.order(asale.order_id)
        assert order is not None  # every request has its order
        before = asale.status
        lifecycle.set_after_sale_status(asale, order, target, now, now, ctx.platform.seed)
        keep_sent_goods(asale, FILL_LOGISTICS_METHOD, str(company_code), str(tracking_no), now)
        lifecycle.record(asale, RecordRole.MERCHANT, "merchant_agreed", now)  # the action's words: ours
        store.save_after_sale(asale)
        store.save_order(order)
        store.ledger_append(
            now,
            "client",
            FILL_LOGISTICS_METHOD,
            asale.id,
            {"send_type": send_type, "company_code": company_code, "tracking_no": tracking_no},
            {"from": before, "to": target},
        )
    return {}
